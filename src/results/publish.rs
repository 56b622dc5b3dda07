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
//! - of the breakdowns (§8), their own region's countries and types; the
//!   network-wide types table is the secretariat's.

use serde::{Deserialize, Serialize};

use super::tables::Part;
use super::{RegionCount, ResultRow, RoundResults, ALL};
use crate::error::{AppError, AppResult};
use crate::output::{self, Format};
use crate::survey::Indicator;

/// Who reads the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer<'a> {
    /// Trusted with the data: every region, open rounds too.
    Secretariat,
    /// A regional reviewer of this region.
    Reviewer(&'a str),
}

/// The breakdown of a results table (contract §8, `--by`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum By {
    #[default]
    Region,
    Country,
    Type,
}

impl By {
    pub fn name(self) -> &'static str {
        match self {
            By::Region => "region",
            By::Country => "country",
            By::Type => "type",
        }
    }

    /// `region`, `country` or `type`, as `--by` and `?by=` take it.
    pub fn parse(s: &str) -> AppResult<By> {
        match s {
            "region" => Ok(By::Region),
            "country" => Ok(By::Country),
            "type" => Ok(By::Type),
            other => Err(AppError::invalid(format!(
                "unknown breakdown `{other}`; expected region, country or type"
            ))),
        }
    }

    /// Whether a row of a breakdown's table belongs to this view.
    fn shows(self, part: Option<&Part>) -> bool {
        matches!(
            (self, part),
            (_, None) | (By::Country, Some(Part::Country(_))) | (By::Type, Some(Part::Type(_)))
        )
    }
}

/// What an indicator is, for readers of the JSON and the console.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorInfo {
    pub id: String,
    pub framework: Option<String>,
    pub measure: String,
    pub denominator_rule: String,
    pub unit: String,
    /// Options of the question whose answers leave the denominator.
    #[serde(default)]
    pub excluded: Vec<String>,
}

impl IndicatorInfo {
    pub fn of(ind: &Indicator) -> Self {
        IndicatorInfo {
            id: ind.id.clone(),
            framework: ind.framework.clone(),
            measure: ind.measure.name().to_string(),
            denominator_rule: ind.denominator.name().to_string(),
            unit: ind.unit.name().to_string(),
            excluded: Vec::new(),
        }
    }
}

/// One published cell: a suppressed cell has no value and no count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicRow {
    pub indicator: String,
    pub option: Option<String>,
    pub region: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub member_type: Option<String>,
    pub value: Option<f64>,
    pub respondents: Option<u64>,
    pub suppressed: bool,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// With `--compare`: the earlier round's value (null when it cannot be
    /// compared) and the change; absent without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Option<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Option<f64>>,
}

impl PublicRow {
    /// The breakdown cell's id: its country or type, if any.
    pub fn part(&self) -> Option<&str> {
        self.country.as_deref().or(self.member_type.as_deref())
    }
}

