//! Editorial content (guides, journeys, section pages, news, statistics): the types the pages
//! show, shared by server and browser. Loading, validating and rendering Markdown is server-only.
pub mod model;

#[cfg(feature = "ssr")]
pub mod front_matter;
#[cfg(feature = "ssr")]
pub mod load;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod store;
