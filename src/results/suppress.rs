//! The small-cell rule (contract §6, revised 2026-12-02), in one place.
//!
//! A *table* is a set of cells that add up to a total: the regions of one
//! indicator (and option) with `ALL`. Every published cell has a value and
//! a respondent count, so anyone can multiply them and subtract published
//! cells from the total. The rule makes sure that what is left over — the
//! suppressed cells together — never describes one member's answers or a
//! group smaller than `min_cell`:
//!
//! 1. a cell with fewer than `min_cell` respondents is suppressed (an empty
//!    cell too, but it hides nothing: it has no answers);
//! 2. while at least one suppressed cell has respondents, and those cells
//!    are exactly one or together hold fewer than `min_cell` respondents,
//!    the published cell with the fewest respondents (then the first id)
//!    that has respondents is suppressed too;
//! 3. when the total is suppressed, every cell is.
//!
//! After step 2 the suppressed cells with respondents are none, or at
//! least two holding at least `min_cell` respondents together: the total
//! minus the published cells gives only their sum. Should no published
//! cell with respondents remain while the condition still holds, the
//! suppressed cells hold all of the total's respondents, so the total is
//! under `min_cell` and step 3 hides everything; the code does not rely on
//! that arithmetic and hides the total itself in that case.
//!
//! A suppressed cell publishes neither value nor respondent count (a count
//! can itself be an answer: a follow-up question's count tells how its
//! filter question was answered). What a regional reviewer may see on top
//! of this is decided in [`super::publish`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::tables::Part;
use super::{ResultRow, ALL};
use crate::survey::Survey;

/// One cell of a table: its id, its respondents, and whether it is
/// suppressed (cells may come in suppressed already: results stored under
/// an earlier rule, or a cell another indicator of the question hid).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell<'a> {
    pub id: &'a str,
    pub respondents: u64,
    pub hidden: bool,
}

impl<'a> Cell<'a> {
    pub fn new(id: &'a str, respondents: u64) -> Self {
        Cell {
            id,
            respondents,
            hidden: false,
        }
    }
}

/// The rule for one table: `cells` and the `total` they add up to. Cells
/// only ever become hidden, never published again.
pub fn suppress<'a>(cells: &mut [Cell<'a>], total: &mut Cell<'a>, min_cell: u64) {
    for cell in cells.iter_mut().chain(std::iter::once(&mut *total)) {
        cell.hidden |= cell.respondents < min_cell;
    }
    while exposed(cells, min_cell) {
        let next = cells
            .iter_mut()
            .filter(|c| !c.hidden && c.respondents > 0)
            .min_by_key(|c| (c.respondents, c.id));
        match next {
            Some(c) => c.hidden = true,
            None => {
                total.hidden = true;
                break;
            }
        }
    }
    if total.hidden {
        cells.iter_mut().for_each(|c| c.hidden = true);
    }
}

