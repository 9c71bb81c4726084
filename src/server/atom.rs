//! Atom feeds: `/{lang}/updates.atom` (changes to guides, and news) and `/{lang}/news.atom`.
//! Linked from the head of the updates and news pages.
use crate::components::page_meta::absolute;
use crate::content::model::Update;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub async fn updates(Path(lang): Path<String>) -> Response {
    feed(&lang, "updates", |store, locale| store.updates(locale))
}

pub async fn news(Path(lang): Path<String>) -> Response {
    // Every article, undated ones too: an entry's `updated` is when it last changed (its
    // publication date, else its review date), not a claim of when it was published.
    feed(&lang, "news", |store, locale| {
        store
            .news(locale)
            .into_iter()
            .map(|a| Update {
                date: a
                    .published
                    .clone()
                    .unwrap_or_else(|| a.last_reviewed.clone()),
                href: format!("/{locale}/news/{}", a.slug),
                title: a.title.clone(),
                summary: a.summary.clone(),
            })
            .collect()
    })
}

/// The feed's title from the interface texts (locales/<code>.json `feeds`).
fn feed_title(locale: &str, kind: &str) -> String {
    use crate::i18n::*;
    let locale: Locale = locale.parse().unwrap_or_default();
    if kind == "news" {
        td_string!(locale, feeds.news).to_string()
    } else {
        td_string!(locale, feeds.updates).to_string()
    }
}

fn feed(
    lang: &str,
    kind: &str,
    entries: impl Fn(&crate::content::store::ContentStore, &str) -> Vec<Update>,
) -> Response {
    let Some(&locale) = crate::locale::LOCALES.iter().find(|l| **l == lang) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let store = crate::content::store::global();
    let title = feed_title(locale, kind);
    let xml = atom(
        &title,
        &absolute(&format!("/{locale}/{kind}")),
        &absolute(&format!("/{locale}/{kind}.atom")),
        locale,
        &entries(store, locale),
    );
    (
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        xml,
    )
        .into_response()
}

/// An Atom document. Dates are days: each entry is stamped at midnight UTC of its day.
pub fn atom(title: &str, page: &str, me: &str, locale: &str, entries: &[Update]) -> String {
    let updated = entries
        .iter()
        .map(|e| e.date.as_str())
        .max()
        .unwrap_or("2026-11-26");
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <id>{}</id>\n  <link rel=\"self\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <updated>{updated}T00:00:00Z</updated>\n  <author><name>State Migration Service of the Republic of Azerbaijan</name></author>\n",
        crate::locale::tag(locale),
        escape(title),
        escape(me),
        escape(me),
        escape(page),
    );
    for (i, e) in entries.iter().enumerate() {
        let link = absolute(&e.href);
        // Counted from the oldest, so a new change that day does not renumber the others.
        let nth = entries[i..]
            .iter()
            .filter(|o| o.href == e.href && o.date == e.date)
            .count();
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <link href=\"{}\"/>\n    <id>{}#{}-{}</id>\n    <updated>{}T00:00:00Z</updated>\n    <summary>{}</summary>\n  </entry>\n",
            escape(&e.title),
            escape(&link),
            escape(&link),
            e.date,
            nth,
            e.date,
            escape(&e.summary),
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
