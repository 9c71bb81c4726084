//! What the checker's pages need from the server: the list of flows, and one flow with its texts
//! in one language, the country list and today's date. The flow travels as data (JSON in the
//! page's hydration data or a server function reply), so the browser walks it with the same
//! engine as the server and no TOML parser goes into the bundle.
use crate::content::model::Source;
use crate::dates::Date;
use crate::eligibility::countries::CountryList;
use crate::eligibility::engine::{walk, Answers, Walk};
use crate::eligibility::flow::Flow;
use crate::eligibility::outcome::{summarize, Summary};
use crate::eligibility::steps::answers_from;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A flow on the checker's index page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlowCard {
    pub id: String,
    pub title: String,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlowBundle {
    pub locale: String,
    pub flow: Flow,
    /// The flow's texts in `locale`, by key.
    pub texts: BTreeMap<String, String>,
    /// Sorted by name in `locale`.
    pub countries: CountryList,
    /// Guide titles in `locale`, by slug, for the outcomes' links.
    pub guides: BTreeMap<String, String>,
    /// Today in Azerbaijan: date answers are checked against it.
    pub today: Date,
}

impl FlowBundle {
    pub fn text(&self, key: &str) -> String {
        self.texts
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// The answers in a query string or form (`values(name)`: every value sent under `name`).
    pub fn answers(&self, values: impl Fn(&str) -> Vec<String>) -> Answers {
        answers_from(&self.flow, values)
    }

    pub fn walk(&self, answers: &Answers) -> Walk {
        walk(&self.flow, answers, self.today, &self.countries)
    }

    /// The outcome's checklist, worked out here (the browser's fallback when the API is out of reach).
    pub fn summary(&self, outcome: &str, walk: &Walk, answers: &Answers) -> Option<Summary> {
        summarize(
            &self.flow,
            &self.locale,
            outcome,
            &walk.path,
            answers,
            &|k| self.text(k),
            &|slug| self.guides.get(slug).cloned(),
        )
    }

    /// The flow's sources with their names in the bundle's language.
    pub fn sources(&self) -> Vec<Source> {
        self.flow
            .sources
            .iter()
            .map(|s| Source {
                name: self.text(&s.name),
                url: s.url.clone(),
            })
            .collect()
    }

    /// A country's name in the bundle's language.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.countries.get(code).map(|c| c.name(&self.locale))
    }
}

#[server]
pub async fn check_flows(locale: String) -> Result<Vec<FlowCard>, ServerFnError> {
    let store = crate::content::store::global();
    if !crate::locale::LOCALES.contains(&locale.as_str()) {
        return Ok(Vec::new());
    }
    let text = |key: &str| store.flow_text(&locale, key).unwrap_or(key).to_string();
    // The broad question first: most visitors want it.
    let mut flows: Vec<&Flow> = store.flows().collect();
    flows.sort_by_key(|f| f.id != "stay");
    Ok(flows
        .into_iter()
        .map(|f| FlowCard {
            id: f.id.clone(),
            title: text(&f.title),
            description: text(&f.description),
        })
        .collect())
}

#[server]
pub async fn check_flow(locale: String, flow: String) -> Result<Option<FlowBundle>, ServerFnError> {
    let store = crate::content::store::global();
    if !crate::locale::LOCALES.contains(&locale.as_str()) {
        return Ok(None);
    }
    let Some(flow) = store.flow(&flow) else {
        return Ok(None);
    };
    let texts = flow
        .text_keys()
        .into_iter()
        .map(|k| {
            let t = store.flow_text(&locale, k).unwrap_or(k);
            (k.to_string(), t.to_string())
        })
        .collect();
    let mut countries = store.countries().clone();
    countries
        .countries
        .sort_by_cached_key(|c| crate::search::fold(c.name(&locale)));
    let guides = flow
        .outcomes
        .iter()
        .flat_map(|o| &o.guides)
        .filter_map(|slug| Some((slug.clone(), store.guide(&locale, slug)?.title.clone())))
        .collect();
    Ok(Some(FlowBundle {
        locale,
        flow: flow.clone(),
        texts,
        countries,
        guides,
        today: crate::server::api::today_in_baku(),
    }))
}
