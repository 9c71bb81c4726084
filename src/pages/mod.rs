//! One module per route.
pub mod article;
pub mod check;
pub mod contact;
pub mod content_page;
pub mod guide;
pub mod home;
pub mod journey;
pub mod news;
pub mod not_found;
pub mod procedures;
pub mod search;
pub mod statistics;
pub mod status;
