//! The applications and their events: every SQL statement of the status lookup and the import.
use super::db::{Store, StoreError};
use crate::dates::Date;
use crate::status::number::{ApplicationNumber, Procedure};
use crate::status::reply::{Event, Note, Status};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::Row;

/// One line of a status feed: an event of an application.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedRow {
    pub number: ApplicationNumber,
    pub date_of_birth: Date,
    pub procedure: Procedure,
    pub submitted: Date,
    pub date: Date,
    pub status: Status,
    pub note: Option<Note>,
}

/// An application as stored (without its identity hash).
#[derive(Clone, Debug, PartialEq)]
pub struct Application {
    pub number: ApplicationNumber,
    pub procedure: Procedure,
    pub submitted: Date,
    /// Oldest first.
    pub timeline: Vec<Event>,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub new_applications: usize,
    pub new_events: usize,
}

/// Why a feed was refused: the line (1 = the first line of the file) and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub reason: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

impl Store {
    /// The keyed hash that stands for "this number with this date of birth".
    fn identity(&self, number: &ApplicationNumber, date_of_birth: Date) -> Hmac<Sha256> {
        let mut mac = self.mac();
        mac.update(number.compact().as_bytes());
        mac.update(b"|");
        mac.update(date_of_birth.iso().as_bytes());
        mac
    }

    pub async fn count(&self) -> Result<i64, StoreError> {
        self.ready().await?;
        Ok(sqlx::query("SELECT COUNT(*) FROM applications")
            .fetch_one(&self.pool)
            .await?
            .get(0))
    }

    /// The application, only if the date of birth is the one it was filed with. An unknown
    /// number and a wrong date of birth are the same `None`, and take the same work.
    pub async fn lookup(
        &self,
        number: &ApplicationNumber,
        date_of_birth: Date,
    ) -> Result<Option<Application>, StoreError> {
        self.ready().await?;
        let row = sqlx::query(
            "SELECT identity, procedure, submitted FROM applications WHERE number = $1",
        )
        .bind(number.compact())
        .fetch_optional(&self.pool)
        .await?;
        let mac = self.identity(number, date_of_birth);
        let Some(row) = row else {
            // Same hashing work as a real comparison, so timing does not tell numbers apart.
            let _ = mac.verify_slice(&[0u8; 32]);
            return Ok(None);
        };
        let stored: Vec<u8> = row.get("identity");
        if mac.verify_slice(&stored).is_err() {
            return Ok(None);
        }
        let procedure: String = row.get("procedure");
        let submitted: String = row.get("submitted");
        let events = sqlx::query(
            "SELECT date, status, note FROM events WHERE number = $1 ORDER BY date, id",
        )
        .bind(number.compact())
        .fetch_all(&self.pool)
        .await?;
        let timeline = events
            .iter()
            .filter_map(|e| {
                let note: String = e.get("note");
                let status: String = e.get("status");
                Some(Event {
                    date: e.get("date"),
                    status: Status::from_name(&status)?,
                    note: Note::from_name(&note),
                })
            })
            .collect();
        Ok(Some(Application {
            number: number.clone(),
            procedure: Procedure::from_name(&procedure).unwrap_or(number.procedure()),
            submitted: Date::parse_iso(&submitted).unwrap_or(Date::new(1970, 1, 1)),
            timeline,
        }))
    }

    /// Imports a feed in one transaction: a row that contradicts what is stored (another date of
    /// birth, procedure or submission date for the same number) refuses the whole feed and
    /// changes nothing. Rows already imported add nothing.
    /// `rows` carry their line numbers in the file.
    pub async fn import(&self, rows: &[(usize, FeedRow)]) -> Result<ImportReport, ImportError> {
        let db_error = |line: usize| {
            move |e: sqlx::Error| ImportError {
                line,
                reason: format!("database error: {e}"),
            }
        };
        self.ready().await.map_err(|e| ImportError {
            line: 0,
            reason: e.to_string(),
        })?;
        let mut tx = self.pool.begin().await.map_err(db_error(0))?;
        // Write first, so the transaction holds the write lock from its start: SQLite cannot
        // wait for a reader's transaction to become a writer (it answers "database is locked"
        // at once), but waits for this. Imports also run one at a time on PostgreSQL.
        sqlx::query("UPDATE settings SET value = value WHERE name = 'hmac_key_fingerprint'")
            .execute(&mut *tx)
            .await
            .map_err(db_error(0))?;
        let mut report = ImportReport::default();
        for (line, row) in rows {
            let line = *line;
            report.rows += 1;
            let identity = self
                .identity(&row.number, row.date_of_birth)
                .finalize()
                .into_bytes()
                .to_vec();
            let existing = sqlx::query(
                "SELECT identity, procedure, submitted FROM applications WHERE number = $1",
            )
            .bind(row.number.compact())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db_error(line))?;
            match existing {
                Some(stored) => {
                    let same_identity = self
                        .identity(&row.number, row.date_of_birth)
                        .verify_slice(&stored.get::<Vec<u8>, _>("identity"))
                        .is_ok();
                    if !same_identity {
                        return Err(ImportError {
                            line,
                            reason: "the date of birth differs from the one stored for this number"
                                .into(),
                        });
                    }
                    if stored.get::<String, _>("procedure") != row.procedure.name()
                        || stored.get::<String, _>("submitted") != row.submitted.iso()
                    {
                        return Err(ImportError {
                            line,
                            reason: "the procedure or submission date differs from the stored one"
                                .into(),
                        });
                    }
                }
                None => {
                    sqlx::query(
                        "INSERT INTO applications (number, identity, procedure, submitted) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(row.number.compact())
                    .bind(identity)
                    .bind(row.procedure.name())
                    .bind(row.submitted.iso())
                    .execute(&mut *tx)
                    .await
                    .map_err(db_error(line))?;
                    report.new_applications += 1;
                }
            }
            let added = sqlx::query(
                "INSERT INTO events (number, date, status, note) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            )
            .bind(row.number.compact())
            .bind(row.date.iso())
            .bind(row.status.name())
            .bind(row.note.map(Note::name).unwrap_or(""))
            .execute(&mut *tx)
            .await
            .map_err(db_error(line))?;
            report.new_events += added.rows_affected() as usize;
        }
        tx.commit().await.map_err(db_error(0))?;
        Ok(report)
    }
}
