//! Lists that several texts show: `content/lists.toml` (e.g. who needs no work permit) and the
//! visa-free countries, made from `content/countries.toml`. A paragraph that is only
//! `{{list <id>}}` in a guide or page becomes the list; in a flow text, the marker becomes the
//! items joined in a sentence.
use super::fees::Fees;
use super::files::{pick, read_toml_or, require_locales, Localized};
use crate::eligibility::countries::CountryList;
use std::collections::BTreeMap;
use std::path::Path;

/// The id of the list made from the countries' `visa_free_days`.
pub const VISA_FREE: &str = "visa-free";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ListsFile {
    lists: BTreeMap<String, ListFile>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ListFile {
    items: Vec<Localized>,
}

pub struct Lists {
    /// Items per list id, per locale.
    lists: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

pub fn load(dir: &Path, countries: &CountryList, fees: &Fees, errors: &mut Vec<String>) -> Lists {
    let path = dir.join("lists.toml");
    let mut lists: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    if let Some(file) = read_toml_or::<ListsFile>(&path, errors) {
        for (id, list) in file.lists {
            if list.items.is_empty() {
                errors.push(format!("{}: [lists.{id}] has no items", path.display()));
            }
            for (i, item) in list.items.iter().enumerate() {
                require_locales(&path, &format!("lists.{id} item {}", i + 1), item, errors);
            }
            let by_locale = crate::locale::LOCALES
                .iter()
                .map(|l| {
                    (
                        l.to_string(),
                        list.items.iter().map(|i| pick(i, l)).collect(),
                    )
                })
                .collect();
            lists.insert(id, by_locale);
        }
    }
    // Visa-free citizenships: "Georgia", or "Qatar (30 days)" when not the usual 90.
    let visa_free = crate::locale::LOCALES
        .iter()
        .map(|l| {
            let mut names: Vec<String> = countries
                .countries
                .iter()
                .filter_map(|c| {
                    let days = c.visa_free_days?;
                    let name = c.name(l).to_string();
                    Some(if days == 90 {
                        name
                    } else {
                        format!("{name} ({})", fees.days(l, days.max(0) as u64))
                    })
                })
                .collect();
            names.sort();
            (l.to_string(), names)
        })
        .collect();
    lists.insert(VISA_FREE.to_string(), visa_free);
    Lists { lists }
}

impl Lists {
    pub fn items(&self, locale: &str, id: &str) -> Option<&[String]> {
        self.lists.get(id)?.get(locale).map(Vec::as_slice)
    }

    /// Replaces each `<p>{{list <id>}}</p>` of rendered HTML with the list.
    pub fn expand_html(&self, locale: &str, html: &str) -> Result<String, String> {
        let html = html.replace("<p>{{list ", "{{list ");
        super::fees::expand_kind(&html, "list", "content/lists.toml", |id| {
            let items = self.items(locale, id)?;
            let mut out = String::from("<ul>");
            for item in items {
                out.push_str(&format!("<li>{}</li>", super::fees::escape(item)));
            }
            out.push_str("</ul>");
            Some(out)
        })
    }

    /// Replaces each `{{list <id>}}` of a plain text with the items, joined by commas.
    pub fn expand_text(&self, locale: &str, text: &str) -> Result<String, String> {
        super::fees::expand_kind(text, "list", "content/lists.toml", |id| {
            Some(
                self.items(locale, id)?
                    .join(crate::locale::punctuation(locale).comma),
            )
        })
    }
}
