//! `round status`: per region, how many members are targeted, invited,
//! reached by mail, bounced, started and submitted, then `ALL`.

use std::collections::HashMap;

use diesel::dsl::{count, count_star};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::invitations;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::round::Round;

/// Progress of one region (or `ALL`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegionStatus {
    pub region: String,
    pub targeted: i64,
    pub invited: i64,
    /// Invitations with at least one mail accepted by the SMTP server (an
    /// outbox row marked sent: the outbox is the record of mail).
    pub delivered: i64,
    pub bounced: i64,
    pub started: i64,
    pub submitted: i64,
}

/// Per region, then `ALL`.
pub fn status(conn: &mut DbConnection, round: &Round) -> AppResult<Vec<RegionStatus>> {
    let delivered = delivered(conn, round)?;
    let counts: Vec<(String, i64, i64, i64, i64, i64)> = invitations::table
        .filter(invitations::round_id.eq(round.id))
        .group_by(invitations::region)
        .select((
            invitations::region,
            count_star(),
            count(invitations::invited_at),
            count(invitations::bounced_at),
            count(invitations::started_at),
            count(invitations::submitted_at),
        ))
        .load(conn)?;
    let mut out: Vec<RegionStatus> = counts
        .into_iter()
        .map(
            |(region, targeted, invited, bounced, started, submitted)| RegionStatus {
                delivered: delivered.get(&region).copied().unwrap_or(0),
                region,
                targeted,
                invited,
                bounced,
                started,
                submitted,
            },
        )
        .collect();
    out.sort_by(|a, b| a.region.cmp(&b.region));
    let all = total(&out);
    out.push(all);
    Ok(out)
}

/// Per region, the invitations with at least one mail marked sent.
fn delivered(conn: &mut DbConnection, round: &Round) -> AppResult<HashMap<String, i64>> {
    use crate::db::schema::outbox;
    use diesel::expression_methods::AggregateExpressionMethods;
    Ok(invitations::table
        .inner_join(outbox::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(outbox::status.eq(crate::db::outbox_state::Status::Sent.as_str()))
        .group_by(invitations::region)
        .select((
            invitations::region,
            count(invitations::id).aggregate_distinct(),
        ))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect())
}

/// The `ALL` row: the sums of the regions' rows.
fn total(regions: &[RegionStatus]) -> RegionStatus {
    let mut all = RegionStatus {
        region: "ALL".into(),
        targeted: 0,
        invited: 0,
        delivered: 0,
        bounced: 0,
        started: 0,
        submitted: 0,
    };
    for r in regions {
        all.targeted += r.targeted;
        all.invited += r.invited;
        all.delivered += r.delivered;
        all.bounced += r.bounced;
        all.started += r.started;
        all.submitted += r.submitted;
    }
    all
}
