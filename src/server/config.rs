//! Configuration: every environment variable the server reads (documented in README.md), read once
//! in `main` into one `Config`.
use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;
use std::time::Duration;

/// The development key, used when `SMSITE_HMAC_SECRET` is not set (refused in production).
pub const DEVELOPMENT_SECRET: &str = "smsite-development-secret-not-for-production";

/// Where the status data and the shared limits live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Database {
    /// An embedded SQLite file (created with its tables if missing).
    Sqlite(std::path::PathBuf),
    /// A PostgreSQL server, shared by every instance: `postgres://user@host:port/db`.
    Postgres(String),
}

impl Database {
    pub fn parse(text: &str) -> Database {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            Database::Postgres(text.to_string())
        } else {
            Database::Sqlite(text.strip_prefix("sqlite://").unwrap_or(text).into())
        }
    }

    /// For log lines: the file, or the server without its user, password and parameters.
    pub fn describe(&self) -> String {
        match self {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => {
                let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
                let rest = rest.split(['?', '#']).next().unwrap_or("");
                let (authority, path) = match rest.find('/') {
                    Some(i) => rest.split_at(i),
                    None => (rest, ""),
                };
                // The host is after the last `@` of the authority (a password may hold one).
                let host = authority
                    .rsplit_once('@')
                    .map(|(_, h)| h)
                    .unwrap_or(authority);
                format!("{scheme}://{host}{path}")
            }
        }
    }
}

/// `SMSITE_ENV`: development (the default, so the README's run command works) or production,
/// which refuses the development key and demo data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Development,
    Production,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub leptos: LeptosOptions,
    pub mode: Mode,
    /// `SMSITE_DATABASE`: a file path (SQLite) or a `postgres://` URL.
    pub database: Database,
    /// `SMSITE_HMAC_SECRET`: the key of the hash of number + date of birth.
    pub secret: String,
    /// `SMSITE_DEMO_DATA=0` keeps an empty database empty.
    pub demo_data: bool,
    /// `SMSITE_STATUS_LIMIT` lookups per `SMSITE_STATUS_WINDOW` seconds from one address.
    pub status_limit: u32,
    pub status_window: Duration,
    /// `SMSITE_LOCKOUT_FAILURES` failed lookups of one number within `SMSITE_LOCKOUT_SECONDS`
    /// lock that number for the rest of that time, from every address.
    pub lockout_failures: u32,
    pub lockout_window: Duration,
    /// `SMSITE_FEEDBACK_LIMIT` feedback forms per `SMSITE_FEEDBACK_WINDOW` seconds from one
    /// address.
    pub feedback_limit: u32,
    pub feedback_window: Duration,
    /// `SMSITE_TRUSTED_PROXIES`: how many proxies in front append to `X-Forwarded-For`.
    pub trusted_proxies: usize,
    /// `SMSITE_METRICS_ADDR`: a second listener that serves only `/metrics`.
    pub metrics_addr: Option<SocketAddr>,
    /// `SMSITE_METRICS_TOKEN`: serves `/metrics` on the site's port to `Authorization: Bearer`.
    pub metrics_token: Option<String>,
    /// `SMSITE_HEADER_TIMEOUT`: seconds a client has to send a request's headers.
    pub header_timeout: Duration,
    /// `SMSITE_REQUEST_TIMEOUT`: seconds a request may take in all.
    pub request_timeout: Duration,
    /// `SMSITE_MAX_CONCURRENCY`: requests handled at once; more are answered 503 at once.
    pub max_concurrency: usize,
    /// `SMSITE_DRAIN_SECONDS`: after SIGTERM, how long requests in flight may still take.
    pub drain: Duration,
    /// `SMSITE_PAGE_CACHE_SECONDS`: how long a rendered page is kept (0 = not at all).
    pub page_cache: Duration,
    /// `SMSITE_CONTENT_DIR` is read by the content store itself (also used by the tools).
    /// `SMSITE_LOG_FORMAT=json`: one JSON object per log line.
    pub json_logs: bool,
}

/// Body limit of every request (the largest form is the checker's, well under this).
pub const BODY_LIMIT: usize = 64 * 1024;

impl Config {
    /// Reads the environment once. An unreadable value is an error naming the variable.
    pub fn from_env() -> Result<Config, String> {
        Config::from_vars(|key| std::env::var(key).ok())
    }

