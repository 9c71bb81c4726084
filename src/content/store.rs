//! Loads, checks and holds all content at start-up (server only). Every problem found is
//! reported with the file it is in; the server refuses to start with broken content, and the
//! test suite fails with the same messages.
use super::front_matter;
use super::markdown::{self, Rendered};
use super::model::*;
use crate::eligibility::countries::CountryList;
use crate::eligibility::flow::Flow;
use crate::locale::LOCALES;
use crate::search::{Document, Hit, Index};
use crate::status::rules::StatusRules;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The parts every guide has, in order, as their `##` headings read in each locale.
pub const GUIDE_PARTS: [(&str, [&str; 8]); 3] = [
    (
        "en",
        [
            "Who this is for",
            "Before you start",
            "Steps",
            "Documents",
            "Fees",
            "How long it takes",
            "Deadlines",
            "Where and how to apply",
        ],
    ),
    (
        "az",
        [
            "Kimin üçündür",
            "Başlamazdan əvvəl",
            "Addımlar",
            "Sənədlər",
            "Rüsumlar",
            "Nə qədər vaxt aparır",
            "Son müddətlər",
            "Harada və necə müraciət etmək olar",
        ],
    ),
    (
        "ru",
        [
            "Для кого это",
            "Перед началом",
            "Шаги",
            "Документы",
            "Сборы и пошлины",
            "Сроки рассмотрения",
            "Крайние сроки",
            "Где и как подать заявление",
        ],
    ),
];

