//! "Was this page useful?" and "Report a problem": what a visitor may send, and the checks it
//! passes before anything is stored. Plain Rust: the server checks every form with it, the
//! island uses the same limits to warn as the visitor types.
use serde::{Deserialize, Serialize};

/// The most characters an answer may have: enough for a problem told in a paragraph.
pub const MAX_ANSWER: usize = 1200;
/// A form sent sooner than this after the page was drawn is a robot's.
pub const MIN_FILL_SECONDS: i64 = 2;
/// Longer page addresses are not ours.
const MAX_PAGE: usize = 300;

/// What the browser sends (the JSON API's body; the form's fields have the same names).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sent {
    /// The page the feedback is about: a path of this site, `/en/procedures/registration`.
    pub page: String,
    /// `yes`, `no`, or empty for "Report a problem".
    #[serde(default)]
    pub useful: String,
    /// What were you trying to do?
    #[serde(default)]
    pub doing: String,
    /// What went wrong?
    #[serde(default)]
    pub wrong: String,
    /// When the page with the form was drawn (seconds since 1970).
    #[serde(default)]
    pub started: i64,
    /// The honeypot: hidden from people, filled in by robots.
    #[serde(default)]
    pub website: String,
}

/// What is stored: no address, no name, only what the visitor wrote and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub page: String,
    pub locale: String,
    pub useful: Option<bool>,
    pub doing: String,
    pub wrong: String,
}

/// Why a form is not stored. `field` and `code` are the API's; the pages translate them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// A field the visitor can correct.
    Field {
        field: &'static str,
        code: &'static str,
    },
    /// Sent too soon after the page was drawn: a robot, or a very quick click.
    TooSoon,
    /// The honeypot was filled in: a robot. Answered as if stored, so it learns nothing.
    Robot,
}

/// Checks `sent` from a page of `locale`, at `now`.
pub fn check(sent: &Sent, locale: &str, now: i64) -> Result<Entry, Refused> {
    if !sent.website.trim().is_empty() {
        return Err(Refused::Robot);
    }
    let page = sent.page.trim();
    if !is_page(page, locale) {
        return Err(Refused::Field {
            field: "page",
            code: "invalid",
        });
    }
    let useful = match sent.useful.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        "" => None,
        _ => {
            return Err(Refused::Field {
                field: "useful",
                code: "invalid",
            })
        }
    };
    if now.saturating_sub(sent.started) < MIN_FILL_SECONDS {
        return Err(Refused::TooSoon);
    }
    let (doing, wrong) = (clean(&sent.doing), clean(&sent.wrong));
    for (field, text) in [("doing", &doing), ("wrong", &wrong)] {
        if text.chars().count() > MAX_ANSWER {
            return Err(Refused::Field {
                field,
                code: "too_long",
            });
        }
    }
    // "Yes" needs no words; "No" and "Report a problem" need at least one answer.
    if useful != Some(true) && doing.is_empty() && wrong.is_empty() {
        return Err(Refused::Field {
            field: "wrong",
            code: "missing",
        });
    }
    Ok(Entry {
        page: page.to_string(),
        locale: locale.to_string(),
        useful,
        doing,
        wrong,
    })
}

/// Whether `page` is a path of this site in `locale` that a form may be about. The pages that
/// show the form use it too, so they never offer a form that would be refused.
pub fn is_page(page: &str, locale: &str) -> bool {
    let ours = page.starts_with(&format!("/{locale}/")) || page == format!("/{locale}");
    ours && page.len() <= MAX_PAGE
        && !page.contains("//")
        && !page.chars().any(|c| c.is_control() || c == '\\')
}

/// A path as a query value: all but unreserved characters and `/` percent-encoded.
pub fn query_value(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Trimmed, with control characters other than line breaks removed.
fn clean(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(useful: &str, wrong: &str) -> Sent {
        Sent {
            page: "/en/procedures/registration".into(),
            useful: useful.into(),
            wrong: wrong.into(),
            started: 1_000,
            ..Sent::default()
        }
    }

    #[test]
    fn a_yes_needs_no_words() {
        let e = check(&sent("yes", ""), "en", 1_010).unwrap();
        assert_eq!(e.useful, Some(true));
        assert_eq!(e.page, "/en/procedures/registration");
    }

    #[test]
    fn a_problem_needs_an_answer() {
        assert_eq!(
            check(&sent("no", "   "), "en", 1_010),
            Err(Refused::Field {
                field: "wrong",
                code: "missing"
            })
        );
        assert!(check(&sent("", "The fee table is wrong"), "en", 1_010).is_ok());
    }

    #[test]
    fn long_answers_are_refused() {
        let long = "x".repeat(2000);
        assert_eq!(
            check(&sent("no", &long), "en", 1_010),
            Err(Refused::Field {
                field: "wrong",
                code: "too_long"
            })
        );
        assert!(check(&sent("no", &"é".repeat(MAX_ANSWER)), "en", 1_010).is_ok());
    }

    #[test]
    fn robots_are_caught() {
        let mut s = sent("yes", "");
        s.website = "http://spam".into();
        assert_eq!(check(&s, "en", 1_010), Err(Refused::Robot));
        assert_eq!(check(&sent("yes", ""), "en", 1_001), Err(Refused::TooSoon));
    }

    #[test]
    fn only_pages_of_the_locale() {
        for page in [
            "https://evil.example/",
            "/ru/procedures",
            "/en/\u{7}x",
            "/english",
        ] {
            let mut s = sent("yes", "");
            s.page = page.into();
            assert!(check(&s, "en", 1_010).is_err(), "{page}");
        }
        let mut s = sent("maybe", "");
        s.useful = "maybe".into();
        assert!(check(&s, "en", 1_010).is_err());
    }
}
