//! `GET /{lang}/manifest.webmanifest`: the web app manifest of one language (name, start page,
//! direction), linked from every page of it, so the site can be installed from the browser.
use super::caching::FILE;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The site's colour (the header's), as in the shell's `theme-color`.
pub const THEME_COLOUR: &str = "#0a3e6e";

pub async fn serve(Path(lang): Path<String>) -> Response {
    match manifest(&lang) {
        Some(json) => (
            [
                (header::CONTENT_TYPE, "application/manifest+json"),
                (header::CACHE_CONTROL, FILE),
            ],
            json,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The manifest's JSON, or `None` for a language the site does not have.
pub fn manifest(lang: &str) -> Option<String> {
    use crate::i18n::*;
    let code = *crate::locale::LOCALES.iter().find(|l| **l == lang)?;
    let locale: Locale = code.parse().ok()?;
    let icon = |src: &str, size: u32, purpose: &str| {
        serde_json::json!({
            "src": src,
            "sizes": format!("{size}x{size}"),
            "type": "image/png",
            "purpose": purpose,
        })
    };
    let json = serde_json::json!({
        "id": format!("/{code}/"),
        "name": td_string!(locale, site.app_name).to_string(),
        "short_name": td_string!(locale, site.app_short_name).to_string(),
        "description": td_string!(locale, home.description).to_string(),
        "lang": crate::locale::tag(code),
        "dir": crate::locale::direction(code),
        "start_url": format!("/{code}/"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            icon("/icons/icon-192.png", 192, "any"),
            icon("/icons/icon-512.png", 512, "any"),
            icon("/icons/maskable-512.png", 512, "maskable"),
        ],
    });
    Some(json.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_own_start_page_direction_and_short_name() {
        for code in crate::locale::LOCALES {
            let json: serde_json::Value =
                serde_json::from_str(&manifest(code).expect("a manifest")).expect("JSON");
            assert_eq!(json["start_url"], format!("/{code}/"));
            assert_eq!(json["dir"], crate::locale::direction(code));
            assert_eq!(json["lang"], crate::locale::tag(code));
            // A home screen shows about twelve characters under the icon.
            let short = json["short_name"].as_str().expect("short name");
            assert!(short.chars().count() <= 12, "{code}: {short}");
            assert!(json["icons"]
                .as_array()
                .expect("icons")
                .iter()
                .any(|i| i["purpose"] == "maskable"));
            for icon in json["icons"].as_array().expect("icons") {
                let path = format!("public{}", icon["src"].as_str().expect("src"));
                assert!(std::path::Path::new(&path).is_file(), "{path}");
            }
        }
        assert_eq!(manifest("xx"), None);
    }
}
