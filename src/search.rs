//! Site search: an in-memory index over guides, journeys, section pages and news. Plain Rust.
//!
//! Words are folded so that people find pages whichever way they type: lower case, Azerbaijani
//! and Turkish letters to their ASCII spellings (`yaşayış icazəsi` = `yasayis icazesi`, `çalışma`
//! = `calisma`), `ё` to `е`, and a light Russian suffix stripping so that `регистрация` finds
//! `регистрации`. Arabic and Persian: diacritics, tatweel and the zero-width non-joiner are
//! dropped, alef forms become `ا`, Arabic and Persian ya, alef maqsura and kaf become one letter,
//! ta marbuta `ه`, and Arabic-Indic digits 0–9. Chinese is written without spaces, so a run of
//! Chinese characters is indexed as its overlapping pairs: a two-character query finds a page.

#[derive(Clone, Debug)]
pub struct Document {
    pub locale: String,
    pub href: String,
    pub title: String,
    pub summary: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    pub href: String,
    pub title: String,
    /// A piece of the page around the first match (plain text).
    pub snippet: String,
}

struct Entry {
    doc: Document,
    title_terms: Vec<String>,
    body_terms: Vec<String>,
}

pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    pub fn new(docs: Vec<Document>) -> Self {
        let entries = docs
            .into_iter()
            .map(|doc| Entry {
                title_terms: terms(&doc.title),
                body_terms: terms(&format!("{} {}", doc.summary, doc.text)),
                doc,
            })
            .collect();
        Index { entries }
    }

    /// Pages of `locale` that contain every word of the query (the last word may be the start
    /// of a word, for results as you type); title matches rank first.
    pub fn search(&self, locale: &str, query: &str, limit: usize) -> Vec<Hit> {
        let query_terms = terms(query);
        if query_terms.is_empty() {
            return Vec::new();
        }
        let last = query_terms.len() - 1;
        let mut scored: Vec<(u32, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.doc.locale == locale)
            .filter_map(|(i, e)| {
                let mut score = 0;
                for (qi, q) in query_terms.iter().enumerate() {
                    // One Chinese character is a word's worth of meaning: it may start a pair.
                    let prefix = qi == last
                        && (q.chars().count() >= 2 || q.chars().next().is_some_and(is_han));
                    // One Chinese character may also end a pair ("请" in "申请").
                    let han = q.chars().count() == 1 && q.chars().next().is_some_and(is_han);
                    let matches = |t: &String| {
                        t == q
                            || (prefix && t.starts_with(q.as_str()))
                            || (han && t.contains(q.as_str()))
                    };
                    let in_title = e.title_terms.iter().filter(|t| matches(t)).count() as u32;
                    let in_body = e.body_terms.iter().filter(|t| matches(t)).count() as u32;
                    if in_title + in_body == 0 {
                        return None;
                    }
                    score += in_title * 100 + in_body.min(20);
                }
                Some((score, i))
            })
            .collect();
        // Highest score first; equal scores keep the content's own order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(limit)
            .map(|(_, i)| {
                let doc = &self.entries[i].doc;
                Hit {
                    href: doc.href.clone(),
                    title: doc.title.clone(),
                    snippet: snippet(&doc.summary, &doc.text, &query_terms),
                }
            })
            .collect()
    }
}

/// The folded, stemmed words of a text; a run of Chinese characters gives its pairs.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in clean(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !word.chars().any(is_han) {
            let folded = fold(word);
            // Both forms: "العمل" is found by "عمل", and "الإق" typed so far still finds "الإقامة".
            if let Some(bare) = without_article(&folded) {
                out.push(bare);
            }
            out.push(stem(&folded));
            continue;
        }
        // "ASAN服务中心" → "asan", "服务", "务中", "中心".
        let chars: Vec<char> = word.chars().collect();
        let mut start = 0;
        while start < chars.len() {
            let han = is_han(chars[start]);
            let end = (start..chars.len())
                .find(|i| is_han(chars[*i]) != han)
                .unwrap_or(chars.len());
            let run = &chars[start..end];
            if !han {
                out.push(stem(&fold(&run.iter().collect::<String>())));
            } else if run.len() == 1 {
                out.push(run[0].to_string());
            } else {
                out.extend(run.windows(2).map(|w| w.iter().collect::<String>()));
            }
            start = end;
        }
    }
    out
}

/// A Chinese character (CJK Unified Ideographs and Extension A).
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The text without the marks that do not change a word: Arabic diacritics (harakat, shadda,
/// sukun, superscript alef), tatweel and the zero-width non-joiner of Persian; Arabic-Indic and
/// Persian digits as 0–9.
fn clean(text: &str) -> String {
    crate::digits::to_ascii(text)
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}'
            )
        })
        .collect()
}

