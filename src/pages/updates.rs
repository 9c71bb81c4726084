//! `/:lang/updates`: recent changes across the site (guides' change histories and news), with
//! an Atom feed (`/:lang/updates.atom`).
use super::content_page::lang_and_slug;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::long_date;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Link;

#[component]
pub fn UpdatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let (lang, _) = lang_and_slug();
    let updates = crate::content::store::global().updates(&lang);
    let heading = Signal::derive(move || t_string!(i18n, updates.heading).to_string());
    view! {
        <PageMeta title=heading description=Signal::derive(move || t_string!(i18n, updates.description).to_string())/>
        <Link rel="alternate" type_="application/atom+xml" href=format!("/{lang}/updates.atom") title=t_string!(i18n, updates.feed).to_string()/>
        <Breadcrumbs crumbs=vec![Crumb { label: heading, href: None }]/>
        <h1>{heading}</h1>
        <p class="lead">{t!(i18n, updates.lead)}</p>
        <p><a href=format!("/{lang}/updates.atom") type="application/atom+xml">{t!(i18n, updates.feed)}</a></p>
        <ol class="updates">
            {updates.into_iter().map(|u| {
                let shown = u.date.clone();
                view! {
                    <li class="updates__item">
                        <time class="updates__date" datetime=u.date.clone()>{move || long_date(&shown, locale_code(i18n))}</time>
                        " "
                        <a class="updates__title" href=u.href>{u.title}</a>
                        <p class="updates__summary">{u.summary}</p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
