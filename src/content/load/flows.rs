//! The checker: `content/flows/<flow>.toml`, their texts in `content/<locale>/flows.toml`, and
//! the countries list they ask about (`content/countries.toml`).
use super::files::{files, flatten, read_toml, read_toml_or};
use super::markers::Markers;
use crate::eligibility::countries::CountryList;
use crate::eligibility::flow::Flow;
use crate::locale::LOCALES;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub struct Flows {
    pub by_id: BTreeMap<String, Flow>,
    /// Texts per locale, by key (`registration.q.arrival`), fee markers already filled in.
    pub texts: HashMap<String, BTreeMap<String, String>>,
    /// Partial locales some of whose checker texts are English ones.
    pub english_in: Vec<&'static str>,
}

pub fn load(
    dir: &Path,
    guides: &[String],
    partial: &[&str],
    markers: Markers,
    errors: &mut Vec<String>,
) -> Flows {
    let by_id = load_flows(&dir.join("flows"), errors);
    for flow in by_id.values() {
        for o in &flow.outcomes {
            for slug in o.guides.iter().filter(|s| !guides.contains(s)) {
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
    let mut texts: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    // English first: a partial locale's missing texts are English ones.
    let mut english_in = Vec::new();
    let mut order = LOCALES.to_vec();
    order.sort_by_key(|l| *l != "en");
    for locale in order {
        let is_partial = partial.contains(&locale);
        let path = dir.join(locale).join("flows.toml");
        let mut flat = BTreeMap::new();
        if !is_partial || path.exists() {
            let Some(table) = read_toml_or::<toml::Table>(&path, errors) else {
                continue;
            };
            flatten("", &table, &mut flat);
        }
        if is_partial {
            for (key, text) in texts.get("en").into_iter().flatten() {
                if !flat.contains_key(key) {
                    flat.insert(key.clone(), text.clone());
                    if !english_in.contains(&locale) {
                        english_in.push(locale);
                    }
                }
            }
        }
        for flow in by_id.values() {
            for key in flow.text_keys() {
                if !flat.contains_key(key) {
                    errors.push(format!(
                        "{}: missing text `{key}` (used by flows/{}.toml)",
                        path.display(),
                        flow.id
                    ));
                }
            }
        }
        for (key, text) in flat.iter_mut() {
            match markers.text(locale, text) {
                Ok(expanded) => *text = expanded,
                Err(e) => errors.push(format!("{}: `{key}`: {e}", path.display())),
            }
        }
        texts.insert(locale.to_string(), flat);
    }
    Flows {
        by_id,
        texts,
        english_in,
    }
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

pub fn load_countries(path: &Path, errors: &mut Vec<String>) -> CountryList {
    let Some(list) = read_toml_or::<CountryList>(path, errors) else {
        return CountryList::default();
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
        // Its own name in every locale (`name` falls back to English), and no other keys.
        if LOCALES
            .iter()
            .any(|l| c.names.get(*l).is_none_or(|n| n.trim().is_empty()))
            || c.names.keys().any(|k| !LOCALES.contains(&k.as_str()))
        {
            errors.push(format!(
                "{}: country {} needs a name in every locale",
                path.display(),
                c.code
            ));
        }
    }
    list
}
