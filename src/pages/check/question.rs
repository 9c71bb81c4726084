//! `/:lang/check/:flow/:question?…answers`: one question per page. A plain GET form; hydrated
//! (`islands::checker_form`) the browser reads the form, walks the flow and moves on.
use super::data::FlowBundle;
use super::shared::{step_href, with_flow, NoIndex};
use crate::components::date_input::DateInput;
use crate::components::error_message::ErrorMessage;
use crate::components::error_summary::ErrorSummary;
use crate::components::page_meta::PageMeta;
use crate::dates::Date;
use crate::eligibility::engine::{AnswerError, Answers, Walk};
use crate::eligibility::flow::{Kind, Question, Questions};
use crate::eligibility::steps::{
    accepted, date_parts, href, question_state, QuestionState, Step, ANSWERED_FIELD,
};
use crate::i18n::*;
use crate::islands::checker_form::CheckerForm;
use crate::islands::country_select::{CountryOption, CountrySelect, NativeCountrySelect};
use crate::islands::texts::Texts;
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;

#[component]
pub fn QuestionPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("question")
        .unwrap_or_default();
    with_flow(move |b: FlowBundle, answers: Answers| {
        let walk = b.walk(&answers);
        match question_state(&walk, &answers, &id) {
            Err(step) => {
                let to = step_href(&b, &step, &answers, &walk);
                view! { <Redirect path=to/> }.into_any()
            }
            Ok(state) => match b.flow.question(&id).cloned() {
                Some(question) => view! {
                    <QuestionForm bundle=b answers walk question state/>
                }
                .into_any(),
                None => ().into_any(),
            },
        }
    })
}

/// The message for a refused answer, in the visitor's language.
pub(super) fn error_text(
    i18n: leptos_i18n::I18nContext<Locale>,
    q: &Question,
    error: &AnswerError,
    today: Date,
    locale: &str,
) -> String {
    match error {
        AnswerError::Missing => match q.kind {
            Kind::Single => t_string!(i18n, check.errors.missing_single).to_string(),
            Kind::Multiple => t_string!(i18n, check.errors.missing_multiple).to_string(),
            Kind::Country => t_string!(i18n, check.errors.missing_country).to_string(),
            Kind::Date => t_string!(i18n, check.errors.missing_date).to_string(),
            Kind::Number => t_string!(i18n, check.errors.missing_number).to_string(),
        },
        AnswerError::UnknownOption => t_string!(i18n, check.errors.unknown_option).to_string(),
        AnswerError::UnknownCountry => t_string!(i18n, check.errors.unknown_country).to_string(),
        AnswerError::NotADate => t_string!(i18n, check.errors.not_a_date).to_string(),
        AnswerError::DateOutOfRange => {
            let (from, to) = q.date_range(today);
            let (from, to) = (from.long(locale), to.long(locale));
            t_string!(i18n, check.errors.date_out_of_range, from = from, to = to).to_string()
        }
        AnswerError::NotANumber => t_string!(i18n, check.errors.not_a_number).to_string(),
        AnswerError::NumberOutOfRange => {
            let (min, max) = (q.min.unwrap_or(0), q.max.unwrap_or(i64::MAX));
            // Written as the locale writes numbers (Persian digits on the Persian pages).
            let (min, max) = (
                crate::digits::for_locale(&min.to_string(), locale),
                crate::digits::for_locale(&max.to_string(), locale),
            );
            t_string!(i18n, check.errors.number_out_of_range, min = min, max = max).to_string()
        }
    }
}