/// Whether the suppressed cells with respondents could be read off the
/// total: exactly one of them, or fewer than `min_cell` respondents in all.
fn exposed(cells: &[Cell<'_>], min_cell: u64) -> bool {
    let (count, sum) = cells
        .iter()
        .filter(|c| c.hidden && c.respondents > 0)
        .fold((0u64, 0u64), |(k, s), c| (k + 1, s + c.respondents));
    count == 1 || (count > 1 && sum < min_cell)
}

/// Runs the rule over every table of a round's rows (§6 and §8): per
/// indicator and option, the regions with `ALL`; each region's countries
/// with the region's row as total; each region's types with it; the
/// network-wide types with `ALL`. A total hidden in its own table hides
/// every cell of the tables it totals.
///
/// Indicators that read the same question (as their question, in `where`,
/// `match` or `components`) share their fate: a cell hidden for one is
/// hidden for all, through any chain of shared questions (two indicators
/// whose `where` split a region would otherwise give the smaller part
/// away). A cell hidden for a question also hides that cell for every
/// question shown on it (through `show_if`, at any depth): a follow-up's
/// respondents are how many chose its filter answer, so a published
/// follow-up cell would give the filter's hidden numerator away. (The
/// other way is safe: a follow-up's hidden cell has as many respondents as
/// its filter's published numerator says, but its own answers stay covered
/// by its own table.) The rule runs again until nothing changes. Hidden
/// cells lose their values here.
pub fn apply(rows: &mut [ResultRow], survey: &Survey, min_cell: u64, places: &Places) {
    let tables = tables(rows);
    let mut reads_of: BTreeMap<String, std::rc::Rc<Reads>> = BTreeMap::new();
    let reads: Vec<std::rc::Rc<Reads>> = rows
        .iter()
        .map(|r| {
            reads_of
                .entry(r.indicator.clone())
                .or_insert_with(|| std::rc::Rc::new(questions(survey, &r.indicator)))
                .clone()
        })
        .collect();
    loop {
        for (cells, total) in &tables {
            let hidden = table_rule(rows, cells, *total, min_cell);
            for (&i, h) in cells.iter().chain(std::iter::once(total)).zip(hidden) {
                rows[i].suppressed |= h;
            }
        }
        one_partial_breakdown(rows, places);
        let hidden: BTreeSet<(&str, &str, Option<&Part>)> = (0..rows.len())
            .filter(|&i| rows[i].suppressed && rows[i].respondents > 0)
            .flat_map(|i| {
                let r = &rows[i];
                reads[i]
                    .0
                    .iter()
                    .map(move |q| (q.as_str(), r.region.as_str(), r.part.as_ref()))
            })
            .collect();
        let newly: Vec<usize> = (0..rows.len())
            .filter(|&i| !rows[i].suppressed)
            .filter(|&i| {
                let r = &rows[i];
                reads[i]
                    .1
                    .iter()
                    .any(|q| hidden.contains(&(q.as_str(), r.region.as_str(), r.part.as_ref())))
            })
            .collect();
        if newly.is_empty() {
            break;
        }
        newly.into_iter().for_each(|i| rows[i].suppressed = true);
    }
    rows.iter_mut()
        .filter(|r| r.suppressed)
        .for_each(|r| r.value = None);
}

/// Where the members a round targets stand, per region: the (country,
/// type) pairs that hold at least one of them. This is the register a
/// regional reviewer knows; it tells them which countries hold which types.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Places(BTreeMap<String, BTreeSet<(String, String)>>);

impl Places {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn add(&mut self, region: &str, country: &str, member_type: &str) {
        self.0
            .entry(region.to_string())
            .or_default()
            .insert((country.to_string(), member_type.to_string()));
    }

    /// The places of `region` that a breakdown cell covers, by position.
    fn covered(&self, region: &str, part: Option<&Part>) -> BTreeSet<usize> {
        let places = self.0.get(region).into_iter().flatten();
        places
            .enumerate()
            .filter(|(_, (country, member_type))| match part {
                Some(Part::Country(c)) => c == country,
                Some(Part::Type(t)) => t == member_type,
                None => true,
            })
            .map(|(i, _)| i)
            .collect()
    }
}

/// A region's countries and its types are two partitions of the same
/// members, and a reviewer knows which member is of which country and
/// type. Each table is safe alone, but together they are not: a published
/// type minus the published countries that hold only that type can leave
/// a hidden country's one member, and a published country that holds only
/// one hidden type gives that type away, and with it the other hidden
/// types' sum. So unless both tables hide nothing, only one of them is
/// published at all: the types table when it hides nothing (the countries
/// table is then hidden whole), else the countries table (the types table
/// hidden whole). Even then the published table gives a hidden cell of
/// the other away when the register makes them the same members (a
/// country that holds only regional networks, and no regional network
/// elsewhere): then both are hidden whole, and only the region's total
/// is left. Totals stay. A table with at most one cell that has
/// respondents is left alone: that cell is the region's total.
fn one_partial_breakdown(rows: &mut [ResultRow], places: &Places) {
    let side = |r: &ResultRow| match (&r.part, r.region == ALL) {
        (Some(Part::Country(_)), false) => Some(0),
        (Some(Part::Type(_)), false) => Some(1),
        _ => None,
    };
    let mut hide: Vec<usize> = Vec::new();
    {
        type Key<'a> = (&'a str, Option<&'a str>, &'a str);
        let mut pairs: BTreeMap<Key<'_>, [Vec<usize>; 2]> = BTreeMap::new();
        for (i, r) in rows.iter().enumerate() {
            if let Some(t) = side(r) {
                let key = (r.indicator.as_str(), r.option.as_deref(), r.region.as_str());
                pairs.entry(key).or_default()[t].push(i);
            }
        }
        for ((_, _, region), sides) in &pairs {
            let answered = |t: usize| sides[t].iter().filter(|&&i| rows[i].respondents > 0);
            let cells = [answered(0).count(), answered(1).count()];
            let hidden = [0, 1].map(|t| answered(t).filter(|&&i| rows[i].suppressed).count());
            let t = match (hidden[0] > 0, hidden[1] > 0) {
                (false, false) => continue,
                (true, false) => 0,
                (_, true) => 1,
            };
            if cells[t] < 2 {
                continue;
            }
            hide.extend(&sides[t]);
            let given_away =
                answered(t).any(|&h| determined(rows, places, region, h, &sides[1 - t]));
            if given_away {
                hide.extend(&sides[1 - t]);
            }
        }
    }
    hide.into_iter().for_each(|i| rows[i].suppressed = true);
}

