//! `/:lang/check/:flow`: the flow's start page. With answers in the query (a form sent without
//! JavaScript) it is the turnstile: it redirects to the page those answers lead to.
use super::data::FlowBundle;
use super::shared::{step_href, with_flow};
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::ContentMeta;
use crate::components::page_meta::PageMeta;
use crate::eligibility::engine::Answers;
use crate::eligibility::steps::{after_answer, Step, ANSWERED_FIELD};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

#[component]
pub fn FlowStartPage() -> impl IntoView {
    let query = use_query_map();
    with_flow(move |b: FlowBundle, answers: Answers| {
        // Any query at all (even one of unknown names) was a form: send it where it leads.
        if query.read_untracked().latest_values().next().is_some() {
            let walk = b.walk(&answers);
            let answered = query.read_untracked().get(ANSWERED_FIELD);
            let to = step_href(
                &b,
                &after_answer(&walk, answered.as_deref()),
                &answers,
                &walk,
            );
            return view! { <Redirect path=to/> }.into_any();
        }
        view! { <StartView bundle=b/> }.into_any()
    })
}

#[component]
fn StartView(bundle: FlowBundle) -> impl IntoView {
    let i18n = use_i18n();
    let title = bundle.text(&bundle.flow.title);
    let description = bundle.text(&bundle.flow.description);
    let first = step_href(
        &bundle,
        &Step::Question(bundle.flow.start.clone()),
        &Answers::new(),
        &bundle.walk(&Answers::new()),
    );
    let sources = bundle.sources();
    let index = format!("/{}/check", bundle.locale);
    view! {
        <PageMeta title=title.clone() description=description.clone()/>
        <Breadcrumbs crumbs=vec![
            Crumb { label: Signal::derive(move || t_string!(i18n, check.title).to_string()), href: Some(Signal::derive(move || index.clone())) },
            Crumb { label: Signal::derive({ let t = title.clone(); move || t.clone() }), href: None },
        ]/>
        <h1>{title}</h1>
        <p class="lead">{description}</p>
        <h2>{t!(i18n, check.before_heading)}</h2>
        <p>{t!(i18n, check.before_body)}</p>
        <a class="button button--start" href=first role="button" draggable="false">
            {t!(i18n, check.start)}
        </a>
        <ContentMeta sources=sources last_reviewed=bundle.flow.last_reviewed.clone()/>
    }
}
