//! `content/glossary.toml`: the official term for each key concept in each language, and the
//! spellings rejected in its favour. A rejected spelling found in a content or interface file is
//! an error naming the file, so a variant that was corrected does not come back.
use super::files::read_toml_or;
use crate::content::model::GlossaryEntry;
use crate::locale::LOCALES;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    terms: Vec<TermFile>,
}

#[derive(Deserialize)]
struct TermFile {
    key: String,
    #[serde(default)]
    rejected: BTreeMap<String, Vec<String>>,
    /// What the term means, per locale: the glossary page.
    #[serde(default)]
    explain: BTreeMap<String, String>,
    /// The term in each locale (`en = "…"`).
    #[serde(flatten)]
    terms: BTreeMap<String, toml::Value>,
}

/// Rejected spellings per locale, lower-cased, with the term they give way to.
#[derive(Default)]
pub struct Glossary {
    rejected: BTreeMap<String, Vec<(String, String)>>,
    /// The glossary page's entries, per locale, in the file's order.
    pub entries: BTreeMap<String, Vec<GlossaryEntry>>,
}

pub fn load(dir: &Path, errors: &mut Vec<String>) -> Glossary {
    let path = dir.join("glossary.toml");
    let Some(file) = read_toml_or::<GlossaryFile>(&path, errors) else {
        return Glossary::default();
    };
    let mut rejected: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut entries: BTreeMap<String, Vec<GlossaryEntry>> = BTreeMap::new();
    for t in file.terms {
        let text = |locale: &str| t.terms.get(locale).and_then(|v| v.as_str()).unwrap_or("");
        for locale in LOCALES {
            let term = text(locale);
            if term.trim().is_empty() {
                errors.push(format!(
                    "{}: term `{}` has no {locale} text",
                    path.display(),
                    t.key
                ));
            }
            let explanation = t.explain.get(locale).map_or("", String::as_str);
            if explanation.trim().is_empty() {
                errors.push(format!(
                    "{}: term `{}` has no explain.{locale} (the glossary page)",
                    path.display(),
                    t.key
                ));
            }
            entries
                .entry(locale.to_string())
                .or_default()
                .push(GlossaryEntry {
                    key: t.key.clone(),
                    term: term.to_string(),
                    original: text("az").to_string(),
                    explanation: explanation.to_string(),
                });
            for variant in t.rejected.get(locale).into_iter().flatten() {
                let lower = variant.to_lowercase();
                if lower.trim().is_empty() || term.to_lowercase().contains(&lower) {
                    errors.push(format!(
                        "{}: term `{}`: the rejected {locale} spelling {variant:?} is part of the term itself",
                        path.display(),
                        t.key
                    ));
                }
                rejected
                    .entry(locale.to_string())
                    .or_default()
                    .push((lower, term.to_string()));
            }
        }
    }
    Glossary { rejected, entries }
}

impl Glossary {
    /// Adds to each document the rejected spellings of the terms it uses, so that a visitor
    /// who types the everyday word ("yaşayış icazəsi") still finds the page that uses the
    /// official one.
    pub fn add_synonyms(&self, docs: &mut [crate::search::Document]) {
        for doc in docs {
            let Some(rejected) = self.rejected.get(&doc.locale) else {
                continue;
            };
            let text = format!("{} {} {}", doc.title, doc.summary, doc.text).to_lowercase();
            let mut extra = Vec::new();
            for (variant, term) in rejected {
                if text.contains(&term.to_lowercase()) && !extra.contains(variant) {
                    extra.push(variant.clone());
                }
            }
            if !extra.is_empty() {
                doc.text.push(' ');
                doc.text.push_str(&extra.join(" "));
            }
        }
    }

    /// The rejected spellings found in the files of `dir` (recursively) that are in `locale`
    /// or in every locale (the shared data files), one message per file and spelling.
    pub fn violations(&self, locale: &str, files: &[PathBuf]) -> Vec<String> {
        let Some(rejected) = self.rejected.get(locale) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for path in files {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let text = text.to_lowercase();
            for (variant, term) in rejected {
                if text.contains(variant.as_str()) {
                    out.push(format!(
                        "{}: {variant:?} is a rejected spelling (content/glossary.toml): write {term:?}",
                        path.display()
                    ));
                }
            }
        }
        out
    }
}

/// The files whose text is in `locale`: `dir/<locale>/**` and the shared `dir/*.toml` (which
/// hold every locale's texts), except the glossary itself.
pub fn files_of(dir: &Path, locale: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(&dir.join(locale), &mut out);
    if let Ok(entries) = std::fs::read_dir(dir) {
        out.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension().is_some_and(|e| e == "toml")
                        && p.file_name().is_some_and(|n| n != "glossary.toml")
                }),
        );
    }
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "md" || e == "toml") {
            out.push(path);
        }
    }
}
