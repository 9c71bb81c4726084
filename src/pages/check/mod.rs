//! "Check what you need": the list of flows, each flow's start page, one page per question,
//! "check your answers" and the result. Every page is a GET address whose query holds the
//! answers; without JavaScript the server renders each step, with it the browser walks the flow.
pub mod answers;
pub mod data;
pub mod index;
pub mod offline;
pub mod question;
pub mod result;
pub mod shared;
pub mod start;
