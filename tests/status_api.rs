//! `POST /api/v1/applications/status` over the demo applications: each status, the same 404
//! for an unknown number and a wrong date of birth, 422 naming the field, 429 with Retry-After,
//! and the page's form without JavaScript.
#![cfg(feature = "ssr")]

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::net::SocketAddr;
use tower::ServiceExt;

/// The limit in this test binary: generous, as each test uses its own client address.
const LIMIT: u32 = 40;

async fn app() -> axum::Router {
    static APP: tokio::sync::OnceCell<axum::Router> = tokio::sync::OnceCell::const_new();
    APP.get_or_init(|| async {
        let dir = std::env::temp_dir().join(format!("smsite-api-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        // Before anything reads the configuration: a fresh database and this binary's limit.
        std::env::set_var("SMSITE_DATABASE", dir.join("status.sqlite3"));
        std::env::set_var("SMSITE_STATUS_LIMIT", LIMIT.to_string());
        std::env::set_var("SMSITE_STATUS_WINDOW", "600");
        smsite::content::store::init().ok();
        smsite::server::status_api::prepare()
            .await
            .expect("demo data");
        smsite::server::app_router(smsite::server::config::leptos_options().unwrap())
    })
    .await
    .clone()
}

async fn post(client: &str, body: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let _ = any_spawner::Executor::init_tokio();
    let mut request = Request::post("/api/v1/applications/status")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let addr: SocketAddr = format!("{client}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(addr));
    let response = app().await.oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    (
        parts.status,
        parts.headers,
        body.collect().await.unwrap().to_bytes().to_vec(),
    )
}

async fn lookup(client: &str, number: &str, dob: &str) -> (StatusCode, Value) {
    let (status, _, bytes) = post(
        client,
        &json!({"number": number, "date_of_birth": dob}).to_string(),
    )
    .await;
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_demo_application_answers_its_status() {
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
    for (number, dob, status, estimated) in cases {
        let (code, v) = lookup("10.1.0.1", number, dob).await;
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
    let (_, v) = lookup("10.1.0.1", "TR-2026-900001-I", "1990-04-12").await;
    assert_eq!(v["note"], "proof_of_address");
    assert_eq!(v["number"], "TR-2026-900001-I");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_numbers_and_wrong_dates_of_birth_give_the_same_404() {
    let wrong_dob = post(
        "10.2.0.1",
        &json!({"number": "TR-2026-900001-I", "date_of_birth": "1990-04-13"}).to_string(),
    )
    .await;
    let unknown = post(
        "10.2.0.1",
        &json!({"number": "TR-2026-900011-X", "date_of_birth": "1990-04-12"}).to_string(),
    )
    .await;
    // TR-2026-900011 with the right check character: well formed but never issued.
    let never = smsite::status::number::ApplicationNumber::new(
        smsite::status::number::Procedure::TemporaryResidence,
        2026,
        900_011,
    )
    .display();
    let unknown_ok = post(
        "10.2.0.1",
        &json!({"number": never, "date_of_birth": "1990-04-12"}).to_string(),
    )
    .await;
    assert_eq!(wrong_dob.0, StatusCode::NOT_FOUND);
    assert_eq!(unknown_ok.0, StatusCode::NOT_FOUND);
    assert_eq!(wrong_dob.2, unknown_ok.2, "byte-identical bodies");
    assert_eq!(
        wrong_dob.1.get(header::CONTENT_TYPE),
        unknown_ok.1.get(header::CONTENT_TYPE)
    );
    // A mistyped check character is caught before the database: 422.
    assert_eq!(unknown.0, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_input_is_422_naming_the_field() {
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
    for (body, error, field, code) in cases {
        let (status, _, bytes) = post("10.3.0.1", &body).await;
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
        assert_eq!(v["error"], error, "{body}");
        assert_eq!(v["field"].as_str(), field, "{body}");
        assert_eq!(v["code"].as_str(), code, "{body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_lookups_from_one_address_get_429_with_retry_after() {
    for i in 0..LIMIT {
        let (status, _) = lookup("10.4.0.1", "TR-2026-900001-I", "1990-04-13").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "try {i}");
    }
    let (status, headers, _) = post(
        "10.4.0.1",
        &json!({"number": "TR-2026-900001-I", "date_of_birth": "1990-04-12"}).to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&wait));
    // Another address is not affected.
    let (status, _) = lookup("10.4.0.2", "TR-2026-900001-I", "1990-04-12").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_form_works_without_javascript() {
    let _ = any_spawner::Executor::init_tokio();
    let form = |number: &str, d: &str, m: &str, y: &str| {
        let mut request = Request::post("/en/status")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!(
                "number={number}&dob-day={d}&dob-month={m}&dob-year={y}"
            )))
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo("10.5.0.1:40000".parse::<SocketAddr>().unwrap()));
        request
    };
    let page = |request: Request<Body>| async {
        let response = app().await.oneshot(request).await.unwrap();
        let status = response.status();
        let cache = response.headers().get(header::CACHE_CONTROL).cloned();
        let policy = response
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let html = String::from_utf8_lossy(&bytes).into_owned();
        if status != StatusCode::NOT_FOUND {
            // The page rendered for the POST is a page like any other: the page policy, nav.js.
            assert_eq!(policy, smsite::server::security::PAGE_POLICY);
            assert!(html.contains("<script type=\"module\" src=\"/pkg/nav."));
        }
        (status, cache, html)
    };
    let (status, cache, html) = page(form("TR-2026-900001-I", "12", "4", "1990")).await;
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
    let (_, _, html) = page(form("TR-2026-900001-I", "13", "4", "1990")).await;
    assert!(html.contains("We could not find an application with these details"));
    let (_, _, html) = page(form("TR-2026-900001-J", "12", "4", "1990")).await;
    assert!(html.contains("This number has a typing mistake"));
    // A language we do not publish is the 404 page, and costs no try.
    let mut request = form("TR-2026-900001-I", "12", "4", "1990");
    *request.uri_mut() = "/xx/status".parse().unwrap();
    let (status, _, _) = page(request).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness_answer() {
    let _ = any_spawner::Executor::init_tokio();
    for (path, body) in [("/healthz", "ok"), ("/readyz", "\"database\":true")] {
        let response = app()
            .await
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        assert!(String::from_utf8_lossy(&bytes).contains(body), "{path}");
    }
}
