//! `/:lang/saved`: the pages this device keeps for offline use (filled in by nav.js).
use super::check::shared::NoIndex;
use crate::components::page_meta::PageMeta;
use crate::components::saved_list::SavedList;
use crate::i18n::*;
use leptos::prelude::*;

#[component]
pub fn SavedPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, offline.saved_title).to_string();
    view! {
        <PageMeta title=Signal::stored(title.clone()) description=Signal::derive(move || t_string!(i18n, offline.saved_description).to_string())/>
        <NoIndex/>
        <h1>{title}</h1>
        <p class="lead">{t!(i18n, offline.saved_lead)}</p>
        <SavedList/>
    }
}
