//! The pure half of results: measures, suppression, row order, narrowing
//! and the CSV/JSON forms, on hand-built surveys and histograms.

use super::*;
use crate::output::Format;
use crate::survey::{Indicator, Measure, Question, QuestionKind, Section, Survey, Test, Value};

/// The hidden flags of regions `cells` (the rule of `suppress`, with the
/// total of `ALL` as their sum).
fn suppress(cells: &[(&str, u64)], min_cell: u64) -> Vec<bool> {
    let mut table: Vec<Cell> = cells.iter().map(|(id, n)| Cell::new(id, *n)).collect();
    let mut total = Cell::new(ALL, cells.iter().map(|(_, n)| n).sum());
    super::suppress(&mut table, &mut total, min_cell);
    table.iter().map(|c| c.hidden).collect()
}

const BETTER: u64 = 0b001;
const WORSE: u64 = 0b010;
const SAME: u64 = 0b100;
const POLICE: u64 = 0b001;
const HEALTH: u64 = 0b010;
const LABOUR: u64 = 0b100;

fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.into(),
        required: false,
        show_if: None,
        kind,
    }
}

fn options(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn ind(id: &str, question: &str, measure: Measure) -> Indicator {
    Indicator::new(id, question, measure)
}

/// One question of each aggregated type; the indicators are given.
fn survey(indicators: Vec<Indicator>) -> Survey {
    Survey {
        id: "s".into(),
        default_language: "en".into(),
        sections: vec![Section {
            id: "main".into(),
            questions: vec![
                question(
                    "change",
                    QuestionKind::Single {
                        options: options(&["better", "worse", "same"]),
                    },
                ),
                question(
                    "areas",
                    QuestionKind::Multi {
                        options: options(&["police", "health", "labour"]),
                    },
                ),
                question(
                    "staff",
                    QuestionKind::Number {
                        min: None,
                        max: None,
                        integer: false,
                    },
                ),
                question("rating", QuestionKind::Scale { min: 1, max: 5 }),
            ],
        }],
        indicators,
        texts: BTreeMap::new(),
    }
}

/// One answer value, as the tests give them.
#[derive(Clone, Copy, Debug)]
enum Key {
    Choice(u64),
    Number(f64),
}

/// Responses as `(region, question, answer, how many)`: each response
/// answers that one question.
type Histogram = Vec<(String, String, Key, u64)>;

fn hist(cells: &[(&str, &str, Key, u64)]) -> Histogram {
    cells
        .iter()
        .map(|(r, q, k, n)| (r.to_string(), q.to_string(), *k, *n))
        .collect()
}

fn place(region: &str) -> Place<'_> {
    Place {
        region,
        country: "KE",
        member_type: "",
    }
}

/// The groups of one pass: ten targets in each region of `names`, and the
/// responses of `h`.
fn groups(survey: &Survey, names: &[&str], h: &Histogram) -> Vec<Group> {
    let mut t = Tallier::new(survey);
    for r in names {
        t.add_targeted(place(r), 10);
    }
    for (region, q, key, n) in h {
        let value = match key {
            Key::Choice(m) => Value::Choice(*m),
            Key::Number(x) => Value::Number(*x),
        };
        let answers: crate::survey::Answers = [(q.clone(), value)].into_iter().collect();
        let packed = crate::answers::packed::pack(survey, &answers);
        for _ in 0..*n {
            t.add_packed(place(region), &packed);
        }
    }
    t.finish()
}

fn compute_with(
    round: &str,
    survey: &Survey,
    closed: bool,
    names: &[&str],
    h: &Histogram,
    min_cell: u32,
) -> RoundResults {
    let g = groups(survey, names, h);
    compute(round, survey, closed, &g, &BTreeMap::new(), min_cell)
}

fn run(indicators: Vec<Indicator>, names: &[&str], h: &Histogram, min_cell: u32) -> RoundResults {
    compute_with("r", &survey(indicators), false, names, h, min_cell)
}

/// The one row of `indicator` in `region` (non-distribution measures).
fn row<'a>(res: &'a RoundResults, indicator: &str, region: &str) -> &'a ResultRow {
    option_row(res, indicator, None, region)
}

fn option_row<'a>(
    res: &'a RoundResults,
    indicator: &str,
    option: Option<&str>,
    region: &str,
) -> &'a ResultRow {
    let found: Vec<&ResultRow> = res
        .rows
        .iter()
        .filter(|r| r.part.is_none())
        .filter(|r| {
            r.indicator == indicator
                && r.option.as_deref() == option
                && r.region == region
                && r.part.is_none()
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{indicator}/{option:?}/{region} in {:#?}",
        res.rows
    );
    found[0]
}

fn value(res: &RoundResults, indicator: &str, region: &str) -> Option<f64> {
    row(res, indicator, region).value
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-12 * b.abs().max(1.0))
}

fn n(x: f64) -> Key {
    Key::Number(x)
}

fn c(mask: u64) -> Key {
    Key::Choice(mask)
}

// --- the pass -------------------------------------------------------------

