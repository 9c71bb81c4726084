//! `content/statistics.toml`: the figures of the 2020 results, with labels in every locale.
use super::files::{pick, read_toml_or, require_locales, Localized};
use crate::content::model::{Indicator, Statistics, Total};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatisticsFile {
    period: Localized,
    pub last_reviewed: toml::value::Date,
    source_url: String,
    title: Localized,
    summary: Localized,
    chart_title: Localized,
    indicators: Vec<IndicatorFile>,
    early_2020: Vec<IndicatorFile>,
    totals: Vec<TotalFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorFile {
    key: String,
    percent_of_2019: f64,
    label: Localized,
    change: Localized,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TotalFile {
    key: String,
    value: f64,
    #[serde(default)]
    unit: Option<String>,
    label: Localized,
}

pub fn load(dir: &Path, errors: &mut Vec<String>) -> Option<StatisticsFile> {
    let path = dir.join("statistics.toml");
    let file = read_toml_or::<StatisticsFile>(&path, errors)?;
    check(&path, &file, errors);
    Some(file)
}

impl StatisticsFile {
    /// The figures with their labels in `locale`.
    pub fn localized(&self, locale: &str) -> Statistics {
        let indicators = |list: &[IndicatorFile]| {
            list.iter()
                .map(|i| Indicator {
                    key: i.key.clone(),
                    label: pick(&i.label, locale),
                    change: pick(&i.change, locale),
                    percent_of_2019: i.percent_of_2019,
                })
                .collect()
        };
        Statistics {
            period: pick(&self.period, locale),
            title: pick(&self.title, locale),
            summary: pick(&self.summary, locale),
            chart_title: pick(&self.chart_title, locale),
            last_reviewed: self.last_reviewed.to_string(),
            source_url: self.source_url.clone(),
            indicators: indicators(&self.indicators),
            early_2020: indicators(&self.early_2020),
            totals: self
                .totals
                .iter()
                .map(|t| Total {
                    key: t.key.clone(),
                    label: pick(&t.label, locale),
                    value: t.value,
                    unit: t.unit.clone(),
                })
                .collect(),
        }
    }
}

fn check(path: &Path, s: &StatisticsFile, errors: &mut Vec<String>) {
    let mut labels: Vec<(String, &Localized)> = vec![
        ("period".into(), &s.period),
        ("title".into(), &s.title),
        ("summary".into(), &s.summary),
        ("chart_title".into(), &s.chart_title),
    ];
    for i in s.indicators.iter().chain(&s.early_2020) {
        labels.push((format!("{}.label", i.key), &i.label));
        labels.push((format!("{}.change", i.key), &i.change));
        if !(i.percent_of_2019.is_finite() && i.percent_of_2019 >= 0.0) {
            errors.push(format!(
                "{}: {}: percent_of_2019 must be a positive number",
                path.display(),
                i.key
            ));
        }
    }
    for t in &s.totals {
        labels.push((format!("{}.label", t.key), &t.label));
    }
    for (name, map) in labels {
        require_locales(path, &name, map, errors);
    }
}
