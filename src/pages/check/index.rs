//! `/:lang/check`: the questions the checker can answer.
use super::data::check_flows;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::page_meta::PageMeta;
use crate::i18n::*;
use crate::pages::content_page::lang_and_slug;
use leptos::prelude::*;

#[component]
pub fn CheckIndexPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = lang_and_slug().0;
    let cards = check_flows(&lang);
    let title = move || t_string!(i18n, check.title).to_string();
    view! {
        <PageMeta title=Signal::derive(title) description=Signal::derive(move || t_string!(i18n, check.description).to_string())/>
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::derive(title), href: None }]/>
        <h1>{t!(i18n, check.heading)}</h1>
        <p class="lead">{t!(i18n, check.lead)}</p>
        <h2>{t!(i18n, check.flows_heading)}</h2>
        <ul class="cards">
            {cards.into_iter().map(|c| view! {
                <li class="card">
                    <h3 class="card__title"><a href=format!("/{lang}/check/{}", c.id)>{c.title}</a></h3>
                    <p>{c.description}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}
