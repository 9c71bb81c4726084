//! Markdown to HTML for content files (server only; the browser receives HTML).
use pulldown_cmark::{BlockQuoteKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub struct Rendered {
    pub html: String,
    /// The text of each `##` heading, in order: checked against the required parts.
    pub h2: Vec<String>,
    /// Every link target, for the link checker.
    pub links: Vec<String>,
    /// The text without markup, for search.
    pub plain: String,
}

/// Whether a link target may appear on a page: http, https, mailto, tel, or a link within the
/// site (`/en/x`, `#part`, `x`). Anything else (`javascript:`, `data:`, `//other.host`) is
/// refused by the content check.
pub fn allowed_link(target: &str) -> bool {
    // As a browser reads it: tabs and line breaks dropped, `\` as `/`.
    let target: String = target
        .trim()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    let target = target.as_str();
    if target.starts_with("//") {
        return false;
    }
    // A scheme is letters, digits, `+ - .` before the first `:`, and comes before any `/ ? #`.
    let scheme_end = target.find(':');
    let path_start = target.find(['/', '?', '#']);
    match scheme_end {
        Some(end) if path_start.is_none_or(|p| end < p) => {
            let scheme = target[..end].to_ascii_lowercase();
            ["http", "https", "mailto", "tel"].contains(&scheme.as_str())
        }
        _ => true,
    }
}

pub fn render(markdown: &str) -> Rendered {
    let options = Options::ENABLE_TABLES | Options::ENABLE_GFM | Options::ENABLE_SMART_PUNCTUATION;
    let mut h2 = Vec::new();
    let mut links = Vec::new();
    let mut plain = String::new();
    let mut in_h2: Option<String> = None;
    let events: Vec<Event> = Parser::new_ext(markdown, options)
        .map(|event| {
            match &event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }) => in_h2 = Some(String::new()),
                Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                    if let Some(text) = in_h2.take() {
                        h2.push(text);
                    }
                }
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                    links.push(dest_url.to_string())
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(h) = in_h2.as_mut() {
                        h.push_str(t);
                    }
                    plain.push_str(t);
                    plain.push(' ');
                }
                _ => {}
            }
            match event {
                // Editors write Markdown, not HTML: raw HTML is shown as text, never run.
                Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
                // `> [!WARNING]` is the "confirm with the 919 Call Center" note.
                Event::Start(Tag::BlockQuote(Some(BlockQuoteKind::Warning))) => {
                    Event::Html(CowStr::from("<div class=\"confirm-note\" role=\"note\">"))
                }
                Event::End(TagEnd::BlockQuote(Some(BlockQuoteKind::Warning))) => {
                    Event::Html(CowStr::from("</div>"))
                }
                other => other,
            }
        })
        .collect();
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // Let wide tables scroll on a phone instead of breaking the page. Raw HTML is escaped
    // above, so every `<table>` here is the renderer's own.
    let html = html
        .replace(
            "<table>",
            "<div class=\"table-wrap\"><table class=\"table\">",
        )
        .replace("</table>", "</table></div>");
    Rendered {
        html,
        h2,
        links,
        plain: plain.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_safe_link_schemes_are_allowed() {
        use super::allowed_link;
        for ok in [
            "https://e-gov.az",
            "http://x.az/a",
            "mailto:info@migration.gov.az",
            "tel:+994919",
            "/en/check",
            "#fees",
            "fees",
            "?q=1",
            "a/b:c",
        ] {
            assert!(allowed_link(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " data:text/html,x",
            "vbscript:x",
            "//evil.example/x",
            "file:///etc/passwd",
            "\\\\evil.example/x",
            "/\t/evil.example",
            "java\nscript:x",
        ] {
            assert!(!allowed_link(bad), "{bad}");
        }
    }

    use super::*;

    #[test]
    fn collects_headings_links_and_text() {
        let r = render("## Steps\n\n1. Go [there](/en/check).\n\n## Fees\n\nFree.");
        assert_eq!(r.h2, ["Steps", "Fees"]);
        assert_eq!(r.links, ["/en/check"]);
        assert!(r.html.contains("<ol>"));
        assert!(r.plain.contains("Go there"));
    }

    #[test]
    fn raw_html_is_escaped() {
        let r = render("Hello <script>alert(1)</script>");
        assert!(!r.html.contains("<script>"));
        assert!(r.html.contains("&lt;script&gt;"));
    }

    #[test]
    fn warning_blocks_become_confirm_notes() {
        let r = render("> [!WARNING]\n> Confirm with 919.\n");
        assert!(r
            .html
            .contains("<div class=\"confirm-note\" role=\"note\">"));
        assert!(r.html.contains("Confirm with 919."));
    }

    #[test]
    fn tables_are_wrapped_for_small_screens() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(r
            .html
            .starts_with("<div class=\"table-wrap\"><table class=\"table\"><thead>"));
        assert!(r.html.contains("<th>a</th>"));
        assert!(r.html.trim_end().ends_with("</table></div>"));
    }
}
