//! `/:lang/offline`: what the service worker shows for a page that was never kept, when there is
//! no connection: what happened, the saved pages, and the 919 Call Center.
use super::check::shared::NoIndex;
use crate::components::footer::CALL_CENTER_TEL;
use crate::components::page_meta::PageMeta;
use crate::components::saved_list::SavedList;
use crate::components::section_text::locale_code;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn OfflinePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageMeta
            title=Signal::derive(move || t_string!(i18n, offline.page_title).to_string())
            description=Signal::derive(move || t_string!(i18n, offline.page_body).to_string())
        />
        <NoIndex/>
        <h1>{t!(i18n, offline.page_heading)}</h1>
        <p class="lead">{t!(i18n, offline.page_body)}</p>
        <p>{t!(i18n, offline.page_retry)}</p>
        <p>{t!(i18n, offline.page_call)} " " <a class="call-link" href=CALL_CENTER_TEL>{t!(i18n, footer.phone_display)}</a></p>
        <h2>{t!(i18n, offline.saved_title)}</h2>
        <SavedList/>
        <p><a href=move || format!("/{}/saved", locale_code(i18n))>{t!(i18n, offline.page_saved_link)}</a></p>
    }
}
