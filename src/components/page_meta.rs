//! Per-page `<head>` entries: title, description, canonical URL, language alternates, Open Graph.
use super::section_text::locale_code;
use crate::i18n::*;
use crate::locale::{localized_path, LOCALES};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

/// The public address the site is served under; links in `<head>` must be absolute.
/// Set at build time (`SMSITE_PUBLIC_ORIGIN`) so the server and the wasm bundle agree.
pub const PUBLIC_ORIGIN: &str = match option_env!("SMSITE_PUBLIC_ORIGIN") {
    Some(origin) => origin,
    None => "https://migration.gov.az",
};

pub fn absolute(path: &str) -> String {
    format!("{PUBLIC_ORIGIN}{path}")
}

#[component]
pub fn PageMeta(
    /// The page's own title; the site name is appended.
    #[prop(into)]
    title: Signal<String>,
    /// One or two sentences for search results.
    #[prop(into)]
    description: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let path = location.pathname.get_untracked();
    // `try_get`: leptos_meta can read a page's title once more while the page is being replaced,
    // after its signals are gone; that read must not panic.
    let title = move || title.try_get().unwrap_or_default();
    let description = move || description.try_get().unwrap_or_default();
    let full_title =
        title_text(move || format!("{} – {}", title(), t_string!(i18n, site.name_short)));
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description/>
        // The page component survives a client-side language switch, so the canonical address
        // follows the location rather than the path the page was first rendered at.
        {move || view! { <Link rel="canonical" href=absolute(&location.pathname.get())/> }}
        {LOCALES
            .map(|code| {
                view! { <Link rel="alternate" hreflang=code href=absolute(&localized_path(code, &path))/> }
            })}
        // `/` sends each visitor to their own language, which is what x-default means.
        <Link rel="alternate" hreflang="x-default" href=absolute("/")/>
        <Meta property="og:type" content="website"/>
        <Meta property="og:site_name" content=move || t_string!(i18n, site.name)/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=move || absolute(&location.pathname.get())/>
        <Meta property="og:locale" content=move || og_locale(locale_code(i18n))/>
    }
}

/// A `<Title>` text. leptos_meta reads the title once more after the server has rendered the
/// page, outside the request's reactive arena: a closure reading signals then panics under load.
/// So the server fixes the text while rendering; the browser keeps it reactive (language switch).
pub fn title_text(
    text: impl Fn() -> String + Send + Sync + 'static,
) -> leptos::text_prop::TextProp {
    #[cfg(feature = "ssr")]
    {
        text().into()
    }
    #[cfg(not(feature = "ssr"))]
    {
        text.into()
    }
}

fn og_locale(code: &str) -> &'static str {
    match code {
        "az" => "az_AZ",
        "ru" => "ru_RU",
        _ => "en_GB",
    }
}
