//! `/:lang/search?q=…`: site search. A plain GET form without JavaScript; with it, results
//! follow the typing (the query stays in the URL, so any result list is a link).
use super::content_page::{lang_and_slug, Loading};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::i18n::*;
use crate::search::Hit;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Longest query accepted; anything longer is cut (nobody types more, and it bounds the work).
pub const MAX_QUERY: usize = 200;

#[server]
pub async fn search(locale: String, query: String) -> Result<Vec<Hit>, ServerFnError> {
    let query: String = query.chars().take(MAX_QUERY).collect();
    if !crate::locale::LOCALES.contains(&locale.as_str()) {
        return Ok(Vec::new());
    }
    Ok(crate::content::store::global().search(&locale, &query))
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let key = lang_and_slug();
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let hits = Resource::new(move || (key.get().0, q.get()), |(l, q)| search(l, q));
    let navigate = use_navigate();
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let path = format!("/{}/search?q={}", locale_code(i18n), encode(&value));
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <PageMeta
            title=Signal::derive(move || t_string!(i18n, search.title).to_string())
            description=Signal::derive(move || t_string!(i18n, search.description).to_string())
        />
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::derive(move || t_string!(i18n, search.heading).to_string()), href: None }]/>
        <h1>{t!(i18n, search.heading)}</h1>
        <form class="search-form" method="get" action=move || format!("/{}/search", locale_code(i18n)) role="search">
            <label class="label" for="search-q">{t!(i18n, search.label)}</label>
            <div class="search-form__row">
                <input
                    class="input"
                    id="search-q"
                    name="q"
                    type="search"
                    maxlength=MAX_QUERY.to_string()
                    autocomplete="off"
                    prop:value=move || q.get()
                    value=move || q.get()
                    on:input=on_input
                />
                <button class="button search-form__button" type="submit">{t!(i18n, search.button)}</button>
            </div>
        </form>
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                let query = q.get();
                match hits.await {
                    _ if query.trim().is_empty() => view! { <p>{t!(i18n, search.hint)}</p> }.into_any(),
                    Ok(hits) if hits.is_empty() => view! {
                        <p role="status" class="search-results__count">{t!(i18n, search.no_results)}</p>
                    }.into_any(),
                    Ok(hits) => {
                        let count = hits.len();
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
                        }.into_any()
                    }
                    Err(_) => view! { <p>{t!(i18n, common.error_body)}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Percent-encodes a query value for the URL (what a GET form would send).
fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
