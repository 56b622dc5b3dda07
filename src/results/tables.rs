//! The cells of every breakdown, summed from the groups of the one pass
//! ([`super::engine`]), and each cell's figures by the indicator's measure,
//! denominator rule and unit (contract §8).
//!
//! Rows come out per indicator and option: the regions and `ALL` first
//! (the table of §6, in its order), then each region's countries, each
//! region's types, and the network-wide types (`ALL` by type). Which rows a
//! reader gets, and in which order, is [`super::publish`]'s.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::engine::Group;
use super::{ResultRow, ALL};
use crate::survey::{Denominator, Indicator, Matcher, Measure, Survey, Unit};

/// The second key of a breakdown cell: a country of a region, or a member
/// type (of a region, or of `ALL`). An empty type is kept empty here and
/// printed `none`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Country(String),
    Type(String),
}

impl Part {
    /// The id as printed: an empty type is `none`.
    pub fn id(&self) -> &str {
        match self {
            Part::Country(c) => c,
            Part::Type(t) if t.is_empty() => "none",
            Part::Type(t) => t,
        }
    }
}

/// A cell's figures before suppression.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub value: Option<f64>,
    pub respondents: u64,
    pub numerator: f64,
    pub denominator: f64,
}

/// What a cell sums of one indicator over its groups.
#[derive(Default)]
struct Sum {
    population: u64,
    answered: u64,
    matched: u64,
    targeted: u64,
    options: Vec<u64>,
    whole: i128,
    numbers: HashMap<u64, u64>,
    met: u64,
    /// Per country: (matched, answered, in the population, targeted).
    countries: BTreeMap<String, [bool; 4]>,
}

impl Sum {
    fn of(groups: &[&Group], k: usize) -> Sum {
        let mut s = Sum::default();
        for g in groups {
            let t = &g.tallies[k];
            s.population += t.population;
            s.answered += t.answered;
            s.matched += t.matched;
            s.targeted += g.targeted;
            s.met += t.met;
            if s.options.len() < t.options.len() {
                s.options.resize(t.options.len(), 0);
            }
            for (a, b) in s.options.iter_mut().zip(&t.options) {
                *a += b;
            }
            s.whole += t.whole;
            for (bits, n) in &t.numbers {
                *s.numbers.entry(*bits).or_default() += n;
            }
            let c = s.countries.entry(g.country.clone()).or_default();
            for (flag, n) in c
                .iter_mut()
                .zip([t.matched, t.answered, t.population, g.targeted])
            {
                *flag |= n > 0;
            }
        }
        s
    }

    fn countries(&self, i: usize) -> u64 {
        self.countries.values().filter(|f| f[i]).count() as u64
    }

    /// The numeric answers added up: the whole numbers exactly, then the
    /// others in value order (total order), so the sum does not depend on
    /// the order rows came in.
    #[allow(clippy::cast_precision_loss)] // rounds only past 2^53, as any f64 sum
    fn total(&self) -> f64 {
        let mut values: Vec<(f64, u64)> = self
            .numbers
            .iter()
            .map(|(bits, n)| (f64::from_bits(*bits), *n))
            .collect();
        values.sort_by(|a, b| a.0.total_cmp(&b.0));
        let rest: f64 = values.iter().map(|(x, n)| x * *n as f64).sum();
        if values.is_empty() {
            self.whole as f64
        } else {
            self.whole as f64 + rest
        }
    }
}

/// The figures of indicator `k` (and `option`, for a distribution) over
/// `groups`.
#[allow(clippy::cast_precision_loss)] // counts stay far below 2^53
pub fn figures(ind: &Indicator, k: usize, option: Option<usize>, groups: &[&Group]) -> Figures {
    let s = Sum::of(groups, k);
    let respondents = match ind.denominator {
        Denominator::Answered => s.answered,
        Denominator::Respondents | Denominator::Targeted => s.population,
    };
    let (members, countries) = match ind.denominator {
        Denominator::Answered => (s.answered, s.countries(1)),
        Denominator::Respondents => (s.population, s.countries(2)),
        Denominator::Targeted => (s.targeted, s.countries(3)),
    };
    let by_country = ind.unit == Unit::Country;
    let denominator = if by_country { countries } else { members } as f64;
    let ratio = |n: f64, d: f64| (d > 0.0).then(|| n / d);
    let (numerator, denominator, value) = match &ind.measure {
        Measure::Share(_) | Measure::Count(_) => {
            let n = if by_country {
                s.countries(0)
            } else {
                s.matched
            } as f64;
            let share = matches!(ind.measure, Measure::Share(_));
            (
                n,
                denominator,
                if share {
                    ratio(n, denominator)
                } else {
                    Some(n)
                },
            )
        }
        Measure::Mean => (
            s.total(),
            s.answered as f64,
            ratio(s.total(), s.answered as f64),
        ),
        Measure::Sum => (s.total(), s.answered as f64, Some(s.total())),
        Measure::Distribution => {
            let n = option.and_then(|i| s.options.get(i)).copied().unwrap_or(0) as f64;
            (n, denominator, ratio(n, denominator))
        }
        Measure::Index(components) => {
            let d = denominator * components.len() as f64;
            (s.met as f64, d, ratio(s.met as f64, d))
        }
    };
    Figures {
        value,
        respondents,
        numerator,
        denominator,
    }
}

