//! `/metrics` in Prometheus's text format, with the Prometheus project's own client crate.
//! Not public: served on `SMSITE_METRICS_ADDR` only, or on the site's port to a request that
//! carries `SMSITE_METRICS_TOKEN` as a bearer token; otherwise it is the site's 404.
use axum::extract::{MatchedPath, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteStatus {
    pub route: &'static str,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Route {
    pub route: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Outcome {
    pub result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct Reason {
    pub reason: &'static str,
}

type Buckets = fn() -> Histogram;

/// Every metric of the server. Cheap to clone (the metrics are shared).
#[derive(Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    pub requests: Family<RouteStatus, Counter>,
    pub latency: Family<Route, Histogram, Buckets>,
    pub lookups: Family<Outcome, Counter>,
    pub refused: Family<Reason, Counter>,
    pub lockouts: Counter,
    pub database_errors: Counter,
    pub shed: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("smsite");
        let requests = Family::<RouteStatus, Counter>::default();
        // 1 ms to about 8 s.
        let latency = Family::<Route, Histogram, Buckets>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.001, 2.0, 14))
        });
        let lookups = Family::<Outcome, Counter>::default();
        let refused = Family::<Reason, Counter>::default();
        let lockouts = Counter::default();
        let database_errors = Counter::default();
        let shed = Counter::default();
        registry.register(
            "http_requests",
            "Requests answered, by route and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time to answer, by route",
            latency.clone(),
        );
        registry.register(
            "status_lookups",
            "Status lookups that reached the database, by result",
            lookups.clone(),
        );
        registry.register(
            "status_refused",
            "Status lookups answered 429, by reason (address, number)",
            refused.clone(),
        );
        registry.register(
            "status_lockouts",
            "Application numbers locked after failed lookups",
            lockouts.clone(),
        );
        registry.register(
            "database_errors",
            "Database calls that failed",
            database_errors.clone(),
        );
        registry.register(
            "load_shed",
            "Requests answered 503 because the server was at its concurrency limit",
            shed.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            requests,
            latency,
            lookups,
            refused,
            lockouts,
            database_errors,
            shed,
        }
    }

    /// The text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut out, &self.registry);
        out
    }
}

/// The route pattern of a request (`/{lang}/status`), never its path (which would make one series
/// per page and per typo).
pub fn route_of(request: &Request) -> &'static str {
    // Leptos's and our routes are a fixed set: interned once each, so a request allocates nothing.
    static ROUTES: std::sync::OnceLock<std::sync::RwLock<std::collections::HashSet<&'static str>>> =
        std::sync::OnceLock::new();
    let Some(path) = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str())
    else {
        return "other";
    };
    let routes = ROUTES.get_or_init(Default::default);
    if let Some(known) = routes.read().ok().and_then(|r| r.get(path).copied()) {
        return known;
    }
    let mut routes = routes.write().unwrap_or_else(|e| e.into_inner());
    match routes.get(path) {
        Some(known) => known,
        None => {
            let interned: &'static str = Box::leak(path.to_string().into_boxed_str());
            routes.insert(interned);
            interned
        }
    }
}

impl Metrics {
    /// Counts and times one answered request.
    pub fn observe(&self, route: &'static str, status: StatusCode, took: std::time::Duration) {
        self.latency
            .get_or_create(&Route { route })
            .observe(took.as_secs_f64());
        self.requests
            .get_or_create(&RouteStatus {
                route,
                status: status.as_u16(),
            })
            .inc();
    }
}

/// The exposition as a response.
pub fn respond(metrics: &Metrics) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        metrics.render(),
    )
        .into_response()
}

/// Whether a request carries the metrics token (compared in constant time).
pub fn authorized(headers: &axum::http::HeaderMap, token: &str) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let (a, b) = (given.as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
