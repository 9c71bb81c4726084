//! Which plural form a number takes in a locale (CLDR's cardinal categories, integers only).
//! Plain Rust: content files give each counted phrase per category (`one`, `few`, `many`,
//! `other`) and this picks one, so "3 рабочих дня" and "20 рабочих дней" both read right.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub fn key(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The category of the whole number `n` in `locale`.
pub fn category(locale: &str, n: u64) -> Category {
    match locale {
        "ru" | "uk" => {
            let (ten, hundred) = (n % 10, n % 100);
            if ten == 1 && hundred != 11 {
                Category::One
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                Category::Few
            } else {
                Category::Many
            }
        }
        "ar" => match n % 100 {
            _ if n == 0 => Category::Zero,
            _ if n == 1 => Category::One,
            _ if n == 2 => Category::Two,
            3..=10 => Category::Few,
            11..=99 => Category::Many,
            _ => Category::Other,
        },
        // Azerbaijani, Turkish, Persian and Chinese count without changing the noun.
        "az" | "tr" | "fa" | "zh" => Category::Other,
        _ if n == 1 => Category::One,
        _ => Category::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_forms() {
        assert_eq!(category("ru", 1), Category::One);
        assert_eq!(category("ru", 21), Category::One);
        assert_eq!(category("ru", 3), Category::Few);
        assert_eq!(category("ru", 12), Category::Many);
        assert_eq!(category("ru", 20), Category::Many);
    }

    #[test]
    fn english_and_azerbaijani() {
        assert_eq!(category("en", 1), Category::One);
        assert_eq!(category("en", 15), Category::Other);
        assert_eq!(category("az", 1), Category::Other);
    }

    #[test]
    fn arabic_forms() {
        let keys: Vec<_> = [0, 1, 2, 3, 10, 11, 99, 100, 103, 111, 200]
            .iter()
            .map(|n| category("ar", *n).key())
            .collect();
        assert_eq!(
            keys,
            ["zero", "one", "two", "few", "few", "many", "many", "other", "few", "many", "other"]
        );
    }
}
