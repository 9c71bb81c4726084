//! `GET /pkg/nav.<hash>.js`: the site's one script file besides the wasm glue (src/islands/nav.js).
//! Its name carries a hash of its text (worked out by build.rs), so it is kept for a year.
use super::caching::IMMUTABLE;
use axum::http::header;
use axum::response::{IntoResponse, Response};

const TEXT: &str = include_str!("../islands/nav.js");

/// The script's address, as the shell names it.
pub const PATH: &str = concat!("/pkg/nav.", env!("SMSITE_NAV_HASH"), ".js");

pub async fn serve() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, IMMUTABLE),
        ],
        TEXT,
    )
        .into_response()
}
