//! The round record: a round as stored (`Round`, with its frozen survey,
//! and its `Phase` on a given day) and its lookups, by name or id, and the
//! results stored when it closed.
//!
//! A leaf: `results` reads rounds through it, while `rounds` (create,
//! open, close, targets, status) builds on `results` and re-exports this.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::rounds;
use crate::db::{DbConnection, Lookup};
use crate::error::{AppError, AppResult};
use crate::survey::Survey;

/// A round with its frozen survey.
#[derive(Clone, Debug)]
pub struct Round {
    pub id: i32,
    pub name: String,
    pub survey: Survey,
    pub content_hash: String,
    /// The regions it targets; empty means every region.
    pub regions: Vec<String>,
    pub opens: Option<NaiveDate>,
    pub closes: Option<NaiveDate>,
    pub closed: bool,
    pub created_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = rounds)]
struct RoundRow {
    id: i32,
    name: String,
    definition: String,
    content_hash: String,
    regions: String,
    opens: Option<NaiveDate>,
    closes: Option<NaiveDate>,
    closed: bool,
    created_at: NaiveDateTime,
    closed_at: Option<NaiveDateTime>,
}

impl RoundRow {
    fn into_round(self) -> AppResult<Round> {
        let survey: Survey = serde_json::from_str(&self.definition).map_err(|e| {
            AppError::Config(format!(
                "round `{}` holds an unreadable survey copy: {e}",
                self.name
            ))
        })?;
        Ok(Round {
            id: self.id,
            name: self.name,
            survey,
            content_hash: self.content_hash,
            regions: self
                .regions
                .split(',')
                .filter(|r| !r.is_empty())
                .map(String::from)
                .collect(),
            opens: self.opens,
            closes: self.closes,
            closed: self.closed,
            created_at: self.created_at,
            closed_at: self.closed_at,
        })
    }
}

/// Where a round stands on a given day, decided by [`Phase::of`] alone:
/// the respondent's form takes answers in `Open` only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not yet: it opens on that day.
    Scheduled(NaiveDate),
    Open,
    /// Its announced closing date has passed, but it is not closed yet.
    PastClosing,
    Closed,
}

impl Phase {
    pub fn of(
        closed: bool,
        opens: Option<NaiveDate>,
        closes: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Phase {
        match (closed, opens, closes) {
            (true, _, _) => Phase::Closed,
            (_, Some(o), _) if o > today => Phase::Scheduled(o),
            (_, _, Some(c)) if c < today => Phase::PastClosing,
            _ => Phase::Open,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Phase::Scheduled(_) => "scheduled",
            Phase::Open => "open",
            Phase::PastClosing => "past closing date",
            Phase::Closed => "closed",
        }
    }
}

impl Round {
    pub fn phase(&self, today: NaiveDate) -> Phase {
        Phase::of(self.closed, self.opens, self.closes, today)
    }

    pub fn state(&self, today: NaiveDate) -> &'static str {
        self.phase(today).name()
    }
}

/// The round named `name`; `NotFound` names it when there is none.
pub fn find(conn: &mut DbConnection, name: &str) -> AppResult<Round> {
    rounds::table
        .filter(rounds::name.eq(name))
        // `as_select()` names one backend, so not `Lookup` (both at once).
        .select(RoundRow::as_select())
        .load(conn)?
        .pop()
        .ok_or_else(|| AppError::NotFound(format!("no round named `{name}`")))?
        .into_round()
}

/// The round with row id `id` (from an invitation or a link).
pub fn find_by_id(conn: &mut DbConnection, id: i32) -> AppResult<Round> {
    rounds::table
        .find(id)
        .select(RoundRow::as_select())
        .load(conn)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)?
        .into_round()
}

/// Every round, oldest first.
pub fn list(conn: &mut DbConnection) -> AppResult<Vec<Round>> {
    rounds::table
        .order(rounds::id)
        .select(RoundRow::as_select())
        .load(conn)?
        .into_iter()
        .map(RoundRow::into_round)
        .collect()
}

/// Whether the round targets a member of `region` (the region an
/// invitation keeps is fixed when the round closes, like the results').
pub fn includes_region(conn: &mut DbConnection, round: &Round, region: &str) -> AppResult<bool> {
    use crate::db::schema::invitations;
    let any = invitations::table
        .filter(invitations::round_id.eq(round.id))
        .filter(invitations::region.eq(region));
    Ok(diesel::select(diesel::dsl::exists(any)).get_result(conn)?)
}

/// The results stored when the round closed, if it is closed.
pub fn stored_results(conn: &mut DbConnection, round: &Round) -> AppResult<Option<String>> {
    Ok(rounds::table
        .find(round.id)
        .select(rounds::results)
        .lookup(conn)?
        .flatten())
}
