//! Indicator results (contract §6 and §8): the one pass over a round
//! ([`pass`], with [`engine`]), every cell of every breakdown and its
//! measure ([`tables`]), the small-cell rule ([`suppress`]), comparison
//! with an earlier round ([`compare`]), and what a reader may see, in
//! CSV, JSON or a table ([`publish`]).
//!
//! One pass over a round's packed responses (`answers::packed`, read row
//! by row in `db::backend::histogram`) gives small tallies per region,
//! country and member type; everything else is computed from them in
//! Rust, in a fixed order, so both databases give the same bytes.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::round::Round;
use crate::survey::Survey;

mod compare;
mod engine;
mod pass;
mod publish;
mod suppress;
mod tables;

pub use compare::{previous_round, Comparison};
pub use engine::{Group, Place, Tallier};
pub use pass::groups;
pub use publish::{access, Access, By, IndicatorInfo, PublicRow, Published, Viewer};
pub use suppress::{suppress, Cell, Places};
pub use tables::{is_share, Part};

pub const ALL: &str = "ALL";

/// How many members a region has in the round, and how many submitted;
/// with the register's figures beside them (contract §8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionCount {
    pub region: String,
    pub targeted: u64,
    pub submitted: u64,
    /// Absent in results stored before §8; filled in when read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<Register>,
}

/// The register beside a region's results: members the round targets, and
/// those of them that joined in the year before the round opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    pub targeted: u64,
    pub new: u64,
}

/// One computed cell, with its respondents even when suppressed: this is
/// the stored form, never printed as it is (see [`Published`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub indicator: String,
    pub option: Option<String>,
    pub region: String,
    /// A country or type of the region (`None`: the region's own row).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    pub value: Option<f64>,
    pub respondents: u64,
    pub suppressed: bool,
    /// What the value is made of (`--detail`); absent in results stored
    /// before §8.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<f64>,
}

/// A round's computed results, suppression decided; stored at close.
/// Readers get them through [`RoundResults::publish`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundResults {
    pub round: String,
    pub survey: String,
    pub closed: bool,
    pub min_cell: u32,
    pub regions: Vec<RegionCount>,
    /// What each indicator is (framework code, denominator rule, unit);
    /// absent in results stored before §8.
    #[serde(default)]
    pub indicators: Vec<IndicatorInfo>,
    pub rows: Vec<ResultRow>,
    /// Where the round's targets stood when it was computed (at close:
    /// frozen), which suppression guards against; empty in results stored
    /// before it was kept, read from the frozen targets then.
    #[serde(default, skip_serializing_if = "Places::is_empty")]
    pub places: Places,
}

/// Where the round's targets stand (frozen at close): the register that
/// suppression guards against.
pub fn places(conn: &mut DbConnection, round: &Round) -> AppResult<Places> {
    let mut places = Places::default();
    crate::db::backend::histogram::each_target(conn, round.id, |p, _| {
        places.add(&p.0, &p.1, &p.2);
    })?;
    Ok(places)
}

/// Per region, the targeted members that joined in the year before the
/// round opened: after the day one year before it opens, and not after
/// that day (`--opens`, else the day it was created).
pub fn new_members(conn: &mut DbConnection, round: &Round) -> AppResult<BTreeMap<String, u64>> {
    let opens = round.opens.unwrap_or(round.created_at.date());
    let year_before = opens
        .checked_sub_months(Months::new(12))
        .unwrap_or(NaiveDate::MIN);
    let rows = crate::db::backend::histogram::new_per_region(conn, round.id, year_before, opens)?;
    Ok(rows
        .into_iter()
        .map(|(r, n)| (r, u64::try_from(n).unwrap_or(0)))
        .collect())
}

/// Results of a round computed from its answers now.
pub fn compute_live(
    conn: &mut DbConnection,
    round: &Round,
    min_cell: u32,
) -> AppResult<RoundResults> {
    let groups = groups(conn, round)?;
    let new = new_members(conn, round)?;
    Ok(compute(
        &round.name,
        &round.survey,
        round.closed,
        &groups,
        &new,
        min_cell,
    ))
}

/// The round's results: those stored at close, or computed live while
/// open. Stored results are suppressed again by today's rule (and the
/// larger of the stored and the current `min_cell`), so results stored
/// under an earlier rule never show what the rule now hides. Results
/// stored before breakdowns existed get them computed from the round's
/// frozen targets, their stored region cells hidden as they were.
pub fn for_round(conn: &mut DbConnection, round: &Round, min_cell: u32) -> AppResult<RoundResults> {
    if round.closed {
        if let Some(json) = crate::round::stored_results(conn, round)? {
            let mut stored: RoundResults = serde_json::from_str(&json).map_err(|e| {
                AppError::Config(format!(
                    "stored results of round `{}` are unreadable: {e}",
                    round.name
                ))
            })?;
            stored.closed = true;
            stored.min_cell = stored.min_cell.max(min_cell);
            if stored.regions.iter().any(|r| r.register.is_none()) {
                return upgrade(conn, round, &stored);
            }
            if stored.places.is_empty() {
                stored.places = places(conn, round)?;
            }
            let min_cell = u64::from(stored.min_cell);
            suppress::apply(&mut stored.rows, &round.survey, min_cell, &stored.places);
            return Ok(stored);
        }
    }
    compute_live(conn, round, min_cell)
}

