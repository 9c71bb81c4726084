//! `/:lang/contact`: phone, online and in-person channels.
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::footer::CALL_CENTER_TEL;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn ContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let heading = Signal::derive(move || t_string!(i18n, contact.heading).to_string());
    view! {
        <PageMeta
            title=Signal::derive(move || t_string!(i18n, contact.title).to_string())
            description=Signal::derive(move || t_string!(i18n, contact.description).to_string())
        />
        <Breadcrumbs crumbs=vec![Crumb { label: heading, href: None }]/>
        <h1>{heading}</h1>
        <p class="lead">{t!(i18n, contact.lead)}</p>
        <h2>{t!(i18n, contact.phone_heading)}</h2>
        <p><a class="call-link" href=CALL_CENTER_TEL dir="ltr">{t!(i18n, footer.phone_display)}</a></p>
        <p>{t!(i18n, contact.phone_body)}</p>
        <h2>{t!(i18n, contact.online_heading)}</h2>
        <p>{t!(i18n, contact.online_body)}</p>
        <ul>
            <li><a href="https://eservice.migration.gov.az" rel="external">{t!(i18n, footer.eservices)}</a></li>
            <li><a href="https://evisa.gov.az" rel="external">{t!(i18n, footer.evisa)}</a></li>
            <li><a href="https://migration.gov.az" rel="external">{t!(i18n, footer.official_site)}</a></li>
        </ul>
        <h2>{t!(i18n, contact.in_person_heading)}</h2>
        <p>{t!(i18n, contact.in_person_body)}</p>
        <p><a href=move || format!("/{}/offices", locale_code(i18n))>{t!(i18n, contact.offices_link)}</a></p>
        <h2>{t!(i18n, contact.website_heading)}</h2>
        <p>{t!(i18n, contact.website_body)}</p>
        <p><a href=move || format!("/{0}/feedback?page=/{0}/contact", locale_code(i18n))>{t!(i18n, feedback.report)}</a></p>
    }
}
