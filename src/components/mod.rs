//! View pieces shared by the pages. Most are server only; the form pieces that islands use too
//! (error summary, error message, date input, notification banner) compile for both builds, take
//! their texts as props and keep their CSS beside them.
#[cfg(feature = "ssr")]
pub mod breadcrumbs;
#[cfg(feature = "ssr")]
pub mod content_meta;
#[cfg(feature = "ssr")]
pub mod country_map;
pub mod date_input;
pub mod error_message;
pub mod error_summary;
#[cfg(feature = "ssr")]
pub mod feedback;
#[cfg(feature = "ssr")]
pub mod footer;
#[cfg(feature = "ssr")]
pub mod header;
#[cfg(feature = "ssr")]
pub mod json_ld;
#[cfg(feature = "ssr")]
pub mod language_switcher;
#[cfg(feature = "ssr")]
pub mod layout;
#[cfg(feature = "ssr")]
pub mod link_list;
pub mod notification_banner;
#[cfg(feature = "ssr")]
pub mod page_meta;
#[cfg(feature = "ssr")]
pub mod section_text;
#[cfg(feature = "ssr")]
pub mod source_list;
#[cfg(feature = "ssr")]
pub mod source_note;
#[cfg(feature = "ssr")]
pub mod step_by_step;