/// The reading thread hands invitations to the tallying one in batches of
/// 1,024, numbering places as it first sees them: across three batches,
/// with a place first seen in the last one and invitations without a
/// response, the groups are those of a tally fed directly.
#[test]
fn the_pass_hands_every_invitation_over_across_batches() {
    let s = survey(vec![
        ind("better", "change", Measure::share(Test::AnyOf(BETTER))),
        ind("areas_dist", "areas", Measure::Distribution),
        ind("staff_mean", "staff", Measure::Mean),
    ]);
    let invitations: Vec<(&str, Option<Vec<u8>>)> = (0..3000u32)
        .map(|i| {
            let region = if i >= 2500 && i % 7 == 0 {
                "late"
            } else {
                ["a", "b", "c"][i as usize % 3]
            };
            let answers: crate::survey::Answers = [
                ("change".to_string(), Value::Choice(1 << (i % 3))),
                ("areas".to_string(), Value::Choice(u64::from(i % 8))),
                ("staff".to_string(), Value::Number(f64::from(i % 13) / 2.0)),
            ]
            .into_iter()
            .collect();
            let packed = (i % 10 != 0).then(|| crate::answers::packed::pack(&s, &answers));
            (region, packed)
        })
        .collect();
    let through = super::pass::side_by_side(&s, |add| {
        for (region, packed) in &invitations {
            add(place(region), packed.as_deref());
        }
        Ok(())
    })
    .map(Tallier::finish)
    .unwrap_or_default();
    let mut direct = Tallier::new(&s);
    for (region, packed) in &invitations {
        direct.add_targeted(place(region), 1);
        if let Some(p) = packed {
            direct.add_packed(place(region), p);
        }
    }
    let direct = direct.finish();
    let seen = |groups: &[Group]| -> Vec<(String, u64, u64, Vec<super::engine::Tally>)> {
        groups
            .iter()
            .map(|g| (g.region.clone(), g.targeted, g.submitted, g.tallies.clone()))
            .collect()
    };
    assert_eq!(seen(&through), seen(&direct));
    let late = through.iter().find(|g| g.region == "late");
    assert_eq!(late.map(|g| g.targeted), Some(71));
    assert_eq!(through.iter().map(|g| g.targeted).sum::<u64>(), 3000);
    assert_eq!(through.iter().map(|g| g.submitted).sum::<u64>(), 2700);
}

// --- measures -------------------------------------------------------------

#[test]
fn share_any_of_is_matching_respondents_over_those_who_answered() {
    let h = hist(&[
        ("a", "change", c(BETTER), 3),
        ("a", "change", c(WORSE), 1),
        ("a", "change", c(SAME), 2),
    ]);
    let res = run(
        vec![
            ind("better", "change", Measure::share(Test::AnyOf(BETTER))),
            ind(
                "moved",
                "change",
                Measure::share(Test::AnyOf(BETTER | WORSE)),
            ),
        ],
        &["a"],
        &h,
        0,
    );
    assert!(close(value(&res, "better", "a"), 0.5));
    assert!(close(value(&res, "moved", "a"), 4.0 / 6.0));
    assert_eq!(row(&res, "moved", "a").respondents, 6);
}

#[test]
fn share_on_multi_counts_a_respondent_once_even_when_several_options_match() {
    let h = hist(&[
        ("a", "areas", c(POLICE | HEALTH), 2),
        ("a", "areas", c(POLICE), 1),
        ("a", "areas", c(LABOUR), 1),
    ]);
    let res = run(
        vec![ind(
            "p_or_h",
            "areas",
            Measure::share(Test::AnyOf(POLICE | HEALTH)),
        )],
        &["a"],
        &h,
        0,
    );
    assert!(close(value(&res, "p_or_h", "a"), 0.75));
    assert_eq!(row(&res, "p_or_h", "a").respondents, 4);
}

#[test]
fn share_with_bounds_includes_both_ends() {
    let h = hist(&[
        ("a", "staff", n(0.0), 1),
        ("a", "staff", n(10.0), 2),
        ("a", "staff", n(20.0), 3),
        ("a", "staff", n(20.5), 4),
    ]);
    let range = |min: Option<f64>, max: Option<f64>| Measure::share(Test::Range { min, max });
    let res = run(
        vec![
            ind("at_least", "staff", range(Some(10.0), None)),
            ind("at_most", "staff", range(None, Some(20.0))),
            ind("between", "staff", range(Some(10.0), Some(20.0))),
        ],
        &["a"],
        &h,
        0,
    );
    assert!(close(value(&res, "at_least", "a"), 0.9));
    assert!(close(value(&res, "at_most", "a"), 0.6));
    assert!(close(value(&res, "between", "a"), 0.5));
}

#[test]
fn share_with_bounds_works_on_a_scale() {
    let h = hist(&[
        ("a", "rating", n(1.0), 1),
        ("a", "rating", n(4.0), 2),
        ("a", "rating", n(5.0), 1),
    ]);
    let res = run(
        vec![ind(
            "high",
            "rating",
            Measure::share(Test::Range {
                min: Some(4.0),
                max: None,
            }),
        )],
        &["a"],
        &h,
        0,
    );
    assert!(close(value(&res, "high", "a"), 0.75));
}

