//! `POST /api/v1/applications/status` with `{"number": "…", "date_of_birth": "YYYY-MM-DD"}`. A
//! second identifier (the date of birth) is required, an unknown number and a wrong date of birth
//! answer the same 404, and the limits of limits.rs apply (429 with Retry-After).
use super::client_addr::client_of;
use super::error::AppError;
use super::lookup::{lookup, Lookup};
use super::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

pub async fn status(
    State(state): State<AppState>,
    parts: axum::http::request::Parts,
    body: Bytes,
) -> Response {
    let client = client_of(&parts, state.config.trusted_proxies);
    // serde's own messages are never passed on or logged: they can quote what was typed.
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => return AppError::invalid("malformed_request", None, None).into_response(),
    };
    let Some(object) = value.as_object() else {
        return AppError::invalid("malformed_request", None, None).into_response();
    };
    if let Some(unknown) = object
        .keys()
        .find(|k| !["number", "date_of_birth"].contains(&k.as_str()))
    {
        return AppError::invalid("unknown_field", Some(unknown), None).into_response();
    }
    let text = |field: &'static str| match object.get(field) {
        None | Some(serde_json::Value::Null) => Ok(""),
        Some(serde_json::Value::String(s)) => Ok(s.as_str()),
        Some(_) => Err(field),
    };
    let (number, dob) = match (text("number"), text("date_of_birth")) {
        (Ok(n), Ok(d)) => (n, d),
        (Err(field), _) | (_, Err(field)) => {
            return AppError::invalid("malformed_request", Some(field), None).into_response()
        }
    };
    match lookup(&state, number, dob, client).await {
        Lookup::Found(reply) => axum::Json(reply).into_response(),
        // One body for every miss: it must not tell a wrong date of birth from an unknown number.
        Lookup::NotFound => AppError::NotFound.into_response(),
        Lookup::Invalid { field, code } => {
            AppError::invalid("invalid_input", Some(field), Some(code)).into_response()
        }
        Lookup::TooManyRequests { retry_after } => {
            AppError::TooManyRequests { retry_after }.into_response()
        }
        Lookup::Unavailable => AppError::Unavailable.into_response(),
    }
}
