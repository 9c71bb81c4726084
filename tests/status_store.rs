//! The status database against a real SQLite file: migrations, imports (a good feed, a bad row
//! that rolls everything back, the same feed twice, new events appended) and lookups.
#![cfg(feature = "ssr")]

use smsite::dates::Date;
use smsite::server::feed::parse;
use smsite::server::status_store::StatusStore;
use smsite::status::number::{ApplicationNumber, Procedure};
use smsite::status::reply::{Note, Status};
use std::path::PathBuf;

fn temp_db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smsite-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("nested").join("status.sqlite3")
}

fn number(p: Procedure, serial: u32) -> String {
    ApplicationNumber::new(p, 2026, serial).display()
}

const HEADER: &str = "number,date_of_birth,procedure,submitted,date,status,note\n";

fn feed() -> String {
    let tr = number(Procedure::TemporaryResidence, 1);
    let wp = number(Procedure::WorkPermit, 2);
    format!(
        "{HEADER}{tr},1990-04-12,temporary_residence,2026-10-01,2026-10-01,received,\n\
         {tr},1990-04-12,temporary_residence,2026-10-01,2026-10-05,action_needed,passport_copy\n\
         {wp},1985-01-31,work_permit,2026-09-01,2026-09-01,received,\n"
    )
}

async fn open(name: &str) -> StatusStore {
    StatusStore::open(&temp_db(name), b"test secret")
        .await
        .expect("open")
}

#[tokio::test]
async fn migrations_create_the_file_and_its_tables() {
    let path = temp_db("migrate");
    let store = StatusStore::open(&path, b"k").await.unwrap();
    assert!(path.exists());
    assert_eq!(store.count().await.unwrap(), 0);
    assert!(store.ping().await);
    // Opening again runs no migration twice.
    let again = StatusStore::open(&path, b"k").await.unwrap();
    assert_eq!(again.count().await.unwrap(), 0);
}

