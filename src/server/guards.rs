//! Middleware that refuses a request before any handler runs: load shedding, the whole-request
//! time limit, JSON-only APIs, and forms posted from other sites.
use super::error::AppError;
use super::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Every request, first: at `SMSITE_MAX_CONCURRENCY` requests in flight the next is answered
/// 503 + Retry-After at once (a queue without bound would only make every answer late); one
/// that takes longer than `SMSITE_REQUEST_TIMEOUT` is answered 503 and its work dropped; each is
/// counted and timed for `/metrics`. One middleware, not three: each layer costs every request.
pub async fn admit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    // Probes are answered even at the limit: a full server is alive, and an orchestrator that
    // saw every instance fail its probe at once would restart them all.
    if matches!(request.uri().path(), "/healthz" | "/readyz") {
        return next.run(request).await;
    }
    let Ok(_permit) = state.in_flight.clone().try_acquire_owned() else {
        state.metrics.shed.inc();
        return AppError::Overloaded.into_response();
    };
    let route = super::metrics::route_of(&request);
    let start = std::time::Instant::now();
    let response = match tokio::time::timeout(state.config.request_timeout, next.run(request)).await
    {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(route, "request timed out");
            AppError::Overloaded.into_response()
        }
    };
    state
        .metrics
        .observe(route, response.status(), start.elapsed());
    response
}

/// Posts only: JSON APIs take JSON, forms come from our own pages.
pub async fn posts(request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    if request.uri().path().starts_with("/api/") {
        if !is_json(request.headers()) {
            return AppError::UnsupportedMediaType.into_response();
        }
    } else if is_cross_site(request.headers()) {
        tracing::info!(path = request.uri().path(), "cross-site form post refused");
        return AppError::CrossSite.into_response();
    }
    next.run(request).await
}

/// The JSON APIs take JSON only (`application/json`, or a `+json` type): 415 otherwise, so a
/// form or text/plain post from another site (which needs no CORS preflight) is refused.
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
fn is_cross_site(headers: &HeaderMap) -> bool {
    let text = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    // The browser's own word, which a page cannot forge; Origin for browsers without it.
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        return !matches!(site, "same-origin" | "none");
    }
    let origin = text(header::ORIGIN);
    // The public address itself, whatever Host a proxy passes on.
    if origin.is_some_and(|o| o.eq_ignore_ascii_case(crate::components::page_meta::PUBLIC_ORIGIN)) {
        return false;
    }
    match (origin, text(header::HOST)) {
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
        // Behind a proxy that passes on its own Host: the public origin is still ours.
        assert!(!is_cross_site(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "https://migration.gov.az")
        ])));
    }
}
