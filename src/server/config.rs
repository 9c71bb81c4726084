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

/// `hash.txt`, which `cargo leptos build` writes beside the server binary when it gives the
/// site's files hashed names (`hash-files` in Cargo.toml). Without it (the cargo tests' own
/// binaries) the plain names are used. Read through `asset_hashes` only: the shell names the
/// files itself (`app::Stylesheet`, `app::Hydration`), so Leptos's `hash_files` stays off.
pub fn hash_file() -> Option<std::path::PathBuf> {
    let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    path.is_file().then_some(path)
}

/// The hashes of the site's files by kind (`js`, `wasm`, `css`), read once.
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

/// Settings of the application status lookup.
#[derive(Clone, Debug)]
pub struct StatusConfig {
    /// `SMSITE_DATABASE`: the SQLite file (created with its tables if missing).
    pub database: std::path::PathBuf,
    /// `SMSITE_HMAC_SECRET`: the key of the hash of number + date of birth. Production must set
    /// its own; changing it makes every stored application unfindable until re-imported.
    pub secret: String,
    /// `SMSITE_STATUS_LIMIT` lookups per `SMSITE_STATUS_WINDOW` seconds from one client address.
    pub limit: u32,
    pub window_secs: u64,
    /// `SMSITE_DEMO_DATA=0` keeps an empty database empty; by default the demo applications are
    /// loaded into an empty database at start-up.
    pub demo_data: bool,
}

/// The development key, used when `SMSITE_HMAC_SECRET` is not set (a warning is logged).
pub const DEVELOPMENT_SECRET: &str = "smsite-development-secret-not-for-production";

pub fn status_config() -> StatusConfig {
    let var = |key: &str| std::env::var(key).ok().filter(|v| !v.trim().is_empty());
    StatusConfig {
        database: var("SMSITE_DATABASE")
            .unwrap_or_else(|| "data/smsite.sqlite3".into())
            .into(),
        secret: var("SMSITE_HMAC_SECRET").unwrap_or_else(|| DEVELOPMENT_SECRET.into()),
        limit: var("SMSITE_STATUS_LIMIT")
            .and_then(|v| v.parse().ok())
            .unwrap_or(30),
        window_secs: var("SMSITE_STATUS_WINDOW")
            .and_then(|v| v.parse().ok())
            .filter(|w| *w > 0)
            .unwrap_or(60),
        demo_data: var("SMSITE_DEMO_DATA").is_none_or(|v| v != "0"),
    }
}
