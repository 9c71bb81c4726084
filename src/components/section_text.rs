//! Translated names and summaries of the site's sections. A `match` per text, because `t_string!`
//! needs its key spelled out: the compiler then checks every key exists.
use crate::i18n::*;
use crate::sections::Section;
use leptos_i18n::{I18nContext, Locale as _};

pub fn section_name(i18n: I18nContext<Locale>, section: Section) -> &'static str {
    match section {
        Section::Procedures => t_string!(i18n, nav.procedures),
        Section::Check => t_string!(i18n, nav.check),
        Section::Status => t_string!(i18n, nav.status),
        Section::Visit => t_string!(i18n, nav.visit),
        Section::Invest => t_string!(i18n, nav.invest),
        Section::News => t_string!(i18n, nav.news),
        Section::Contact => t_string!(i18n, nav.contact),
    }
}

pub fn section_summary(i18n: I18nContext<Locale>, section: Section) -> &'static str {
    match section {
        Section::Procedures => t_string!(i18n, summary.procedures),
        Section::Check => t_string!(i18n, summary.check),
        Section::Status => t_string!(i18n, summary.status),
        Section::Visit => t_string!(i18n, summary.visit),
        Section::Invest => t_string!(i18n, summary.invest),
        Section::News => t_string!(i18n, summary.news),
        Section::Contact => t_string!(i18n, summary.contact),
    }
}

/// The current locale's code, tracked: links re-render when the language changes.
pub fn locale_code(i18n: I18nContext<Locale>) -> &'static str {
    i18n.get_locale().as_str()
}
