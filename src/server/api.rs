//! The JSON API (`/api/v1/…`). Every input error is a 422 naming the field; nothing a client
//! sends can produce a 5xx.
use crate::components::page_meta::absolute;
use crate::content::store::global;
use crate::dates::Date;
use crate::eligibility::calendar::ics;
use crate::eligibility::engine::{walk, Answers, Next};
use crate::eligibility::flow::Flow;
use crate::eligibility::outcome::{summarize, Summary};
use crate::eligibility::steps::{answers_from, href, kept, next_step, Step};
use crate::locale::LOCALES;
use axum::body::Bytes;
use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde_json::json;

struct EligibilityRequest {
    flow: String,
    locale: Option<String>,
    answers: Answers,
}

/// Today in Azerbaijan (UTC+4, no daylight saving time): deadlines and date checks count in
/// the country's own days.
pub fn today_in_baku() -> Date {
    let secs = super::limits::unix_now();
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
    match summary_for(flow, locale, &outcome_id, &result.path, &request.answers) {
        Some(summary) => axum::Json(summary).into_response(),
        None => unprocessable("unknown_flow", Some("flow"), None),
    }
}

/// The outcome's personal checklist in `locale`, texts from the content store.
pub fn summary_for(
    flow: &Flow,
    locale: &str,
    outcome: &str,
    path: &[String],
    answers: &Answers,
) -> Option<Summary> {
    let store = global();
    summarize(
        flow,
        locale,
        outcome,
        path,
        answers,
        &|key| store.flow_text(locale, key).unwrap_or(key).to_string(),
        &|slug| store.guide(locale, slug).map(|g| g.title.clone()),
    )
}

/// `GET /{lang}/check/{flow}/calendar.ics?…answers`: the result's deadlines as a calendar file.
/// Answers that do not lead to a result with dates redirect to the page that needs attention.
pub async fn calendar(
    Path((lang, flow_id)): Path<(String, String)>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Response {
    let store = global();
    let (Some(flow), true) = (store.flow(&flow_id), LOCALES.contains(&lang.as_str())) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let answers = answers_from(flow, |name| {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    });
    let today = today_in_baku();
    let result = walk(flow, &answers, today, store.countries());
    let summary = match &result.next {
        Next::Outcome(o) => summary_for(flow, &lang, o, &result.path, &answers),
        _ => None,
    };
    let kept_answers = kept(&answers, &result);
    let Some(summary) = summary.filter(|s| !s.deadlines.is_empty()) else {
        let step = match result.next {
            Next::Outcome(_) => Step::Result,
            _ => next_step(&result),
        };
        return Redirect::to(&href(&lang, &flow.id, &step, &kept_answers)).into_response();
    };
    let page = absolute(&href(&lang, &flow.id, &Step::Result, &kept_answers));
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.ics\"", flow.id),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        ics(&summary, &page, today),
    )
        .into_response()
}

/// `GET /{lang}/check/{flow}?…answers`: a question's form sent without JavaScript. Answered here,
/// before the pages, with a 302 to the step the answers lead to (the page component does the
/// same for a client-side visit). `None` when the request is not such a form.
pub fn check_turnstile(path: &str, query: Option<&str>) -> Option<String> {
    let query = query.filter(|q| !q.is_empty())?;
    let mut parts = path.trim_start_matches('/').split('/');
    let (lang, section, flow_id) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || section != "check" || !LOCALES.contains(&lang) {
        return None;
    }
    let store = global();
    let flow = store.flow(flow_id)?;
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let values = |name: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let answers = answers_from(flow, values);
    let result = walk(flow, &answers, today_in_baku(), store.countries());
    let answered = values(crate::eligibility::steps::ANSWERED_FIELD).pop();
    let step = crate::eligibility::steps::after_answer(&result, answered.as_deref());
    Some(href(lang, &flow.id, &step, &kept(&answers, &result)))
}