/// Lower case with Azerbaijani and Turkish letters spelled in ASCII, `ё` as `е`, and Arabic
/// and Persian letter variants made one.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    // The special letters first: lower-casing `İ` would give `i` and a combining dot.
    for c in clean(word).chars() {
        match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ي' | 'ى' | 'ئ' => out.push('ی'),
            'ك' => out.push('ک'),
            'ة' | 'ۀ' => out.push('ه'),
            'ؤ' => out.push('و'),
            'ə' | 'Ə' | 'ä' | 'Ä' => out.push('e'),
            'ğ' | 'Ğ' => out.push('g'),
            'ı' | 'I' | 'İ' | 'i' => out.push('i'),
            'ö' | 'Ö' => out.push('o'),
            'ş' | 'Ş' => out.push('s'),
            'ü' | 'Ü' => out.push('u'),
            'ç' | 'Ç' => out.push('c'),
            'ё' | 'Ё' => out.push('е'),
            c => out.push(c),
        }
    }
    lower(&out)
}

/// Lower case. In the browser the JavaScript engine's own `toLowerCase` does it (the same
/// Unicode mapping), so the wasm carries no copy of Rust's case tables.
fn lower(text: &str) -> String {
    #[cfg(feature = "hydrate")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        text.to_lowercase()
    }
}

// Russian inflectional endings, longest first. Stripping them maps the forms of a word to one
// stem ("регистрация", "регистрации", "регистрацию" → "регистрац"); it is deliberately light:
// a wrong stem only widens a search a little.
const RU_ENDINGS: &[&str] = &[
    "иями", "ями", "ами", "иях", "ях", "ах", "ией", "ию", "ия", "ие", "ий", "ии", "ой", "ей", "ом",
    "ем", "ам", "ям", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ых", "их", "ого", "его", "ому",
    "ему", "ым", "им", "а", "я", "ы",
];
const RU_SHORT_ENDINGS: &[&str] = &["и", "е", "у", "ю", "о"];

// The Arabic definite article and the one-letter words written joined to it ("and the", "with
// the", "as the", "so the", "for the"), longest first: "العمل" and "عمل" are one word to a
// reader. In folded spelling (`fold` writes kaf as ک). Persian writes no article; its words
// that happen to start so are cut the same way in the index and the query.
const AR_PREFIXES: &[&str] = &["وال", "بال", "کال", "فال", "لل", "ال"];

/// The word without a joined Arabic article, if it has one. Three-letter prefixes need four
/// letters after them ("والدين", parents, is not "و" + "الدين").
fn without_article(word: &str) -> Option<String> {
    AR_PREFIXES.iter().find_map(|prefix| {
        let rest = word.strip_prefix(prefix)?;
        let needed = if prefix.chars().count() == 3 { 4 } else { 3 };
        (rest.chars().count() >= needed).then(|| rest.to_string())
    })
}

fn stem(word: &str) -> String {
    let is_cyrillic = word.chars().any(|c| ('а'..='я').contains(&c));
    if !is_cyrillic || word.chars().count() < 5 {
        return word.to_string();
    }
    for ending in RU_ENDINGS.iter().chain(RU_SHORT_ENDINGS.iter()) {
        if let Some(stem) = word.strip_suffix(ending) {
            if stem.chars().count() >= 4 {
                return stem.to_string();
            }
        }
    }
    word.to_string()
}

