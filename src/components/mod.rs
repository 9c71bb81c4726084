//! View pieces shared by the pages.
pub mod breadcrumbs;
pub mod content_meta;
pub mod footer;
pub mod header;
pub mod json_ld;
pub mod language_switcher;
pub mod layout;
pub mod page_meta;
pub mod section_text;
pub mod source_note;
pub mod step_by_step;
