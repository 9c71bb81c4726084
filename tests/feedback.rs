//! "Was this page useful?" and "Report a problem", on SQLite and (in the test command)
//! PostgreSQL: the JSON API the island uses, the form without JavaScript, the checks that refuse
//! a form and store nothing (honeypot, too soon, empty, too long, another site's page), the
//! per-address limit, and `smsite feedback export`.
#![cfg(feature = "ssr")]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::TestApp;
use serde_json::json;

/// Two forms per address per window here, so the limit is reached quickly.
async fn apps() -> &'static [TestApp] {
    static APPS: tokio::sync::OnceCell<Vec<TestApp>> = tokio::sync::OnceCell::const_new();
    APPS.get_or_init(|| {
        common::apps(
            "feedback",
            &[
                ("SMSITE_FEEDBACK_LIMIT", "2"),
                ("SMSITE_FEEDBACK_WINDOW", "600"),
            ],
        )
    })
    .await
}

/// A drawn page's time, far enough back for the minimum fill time.
fn started() -> i64 {
    smsite::server::limits::unix_now() - 30
}

/// The stored forms about `page`. Each test writes about a page of its own: the tests share one
/// database and run at the same time.
async fn stored(app: &TestApp, page: &str) -> Vec<smsite::server::feedback_store::Stored> {
    let all = app.state.store.feedback_since("2000-01-01").await.unwrap();
    all.into_iter().filter(|r| r.page == page).collect()
}

async fn api(app: &TestApp, client: &str, body: serde_json::Value) -> common::Answer {
    common::send(
        &app.router,
        client,
        common::post_json("/api/v1/feedback", &body.to_string()),
    )
    .await
}

