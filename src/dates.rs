//! Dates written the way each locale writes them. Plain Rust: no date library in the wasm bundle.

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_AZ: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr",
    "noyabr", "dekabr",
];
// Russian dates use the genitive month: "26 ноября 2026".
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A calendar date without time zone, as rules and deadlines are stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub const fn new(year: i32, month: u32, day: u32) -> Self {
        Date { year, month, day }
    }

    /// `2026-11-26`, for `<time datetime>` and machine-readable data.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `26 November 2026`, `26 noyabr 2026`, `26 ноября 2026`.
    pub fn long(self, locale: &str) -> String {
        let months = match locale {
            "az" => &MONTHS_AZ,
            "ru" => &MONTHS_RU,
            _ => &MONTHS_EN,
        };
        let month = months[(self.month.clamp(1, 12) - 1) as usize];
        format!("{} {} {}", self.day, month, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_per_locale() {
        let d = Date::new(2026, 11, 26);
        assert_eq!(d.long("en"), "26 November 2026");
        assert_eq!(d.long("az"), "26 noyabr 2026");
        assert_eq!(d.long("ru"), "26 ноября 2026");
        assert_eq!(Date::new(2027, 1, 5).iso(), "2027-01-05");
    }
}
