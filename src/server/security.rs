//! Security headers on every response. Pages get one fixed Content-Security-Policy: they run no
//! inline script (nav.js and the wasm glue are files of the site), so no nonce or hash is needed
//! and a stored page is the same bytes for everyone. Every other response gets a policy that
//! allows nothing to run, except the site's hashed files (wasm, scripts, style), which are no
//! document: they get only the headers that act on them.
use super::caching::{is_hashed_asset, is_html};
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy of a page. Scripts only from this origin (nav.js, the islands' module); wasm
/// compiled by the browser; no inline script or style; fetches (pages, the API, the wasm file)
/// only to this origin; the service worker and the manifest from this origin too.
pub const PAGE_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     worker-src 'self'; manifest-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Anything that is not a page (JSON, files, redirects): nothing may run or embed it.
const STRICT_POLICY: &str =
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Geolocation for the site itself only: "show the nearest office first" asks for it, on the
/// visitor's press of a button, and uses it on the device.
const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), \
     accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()";

/// Adds the fixed headers, and the policy (a page's, or the strict one).
pub async fn headers(request: Request<Body>, next: Next) -> Response {
    let asset = is_hashed_asset(request.uri().path());
    let mut response = next.run(request).await;
    if asset && response.status().is_success() {
        add_file(response.headers_mut());
        return response;
    }
    // A 304 leaves the policy the browser stored with the page in place.
    let not_modified = response.status() == axum::http::StatusCode::NOT_MODIFIED;
    add(response.headers_mut(), !not_modified);
    response
}

/// A hashed file of the site. A policy, frame, permissions or referrer header only governs a
/// document (or a worker, which the site has none of), so on these files it would be bytes
/// sent for nothing, some twenty times on a first visit to a page with islands.
pub fn add_file(h: &mut HeaderMap) {
    h.insert(
        header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static(HSTS),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

/// Two years, as the HSTS preload list asks; only honoured by browsers over HTTPS.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The security headers of a response (with its Content-Security-Policy when `policy`, unless
/// the handler gave it its own: the service worker's).
pub fn add(h: &mut HeaderMap, policy: bool) {
    if policy && !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        let policy = if is_html(h) {
            PAGE_POLICY
        } else {
            STRICT_POLICY
        };
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(policy),
        );
    }
    add_file(h);
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use tower::ServiceExt;

    async fn headers_of(path: &str) -> HeaderMap {
        let app = axum::Router::new()
            .route(
                "/pkg/chunk_5.wcTPN-MuND1SJ-7LwmaNBw.wasm",
                get(|| async { ([(header::CONTENT_TYPE, "application/wasm")], "wasm") }),
            )
            .route(
                "/en/status",
                get(|| async { axum::response::Html("<!DOCTYPE html><title>t</title>") }),
            )
            .layer(axum::middleware::from_fn(headers));
        let request = Request::get(path).body(Body::empty()).unwrap();
        app.oneshot(request).await.unwrap().headers().clone()
    }

    #[tokio::test]
    async fn a_hashed_file_gets_only_the_headers_that_act_on_a_file() {
        let file = headers_of("/pkg/chunk_5.wcTPN-MuND1SJ-7LwmaNBw.wasm").await;
        assert_eq!(file[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(file[header::STRICT_TRANSPORT_SECURITY], HSTS);
        assert!(!file.contains_key(header::CONTENT_SECURITY_POLICY));
        assert!(!file.contains_key(header::X_FRAME_OPTIONS));
        let page = headers_of("/en/status").await;
        assert_eq!(page[header::CONTENT_SECURITY_POLICY], PAGE_POLICY);
        assert_eq!(page[header::X_FRAME_OPTIONS], "DENY");
        assert!(page.contains_key("permissions-policy"));
        // Anything else that is not a page allows nothing to run.
        let missing = headers_of("/pkg/chunk_5.wcTPN-MuND1SJ-7LwmaNBw.js").await;
        assert_eq!(missing[header::CONTENT_SECURITY_POLICY], STRICT_POLICY);
    }

    #[test]
    fn page_policy_allows_scripts_only_from_the_site() {
        let script = PAGE_POLICY
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with("script-src"))
            .unwrap();
        assert_eq!(script, "script-src 'self' 'wasm-unsafe-eval'");
        assert!(!PAGE_POLICY.contains("unsafe-inline"));
        assert!(PAGE_POLICY.contains("frame-ancestors 'none'"));
    }
}
