//! `/:lang/procedures/:slug`: one guide, with its journeys beside it.
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::{long_date, ContentMeta};
use crate::components::json_ld::JsonLd;
use crate::components::page_meta::{absolute, PageMeta};
use crate::components::save_offline::SaveOffline;
use crate::components::section_text::locale_code;
use crate::components::step_by_step::StepByStep;
use crate::content::model::Guide;
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

pub fn fetch_guide(locale: &str, slug: &str) -> Option<Guide> {
    crate::content::store::global().guide(locale, slug).cloned()
}

#[component]
pub fn GuidePage() -> impl IntoView {
    content_view(fetch_guide, |guide| view! { <GuideView guide/> })
}

#[component]
fn GuideView(guide: Guide) -> impl IntoView {
    let i18n = use_i18n();
    let locale = locale_code(i18n);
    let href = format!("/{locale}/procedures/{}", guide.slug);
    let title = guide.title.clone();
    let service_ld =
        crate::jsonld::government_service(&guide.title, &guide.summary, &absolute(&href), locale);
    let faq_ld = crate::jsonld::faq_page(&guide.faq);
    let has_faq = !guide.faq.is_empty();
    let journeys = guide.journeys.clone();
    let last_change = guide.changes.first().cloned();
    view! {
        <PageMeta title=Signal::stored(guide.title.clone()) description=Signal::stored(guide.summary.clone())/>
        <Breadcrumbs crumbs=vec![
            Crumb {
                label: Signal::derive(move || t_string!(i18n, nav.procedures).to_string()),
                href: Some(Signal::derive(move || Section::Procedures.path(locale_code(i18n)))),
            },
            Crumb { label: Signal::stored(title.clone()), href: None },
        ]/>
        <JsonLd json=service_ld/>
        {has_faq.then(|| view! { <JsonLd json=faq_ld/> })}
        <div class="grid grid--two-thirds">
            <article class="guide">
                <span class="caption">{t!(i18n, guide.caption)}</span>
                <h1>{title}</h1>
                <p class="lead">{guide.summary.clone()}</p>
                <p class="guide__audience"><strong>{t!(i18n, guide.audience)} ": "</strong>{guide.audience.clone()}</p>
                <SaveOffline/>
                <div class="prose" inner_html=guide.body_html.clone()></div>
                {has_faq.then(|| view! {
                    <h2>{t!(i18n, guide.faq)}</h2>
                    {guide.faq.iter().map(|f| view! {
                        <details class="details">
                            <summary class="details__summary">{f.question.clone()}</summary>
                            <div class="details__content"><p>{f.answer.clone()}</p></div>
                        </details>
                    }).collect_view()}
                })}
                {last_change.map(|change| {
                    let shown = change.date.clone();
                    view! {
                        <p class="guide__updated">
                            {t!(i18n, guide.last_updated)} ": "
                            <time datetime=change.date.clone()>{move || long_date(&shown, locale_code(i18n))}</time>
                            " — " {change.summary.clone()} " "
                            <a href=format!("/{locale}/updates")>{t!(i18n, guide.see_updates)}</a>
                        </p>
                    }
                })}
                <details class="details guide__history">
                    <summary class="details__summary">{t!(i18n, guide.history)}</summary>
                    <div class="details__content">
                        <ul>
                            {guide.changes.iter().map(|c| {
                                let shown = c.date.clone();
                                view! {
                                    <li><time datetime=c.date.clone()>{move || long_date(&shown, locale_code(i18n))}</time>": " {c.summary.clone()}</li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                </details>
                <ContentMeta sources=guide.sources.clone() last_reviewed=guide.last_reviewed.clone()/>
                    </article>
            <aside class="guide__journeys">
                {journeys.into_iter().map(|j| {
                    let current = format!("/{}/procedures/{}", locale, guide.slug);
                    view! {
                        <section class="related-journey">
                            <p class="related-journey__caption">{t!(i18n, guide.part_of)}</p>
                            <h2 class="related-journey__title"><a href=format!("/{locale}/journeys/{}", j.slug)>{j.title.clone()}</a></h2>
                            <StepByStep journey=j level=3 current_href=current/>
                        </section>
                    }
                }).collect_view()}
            </aside>
        </div>
    }
}