#[test]
fn count_any_of_counts_matching_respondents_on_single_and_multi() {
    let h = hist(&[
        ("a", "change", c(BETTER), 3),
        ("a", "change", c(SAME), 2),
        ("a", "areas", c(POLICE | HEALTH | LABOUR), 2),
        ("a", "areas", c(HEALTH), 1),
        ("a", "areas", c(LABOUR), 4),
    ]);
    let res = run(
        vec![
            ind("better_n", "change", Measure::count(Test::AnyOf(BETTER))),
            ind(
                "police_or_health_n",
                "areas",
                Measure::count(Test::AnyOf(POLICE | HEALTH)),
            ),
        ],
        &["a"],
        &h,
        0,
    );
    assert_eq!(value(&res, "better_n", "a"), Some(3.0));
    assert_eq!(row(&res, "better_n", "a").respondents, 5);
    assert_eq!(value(&res, "police_or_health_n", "a"), Some(3.0));
    assert_eq!(row(&res, "police_or_health_n", "a").respondents, 7);
}

#[test]
fn count_with_bounds_counts_respondents_within_them() {
    let h = hist(&[
        ("a", "staff", n(9.5), 2),
        ("a", "staff", n(10.0), 3),
        ("a", "staff", n(50.0), 1),
        ("a", "staff", n(51.0), 7),
    ]);
    let res = run(
        vec![
            ind(
                "big",
                "staff",
                Measure::count(Test::Range {
                    min: Some(10.0),
                    max: None,
                }),
            ),
            ind(
                "mid",
                "staff",
                Measure::count(Test::Range {
                    min: Some(10.0),
                    max: Some(50.0),
                }),
            ),
            ind(
                "small",
                "staff",
                Measure::count(Test::Range {
                    min: None,
                    max: Some(9.5),
                }),
            ),
        ],
        &["a"],
        &h,
        0,
    );
    assert_eq!(value(&res, "big", "a"), Some(11.0));
    assert_eq!(value(&res, "mid", "a"), Some(4.0));
    assert_eq!(value(&res, "small", "a"), Some(2.0));
}

#[test]
fn mean_and_sum_run_over_number_and_scale_answers() {
    let h = hist(&[
        ("a", "staff", n(2.5), 2),
        ("a", "staff", n(-1.0), 1),
        ("a", "staff", n(10.0), 1),
        ("a", "rating", n(1.0), 1),
        ("a", "rating", n(4.0), 2),
    ]);
    let res = run(
        vec![
            ind("staff_sum", "staff", Measure::Sum),
            ind("staff_mean", "staff", Measure::Mean),
            ind("rating_sum", "rating", Measure::Sum),
            ind("rating_mean", "rating", Measure::Mean),
        ],
        &["a"],
        &h,
        0,
    );
    assert!(close(value(&res, "staff_sum", "a"), 14.0));
    assert!(close(value(&res, "staff_mean", "a"), 3.5));
    assert_eq!(row(&res, "staff_mean", "a").respondents, 4);
    assert!(close(value(&res, "rating_sum", "a"), 9.0));
    assert!(close(value(&res, "rating_mean", "a"), 3.0));
    assert_eq!(row(&res, "rating_mean", "a").respondents, 3);
}

#[test]
fn distribution_on_single_gives_each_options_share_in_survey_order() {
    let h = hist(&[("a", "change", c(SAME), 1), ("a", "change", c(BETTER), 3)]);
    let res = run(
        vec![ind("change_dist", "change", Measure::Distribution)],
        &["a"],
        &h,
        0,
    );
    let got: Vec<(Option<&str>, &str, Option<f64>, u64)> = res
        .rows
        .iter()
        .filter(|r| r.part.is_none())
        .map(|r| {
            (
                r.option.as_deref(),
                r.region.as_str(),
                r.value,
                r.respondents,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("better"), "a", Some(0.75), 4),
            (Some("better"), ALL, Some(0.75), 4),
            (Some("worse"), "a", Some(0.0), 4),
            (Some("worse"), ALL, Some(0.0), 4),
            (Some("same"), "a", Some(0.25), 4),
            (Some("same"), ALL, Some(0.25), 4),
        ]
    );
}

#[test]
fn distribution_on_multi_counts_a_respondent_for_every_option_chosen() {
    let h = hist(&[
        ("a", "areas", c(POLICE | HEALTH), 2),
        ("a", "areas", c(POLICE | HEALTH | LABOUR), 1),
        ("a", "areas", c(HEALTH), 1),
    ]);
    let res = run(
        vec![ind("areas_dist", "areas", Measure::Distribution)],
        &["a"],
        &h,
        0,
    );
    assert!(close(
        option_row(&res, "areas_dist", Some("police"), "a").value,
        0.75
    ));
    assert!(close(
        option_row(&res, "areas_dist", Some("health"), "a").value,
        1.0
    ));
    assert!(close(
        option_row(&res, "areas_dist", Some("labour"), "a").value,
        0.25
    ));
    assert_eq!(
        option_row(&res, "areas_dist", Some("labour"), "a").respondents,
        4
    );
}

