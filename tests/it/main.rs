//! Integration tests: one binary, every database test on SQLite and, when
//! `CANVASS_TEST_POSTGRES_URL` is set, on PostgreSQL too, each in a fresh
//! database. The few tests for PostgreSQL alone are reported as ignored
//! when the tests were built without it (see `build.rs`).

mod helpers;
mod proxy;
mod smtp;

mod aggregation;
mod bad_input;
mod cli;
mod console;
mod demo;
mod faults;
mod flow;
mod indicators;
mod mail;
mod members;
mod outage;
mod output;
mod privacy;
mod privacy_breakdowns;
mod private_files;
mod respond;
mod responses;
mod rounds;
mod scaleout;
mod xlsform;
