//! The markers a text may hold instead of a fact kept in a data file: `{{fees <procedure>}}`
//! (content/fees.toml) and `{{list <id>}}` (content/lists.toml, the visa-free countries).
use super::fees::Fees;
use super::lists::Lists;

#[derive(Clone, Copy)]
pub struct Markers<'a> {
    pub fees: &'a Fees,
    pub lists: &'a Lists,
}

impl Markers<'_> {
    /// Rendered Markdown with each marker paragraph replaced by its table or list.
    pub fn html(&self, locale: &str, html: &str) -> Result<String, String> {
        let html = self.fees.expand_html(locale, html)?;
        let html = self.lists.expand_html(locale, &html)?;
        Ok(super::bidi::for_locale(html, locale))
    }

    /// A plain text (a flow's) with each marker replaced by a sentence.
    pub fn text(&self, locale: &str, text: &str) -> Result<String, String> {
        let text = self.fees.expand_text(locale, text)?;
        self.lists.expand_text(locale, &text)
    }
}
