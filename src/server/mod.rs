//! Server-only code (the `ssr` feature): configuration, the axum router, redirects.
pub mod api;
pub mod config;
pub mod locale_redirect;
pub mod router;
pub mod seo;

pub use router::app_router;
