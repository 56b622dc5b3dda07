//! canvass: an annual member survey platform. See README.md for the tour
//! and the module docs for what each part owns.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod answers;
pub mod audit;
pub mod charts;
pub mod cli;
pub mod config;
pub mod country;
pub mod csv_input;
pub mod db;
pub mod error;
pub mod i18n;
pub mod invitations;
pub mod locale;
pub mod mail;
pub mod members;
pub mod output;
pub mod private_files;
pub mod responses_import;
pub mod results;
pub mod review;
pub mod round;
pub mod rounds;
pub mod survey;
pub mod token;
pub mod users;
pub mod web;
pub mod xlsform;
