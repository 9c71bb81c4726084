//! `/:lang/news`: articles, newest first, and the statistics page.
use super::content_page::lang_and_slug;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::link_list::LinkList;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::content::model::PageLink;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::Link;

pub fn news_index(locale: &str) -> Vec<PageLink> {
    let store = crate::content::store::global();
    let mut links: Vec<PageLink> = store
        .news(locale)
        .into_iter()
        .map(|a| PageLink {
            href: format!("/{locale}/news/{}", a.slug),
            title: a.title.clone(),
            summary: a.summary.clone(),
        })
        .collect();
    let stats = store.statistics(locale);
    links.push(PageLink {
        href: format!("/{locale}/news/statistics"),
        title: stats.title,
        summary: stats.summary,
    });
    links
}

#[component]
pub fn NewsPage() -> impl IntoView {
    let i18n = use_i18n();
    let links = news_index(&lang_and_slug().0);
    view! {
        <PageMeta
            title=Signal::derive(move || t_string!(i18n, news.title).to_string())
            description=Signal::derive(move || t_string!(i18n, news.description).to_string())
        />
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::derive(move || t_string!(i18n, nav.news).to_string()), href: None }]/>
        <Link rel="alternate" type_="application/atom+xml" href=format!("/{}/news.atom", locale_code(i18n)) title=t_string!(i18n, news.feed).to_string()/>
        <h1>{t!(i18n, news.heading)}</h1>
        <LinkList links/>
        <p>
            <a href=move || format!("/{}/news.atom", locale_code(i18n)) type="application/atom+xml">{t!(i18n, news.feed)}</a>
            " · "
            <a href=move || format!("/{}/updates", locale_code(i18n))>{t!(i18n, updates.heading)}</a>
        </p>
        <p><a href=move || format!("/{}/search", locale_code(i18n))>{t!(i18n, search.heading)}</a></p>
    }
}
