//! Right-to-left pages: a phone number such as `(+994 12) 919` in Arabic or Persian text would
//! have its groups reordered by the bidirectional algorithm (the spaces and brackets between the
//! digit groups take the paragraph's direction). Each such number is isolated left to right.

/// `html` as a page in `locale` shows it: numbers isolated on right-to-left pages, else as it is.
pub fn for_locale(html: String, locale: &str) -> String {
    if crate::locale::info(locale).rtl {
        isolate_numbers(&html)
    } else {
        html
    }
}

/// `html` with every spaced or bracketed number in its text (not in tags or attributes) wrapped
/// in `<bdi dir="ltr">`.
pub fn isolate_numbers(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut in_tag = false;
    let chars: Vec<char> = html.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_tag {
            in_tag = c != '>';
            out.push(c);
            i += 1;
            continue;
        }
        if c == '<' {
            in_tag = true;
            out.push(c);
            i += 1;
            continue;
        }
        if let Some(end) = number_at(&chars, i) {
            out.push_str("<bdi dir=\"ltr\">");
            out.extend(&chars[i..end]);
            out.push_str("</bdi>");
            i = end;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The end of a number starting at `i` that needs isolating: starts with `+`, `(` or a digit (not
/// in the middle of a word), holds digits with spaces, brackets, `+` or `-` between them, and
/// at least one such separator (a lone `919` reads correctly as it is).
fn number_at(chars: &[char], i: usize) -> Option<usize> {
    let is_sep = |c: char| matches!(c, ' ' | '\u{a0}' | '(' | ')' | '+' | '-');
    let starts = chars[i].is_ascii_digit() || matches!(chars[i], '+' | '(');
    // Not inside a word, a time (09:00), a decimal or a list of figures.
    if !starts
        || (i > 0
            && (chars[i - 1].is_alphanumeric()
                || matches!(chars[i - 1], '+' | ':' | '.' | ',' | '-')))
    {
        return None;
    }
    let mut end = i;
    let mut last_digit = None;
    let mut digits = 0;
    while end < chars.len() && (chars[end].is_ascii_digit() || is_sep(chars[end])) {
        if chars[end].is_ascii_digit() {
            digits += 1;
            last_digit = Some(end);
        }
        end += 1;
    }
    let mut end = last_digit? + 1;
    // Keep a closing bracket that belongs to the number: "(+994 12) 919" ends at the 9.
    let opened = chars[i..end].iter().filter(|c| **c == '(').count();
    let closed = chars[i..end].iter().filter(|c| **c == ')').count();
    if opened > closed && chars.get(end) == Some(&')') {
        end += 1;
    }
    let separated = chars[i..end].iter().any(|c| is_sep(*c) && *c != '-');
    // "15 - 30": a range reads in the paragraph's direction, it is not one number.
    let text: String = chars[i..end].iter().collect();
    if text.contains(" - ") || text.contains(" -") || text.contains("- ") {
        return None;
    }
    (digits >= 4
        && separated
        && chars[i..end].iter().filter(|c| **c == '(').count()
            == chars[i..end].iter().filter(|c| **c == ')').count())
    .then_some(end)
}

#[cfg(test)]
mod tests {
    use super::isolate_numbers;

    #[test]
    fn phone_numbers_in_text_are_isolated_and_tags_untouched() {
        assert_eq!(
            isolate_numbers("<p>اتصل على (+994 12) 919 الآن</p>"),
            "<p>اتصل على <bdi dir=\"ltr\">(+994 12) 919</bdi> الآن</p>"
        );
        assert_eq!(
            isolate_numbers("<a href=\"tel:+994 12 919\">+994 12 919</a>"),
            "<a href=\"tel:+994 12 919\"><bdi dir=\"ltr\">+994 12 919</bdi></a>"
        );
        assert_eq!(
            isolate_numbers("<p>سال 2020 و 919</p>"),
            "<p>سال 2020 و 919</p>"
        );
        assert_eq!(
            isolate_numbers("<p>AZ1114 15 روز</p>"),
            "<p>AZ1114 15 روز</p>"
        );
        assert_eq!(
            isolate_numbers("<p>09:00 - 18:00</p>"),
            "<p>09:00 - 18:00</p>"
        );
        assert_eq!(
            isolate_numbers("<p>15 - 30 يومًا</p>"),
            "<p>15 - 30 يومًا</p>"
        );
    }
}
