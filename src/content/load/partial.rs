//! Partial locales (content/locales.toml `partial = true`): a guide, journey, page or article
//! missing in such a locale is served in English under the locale's address, and recorded so
//! that the page says "not yet translated" and hreflang and the sitemap do not claim it.
use super::files::read_toml_or;
use crate::content::model::{Article, Guide, Journey};
use crate::locale::LOCALES;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

#[derive(Deserialize)]
struct LocalesFile {
    locales: Vec<LocaleEntry>,
}

#[derive(Deserialize)]
struct LocaleEntry {
    code: String,
    #[serde(default)]
    partial: bool,
}

/// The locales marked partial in `dir/locales.toml`. A code there that the build does not know
/// (build.rs reads the same file) is an error: the binary is older than the content.
pub fn partial_locales(dir: &Path, errors: &mut Vec<String>) -> Vec<&'static str> {
    let path = dir.join("locales.toml");
    let Some(file) = read_toml_or::<LocalesFile>(&path, errors) else {
        return Vec::new();
    };
    let codes: Vec<&str> = file.locales.iter().map(|l| l.code.as_str()).collect();
    if codes != LOCALES {
        errors.push(format!(
            "{}: the locales {codes:?} differ from the ones this build knows {LOCALES:?}; rebuild",
            path.display()
        ));
    }
    LOCALES
        .iter()
        .copied()
        .filter(|l| file.locales.iter().any(|e| e.code == *l && e.partial))
        .collect()
}

/// An English entry served under another locale: its links to the site's own pages are moved
/// to that locale, so a reader who follows one stays in their language where it exists.
pub trait Relocate {
    fn relocate(&mut self, locale: &str);
}

fn relocate_html(html: &str, locale: &str) -> String {
    html.replace("href=\"/en/", &format!("href=\"/{locale}/"))
}

fn relocate_href(href: &mut String, locale: &str) {
    if let Some(rest) = href.strip_prefix("/en/") {
        *href = format!("/{locale}/{rest}");
    }
}

impl Relocate for Article {
    fn relocate(&mut self, locale: &str) {
        self.body_html = relocate_html(&self.body_html, locale);
    }
}

impl Relocate for Journey {
    fn relocate(&mut self, locale: &str) {
        for link in self.steps.iter_mut().flat_map(|s| s.links.iter_mut()) {
            relocate_href(&mut link.href, locale);
        }
    }
}

impl Relocate for Guide {
    fn relocate(&mut self, locale: &str) {
        self.body_html = relocate_html(&self.body_html, locale);
        for j in &mut self.journeys {
            j.relocate(locale);
        }
    }
}

/// Fills the entries of `map` (keyed by locale and slug) missing in each partial locale with
/// the English one, recording the address `path(locale, slug)` of each stand-in.
pub fn fill<T: Clone + Relocate>(
    map: &mut HashMap<(String, String), T>,
    partial: &[&str],
    path: impl Fn(&str, &str) -> String,
    stand_ins: &mut HashSet<String>,
) {
    let english: Vec<(String, T)> = map
        .iter()
        .filter(|((l, _), _)| l == "en")
        .map(|((_, s), v)| (s.clone(), v.clone()))
        .collect();
    for locale in partial {
        for (slug, value) in &english {
            let key = (locale.to_string(), slug.clone());
            if let std::collections::hash_map::Entry::Vacant(e) = map.entry(key) {
                let mut value = value.clone();
                value.relocate(locale);
                e.insert(value);
                stand_ins.insert(path(locale, slug));
            }
        }
    }
}
