//! What the server refuses or never does, whatever a client sends: off-site redirects, forged
//! request ids, oversized bodies, non-JSON posts to the API, forms posted from other sites, and
//! metrics without the token.
#![cfg(feature = "ssr")]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{send, Answer};

const TOKEN: &str = "test-metrics-token";

/// One app for the binary, with a metrics token.
async fn app() -> axum::Router {
    static APP: tokio::sync::OnceCell<axum::Router> = tokio::sync::OnceCell::const_new();
    APP.get_or_init(|| async {
        let db = common::scratch("security").join("status.sqlite3");
        let config = common::config(&[
            ("SMSITE_DATABASE", db.to_str().unwrap()),
            ("SMSITE_METRICS_TOKEN", TOKEN),
            ("SMSITE_TRUSTED_PROXIES", "1"),
        ]);
        common::app("sqlite", config).await.router
    })
    .await
    .clone()
}

async fn get(path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut request = Request::get(path);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    send(
        &app().await,
        "10.9.0.1",
        request.body(Body::empty()).unwrap(),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_redirect_leaves_the_site() {
    for path in [
        "//en/",
        "//en",
        "//en/contact/",
        "///en/",
        "//evil.example/",
        "//en/procedures/",
    ] {
        let answer = get(path, &[]).await;
        if let Some(location) = answer.headers.get(header::LOCATION) {
            let location = location.to_str().unwrap();
            assert!(
                location.starts_with('/') && !location.starts_with("//"),
                "{path} redirects to {location}"
            );
        }
    }
    let answer = get("//en/", &[]).await;
    assert_eq!(answer.headers[header::LOCATION], "/en/");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_id_is_echoed_only_when_it_looks_like_one() {
    let id = |answer: &Answer| answer.headers["x-request-id"].to_str().unwrap().to_string();
    let good = get("/healthz", &[("x-request-id", "proxy-42.a_b")]).await;
    assert_eq!(id(&good), "proxy-42.a_b");
    let long = "a".repeat(65);
    for bad in [long.as_str(), "a b", "x\"y", "<script>"] {
        let answer = get("/healthz", &[("x-request-id", bad)]).await;
        let echoed = id(&answer);
        assert_ne!(echoed, bad);
        assert!(!echoed.is_empty() && echoed.len() <= 64, "{echoed}");
    }
}

/// One byte over 64 KiB is refused with 413, whether the length is announced or the body is
/// streamed in chunks without one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_64_kib_is_413() {
    let size = 64 * 1024 + 1;
    for (path, content_type) in [
        ("/api/v1/applications/status", "application/json"),
        ("/api/v1/eligibility", "application/json"),
        ("/en/status", "application/x-www-form-urlencoded"),
    ] {
        let announced = Request::post(path)
            .header("content-type", content_type)
            .header("content-length", size)
            .body(Body::from(vec![b'a'; size]))
            .unwrap();
        let answer = send(&app().await, "10.9.0.2", announced).await;
        assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        let chunks = (0..size.div_ceil(4096)).map(|_| Ok::<_, std::io::Error>(vec![b'a'; 4096]));
        let streamed = Request::post(path)
            .header("content-type", content_type)
            .body(Body::from_stream(futures_util::stream::iter(chunks)))
            .unwrap();
        let answer = send(&app().await, "10.9.0.2", streamed).await;
        assert_eq!(
            answer.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{path}, streamed"
        );
    }
}

/// Behind one trusted proxy the client is the entry the proxy appended: what a client writes
/// before it changes nothing, so the 31st lookup is refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_cannot_choose_its_address_behind_the_proxy() {
    let body = r#"{"number":"TR-2026-900001-I","date_of_birth":"1990-04-12"}"#;
    let mut statuses = Vec::new();
    for i in 0..31 {
        let mut request = common::post_json("/api/v1/applications/status", body);
        request.headers_mut().insert(
            "x-forwarded-for",
            format!("192.0.2.{i}, 198.51.100.7").parse().unwrap(),
        );
        statuses.push(send(&app().await, "10.9.1.1", request).await.status);
    }
    assert!(
        statuses[..30].iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    assert_eq!(statuses[30], StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_json_apis_take_json_only() {
    let body = r#"{"number":"TR-2026-900001-I","date_of_birth":"1990-04-12"}"#;
    for path in ["/api/v1/applications/status", "/api/v1/eligibility"] {
        for content_type in [
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            None,
        ] {
            let mut request = Request::post(path).header("sec-fetch-site", "cross-site");
            if let Some(t) = content_type {
                request = request.header("content-type", t);
            }
            let answer = send(
                &app().await,
                "10.9.0.3",
                request.body(Body::from(body)).unwrap(),
            )
            .await;
            assert_eq!(
                answer.status,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "{path} {content_type:?}"
            );
            assert_eq!(answer.json()["error"], "unsupported_media_type");
        }
    }
    let request = common::post_json("/api/v1/applications/status", body);
    let answer = send(&app().await, "10.9.0.3", request).await;
    assert_eq!(answer.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_status_form_refuses_posts_from_other_sites() {
    let form = |headers: &[(&'static str, &'static str)]| {
        let mut request = Request::post("/en/status")
            .header("host", "migration.gov.az")
            .header("content-type", "application/x-www-form-urlencoded");
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        request
            .body(Body::from(
                "number=TR-2026-900001-I&dob-day=12&dob-month=4&dob-year=1990",
            ))
            .unwrap()
    };
    for cross in [
        &[("sec-fetch-site", "cross-site")][..],
        &[("origin", "https://evil.example")][..],
        &[("origin", "null")][..],
    ] {
        let answer = send(&app().await, "10.9.0.4", form(cross)).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{cross:?}");
        assert!(!answer.text().contains("action_needed"));
    }
    let ours = send(
        &app().await,
        "10.9.0.4",
        form(&[
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://migration.gov.az"),
        ]),
    )
    .await;
    assert_eq!(ours.status, StatusCode::OK);
    assert!(ours.text().contains("data-status=\"action_needed\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_need_the_token() {
    // Something to count first.
    common::lookup(&app().await, "10.9.0.5", "TR-2026-900001-I", "1990-04-12").await;
    assert_eq!(get("/metrics", &[]).await.status, StatusCode::NOT_FOUND);
    let wrong = get("/metrics", &[("authorization", "Bearer nope")]).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    let bearer = format!("Bearer {TOKEN}");
    let answer = get("/metrics", &[("authorization", bearer.as_str())]).await;
    assert_eq!(answer.status, StatusCode::OK);
    let text = answer.text();
    for series in [
        "smsite_http_requests_total{route=\"/api/v1/applications/status\",status=\"200\"}",
        "smsite_http_request_duration_seconds_bucket",
        "smsite_status_lookups_total{result=\"found\"}",
        "smsite_database_errors_total",
        "smsite_status_lockouts_total",
    ] {
        assert!(text.contains(series), "{series} missing from:\n{text}");
    }
}
