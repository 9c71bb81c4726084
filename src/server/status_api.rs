//! Application status lookup: `POST /api/v1/applications/status` and the same lookup for the
//! page's form without JavaScript. A second identifier (the date of birth) is required, an
//! unknown number and a wrong date of birth answer the same 404, and each client address gets a
//! limited number of tries.
use super::config::{status_config, StatusConfig, DEVELOPMENT_SECRET};
use super::rate_limit::RateLimiter;
use super::status_store::{FeedRow, StatusStore};
use crate::content::store::global;
use crate::dates::Date;
use crate::status::number::{ApplicationNumber, Procedure};
use crate::status::reply::{Note, Status, StatusReply};
use crate::status::working_days::add_working_days;
use axum::body::Bytes;
use axum::extract::ConnectInfo;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use tokio::sync::OnceCell;

static STORE: OnceCell<Option<StatusStore>> = OnceCell::const_new();
static LIMITER: std::sync::OnceLock<RateLimiter> = std::sync::OnceLock::new();

/// The database, opened (and migrated) on first use; `None` when it cannot be opened, which the
/// lookup answers with 503 while the rest of the site keeps working.
pub async fn store() -> Option<&'static StatusStore> {
    STORE
        .get_or_init(|| async {
            let config = status_config();
            if config.secret == DEVELOPMENT_SECRET {
                tracing::warn!("SMSITE_HMAC_SECRET is not set: using the development key");
            }
            match StatusStore::open(&config.database, config.secret.as_bytes()).await {
                Ok(store) => Some(store),
                Err(e) => {
                    tracing::error!("status database {}: {e}", config.database.display());
                    None
                }
            }
        })
        .await
        .as_ref()
}

fn limiter() -> &'static RateLimiter {
    LIMITER.get_or_init(|| {
        let StatusConfig {
            limit, window_secs, ..
        } = status_config();
        RateLimiter::new(limit, window_secs)
    })
}

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
    TooManyRequests {
        retry_after: u64,
    },
    Unavailable,
}

/// Checks the input, counts the try against the client's limit, and looks the application up.
pub async fn lookup(number: &str, date_of_birth: &str, client: Option<IpAddr>) -> Lookup {
    let number = match ApplicationNumber::parse(number) {
        Ok(n) => n,
        Err(e) => {
            return Lookup::Invalid {
                field: "number",
                code: e.code(),
            }
        }
    };
    let today = super::api::today_in_baku();
    let dob = match date_of_birth.trim() {
        "" => {
            return Lookup::Invalid {
                field: "date_of_birth",
                code: "missing",
            }
        }
        text => match Date::parse_iso(text) {
            None => {
                return Lookup::Invalid {
                    field: "date_of_birth",
                    code: "not_a_date",
                }
            }
            Some(d) if d > today || d < Date::new(1900, 1, 1) => {
                return Lookup::Invalid {
                    field: "date_of_birth",
                    code: "date_out_of_range",
                }
            }
            Some(d) => d,
        },
    };
    // Only well-formed tries count: a typo caught by the check character costs nothing.
    if let Err(retry_after) = limiter().check(client) {
        return Lookup::TooManyRequests { retry_after };
    }
    let Some(store) = store().await else {
        return Lookup::Unavailable;
    };
    match store.lookup(&number, dob).await {
        Ok(Some(app)) => {
            tracing::info!(number = %number.masked(), "status found");
            Lookup::Found(reply(app))
        }
        Ok(None) => {
            tracing::info!(number = %number.masked(), "status not found");
            Lookup::NotFound
        }
        Err(e) => {
            tracing::error!(number = %number.masked(), "status lookup failed: {e}");
            Lookup::Unavailable
        }
    }
}

