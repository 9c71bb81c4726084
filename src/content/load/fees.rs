//! `content/fees.toml`: every fee the site states. The guides' fee tables (`{{fees <procedure>}}`
//! in their body), the checker's outcomes (the same marker in a flow text) and the fees page all
//! read it, so a fee changes in this one file.
use super::checks;
use super::files::{pick, read_toml_or, require_locales, Localized};
use crate::content::model::{FeeRow, Source};
use crate::locale::LOCALES;
use crate::plural;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeesFile {
    procedures: BTreeMap<String, ProcedureFile>,
    words: BTreeMap<String, Words>,
    #[serde(default)]
    notes: BTreeMap<String, Localized>,
    fees: Vec<FeeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProcedureFile {
    name: Localized,
    /// The guide that explains it.
    #[serde(default)]
    guide: Option<String>,
    /// Its key in content/status.toml's `[processing]`, when the status page estimates it.
    #[serde(default)]
    processing: Option<String>,
}

/// The words a locale writes fees with. Counted phrases are given per plural category.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    applicant: BTreeMap<String, String>,
    days: Localized,
    months: Localized,
    years: Localized,
    working_days: Localized,
    free: String,
    /// After a list of fees some of which are not confirmed.
    uncertain: String,
    /// Column headings of a guide's fee table: applicant, term, decision, fee.
    columns: [String; 4],
    /// "{speed}: {amount}" in a sentence of fees.
    in_time: String,
    /// "Source" and "Last reviewed", under a guide's fee table.
    source: String,
    reviewed: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeeFile {
    procedure: String,
    applicant: String,
    #[serde(default)]
    term_days: Option<u64>,
    #[serde(default)]
    term_months: Option<u64>,
    /// The decision within this many working days.
    #[serde(default)]
    working_days: Option<u64>,
    amount: u64,
    #[serde(default = "azn")]
    currency: String,
    /// The sources are old or undated: shown with the "confirm with 919" note.
    uncertain: bool,
    /// A key of `[notes]`.
    #[serde(default)]
    note: Option<String>,
    source: Source,
    reviewed: toml::value::Date,
}

fn azn() -> String {
    "AZN".into()
}

/// The fees, ready to show in each locale.
pub struct Fees {
    rows: BTreeMap<String, Vec<FeeRow>>,
    words: BTreeMap<String, Words>,
    procedures: BTreeMap<String, ProcedureFile>,
}

impl Fees {
    pub fn empty() -> Fees {
        Fees {
            rows: BTreeMap::new(),
            words: BTreeMap::new(),
            procedures: BTreeMap::new(),
        }
    }

    /// Every fee, in the file's order.
    pub fn rows(&self, locale: &str) -> &[FeeRow] {
        self.rows.get(locale).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn has_procedure(&self, procedure: &str) -> bool {
        self.procedures.contains_key(procedure)
    }

    pub fn procedure_name(&self, locale: &str, procedure: &str) -> Option<String> {
        self.procedures
            .get(procedure)
            .map(|p| pick(&p.name, locale))
    }

    pub fn procedure_guide(&self, procedure: &str) -> Option<&str> {
        self.procedures.get(procedure)?.guide.as_deref()
    }

    /// `(procedure, status.toml key)` of the procedures the status page estimates.
    pub fn processing_keys(&self) -> impl Iterator<Item = (&str, &str)> {
        self.procedures
            .iter()
            .filter_map(|(id, p)| Some((id.as_str(), p.processing.as_deref()?)))
    }

    fn of<'a>(&'a self, locale: &str, procedure: &'a str) -> impl Iterator<Item = &'a FeeRow> {
        self.rows(locale)
            .iter()
            .filter(move |r| r.procedure == procedure)
    }

    /// "N days" in `locale`.
    pub fn days(&self, locale: &str, n: u64) -> String {
        self.words
            .get(locale)
            .map(|w| counted(&w.days, locale, n))
            .unwrap_or_default()
    }

    /// "N working days" in `locale`.
    pub fn working_days(&self, locale: &str, n: u64) -> String {
        self.words
            .get(locale)
            .map(|w| counted(&w.working_days, locale, n))
            .unwrap_or_default()
    }

    /// The fee table a guide shows for `procedure` (HTML), with the confirm note when a fee
    /// is uncertain.
    pub fn table_html(&self, locale: &str, procedure: &str) -> String {
        let Some(words) = self.words.get(locale) else {
            return String::new();
        };
        // A table wider than a phone scrolls: its region takes the focus, so a keyboard can.
        let name = self.procedure_name(locale, procedure).unwrap_or_default();
        let mut html = format!(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"table\"><thead><tr>",
            escape(&name).replace('"', "&quot;")
        );
        for c in &words.columns {
            html.push_str(&format!("<th scope=\"col\">{}</th>", escape(c)));
        }
        html.push_str("</tr></thead><tbody>");
        let mut uncertain = false;
        for row in self.of(locale, procedure) {
            uncertain |= row.uncertain;
            html.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&row.applicant),
                escape(&row.term),
                escape(&row.speed),
                escape(&row.amount)
            ));
        }
        html.push_str("</tbody></table></div>");
        for note in self.of(locale, procedure).filter_map(|r| r.note.as_ref()) {
            if !html.contains(&escape(note)) {
                html.push_str(&format!("<p>{}</p>", escape(note)));
            }
        }
        if uncertain {
            html.push_str(&format!(
                "<div class=\"confirm-note\" role=\"note\"><p>{}</p></div>",
                escape(&words.uncertain)
            ));
        }
        // Each fee's source and review date, as on the fees page.
        let mut sources: Vec<&FeeRow> = Vec::new();
        for row in self.of(locale, procedure) {
            if !sources.iter().any(|r| r.source == row.source) {
                sources.push(row);
            }
        }
        let links = sources
            .iter()
            .map(|r| {
                format!(
                    "<a href=\"{}\" rel=\"external\">{}</a>",
                    escape(&r.source.url).replace('"', "&quot;"),
                    escape(&r.source.name)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let reviewed = sources
            .iter()
            .map(|r| r.reviewed.as_str())
            .min()
            .unwrap_or("");
        html.push_str(&format!(
            "<p class=\"source-note\">{}: {links}. {}: <time datetime=\"{reviewed}\">{}</time></p>",
            escape(&words.source),
            escape(&words.reviewed),
            crate::dates::long_date(reviewed, locale)
        ));
        html
    }

    /// The fees of `procedure` as one plain sentence, for a checker outcome: "1 year, adult:
    /// 160 AZN in 15 working days, 120 AZN in 20 working days. …".
    pub fn sentence(&self, locale: &str, procedure: &str) -> String {
        let Some(words) = self.words.get(locale) else {
            return String::new();
        };
        let p = crate::locale::punctuation(locale);
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        let mut uncertain = false;
        for row in self.of(locale, procedure) {
            uncertain |= row.uncertain;
            let head = [row.term.as_str(), row.applicant.as_str()]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(p.comma);
            let item = if row.speed.is_empty() {
                row.amount.clone()
            } else {
                words
                    .in_time
                    .replace("{amount}", &row.amount)
                    .replace("{speed}", &row.speed)
            };
            match groups.iter_mut().find(|(h, _)| *h == head) {
                Some((_, items)) => items.push(item),
                None => groups.push((head, vec![item])),
            }
        }
        let mut text = groups
            .into_iter()
            .map(|(head, items)| {
                if head.is_empty() {
                    items.join(p.comma)
                } else {
                    format!("{head}{}{}", p.colon, items.join(p.comma))
                }
            })
            .collect::<Vec<_>>()
            .join(p.semicolon);
        text.push_str(p.stop);
        if uncertain {
            text.push_str(p.gap);
            text.push_str(&words.uncertain);
        }
        text
    }

    /// Replaces each `{{fees <procedure>}}` marker of a flow text with the procedure's sentence.
    pub fn expand_text(&self, locale: &str, text: &str) -> Result<String, String> {
        expand(text, |procedure| {
            self.has_procedure(procedure)
                .then(|| self.sentence(locale, procedure))
        })
    }

    /// Replaces each `<p>{{fees <procedure>}}</p>` of a rendered guide with the fee table.
    pub fn expand_html(&self, locale: &str, html: &str) -> Result<String, String> {
        let html = html
            .replace("<p>{{fees ", "{{fees ")
            .replace("}}</p>", "}}");
        expand(&html, |procedure| {
            self.has_procedure(procedure)
                .then(|| self.table_html(locale, procedure))
        })
    }
}

/// The text without its markers (for the search index).
pub fn strip_markers(text: &str) -> String {
    let text =
        expand_kind(text, "fees", "", |_| Some(String::new())).unwrap_or_else(|_| text.to_string());
    expand_kind(&text, "list", "", |_| Some(String::new())).unwrap_or(text)
}

fn expand(text: &str, with: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    expand_kind(text, "fees", "content/fees.toml", with)
}

/// Replaces `{{<kind> x}}` markers with `with(x)`; an unknown `x` is an error naming it and
/// the file (`source`) it should be in.
pub fn expand_kind(
    text: &str,
    kind: &str,
    source: &str,
    with: impl Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let open = format!("{{{{{kind} ");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        out.push_str(&rest[..start]);
        let after = &rest[start + open.len()..];
        let Some(end) = after.find("}}") else {
            return Err(format!("a `{{{{{kind}` marker has no closing `}}}}`"));
        };
        let id = after[..end].trim();
        out.push_str(
            &with(id).ok_or_else(|| format!("`{{{{{kind} {id}}}}}`: no `{id}` in {source}"))?,
        );
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `forms` picked by the plural category of `n`, with `{n}` filled in.
fn counted(forms: &Localized, locale: &str, n: u64) -> String {
    let key = plural::category(locale, n).key();
    forms
        .get(key)
        .or_else(|| forms.get("other"))
        .map(|f| f.replace("{n}", &crate::digits::whole(locale, n)))
        .unwrap_or_default()
}

/// 1400 → "1,400" (en) or "1 400" (with a no-break space) elsewhere.
pub fn thousands(locale: &str, n: u64) -> String {
    crate::digits::whole(locale, n)
}

pub fn load(dir: &Path, guides: &[String], errors: &mut Vec<String>) -> Fees {
    let path = dir.join("fees.toml");
    let Some(file) = read_toml_or::<FeesFile>(&path, errors) else {
        return Fees::empty();
    };
    for (id, p) in &file.procedures {
        require_locales(&path, &format!("procedures.{id}.name"), &p.name, errors);
        if let Some(g) = p.guide.as_ref().filter(|g| !guides.contains(g)) {
            errors.push(format!(
                "{}: procedures.{id}: no guide `{g}` in content/<locale>/procedures",
                path.display()
            ));
        }
    }
    for (key, note) in &file.notes {
        require_locales(&path, &format!("notes.{key}"), note, errors);
    }
    for locale in LOCALES {
        let Some(w) = file.words.get(locale) else {
            errors.push(format!("{}: no [words.{locale}]", path.display()));
            continue;
        };
        for forms in [&w.days, &w.months, &w.years, &w.working_days] {
            // Every form shows the number, but Arabic writes "one day" and "two days" (and its
            // zero form may) as words.
            let words_allowed = |k: &str| locale == "ar" && matches!(k, "zero" | "one" | "two");
            if !forms.contains_key("other")
                || forms
                    .iter()
                    .any(|(k, f)| !f.contains("{n}") && !words_allowed(k))
            {
                errors.push(format!(
                    "{}: [words.{locale}]: each counted phrase needs an `other` form with {{n}}",
                    path.display()
                ));
            }
        }
    }
    let mut rows = BTreeMap::new();
    for (i, fee) in file.fees.iter().enumerate() {
        let at = format!("{}: fee {} ({})", path.display(), i + 1, fee.procedure);
        if !file.procedures.contains_key(&fee.procedure) {
            errors.push(format!("{at}: no [procedures.{}]", fee.procedure));
        }
        if fee.term_days.is_some() && fee.term_months.is_some() {
            errors.push(format!("{at}: give term_days or term_months, not both"));
        }
        if let Some(key) = fee.note.as_ref().filter(|k| !file.notes.contains_key(*k)) {
            errors.push(format!("{at}: no [notes.{key}]"));
        }
        checks::sources(&path, std::slice::from_ref(&fee.source), errors);
        for locale in LOCALES {
            let Some(words) = file.words.get(locale) else {
                continue;
            };
            let Some(applicant) = words.applicant.get(&fee.applicant) else {
                errors.push(format!(
                    "{at}: [words.{locale}.applicant] has no `{}`",
                    fee.applicant
                ));
                continue;
            };
            let term = match (fee.term_days, fee.term_months) {
                (Some(d), _) => counted(&words.days, locale, d),
                (None, Some(m)) if m.is_multiple_of(12) => counted(&words.years, locale, m / 12),
                (None, Some(m)) => counted(&words.months, locale, m),
                (None, None) => String::new(),
            };
            let amount = if fee.amount == 0 {
                words.free.clone()
            } else {
                format!("{} {}", thousands(locale, fee.amount), fee.currency)
            };
            let procedure = file.procedures.get(&fee.procedure);
            rows.entry(locale.to_string())
                .or_insert_with(Vec::new)
                .push(FeeRow {
                    procedure: fee.procedure.clone(),
                    procedure_name: procedure.map(|p| pick(&p.name, locale)).unwrap_or_default(),
                    guide_href: procedure
                        .and_then(|p| p.guide.as_ref())
                        .map(|g| format!("/{locale}/procedures/{g}")),
                    applicant: applicant.clone(),
                    term,
                    speed: fee
                        .working_days
                        .map(|n| counted(&words.working_days, locale, n))
                        .unwrap_or_default(),
                    amount,
                    uncertain: fee.uncertain,
                    note: fee
                        .note
                        .as_ref()
                        .and_then(|k| file.notes.get(k))
                        .map(|n| pick(n, locale)),
                    source: fee.source.clone(),
                    reviewed: fee.reviewed.to_string(),
                });
        }
    }
    Fees {
        rows,
        words: file.words,
        procedures: file.procedures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_per_locale() {
        assert_eq!(thousands("en", 1400), "1,400");
        assert_eq!(thousands("ru", 1400), "1\u{a0}400");
        assert_eq!(thousands("en", 160), "160");
    }

    #[test]
    fn markers_are_replaced_and_unknown_ones_named() {
        let with = |p: &str| (p == "x").then(|| "X".to_string());
        assert_eq!(expand("a {{fees x}} b", with).unwrap(), "a X b");
        assert!(expand("{{fees y}}", with)
            .unwrap_err()
            .contains("no `y` in content/fees.toml"));
        assert!(expand("{{fees x", with).is_err());
    }
}
