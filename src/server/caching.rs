//! Cache-Control and ETags. Files with a hash in their name are kept for a year; pages for a
//! minute, then revalidated with their ETag (a 304 costs a few hundred bytes on a roaming phone).
use super::config::asset_hashes;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Pages are the same for everyone (no nonce, no cookie in the stored page): a CDN may keep them.
pub const PAGE: &str = "public, max-age=60";
/// Checker pages hold a person's answers in their address: only their browser keeps them.
pub const ANSWERS_PAGE: &str = "private, max-age=60";
/// Other files (the icon, the OpenAPI document, the sitemap): an hour.
pub const FILE: &str = "public, max-age=3600";

/// Pages larger than this are sent without an ETag rather than held in memory.
const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

pub async fn headers(request: Request<Body>, next: Next) -> Response {
    let is_get = request.method() == Method::GET;
    let hashed = is_hashed_asset(request.uri().path());
    let path = request.uri().path().to_owned();
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
        let h = response.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        // The site's files are kept brotli, gzip and plain, chosen by Accept-Encoding: a shared
        // cache must not give one client's choice to another.
        if path.starts_with("/pkg/") {
            h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
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
            let etag = format!("\"{}\"", page_etag(&bytes));
            if let Ok(value) = HeaderValue::from_str(&etag) {
                parts.headers.insert(header::ETAG, value);
            }
            (etag, Body::from(bytes))
        }
    };
    let rule = page_rule(&path, parts.headers.contains_key(header::SET_COOKIE));
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(rule));
    if if_none_match.is_some_and(|v| matches(&v, &etag)) {
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_ENCODING);
        parts.status = StatusCode::NOT_MODIFIED;
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, body)
}

/// How long, and by whom, a page may be kept. A page that sets a cookie is someone's, and a
/// checker page holds someone's answers in its address: only their browser keeps those.
pub fn page_rule(path: &str, sets_cookie: bool) -> &'static str {
    if sets_cookie || path.contains("/check/") {
        ANSWERS_PAGE
    } else {
        PAGE
    }
}

/// Whether `If-None-Match` names this ETag (a strong one, with its quotes).
pub fn not_modified(request: &HeaderMap, etag: &str) -> bool {
    request
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| matches(v, etag))
}

/// `/pkg/smsite.<hash>.js` and the like: the name changes whenever the content does. The wasm's
/// split-off parts (`chunk_5.<hash>.wasm`, `__wasm_split.<hash>.js`) are not in the hash file, so
/// a name part shaped like cargo-leptos's hash (22 characters of URL-safe base64) counts too.
pub fn is_hashed_asset(path: &str) -> bool {
    path.strip_prefix("/pkg/").is_some_and(|name| {
        let parts: Vec<&str> = name.split('.').collect();
        parts.len() >= 3
            && parts[1..parts.len() - 1]
                .iter()
                .any(|part| asset_hashes().iter().any(|(_, h)| h == part) || looks_like_hash(part))
    })
}

fn looks_like_hash(part: &str) -> bool {
    part.len() == 22
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// The value of a page's strong ETag (without its quotes): a hash of its bytes.
pub fn page_etag(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    super::hex(&digest[..12])
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
    fn hashed_names_are_kept_a_year_and_others_are_not() {
        for name in [
            "/pkg/chunk_5.wcTPN-MuND1SJ-7LwmaNBw.wasm",
            "/pkg/__wasm_split.x34SLu5ulAbUSzn_i2UGSA.js",
            "/pkg/smsite.d.d6En5EsdIMgnEzgj_T9N8g.ts",
        ] {
            assert!(is_hashed_asset(name), "{name}");
        }
        for name in [
            "/pkg/smsite.wasm",
            "/pkg/smsite.js",
            "/pkg/wcTPN-MuND1SJ-7LwmaNBw.wasm",
            "/favicon.ico",
            "/chunk_5.wcTPN-MuND1SJ-7LwmaNBw.wasm",
        ] {
            assert!(!is_hashed_asset(name), "{name}");
        }
    }

    #[test]
    fn the_etag_follows_the_bytes() {
        assert_eq!(page_etag(b"<p>hi</p>"), page_etag(b"<p>hi</p>"));
        assert_ne!(page_etag(b"<p>hi</p>"), page_etag(b"<p>ho</p>"));
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
