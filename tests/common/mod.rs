//! The one harness of the integration tests: configurations, databases (a fresh SQLite file, and a
//! fresh PostgreSQL database when the test command started one: `SMSITE_TEST_POSTGRES`), the app
//! built as `main` builds it, requests, and the server as a process.
#![allow(dead_code)] // Each test binary uses a part.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use smsite::server::config::{Config, Database};
use smsite::server::state::AppState;
use std::net::SocketAddr;
use std::path::PathBuf;
use tower::ServiceExt;

/// Runs a test on the binary's one runtime. Apps shared by several tests need it: a PostgreSQL
/// connection belongs to the runtime that opened it, and each `#[tokio::test]` has its own, shut
/// down when that test ends.
pub fn block_on<F: std::future::Future>(test: F) -> F::Output {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("a runtime")
        })
        .block_on(test)
}

/// A configuration from the defaults and `vars`, as `main` reads it from the environment.
pub fn config(vars: &[(&str, &str)]) -> Config {
    Config::from_vars(|key| {
        vars.iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.to_string())
    })
    .expect("test configuration")
}

/// A folder of its own for `name` in this test run.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smsite-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The backends under test: a new SQLite file always; a new PostgreSQL database when
/// `SMSITE_TEST_POSTGRES` names a server (the test command sets it).
pub async fn databases(name: &str) -> Vec<(&'static str, Database)> {
    let mut all = vec![(
        "sqlite",
        Database::Sqlite(scratch(name).join("nested").join("status.sqlite3")),
    )];
    if let Some(url) = postgres_url(name).await {
        all.push(("postgres", Database::Postgres(url)));
    }
    all
}

/// A fresh database `t_<name>_<pid>` on the test server, if there is one.
pub async fn postgres_url(name: &str) -> Option<String> {
    use sqlx::Connection;
    let admin = std::env::var("SMSITE_TEST_POSTGRES").ok()?;
    let db = format!("t_{}_{}", name.replace('-', "_"), std::process::id());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("SMSITE_TEST_POSTGRES does not answer");
    sqlx::query(&format!("DROP DATABASE IF EXISTS {db}"))
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {db}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
    Some(format!("{base}/{db}"))
}

/// One app as the server runs it: state from `config`, database ready, demo data loaded.
pub struct TestApp {
    pub backend: &'static str,
    pub state: AppState,
    pub router: axum::Router,
}

pub async fn app(backend: &'static str, config: Config) -> TestApp {
    let _ = any_spawner::Executor::init_tokio();
    smsite::content::store::init().expect("content");
    let state = AppState::new(config).expect("state");
    state.store.ready().await.expect("database ready");
    smsite::server::demo_data::load_if_empty(&state.store, smsite::server::api::today_in_baku())
        .await
        .expect("demo data");
    let router = smsite::server::app_router(state.clone());
    TestApp {
        backend,
        state,
        router,
    }
}

/// An app on each backend, with `vars` on top of the defaults.
pub async fn apps(name: &str, vars: &[(&str, &str)]) -> Vec<TestApp> {
    let mut out = Vec::new();
    for (backend, database) in databases(name).await {
        let location = match &database {
            Database::Sqlite(p) => p.display().to_string(),
            Database::Postgres(url) => url.clone(),
        };
        let mut all = vars.to_vec();
        all.push(("SMSITE_DATABASE", &location));
        out.push(app(backend, config(&all)).await);
    }
    out
}

/// The app without a database of interest (pages, the eligibility API): SQLite in a scratch
/// folder, built once per test binary (building Leptos's route list while other tests render
/// makes those renders wait).
pub fn site() -> axum::Router {
    static SITE: std::sync::OnceLock<axum::Router> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        smsite::content::store::init().expect("content");
        let db = scratch("site").join("status.sqlite3");
        let state =
            AppState::new(config(&[("SMSITE_DATABASE", db.to_str().unwrap())])).expect("state");
        smsite::server::app_router(state)
    })
    .clone()
}

