//! The demo applications (listed in README.md), loaded into an empty database unless
//! `SMSITE_DEMO_DATA=0`; production refuses to start with them on.
use super::db::Store;
use super::status_store::FeedRow;
use crate::dates::Date;
use crate::status::number::{ApplicationNumber, Procedure};
use crate::status::reply::{Note, Status};

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

/// At start-up: if the database is empty, load the demo. Several instances may start at once on
/// one database: the import is one transaction, and an instance that loses the race finds the
/// rows there.
pub async fn load_if_empty(store: &Store, today: Date) -> Result<(), String> {
    if store.count().await.map_err(|e| e.to_string())? > 0 {
        return Ok(());
    }
    match store.import(&demo_rows(today)).await {
        Ok(report) => {
            tracing::info!(
                applications = report.new_applications,
                "empty status database: loaded the demo applications"
            );
            Ok(())
        }
        Err(_) if store.count().await.is_ok_and(|n| n > 0) => Ok(()),
        Err(e) => Err(e.to_string()),
    }
}
