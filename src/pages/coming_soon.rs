//! A section whose content a later release fills: a real page with a real route, saying so.
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::footer::CALL_CENTER_TEL;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::{locale_code, section_name, section_summary};
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

#[component]
pub fn ComingSoon(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let name = Signal::derive(move || section_name(i18n, section).to_string());
    let summary = Signal::derive(move || section_summary(i18n, section).to_string());
    view! {
        <PageMeta title=name description=summary/>
        <Breadcrumbs crumbs=vec![Crumb { label: name, href: None }]/>
        <span class="caption">{t!(i18n, coming_soon.heading_prefix)}</span>
        <h1>{name}</h1>
        <p class="lead">{summary}</p>
        <p>{t!(i18n, coming_soon.body)}</p>
        <p><a class="call-link" href=CALL_CENTER_TEL>{t!(i18n, footer.phone_display)}</a></p>
        <p><a href=move || format!("/{}/", locale_code(i18n))>{t!(i18n, coming_soon.back_home)}</a></p>
    }
}
