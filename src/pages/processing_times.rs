//! `/:lang/processing-times`: how long each procedure takes, from the times the status page's
//! estimate uses (content/status.toml) and the faster decisions a higher fee buys
//! (content/fees.toml).
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::ContentMeta;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::components::source_list::SourceLine;
use crate::content::model::{Article, ProcessingTime};
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

pub fn fetch_times(locale: &str, _: &str) -> Option<(Article, Vec<ProcessingTime>)> {
    let store = crate::content::store::global();
    Some((
        store.page(locale, "processing-times")?.clone(),
        store.processing_times(locale),
    ))
}

#[component]
pub fn ProcessingTimesPage() -> impl IntoView {
    content_view(
        fetch_times,
        |(page, times)| view! { <TimesView page times/> },
    )
}

#[component]
fn TimesView(page: Article, times: Vec<ProcessingTime>) -> impl IntoView {
    let i18n = use_i18n();
    let title = page.title.clone();
    let any_uncertain = times.iter().any(|t| t.uncertain);
    view! {
        <PageMeta title=Signal::stored(page.title.clone()) description=Signal::stored(page.summary.clone())/>
        <Breadcrumbs crumbs=vec![
            Crumb {
                label: Signal::derive(move || t_string!(i18n, nav.procedures).to_string()),
                href: Some(Signal::derive(move || Section::Procedures.path(locale_code(i18n)))),
            },
            Crumb { label: Signal::stored(title.clone()), href: None },
        ]/>
        <h1>{title}</h1>
        <p class="lead">{page.summary.clone()}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="processing-caption">
            <table class="table">
                <caption id="processing-caption" class="table__caption">{t!(i18n, processing.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, processing.procedure)}</th>
                        <th scope="col">{t!(i18n, processing.standard)}</th>
                        <th scope="col">{t!(i18n, processing.faster)}</th>
                        <th scope="col">{t!(i18n, processing.source)}</th>
                    </tr>
                </thead>
                <tbody>
                    {times.into_iter().map(|t| view! {
                        <tr>
                            <th scope="row">
                                {match t.guide_href {
                                    Some(href) => view! { <a href=href>{t.procedure_name.clone()}</a> }.into_any(),
                                    None => t.procedure_name.clone().into_any(),
                                }}
                            </th>
                            <td>{t.standard}</td>
                            <td>{if t.faster.is_empty() { "—".to_string() } else { t.faster.join(", ") }}</td>
                            <td><SourceLine sources=t.sources reviewed=t.reviewed/></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {any_uncertain.then(|| view! {
            <div class="confirm-note" role="note"><p>{t!(i18n, processing.uncertain)}</p></div>
        })}
        <div class="prose" inner_html=page.body_html.clone()></div>
        <ContentMeta sources=page.sources.clone() last_reviewed=page.last_reviewed.clone()/>
    }
}
