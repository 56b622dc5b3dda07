//! Rounds: create (freezing the survey), open, close (storing results),
//! status, and the round's targets.
//!
//! A round's targets are its invitation rows: one per member in scope
//! (active, and in one of the round's regions if it names any). While the
//! round is not closed, `sync_targets` keeps them in step with the members
//! table (new members, moved regions, changed languages); closing fixes them.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{count, count_star};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{answers, invitations, members, rounds};
use crate::db::{self, DbConnection, Lookup};
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

/// Where a round stands on a given day: the one place that decides
/// whether the form takes answers.
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

    pub fn accepts_answers(self) -> bool {
        self == Phase::Open
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
        let known = crate::members::regions(conn)?;
        if let Some(r) = new.regions.iter().find(|r| !known.contains(r)) {
            return Err(AppError::NotFound(format!(
                "no member is in region `{r}`; known regions: {}",
                known.join(", ")
            )));
        }
        let taken: i64 = rounds::table
            .filter(rounds::name.eq(new.name))
            .count()
            .get_result(conn)?;
        if taken > 0 {
            return Err(AppError::Conflict(format!(
                "a round named `{}` already exists",
                new.name
            )));
        }
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
        let round = find(conn, new.name)?;
        sync_targets(conn, &round)?;
        Ok(round)
    })
}

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

pub fn find_by_id(conn: &mut DbConnection, id: i32) -> AppResult<Round> {
    rounds::table
        .find(id)
        .select(RoundRow::as_select())
        .load(conn)?
        .pop()
        .ok_or(diesel::result::Error::NotFound)?
        .into_round()
}

pub fn list(conn: &mut DbConnection) -> AppResult<Vec<Round>> {
    rounds::table
        .order(rounds::id)
        .select(RoundRow::as_select())
        .load(conn)?
        .into_iter()
        .map(RoundRow::into_round)
        .collect()
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

/// The results stored when the round closed, if it is closed.
pub fn stored_results(conn: &mut DbConnection, round: &Round) -> AppResult<Option<String>> {
    Ok(rounds::table
        .find(round.id)
        .select(rounds::results)
        .lookup(conn)?
        .flatten())
}

/// Brings every round that is not closed in step with the members table.
pub fn sync_all_open(conn: &mut DbConnection) -> AppResult<()> {
    for round in list(conn)?.into_iter().filter(|r| !r.closed) {
        sync_targets(conn, &round)?;
    }
    Ok(())
}

#[derive(Queryable)]
struct Target {
    id: String,
    member_id: String,
    region: String,
    language: String,
    touched: bool,
}

/// Adds a target row for every member in scope, updates the region and
/// language of existing ones, and removes rows of members who left the
/// scope before anything happened to them (not invited, no answer).
pub fn sync_targets(conn: &mut DbConnection, round: &Round) -> AppResult<()> {
    let people: Vec<(String, String, String, bool)> = members::table
        .select((
            members::id,
            members::region,
            members::language,
            members::active,
        ))
        .load(conn)?;
    let rows: Vec<Target> = invitations::table
        .filter(invitations::round_id.eq(round.id))
        .select((
            invitations::id,
            invitations::member_id,
            invitations::region,
            invitations::language,
            invitations::invited_at
                .is_not_null()
                .or(invitations::started_at.is_not_null()),
        ))
        .load(conn)?;
    let targets: HashMap<String, Target> =
        rows.into_iter().map(|t| (t.member_id.clone(), t)).collect();
    let mut fresh: Vec<NewTarget> = Vec::new();
    for (member, region, language, active) in people {
        let in_scope = active && (round.regions.is_empty() || round.regions.contains(&region));
        match targets.get(&member) {
            None if in_scope => fresh.push(NewTarget {
                id: crate::token::new_id(),
                round_id: round.id,
                member_id: member,
                region,
                language,
            }),
            None => {}
            Some(t) if !in_scope && !t.touched && !has_answers(conn, &t.id)? => {
                diesel::delete(invitations::table.find(&t.id)).execute(conn)?;
            }
            Some(t) if t.region != region || t.language != language => {
                debug_assert_eq!(t.member_id, member);
                diesel::update(invitations::table.find(&t.id))
                    .set((
                        invitations::region.eq(&region),
                        invitations::language.eq(&language),
                    ))
                    .execute(conn)?;
            }
            Some(_) => {}
        }
    }
    crate::db::insert_rows!(conn, invitations::table, fresh);
    Ok(())
}

#[derive(Insertable)]
#[diesel(table_name = invitations, treat_none_as_default_value = false)]
struct NewTarget {
    id: String,
    round_id: i32,
    member_id: String,
    region: String,
    language: String,
}

fn has_answers(conn: &mut DbConnection, invitation: &str) -> AppResult<bool> {
    let n: i64 = answers::table
        .filter(answers::invitation_id.eq(invitation))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

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
    use crate::db::schema::outbox;
    use diesel::expression_methods::AggregateExpressionMethods;
    let delivered: HashMap<String, i64> = invitations::table
        .inner_join(outbox::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(outbox::status.eq("sent"))
        .group_by(invitations::region)
        .select((
            invitations::region,
            count(invitations::id).aggregate_distinct(),
        ))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
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
    let mut all = RegionStatus {
        region: "ALL".into(),
        targeted: 0,
        invited: 0,
        delivered: 0,
        bounced: 0,
        started: 0,
        submitted: 0,
    };
    for r in &out {
        all.targeted += r.targeted;
        all.invited += r.invited;
        all.delivered += r.delivered;
        all.bounced += r.bounced;
        all.started += r.started;
        all.submitted += r.submitted;
    }
    out.push(all);
    Ok(out)
}

/// The invitation row of `member` in `round`, if the member is targeted.
pub fn invitation_of(
    conn: &mut DbConnection,
    round: &Round,
    member: &str,
) -> AppResult<Option<String>> {
    Ok(invitations::table
        .filter(invitations::round_id.eq(round.id))
        .filter(invitations::member_id.eq(member))
        .select(invitations::id)
        .lookup(conn)?)
}
