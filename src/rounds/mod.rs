//! What the secretariat does to rounds (contract §2, `canvass round …`):
//! create (freezing the survey), open, close (storing results), the
//! round's targets (`targets`: who is invited) and its progress
//! (`status`).
//!
//! The round record and its lookups live in the leaf [`crate::round`], so
//! that `results` can read rounds while `close` here computes results;
//! they are re-exported here, so callers import rounds from one place.

mod status;
mod targets;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

pub use self::status::{status, RegionStatus};
pub use self::targets::{invitation_of, sync_all_open, sync_targets};
use crate::db::schema::rounds;
use crate::db::{self, DbConnection};
use crate::error::{AppError, AppResult};
pub use crate::round::{find, find_by_id, includes_region, list, stored_results, Phase, Round};
use crate::survey::Survey;

/// Round names appear in URLs and file names: letters, digits, `.`, `_`, `-`.
pub fn check_name(name: &str) -> AppResult<()> {
    let ok = name.len() <= 64
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid(format!("round name \"{name}\" must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")))
    }
}

/// What `round create` is given.
pub struct NewRound<'a> {
    pub name: &'a str,
    pub survey: &'a Survey,
    pub opens: Option<NaiveDate>,
    pub closes: Option<NaiveDate>,
    pub regions: &'a [String],
}

/// Creates a round that freezes `survey` and targets its members now.
pub fn create(conn: &mut DbConnection, new: &NewRound, now: NaiveDateTime) -> AppResult<Round> {
    check_name(new.name)?;
    if let (Some(o), Some(c)) = (new.opens, new.closes) {
        if c < o {
            return Err(AppError::invalid(format!(
                "the closing date {c} lies before the opening date {o}"
            )));
        }
    }
    db::transaction(conn, |conn| {
        check_regions(conn, new.regions)?;
        check_free(conn, new.name)?;
        insert(conn, new, now)?;
        let round = find(conn, new.name)?;
        sync_targets(conn, &round)?;
        Ok(round)
    })
}

/// Refuses a region no member is in (a typo would target nobody).
fn check_regions(conn: &mut DbConnection, regions: &[String]) -> AppResult<()> {
    let known = crate::members::regions(conn)?;
    if let Some(r) = regions.iter().find(|r| !known.contains(r)) {
        return Err(AppError::NotFound(format!(
            "no member is in region `{r}`; known regions: {}",
            known.join(", ")
        )));
    }
    Ok(())
}

fn check_free(conn: &mut DbConnection, name: &str) -> AppResult<()> {
    let taken: i64 = rounds::table
        .filter(rounds::name.eq(name))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(AppError::Conflict(format!(
            "a round named `{name}` already exists"
        )));
    }
    Ok(())
}

/// The round's row, with its frozen copy of the survey.
fn insert(conn: &mut DbConnection, new: &NewRound, now: NaiveDateTime) -> AppResult<()> {
    let definition = serde_json::to_string(new.survey)
        .map_err(|e| AppError::Config(format!("cannot freeze the survey: {e}")))?;
    let mut regions = new.regions.to_vec();
    regions.sort();
    regions.dedup();
    diesel::insert_into(rounds::table)
        .values((
            rounds::name.eq(new.name),
            rounds::survey_id.eq(&new.survey.id),
            rounds::definition.eq(definition),
            rounds::content_hash.eq(new.survey.content_hash()),
            rounds::regions.eq(regions.join(",")),
            rounds::opens.eq(new.opens),
            rounds::closes.eq(new.closes),
            rounds::closed.eq(false),
            rounds::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Opens (or reopens) a round: it takes answers from today; results stored
/// by an earlier close are dropped, since answers may change again, and
/// regional reviewers no longer see any until it closes again.
///
/// Reviewers see a closed round's results, so reopening one needs `force`:
/// its second close would let them subtract the first close's results and
/// read the answers of the members who answered in between.
pub fn open(
    conn: &mut DbConnection,
    name: &str,
    today: NaiveDate,
    force: bool,
) -> AppResult<Round> {
    db::transaction(conn, |conn| {
        let round = find(conn, name)?;
        if round.closed && !force {
            return Err(AppError::Conflict(format!(
                "round `{name}` is closed and regional reviewers may have seen its results;                  if it is reopened and closed again, they can subtract one set of results from                  the other and read the answers of members who answer in between;                  to reopen it anyway, confirm (on the command line: --force)"
            )));
        }
        let opens = round
            .opens
            .filter(|d| *d <= today)
            .or(round.opens.map(|_| today));
        let closes = round.closes.filter(|d| *d >= today);
        diesel::update(rounds::table.find(round.id))
            .set((
                rounds::closed.eq(false),
                rounds::closed_at.eq(None::<NaiveDateTime>),
                rounds::results.eq(None::<String>),
                rounds::opens.eq(opens),
                rounds::closes.eq(closes),
            ))
            .execute(conn)?;
        let round = find(conn, name)?;
        sync_targets(conn, &round)?;
        Ok(round)
    })
}

/// Closes a round: targets are fixed, results computed and stored, so a
/// closed round never recomputes and editing members later changes nothing.
pub fn close(
    conn: &mut DbConnection,
    name: &str,
    min_cell: u32,
    now: NaiveDateTime,
) -> AppResult<Round> {
    db::transaction(conn, |conn| {
        let round = find(conn, name)?;
        if round.closed {
            return Err(AppError::Conflict(format!(
                "round `{name}` is already closed"
            )));
        }
        sync_targets(conn, &round)?;
        let results = crate::results::compute_live(conn, &round, min_cell)?;
        let json = serde_json::to_string(&results)
            .map_err(|e| AppError::Config(format!("cannot store results: {e}")))?;
        diesel::update(rounds::table.find(round.id))
            .set((
                rounds::closed.eq(true),
                rounds::closed_at.eq(Some(now)),
                rounds::results.eq(Some(json)),
            ))
            .execute(conn)?;
        find(conn, name)
    })
}
