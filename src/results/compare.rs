//! Comparison with an earlier round (contract §8, `--compare`): the
//! earlier round's published value of the same indicator, option and cell,
//! and the change, from unrounded values.
//!
//! Both sides are published tables of the same viewer, so a comparison
//! shows nothing the viewer could not see in either round alone; a value
//! is compared only when neither cell is suppressed and the earlier round
//! froze the same indicator definition on questions of the same form. The
//! earlier round is closed, so its side is read from its stored results:
//! comparing costs one read, not a second pass over its responses.

use std::collections::{BTreeMap, BTreeSet};

use super::Published;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::round::{self, Round};
use crate::survey::Survey;

/// The earlier round a comparison reads, and the indicators it may compare.
pub struct Comparison {
    pub earlier: Round,
    pub comparable: BTreeSet<String>,
}

impl Comparison {
    pub fn new(now: &Survey, earlier: Round) -> Self {
        let comparable = comparable(now, &earlier.survey);
        Comparison {
            earlier,
            comparable,
        }
    }
}

/// Ids of the indicators both surveys define alike: the same definition,
/// reading questions of the same kind and options (a choice test is a mask
/// over option positions, so reordered options would compare wrongly).
pub fn comparable(now: &Survey, earlier: &Survey) -> BTreeSet<String> {
    now.indicators
        .iter()
        .filter(|ind| {
            earlier.indicators.iter().any(|old| {
                old == *ind
                    && ind.questions().iter().all(|q| {
                        match (now.question(q), earlier.question(q)) {
                            (Some(a), Some(b)) => a.kind == b.kind,
                            _ => false,
                        }
                    })
            })
        })
        .map(|ind| ind.id.clone())
        .collect()
}

impl Published {
    /// Adds `previous` and `change` to every row from `earlier`, the same
    /// viewer's table of the same breakdown in the earlier round.
    pub fn compare(&mut self, earlier: &Published, comparable: &BTreeSet<String>) {
        type Key<'a> = (&'a str, Option<&'a str>, &'a str, Option<&'a str>);
        let before: BTreeMap<Key<'_>, f64> = earlier
            .rows
            .iter()
            .filter(|r| !r.suppressed)
            .filter_map(|r| {
                let key = (
                    r.indicator.as_str(),
                    r.option.as_deref(),
                    r.region.as_str(),
                    r.part(),
                );
                r.value.map(|v| (key, v))
            })
            .collect();
        for row in &mut self.rows {
            let key = (
                row.indicator.as_str(),
                row.option.as_deref(),
                row.region.as_str(),
                row.part(),
            );
            let previous = before
                .get(&key)
                .copied()
                .filter(|_| !row.suppressed && comparable.contains(&row.indicator));
            row.change = Some(previous.zip(row.value).map(|(p, v)| v - p));
            row.previous = Some(previous);
        }
        self.compared_with = Some(earlier.round.clone());
    }
}

/// The day a round opened: `--opens`, else the day it was created.
fn opened(r: &Round) -> (chrono::NaiveDate, chrono::NaiveDateTime) {
    (r.opens.unwrap_or(r.created_at.date()), r.created_at)
}

/// The round a comparison defaults to: the latest closed round of the same
/// survey that opened before `round` and includes `region` (any region
/// when `None`).
pub fn previous_round(
    conn: &mut DbConnection,
    round: &Round,
    region: Option<&str>,
) -> AppResult<Option<Round>> {
    let mut earlier: Vec<Round> = round::list(conn)?
        .into_iter()
        .filter(|r| r.closed && r.id != round.id && r.survey.id == round.survey.id)
        .filter(|r| opened(r) < opened(round))
        .collect();
    earlier.sort_by_key(|r| std::cmp::Reverse(opened(r)));
    for r in earlier {
        let includes = match region {
            Some(reg) if reg != super::ALL => round::includes_region(conn, &r, reg)?,
            _ => true,
        };
        if includes {
            return Ok(Some(r));
        }
    }
    Ok(None)
}
