//! The web server: `smsite` serves the site (see README.md for its environment variables).

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // Lines are written by a thread of their own: a request does not wait for the write. Not
    // lossy: under a flood the writer blocks rather than drop lines. `_flush` writes what is
    // left when main returns.
    let (writer, _flush) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .finish(std::io::stdout());
    // `SMSITE_LOG_FORMAT=json`: one JSON object per line, for a log collector. Otherwise text,
    // coloured only on a terminal.
    if std::env::var("SMSITE_LOG_FORMAT").is_ok_and(|f| f == "json") {
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

    // Broken content stops the start with every problem listed, each naming its file.
    if let Err(errors) = smsite::content::store::init() {
        for e in &errors {
            tracing::error!("{e}");
        }
        return std::process::ExitCode::FAILURE;
    }
    // `smsite import <file>`: load a status feed (CSV or JSON) in one transaction, then exit.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, path] = args.as_slice() {
        if command == "import" {
            return import(path).await;
        }
    }
    if !args.is_empty() {
        eprintln!("usage: smsite            serve the site\n       smsite import FILE  import a status feed (CSV or JSON)");
        return std::process::ExitCode::FAILURE;
    }
    // The status database: created and migrated, with demo data when empty. If it cannot be
    // opened the site still serves everything else; status lookups answer 503.
    if let Err(e) = smsite::server::status_api::prepare().await {
        tracing::error!("{e}");
    }
    let options = match smsite::server::config::leptos_options() {
        Ok(options) => options,
        Err(e) => {
            tracing::error!("{e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let addr = options.site_addr;
    let app = smsite::server::app_router(options);
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(e) => {
            tracing::error!("cannot listen on {addr}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    tracing::info!("listening on http://{addr}");
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        tracing::error!("server error: {e}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(feature = "ssr")]
async fn import(path: &str) -> std::process::ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!("{path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let rows = match smsite::server::feed::parse(&text) {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!("{path}: {e}; nothing was imported");
            return std::process::ExitCode::FAILURE;
        }
    };
    let Some(store) = smsite::server::status_api::store().await else {
        return std::process::ExitCode::FAILURE;
    };
    match store.import(&rows).await {
        Ok(r) => {
            tracing::info!(
                rows = r.rows,
                new_applications = r.new_applications,
                new_events = r.new_events,
                "{path}: imported"
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            tracing::error!("{path}: {e}; nothing was imported");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM; axum then finishes the requests in flight before exiting.
#[cfg(feature = "ssr")]
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

#[cfg(not(feature = "ssr"))]
fn main() {
    // The browser build has no binary: src/lib.rs's `hydrate` is its entry point.
}
