//! `/:lang/news`: articles, newest first, and the statistics page.
use super::content_page::lang_and_slug;
use super::procedures::LinkList;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::content::model::PageLink;
use crate::i18n::*;
use leptos::prelude::*;

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
        <h1>{t!(i18n, news.heading)}</h1>
        <LinkList links/>
        <p><a href=move || format!("/{}/search", locale_code(i18n))>{t!(i18n, search.heading)}</a></p>
    }
}
