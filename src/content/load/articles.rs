//! Markdown pages: `content/<locale>/pages/<slug>.md` (the section, service and site pages) and
//! `content/<locale>/news/<slug>.md`.
use super::checks::{self, Coverage};
use super::fees::strip_markers;
use super::files::{files, read_markdown};
use super::markers::Markers;
use super::search_index;
use crate::content::markdown::Rendered;
use crate::content::model::{Article, Source};
use crate::locale::LOCALES;
use crate::search::Document;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The pages every locale must have, and whether each must name its sources: the pages about
/// the site itself (privacy, accessibility, cookies) describe this site, not outside rules.
pub const PAGES: [(&str, bool); 8] = [
    ("visit", true),
    ("invest", true),
    ("offices", true),
    ("fees", true),
    ("processing-times", true),
    ("privacy", false),
    ("accessibility", false),
    ("cookies", false),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticleFront {
    title: String,
    summary: String,
    #[serde(default)]
    published: Option<toml::value::Date>,
    /// News only: the source gives no date (then `published` is left out).
    #[serde(default)]
    undated: bool,
    last_reviewed: toml::value::Date,
    #[serde(default)]
    sources: Vec<Source>,
}

pub type ByKey = HashMap<(String, String), Article>;

pub fn load_pages(
    dir: &Path,
    partial: &[&str],
    markers: Markers,
    docs: &mut Vec<Document>,
    errors: &mut Vec<String>,
) -> ByKey {
    let mut pages = HashMap::new();
    for locale in LOCALES {
        for (slug, sources_required) in PAGES {
            let path = dir.join(locale).join("pages").join(format!("{slug}.md"));
            if !path.exists() {
                if partial.contains(&locale) {
                    continue;
                }
                errors.push(format!(
                    "{}: missing (every locale needs the {slug} page)",
                    path.display()
                ));
                continue;
            }
            let Some((front, rendered)) = read_markdown::<ArticleFront>(&path, errors) else {
                continue;
            };
            checks::front(
                &path,
                &front.title,
                &front.summary,
                &front.sources,
                sources_required,
                errors,
            );
            let mut page = article(slug, front, &rendered);
            page.body_html = markers.html(locale, &page.body_html).unwrap_or_else(|e| {
                errors.push(format!("{}: {e}", path.display()));
                String::new()
            });
            docs.push(search_index::page(
                locale,
                &format!("/{locale}/{slug}"),
                &page,
                &strip_markers(&rendered.plain),
            ));
            pages.insert((locale.to_string(), slug.to_string()), page);
        }
    }
    pages
}

pub struct News {
    pub by_key: ByKey,
    /// Slugs, newest first (an undated article by its review date).
    pub order: Vec<String>,
}

pub fn load_news(
    dir: &Path,
    coverage: &mut Coverage,
    docs: &mut Vec<Document>,
    errors: &mut Vec<String>,
) -> News {
    let mut by_key = HashMap::new();
    let mut dates: Vec<(String, String)> = Vec::new();
    for locale in LOCALES {
        for (slug, path) in files(&dir.join(locale).join("news"), "md", errors) {
            coverage.saw("news", &slug, locale);
            let Some((front, rendered)) = read_markdown::<ArticleFront>(&path, errors) else {
                continue;
            };
            checks::front(
                &path,
                &front.title,
                &front.summary,
                &front.sources,
                true,
                errors,
            );
            let sort_date = match (front.published, front.undated) {
                (Some(d), false) => d.to_string(),
                (None, true) => front.last_reviewed.to_string(),
                _ => {
                    errors.push(format!(
                        "{}: front matter: give `published` (a date) or `undated = true`, one of them",
                        path.display()
                    ));
                    continue;
                }
            };
            if locale == "en" {
                dates.push((sort_date, slug.clone()));
            }
            let mut news = article(&slug, front, &rendered);
            news.body_html = super::bidi::for_locale(news.body_html, locale);
            docs.push(search_index::page(
                locale,
                &format!("/{locale}/news/{slug}"),
                &news,
                &rendered.plain,
            ));
            by_key.insert((locale.to_string(), slug), news);
        }
    }
    dates.sort_by(|a, b| b.cmp(a));
    News {
        by_key,
        order: dates.into_iter().map(|(_, s)| s).collect(),
    }
}

fn article(slug: &str, front: ArticleFront, rendered: &Rendered) -> Article {
    Article {
        slug: slug.to_string(),
        title: front.title,
        summary: front.summary,
        published: front.published.map(|d| d.to_string()),
        last_reviewed: front.last_reviewed.to_string(),
        sources: front.sources,
        body_html: rendered.html.clone(),
    }
}
