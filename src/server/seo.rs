//! `/sitemap.xml` (every page in every locale, with its alternates and lastmod) and `/robots.txt`.
use crate::components::page_meta::absolute;
use crate::content::store::ContentStore;
use crate::locale::LOCALES;
use crate::sections::Section;
use axum::http::header;
use axum::response::IntoResponse;

/// Pages outside the main sections, linked from the footer and the guides.
pub const SITE_PAGES: [&str; 9] = [
    "/journeys",
    "/glossary",
    "/offices",
    "/fees",
    "/processing-times",
    "/updates",
    "/privacy",
    "/accessibility",
    "/cookies",
];

/// Every page path without its locale: `/`, `/procedures`, `/procedures/registration`, …
pub fn page_paths(store: &ContentStore) -> Vec<String> {
    let mut paths = vec!["/".to_string()];
    paths.extend(Section::ALL.iter().map(|s| format!("/{}", s.slug())));
    paths.push("/news/statistics".into());
    paths.push("/search".into());
    paths.extend(SITE_PAGES.iter().map(|p| p.to_string()));
    paths.extend(store.paths());
    paths
}

pub fn sitemap_xml(store: &ContentStore) -> String {
    // Pages without content of their own change with the site's texts; the newest review date
    // of any content stands for them.
    let newest = page_paths(store)
        .iter()
        .flat_map(|p| {
            LOCALES
                .iter()
                .filter_map(move |l| store.last_reviewed(l, p))
        })
        .max()
        .unwrap_or_default();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in page_paths(store) {
        // A partial locale's English stand-in is not a page of that language: not listed.
        let locales: Vec<&str> = LOCALES
            .iter()
            .copied()
            .filter(|l| store.translated(l, &path))
            .collect();
        for &locale in &locales {
            let url = |l: &str| absolute(&format!("/{l}{path}"));
            let lastmod = store
                .last_reviewed(locale, &path)
                .unwrap_or_else(|| newest.clone());
            xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", url(locale)));
            if !lastmod.is_empty() {
                xml.push_str(&format!("    <lastmod>{lastmod}</lastmod>\n"));
            }
            for &alt in &locales {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    crate::locale::tag(alt),
                    url(alt)
                ));
            }
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
                absolute("/")
            ));
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

pub async fn sitemap() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        sitemap_xml(crate::content::store::global()),
    )
}

pub async fn robots() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: {}\n",
            absolute("/sitemap.xml")
        ),
    )
}
