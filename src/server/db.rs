//! The database every instance shares: the connection pool (SQLite or PostgreSQL behind one
//! `Any` pool), its migrations, and the check that it was filled with this server's key. The
//! queries themselves are in status_store.rs (applications) and limits.rs (counters); they use
//! `$1` parameters, which both backends read.
use super::config::Database;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Executor, Row};
use std::time::Duration;

/// Why the store cannot serve.
#[derive(Debug)]
pub enum StoreError {
    Database(sqlx::Error),
    /// The database's identities were made with another `SMSITE_HMAC_SECRET`.
    KeyMismatch {
        stored: String,
        ours: String,
    },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Database(e) => write!(f, "database error: {e}"),
            StoreError::KeyMismatch { stored, ours } => write!(
                f,
                "SMSITE_HMAC_SECRET is not the key this database was filled with (its key's fingerprint is {stored}, this one's {ours}): set the same key, or nothing stored could be found"
            ),
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::Database(e)
    }
}

/// The pool and the key. Cheap to clone. Connections are made on demand: a database that is down
/// at start or later makes the status lookup answer 503 until it is back, with no restart.
#[derive(Clone)]
pub struct Store {
    pub(super) pool: AnyPool,
    pub(super) secret: std::sync::Arc<[u8]>,
    postgres: bool,
    /// Set once the migrations ran and the key was checked.
    ready: std::sync::Arc<tokio::sync::OnceCell<()>>,
}

impl Store {
    /// A store that connects when first used (only a malformed address fails here).
    pub fn new(database: &Database, secret: &[u8]) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (url, postgres) = match database {
            Database::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    // Best effort: if it fails, opening the file says why.
                    let _ = std::fs::create_dir_all(dir);
                }
                // sqlx reads the path percent-decoded, and `?` `#` as the URL's own.
                let path = path
                    .display()
                    .to_string()
                    .replace('%', "%25")
                    .replace('?', "%3F")
                    .replace('#', "%23");
                (format!("sqlite://{path}?mode=rwc"), false)
            }
            Database::Postgres(url) => (url.clone(), true),
        };
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            // A lookup waits this long for a connection before answering 503.
            .acquire_timeout(Duration::from_secs(3))
            .after_connect(|conn, _| {
                Box::pin(async move {
                    if conn.backend_name() == "SQLite" {
                        // Readers do not wait for the writer; a writer waits for another.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        // Every lookup writes a counter: no fsync per commit (WAL stays consistent;
                        // a power cut may lose the last commits, never corrupt the file).
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect_lazy(&url)?;
        Ok(Store {
            pool,
            secret: secret.into(),
            postgres,
            ready: Default::default(),
        })
    }

    /// `new`, then `ready`: for the tools and tests that need the database now.
    pub async fn open(database: &Database, secret: &[u8]) -> Result<Store, StoreError> {
        let store = Store::new(database, secret)?;
        store.ready().await?;
        Ok(store)
    }

    /// Brings the tables up to date and checks the key, once; tried again on the next call after
    /// a failure (the database was down, say).
    pub async fn ready(&self) -> Result<(), StoreError> {
        self.ready
            .get_or_try_init(|| async {
                if self.postgres {
                    sqlx::migrate!("./migrations/postgres")
                        .run(&self.pool)
                        .await
                        .map_err(|e| StoreError::Database(e.into()))?;
                } else {
                    sqlx::migrate!("./migrations/sqlite")
                        .run(&self.pool)
                        .await
                        .map_err(|e| StoreError::Database(e.into()))?;
                }
                self.check_key().await
            })
            .await
            .map(|_| ())
    }

    /// The first key to use the database is written down; any other is refused.
    async fn check_key(&self) -> Result<(), StoreError> {
        let ours = self.key_fingerprint();
        sqlx::query("INSERT INTO settings (name, value) VALUES ('hmac_key_fingerprint', $1) ON CONFLICT (name) DO NOTHING")
            .bind(&ours)
            .execute(&self.pool)
            .await?;
        let stored: String =
            sqlx::query("SELECT value FROM settings WHERE name = 'hmac_key_fingerprint'")
                .fetch_one(&self.pool)
                .await?
                .get(0);
        if stored == ours {
            Ok(())
        } else {
            Err(StoreError::KeyMismatch { stored, ours })
        }
    }

    /// Names the key without giving it away: a keyed hash of a fixed text, 16 hex digits.
    pub fn key_fingerprint(&self) -> String {
        let mut mac = self.mac();
        mac.update(b"smsite key fingerprint");
        super::hex(&mac.finalize().into_bytes()[..8])
    }

    pub(super) fn mac(&self) -> Hmac<Sha256> {
        Hmac::<Sha256>::new_from_slice(&self.secret).expect("HMAC takes a key of any length")
    }

    /// Whether the database answers and is ready (for `/readyz`).
    pub async fn ping(&self) -> bool {
        self.ready().await.is_ok() && sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}