/// The options an indicator has one row each for: the options of its
/// question but the excluded ones for `distribution`, else one row
/// without an option.
pub fn options<'a>(survey: &'a Survey, ind: &Indicator) -> Vec<Option<(usize, &'a String)>> {
    match ind.measure {
        Measure::Distribution => survey
            .question(ind.question.as_deref().unwrap_or_default())
            .map_or(&[][..], |q| q.kind.options())
            .iter()
            .enumerate()
            .filter(|(i, _)| ind.exclude & (1 << i) == 0)
            .map(Some)
            .collect(),
        _ => vec![None],
    }
}

/// Every cell of every breakdown: (region, part) with the groups in it.
struct Cells<'g> {
    list: Vec<(String, Option<Part>, Vec<&'g Group>)>,
}

impl<'g> Cells<'g> {
    fn of(groups: &'g [Group], regions: &[String]) -> Self {
        let mut list = Vec::new();
        let in_region = |r: &str| groups.iter().filter(|g| g.region == r).collect::<Vec<_>>();
        for r in regions {
            list.push((r.clone(), None, in_region(r)));
        }
        list.push((ALL.to_string(), None, groups.iter().collect()));
        for r in regions {
            let mine = in_region(r);
            for c in distinct(&mine, |g| &g.country) {
                let cell = mine.iter().copied().filter(|g| g.country == c).collect();
                list.push((r.clone(), Some(Part::Country(c)), cell));
            }
            for t in types(&mine) {
                let cell = mine
                    .iter()
                    .copied()
                    .filter(|g| g.member_type == t)
                    .collect();
                list.push((r.clone(), Some(Part::Type(t)), cell));
            }
        }
        let all: Vec<&Group> = groups.iter().collect();
        for t in types(&all) {
            let cell = all.iter().copied().filter(|g| g.member_type == t).collect();
            list.push((ALL.to_string(), Some(Part::Type(t)), cell));
        }
        Cells { list }
    }
}

/// The distinct values of `key` among groups with targeted members, sorted.
fn distinct<'g>(groups: &[&'g Group], key: impl Fn(&'g Group) -> &'g String) -> Vec<String> {
    let set: BTreeSet<&String> = groups
        .iter()
        .filter(|g| g.targeted > 0 || g.submitted > 0)
        .map(|g| key(g))
        .collect();
    set.into_iter().cloned().collect()
}

/// The member types among `groups`, by id with the empty type last.
fn types(groups: &[&Group]) -> Vec<String> {
    let mut t = distinct(groups, |g| &g.member_type);
    if t.first().is_some_and(String::is_empty) {
        t.rotate_left(1);
    }
    t
}

/// Every row of every breakdown, before suppression.
pub fn rows(survey: &Survey, groups: &[Group], regions: &[String]) -> Vec<ResultRow> {
    let cells = Cells::of(groups, regions);
    let mut rows = Vec::new();
    for (k, ind) in survey.indicators.iter().enumerate() {
        for opt in options(survey, ind) {
            for (region, part, members) in &cells.list {
                let f = figures(ind, k, opt.map(|(i, _)| i), members);
                rows.push(ResultRow {
                    indicator: ind.id.clone(),
                    option: opt.map(|(_, o)| o.clone()),
                    region: region.clone(),
                    part: part.clone(),
                    value: f.value,
                    respondents: f.respondents,
                    suppressed: false,
                    numerator: Some(f.numerator),
                    denominator: Some(f.denominator),
                });
            }
        }
    }
    rows
}

/// Whether an indicator's cells are shares (printed as percentages).
pub fn is_share(ind: &Indicator) -> bool {
    matches!(
        ind.measure,
        Measure::Share(Matcher::Test(_) | Matcher::Match { .. })
            | Measure::Distribution
            | Measure::Index(_)
    )
}
