//! `/:lang/check/:flow/result?…`: the personal checklist. The server renders it for a page
//! load; in the browser it is worked out at once from the same rules and then asked of the API
//! (`POST /api/v1/eligibility`), whose answer wins. If the API cannot be reached, the browser's
//! result stays, with a notice.
use super::data::FlowBundle;
use super::shared::{step_href, with_flow, AnswersList, NoIndex};
use crate::components::content_meta::{long_date, ContentMeta};
use crate::components::page_meta::PageMeta;
use crate::eligibility::engine::{Answers, Next, Walk};
use crate::eligibility::outcome::Summary;
use crate::eligibility::steps::{kept, query, Step};
use crate::i18n::*;
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

/// Where the result shown came from, for the notice (and the browser tests).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Copy, PartialEq)]
enum Origin {
    /// Rendered with the page (by the server, or from the same data in the browser).
    Page,
    Api,
    /// The API could not be reached: worked out on the device.
    Device,
}

#[cfg(feature = "hydrate")]
async fn ask_api(flow: String, locale: String, answers: Answers) -> Result<Summary, ()> {
    #[derive(serde::Serialize)]
    struct Body {
        flow: String,
        locale: String,
        answers: Answers,
    }
    let response = gloo_net::http::Request::post("/api/v1/eligibility")
        .json(&Body {
            flow,
            locale,
            answers,
        })
        .map_err(|_| ())?
        .send()
        .await
        .map_err(|_| ())?;
    if !response.ok() {
        return Err(());
    }
    response.json::<Summary>().await.map_err(|_| ())
}

#[component]
fn ResultView(bundle: FlowBundle, answers: Answers, walk: Walk, local: Summary) -> impl IntoView {
    let i18n = use_i18n();
    let from_api = RwSignal::new(None::<Summary>);
    let origin = RwSignal::new(Origin::Page);
    let kept_answers = kept(&answers, &walk);
    #[cfg(feature = "hydrate")]
    {
        let (flow, locale, sent) = (
            bundle.flow.id.clone(),
            bundle.locale.clone(),
            kept_answers.clone(),
        );
        Effect::new(move |_| {
            let (flow, locale, sent) = (flow.clone(), locale.clone(), sent.clone());
            leptos::task::spawn_local(async move {
                match ask_api(flow, locale, sent).await {
                    Ok(s) => {
                        from_api.set(Some(s));
                        origin.set(Origin::Api);
                    }
                    Err(()) => origin.set(Origin::Device),
                }
            });
        });
    }
    let back = step_href(&bundle, &Step::Answers, &answers, &walk);
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
    let title = local.title.clone();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let body = move || {
        let s = from_api.get().unwrap_or_else(|| local.clone());
        let list = |items: Vec<String>| {
            view! { <ul class="list list--bullet">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
        };
        let dates = (!s.deadlines.is_empty()).then(|| {
            let rows = s
                .deadlines
                .iter()
                .map(|d| {
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{d.label.clone()}</dt>
                            <dd class="summary-list__value">
                                <time class="check-result__date" datetime=d.date.clone()>{long_date(&d.date, &locale)}</time>
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2>{t!(i18n, check.dates)}</h2>
                <dl class="summary-list">{rows}</dl>
                <p class="check-result__calendar">
                    <a href=calendar.clone() download=format!("{}.ics", s.flow) rel="external">{t!(i18n, check.add_calendar)}</a>
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
        }
    };
    view! {
        <PageMeta title=title description=caption.clone()/>
        <NoIndex/>
        <a class="back-link" href=back>{t!(i18n, check.back)}</a>
        <div
            class="check-result"
            data-origin=move || match origin.get() { Origin::Page => "page", Origin::Api => "api", Origin::Device => "device" }
        >
            <Show when=move || origin.get() == Origin::Device>
                <div class="notification-banner" role="region" aria-labelledby="offline-title">
                    <div class="notification-banner__content">
                        <h2 class="notification-banner__heading" id="offline-title">{t!(i18n, check.offline_heading)}</h2>
                        <p>{t!(i18n, check.offline_body)}</p>
                    </div>
                </div>
            </Show>
            <span class="caption">{caption}</span>
            {body}
            <h2>{t!(i18n, check.help_heading)}</h2>
            <p>{t!(i18n, check.help_body)}</p>
            <h2>{t!(i18n, check.your_answers)}</h2>
            <AnswersList bundle=bundle.clone() answers=answers.clone() walk=walk.clone()/>
            <p class="check-result__actions">
                <Show when=move || hydrated.get()>
                    <button class="button button--secondary" type="button" on:click=move |_| {
                        #[cfg(feature = "hydrate")]
                        let _ = window().print();
                    }>{t!(i18n, check.print)}</button>
                    " "
                </Show>
                <a href=start>{t!(i18n, check.start_again)}</a>
            </p>
            <ContentMeta sources last_reviewed=bundle.flow.last_reviewed.clone()/>
        </div>
    }
}
