//! Decision dates: a number of working days after a date, skipping Saturdays, Sundays and the
//! public holidays given (Azerbaijan's list lives in content/status.toml).
use crate::dates::Date;
use std::collections::BTreeSet;

/// Monday is 0 … Sunday is 6.
pub fn weekday(d: Date) -> i64 {
    // 1970-01-01 was a Thursday (3).
    (d.to_days() + 3).rem_euclid(7)
}

pub fn is_working_day(d: Date, holidays: &BTreeSet<Date>) -> bool {
    weekday(d) < 5 && !holidays.contains(&d)
}

/// The `n`th working day after `start` (the day of submission itself does not count).
pub fn add_working_days(start: Date, n: u32, holidays: &BTreeSet<Date>) -> Date {
    let mut day = start;
    let mut left = n;
    while left > 0 {
        day = day.add_days(1);
        if is_working_day(day, holidays) {
            left -= 1;
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        assert_eq!(weekday(Date::new(2026, 11, 26)), 3, "a Thursday");
        assert_eq!(weekday(Date::new(2026, 11, 29)), 6, "a Sunday");
    }

    #[test]
    fn weekends_and_holidays_are_skipped() {
        let none = BTreeSet::new();
        // Thursday + 1 → Friday; + 2 → Monday.
        assert_eq!(
            add_working_days(Date::new(2026, 11, 26), 1, &none),
            Date::new(2026, 11, 27)
        );
        assert_eq!(
            add_working_days(Date::new(2026, 11, 26), 2, &none),
            Date::new(2026, 11, 30)
        );
        // Submitted on a Saturday: the first working day is Monday.
        assert_eq!(
            add_working_days(Date::new(2026, 11, 28), 1, &none),
            Date::new(2026, 11, 30)
        );
        // New Year's days off push the date on.
        let holidays = BTreeSet::from([Date::new(2027, 1, 1)]);
        assert_eq!(
            add_working_days(Date::new(2026, 12, 31), 1, &holidays),
            Date::new(2027, 1, 4)
        );
        assert_eq!(
            add_working_days(Date::new(2026, 11, 26), 0, &none),
            Date::new(2026, 11, 26)
        );
    }
}
