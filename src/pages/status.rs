//! `/:lang/status`: application status by number and date of birth. The page is the status
//! island (`islands::status_lookup`) with its texts; a form sent without JavaScript is answered
//! by the server's POST handler, which puts the answer in the page's context: a found
//! application is drawn here, anything else goes back to the island's form.
use crate::components::breadcrumbs::{Breadcrumbs, Crumb};
use crate::components::notification_banner::NotificationBanner;
use crate::components::page_meta::PageMeta;
use crate::components::section_text::locale_code;
use crate::i18n::*;
use crate::islands::status_lookup::StatusLookup;
use crate::islands::status_result::StatusResult;
use crate::islands::texts::Texts;
use crate::status::number::Procedure;
use crate::status::reply::{FormMessage, Note, Status, StatusReply, Typed};
use leptos::either::Either;
use leptos::prelude::*;

/// The answer to a form sent without JavaScript, put in the page's context by the server's
/// POST handler.
#[derive(Clone, Debug)]
pub struct PostedLookup(pub Typed, pub Result<StatusReply, FormMessage>);

type I18n = leptos_i18n::I18nContext<Locale>;

#[component]
pub fn StatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = locale_code(i18n).to_string();
    let (typed, answer) = match use_context::<PostedLookup>() {
        Some(PostedLookup(typed, answer)) => (typed, Some(answer)),
        None => (Typed::default(), None),
    };
    let title = move || t_string!(i18n, status.title).to_string();
    view! {
        <PageMeta title=Signal::derive(title) description=Signal::derive(move || t_string!(i18n, status.description).to_string())/>
        <Breadcrumbs crumbs=vec![Crumb { label: Signal::derive(title), href: None }]/>
        <h1>{t!(i18n, status.heading)}</h1>
        // Shown by nav.js while the device is offline: a status is never kept on the device.
        <div data-offline-notice="" hidden=true>
            <NotificationBanner
                heading=t_string!(i18n, offline.status_heading).to_string()
                id="status-offline-title"
                body=t_string!(i18n, offline.status_body).to_string()
            />
        </div>
        {match answer {
            // Found (a form sent without JavaScript): the answer, drawn here, and no form.
            Some(Ok(reply)) => Either::Left(view! {
                <div class="status-result" tabindex="-1">
                    <StatusResult reply texts=status_texts(i18n) lang=lang.clone()/>
                    <p><a href=format!("/{lang}/status")>{t!(i18n, status.check_another)}</a></p>
                </div>
            }),
            other => Either::Right(view! {
                <StatusLookup lang=lang.clone() texts=status_texts(i18n) typed message=other.and_then(Result::err)/>
            }),
        }}
    }
}

