//! Markdown pages: the Visit and Invest sections (`/:lang/visit`, `/:lang/invest`) and news
//! articles (`/:lang/news/:slug`).
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::{long_date, ContentMeta};
use crate::components::json_ld::JsonLd;
use crate::components::page_meta::{absolute, PageMeta};
use crate::components::section_text::{locale_code, section_name};
use crate::content::model::Article;
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

pub fn fetch_section_page(locale: &str, slug: &str) -> Option<Article> {
    crate::content::store::global().page(locale, slug).cloned()
}

pub fn fetch_article(locale: &str, slug: &str) -> Option<Article> {
    crate::content::store::global()
        .article(locale, slug)
        .cloned()
}

/// A section's own page, e.g. Visit: its content file is `content/<locale>/pages/<slug>.md`.
#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    content_view(
        move |lang, _| fetch_section_page(lang, section.slug()),
        move |article| view! { <ArticleView article parent=None section/> },
    )
}

#[component]
pub fn NewsArticlePage() -> impl IntoView {
    content_view(fetch_article, |article| {
        view! { <ArticleView article parent=Some(Section::News) section=Section::News/> }
    })
}

#[component]
fn ArticleView(article: Article, parent: Option<Section>, section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let title = article.title.clone();
    let mut crumbs = Vec::new();
    if let Some(p) = parent {
        crumbs.push(Crumb {
            label: Signal::derive(move || section_name(i18n, p).to_string()),
            href: Some(Signal::derive(move || p.path(locale_code(i18n)))),
        });
    }
    crumbs.push(Crumb {
        label: Signal::stored(title.clone()),
        href: None,
    });
    let news_ld = article.published.clone().map(|published| {
        let locale = locale_code(i18n);
        crate::jsonld::news_article(
            &article.title,
            &article.summary,
            &absolute(&format!("/{locale}/news/{}", article.slug)),
            &published,
            &article.last_reviewed,
            locale,
        )
    });
    let published = article.published.clone();
    view! {
        <PageMeta title=Signal::stored(article.title.clone()) description=Signal::stored(article.summary.clone())/>
        <Breadcrumbs crumbs/>
        {news_ld.map(|json| view! { <JsonLd json/> })}
        <article class="article">
            <span class="caption">{move || section_name(i18n, section)}</span>
            <h1>{title}</h1>
            {published.map(|p| {
                let shown = p.clone();
                view! {
                    <p class="article__published">
                        {t!(i18n, news.published)} ": "
                        <time datetime=p>{move || long_date(&shown, locale_code(i18n))}</time>
                    </p>
                }
            })}
            <p class="lead">{article.summary.clone()}</p>
            <div class="prose" inner_html=article.body_html.clone()></div>
            <ContentMeta sources=article.sources.clone() last_reviewed=article.last_reviewed.clone()/>
        </article>
    }
}
