//! `/:lang/feedback`: the feedback form on a page of its own (where "No" and "Report a problem"
//! lead without JavaScript), and the thank-you page after a form is stored (`?sent=1`).
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::feedback::feedback_texts;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::feedback::Sent;
use crate::i18n::*;
use crate::islands::feedback_form::{error_key, FeedbackForm};
use crate::server::feedback_api::{locale_of, Submitted};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A form sent without JavaScript that was not stored: what was typed, and why.
#[derive(Clone, Debug)]
pub struct PostedFeedback {
    pub sent: Sent,
    pub result: Submitted,
}

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = locale_code(i18n);
    let query = use_query_map().get_untracked();
    let posted = use_context::<PostedFeedback>();
    // Only a page of this locale is linked back to; anything else is the home page.
    let page = posted
        .as_ref()
        .map(|p| p.sent.page.clone())
        .or_else(|| query.get("page"))
        // After a language switch the page is the same page in this language.
        .map(|p| match locale_of(&p) {
            Some(other) if other != lang => format!("/{lang}{}", crate::locale::strip_prefix(&p)),
            _ => p,
        })
        .filter(|p| crate::feedback::is_page(p, lang))
        .unwrap_or_else(|| format!("/{lang}/"));
    let sent = query.get("sent").is_some() && posted.is_none();
    // Drawn again after a refusal: the time the form was first drawn still counts.
    let started = posted
        .as_ref()
        .map(|p| p.sent.started)
        .filter(|s| *s > 0)
        .unwrap_or_else(crate::server::limits::unix_now);
    let heading = Signal::derive(move || t_string!(i18n, feedback.page_heading).to_string());
    let (typed, error, useful) = match &posted {
        Some(PostedFeedback { sent, result }) => {
            let key = match result {
                Submitted::Invalid { field, code } => error_key(*field, code),
                Submitted::TooMany { .. } => "feedback.error_too_many",
                _ => "feedback.error_unavailable",
            };
            (
                (sent.doing.clone(), sent.wrong.clone()),
                Some(key.to_string()),
                sent.useful.clone(),
            )
        }
        None => (
            Default::default(),
            None,
            query
                .get("useful")
                .filter(|u| u == "no")
                .unwrap_or_default(),
        ),
    };
    view! {
        <PageMeta title=heading description=Signal::derive(move || t_string!(i18n, feedback.description).to_string())/>
        <Breadcrumbs crumbs=vec![Crumb { label: heading, href: None }]/>
        <h1>{heading}</h1>
        {if sent {
            view! {
                <div class="panel panel--confirmation" role="status">
                    <p class="panel__body">{t!(i18n, feedback.thanks)}</p>
                </div>
                <p><a href=page>{t!(i18n, feedback.back)}</a></p>
            }.into_any()
        } else {
            view! {
                <p class="lead">{t!(i18n, feedback.lead)}</p>
                <p><a href=page.clone()>{t!(i18n, feedback.back)}</a></p>
                <FeedbackForm
                    lang=lang.to_string()
                    page
                    started=started
                    texts=feedback_texts(i18n)
                    open=true
                    useful
                    typed
                    error
                />
            }.into_any()
        }}
    }
}
