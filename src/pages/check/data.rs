//! What the checker's pages need: the list of flows, and one flow with its texts in one language,
//! the country list and today's date. The question island gets the flow as data (`Walker`), so
//! the browser walks it with the same engine as the server and no TOML parser goes into the wasm.
use crate::content::model::Source;
use crate::eligibility::engine::{Answers, Walk};
use crate::eligibility::flow::Flow;
use crate::eligibility::outcome::{summarize, Summary};
use crate::eligibility::walker::Walker;
use std::collections::BTreeMap;

/// A flow on the checker's index page.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowCard {
    pub id: String,
    pub title: String,
    pub description: String,
}

/// A flow as its pages show it: what the browser needs to walk it (`Walker`: the flow, the
/// countries sorted by name in its language, today), with its texts and guide titles.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowBundle {
    pub walker: Walker,
    /// The flow's texts in `locale`, by key.
    pub texts: BTreeMap<String, String>,
    /// Guide titles in `locale`, by slug, for the outcomes' links.
    pub guides: BTreeMap<String, String>,
}

impl std::ops::Deref for FlowBundle {
    type Target = Walker;
    fn deref(&self) -> &Walker {
        &self.walker
    }
}

impl FlowBundle {
    pub fn text(&self, key: &str) -> String {
        self.texts
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
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

pub fn check_flows(locale: &str) -> Vec<FlowCard> {
    let store = crate::content::store::global();
    if !crate::locale::LOCALES.contains(&locale) {
        return Vec::new();
    }
    let text = |key: &str| store.flow_text(locale, key).unwrap_or(key).to_string();
    // The broad question first: most visitors want it.
    let mut flows: Vec<&Flow> = store.flows().collect();
    flows.sort_by_key(|f| f.id != "stay");
    flows
        .into_iter()
        .map(|f| FlowCard {
            id: f.id.clone(),
            title: text(&f.title),
            description: text(&f.description),
        })
        .collect()
}

pub fn check_flow(locale: &str, flow: &str) -> Option<FlowBundle> {
    let store = crate::content::store::global();
    if !crate::locale::LOCALES.contains(&locale) {
        return None;
    }
    let flow = store.flow(flow)?;
    let texts = flow
        .text_keys()
        .into_iter()
        .map(|k| {
            let t = store.flow_text(locale, k).unwrap_or(k);
            (k.to_string(), t.to_string())
        })
        .collect();
    let mut countries = store.countries().clone();
    countries
        .countries
        .sort_by_cached_key(|c| crate::search::fold(c.name(locale)));
    let guides = flow
        .outcomes
        .iter()
        .flat_map(|o| &o.guides)
        .filter_map(|slug| Some((slug.clone(), store.guide(locale, slug)?.title.clone())))
        .collect();
    Some(FlowBundle {
        walker: Walker {
            locale: locale.to_string(),
            flow: flow.clone(),
            countries,
            today: crate::server::api::today_in_baku(),
        },
        texts,
        guides,
    })
}
