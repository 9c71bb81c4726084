//! `/:lang/check/:flow/offline`: the whole flow on one page, for the service worker to show when
//! a checker step cannot be fetched (docs/adr/0005-offline.md). Every question and every
//! outcome is drawn here, hidden; the island (`islands::offline_checker`) shows the one the
//! address's answers lead to, with the notice that the result was worked out on the device.
use super::data::FlowBundle;
use super::question::{error_text, QuestionForm};
use super::result::ResultBody;
use super::shared::{with_flow, AnswerRows, NoIndex};
use crate::components::notification_banner::NotificationBanner;
use crate::components::page_meta::PageMeta;
use crate::eligibility::engine::{AnswerError, Answers, Next, Walk};
use crate::eligibility::flow::{Deadline, Kind};
use crate::eligibility::outcome::{summarize, DeadlineOut};
use crate::eligibility::steps::{QuestionState, Step};
use crate::i18n::*;
use crate::islands::offline_checker::{OfflineChecker, OutcomeDates};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn OfflineCheckerPage() -> impl IntoView {
    with_flow(move |b: FlowBundle, _: Answers| view! { <OfflineView bundle=b/> })
}

#[component]
fn OfflineView(bundle: FlowBundle) -> impl IntoView {
    let i18n = use_i18n();
    let b = bundle;
    let title = b.text(&b.flow.title);
    let no_answers = Answers::new();
    let start = Walk {
        path: Vec::new(),
        next: Next::Ask(b.flow.start.clone()),
    };
    let outcomes: Vec<OutcomeDates> = b
        .flow
        .outcomes
        .iter()
        .map(|o| OutcomeDates {
            id: o.id.clone(),
            title: b.text(&o.title),
            deadlines: o
                .deadlines
                .iter()
                .map(|d| Deadline {
                    label: b.text(&d.label),
                    event: b.text(&d.event),
                    ..d.clone()
                })
                .collect(),
        })
        .collect();
    let errors = error_texts(i18n, &b);
    let questions = b
        .flow
        .questions
        .iter()
        .map(|q| {
            let state = QuestionState {
                value: None,
                error: None,
                back: Step::Start,
            };
            view! {
                <section data-step=format!("q:{}", q.id) hidden=true>
                    <QuestionForm bundle=b.clone() answers=no_answers.clone() walk=start.clone() question=q.clone() state offline=true/>
                </section>
            }
        })
        .collect_view();
    let results = b
        .flow
        .outcomes
        .iter()
        .filter_map(|o| {
            let mut local = summarize(
                &b.flow,
                &b.locale,
                &o.id,
                &[],
                &no_answers,
                &|k| b.text(k),
                &|slug| b.guides.get(slug).cloned(),
            )?;
            // Drawn empty: the browser works out each date from the answers.
            local.deadlines = o
                .deadlines
                .iter()
                .map(|d| DeadlineOut {
                    label: b.text(&d.label),
                    event: b.text(&d.event),
                    date: String::new(),
                })
                .collect();
            Some(view! {
                <section data-step=format!("o:{}", o.id) hidden=true>
                    <a class="back-link" href="">{t!(i18n, check.back)}</a>
                    <div class="check-result" data-origin="device">
                        <NotificationBanner
                            heading=t_string!(i18n, check.offline_heading).to_string()
                            id=format!("offline-title-{}", o.id)
                            body=t_string!(i18n, check.offline_body).to_string()
                        />
                        <ResultBody bundle=b.clone() answers=no_answers.clone() walk=start.clone() local/>
                    </div>
                </section>
            })
        })
        .collect_view();
    view! {
        <PageMeta title=title.clone() description=title/>
        <NoIndex/>
        <OfflineChecker walker=b.walker.route() outcomes errors>
            {questions}
            {results}
            <AnswerRows bundle=b.clone()/>
        </OfflineChecker>
    }
}

/// Every message a question can show, by `<question>:<code>`, as the server's pages word them.
fn error_texts(i18n: leptos_i18n::I18nContext<Locale>, b: &FlowBundle) -> BTreeMap<String, String> {
    let mut errors = BTreeMap::new();
    for q in &b.flow.questions {
        let possible: &[AnswerError] = match q.kind {
            Kind::Single | Kind::Multiple => &[AnswerError::Missing, AnswerError::UnknownOption],
            Kind::Country => &[AnswerError::Missing, AnswerError::UnknownCountry],
            Kind::Date => &[
                AnswerError::Missing,
                AnswerError::NotADate,
                AnswerError::DateOutOfRange,
            ],
            Kind::Number => &[
                AnswerError::Missing,
                AnswerError::NotANumber,
                AnswerError::NumberOutOfRange,
            ],
        };
        for e in possible {
            // The range's ends are worked out on the device, on the day it is used.
            let text = match e {
                AnswerError::DateOutOfRange => t_string!(
                    i18n,
                    check.errors.date_out_of_range,
                    from = "{from}",
                    to = "{to}"
                )
                .to_string(),
                _ => error_text(i18n, q, e, b.today, &b.locale),
            };
            errors.insert(format!("{}:{}", q.id, e.code()), text);
        }
    }
    errors
}
