//! The statements that differ per backend, and nowhere else: code outside
//! `db` writes queries once against `schema` and the enum; what the enum
//! cannot express (PostgreSQL's one-statement submission, the row by row
//! loading of the histogram pass, the outbox claim with
//! `FOR UPDATE SKIP LOCKED`) matches on the variant here, one file each.
//! The helpers that run one statement on either backend (`transaction`,
//! `insert_rows!`, `Lookup`) are in `db` itself.

pub mod histogram;
pub mod outbox_claim;
pub mod submission;