/// Whether the cell `hidden` of one partition of a region is the sum of
/// what `published` (the other partition's cells) gives: the published
/// cells one by one, and their hidden cells together (the region's total
/// minus the published ones). It is when each of those blocks of the
/// region's places lies wholly inside the hidden cell or wholly outside it.
fn determined(
    rows: &[ResultRow],
    places: &Places,
    region: &str,
    hidden: usize,
    published: &[usize],
) -> bool {
    let target = places.covered(region, rows[hidden].part.as_ref());
    let straddles =
        |block: &BTreeSet<usize>| !block.is_disjoint(&target) && !block.is_subset(&target);
    let mut rest = BTreeSet::new();
    for &p in published {
        let block = places.covered(region, rows[p].part.as_ref());
        if rows[p].suppressed {
            rest.extend(block);
        } else if straddles(&block) {
            return false;
        }
    }
    !straddles(&rest)
}

/// The questions an indicator reads, and those it depends on.
type Reads = (Vec<String>, Vec<String>);

/// The questions an indicator reads, and those it depends on: what it
/// reads and every question those are shown on (their `show_if`, that
/// question's `show_if`, …).
fn questions(survey: &Survey, indicator: &str) -> Reads {
    let Some(ind) = survey.indicators.iter().find(|i| i.id == indicator) else {
        return (vec![indicator.to_string()], vec![indicator.to_string()]);
    };
    let reads: Vec<String> = ind.questions().iter().map(|q| q.to_string()).collect();
    let mut depends = reads.clone();
    // Each step goes to earlier questions, and none is added twice.
    let mut i = 0;
    while i < depends.len() {
        if let Some(parent) = survey
            .question(&depends[i])
            .and_then(|q| q.show_if.as_ref())
        {
            for p in parent.questions() {
                if !depends.iter().any(|d| d == p) {
                    depends.push(p.to_string());
                }
            }
        }
        i += 1;
    }
    (reads, depends)
}

/// The row indices of every table: its cells and its total. Cells whose
/// total is missing (never made) are left out.
fn tables(rows: &[ResultRow]) -> Vec<(Vec<usize>, usize)> {
    type TableKey<'a> = (&'a str, Option<&'a str>, &'a str, u8);
    let mut totals: BTreeMap<(&str, Option<&str>, &str), usize> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.part.is_none()) {
        totals.insert((&r.indicator, r.option.as_deref(), &r.region), i);
    }
    let mut by_key: BTreeMap<TableKey<'_>, (Vec<usize>, Option<usize>)> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let (total_region, kind) = match &r.part {
            None if r.region == ALL => continue,
            None => (ALL, 0),
            Some(Part::Country(_)) => (r.region.as_str(), 1),
            Some(Part::Type(_)) => (r.region.as_str(), 2),
        };
        let entry = by_key
            .entry((&r.indicator, r.option.as_deref(), total_region, kind))
            .or_default();
        entry.0.push(i);
        entry.1 = totals
            .get(&(r.indicator.as_str(), r.option.as_deref(), total_region))
            .copied();
    }
    by_key
        .into_values()
        .filter_map(|(cells, total)| total.map(|t| (cells, t)))
        .collect()
}

