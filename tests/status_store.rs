//! The status database on SQLite and (in the test command) PostgreSQL: migrations, the key check,
//! imports (a good feed, a bad row that rolls everything back, the same feed twice, new events
//! appended) and lookups; and `smsite import` as a command.
#![cfg(feature = "ssr")]

mod common;

use smsite::dates::Date;
use smsite::server::config::Database;
use smsite::server::db::{Store, StoreError};
use smsite::server::feed::parse;
use smsite::status::number::{ApplicationNumber, Procedure};
use smsite::status::reply::{Note, Status};

fn temp_db(name: &str) -> std::path::PathBuf {
    common::scratch(&format!("store-{name}"))
        .join("nested")
        .join("status.sqlite3")
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

/// A new, migrated store on each backend.
async fn stores(name: &str) -> Vec<(&'static str, Store)> {
    let mut out = Vec::new();
    for (backend, database) in common::databases(&format!("store-{name}")).await {
        out.push((
            backend,
            Store::open(&database, b"test secret").await.expect("open"),
        ));
    }
    out
}

#[tokio::test]
async fn migrations_create_the_tables_once() {
    let path = temp_db("migrate");
    let store = Store::open(&Database::Sqlite(path.clone()), b"k")
        .await
        .unwrap();
    assert!(path.exists());
    assert_eq!(store.count().await.unwrap(), 0);
    for (backend, database) in common::databases("store-migrate-both").await {
        let store = Store::open(&database, b"k").await.unwrap();
        assert_eq!(store.count().await.unwrap(), 0, "{backend}");
        assert!(store.ping().await);
        // Opening again runs no migration twice.
        let again = Store::open(&database, b"k").await.unwrap();
        assert_eq!(again.count().await.unwrap(), 0);
    }
}

#[tokio::test]
async fn a_database_filled_with_another_key_is_refused() {
    for (backend, database) in common::databases("store-key").await {
        let store = Store::open(&database, b"first key").await.unwrap();
        store.import(&parse(&feed()).unwrap()).await.unwrap();
        match Store::open(&database, b"second key").await {
            Err(e @ StoreError::KeyMismatch { .. }) => {
                assert!(e.to_string().contains("SMSITE_HMAC_SECRET"), "{e}")
            }
            Err(e) => panic!("{backend}: {e}"),
            Ok(_) => panic!("{backend}: another key was accepted"),
        }
        // The first key still works.
        assert!(Store::open(&database, b"first key").await.is_ok());
    }
}

#[tokio::test]
async fn a_good_feed_imports_and_lookups_need_the_right_date_of_birth() {
    for (backend, store) in stores("good").await {
        let _ = backend;
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
}

#[tokio::test]
async fn the_same_feed_twice_changes_nothing_and_new_events_are_appended() {
    for (backend, store) in stores("twice").await {
        let _ = backend;
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
}

#[tokio::test]
async fn a_bad_row_refuses_the_whole_feed_with_its_line() {
    for (backend, store) in stores("bad").await {
        let _ = backend;
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
}

#[tokio::test]
async fn json_feeds_import_like_csv_and_name_the_line() {
    for (backend, store) in stores("json").await {
        let _ = backend;
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
}

/// `smsite import FILE`: the subcommand the case system's feed goes through.
#[test]
fn the_import_subcommand_loads_a_feed_and_refuses_a_bad_one_or_another_key() {
    let db = temp_db("cli");
    let dir = db.parent().unwrap().to_path_buf();
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("feed.csv");
    std::fs::write(&good, feed()).unwrap();
    let db_text = db.display().to_string();
    let run = |file: &std::path::Path, key: &str| {
        common::run(
            &["import", file.to_str().unwrap()],
            &[
                ("SMSITE_DATABASE", &db_text),
                ("SMSITE_HMAC_SECRET", key),
                ("RUST_LOG", "info"),
            ],
        )
    };
    let (ok, log) = run(&good, "key one");
    assert!(ok, "{log}");
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
    let (ok, log) = run(&bad, "key one");
    assert!(!ok, "{log}");
    assert!(
        log.contains("line 5") && log.contains("nothing was imported"),
        "{log}"
    );
    // Another key would write rows nobody can find: refused, saying why.
    let (ok, log) = run(&good, "key two");
    assert!(!ok, "{log}");
    assert!(
        log.contains("SMSITE_HMAC_SECRET is not the key") && log.contains("nothing was imported"),
        "{log}"
    );
}

/// With a database that cannot be opened the site still serves its guides; the lookup and
/// `/readyz` answer 503, the lookup with Retry-After.
#[test]
fn an_unreadable_database_leaves_the_guides_up() {
    let server = common::Server::start(
        17,
        &[("SMSITE_DATABASE", "/proc/no-such-folder/status.sqlite3")],
    )
    .expect("the server starts without its database");
    let guide = server
        .send("GET", "/en/procedures/registration", "")
        .unwrap_or_default();
    let ready = server.send("GET", "/readyz", "").unwrap_or_default();
    let lookup = server
        .send(
            "POST",
            "/api/v1/applications/status",
            r#"{"number":"TR-2026-900001-I","date_of_birth":"1990-04-12"}"#,
        )
        .unwrap_or_default();
    assert!(guide.starts_with("HTTP/1.0 200"), "{guide:.300}");
    assert!(ready.starts_with("HTTP/1.0 503"), "{ready}");
    assert!(lookup.starts_with("HTTP/1.0 503"), "{lookup}");
    assert!(
        lookup.to_ascii_lowercase().contains("retry-after: 30"),
        "{lookup}"
    );
}
