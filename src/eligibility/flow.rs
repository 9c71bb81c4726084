//! A flow's definition and its static checks: every question reachable, every path ending in an
//! outcome, no cycles, every option leading somewhere. Problems name the node they are in.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    /// Translation key of the flow's title.
    pub title: String,
    /// Translation key of one or two sentences on what the flow answers.
    pub description: String,
    /// When the rules were last checked against the sources (`YYYY-MM-DD`).
    pub last_reviewed: String,
    /// Where the rules come from; shown on every outcome.
    pub sources: Vec<Source>,
    /// The first question's id.
    pub start: String,
    pub questions: Vec<Question>,
    pub outcomes: Vec<Outcome>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Translation key of the source's name.
    pub name: String,
    pub url: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Single,
    Multiple,
    Country,
    Date,
    Number,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    /// Translation key of the question.
    pub text: String,
    #[serde(default)]
    pub hint: Option<String>,
    /// Choices of `single` and `multiple` questions: the value and its label's translation key.
    #[serde(default)]
    pub options: Vec<Choice>,
    /// `number`: the smallest and largest accepted. `date`: days before/after today accepted.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    /// Tried in order; the first whose conditions all hold decides. The last has none.
    pub next: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(default)]
    pub when: Vec<Condition>,
    /// A question id, or `outcome:<id>`.
    pub goto: String,
}

/// A test on an earlier answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub answer: String,
    /// The answer equals this value (for `multiple`: contains it).
    #[serde(default)]
    pub is: Option<String>,
    #[serde(default)]
    pub one_of: Vec<String>,
    /// Numbers: inclusive bounds.
    #[serde(default)]
    pub at_most: Option<i64>,
    #[serde(default)]
    pub at_least: Option<i64>,
    /// Countries: the country has this attribute (e.g. `visa_free_days`).
    #[serde(default)]
    pub country_has: Option<String>,
    /// Numbers: at most the `attribute` of the country answered to this question (a stay within
    /// the citizenship's own visa-free days). False when the country has no such attribute.
    #[serde(default)]
    pub at_most_days_of: Option<String>,
    #[serde(default)]
    pub attribute: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub id: String,
    /// Translation key of the outcome's heading.
    pub title: String,
    /// Translation keys of what to do: the personal checklist.
    #[serde(default)]
    pub body: Vec<String>,
    /// Translation keys of the documents to have ready.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Translation keys of the fees that apply.
    #[serde(default)]
    pub fees: Vec<String>,
    /// Slugs of the guides to read next (`content/<locale>/procedures/<slug>.md`).
    #[serde(default)]
    pub guides: Vec<String>,
    /// Dates the outcome gives, each counted from a date answer.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
}

/// "Register by …": `days` after the date answered to `from` (calendar days).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// Translation key of what must be done by then ("Register your place of stay by").
    pub label: String,
    /// Translation key of the calendar entry's title ("Last day to register your place of stay").
    pub event: String,
    /// The id of a `date` question.
    pub from: String,
    pub days: i64,
}

pub const OUTCOME_PREFIX: &str = "outcome:";

/// Words the checker's addresses (`/check/<flow>/answers`) and forms (`answered`) use, so no
/// question may be called that.
pub const RESERVED_IDS: [&str; 4] = ["answers", "result", "calendar.ics", "answered"];

/// What walking needs from a flow: its id, its first question and its questions. The server's
/// `Flow` has it along with everything its pages show; the browser gets only this much
/// (`walker::Route`), so the wasm holds no reader for outcomes, sources or deadlines.
pub trait Questions {
    fn id(&self) -> &str;
    fn start(&self) -> &str;
    fn questions(&self) -> &[Question];
    fn question(&self, id: &str) -> Option<&Question> {
        self.questions().iter().find(|q| q.id == id)
    }
}

impl Question {
    /// The first and last days a date question accepts, as its error message names them (a side
    /// without a limit is shown a hundred years away).
    pub fn date_range(
        &self,
        today: crate::dates::Date,
    ) -> (crate::dates::Date, crate::dates::Date) {
        (
            today.add_days(self.min.unwrap_or(-36_500)),
            today.add_days(self.max.unwrap_or(36_500)),
        )
    }
}

impl Questions for Flow {
    fn id(&self) -> &str {
        &self.id
    }
    fn start(&self) -> &str {
        &self.start
    }
    fn questions(&self) -> &[Question] {
        &self.questions
    }
}

impl Flow {
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    /// Every translation key the flow uses, for the locale coverage test.
    pub fn text_keys(&self) -> BTreeSet<&str> {
        let mut keys = BTreeSet::from([self.title.as_str(), self.description.as_str()]);
        keys.extend(self.sources.iter().map(|s| s.name.as_str()));
        for q in &self.questions {
            keys.insert(&q.text);
            keys.extend(q.hint.as_deref());
            keys.extend(q.options.iter().map(|o| o.label.as_str()));
        }
        for o in &self.outcomes {
            keys.insert(&o.title);
            for list in [&o.body, &o.documents, &o.fees] {
                keys.extend(list.iter().map(String::as_str));
            }
            for d in &o.deadlines {
                keys.extend([d.label.as_str(), d.event.as_str()]);
            }
        }
        keys
    }

