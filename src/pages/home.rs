//! `/:lang/`: what the site offers, the one rule every visitor meets first, and help.
use crate::components::footer::CALL_CENTER_TEL;
use crate::components::notification_banner::NotificationBanner;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::{locale_code, section_name, section_summary};
use crate::components::source_note::SourceNote;
use crate::dates::Date;
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

/// When the registration notice was last checked against the Service's rules.
const NOTICE_REVIEWED: Date = Date::new(2026, 11, 26);

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageMeta
            title=Signal::derive(move || t_string!(i18n, home.title).to_string())
            description=Signal::derive(move || t_string!(i18n, home.description).to_string())
        />
        <h1>{t!(i18n, home.heading)}</h1>
        <p class="lead">{t!(i18n, home.lead)}</p>
        <a class="button button--start" href=move || Section::Check.path(locale_code(i18n))>
            {t!(i18n, home.start)}
        </a>

        <NotificationBanner
            title=t_string!(i18n, home.notice_title).to_string()
            heading=t_string!(i18n, home.notice_heading).to_string()
            id="home-notice-title"
        >
            <p>{t!(i18n, home.notice_body)}</p>
            <SourceNote
                source=Signal::derive(move || t_string!(i18n, source.sms).to_string())
                url="https://migration.gov.az"
                reviewed=NOTICE_REVIEWED
            />
        </NotificationBanner>

        <h2>{t!(i18n, home.sections_heading)}</h2>
        <ul class="cards">
            {Section::ALL
                .map(|section| {
                    view! {
                        <li class="card">
                            <h3 class="card__title">
                                <a href=move || section.path(locale_code(i18n))>{move || section_name(i18n, section)}</a>
                            </h3>
                            <p>{move || section_summary(i18n, section)}</p>
                        </li>
                    }
                })}
        </ul>

        <h2>{t!(i18n, home.help_heading)}</h2>
        <p>{t!(i18n, home.help_body)}</p>
        <p><a class="call-link" href=CALL_CENTER_TEL>{t!(i18n, footer.phone_display)}</a></p>
    }
}
