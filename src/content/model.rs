//! What a page needs from the content, already rendered to HTML on the server. Plain data: the
//! server functions send these to the browser on client-side navigation.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Faq {
    pub question: String,
    pub answer: String,
}

/// A link to a page of the site: its path and title, e.g. a guide in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageLink {
    pub href: String,
    pub title: String,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Guide {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    /// ISO date, e.g. `2026-11-26`.
    pub last_reviewed: String,
    pub sources: Vec<Source>,
    pub faq: Vec<Faq>,
    pub body_html: String,
    /// The step-by-step journeys that include this guide, its own step marked.
    pub journeys: Vec<Journey>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepLogic {
    /// A numbered step of its own.
    Next,
    /// Done alongside the previous step (shares its number).
    And,
    /// Instead of the previous step (shares its number).
    Or,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JourneyStep {
    /// The number shown; `and`/`or` steps share the previous step's number.
    pub number: u32,
    pub logic: StepLogic,
    pub title: String,
    pub text: String,
    pub links: Vec<PageLink>,
    /// True on a guide's page for the step that links that guide.
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub last_reviewed: String,
    pub steps: Vec<JourneyStep>,
}

/// A Markdown page of a section (Visit, Invest) or a news article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// ISO date of publication (news only).
    pub published: Option<String>,
    pub last_reviewed: String,
    pub sources: Vec<Source>,
    pub body_html: String,
}

/// One bar of the statistics chart: a 2020 figure as a percentage of 2019's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub key: String,
    pub label: String,
    pub change: String,
    pub percent_of_2019: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Total {
    pub key: String,
    pub label: String,
    pub value: f64,
    pub unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statistics {
    /// What the figures compare, e.g. "2020 compared with 2019" (shown as the page's caption).
    pub period: String,
    pub title: String,
    pub summary: String,
    pub chart_title: String,
    pub published: String,
    pub last_reviewed: String,
    pub source_url: String,
    pub indicators: Vec<Indicator>,
    pub early_2020: Vec<Indicator>,
    pub totals: Vec<Total>,
}
