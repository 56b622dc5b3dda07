//! Indicator results (contract §6): the histogram query and every
//! measure; the small-cell rule is in [`suppress`], what a reader may see
//! (and the CSV/JSON/table forms) in [`publish`].
//!
//! One pass over a round's packed responses (`answers::packed`, read row
//! by row in `db::backend::histogram`) gives a small histogram of answer
//! values per region and question; everything else is computed from it in
//! Rust, in a fixed order, so both databases give the same bytes.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::answers::packed::Counter;
use crate::db::schema::{answers, invitations};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::round::Round;
use crate::survey::{Indicator, Matcher, Measure, Survey, Test, Value};

mod publish;
mod suppress;

pub use publish::{access, Access, PublicRow, Published, Viewer};
pub use suppress::{suppress, Cell};

pub const ALL: &str = "ALL";

/// One answer value as a histogram key, ordered totally so sums run in the
/// same order everywhere.
#[derive(Clone, Copy, Debug)]
pub enum Key {
    Choice(u64),
    Number(f64),
}

impl Key {
    /// The histogram key of an aggregated value (text is not aggregated).
    fn of(value: Value) -> Option<Key> {
        match value {
            Value::Choice(m) => Some(Key::Choice(m)),
            Value::Number(x) => Some(Key::Number(x)),
            Value::Text(_) => None,
        }
    }

    fn value(self) -> Value {
        match self {
            Key::Choice(m) => Value::Choice(m),
            Key::Number(n) => Value::Number(n),
        }
    }
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Key::Choice(a), Key::Choice(b)) => a.cmp(b),
            (Key::Number(a), Key::Number(b)) => a.total_cmp(b),
            (Key::Choice(_), Key::Number(_)) => Ordering::Less,
            (Key::Number(_), Key::Choice(_)) => Ordering::Greater,
        }
    }
}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Key {}

/// Counts of each answer value, by region and question.
pub type Histogram = BTreeMap<(String, String), BTreeMap<Key, u64>>;

/// How many members a region has in the round, and how many submitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionCount {
    pub region: String,
    pub targeted: u64,
    pub submitted: u64,
}

/// One computed cell, with its respondents even when suppressed: this is
/// the stored form, never printed as it is (see [`Published`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    pub indicator: String,
    pub option: Option<String>,
    pub region: String,
    pub value: Option<f64>,
    pub respondents: u64,
    pub suppressed: bool,
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
    pub rows: Vec<ResultRow>,
}

/// region, question, choice, number, count
type HistogramRow = (String, String, Option<i64>, Option<f64>, i64);

/// The one pass over the database: a histogram of the round's submitted
/// answers (text answers are not aggregated), read from the packed copy of
/// each response, streamed so memory does not grow with the round.
pub fn histogram(conn: &mut DbConnection, round: &Round) -> AppResult<(Histogram, Submitted)> {
    let mut counter = Counter::default();
    crate::db::backend::histogram::each_packed(conn, round.id, |region, bytes| {
        counter.add(region, bytes);
    })?;
    let questions: Vec<&str> = round.survey.questions().map(|q| q.id.as_str()).collect();
    let (mut hist, mut submitted) = unpacked_histogram(conn, round.id)?;
    for (region, n) in counter.responses() {
        *submitted.entry(region.clone()).or_default() += n;
    }
    for (region, position, value, n) in counter.into_counts() {
        let Some(question) = questions.get(position) else {
            continue;
        };
        let Some(key) = Key::of(value.value()) else {
            continue;
        };
        *hist
            .entry((region, question.to_string()))
            .or_default()
            .entry(key)
            .or_default() += n;
    }
    Ok((hist, submitted))
}

/// Submitted responses per region.
pub type Submitted = BTreeMap<String, u64>;

/// Responses submitted before answers were packed (databases from before
/// migration 5) are counted from their answer rows, with one GROUP BY.
fn unpacked_histogram(conn: &mut DbConnection, round_id: i32) -> AppResult<(Histogram, Submitted)> {
    let mut hist = Histogram::new();
    let unpacked = invitations::table
        .filter(invitations::round_id.eq(round_id))
        .filter(invitations::submitted_at.is_not_null())
        .filter(invitations::packed.is_null());
    let none: bool =
        diesel::select(diesel::dsl::not(diesel::dsl::exists(unpacked))).get_result(conn)?;
    if none {
        return Ok((hist, Submitted::new()));
    }
    let submitted: Vec<(String, i64)> = unpacked
        .group_by(invitations::region)
        .select((invitations::region, count_star()))
        .load(conn)?;
    let submitted = submitted
        .into_iter()
        .map(|(r, n)| (r, u64::try_from(n).unwrap_or(0)))
        .collect();
    for (region, question, choice, number, n) in unpacked_rows(conn, round_id)? {
        let Some(key) = crate::answers::from_columns(choice, number, None).and_then(Key::of) else {
            continue;
        };
        *hist
            .entry((region, question))
            .or_default()
            .entry(key)
            .or_default() += u64::try_from(n).unwrap_or(0);
    }
    Ok((hist, submitted))
}

/// The answer rows of unpacked responses, grouped (text left out).
fn unpacked_rows(conn: &mut DbConnection, round_id: i32) -> AppResult<Vec<HistogramRow>> {
    Ok(answers::table
        .inner_join(invitations::table)
        .filter(invitations::round_id.eq(round_id))
        .filter(invitations::packed.is_null())
        .filter(answers::text.is_null())
        .group_by((
            invitations::region,
            answers::question,
            answers::choice,
            answers::number,
        ))
        .select((
            invitations::region,
            answers::question,
            answers::choice,
            answers::number,
            count_star(),
        ))
        .load(conn)?)
}

