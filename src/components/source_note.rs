//! "Source … Last reviewed …" under every rule, fee or deadline the site states.
use super::section_text::locale_code;
use crate::dates::Date;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn SourceNote(
    /// Who states the rule, already translated.
    #[prop(into)]
    source: Signal<String>,
    /// Where the rule is published.
    url: &'static str,
    /// When we last checked our text against the source.
    reviewed: Date,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="source-note">
            {t!(i18n, source.label)} ": "
            <a href=url rel="external">{source}</a>
            ". " {t!(i18n, source.reviewed)} ": "
            <time datetime=reviewed.iso()>{move || reviewed.long(locale_code(i18n))}</time>
        </p>
    }
}
