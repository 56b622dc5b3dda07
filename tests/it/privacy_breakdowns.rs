//! The attacker of contract §8 on breakdowns: a reviewer reaches the
//! regions table (their row and `ALL`), their region's countries table
//! and their region's types table. They know the register (which member
//! is of which country and type), not the answers. Random members spread
//! over countries and types answer; the round closes; every cell each
//! reviewer is shown goes to an exact linear solver whose unknowns are
//! the finest cells, region × country × type (numerator and respondents
//! of each). The test fails when a hidden country or type cell with
//! respondents, or a group of hidden cells of one table holding fewer than
//! `min_cell` respondents, is determined.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use canvass::answers;
use canvass::members::{self, Member};
use canvass::results::{self, By, PublicRow, Viewer, ALL};
use canvass::rounds::{self, NewRound};

use crate::helpers::*;
use crate::privacy::{raw, survey, Echelon};

const REGIONS: [&str; 3] = ["africa", "asia", "europe"];
const COUNTRIES: [&str; 3] = ["KE", "TZ", "UG"];
const TYPES: [&str; 3] = ["", "national", "regional_network"];

/// A finest cell: region, country, type (indices), and its members'
/// answers to the filter question (0 = yes).
type Joint = (usize, usize, usize, Vec<usize>);

#[derive(Clone, Debug)]
struct Case {
    joints: Vec<Joint>,
    min_cell: u32,
}

fn case() -> impl Strategy<Value = Case> {
    let joint = (
        0..3usize,
        0..3usize,
        0..3usize,
        prop::collection::vec(0..2usize, 1..=4),
    );
    (prop::collection::vec(joint, 3..=12), 2..=5u32).prop_map(|(mut joints, min_cell)| {
        joints.sort_by_key(|j| (j.0, j.1, j.2));
        joints.dedup_by_key(|j| (j.0, j.1, j.2));
        Case { joints, min_cell }
    })
}

/// Members, their answers, the close; the stored results.
fn store(db: &TestDb, case: &Case) -> results::RoundResults {
    let mut conn = db.conn();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let mut people = Vec::new();
    for (j, (r, c, t, answers)) in case.joints.iter().enumerate() {
        for i in 0..answers.len() {
            people.push(Member {
                id: format!("m{j}x{i}"),
                name: format!("Org {j} {i}"),
                country: COUNTRIES[*c].into(),
                region: REGIONS[*r].into(),
                email: format!("m{j}x{i}@example.org"),
                language: "en".into(),
                joined: None,
                active: true,
                member_type: TYPES[*t].into(),
            });
        }
    }
    canvass::db::transaction(&mut conn, |c| members::upsert(c, &people)).unwrap();
    let survey = survey();
    let new = NewRound {
        name: "r1",
        survey: &survey,
        opens: None,
        closes: None,
        regions: &[],
    };
    let round = rounds::create(&mut conn, &new, now).unwrap();
    for (j, (_, _, _, answers)) in case.joints.iter().enumerate() {
        for (i, a) in answers.iter().enumerate() {
            let id = format!("m{j}x{i}");
            let invitation = rounds::invitation_of(&mut conn, &round, &id)
                .unwrap()
                .unwrap();
            let valid = answers::validate(&round.survey, &raw((*a, 0, None))).unwrap();
            canvass::db::transaction(&mut conn, |c| {
                answers::store_submission(c, &round.survey, &invitation, &valid, now)
            })
            .unwrap();
        }
    }
    rounds::close(&mut conn, "r1", case.min_cell, now).unwrap();
    let round = rounds::find(&mut conn, "r1").unwrap();
    results::for_round(&mut conn, &round, case.min_cell).unwrap()
}

/// The finest cells a published row adds up.
fn members_of(case: &Case, row: &PublicRow) -> Vec<usize> {
    (0..case.joints.len())
        .filter(|j| {
            let (r, c, t, _) = &case.joints[*j];
            (row.region == ALL || row.region == REGIONS[*r])
                && row.country.as_deref().is_none_or(|x| x == COUNTRIES[*c])
                && row
                    .member_type
                    .as_deref()
                    .is_none_or(|x| x == TYPES[*t] || (x == "none" && TYPES[*t].is_empty()))
        })
        .collect()
}

