//! A short-lived cache of rendered pages. A page depends only on its address (language in the
//! path, answers in the query) and on the date, so rendering it again within a minute gives the
//! same HTML, apart from the CSP nonce. The cache keeps the page cut at its nonce and joins the
//! pieces with a fresh nonce for every response: each response still has its own.
use super::caching::{is_html, page_etag};
use super::security::{page_policy, policy_nonce};
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Beyond these the cache is emptied and starts again: simple, and a minute's pages of this
/// site fit well within them.
const MAX_ENTRIES: usize = 2048;
const MAX_BYTES: usize = 48 * 1024 * 1024;
/// A page this large is not kept (nor held in memory to be cut).
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

struct Entry {
    pieces: Vec<Bytes>,
    headers: HeaderMap,
    stored: Instant,
    size: usize,
}

#[derive(Default)]
struct Pages {
    map: HashMap<String, Arc<Entry>>,
    bytes: usize,
}

pub struct PageCache {
    ttl: Duration,
    pages: Mutex<Pages>,
}

impl PageCache {
    /// `SMSITE_PAGE_CACHE_SECONDS` (default 60; 0 turns the cache off).
    pub fn from_env() -> Arc<PageCache> {
        let seconds = std::env::var("SMSITE_PAGE_CACHE_SECONDS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(60);
        Arc::new(PageCache {
            ttl: Duration::from_secs(seconds),
            pages: Mutex::new(Pages::default()),
        })
    }

    fn get(&self, key: &str) -> Option<Arc<Entry>> {
        let pages = self.pages.lock().ok()?;
        let entry = pages.map.get(key)?;
        (entry.stored.elapsed() < self.ttl).then(|| entry.clone())
    }

    fn put(&self, key: String, entry: Entry) {
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        if pages.map.len() >= MAX_ENTRIES || pages.bytes + entry.size > MAX_BYTES {
            pages.map.clear();
            pages.bytes = 0;
        }
        pages.bytes += entry.size;
        if let Some(old) = pages.map.insert(key, Arc::new(entry)) {
            pages.bytes -= old.size;
        }
    }
}

pub async fn layer(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    if cache.ttl.is_zero() || request.method() != Method::GET {
        return next.run(request).await;
    }
    let key = request.uri().to_string();
    if let Some(entry) = cache.get(&key) {
        if let Some(response) = from_entry(&entry) {
            return response;
        }
    }
    let response = next.run(request).await;
    let Some(nonce) = cacheable_nonce(&response) else {
        return response;
    };
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // Worked out here once for the kept page, rather than on every response (see `caching`).
    if let Ok(etag) = HeaderValue::from_str(&page_etag(&bytes, Some(&nonce))) {
        parts.headers.insert(header::ETAG, etag);
    }
    if let Some(pieces) = cut(&bytes, &nonce) {
        let mut headers = parts.headers.clone();
        headers.remove(header::CONTENT_SECURITY_POLICY);
        headers.remove(header::CONTENT_LENGTH);
        cache.put(
            key,
            Entry {
                size: bytes.len(),
                pieces,
                headers,
                stored: Instant::now(),
            },
        );
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The nonce of a page worth keeping: a 200 HTML page with its own policy, no cookie and no
/// caching rule of its own (pages with someone's application say `no-store`).
fn cacheable_nonce(response: &Response) -> Option<String> {
    let h = response.headers();
    if response.status() != StatusCode::OK
        || !is_html(h)
        || h.contains_key(header::SET_COOKIE)
        || h.contains_key(header::CACHE_CONTROL)
    {
        return None;
    }
    let nonce = policy_nonce(h)?;
    (nonce.len() >= 16).then(|| nonce.to_string())
}

/// The page in pieces around each occurrence of the nonce.
fn cut(body: &Bytes, nonce: &str) -> Option<Vec<Bytes>> {
    let text = std::str::from_utf8(body).ok()?;
    let mut pieces = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices(nonce) {
        pieces.push(body.slice(from..at));
        from = at + nonce.len();
    }
    pieces.push(body.slice(from..));
    Some(pieces)
}

fn join(pieces: &[Bytes], nonce: &str, size: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(size + 64);
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            body.extend_from_slice(nonce.as_bytes());
        }
        body.extend_from_slice(piece);
    }
    body
}

fn from_entry(entry: &Entry) -> Option<Response> {
    let nonce = leptos::nonce::Nonce::new().to_string();
    let mut response = Response::new(Body::from(join(&entry.pieces, &nonce, entry.size)));
    *response.headers_mut() = entry.headers.clone();
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&page_policy(&nonce)).ok()?,
    );
    Some(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_page_gets_a_new_nonce_everywhere_the_old_one_was() {
        let old = "AAAAAAAAAAAAAAAAAAAAAA";
        let html =
            format!("<script nonce=\"{old}\">a</script><link crossorigin=\"{old}\"><p>x</p>");
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        let body = Bytes::from(html.clone());
        let entry = Entry {
            pieces: cut(&body, old).unwrap(),
            headers,
            stored: Instant::now(),
            size: html.len(),
        };
        assert_eq!(entry.pieces.len(), 3);
        let response = from_entry(&entry).unwrap();
        let policy = response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_string();
        let new = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .unwrap()
            .to_string();
        assert_ne!(new, old);
        assert_eq!(
            join(&entry.pieces, &new, entry.size),
            html.replace(old, &new).into_bytes()
        );
    }
}
