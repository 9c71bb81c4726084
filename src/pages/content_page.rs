//! Content pages read their entry from the content store, which is in memory: a page renders in
//! one pass on the server, with nothing to wait for and no data sent along for the browser.
use super::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The route's `:lang` and `:slug` parameters (empty when absent).
pub fn lang_and_slug() -> (String, String) {
    let p = use_params_map().get_untracked();
    (
        p.get("lang").unwrap_or_default(),
        p.get("slug").unwrap_or_default(),
    )
}

/// A content route: the entry `fetch(lang, slug)` finds, shown by `render`; an entry that does
/// not exist is the 404 page.
pub fn content_view<T, V>(
    fetch: impl FnOnce(&str, &str) -> Option<T>,
    render: impl FnOnce(T) -> V,
) -> AnyView
where
    V: IntoView + 'static,
{
    let (lang, slug) = lang_and_slug();
    match fetch(&lang, &slug) {
        Some(data) => render(data).into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}
