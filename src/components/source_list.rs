//! "Source: … Last reviewed: …" for one office, fee or time, in a table cell or under a card.
use super::section_text::locale_code;
use crate::content::model::Source;
use crate::dates::long_date;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn SourceLine(sources: Vec<Source>, reviewed: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = reviewed.clone();
    let count = sources.len();
    view! {
        <p class="source-note">
            {t!(i18n, source.label)} ": "
            {sources
                .into_iter()
                .enumerate()
                .map(|(i, s)| view! {
                    <a href=s.url rel="external">{s.name}</a>
                    {(i + 1 < count).then_some("; ")}
                })
                .collect_view()}
            ". " {t!(i18n, source.reviewed)} ": "
            <time datetime=reviewed>{move || long_date(&shown, locale_code(i18n))}</time>
        </p>
    }
}
