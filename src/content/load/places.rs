//! `content/places.toml`: places a visitor might go, for the Visit page's map and list.
use super::files::{is_slug, pick, read_toml_or, require_locales, Localized};
use crate::content::model::{Place, Source};
use crate::locale::LOCALES;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    places: Vec<PlaceFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceFile {
    id: String,
    lat: f64,
    lon: f64,
    reviewed: toml::value::Date,
    name: Localized,
    about: Localized,
    sources: Vec<Source>,
    /// The source is the official tourism board.
    official: bool,
}

pub fn load(dir: &Path, errors: &mut Vec<String>) -> BTreeMap<String, Vec<Place>> {
    let path = dir.join("places.toml");
    let Some(file) = read_toml_or::<PlacesFile>(&path, errors) else {
        return BTreeMap::new();
    };
    for p in &file.places {
        let at = format!("{}: place `{}`", path.display(), p.id);
        if !is_slug(&p.id) {
            errors.push(format!("{at}: the id is a slug"));
        }
        if !((38.0..=42.0).contains(&p.lat) && (44.0..=51.0).contains(&p.lon)) {
            errors.push(format!("{at}: lat/lon outside Azerbaijan"));
        }
        if p.sources.is_empty() {
            errors.push(format!("{at}: at least one source"));
        }
        require_locales(&path, &format!("place `{}` name", p.id), &p.name, errors);
        require_locales(&path, &format!("place `{}` about", p.id), &p.about, errors);
    }
    LOCALES
        .iter()
        .map(|locale| {
            let list = file
                .places
                .iter()
                .map(|p| Place {
                    id: p.id.clone(),
                    name: pick(&p.name, locale),
                    about: pick(&p.about, locale),
                    lat: p.lat,
                    lon: p.lon,
                    sources: p.sources.clone(),
                    official: p.official,
                    reviewed: p.reviewed.to_string(),
                })
                .collect();
            (locale.to_string(), list)
        })
        .collect()
}
