//! The islands: the only parts of the site that run in the browser (docs/adr/0001-islands.md).
//! Each is rendered on the server like any component, then hydrated by `nav.js` where it appears.
//! They get their texts as props (`Texts`), so no translation table goes into the wasm.
pub mod browser;
pub mod checker_form;
pub mod checker_result;
pub mod country_select;
pub mod feedback_form;
pub mod nearest_first;
pub mod offline_checker;
pub mod status_lookup;
pub mod status_result;
pub mod texts;