/// Targeted members per region of the round (counted from the index
/// alone), with the submitted counts the histogram pass found.
pub fn region_counts(
    conn: &mut DbConnection,
    round_id: i32,
    submitted: &Submitted,
) -> AppResult<Vec<RegionCount>> {
    let rows: Vec<(String, i64)> = invitations::table
        .filter(invitations::round_id.eq(round_id))
        .group_by(invitations::region)
        .select((invitations::region, count_star()))
        .load(conn)?;
    let mut out: Vec<RegionCount> = rows
        .into_iter()
        .map(|(region, t)| RegionCount {
            submitted: submitted.get(&region).copied().unwrap_or(0),
            region,
            targeted: u64::try_from(t).unwrap_or(0),
        })
        .collect();
    out.sort_by(|a, b| a.region.cmp(&b.region));
    Ok(out)
}

/// Results of a round computed from its answers now.
pub fn compute_live(
    conn: &mut DbConnection,
    round: &Round,
    min_cell: u32,
) -> AppResult<RoundResults> {
    let (hist, submitted) = histogram(conn, round)?;
    let regions = region_counts(conn, round.id, &submitted)?;
    Ok(compute(
        &round.name,
        &round.survey,
        round.closed,
        regions,
        &hist,
        min_cell,
    ))
}

/// The round's results: those stored at close, or computed live while
/// open. Stored results are suppressed again by today's rule (and the
/// larger of the stored and the current `min_cell`), so results stored
/// under an earlier rule never show what the rule now hides.
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
            suppress::apply(&mut stored.rows, &round.survey, u64::from(stored.min_cell));
            return Ok(stored);
        }
    }
    compute_live(conn, round, min_cell)
}

/// Every indicator, every region and `ALL`, suppression applied.
pub fn compute(
    round: &str,
    survey: &Survey,
    closed: bool,
    mut regions: Vec<RegionCount>,
    hist: &Histogram,
    min_cell: u32,
) -> RoundResults {
    regions.sort_by(|a, b| a.region.cmp(&b.region));
    let names: Vec<&str> = regions.iter().map(|r| r.region.as_str()).collect();
    let mut rows = Vec::new();
    for ind in &survey.indicators {
        rows.extend(indicator_rows(survey, ind, &names, hist));
    }
    suppress::apply(&mut rows, survey, u64::from(min_cell));
    RoundResults {
        round: round.to_string(),
        survey: survey.id.clone(),
        closed,
        min_cell,
        regions,
        rows,
    }
}

fn indicator_rows(
    survey: &Survey,
    ind: &Indicator,
    regions: &[&str],
    hist: &Histogram,
) -> Vec<ResultRow> {
    let empty = BTreeMap::new();
    let per_region: Vec<&BTreeMap<Key, u64>> = regions
        .iter()
        .map(|r| {
            hist.get(&(r.to_string(), ind.question.clone().unwrap_or_default()))
                .unwrap_or(&empty)
        })
        .collect();
    let all = summed(&per_region);
    let mut cols: Vec<(&str, &BTreeMap<Key, u64>)> =
        regions.iter().copied().zip(per_region).collect();
    cols.push((ALL, &all));
    let mut rows = Vec::new();
    for opt in options(survey, ind) {
        for (region, counts) in &cols {
            let n: u64 = counts.values().sum();
            rows.push(ResultRow {
                indicator: ind.id.clone(),
                option: opt.map(|(_, o)| o.clone()),
                region: (*region).to_string(),
                value: measure(&ind.measure, opt.map(|(i, _)| i), counts, n),
                respondents: n,
                suppressed: false,
            });
        }
    }
    rows
}

/// The counts of every region added up: the `ALL` column.
fn summed(per_region: &[&BTreeMap<Key, u64>]) -> BTreeMap<Key, u64> {
    let mut all: BTreeMap<Key, u64> = BTreeMap::new();
    for counts in per_region {
        for (k, n) in *counts {
            *all.entry(*k).or_default() += n;
        }
    }
    all
}

/// The options an indicator has one row each for: every option of its
/// question for `distribution`, else one row without an option.
fn options<'a>(survey: &'a Survey, ind: &Indicator) -> Vec<Option<(usize, &'a String)>> {
    match ind.measure {
        Measure::Distribution => survey
            .question(ind.question.as_deref().unwrap_or_default())
            .map_or(&[][..], |q| q.kind.options())
            .iter()
            .enumerate()
            .map(Some)
            .collect(),
        _ => vec![None],
    }
}

/// The value of one cell; `None` where it is undefined (no respondent).
#[allow(clippy::cast_precision_loss)] // counts stay far below 2^53
fn measure(m: &Measure, option: Option<usize>, counts: &BTreeMap<Key, u64>, n: u64) -> Option<f64> {
    let matching = |t: &Test| {
        counts
            .iter()
            .filter(|(k, _)| t.matches(&k.value()))
            .map(|(_, c)| c)
            .sum::<u64>() as f64
    };
    let total = || {
        counts
            .iter()
            .map(|(k, c)| {
                if let Key::Number(x) = k {
                    x * *c as f64
                } else {
                    0.0
                }
            })
            .sum::<f64>()
    };
    let per_respondent = |x: f64| (n > 0).then(|| x / n as f64);
    match m {
        Measure::Share(Matcher::Test(t)) => per_respondent(matching(t)),
        Measure::Count(Matcher::Test(t)) => Some(matching(t)),
        Measure::Share(Matcher::Match { .. })
        | Measure::Count(Matcher::Match { .. })
        | Measure::Index(_) => None,
        Measure::Mean => per_respondent(total()),
        Measure::Sum => Some(total()),
        Measure::Distribution => {
            let bit = 1u64 << option.unwrap_or(0);
            per_respondent(matching(&Test::AnyOf(bit)))
        }
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
