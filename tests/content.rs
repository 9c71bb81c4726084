//! The content files: valid as committed, and a broken file fails with a message naming it.
#![cfg(feature = "ssr")]

use smsite::content::store::load;
use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A private copy of the content folder to break.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smsite-content-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(Path::new("content"), &dir);
    dir
}

#[test]
fn committed_content_is_valid() {
    if let Err(errors) = load(Path::new("content")) {
        panic!("content problems:\n{}", errors.join("\n"));
    }
}

/// Loads a copy of the content after `edit` broke it, and returns the problems reported.
fn problems_after(name: &str, edit: impl FnOnce(&Path)) -> Vec<String> {
    let dir = scratch(name);
    edit(&dir);
    let result = load(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result.err().expect("broken content must not load")
}

/// Rewrites one file of the copy.
fn rewrite(dir: &Path, file: &str, change: impl FnOnce(String) -> String) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, change(text)).unwrap();
}

fn assert_named(problems: &[String], file: &str, words: &str) {
    assert!(
        problems
            .iter()
            .any(|e| e.contains(file) && e.contains(words)),
        "expected a problem naming {file} and {words:?}: {problems:#?}"
    );
}

#[test]
fn a_missing_locale_file_is_named() {
    let problems = problems_after("missing", |dir| {
        std::fs::remove_file(dir.join("ru/procedures/work-permit.md")).unwrap()
    });
    assert_named(&problems, "ru/procedures/work-permit.md", "missing");
}

#[test]
fn a_missing_front_matter_field_is_named() {
    let problems = problems_after("field", |dir| {
        rewrite(dir, "en/procedures/registration.md", |text| {
            text.lines()
                .filter(|l| !l.starts_with("audience"))
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    assert_named(&problems, "en/procedures/registration.md", "audience");
}

#[test]
fn a_guide_missing_a_part_is_named() {
    let problems = problems_after("part", |dir| {
        rewrite(dir, "az/procedures/registration.md", |t| {
            t.replace("## Rüsumlar", "## Qiymət")
        })
    });
    assert_named(&problems, "az/procedures/registration.md", "parts");
}

#[test]
fn a_journey_linking_an_unknown_guide_is_named() {
    let problems = problems_after("journey", |dir| {
        rewrite(dir, "en/journeys/first-90-days.toml", |t| {
            t.replacen("\"registration\"", "\"no-such-guide\"", 1)
        })
    });
    assert_named(&problems, "first-90-days.toml", "no-such-guide");
}

#[test]
fn every_locale_file_has_the_same_keys() {
    fn keys(v: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
        if let Some(map) = v.as_object() {
            for (k, v) in map {
                keys(v, &format!("{prefix}{k}."), out);
            }
        } else {
            out.push(prefix.trim_end_matches('.').to_string());
        }
    }
    let read = |l: &str| {
        let text = std::fs::read_to_string(format!("locales/{l}.json")).unwrap();
        let mut out = Vec::new();
        keys(&serde_json::from_str(&text).unwrap(), "", &mut out);
        out.sort();
        out
    };
    let en = read("en");
    for l in ["az", "ru"] {
        assert_eq!(
            read(l),
            en,
            "locales/{l}.json must have exactly the keys of locales/en.json"
        );
    }
}

#[test]
fn search_finds_guides_by_words_of_their_body_in_each_language() {
    let store = load(Path::new("content")).unwrap();
    let en = store.search("en", "stateless");
    assert!(
        en.iter().any(|h| h.href == "/en/procedures/registration"),
        "{en:?}"
    );
    let az = store.search("az", "yasayis icazesi");
    assert!(
        az.iter()
            .any(|h| h.href == "/az/procedures/temporary-residence"),
        "{az:?}"
    );
    assert_eq!(
        store.search("az", "yasayis icazesi"),
        store.search("az", "yaşayış icazəsi")
    );
    let ru = store.search("ru", "регистрация");
    assert!(
        ru.iter().any(|h| h.href == "/ru/procedures/registration"),
        "{ru:?}"
    );
}

#[test]
fn a_broken_flow_names_its_file_and_node() {
    let problems = problems_after("flow", |dir| {
        rewrite(dir, "flows/registration.toml", |t| {
            t.replace("goto = \"arrival\"", "goto = \"arrivl\"")
        })
    });
    assert_named(
        &problems,
        "flows/registration.toml",
        "question `citizenship`: goto `arrivl`",
    );
}

#[test]
fn a_missing_flow_text_names_the_locale_file_and_key() {
    let problems = problems_after("flowtext", |dir| {
        rewrite(dir, "ru/flows.toml", |t| {
            t.lines()
                .filter(|l| !l.starts_with("register_by"))
                .collect::<Vec<_>>()
                .join("\n")
        })
    });
    assert_named(&problems, "ru/flows.toml", "registration.out.register_by");
}

#[test]
fn registration_deadlines_from_the_real_flow() {
    use smsite::dates::Date;
    use smsite::eligibility::engine::{deadlines, walk, Answers, Next};
    let store = load(Path::new("content")).unwrap();
    let flow = store.flow("registration").expect("the registration flow");
    let today = Date::new(2026, 11, 26);
    let cases = [
        ("DE", "2026-11-20", "deadline_15", Date::new(2026, 12, 5)),
        ("kz", "2026-11-20", "deadline_30", Date::new(2026, 12, 20)),
        ("RU", "2026-12-25", "deadline_15", Date::new(2027, 1, 9)),
    ];
    for (country, arrival, outcome, by) in cases {
        let answers: Answers = [("citizenship", country), ("arrival", arrival)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let result = walk(flow, &answers, today, store.countries());
        assert_eq!(
            result.next,
            Next::Outcome(outcome.into()),
            "{country} {arrival}"
        );
        assert_eq!(
            deadlines(flow, outcome, &answers),
            [("registration.out.register_by".to_string(), by)]
        );
    }
}
