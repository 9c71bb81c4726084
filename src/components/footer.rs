//! The 919 Call Center and links to the Service's official online services.
use super::section_text::locale_code;
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

/// The Call Center's number in the international form a phone dials.
pub const CALL_CENTER_TEL: &str = "tel:+99412919";

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let page = move |slug: &str| format!("/{}/{slug}", locale_code(i18n));
    view! {
        <footer class="site-footer">
            <div class="width-container">
                <div class="site-footer__callout">
                    <h2 class="site-footer__heading">{t!(i18n, footer.call_heading)}</h2>
                    <a class="site-footer__phone" href=CALL_CENTER_TEL dir="ltr">{t!(i18n, footer.phone_display)}</a>
                    <p>{t!(i18n, footer.call_hours)}</p>
                </div>
                <nav aria-label=move || t_string!(i18n, footer.links_label)>
                    <ul class="site-footer__links">
                        <li><a href=move || Section::Contact.path(locale_code(i18n))>{t!(i18n, footer.contact)}</a></li>
                        <li><a href="https://migration.gov.az" rel="external">{t!(i18n, footer.official_site)}</a></li>
                        <li><a href="https://eservice.migration.gov.az" rel="external">{t!(i18n, footer.eservices)}</a></li>
                        <li><a href="https://evisa.gov.az" rel="external">{t!(i18n, footer.evisa)}</a></li>
                    </ul>
                </nav>
                <nav aria-label=move || t_string!(i18n, footer.site_label)>
                    <ul class="site-footer__links">
                        <li><a href=move || page("offices")>{t!(i18n, footer.offices)}</a></li>
                        <li><a href=move || page("fees")>{t!(i18n, footer.fees)}</a></li>
                        <li><a href=move || page("processing-times")>{t!(i18n, footer.processing_times)}</a></li>
                        <li><a href=move || page("journeys")>{t!(i18n, footer.journeys)}</a></li>
                        <li><a href=move || page("glossary")>{t!(i18n, footer.glossary)}</a></li>
                        <li><a href=move || page("updates")>{t!(i18n, footer.updates)}</a></li>
                        <li><a href=move || page("privacy")>{t!(i18n, footer.privacy)}</a></li>
                        <li><a href=move || page("accessibility")>{t!(i18n, footer.accessibility)}</a></li>
                        <li><a href=move || page("cookies")>{t!(i18n, footer.cookies)}</a></li>
                    </ul>
                </nav>
                <p class="site-footer__meta">{t!(i18n, footer.rights)}</p>
            </div>
        </footer>
    }
}
