//! `/:lang/check/:flow/answers?…`: "check your answers", each with a Change link, before the result.
use super::data::FlowBundle;
use super::shared::{step_href, with_flow, AnswersList, NoIndex};
use crate::components::page_meta::PageMeta;
use crate::eligibility::engine::{Answers, Next};
use crate::eligibility::steps::{next_step, Step};
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn AnswersPage() -> impl IntoView {
    let i18n = use_i18n();
    with_flow(move |b: FlowBundle, answers: Answers| {
        let walk = b.walk(&answers);
        if !matches!(walk.next, Next::Outcome(_)) {
            let to = step_href(&b, &next_step(&walk), &answers, &walk);
            return view! { <Redirect path=to/> }.into_any();
        }
        let last = walk
            .path
            .last()
            .cloned()
            .map(Step::Question)
            .unwrap_or(Step::Start);
        let back = step_href(&b, &last, &answers, &walk);
        let result = step_href(&b, &Step::Result, &answers, &walk);
        let caption = b.text(&b.flow.title);
        view! {
            <PageMeta title=Signal::derive(move || t_string!(i18n, check.answers_title).to_string()) description=caption.clone()/>
            <NoIndex/>
            <a class="back-link" href=back>{t!(i18n, check.back)}</a>
            <span class="caption">{caption}</span>
            <h1>{t!(i18n, check.answers_title)}</h1>
            <p>{t!(i18n, check.answers_lead)}</p>
            <AnswersList bundle=b answers walk/>
            <a class="button" href=result role="button" draggable="false">{t!(i18n, check.see_results)}</a>
        }
        .into_any()
    })
}
