//! What the checker's pages share: the flow's data (loaded once for all its pages), the answers
//! in the address, and the summary of answers with Change links.
use super::data::{check_flow, FlowBundle};
use crate::eligibility::engine::{Answers, Walk};
use crate::eligibility::flow::{Kind, Questions};
use crate::eligibility::steps::Step;
use crate::i18n::*;
use crate::pages::not_found::NotFound;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::components::Outlet;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/:lang/check/:flow/…`: the flow's pages, below.
#[component]
pub fn FlowRoot() -> impl IntoView {
    view! { <Outlet/> }
}

/// Renders `render(bundle, answers)` with the flow of the address and the answers in its query;
/// an unknown flow is the 404 page.
pub fn with_flow<V>(render: impl FnOnce(FlowBundle, Answers) -> V) -> AnyView
where
    V: IntoView + 'static,
{
    let params = use_params_map().get_untracked();
    let query = use_query_map().get_untracked();
    let lang = params.get("lang").unwrap_or_default();
    let flow = params.get("flow").unwrap_or_default();
    match check_flow(&lang, &flow) {
        Some(b) => {
            let answers = b.answers(|k| query.get_all(k).unwrap_or_default());
            render(b, answers).into_any()
        }
        None => view! { <NotFound/> }.into_any(),
    }
}

/// The address of a step with the answers worth keeping.
pub fn step_href(b: &FlowBundle, step: &Step, answers: &Answers, walk: &Walk) -> String {
    b.walker.step_href(step, answers, walk)
}

/// Questions, answers and results are per person: not for search engines.
#[component]
pub fn NoIndex() -> impl IntoView {
    view! { <Meta name="robots" content="noindex"/> }
}

/// An answer as the person would say it: the option's label, the country's name, the date in words.
pub fn answer_text(b: &FlowBundle, question: &str, raw: &str) -> String {
    let Some(q) = b.flow.question(question) else {
        return raw.to_string();
    };
    match q.kind {
        Kind::Single | Kind::Multiple => raw
            .split(',')
            .map(|v| {
                q.options
                    .iter()
                    .find(|o| o.value == v)
                    .map(|o| b.text(&o.label))
                    .unwrap_or_else(|| v.to_string())
            })
            .collect::<Vec<_>>()
            .join(", "),
        Kind::Country => b.country_name(raw).unwrap_or(raw).to_string(),
        Kind::Date => crate::dates::Date::parse_iso(raw)
            .map(|d| d.long(&b.locale))
            .unwrap_or_else(|| raw.to_string()),
        Kind::Number => raw.to_string(),
    }
}

/// "Your answers": each question on the path, the answer, and a Change link back to it.
#[component]
pub fn AnswersList(bundle: FlowBundle, answers: Answers, walk: Walk) -> impl IntoView {
    let rows = walk
        .path
        .iter()
        .filter_map(|id| {
            let q = bundle.flow.question(id)?;
            let value = answer_text(
                &bundle,
                id,
                answers.get(id).map(String::as_str).unwrap_or(""),
            );
            let change = step_href(&bundle, &Step::Question(id.clone()), &answers, &walk);
            Some(view! { <AnswerRow question=bundle.text(&q.text) value change/> })
        })
        .collect_view();
    // `data-answers`: where the checker's offline page puts the rows it fills in on the device.
    view! { <dl class="summary-list" data-answers="">{rows}</dl> }
}

/// For the checker's offline page: a row per question with its answer and Change link left
/// empty, hidden; the offline island copies those on the walk's path into "Your answers".
#[component]
pub fn AnswerRows(bundle: FlowBundle) -> impl IntoView {
    let rows = bundle
        .flow
        .questions
        .iter()
        .map(|q| {
            view! {
                <AnswerRow question=bundle.text(&q.text) value=String::new() change=String::new() id=q.id.clone()/>
            }
        })
        .collect_view();
    view! { <div data-answer-rows="" hidden=true><dl class="summary-list">{rows}</dl></div> }
}

/// One row of "Your answers"; `id` names the question for the offline island.
#[component]
fn AnswerRow(
    question: String,
    value: String,
    change: String,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="summary-list__row" data-answer=id>
            <dt class="summary-list__key">{question.clone()}</dt>
            <dd class="summary-list__value">{value}</dd>
            <dd class="summary-list__actions">
                <a href=change>
                    {t!(i18n, check.change)}
                    <span class="visually-hidden">" " {question}</span>
                </a>
            </dd>
        </div>
    }
}
