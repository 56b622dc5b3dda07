//! A member's invitation to a round as its personal link sees it
//! (contract §5): what a link opens (the invitation with its round's
//! dates and state), the opt-out from reminders, and the invitations
//! still waiting for an answer.
//!
//! The rows themselves are made by `rounds` (a round's targets) and mailed
//! by `mail::outbox`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{invitations, rounds};
use crate::db::{DbConnection, Lookup};
use crate::error::AppResult;

/// What a link opens: the invitation, and its round as far as the form
/// needs it (the frozen survey is read by `content_hash`, once per round).
#[derive(Clone, Queryable)]
pub struct Invitation {
    pub id: String,
    pub language: String,
    pub submitted_at: Option<NaiveDateTime>,
    /// Set by the first save: without it there is no draft to read.
    pub started_at: Option<NaiveDateTime>,
    pub round_id: i32,
    pub content_hash: String,
    pub opens: Option<NaiveDate>,
    pub closes: Option<NaiveDate>,
    pub closed: bool,
}

/// The invitation `id` with its round; `None` when there is none.
pub fn opened(conn: &mut DbConnection, id: &str) -> AppResult<Option<Invitation>> {
    Ok(invitations::table
        .inner_join(rounds::table)
        .filter(invitations::id.eq(id))
        .select((
            invitations::id,
            invitations::language,
            invitations::submitted_at,
            invitations::started_at,
            rounds::id,
            rounds::content_hash,
            rounds::opens,
            rounds::closes,
            rounds::closed,
        ))
        .lookup(conn)?)
}

/// No more reminders for this invitation; the first opt-out's time stays.
pub fn opt_out(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(
        invitations::table
            .find(id)
            .filter(invitations::opted_out_at.is_null()),
    )
    .set(invitations::opted_out_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// The invitations of round `round_id` not submitted, by member, as
/// `(invitation, member, language)`.
pub fn not_submitted(
    conn: &mut DbConnection,
    round_id: i32,
) -> AppResult<Vec<(String, String, String)>> {
    Ok(invitations::table
        .filter(invitations::round_id.eq(round_id))
        .filter(invitations::submitted_at.is_null())
        .order(invitations::member_id)
        .select((
            invitations::id,
            invitations::member_id,
            invitations::language,
        ))
        .load(conn)?)
}
