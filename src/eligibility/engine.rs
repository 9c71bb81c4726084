//! Walks a flow with the answers given so far: validates each answer, follows the rules, and
//! says what comes next (the next question, or the outcome). Answers are strings as they come
//! from a URL query (`multiple` answers comma-separated), so a tampered URL is just bad input.
use super::flow::{Condition, Deadline, Flow, Kind, Question, Questions, OUTCOME_PREFIX};
use crate::dates::Date;
use std::collections::BTreeMap;

/// Answers by question id, as in the URL query.
pub type Answers = BTreeMap<String, String>;

/// What the engine needs to know about countries: whether a code is one, and its attributes
/// (e.g. `visa_free_days`, `registration_days`).
pub trait Countries {
    fn exists(&self, code: &str) -> bool;
    fn attribute(&self, code: &str, name: &str) -> Option<i64>;
}

/// Why an answer was refused. Each maps to a translated message on the question's page and to a
/// 422 in the API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    Missing,
    UnknownOption,
    UnknownCountry,
    NotADate,
    DateOutOfRange,
    NotANumber,
    NumberOutOfRange,
}

impl AnswerError {
    /// A stable code for the API and the translation key's last part.
    pub fn code(&self) -> &'static str {
        match self {
            AnswerError::Missing => "missing",
            AnswerError::UnknownOption => "unknown_option",
            AnswerError::UnknownCountry => "unknown_country",
            AnswerError::NotADate => "not_a_date",
            AnswerError::DateOutOfRange => "date_out_of_range",
            AnswerError::NotANumber => "not_a_number",
            AnswerError::NumberOutOfRange => "number_out_of_range",
        }
    }
}

/// Where the answers lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// This question is the next to ask.
    Ask(String),
    /// An answer given is not acceptable: ask that question again with the error.
    Invalid {
        question: String,
        error: AnswerError,
    },
    /// The walk is complete.
    Outcome(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// The questions answered on the way, in order (answers to questions off the path are ignored).
    pub path: Vec<String>,
    pub next: Next,
}

/// A parsed, valid answer.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Choice(String),
    Choices(Vec<String>),
    Country(String),
    Date(Date),
    Number(i64),
}

pub fn walk(
    flow: &impl Questions,
    answers: &Answers,
    today: Date,
    countries: &dyn Countries,
) -> Walk {
    let mut path = Vec::new();
    let mut values: BTreeMap<&str, Value> = BTreeMap::new();
    let mut current = flow.start();
    // A sound flow has no cycles, so a walk visits each question at most once.
    for _ in 0..=flow.questions().len() {
        let Some(question) = flow.question(current) else {
            break;
        };
        let Some(raw) = answers.get(current) else {
            return Walk {
                path,
                next: Next::Ask(current.to_string()),
            };
        };
        let value = match parse(question, raw, today, countries) {
            Ok(v) => v,
            Err(error) => {
                return Walk {
                    path,
                    next: Next::Invalid {
                        question: current.to_string(),
                        error,
                    },
                }
            }
        };
        values.insert(current, value);
        path.push(current.to_string());
        let rule = question
            .next
            .iter()
            .find(|r| r.when.iter().all(|c| holds(c, &values, countries)));
        let Some(rule) = rule else { break };
        if let Some(outcome) = rule.goto.strip_prefix(OUTCOME_PREFIX) {
            return Walk {
                path,
                next: Next::Outcome(outcome.to_string()),
            };
        }
        current = &rule.goto;
    }
    // Only an unsound flow gets here; `Flow::check` rejects those before they are served.
    Walk {
        path,
        next: Next::Ask(flow.start().to_string()),
    }
}

/// The dates an outcome gives for these answers, each with its definition.
pub fn deadlines<'f>(
    flow: &'f Flow,
    outcome: &str,
    answers: &Answers,
) -> Vec<(&'f Deadline, Date)> {
    let Some(outcome) = flow.outcome(outcome) else {
        return Vec::new();
    };
    outcome
        .deadlines
        .iter()
        .filter_map(|d| {
            let start = Date::parse_iso(answers.get(&d.from)?)?;
            Some((d, start.add_days(d.days)))
        })
        .collect()
}

