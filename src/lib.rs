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
pub mod demo;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod members;
pub mod output;
pub mod private_files;
pub mod responses;
pub mod results;
pub mod rounds;
pub mod survey;
pub mod tally;
pub mod token;
pub mod users;
pub mod web;
