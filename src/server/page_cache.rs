//! A short-lived cache of rendered pages, kept as the bytes to send. A page depends only on its
//! address (language in the path, answers in the query) and on the date, and it runs no inline
//! script, so it is the same for every visitor: it is compressed once when stored (brotli and
//! gzip), with one ETag per encoding and all its headers worked out, and sent like a static
//! file. Two layers: `store`, right around the pages, keeps what they render; `serve`, outside
//! every other layer but the request log, answers from what is kept without going further.
use super::caching::{is_html, not_modified, page_etag, page_rule};
use super::locale_redirect::new_locale_cookie;
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Beyond these the cache is emptied and starts again: simple, and a minute's pages of this
/// site fit well within them.
const MAX_ENTRIES: usize = 2048;
const MAX_BYTES: usize = 96 * 1024 * 1024;
/// A page this large is not kept (nor held in memory to be compressed).
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

/// One stored page in each encoding, the smallest first.
struct Entry {
    variants: Vec<Variant>,
    /// Set by the one request that renders the page again once it is stale; meanwhile the others
    /// are sent the stale copy (so an expiry under load is one render, not one per connection).
    refreshing: std::sync::atomic::AtomicBool,
    stored: Instant,
    size: usize,
}

struct Variant {
    /// `br`, `gzip`, or `None` for the page as rendered.
    encoding: Option<&'static str>,
    body: Bytes,
    etag: HeaderValue,
    /// Every header of the response but those that depend on the request (cache rule, cookie).
    headers: HeaderMap,
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
    /// Pages are kept `ttl`; zero turns the cache off.
    pub fn new(ttl: Duration) -> Arc<PageCache> {
        Arc::new(PageCache {
            ttl,
            pages: Mutex::new(Pages::default()),
        })
    }

    /// The kept page to send for `key`, if any. Past its time, one caller gets `None` (and renders
    /// it again); the others get the old copy until the new one is kept, for at most one more
    /// `ttl`.
    fn get(&self, key: &str) -> Option<Arc<Entry>> {
        let pages = self.pages.lock().ok()?;
        let entry = pages.map.get(key)?;
        let age = entry.stored.elapsed();
        if age < self.ttl {
            return Some(entry.clone());
        }
        let renders = !entry
            .refreshing
            .swap(true, std::sync::atomic::Ordering::AcqRel);
        (age < self.ttl * 2 && !renders).then(|| entry.clone())
    }

    fn put(&self, key: String, entry: Arc<Entry>) {
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        if pages.map.len() >= MAX_ENTRIES || pages.bytes + entry.size > MAX_BYTES {
            pages.map.clear();
            pages.bytes = 0;
        }
        pages.bytes += entry.size;
        if let Some(old) = pages.map.insert(key, entry) {
            pages.bytes -= old.size;
        }
    }
}

/// Outside the other layers: a page that is kept is sent from here, with the request's own
/// `Set-Cookie` and caching rule, or as a 304 when the browser has it.
pub async fn serve(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    if cache.ttl.is_zero() || request.method() != Method::GET {
        return next.run(request).await;
    }
    let Some(entry) = cache.get(&request.uri().to_string()) else {
        return next.run(request).await;
    };
    let h = request.headers();
    let variant = entry.variant(accepted_encodings(h));
    let cookie = new_locale_cookie(request.uri().path(), h);
    let rule = page_rule(request.uri().path(), cookie.is_some());
    let fresh = not_modified(h, variant.etag.to_str().unwrap_or(""));
    let mut response = Response::new(if fresh {
        Body::empty()
    } else {
        Body::from(variant.body.clone())
    });
    let out = response.headers_mut();
    *out = variant.headers.clone();
    out.insert(header::CACHE_CONTROL, HeaderValue::from_static(rule));
    if let Some(cookie) = cookie {
        out.append(header::SET_COOKIE, cookie);
    }
    if fresh {
        // The browser keeps the page with the headers it came with.
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        let out = response.headers_mut();
        for name in [
            header::CONTENT_ENCODING,
            header::CONTENT_SECURITY_POLICY,
            header::CONTENT_TYPE,
        ] {
            out.remove(name);
        }
    }
    response
}

/// Right around the pages: keeps each page worth keeping as it is rendered.
pub async fn store(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    if cache.ttl.is_zero() || request.method() != Method::GET {
        return next.run(request).await;
    }
    let key = request.uri().to_string();
    let accepted = accepted_encodings(request.headers());
    let response = next.run(request).await;
    if !cacheable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    // Compressing takes a few milliseconds: off the threads that answer requests.
    let entry = tokio::task::spawn_blocking(move || build(bytes, parts.headers)).await;
    let Ok(entry) = entry else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let entry = Arc::new(entry);
    cache.put(key, entry.clone());
    // This first response goes out through the other layers, which set the same headers again
    // and add the request's own (cache rule, cookie).
    let variant = entry.variant(accepted);
    let mut response = Response::new(Body::from(variant.body.clone()));
    *response.headers_mut() = variant.headers.clone();
    response
}