fn reply(app: super::status_store::Application) -> StatusReply {
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

fn client_address(
    headers: &HeaderMap,
    connect: Option<&ConnectInfo<SocketAddr>>,
) -> Option<IpAddr> {
    // Behind the Service's proxy the address comes from it; set SMSITE_TRUST_PROXY=1 there only.
    // The proxy appends the address it saw: the last entry, not the first, which clients write.
    if std::env::var("SMSITE_TRUST_PROXY").is_ok_and(|v| v == "1") {
        if let Some(ip) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
        {
            return Some(ip);
        }
    }
    connect.map(|c| c.0.ip())
}

/// The client's address of a request (for the page's form too).
pub fn client_of(request_parts: &axum::http::request::Parts) -> Option<IpAddr> {
    client_address(
        &request_parts.headers,
        request_parts.extensions.get::<ConnectInfo<SocketAddr>>(),
    )
}

fn error(status: StatusCode, body: serde_json::Value) -> Response {
    (status, axum::Json(body)).into_response()
}

/// `POST /api/v1/applications/status` with `{"number": "…", "date_of_birth": "YYYY-MM-DD"}`.
pub async fn status(parts: axum::http::request::Parts, body: Bytes) -> Response {
    let client = client_of(&parts);
    let value: serde_json::Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => return invalid("malformed_request", None, None),
    };
    let Some(object) = value.as_object() else {
        return invalid("malformed_request", None, None);
    };
    if let Some(unknown) = object
        .keys()
        .find(|k| !["number", "date_of_birth"].contains(&k.as_str()))
    {
        return invalid("unknown_field", Some(unknown), None);
    }
    let text = |field: &'static str| match object.get(field) {
        None | Some(serde_json::Value::Null) => Ok(""),
        Some(serde_json::Value::String(s)) => Ok(s.as_str()),
        Some(_) => Err(field),
    };
    let (number, dob) = match (text("number"), text("date_of_birth")) {
        (Ok(n), Ok(d)) => (n, d),
        (Err(field), _) | (_, Err(field)) => {
            return invalid("malformed_request", Some(field), None)
        }
    };
    match lookup(number, dob, client).await {
        Lookup::Found(reply) => axum::Json(reply).into_response(),
        // One body for every miss: it must not tell a wrong date of birth from an unknown number.
        Lookup::NotFound => error(StatusCode::NOT_FOUND, json!({ "error": "not_found" })),
        Lookup::Invalid { field, code } => invalid("invalid_input", Some(field), Some(code)),
        Lookup::TooManyRequests { retry_after } => (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, retry_after.to_string())],
            axum::Json(json!({ "error": "too_many_requests", "retry_after": retry_after })),
        )
            .into_response(),
        Lookup::Unavailable => error(
            StatusCode::SERVICE_UNAVAILABLE,
            json!({ "error": "unavailable" }),
        ),
    }
}

fn invalid(error_name: &str, field: Option<&str>, code: Option<&str>) -> Response {
    error(
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({ "error": error_name, "field": field, "code": code }),
    )
}

/// Clearly fake applications for trying the lookup (listed in README.md): serials 900001–900008.
/// Dates count back from `today`, so open applications have a decision date ahead.
pub fn demo_rows(today: Date) -> Vec<(usize, FeedRow)> {
    use Status::*;
    // (procedure, date of birth, days since submission, [(days after submission, status, note)])
    type Demo<'a> = (Procedure, &'a str, i64, &'a [(i64, Status, Option<Note>)]);
    let apps: [Demo; 8] = [
        (
            Procedure::TemporaryResidence,
            "1990-04-12",
            12,
            &[
                (0, Received, None),
                (2, UnderReview, None),
                (6, ActionNeeded, Some(Note::ProofOfAddress)),
            ],
        ),
        (
            Procedure::WorkPermit,
            "1985-11-03",
            30,
            &[
                (0, Received, None),
                (3, UnderReview, None),
                (18, Approved, None),
                (20, ReadyForCollection, Some(Note::CollectInPerson)),
            ],
        ),
        (
            Procedure::Extension,
            "2001-07-21",
            1,
            &[(0, Received, None), (1, UnderReview, None)],
        ),
        (
            Procedure::Registration,
            "1978-02-28",
            20,
            &[(0, Received, None), (1, Approved, None), (2, Closed, None)],
        ),
        (
            Procedure::PermanentResidence,
            "1969-09-09",
            60,
            &[
                (0, Received, None),
                (5, UnderReview, None),
                (40, Refused, None),
            ],
        ),
        (
            Procedure::RefugeeStatus,
            "1995-05-05",
            3,
            &[(0, Received, None)],
        ),
        (
            Procedure::TravelDocument,
            "1988-12-30",
            25,
            &[
                (0, Received, None),
                (21, ReadyForCollection, Some(Note::CollectInPerson)),
            ],
        ),
        (
            Procedure::Extension,
            "1999-03-15",
            8,
            &[
                (0, Received, None),
                (2, UnderReview, None),
                (3, Approved, None),
            ],
        ),
    ];
    let mut rows = Vec::new();
    for (i, (procedure, dob, ago, events)) in apps.iter().enumerate() {
        let number = ApplicationNumber::new(*procedure, 2026, 900_001 + i as u32);
        let submitted = today.add_days(-ago);
        for (after, status, note) in events.iter() {
            rows.push((
                rows.len() + 1,
                FeedRow {
                    number: number.clone(),
                    date_of_birth: Date::parse_iso(dob).unwrap_or(Date::new(1990, 1, 1)),
                    procedure: *procedure,
                    submitted,
                    date: submitted.add_days(*after),
                    status: *status,
                    note: *note,
                },
            ));
        }
    }
    rows
}

/// At start-up: open the database and, if it is empty and demo data is on, load the demo.
pub async fn prepare() -> Result<(), String> {
    let store = store()
        .await
        .ok_or("the status database cannot be opened")?;
    if status_config().demo_data && store.count().await.map_err(|e| e.to_string())? == 0 {
        let report = store
            .import(&demo_rows(super::api::today_in_baku()))
            .await
            .map_err(|e| e.to_string())?;
        tracing::info!(
            applications = report.new_applications,
            "empty status database: loaded the demo applications"
        );
    }
    Ok(())
}