fn parse(
    q: &Question,
    raw: &str,
    today: Date,
    countries: &dyn Countries,
) -> Result<Value, AnswerError> {
    let raw = crate::digits::to_ascii(raw.trim());
    let raw = raw.as_str();
    if raw.is_empty() {
        return Err(AnswerError::Missing);
    }
    let is_option = |v: &str| q.options.iter().any(|o| o.value == v);
    match q.kind {
        Kind::Single => is_option(raw)
            .then(|| Value::Choice(raw.to_string()))
            .ok_or(AnswerError::UnknownOption),
        Kind::Multiple => {
            let mut chosen: Vec<String> = raw.split(',').map(|v| v.trim().to_string()).collect();
            if chosen.iter().any(|v| !is_option(v)) {
                return Err(AnswerError::UnknownOption);
            }
            chosen.sort();
            chosen.dedup();
            Ok(Value::Choices(chosen))
        }
        Kind::Country => {
            let code = raw.to_ascii_uppercase();
            countries
                .exists(&code)
                .then_some(Value::Country(code))
                .ok_or(AnswerError::UnknownCountry)
        }
        Kind::Date => {
            let date = Date::parse_iso(raw).ok_or(AnswerError::NotADate)?;
            let offset = date.to_days() - today.to_days();
            let in_range = q.min.is_none_or(|m| offset >= m) && q.max.is_none_or(|m| offset <= m);
            in_range
                .then_some(Value::Date(date))
                .ok_or(AnswerError::DateOutOfRange)
        }
        Kind::Number => {
            let n: i64 = raw.parse().map_err(|_| AnswerError::NotANumber)?;
            let in_range = q.min.is_none_or(|m| n >= m) && q.max.is_none_or(|m| n <= m);
            in_range
                .then_some(Value::Number(n))
                .ok_or(AnswerError::NumberOutOfRange)
        }
    }
}