/// A 200 HTML page with no cookie and no caching rule of its own (pages with someone's
/// application say `no-store`).
fn cacheable(response: &Response) -> bool {
    let h = response.headers();
    response.status() == StatusCode::OK
        && is_html(h)
        && !h.contains_key(header::SET_COOKIE)
        && !h.contains_key(header::CACHE_CONTROL)
        && !h.contains_key(header::CONTENT_ENCODING)
}

fn build(page: Bytes, mut headers: HeaderMap) -> Entry {
    headers.remove(header::CONTENT_LENGTH);
    let tag = page_etag(&page);
    let etag = |suffix: &str| {
        HeaderValue::from_str(&format!("\"{tag}{suffix}\""))
            .unwrap_or(HeaderValue::from_static("\"\""))
    };
    let br = brotli_bytes(&page);
    let gz = gzip_bytes(&page);
    let size = page.len() + br.len() + gz.len();
    let variant = |encoding: Option<&'static str>, body: Bytes, etag: HeaderValue| {
        let mut h = headers.clone();
        super::security::add(&mut h, true);
        if let Some(encoding) = encoding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        h.insert(header::ETAG, etag.clone());
        Variant {
            encoding,
            body,
            etag,
            headers: h,
        }
    };
    Entry {
        variants: vec![
            variant(Some("br"), br.into(), etag("-br")),
            variant(Some("gzip"), gz.into(), etag("-gz")),
            variant(None, page.clone(), etag("")),
        ],
        refreshing: Default::default(),
        stored: Instant::now(),
        size,
    }
}

fn brotli_bytes(page: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(page.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 10,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut std::io::Cursor::new(page), &mut out, &params);
    out
}

fn gzip_bytes(page: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(page);
    encoder.finish().unwrap_or_default()
}

/// Which encodings the request accepts: (brotli, gzip). `q=0` refuses one.
fn accepted_encodings(headers: &HeaderMap) -> (bool, bool) {
    let mut accepted = (false, false);
    let list = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for item in list {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("").to_ascii_lowercase();
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.trim().parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        match name.as_str() {
            "br" => accepted.0 = !refused,
            "gzip" => accepted.1 = !refused,
            "*" if !refused => accepted = (true, true),
            _ => {}
        }
    }
    accepted
}

impl Entry {
    /// The smallest variant the request accepts (the page as rendered accepts everyone).
    fn variant(&self, (br, gzip): (bool, bool)) -> &Variant {
        self.variants
            .iter()
            .find(|v| match v.encoding {
                Some("br") => br,
                Some(_) => gzip,
                None => true,
            })
            .unwrap_or(&self.variants[self.variants.len() - 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        h
    }

    #[test]
    fn a_stale_page_is_rendered_again_by_one_request_while_the_others_get_the_old_copy() {
        let cache = PageCache::new(Duration::from_millis(50));
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        cache.put("/en/".into(), Arc::new(build(Bytes::from("<p>x</p>"), h)));
        assert!(cache.get("/en/").is_some());
        std::thread::sleep(Duration::from_millis(60));
        assert!(
            cache.get("/en/").is_none(),
            "the first asker renders it again"
        );
        assert!(cache.get("/en/").is_some(), "the others get the old copy");
        std::thread::sleep(Duration::from_millis(50));
        assert!(cache.get("/en/").is_none(), "but not past twice its time");
    }

    #[test]
    fn accept_encoding_lists_weights_and_refusals() {
        assert_eq!(
            accepted_encodings(&headers("gzip, deflate, br")),
            (true, true)
        );
        assert_eq!(accepted_encodings(&headers("gzip")), (false, true));
        assert_eq!(
            accepted_encodings(&headers("br;q=0, gzip;q=0.5")),
            (false, true)
        );
        assert_eq!(accepted_encodings(&headers("br;q=0.0")), (false, false));
        assert_eq!(accepted_encodings(&HeaderMap::new()), (false, false));
    }

    #[test]
    fn a_stored_page_is_sent_in_the_best_accepted_encoding_with_its_own_etag() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
        let page = Bytes::from("<p>".repeat(2000));
        let entry = build(page.clone(), h);
        let br = &entry.variant((true, true)).headers;
        assert_eq!(br[header::CONTENT_ENCODING], "br");
        assert_eq!(
            br[header::CONTENT_SECURITY_POLICY],
            super::super::security::PAGE_POLICY
        );
        let gz = &entry.variant((false, true)).headers;
        assert_eq!(gz[header::CONTENT_ENCODING], "gzip");
        let plain = &entry.variant((false, false)).headers;
        assert!(!plain.contains_key(header::CONTENT_ENCODING));
        let tags: Vec<_> = [br, gz, plain]
            .iter()
            .map(|h| h[header::ETAG].clone())
            .collect();
        assert_ne!(tags[0], tags[1]);
        assert_ne!(tags[1], tags[2]);
        assert!(entry.variants[0].body.len() < page.len() / 10);
    }
}
