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
    /// Newest first; the first is the "last updated" date.
    pub changes: Vec<Change>,
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
    pub last_reviewed: String,
    pub source_url: String,
    pub indicators: Vec<Indicator>,
    pub early_2020: Vec<Indicator>,
    pub totals: Vec<Total>,
}

/// One dated line of a guide's change history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// ISO date.
    pub date: String,
    pub summary: String,
}

/// One entry of the site's list of updates: a change to a guide, or a news article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Update {
    pub date: String,
    pub href: String,
    /// The page's title.
    pub title: String,
    /// What changed (a guide's change line; a news article's summary).
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// As written locally: `(012) 562 56 23`.
    pub display: String,
    /// For the `tel:` link: `+994125625623`.
    pub tel: String,
}

/// An office that takes migration applications, in one locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub id: String,
    /// `sms`, `regional`, `asan` or `nakhchivan`.
    pub kind: String,
    pub region: String,
    pub region_name: String,
    pub name: String,
    pub address: Option<String>,
    pub hours: Option<String>,
    pub handles: String,
    pub phones: Vec<Phone>,
    pub lat: f64,
    pub lon: f64,
    /// Which of `address`, `phones`, `hours` the sources leave uncertain.
    pub uncertain: Vec<String>,
    pub sources: Vec<Source>,
    pub reviewed: String,
}

/// A point to draw on a map: an office or a place to visit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapPoint {
    pub label: String,
    pub lat: f64,
    pub lon: f64,
}

/// One row of the fees table, in one locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeeRow {
    /// The procedure's key in content/fees.toml.
    pub procedure: String,
    pub procedure_name: String,
    /// The guide that explains the procedure, when there is one.
    pub guide_href: Option<String>,
    pub applicant: String,
    /// "1 year", "30 days", or empty.
    pub term: String,
    /// "15 working days", or empty when no source gives a time.
    pub speed: String,
    /// "160 AZN", "Free".
    pub amount: String,
    pub uncertain: bool,
    pub note: Option<String>,
    pub source: Source,
    pub reviewed: String,
}

/// One row of the processing-times table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessingTime {
    pub procedure_name: String,
    pub guide_href: Option<String>,
    /// The standard time the status page's estimate uses, e.g. "20 working days".
    pub standard: String,
    /// Faster decisions a higher fee buys, e.g. "15 working days".
    pub faster: Vec<String>,
    pub uncertain: bool,
    pub sources: Vec<Source>,
    pub reviewed: String,
}

/// A place to visit, in one locale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub about: String,
    pub lat: f64,
    pub lon: f64,
    pub sources: Vec<Source>,
    pub official: bool,
    pub reviewed: String,
}

/// One concept of the glossary page in one language, with its Azerbaijani original.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    /// The anchor (`temporary_residence_permit`).
    pub key: String,
    pub term: String,
    /// The term in Azerbaijani, as it is written on the Service's forms.
    pub original: String,
    pub explanation: String,
}
