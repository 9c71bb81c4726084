//! `POST /{lang}/feedback`: the feedback forms sent without JavaScript. "Yes" is stored and the
//! thank-you page follows (303); "No" from the question opens the form; the form's answers are
//! stored, or the page is drawn again with the error and what was typed.
use super::client_addr::client_of;
use super::feedback_api::{submit, Submitted};
use super::state::AppState;
use crate::app::shell;
use crate::feedback::Sent;
use crate::pages::feedback::PostedFeedback;
use axum::body::Body;
use axum::extract::{Form, FromRequest, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

pub async fn form(State(state): State<AppState>, request: Request<Body>) -> Response {
    let (parts, body) = request.into_parts();
    let client = client_of(&parts, state.config.trusted_proxies);
    let options = state.leptos.clone();
    let fields: Vec<(String, String)> = match Form::<Vec<(String, String)>>::from_request(
        Request::from_parts(parts.clone(), body),
        &(),
    )
    .await
    {
        Ok(Form(f)) => f,
        Err(rejection) => return rejection.into_response(),
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let sent = Sent {
        page: field("page"),
        useful: field("useful"),
        doing: field("doing"),
        wrong: field("wrong"),
        started: field("started").trim().parse().unwrap_or(0),
        website: field("website"),
    };
    let lang = parts
        .uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("")
        .to_string();
    // A language we do not publish: its 404 page, nothing stored.
    if !crate::locale::LOCALES.contains(&lang.as_str()) {
        let render = leptos_axum::render_app_async(move || shell(options.clone()));
        return render(Request::from_parts(parts, Body::empty())).await;
    }
    let page_query = crate::feedback::query_value(&sent.page);
    // "No" on the question: the form with its questions, nothing stored yet.
    if field("step") == "question" && sent.useful == "no" {
        return see_other(&format!("/{lang}/feedback?page={page_query}&useful=no"));
    }
    let result = submit(&state, &sent, client).await;
    if result == Submitted::Received {
        return see_other(&format!("/{lang}/feedback?page={page_query}&sent=1"));
    }
    let status = match result {
        Submitted::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
        Submitted::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let posted = PostedFeedback { sent, result };
    let render = leptos_axum::render_app_async_with_context(
        move || provide_context(posted.clone()),
        move || shell(options.clone()),
    );
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    *response.status_mut() = status;
    // What someone typed: never stored by a browser or a proxy.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn see_other(to: &str) -> Response {
    match HeaderValue::from_str(to) {
        Ok(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}
