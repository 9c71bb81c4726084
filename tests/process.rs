//! The release server as a process, as it runs in production: graceful shutdown on SIGTERM and
//! the hashed, pre-compressed site files. Needs the site built first (`cargo leptos build
//! --release --precompress`, as the test command does).
#![cfg(feature = "ssr")]

mod common;

use common::Server;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Requests still arriving when SIGTERM comes (slow uploads of a status lookup, body half sent)
/// are all answered in full; new connections are refused; the process then exits cleanly.
#[test]
fn sigterm_finishes_the_requests_in_flight() {
    let mut server = Server::start(31, &[]).expect("start");
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
    let server = Server::start(32, &[]).expect("start");
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

/// A client that sends its headers slowly (a byte at a time, never finishing) is cut off within
/// the header timeout, while a normal request on another connection is answered.
#[test]
fn a_slow_header_connection_is_closed_within_the_header_timeout() {
    let server = Server::start(33, &[("SMSITE_HEADER_TIMEOUT", "2")]).expect("start");
    let mut slow = server.connect().expect("connect");
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let start = Instant::now();
    slow.write_all(b"GET /en/ HTTP/1.1\r\nHost: localhost\r\n")
        .unwrap();
    let mut closed = false;
    while start.elapsed() < Duration::from_secs(8) {
        if slow.write_all(b"X-Slow: a\r\n").is_err() {
            closed = true;
            break;
        }
        let ok = server
            .request("GET /healthz HTTP/1.0\r\n\r\n")
            .unwrap_or_default();
        assert!(ok.starts_with("HTTP/1.0 200"), "{ok}");
        let mut byte = [0u8; 1];
        slow.set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        match slow.read(&mut byte) {
            // Closed (0 bytes), or a 408 answer before closing.
            Ok(_) => {
                closed = true;
                break;
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                closed = true;
                break;
            }
        }
    }
    let took = start.elapsed();
    assert!(closed, "the slow connection was still open after {took:?}");
    assert!(took < Duration::from_secs(5), "closed only after {took:?}");
}

/// `SMSITE_ENV=production` refuses the development key and the demo data, in one line each.
#[test]
fn production_refuses_the_development_key_and_demo_data() {
    let (ok, log) = common::run(&[], &[("SMSITE_ENV", "production")]);
    assert!(!ok);
    assert!(log.contains("SMSITE_HMAC_SECRET"), "{log}");
    let (ok, log) = common::run(
        &[],
        &[
            ("SMSITE_ENV", "production"),
            ("SMSITE_HMAC_SECRET", "a real key"),
        ],
    );
    assert!(!ok);
    assert!(log.contains("SMSITE_DEMO_DATA=0"), "{log}");
}

/// `SMSITE_METRICS_ADDR`: the metrics on a listener of their own, in Prometheus's text format;
/// the site's port does not serve them.
#[test]
fn metrics_are_served_on_their_own_address_only() {
    let metrics_port = common::port(40);
    let addr = format!("127.0.0.1:{metrics_port}");
    let server = Server::start(34, &[("SMSITE_METRICS_ADDR", &addr)]).expect("start");
    let page = server.send("GET", "/en/", "").unwrap_or_default();
    assert!(page.starts_with("HTTP/1.0 200"));
    let on_site = server.send("GET", "/metrics", "").unwrap_or_default();
    assert!(on_site.starts_with("HTTP/1.0 404"), "{on_site:.200}");
    let mut stream = TcpStream::connect(&addr).expect("the metrics listener");
    stream
        .write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    assert!(text.starts_with("HTTP/1.0 200"), "{text:.200}");
    assert!(
        text.contains("smsite_http_requests_total{route=\"/{lang}")
            && text.contains("status=\"200\"} 1"),
        "{text}"
    );
}
