//! `GET /sw.js`: the service worker (src/islands/sw.js), with this build's facts in front of it:
//! its id, the files every page needs and the files the checker needs offline. Built once, when
//! the state is (the files of a build do not change while it runs).
use super::caching::not_modified;
use super::config::asset_path;
use super::nav_script;
use super::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::config::LeptosOptions;
use sha2::{Digest, Sha256};

const TEXT: &str = include_str!("../islands/sw.js");

/// The worker may fetch from the site and run nothing else.
pub const POLICY: &str = "default-src 'none'; connect-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

/// The split parts (src/islands) the checker's offline page hydrates: its own island, the
/// question form and the country box.
const CHECKER_ISLANDS: [&str; 3] = [
    "offline_checker_loader",
    "checker_form_loader",
    "country_select_loader",
];

pub struct WorkerScript {
    pub text: String,
    /// A strong ETag: a hash of the text.
    pub etag: String,
}

impl WorkerScript {
    pub fn new(options: &LeptosOptions) -> WorkerScript {
        let shell = vec![
            asset_path(options, "css"),
            nav_script::PATH.to_string(),
            "/favicon.svg".to_string(),
        ];
        let pkg =
            std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
        let mut checker = vec![asset_path(options, "js"), asset_path(options, "wasm")];
        checker.extend(split_files(&pkg, &CHECKER_ISLANDS));
        let others = other_files(&pkg, &shell, &checker);
        // The build is what its pages name: a new stylesheet, script or wasm is a new worker.
        let id = super::hex(&Sha256::digest(format!("{shell:?}{checker:?}").as_bytes())[..8]);
        let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
        let text = format!(
            "const BUILD = \"{id}\";\nconst SHELL = {};\nconst CHECKER = {};\nconst OTHERS = {};\n\n{TEXT}",
            json(&shell),
            json(&checker),
            json(&others)
        );
        let etag = format!("\"{}\"", super::hex(&Sha256::digest(text.as_bytes())[..12]));
        WorkerScript { text, etag }
    }
}

/// The build's other hashed files (the other islands' parts): a new worker keeps those an older
/// build already fetched under the same name instead of dropping them with its cache.
fn other_files(pkg: &std::path::Path, shell: &[String], checker: &[String]) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(pkg) else {
        return Vec::new();
    };
    let mut files: Vec<String> = dir
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".wasm") || n.ends_with(".js"))
        .map(|n| format!("/pkg/{n}"))
        .filter(|p| super::caching::is_hashed_asset(p))
        .filter(|p| !shell.contains(p) && !checker.contains(p))
        .collect();
    files.sort();
    files
}

/// The addresses of the split wasm parts these islands load (cargo leptos `--split`): the
/// split loader, its chunks, and the glue that loads them. None without a split build.
fn split_files(pkg: &std::path::Path, islands: &[&str]) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(pkg) else {
        return Vec::new();
    };
    let names: Vec<String> = dir
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| !n.ends_with(".br") && !n.ends_with(".gz"))
        .collect();
    let Some(manifest) = names
        .iter()
        .find(|n| n.starts_with("__wasm_split_manifest.") && n.ends_with(".json"))
        .and_then(|n| std::fs::read_to_string(pkg.join(n)).ok())
        .and_then(|t| {
            serde_json::from_str::<std::collections::BTreeMap<String, Vec<String>>>(&t).ok()
        })
    else {
        return Vec::new();
    };
    let mut files = std::collections::BTreeSet::new();
    for (loader, chunks) in &manifest {
        if !islands.iter().any(|i| loader.starts_with(i)) {
            continue;
        }
        let prefix = format!("split_{loader}.");
        files.extend(names.iter().filter(|n| n.starts_with(&prefix)).cloned());
        files.extend(chunks.iter().map(|c| format!("{c}.wasm")));
    }
    if !files.is_empty() {
        files.extend(
            names
                .iter()
                .filter(|n| n.starts_with("__wasm_split.") && n.ends_with(".js"))
                .cloned(),
        );
    }
    files.into_iter().map(|n| format!("/pkg/{n}")).collect()
}

pub async fn serve(State(state): State<AppState>, request: HeaderMap) -> Response {
    let worker = &state.worker;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    // Asked again on every check for an update: a new build is seen at once.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(
        header::HeaderName::from_static("service-worker-allowed"),
        HeaderValue::from_static("/"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    if let Ok(etag) = HeaderValue::from_str(&worker.etag) {
        headers.insert(header::ETAG, etag);
    }
    if not_modified(&request, &worker.etag) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    (headers, worker.text.clone()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_gets_its_islands_parts_and_the_glue_that_loads_them() {
        let dir = std::env::temp_dir().join(format!("smsite-split-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        for name in [
            "__wasm_split.AAAA.js",
            "__wasm_split_manifest.BBBB.json",
            "split_checker_form_loader_1.CCCC.wasm",
            "split_checker_form_loader_1.CCCC.wasm.br",
            "split_status_lookup_loader_2.DDDD.wasm",
            "chunk_8.EEEE.wasm",
            "chunk_9.FFFF.wasm",
        ] {
            std::fs::write(dir.join(name), "").expect("file");
        }
        std::fs::write(
            dir.join("__wasm_split_manifest.BBBB.json"),
            r#"{"checker_form_loader_1":["chunk_8.EEEE"],"status_lookup_loader_2":["chunk_9.FFFF"]}"#,
        )
        .expect("manifest");
        let files = split_files(&dir, &CHECKER_ISLANDS);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(
            files,
            [
                "/pkg/__wasm_split.AAAA.js",
                "/pkg/chunk_8.EEEE.wasm",
                "/pkg/split_checker_form_loader_1.CCCC.wasm",
            ]
        );
    }
}
