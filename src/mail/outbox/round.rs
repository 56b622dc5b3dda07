//! What the outbox says about one round, for `round status` and the
//! console: mails still waiting, and addresses that failed for good.

use diesel::prelude::*;

use crate::db::outbox_state::Status;
use crate::db::schema::{invitations, outbox};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::rounds::Round;

/// Addresses whose mail failed for good in a round, for `round status`.
pub fn failures(
    conn: &mut DbConnection,
    round: &Round,
) -> AppResult<Vec<(String, String, String, String)>> {
    Ok(outbox::table
        .inner_join(invitations::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(outbox::status.eq(Status::Failed.as_str()))
        .order((
            invitations::region,
            invitations::member_id,
            outbox::recipient,
        ))
        .select((
            invitations::region,
            invitations::member_id,
            outbox::recipient,
            outbox::last_error.assume_not_null(),
        ))
        .load(conn)?)
}

/// Mails of a round still waiting to be sent.
pub fn queued(conn: &mut DbConnection, round: &Round) -> AppResult<i64> {
    Ok(outbox::table
        .inner_join(invitations::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(outbox::status.eq(Status::Queued.as_str()))
        .count()
        .get_result(conn)?)
}