#[test]
fn all_pools_the_answers_of_every_region() {
    let h = hist(&[
        ("a", "change", c(BETTER), 1),
        ("a", "change", c(SAME), 3),
        ("b", "change", c(BETTER), 4),
        ("a", "staff", n(3.0), 2),
        ("b", "staff", n(3.0), 1),
        ("b", "staff", n(9.0), 1),
    ]);
    let res = run(
        vec![
            ind("better", "change", Measure::share(Test::AnyOf(BETTER))),
            ind("staff_mean", "staff", Measure::Mean),
            ind("staff_sum", "staff", Measure::Sum),
        ],
        &["a", "b"],
        &h,
        0,
    );
    assert!(close(value(&res, "better", ALL), 5.0 / 8.0));
    assert_eq!(row(&res, "better", ALL).respondents, 8);
    assert!(close(value(&res, "staff_mean", ALL), 4.5));
    assert!(close(value(&res, "staff_sum", ALL), 18.0));
}

#[test]
fn a_region_without_respondents_has_no_share_mean_or_distribution_but_zero_count_and_sum() {
    let h = hist(&[("a", "change", c(BETTER), 2), ("a", "staff", n(4.0), 2)]);
    let res = run(
        vec![
            ind("share", "change", Measure::share(Test::AnyOf(BETTER))),
            ind("count", "change", Measure::count(Test::AnyOf(BETTER))),
            ind(
                "count_range",
                "staff",
                Measure::count(Test::Range {
                    min: Some(1.0),
                    max: None,
                }),
            ),
            ind("mean", "staff", Measure::Mean),
            ind("sum", "staff", Measure::Sum),
            ind("dist", "change", Measure::Distribution),
        ],
        &["a", "empty"],
        &h,
        0,
    );
    for r in res.rows.iter().filter(|r| r.region == "empty") {
        assert_eq!(r.respondents, 0, "{r:?}");
        assert!(!r.suppressed, "{r:?}");
    }
    assert_eq!(value(&res, "share", "empty"), None);
    assert_eq!(value(&res, "mean", "empty"), None);
    for opt in ["better", "worse", "same"] {
        assert_eq!(option_row(&res, "dist", Some(opt), "empty").value, None);
    }
    assert_eq!(value(&res, "count", "empty"), Some(0.0));
    assert_eq!(value(&res, "count_range", "empty"), Some(0.0));
    assert_eq!(value(&res, "sum", "empty"), Some(0.0));
}

#[test]
fn a_round_without_any_answer_still_has_every_row() {
    let res = run(
        vec![
            ind("share", "change", Measure::share(Test::AnyOf(BETTER))),
            ind("sum", "staff", Measure::Sum),
        ],
        &["a"],
        &Histogram::new(),
        0,
    );
    assert_eq!(res.rows.iter().filter(|r| r.part.is_none()).count(), 4);
    assert_eq!(value(&res, "share", ALL), None);
    assert_eq!(value(&res, "sum", ALL), Some(0.0));
}

#[test]
fn answers_of_untargeted_regions_and_other_questions_are_ignored() {
    let h = hist(&[
        ("a", "change", c(BETTER), 1),
        ("ghost", "change", c(SAME), 5),
        ("a", "areas", c(POLICE), 9),
    ]);
    let res = run(
        vec![ind("share", "change", Measure::share(Test::AnyOf(BETTER)))],
        &["a"],
        &h,
        0,
    );
    assert_eq!(value(&res, "share", ALL), Some(1.0));
    assert_eq!(row(&res, "share", ALL).respondents, 1);
    assert!(res.rows.iter().all(|r| r.region != "ghost"));
}

// --- row order --------------------------------------------------------------

#[test]
fn rows_follow_survey_order_of_indicators_and_options_with_sorted_regions_then_all() {
    let h = hist(&[("b", "change", c(BETTER), 1)]);
    let indicators = vec![
        ind("zeta", "staff", Measure::Sum),
        ind("alpha", "areas", Measure::Distribution),
        ind("mid", "change", Measure::share(Test::AnyOf(BETTER))),
    ];
    let res = compute_with(
        "r",
        &survey(indicators),
        false,
        &["europe", "africa", "asia"],
        &h,
        0,
    );
    let got: Vec<(&str, &str, &str)> = res
        .rows
        .iter()
        .filter(|r| r.part.is_none())
        .map(|r| {
            (
                r.indicator.as_str(),
                r.option.as_deref().unwrap_or(""),
                r.region.as_str(),
            )
        })
        .collect();
    let mut want = Vec::new();
    for (i, o) in [
        ("zeta", ""),
        ("alpha", "police"),
        ("alpha", "health"),
        ("alpha", "labour"),
        ("mid", ""),
    ] {
        for r in ["africa", "asia", "europe", ALL] {
            want.push((i, o, r));
        }
    }
    assert_eq!(got, want);
    let listed: Vec<&str> = res.regions.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(listed, vec!["africa", "asia", "europe"]);
}