fn form(path: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[test]
fn the_api_stores_an_answer_and_refuses_bad_input_storing_nothing() {
    common::block_on(async {
        for app in apps().await {
            let before = stored(app, "/en/procedures/work-permit").await.len();
            let ok = api(
                app,
                "10.9.0.1",
                json!({"page": "/en/procedures/work-permit", "useful": "no", "doing": "Pay", "wrong": "Which card?", "started": started()}),
            )
            .await;
            assert_eq!(
                ok.status,
                StatusCode::CREATED,
                "{}: {}",
                app.backend,
                ok.text()
            );
            let rows = stored(app, "/en/procedures/work-permit").await;
            assert_eq!(rows.len(), before + 1, "{}", app.backend);
            let last = rows.last().unwrap();
            assert_eq!(
                (
                    last.page.as_str(),
                    last.locale.as_str(),
                    last.useful.as_str(),
                    last.wrong.as_str()
                ),
                ("/en/procedures/work-permit", "en", "no", "Which card?")
            );
            assert_eq!(last.created, smsite::server::api::today_in_baku().iso());

            let long = "x".repeat(2000);
            let refused = [
                (
                    json!({"page": "/en/procedures/work-permit", "useful": "no", "wrong": long, "started": started()}),
                    Some("wrong"),
                    "too_long",
                ),
                (
                    json!({"page": "/en/procedures/work-permit", "useful": "no", "wrong": "  ", "started": started()}),
                    Some("wrong"),
                    "missing",
                ),
                (
                    json!({"page": "/en/procedures/work-permit", "useful": "yes", "started": smsite::server::limits::unix_now()}),
                    None,
                    "too_soon",
                ),
                (
                    json!({"page": "https://elsewhere.example/", "useful": "yes", "started": started()}),
                    Some("page"),
                    "invalid",
                ),
                (
                    json!({"page": "/en/procedures/work-permit", "useful": "maybe", "started": started()}),
                    Some("useful"),
                    "invalid",
                ),
            ];
            for (i, (body, field, code)) in refused.into_iter().enumerate() {
                let a = api(app, &format!("10.9.1.{i}"), body).await;
                assert_eq!(
                    a.status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{}: {}",
                    app.backend,
                    a.text()
                );
                assert_eq!(a.json()["field"], json!(field), "{}", a.text());
                assert_eq!(a.json()["code"], code, "{}", a.text());
            }
            let malformed = api(
                app,
                "10.9.2.1",
                json!({"page": "/en/procedures/work-permit", "name": "me"}),
            )
            .await;
            assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
            // The honeypot: answered as received, so a robot learns nothing, but not stored.
            let robot = api(
                app,
                "10.9.3.1",
                json!({"page": "/en/procedures/work-permit", "useful": "yes", "started": started(), "website": "http://spam.example"}),
            )
            .await;
            assert_eq!(robot.status, StatusCode::CREATED);
            assert_eq!(
                stored(app, "/en/procedures/work-permit").await.len(),
                before + 1,
                "{}: a refused form was stored",
                app.backend
            );
        }
    })
}

#[test]
fn each_address_may_send_only_so_many() {
    common::block_on(async {
        for app in apps().await {
            let yes = json!({"page": "/ru/procedures/registration", "useful": "yes", "started": started()});
            for _ in 0..2 {
                assert_eq!(
                    api(app, "10.9.4.1", yes.clone()).await.status,
                    StatusCode::CREATED
                );
            }
            let before = stored(app, "/ru/procedures/registration").await.len();
            let third = api(app, "10.9.4.1", yes.clone()).await;
            assert_eq!(
                third.status,
                StatusCode::TOO_MANY_REQUESTS,
                "{}",
                app.backend
            );
            assert!(third.headers.contains_key(header::RETRY_AFTER));
            assert_eq!(
                stored(app, "/ru/procedures/registration").await.len(),
                before
            );
            // Another address is not held back.
            assert_eq!(api(app, "10.9.4.2", yes).await.status, StatusCode::CREATED);
        }
    })
}

#[test]
fn the_forms_work_without_javascript() {
    common::block_on(async {
        let app = &apps().await[0];
        let send = |body: String| async move {
            common::send(&app.router, "10.9.5.1", form("/az/feedback", &body)).await
        };
        let t = started();
        // "Yes" on the question: stored, then the thank-you page.
        let before = stored(app, "/az/fees").await.len();
        let yes = send(format!(
            "page=%2Faz%2Ffees&started={t}&step=question&useful=yes"
        ))
        .await;
        assert_eq!(yes.status, StatusCode::SEE_OTHER, "{}", yes.text());
        assert_eq!(
            yes.headers[header::LOCATION],
            "/az/feedback?page=/az/fees&sent=1"
        );
        assert_eq!(stored(app, "/az/fees").await.len(), before + 1);
        let thanks = common::send(
            &app.router,
            "10.9.5.1",
            Request::get("/az/feedback?page=/az/fees&sent=1")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert!(
            thanks.text().contains("Rəyiniz üçün təşəkkür edirik"),
            "{}",
            thanks.text()
        );

        // "No" on the question: to the form, nothing stored yet.
        let no = send(format!(
            "page=%2Faz%2Ffees&started={t}&step=question&useful=no"
        ))
        .await;
        assert_eq!(no.status, StatusCode::SEE_OTHER);
        let to = no.headers[header::LOCATION].to_str().unwrap().to_string();
        assert_eq!(to, "/az/feedback?page=/az/fees&useful=no");
        assert_eq!(stored(app, "/az/fees").await.len(), before + 1);
        let page = common::send(
            &app.router,
            "10.9.5.1",
            Request::get(to.as_str()).body(Body::empty()).unwrap(),
        )
        .await;
        let html = page.text();
        assert!(
            html.contains("name=\"doing\"") && html.contains("name=\"wrong\""),
            "{html}"
        );
        assert!(html.contains("name=\"website\""), "the honeypot field");

        // The form, with an answer too long: the page again, with the error and what was typed.
        let long = "y".repeat(2000);
        let refused = send(format!(
            "page=%2Faz%2Ffees&started={t}&step=form&useful=no&doing=Pay&wrong={long}"
        ))
        .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = refused.text();
        assert!(html.contains("Cavabınız çox uzundur"), "translated error");
        assert!(html.contains(&long), "what was typed is shown again");
        assert_eq!(refused.headers[header::CACHE_CONTROL], "no-store");
        assert_eq!(stored(app, "/az/fees").await.len(), before + 1);

        // Corrected: stored.
        let ok = send(format!(
            "page=%2Faz%2Ffees&started={t}&step=form&useful=no&doing=Pay&wrong=Kart%20yoxdur"
        ))
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        let rows = stored(app, "/az/fees").await;
        assert_eq!(rows.len(), before + 2);
        assert_eq!(rows.last().unwrap().wrong, "Kart yoxdur");
        assert_eq!(rows.last().unwrap().locale, "az");
    })
}

#[test]
fn every_content_page_asks_whether_it_was_useful() {
    common::block_on(async {
        let site = common::site();
        for path in [
            "/en/procedures/registration",
            "/ru/journeys/first-90-days",
            "/az/fees",
            "/en/offices",
            "/en/privacy",
        ] {
            let a = common::send(
                &site,
                "10.9.6.1",
                Request::get(path).body(Body::empty()).unwrap(),
            )
            .await;
            let html = a.text();
            assert!(html.contains("class=\"feedback\""), "{path}");
            assert!(
                html.contains("data-hydrate=\"submit\""),
                "{path}: hydrated only when sent"
            );
            assert!(
                html.contains(&format!("name=\"page\" value=\"{path}\"")),
                "{path}"
            );
        }
    })
}

#[test]
fn the_export_writes_csv() {
    common::block_on(async {
        let app = &apps().await[0];
        assert_eq!(app.backend, "sqlite");
        api(
            app,
            "10.9.7.1",
            json!({"page": "/en/offices", "useful": "no", "wrong": "=cmd|' /C calc'!A0, and more", "started": started()}),
        )
        .await;
        let smsite::server::config::Database::Sqlite(path) = &app.state.config.database else {
            unreachable!()
        };
        let path = path.to_str().unwrap();
        let (ok, out) = common::run(&["feedback", "export"], &[("SMSITE_DATABASE", path)]);
        assert!(ok, "{out}");
        assert!(
            out.starts_with("\u{feff}date,locale,page,useful,doing,wrong\n"),
            "{out}"
        );
        assert!(
            out.contains("/en/offices,no,,\"'=cmd|' /C calc'!A0, and more\""),
            "{out}"
        );
        let tomorrow = smsite::server::api::today_in_baku().add_days(1).iso();
        let (ok, out) = common::run(
            &["feedback", "export", "--since", &tomorrow],
            &[("SMSITE_DATABASE", path)],
        );
        assert!(ok, "{out}");
        assert!(!out.contains("/en/offices"), "{out}");
        let (ok, out) = common::run(
            &["feedback", "export", "--since", "yesterday"],
            &[("SMSITE_DATABASE", path)],
        );
        assert!(!ok && out.contains("YYYY-MM-DD"), "{out}");
    })
}

#[test]
fn feedback_older_than_a_year_is_deleted() {
    common::block_on(async {
        for app in apps().await {
            let entry = smsite::feedback::Entry {
                page: "/en/cookies".into(),
                locale: "en".into(),
                useful: Some(false),
                doing: String::new(),
                wrong: "Old".into(),
            };
            let store = &app.state.store;
            store.add_feedback(&entry, "2024-01-02").await.unwrap();
            store.add_feedback(&entry, "2026-12-01").await.unwrap();
            store.expire_feedback("2025-12-01").await.unwrap();
            let left: Vec<String> = stored(app, "/en/cookies")
                .await
                .into_iter()
                .map(|r| r.created)
                .collect();
            assert_eq!(left, ["2026-12-01"], "{}", app.backend);
        }
    })
}
