//! Reading content files: the folder listing, Markdown with front matter, TOML. Every problem is
//! a message naming the file.
use super::super::front_matter;
use super::super::markdown::{self, Rendered};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `(slug, path)` of every `*.ext` file in a folder, sorted; a missing folder is an error only
/// when another locale has it (reported by the caller as missing files).
pub fn files(dir: &Path, ext: &str, errors: &mut Vec<String>) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .filter_map(|p| {
            let slug = p.file_stem()?.to_str()?.to_string();
            if !is_slug(&slug) {
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

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The front matter and the rendered body of a Markdown file. `expand` rewrites the rendered
/// HTML (the fee tables are put in where the body asks for them).
pub fn read_markdown<F: for<'de> Deserialize<'de>>(
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

pub fn read_toml<F: for<'de> Deserialize<'de>>(path: &Path) -> Result<F, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {}", path.display(), e.message()))
}

/// Reads a TOML file, or records why not and gives `None`.
pub fn read_toml_or<F: for<'de> Deserialize<'de>>(
    path: &Path,
    errors: &mut Vec<String>,
) -> Option<F> {
    read_toml(path).map_err(|e| errors.push(e)).ok()
}

/// `[registration.q] arrival = "…"` → `registration.q.arrival`.
pub fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
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

/// A text given per locale (`{ en = "…", az = "…", ru = "…" }`).
pub type Localized = BTreeMap<String, String>;

/// Records a message for every locale `map` has no text in.
pub fn require_locales(path: &Path, name: &str, map: &Localized, errors: &mut Vec<String>) {
    for locale in crate::locale::LOCALES {
        if map.get(locale).is_none_or(|v| v.trim().is_empty()) {
            errors.push(format!("{}: `{name}` has no {locale} text", path.display()));
        }
    }
}

/// The text of `locale` (empty when missing: the checks have refused such a file).
pub fn pick(map: &Localized, locale: &str) -> String {
    map.get(locale).cloned().unwrap_or_default()
}