/// Section pages that must exist in every locale.
pub const SECTION_PAGES: [&str; 2] = ["visit", "invest"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFront {
    title: String,
    summary: String,
    audience: String,
    last_reviewed: toml::value::Date,
    order: u32,
    sources: Vec<Source>,
    #[serde(default)]
    faq: Vec<Faq>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFront {
    title: String,
    summary: String,
    #[serde(default)]
    published: Option<toml::value::Date>,
    last_reviewed: toml::value::Date,
    sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JourneyFile {
    title: String,
    summary: String,
    last_reviewed: toml::value::Date,
    steps: Vec<StepFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    title: String,
    text: String,
    #[serde(default)]
    logic: Option<String>,
    #[serde(default)]
    guides: Vec<String>,
    #[serde(default)]
    links: Vec<LinkFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkFile {
    text: String,
    href: String,
}

type Localized = BTreeMap<String, String>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatisticsFile {
    period: Localized,
    published: toml::value::Date,
    last_reviewed: toml::value::Date,
    source_url: String,
    title: Localized,
    summary: Localized,
    chart_title: Localized,
    indicators: Vec<IndicatorFile>,
    early_2020: Vec<IndicatorFile>,
    totals: Vec<TotalFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorFile {
    key: String,
    percent_of_2019: f64,
    label: Localized,
    change: Localized,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TotalFile {
    key: String,
    value: f64,
    #[serde(default)]
    unit: Option<String>,
    label: Localized,
}

type Key = (String, String);

pub struct ContentStore {
    guides: HashMap<Key, Guide>,
    /// Guide slugs in the editors' order.
    guide_order: Vec<String>,
    journeys: HashMap<Key, Journey>,
    journey_order: Vec<String>,
    pages: HashMap<Key, Article>,
    news: HashMap<Key, Article>,
    /// News slugs, newest first.
    news_order: Vec<String>,
    statistics: StatisticsFile,
    index: Index,
    /// The eligibility flows, by id.
    flows: BTreeMap<String, Flow>,
    /// Flow texts per locale, by key (`registration.q.arrival`).
    flow_texts: HashMap<String, BTreeMap<String, String>>,
    countries: CountryList,
    status_rules: StatusRules,
}

/// One entry of a per-locale map.
fn entry<'a, T>(map: &'a HashMap<Key, T>, locale: &str, slug: &str) -> Option<&'a T> {
    map.get(&(locale.to_string(), slug.to_string()))
}

impl ContentStore {
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
        let s = &self.statistics;
        let pick = |m: &Localized| m.get(locale).cloned().unwrap_or_default();
        let indicators = |list: &[IndicatorFile]| {
            list.iter()
                .map(|i| Indicator {
                    key: i.key.clone(),
                    label: pick(&i.label),
                    change: pick(&i.change),
                    percent_of_2019: i.percent_of_2019,
                })
                .collect()
        };
        Statistics {
            period: pick(&s.period),
            title: pick(&s.title),
            summary: pick(&s.summary),
            chart_title: pick(&s.chart_title),
            published: s.published.to_string(),
            last_reviewed: s.last_reviewed.to_string(),
            source_url: s.source_url.clone(),
            indicators: indicators(&s.indicators),
            early_2020: indicators(&s.early_2020),
            totals: s
                .totals
                .iter()
                .map(|t| Total {
                    key: t.key.clone(),
                    label: pick(&t.label),
                    value: t.value,
                    unit: t.unit.clone(),
                })
                .collect(),
        }
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
            "journeys" => self.journey(locale, slug).map(|j| j.last_reviewed.clone()),
            "news" if slug == "statistics" => Some(self.statistics.last_reviewed.to_string()),
            "news" if !slug.is_empty() => {
                self.article(locale, slug).map(|a| a.last_reviewed.clone())
            }
            "visit" | "invest" => self.page(locale, section).map(|a| a.last_reviewed.clone()),
            "check" if !slug.is_empty() => self.flow(slug).map(|f| f.last_reviewed.clone()),
            _ => None,
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

/// Reads and checks every content file under `dir`.
pub fn load(dir: &Path) -> Result<ContentStore, Vec<String>> {
    let mut errors = Vec::new();
    let mut guides = HashMap::new();
    let mut guide_meta: Vec<(u32, String)> = Vec::new();
    let mut journeys_raw: HashMap<Key, JourneyFile> = HashMap::new();
    let mut pages = HashMap::new();
    let mut news = HashMap::new();
    let mut news_dates: Vec<(String, String)> = Vec::new();
    let mut docs = Vec::new();

    // Which slugs exist in which locale, per kind: each must exist in all of them.
    let mut seen: BTreeMap<(&str, String), Vec<&str>> = BTreeMap::new();

    for locale in LOCALES {
        let parts = GUIDE_PARTS
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, p)| p);
        for (slug, path) in files(&dir.join(locale).join("procedures"), "md", &mut errors) {
            seen.entry(("procedures", slug.clone()))
                .or_default()
                .push(locale);
            let Some((front, rendered)) = read_markdown::<GuideFront>(&path, &mut errors) else {
                continue;
            };
            if let Some(parts) = parts {
                if rendered.h2 != parts.iter().map(|p| p.to_string()).collect::<Vec<_>>() {
                    errors.push(format!(
                        "{}: the `##` parts must be exactly {:?} in this order; found {:?}",
                        path.display(),
                        parts,
                        rendered.h2
                    ));
                }
            }
            if !rendered.html.contains("<ol>") {
                errors.push(format!(
                    "{}: the Steps part must be a numbered list",
                    path.display()
                ));
            }
            check_front(
                &path,
                &front.title,
                &front.summary,
                &front.sources,
                &mut errors,
            );
            if locale == "en" {
                guide_meta.push((front.order, slug.clone()));
            }
            docs.push(Document {
                locale: locale.to_string(),
                href: format!("/{locale}/procedures/{slug}"),
                title: front.title.clone(),
                summary: front.summary.clone(),
                text: format!(
                    "{} {}",
                    rendered.plain,
                    front
                        .faq
                        .iter()
                        .map(|f| format!("{} {}", f.question, f.answer))
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
            });
            guides.insert(
                (locale.to_string(), slug.clone()),
                Guide {
                    slug,
                    title: front.title,
                    summary: front.summary,
                    audience: front.audience,
                    last_reviewed: front.last_reviewed.to_string(),
                    sources: front.sources,
                    faq: front.faq,
                    body_html: rendered.html,
                    journeys: Vec::new(),
                },
            );
        }

        for (slug, path) in files(&dir.join(locale).join("journeys"), "toml", &mut errors) {
            seen.entry(("journeys", slug.clone()))
                .or_default()
                .push(locale);
            match read_toml::<JourneyFile>(&path) {
                Ok(j) => {
                    journeys_raw.insert((locale.to_string(), slug), j);
                }
                Err(e) => errors.push(e),
            }
        }

        for slug in SECTION_PAGES {
            let path = dir.join(locale).join("pages").join(format!("{slug}.md"));
            if !path.exists() {
                errors.push(format!(
                    "{}: missing (every locale needs the {slug} page)",
                    path.display()
                ));
                continue;
            }
            if let Some((front, rendered)) = read_markdown::<ArticleFront>(&path, &mut errors) {
                check_front(
                    &path,
                    &front.title,
                    &front.summary,
                    &front.sources,
                    &mut errors,
                );
                docs.push(Document {
                    locale: locale.to_string(),
                    href: format!("/{locale}/{slug}"),
                    title: front.title.clone(),
                    summary: front.summary.clone(),
                    text: rendered.plain.clone(),
                });
                pages.insert(
                    (locale.to_string(), slug.to_string()),
                    article(slug, front, rendered),
                );
            }
        }

        for (slug, path) in files(&dir.join(locale).join("news"), "md", &mut errors) {
            seen.entry(("news", slug.clone())).or_default().push(locale);
            if let Some((front, rendered)) = read_markdown::<ArticleFront>(&path, &mut errors) {
                check_front(
                    &path,
                    &front.title,
                    &front.summary,
                    &front.sources,
                    &mut errors,
                );
                let Some(published) = front.published else {
                    errors.push(format!(
                        "{}: front matter: missing field `published`",
                        path.display()
                    ));
                    continue;
                };
                if locale == "en" {
                    news_dates.push((published.to_string(), slug.clone()));
                }
                docs.push(Document {
                    locale: locale.to_string(),
                    href: format!("/{locale}/news/{slug}"),
                    title: front.title.clone(),
                    summary: front.summary.clone(),
                    text: rendered.plain.clone(),
                });
                news.insert(
                    (locale.to_string(), slug.clone()),
                    article(&slug, front, rendered),
                );
            }
        }
    }

    for ((kind, slug), locales) in &seen {
        for locale in LOCALES {
            if !locales.contains(&locale) {
                let ext = if *kind == "journeys" { "toml" } else { "md" };
                errors.push(format!(
                    "{}: missing (the {kind} entry `{slug}` exists in {})",
                    dir.join(locale)
                        .join(kind)
                        .join(format!("{slug}.{ext}"))
                        .display(),
                    locales.join(", ")
                ));
            }
        }
    }

    guide_meta.sort();
    let guide_order: Vec<String> = guide_meta.into_iter().map(|(_, s)| s).collect();
    news_dates.sort_by(|a, b| b.cmp(a));
    let news_order = news_dates.into_iter().map(|(_, s)| s).collect();

    // Journeys: resolve guide slugs to titles, number the steps, then attach to guides.
    let mut journeys = HashMap::new();
    let mut journey_order: Vec<String> = journeys_raw
        .keys()
        .filter(|(l, _)| l == "en")
        .map(|(_, s)| s.clone())
        .collect();
    journey_order.sort();
    for ((locale, slug), file) in journeys_raw {
        let path = dir
            .join(&locale)
            .join("journeys")
            .join(format!("{slug}.toml"));
        let mut number = 0;
        let mut steps = Vec::new();
        for (i, step) in file.steps.into_iter().enumerate() {
            let logic = match step.logic.as_deref() {
                None => StepLogic::Next,
                Some("and") if i > 0 => StepLogic::And,
                Some("or") if i > 0 => StepLogic::Or,
                Some(other) => {
                    errors.push(format!(
                        "{}: step {} `{}`: logic must be \"and\" or \"or\" and not on the first step (found {other:?})",
                        path.display(),
                        i + 1,
                        step.title
                    ));
                    StepLogic::Next
                }
            };
            if logic == StepLogic::Next {
                number += 1;
            }
            let mut links = Vec::new();
            for g in &step.guides {
                match guides.get(&(locale.clone(), g.clone())) {
                    Some(guide) => links.push(PageLink {
                        href: format!("/{locale}/procedures/{g}"),
                        title: guide.title.clone(),
                        summary: guide.summary.clone(),
                    }),
                    None => errors.push(format!(
                        "{}: step {} `{}` links the guide `{g}`, which does not exist",
                        path.display(),
                        i + 1,
                        step.title
                    )),
                }
            }
            for l in step.links {
                if !l.href.starts_with(&format!("/{locale}/")) {
                    errors.push(format!(
                        "{}: step {}: link {:?} must stay in /{locale}/",
                        path.display(),
                        i + 1,
                        l.href
                    ));
                }
                links.push(PageLink {
                    href: l.href,
                    title: l.text,
                    summary: String::new(),
                });
            }
            steps.push(JourneyStep {
                number,
                logic,
                title: step.title,
                text: step.text,
                links,
                current: false,
            });
        }
        docs.push(Document {
            locale: locale.clone(),
            href: format!("/{locale}/journeys/{slug}"),
            title: file.title.clone(),
            summary: file.summary.clone(),
            text: steps
                .iter()
                .map(|s| format!("{} {}", s.title, s.text))
                .collect::<Vec<_>>()
                .join(" "),
        });
        journeys.insert(
            (locale.clone(), slug.clone()),
            Journey {
                slug,
                title: file.title,
                summary: file.summary,
                last_reviewed: file.last_reviewed.to_string(),
                steps,
            },
        );
    }
    for ((locale, slug), guide) in guides.iter_mut() {
        let href = format!("/{locale}/procedures/{slug}");
        for journey_slug in &journey_order {
            if let Some(journey) = journeys.get(&(locale.clone(), journey_slug.clone())) {
                if journey
                    .steps
                    .iter()
                    .any(|s| s.links.iter().any(|l| l.href == href))
                {
                    let mut j: Journey = journey.clone();
                    for step in &mut j.steps {
                        step.current = step.links.iter().any(|l| l.href == href);
                    }
                    guide.journeys.push(j);
                }
            }
        }
    }

    let statistics_path = dir.join("statistics.toml");
    let statistics = match read_toml::<StatisticsFile>(&statistics_path) {
        Ok(s) => {
            check_statistics(&statistics_path, &s, &mut errors);
            Some(s)
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };

    let countries = load_countries(&dir.join("countries.toml"), &mut errors);
    let status_path = dir.join("status.toml");
    let status_rules = match read_toml::<StatusRules>(&status_path) {
        Ok(rules) => {
            errors.extend(
                rules
                    .check()
                    .into_iter()
                    .map(|p| format!("{}: {p}", status_path.display())),
            );
            rules
        }
        Err(e) => {
            errors.push(e);
            StatusRules::default()
        }
    };
    let flows = load_flows(&dir.join("flows"), &mut errors);
    for flow in flows.values() {
        for o in &flow.outcomes {
            for slug in o.guides.iter().filter(|s| !guide_order.contains(s)) {
                errors.push(format!(
                    "{}: outcome `{}`: no guide `{slug}` in content/<locale>/procedures",
                    dir.join("flows")
                        .join(format!("{}.toml", flow.id))
                        .display(),
                    o.id
                ));
            }
        }
    }
    let mut flow_texts = HashMap::new();
    for locale in LOCALES {
        let path = dir.join(locale).join("flows.toml");
        match read_toml::<toml::Table>(&path) {
            Ok(table) => {
                let mut texts = BTreeMap::new();
                flatten("", &table, &mut texts);
                for flow in flows.values() {
                    for key in flow.text_keys() {
                        if !texts.contains_key(key) {
                            errors.push(format!(
                                "{}: missing text `{key}` (used by flows/{}.toml)",
                                path.display(),
                                flow.id
                            ));
                        }
                    }
                }
                flow_texts.insert(locale.to_string(), texts);
            }
            Err(e) => errors.push(e),
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ContentStore {
        flows,
        flow_texts,
        countries,
        status_rules,
        guides,
        guide_order,
        journeys,
        journey_order,
        pages,
        news,
        news_order,
        statistics: statistics.expect("no errors means the statistics file loaded"),
        index: Index::new(docs),
    })
}

fn load_countries(path: &Path, errors: &mut Vec<String>) -> CountryList {
    let list = match read_toml::<CountryList>(path) {
        Ok(list) => list,
        Err(e) => {
            errors.push(e);
            return CountryList::default();
        }
    };
    if list.countries.len() < 200 {
        errors.push(format!(
            "{}: only {} countries; regenerate it with scripts/gen_countries.py",
            path.display(),
            list.countries.len()
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for c in &list.countries {
        if c.code.len() != 2
            || !c.code.chars().all(|ch| ch.is_ascii_uppercase())
            || !seen.insert(c.code.clone())
        {
            errors.push(format!(
                "{}: country code {:?} must be two capital letters, once",
                path.display(),
                c.code
            ));
        }
        if LOCALES.iter().any(|l| c.name(l).trim().is_empty()) {
            errors.push(format!(
                "{}: country {} needs a name in every locale",
                path.display(),
                c.code
            ));
        }
    }
    list
}

fn load_flows(dir: &Path, errors: &mut Vec<String>) -> BTreeMap<String, Flow> {
    let mut flows = BTreeMap::new();
    for (slug, path) in files(dir, "toml", errors) {
        match read_toml::<Flow>(&path) {
            Ok(flow) => {
                if flow.id != slug {
                    errors.push(format!(
                        "{}: id {:?} must match the file name",
                        path.display(),
                        flow.id
                    ));
                }
                errors.extend(
                    flow.check()
                        .into_iter()
                        .map(|p| format!("{}: {p}", path.display())),
                );
                flows.insert(slug, flow);
            }
            Err(e) => errors.push(e),
        }
    }
    if flows.is_empty() {
        errors.push(format!("{}: no flows", dir.display()));
    }
    flows
}

/// `[registration.q] arrival = "…"` → `registration.q.arrival`.
fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(t) => flatten(&full, t, out),
            toml::Value::String(s) => {
                out.insert(full, s.clone());
            }
            _ => {}
        }
    }
}

fn article(slug: &str, front: ArticleFront, rendered: Rendered) -> Article {
    Article {
        slug: slug.to_string(),
        title: front.title,
        summary: front.summary,
        published: front.published.map(|d| d.to_string()),
        last_reviewed: front.last_reviewed.to_string(),
        sources: front.sources,
        body_html: rendered.html,
    }
}

/// `(slug, path)` of every `*.ext` file in a folder, sorted; a missing folder is an error only
/// when another locale has it (reported by the caller as missing files).
fn files(dir: &Path, ext: &str, errors: &mut Vec<String>) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .filter_map(|p| {
            let slug = p.file_stem()?.to_str()?.to_string();
            if !slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                errors.push(format!(
                    "{}: file names are URL slugs: lower-case ASCII letters, digits and '-'",
                    p.display()
                ));
                return None;
            }
            Some((slug, p))
        })
        .collect();
    out.sort();
    out
}

fn read_markdown<F: for<'de> Deserialize<'de>>(
    path: &Path,
    errors: &mut Vec<String>,
) -> Option<(F, Rendered)> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(format!("{}: cannot read: {e}", path.display()));
            return None;
        }
    };
    let (front, body) = match front_matter::split(&text) {
        Ok(parts) => parts,
        Err(e) => {
            errors.push(format!("{}: {e}", path.display()));
            return None;
        }
    };
    match toml::from_str::<F>(front) {
        Ok(f) => {
            let rendered = markdown::render(body);
            for link in rendered.links.iter().filter(|l| !markdown::allowed_link(l)) {
                errors.push(format!(
                    "{}: link `{link}`: only http, https, mailto, tel and links within the site are allowed",
                    path.display()
                ));
            }
            Some((f, rendered))
        }
        Err(e) => {
            errors.push(format!("{}: front matter: {}", path.display(), e.message()));
            None
        }
    }
}

fn read_toml<F: for<'de> Deserialize<'de>>(path: &Path) -> Result<F, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))
}

