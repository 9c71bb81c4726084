//! `POST /api/v1/feedback`: "Was this page useful?" and "Report a problem" from the island.
//! The form without JavaScript goes through the same `submit` (feedback_page.rs).
use super::client_addr::client_of;
use super::error::AppError;
use super::state::AppState;
use crate::feedback::{check, Refused, Sent};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;

/// What became of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submitted {
    /// Stored; or a robot's, dropped without saying so.
    Received,
    /// Not stored: a field to correct (`field`, `code`), or sent too soon (`field` None).
    Invalid {
        field: Option<&'static str>,
        code: &'static str,
    },
    TooMany {
        retry_after: u64,
    },
    Unavailable,
}

/// The locale a page path is in, if it is one of ours.
pub fn locale_of(page: &str) -> Option<&'static str> {
    let first = page.trim_start_matches('/').split('/').next()?;
    crate::locale::LOCALES.iter().copied().find(|l| *l == first)
}

/// Checks, limits and stores a form. Nothing is stored unless every check passed.
pub async fn submit(state: &AppState, sent: &Sent, client: Option<IpAddr>) -> Submitted {
    let now = super::limits::unix_now();
    let Some(locale) = locale_of(&sent.page) else {
        return Submitted::Invalid {
            field: Some("page"),
            code: "invalid",
        };
    };
    let entry = match check(sent, locale, now) {
        Ok(entry) => entry,
        Err(Refused::Robot) => return Submitted::Received,
        Err(Refused::TooSoon) => {
            return Submitted::Invalid {
                field: None,
                code: "too_soon",
            }
        }
        Err(Refused::Field { field, code }) => {
            return Submitted::Invalid {
                field: Some(field),
                code,
            }
        }
    };
    match state.limits.try_feedback(&state.store, client, now).await {
        Ok(Ok(())) => {}
        Ok(Err(retry_after)) => return Submitted::TooMany { retry_after },
        Err(_) => return Submitted::Unavailable,
    }
    let day = super::api::today_in_baku().iso();
    match state.store.add_feedback(&entry, &day).await {
        Ok(()) => Submitted::Received,
        Err(e) => {
            tracing::warn!("feedback not stored: {e}");
            Submitted::Unavailable
        }
    }
}

pub async fn feedback(
    State(state): State<AppState>,
    parts: axum::http::request::Parts,
    body: Bytes,
) -> Response {
    let client = client_of(&parts, state.config.trusted_proxies);
    // serde's own messages are never passed on: they can quote what was typed.
    let Ok(sent) = serde_json::from_slice::<Sent>(&body) else {
        return AppError::invalid("malformed_request", None, None).into_response();
    };
    match submit(&state, &sent, client).await {
        Submitted::Received => (
            StatusCode::CREATED,
            axum::Json(serde_json::json!({ "status": "received" })),
        )
            .into_response(),
        Submitted::Invalid { field, code } => {
            AppError::invalid("invalid_input", field, Some(code)).into_response()
        }
        Submitted::TooMany { retry_after } => {
            AppError::TooManyRequests { retry_after }.into_response()
        }
        Submitted::Unavailable => AppError::Unavailable.into_response(),
    }
}
