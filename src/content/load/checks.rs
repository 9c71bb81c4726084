//! Checks shared by the content kinds: front matter, sources, and that an entry exists in every
//! locale.
use crate::content::model::Source;
use crate::locale::LOCALES;
use std::collections::BTreeMap;
use std::path::Path;

/// Which slugs exist in which locale, per kind (`procedures`, `journeys`, …).
pub struct Coverage {
    seen: BTreeMap<(String, String), Vec<&'static str>>,
    /// Locales allowed to miss entries (content/locales.toml `partial`).
    partial: Vec<&'static str>,
}

impl Coverage {
    pub fn new(partial: &[&'static str]) -> Coverage {
        Coverage {
            seen: BTreeMap::new(),
            partial: partial.to_vec(),
        }
    }

    pub fn saw(&mut self, kind: &str, slug: &str, locale: &'static str) {
        self.seen
            .entry((kind.to_string(), slug.to_string()))
            .or_default()
            .push(locale);
    }

    /// Every entry must exist in every locale: the missing files, named.
    pub fn check(&self, dir: &Path, errors: &mut Vec<String>) {
        for ((kind, slug), locales) in &self.seen {
            for locale in LOCALES {
                if !locales.contains(&locale) && !self.partial.contains(&locale) {
                    let ext = if kind == "journeys" { "toml" } else { "md" };
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
    }
}

/// Title, summary and sources of a page's front matter. `sources_required`: false only for the
/// pages about the site itself (privacy, cookies), which have no outside source.
pub fn front(
    path: &Path,
    title: &str,
    summary: &str,
    sources: &[Source],
    sources_required: bool,
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
    if sources_required && sources.is_empty() {
        errors.push(format!(
            "{}: front matter: at least one [[sources]] entry is required",
            path.display()
        ));
    }
    self::sources(path, sources, errors);
}

pub fn sources(path: &Path, sources: &[Source], errors: &mut Vec<String>) {
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