/// Results stored before §8, computed again from the frozen targets with
/// every cell the stored ones hid still hidden.
fn upgrade(
    conn: &mut DbConnection,
    round: &Round,
    stored: &RoundResults,
) -> AppResult<RoundResults> {
    let mut fresh = compute_live(conn, round, stored.min_cell)?;
    let hidden: std::collections::BTreeSet<(&str, Option<&str>, &str)> = stored
        .rows
        .iter()
        .filter(|r| r.suppressed)
        .map(|r| (r.indicator.as_str(), r.option.as_deref(), r.region.as_str()))
        .collect();
    for r in fresh.rows.iter_mut().filter(|r| r.part.is_none()) {
        r.suppressed |=
            hidden.contains(&(r.indicator.as_str(), r.option.as_deref(), r.region.as_str()));
    }
    let min_cell = u64::from(fresh.min_cell);
    suppress::apply(&mut fresh.rows, &round.survey, min_cell, &fresh.places);
    Ok(fresh)
}

/// What a reader asks of a round's results: a region (and `ALL`), a
/// breakdown, numerators and denominators, an earlier round to compare.
#[derive(Clone, Copy, Debug, Default)]
pub struct Request<'a> {
    pub region: Option<&'a str>,
    pub by: By,
    pub detail: bool,
    pub compare: Option<&'a str>,
}

/// The one way to a published table, for the command line and the
/// consoles alike: the round's results as `viewer` may see them, and with
/// `compare`, the earlier round's beside them. The earlier round must be
/// closed (a reviewer must be allowed to see it too).
pub fn read(
    conn: &mut DbConnection,
    round: &Round,
    min_cell: u32,
    viewer: Viewer<'_>,
    req: Request<'_>,
) -> AppResult<Published> {
    let mut published = for_round(conn, round, min_cell)?.publish_by(viewer, req.region, req.by)?;
    published.detail = req.detail;
    if let Some(name) = req.compare {
        let earlier = crate::round::find(conn, name)?;
        if !earlier.closed {
            return Err(AppError::Conflict(format!(
                "round `{name}` is not closed; compare with a closed round"
            )));
        }
        let comparison = Comparison::new(&round.survey, earlier);
        let before = for_round(conn, &comparison.earlier, min_cell)?
            .publish_by(viewer, req.region, req.by)?;
        published.compare(&before, &comparison.comparable);
    }
    Ok(published)
}

/// Every indicator, every cell of every breakdown, suppression applied.
/// The regions are those with a member targeted by the round.
pub fn compute(
    round: &str,
    survey: &Survey,
    closed: bool,
    groups: &[Group],
    new: &BTreeMap<String, u64>,
    min_cell: u32,
) -> RoundResults {
    let targeted: std::collections::BTreeSet<&str> = groups
        .iter()
        .filter(|g| g.targeted > 0)
        .map(|g| g.region.as_str())
        .collect();
    // Answers only ever come from targets; a group of responses without
    // any has no region of the round to be counted in.
    let groups: Vec<Group> = groups
        .iter()
        .filter(|g| targeted.contains(g.region.as_str()))
        .cloned()
        .collect();
    let mut regions: BTreeMap<&str, RegionCount> = BTreeMap::new();
    for g in &groups {
        let r = regions.entry(&g.region).or_insert_with(|| RegionCount {
            region: g.region.clone(),
            targeted: 0,
            submitted: 0,
            register: None,
        });
        r.targeted += g.targeted;
        r.submitted += g.submitted;
    }
    let regions: Vec<RegionCount> = regions
        .into_values()
        .map(|mut r| {
            r.register = Some(Register {
                targeted: r.targeted,
                new: new.get(&r.region).copied().unwrap_or(0),
            });
            r
        })
        .collect();
    let names: Vec<String> = regions.iter().map(|r| r.region.clone()).collect();
    let mut rows = tables::rows(survey, &groups, &names);
    let mut places = Places::default();
    for g in groups.iter().filter(|g| g.targeted > 0 || g.submitted > 0) {
        places.add(&g.region, &g.country, &g.member_type);
    }
    suppress::apply(&mut rows, survey, u64::from(min_cell), &places);
    RoundResults {
        round: round.to_string(),
        survey: survey.id.clone(),
        closed,
        min_cell,
        regions,
        indicators: survey
            .indicators
            .iter()
            .map(|i| IndicatorInfo::of(i, survey))
            .collect(),
        rows,
        places,
    }
}

/// A value rounded to 4 decimals, without trailing zeros (`0.5`, `12`).
pub fn round4(v: f64) -> String {
    let s = format!("{v:.4}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests;
