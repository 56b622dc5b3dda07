//! The audit log: who did what, and who looked at or downloaded which
//! results. Entries name users, rounds and regions, never answers or links.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::audit;
use crate::db::DbConnection;
use crate::error::AppResult;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Serialize)]
pub struct Entry {
    #[serde(skip)]
    pub id: i32,
    pub at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub subject: String,
}

/// Records one action; runs in the caller's transaction when there is one.
pub fn record(
    conn: &mut DbConnection,
    actor: &str,
    action: &str,
    subject: &str,
    at: NaiveDateTime,
) -> AppResult<()> {
    diesel::insert_into(audit::table)
        .values((
            audit::at.eq(at),
            audit::actor.eq(actor),
            audit::action.eq(action),
            audit::subject.eq(subject),
        ))
        .execute(conn)?;
    Ok(())
}

/// The latest `limit` entries, newest first.
pub fn latest(conn: &mut DbConnection, limit: i64) -> AppResult<Vec<Entry>> {
    Ok(audit::table
        .order((audit::at.desc(), audit::id.desc()))
        .limit(limit)
        .load(conn)?)
}

/// Who runs the command line, as the audit log names them.
pub fn cli_actor() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".into());
    format!("cli:{user}")
}