#[tokio::test]
async fn a_good_feed_imports_and_lookups_need_the_right_date_of_birth() {
    let store = open("good").await;
    let report = store.import(&parse(&feed()).unwrap()).await.unwrap();
    assert_eq!(
        (report.rows, report.new_applications, report.new_events),
        (3, 2, 3)
    );
    let tr = ApplicationNumber::parse(&number(Procedure::TemporaryResidence, 1)).unwrap();
    let found = store
        .lookup(&tr, Date::new(1990, 4, 12))
        .await
        .unwrap()
        .expect("found");
    assert_eq!(found.procedure, Procedure::TemporaryResidence);
    assert_eq!(found.submitted, Date::new(2026, 10, 1));
    let statuses: Vec<Status> = found.timeline.iter().map(|e| e.status).collect();
    assert_eq!(statuses, [Status::Received, Status::ActionNeeded]);
    assert_eq!(found.timeline[1].note, Some(Note::PassportCopy));
    // A wrong date of birth and an unknown number look the same.
    assert_eq!(
        store.lookup(&tr, Date::new(1990, 4, 13)).await.unwrap(),
        None
    );
    let unknown = ApplicationNumber::new(Procedure::TemporaryResidence, 2026, 999);
    assert_eq!(
        store
            .lookup(&unknown, Date::new(1990, 4, 12))
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn the_same_feed_twice_changes_nothing_and_new_events_are_appended() {
    let store = open("twice").await;
    let rows = parse(&feed()).unwrap();
    store.import(&rows).await.unwrap();
    let report = store.import(&rows).await.unwrap();
    assert_eq!((report.new_applications, report.new_events), (0, 0));
    assert_eq!(store.count().await.unwrap(), 2);
    let tr = number(Procedure::TemporaryResidence, 1);
    let next = format!(
        "{HEADER}{tr},1990-04-12,temporary_residence,2026-10-01,2026-10-09,under_review,\n"
    );
    let report = store.import(&parse(&next).unwrap()).await.unwrap();
    assert_eq!((report.new_applications, report.new_events), (0, 1));
    let found = store
        .lookup(
            &ApplicationNumber::parse(&tr).unwrap(),
            Date::new(1990, 4, 12),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.timeline.last().unwrap().status, Status::UnderReview);
    assert_eq!(found.timeline.len(), 3);
}

#[tokio::test]
async fn a_bad_row_refuses_the_whole_feed_with_its_line() {
    let store = open("bad").await;
    let tr = number(Procedure::TemporaryResidence, 1);
    let cases = [
        (format!("{}{tr},1990-04-12,temporary_residence,2026-10-01,2026-10-02,lost,\n", feed()), 5, "status"),
        (format!("{}TR-2026-000001-Q,1990-04-12,temporary_residence,2026-10-01,2026-10-02,received,\n", feed()), 5, "number"),
        (format!("{}{tr},1990-02-30,temporary_residence,2026-10-01,2026-10-02,received,\n", feed()), 5, "date_of_birth"),
        (format!("{}{tr},1990-04-12,work_permit,2026-10-01,2026-10-02,received,\n", feed()), 5, "procedure"),
        (format!("{}{tr},1990-04-12,temporary_residence,2026-10-01,2026-09-02,received,\n", feed()), 5, "before the submission"),
        (format!("{}{tr},1990-04-12,temporary_residence,2026-10-01,2026-10-02,received,nonsense\n", feed()), 5, "note"),
    ];
    for (text, line, words) in &cases {
        let error = parse(text).expect_err(words);
        assert_eq!(error.line, *line, "{words}: {error}");
        assert!(error.to_string().contains(words), "{error}");
        // Messages go to logs: they never repeat a number or a date of birth.
        for personal in ["TR-2026-000001-Q", "1990-02-30", "1990-04-12"] {
            assert!(!error.to_string().contains(personal), "{error}");
        }
    }
    // A row that contradicts the database (another date of birth) fails in the transaction:
    // the rows before it are not kept either.
    let contradicting = format!(
        "{}{},1970-01-01,work_permit,2026-09-01,2026-09-03,under_review,\n",
        feed(),
        number(Procedure::WorkPermit, 2)
    );
    let rows = parse(&contradicting).unwrap();
    let error = store.import(&rows).await.expect_err("refused");
    assert_eq!(error.line, 5);
    assert!(error.reason.contains("date of birth"), "{error}");
    assert_eq!(store.count().await.unwrap(), 0, "nothing was imported");
}

#[tokio::test]
async fn json_feeds_import_like_csv_and_name_the_line() {
    let store = open("json").await;
    let tr = number(Procedure::TemporaryResidence, 7);
    let json = format!(
        "[\n  {{\"number\": \"{tr}\", \"date_of_birth\": \"1990-04-12\", \"procedure\": \"temporary_residence\",\n   \"submitted\": \"2026-10-01\", \"date\": \"2026-10-01\", \"status\": \"received\"}},\n  {{\"number\": \"{tr}\", \"date_of_birth\": \"1990-04-12\", \"procedure\": \"temporary_residence\", \"submitted\": \"2026-10-01\", \"date\": \"2026-10-03\", \"status\": \"approved\", \"note\": null}}\n]\n"
    );
    let report = store.import(&parse(&json).unwrap()).await.unwrap();
    assert_eq!((report.new_applications, report.new_events), (1, 2));
    let bad = json.replace("\"approved\"", "\"maybe\"");
    let error = parse(&bad).unwrap_err();
    assert_eq!(error.line, 4, "{error}");
}

/// `smsite import FILE`: the subcommand the case system's feed goes through.
#[test]
fn the_import_subcommand_loads_a_feed_and_refuses_a_bad_one() {
    let db = temp_db("cli");
    let dir = db.parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("feed.csv");
    std::fs::write(&good, feed()).unwrap();
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_smsite"))
            .arg("import")
            .arg(file)
            .env("SMSITE_DATABASE", &db)
            .env(
                "SMSITE_CONTENT_DIR",
                concat!(env!("CARGO_MANIFEST_DIR"), "/content"),
            )
            .env("RUST_LOG", "info")
            .output()
            .expect("run smsite")
    };
    let out = run(&good);
    let log =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("new_applications=2"), "{log}");
    assert!(
        !log.contains("1990-04-12"),
        "no date of birth in the log: {log}"
    );
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        format!(
            "{}{},1990-04-12,temporary_residence,2026-10-01,2026-10-02,lost,\n",
            feed(),
            number(Procedure::TemporaryResidence, 1)
        ),
    )
    .unwrap();
    let out = run(&bad);
    let log =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{log}");
    assert!(
        log.contains("line 5") && log.contains("nothing was imported"),
        "{log}"
    );
}

/// With a database that cannot be opened the site still serves its guides; the lookup and
/// `/readyz` answer 503.
#[test]
fn an_unreadable_database_leaves_the_guides_up() {
    use std::io::{Read, Write};
    let port = 3000 + (std::process::id() % 2000) as u16 + 17;
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_smsite"))
        .env("SMSITE_DATABASE", "/proc/no-such-folder/status.sqlite3")
        .env(
            "SMSITE_CONTENT_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/content"),
        )
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start smsite");
    let request = |method: &str, path: &str, body: &str| -> Option<String> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
        let text = format!(
            "{method} {path} HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(text.as_bytes()).ok()?;
        let mut out = String::new();
        stream.read_to_string(&mut out).ok()?;
        Some(out)
    };
    let mut up = false;
    for _ in 0..100 {
        if request("GET", "/healthz", "").is_some() {
            up = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let guide = request("GET", "/en/procedures/registration", "");
    let ready = request("GET", "/readyz", "");
    let lookup = request(
        "POST",
        "/api/v1/applications/status",
        r#"{"number":"TR-2026-900001-I","date_of_birth":"1990-04-12"}"#,
    );
    let _ = server.kill();
    let _ = server.wait();
    assert!(up, "the server did not start");
    assert!(guide.unwrap_or_default().starts_with("HTTP/1.0 200"));
    assert!(ready.unwrap_or_default().starts_with("HTTP/1.0 503"));
    assert!(lookup.unwrap_or_default().starts_with("HTTP/1.0 503"));
}