/// Results as a reader may see them; built only by [`RoundResults::publish`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Published {
    pub round: String,
    pub survey: String,
    pub closed: bool,
    pub min_cell: u32,
    pub by: By,
    /// The earlier round compared with (`--compare`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compared_with: Option<String>,
    pub regions: Vec<RegionCount>,
    pub indicators: Vec<IndicatorInfo>,
    pub rows: Vec<PublicRow>,
    /// Whether the CSV and table carry numerator and denominator.
    #[serde(skip)]
    pub detail: bool,
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
    /// The regions table `viewer` may see, narrowed to `region` (and
    /// `ALL`) when given; a region the round does not have is an error
    /// naming it.
    pub fn publish(self, viewer: Viewer<'_>, region: Option<&str>) -> AppResult<Published> {
        self.publish_by(viewer, region, By::Region)
    }

    /// The table of breakdown `by` that `viewer` may see (§8): by country,
    /// each region's countries then its total, then `ALL`; by type with a
    /// region (a reviewer's always), that region's types, its total and
    /// `ALL`; by type without one, the network-wide types and `ALL`.
    pub fn publish_by(
        mut self,
        viewer: Viewer<'_>,
        region: Option<&str>,
        by: By,
    ) -> AppResult<Published> {
        if let Viewer::Reviewer(own) = viewer {
            self.reviewer_may_see(own, region)?;
            withhold_all(&mut self.rows, own, u64::from(self.min_cell));
        }
        let narrow_to = match viewer {
            Viewer::Reviewer(own) => Some(region.unwrap_or(own)),
            Viewer::Secretariat => region,
        };
        self.rows.retain(|r| by.shows(r.part.as_ref()));
        match narrow_to {
            Some(r) => self.narrow(r)?,
            None if by == By::Type => self.rows.retain(|r| r.region == ALL),
            None => {}
        }
        order(&mut self.rows);
        Ok(Published {
            rows: self.rows.into_iter().map(PublicRow::of).collect(),
            round: self.round,
            survey: self.survey,
            closed: self.closed,
            min_cell: self.min_cell,
            by,
            compared_with: None,
            regions: self.regions,
            indicators: self.indicators,
            detail: false,
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
        self.rows
            .retain(|r| r.region == region || (r.region == ALL && r.part.is_none()));
        self.regions.retain(|r| r.region == region);
        Ok(())
    }
}

/// Hides `ALL` from a reviewer of `own` in every table where the other
/// regions are fewer than two with respondents, or under `min_cell`.
fn withhold_all(rows: &mut [ResultRow], own: &str, min_cell: u64) {
    let mut others: std::collections::BTreeMap<(String, Option<String>), (u64, u64)> =
        Default::default();
    let regions_table = |r: &&ResultRow| r.part.is_none();
    for r in rows
        .iter()
        .filter(regions_table)
        .filter(|r| r.region != ALL && r.region != own)
    {
        let e = others
            .entry((r.indicator.clone(), r.option.clone()))
            .or_default();
        if r.respondents > 0 {
            e.0 += 1;
            e.1 += r.respondents;
        }
    }
    for r in rows
        .iter_mut()
        .filter(|r| r.region == ALL && r.part.is_none())
    {
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

/// Rows of one indicator and option in reading order: each region's cells
/// before its total, regions by id, `ALL` last (the order rows are made
/// in already holds within each kind of cell).
fn order(rows: &mut Vec<ResultRow>) {
    let mut block = 0usize;
    let mut keys = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        if i > 0 && (r.indicator != rows[i - 1].indicator || r.option != rows[i - 1].option) {
            block += 1;
        }
        keys.push((block, r.region == ALL, r.region.clone(), r.part.is_none()));
    }
    let mut index: Vec<usize> = (0..rows.len()).collect();
    // Stable: cells of one kind keep the order they were made in.
    index.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    let mut taken: Vec<Option<ResultRow>> = std::mem::take(rows).into_iter().map(Some).collect();
    rows.extend(index.into_iter().filter_map(|i| taken[i].take()));
}

impl PublicRow {
    fn of(r: ResultRow) -> Self {
        let shown = |x: Option<f64>| x.filter(|_| !r.suppressed);
        let (country, member_type) = match &r.part {
            Some(Part::Country(c)) => (Some(c.clone()), None),
            Some(p @ Part::Type(_)) => (None, Some(p.id().to_string())),
            None => (None, None),
        };
        PublicRow {
            respondents: (!r.suppressed).then_some(r.respondents),
            value: shown(r.value),
            numerator: shown(r.numerator),
            denominator: shown(r.denominator),
            indicator: r.indicator,
            option: r.option,
            region: r.region,
            country,
            member_type,
            suppressed: r.suppressed,
            previous: None,
            change: None,
        }
    }
}

impl Published {
    /// The column names of the CSV and table: §6's, with the breakdown's
    /// column after `region`, then `--detail`'s and `--compare`'s.
    pub fn headers(&self) -> Vec<&'static str> {
        let mut h = vec!["indicator", "option", "region"];
        if self.by != By::Region {
            h.push(self.by.name());
        }
        h.extend(["value", "respondents", "suppressed"]);
        if self.detail {
            h.extend(["numerator", "denominator"]);
        }
        if self.compared_with.is_some() {
            h.extend(["previous", "change"]);
        }
        h
    }

    pub fn render(&self, format: Format) -> AppResult<String> {
        let num = |x: Option<f64>| x.map(super::round4).unwrap_or_default();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    r.indicator.clone(),
                    r.option.clone().unwrap_or_default(),
                    r.region.clone(),
                ];
                if self.by != By::Region {
                    row.push(r.part().unwrap_or_default().to_string());
                }
                row.extend([
                    num(r.value),
                    r.respondents.map(|n| n.to_string()).unwrap_or_default(),
                    r.suppressed.to_string(),
                ]);
                if self.detail {
                    row.extend([num(r.numerator), num(r.denominator)]);
                }
                if self.compared_with.is_some() {
                    row.extend([num(r.previous.flatten()), num(r.change.flatten())]);
                }
                row
            })
            .collect();
        output::render(&self.headers(), &rows, self, format)
    }
}