/// Every text the status island can show, in the page's language.
pub fn status_texts(i18n: I18n) -> Texts {
    let mut t = Texts::default();
    let pairs: [(&str, &str); 38] = [
        ("check_another", t_string!(i18n, status.check_another)),
        ("error_summary", t_string!(i18n, check.error_summary)),
        ("error_prefix", t_string!(i18n, check.error_prefix)),
        (
            "not_found_heading",
            t_string!(i18n, status.not_found_heading),
        ),
        ("not_found_body", t_string!(i18n, status.not_found_body)),
        ("too_many_heading", t_string!(i18n, status.too_many_heading)),
        ("too_many_body", t_string!(i18n, status.too_many_body)),
        (
            "unavailable_heading",
            t_string!(i18n, status.unavailable_heading),
        ),
        ("unavailable_body", t_string!(i18n, status.unavailable_body)),
        ("lead", t_string!(i18n, status.lead)),
        ("number_label", t_string!(i18n, status.number_label)),
        ("number_hint", t_string!(i18n, status.number_hint)),
        ("number_ok", t_string!(i18n, status.number_ok)),
        ("dob_legend", t_string!(i18n, status.dob_legend)),
        ("dob_hint", t_string!(i18n, status.dob_hint)),
        ("day", t_string!(i18n, check.day)),
        ("month", t_string!(i18n, check.month)),
        ("year", t_string!(i18n, check.year)),
        ("privacy", t_string!(i18n, status.privacy)),
        ("button", t_string!(i18n, status.button)),
        (
            "error.number_missing",
            t_string!(i18n, status.errors.number_missing),
        ),
        (
            "error.number_unknown_procedure",
            t_string!(i18n, status.errors.number_unknown_procedure),
        ),
        (
            "error.number_check_character",
            t_string!(i18n, status.errors.number_check_character),
        ),
        (
            "error.number_format",
            t_string!(i18n, status.errors.number_format),
        ),
        (
            "error.dob_missing",
            t_string!(i18n, status.errors.dob_missing),
        ),
        (
            "error.dob_date_out_of_range",
            t_string!(i18n, status.errors.dob_date_out_of_range),
        ),
        (
            "error.dob_not_a_date",
            t_string!(i18n, status.errors.dob_not_a_date),
        ),
        ("result_caption", t_string!(i18n, status.result_caption)),
        ("current", t_string!(i18n, status.current)),
        ("procedure", t_string!(i18n, status.procedure)),
        ("submitted", t_string!(i18n, status.submitted)),
        ("estimated", t_string!(i18n, status.estimated)),
        ("estimated_note", t_string!(i18n, status.estimated_note)),
        ("no_estimate", t_string!(i18n, status.no_estimate)),
        ("meaning", t_string!(i18n, status.meaning)),
        ("what_now", t_string!(i18n, status.what_now)),
        (
            "documents_requested",
            t_string!(i18n, status.documents_requested),
        ),
        ("timeline", t_string!(i18n, status.timeline)),
    ];
    for (k, v) in pairs {
        t.insert(k, v);
    }
    for s in Status::ALL {
        let (name, explain, todo) = status_words(i18n, s);
        t.insert(format!("status.{}", s.name()), name);
        t.insert(format!("explain.{}", s.name()), explain);
        t.insert(format!("todo.{}", s.name()), todo);
    }
    for n in Note::ALL {
        t.insert(format!("note.{}", n.name()), note_text(i18n, n));
    }
    for p in Procedure::ALL {
        t.insert(format!("procedure.{}", p.code()), procedure_name(i18n, p));
    }
    t
}

/// A status's name, what it means, and what to do now.
fn status_words(i18n: I18n, s: Status) -> (&'static str, &'static str, &'static str) {
    match s {
        Status::Received => (
            t_string!(i18n, status.names.received),
            t_string!(i18n, status.explain.received),
            t_string!(i18n, status.todo.received),
        ),
        Status::ActionNeeded => (
            t_string!(i18n, status.names.action_needed),
            t_string!(i18n, status.explain.action_needed),
            t_string!(i18n, status.todo.action_needed),
        ),
        Status::UnderReview => (
            t_string!(i18n, status.names.under_review),
            t_string!(i18n, status.explain.under_review),
            t_string!(i18n, status.todo.under_review),
        ),
        Status::Approved => (
            t_string!(i18n, status.names.approved),
            t_string!(i18n, status.explain.approved),
            t_string!(i18n, status.todo.approved),
        ),
        Status::Refused => (
            t_string!(i18n, status.names.refused),
            t_string!(i18n, status.explain.refused),
            t_string!(i18n, status.todo.refused),
        ),
        Status::ReadyForCollection => (
            t_string!(i18n, status.names.ready_for_collection),
            t_string!(i18n, status.explain.ready_for_collection),
            t_string!(i18n, status.todo.ready_for_collection),
        ),
        Status::Closed => (
            t_string!(i18n, status.names.closed),
            t_string!(i18n, status.explain.closed),
            t_string!(i18n, status.todo.closed),
        ),
    }
}

fn note_text(i18n: I18n, n: Note) -> &'static str {
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
}

fn procedure_name(i18n: I18n, p: Procedure) -> &'static str {
    match p {
        Procedure::Registration => t_string!(i18n, status.procedures.registration),
        Procedure::Extension => t_string!(i18n, status.procedures.extension),
        Procedure::TemporaryResidence => t_string!(i18n, status.procedures.temporary_residence),
        Procedure::PermanentResidence => t_string!(i18n, status.procedures.permanent_residence),
        Procedure::WorkPermit => t_string!(i18n, status.procedures.work_permit),
        Procedure::RefugeeStatus => t_string!(i18n, status.procedures.refugee_status),
        Procedure::TravelDocument => t_string!(i18n, status.procedures.travel_document),
    }
}
