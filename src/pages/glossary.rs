//! `/:lang/glossary`: the official term for each key concept, what it means, and how it is
//! written in Azerbaijani on the Service's forms (content/glossary.toml).
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::page_meta::PageMeta;
use crate::content::model::GlossaryEntry;
use crate::i18n::*;
use leptos::prelude::*;

pub fn fetch_glossary(locale: &str, _: &str) -> Option<Vec<GlossaryEntry>> {
    Some(crate::content::store::global().glossary(locale))
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    content_view(fetch_glossary, |entries| view! { <GlossaryView entries/> })
}

#[component]
fn GlossaryView(entries: Vec<GlossaryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, glossary.title).to_string();
    view! {
        <PageMeta title=Signal::stored(title.clone()) description=Signal::derive(move || t_string!(i18n, glossary.lead).to_string())/>
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::stored(title.clone()), href: None }]/>
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, glossary.lead)}</p>
        <dl class="glossary">
            {entries.into_iter().map(|e| view! {
                <div class="glossary__entry" id=e.key.clone()>
                    <dt class="glossary__term">{e.term.clone()}</dt>
                    <dd class="glossary__original">
                        <span class="glossary__label">{t!(i18n, glossary.original)}": "</span>
                        <span lang="az" dir="ltr">{e.original}</span>
                    </dd>
                    <dd class="glossary__explanation">{e.explanation}</dd>
                </div>
            }).collect_view()}
        </dl>
        <p>{t!(i18n, glossary.source)}</p>
    }
}
