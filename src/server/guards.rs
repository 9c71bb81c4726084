//! Middleware that refuses a request before any handler runs: load shedding, the whole-request
//! time limit, JSON-only APIs, and forms posted from other sites.
use super::error::AppError;
use super::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// At `SMSITE_MAX_CONCURRENCY` requests in flight, the next is answered 503 + Retry-After at
/// once: a queue without bound would only make every answer late.
pub async fn shed_load(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Ok(_permit) = state.in_flight.clone().try_acquire_owned() else {
        state.metrics.shed.inc();
        return AppError::Overloaded.into_response();
    };
    next.run(request).await
}

/// A request that takes longer than `SMSITE_REQUEST_TIMEOUT` is answered 503 and its work
/// dropped.
pub async fn time_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    match tokio::time::timeout(state.config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(path, "request timed out");
            AppError::Overloaded.into_response()
        }
    }
}

/// The JSON APIs take JSON only (`application/json`, or a `+json` type): 415 otherwise, so a
/// form or text/plain post from another site (which needs no CORS preflight) is refused.
pub async fn json_only(request: Request, next: Next) -> Response {
    if request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && !is_json(request.headers())
    {
        return AppError::UnsupportedMediaType.into_response();
    }
    next.run(request).await
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// The status form without JavaScript is posted from our own page only: a browser says where a
/// post comes from (`Sec-Fetch-Site`, `Origin`); another site's is refused with 403. Clients
/// that send neither (curl, old browsers) are let through: they carry no visitor's session.
pub async fn same_site_forms(request: Request, next: Next) -> Response {
    if request.method() == Method::POST
        && !request.uri().path().starts_with("/api/")
        && is_cross_site(request.headers())
    {
        tracing::info!(path = request.uri().path(), "cross-site form post refused");
        return AppError::CrossSite.into_response();
    }
    next.run(request).await
}

fn is_cross_site(headers: &HeaderMap) -> bool {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    // The browser's own word, which a page cannot forge; Origin for browsers without it.
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        return !matches!(site, "same-origin" | "none");
    }
    match (text(header::ORIGIN), text(header::HOST)) {
        (None, _) => false,
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            !origin_host.eq_ignore_ascii_case(host)
        }
        // An origin (even "null") and no host to compare it with.
        (Some(_), None) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn json_types_are_json() {
        assert!(is_json(&headers(&[("content-type", "application/json")])));
        assert!(is_json(&headers(&[(
            "content-type",
            "Application/JSON; charset=utf-8"
        )])));
        assert!(is_json(&headers(&[(
            "content-type",
            "application/merge-patch+json"
        )])));
        assert!(!is_json(&headers(&[("content-type", "text/plain")])));
        assert!(!is_json(&headers(&[(
            "content-type",
            "application/x-www-form-urlencoded"
        )])));
        assert!(!is_json(&headers(&[])));
    }

    #[test]
    fn only_posts_from_our_own_pages_pass() {
        let ours = [
            ("host", "migration.gov.az"),
            ("origin", "https://migration.gov.az"),
        ];
        assert!(!is_cross_site(&headers(&ours)));
        assert!(!is_cross_site(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("sec-fetch-site", "same-origin"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "migration.gov.az"),
            ("origin", "https://evil.example")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "migration.gov.az"),
            ("origin", "null")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "migration.gov.az"),
            ("sec-fetch-site", "cross-site")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "migration.gov.az"),
            ("sec-fetch-site", "same-site")
        ])));
        assert!(!is_cross_site(&headers(&[("host", "migration.gov.az")])));
    }
}
