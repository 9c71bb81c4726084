//! The site's languages and how a request picks one. Plain Rust, no Leptos: the server's `/`
//! redirect and the app's URL handling share it, and unit tests cover it directly.

/// Every locale the site is published in, in the order the language switcher shows them.
pub const LOCALES: [&str; 3] = ["az", "en", "ru"];

/// Used when neither the visitor's cookie nor their browser asks for a locale we have.
pub const DEFAULT_LOCALE: &str = "en";

/// The cookie that remembers the visitor's language (leptos_i18n's default name).
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";

/// The `Set-Cookie` / `document.cookie` value that remembers a locale for a year.
/// `secure`: the site is served over https (its public origin), so the cookie never travels in
/// clear.
pub fn cookie(code: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{LOCALE_COOKIE}={code}; Path=/; Max-Age=31536000; SameSite=Lax{secure}")
}

/// The locale's name in its own language, as the language switcher shows it.
pub fn endonym(code: &str) -> &'static str {
    match code {
        "az" => "Azərbaycanca",
        "ru" => "Русский",
        _ => "English",
    }
}

/// Writing direction. All current locales are left-to-right; the layout uses logical CSS
/// properties so adding a right-to-left locale means adding it here.
pub fn direction(code: &str) -> &'static str {
    match code {
        "ar" | "fa" | "he" | "ur" => "rtl",
        _ => "ltr",
    }
}

/// The supported locale a code names, ignoring case (`"RU"` → `"ru"`).
pub fn supported(code: &str) -> Option<&'static str> {
    LOCALES
        .iter()
        .copied()
        .find(|l| l.eq_ignore_ascii_case(code))
}

/// The locale that a path starts with: `/ru/contact` → `ru`. Anything else → `None`.
pub fn from_path(path: &str) -> Option<&'static str> {
    let first = path.trim_start_matches('/').split('/').next()?;
    LOCALES.iter().copied().find(|l| *l == first)
}

/// The path with its locale prefix removed, always starting with `/`: `/ru/contact` → `/contact`,
/// `/ru/` → `/`. A path without a locale prefix is returned unchanged.
pub fn strip_prefix(path: &str) -> &str {
    match from_path(path) {
        Some(l) => {
            let rest = &path[1 + l.len()..];
            if rest.is_empty() {
                "/"
            } else {
                rest
            }
        }
        None => path,
    }
}

/// The same page in another locale: `localized_path("az", "/ru/contact")` → `/az/contact`.
pub fn localized_path(locale: &str, path: &str) -> String {
    format!("/{locale}{}", strip_prefix(path))
}

/// Picks the locale for a visitor who arrives at `/`: their cookie first (they chose it), then
/// the first language in Accept-Language that we publish (by q-value, then order), else English.
pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> &'static str {
    if let Some(l) = cookie.and_then(supported) {
        return l;
    }
    accept_language
        .and_then(best_accepted)
        .unwrap_or(DEFAULT_LOCALE)
}

/// The best supported locale in an Accept-Language header, e.g. `ru-RU,ru;q=0.9,en;q=0.8` → `ru`.
fn best_accepted(header: &str) -> Option<&'static str> {
    let mut best: Option<(f32, usize, &'static str)> = None;
    for (index, item) in header.split(',').enumerate() {
        let mut parts = item.trim().split(';');
        let tag = parts.next().unwrap_or("").trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if quality <= 0.0 || !quality.is_finite() {
            continue;
        }
        // "az-Latn-AZ" → "az": the primary subtag decides.
        let primary = tag.split('-').next().unwrap_or("");
        let Some(locale) = supported(primary) else {
            continue;
        };
        let better = match best {
            None => true,
            Some((q, i, _)) => quality > q || (quality == q && index < i),
        };
        if better {
            best = Some((quality, index, locale));
        }
    }
    best.map(|(_, _, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_wins_over_browser_language() {
        assert_eq!(negotiate(Some("az"), Some("ru,en")), "az");
    }

    #[test]
    fn unknown_cookie_falls_back_to_browser_language() {
        assert_eq!(negotiate(Some("de"), Some("ru-RU,ru;q=0.9")), "ru");
    }

    #[test]
    fn accept_language_respects_quality_values() {
        assert_eq!(negotiate(None, Some("en;q=0.5, az;q=0.9, ru;q=0.1")), "az");
        assert_eq!(negotiate(None, Some("de-DE, ru;q=0.8, en;q=0.8")), "ru");
    }

    #[test]
    fn region_and_script_subtags_are_ignored() {
        assert_eq!(negotiate(None, Some("az-Latn-AZ")), "az");
    }

    #[test]
    fn nothing_we_publish_gives_english() {
        assert_eq!(negotiate(None, Some("de, fr;q=0.9")), "en");
        assert_eq!(negotiate(None, None), "en");
        assert_eq!(negotiate(None, Some("ru;q=0")), "en");
        assert_eq!(negotiate(None, Some(";;;,,q=")), "en");
    }

    #[test]
    fn paths_carry_their_locale() {
        assert_eq!(from_path("/ru/contact"), Some("ru"));
        assert_eq!(from_path("/az/"), Some("az"));
        assert_eq!(from_path("/az"), Some("az"));
        assert_eq!(from_path("/azx/"), None);
        assert_eq!(from_path("/"), None);
        assert_eq!(strip_prefix("/ru/contact"), "/contact");
        assert_eq!(strip_prefix("/ru/"), "/");
        assert_eq!(strip_prefix("/ru"), "/");
        assert_eq!(localized_path("az", "/ru/news"), "/az/news");
        assert_eq!(localized_path("en", "/ru/"), "/en/");
    }
}
