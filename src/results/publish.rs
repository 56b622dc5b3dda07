//! What a reader of results may see (contract §6 and §7): the one way from
//! computed results to anything printed, downloaded or drawn.
//!
//! [`RoundResults`] keep every cell's respondent count (they are stored at
//! close, and the small-cell rule needs the counts when stored results are
//! read again). A [`Published`] table is what leaves canvass: suppressed
//! cells carry neither value nor count, and a regional reviewer's view
//! holds only what they may see:
//!
//! - only closed rounds (while a round is open, two downloads taken before
//!   and after one member answers differ by that member's answers), and
//!   only rounds that include their region;
//! - their own region and `ALL`, never another region;
//! - `ALL` withheld in a table where fewer than two other regions have
//!   respondents, or where the other regions hold fewer than `min_cell`
//!   respondents together: a reviewer may know their own region's answers,
//!   and `ALL` minus them is then another region, or a group under the
//!   threshold. (The contract asks for the first condition; the second
//!   closes the same door for groups the rule would not publish either.)

use serde::{Deserialize, Serialize};

use super::{RegionCount, ResultRow, RoundResults, ALL};
use crate::error::{AppError, AppResult};
use crate::output::{self, Format};

/// Who reads the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer<'a> {
    /// Trusted with the data: every region, open rounds too.
    Secretariat,
    /// A regional reviewer of this region.
    Reviewer(&'a str),
}

/// One published cell: a suppressed cell has no value and no count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicRow {
    pub indicator: String,
    pub option: Option<String>,
    pub region: String,
    pub value: Option<f64>,
    pub respondents: Option<u64>,
    pub suppressed: bool,
}

/// Results as a reader may see them; built only by [`RoundResults::publish`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub round: String,
    pub survey: String,
    pub closed: bool,
    pub min_cell: u32,
    pub regions: Vec<RegionCount>,
    pub rows: Vec<PublicRow>,
}

/// What a viewer may see of a round's results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Results,
    /// A reviewer of an open round of their region: response rates only.
    AfterClose,
}

/// The one decision on whether `viewer` may see round `round`'s results
/// (narrowed to `region`), from what is known before they are computed:
/// whether it is closed and whether it includes the viewer's region. A
/// reviewer asking for another region, or for a round without theirs, is
/// refused.
pub fn access(
    viewer: Viewer<'_>,
    round: &str,
    closed: bool,
    includes_own: bool,
    region: Option<&str>,
) -> AppResult<Access> {
    let Viewer::Reviewer(own) = viewer else {
        return Ok(Access::Results);
    };
    if region.is_some_and(|r| r != own && r != ALL) {
        return Err(AppError::Forbidden(format!(
            "a reviewer of region `{own}` sees only that region and `{ALL}`"
        )));
    }
    if !includes_own {
        return Err(AppError::Forbidden(format!(
            "round `{round}` does not include region `{own}`"
        )));
    }
    Ok(if closed {
        Access::Results
    } else {
        Access::AfterClose
    })
}

impl RoundResults {
    /// The results `viewer` may see, narrowed to `region` (and `ALL`) when
    /// given; a region the round does not have is an error naming it.
    pub fn publish(mut self, viewer: Viewer<'_>, region: Option<&str>) -> AppResult<Published> {
        if let Viewer::Reviewer(own) = viewer {
            self.reviewer_may_see(own, region)?;
            withhold_all(&mut self.rows, own, u64::from(self.min_cell));
        }
        let narrow_to = match viewer {
            Viewer::Reviewer(own) => Some(region.unwrap_or(own)),
            Viewer::Secretariat => region,
        };
        if let Some(r) = narrow_to {
            self.narrow(r)?;
        }
        Ok(Published {
            rows: self.rows.into_iter().map(PublicRow::of).collect(),
            round: self.round,
            survey: self.survey,
            closed: self.closed,
            min_cell: self.min_cell,
            regions: self.regions,
        })
    }

    /// Whether the round includes `region` (a reviewer's region).
    pub fn includes(&self, region: &str) -> bool {
        self.regions.iter().any(|r| r.region == region)
    }

    fn reviewer_may_see(&self, own: &str, region: Option<&str>) -> AppResult<()> {
        let viewer = Viewer::Reviewer(own);
        match access(viewer, &self.round, self.closed, self.includes(own), region)? {
            Access::Results => Ok(()),
            Access::AfterClose => Err(AppError::Forbidden(format!(
                "the results of round `{}` are shown to regional reviewers once it closes; \
                 until then its page shows response rates",
                self.round
            ))),
        }
    }

    /// Only `region` and `ALL`; an unknown region is an error naming it.
    fn narrow(&mut self, region: &str) -> AppResult<()> {
        if region != ALL && !self.includes(region) {
            let known: Vec<&str> = self.regions.iter().map(|r| r.region.as_str()).collect();
            return Err(AppError::NotFound(format!(
                "round `{}` has no region `{region}`; its regions: {}",
                self.round,
                known.join(", ")
            )));
        }
        self.rows.retain(|r| r.region == region || r.region == ALL);
        self.regions.retain(|r| r.region == region);
        Ok(())
    }
}

/// Hides `ALL` from a reviewer of `own` in every table where the other
/// regions are fewer than two with respondents, or under `min_cell`.
fn withhold_all(rows: &mut [ResultRow], own: &str, min_cell: u64) {
    let mut others: std::collections::BTreeMap<(String, Option<String>), (u64, u64)> =
        Default::default();
    for r in rows.iter().filter(|r| r.region != ALL && r.region != own) {
        let e = others
            .entry((r.indicator.clone(), r.option.clone()))
            .or_default();
        if r.respondents > 0 {
            e.0 += 1;
            e.1 += r.respondents;
        }
    }
    for r in rows.iter_mut().filter(|r| r.region == ALL) {
        let (regions, respondents) = others
            .get(&(r.indicator.clone(), r.option.clone()))
            .copied()
            .unwrap_or_default();
        if regions < 2 || respondents < min_cell {
            r.suppressed = true;
            r.value = None;
        }
    }
}

impl PublicRow {
    fn of(r: ResultRow) -> Self {
        PublicRow {
            respondents: (!r.suppressed).then_some(r.respondents),
            value: r.value.filter(|_| !r.suppressed),
            indicator: r.indicator,
            option: r.option,
            region: r.region,
            suppressed: r.suppressed,
        }
    }
}

impl Published {
    pub fn render(&self, format: Format) -> AppResult<String> {
        const HEADERS: [&str; 6] = [
            "indicator",
            "option",
            "region",
            "value",
            "respondents",
            "suppressed",
        ];
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.indicator.clone(),
                    r.option.clone().unwrap_or_default(),
                    r.region.clone(),
                    r.value.map(super::round4).unwrap_or_default(),
                    r.respondents.map(|n| n.to_string()).unwrap_or_default(),
                    r.suppressed.to_string(),
                ]
            })
            .collect();
        output::render(&HEADERS, &rows, self, format)
    }
}
