//! `/:lang/fees`: every fee, one table per procedure (content/fees.toml), and how to pay
//! (content/<locale>/pages/fees.md).
use super::content_page::content_view;
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::ContentMeta;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::components::source_list::SourceLine;
use crate::content::model::{Article, FeeRow};
use crate::i18n::*;
use crate::sections::Section;
use leptos::prelude::*;

pub fn fetch_fees(locale: &str, _: &str) -> Option<(Article, Vec<FeeRow>)> {
    let store = crate::content::store::global();
    Some((
        store.page(locale, "fees")?.clone(),
        store.fees(locale).to_vec(),
    ))
}

#[component]
pub fn FeesPage() -> impl IntoView {
    content_view(fetch_fees, |(page, rows)| view! { <FeesView page rows/> })
}

/// Rows grouped by procedure, in the file's order.
fn by_procedure(rows: Vec<FeeRow>) -> Vec<Vec<FeeRow>> {
    let mut groups: Vec<Vec<FeeRow>> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|g| g[0].procedure == row.procedure) {
            Some(g) => g.push(row),
            None => groups.push(vec![row]),
        }
    }
    groups
}

#[component]
fn FeesView(page: Article, rows: Vec<FeeRow>) -> impl IntoView {
    let i18n = use_i18n();
    let title = page.title.clone();
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
        {by_procedure(rows).into_iter().map(|group| {
            let first = group[0].clone();
            let uncertain = group.iter().any(|r| r.uncertain);
            let mut notes: Vec<String> = Vec::new();
            for n in group.iter().filter_map(|r| r.note.clone()) {
                if !notes.contains(&n) {
                    notes.push(n);
                }
            }
            let mut sources = Vec::new();
            for r in &group {
                if !sources.contains(&r.source) {
                    sources.push(r.source.clone());
                }
            }
            let reviewed = group.iter().map(|r| r.reviewed.clone()).min().unwrap_or_default();
            view! {
                <section class="fee-group" id=format!("fees-{}", first.procedure)>
                    <h2 id=format!("fees-{}-heading", first.procedure)>{first.procedure_name.clone()}</h2>
                    // A table wider than a phone scrolls: its region takes the focus, so a keyboard can.
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby=format!("fees-{}-heading", first.procedure)>
                        <table class="table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, fees.who)}</th>
                                    <th scope="col">{t!(i18n, fees.term)}</th>
                                    <th scope="col">{t!(i18n, fees.decision)}</th>
                                    <th scope="col">{t!(i18n, fees.amount)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {group.into_iter().map(|r| view! {
                                    <tr>
                                        <td>{r.applicant}</td>
                                        <td>{r.term}</td>
                                        <td>{r.speed}</td>
                                        <td class="table__numeric">{r.amount}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
                    {uncertain.then(|| view! {
                        <div class="confirm-note" role="note"><p>{t!(i18n, fees.uncertain)}</p></div>
                    })}
                    <SourceLine sources reviewed/>
                    {first.guide_href.map(|href| view! {
                        <p><a href=href>{t!(i18n, fees.read_guide)}</a></p>
                    })}
                </section>
            }
        }).collect_view()}
        <div class="prose" inner_html=page.body_html.clone()></div>
        <ContentMeta sources=page.sources.clone() last_reviewed=page.last_reviewed.clone()/>
    }
}
