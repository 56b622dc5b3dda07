//! The outbox claim: one statement that marks up to a batch of due mails as
//! taken by one sender until a time, and returns them.
//!
//! The two backends need different text: PostgreSQL numbers its
//! placeholders (so `now` is bound once) and locks the rows it picks with
//! `FOR UPDATE SKIP LOCKED`, which lets senders on several machines claim
//! at once without waiting on each other or taking the same mail; SQLite
//! has no row locks but serialises writers, which gives the same
//! guarantee. Each statement is fixed text with bound parameters.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use crate::db::DbConnection;
use crate::error::AppResult;

/// `$1` worker, `$2` claimed until, `$3` now, `$4` batch size.
pub(crate) const POSTGRES: &str = "UPDATE outbox SET claimed_by = $1, claimed_until = $2 \
     WHERE id IN (SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= $3 \
     AND (claimed_until IS NULL OR claimed_until < $3) ORDER BY created_at, id LIMIT $4 \
     FOR UPDATE SKIP LOCKED) RETURNING id, created_at";

/// Worker, claimed until, now, now, batch size.
pub(crate) const SQLITE: &str = "UPDATE outbox SET claimed_by = ?, claimed_until = ? \
     WHERE id IN (SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? \
     AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY created_at, id LIMIT ?) \
     RETURNING id, created_at";

#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Timestamp)]
    created_at: NaiveDateTime,
}

/// Claims for `worker`, until `until`, up to `limit` mails that are queued,
/// due at `now` and not held by another sender's live claim; returns their
/// ids in queue order (oldest first).
pub fn claim(
    conn: &mut DbConnection,
    worker: &str,
    until: NaiveDateTime,
    now: NaiveDateTime,
    limit: i64,
) -> AppResult<Vec<String>> {
    let mut claimed: Vec<Claimed> = match conn {
        DbConnection::Pg(c) => diesel::sql_query(POSTGRES)
            .bind::<Text, _>(worker)
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c)?,
        DbConnection::Sqlite(c) => diesel::sql_query(SQLITE)
            .bind::<Text, _>(worker)
            .bind::<Timestamp, _>(until)
            .bind::<Timestamp, _>(now)
            .bind::<Timestamp, _>(now)
            .bind::<BigInt, _>(limit)
            .load(c)?,
    };
    // RETURNING gives no order on either backend.
    claimed.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(claimed.into_iter().map(|c| c.id).collect())
}
