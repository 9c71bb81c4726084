//! Configuration from environment variables (documented in README.md).
use leptos::config::{Env, LeptosOptions};
use std::net::SocketAddr;

/// Leptos's options from the `LEPTOS_*` variables that cargo-leptos also sets, with the defaults
/// the release binary needs when started on its own (`make run`, the test script).
pub fn leptos_options() -> Result<LeptosOptions, String> {
    let var = |key: &str, default: &str| std::env::var(key).unwrap_or_else(|_| default.to_string());
    let addr_text = var("LEPTOS_SITE_ADDR", "127.0.0.1:3000");
    let site_addr: SocketAddr = addr_text
        .parse()
        .map_err(|e| format!("LEPTOS_SITE_ADDR={addr_text:?} is not an address: {e}"))?;
    let env = match var("LEPTOS_ENV", "PROD").to_ascii_uppercase().as_str() {
        "DEV" | "DEVELOPMENT" => Env::DEV,
        _ => Env::PROD,
    };
    Ok(LeptosOptions::builder()
        .output_name(var("LEPTOS_OUTPUT_NAME", "smsite"))
        .site_root(var("LEPTOS_SITE_ROOT", "target/site"))
        .site_pkg_dir(var("LEPTOS_SITE_PKG_DIR", "pkg"))
        .site_addr(site_addr)
        .env(env)
        .build())
}
