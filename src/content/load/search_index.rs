//! What the site search indexes of each kind of content: title, summary and the text a reader
//! sees (a guide's body and common questions, a journey's steps, a page's body).
use crate::content::model::{Article, Guide, Journey};
use crate::search::Document;

pub fn guide(locale: &str, guide: &Guide, plain: &str) -> Document {
    let faq = guide
        .faq
        .iter()
        .map(|f| format!("{} {}", f.question, f.answer))
        .collect::<Vec<_>>()
        .join(" ");
    Document {
        locale: locale.to_string(),
        href: format!("/{locale}/procedures/{}", guide.slug),
        title: guide.title.clone(),
        summary: guide.summary.clone(),
        text: format!("{plain} {faq}"),
    }
}

pub fn journey(locale: &str, journey: &Journey) -> Document {
    Document {
        locale: locale.to_string(),
        href: format!("/{locale}/journeys/{}", journey.slug),
        title: journey.title.clone(),
        summary: journey.summary.clone(),
        text: journey
            .steps
            .iter()
            .map(|s| format!("{} {}", s.title, s.text))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

pub fn page(locale: &str, href: &str, page: &Article, plain: &str) -> Document {
    Document {
        locale: locale.to_string(),
        href: href.to_string(),
        title: page.title.clone(),
        summary: page.summary.clone(),
        text: plain.to_string(),
    }
}
