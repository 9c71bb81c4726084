//! Reads and checks every content file, one module per kind. Every problem found is reported
//! with the file it is in; the server refuses to start with broken content, and the test suite
//! fails with the same messages.
pub mod articles;
mod bidi;
mod checks;
pub mod fees;
mod files;
mod flows;
pub mod glossary;
mod guides;
mod journeys;
mod lists;
mod markers;
pub mod offices;
mod partial;
mod places;
mod search_index;
pub mod statistics;

use super::store::ContentStore;
use crate::locale::LOCALES;
use crate::search::Index;
use crate::status::rules::StatusRules;
use std::collections::HashSet;
use std::path::Path;

/// Reads and checks every content file under `dir`.
pub fn load(dir: &Path) -> Result<ContentStore, Vec<String>> {
    let mut errors = Vec::new();
    let mut docs = Vec::new();
    let partial = partial::partial_locales(dir, &mut errors);
    let mut coverage = checks::Coverage::new(&partial);

    // Fees and lists first: guides, pages and flow texts have their markers filled in from them.
    let guide_slugs = guide_slugs(dir);
    let fees = fees::load(dir, &guide_slugs, &mut errors);
    let countries = flows::load_countries(&dir.join("countries.toml"), &mut errors);
    let lists = lists::load(dir, &countries, &fees, &mut errors);
    let markers = markers::Markers {
        fees: &fees,
        lists: &lists,
    };
    let mut guides = guides::load(dir, markers, &mut coverage, &mut docs, &mut errors);
    // A partial locale's missing guides first: its journeys link them.
    let mut stand_ins = HashSet::new();
    partial::fill(
        &mut guides.by_key,
        &partial,
        |l, s| format!("/{l}/procedures/{s}"),
        &mut stand_ins,
    );
    let journeys = journeys::load(
        dir,
        &mut guides.by_key,
        &mut coverage,
        &mut docs,
        &mut errors,
    );
    let mut pages = articles::load_pages(dir, &partial, markers, &mut docs, &mut errors);
    let mut news = articles::load_news(dir, &mut coverage, &mut docs, &mut errors);
    coverage.check(dir, &mut errors);
    let mut journeys = journeys;

    partial::fill(
        &mut journeys.by_key,
        &partial,
        |l, s| format!("/{l}/journeys/{s}"),
        &mut stand_ins,
    );
    partial::fill(
        &mut pages,
        &partial,
        |l, s| format!("/{l}/{s}"),
        &mut stand_ins,
    );
    partial::fill(
        &mut news.by_key,
        &partial,
        |l, s| format!("/{l}/news/{s}"),
        &mut stand_ins,
    );

    let statistics = statistics::load(dir, &mut errors);
    let status_rules = load_status_rules(dir, &mut errors);
    let flows = flows::load(dir, &guides.order, &partial, markers, &mut errors);
    // A checker partly in English is not claimed in its locale: all its pages.
    for locale in &flows.english_in {
        stand_ins.insert(format!("/{locale}/check"));
    }
    let offices = offices::load(dir, &mut errors);
    let outline = offices::load_outline(dir, &mut errors);
    let places = places::load(dir, &mut errors);

    let glossary = glossary::load(dir, &mut errors);
    for locale in LOCALES {
        errors.extend(glossary.violations(locale, &glossary::files_of(dir, locale)));
    }
    glossary.add_synonyms(&mut docs);

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ContentStore {
        guides: guides.by_key,
        guide_order: guides.order,
        journeys: journeys.by_key,
        journey_order: journeys.order,
        pages,
        news: news.by_key,
        news_order: news.order,
        statistics: statistics.expect("no errors means the statistics file loaded"),
        index: Index::new(docs),
        flows: flows.by_id,
        flow_texts: flows.texts,
        countries,
        status_rules,
        fees,
        offices: offices.by_locale,
        outline,
        places,
        stand_ins,
        glossary: glossary.entries,
    })
}

/// The English guides' slugs, read before the guides so that the fees can name them.
fn guide_slugs(dir: &Path) -> Vec<String> {
    let mut ignored = Vec::new();
    files::files(&dir.join("en").join("procedures"), "md", &mut ignored)
        .into_iter()
        .map(|(slug, _)| slug)
        .collect()
}

fn load_status_rules(dir: &Path, errors: &mut Vec<String>) -> StatusRules {
    let path = dir.join("status.toml");
    match files::read_toml::<StatusRules>(&path) {
        Ok(rules) => {
            errors.extend(
                rules
                    .check()
                    .into_iter()
                    .map(|p| format!("{}: {p}", path.display())),
            );
            rules
        }
        Err(e) => {
            errors.push(e);
            StatusRules::default()
        }
    }
}
