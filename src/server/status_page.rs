//! `POST /{lang}/status`: the status form sent without JavaScript. The lookup runs here and the
//! page is rendered with its answer; the number and date of birth stay in the request body.
use super::client_addr::client_of;
use super::lookup::{lookup, Lookup};
use super::state::AppState;
use crate::app::shell;
use crate::pages::status::PostedLookup;
use crate::status::reply::{FormMessage, Typed};
use axum::body::Body;
use axum::extract::{Form, FromRequest, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use leptos::prelude::provide_context;

pub async fn form(State(state): State<AppState>, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let client = client_of(&parts, state.config.trusted_proxies);
    let options = state.leptos.clone();
    // `/xx/status` is the 404 page: render it as such, without a lookup (and without a try).
    let lang = parts
        .uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    let known = crate::locale::LOCALES.contains(&lang);
    let fields: Vec<(String, String)> = match Form::<Vec<(String, String)>>::from_request(
        Request::from_parts(parts.clone(), body),
        &(),
    )
    .await
    {
        Ok(Form(f)) => f,
        // Too large (413), or not a form at all: answered as such, never looked up.
        Err(rejection) => return axum::response::IntoResponse::into_response(rejection),
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.chars().take(64).collect::<String>())
            .unwrap_or_default()
    };
    let typed = Typed {
        number: field("number"),
        day: field("dob-day"),
        month: field("dob-month"),
        year: field("dob-year"),
    };
    let mut retry_after = None;
    let result = if known {
        lookup(&state, &typed.number, &typed.date_of_birth(), client).await
    } else {
        Lookup::NotFound
    };
    let view = match result {
        Lookup::Found(reply) => Ok(reply),
        Lookup::NotFound => Err(FormMessage::NotFound),
        Lookup::Invalid { field, code } => Err(FormMessage::Invalid {
            field: field.into(),
            code: code.into(),
        }),
        Lookup::TooManyRequests { retry_after: wait } => {
            retry_after = Some(wait);
            Err(FormMessage::TooManyRequests)
        }
        Lookup::Unavailable => {
            retry_after = Some(super::error::RETRY_UNAVAILABLE);
            Err(FormMessage::Unavailable)
        }
    };
    let status = match &view {
        Err(FormMessage::TooManyRequests) => StatusCode::TOO_MANY_REQUESTS,
        Err(FormMessage::Unavailable) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::OK,
    };
    // Found: the form is not shown again, so the page carries nothing of what was typed.
    let typed = if view.is_ok() {
        Typed::default()
    } else {
        typed
    };
    let posted = PostedLookup(typed, view);
    let render = leptos_axum::render_app_async_with_context(
        move || provide_context(posted.clone()),
        move || shell(options.clone()),
    );
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    if known {
        *response.status_mut() = status;
    }
    // A page with someone's application on it: never stored by the browser or a proxy.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(wait) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
    }
    response
}