/// The hidden flags of one table's cells, then its total's.
fn table_rule(rows: &[ResultRow], cells: &[usize], total: usize, min_cell: u64) -> Vec<bool> {
    let cell = |i: usize| Cell {
        id: rows[i]
            .part
            .as_ref()
            .map_or(rows[i].region.as_str(), Part::id),
        respondents: rows[i].respondents,
        hidden: rows[i].suppressed,
    };
    let mut table: Vec<Cell> = cells.iter().map(|&i| cell(i)).collect();
    let mut all = cell(total);
    suppress(&mut table, &mut all, min_cell);
    table
        .iter()
        .chain(std::iter::once(&all))
        .map(|c| c.hidden)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden_ids(cells: &[(&'static str, u64)], min: u64) -> (Vec<&'static str>, bool) {
        let mut table: Vec<Cell> = cells.iter().map(|(id, n)| Cell::new(id, *n)).collect();
        let mut total = Cell::new("ALL", cells.iter().map(|(_, n)| n).sum());
        suppress(&mut table, &mut total, min);
        let ids = table.iter().filter(|c| c.hidden).map(|c| c.id).collect();
        (ids, total.hidden)
    }

    #[test]
    fn the_penetration_test_regions_hide_enough_to_cover_the_small_ones() {
        // 9, 8, 3, 0, 1: the 3 and the 1 together hold 4 < 5, so the
        // smallest published region with respondents (8) goes too.
        let cells = [("a", 9), ("b", 8), ("c", 3), ("d", 0), ("e", 1)];
        assert_eq!(hidden_ids(&cells, 5), (vec!["b", "c", "d", "e"], false));
    }

    #[test]
    fn an_empty_region_alone_hides_nothing_else() {
        let cells = [("a", 9), ("b", 0), ("c", 7)];
        assert_eq!(hidden_ids(&cells, 5), (vec!["b"], false));
    }

    #[test]
    fn one_small_region_takes_the_smallest_other_with_it() {
        let cells = [("a", 9), ("b", 2), ("c", 7), ("d", 0)];
        assert_eq!(hidden_ids(&cells, 5), (vec!["b", "c", "d"], false));
    }

    #[test]
    fn ties_go_to_the_first_id() {
        let cells = [("a", 3), ("b", 7), ("c", 7)];
        assert_eq!(hidden_ids(&cells, 5), (vec!["a", "b"], false));
    }

    #[test]
    fn two_small_regions_that_reach_min_cell_together_need_no_third() {
        let cells = [("a", 3), ("b", 4), ("c", 9)];
        assert_eq!(hidden_ids(&cells, 5), (vec!["a", "b"], false));
    }

    #[test]
    fn several_tiny_regions_pull_in_more_until_they_reach_min_cell() {
        let cells = [("a", 1), ("b", 1), ("c", 6), ("d", 6), ("e", 1)];
        assert_eq!(hidden_ids(&cells, 5), (vec!["a", "b", "c", "e"], false));
        assert_eq!(
            hidden_ids(&cells, 10),
            (vec!["a", "b", "c", "d", "e"], false)
        );
    }

    #[test]
    fn a_total_under_min_cell_hides_every_cell() {
        let cells = [("a", 3), ("b", 0)];
        assert_eq!(hidden_ids(&cells, 5), (vec!["a", "b"], true));
    }

    #[test]
    fn when_nothing_is_left_to_hide_the_total_goes() {
        // A total given larger than its cells (it never is) still may not
        // publish a lone hidden region's figure.
        let mut table = [Cell::new("a", 3)];
        let mut total = Cell::new("ALL", 9);
        suppress(&mut table, &mut total, 5);
        assert!(table[0].hidden && total.hidden);
    }

    #[test]
    fn a_cell_that_comes_in_hidden_is_covered_like_a_small_one() {
        // Stored under the old rule: `b` hidden beside an empty region.
        let mut table = [Cell::new("a", 0), Cell::new("b", 9), Cell::new("c", 12)];
        table[1].hidden = true;
        let mut total = Cell::new("ALL", 21);
        suppress(&mut table, &mut total, 5);
        let hidden: Vec<bool> = table.iter().map(|c| c.hidden).collect();
        assert_eq!((hidden, total.hidden), (vec![true, true, true], false));
    }

    #[test]
    fn min_cell_zero_hides_nothing() {
        let cells = [("a", 0), ("b", 1)];
        assert_eq!(hidden_ids(&cells, 0), (vec![], false));
    }
}
