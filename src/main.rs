//! The web server: `smsite` serves the site, `smsite import FILE` loads a status feed,
//! `smsite feedback export` writes the feedback as CSV (see README.md for the environment
//! variables).

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    use smsite::server::config::Config;
    use std::process::ExitCode;
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("smsite: {e}");
            return ExitCode::FAILURE;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    // A command's output is its standard output (the export's CSV): its log goes to stderr.
    let _flush = logging(config.json_logs, !args.is_empty());
    // Production refuses what only development may use, before anything else.
    if let Err(e) = config.check_production() {
        tracing::error!("{e}");
        return ExitCode::FAILURE;
    }
    // Broken content stops the start with every problem listed, each naming its file.
    if let Err(errors) = smsite::content::store::init() {
        for e in &errors {
            tracing::error!("{e}");
        }
        return ExitCode::FAILURE;
    }
    match args.as_slice() {
        [] => serve(config).await,
        [command, path] if command == "import" => import(&config, path).await,
        [a, b] if a == "feedback" && b == "export" => export_feedback(&config, None).await,
        [a, b, c, since] if a == "feedback" && b == "export" && c == "--since" => {
            export_feedback(&config, Some(since)).await
        }
        _ => {
            eprintln!(
                "usage: smsite                                  serve the site\n       \
                 smsite import FILE                      import a status feed (CSV or JSON)\n       \
                 smsite feedback export [--since DATE]   write the feedback as CSV (DATE: YYYY-MM-DD)"
            );
            ExitCode::FAILURE
        }
    }
}

/// Log lines are written by a thread of their own: a request does not wait for the write. Not
/// lossy: under a flood the writer blocks rather than drop lines. The guard writes what is left
/// when main returns.
#[cfg(feature = "ssr")]
fn logging(json: bool, to_stderr: bool) -> tracing_appender::non_blocking::WorkerGuard {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info"))
        // axum logs a rejected body with serde's message, which can quote a date of birth.
        .add_directive("axum::rejection=off".parse().expect("a valid directive"));
    let (writer, flush) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .finish(if to_stderr {
            Box::new(std::io::stderr()) as Box<dyn std::io::Write + Send>
        } else {
            Box::new(std::io::stdout())
        });
    if json {
        tracing_subscriber::fmt()
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .with_env_filter(filter)
            .with_writer(writer)
            .init();
    } else {
        let colour = std::io::IsTerminal::is_terminal(&std::io::stdout());
        tracing_subscriber::fmt()
            .with_ansi(colour)
            .with_env_filter(filter)
            .with_writer(writer)
            .init();
    }
    flush
}