#[test]
fn the_round_and_its_settings_are_carried_along() {
    let res = compute_with("r2026", &survey(vec![]), true, &["a"], &Histogram::new(), 7);
    assert_eq!(
        (
            res.round.as_str(),
            res.survey.as_str(),
            res.closed,
            res.min_cell
        ),
        ("r2026", "s", true, 7)
    );
    assert!(res.rows.is_empty());
}

// --- suppression ------------------------------------------------------------

#[test]
fn no_region_below_min_cell_suppresses_nothing() {
    assert_eq!(suppress(&[("a", 5), ("b", 9)], 5), vec![false, false]);
    assert_eq!(suppress(&[], 5), Vec::<bool>::new());
}

#[test]
fn a_region_below_min_cell_is_suppressed_and_so_is_the_smallest_other() {
    assert_eq!(
        suppress(&[("a", 9), ("b", 4), ("c", 6), ("d", 7)], 5),
        vec![false, true, true, false]
    );
}

#[test]
fn the_smallest_other_region_is_chosen_by_respondents_not_by_order() {
    assert_eq!(
        suppress(&[("a", 20), ("b", 8), ("c", 3)], 5),
        vec![false, true, true]
    );
}

#[test]
fn an_empty_region_hides_nothing_else() {
    // It holds no answers, so `ALL` minus the others gives nothing away.
    assert_eq!(
        suppress(&[("a", 20), ("b", 8), ("c", 0)], 5),
        vec![false, false, true]
    );
}

#[test]
fn hidden_regions_that_hold_fewer_than_min_cell_together_take_another_with_them() {
    // The penetration test's round: 9, 8, 3, 0 and 1 respondents.
    assert_eq!(
        suppress(&[("a", 9), ("b", 8), ("c", 3), ("d", 0), ("e", 1)], 5),
        vec![false, true, true, true, true]
    );
}

#[test]
fn ties_for_the_smallest_other_region_go_to_the_first_region_id() {
    assert_eq!(
        suppress(&[("c", 6), ("a", 6), ("b", 1), ("d", 6)], 5),
        vec![false, true, true, false]
    );
    assert_eq!(
        suppress(&[("europe", 6), ("africa", 6), ("asia", 1)], 5),
        vec![false, true, true]
    );
}

#[test]
fn two_or_more_suppressed_regions_need_no_extra_one() {
    assert_eq!(
        suppress(&[("a", 4), ("b", 3), ("c", 6)], 5),
        vec![true, true, false]
    );
    assert_eq!(
        suppress(&[("a", 0), ("b", 0), ("c", 0)], 5),
        vec![true, true, true]
    );
}

#[test]
fn a_lone_suppressed_region_without_others_stays_alone() {
    assert_eq!(suppress(&[("a", 2)], 5), vec![true]);
}

#[test]
fn min_cell_zero_suppresses_nothing_and_one_suppresses_empty_regions() {
    assert_eq!(suppress(&[("a", 0), ("b", 1)], 0), vec![false, false]);
    assert_eq!(
        suppress(&[("a", 0), ("b", 1), ("c", 2)], 1),
        vec![true, false, false]
    );
}

#[test]
fn suppressed_cells_keep_their_respondents_and_lose_their_value() {
    let h = hist(&[
        ("a", "change", c(BETTER), 6),
        ("b", "change", c(BETTER), 7),
        ("c", "change", c(SAME), 2),
    ]);
    let res = run(
        vec![ind("better", "change", Measure::share(Test::AnyOf(BETTER)))],
        &["a", "b", "c"],
        &h,
        5,
    );
    let got: Vec<(&str, Option<f64>, u64, bool)> = res
        .rows
        .iter()
        .filter(|r| r.part.is_none())
        .map(|r| (r.region.as_str(), r.value, r.respondents, r.suppressed))
        .collect();
    assert_eq!(
        got,
        vec![
            ("a", None, 6, true),
            ("b", Some(1.0), 7, false),
            ("c", None, 2, true),
            (ALL, Some(13.0 / 15.0), 15, false)
        ]
    );
}

#[test]
fn all_is_suppressed_when_its_total_is_below_min_cell() {
    let h = hist(&[("a", "staff", n(1.0), 2), ("b", "staff", n(1.0), 2)]);
    let res = run(vec![ind("sum", "staff", Measure::Sum)], &["a", "b"], &h, 5);
    assert!(
        res.rows.iter().all(|r| r.suppressed && r.value.is_none()),
        "{:#?}",
        res.rows
    );
    assert_eq!(row(&res, "sum", ALL).respondents, 4);
    let res = run(vec![ind("sum", "staff", Measure::Sum)], &["a", "b"], &h, 4);
    assert!(!row(&res, "sum", ALL).suppressed);
    assert_eq!(value(&res, "sum", ALL), Some(4.0));
}

