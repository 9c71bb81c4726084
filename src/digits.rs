//! Digits other than 0–9. Plain Rust, used by the server and the islands: forms accept
//! Arabic-Indic (٠–٩) and Persian (۰–۹) digits as typed on Arabic and Persian keyboards, and the
//! Persian pages write the numbers the site makes (dates, amounts, counts) with Persian digits.
//! Phone and application numbers stay 0–9 everywhere (docs/adr/0004-languages.md).

/// `s` with every Arabic-Indic or Persian digit replaced by its 0–9 twin, and the Arabic
/// decimal and thousands separators by `.` and `,`. Other characters are unchanged.
pub fn to_ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            _ => c,
        })
        .collect()
}

/// `s` with 0–9 written as Persian digits (۰–۹) when `locale` writes them
/// (content/locales.toml's `digits = "arabext"`), else unchanged.
pub fn for_locale(s: &str, locale: &str) -> String {
    if !crate::locale::info(locale).persian_digits {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The thousands and decimal separators a locale writes (CLDR).
pub fn separators(locale: &str) -> (char, char) {
    match locale {
        "en" | "zh" | "ar" => (',', '.'),
        "tr" => ('.', ','),
        "fa" => ('\u{066C}', '\u{066B}'),
        _ => ('\u{a0}', ','),
    }
}

/// A whole number as `locale` writes it: `1,400`, `1.400`, `1 400`, `۱٬۴۰۰`.
pub fn whole(locale: &str, n: u64) -> String {
    let digits = n.to_string();
    let (group, _) = separators(locale);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    for_locale(&out, locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eastern_digits_typed_are_read_as_western() {
        assert_eq!(to_ascii("٢٠٢٦-١١-٢٦"), "2026-11-26");
        assert_eq!(to_ascii("۱۲۳۴۵۶۷۸۹۰"), "1234567890");
        assert_eq!(to_ascii("SMS-۲۰۲۶-000123"), "SMS-2026-000123");
        assert_eq!(to_ascii("abc 12"), "abc 12");
    }

    #[test]
    fn persian_pages_write_persian_digits() {
        assert_eq!(for_locale("26 نوامبر 2026", "fa"), "۲۶ نوامبر ۲۰۲۶");
        assert_eq!(for_locale("26", "ar"), "26");
        assert_eq!(to_ascii(&for_locale("1400", "fa")), "1400");
        assert_eq!(whole("fa", 1400), "۱٬۴۰۰");
        assert_eq!(whole("tr", 1400), "1.400");
        assert_eq!(whole("zh", 160), "160");
    }
}
