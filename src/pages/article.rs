//! Markdown pages: the Visit and Invest sections (`/:lang/visit`, `/:lang/invest`) and news
//! articles (`/:lang/news/:slug`).
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::{long_date, ContentMeta, ReviewedOnly};
use crate::components::country_map::CountryMap;
use crate::components::json_ld::JsonLd;
use crate::components::page_meta::{absolute, PageMeta};
use crate::components::section_text::{locale_code, section_name};
use crate::components::source_list::SourceLine;
use crate::content::model::{Article, MapPoint};
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
/// Visit shows the places to see on a map, Invest the offices where investors apply.
#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    content_view(
        move |lang, _| fetch_section_page(lang, section.slug()),
        move |article| {
            let map = section_map(section);
            view! { <ArticleView article parent=None section=Some(section) map/> }
        },
    )
}

/// A page about the site itself (privacy, accessibility, cookies).
#[component]
pub fn SitePage(slug: &'static str) -> impl IntoView {
    content_view(
        move |lang, _| fetch_section_page(lang, slug),
        move |article| view! { <ArticleView article parent=None section=None map=None/> },
    )
}

/// The map a section page shows, if any.
fn section_map(section: Section) -> Option<AnyView> {
    let i18n = use_i18n();
    let locale = locale_code(i18n);
    let store = crate::content::store::global();
    let (points, title, description) = match section {
        Section::Visit => {
            let places = store.places(locale).to_vec();
            let names = places
                .iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
                .join("; ");
            let points = places
                .iter()
                .map(|p| MapPoint {
                    label: p.name.clone(),
                    lat: p.lat,
                    lon: p.lon,
                })
                .collect();
            let title = t_string!(i18n, visit.map_title).to_string();
            let description = format!("{} {names}", t_string!(i18n, visit.map_description));
            return Some(
                view! {
                    <CountryMap points title description id="section-map"/>
                    <ul class="places">
                        {places.into_iter().map(|p| view! {
                            <li class="places__item" id=format!("place-{}", p.id)>
                                <h2 class="places__name">{p.name}</h2>
                                <p>{p.about}</p>
                                <SourceLine sources=p.sources reviewed=p.reviewed/>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
            );
        }
        Section::Invest => {
            let offices = store.offices(locale);
            let names = offices
                .iter()
                .map(|o| o.name.clone())
                .collect::<Vec<_>>()
                .join("; ");
            let points = super::offices::office_points(offices);
            (
                points,
                t_string!(i18n, invest.map_title).to_string(),
                format!("{} {names}", t_string!(i18n, invest.map_description)),
            )
        }
        _ => return None,
    };
    Some(view! { <CountryMap points title description id="section-map"/> }.into_any())
}

#[component]
pub fn NewsArticlePage() -> impl IntoView {
    content_view(fetch_article, |article| {
        view! { <ArticleView article parent=Some(Section::News) section=Some(Section::News) map=None/> }
    })
}

#[component]
fn ArticleView(
    article: Article,
    parent: Option<Section>,
    section: Option<Section>,
    map: Option<AnyView>,
) -> impl IntoView {
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
    // News (the section is News) carries NewsArticle data, dated or not.
    let news_ld = (parent == Some(Section::News)).then(|| {
        let locale = locale_code(i18n);
        crate::jsonld::news_article(
            &article.title,
            &article.summary,
            &absolute(&format!("/{locale}/news/{}", article.slug)),
            article.published.as_deref(),
            &article.last_reviewed,
            locale,
        )
    });
    let published = article.published.clone();
    let has_sources = !article.sources.is_empty();
    view! {
        <PageMeta title=Signal::stored(article.title.clone()) description=Signal::stored(article.summary.clone())/>
        <Breadcrumbs crumbs/>
        {news_ld.map(|json| view! { <JsonLd json/> })}
        <article class="article">
            {section.map(|section| view! { <span class="caption">{move || section_name(i18n, section)}</span> })}
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
            {map}
            <div class="prose" inner_html=article.body_html.clone()></div>
            {has_sources.then(|| view! { <ContentMeta sources=article.sources.clone() last_reviewed=article.last_reviewed.clone()/> })}
            {(!has_sources).then(|| view! { <ReviewedOnly last_reviewed=article.last_reviewed.clone()/> })}
        </article>
    }
}