#[test]
fn the_extra_suppressed_cell_is_a_region_never_all() {
    // Only `a` is below min_cell: the rule hides `b`, the smallest other
    // region, and ALL (3) stays published.
    let h = hist(&[("a", "staff", n(1.0), 1), ("b", "staff", n(1.0), 2)]);
    let res = run(vec![ind("sum", "staff", Measure::Sum)], &["a", "b"], &h, 2);
    assert_eq!(
        (
            row(&res, "sum", "a").suppressed,
            row(&res, "sum", "b").suppressed,
            row(&res, "sum", ALL).suppressed
        ),
        (true, true, false)
    );
}

#[test]
fn suppression_is_decided_per_indicator_from_its_own_respondents() {
    let h = hist(&[
        ("a", "change", c(BETTER), 9),
        ("b", "change", c(BETTER), 9),
        ("a", "staff", n(1.0), 9),
        ("b", "staff", n(1.0), 1),
    ]);
    let res = run(
        vec![
            ind("better", "change", Measure::share(Test::AnyOf(BETTER))),
            ind("sum", "staff", Measure::Sum),
        ],
        &["a", "b"],
        &h,
        5,
    );
    assert!(!row(&res, "better", "a").suppressed && !row(&res, "better", "b").suppressed);
    assert!(row(&res, "sum", "a").suppressed && row(&res, "sum", "b").suppressed);
    assert!(!row(&res, "sum", ALL).suppressed);
}

#[test]
fn a_suppressed_region_hides_every_option_of_a_distribution() {
    let h = hist(&[
        ("a", "areas", c(POLICE), 1),
        ("b", "areas", c(HEALTH), 6),
        ("c", "areas", c(LABOUR), 8),
    ]);
    let res = run(
        vec![ind("dist", "areas", Measure::Distribution)],
        &["a", "b", "c"],
        &h,
        5,
    );
    for opt in ["police", "health", "labour"] {
        let hidden: Vec<bool> = ["a", "b", "c", ALL]
            .iter()
            .map(|r| option_row(&res, "dist", Some(opt), r).suppressed)
            .collect();
        assert_eq!(hidden, vec![true, true, false, false], "{opt}");
        assert_eq!(option_row(&res, "dist", Some(opt), "a").value, None);
        assert_eq!(option_row(&res, "dist", Some(opt), "a").respondents, 1);
    }
    assert!(close(
        option_row(&res, "dist", Some("labour"), ALL).value,
        8.0 / 15.0
    ));
}

#[test]
fn an_empty_region_is_suppressed_under_a_positive_min_cell_and_hides_no_other() {
    let h = hist(&[("a", "staff", n(1.0), 6), ("b", "staff", n(1.0), 7)]);
    let res = run(
        vec![ind("sum", "staff", Measure::Sum)],
        &["a", "b", "empty"],
        &h,
        5,
    );
    let hidden: Vec<bool> = ["a", "b", "empty", ALL]
        .iter()
        .map(|r| row(&res, "sum", r).suppressed)
        .collect();
    assert_eq!(hidden, vec![false, false, true, false]);
    assert_eq!(row(&res, "sum", "empty").respondents, 0);
}

// --- narrowing --------------------------------------------------------------

fn three_regions() -> RoundResults {
    let h = hist(&[
        ("a", "change", c(BETTER), 6),
        ("b", "change", c(SAME), 7),
        ("c", "change", c(BETTER), 2),
    ]);
    run(
        vec![
            ind("better", "change", Measure::share(Test::AnyOf(BETTER))),
            ind("dist", "change", Measure::Distribution),
        ],
        &["a", "b", "c"],
        &h,
        5,
    )
}

fn secretariat(res: RoundResults, region: Option<&str>) -> AppResult<Published> {
    res.publish(Viewer::Secretariat, region)
}

fn closed(mut res: RoundResults) -> RoundResults {
    res.closed = true;
    res
}

#[test]
fn narrowing_keeps_the_region_and_all_with_suppression_of_the_whole_round() {
    let full = three_regions();
    let narrowed = secretariat(full.clone(), Some("a")).unwrap();
    let want: Vec<PublicRow> = secretariat(full, None)
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.region == "a" || r.region == ALL)
        .collect();
    assert_eq!(narrowed.rows, want);
    // `a` stays hidden although its own cell (6) is large enough: hiding it
    // protects `c` in the full results.
    assert!(narrowed
        .rows
        .iter()
        .filter(|r| r.region == "a")
        .all(|r| r.suppressed && r.value.is_none() && r.respondents.is_none()));
    let listed: Vec<&str> = narrowed.regions.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(listed, vec!["a"]);
}

#[test]
fn narrowing_to_all_keeps_only_all() {
    let narrowed = secretariat(three_regions(), Some(ALL)).unwrap();
    assert!(!narrowed.rows.is_empty());
    assert!(narrowed.rows.iter().all(|r| r.region == ALL));
}

#[test]
fn narrowing_to_an_unknown_region_names_it_and_the_known_ones() {
    let err = secretariat(three_regions(), Some("mars")).unwrap_err();
    assert_eq!(err.status_code(), 404);
    let msg = err.to_string();
    assert!(msg.contains("`mars`") && msg.contains("a, b, c"), "{msg}");
}

