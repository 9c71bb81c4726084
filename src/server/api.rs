//! The JSON API (`/api/v1/…`). Every input error is a 422 naming the field; nothing a client
//! sends can produce a 5xx.
use crate::content::store::global;
use crate::dates::Date;
use crate::eligibility::engine::{deadlines, walk, Answers, Next};
use crate::locale::LOCALES;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;

struct EligibilityRequest {
    flow: String,
    locale: Option<String>,
    answers: Answers,
}

#[derive(Serialize)]
struct DeadlineOut {
    label: String,
    date: String,
}

/// Today in Azerbaijan (UTC+4, no daylight saving time): deadlines and date checks count in
/// the country's own days.
pub fn today_in_baku() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Date::from_days((secs + 4 * 3600).div_euclid(86_400))
}

fn unprocessable(error: &str, field: Option<&str>, code: Option<&str>) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::Json(json!({ "error": error, "field": field, "code": code })),
    )
        .into_response()
}

/// Reads the request field by field, so that an error names the exact field
/// (`flow`, `locale`, `answers`, `answers.arrival`).
fn read_request(body: &[u8]) -> Result<EligibilityRequest, (&'static str, Option<String>)> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| ("malformed_request", None))?;
    let object = value.as_object().ok_or(("malformed_request", None))?;
    if let Some(unknown) = object
        .keys()
        .find(|k| !["flow", "locale", "answers"].contains(&k.as_str()))
    {
        return Err(("unknown_field", Some(unknown.clone())));
    }
    let flow = match object.get("flow") {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => return Err(("malformed_request", Some("flow".into()))),
    };
    let locale = match object.get("locale") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        _ => return Err(("malformed_request", Some("locale".into()))),
    };
    let Some(serde_json::Value::Object(given)) = object.get("answers") else {
        return Err(("malformed_request", Some("answers".into())));
    };
    let mut answers = Answers::new();
    for (key, value) in given {
        match value {
            serde_json::Value::String(s) => {
                answers.insert(key.clone(), s.clone());
            }
            _ => return Err(("malformed_request", Some(format!("answers.{key}")))),
        }
    }
    Ok(EligibilityRequest {
        flow,
        locale,
        answers,
    })
}

/// `POST /api/v1/eligibility` with `{"flow": "registration", "locale": "en", "answers": {…}}`:
/// the outcome with its texts and deadlines, or a 422 saying which field is wrong.
pub async fn eligibility(body: Bytes) -> Response {
    let request = match read_request(&body) {
        Ok(r) => r,
        Err((error, field)) => return unprocessable(error, field.as_deref(), None),
    };
    let store = global();
    let Some(flow) = store.flow(&request.flow) else {
        return unprocessable("unknown_flow", Some("flow"), None);
    };
    let locale = request.locale.as_deref().unwrap_or("en");
    if !LOCALES.contains(&locale) {
        return unprocessable("unknown_locale", Some("locale"), None);
    }
    let result = walk(flow, &request.answers, today_in_baku(), store.countries());
    let outcome_id = match result.next {
        Next::Outcome(o) => o,
        Next::Ask(q) => {
            return unprocessable("incomplete", Some(&format!("answers.{q}")), Some("missing"))
        }
        Next::Invalid { question, error } => {
            return unprocessable(
                "invalid_answer",
                Some(&format!("answers.{question}")),
                Some(error.code()),
            )
        }
    };
    let Some(outcome) = flow.outcome(&outcome_id) else {
        return unprocessable("unknown_flow", Some("flow"), None);
    };
    let text = |key: &str| store.flow_text(locale, key).unwrap_or(key).to_string();
    let dates: Vec<DeadlineOut> = deadlines(flow, &outcome_id, &request.answers)
        .into_iter()
        .map(|(label, date)| DeadlineOut {
            label: text(&label),
            date: date.iso(),
        })
        .collect();
    axum::Json(json!({
        "flow": flow.id,
        "locale": locale,
        "outcome": outcome_id,
        "title": text(&outcome.title),
        "body": outcome.body.iter().map(|k| text(k)).collect::<Vec<_>>(),
        "deadlines": dates,
        "answered": result.path,
    }))
    .into_response()
}
