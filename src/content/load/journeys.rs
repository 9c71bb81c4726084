//! `content/<locale>/journeys/<slug>.toml`: step-by-step journeys that link the guides. Each is
//! attached to the guides its steps name, so a guide shows the journeys it is part of.
use super::checks::Coverage;
use super::files::{files, read_toml};
use super::search_index;
use crate::content::model::{Guide, Journey, JourneyStep, PageLink, StepLogic};
use crate::locale::LOCALES;
use crate::search::Document;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

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

pub struct Journeys {
    pub by_key: HashMap<(String, String), Journey>,
    /// Slugs, sorted.
    pub order: Vec<String>,
}

pub fn load(
    dir: &Path,
    guides: &mut HashMap<(String, String), Guide>,
    coverage: &mut Coverage,
    docs: &mut Vec<Document>,
    errors: &mut Vec<String>,
) -> Journeys {
    let mut by_key = HashMap::new();
    let mut order = Vec::new();
    for locale in LOCALES {
        for (slug, path) in files(&dir.join(locale).join("journeys"), "toml", errors) {
            coverage.saw("journeys", &slug, locale);
            let file = match read_toml::<JourneyFile>(&path) {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let journey = resolve(&path, locale, &slug, file, guides, errors);
            docs.push(search_index::journey(locale, &journey));
            if locale == "en" {
                order.push(slug.clone());
            }
            by_key.insert((locale.to_string(), slug), journey);
        }
    }
    order.sort();
    // Each guide lists the journeys that include it, its own step marked current.
    for ((locale, slug), guide) in guides.iter_mut() {
        let href = format!("/{locale}/procedures/{slug}");
        for journey in order
            .iter()
            .filter_map(|j| by_key.get(&(locale.clone(), j.clone())))
        {
            if journey
                .steps
                .iter()
                .any(|s| s.links.iter().any(|l| l.href == href))
            {
                let mut j = journey.clone();
                for step in &mut j.steps {
                    step.current = step.links.iter().any(|l| l.href == href);
                }
                guide.journeys.push(j);
            }
        }
    }
    Journeys { by_key, order }
}

/// Numbers the steps and turns guide slugs into links with the guides' titles.
fn resolve(
    path: &Path,
    locale: &str,
    slug: &str,
    file: JourneyFile,
    guides: &HashMap<(String, String), Guide>,
    errors: &mut Vec<String>,
) -> Journey {
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
            match guides.get(&(locale.to_string(), g.clone())) {
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
    Journey {
        slug: slug.to_string(),
        title: file.title,
        summary: file.summary,
        last_reviewed: file.last_reviewed.to_string(),
        steps,
    }
}
