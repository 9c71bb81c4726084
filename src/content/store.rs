//! The loaded content (server only): a set of accessors over what `load` read and checked at
//! start-up.
use super::load::fees::Fees;
use super::load::offices::Outline;
use super::load::statistics::StatisticsFile;
use super::model::*;
use crate::eligibility::countries::CountryList;
use crate::eligibility::flow::Flow;
use crate::search::{Hit, Index};
use crate::status::rules::StatusRules;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;

pub use super::load::load;

type Key = (String, String);

pub struct ContentStore {
    pub(super) guides: HashMap<Key, Guide>,
    /// Guide slugs in the editors' order.
    pub(super) guide_order: Vec<String>,
    pub(super) journeys: HashMap<Key, Journey>,
    pub(super) journey_order: Vec<String>,
    pub(super) pages: HashMap<Key, Article>,
    pub(super) news: HashMap<Key, Article>,
    /// News slugs, newest first.
    pub(super) news_order: Vec<String>,
    pub(super) statistics: StatisticsFile,
    pub(super) index: Index,
    /// The eligibility flows, by id.
    pub(super) flows: BTreeMap<String, Flow>,
    /// Flow texts per locale, by key (`registration.q.arrival`).
    pub(super) flow_texts: HashMap<String, BTreeMap<String, String>>,
    pub(super) countries: CountryList,
    pub(super) status_rules: StatusRules,
    pub(super) fees: Fees,
    pub(super) offices: BTreeMap<String, Vec<Office>>,
    pub(super) outline: Outline,
    pub(super) places: BTreeMap<String, Vec<Place>>,
    /// Addresses served in English for a partial locale (load/partial.rs).
    pub(super) stand_ins: std::collections::HashSet<String>,
    pub(super) glossary: BTreeMap<String, Vec<GlossaryEntry>>,
}

/// One entry of a per-locale map.
fn entry<'a, T>(map: &'a HashMap<Key, T>, locale: &str, slug: &str) -> Option<&'a T> {
    map.get(&(locale.to_string(), slug.to_string()))
}

impl ContentStore {
    /// The glossary page's terms in `locale`.
    pub fn glossary(&self, locale: &str) -> Vec<GlossaryEntry> {
        self.glossary.get(locale).cloned().unwrap_or_default()
    }

    /// Whether the page at `path` (any locale's address) is written in `locale`, not an
    /// English stand-in of a partial locale.
    pub fn translated(&self, locale: &str, path: &str) -> bool {
        let path = crate::locale::localized_path(locale, path);
        let path = path.trim_end_matches('/');
        // A stand-in covers its own address and the pages under it (`/tr/check/…`).
        !self.stand_ins.iter().any(|s| {
            path == s
                || path
                    .strip_prefix(s.as_str())
                    .is_some_and(|r| r.starts_with('/'))
        })
    }

    pub fn guide(&self, locale: &str, slug: &str) -> Option<&Guide> {
        entry(&self.guides, locale, slug)
    }

    pub fn guides(&self, locale: &str) -> Vec<&Guide> {
        self.guide_order
            .iter()
            .filter_map(|s| self.guide(locale, s))
            .collect()
    }

    pub fn journey(&self, locale: &str, slug: &str) -> Option<&Journey> {
        entry(&self.journeys, locale, slug)
    }

    pub fn journeys(&self, locale: &str) -> Vec<&Journey> {
        self.journey_order
            .iter()
            .filter_map(|s| self.journey(locale, s))
            .collect()
    }

    /// A Markdown page: a section (visit, invest), service (offices, fees, processing-times)
    /// or site page (privacy, accessibility, cookies).
    pub fn page(&self, locale: &str, slug: &str) -> Option<&Article> {
        entry(&self.pages, locale, slug)
    }

    pub fn article(&self, locale: &str, slug: &str) -> Option<&Article> {
        entry(&self.news, locale, slug)
    }

    pub fn news(&self, locale: &str) -> Vec<&Article> {
        self.news_order
            .iter()
            .filter_map(|s| self.article(locale, s))
            .collect()
    }

