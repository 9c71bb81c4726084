//! Loading content pages: one resource per page, rendered when it resolves. The routes that use
//! these run in `SsrMode::Async`, so the server sends complete HTML (no JavaScript needed) and
//! client-side navigation fetches the page's data from the server function.
use super::not_found::NotFound;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{de::DeserializeOwned, Serialize};
use std::future::Future;

/// The route's `:lang` and `:slug` parameters (empty when absent).
pub fn lang_and_slug() -> Memo<(String, String)> {
    let params = use_params_map();
    Memo::new(move |_| {
        let p = params.read();
        (
            p.get("lang").unwrap_or_default(),
            p.get("slug").unwrap_or_default(),
        )
    })
}

/// Shows `Ok(Some(data))` with `view`, `Ok(None)` as the 404 page, and an error as a short
/// translated notice (never a panic or a stack trace).
pub fn show<T, V>(result: Result<Option<T>, ServerFnError>, view: impl FnOnce(T) -> V) -> AnyView
where
    V: IntoView + 'static,
{
    match result {
        Ok(Some(data)) => view(data).into_any(),
        Ok(None) => view! { <NotFound/> }.into_any(),
        Err(_) => view! { <LoadError/> }.into_any(),
    }
}

/// A content route: the entry `fetch(lang, slug)` returns, shown by `render` once it arrives;
/// an entry that does not exist is the 404 page.
pub fn content_view<T, Fut, V>(
    fetch: impl Fn(String, String) -> Fut + Send + Sync + 'static,
    render: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    Fut: Future<Output = Result<Option<T>, ServerFnError>> + Send + 'static,
    V: IntoView + 'static,
{
    let key = lang_and_slug();
    let data = Resource::new(move || key.get(), move |(lang, slug)| fetch(lang, slug));
    view! {
        <Suspense fallback=Loading>
            {move || {
                let render = render.clone();
                Suspend::new(async move { show(data.await, render) })
            }}
        </Suspense>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{t!(i18n, common.loading)}</p> }
}

#[component]
fn LoadError() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, common.error_heading)}</h1>
        <p>{t!(i18n, common.error_body)}</p>
    }
}
