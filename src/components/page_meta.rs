//! Per-page `<head>` entries: title, description, canonical URL, language alternates, Open Graph.
use super::section_text::locale_code;
use crate::i18n::*;
use crate::locale::{info, localized_path, tag, LOCALES};
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
    // Plain strings: leptos_meta reads the title once more after the page is rendered, outside
    // the request's reactive arena, where a closure reading signals would panic.
    let title = title.get_untracked();
    let description = description.get_untracked();
    let full_title = format!("{title} – {}", t_string!(i18n, site.name_short));
    view! {
        <Title text=full_title/>
        <Meta name="description" content=description.clone()/>
        <Link rel="canonical" href=absolute(&path)/>
        {LOCALES
            .iter()
            .filter(|code| crate::content::translated(code, &path))
            .map(|code| {
                view! { <Link rel="alternate" hreflang=tag(code) href=absolute(&localized_path(code, &path))/> }
            })
            .collect_view()}
        // `/` sends each visitor to their own language, which is what x-default means.
        <Link rel="alternate" hreflang="x-default" href=absolute("/")/>
        <Meta property="og:type" content="website"/>
        <Meta property="og:site_name" content=t_string!(i18n, site.name)/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:url" content=absolute(&path)/>
        <Meta property="og:locale" content=info(locale_code(i18n)).og/>
    }
}
