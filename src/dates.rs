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
const MONTHS_TR: [&str; 12] = [
    "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim",
    "Kasım", "Aralık",
];
const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
// Persian names of the Gregorian months (the site's dates are Gregorian, as the documents are).
const MONTHS_FA: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];
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
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub const fn new(year: i32, month: u32, day: u32) -> Self {
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD`; `None` for anything else, including impossible dates (`2026-02-30`).
    /// Arabic-Indic and Persian digits are read as 0–9 (typed on an Arabic or Persian keyboard).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let text = crate::digits::to_ascii(text);
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        Date::from_parts(year, month, day)
    }

    /// A real calendar date, or `None` (month 13, 30 February, …).
    pub fn from_parts(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        (day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm, proleptic Gregorian).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// `2026-11-26`, for `<time datetime>` and machine-readable data.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `26 November 2026`, `26 noyabr 2026`, `26 ноября 2026`.
    pub fn long(self, locale: &str) -> String {
        if locale == "zh" {
            return format!("{}年{}月{}日", self.year, self.month, self.day);
        }
        let months = match locale {
            "az" => &MONTHS_AZ,
            "ru" => &MONTHS_RU,
            "tr" => &MONTHS_TR,
            "ar" => &MONTHS_AR,
            "fa" => &MONTHS_FA,
            _ => &MONTHS_EN,
        };
        let month = months[(self.month.clamp(1, 12) - 1) as usize];
        crate::digits::for_locale(&format!("{} {} {}", self.day, month, self.year), locale)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// `YYYY-MM-DD` in words in `locale`; anything else as it is.
pub fn long_date(iso: &str, locale: &str) -> String {
    match Date::parse_iso(iso) {
        Some(d) => d.long(locale),
        None => iso.to_string(),
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
        assert_eq!(d.long("tr"), "26 Kasım 2026");
        assert_eq!(d.long("zh"), "2026年11月26日");
        assert_eq!(d.long("fa"), "۲۶ نوامبر ۲۰۲۶");
        assert_eq!(Date::new(2027, 1, 5).iso(), "2027-01-05");
    }

    #[test]
    fn parses_only_real_dates() {
        assert_eq!(Date::parse_iso("2024-02-29"), Some(Date::new(2024, 2, 29)));
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-00-10",
            "26-11-2026",
            "x",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_arithmetic_crosses_months_years_and_leap_days() {
        assert_eq!(Date::new(1970, 1, 1).to_days(), 0);
        assert_eq!(
            Date::new(2026, 11, 26).add_days(15),
            Date::new(2026, 12, 11)
        );
        assert_eq!(Date::new(2026, 12, 20).add_days(15), Date::new(2027, 1, 4));
        assert_eq!(Date::new(2028, 2, 20).add_days(10), Date::new(2028, 3, 1));
        assert_eq!(Date::new(2100, 2, 28).add_days(1), Date::new(2100, 3, 1));
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
    }
}
