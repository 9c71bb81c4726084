//! Cache-Control and ETags. Files with a hash in their name are kept for a year; pages for a
//! minute, then revalidated with their ETag (a 304 costs a few hundred bytes on a roaming phone).
use super::config::asset_hashes;
use super::security::policy_nonce;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Pages carry this response's CSP nonce, so only the browser may keep them, not shared caches.
pub const PAGE: &str = "private, max-age=60";
/// Other files (the icon, the OpenAPI document, the sitemap): an hour.
pub const FILE: &str = "public, max-age=3600";

/// Pages larger than this are sent without an ETag rather than held in memory.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

pub async fn headers(request: Request<Body>, next: Next) -> Response {
    let is_get = request.method() == Method::GET;
    let hashed = is_hashed_asset(request.uri().path());
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if !is_get || response.status() != StatusCode::OK {
        return response;
    }
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    if !is_html(response.headers()) {
        let mut response = response;
        let value = if hashed { IMMUTABLE } else { FILE };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        return response;
    }
    let (mut parts, body) = response.into_parts();
    // A page from the page cache comes with its ETag, worked out once when it was stored.
    let known = parts
        .headers
        .get(header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (etag, body) = match known {
        Some(etag) => (etag, body),
        None => {
            let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            };
            let etag = page_etag(&bytes, policy_nonce(&parts.headers));
            if let Ok(value) = HeaderValue::from_str(&etag) {
                parts.headers.insert(header::ETAG, value);
            }
            (etag, Body::from(bytes))
        }
    };
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(PAGE));
    if if_none_match.is_some_and(|v| matches(&v, &etag)) {
        // The browser keeps the page and the policy it came with (their nonces agree); a new
        // policy on the 304 would replace the stored one and block the stored page's scripts.
        parts.headers.remove(header::CONTENT_SECURITY_POLICY);
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.status = StatusCode::NOT_MODIFIED;
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, body)
}

/// `/pkg/smsite.<hash>.js` and the like: the name changes whenever the content does.
fn is_hashed_asset(path: &str) -> bool {
    path.strip_prefix("/pkg/").is_some_and(|name| {
        name.split('.')
            .any(|part| asset_hashes().iter().any(|(_, h)| h == part))
    })
}

pub fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// A strong ETag of the page without its nonce, which differs on every response while the page
/// does not.
pub fn page_etag(body: &[u8], nonce: Option<&str>) -> String {
    let mut hasher = Sha256::new();
    match (nonce.filter(|n| !n.is_empty()), std::str::from_utf8(body)) {
        (Some(nonce), Ok(text)) => {
            for piece in text.split(nonce) {
                hasher.update(piece.as_bytes());
                hasher.update([0]);
            }
        }
        _ => hasher.update(body),
    }
    let digest = hasher.finalize();
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// `If-None-Match`: a list of tags, or `*`; weak tags compare by their value.
fn matches(header: &HeaderValue, etag: &str) -> bool {
    header.to_str().is_ok_and(|list| {
        list.split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == "*" || t == etag)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_differing_only_in_their_nonce_have_one_etag() {
        let a = page_etag(b"<script nonce=\"AAAA\">x</script><p>hi</p>", Some("AAAA"));
        let b = page_etag(b"<script nonce=\"BBBB\">x</script><p>hi</p>", Some("BBBB"));
        let c = page_etag(b"<script nonce=\"CCCC\">x</script><p>ho</p>", Some("CCCC"));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn if_none_match_lists_and_weak_tags() {
        let tag = "\"abc\"";
        assert!(matches(&HeaderValue::from_static("\"x\", \"abc\""), tag));
        assert!(matches(&HeaderValue::from_static("W/\"abc\""), tag));
        assert!(matches(&HeaderValue::from_static("*"), tag));
        assert!(!matches(&HeaderValue::from_static("\"abd\""), tag));
    }
}
