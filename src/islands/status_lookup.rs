//! The status lookup: the number's check character is checked as it is typed, and the lookup goes
//! to `POST /api/v1/applications/status` (gloo-net) with no page load. Without JavaScript the same
//! form POSTs to the page, which shows the answer (`pages::status`).
//! The code that asks the API and draws a found application (`look_up`) is split off and loaded
//! with the first lookup, so a first visit downloads only the form's code.
use super::texts::Texts;
use crate::components::date_input::DateInput;
use crate::components::error_message::ErrorMessage;
use crate::components::error_summary::ErrorSummary;
use crate::components::notification_banner::NotificationBanner;
use crate::status::number::{ApplicationNumber, NumberError};
use crate::status::reply::{FormMessage, Typed};
use leptos::prelude::*;
/// The error message for a refused field, by the API's `field` and `code`.
fn error_key(field: &str, code: &str) -> &'static str {
    match (field, code) {
        ("number", "missing") => "error.number_missing",
        ("number", "unknown_procedure") => "error.number_unknown_procedure",
        ("number", "check_character") => "error.number_check_character",
        ("number", _) => "error.number_format",
        (_, "missing") => "error.dob_missing",
        (_, "date_out_of_range") => "error.dob_date_out_of_range",
        _ => "error.dob_not_a_date",
    }
}

#[island(lazy)]
pub fn StatusLookup(
    lang: String,
    texts: Texts,
    /// What the form sent, shown again (a lookup without JavaScript).
    typed: Typed,
    message: Option<FormMessage>,
) -> impl IntoView {
    let typed = RwSignal::new(typed);
    let message = RwSignal::new(message);
    // A found application is drawn into `drawn` by `look_up`; this keeps it until "check another".
    let found = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let texts = StoredValue::new(texts);
    let t = move |k: &str| texts.with_value(|x| x.get(k));
    // As the number is typed: once it is complete, is its check character right?
    let live = Memo::new(move |_| {
        let number = typed.with(|t| t.number.clone());
        let compact = number.chars().filter(|c| c.is_ascii_alphanumeric()).count();
        (compact >= 13).then(|| ApplicationNumber::parse(&number).map(|_| ()))
    });
    let result_block = NodeRef::<leptos::html::Div>::new();
    let drawn = NodeRef::<leptos::html::Div>::new();
    let message_block = NodeRef::<leptos::html::Div>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    #[cfg(feature = "hydrate")]
    let shown = StoredValue::new_local(None::<lookup::Shown>);
    // After each answer (once rendered, so the reference is the new block): the focus goes to
    // it, so the result or the error is read out. Not on the first render.
    Effect::new(move |previous: Option<()>| {
        let answered = message.with(Option::is_some) || found.get();
        #[cfg(feature = "hydrate")]
        if answered && previous.is_some() {
            // Next frame: the block being shown may still be `hidden` until this change is drawn.
            let block = if found.get_untracked() {
                result_block
            } else {
                message_block
            };
            request_animation_frame(move || super::browser::focus(block));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (answered, previous, result_block);
    });
    let lang = StoredValue::new(lang);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let typed_now = typed.get_untracked();
        if let Err(e) = ApplicationNumber::parse(&typed_now.number) {
            message.set(Some(FormMessage::Invalid {
                field: "number".into(),
                code: e.code().into(),
            }));
            return;
        }
        sending.set(true);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let into = drawn
                .get_untracked()
                .map(|d| -> web_sys::HtmlElement { d.into() });
            match lookup::look_up(typed_now, texts.get_value(), lang.get_value(), into).await {
                Ok(now) => {
                    shown.set_value(Some(now));
                    message.set(None);
                    found.set(true);
                }
                Err(m) => message.set(Some(m)),
            }
            sending.set(false);
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = drawn;
    };
    let again = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        // Dropping what `look_up` drew takes it off the page.
        #[cfg(feature = "hydrate")]
        shown.set_value(None);
        found.set(false);
        message.set(None);
        typed.set(Typed::default());
        // The boxes keep what was typed until the form is reset (no value is bound to a signal:
        // a bound property costs the wasm more than this line).
        if let Some(form) = form.get_untracked() {
            form.reset();
        }
    };
    view! {
        <div class="status-result" tabindex="-1" node_ref=result_block hidden=move || !found.get()>
            <div node_ref=drawn></div>
            <p><a href=format!("/{}/status", lang.get_value()) on:click=again>{t("check_another")}</a></p>
        </div>
        <div hidden=move || found.get()>
            {move || {
                let current = message.get();
                let error = match &current {
                    Some(FormMessage::Invalid { field, code }) => {
                        Some((field.clone(), t(error_key(field, code))))
                    }
                    _ => None,
                };
                let banner = match &current {
                    Some(FormMessage::NotFound) => Some(("not_found_heading", "not_found_body")),
                    Some(FormMessage::TooManyRequests) => Some(("too_many_heading", "too_many_body")),
                    Some(FormMessage::Unavailable) => Some(("unavailable_heading", "unavailable_body")),
                    _ => None,
                };
                let number_error = error.clone().filter(|(f, _)| f == "number").map(|(_, m)| m);
                let dob_error = error.clone().filter(|(f, _)| f != "number").map(|(_, m)| m);
                let target = if number_error.is_some() {
                    "#number"
                } else {
                    "#dob-day"
                };
                let now = typed.get_untracked();
                let dob_invalid = dob_error.is_some();
                view! {
                    <div tabindex="-1" node_ref=message_block>
                        {error.map(|(_, message)| view! {
                            <ErrorSummary title=t("error_summary") href=target.to_string() message/>
                        })}
                        {banner.map(|(heading, body)| view! {
                            <NotificationBanner heading=t(heading) important=true body=t(body)/>
                        })}
                    </div>
                    <p class="lead">{t("lead")}</p>
                    <form class="status-form" method="post" action=format!("/{}/status", lang.get_value()) novalidate node_ref=form on:submit=on_submit>
                        <div class=if number_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                            <label class="label" for="number">{t("number_label")}</label>
                            <div class="hint" id="number-hint">{t("number_hint")}</div>
                            {number_error.clone().map(|m| view! {
                                <ErrorMessage id="number-error".to_string() prefix=t("error_prefix") message=m/>
                            })}
                            <input
                                class=if number_error.is_some() { "input input--error status-form__number" } else { "input status-form__number" }
                                id="number"
                                name="number"
                                type="text"
                                dir="ltr"
                                autocomplete="off"
                                autocapitalize="characters"
                                spellcheck="false"
                                aria-describedby=if number_error.is_some() { "number-hint number-error" } else { "number-hint number-live" }
                                value=now.number.clone()
                                on:input=move |ev| typed.update(|t| t.number = event_target_value(&ev))
                            />
                            <p class="status-form__live" id="number-live" aria-live="polite">
                                {move || live.get().map(|answer| {
                                    let (class, key) = match answer {
                                        Ok(()) => ("status-form__ok", "number_ok"),
                                        Err(NumberError::CheckCharacter) => ("error-message", "error.number_check_character"),
                                        Err(_) => ("error-message", "error.number_format"),
                                    };
                                    view! { <span class=class>{t(key)}</span> }
                                })}
                            </p>
                        </div>
                        <div class=if dob_invalid { "form-group form-group--error" } else { "form-group" }>
                            <fieldset
                                class="fieldset"
                                role="group"
                                aria-describedby=if dob_invalid { "dob-hint dob-error" } else { "dob-hint" }
                                on:input=move |ev| {
                                    // Which box: its id is `dob-day`, `dob-month` or `dob-year`.
                                    let part = event_target::<leptos::web_sys::Element>(&ev).id();
                                    let value = event_target_value(&ev);
                                    typed.update(|t| *t.date_part_mut(part.trim_start_matches("dob-")) = value);
                                }
                            >
                                <legend class="fieldset__legend">{t("dob_legend")}</legend>
                                <div class="hint" id="dob-hint">{t("dob_hint")}</div>
                                {dob_error.map(|m| view! {
                                    <ErrorMessage id="dob-error".to_string() prefix=t("error_prefix") message=m/>
                                })}
                                <DateInput
                                    id="dob".to_string()
                                    labels=[t("day"), t("month"), t("year")]
                                    values=[now.day.clone(), now.month.clone(), now.year.clone()]
                                    invalid=dob_invalid
                                    autocomplete=["bday-day", "bday-month", "bday-year"]
                                />
                            </fieldset>
                        </div>
                        <p class="hint">{t("privacy")}</p>
                        <button class="button" type="submit" disabled=move || sending.get()>{t("button")}</button>
                    </form>
                }
            }}
        </div>
    }
}

