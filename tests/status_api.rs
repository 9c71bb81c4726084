//! `POST /api/v1/applications/status` over the demo applications, on SQLite and (in the test
//! command) PostgreSQL: each status, the same 404 for an unknown number and a wrong date of birth,
//! 422 naming the field, the per-address limit and the per-number lockout (429 with Retry-After,
//! shared by two instances on one database), and the page's form without JavaScript.
#![cfg(feature = "ssr")]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Answer, TestApp};
use serde_json::{json, Value};
use smsite::status::number::{ApplicationNumber, Procedure};

/// The limit in this test binary: generous, as each test uses its own client addresses.
const LIMIT: u32 = 40;

/// Two instances on each backend, sharing that backend's database (built once: see common::site).
/// Their PostgreSQL connections live on the binary's one runtime (common::block_on).
async fn apps() -> &'static [(TestApp, TestApp)] {
    static APPS: tokio::sync::OnceCell<Vec<(TestApp, TestApp)>> =
        tokio::sync::OnceCell::const_new();
    APPS.get_or_init(|| async {
        let limit = LIMIT.to_string();
        let mut pairs = Vec::new();
        for first in common::apps(
            "status-api",
            &[
                ("SMSITE_STATUS_LIMIT", &limit),
                ("SMSITE_STATUS_WINDOW", "600"),
            ],
        )
        .await
        {
            let second = common::app(first.backend, (*first.state.config).clone()).await;
            pairs.push((first, second));
        }
        pairs
    })
    .await
}

async fn post(app: &TestApp, client: &str, body: &str) -> Answer {
    common::send(
        &app.router,
        client,
        common::post_json("/api/v1/applications/status", body),
    )
    .await
}

async fn lookup(app: &TestApp, client: &str, number: &str, dob: &str) -> (StatusCode, Value) {
    let answer = common::lookup(&app.router, client, number, dob).await;
    (answer.status, answer.json())
}

#[test]
fn each_demo_application_answers_its_status() {
    common::block_on(async {
        let cases = [
            ("TR-2026-900001-I", "1990-04-12", "action_needed", true),
            (
                "WP-2026-900002-S",
                "1985-11-03",
                "ready_for_collection",
                false,
            ),
            ("EX-2026-900003-K", "2001-07-21", "under_review", true),
            ("RG-2026-900004-X", "1978-02-28", "closed", false),
            ("PR-2026-900005-3", "1969-09-09", "refused", false),
            ("RF-2026-900006-Y", "1995-05-05", "received", false),
            (
                "TD-2026-900007-G",
                "1988-12-30",
                "ready_for_collection",
                false,
            ),
            ("ex 2026 900008 a", "1999-03-15", "approved", false),
        ];
        for (app, _) in apps().await {
            for (number, dob, status, estimated) in cases {
                let (code, v) = lookup(app, "10.1.0.1", number, dob).await;
                assert_eq!(code, StatusCode::OK, "{number}: {v}");
                assert_eq!(v["status"], status, "{number}");
                assert_eq!(v["explanation_key"], format!("status.explain.{status}"));
                assert_eq!(
                    v["estimated_decision"].is_string(),
                    estimated,
                    "{number}: {v}"
                );
                assert!(!v["timeline"].as_array().unwrap().is_empty());
                assert!(v.get("date_of_birth").is_none());
            }
            let (_, v) = lookup(app, "10.1.0.1", "TR-2026-900001-I", "1990-04-12").await;
            assert_eq!(v["note"], "proof_of_address", "{}", app.backend);
            assert_eq!(v["number"], "TR-2026-900001-I");
        }
    });
}

/// A number never issued, with its right check character: well formed, so it reaches the database.
fn never_issued(serial: u32) -> String {
    ApplicationNumber::new(Procedure::TemporaryResidence, 2026, serial).display()
}