#[component]
pub(super) fn QuestionForm(
    bundle: FlowBundle,
    answers: Answers,
    walk: Walk,
    question: Question,
    state: QuestionState,
    /// One of the many forms of the checker's offline page: no head (title, noindex), and an
    /// empty, hidden error summary that the offline island fills when it refuses an answer.
    #[prop(optional)]
    offline: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question.id.clone();
    let text = bundle.text(&question.text);
    let hint = question.hint.as_deref().map(|h| bundle.text(h));
    let error = state
        .error
        .as_ref()
        .map(|e| error_text(i18n, &question, e, bundle.today, &bundle.locale));
    let value = state.value.clone().unwrap_or_default();
    let field_id = field_id(&question);
    let described_by = [
        hint.as_ref().map(|_| format!("{id}-hint")),
        error.as_ref().map(|_| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let back = href(
        &bundle.locale,
        &bundle.flow.id,
        &state.back,
        &accepted(&answers, &walk),
    );
    let action = href(
        &bundle.locale,
        &bundle.flow.id,
        &Step::Start,
        &Answers::new(),
    );
    let hidden = answers
        .iter()
        .filter(|(k, _)| **k != id)
        .map(|(k, v)| view! { <input type="hidden" name=k.clone() value=v.clone()/> })
        .collect_view();
    let page_title = match &error {
        Some(_) => format!("{} {text}", t_string!(i18n, check.error_prefix)),
        None => text.clone(),
    };
    let caption = bundle.text(&bundle.flow.title);
    let description = caption.clone();
    let error_summary = match error.clone() {
        Some(message) => Some(
            view! {
                <ErrorSummary
                    title=t_string!(i18n, check.error_summary).to_string()
                    href=format!("#{field_id}")
                    message
                    focusable=true
                />
            }
            .into_any(),
        ),
        // Not focusable until shown: nav.js focuses the page's first focusable summary.
        None if offline => Some(
            view! {
                <div data-error="" data-prefix=t_string!(i18n, check.error_prefix) hidden=true>
                    <ErrorSummary
                        title=t_string!(i18n, check.error_summary).to_string()
                        href=format!("#{field_id}")
                        message=String::new()
                    />
                </div>
            }
            .into_any(),
        ),
        None => None,
    };
    let error_message = match error.clone() {
        Some(message) => Some(
            view! {
                <ErrorMessage
                    id=format!("{id}-error")
                    prefix=t_string!(i18n, check.error_prefix).to_string()
                    message
                />
            }
            .into_any(),
        ),
        // The offline island fills it in and shows it.
        None if offline => Some(
            view! {
                <div data-error-message="" hidden=true>
                    <ErrorMessage
                        id=format!("{id}-error")
                        prefix=t_string!(i18n, check.error_prefix).to_string()
                        message=String::new()
                    />
                </div>
            }
            .into_any(),
        ),
        None => None,
    };
    let hint_view = hint.map(|h| view! { <div class="hint" id=format!("{id}-hint")>{h}</div> });
    let invalid = error.is_some();
    let described = (!described_by.is_empty()).then(|| described_by.clone());
    let field = match question.kind {
        Kind::Single | Kind::Multiple => {
            let input_type = if question.kind == Kind::Single { "radio" } else { "checkbox" };
            let chosen: Vec<String> = value.split(',').map(str::to_string).collect();
            let options = question
                .options
                .iter()
                .map(|o| {
                    let option_id = format!("{id}-{}", o.value);
                    let checked = chosen.contains(&o.value);
                    view! {
                        <div class="choice">
                            <input id=option_id.clone() type=input_type name=id.clone() value=o.value.clone() checked=checked/>
                            <label for=option_id>{bundle.text(&o.label)}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="fieldset" aria-describedby=described>
                    <legend class="fieldset__legend fieldset__legend--page">
                        <span class="caption">{caption}</span>
                        <h1 class="fieldset__heading">{text}</h1>
                    </legend>
                    {hint_view}
                    {error_message}
                    <div class="choices">{options}</div>
                </fieldset>
            }
            .into_any()
        }
        Kind::Date => {
            let values = date_parts(&value);
            view! {
                <fieldset class="fieldset" role="group" aria-describedby=described>
                    <legend class="fieldset__legend fieldset__legend--page">
                        <span class="caption">{caption}</span>
                        <h1 class="fieldset__heading">{text}</h1>
                    </legend>
                    {hint_view.map(|h| view! { {h} <div class="hint">{t!(i18n, check.date_example)}</div> })}
                    {error_message}
                    <DateInput
                        id=id.clone()
                        labels=[
                            t_string!(i18n, check.day).to_string(),
                            t_string!(i18n, check.month).to_string(),
                            t_string!(i18n, check.year).to_string(),
                        ]
                        values
                        invalid
                    />
                </fieldset>
            }
            .into_any()
        }
        Kind::Country => {
            let options = bundle
                .countries
                .countries
                .iter()
                .map(|c| CountryOption {
                    code: c.code.clone(),
                    name: c.name(&bundle.locale).to_string(),
                    english: c.name("en").to_string(),
                })
                .collect::<Vec<_>>();
            view! {
                <span class="caption">{caption}</span>
                <h1 class="label-heading"><label class="label label--page" for=id.clone()>{text}</label></h1>
                {hint_view}
                {error_message}
                <NativeCountrySelect
                    id=id.clone()
                    options
                    selected=value.clone()
                    described_by=described_by.clone()
                    invalid
                    placeholder=t_string!(i18n, check.select_country).to_string()
                />
                <CountrySelect id=id.clone() selected=value described_by=described_by.clone() invalid texts=country_texts(i18n)/>
            }
            .into_any()
        }
        Kind::Number => view! {
            <span class="caption">{caption}</span>
            <h1 class="label-heading"><label class="label label--page" for=id.clone()>{text}</label></h1>
            {hint_view}
            {error_message}
            <input
                class=if invalid { "input input--width-10 input--error" } else { "input input--width-10" }
                id=id.clone()
                name=id.clone()
                type="text"
                inputmode="numeric"
                autocomplete="off"
                value=value
                aria-describedby=described
            />
        }
        .into_any(),
    };
    view! {
        {(!offline).then(|| view! { <PageMeta title=page_title description/> <NoIndex/> })}
        <a class="back-link" href=back>{t!(i18n, check.back)}</a>
        {error_summary}
        <CheckerForm walker=bundle.walker.route() question=id.clone() action>
            {hidden}
            <input type="hidden" name=ANSWERED_FIELD value=id.clone()/>
            <div class=if invalid { "form-group form-group--error" } else { "form-group" }>{field}</div>
            <button class="button" type="submit">{t!(i18n, check.continue_button)}</button>
        </CheckerForm>
    }
}

/// Where the error summary's link puts the focus: the question's first field.
fn field_id(question: &Question) -> String {
    let id = &question.id;
    match question.kind {
        Kind::Date => format!("{id}-day"),
        Kind::Single | Kind::Multiple => question
            .options
            .first()
            .map(|o| format!("{id}-{}", o.value))
            .unwrap_or_else(|| id.clone()),
        Kind::Country | Kind::Number => id.clone(),
    }
}

/// The combobox's texts in the page's language.
fn country_texts(i18n: leptos_i18n::I18nContext<Locale>) -> Texts {
    let mut t = Texts::default();
    t.insert("country_hint", t_string!(i18n, check.country_hint));
    t.insert("no_country", t_string!(i18n, check.no_country));
    t.insert(
        "country_matches",
        t_string!(i18n, check.country_matches, count = "{count}").to_string(),
    );
    t
}
