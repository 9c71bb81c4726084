//! An application's status as the lookup shows it: the current status, what it means, what to do,
//! and the timeline. Rendered inside the status island (by the server for a form sent without
//! JavaScript, in the browser for the API's reply).
use super::texts::Texts;
use crate::dates::long_date;
use crate::status::reply::{Status, StatusReply};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn StatusResult(reply: StatusReply, texts: Texts, lang: String) -> impl IntoView {
    let status = reply.status;
    let action = status == Status::ActionNeeded;
    let t = |k: &str| texts.get(k);
    let note = reply.note.map(|n| t(&format!("note.{}", n.name())));
    let events = reply
        .timeline
        .iter()
        .rev()
        .map(|e| {
            let note = e.note.map(|n| t(&format!("note.{}", n.name())));
            view! {
                <li class="timeline__item">
                    <time class="timeline__date" datetime=e.date.clone()>{long_date(&e.date, &lang)}</time>
                    <span class="timeline__status">{t(&format!("status.{}", e.status.name()))}</span>
                    {note.map(|n| view! { <span class="timeline__note">{n}</span> })}
                </li>
            }
        })
        .collect_view();
    let estimate = status.is_open().then(|| {
        let value = match reply.estimated_decision.clone() {
            Some(d) => Either::Left(view! {
                <time class="status-result__estimate" datetime=d.clone()>{long_date(&d, &lang)}</time>
                <p class="hint">{t("estimated_note")}</p>
            }),
            None => Either::Right(view! { <p>{t("no_estimate")}</p> }),
        };
        view! {
            <div class="summary-list__row">
                <dt class="summary-list__key">{t("estimated")}</dt>
                <dd class="summary-list__value">{value}</dd>
            </div>
        }
    });
    let what_now = t(&format!("todo.{}", status.name()));
    view! {
        <div class=if action { "panel panel--warning" } else { "panel" } data-status=status.name()>
            <span class="panel__caption">{t("result_caption")} " " <bdi>{reply.number.clone()}</bdi></span>
            <p class="panel__label">{t("current")}</p>
            <h2 class="panel__title">{t(&format!("status.{}", status.name()))}</h2>
        </div>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">{t("procedure")}</dt>
                <dd class="summary-list__value">{t(&format!("procedure.{}", reply.procedure.code()))}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{t("submitted")}</dt>
                <dd class="summary-list__value"><time datetime=reply.submitted.clone()>{long_date(&reply.submitted, &lang)}</time></dd>
            </div>
            {estimate}
        </dl>
        <h2>{t("meaning")}</h2>
        <p>{t(&format!("explain.{}", status.name()))}</p>
        <h2>{t("what_now")}</h2>
        {if action {
            Either::Left(view! {
                <div class="warning-text">
                    <span class="warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="warning-text__text">{what_now}</strong>
                </div>
            })
        } else {
            Either::Right(view! { <p>{what_now}</p> })
        }}
        {note.map(|n| view! {
            <h3>{t("documents_requested")}</h3>
            <ul class="list list--bullet"><li>{n}</li></ul>
        })}
        <h2>{t("timeline")}</h2>
        <ol class="timeline" reversed>{events}</ol>
    }
}
