//! `/:lang/procedures`: every guide and every step-by-step journey.
use super::content_page::lang_and_slug;
use super::not_found::NotFound;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::link_list::LinkList;
use crate::components::page_meta::PageMeta;
use crate::content::model::PageLink;
use crate::i18n::*;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct ProceduresList {
    pub guides: Vec<PageLink>,
    pub journeys: Vec<PageLink>,
}

pub fn procedures_index(locale: &str) -> Option<ProceduresList> {
    let store = crate::content::store::global();
    let link = |href: String, title: &str, summary: &str| PageLink {
        href,
        title: title.to_string(),
        summary: summary.to_string(),
    };
    let guides = store
        .guides(locale)
        .into_iter()
        .map(|g| {
            link(
                format!("/{locale}/procedures/{}", g.slug),
                &g.title,
                &g.summary,
            )
        })
        .collect::<Vec<_>>();
    if guides.is_empty() {
        return None;
    }
    let journeys = store
        .journeys(locale)
        .into_iter()
        .map(|j| {
            link(
                format!("/{locale}/journeys/{}", j.slug),
                &j.title,
                &j.summary,
            )
        })
        .collect();
    Some(ProceduresList { guides, journeys })
}

#[component]
pub fn ProceduresPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(index) = procedures_index(&lang_and_slug().0) else {
        return view! { <NotFound/> }.into_any();
    };
    let title = Signal::derive(move || t_string!(i18n, procedures.title).to_string());
    view! {
        <PageMeta title description=Signal::derive(move || t_string!(i18n, procedures.description).to_string())/>
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::derive(move || t_string!(i18n, nav.procedures).to_string()), href: None }]/>
        <h1>{t!(i18n, procedures.heading)}</h1>
        <p class="lead">{t!(i18n, procedures.lead)}</p>
        <h2>{t!(i18n, procedures.journeys_heading)}</h2>
        <LinkList links=index.journeys/>
        <h2>{t!(i18n, procedures.guides_heading)}</h2>
        <LinkList links=index.guides/>
    }
    .into_any()
}
