//! The checker's pages as addresses: which page a set of answers leads to, what a question's page
//! shows (the answer given, an error, where Back goes), and the URL query that carries the
//! answers (sorted keys, so every state is one shareable link). Used by the server for pages
//! without JavaScript and by the browser to move between questions without a reload.
use super::engine::{AnswerError, Answers, Next, Walk};
use super::flow::{Kind, Questions};

/// Form field name suffixes of a date question answered in three boxes (GOV.UK's date input).
pub const DATE_PARTS: [&str; 3] = ["day", "month", "year"];

/// A hidden form field naming the question a form answers, so that submitting it with nothing
/// chosen is an error on that question rather than "not answered yet".
pub const ANSWERED_FIELD: &str = "answered";

/// One page of a flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// The start page, `/check/<flow>`.
    Start,
    Question(String),
    /// "Check your answers".
    Answers,
    Result,
}

/// Reads a flow's answers from a query string or form: `values(name)` gives every value sent
/// under that name. Names that are not questions are ignored (a tampered URL changes nothing);
/// a date answered in three boxes becomes `YYYY-MM-DD`; several choices become `a,b`.
pub fn answers_from(flow: &impl Questions, values: impl Fn(&str) -> Vec<String>) -> Answers {
    let mut answers = Answers::new();
    for q in flow.questions() {
        let given = values(&q.id);
        let answer = match q.kind {
            Kind::Date => {
                let parts: Vec<Vec<String>> = DATE_PARTS
                    .iter()
                    .map(|p| values(&format!("{}-{p}", q.id)))
                    .collect();
                if parts.iter().any(|p| !p.is_empty()) {
                    let part = |i: usize| parts[i].last().map(|s| s.trim()).unwrap_or("");
                    Some(date_from_parts(part(0), part(1), part(2)))
                } else {
                    given.last().cloned()
                }
            }
            Kind::Multiple if !given.is_empty() => Some(given.join(",")),
            _ => given.last().cloned(),
        };
        if let Some(a) = answer {
            answers.insert(q.id.clone(), a);
        }
    }
    // A form sent with no option chosen sends nothing for its question: that is an empty answer.
    if let Some(id) = values(ANSWERED_FIELD).last() {
        if flow.question(id).is_some() {
            answers.entry(id.clone()).or_default();
        }
    }
    answers
}

/// `YYYY-MM-DD` from the three boxes; what cannot be a date stays visibly wrong so the engine
/// refuses it (and the boxes can be filled again with what was typed).
pub fn date_from_parts(day: &str, month: &str, year: &str) -> String {
    // "٢٧" and "۲۷" as typed on Arabic and Persian keyboards are 27.
    let (day, month, year) = (
        crate::digits::to_ascii(day),
        crate::digits::to_ascii(month),
        crate::digits::to_ascii(year),
    );
    let (day, month, year) = (day.as_str(), month.as_str(), year.as_str());
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return String::new();
    }
    let pad = |s: &str| {
        if s.len() == 1 && s.chars().all(|c| c.is_ascii_digit()) {
            format!("0{s}")
        } else {
            s.to_string()
        }
    };
    format!("{year}-{}-{}", pad(month), pad(day))
}

/// The three boxes of a date answer (day, month, year), as typed.
pub fn date_parts(answer: &str) -> [String; 3] {
    let mut it = answer.splitn(3, '-');
    let year = it.next().unwrap_or("").to_string();
    let month = it.next().unwrap_or("").to_string();
    let day = it.next().unwrap_or("").to_string();
    let unpad = |s: String| match s.strip_prefix('0') {
        Some(rest) if rest.len() == 1 => rest.to_string(),
        _ => s,
    };
    [unpad(day), unpad(month), year]
}

/// The page the answers lead to next.
pub fn next_step(walk: &Walk) -> Step {
    match &walk.next {
        Next::Ask(q) | Next::Invalid { question: q, .. } => Step::Question(q.clone()),
        Next::Outcome(_) => Step::Answers,
    }
}

/// The page after answering question `answered`: the question that follows it (showing its earlier
/// answer, when someone went Back or used Change), or else wherever the answers lead.
pub fn after_answer(walk: &Walk, answered: Option<&str>) -> Step {
    let following = answered
        .and_then(|a| walk.path.iter().position(|q| q == a))
        .and_then(|i| walk.path.get(i + 1));
    match following {
        Some(q) => Step::Question(q.clone()),
        None => next_step(walk),
    }
}

