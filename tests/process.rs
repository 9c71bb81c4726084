//! The release server as a process, as it runs in production: graceful shutdown on SIGTERM and
//! the hashed, pre-compressed site files. Needs the site built first (`cargo leptos build
//! --release --precompress`, as the test command does).
#![cfg(feature = "ssr")]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(port: u16) -> Server {
        let dir =
            std::env::temp_dir().join(format!("smsite-process-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_smsite"))
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
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start smsite");
        let server = Server { child, port };
        for _ in 0..100 {
            if server.request("GET /healthz HTTP/1.0\r\n\r\n").is_some() {
                return server;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the server did not start on port {port}");
    }

    fn connect(&self) -> Option<TcpStream> {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .ok()?;
        Some(stream)
    }

    /// One whole request written at once; the whole response (the server closes after it).
    fn request(&self, text: &str) -> Option<String> {
        let mut stream = self.connect()?;
        stream.write_all(text.as_bytes()).ok()?;
        let mut out = Vec::new();
        stream.read_to_end(&mut out).ok()?;
        Some(String::from_utf8_lossy(&out).into_owned())
    }

    fn terminate(&self) {
        let ok = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill")
            .success();
        assert!(ok, "could not send SIGTERM");
    }

    /// Waits for the process to exit by itself; kills it after `limit`.
    fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
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

fn port(offset: u16) -> u16 {
    4000 + (std::process::id() % 2000) as u16 + offset
}

/// Requests still arriving when SIGTERM comes (slow uploads of a status lookup, body half sent)
/// are all answered in full; new connections are refused; the process then exits cleanly.
#[test]
fn sigterm_finishes_the_requests_in_flight() {
    let mut server = Server::start(port(31));
    let body = r#"{"number":"EX-2026-900008-A","date_of_birth":"1999-03-15"}"#;
    let (first, rest) = body.split_at(20);
    let mut slow: Vec<TcpStream> = (0..6)
        .map(|_| {
            let mut s = server.connect().expect("connect");
            let head = format!(
                "POST /api/v1/applications/status HTTP/1.1\r\nHost: localhost\r\n\
                 Content-Type: application/json\r\nConnection: close\r\n\
                 Content-Length: {}\r\n\r\n{first}",
                body.len()
            );
            s.write_all(head.as_bytes()).unwrap();
            s
        })
        .collect();
    // Let the server read the heads: the requests are now in its hands.
    std::thread::sleep(Duration::from_millis(500));
    server.terminate();
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server exited with requests in flight"
    );
    assert!(
        server.connect().is_none(),
        "a new connection was accepted after SIGTERM"
    );
    let answers: Vec<String> = slow
        .iter_mut()
        .map(|s| {
            s.write_all(rest.as_bytes()).unwrap();
            let mut out = Vec::new();
            let _ = s.read_to_end(&mut out);
            String::from_utf8_lossy(&out).into_owned()
        })
        .collect();
    for a in &answers {
        assert!(a.starts_with("HTTP/1.1 200"), "{a}");
        assert!(a.contains("\"approved\""), "{a}");
    }
    let status = server
        .wait_exit(Duration::from_secs(10))
        .expect("the server did not exit after its requests were done");
    assert!(status.success(), "exit status {status}");
}

/// The page names the site's files by their hash; they are sent pre-compressed and kept for a
/// year, while the page itself is revalidated after a minute.
#[test]
fn site_files_are_hashed_compressed_and_immutable() {
    let hash_file = std::path::Path::new(env!("CARGO_BIN_EXE_smsite")).with_file_name("hash.txt");
    assert!(
        hash_file.is_file(),
        "{} is missing: build with `cargo leptos build --release --precompress` first",
        hash_file.display()
    );
    let server = Server::start(port(32));
    let page = server
        .request("GET /en/ HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .unwrap();
    assert!(page.starts_with("HTTP/1.0 200"), "{page}");
    assert!(page.contains("cache-control: private, max-age=60"));
    assert!(page.contains("\r\netag: \""));
    let files: Vec<&str> = ["css", "js", "wasm"]
        .iter()
        .map(|ext| {
            let end = format!(".{ext}\"");
            page.match_indices(&end)
                .map(|(at, _)| &page[page[..at].rfind("/pkg/").unwrap()..at + ext.len() + 1])
                .find(|file| file.starts_with("/pkg/smsite."))
                .unwrap_or_else(|| panic!("no smsite .{ext} file"))
        })
        .collect();
    for file in files {
        let name = file.trim_start_matches("/pkg/smsite.");
        assert!(name.len() > 10, "{file} has no hash in its name");
        let response = server
            .request(&format!(
                "GET {file} HTTP/1.0\r\nHost: localhost\r\nAccept-Encoding: gzip, br\r\n\r\n"
            ))
            .unwrap();
        let head = &response[..response.find("\r\n\r\n").unwrap()];
        assert!(head.starts_with("HTTP/1.0 200"), "{file}: {head}");
        assert!(
            head.contains("cache-control: public, max-age=31536000, immutable"),
            "{file}: {head}"
        );
        assert!(head.contains("content-encoding: br"), "{file}: {head}");
    }
}