/// About 200 characters of the page around the first matching word, else its summary.
fn snippet(summary: &str, text: &str, query_terms: &[String]) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.iter().position(|w| {
        let t = terms(w);
        t.iter()
            .any(|t| query_terms.iter().any(|q| t.starts_with(q.as_str())))
    });
    match first {
        Some(i) => {
            let start = i.saturating_sub(8);
            let end = (start + 30).min(words.len());
            let mut s = words[start..end].join(" ");
            if start > 0 {
                s.insert_str(0, "… ");
            }
            if end < words.len() {
                s.push_str(" …");
            }
            // Chinese has no spaces: one "word" can be a whole paragraph.
            if s.chars().count() > 240 {
                s = s.chars().take(240).collect::<String>() + "…";
            }
            s
        }
        None => summary.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        let doc = |locale: &str, href: &str, title: &str, text: &str| Document {
            locale: locale.into(),
            href: href.into(),
            title: title.into(),
            summary: String::new(),
            text: text.into(),
        };
        Index::new(vec![
            doc(
                "az",
                "/az/a",
                "Müvəqqəti yaşamaq üçün icazə",
                "Yaşayış icazəsi almaq üçün müraciət edin.",
            ),
            doc(
                "az",
                "/az/b",
                "Qeydiyyat",
                "Yaşayış yeri. İcazə lazım deyil.",
            ),
            doc(
                "ru",
                "/ru/a",
                "Регистрация по месту пребывания",
                "Текст о сроках.",
            ),
            doc(
                "ru",
                "/ru/b",
                "Продление",
                "Без регистрации нельзя продлить.",
            ),
            doc(
                "en",
                "/en/a",
                "Work permit",
                "Your employer applies for the permit.",
            ),
            doc(
                "en",
                "/en/b",
                "Registration",
                "You may need a work permit later.",
            ),
        ])
    }

    #[test]
    fn azerbaijani_letters_match_their_ascii_spelling() {
        let hits = index().search("az", "yasayis icazesi", 10);
        assert_eq!(hits[0].href, "/az/a");
        assert_eq!(hits, index().search("az", "yaşayış icazəsi", 10));
    }

    #[test]
    fn russian_word_forms_match() {
        let hits = index().search("ru", "регистрация", 10);
        let hrefs: Vec<_> = hits.iter().map(|h| h.href.as_str()).collect();
        assert_eq!(
            hrefs,
            ["/ru/a", "/ru/b"],
            "title match first, then the body's 'регистрации'"
        );
    }

    #[test]
    fn title_matches_rank_first_and_every_word_must_match() {
        let hits = index().search("en", "work permit", 10);
        assert_eq!(
            hits.iter().map(|h| h.href.as_str()).collect::<Vec<_>>(),
            ["/en/a", "/en/b"]
        );
        assert!(index().search("en", "permit visa", 10).is_empty());
    }

    #[test]
    fn last_word_matches_as_a_prefix_while_typing() {
        assert_eq!(index().search("en", "emplo", 10)[0].href, "/en/a");
    }

    #[test]
    fn other_locales_and_empty_queries_find_nothing() {
        assert!(index().search("en", "регистрация", 10).is_empty());
        assert!(index().search("en", "  !!  ", 10).is_empty());
    }

    fn doc(locale: &str, href: &str, title: &str, text: &str) -> Document {
        Document {
            locale: locale.into(),
            href: href.into(),
            title: title.into(),
            summary: String::new(),
            text: text.into(),
        }
    }

    #[test]
    fn turkish_without_its_marks() {
        let i = Index::new(vec![doc(
            "tr",
            "/tr/a",
            "Çalışma izni",
            "İşveren başvurur; süre iki yıl.",
        )]);
        assert_eq!(i.search("tr", "calisma izni", 5).len(), 1);
        assert_eq!(i.search("tr", "isveren basvurur", 5).len(), 1);
        assert_eq!(i.search("tr", "SÜRE", 5).len(), 1);
    }

    #[test]
    fn arabic_with_or_without_diacritics_and_alef_forms() {
        let i = Index::new(vec![doc(
            "ar",
            "/ar/a",
            "تصريح الإقامة المؤقتة",
            "يُقدِّم صاحبُ العمل الطلبَ إلى المركز خلال ١٥ يوماً.",
        )]);
        for (query, why) in [
            ("يقدم", "no diacritics in the query"),
            ("يُقَدِّمُ", "diacritics in the query"),
            ("الاقامة", "bare alef for hamza alef"),
            ("المؤقته", "ha for ta marbuta"),
            ("15", "Western digits find Arabic-Indic ones"),
            ("تصريح إقامة", "without the article"),
            ("العمل", "with the article"),
            ("عمل", "the word alone"),
        ] {
            assert_eq!(i.search("ar", query, 5).len(), 1, "{why}: {query}");
        }
    }

    #[test]
    fn persian_letters_and_the_zero_width_non_joiner() {
        let i = Index::new(vec![doc(
            "fa",
            "/fa/a",
            "اجازه اقامت موقت",
            "درخواست‌ها در مرکز خدمات بررسی می‌شوند.",
        )]);
        assert_eq!(i.search("fa", "درخواستها", 5).len(), 1, "ZWNJ or none");
        assert_eq!(i.search("fa", "مي‌شوند", 5).len(), 1, "Arabic ya typed");
        assert_eq!(i.search("fa", "اجازه", 5).len(), 1);
    }

    #[test]
    fn chinese_pairs_find_a_two_character_query() {
        let i = Index::new(vec![doc(
            "zh",
            "/zh/a",
            "临时居留许可",
            "在ASAN服务中心提交申请。",
        )]);
        assert_eq!(i.search("zh", "居留", 5).len(), 1);
        assert_eq!(i.search("zh", "申请", 5).len(), 1);
        assert_eq!(i.search("zh", "服务中心", 5).len(), 1);
        assert_eq!(i.search("zh", "asan", 5).len(), 1);
        assert!(i.search("zh", "签证", 5).is_empty());
    }

    #[test]
    fn snippet_shows_the_match() {
        let hits = index().search("ru", "продлить", 10);
        assert!(hits[0].snippet.contains("продлить"), "{}", hits[0].snippet);
    }
}
