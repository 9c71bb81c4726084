//! `/:lang/search?q=…`: site search. A plain GET form; with JavaScript, nav.js sends the form as
//! it is typed and replaces only the results (`data-live`), so the query stays in the address
//! and any result list is a link. No wasm: the page has no island.
use super::content_page::lang_and_slug;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Longest query accepted; anything longer is cut (nobody types more, and it bounds the work).
pub const MAX_QUERY: usize = 200;

/// The guides, journeys and articles in `locale` that match `query`.
pub fn search(locale: &str, query: &str) -> Vec<crate::search::Hit> {
    let query: String = query.chars().take(MAX_QUERY).collect();
    if !crate::locale::LOCALES.contains(&locale) {
        return Vec::new();
    }
    crate::content::store::global().search(locale, &query)
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_and_slug().0;
    let q = use_query_map().get_untracked().get("q").unwrap_or_default();
    let hits = search(&lang, &q);
    let results = if q.trim().is_empty() {
        view! { <p>{t!(i18n, search.hint)}</p> }.into_any()
    } else if hits.is_empty() {
        view! { <p role="status" class="search-results__count">{t!(i18n, search.no_results)}</p> }
            .into_any()
    } else {
        let count = crate::digits::for_locale(&hits.len().to_string(), &lang);
        view! {
            <p role="status" class="search-results__count">{t!(i18n, search.results_count, count)}</p>
            <ol class="search-results">
                {hits.into_iter().map(|h| view! {
                    <li class="search-results__item">
                        <a class="search-results__title" href=h.href>{h.title}</a>
                        <p class="search-results__snippet">{h.snippet}</p>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <PageMeta
            title=Signal::derive(move || t_string!(i18n, search.title).to_string())
            description=Signal::derive(move || t_string!(i18n, search.description).to_string())
        />
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::derive(move || t_string!(i18n, search.heading).to_string()), href: None }]/>
        <h1>{t!(i18n, search.heading)}</h1>
        <form class="search-form" method="get" action=format!("/{lang}/search") role="search" data-live="search-results">
            <label class="label" for="search-q">{t!(i18n, search.label)}</label>
            <div class="search-form__row">
                <input
                    class="input"
                    id="search-q"
                    name="q"
                    type="search"
                    maxlength=MAX_QUERY.to_string()
                    autocomplete="off"
                    value=q
                />
                <button class="button search-form__button" type="submit">{t!(i18n, search.button)}</button>
            </div>
        </form>
        <div id="search-results">{results}</div>
    }
}
