//! Texts an island shows, translated on the server and sent with the island's props.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An island's texts by key. A missing key shows the key itself: visible in a test, never a panic.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts(pub BTreeMap<String, String>);

impl Texts {
    pub fn get(&self, key: &str) -> String {
        self.0.get(key).cloned().unwrap_or_else(|| key.to_string())
    }

    pub fn insert(&mut self, key: impl Into<String>, text: impl Into<String>) {
        self.0.insert(key.into(), text.into());
    }

    /// A text with `{count}` in it, counted (the texts avoid plural forms by design).
    pub fn count(&self, key: &str, count: usize) -> String {
        self.get(key).replace("{count}", &count.to_string())
    }
}
