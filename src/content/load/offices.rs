//! `content/offices.toml` (the offices that take applications) and `content/map/azerbaijan.toml`
//! (the country's outline the maps are drawn on).
use super::files::{is_slug, pick, read_toml_or, require_locales, Localized};
use crate::content::model::{Office, Phone, Source};
use crate::locale::LOCALES;
use crate::map::LonLat;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficesFile {
    regions: BTreeMap<String, Localized>,
    offices: Vec<OfficeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeFile {
    id: String,
    kind: String,
    region: String,
    lat: f64,
    lon: f64,
    /// `town`: the point marks the town, not the building (no source gives the building's).
    position: String,
    reviewed: toml::value::Date,
    #[serde(default)]
    uncertain: Vec<String>,
    #[serde(default)]
    phones: Vec<Phone>,
    name: Localized,
    #[serde(default)]
    address: Option<Localized>,
    #[serde(default)]
    hours: Option<Localized>,
    handles: Localized,
    sources: Vec<Source>,
}

const KINDS: [&str; 4] = ["sms", "regional", "asan", "nakhchivan"];
const UNCERTAIN: [&str; 3] = ["address", "phones", "hours"];

/// Offices per locale, in the file's order, and the region names.
#[derive(Default)]
pub struct Offices {
    pub by_locale: BTreeMap<String, Vec<Office>>,
}

pub fn load(dir: &Path, errors: &mut Vec<String>) -> Offices {
    let path = dir.join("offices.toml");
    let Some(file) = read_toml_or::<OfficesFile>(&path, errors) else {
        return Offices::default();
    };
    for (key, names) in &file.regions {
        require_locales(&path, &format!("regions.{key}"), names, errors);
    }
    let mut ids = std::collections::BTreeSet::new();
    for o in &file.offices {
        let at = format!("{}: office `{}`", path.display(), o.id);
        if !is_slug(&o.id) || !ids.insert(o.id.clone()) {
            errors.push(format!("{at}: ids are unique slugs"));
        }
        if !KINDS.contains(&o.kind.as_str()) {
            errors.push(format!("{at}: kind must be one of {KINDS:?}"));
        }
        if !file.regions.contains_key(&o.region) {
            errors.push(format!("{at}: no [regions.{}]", o.region));
        }
        // Azerbaijan lies within 38°–42° N, 44°–51° E.
        if !((38.0..=42.0).contains(&o.lat) && (44.0..=51.0).contains(&o.lon)) {
            errors.push(format!("{at}: lat/lon outside Azerbaijan"));
        }
        if o.position != "town" && o.position != "building" {
            errors.push(format!("{at}: position is `town` or `building`"));
        }
        if let Some(u) = o
            .uncertain
            .iter()
            .find(|u| !UNCERTAIN.contains(&u.as_str()))
        {
            errors.push(format!("{at}: uncertain `{u}`: one of {UNCERTAIN:?}"));
        }
        for p in &o.phones {
            let ok = p.tel == "108"
                || (p.tel.starts_with("+994") && p.tel[1..].chars().all(|c| c.is_ascii_digit()));
            if !ok || p.display.trim().is_empty() {
                errors.push(format!("{at}: phone {:?}: tel is +994… digits", p.display));
            }
        }
        if o.sources.is_empty() {
            errors.push(format!("{at}: at least one source"));
        }
        for s in &o.sources {
            // Some of the offices' only sources are plain-http pages; they are named as given.
            if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
                errors.push(format!("{at}: source {:?} needs a web address", s.name));
            }
        }
        for (name, map) in [("name", Some(&o.name)), ("handles", Some(&o.handles))]
            .into_iter()
            .chain([("address", o.address.as_ref()), ("hours", o.hours.as_ref())])
        {
            if let Some(map) = map {
                require_locales(&path, &format!("office `{}` {name}", o.id), map, errors);
            }
        }
    }
    let mut by_locale = BTreeMap::new();
    for locale in LOCALES {
        let list = file
            .offices
            .iter()
            .map(|o| Office {
                id: o.id.clone(),
                kind: o.kind.clone(),
                region: o.region.clone(),
                region_name: file
                    .regions
                    .get(&o.region)
                    .map(|r| pick(r, locale))
                    .unwrap_or_default(),
                name: pick(&o.name, locale),
                address: o.address.as_ref().map(|a| pick(a, locale)),
                hours: o.hours.as_ref().map(|h| pick(h, locale)),
                handles: pick(&o.handles, locale),
                phones: o.phones.clone(),
                lat: o.lat,
                lon: o.lon,
                uncertain: o.uncertain.clone(),
                sources: o.sources.clone(),
                reviewed: o.reviewed.to_string(),
            })
            .collect();
        by_locale.insert(locale.to_string(), list);
    }
    Offices { by_locale }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutlineFile {
    source: Source,
    rings: Vec<RingFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RingFile {
    points: Vec<[f64; 2]>,
}

/// The country's outline: closed rings of (longitude, latitude), and where it comes from.
#[derive(Default)]
pub struct Outline {
    pub rings: Vec<Vec<LonLat>>,
    pub source: Option<Source>,
}

pub fn load_outline(dir: &Path, errors: &mut Vec<String>) -> Outline {
    let path = dir.join("map").join("azerbaijan.toml");
    let Some(file) = read_toml_or::<OutlineFile>(&path, errors) else {
        return Outline::default();
    };
    let rings: Vec<Vec<LonLat>> = file
        .rings
        .into_iter()
        .map(|r| r.points.into_iter().map(|[lon, lat]| (lon, lat)).collect())
        .collect();
    if rings.iter().any(|r| r.len() < 3) || rings.is_empty() {
        errors.push(format!(
            "{}: each ring needs three points or more; regenerate with scripts/gen_map.py",
            path.display()
        ));
    }
    Outline {
        rings,
        source: Some(file.source),
    }
}
