//! One module per route.
pub mod coming_soon;
pub mod contact;
pub mod home;
pub mod not_found;
