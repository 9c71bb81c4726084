//! One status lookup: the input checked, the limits counted, the database asked. Shared by the
//! JSON API (status_api.rs) and the page's form without JavaScript (status_page.rs).
use super::db::StoreError;
use super::limits::{unix_now, Refusal};
use super::metrics::{Outcome, Reason};
use super::state::AppState;
use super::status_store::Application;
use crate::content::store::global;
use crate::dates::Date;
use crate::status::number::ApplicationNumber;
use crate::status::reply::{Status, StatusReply};
use crate::status::working_days::add_working_days;
use std::net::IpAddr;

/// What a lookup came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    Found(StatusReply),
    NotFound,
    /// `field` is `number` or `date_of_birth`; `code` says what is wrong.
    Invalid {
        field: &'static str,
        code: &'static str,
    },
    /// The address's limit, or a number locked after failed tries: one answer for both.
    TooManyRequests {
        retry_after: u64,
    },
    Unavailable,
}

fn invalid(field: &'static str, code: &'static str) -> Lookup {
    Lookup::Invalid { field, code }
}

/// Checks the input, counts the try, and looks the application up. Only well-formed tries
/// count: a typo caught by the check character costs nothing.
pub async fn lookup(
    state: &AppState,
    number: &str,
    date_of_birth: &str,
    client: Option<IpAddr>,
) -> Lookup {
    let number = match ApplicationNumber::parse(number) {
        Ok(n) => n,
        Err(e) => return invalid("number", e.code()),
    };
    let today = super::api::today_in_baku();
    let dob = match date_of_birth.trim() {
        "" => return invalid("date_of_birth", "missing"),
        text => match Date::parse_iso(text) {
            None => return invalid("date_of_birth", "not_a_date"),
            Some(d) if d > today || d < Date::new(1900, 1, 1) => {
                return invalid("date_of_birth", "date_out_of_range")
            }
            Some(d) => d,
        },
    };
    let (store, limits, metrics) = (&state.store, &state.limits, &state.metrics);
    let unavailable = |e: StoreError| {
        metrics.database_errors.inc();
        tracing::error!(number = %number.masked(), "status lookup failed: {e}");
        Lookup::Unavailable
    };
    let refused = |refusal: Refusal| {
        let reason = refusal.reason();
        metrics.refused.get_or_create(&Reason { reason }).inc();
        tracing::info!(number = %number.masked(), reason, "status refused: too many tries");
        Lookup::TooManyRequests {
            retry_after: refusal.retry_after(),
        }
    };
    let now = unix_now();
    match limits.try_address(store, client, now).await {
        Err(e) => return unavailable(e),
        Ok(Err(refusal)) => return refused(refusal),
        Ok(Ok(())) => {}
    }
    // Counted before the lookup and kept if anything goes wrong after: a failure that is not
    // counted would be a free try.
    let compact = number.compact();
    let reserved = match limits.try_number(store, compact, now).await {
        Err(e) => return unavailable(e),
        Ok(Err(refusal)) => return refused(refusal),
        Ok(Ok(reserved)) => reserved,
    };
    let count = |result: &'static str| metrics.lookups.get_or_create(&Outcome { result }).inc();
    match store.lookup(&number, dob).await {
        Ok(Some(app)) => {
            count("found");
            tracing::info!(number = %number.masked(), "status found");
            if let Err(e) = limits.found(store, &reserved).await {
                // The try stays counted: the person is not locked out by one lookup.
                metrics.database_errors.inc();
                tracing::warn!(number = %number.masked(), "giving a try back failed: {e}");
            }
            Lookup::Found(reply(app))
        }
        Ok(None) => {
            count("not_found");
            tracing::info!(number = %number.masked(), "status not found");
            if reserved.locks {
                metrics.lockouts.inc();
                tracing::warn!(number = %number.masked(), "number locked after failed lookups");
            }
            Lookup::NotFound
        }
        Err(e) => unavailable(e),
    }
}

fn reply(app: Application) -> StatusReply {
    let last = app.timeline.last();
    let status = last.map(|e| e.status).unwrap_or(Status::Received);
    let rules = global().status_rules();
    let estimated_decision = rules
        .processing
        .get(app.procedure.name())
        .filter(|_| status.is_open())
        .map(|days| add_working_days(app.submitted, *days, &rules.holiday_dates()).iso());
    StatusReply {
        number: app.number.display(),
        procedure: app.procedure,
        submitted: app.submitted.iso(),
        status,
        explanation_key: format!("status.explain.{}", status.name()),
        note: last.and_then(|e| e.note),
        timeline: app.timeline.clone(),
        estimated_decision,
    }
}