#[cfg(feature = "ssr")]
async fn serve(config: smsite::server::config::Config) -> std::process::ExitCode {
    use smsite::server::db::StoreError;
    use smsite::server::{demo_data, serve, state::AppState};
    use std::process::ExitCode;
    if config.secret == smsite::server::config::DEVELOPMENT_SECRET {
        tracing::warn!("SMSITE_HMAC_SECRET is not set: using the development key");
    }
    let state = match AppState::new(config) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let config = state.config.clone();
    // The database: migrated, its key checked, the demo loaded when empty. If it does not answer
    // the site still starts (guides need no database) and the lookup answers 503 until it does.
    match state.store.ready().await {
        Err(e @ StoreError::KeyMismatch { .. }) => {
            tracing::error!("{e}");
            return ExitCode::FAILURE;
        }
        Err(e) => tracing::error!(
            "status database {} not ready, status lookups answer 503 until it is: {e}",
            config.database.describe()
        ),
        Ok(()) if config.demo_data => {
            let today = smsite::server::api::today_in_baku();
            if let Err(e) = demo_data::load_if_empty(&state.store, today).await {
                tracing::error!("demo data: {e}");
            }
        }
        Ok(()) => {}
    }
    // Expired counters are deleted once a minute, by every instance (deleting twice is harmless).
    let sweeper = state.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            tick.tick().await;
            let now = smsite::server::limits::unix_now();
            if let Err(e) = sweeper
                .store
                .expire_counters(now, sweeper.limits.longest())
                .await
            {
                tracing::warn!("expiring counters: {e}");
            }
            // Feedback is kept for 12 months at most (content/<locale>/pages/privacy.md).
            let year_ago = smsite::server::api::today_in_baku().add_days(-365).iso();
            if let Err(e) = sweeper.store.expire_feedback(&year_ago).await {
                tracing::warn!("expiring feedback: {e}");
            }
        }
    });
    if let Some(addr) = config.metrics_addr {
        match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => {
                tracing::info!("metrics on http://{addr}/metrics");
                tokio::spawn(serve::serve_metrics(listener, state.metrics.clone()));
            }
            Err(e) => {
                tracing::error!("cannot listen on SMSITE_METRICS_ADDR={addr}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let addr = config.leptos.site_addr;
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(e) => {
            tracing::error!("cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("listening on http://{addr}");
    let limits = serve::Limits {
        header_timeout: config.header_timeout,
        drain: config.drain,
    };
    let app = smsite::server::app_router(state);
    serve::serve(listener, app, limits, serve::shutdown_signal()).await;
    ExitCode::SUCCESS
}

/// `smsite feedback export [--since YYYY-MM-DD]`: every feedback form (from that day on) as CSV
/// on standard output, for the content team.
#[cfg(feature = "ssr")]
async fn export_feedback(
    config: &smsite::server::config::Config,
    since: Option<&str>,
) -> std::process::ExitCode {
    use std::io::Write;
    use std::process::ExitCode;
    let since = match since {
        None => "0000-00-00".to_string(),
        Some(text) => match smsite::dates::Date::parse_iso(text) {
            Some(d) => d.iso(),
            None => {
                eprintln!("--since {text:?}: write the date as YYYY-MM-DD, e.g. 2026-12-01");
                return ExitCode::FAILURE;
            }
        },
    };
    let store =
        match smsite::server::db::Store::open(&config.database, config.secret.as_bytes()).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!("status database {}: {e}", config.database.describe());
                return ExitCode::FAILURE;
            }
        };
    let rows = match store.feedback_since(&since).await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!("reading feedback: {e}");
            return ExitCode::FAILURE;
        }
    };
    let csv = match smsite::server::feedback_store::to_csv(&rows) {
        Ok(csv) => csv,
        Err(e) => {
            tracing::error!("writing CSV: {e}");
            return ExitCode::FAILURE;
        }
    };
    if std::io::stdout().write_all(csv.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    tracing::info!(rows = rows.len(), since, "feedback exported");
    ExitCode::SUCCESS
}

/// `smsite import FILE`: a status feed (CSV or JSON) in one transaction, into the database
/// `SMSITE_DATABASE` names, with the key `SMSITE_HMAC_SECRET` (refused if the database was
/// filled with another).
#[cfg(feature = "ssr")]
async fn import(config: &smsite::server::config::Config, path: &str) -> std::process::ExitCode {
    use std::process::ExitCode;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let rows = match smsite::server::feed::parse(&text) {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!("{path}: {e}; nothing was imported");
            return ExitCode::FAILURE;
        }
    };
    let store =
        match smsite::server::db::Store::open(&config.database, config.secret.as_bytes()).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(
                    "status database {}: {e}; nothing was imported",
                    config.database.describe()
                );
                return ExitCode::FAILURE;
            }
        };
    match store.import(&rows).await {
        Ok(r) => {
            tracing::info!(
                rows = r.rows,
                new_applications = r.new_applications,
                new_events = r.new_events,
                "{path}: imported"
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!("{path}: {e}; nothing was imported");
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "ssr"))]
fn main() {
    // The browser build has no binary: src/lib.rs's `hydrate` is its entry point.
}
