//! "Was this page useful?" under every content page: the feedback island, with its texts in the
//! page's language. Style: feedback.css, beside it.
use super::section_text::locale_code;
use crate::i18n::*;
use crate::islands::feedback_form::FeedbackForm;
use crate::islands::texts::Texts;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

type I18n = leptos_i18n::I18nContext<Locale>;

#[component]
pub fn Feedback() -> impl IntoView {
    let i18n = use_i18n();
    let locale = locale_code(i18n);
    // A page the form could not be about (a very long 404 address): the form is about the home
    // page rather than refused on every try.
    let page = Some(use_location().pathname.get_untracked())
        .filter(|p| crate::feedback::is_page(p, locale))
        .unwrap_or_else(|| format!("/{locale}/"));
    view! {
        <section class="feedback-block">
            <FeedbackForm
                lang=locale_code(i18n).to_string()
                page
                started=drawn_hour()
                texts=feedback_texts(i18n)
                open=false
                useful=String::new()
                typed=Default::default()
                error=None
            />
        </section>
    }
}

/// Every text the feedback island can show.
pub fn feedback_texts(i18n: I18n) -> Texts {
    let mut t = Texts::default();
    let pairs: [(&str, &str); 19] = [
        ("feedback.question", t_string!(i18n, feedback.question)),
        ("feedback.yes", t_string!(i18n, feedback.yes)),
        ("feedback.no", t_string!(i18n, feedback.no)),
        ("feedback.report", t_string!(i18n, feedback.report)),
        (
            "feedback.form_heading",
            t_string!(i18n, feedback.form_heading),
        ),
        ("feedback.warning", t_string!(i18n, feedback.warning)),
        ("feedback.doing", t_string!(i18n, feedback.doing)),
        ("feedback.wrong", t_string!(i18n, feedback.wrong)),
        (
            "feedback.length_hint",
            t_string!(i18n, feedback.length_hint),
        ),
        ("feedback.trap", t_string!(i18n, feedback.trap)),
        ("feedback.send", t_string!(i18n, feedback.send)),
        ("feedback.thanks", t_string!(i18n, feedback.thanks)),
        ("feedback.error_title", t_string!(i18n, check.error_summary)),
        (
            "feedback.error_missing",
            t_string!(i18n, feedback.error_missing),
        ),
        (
            "feedback.error_too_long",
            t_string!(i18n, feedback.error_too_long),
        ),
        (
            "feedback.error_too_soon",
            t_string!(i18n, feedback.error_too_soon),
        ),
        (
            "feedback.error_too_many",
            t_string!(i18n, feedback.error_too_many),
        ),
        (
            "feedback.error_unavailable",
            t_string!(i18n, feedback.error_unavailable),
        ),
        (
            "feedback.error_invalid",
            t_string!(i18n, feedback.error_invalid),
        ),
    ];
    for (k, v) in pairs {
        t.insert(k, v);
    }
    t
}

/// The `started` of a content page's form: the hour before the page was drawn, so that a page
/// stays the same bytes for its whole cache life (its ETag does not change with each render).
/// The minimum fill time is thus met at once here; it applies to the form's own page, which is
/// drawn with the exact time (pages::feedback).
fn drawn_hour() -> i64 {
    let now = crate::server::limits::unix_now();
    now - now.rem_euclid(3600) - 60
}
