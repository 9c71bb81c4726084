//! The one error type of the server's handlers and guards: each variant is one answer, with its
//! status, headers and JSON body (`{"error": …}`, as the OpenAPI document describes).
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppError {
    /// 422: `error` names the problem, `field` the part of the request, `code` the detail.
    Invalid {
        error: &'static str,
        field: Option<String>,
        code: Option<&'static str>,
    },
    /// 404: an unknown number and a wrong date of birth alike.
    NotFound,
    /// 429 from the per-address limit or a locked number (the same answer for both).
    TooManyRequests { retry_after: u64 },
    /// 503: the database does not answer.
    Unavailable,
    /// 503: at the concurrency limit, or the request took too long.
    Overloaded,
    /// 415: a JSON API sent something else.
    UnsupportedMediaType,
    /// 403: a form posted from another site.
    CrossSite,
}

impl AppError {
    pub fn invalid(error: &'static str, field: Option<&str>, code: Option<&'static str>) -> Self {
        AppError::Invalid {
            error,
            field: field.map(String::from),
            code,
        }
    }
}

/// Seconds a client should wait after a 503 (the database restarting, a full server).
pub const RETRY_UNAVAILABLE: u64 = 30;
pub const RETRY_OVERLOADED: u64 = 1;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let retry = |status: StatusCode, seconds: u64, body: serde_json::Value| {
            (
                status,
                [
                    (header::RETRY_AFTER, seconds.to_string()),
                    (header::CACHE_CONTROL, "no-store".to_string()),
                ],
                axum::Json(body),
            )
                .into_response()
        };
        match self {
            AppError::Invalid { error, field, code } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                axum::Json(json!({ "error": error, "field": field, "code": code })),
            )
                .into_response(),
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                axum::Json(json!({ "error": "not_found" })),
            )
                .into_response(),
            AppError::TooManyRequests { retry_after } => retry(
                StatusCode::TOO_MANY_REQUESTS,
                retry_after,
                json!({ "error": "too_many_requests", "retry_after": retry_after }),
            ),
            AppError::Unavailable => retry(
                StatusCode::SERVICE_UNAVAILABLE,
                RETRY_UNAVAILABLE,
                json!({ "error": "unavailable" }),
            ),
            AppError::Overloaded => retry(
                StatusCode::SERVICE_UNAVAILABLE,
                RETRY_OVERLOADED,
                json!({ "error": "overloaded" }),
            ),
            AppError::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                [(header::ACCEPT, "application/json")],
                axum::Json(json!({ "error": "unsupported_media_type" })),
            )
                .into_response(),
            AppError::CrossSite => (
                StatusCode::FORBIDDEN,
                axum::Json(json!({ "error": "cross_site_request" })),
            )
                .into_response(),
        }
    }
}