    /// The same from any source of variables (the tests give theirs).
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let var = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        fn number<T: std::str::FromStr>(
            key: &str,
            value: Option<String>,
            default: T,
        ) -> Result<T, String> {
            match value {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse()
                    .map_err(|_| format!("{key}={v:?} is not a number")),
            }
        }
        let secs = |key: &str, default: u64| -> Result<Duration, String> {
            number(key, var(key), default).map(Duration::from_secs)
        };
        let addr = |key: &str, default: Option<&str>| -> Result<Option<SocketAddr>, String> {
            match var(key).or(default.map(String::from)) {
                None => Ok(None),
                Some(text) => text
                    .parse()
                    .map(Some)
                    .map_err(|e| format!("{key}={text:?} is not an address: {e}")),
            }
        };
        let mode = match var("SMSITE_ENV").as_deref() {
            None | Some("development") => Mode::Development,
            Some("production") => Mode::Production,
            Some(other) => {
                return Err(format!(
                    "SMSITE_ENV={other:?}: use `production` or `development`"
                ))
            }
        };
        let site_addr = addr("LEPTOS_SITE_ADDR", Some("127.0.0.1:3000"))?
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 3000)));
        let leptos_env = match var("LEPTOS_ENV")
            .unwrap_or_else(|| "PROD".into())
            .to_ascii_uppercase()
            .as_str()
        {
            "DEV" | "DEVELOPMENT" => Env::DEV,
            _ => Env::PROD,
        };
        let text = |key: &str, default: &str| var(key).unwrap_or_else(|| default.to_string());
        let leptos = LeptosOptions::builder()
            .output_name(text("LEPTOS_OUTPUT_NAME", "smsite"))
            .site_root(text("LEPTOS_SITE_ROOT", "target/site"))
            .site_pkg_dir(text("LEPTOS_SITE_PKG_DIR", "pkg"))
            .site_addr(site_addr)
            .env(leptos_env)
            .build();
        let status_window = secs("SMSITE_STATUS_WINDOW", 60)?;
        let lockout_window = secs("SMSITE_LOCKOUT_SECONDS", 3600)?;
        let feedback_window = secs("SMSITE_FEEDBACK_WINDOW", 3600)?;
        let header_timeout = secs("SMSITE_HEADER_TIMEOUT", 10)?;
        let request_timeout = secs("SMSITE_REQUEST_TIMEOUT", 30)?;
        for (key, value) in [
            ("SMSITE_STATUS_WINDOW", status_window),
            ("SMSITE_LOCKOUT_SECONDS", lockout_window),
            ("SMSITE_FEEDBACK_WINDOW", feedback_window),
            ("SMSITE_HEADER_TIMEOUT", header_timeout),
            ("SMSITE_REQUEST_TIMEOUT", request_timeout),
        ] {
            if value.is_zero() {
                return Err(format!("{key} must be at least 1 (second)"));
            }
        }
        Ok(Config {
            leptos,
            mode,
            database: Database::parse(&text("SMSITE_DATABASE", "data/smsite.sqlite3")),
            secret: text("SMSITE_HMAC_SECRET", DEVELOPMENT_SECRET),
            demo_data: var("SMSITE_DEMO_DATA").is_none_or(|v| v != "0"),
            status_limit: number("SMSITE_STATUS_LIMIT", var("SMSITE_STATUS_LIMIT"), 30)?,
            status_window,
            lockout_failures: number("SMSITE_LOCKOUT_FAILURES", var("SMSITE_LOCKOUT_FAILURES"), 5)?,
            lockout_window,
            feedback_limit: number("SMSITE_FEEDBACK_LIMIT", var("SMSITE_FEEDBACK_LIMIT"), 10)?,
            feedback_window,
            trusted_proxies: number("SMSITE_TRUSTED_PROXIES", var("SMSITE_TRUSTED_PROXIES"), 0)?,
            metrics_addr: addr("SMSITE_METRICS_ADDR", None)?,
            metrics_token: var("SMSITE_METRICS_TOKEN"),
            header_timeout,
            request_timeout,
            max_concurrency: number("SMSITE_MAX_CONCURRENCY", var("SMSITE_MAX_CONCURRENCY"), 512)?
                .max(1),
            drain: secs("SMSITE_DRAIN_SECONDS", 20)?,
            page_cache: secs("SMSITE_PAGE_CACHE_SECONDS", 60)?,
            json_logs: var("SMSITE_LOG_FORMAT").is_some_and(|f| f == "json"),
        })
    }

    /// Production refuses what only development may use, in one line saying why.
    pub fn check_production(&self) -> Result<(), String> {
        if self.mode != Mode::Production {
            return Ok(());
        }
        if self.secret == DEVELOPMENT_SECRET {
            return Err("SMSITE_ENV=production: set SMSITE_HMAC_SECRET to the Service's key (the development key is public)".into());
        }
        if self.demo_data {
            return Err("SMSITE_ENV=production: set SMSITE_DEMO_DATA=0 (demo applications must not be served)".into());
        }
        Ok(())
    }
}

