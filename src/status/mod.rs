//! Application status: numbers with a check character, the statuses and what they mean, and
//! decision dates counted in working days. Plain Rust shared by the server and the browser (which
//! checks a number's check character as it is typed). No database here: see `server::status`.
pub mod number;
pub mod reply;
pub mod rules;
pub mod working_days;