#[test]
fn published_suppressed_cells_carry_neither_value_nor_count() {
    let published = secretariat(three_regions(), None).unwrap();
    for r in &published.rows {
        assert_eq!(r.suppressed, r.respondents.is_none(), "{r:?}");
        if r.suppressed {
            assert_eq!(r.value, None, "{r:?}");
        }
    }
    assert!(published.rows.iter().any(|r| r.suppressed));
}

#[test]
fn a_reviewer_sees_no_results_of_an_open_round() {
    let err = three_regions()
        .publish(Viewer::Reviewer("a"), None)
        .unwrap_err();
    assert_eq!(err.status_code(), 403);
    assert!(err.to_string().contains("once it closes"), "{err}");
}

#[test]
fn a_reviewer_sees_their_region_and_all_of_a_closed_round_only() {
    let got = closed(three_regions())
        .publish(Viewer::Reviewer("b"), None)
        .unwrap();
    let regions: std::collections::BTreeSet<&str> =
        got.rows.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(regions, [ALL, "b"].into_iter().collect());
    let err = closed(three_regions())
        .publish(Viewer::Reviewer("b"), Some("a"))
        .unwrap_err();
    assert_eq!(err.status_code(), 403);
    let err = closed(three_regions())
        .publish(Viewer::Reviewer("mars"), None)
        .unwrap_err();
    assert_eq!(err.status_code(), 403);
}

#[test]
fn a_reviewers_all_is_withheld_when_fewer_than_two_other_regions_have_respondents() {
    // `a` 9 and `b` 8 respondents, `c` none: ALL minus `a` would be `b`.
    let h = hist(&[("a", "staff", n(2.0), 9), ("b", "staff", n(3.0), 8)]);
    let res = closed(run(
        vec![ind("sum", "staff", Measure::Sum)],
        &["a", "b", "c"],
        &h,
        5,
    ));
    let secretariat_all = secretariat(res.clone(), None)
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.region == ALL)
        .unwrap();
    assert!(!secretariat_all.suppressed);
    let got = res.publish(Viewer::Reviewer("a"), None).unwrap();
    let all = got.rows.iter().find(|r| r.region == ALL).unwrap();
    assert!(
        all.suppressed && all.value.is_none() && all.respondents.is_none(),
        "{all:?}"
    );
    let own = got.rows.iter().find(|r| r.region == "a").unwrap();
    assert_eq!(
        (own.value, own.respondents, own.suppressed),
        (Some(18.0), Some(9), false)
    );
}

#[test]
fn a_reviewers_all_is_withheld_when_the_other_regions_hold_fewer_than_min_cell() {
    let h = hist(&[
        ("a", "staff", n(2.0), 9),
        ("b", "staff", n(3.0), 2),
        ("c", "staff", n(1.0), 2),
    ]);
    let res = closed(run(
        vec![ind("sum", "staff", Measure::Sum)],
        &["a", "b", "c"],
        &h,
        5,
    ));
    let got = res.clone().publish(Viewer::Reviewer("a"), None).unwrap();
    assert!(
        got.rows
            .iter()
            .find(|r| r.region == ALL)
            .unwrap()
            .suppressed
    );
    // With enough respondents elsewhere, ALL is published to the reviewer.
    let h = hist(&[
        ("a", "staff", n(2.0), 9),
        ("b", "staff", n(3.0), 6),
        ("c", "staff", n(1.0), 7),
    ]);
    let res = closed(run(
        vec![ind("sum", "staff", Measure::Sum)],
        &["a", "b", "c"],
        &h,
        5,
    ));
    let got = res.publish(Viewer::Reviewer("a"), None).unwrap();
    let all = got.rows.iter().find(|r| r.region == ALL).unwrap();
    assert_eq!((all.value, all.respondents), (Some(43.0), Some(22)));
}

#[test]
fn stored_results_of_the_old_rule_are_suppressed_again_when_read() {
    // The penetration test's round under the rule before 2026-12-02: only
    // the 3 and the 1 were hidden, and ALL published.
    let h = hist(&[
        ("a", "staff", n(25.0), 9),
        ("b", "staff", n(27.0), 8),
        ("c", "staff", n(100.0), 3),
        ("e", "staff", n(50.0), 1),
    ]);
    let mut old = run(
        vec![ind("mean", "staff", Measure::Mean)],
        &["a", "b", "c", "d", "e"],
        &h,
        0,
    );
    for r in &mut old.rows {
        if ["c", "d", "e"].contains(&r.region.as_str()) {
            r.suppressed = true;
            r.value = None;
        }
    }
    let survey = survey(vec![ind("mean", "staff", Measure::Mean)]);
    super::suppress::apply(&mut old.rows, &survey, 5, &super::Places::default());
    let hidden: Vec<(&str, bool)> = old
        .rows
        .iter()
        .filter(|r| r.part.is_none())
        .map(|r| (r.region.as_str(), r.suppressed))
        .collect();
    assert_eq!(
        hidden,
        vec![
            ("a", false),
            ("b", true),
            ("c", true),
            ("d", true),
            ("e", true),
            (ALL, false)
        ]
    );
    assert_eq!(row(&old, "mean", "b").value, None);
}

