//! Server-only code (the `ssr` feature): configuration, the axum router, redirects.
pub mod api;
pub mod atom;
pub mod caching;
pub mod client_addr;
pub mod config;
pub mod db;
pub mod demo_data;
pub mod error;
pub mod feed;
pub mod feedback_api;
pub mod feedback_page;
pub mod feedback_store;
pub mod guards;
pub mod html_tidy;
pub mod limits;
pub mod locale_redirect;
pub mod lookup;
pub mod manifest;
pub mod metrics;
pub mod nav_script;
pub mod page_cache;
pub mod request_log;
pub mod router;
pub mod security;
pub mod seo;
pub mod serve;
pub mod state;
pub mod status_api;
pub mod status_page;
pub mod status_store;
pub mod worker;

pub use router::app_router;

/// Bytes as lowercase hexadecimal (hashes in ETags, key fingerprints, counter buckets).
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
