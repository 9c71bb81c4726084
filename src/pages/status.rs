//! `/:lang/status`: application status by number and date of birth. Without JavaScript the form
//! POSTs to this address and the server renders the answer (nothing personal ever goes into a
//! URL); with JavaScript the check character is checked as the number is typed and the lookup
//! goes to `POST /api/v1/applications/status` with no reload.
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::content_meta::long_date;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::i18n::*;
use crate::pages::content_page::Loading;
use crate::status::number::{ApplicationNumber, NumberError, Procedure};
use crate::status::reply::{LookupView, Note, Status, StatusReply, Typed};
use leptos::prelude::*;

/// The answer to a form sent without JavaScript, put in the page's context by the server's
/// POST handler.
#[derive(Clone, Debug)]
pub struct PostedLookup(pub Typed, pub LookupView);

type I18n = leptos_i18n::I18nContext<Locale>;

pub fn status_name(i18n: I18n, s: Status) -> String {
    match s {
        Status::Received => t_string!(i18n, status.names.received),
        Status::ActionNeeded => t_string!(i18n, status.names.action_needed),
        Status::UnderReview => t_string!(i18n, status.names.under_review),
        Status::Approved => t_string!(i18n, status.names.approved),
        Status::Refused => t_string!(i18n, status.names.refused),
        Status::ReadyForCollection => t_string!(i18n, status.names.ready_for_collection),
        Status::Closed => t_string!(i18n, status.names.closed),
    }
    .to_string()
}

fn explanation(i18n: I18n, s: Status) -> String {
    match s {
        Status::Received => t_string!(i18n, status.explain.received),
        Status::ActionNeeded => t_string!(i18n, status.explain.action_needed),
        Status::UnderReview => t_string!(i18n, status.explain.under_review),
        Status::Approved => t_string!(i18n, status.explain.approved),
        Status::Refused => t_string!(i18n, status.explain.refused),
        Status::ReadyForCollection => t_string!(i18n, status.explain.ready_for_collection),
        Status::Closed => t_string!(i18n, status.explain.closed),
    }
    .to_string()
}

fn what_now(i18n: I18n, s: Status) -> String {
    match s {
        Status::Received => t_string!(i18n, status.todo.received),
        Status::ActionNeeded => t_string!(i18n, status.todo.action_needed),
        Status::UnderReview => t_string!(i18n, status.todo.under_review),
        Status::Approved => t_string!(i18n, status.todo.approved),
        Status::Refused => t_string!(i18n, status.todo.refused),
        Status::ReadyForCollection => t_string!(i18n, status.todo.ready_for_collection),
        Status::Closed => t_string!(i18n, status.todo.closed),
    }
    .to_string()
}

fn note_text(i18n: I18n, n: Note) -> String {
    match n {
        Note::PassportCopy => t_string!(i18n, status.notes.passport_copy),
        Note::Photo => t_string!(i18n, status.notes.photo),
        Note::ProofOfAddress => t_string!(i18n, status.notes.proof_of_address),
        Note::EmploymentContract => t_string!(i18n, status.notes.employment_contract),
        Note::ProofOfGround => t_string!(i18n, status.notes.proof_of_ground),
        Note::MedicalCertificate => t_string!(i18n, status.notes.medical_certificate),
        Note::FeeReceipt => t_string!(i18n, status.notes.fee_receipt),
        Note::CollectInPerson => t_string!(i18n, status.notes.collect_in_person),
    }
    .to_string()
}

fn procedure_name(i18n: I18n, p: Procedure) -> String {
    match p {
        Procedure::Registration => t_string!(i18n, status.procedures.registration),
        Procedure::Extension => t_string!(i18n, status.procedures.extension),
        Procedure::TemporaryResidence => t_string!(i18n, status.procedures.temporary_residence),
        Procedure::PermanentResidence => t_string!(i18n, status.procedures.permanent_residence),
        Procedure::WorkPermit => t_string!(i18n, status.procedures.work_permit),
        Procedure::RefugeeStatus => t_string!(i18n, status.procedures.refugee_status),
        Procedure::TravelDocument => t_string!(i18n, status.procedures.travel_document),
    }
    .to_string()
}

fn error_text(i18n: I18n, field: &str, code: &str) -> String {
    match (field, code) {
        ("number", "missing") => t_string!(i18n, status.errors.number_missing),
        ("number", "unknown_procedure") => t_string!(i18n, status.errors.number_unknown_procedure),
        ("number", "check_character") => t_string!(i18n, status.errors.number_check_character),
        ("number", _) => t_string!(i18n, status.errors.number_format),
        (_, "missing") => t_string!(i18n, status.errors.dob_missing),
        (_, "date_out_of_range") => t_string!(i18n, status.errors.dob_date_out_of_range),
        _ => t_string!(i18n, status.errors.dob_not_a_date),
    }
    .to_string()
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    // On the server: the POST handler's answer, if any. In the browser the resource's value
    // comes with the page (hydration data), so both render the same.
    let posted = use_context::<PostedLookup>().map(|p| (p.0, Some(p.1)));
    let posted = OnceResource::new(async move { posted.unwrap_or_default() });
    let title = move || t_string!(i18n, status.title).to_string();
    view! {
        <PageMeta title=Signal::derive(title) description=Signal::derive(move || t_string!(i18n, status.description).to_string())/>
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::derive(title), href: None }]/>
        <h1>{t!(i18n, status.heading)}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                let (typed, result) = posted.await;
                view! { <StatusLookup typed result/> }
            })}
        </Suspense>
    }
}