/// The equation of a sum of finest cells: numerators at `2j`, respondents
/// at `2j + 1`.
fn sum_row(len: usize, cells: &[usize], offset: usize) -> Vec<i128> {
    let mut row = vec![0i128; len];
    cells.iter().for_each(|j| row[2 * j + offset] = 1);
    row
}

fn attack(case: &Case, rows: &[PublicRow], who: &str) -> Result<(), TestCaseError> {
    let len = case.joints.len() * 2;
    let mut equations = Vec::new();
    for r in rows.iter().filter(|r| !r.suppressed) {
        let cells = members_of(case, r);
        equations.push(sum_row(len, &cells, 0));
        equations.push(sum_row(len, &cells, 1));
    }
    let solved = Echelon::new(equations);
    let min = case.min_cell as usize;
    for table in ["country", "type"] {
        let hidden: Vec<&PublicRow> = rows
            .iter()
            .filter(|r| r.suppressed && r.region != ALL)
            .filter(|r| {
                if table == "country" {
                    r.country.is_some()
                } else {
                    r.member_type.is_some()
                }
            })
            .collect();
        let sizes: Vec<(Vec<usize>, usize)> = hidden
            .iter()
            .map(|r| {
                let cells = members_of(case, r);
                let n = cells.iter().map(|j| case.joints[*j].3.len()).sum();
                (cells, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        for mask in 1u32..(1 << sizes.len()) {
            let group: Vec<&(Vec<usize>, usize)> = (0..sizes.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| &sizes[i])
                .collect();
            let n: usize = group.iter().map(|g| g.1).sum();
            if group.len() > 1 && n >= min {
                continue;
            }
            let cells: Vec<usize> = group.iter().flat_map(|g| g.0.iter().copied()).collect();
            for offset in [0, 1] {
                let query: Vec<usize> = cells.iter().map(|j| 2 * j + offset).collect();
                prop_assert!(
                    !solved.determines(&query, len),
                    "{who} works out a hidden {table} group of {n} ({}) in {:#?}\n{:#?}",
                    if offset == 0 {
                        "numerator"
                    } else {
                        "respondents"
                    },
                    case,
                    rows
                );
            }
        }
    }
    Ok(())
}

fn run_case(db: &TestDb, case: &Case) -> Result<(), TestCaseError> {
    let stored = store(db, case);
    for region in REGIONS.iter().filter(|r| stored.includes(r)) {
        let viewer = Viewer::Reviewer(region);
        let mut rows = Vec::new();
        for by in [By::Region, By::Country, By::Type] {
            let p = stored.clone().publish_by(viewer, None, by).unwrap();
            rows.extend(p.rows.into_iter().filter(|r| r.indicator == "yes_count"));
        }
        attack(
            case,
            &rows,
            &format!("{}: the reviewer of {region}", db.name()),
        )?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_reviewer_works_out_a_hidden_country_or_type_from_their_tables(case in case()) {
        for db in backends() {
            run_case(&db, &case)?;
        }
    }
}

/// The case the property test found first: Tanzania's members are all
/// regional networks, and no regional network is elsewhere, so the
/// published countries table would give the hidden regional networks'
/// cell away; both tables go, the region's total stays.
#[test]
fn a_country_that_holds_exactly_one_type_hides_both_tables() {
    let case = Case {
        joints: vec![
            (0, 0, 0, vec![0]),
            (0, 0, 1, vec![0]),
            (0, 1, 2, vec![0, 0]),
        ],
        min_cell: 2,
    };
    for db in backends() {
        run_case(&db, &case).unwrap();
        let stored = results::for_round(
            &mut db.conn(),
            &rounds::find(&mut db.conn(), "r1").unwrap(),
            2,
        )
        .unwrap();
        let p = stored
            .publish_by(Viewer::Reviewer("africa"), None, By::Country)
            .unwrap();
        let countries: Vec<(Option<String>, bool)> = p
            .rows
            .iter()
            .filter(|r| r.indicator == "yes_count" && r.region == "africa")
            .map(|r| (r.country.clone(), r.suppressed))
            .collect();
        assert_eq!(
            countries,
            vec![
                (Some("KE".into()), true),
                (Some("TZ".into()), true),
                (None, false)
            ],
            "{}",
            db.name()
        );
    }
}
