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

/// Whether the page at `path` is written in `locale` (false for an English stand-in of a
/// partial locale). In the browser build every page counts as translated: only the server asks.
pub fn translated(locale: &str, path: &str) -> bool {
    #[cfg(feature = "ssr")]
    {
        store::global().translated(locale, path)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (locale, path);
        true
    }
}