#[component]
fn StatusLookup(typed: Typed, result: Option<LookupView>) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(typed);
    let result = RwSignal::new(result);
    let sending = RwSignal::new(false);
    // As the number is typed: once it is complete, is its check character right?
    let live = Memo::new(move |_| {
        let number = typed.with(|t| t.number.clone());
        let compact = number.chars().filter(|c| c.is_ascii_alphanumeric()).count();
        (compact >= 13).then(|| ApplicationNumber::parse(&number).map(|_| ()))
    });
    let focus = NodeRef::<leptos::html::Div>::new();
    // After each answer (once rendered, so the reference is the new block): move the focus to
    // it, so the result or the error is read out. Not on a first visit with nothing to show.
    Effect::new(move |previous: Option<()>| {
        let answered = result.with(Option::is_some);
        #[cfg(feature = "hydrate")]
        if answered && previous.is_some() {
            if let Some(el) = focus.try_get().flatten() {
                let _ = el.focus();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (answered, previous);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            let t = typed.get_untracked();
            if let Err(e) = ApplicationNumber::parse(&t.number) {
                result.set(Some(LookupView::Invalid {
                    field: "number".into(),
                    code: e.code().into(),
                }));
                return;
            }
            sending.set(true);
            leptos::task::spawn_local(async move {
                let answer = ask_api(&t).await;
                result.set(Some(answer));
                sending.set(false);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&ev, &sending, &focus);
    };
    let again = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        result.set(None);
        typed.set(Typed::default());
    };
    move || {
        let lang = locale_code(i18n).to_string();
        match result.get() {
            Some(LookupView::Found(reply)) => view! {
                <div class="status-result" tabindex="-1" node_ref=focus>
                    <StatusResult reply/>
                    <p><a href=format!("/{lang}/status") on:click=again>{t!(i18n, status.check_another)}</a></p>
                </div>
            }
            .into_any(),
            other => {
                let (error_field, error) = match &other {
                    Some(LookupView::Invalid { field, code }) => (Some(field.clone()), Some(error_text(i18n, field, code))),
                    _ => (None, None),
                };
                let banner = match &other {
                    Some(LookupView::NotFound) => Some((t_string!(i18n, status.not_found_heading).to_string(), t_string!(i18n, status.not_found_body).to_string())),
                    Some(LookupView::TooManyRequests) => Some((t_string!(i18n, status.too_many_heading).to_string(), t_string!(i18n, status.too_many_body).to_string())),
                    Some(LookupView::Unavailable) => Some((t_string!(i18n, status.unavailable_heading).to_string(), t_string!(i18n, status.unavailable_body).to_string())),
                    _ => None,
                };
                let number_error = (error_field.as_deref() == Some("number")).then(|| error.clone()).flatten();
                let dob_error = (error_field.as_deref() == Some("date_of_birth")).then(|| error.clone()).flatten();
                let target = if number_error.is_some() { "#number" } else { "#dob-day" };
                let t = typed.get_untracked();
                view! {
                    <div tabindex="-1" node_ref=focus>
                        {error.clone().map(|message| view! {
                            <div class="error-summary" role="alert">
                                <h2 class="error-summary__title">{t!(i18n, check.error_summary)}</h2>
                                <ul class="error-summary__list"><li><a href=target target="_self">{message}</a></li></ul>
                            </div>
                        })}
                        {banner.map(|(heading, body)| view! {
                            <div class="notification-banner notification-banner--important" role="alert">
                                <div class="notification-banner__content">
                                    <h2 class="notification-banner__heading">{heading}</h2>
                                    <p>{body}</p>
                                </div>
                            </div>
                        })}
                    </div>
                    <p class="lead">{t!(i18n, status.lead)}</p>
                    <form class="status-form" method="post" action=format!("/{lang}/status") novalidate on:submit=on_submit>
                        <div class=if number_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                            <label class="label" for="number">{t!(i18n, status.number_label)}</label>
                            <div class="hint" id="number-hint">{t!(i18n, status.number_hint)}</div>
                            {number_error.clone().map(|m| view! {
                                <p class="error-message" id="number-error"><span class="visually-hidden">{t!(i18n, check.error_prefix)} " "</span>{m}</p>
                            })}
                            <input
                                class=if number_error.is_some() { "input input--error status-form__number" } else { "input status-form__number" }
                                id="number"
                                name="number"
                                type="text"
                                autocomplete="off"
                                autocapitalize="characters"
                                spellcheck="false"
                                aria-describedby=if number_error.is_some() { "number-hint number-error" } else { "number-hint number-live" }
                                value=t.number.clone()
                                prop:value=move || typed.with(|t| t.number.clone())
                                on:input=move |ev| typed.update(|t| t.number = event_target_value(&ev))
                            />
                            <p class="status-form__live" id="number-live" aria-live="polite">
                                {move || match live.get() {
                                    Some(Ok(())) => view! { <span class="status-form__ok">{t!(i18n, status.number_ok)}</span> }.into_any(),
                                    Some(Err(NumberError::CheckCharacter)) => view! { <span class="error-message">{t!(i18n, status.errors.number_check_character)}</span> }.into_any(),
                                    Some(Err(_)) => view! { <span class="error-message">{t!(i18n, status.errors.number_format)}</span> }.into_any(),
                                    None => ().into_any(),
                                }}
                            </p>
                        </div>
                        <div class=if dob_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                            <fieldset class="fieldset" role="group" aria-describedby=if dob_error.is_some() { "dob-hint dob-error" } else { "dob-hint" }>
                                <legend class="fieldset__legend">{t!(i18n, status.dob_legend)}</legend>
                                <div class="hint" id="dob-hint">{t!(i18n, status.dob_hint)}</div>
                                {dob_error.clone().map(|m| view! {
                                    <p class="error-message" id="dob-error"><span class="visually-hidden">{t!(i18n, check.error_prefix)} " "</span>{m}</p>
                                })}
                                <div class="date-input">
                                    <DatePart name="day" label=t_string!(i18n, check.day).to_string() value=t.day.clone() invalid=dob_error.is_some() typed on_change=|t, v| t.day = v/>
                                    <DatePart name="month" label=t_string!(i18n, check.month).to_string() value=t.month.clone() invalid=dob_error.is_some() typed on_change=|t, v| t.month = v/>
                                    <DatePart name="year" label=t_string!(i18n, check.year).to_string() value=t.year.clone() invalid=dob_error.is_some() typed on_change=|t, v| t.year = v/>
                                </div>
                            </fieldset>
                        </div>
                        <p class="hint">{t!(i18n, status.privacy)}</p>
                        <button class="button" type="submit" disabled=move || sending.get()>{t!(i18n, status.button)}</button>
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

#[component]
fn StatusResult(reply: StatusReply) -> impl IntoView {
    let i18n = use_i18n();
    let lang = locale_code(i18n);
    let status = reply.status;
    let action = status == Status::ActionNeeded;
    let note = reply.note.map(|n| note_text(i18n, n));
    let events = reply
        .timeline
        .iter()
        .rev()
        .map(|e| {
            let note = e.note.map(|n| note_text(i18n, n));
            view! {
                <li class="timeline__item">
                    <time class="timeline__date" datetime=e.date.clone()>{long_date(&e.date, lang)}</time>
                    <span class="timeline__status">{status_name(i18n, e.status)}</span>
                    {note.map(|n| view! { <span class="timeline__note">{n}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class=if action { "panel panel--warning" } else { "panel" } data-status=status.name()>
            <span class="panel__caption">{t!(i18n, status.result_caption)} " " {reply.number.clone()}</span>
            <p class="panel__label">{t!(i18n, status.current)}</p>
            <h2 class="panel__title">{status_name(i18n, status)}</h2>
        </div>
        <dl class="summary-list">
            <div class="summary-list__row">
                <dt class="summary-list__key">{t!(i18n, status.procedure)}</dt>
                <dd class="summary-list__value">{procedure_name(i18n, reply.procedure)}</dd>
            </div>
            <div class="summary-list__row">
                <dt class="summary-list__key">{t!(i18n, status.submitted)}</dt>
                <dd class="summary-list__value"><time datetime=reply.submitted.clone()>{long_date(&reply.submitted, lang)}</time></dd>
            </div>
            {status.is_open().then(|| view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{t!(i18n, status.estimated)}</dt>
                    <dd class="summary-list__value">
                        {match reply.estimated_decision.clone() {
                            Some(d) => view! {
                                <time class="status-result__estimate" datetime=d.clone()>{long_date(&d, lang)}</time>
                                <p class="hint">{t!(i18n, status.estimated_note)}</p>
                            }.into_any(),
                            None => view! { <p>{t!(i18n, status.no_estimate)}</p> }.into_any(),
                        }}
                    </dd>
                </div>
            })}
        </dl>
        <h2>{t!(i18n, status.meaning)}</h2>
        <p>{explanation(i18n, status)}</p>
        <h2>{t!(i18n, status.what_now)}</h2>
        {if action {
            view! {
                <div class="warning-text">
                    <span class="warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="warning-text__text">{what_now(i18n, status)}</strong>
                </div>
            }.into_any()
        } else {
            view! { <p>{what_now(i18n, status)}</p> }.into_any()
        }}
        {note.map(|n| view! {
            <h3>{t!(i18n, status.documents_requested)}</h3>
            <ul class="list list--bullet"><li>{n}</li></ul>
        })}
        <h2>{t!(i18n, status.timeline)}</h2>
        <ol class="timeline" reversed>{events}</ol>
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
        200 => match response.json::<StatusReply>().await {
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
