//! An outcome with its texts filled in for one person's answers: the personal checklist the
//! result page shows and the API returns. Built the same way on the server and in the browser,
//! so the browser's fallback is the server's answer.
use super::engine::{deadlines, Answers};
use super::flow::Flow;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub flow: String,
    pub locale: String,
    /// The outcome's id.
    pub outcome: String,
    pub title: String,
    /// What to do.
    pub body: Vec<String>,
    pub documents: Vec<String>,
    pub fees: Vec<String>,
    pub guides: Vec<GuideLink>,
    pub deadlines: Vec<DeadlineOut>,
    /// The questions answered on the way, in order.
    pub answered: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GuideLink {
    pub title: String,
    pub href: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeadlineOut {
    /// "Register your place of stay by".
    pub label: String,
    /// The calendar entry's title.
    pub event: String,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// The summary of `outcome` for these answers. `text` translates a flow text key and
/// `guide_title` names a guide (`None` leaves the link out).
pub fn summarize(
    flow: &Flow,
    locale: &str,
    outcome: &str,
    answered: &[String],
    answers: &Answers,
    text: &dyn Fn(&str) -> String,
    guide_title: &dyn Fn(&str) -> Option<String>,
) -> Option<Summary> {
    let o = flow.outcome(outcome)?;
    let texts = |keys: &[String]| keys.iter().map(|k| text(k)).collect::<Vec<_>>();
    Some(Summary {
        flow: flow.id.clone(),
        locale: locale.to_string(),
        outcome: o.id.clone(),
        title: text(&o.title),
        body: texts(&o.body),
        documents: texts(&o.documents),
        fees: texts(&o.fees),
        guides: o
            .guides
            .iter()
            .filter_map(|slug| {
                Some(GuideLink {
                    title: guide_title(slug)?,
                    href: format!("/{locale}/procedures/{slug}"),
                })
            })
            .collect(),
        deadlines: deadlines(flow, outcome, answers)
            .into_iter()
            .map(|(d, date)| DeadlineOut {
                label: text(&d.label),
                event: text(&d.event),
                date: date.iso(),
            })
            .collect(),
        answered: answered.to_vec(),
    })
}
