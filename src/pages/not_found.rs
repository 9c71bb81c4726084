//! The 404 page: a real HTTP 404 status, in the visitor's language.
use crate::components::footer::CALL_CENTER_TEL;
use crate::components::section_text::locale_code;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=format!("{} – {}", t_string!(i18n, not_found.title), t_string!(i18n, site.name_short))/>
        <Meta name="robots" content="noindex"/>
        <h1>{t!(i18n, not_found.heading)}</h1>
        <p>{t!(i18n, not_found.body)}</p>
        <p><a href=move || format!("/{}/", locale_code(i18n))>{t!(i18n, not_found.home)}</a></p>
        <p>{t!(i18n, not_found.call)} " " <a class="call-link" href=CALL_CENTER_TEL>{t!(i18n, footer.phone_display)}</a></p>
    }
}
