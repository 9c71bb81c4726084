//! Reading a status feed from the case system (CSV with a header line, or a JSON array of
//! objects) into checked rows. Any bad row refuses the whole file, naming its line and reason.
//! Fields: number, date_of_birth, procedure, submitted, date, status, note (optional).
use super::status_store::{FeedRow, ImportError};
use crate::dates::Date;
use crate::status::number::{ApplicationNumber, Procedure};
use crate::status::reply::{Note, Status};
use serde::Deserialize;
use serde_json::value::RawValue;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    number: String,
    date_of_birth: String,
    procedure: String,
    submitted: String,
    date: String,
    status: String,
    #[serde(default)]
    note: Option<String>,
}

/// Parses `text`; JSON when it starts with `[`, CSV otherwise.
pub fn parse(text: &str) -> Result<Vec<(usize, FeedRow)>, ImportError> {
    if text.trim_start().starts_with('[') {
        parse_json(text)
    } else {
        parse_csv(text)
    }
}

fn parse_csv(text: &str) -> Result<Vec<(usize, FeedRow)>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let not_csv = |line: usize, e: csv::Error| ImportError {
        line,
        reason: format!("not a row of the feed: {e}"),
    };
    let headers = reader.headers().map_err(|e| not_csv(1, e))?.clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
            not_csv(line, e)
        })?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let raw: RawRow = record
            .deserialize(Some(&headers))
            .map_err(|e| not_csv(line, e))?;
        rows.push((
            line,
            check(raw).map_err(|reason| ImportError { line, reason })?,
        ));
    }
    Ok(rows)
}

fn parse_json(text: &str) -> Result<Vec<(usize, FeedRow)>, ImportError> {
    let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| ImportError {
        line: e.line(),
        reason: format!("not a JSON array of rows: {e}"),
    })?;
    let mut rows = Vec::new();
    for item in items {
        let offset = item.get().as_ptr() as usize - text.as_ptr() as usize;
        let line = text[..offset].matches('\n').count() + 1;
        let raw: RawRow = serde_json::from_str(item.get()).map_err(|e| ImportError {
            line,
            reason: format!("not a row of the feed: {e}"),
        })?;
        rows.push((
            line,
            check(raw).map_err(|reason| ImportError { line, reason })?,
        ));
    }
    Ok(rows)
}

fn date(field: &str, value: &str) -> Result<Date, String> {
    Date::parse_iso(value).ok_or_else(|| format!("{field}: {value:?} is not a date (YYYY-MM-DD)"))
}

fn check(raw: RawRow) -> Result<FeedRow, String> {
    // Neither the number nor the date of birth is repeated in a message: messages go to logs.
    let number = ApplicationNumber::parse(&raw.number)
        .map_err(|e| format!("number: not an application number ({})", e.code()))?;
    let procedure = Procedure::from_name(&raw.procedure)
        .ok_or_else(|| format!("procedure: unknown {:?}", raw.procedure))?;
    if number.procedure() != procedure {
        return Err(format!(
            "procedure: {} does not match the number's {}",
            procedure.name(),
            number.procedure().name()
        ));
    }
    let date_of_birth =
        Date::parse_iso(&raw.date_of_birth).ok_or("date_of_birth: not a date (YYYY-MM-DD)")?;
    let submitted = date("submitted", &raw.submitted)?;
    let when = date("date", &raw.date)?;
    if date_of_birth < Date::new(1900, 1, 1) || date_of_birth >= submitted {
        return Err("date_of_birth: must be after 1900 and before the submission".into());
    }
    if when < submitted {
        return Err("date: an event cannot be before the submission".into());
    }
    let status = Status::from_name(&raw.status)
        .ok_or_else(|| format!("status: unknown {:?}", raw.status))?;
    let note = match raw.note.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => Some(Note::from_name(n).ok_or_else(|| format!("note: unknown {n:?}"))?),
    };
    Ok(FeedRow {
        number,
        date_of_birth,
        procedure,
        submitted,
        date: when,
        status,
        note,
    })
}
