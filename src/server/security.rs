//! Security headers on every response. A page's Content-Security-Policy carries the nonce Leptos
//! puts on its own scripts (`page_policy`, set by the shell); every other response gets a policy
//! that allows nothing to run.
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy of a server-rendered page. Scripts only with this response's nonce (the hydration
/// module) or from this origin (the module it imports); wasm compiled by the browser; no inline
/// styles; fetches (the API, server functions, the wasm file) only to this origin.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The nonce a page's policy names (see `page_policy`), if the response has one.
pub fn policy_nonce(headers: &HeaderMap) -> Option<&str> {
    let policy = headers
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let end = policy[start..].find('\'')? + start;
    Some(&policy[start..end])
}

/// Anything that is not a page (JSON, files, redirects): nothing may run or embed it.
const STRICT_POLICY: &str =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), \
     accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()";

/// Adds the fixed headers, and the strict policy where the page did not set its own.
pub async fn headers(request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let not_modified = response.status() == axum::http::StatusCode::NOT_MODIFIED;
    let h = response.headers_mut();
    // A 304 leaves the browser's stored policy in place (see `caching`).
    if !not_modified && !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(STRICT_POLICY),
        );
    }
    // Two years, as the HSTS preload list asks; only honoured by browsers over HTTPS.
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=63072000; includeSubDomains"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    // Addresses of checker pages hold answers: other sites never see them.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    // For browsers older than `frame-ancestors`.
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_policy_allows_scripts_only_with_the_nonce_or_from_the_site() {
        let p = page_policy("abc123");
        let script = p
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap();
        assert_eq!(
            script,
            "script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"
        );
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&p).unwrap(),
        );
        assert_eq!(policy_nonce(&h), Some("abc123"));
    }
}