fn holds(c: &Condition, values: &BTreeMap<&str, Value>, countries: &dyn Countries) -> bool {
    let Some(value) = values.get(c.answer.as_str()) else {
        return false;
    };
    let matches = |v: &str| match value {
        Value::Choice(x) | Value::Country(x) => x == v,
        Value::Choices(xs) => xs.iter().any(|x| x == v),
        _ => false,
    };
    if let Some(v) = &c.is {
        if !matches(v) {
            return false;
        }
    }
    if !c.one_of.is_empty() && !c.one_of.iter().any(|v| matches(v)) {
        return false;
    }
    if let Value::Number(n) = value {
        if c.at_most.is_some_and(|m| *n > m) || c.at_least.is_some_and(|m| *n < m) {
            return false;
        }
    } else if c.at_most.is_some() || c.at_least.is_some() {
        return false;
    }
    if let Some(attribute) = &c.country_has {
        let Value::Country(code) = value else {
            return false;
        };
        if countries.attribute(code, attribute).is_none() {
            return false;
        }
    }
    if let Some(question) = &c.at_most_days_of {
        let limit = match (values.get(question.as_str()), &c.attribute) {
            (Some(Value::Country(code)), Some(attribute)) => countries.attribute(code, attribute),
            _ => None,
        };
        let Value::Number(n) = value else {
            return false;
        };
        if limit.is_none_or(|limit| *n > limit) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::flow::{Choice, Outcome, Rule};

    struct TestCountries;
    impl Countries for TestCountries {
        fn exists(&self, code: &str) -> bool {
            ["KZ", "DE", "GE"].contains(&code)
        }
        fn attribute(&self, code: &str, name: &str) -> Option<i64> {
            match (code, name) {
                ("KZ", "registration_days") => Some(30),
                ("KZ" | "GE", "visa_free_days") => Some(90),
                _ => None,
            }
        }
    }

    fn rule(goto: &str, when: Vec<Condition>) -> Rule {
        Rule {
            goto: goto.into(),
            when,
        }
    }

    fn cond(answer: &str) -> Condition {
        Condition {
            answer: answer.into(),
            is: None,
            one_of: vec![],
            at_most: None,
            at_least: None,
            country_has: None,
            at_most_days_of: None,
            attribute: None,
        }
    }

    fn question(id: &str, kind: Kind, options: &[&str], next: Vec<Rule>) -> Question {
        Question {
            id: id.into(),
            kind,
            text: format!("q.{id}"),
            hint: None,
            options: options
                .iter()
                .map(|v| Choice {
                    value: v.to_string(),
                    label: format!("o.{v}"),
                })
                .collect(),
            min: None,
            max: None,
            next,
        }
    }

    /// citizenship → (visa-free? purpose : outcome visa) ; purpose → days → outcomes.
    fn flow() -> Flow {
        let mut days = question(
            "days",
            Kind::Number,
            &[],
            vec![
                rule(
                    "outcome:short",
                    vec![Condition {
                        at_most: Some(15),
                        ..cond("days")
                    }],
                ),
                rule("outcome:long", vec![]),
            ],
        );
        days.min = Some(1);
        days.max = Some(3650);
        let mut arrival = question("arrival", Kind::Date, &[], vec![rule("days", vec![])]);
        arrival.min = Some(-365);
        arrival.max = Some(365);
        Flow {
            id: "test".into(),
            title: "t".into(),
            description: "d".into(),
            last_reviewed: "2026-11-26".into(),
            sources: vec![super::super::flow::Source {
                name: "s".into(),
                url: "https://migration.gov.az".into(),
            }],
            start: "citizenship".into(),
            questions: vec![
                question(
                    "citizenship",
                    Kind::Country,
                    &[],
                    vec![
                        rule(
                            "purpose",
                            vec![Condition {
                                country_has: Some("visa_free_days".into()),
                                ..cond("citizenship")
                            }],
                        ),
                        rule("outcome:visa", vec![]),
                    ],
                ),
                question(
                    "purpose",
                    Kind::Multiple,
                    &["tourism", "work"],
                    vec![
                        rule(
                            "outcome:work",
                            vec![Condition {
                                is: Some("work".into()),
                                ..cond("purpose")
                            }],
                        ),
                        rule("arrival", vec![]),
                    ],
                ),
                arrival,
                days,
            ],
            outcomes: ["visa", "work", "short", "long"]
                .iter()
                .map(|id| Outcome {
                    id: id.to_string(),
                    title: format!("out.{id}"),
                    body: vec![],
                    documents: vec![],
                    fees: vec![],
                    guides: vec![],
                    deadlines: vec![],
                })
                .collect(),
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const TODAY: Date = Date::new(2026, 11, 26);

    fn next(pairs: &[(&str, &str)]) -> Next {
        walk(&flow(), &answers(pairs), TODAY, &TestCountries).next
    }

    #[test]
    fn the_test_flow_is_sound() {
        assert_eq!(flow().check(), Vec::<String>::new());
    }

    #[test]
    fn each_outcome_from_its_answers() {
        let cases: &[(&[(&str, &str)], Next)] = &[
            (&[], Next::Ask("citizenship".into())),
            (&[("citizenship", "de")], Next::Outcome("visa".into())),
            (&[("citizenship", "KZ")], Next::Ask("purpose".into())),
            (
                &[("citizenship", "KZ"), ("purpose", "tourism,work")],
                Next::Outcome("work".into()),
            ),
            (
                &[("citizenship", "GE"), ("purpose", "tourism")],
                Next::Ask("arrival".into()),
            ),
            (
                &[
                    ("citizenship", "GE"),
                    ("purpose", "tourism"),
                    ("arrival", "2026-11-20"),
                    ("days", "15"),
                ],
                Next::Outcome("short".into()),
            ),
            (
                &[
                    ("citizenship", "GE"),
                    ("purpose", "tourism"),
                    ("arrival", "2026-11-20"),
                    ("days", "16"),
                ],
                Next::Outcome("long".into()),
            ),
        ];
        for (given, expected) in cases {
            assert_eq!(&next(given), expected, "{given:?}");
        }
    }

    #[test]
    fn bad_answers_are_refused_on_their_question() {
        let invalid = |q: &str, e: AnswerError| Next::Invalid {
            question: q.into(),
            error: e,
        };
        let cases: &[(&[(&str, &str)], Next)] = &[
            (
                &[("citizenship", "XX")],
                invalid("citizenship", AnswerError::UnknownCountry),
            ),
            (
                &[("citizenship", " ")],
                invalid("citizenship", AnswerError::Missing),
            ),
            (
                &[("citizenship", "GE"), ("purpose", "tourism,spying")],
                invalid("purpose", AnswerError::UnknownOption),
            ),
            (
                &[
                    ("citizenship", "GE"),
                    ("purpose", "tourism"),
                    ("arrival", "2026-02-30"),
                ],
                invalid("arrival", AnswerError::NotADate),
            ),
            (
                &[
                    ("citizenship", "GE"),
                    ("purpose", "tourism"),
                    ("arrival", "1900-01-01"),
                ],
                invalid("arrival", AnswerError::DateOutOfRange),
            ),
            (
                &[
                    ("citizenship", "GE"),
                    ("purpose", "tourism"),
                    ("arrival", "2026-11-20"),
                    ("days", "ten"),
                ],
                invalid("days", AnswerError::NotANumber),
            ),
            (
                &[
                    ("citizenship", "GE"),
                    ("purpose", "tourism"),
                    ("arrival", "2026-11-20"),
                    ("days", "0"),
                ],
                invalid("days", AnswerError::NumberOutOfRange),
            ),
        ];
        for (given, expected) in cases {
            assert_eq!(&next(given), expected, "{given:?}");
        }
    }

    #[test]
    fn answers_off_the_path_are_ignored() {
        let walk = walk(
            &flow(),
            &answers(&[("citizenship", "DE"), ("days", "garbage")]),
            TODAY,
            &TestCountries,
        );
        assert_eq!(walk.path, ["citizenship"]);
        assert_eq!(walk.next, Next::Outcome("visa".into()));
    }

    #[test]
    fn checks_name_the_broken_node() {
        let mut f = flow();
        // purpose: the last rule gets a condition, so some answers would lead nowhere.
        f.questions[1].next[1].when = vec![Condition {
            is: Some("tourism".into()),
            ..cond("purpose")
        }];
        f.questions[3].next[0].goto = "outcome:nowhere".into();
        f.questions[2].next[0].goto = "citizenship".into(); // arrival → citizenship: a cycle
        let problems = f.check();
        let has = |words: &[&str]| problems.iter().any(|p| words.iter().all(|w| p.contains(w)));
        assert!(
            has(&["question `purpose`", "last `next` rule"]),
            "{problems:#?}"
        );
        assert!(
            has(&["question `days`", "outcome:nowhere"]),
            "{problems:#?}"
        );
        assert!(has(&["cycle"]), "{problems:#?}");
    }

    /// Property: whatever is answered, in any order and with any junk, the walk ends in an outcome
    /// once every question it asks is answered with one of its valid answers.
    #[test]
    fn random_walks_always_end_in_an_outcome() {
        let f = flow();
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut random = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let valid: BTreeMap<&str, Vec<&str>> = BTreeMap::from([
            ("citizenship", vec!["KZ", "DE", "GE", "kz"]),
            (
                "purpose",
                vec!["tourism", "work", "tourism,work", "work,tourism,work"],
            ),
            ("arrival", vec!["2026-11-26", "2025-12-01", "2027-11-26"]),
            ("days", vec!["1", "15", "16", "3650"]),
        ]);
        for _ in 0..5_000 {
            let mut given = Answers::new();
            let mut steps = 0;
            loop {
                let w = walk(&f, &given, TODAY, &TestCountries);
                match w.next {
                    Next::Outcome(o) => {
                        assert!(f.outcome(&o).is_some());
                        break;
                    }
                    Next::Ask(q) | Next::Invalid { question: q, .. } => {
                        let options = &valid[q.as_str()];
                        given.insert(q.clone(), options[random(options.len())].to_string());
                    }
                }
                steps += 1;
                assert!(steps <= f.questions.len(), "walk did not end: {given:?}");
            }
        }
    }
}
