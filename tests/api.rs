//! The JSON API: valid answers give the outcome; every kind of bad input gives a 422 naming the
//! field; nothing gives a 5xx.
#![cfg(feature = "ssr")]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

fn app() -> axum::Router {
    common::site()
}

async fn post(body: &str) -> (StatusCode, Value) {
    let _ = any_spawner::Executor::init_tokio();
    let request = Request::post("/api/v1/eligibility")
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let response = app().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn date_in(days: i64) -> String {
    smsite::server::api::today_in_baku().add_days(days).iso()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn valid_answers_give_the_outcome_with_its_deadline() {
    let arrival = date_in(-3);
    let body = json!({"flow": "registration", "locale": "ru", "answers": {"citizenship": "KZ", "arrival": arrival}});
    let (status, v) = post(&body.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["outcome"], "deadline_30");
    // The sources give no deadline for citizens of Kazakhstan: none is stated.
    assert_eq!(v["deadlines"], json!([]), "{v}");
    assert!(v["title"].as_str().unwrap().contains("30 дней"), "{v}");

    let body =
        json!({"flow": "registration", "answers": {"citizenship": "de", "arrival": date_in(0)}});
    let (status, v) = post(&body.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["outcome"], "deadline_15");
    assert_eq!(v["deadlines"][0]["date"], date_in(15));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_kind_of_bad_input_is_a_422_naming_the_field() {
    let far = date_in(4000);
    let cases: Vec<(String, &str, Option<&str>, Option<&str>)> = vec![
        ("not json".into(), "malformed_request", None, None),
        (json!({"flow": "registration"}).to_string(), "malformed_request", Some("answers"), None),
        (json!({"answers": {}}).to_string(), "malformed_request", Some("flow"), None),
        (json!({"flow": "registration", "answers": {"citizenship": 5}}).to_string(), "malformed_request", Some("answers.citizenship"), None),
        (json!({"flow": 5, "answers": {}}).to_string(), "malformed_request", Some("flow"), None),
        (json!({"flow": "registration", "answers": {}, "extra": 1}).to_string(), "unknown_field", Some("extra"), None),
        (json!({"flow": "nope", "answers": {}}).to_string(), "unknown_flow", Some("flow"), None),
        (json!({"flow": "registration", "locale": "xx", "answers": {}}).to_string(), "unknown_locale", Some("locale"), None),
        (json!({"flow": "registration", "answers": {}}).to_string(), "incomplete", Some("answers.citizenship"), Some("missing")),
        (json!({"flow": "registration", "answers": {"citizenship": "ZZ"}}).to_string(), "invalid_answer", Some("answers.citizenship"), Some("unknown_country")),
        (json!({"flow": "registration", "answers": {"citizenship": "DE", "arrival": "2026-02-30"}}).to_string(), "invalid_answer", Some("answers.arrival"), Some("not_a_date")),
        (json!({"flow": "registration", "answers": {"citizenship": "DE", "arrival": far}}).to_string(), "invalid_answer", Some("answers.arrival"), Some("date_out_of_range")),
    ];
    for (body, error, field, code) in cases {
        let (status, v) = post(&body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
        assert_eq!(v["error"], error, "{body}");
        assert_eq!(v["field"].as_str(), field, "{body}");
        assert_eq!(v["code"].as_str(), code, "{body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn odd_bodies_never_give_a_server_error() {
    let long = "x".repeat(100_000);
    let bodies = [
        "".to_string(),
        "{}".to_string(),
        "[]".to_string(),
        "null".to_string(),
        json!({"flow": long, "answers": {}}).to_string(),
        json!({"flow": "registration", "answers": {"citizenship": "DE", "arrival": "9999-12-31"}})
            .to_string(),
        json!({"flow": "registration", "answers": {"citizenship": "\u{0}", "arrival": "-1"}})
            .to_string(),
        json!({"flow": "registration", "answers": {"arrival": "2026-01-01", "zzz": "1"}})
            .to_string(),
    ];
    for body in bodies {
        let (status, _) = post(&body).await;
        assert!(!status.is_server_error(), "{status} for {body:.80}");
        assert_ne!(status, StatusCode::OK, "{body:.80}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stay_checklist_has_documents_fees_guides_and_dates() {
    let arrival = date_in(-2);
    let body = json!({"flow": "stay", "locale": "en", "answers": {"citizenship": "IN", "purpose": "work", "length": "200", "arrival": arrival}});
    let (status, v) = post(&body.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    // Not a visa-free citizenship: the outcome says a visa is needed to enter first.
    assert_eq!(v["outcome"], "work_visa");
    assert_eq!(
        v["answered"],
        json!(["citizenship", "purpose", "length", "arrival"])
    );
    let texts = |key: &str| {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        texts("body").iter().any(|t| t.contains("employer applies")),
        "{v}"
    );
    assert!(
        texts("body")
            .iter()
            .any(|t| t.contains("need a visa to enter")),
        "{v}"
    );
    assert!(
        texts("documents")
            .iter()
            .any(|t| t.contains("employment contract")),
        "{v}"
    );
    assert!(texts("fees").iter().any(|t| t.contains("1,400 AZN")), "{v}");
    assert_eq!(v["guides"][0]["href"], "/en/procedures/work-permit");
    assert_eq!(v["guides"][0]["title"], "Work permit");
    assert_eq!(v["deadlines"][0]["date"], date_in(13));
    assert!(v["deadlines"][0]["event"]
        .as_str()
        .unwrap()
        .contains("register"));

    // Asylum ends after two questions, whatever else is sent.
    let body = json!({"flow": "stay", "locale": "az", "answers": {"citizenship": "IR", "purpose": "asylum", "length": "junk"}});
    let (status, v) = post(&body.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{v}");
    assert_eq!(v["outcome"], "asylum");
    assert_eq!(v["guides"][0]["href"], "/az/procedures/refugee-status");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stay_answers_of_the_wrong_kind_are_422() {
    let cases = [
        (
            json!({"purpose": "spying"}),
            "answers.purpose",
            "unknown_option",
        ),
        (
            json!({"purpose": "work", "length": "ten"}),
            "answers.length",
            "not_a_number",
        ),
        (
            json!({"purpose": "work", "length": "0"}),
            "answers.length",
            "number_out_of_range",
        ),
        (
            json!({"purpose": "work", "length": "20"}),
            "answers.arrival",
            "missing",
        ),
    ];
    for (extra, field, code) in cases {
        let mut answers = json!({"citizenship": "DE"});
        answers
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let body = json!({"flow": "stay", "answers": answers});
        let (status, v) = post(&body.to_string()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
        assert_eq!(v["field"], field, "{body}");
        assert_eq!(v["code"], code, "{body}");
    }
}

async fn get(uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let _ = any_spawner::Executor::init_tokio();
    let response = app()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (
        parts.status,
        parts.headers,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_calendar_file_holds_each_deadline_as_an_all_day_event() {
    let arrival = date_in(-1);
    let (status, headers, text) = get(&format!(
        "/ru/check/registration/calendar.ics?arrival={arrival}&citizenship=DE"
    ))
    .await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert_eq!(headers["content-type"], "text/calendar; charset=utf-8");
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let day = date_in(14).replace('-', "");
    assert!(
        text.contains(&format!("DTSTART;VALUE=DATE:{day}\r\n")),
        "{text}"
    );
    assert!(text.contains("SUMMARY:"), "{text}");
    // Answers that lead nowhere yet: back to the question that needs them.
    let (status, headers, _) = get("/en/check/registration/calendar.ics?citizenship=KZ").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers["location"],
        "/en/check/registration/arrival?citizenship=KZ"
    );
    // A result without dates: to the result page.
    let (status, headers, _) =
        get("/en/check/stay/calendar.ics?citizenship=IR&purpose=asylum").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        headers["location"],
        "/en/check/stay/result?citizenship=IR&purpose=asylum"
    );
    let (status, _, _) = get("/xx/check/stay/calendar.ics").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_describes_every_api_endpoint() {
    let (status, headers, text) = get("/api/v1/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "application/json");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/v1/eligibility", "/api/v1/applications/status"] {
        assert!(
            doc["paths"][path]["post"].is_object(),
            "{path} is not described"
        );
    }
    // Every reference points at a schema that exists.
    for reference in text.split("\"$ref\": \"#/components/schemas/").skip(1) {
        let name = &reference[..reference.find('"').unwrap()];
        assert!(doc["components"]["schemas"][name].is_object(), "{name}");
    }
}