/// Split off from the island (`#[lazy]`): loaded with the first lookup.
#[cfg(feature = "hydrate")]
mod lookup {
    use super::super::status_result::StatusResult;
    use super::super::texts::Texts;
    use crate::status::reply::{FormMessage, StatusReply, Typed};
    use leptos::prelude::*;

    /// A found application drawn on the page; dropping it takes it off.
    pub struct Shown(#[allow(dead_code)] Box<dyn std::any::Any>);

    /// Asks the API; a found application is drawn into `into`, anything else is the form's message.
    #[lazy]
    pub async fn look_up(
        typed: Typed,
        texts: Texts,
        lang: String,
        into: Option<web_sys::HtmlElement>,
    ) -> Result<Shown, FormMessage> {
        let reply = ask_api(&typed).await?;
        let into = into.ok_or(FormMessage::Unavailable)?;
        let handle =
            leptos::mount::mount_to(into, move || view! { <StatusResult reply texts lang/> });
        Ok(Shown(Box::new(handle)))
    }

    async fn ask_api(typed: &Typed) -> Result<StatusReply, FormMessage> {
        #[derive(serde::Serialize)]
        struct Body<'a> {
            number: &'a str,
            date_of_birth: String,
        }
        #[derive(serde::Deserialize)]
        struct Refusal {
            field: Option<String>,
            code: Option<String>,
        }
        let response = gloo_net::http::Request::post("/api/v1/applications/status")
            .json(&Body {
                number: &typed.number,
                date_of_birth: typed.date_of_birth(),
            })
            .map_err(|_| FormMessage::Unavailable)?
            .send()
            .await
            .map_err(|_| FormMessage::Unavailable)?;
        match response.status() {
            200 => response.json().await.map_err(|_| FormMessage::Unavailable),
            404 => Err(FormMessage::NotFound),
            422 => match response.json::<Refusal>().await {
                Ok(Refusal {
                    field: Some(field),
                    code: Some(code),
                }) => Err(FormMessage::Invalid { field, code }),
                _ => Err(FormMessage::Unavailable),
            },
            429 => Err(FormMessage::TooManyRequests),
            _ => Err(FormMessage::Unavailable),
        }
    }
}