/// `hash.txt`, which `cargo leptos build` writes beside the server binary when it gives the
/// site's files hashed names (`hash-files` in Cargo.toml). Without it (the cargo tests' own
/// binaries) the plain names are used.
fn hash_file() -> Option<std::path::PathBuf> {
    let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    path.is_file().then_some(path)
}

/// The hashes of the site's files by kind (`js`, `wasm`, `css`). A constant of the build, like
/// the binary itself: the shell (`app::Stylesheet`, `app::Hydration`) names the files, and it
/// renders inside Leptos, where axum's state does not reach.
pub fn asset_hashes() -> &'static [(String, String)] {
    static HASHES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        let text = hash_file()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        text.lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(kind, hash)| (kind.trim().to_string(), hash.trim().to_string()))
            .filter(|(_, h)| !h.is_empty())
            .collect()
    })
}

/// The address of one of the site's files: `/pkg/smsite.<hash>.js`, or without a hash when the
/// build gave none.
pub fn asset_path(options: &LeptosOptions, kind: &str) -> String {
    let name = &options.output_name;
    let pkg = &options.site_pkg_dir;
    match asset_hashes().iter().find(|(k, _)| k == kind) {
        Some((_, hash)) => format!("/{pkg}/{name}.{hash}.{kind}"),
        None => format!("/{pkg}/{name}.{kind}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, String> {
        Config::from_vars(|k| {
            vars.iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_database_is_a_file_or_a_postgres_url() {
        assert_eq!(
            Database::parse("postgres://u:pw@db:5432/smsite"),
            Database::Postgres("postgres://u:pw@db:5432/smsite".into())
        );
        assert_eq!(
            Database::parse("data/x.sqlite3"),
            Database::Sqlite("data/x.sqlite3".into())
        );
        assert_eq!(
            Database::parse("postgres://u:p@ss@db:5432/smsite?password=x").describe(),
            "postgres://db:5432/smsite"
        );
    }

    #[test]
    fn production_refuses_the_development_key_and_demo_data() {
        let dev = config(&[]).unwrap();
        assert_eq!(dev.check_production(), Ok(()));
        let key = config(&[("SMSITE_ENV", "production")]).unwrap();
        assert!(key
            .check_production()
            .unwrap_err()
            .contains("SMSITE_HMAC_SECRET"));
        let demo = config(&[("SMSITE_ENV", "production"), ("SMSITE_HMAC_SECRET", "k")]).unwrap();
        assert!(demo
            .check_production()
            .unwrap_err()
            .contains("SMSITE_DEMO_DATA=0"));
        let good = config(&[
            ("SMSITE_ENV", "production"),
            ("SMSITE_HMAC_SECRET", "k"),
            ("SMSITE_DEMO_DATA", "0"),
        ])
        .unwrap();
        assert_eq!(good.check_production(), Ok(()));
    }

    #[test]
    fn a_bad_value_names_its_variable() {
        assert!(config(&[("SMSITE_STATUS_LIMIT", "many")])
            .unwrap_err()
            .contains("SMSITE_STATUS_LIMIT"));
        assert!(config(&[("SMSITE_ENV", "prod")])
            .unwrap_err()
            .contains("SMSITE_ENV"));
        assert!(config(&[("SMSITE_HEADER_TIMEOUT", "0")])
            .unwrap_err()
            .contains("SMSITE_HEADER_TIMEOUT"));
    }
}
