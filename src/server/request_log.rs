//! One log line per request, in a span with its request id. Only the method, the path (never the
//! query, which holds checker answers), the status and the time are logged: no personal data.
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Request, Response};
use axum::middleware::Next;
use axum::Router;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;
use tracing::Span;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids unique to this server process: a random prefix drawn at start, then a counter.
/// Cheaper than a UUID per request (no system call), and as good for following one request.
#[derive(Clone)]
struct ProcessIds {
    prefix: Arc<str>,
    next: Arc<AtomicU64>,
}

impl ProcessIds {
    fn new() -> ProcessIds {
        let random = leptos::nonce::Nonce::new().to_string();
        ProcessIds {
            prefix: random
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(10)
                .collect::<String>()
                .into(),
            next: Arc::new(AtomicU64::new(1)),
        }
    }
}

impl MakeRequestId for ProcessIds {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{}-{n}", self.prefix))
            .ok()
            .map(RequestId::new)
    }
}

/// A request id from outside is kept only if it looks like one: `[A-Za-z0-9._-]{1,64}`. Anything
/// else (a long text, a forged log line) is replaced by a new id before it is logged or echoed.
pub fn valid_request_id(id: &[u8]) -> bool {
    (1..=64).contains(&id.len())
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

async fn drop_bad_request_id(mut request: Request<Body>, next: Next) -> Response<Body> {
    let ids = request.headers().get_all(&REQUEST_ID);
    let keep = ids.iter().count() == 1 && ids.iter().all(|v| valid_request_id(v.as_bytes()));
    if !keep {
        request.headers_mut().remove(&REQUEST_ID);
    }
    next.run(request).await
}

/// Wraps the router: an `x-request-id` (kept from a proxy in front, or a new one) is on the
/// request, in every log line of its span, and on the response.
pub fn layer<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    let trace = TraceLayer::new_for_http()
        .make_span_with(|request: &Request<Body>| {
            let id = request
                .headers()
                .get(&REQUEST_ID)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-");
            tracing::info_span!(
                "request",
                id = %id,
                method = %request.method(),
                path = %request.uri().path(),
            )
        })
        .on_request(())
        .on_response(|response: &Response<Body>, latency: Duration, _: &Span| {
            tracing::info!(
                status = response.status().as_u16(),
                ms = latency.as_secs_f64() * 1000.0,
                "answered"
            );
        });
    router
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(trace)
        .layer(SetRequestIdLayer::new(REQUEST_ID, ProcessIds::new()))
        .layer(axum::middleware::from_fn(drop_bad_request_id))
}

#[cfg(test)]
mod tests {
    use super::valid_request_id;

    #[test]
    fn request_ids_are_short_and_plain() {
        assert!(valid_request_id(b"abc-123_x.y"));
        assert!(valid_request_id(&[b'a'; 64]));
        assert!(!valid_request_id(&[b'a'; 65]));
        assert!(!valid_request_id(b""));
        assert!(!valid_request_id(b"id\nforged line"));
        assert!(!valid_request_id(b"a b"));
    }
}
