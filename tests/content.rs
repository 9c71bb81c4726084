//! The content files: valid as committed, and a broken file fails with a message naming it.
#![cfg(feature = "ssr")]

use smsite::content::store::load;
use smsite::eligibility::flow::Questions;
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

/// The text without the lines that start with `prefix` (to delete a field or a text).
fn without_lines_starting(text: &str, prefix: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with(prefix))
        .collect::<Vec<_>>()
        .join("\n")
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
        rewrite(dir, "en/procedures/registration.md", |t| {
            without_lines_starting(&t, "audience")
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
fn a_link_with_a_script_scheme_is_named() {
    let problems = problems_after("scheme", |dir| {
        rewrite(dir, "en/procedures/registration.md", |t| {
            format!("{t}\n\nSee [the form](javascript:alert(1)).\n")
        })
    });
    assert_named(
        &problems,
        "en/procedures/registration.md",
        "javascript:alert(1)",
    );
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
    // Turkish typed without its marks, Arabic with and without diacritics, Persian, and a
    // two-character Chinese word.
    for (locale, query) in [
        ("tr", "isveren"),
        ("tr", "işveren"),
        ("ar", "صاحب العمل"),
        ("ar", "صَاحِبُ العَمَل"),
        ("fa", "کارفرما"),
        ("zh", "雇主"),
    ] {
        let hits = store.search(locale, query);
        let href = format!("/{locale}/procedures/work-permit");
        assert!(
            hits.iter().any(|h| h.href == href),
            "{locale} {query}: {hits:?}"
        );
    }
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
fn an_outcome_linking_an_unknown_guide_names_the_file_and_outcome() {
    let problems = problems_after("flowguide", |dir| {
        rewrite(dir, "flows/stay.toml", |t| {
            t.replacen("guides = [\"refugee-status\"]", "guides = [\"refugee\"]", 1)
        })
    });
    assert_named(
        &problems,
        "flows/stay.toml",
        "outcome `asylum`: no guide `refugee`",
    );
}

#[test]
fn a_question_named_like_a_checker_page_is_refused() {
    let problems = problems_after("flowid", |dir| {
        rewrite(dir, "flows/registration.toml", |t| {
            t.replace("id = \"arrival\"", "id = \"answers\"")
                .replace("goto = \"arrival\"", "goto = \"answers\"")
                .replace("from = \"arrival\"", "from = \"answers\"")
        })
    });
    assert_named(
        &problems,
        "flows/registration.toml",
        "question `answers`: ids are",
    );
}

#[test]
fn a_missing_flow_text_names_the_locale_file_and_key() {
    let problems = problems_after("flowtext", |dir| {
        rewrite(dir, "ru/flows.toml", |t| {
            without_lines_starting(&t, "register_by")
        })
    });
    assert_named(&problems, "ru/flows.toml", "registration.out.register_by");
}

#[test]
fn registration_deadlines_from_the_real_flow() {
    use smsite::dates::Date;
    use smsite::eligibility::engine::{deadlines, walk, Next};
    let store = load(Path::new("content")).unwrap();
    let flow = store.flow("registration").expect("the registration flow");
    let today = Date::new(2026, 11, 26);
    let cases = [
        (
            "DE",
            "2026-11-20",
            "deadline_15",
            Some(Date::new(2026, 12, 5)),
        ),
        // The sources say when Kazakh citizens must register, not by when: no date is given.
        ("kz", "2026-11-20", "deadline_30", None),
        (
            "RU",
            "2026-12-25",
            "deadline_15",
            Some(Date::new(2027, 1, 9)),
        ),
    ];
    for (country, arrival, outcome, by) in cases {
        let answers = answers(&[("citizenship", country), ("arrival", arrival)]);
        let result = walk(flow, &answers, today, store.countries());
        assert_eq!(
            result.next,
            Next::Outcome(outcome.into()),
            "{country} {arrival}"
        );
        let dates: Vec<(&str, Date)> = deadlines(flow, outcome, &answers)
            .into_iter()
            .map(|(d, date)| (d.label.as_str(), date))
            .collect();
        let expected: Vec<(&str, Date)> = by
            .map(|d| ("registration.out.register_by", d))
            .into_iter()
            .collect();
        assert_eq!(dates, expected, "{country}");
    }
}

fn answers(pairs: &[(&str, &str)]) -> smsite::eligibility::engine::Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn stay_flow_outcomes() {
    use smsite::dates::Date;
    use smsite::eligibility::engine::{walk, Next};
    let store = load(Path::new("content")).unwrap();
    let flow = store.flow("stay").expect("the stay flow");
    let today = Date::new(2026, 11, 26);
    let arrival = "2026-12-01";
    let cases = [
        ("DE", "asylum", "0", "asylum"),
        ("GE", "tourism", "10", "visa_free_short"),
        ("KZ", "business", "25", "visa_free_short"),
        ("GE", "tourism", "60", "visa_free_register"),
        ("KZ", "tourism", "60", "visa_free_register_30"),
        ("DE", "tourism", "10", "evisa_short"),
        ("DE", "business", "20", "evisa_register"),
        // Work: those who need a visa to enter are told so first.
        ("DE", "work", "365", "work_visa"),
        ("GE", "work", "5", "work"),
        // Qatar's visa-free stay is 30 days: a longer one is not "no visa needed".
        ("QA", "tourism", "20", "visa_free_register"),
        ("QA", "tourism", "60", "long_stay"),
        ("IN", "study", "300", "study"),
        ("US", "family", "400", "family"),
        ("CN", "investment", "1000", "investment"),
        ("DE", "tourism", "120", "long_stay"),
    ];
    for (country, purpose, days, outcome) in cases {
        let given = if purpose == "asylum" {
            answers(&[("citizenship", country), ("purpose", purpose)])
        } else {
            answers(&[
                ("citizenship", country),
                ("purpose", purpose),
                ("length", days),
                ("arrival", arrival),
            ])
        };
        let result = walk(flow, &given, today, store.countries());
        assert_eq!(
            result.next,
            Next::Outcome(outcome.into()),
            "{country} {purpose} {days}"
        );
    }
}

/// Property, on the real flows and country list: random valid answers always reach an outcome
/// within as many steps as the flow has questions, and every deadline falls after the arrival.
#[test]
fn random_walks_on_the_real_flows_end_in_outcomes() {
    use smsite::dates::Date;
    use smsite::eligibility::engine::{deadlines, walk, Next};
    use smsite::eligibility::flow::Kind;
    let store = load(Path::new("content")).unwrap();
    let today = Date::new(2026, 11, 26);
    let codes: Vec<&str> = store
        .countries()
        .countries
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut random = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for flow in store.flows() {
        for _ in 0..3_000 {
            let mut given = answers(&[]);
            let mut steps = 0;
            let outcome = loop {
                match walk(flow, &given, today, store.countries()).next {
                    Next::Outcome(o) => break o,
                    Next::Invalid { question, error } => {
                        panic!("{}: {question} refused {error:?}: {given:?}", flow.id)
                    }
                    Next::Ask(id) => {
                        let q = flow.question(&id).unwrap();
                        let value = match q.kind {
                            Kind::Single | Kind::Multiple => q.options
                                [random(q.options.len() as u64) as usize]
                                .value
                                .clone(),
                            Kind::Country => codes[random(codes.len() as u64) as usize].to_string(),
                            Kind::Number => {
                                let (min, max) = (q.min.unwrap_or(0), q.max.unwrap_or(100));
                                (min + random((max - min + 1) as u64) as i64).to_string()
                            }
                            Kind::Date => {
                                let (min, max) = (q.min.unwrap_or(-30), q.max.unwrap_or(30));
                                today
                                    .add_days(min + random((max - min + 1) as u64) as i64)
                                    .iso()
                            }
                        };
                        given.insert(id, value);
                    }
                }
                steps += 1;
                assert!(
                    steps <= flow.questions.len(),
                    "{}: the walk did not end: {given:?}",
                    flow.id
                );
            };
            for (_, date) in deadlines(flow, &outcome, &given) {
                let arrival = Date::parse_iso(&given["arrival"]).unwrap();
                assert!(
                    date > arrival,
                    "{}: {outcome}: deadline before arrival",
                    flow.id
                );
            }
        }
    }
}

#[test]
fn a_fee_changed_in_fees_toml_changes_the_guide_the_checker_and_the_fees_page() {
    let dir = scratch("fee-change");
    // The 1-year temporary residence permit in 15 working days: 160 AZN → 175 AZN.
    let (old, new) = (
        "term_months = 12\nworking_days = 15\namount = 160",
        "term_months = 12\nworking_days = 15\namount = 175",
    );
    rewrite(&dir, "fees.toml", |text| {
        assert!(
            text.contains(old),
            "the 1-year, 15-day fee in content/fees.toml"
        );
        text.replacen(old, new, 1)
    });
    let store = load(&dir).unwrap_or_else(|e| panic!("{e:#?}"));
    let _ = std::fs::remove_dir_all(&dir);
    for locale in smsite::locale::LOCALES {
        // "175 AZN", or "۱۷۵ AZN" on the Persian pages.
        let (new, old) = (
            format!("{} AZN", smsite::digits::whole(locale, 175)),
            format!("{} AZN", smsite::digits::whole(locale, 160)),
        );
        let guide = &store
            .guide(locale, "temporary-residence")
            .unwrap()
            .body_html;
        assert!(
            guide.contains(&new) && !guide.contains(&old),
            "{locale} guide"
        );
        let outcome = store.flow_text(locale, "stay.fee.trp").unwrap();
        assert!(
            outcome.contains(&new) && !outcome.contains(&old),
            "{locale}: {outcome}"
        );
        let page: Vec<&str> = store
            .fees(locale)
            .iter()
            .map(|r| r.amount.as_str())
            .collect();
        assert!(
            page.contains(&new.as_str()) && !page.contains(&old.as_str()),
            "{locale}: {page:?}"
        );
    }
}

#[test]
fn an_unknown_fee_marker_is_named() {
    let problems = problems_after("fee-marker", |dir| {
        rewrite(dir, "en/procedures/work-permit.md", |t| {
            t.replace("{{fees work-permit}}", "{{fees work-visa}}")
        })
    });
    assert_named(&problems, "en/procedures/work-permit.md", "work-visa");
}

#[test]
fn a_rejected_spelling_fails_naming_its_file() {
    let problems = problems_after("glossary", |dir| {
        rewrite(dir, "ru/procedures/registration.md", |t| {
            t.replacen(
                "## Шаги",
                "## Шаги\n\nОсновные основания для регистрации.",
                1,
            )
        })
    });
    assert_named(
        &problems,
        "ru/procedures/registration.md",
        "основные основания",
    );
}

#[test]
fn interface_texts_use_no_rejected_spelling() {
    let mut errors = Vec::new();
    let glossary = smsite::content::load::glossary::load(Path::new("content"), &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
    for locale in smsite::locale::LOCALES {
        let file = PathBuf::from(format!("locales/{locale}.json"));
        let found = glossary.violations(locale, &[file]);
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn every_guide_has_a_change_history_and_offices_name_their_sources() {
    let store = load(Path::new("content")).unwrap();
    for locale in smsite::locale::LOCALES {
        for guide in store.guides(locale) {
            assert!(!guide.changes.is_empty(), "{locale} {}", guide.slug);
        }
        let offices = store.offices(locale);
        assert!(offices.len() >= 10, "{locale}: {}", offices.len());
        for o in offices {
            assert!(!o.sources.is_empty() && !o.reviewed.is_empty(), "{}", o.id);
        }
        let updates = store.updates(locale);
        assert!(
            updates.windows(2).all(|w| w[0].date >= w[1].date),
            "newest first"
        );
    }
}

#[test]
fn a_partial_locale_serves_a_missing_guide_in_english_and_does_not_claim_it() {
    let dir = scratch("partial");
    // Turkish marked partial, its registration guide, a page and the checker texts removed.
    rewrite(&dir, "locales.toml", |text| {
        text.replacen("code = \"tr\"\n", "code = \"tr\"\npartial = true\n", 1)
    });
    for file in [
        "tr/procedures/registration.md",
        "tr/pages/fees.md",
        "tr/flows.toml",
    ] {
        std::fs::remove_file(dir.join(file)).unwrap();
    }
    let store = load(&dir).unwrap_or_else(|e| panic!("{e:#?}"));
    let english = store.guide("en", "registration").unwrap().title.clone();
    assert_eq!(store.guide("tr", "registration").unwrap().title, english);
    assert!(!store.translated("tr", "/tr/procedures/registration"));
    assert!(
        !store.translated("tr", "/en/fees"),
        "any locale's address of the page"
    );
    assert!(store.translated("tr", "/tr/procedures/work-permit"));
    assert!(store.translated("en", "/en/procedures/registration"));
    assert_eq!(
        store.flow_text("tr", "registration.title"),
        store.flow_text("en", "registration.title")
    );
    assert!(!store.translated("tr", "/tr/check/registration/arrival"));
    assert!(store.translated("az", "/az/check/registration/arrival"));
    // The stand-in's links stay in Turkish where the page exists.
    let body = &store.guide("tr", "registration").unwrap().body_html;
    assert!(
        !body.contains("href=\"/en/") && body.contains("href=\"/tr/"),
        "{body}"
    );
    // A complete locale may not miss one: the same removal without `partial` is named.
    let problems = problems_after("not-partial", |d| {
        std::fs::remove_file(d.join("tr/procedures/registration.md")).unwrap()
    });
    assert_named(&problems, "tr/procedures/registration.md", "missing");
    let _ = std::fs::remove_dir_all(&dir);
}