    /// Every problem with the flow's shape, each naming its node; empty when the flow is sound.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if crate::dates::Date::parse_iso(&self.last_reviewed).is_none() {
            problems.push(format!(
                "last_reviewed: `{}` is not a date (YYYY-MM-DD)",
                self.last_reviewed
            ));
        }
        if self.sources.is_empty() {
            problems.push("sources: name at least one source of the rules".to_string());
        }
        let mut ids = BTreeSet::new();
        for q in &self.questions {
            if !ids.insert(q.id.as_str()) {
                problems.push(format!("question `{}`: id used twice", q.id));
            }
            let plain =
                q.id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if RESERVED_IDS.contains(&q.id.as_str()) || !plain || q.id.is_empty() {
                problems.push(format!(
                    "question `{}`: ids are lower-case letters, digits and `_`, and not one of {RESERVED_IDS:?}",
                    q.id
                ));
            }
        }
        let mut outcome_ids = BTreeSet::new();
        for o in &self.outcomes {
            if !outcome_ids.insert(o.id.as_str()) {
                problems.push(format!("outcome `{}`: id used twice", o.id));
            }
        }
        for o in &self.outcomes {
            for d in &o.deadlines {
                if self.question(&d.from).is_none_or(|q| q.kind != Kind::Date) {
                    problems.push(format!(
                        "outcome `{}`: deadline counts from `{}`, which is not a date question",
                        o.id, d.from
                    ));
                }
            }
        }
        if self.question(&self.start).is_none() {
            problems.push(format!("start: no question `{}`", self.start));
        }
        for q in &self.questions {
            let here = format!("question `{}`", q.id);
            match q.kind {
                Kind::Single | Kind::Multiple if q.options.is_empty() => {
                    problems.push(format!("{here}: a {:?} question needs options", q.kind))
                }
                Kind::Country | Kind::Date | Kind::Number if !q.options.is_empty() => {
                    problems.push(format!("{here}: a {:?} question takes no options", q.kind))
                }
                _ => {}
            }
            match q.next.last() {
                None => problems.push(format!(
                    "{here}: no `next` rule: this path ends without an outcome"
                )),
                // An unconditional last rule means every answer, every option included, leads on.
                Some(last) if !last.when.is_empty() => problems.push(format!(
                    "{here}: the last `next` rule must have no `when`, or some answers lead nowhere"
                )),
                _ => {}
            }
            for rule in &q.next {
                if let Some(o) = rule.goto.strip_prefix(OUTCOME_PREFIX) {
                    if self.outcome(o).is_none() {
                        problems.push(format!("{here}: goto `{}`: no such outcome", rule.goto));
                    }
                } else if self.question(&rule.goto).is_none() {
                    problems.push(format!("{here}: goto `{}`: no such question", rule.goto));
                }
                for c in &rule.when {
                    match self.question(&c.answer) {
                        None => problems.push(format!(
                            "{here}: condition on `{}`: no such question",
                            c.answer
                        )),
                        Some(asked) => {
                            for v in c.is.iter().chain(&c.one_of) {
                                if !asked.options.is_empty()
                                    && !asked.options.iter().any(|o| &o.value == v)
                                {
                                    problems.push(format!(
                                        "{here}: condition `{}` = `{v}`: `{}` has no such option",
                                        c.answer, c.answer
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
        // Reachability and cycles, over question → question edges.
        let edges: BTreeMap<&str, Vec<&str>> = self
            .questions
            .iter()
            .map(|q| {
                (
                    q.id.as_str(),
                    q.next.iter().map(|r| r.goto.as_str()).collect(),
                )
            })
            .collect();
        let mut reached = BTreeSet::new();
        let mut on_path = Vec::new();
        if self.question(&self.start).is_some() {
            self.visit(
                &self.start,
                &edges,
                &mut reached,
                &mut on_path,
                &mut problems,
            );
        }
        for q in &self.questions {
            if !reached.contains(q.id.as_str()) {
                problems.push(format!(
                    "question `{}`: not reachable from `{}`",
                    q.id, self.start
                ));
            }
        }
        for o in &self.outcomes {
            if !reached.contains(format!("{OUTCOME_PREFIX}{}", o.id).as_str()) {
                problems.push(format!(
                    "outcome `{}`: not reachable from `{}`",
                    o.id, self.start
                ));
            }
        }
        problems
    }

    fn visit<'a>(
        &'a self,
        node: &'a str,
        edges: &BTreeMap<&'a str, Vec<&'a str>>,
        reached: &mut BTreeSet<String>,
        on_path: &mut Vec<&'a str>,
        problems: &mut Vec<String>,
    ) {
        if on_path.contains(&node) {
            on_path.push(node);
            problems.push(format!("question `{node}`: cycle {}", on_path.join(" → ")));
            on_path.pop();
            return;
        }
        if !reached.insert(node.to_string()) {
            return;
        }
        on_path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if next.starts_with(OUTCOME_PREFIX) {
                reached.insert(next.to_string());
            } else if edges.contains_key(next) {
                self.visit(next, edges, reached, on_path, problems);
            }
        }
        on_path.pop();
    }
}
