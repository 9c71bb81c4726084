//! The country list (content/countries.toml): names in each locale and the migration rules that
//! depend on citizenship. Plain data; the server loads it, the engine reads it.
use super::engine::Countries;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    /// The name in each locale, by locale code (`en = "Georgia"`, `ar = "جورجيا"`, …).
    #[serde(flatten)]
    pub names: std::collections::BTreeMap<String, String>,
    /// Days a citizen may stay without a visa (UNCERTAIN list: shown with a confirm note).
    #[serde(default)]
    pub visa_free_days: Option<i64>,
    /// Registration at the place of stay is needed after this many days instead of 15.
    #[serde(default)]
    pub registration_days: Option<i64>,
}

impl Country {
    /// The name in `locale`, else in English.
    pub fn name(&self, locale: &str) -> &str {
        self.names
            .get(locale)
            .or_else(|| self.names.get("en"))
            .map_or("", String::as_str)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryList {
    pub countries: Vec<Country>,
}

/// What the engine needs of a country: its code and the rules that depend on it (the browser's
/// copy of the list; the names come with the country box, in the page's language).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CountryRule {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visa_free_days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_days: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CountryRules(pub Vec<CountryRule>);

impl Countries for CountryRules {
    fn exists(&self, code: &str) -> bool {
        self.0.iter().any(|c| c.code.eq_ignore_ascii_case(code))
    }

    fn attribute(&self, code: &str, name: &str) -> Option<i64> {
        let c = self.0.iter().find(|c| c.code.eq_ignore_ascii_case(code))?;
        match name {
            "visa_free_days" => c.visa_free_days,
            "registration_days" => c.registration_days,
            _ => None,
        }
    }
}

impl CountryList {
    pub fn rules(&self) -> CountryRules {
        CountryRules(
            self.countries
                .iter()
                .map(|c| CountryRule {
                    code: c.code.clone(),
                    visa_free_days: c.visa_free_days,
                    registration_days: c.registration_days,
                })
                .collect(),
        )
    }

    pub fn get(&self, code: &str) -> Option<&Country> {
        self.countries
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }
}

impl Countries for CountryList {
    fn exists(&self, code: &str) -> bool {
        self.get(code).is_some()
    }

    fn attribute(&self, code: &str, name: &str) -> Option<i64> {
        let c = self.get(code)?;
        match name {
            "visa_free_days" => c.visa_free_days,
            "registration_days" => c.registration_days,
            _ => None,
        }
    }
}