/// The answers worth keeping in the address: those on the path, and the refused one so the
/// question can show what was typed.
pub fn kept(answers: &Answers, walk: &Walk) -> Answers {
    let mut keep: Vec<&str> = walk.path.iter().map(String::as_str).collect();
    if let Next::Invalid { question, .. } = &walk.next {
        keep.push(question);
    }
    only(answers, &keep)
}

/// The answers accepted on the way: what a Back link carries (a refused answer is left behind,
/// or going back and on again would show its error on a page not yet seen).
pub fn accepted(answers: &Answers, walk: &Walk) -> Answers {
    let keep: Vec<&str> = walk.path.iter().map(String::as_str).collect();
    only(answers, &keep)
}

fn only(answers: &Answers, keep: &[&str]) -> Answers {
    answers
        .iter()
        .filter(|(k, _)| keep.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `a=1&b=2`, keys sorted, values form-encoded.
pub fn query(answers: &Answers) -> String {
    answers
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The address of a step, e.g. `/en/check/stay/purpose?citizenship=DE`.
pub fn href(lang: &str, flow: &str, step: &Step, answers: &Answers) -> String {
    let page = match step {
        Step::Start => String::new(),
        Step::Question(q) => format!("/{q}"),
        Step::Answers => "/answers".to_string(),
        Step::Result => "/result".to_string(),
    };
    let q = query(answers);
    let sep = if q.is_empty() { "" } else { "?" };
    format!("/{lang}/check/{flow}{page}{sep}{q}")
}

/// What a question's page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionState {
    /// The answer to show in the field: the one given before (Back, Change) or the refused one.
    pub value: Option<String>,
    pub error: Option<AnswerError>,
    /// Where the Back link goes.
    pub back: Step,
}

/// The page of question `id` for these answers, or the step to redirect to when the answers do
/// not reach that question.
pub fn question_state(walk: &Walk, answers: &Answers, id: &str) -> Result<QuestionState, Step> {
    let back = |before: &[String]| {
        before
            .last()
            .map(|q| Step::Question(q.clone()))
            .unwrap_or(Step::Start)
    };
    if let Some(i) = walk.path.iter().position(|q| q == id) {
        return Ok(QuestionState {
            value: answers.get(id).cloned(),
            error: None,
            back: back(&walk.path[..i]),
        });
    }
    match &walk.next {
        Next::Ask(q) if q == id => Ok(QuestionState {
            value: None,
            error: None,
            back: back(&walk.path),
        }),
        Next::Invalid { question, error } if question == id => Ok(QuestionState {
            value: answers.get(id).cloned(),
            error: Some(error.clone()),
            back: back(&walk.path),
        }),
        _ => Err(next_step(walk)),
    }
}

fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::engine::Next;
    use std::collections::BTreeMap;

    #[test]
    fn date_boxes_accept_arabic_indic_and_persian_digits() {
        assert_eq!(date_from_parts("٢٧", "٣", "٢٠٢٦"), "2026-03-27");
        assert_eq!(date_from_parts("۲۷", "۳", "۱۹۹۰"), "1990-03-27");
    }

    fn walk(path: &[&str], next: Next) -> Walk {
        Walk {
            path: path.iter().map(|s| s.to_string()).collect(),
            next,
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// One question of each kind that reads its answer from the form in its own way.
    fn flow() -> crate::eligibility::flow::Flow {
        use crate::eligibility::flow::*;
        let q = |id: &str, kind: Kind, options: &[&str]| Question {
            id: id.into(),
            kind,
            text: id.into(),
            hint: None,
            options: options
                .iter()
                .map(|v| Choice {
                    value: v.to_string(),
                    label: v.to_string(),
                })
                .collect(),
            min: None,
            max: None,
            next: vec![Rule {
                when: vec![],
                goto: "outcome:done".into(),
            }],
        };
        Flow {
            id: "f".into(),
            title: "t".into(),
            description: "d".into(),
            last_reviewed: "2026-11-26".into(),
            sources: vec![],
            start: "country".into(),
            questions: vec![
                q("country", Kind::Country, &[]),
                q("purpose", Kind::Multiple, &["a", "b"]),
                q("arrival", Kind::Date, &[]),
                q("single", Kind::Single, &["x", "y"]),
            ],
            outcomes: vec![],
        }
    }

    fn from(pairs: &[(&str, &str)]) -> Answers {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (k, v) in pairs {
            map.entry(k.to_string()).or_default().push(v.to_string());
        }
        answers_from(&flow(), |k| map.get(k).cloned().unwrap_or_default())
    }

    #[test]
    fn form_fields_become_answers() {
        assert_eq!(
            from(&[
                ("country", "DE"),
                ("purpose", "a"),
                ("purpose", "b"),
                ("arrival-day", "5"),
                ("arrival-month", "3"),
                ("arrival-year", "2026"),
                ("spy", "1"),
            ]),
            answers(&[
                ("arrival", "2026-03-05"),
                ("country", "DE"),
                ("purpose", "a,b")
            ])
        );
        // The boxes win over a hidden earlier answer; empty boxes are an empty answer.
        assert_eq!(
            from(&[
                ("arrival", "2026-01-01"),
                ("arrival-day", "31"),
                ("arrival-month", "2"),
                ("arrival-year", "2026")
            ]),
            answers(&[("arrival", "2026-02-31")])
        );
        assert_eq!(
            from(&[
                ("arrival-day", ""),
                ("arrival-month", ""),
                ("arrival-year", "")
            ]),
            answers(&[("arrival", "")])
        );
        // A radio question sent with nothing chosen.
        assert_eq!(from(&[("answered", "single")]), answers(&[("single", "")]));
        assert_eq!(from(&[("answered", "nonsense")]), answers(&[]));
    }

    #[test]
    fn date_boxes_round_trip() {
        assert_eq!(date_parts("2026-03-05"), ["5", "3", "2026"]);
        assert_eq!(date_parts("2026-3x-10"), ["10", "3x", "2026"]);
        assert_eq!(date_parts(""), ["", "", ""]);
    }

    #[test]
    fn addresses_have_sorted_encoded_queries() {
        let a = answers(&[("purpose", "a,b"), ("country", "DE"), ("note", "x y&z")]);
        assert_eq!(
            href("en", "stay", &Step::Question("arrival".into()), &a),
            "/en/check/stay/arrival?country=DE&note=x+y%26z&purpose=a,b"
        );
        assert_eq!(
            href("az", "stay", &Step::Start, &Answers::new()),
            "/az/check/stay"
        );
        assert_eq!(
            href("ru", "stay", &Step::Result, &answers(&[("a", "1")])),
            "/ru/check/stay/result?a=1"
        );
    }

    #[test]
    fn question_pages_follow_the_walk() {
        let given = answers(&[("country", "DE"), ("purpose", "a"), ("zzz", "1")]);
        let w = walk(&["country", "purpose"], Next::Ask("arrival".into()));
        // The next question: empty, Back to the previous one.
        assert_eq!(
            question_state(&w, &given, "arrival"),
            Ok(QuestionState {
                value: None,
                error: None,
                back: Step::Question("purpose".into())
            })
        );
        // Back to an answered question: the answer is shown.
        assert_eq!(
            question_state(&w, &given, "purpose"),
            Ok(QuestionState {
                value: Some("a".into()),
                error: None,
                back: Step::Question("country".into())
            })
        );
        assert_eq!(
            question_state(&w, &given, "country").unwrap().back,
            Step::Start
        );
        // A question the answers do not reach: go to the right one.
        assert_eq!(
            question_state(&w, &given, "single"),
            Err(Step::Question("arrival".into()))
        );
        // A refused answer is shown with its error.
        let bad = walk(
            &["country"],
            Next::Invalid {
                question: "purpose".into(),
                error: AnswerError::UnknownOption,
            },
        );
        let state = question_state(&bad, &given, "purpose").unwrap();
        assert_eq!(state.error, Some(AnswerError::UnknownOption));
        assert_eq!(state.value.as_deref(), Some("a"));
        assert_eq!(
            question_state(&bad, &given, "arrival"),
            Err(Step::Question("purpose".into()))
        );
        // Complete answers: any unreached question sends to "check your answers".
        let done = walk(&["country"], Next::Outcome("done".into()));
        assert_eq!(question_state(&done, &given, "arrival"), Err(Step::Answers));
        // Only answers on the path (and the refused one) stay in the address.
        assert_eq!(kept(&given, &done), answers(&[("country", "DE")]));
        assert_eq!(
            kept(&given, &bad),
            answers(&[("country", "DE"), ("purpose", "a")])
        );
        assert_eq!(accepted(&given, &bad), answers(&[("country", "DE")]));
        // Continue after an answer steps through the answered questions that follow it.
        assert_eq!(after_answer(&done, Some("country")), Step::Answers);
        assert_eq!(
            after_answer(&w, Some("country")),
            Step::Question("purpose".into())
        );
        assert_eq!(
            after_answer(&w, Some("purpose")),
            Step::Question("arrival".into())
        );
        assert_eq!(after_answer(&w, None), Step::Question("arrival".into()));
        assert_eq!(
            after_answer(&bad, Some("purpose")),
            Step::Question("purpose".into())
        );
    }
}
