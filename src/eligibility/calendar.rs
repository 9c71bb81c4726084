//! An outcome's deadlines as an iCalendar file (RFC 5545): one all-day event per deadline with a
//! reminder two days before, so a phone's calendar warns in time.
use super::outcome::Summary;
use crate::dates::Date;

/// The `.ics` text. `url` is the result page's public address; `today` stamps the file.
pub fn ics(summary: &Summary, url: &str, today: Date) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//State Migration Service of the Republic of Azerbaijan//Check what you need//EN"
            .to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    for (i, d) in summary.deadlines.iter().enumerate() {
        let Some(date) = Date::parse_iso(&d.date) else {
            continue;
        };
        let day = compact(date);
        let description = format!("{} {}\n{}\n{url}", d.label, d.date, summary.title);
        lines.extend([
            "BEGIN:VEVENT".to_string(),
            format!(
                "UID:{}-{}-{i}-{day}@migration.gov.az",
                summary.flow, summary.outcome
            ),
            format!("DTSTAMP:{}T000000Z", compact(today)),
            format!("DTSTART;VALUE=DATE:{day}"),
            format!("DTEND;VALUE=DATE:{}", compact(date.add_days(1))),
            format!("SUMMARY:{}", escape(&d.event)),
            format!("DESCRIPTION:{}", escape(&description)),
            format!("URL:{url}"),
            "TRANSP:TRANSPARENT".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:-P2D".to_string(),
            format!("DESCRIPTION:{}", escape(&d.event)),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ]);
    }
    lines.push("END:VCALENDAR".to_string());
    lines
        .iter()
        .map(|l| fold(l))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// TEXT values escape backslashes, separators and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets continue on the next line after a space, split between
/// characters (Azerbaijani and Russian letters take two bytes).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eligibility::outcome::DeadlineOut;

    fn summary() -> Summary {
        Summary {
            flow: "registration".into(),
            locale: "ru".into(),
            outcome: "deadline_15".into(),
            title: "Зарегистрируйте место пребывания в течение 15 дней".into(),
            body: vec![],
            documents: vec![],
            fees: vec![],
            guides: vec![],
            deadlines: vec![DeadlineOut {
                label: "Register by".into(),
                event: "Last day to register; place of stay, address".into(),
                date: "2026-12-31".into(),
            }],
            answered: vec![],
        }
    }

    #[test]
    fn one_all_day_event_per_deadline() {
        let text = ics(
            &summary(),
            "https://migration.gov.az/ru/check/registration/result?a=1",
            Date::new(2026, 11, 26),
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\n"));
        // The end of an all-day event is the next day, across a year's end.
        assert!(text.contains("DTEND;VALUE=DATE:20270101\r\n"));
        assert!(text.contains("SUMMARY:Last day to register\\; place of stay\\, address\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
        assert!(!text.replace("\r\n", "").contains('\n'), "bare line feed");
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let text = ics(
            &summary(),
            "https://migration.gov.az/x",
            Date::new(2026, 11, 26),
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("Зарегистрируйте место пребывания в течение 15 дней"));
    }
}
