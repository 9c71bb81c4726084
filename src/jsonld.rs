//! schema.org structured data (JSON-LD) for search engines. Plain Rust with a small JSON writer,
//! so the browser bundle carries no JSON library for it.
use crate::content::model::Faq;

/// A JSON string literal, escaped; `<` is escaped too so that `</script>` cannot end the tag.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const PUBLISHER: &str = r#"{"@type":"GovernmentOrganization","name":"State Migration Service of the Republic of Azerbaijan","url":"https://migration.gov.az"}"#;

/// `items`: (name, absolute url), Home first, the current page last.
pub fn breadcrumb_list(items: &[(String, String)]) -> String {
    let elements: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            format!(
                r#"{{"@type":"ListItem","position":{},"name":{},"item":{}}}"#,
                i + 1,
                string(name),
                string(url)
            )
        })
        .collect();
    format!(
        r#"{{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{}]}}"#,
        elements.join(",")
    )
}

pub fn faq_page(faq: &[Faq]) -> String {
    let entries: Vec<String> = faq
        .iter()
        .map(|f| {
            format!(
                r#"{{"@type":"Question","name":{},"acceptedAnswer":{{"@type":"Answer","text":{}}}}}"#,
                string(&f.question),
                string(&f.answer)
            )
        })
        .collect();
    format!(
        r#"{{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{}]}}"#,
        entries.join(",")
    )
}

pub fn government_service(name: &str, description: &str, url: &str, locale: &str) -> String {
    format!(
        r#"{{"@context":"https://schema.org","@type":"GovernmentService","name":{},"description":{},"url":{},"inLanguage":{},"areaServed":{{"@type":"Country","name":"Azerbaijan"}},"provider":{PUBLISHER}}}"#,
        string(name),
        string(description),
        string(url),
        string(crate::locale::tag(locale))
    )
}

pub fn news_article(
    headline: &str,
    description: &str,
    url: &str,
    published: Option<&str>,
    modified: &str,
    locale: &str,
) -> String {
    // An undated release has no datePublished: none is made up.
    let published = published
        .map(|p| format!(r#""datePublished":{},"#, string(p)))
        .unwrap_or_default();
    format!(
        r#"{{"@context":"https://schema.org","@type":"NewsArticle","headline":{},"description":{},"url":{},{published}"dateModified":{},"inLanguage":{},"author":{PUBLISHER},"publisher":{PUBLISHER}}}"#,
        string(headline),
        string(description),
        string(url),
        string(modified),
        string(crate::locale::tag(locale))
    )
}

/// The offices as a list of `GovernmentOffice`s: name, address where one is published, phones,
/// and the town's coordinates.
pub fn government_offices(offices: &[crate::content::model::Office], page_url: &str) -> String {
    let items: Vec<String> = offices
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mut office = format!(
                r#"{{"@type":"GovernmentOffice","name":{},"url":{},"geo":{{"@type":"GeoCoordinates","latitude":{},"longitude":{}}}"#,
                string(&o.name),
                string(&format!("{page_url}#office-{}", o.id)),
                o.lat,
                o.lon
            );
            // What the sources leave uncertain is not given to search engines as fact.
            let sure = |what: &str| !o.uncertain.iter().any(|u| u == what);
            if let Some(address) = o.address.as_ref().filter(|_| sure("address")) {
                office.push_str(&format!(
                    r#","address":{{"@type":"PostalAddress","streetAddress":{},"addressCountry":"AZ"}}"#,
                    string(address)
                ));
            }
            if let Some(phone) = o.phones.first().filter(|_| sure("phones")) {
                office.push_str(&format!(r#","telephone":{}"#, string(&phone.tel)));
            }
            office.push('}');
            format!(r#"{{"@type":"ListItem","position":{},"item":{office}}}"#, i + 1)
        })
        .collect();
    format!(
        r#"{{"@context":"https://schema.org","@type":"ItemList","itemListElement":[{}]}}"#,
        items.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_json_and_html() {
        assert_eq!(string("a\"b\\c\n</script>"), r#""a\"b\\c\n\u003c/script>""#);
    }

    #[test]
    fn builders_give_valid_json() {
        let docs = [
            breadcrumb_list(&[
                ("Home".into(), "https://x/en/".into()),
                ("A \"b\"".into(), "https://x/en/a".into()),
            ]),
            faq_page(&[Faq {
                question: "Q?".into(),
                answer: "A.".into(),
            }]),
            government_service("N", "D", "https://x", "en"),
            news_article(
                "H",
                "D",
                "https://x",
                Some("2021-01-15"),
                "2026-11-26",
                "en",
            ),
        ];
        for doc in docs {
            let v: serde_json::Value = serde_json::from_str(&doc).expect(&doc);
            assert_eq!(v["@context"], "https://schema.org");
        }
    }
}
