//! content/status.toml: processing times per procedure and public holidays.
use crate::dates::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRules {
    pub last_reviewed: String,
    pub sources: Vec<RuleSource>,
    /// Working days to a decision, by procedure name.
    pub processing: BTreeMap<String, u32>,
    /// Public holidays by year (`YYYY-MM-DD`).
    pub holidays: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSource {
    pub name: String,
    pub url: String,
}

impl StatusRules {
    pub fn holiday_dates(&self) -> BTreeSet<Date> {
        self.holidays
            .values()
            .flatten()
            .filter_map(|d| Date::parse_iso(d))
            .collect()
    }

    /// Every problem with the file, for the content checks.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if Date::parse_iso(&self.last_reviewed).is_none() {
            problems.push(format!(
                "last_reviewed: {:?} is not a date",
                self.last_reviewed
            ));
        }
        for name in self.processing.keys() {
            if super::number::Procedure::from_name(name).is_none() {
                problems.push(format!("processing: unknown procedure {name:?}"));
            }
        }
        for (year, days) in &self.holidays {
            for d in days {
                match Date::parse_iso(d) {
                    Some(date) if date.year.to_string() == *year => {}
                    _ => problems.push(format!("holidays.{year}: {d:?} is not a date in {year}")),
                }
            }
        }
        problems
    }
}
