//! Queueing: invitations and reminders become outbox rows, one per
//! address, in the same transaction that stamps the invitations.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::outbox_state::{Kind, Status};
use crate::db::schema::{invitations, members, outbox};
use crate::db::{self, DbConnection};
use crate::error::{AppError, AppResult};
use crate::rounds::{self, Round};

/// Invites every targeted member not yet invited: marks them invited and
/// queues one mail per address, in one transaction. Returns how many
/// members were invited (0 when run again).
pub fn queue_invitations(
    conn: &mut DbConnection,
    round_name: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    db::transaction(conn, |conn| {
        let round = rounds::find(conn, round_name)?;
        ensure_open(&round)?;
        rounds::sync_targets(conn, &round)?;
        let todo: Vec<(String, String)> = invitations::table
            .inner_join(members::table)
            .filter(invitations::round_id.eq(round.id))
            .filter(invitations::invited_at.is_null())
            .select((invitations::id, members::email))
            .load(conn)?;
        queue_all(conn, &todo, Kind::Invite, now)
    })
}

/// Queues a reminder to every invited member who has not submitted and has
/// not opted out (and has no reminder still waiting to go).
pub fn queue_reminders(
    conn: &mut DbConnection,
    round_name: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    db::transaction(conn, |conn| {
        let round = rounds::find(conn, round_name)?;
        ensure_open(&round)?;
        let waiting = outbox::table
            .filter(outbox::kind.eq(Kind::Reminder.as_str()))
            .filter(outbox::status.eq(Status::Queued.as_str()))
            .select(outbox::invitation_id);
        let todo: Vec<(String, String)> = invitations::table
            .inner_join(members::table)
            .filter(invitations::round_id.eq(round.id))
            .filter(invitations::invited_at.is_not_null())
            .filter(invitations::submitted_at.is_null())
            .filter(invitations::opted_out_at.is_null())
            .filter(invitations::id.ne_all(waiting))
            .select((invitations::id, members::email))
            .load(conn)?;
        queue_all(conn, &todo, Kind::Reminder, now)
    })
}

#[derive(Insertable)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
struct NewMail<'a> {
    id: String,
    invitation_id: &'a str,
    kind: &'static str,
    recipient: &'a str,
    status: &'static str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
}

/// Queues one mail of `kind` per address of each `(invitation, emails)` and
/// stamps the invitation invited or reminded; returns how many invitations.
/// Multi-row inserts and one stamp per chunk: 100k members are a few
/// hundred statements, not 200k.
fn queue_all(
    conn: &mut DbConnection,
    todo: &[(String, String)],
    kind: Kind,
    now: NaiveDateTime,
) -> AppResult<usize> {
    let refused = refused_addresses(conn, kind)?;
    let mails: Vec<NewMail> = todo
        .iter()
        .flat_map(|(id, email)| {
            email
                .split(';')
                .filter(|a| !a.is_empty())
                .map(move |address| (id, address))
        })
        .filter(|(id, address)| {
            refused.is_empty() || !refused.contains(&(id.to_string(), address.to_string()))
        })
        .map(|(id, address)| NewMail {
            id: crate::token::new_id(),
            invitation_id: id,
            kind: kind.as_str(),
            recipient: address,
            status: Status::Queued.as_str(),
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        })
        .collect();
    db::insert_rows!(conn, outbox::table, mails);
    stamp(conn, todo, kind, now)?;
    Ok(todo.len())
}

/// `(invitation, address)` pairs not to write to again: an address that
/// refused mail for good. An invitation is the first mail, so only
/// reminders need to look.
fn refused_addresses(conn: &mut DbConnection, kind: Kind) -> AppResult<HashSet<(String, String)>> {
    Ok(match kind {
        Kind::Invite => HashSet::new(),
        Kind::Reminder => outbox::table
            .filter(outbox::status.eq(Status::Failed.as_str()))
            .select((outbox::invitation_id, outbox::recipient))
            .load::<(String, String)>(conn)?
            .into_iter()
            .collect(),
    })
}

/// Marks the invitations of `todo` invited or reminded at `now`.
fn stamp(
    conn: &mut DbConnection,
    todo: &[(String, String)],
    kind: Kind,
    now: NaiveDateTime,
) -> AppResult<()> {
    for chunk in todo.chunks(db::CHUNK) {
        let ids: Vec<&str> = chunk.iter().map(|(id, _)| id.as_str()).collect();
        let stamp = diesel::update(invitations::table.filter(invitations::id.eq_any(ids)));
        match kind {
            Kind::Invite => stamp.set(invitations::invited_at.eq(now)).execute(conn)?,
            Kind::Reminder => stamp.set(invitations::reminded_at.eq(now)).execute(conn)?,
        };
    }
    Ok(())
}

fn ensure_open(round: &Round) -> AppResult<()> {
    if round.closed {
        return Err(AppError::Conflict(format!(
            "round `{}` is closed",
            round.name
        )));
    }
    Ok(())
}
