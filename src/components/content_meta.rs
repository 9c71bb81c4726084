//! The "Sources" and "Last reviewed" block under every guide, journey and article.
use super::section_text::locale_code;
use crate::content::model::Source;
pub use crate::dates::long_date;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn ContentMeta(sources: Vec<Source>, last_reviewed: String) -> impl IntoView {
    let i18n = use_i18n();
    let reviewed = last_reviewed.clone();
    view! {
        <aside class="content-meta">
            <h2 class="content-meta__heading">{t!(i18n, content.sources)}</h2>
            <ul class="content-meta__sources">
                {sources
                    .into_iter()
                    .map(|s| view! { <li><a href=s.url rel="external">{s.name}</a></li> })
                    .collect_view()}
            </ul>
            <p class="content-meta__reviewed">
                {t!(i18n, source.reviewed)} ": "
                <time datetime=last_reviewed>{move || long_date(&reviewed, locale_code(i18n))}</time>
            </p>
        </aside>
    }
}

/// "Last reviewed" alone, for the pages about the site itself, which cite no outside source.
#[component]
pub fn ReviewedOnly(last_reviewed: String) -> impl IntoView {
    let i18n = use_i18n();
    let reviewed = last_reviewed.clone();
    view! {
        <p class="content-meta__reviewed">
            {t!(i18n, source.reviewed)} ": "
            <time datetime=last_reviewed>{move || long_date(&reviewed, locale_code(i18n))}</time>
        </p>
    }
}
