//! `content/<locale>/procedures/<slug>.md`: the guides, with their required parts
//! (`content/guide-parts.toml`), change history and fee tables.
use super::checks::{self, Coverage};
use super::fees::strip_markers;
use super::files::{files, read_markdown, read_toml_or};
use super::markers::Markers;
use super::search_index;
use crate::content::model::{Change, Faq, Guide, Source};
use crate::locale::LOCALES;
use crate::search::Document;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFront {
    title: String,
    summary: String,
    audience: String,
    last_reviewed: toml::value::Date,
    order: u32,
    #[serde(default)]
    changes: Vec<ChangeFile>,
    sources: Vec<Source>,
    #[serde(default)]
    faq: Vec<Faq>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangeFile {
    date: toml::value::Date,
    summary: String,
}

pub struct Guides {
    pub by_key: HashMap<(String, String), Guide>,
    /// Slugs in the editors' order.
    pub order: Vec<String>,
}

pub fn load(
    dir: &Path,
    markers: Markers,
    coverage: &mut Coverage,
    docs: &mut Vec<Document>,
    errors: &mut Vec<String>,
) -> Guides {
    let parts_path = dir.join("guide-parts.toml");
    let parts: BTreeMap<String, Vec<String>> =
        read_toml_or(&parts_path, errors).unwrap_or_default();
    let mut by_key = HashMap::new();
    let mut order: Vec<(u32, String)> = Vec::new();
    for locale in LOCALES {
        let parts = parts.get(locale);
        if parts.is_none() {
            errors.push(format!("{}: no {locale} headings", parts_path.display()));
        }
        for (slug, path) in files(&dir.join(locale).join("procedures"), "md", errors) {
            coverage.saw("procedures", &slug, locale);
            let Some((front, rendered)) = read_markdown::<GuideFront>(&path, errors) else {
                continue;
            };
            if let Some(parts) = parts.filter(|p| **p != rendered.h2) {
                errors.push(format!(
                    "{}: the `##` parts must be exactly {parts:?} in this order (content/guide-parts.toml); found {:?}",
                    path.display(),
                    rendered.h2
                ));
            }
            if !rendered.html.contains("<ol>") {
                errors.push(format!(
                    "{}: the Steps part must be a numbered list",
                    path.display()
                ));
            }
            checks::front(
                &path,
                &front.title,
                &front.summary,
                &front.sources,
                true,
                errors,
            );
            let changes = changes(&path, front.changes, errors);
            let body_html = markers.html(locale, &rendered.html).unwrap_or_else(|e| {
                errors.push(format!("{}: {e}", path.display()));
                String::new()
            });
            if locale == "en" {
                order.push((front.order, slug.clone()));
            }
            let guide = Guide {
                slug: slug.clone(),
                title: front.title,
                summary: front.summary,
                audience: front.audience,
                last_reviewed: front.last_reviewed.to_string(),
                sources: front.sources,
                faq: front.faq,
                changes,
                body_html,
                journeys: Vec::new(),
            };
            docs.push(search_index::guide(
                locale,
                &guide,
                &strip_markers(&rendered.plain),
            ));
            by_key.insert((locale.to_string(), slug), guide);
        }
    }
    order.sort();
    Guides {
        by_key,
        order: order.into_iter().map(|(_, s)| s).collect(),
    }
}

/// The change history, newest first; each line one short sentence.
fn changes(path: &Path, list: Vec<ChangeFile>, errors: &mut Vec<String>) -> Vec<Change> {
    if list.is_empty() {
        errors.push(format!(
            "{}: front matter: at least one [[changes]] entry (date, summary) is required",
            path.display()
        ));
    }
    let mut out: Vec<Change> = list
        .into_iter()
        .map(|c| {
            if c.summary.trim().is_empty() || c.summary.chars().count() > 200 {
                errors.push(format!(
                    "{}: [[changes]] {}: the summary must be 1 to 200 characters",
                    path.display(),
                    c.date
                ));
            }
            Change {
                date: c.date.to_string(),
                summary: c.summary,
            }
        })
        .collect();
    out.sort_by(|a, b| b.date.cmp(&a.date));
    out
}