fn check_front(
    path: &Path,
    title: &str,
    summary: &str,
    sources: &[Source],
    errors: &mut Vec<String>,
) {
    if title.trim().is_empty() {
        errors.push(format!(
            "{}: front matter: `title` is empty",
            path.display()
        ));
    }
    if summary.trim().is_empty() || summary.chars().count() > 250 {
        errors.push(format!(
            "{}: front matter: `summary` must be 1 to 250 characters (it is the search-result text)",
            path.display()
        ));
    }
    if sources.is_empty() {
        errors.push(format!(
            "{}: front matter: at least one [[sources]] entry is required",
            path.display()
        ));
    }
    for s in sources {
        if !s.url.starts_with("https://") {
            errors.push(format!(
                "{}: source {:?} needs an https:// url",
                path.display(),
                s.name
            ));
        }
    }
}

fn check_statistics(path: &Path, s: &StatisticsFile, errors: &mut Vec<String>) {
    let mut labels: Vec<(String, &Localized)> = vec![
        ("period".into(), &s.period),
        ("title".into(), &s.title),
        ("summary".into(), &s.summary),
        ("chart_title".into(), &s.chart_title),
    ];
    for i in s.indicators.iter().chain(&s.early_2020) {
        labels.push((format!("{}.label", i.key), &i.label));
        labels.push((format!("{}.change", i.key), &i.change));
        if !(i.percent_of_2019.is_finite() && i.percent_of_2019 >= 0.0) {
            errors.push(format!(
                "{}: {}: percent_of_2019 must be a positive number",
                path.display(),
                i.key
            ));
        }
    }
    for t in &s.totals {
        labels.push((format!("{}.label", t.key), &t.label));
    }
    for (name, map) in labels {
        for locale in LOCALES {
            if map.get(locale).is_none_or(|v| v.trim().is_empty()) {
                errors.push(format!("{}: `{name}` has no {locale} text", path.display()));
            }
        }
    }
}
