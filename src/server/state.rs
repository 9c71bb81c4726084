//! The server's state, built once in `main` (or a test) from the `Config` and handed to every
//! handler through axum's `State`.
use super::config::Config;
use super::db::Store;
use super::limits::Limits;
use super::metrics::Metrics;
use super::page_cache::PageCache;
use super::worker::WorkerScript;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Cheap to clone, once per request and layer: one shared pointer. (A struct of a dozen `Arc`s
/// cost a third of the server's throughput, every clone bumping counters both cores share.)
#[derive(Clone)]
pub struct AppState(Arc<Parts>);

impl std::ops::Deref for AppState {
    type Target = Parts;
    fn deref(&self) -> &Parts {
        &self.0
    }
}

pub struct Parts {
    pub config: Arc<Config>,
    pub leptos: LeptosOptions,
    /// The status data and the shared counters.
    pub store: Store,
    pub limits: Limits,
    pub metrics: Metrics,
    pub pages: Arc<PageCache>,
    /// Requests handled at once (`SMSITE_MAX_CONCURRENCY`).
    pub in_flight: Arc<Semaphore>,
    /// The service worker, with this build's file names.
    pub worker: WorkerScript,
}

impl AppState {
    /// Everything but the database's connections, which are made when first needed (so a
    /// database that is down does not stop the guides from being served).
    pub fn new(config: Config) -> Result<AppState, String> {
        let store = Store::new(&config.database, config.secret.as_bytes())
            .map_err(|e| format!("SMSITE_DATABASE={}: {e}", config.database.describe()))?;
        Ok(AppState(Arc::new(Parts {
            leptos: config.leptos.clone(),
            limits: Limits::from_config(&config),
            metrics: Metrics::new(),
            pages: PageCache::new(config.page_cache),
            in_flight: Arc::new(Semaphore::new(config.max_concurrency)),
            worker: WorkerScript::new(&config.leptos),
            store,
            config: Arc::new(config),
        })))
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

impl FromRef<AppState> for Arc<PageCache> {
    fn from_ref(state: &AppState) -> Self {
        state.pages.clone()
    }
}
