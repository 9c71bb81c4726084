//! `/:lang/journeys/:slug`: a step-by-step journey.
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::ContentMeta;
use crate::components::page_meta::PageMeta;
use crate::components::save_offline::SaveOffline;
use crate::components::section_text::locale_code;
use crate::components::step_by_step::StepByStep;
use crate::content::model::{Journey, Source};
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

pub fn fetch_journey(locale: &str, slug: &str) -> Option<Journey> {
    crate::content::store::global()
        .journey(locale, slug)
        .cloned()
}

#[component]
pub fn JourneyPage() -> impl IntoView {
    content_view(fetch_journey, |journey| view! { <JourneyView journey/> })
}

#[component]
fn JourneyView(journey: Journey) -> impl IntoView {
    let i18n = use_i18n();
    let title = journey.title.clone();
    let reviewed = journey.last_reviewed.clone();
    view! {
        <PageMeta title=Signal::stored(journey.title.clone()) description=Signal::stored(journey.summary.clone())/>
        <Breadcrumbs crumbs=vec![
            Crumb {
                label: Signal::derive(move || t_string!(i18n, nav.procedures).to_string()),
                href: Some(Signal::derive(move || Section::Procedures.path(locale_code(i18n)))),
            },
            Crumb { label: Signal::stored(title.clone()), href: None },
        ]/>
        <span class="caption">{t!(i18n, journey.caption)}</span>
        <h1>{title}</h1>
        <p class="lead">{journey.summary.clone()}</p>
        <SaveOffline/>
        <StepByStep journey=journey/>
        <ContentMeta
            sources=vec![Source { name: t_string!(i18n, source.sms).to_string(), url: "https://migration.gov.az".into() }]
            last_reviewed=reviewed
        />
    }
}
