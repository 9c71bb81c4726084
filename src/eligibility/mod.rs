//! "Check what you need": flows defined as data (content/flows/*.toml) and the one engine that
//! evaluates them, on the server (pages without JavaScript, the API) and in the browser.
//! Plain Rust: no Leptos, no I/O.
pub mod calendar;
pub mod countries;
pub mod engine;
pub mod flow;
pub mod outcome;
pub mod steps;
pub mod walker;