    pub fn statistics(&self, locale: &str) -> Statistics {
        self.statistics.localized(locale)
    }

    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.get(id)
    }

    pub fn flows(&self) -> impl Iterator<Item = &Flow> {
        self.flows.values()
    }

    pub fn flow_text(&self, locale: &str, key: &str) -> Option<&str> {
        self.flow_texts.get(locale)?.get(key).map(String::as_str)
    }

    pub fn countries(&self) -> &CountryList {
        &self.countries
    }

    /// Processing times and public holidays (content/status.toml).
    pub fn status_rules(&self) -> &StatusRules {
        &self.status_rules
    }

    /// Every fee (content/fees.toml).
    pub fn fees(&self, locale: &str) -> &[FeeRow] {
        self.fees.rows(locale)
    }

    /// Each procedure the status page estimates: its standard time (content/status.toml) and
    /// the faster decisions a higher fee buys (content/fees.toml).
    pub fn processing_times(&self, locale: &str) -> Vec<ProcessingTime> {
        let rules = &self.status_rules;
        self.fees
            .processing_keys()
            .filter_map(|(procedure, key)| {
                let standard = *rules.processing.get(key)?;
                let rows: Vec<&FeeRow> = self
                    .fees(locale)
                    .iter()
                    .filter(|r| r.procedure == procedure)
                    .collect();
                let mut faster: Vec<String> = Vec::new();
                let standard_text = self.fees.working_days(locale, u64::from(standard));
                for r in &rows {
                    if !r.speed.is_empty() && r.speed != standard_text && !faster.contains(&r.speed)
                    {
                        faster.push(r.speed.clone());
                    }
                }
                let mut sources: Vec<Source> = rules
                    .sources
                    .iter()
                    .map(|s| Source {
                        name: s.name.clone(),
                        url: s.url.clone(),
                    })
                    .collect();
                for r in &rows {
                    if !sources.iter().any(|s| s.url == r.source.url) {
                        sources.push(r.source.clone());
                    }
                }
                Some(ProcessingTime {
                    procedure_name: self.fees.procedure_name(locale, procedure)?,
                    guide_href: self
                        .fees
                        .procedure_guide(procedure)
                        .map(|g| format!("/{locale}/procedures/{g}")),
                    standard: standard_text,
                    faster,
                    uncertain: rows.iter().any(|r| r.uncertain),
                    // The newest check of anything the row shows.
                    reviewed: rows
                        .iter()
                        .map(|r| r.reviewed.clone())
                        .chain([rules.last_reviewed.clone()])
                        .max()
                        .unwrap_or_default(),
                    sources,
                })
            })
            .collect()
    }

    /// The offices that take applications (content/offices.toml), in the file's order.
    pub fn offices(&self, locale: &str) -> &[Office] {
        self.offices.get(locale).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Places a visitor might go (content/places.toml).
    pub fn places(&self, locale: &str) -> &[Place] {
        self.places.get(locale).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The country's outline the maps are drawn on.
    pub fn outline(&self) -> &Outline {
        &self.outline
    }

    /// Changes to guides, and dated news, newest first.
    pub fn updates(&self, locale: &str) -> Vec<Update> {
        let mut out: Vec<Update> = Vec::new();
        for guide in self.guides(locale) {
            for change in &guide.changes {
                out.push(Update {
                    date: change.date.clone(),
                    href: format!("/{locale}/procedures/{}", guide.slug),
                    title: guide.title.clone(),
                    summary: change.summary.clone(),
                });
            }
        }
        // An undated article (a release that gives no date) is not dated here either.
        for article in self.news(locale) {
            let Some(published) = article.published.clone() else {
                continue;
            };
            out.push(Update {
                date: published,
                href: format!("/{locale}/news/{}", article.slug),
                title: article.title.clone(),
                summary: article.summary.clone(),
            });
        }
        out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
        out
    }

    pub fn search(&self, locale: &str, query: &str) -> Vec<Hit> {
        self.index.search(locale, query, 20)
    }

    /// Every page path the content defines, without the locale: `/procedures/registration`, …
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = Vec::new();
        paths.extend(self.guide_order.iter().map(|s| format!("/procedures/{s}")));
        paths.extend(self.journey_order.iter().map(|s| format!("/journeys/{s}")));
        paths.extend(self.news_order.iter().map(|s| format!("/news/{s}")));
        paths.extend(self.flows.keys().map(|f| format!("/check/{f}")));
        paths
    }

    /// The newest `last_reviewed` date of a path's content, for the sitemap.
    pub fn last_reviewed(&self, locale: &str, path: &str) -> Option<String> {
        let mut parts = path.trim_start_matches('/').splitn(2, '/');
        let (section, slug) = (parts.next()?, parts.next().unwrap_or(""));
        match section {
            "procedures" if !slug.is_empty() => {
                self.guide(locale, slug).map(|g| g.last_reviewed.clone())
            }
            "journeys" if !slug.is_empty() => {
                self.journey(locale, slug).map(|j| j.last_reviewed.clone())
            }
            "news" if slug == "statistics" => Some(self.statistics.last_reviewed.to_string()),
            "news" if !slug.is_empty() => {
                self.article(locale, slug).map(|a| a.last_reviewed.clone())
            }
            "check" if !slug.is_empty() => self.flow(slug).map(|f| f.last_reviewed.clone()),
            _ => self.page(locale, section).map(|a| a.last_reviewed.clone()),
        }
    }
}

static STORE: OnceLock<ContentStore> = OnceLock::new();

/// The folder content is read from: `SMSITE_CONTENT_DIR`, else `content` in the working folder.
pub fn content_dir() -> PathBuf {
    std::env::var_os("SMSITE_CONTENT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("content"))
}

/// Loads the content once; later calls return the same store.
pub fn init() -> Result<&'static ContentStore, Vec<String>> {
    if let Some(store) = STORE.get() {
        return Ok(store);
    }
    let store = load(&content_dir())?;
    Ok(STORE.get_or_init(|| store))
}

/// The loaded content. The server calls `init` at start-up, so this cannot fail while serving;
/// in tests it loads on first use and panics with the list of problems.
pub fn global() -> &'static ContentStore {
    init().unwrap_or_else(|errors| panic!("content is invalid:\n{}", errors.join("\n")))
}
