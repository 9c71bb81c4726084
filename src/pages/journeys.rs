//! `/:lang/journeys`: every step-by-step journey.
use super::content_page::lang_and_slug;
use super::not_found::NotFound;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::link_list::LinkList;
use crate::components::page_meta::PageMeta;
use crate::content::model::PageLink;
use crate::i18n::*;
use leptos::prelude::*;

pub fn journey_links(locale: &str) -> Vec<PageLink> {
    crate::content::store::global()
        .journeys(locale)
        .into_iter()
        .map(|j| PageLink {
            href: format!("/{locale}/journeys/{}", j.slug),
            title: j.title.clone(),
            summary: j.summary.clone(),
        })
        .collect()
}

#[component]
pub fn JourneysPage() -> impl IntoView {
    let i18n = use_i18n();
    let links = journey_links(&lang_and_slug().0);
    if links.is_empty() {
        return view! { <NotFound/> }.into_any();
    }
    let heading = Signal::derive(move || t_string!(i18n, journeys.heading).to_string());
    view! {
        <PageMeta title=heading description=Signal::derive(move || t_string!(i18n, journeys.description).to_string())/>
        <Breadcrumbs crumbs=vec![Crumb { label: heading, href: None }]/>
        <h1>{heading}</h1>
        <p class="lead">{t!(i18n, journeys.lead)}</p>
        <LinkList links/>
    }
    .into_any()
}