#[test]
fn unknown_numbers_and_wrong_dates_of_birth_give_the_same_404() {
    common::block_on(async {
        for (app, _) in apps().await {
            let wrong_dob = post(
                app,
                "10.2.0.1",
                &json!({"number": "TR-2026-900001-I", "date_of_birth": "1990-04-13"}).to_string(),
            )
            .await;
            let typo = post(
                app,
                "10.2.0.1",
                &json!({"number": "TR-2026-900011-X", "date_of_birth": "1990-04-12"}).to_string(),
            )
            .await;
            let unknown = post(
                app,
                "10.2.0.1",
                &json!({"number": never_issued(900_011), "date_of_birth": "1990-04-12"})
                    .to_string(),
            )
            .await;
            assert_eq!(wrong_dob.status, StatusCode::NOT_FOUND, "{}", app.backend);
            assert_eq!(unknown.status, StatusCode::NOT_FOUND);
            assert_eq!(wrong_dob.body, unknown.body, "byte-identical bodies");
            assert_eq!(
                wrong_dob.headers.get(header::CONTENT_TYPE),
                unknown.headers.get(header::CONTENT_TYPE)
            );
            // A mistyped check character is caught before the database: 422.
            assert_eq!(typo.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
    });
}

#[test]
fn malformed_input_is_422_naming_the_field() {
    common::block_on(async {
        let tomorrow = smsite::server::api::today_in_baku().add_days(1).iso();
        let cases: Vec<(String, &str, Option<&str>, Option<&str>)> = vec![
            ("not json".into(), "malformed_request", None, None),
            ("[]".into(), "malformed_request", None, None),
            (
                json!({"number": 5, "date_of_birth": "1990-01-01"}).to_string(),
                "malformed_request",
                Some("number"),
                None,
            ),
            (
                json!({"number": "TR-2026-900001-I", "date_of_birth": "1990-01-01", "name": "x"})
                    .to_string(),
                "unknown_field",
                Some("name"),
                None,
            ),
            (
                json!({"date_of_birth": "1990-01-01"}).to_string(),
                "invalid_input",
                Some("number"),
                Some("missing"),
            ),
            (
                json!({"number": "TR-2026-9001-I", "date_of_birth": "1990-01-01"}).to_string(),
                "invalid_input",
                Some("number"),
                Some("format"),
            ),
            (
                json!({"number": "ZZ-2026-900001-I", "date_of_birth": "1990-01-01"}).to_string(),
                "invalid_input",
                Some("number"),
                Some("unknown_procedure"),
            ),
            (
                json!({"number": "TR-2026-900001-J", "date_of_birth": "1990-01-01"}).to_string(),
                "invalid_input",
                Some("number"),
                Some("check_character"),
            ),
            (
                json!({"number": "TR-2026-900001-I"}).to_string(),
                "invalid_input",
                Some("date_of_birth"),
                Some("missing"),
            ),
            (
                json!({"number": "TR-2026-900001-I", "date_of_birth": "1990-02-30"}).to_string(),
                "invalid_input",
                Some("date_of_birth"),
                Some("not_a_date"),
            ),
            (
                json!({"number": "TR-2026-900001-I", "date_of_birth": tomorrow}).to_string(),
                "invalid_input",
                Some("date_of_birth"),
                Some("date_out_of_range"),
            ),
        ];
        for (app, _) in apps().await {
            for (body, error, field, code) in &cases {
                let answer = post(app, "10.3.0.1", body).await;
                let v = answer.json();
                assert_eq!(
                    answer.status,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "{body}: {v}"
                );
                assert_eq!(v["error"], *error, "{body}");
                assert_eq!(v["field"].as_str(), *field, "{body}");
                assert_eq!(v["code"].as_str(), *code, "{body}");
            }
        }
    });
}

#[test]
fn the_address_limit_holds_across_instances() {
    common::block_on(async {
        for (first, second) in apps().await {
            // Alternating between two instances on one database: one limit, not two.
            for i in 0..LIMIT {
                let app = if i % 2 == 0 { first } else { second };
                let (status, _) = lookup(app, "10.4.0.1", "TR-2026-900001-I", "1990-04-12").await;
                assert_eq!(status, StatusCode::OK, "{} try {i}", app.backend);
            }
            for app in [first, second] {
                let answer =
                    common::lookup(&app.router, "10.4.0.1", "TR-2026-900001-I", "1990-04-12").await;
                assert_eq!(
                    answer.status,
                    StatusCode::TOO_MANY_REQUESTS,
                    "{}",
                    app.backend
                );
                let wait: u64 = answer.headers[header::RETRY_AFTER]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((1..=600).contains(&wait));
            }
            // Another address is not affected; an IPv4-mapped IPv6 peer is its IPv4 address.
            let (status, _) = lookup(first, "10.4.0.2", "TR-2026-900001-I", "1990-04-12").await;
            assert_eq!(status, StatusCode::OK);
            let (status, _) =
                lookup(first, "::ffff:10.4.0.1", "TR-2026-900001-I", "1990-04-12").await;
            assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        }
    });
}

/// Thirty wrong dates of birth for one number, each from another address, end in 429 for that
/// number; a number that does not exist answers byte for byte the same at every step.
#[test]
fn failed_lookups_lock_a_number_whichever_addresses_try() {
    common::block_on(async {
        use smsite::server::status_store::FeedRow;
        for (first, second) in apps().await {
            let known = ApplicationNumber::new(Procedure::WorkPermit, 2026, 900_101);
            let row = FeedRow {
                number: known.clone(),
                date_of_birth: smsite::dates::Date::new(1980, 1, 2),
                procedure: Procedure::WorkPermit,
                submitted: smsite::dates::Date::new(2026, 11, 2),
                date: smsite::dates::Date::new(2026, 11, 2),
                status: smsite::status::reply::Status::Received,
                note: None,
            };
            first.state.store.import(&[(1, row)]).await.unwrap();
            let unknown = ApplicationNumber::new(Procedure::WorkPermit, 2026, 900_102).display();
            let mut statuses = Vec::new();
            for i in 0..30u32 {
                let app = if i % 2 == 0 { first } else { second };
                let dob = smsite::dates::Date::new(1980, 1, 3)
                    .add_days(i64::from(i))
                    .iso();
                let a = common::lookup(&app.router, &format!("10.6.{i}.1"), &known.display(), &dob)
                    .await;
                let b = common::lookup(&app.router, &format!("10.7.{i}.1"), &unknown, &dob).await;
                assert_eq!(a.status, b.status, "{} try {i}", app.backend);
                assert_eq!(a.body, b.body, "{} try {i}: same bytes", app.backend);
                assert_eq!(
                    a.headers.get(header::RETRY_AFTER),
                    b.headers.get(header::RETRY_AFTER)
                );
                statuses.push(a.status);
            }
            assert!(
                statuses[..5].iter().all(|s| *s == StatusCode::NOT_FOUND),
                "{statuses:?}"
            );
            assert!(
                statuses[5..]
                    .iter()
                    .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
                "{statuses:?}"
            );
            // Locked even for the right date of birth, from an address never seen.
            let right =
                common::lookup(&first.router, "10.8.0.1", &known.display(), "1980-01-02").await;
            assert_eq!(
                right.status,
                StatusCode::TOO_MANY_REQUESTS,
                "{}",
                first.backend
            );
            let wait: u64 = right.headers[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!((60..=3600).contains(&wait), "{wait}");
        }
    });
}

/// Fifty wrong dates of birth at once for one number: each try is counted before its lookup, so
/// no more than the allowed five get as far as the database.
#[test]
fn concurrent_tries_cannot_outrun_the_lockout() {
    common::block_on(async {
        for (first, second) in apps().await {
            let number = ApplicationNumber::new(Procedure::Registration, 2026, 900_201).display();
            let tries = (0..50u32).map(|i| {
                let app = if i % 2 == 0 { first } else { second };
                let dob = smsite::dates::Date::new(1970, 1, 1)
                    .add_days(i64::from(i))
                    .iso();
                let number = number.clone();
                async move {
                    common::lookup(&app.router, &format!("10.11.{i}.1"), &number, &dob)
                        .await
                        .status
                }
            });
            let statuses = futures_util::future::join_all(tries).await;
            let misses = statuses
                .iter()
                .filter(|s| **s == StatusCode::NOT_FOUND)
                .count();
            let refused = statuses
                .iter()
                .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
                .count();
            assert_eq!(
                (misses, refused),
                (5, 45),
                "{}: {statuses:?}",
                first.backend
            );
        }
    });
}

#[test]
fn the_page_form_works_without_javascript() {
    common::block_on(async {
        let form = |path: &str, number: &str, d: &str, m: &str, y: &str| {
            Request::post(path)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(format!(
                    "number={number}&dob-day={d}&dob-month={m}&dob-year={y}"
                )))
                .unwrap()
        };
        let (app, _) = &apps().await[0];
        let page = |request: Request<Body>| async {
            let answer = common::send(&app.router, "10.5.0.1", request).await;
            let html = answer.text();
            if answer.status != StatusCode::NOT_FOUND {
                // The page rendered for the POST is a page like any other: the page policy, nav.js.
                assert_eq!(
                    answer.headers[header::CONTENT_SECURITY_POLICY],
                    smsite::server::security::PAGE_POLICY
                );
                assert!(html.contains("<script type=\"module\" src=\"/pkg/nav."));
            }
            (
                answer.status,
                answer.headers.get(header::CACHE_CONTROL).cloned(),
                html,
            )
        };
        let (status, cache, html) =
            page(form("/en/status", "TR-2026-900001-I", "12", "4", "1990")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(cache.unwrap(), "no-store");
        assert!(
            html.contains("data-status=\"action_needed\""),
            "{html:.2000}"
        );
        assert!(html.contains("A document that shows the address where you live"));
        assert!(
            !html.contains("\"1990\""),
            "the date of birth is not carried in the page's data"
        );
        let (_, _, html) = page(form("/en/status", "TR-2026-900001-I", "13", "4", "1990")).await;
        assert!(html.contains("We could not find an application with these details"));
        let (_, _, html) = page(form("/en/status", "TR-2026-900001-J", "12", "4", "1990")).await;
        assert!(html.contains("This number has a typing mistake"));
        // A language we do not publish is the 404 page, and costs no try.
        let (status, _, _) = page(form("/xx/status", "TR-2026-900001-I", "12", "4", "1990")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    });
}

#[test]
fn health_and_readiness_answer() {
    common::block_on(async {
        for (app, _) in apps().await {
            for (path, body) in [("/healthz", "ok"), ("/readyz", "\"database\":true")] {
                let request = Request::get(path).body(Body::empty()).unwrap();
                let answer = common::send(&app.router, "10.5.0.2", request).await;
                assert_eq!(answer.status, StatusCode::OK, "{path} {}", app.backend);
                assert!(answer.text().contains(body), "{path}");
            }
        }
    });
}
