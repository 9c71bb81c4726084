//! The status lookup: the number's check character is checked as it is typed, and the lookup goes
//! to `POST /api/v1/applications/status` (gloo-net) with no page load. Without JavaScript the same
//! form POSTs to the page and the server renders this island with its answer.
use super::status_result::StatusResult;
use super::texts::Texts;
use crate::components::error_message::ErrorMessage;
use crate::components::error_summary::ErrorSummary;
use crate::status::number::{ApplicationNumber, NumberError};
use crate::status::reply::{LookupView, Typed};
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

#[island]
pub fn StatusLookup(
    lang: String,
    texts: Texts,
    /// What the form sent, shown again (a lookup without JavaScript).
    typed: Typed,
    result: Option<LookupView>,
) -> impl IntoView {
    let typed = RwSignal::new(typed);
    let result = RwSignal::new(result);
    let sending = RwSignal::new(false);
    let texts = StoredValue::new(texts);
    let t = move |k: &str| texts.with_value(|x| x.get(k));
    // As the number is typed: once it is complete, is its check character right?
    let live = Memo::new(move |_| {
        let number = typed.with(|t| t.number.clone());
        let compact = number.chars().filter(|c| c.is_ascii_alphanumeric()).count();
        (compact >= 13).then(|| ApplicationNumber::parse(&number).map(|_| ()))
    });
    let focus = NodeRef::<leptos::html::Div>::new();
    // After each answer (once rendered, so the reference is the new block): the focus goes to
    // it, so the result or the error is read out. Not on the first render.
    Effect::new(move |previous: Option<()>| {
        let answered = result.with(Option::is_some);
        #[cfg(feature = "hydrate")]
        if answered && previous.is_some() {
            super::browser::focus(focus);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (answered, previous);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let typed_now = typed.get_untracked();
        if let Err(e) = ApplicationNumber::parse(&typed_now.number) {
            result.set(Some(LookupView::Invalid {
                field: "number".into(),
                code: e.code().into(),
            }));
            return;
        }
        sending.set(true);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            result.set(Some(ask_api(&typed_now).await));
            sending.set(false);
        });
    };
    let again = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        result.set(None);
        typed.set(Typed::default());
    };
    move || {
        let lang = lang.clone();
        match result.get() {
            Some(LookupView::Found(reply)) => view! {
                <div class="status-result" tabindex="-1" node_ref=focus>
                    <StatusResult reply texts=texts.get_value() lang=lang.clone()/>
                    <p><a href=format!("/{lang}/status") on:click=again>{t("check_another")}</a></p>
                </div>
            }
            .into_any(),
            other => {
                let error = match &other {
                    Some(LookupView::Invalid { field, code }) => {
                        Some((field.clone(), t(error_key(field, code))))
                    }
                    _ => None,
                };
                let banner = match &other {
                    Some(LookupView::NotFound) => Some(("not_found_heading", "not_found_body")),
                    Some(LookupView::TooManyRequests) => {
                        Some(("too_many_heading", "too_many_body"))
                    }
                    Some(LookupView::Unavailable) => {
                        Some(("unavailable_heading", "unavailable_body"))
                    }
                    _ => None,
                };
                let number_error = error.clone().filter(|(f, _)| f == "number").map(|(_, m)| m);
                let dob_error = error.clone().filter(|(f, _)| f != "number").map(|(_, m)| m);
                let target = if number_error.is_some() {
                    "#number"
                } else {
                    "#dob-day"
                };
                let current = typed.get_untracked();
                let dob_invalid = dob_error.is_some();
                view! {
                    <div tabindex="-1" node_ref=focus>
                        {error.map(|(_, message)| view! {
                            <ErrorSummary title=t("error_summary") href=target.to_string() message/>
                        })}
                        {banner.map(|(heading, body)| view! {
                            <div class="notification-banner notification-banner--important" role="alert">
                                <div class="notification-banner__content">
                                    <h2 class="notification-banner__heading">{t(heading)}</h2>
                                    <p>{t(body)}</p>
                                </div>
                            </div>
                        })}
                    </div>
                    <p class="lead">{t("lead")}</p>
                    <form class="status-form" method="post" action=format!("/{lang}/status") novalidate on:submit=on_submit>
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
                                value=current.number.clone()
                                prop:value=move || typed.with(|t| t.number.clone())
                                on:input=move |ev| typed.update(|t| t.number = event_target_value(&ev))
                            />
                            <p class="status-form__live" id="number-live" aria-live="polite">
                                {move || match live.get() {
                                    Some(Ok(())) => view! { <span class="status-form__ok">{t("number_ok")}</span> }.into_any(),
                                    Some(Err(NumberError::CheckCharacter)) => view! { <span class="error-message">{t("error.number_check_character")}</span> }.into_any(),
                                    Some(Err(_)) => view! { <span class="error-message">{t("error.number_format")}</span> }.into_any(),
                                    None => ().into_any(),
                                }}
                            </p>
                        </div>
                        <div class=if dob_invalid { "form-group form-group--error" } else { "form-group" }>
                            <fieldset class="fieldset" role="group" aria-describedby=if dob_invalid { "dob-hint dob-error" } else { "dob-hint" }>
                                <legend class="fieldset__legend">{t("dob_legend")}</legend>
                                <div class="hint" id="dob-hint">{t("dob_hint")}</div>
                                {dob_error.map(|m| view! {
                                    <ErrorMessage id="dob-error".to_string() prefix=t("error_prefix") message=m/>
                                })}
                                <div class="date-input">
                                    <DatePart name="day" label=t("day") value=current.day.clone() invalid=dob_invalid typed on_change=|t, v| t.day = v/>
                                    <DatePart name="month" label=t("month") value=current.month.clone() invalid=dob_invalid typed on_change=|t, v| t.month = v/>
                                    <DatePart name="year" label=t("year") value=current.year.clone() invalid=dob_invalid typed on_change=|t, v| t.year = v/>
                                </div>
                            </fieldset>
                        </div>
                        <p class="hint">{t("privacy")}</p>
                        <button class="button" type="submit" disabled=move || sending.get()>{t("button")}</button>
                    </form>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn DatePart(
    name: &'static str,
    label: String,
    value: String,
    invalid: bool,
    typed: RwSignal<Typed>,
    on_change: fn(&mut Typed, String),
) -> impl IntoView {
    let id = format!("dob-{name}");
    view! {
        <div class=if name == "year" { "date-input__item date-input__item--year" } else { "date-input__item" }>
            <label class="label" for=id.clone()>{label}</label>
            <input
                class=if invalid { "input input--error" } else { "input" }
                id=id.clone()
                name=id
                type="text"
                inputmode="numeric"
                autocomplete=match name { "day" => "bday-day", "month" => "bday-month", _ => "bday-year" }
                value=value
                on:input=move |ev| typed.update(|t| on_change(t, event_target_value(&ev)))
            />
        </div>
    }
}

#[cfg(feature = "hydrate")]
async fn ask_api(typed: &Typed) -> LookupView {
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
    let request = gloo_net::http::Request::post("/api/v1/applications/status").json(&Body {
        number: &typed.number,
        date_of_birth: typed.date_of_birth(),
    });
    let Ok(request) = request else {
        return LookupView::Unavailable;
    };
    let Ok(response) = request.send().await else {
        return LookupView::Unavailable;
    };
    match response.status() {
        200 => match response.json().await {
            Ok(reply) => LookupView::Found(reply),
            Err(_) => LookupView::Unavailable,
        },
        404 => LookupView::NotFound,
        422 => match response.json::<Refusal>().await {
            Ok(Refusal {
                field: Some(field),
                code: Some(code),
            }) => LookupView::Invalid { field, code },
            _ => LookupView::Unavailable,
        },
        429 => LookupView::TooManyRequests,
        _ => LookupView::Unavailable,
    }
}
