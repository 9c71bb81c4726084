//! The axum application: redirects, the Leptos pages, static files, and the 404 page.
use super::config::BODY_LIMIT;
use super::state::AppState;
use super::{
    api, atom, caching, feedback_api, feedback_page, guards, html_tidy, locale_redirect, manifest,
    metrics, nav_script, page_cache, request_log, security, seo, status_api, status_page, worker,
};
use crate::app::{shell, App};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos_axum::{file_and_error_handler, generate_route_list, LeptosRoutes};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::limit::RequestBodyLimitLayer;

pub fn app_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos.clone();
    let router = Router::new()
        .route("/", get(locale_redirect::root))
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/robots.txt", get(seo::robots))
        .route(nav_script::PATH, get(nav_script::serve))
        .route("/sw.js", get(worker::serve))
        .route("/{lang}/manifest.webmanifest", get(manifest::serve))
        .route("/api/v1/eligibility", post(api::eligibility))
        .route("/api/v1/applications/status", post(status_api::status))
        .route("/api/v1/feedback", post(feedback_api::feedback))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_on_site_port))
        .route("/{lang}/check/{flow}/calendar.ics", get(api::calendar))
        .route("/{lang}/status", post(status_page::form))
        .route("/{lang}/feedback", post(feedback_page::form))
        .route("/{lang}/updates.atom", get(atom::updates))
        .route("/{lang}/news.atom", get(atom::news))
        .leptos_routes(&state, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback(fallback)
        .layer(axum::middleware::from_fn(html_tidy::layer))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            page_cache::store,
        ))
        .layer(axum::middleware::from_fn(locale_redirect::remember_locale))
        .layer(axum::middleware::from_fn(page_redirects))
        .layer(axum::middleware::from_fn(caching::headers))
        .layer(axum::middleware::from_fn(security::headers))
        // Pages and JSON are compressed as they go out; the site's files were compressed at
        // build time (`--precompress`) and are sent as they are. Level 5: most of brotli's gain
        // for a fraction of its top level's time.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
        // Kept pages are sent from here, past the layers above (it adds what they would).
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            page_cache::serve,
        ))
        .layer(axum::middleware::from_fn(guards::posts))
        // Every body, chunked or not, stops at the limit: 413.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guards::admit,
        ));
    request_log::layer(router).with_state(state)
}

/// Anything the page routes do not match: a canonical-form redirect, a static file from the site
/// root, or the app's localized 404 page (with status 404).
async fn fallback(uri: Uri, state: State<AppState>, request: Request<Body>) -> Response {
    if let Some(redirect) = locale_redirect::canonical_redirect(&uri) {
        return redirect;
    }
    file_and_error_handler(shell)(uri, state, request).await
}

/// A checker form sent without JavaScript is answered here with a 302 (see
/// `api::check_turnstile`), without rendering a page. And a page that redirects (`<Redirect/>`
/// in the checker) is a real 302 for every client: Leptos only sets the status when the
/// request's Accept names HTML and otherwise leaves a hint meant for its own server-function
/// client, which a plain GET of a page never is.
async fn page_redirects(request: Request<Body>, next: Next) -> Response {
    let is_get = request.method() == Method::GET;
    if is_get {
        if let Some(to) = api::check_turnstile(request.uri().path(), request.uri().query()) {
            return (StatusCode::FOUND, [(axum::http::header::LOCATION, to)]).into_response();
        }
    }
    let mut response = next.run(request).await;
    if is_get
        && response
            .headers()
            .contains_key(leptos::server_fn::redirect::REDIRECT_HEADER)
        && response
            .headers()
            .contains_key(axum::http::header::LOCATION)
    {
        response
            .headers_mut()
            .remove(leptos::server_fn::redirect::REDIRECT_HEADER);
        *response.status_mut() = StatusCode::FOUND;
    }
    response
}

/// The API's description (OpenAPI 3.0), kept beside the handlers and checked by the tests and the
/// fuzz run of the test command.
async fn openapi() -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        include_str!("openapi.json"),
    )
        .into_response()
}

/// `GET /healthz`: the process is up and answering.
async fn healthz() -> Response {
    ([(axum::http::header::CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

/// `GET /metrics` on the site's port: only with `SMSITE_METRICS_TOKEN` as a bearer token;
/// otherwise the site's 404 page, as for any unknown address.
async fn metrics_on_site_port(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    request: Request<Body>,
) -> Response {
    match state.config.metrics_token.as_deref() {
        Some(token) if metrics::authorized(&headers, token) => metrics::respond(&state.metrics),
        _ => fallback(uri, State(state), request).await,
    }
}

/// `GET /readyz`: ready for traffic: the status database answers. 503 otherwise (the guides
/// still work then, but a load balancer should know the lookup does not).
async fn readyz(State(state): State<AppState>) -> Response {
    let database = state.store.ping().await;
    let status = if database {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        [(axum::http::header::CACHE_CONTROL, "no-store")],
        axum::Json(serde_json::json!({ "content": true, "database": database })),
    )
        .into_response()
}
