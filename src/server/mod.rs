//! Server-only code (the `ssr` feature): configuration, the axum router, redirects.
pub mod api;
pub mod caching;
pub mod config;
pub mod feed;
pub mod html_tidy;
pub mod locale_redirect;
pub mod nav_script;
pub mod page_cache;
pub mod rate_limit;
pub mod request_log;
pub mod router;
pub mod security;
pub mod seo;
pub mod status_api;
pub mod status_page;
pub mod status_store;

pub use router::app_router;
