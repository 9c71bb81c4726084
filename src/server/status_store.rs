//! The status database: every SQL statement of the application status lookup is here, so another
//! backend (PostgreSQL) replaces this module and nothing else. SQLite by default: one file,
//! created with its migrations on start-up.
use crate::dates::Date;
use crate::status::number::{ApplicationNumber, Procedure};
use crate::status::reply::{Event, Note, Status};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
use sqlx::{Row, SqlitePool};
use std::path::Path;

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

#[derive(Clone)]
pub struct StatusStore {
    pool: SqlitePool,
    secret: Vec<u8>,
}

impl StatusStore {
    /// Opens (creating if needed) the database file and brings its tables up to date.
    pub async fn open(path: &Path, secret: &[u8]) -> Result<StatusStore, sqlx::Error> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(5));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(StatusStore {
            pool,
            secret: secret.to_vec(),
        })
    }

    /// The keyed hash that stands for "this number with this date of birth".
    fn identity(&self, number: &ApplicationNumber, date_of_birth: Date) -> Hmac<Sha256> {
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes a key of any length");
        mac.update(number.compact().as_bytes());
        mac.update(b"|");
        mac.update(date_of_birth.iso().as_bytes());
        mac
    }

    /// Whether the database answers (for readiness checks).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    pub async fn count(&self) -> Result<i64, sqlx::Error> {
        sqlx::query("SELECT COUNT(*) FROM applications")
            .fetch_one(&self.pool)
            .await
            .map(|r| r.get(0))
    }

    /// The application, only if the date of birth is the one it was filed with. An unknown
    /// number and a wrong date of birth are the same `None`, and take the same work.
    pub async fn lookup(
        &self,
        number: &ApplicationNumber,
        date_of_birth: Date,
    ) -> Result<Option<Application>, sqlx::Error> {
        let row =
            sqlx::query("SELECT identity, procedure, submitted FROM applications WHERE number = ?")
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
        let events =
            sqlx::query("SELECT date, status, note FROM events WHERE number = ? ORDER BY date, id")
                .bind(number.compact())
                .fetch_all(&self.pool)
                .await?;
        let timeline = events
            .iter()
            .filter_map(|e| {
                let note: String = e.get("note");
                Some(Event {
                    date: e.get("date"),
                    status: Status::from_name(e.get::<&str, _>("status"))?,
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
        let mut tx = self.pool.begin().await.map_err(db_error(0))?;
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
                "SELECT identity, procedure, submitted FROM applications WHERE number = ?",
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
                        "INSERT INTO applications (number, identity, procedure, submitted) VALUES (?, ?, ?, ?)",
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
                "INSERT OR IGNORE INTO events (number, date, status, note) VALUES (?, ?, ?, ?)",
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
