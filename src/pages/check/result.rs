//! `/:lang/check/:flow/result?…`: the personal checklist, rendered by the server from the flow's
//! rules; in the browser the island around it asks the API (`POST /api/v1/eligibility`) to
//! confirm it, and says so if the API cannot be reached.
use super::data::FlowBundle;
use super::shared::{step_href, with_flow, AnswersList, NoIndex};
use crate::components::content_meta::{long_date, ContentMeta};
use crate::components::page_meta::PageMeta;
use crate::eligibility::engine::{Answers, Next, Walk};
use crate::eligibility::outcome::Summary;
use crate::eligibility::steps::{kept, query, Step};
use crate::i18n::*;
use crate::islands::checker_result::CheckerResult;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn ResultPage() -> impl IntoView {
    with_flow(move |b: FlowBundle, answers: Answers| {
        let walk = b.walk(&answers);
        let summary = match &walk.next {
            Next::Outcome(o) => b.summary(o, &walk, &answers),
            _ => None,
        };
        match summary {
            Some(local) => view! { <ResultView bundle=b answers walk local/> }.into_any(),
            None => {
                let to = step_href(
                    &b,
                    &crate::eligibility::steps::next_step(&walk),
                    &answers,
                    &walk,
                );
                view! { <Redirect path=to/> }.into_any()
            }
        }
    })
}

#[component]
fn ResultView(bundle: FlowBundle, answers: Answers, walk: Walk, local: Summary) -> impl IntoView {
    let i18n = use_i18n();
    let kept_answers = kept(&answers, &walk);
    let back = step_href(&bundle, &Step::Answers, &answers, &walk);
    view! {
        <PageMeta title=local.title.clone() description=bundle.text(&bundle.flow.title)/>
        <NoIndex/>
        <a class="back-link" href=back>{t!(i18n, check.back)}</a>
        <CheckerResult
            flow=bundle.flow.id.clone()
            locale=bundle.locale.clone()
            answers=kept_answers
            offline_heading=t_string!(i18n, check.offline_heading).to_string()
            offline_body=t_string!(i18n, check.offline_body).to_string()
        >
            <ResultBody bundle answers walk local/>
        </CheckerResult>
    }
}

/// The checklist itself. Each date is a `<time data-deadline="i">` and the calendar link is
/// `data-ics`: the offline page (offline.rs) draws them empty and the browser fills them in.
#[component]
pub(super) fn ResultBody(
    bundle: FlowBundle,
    answers: Answers,
    walk: Walk,
    local: Summary,
) -> impl IntoView {
    let i18n = use_i18n();
    let kept_answers = kept(&answers, &walk);
    let start = step_href(&bundle, &Step::Start, &Answers::new(), &walk);
    let calendar = format!(
        "/{}/check/{}/calendar.ics?{}",
        bundle.locale,
        bundle.flow.id,
        query(&kept_answers)
    );
    let sources = bundle.sources();
    let caption = bundle.text(&bundle.flow.title);
    let locale = bundle.locale.clone();
    let s = local;
    let list = |items: Vec<String>| {
        view! { <ul class="list list--bullet">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
    };
    let dates = (!s.deadlines.is_empty()).then(|| {
        let rows = s
            .deadlines
            .iter()
            .enumerate()
            .map(|(i, d)| {
                view! {
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{d.label.clone()}</dt>
                        <dd class="summary-list__value">
                            {if d.date.is_empty() {
                                // The offline page's empty date, filled in on the device.
                                view! { <span class="check-result__date" data-deadline=i></span> }.into_any()
                            } else {
                                view! { <time class="check-result__date" datetime=d.date.clone() data-deadline=i>{long_date(&d.date, &locale)}</time> }.into_any()
                            }}
                        </dd>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h2>{t!(i18n, check.dates)}</h2>
            <dl class="summary-list">{rows}</dl>
            <p class="check-result__calendar">
                <a href=calendar.clone() download=format!("{}.ics", s.flow) rel="external" data-ics="">{t!(i18n, check.add_calendar)}</a>
            </p>
        }
    });
    let documents = (!s.documents.is_empty())
        .then(|| view! { <h2>{t!(i18n, check.documents)}</h2> {list(s.documents.clone())} });
    let fees = (!s.fees.is_empty())
        .then(|| view! { <h2>{t!(i18n, check.fees)}</h2> {list(s.fees.clone())} });
    let guides = (!s.guides.is_empty()).then(|| {
        view! {
            <h2>{t!(i18n, check.guides)}</h2>
            <ul class="list">
                {s.guides.iter().map(|g| view! { <li><a href=g.href.clone()>{g.title.clone()}</a></li> }).collect_view()}
            </ul>
        }
    });
    view! {
            <span class="caption">{caption}</span>
            <div class="panel">
                <span class="panel__caption">{t!(i18n, check.result_caption)}</span>
                <h1 class="panel__title">{s.title.clone()}</h1>
            </div>
            <h2>{t!(i18n, check.todo)}</h2>
            <ul class="list list--check">{s.body.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
            {dates}
            {documents}
            {fees}
            {guides}
            <h2>{t!(i18n, check.help_heading)}</h2>
            <p>{t!(i18n, check.help_body)}</p>
            <h2>{t!(i18n, check.your_answers)}</h2>
            <AnswersList bundle=bundle.clone() answers=answers.clone() walk=walk.clone()/>
            <p class="check-result__actions">
                // Revealed and run by nav.js: printing needs a script.
                <button class="button button--secondary" type="button" data-print="" hidden=true>{t!(i18n, check.print)}</button>
                " "
                <a href=start>{t!(i18n, check.start_again)}</a>
            </p>
            <ContentMeta sources last_reviewed=bundle.flow.last_reviewed.clone()/>
    }
}