// --- rendering --------------------------------------------------------------

#[test]
fn round4_rounds_to_four_decimals_without_trailing_zeros() {
    let cases = [
        (0.0, "0"),
        (1.0, "1"),
        (12.0, "12"),
        (100.0, "100"),
        (0.5, "0.5"),
        (0.25, "0.25"),
        (0.1, "0.1"),
        (1.0 / 3.0, "0.3333"),
        (2.0 / 3.0, "0.6667"),
        (5.0 / 13.0, "0.3846"),
        (1234.56789, "1234.5679"),
        (0.99996, "1"),
        (9.99999, "10"),
        (0.00004, "0"),
        (0.00006, "0.0001"),
        (-2.5, "-2.5"),
        (-0.00001, "0"),
        (-0.0, "0"),
        (1e15, "1000000000000000"),
    ];
    for (v, want) in cases {
        assert_eq!(round4(v), want, "{v}");
    }
}

#[test]
fn csv_has_the_contract_header_and_rounded_values() {
    let h = hist(&[
        ("a", "change", c(BETTER), 1),
        ("a", "change", c(SAME), 2),
        ("b", "change", c(BETTER), 5),
        ("b", "change", c(WORSE), 1),
        ("a", "staff", n(10.0), 3),
        ("b", "staff", n(2.5), 6),
    ]);
    let indicators = vec![
        ind("better", "change", Measure::share(Test::AnyOf(BETTER))),
        ind("staff_sum", "staff", Measure::Sum),
        ind("dist", "change", Measure::Distribution),
    ];
    let csv = secretariat(run(indicators, &["b", "a"], &h, 3), None)
        .unwrap()
        .render(Format::Csv)
        .unwrap();
    let want = "\
indicator,option,region,value,respondents,suppressed
better,,a,0.3333,3,false
better,,b,0.8333,6,false
better,,ALL,0.6667,9,false
staff_sum,,a,30,3,false
staff_sum,,b,15,6,false
staff_sum,,ALL,45,9,false
dist,better,a,0.3333,3,false
dist,better,b,0.8333,6,false
dist,better,ALL,0.6667,9,false
dist,worse,a,0,3,false
dist,worse,b,0.1667,6,false
dist,worse,ALL,0.1111,9,false
dist,same,a,0.6667,3,false
dist,same,b,0,6,false
dist,same,ALL,0.2222,9,false
";
    assert_eq!(csv, want);
}

#[test]
fn csv_leaves_suppressed_and_undefined_values_empty() {
    let csv = secretariat(three_regions(), None)
        .unwrap()
        .render(Format::Csv)
        .unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "indicator,option,region,value,respondents,suppressed"
    );
    assert_eq!(
        &lines[1..5],
        [
            "better,,a,,,true",
            "better,,b,0,7,false",
            "better,,c,,,true",
            "better,,ALL,0.5333,15,false"
        ]
    );
    let empty = run(
        vec![ind("share", "change", Measure::share(Test::AnyOf(BETTER)))],
        &["a"],
        &Histogram::new(),
        0,
    )
    .publish(Viewer::Secretariat, None)
    .unwrap()
    .render(Format::Csv)
    .unwrap();
    assert_eq!(empty, "indicator,option,region,value,respondents,suppressed\nshare,,a,,0,false\nshare,,ALL,,0,false\n");
}

#[test]
fn json_carries_unrounded_values_and_the_region_counts() {
    let h = hist(&[("a", "change", c(BETTER), 1), ("a", "change", c(SAME), 2)]);
    let mut res = run(
        vec![ind("better", "change", Measure::share(Test::AnyOf(BETTER)))],
        &["a"],
        &h,
        0,
    );
    res.regions[0].submitted = 3;
    let res = secretariat(res, None).unwrap();
    let json: serde_json::Value = serde_json::from_str(&res.render(Format::Json).unwrap()).unwrap();
    assert_eq!(json["round"], "r");
    assert_eq!(json["survey"], "s");
    assert_eq!(
        json["regions"][0],
        serde_json::json!({"region": "a", "targeted": 10, "submitted": 3,
            "register": {"targeted": 10, "new": 0}})
    );
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["indicator"], "better");
    assert_eq!(rows[0]["region"], "a");
    assert_eq!(rows[0]["value"].as_f64(), Some(1.0 / 3.0));
    assert_eq!(rows[0]["respondents"], 3);
    assert_eq!(rows[0]["suppressed"], false);
    let back: Published = serde_json::from_value(json).unwrap();
    assert_eq!(back, res);
}

#[test]
fn json_gives_null_for_suppressed_values_and_counts() {
    let published = secretariat(three_regions(), None).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&published.render(Format::Json).unwrap()).unwrap();
    let first = &json["rows"][0];
    assert_eq!(
        (
            first["region"].as_str(),
            first["value"].is_null(),
            first["respondents"].is_null()
        ),
        (Some("a"), true, true)
    );
}
