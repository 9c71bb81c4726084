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

#[test]
fn a_missing_locale_file_is_named() {
    let dir = scratch("missing");
    std::fs::remove_file(dir.join("ru/procedures/work-permit.md")).unwrap();
    let errors = load(&dir).err().expect("must fail");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("ru/procedures/work-permit.md") && e.contains("missing")),
        "{errors:#?}"
    );
}

#[test]
fn a_missing_front_matter_field_is_named() {
    let dir = scratch("field");
    let path = dir.join("en/procedures/registration.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken: String = text
        .lines()
        .filter(|l| !l.starts_with("audience"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&path, broken).unwrap();
    let errors = load(&dir).err().expect("must fail");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("en/procedures/registration.md") && e.contains("audience")),
        "{errors:#?}"
    );
}

#[test]
fn a_guide_missing_a_part_is_named() {
    let dir = scratch("part");
    let path = dir.join("az/procedures/registration.md");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("## Rüsumlar", "## Qiymət");
    std::fs::write(&path, text).unwrap();
    let errors = load(&dir).err().expect("must fail");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("az/procedures/registration.md") && e.contains("parts")),
        "{errors:#?}"
    );
}

#[test]
fn a_journey_linking_an_unknown_guide_is_named() {
    let dir = scratch("journey");
    let path = dir.join("en/journeys/first-90-days.toml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "\"registration\"",
        "\"no-such-guide\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let errors = load(&dir).err().expect("must fail");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("first-90-days.toml") && e.contains("no-such-guide")),
        "{errors:#?}"
    );
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