/// A request's answer, whole.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// Sends `request` as if from `client` (an IP address).
pub async fn send(router: &axum::Router, client: &str, mut request: Request<Body>) -> Answer {
    let _ = any_spawner::Executor::init_tokio();
    let addr: SocketAddr = SocketAddr::new(client.parse().expect("an IP address"), 40000);
    request.extensions_mut().insert(ConnectInfo(addr));
    let response = router.clone().oneshot(request).await.expect("infallible");
    let (parts, body) = response.into_parts();
    Answer {
        status: parts.status,
        headers: parts.headers,
        body: body.collect().await.unwrap().to_bytes().to_vec(),
    }
}

/// `POST path` with a JSON body.
pub fn post_json(path: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header("content-type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// A status lookup through the JSON API.
pub async fn lookup(router: &axum::Router, client: &str, number: &str, dob: &str) -> Answer {
    let body = serde_json::json!({ "number": number, "date_of_birth": dob }).to_string();
    send(
        router,
        client,
        post_json("/api/v1/applications/status", &body),
    )
    .await
}

/// The release server as a process (`CARGO_BIN_EXE_smsite`), on its own port.
pub struct Server {
    pub child: std::process::Child,
    pub port: u16,
    pub log: PathBuf,
}

/// A port for `offset` in this test run (tests run at once in several binaries).
pub fn port(offset: u16) -> u16 {
    4000 + (std::process::id() % 2000) as u16 + offset
}

impl Server {
    /// Starts with `vars` (plus a scratch database and the repository's content and site files)
    /// and waits until it answers `/healthz`. None if it exited (see `log`).
    pub fn start(offset: u16, vars: &[(&str, &str)]) -> Result<Server, String> {
        let port = port(offset);
        let dir = scratch(&format!("process-{port}"));
        let log = dir.join("server.log");
        let out = std::fs::File::create(&log).unwrap();
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_smsite"));
        command
            .env("SMSITE_DATABASE", dir.join("status.sqlite3"))
            .env("SMSITE_STATUS_LIMIT", "1000")
            .env(
                "SMSITE_CONTENT_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/content"),
            )
            .env(
                "LEPTOS_SITE_ROOT",
                concat!(env!("CARGO_MANIFEST_DIR"), "/target/site"),
            )
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .stdout(out.try_clone().unwrap())
            .stderr(out);
        for (k, v) in vars {
            command.env(k, v);
        }
        let child = command.spawn().expect("start smsite");
        let mut server = Server { child, port, log };
        for _ in 0..150 {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!("exited ({status}): {}", server.log_text()));
            }
            if server.request("GET /healthz HTTP/1.0\r\n\r\n").is_some() {
                return Ok(server);
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Err(format!("did not start: {}", server.log_text()))
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn connect(&self) -> Option<std::net::TcpStream> {
        let stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .ok()?;
        Some(stream)
    }

    /// One whole request written at once; the whole response (the server closes after it).
    pub fn request(&self, text: &str) -> Option<String> {
        use std::io::{Read, Write};
        let mut stream = self.connect()?;
        stream.write_all(text.as_bytes()).ok()?;
        let mut out = Vec::new();
        stream.read_to_end(&mut out).ok()?;
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    /// `method path` over HTTP/1.0 with a JSON body.
    pub fn send(&self, method: &str, path: &str, body: &str) -> Option<String> {
        self.request(&format!(
            "{method} {path} HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ))
    }

    pub fn terminate(&self) {
        let ok = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill")
            .success();
        assert!(ok, "could not send SIGTERM");
    }

    /// Waits for the process to exit by itself; None after `limit`.
    pub fn wait_exit(&mut self, limit: std::time::Duration) -> Option<std::process::ExitStatus> {
        let start = std::time::Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the server binary once with `args` and `vars`; its exit success and its output.
pub fn run(args: &[&str], vars: &[(&str, &str)]) -> (bool, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_smsite"));
    command.args(args).env(
        "SMSITE_CONTENT_DIR",
        concat!(env!("CARGO_MANIFEST_DIR"), "/content"),
    );
    for (k, v) in vars {
        command.env(k, v);
    }
    let out = command.output().expect("run smsite");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}
