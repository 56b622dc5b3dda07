//! The attacker of contract §6: random regions (empty ones and lone
//! respondents among them) and random answers go into a real database on
//! every backend; the round is closed; then, for the secretariat and for
//! the reviewer of every region, everything that role's results download
//! publishes is fed to an exact linear solver together with what the
//! survey's structure tells anyone (cells add up to `ALL`, indicators of a
//! question share respondents, a distribution's options add up to its
//! respondents, a follow-up question is answered by those who chose its
//! filter answer) and, for a reviewer, their own region's true figures.
//! The test fails when any hidden region's numerator or count is
//! determined (a suppressed cell, or for a reviewer another region), or
//! the sum over a group of hidden regions holding fewer than `min_cell`
//! respondents is.

use std::collections::BTreeMap;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use canvass::answers::{self, Raw};
use canvass::members::{self, Member};
use canvass::results::{self, Published, Viewer, ALL};
use canvass::rounds::{self, NewRound};
use canvass::survey::{
    Condition, Indicator, Measure, Question, QuestionKind, Section, Survey, Test,
};

use crate::helpers::*;

const REGIONS: [&str; 5] = ["africa", "asia", "europe", "latam", "nac"];
const YES: u64 = 0b001;

// --- the survey: a filter, a follow-up on it, a number ----------------------

fn question(id: &str, kind: QuestionKind, required: bool, show_if: Option<Condition>) -> Question {
    Question {
        id: id.into(),
        required,
        show_if,
        kind,
    }
}

fn options(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

pub(crate) fn survey() -> Survey {
    let ind = |id: &str, q: &str, measure| Indicator::new(id, q, measure);
    Survey {
        id: "attack".into(),
        default_language: "en".into(),
        sections: vec![Section {
            id: "main".into(),
            questions: vec![
                question(
                    "filter",
                    QuestionKind::Single {
                        options: options(&["yes", "no", "maybe"]),
                    },
                    true,
                    None,
                ),
                question(
                    "followup",
                    QuestionKind::Single {
                        options: options(&["a", "b"]),
                    },
                    true,
                    Some(Condition::Answer {
                        question: "filter".into(),
                        test: Test::AnyOf(YES),
                    }),
                ),
                question(
                    "staff",
                    QuestionKind::Number {
                        min: Some(0.0),
                        max: Some(20.0),
                        integer: true,
                    },
                    false,
                    None,
                ),
            ],
        }],
        indicators: vec![
            ind("yes_share", "filter", Measure::share(Test::AnyOf(YES))),
            ind("yes_count", "filter", Measure::count(Test::AnyOf(YES))),
            ind("filter_dist", "filter", Measure::Distribution),
            ind("a_share", "followup", Measure::share(Test::AnyOf(YES))),
            ind("staff_mean", "staff", Measure::Mean),
            ind("staff_sum", "staff", Measure::Sum),
        ],
        texts: BTreeMap::new(),
    }
}

/// One member's answers: filter option, follow-up option, staff (if any).
type Answers = (usize, usize, Option<u32>);

#[derive(Clone, Debug)]
struct Case {
    /// Per region (by index into `REGIONS`, only the first `regions`):
    /// targeted members, and the answers of those who submitted.
    regions: Vec<(usize, Vec<Answers>)>,
    min_cell: u32,
}

fn case() -> impl Strategy<Value = Case> {
    let answers = (0..3usize, 0..2usize, prop::option::weighted(0.8, 0..=20u32));
    // Regions of 0 to 9 respondents, small ones (0, 1, 2) often.
    let region = (0..3usize, prop_oneof![2 => 0..=2usize, 3 => 0..=9usize])
        .prop_flat_map(move |(extra, n)| (Just(extra), prop::collection::vec(answers.clone(), n)));
    (prop::collection::vec(region, 2..=5), 2..=6u32).prop_map(|(regions, min_cell)| Case {
        regions: regions
            .into_iter()
            .map(|(extra, a)| (a.len() + extra, a))
            .collect(),
        min_cell,
    })
}

// --- storing the case ---------------------------------------------------------

pub(crate) fn raw((filter, followup, staff): Answers) -> Raw {
    let mut raw = Raw::new();
    raw.insert("filter".into(), vec![["yes", "no", "maybe"][filter].into()]);
    if filter == 0 {
        raw.insert("followup".into(), vec![["a", "b"][followup].into()]);
    }
    if let Some(s) = staff {
        raw.insert("staff".into(), vec![s.to_string()]);
    }
    raw
}

/// Members, the round, every submission, the close; the stored results.
fn store(db: &TestDb, case: &Case, survey: &Survey) -> results::RoundResults {
    let mut conn = db.conn();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    let mut people = Vec::new();
    for (r, (targeted, _)) in case.regions.iter().enumerate() {
        for i in 0..*targeted {
            people.push(Member {
                id: format!("{}{i}", REGIONS[r]),
                name: format!("Org {r} {i}"),
                country: "KE".into(),
                region: REGIONS[r].into(),
                email: format!("m{r}x{i}@example.org"),
                language: "en".into(),
                joined: None,
                active: true,
                member_type: String::new(),
            });
        }
    }
    canvass::db::transaction(&mut conn, |c| members::upsert(c, &people)).unwrap();
    let new = NewRound {
        name: "r1",
        survey,
        opens: None,
        closes: None,
        regions: &[],
    };
    let round = rounds::create(&mut conn, &new, now).unwrap();
    for (r, (_, submitted)) in case.regions.iter().enumerate() {
        for (i, a) in submitted.iter().enumerate() {
            let id = format!("{}{i}", REGIONS[r]);
            let invitation = rounds::invitation_of(&mut conn, &round, &id)
                .unwrap()
                .unwrap();
            let answers = answers::validate(&round.survey, &raw(*a)).unwrap();
            canvass::db::transaction(&mut conn, |c| {
                answers::store_submission(c, &round.survey, &invitation, &answers, now)
            })
            .unwrap();
        }
    }
    rounds::close(&mut conn, "r1", case.min_cell, now).unwrap();
    let round = rounds::find(&mut conn, "r1").unwrap();
    results::for_round(&mut conn, &round, case.min_cell).unwrap()
}

// --- the truth and the structure anyone knows --------------------------------

/// The tables: (indicator, option) in the order of the rows.
const TABLES: [(&str, Option<&str>); 8] = [
    ("yes_share", None),
    ("yes_count", None),
    ("filter_dist", Some("yes")),
    ("filter_dist", Some("no")),
    ("filter_dist", Some("maybe")),
    ("a_share", None),
    ("staff_mean", None),
    ("staff_sum", None),
];

/// Picks one variable of a table and column.
type Var = fn(&Vars, usize, usize) -> usize;

/// Variables: a numerator and a count per table and column (regions, ALL).
struct Vars {
    columns: Vec<String>,
}

impl Vars {
    fn len(&self) -> usize {
        TABLES.len() * self.columns.len() * 2
    }
    fn x(&self, t: usize, c: usize) -> usize {
        (t * self.columns.len() + c) * 2
    }
    fn n(&self, t: usize, c: usize) -> usize {
        self.x(t, c) + 1
    }
    fn all(&self) -> usize {
        self.columns.len() - 1
    }
}

/// True numerator and count of every table in one column (a set of members).
fn truth(answers: &[Answers]) -> [(i64, i64); 8] {
    let count = |f: &dyn Fn(&Answers) -> bool| answers.iter().filter(|a| f(a)).count() as i64;
    let n = answers.len() as i64;
    let yes = count(&|a| a.0 == 0);
    let staffed: Vec<i64> = answers.iter().filter_map(|a| a.2.map(i64::from)).collect();
    let staff = (staffed.iter().sum(), staffed.len() as i64);
    [
        (yes, n),
        (yes, n),
        (yes, n),
        (count(&|a| a.0 == 1), n),
        (count(&|a| a.0 == 2), n),
        (count(&|a| a.0 == 0 && a.1 == 0), yes),
        staff,
        staff,
    ]
}

/// Equations any reader knows from the survey, as coefficient rows.
fn structure(v: &Vars) -> Vec<Vec<i128>> {
    let mut rows = Vec::new();
    let mut eq = |terms: &[(usize, i128)]| {
        let mut row = vec![0i128; v.len()];
        for (i, c) in terms {
            row[*i] += c;
        }
        rows.push(row);
    };
    let all = v.all();
    for t in 0..TABLES.len() {
        for var in [Vars::x as Var, Vars::n] {
            let mut terms = vec![(var(v, t, all), 1)];
            terms.extend((0..all).map(|c| (var(v, t, c), -1)));
            eq(&terms);
        }
    }
    for c in 0..=all {
        // The filter's tables share respondents; so do the staff tables.
        for t in 1..5 {
            eq(&[(v.n(0, c), 1), (v.n(t, c), -1)]);
        }
        eq(&[(v.n(6, c), 1), (v.n(7, c), -1)]);
        // Same numerators: yes share, yes count, the yes option; mean and sum.
        eq(&[(v.x(0, c), 1), (v.x(1, c), -1)]);
        eq(&[(v.x(0, c), 1), (v.x(2, c), -1)]);
        eq(&[(v.x(6, c), 1), (v.x(7, c), -1)]);
        // A single question's options add up to its respondents.
        eq(&[
            (v.x(2, c), 1),
            (v.x(3, c), 1),
            (v.x(4, c), 1),
            (v.n(2, c), -1),
        ]);
        // The follow-up is answered by exactly those who chose yes.
        eq(&[(v.n(5, c), 1), (v.x(0, c), -1)]);
    }
    rows
}

// --- exact linear algebra ------------------------------------------------------

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// Rows in echelon form (integer, fraction-free); pivots by column.
pub(crate) struct Echelon {
    rows: Vec<(usize, Vec<i128>)>,
}

impl Echelon {
    pub(crate) fn new(equations: Vec<Vec<i128>>) -> Self {
        let mut e = Echelon { rows: Vec::new() };
        for row in equations {
            let reduced = e.reduce(row);
            if let Some(p) = reduced.iter().position(|c| *c != 0) {
                e.rows.push((p, reduced));
            }
        }
        e
    }

    /// `row` minus what the basis explains; all zero iff it is in the span.
    fn reduce(&self, mut row: Vec<i128>) -> Vec<i128> {
        loop {
            let mut changed = false;
            for (p, basis) in &self.rows {
                if row[*p] == 0 {
                    continue;
                }
                let (a, b) = (basis[*p], row[*p]);
                for (r, x) in row.iter_mut().zip(basis) {
                    *r = *r * a - x * b;
                }
                let g = row.iter().fold(0, |g, x| gcd(g, *x));
                if g > 1 {
                    row.iter_mut().for_each(|x| *x /= g);
                }
                changed = true;
            }
            if !changed {
                return row;
            }
        }
    }

    pub(crate) fn determines(&self, query: &[usize], len: usize) -> bool {
        let mut row = vec![0i128; len];
        query.iter().for_each(|i| row[*i] = 1);
        self.reduce(row).iter().all(|x| *x == 0)
    }
}

// --- the attack ------------------------------------------------------------------

/// What one role knows: the cells its download publishes (numerator from
/// value × respondents, and the count), and a reviewer's own region.
fn known(v: &Vars, published: &Published, own: Option<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    for (t, (ind, opt)) in TABLES.iter().enumerate() {
        for row in published
            .rows
            .iter()
            .filter(|r| r.indicator == *ind && r.option.as_deref() == *opt)
        {
            let c = v.columns.iter().position(|col| *col == row.region).unwrap();
            assert_eq!(row.suppressed, row.respondents.is_none(), "{row:?}");
            assert!(!row.suppressed || row.value.is_none(), "{row:?}");
            if !row.suppressed {
                out.extend([v.x(t, c), v.n(t, c)]);
            }
        }
        if let Some(c) = own {
            out.extend([v.x(t, c), v.n(t, c)]);
        }
    }
    out
}

fn subsets(items: &[usize]) -> impl Iterator<Item = Vec<usize>> + '_ {
    (1u32..(1 << items.len())).map(move |mask| {
        (0..items.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| items[i])
            .collect()
    })
}

fn attack(
    case: &Case,
    v: &Vars,
    truths: &[[(i64, i64); 8]],
    published: &Published,
    own: Option<usize>,
    who: &str,
) -> Result<(), TestCaseError> {
    let mut equations = structure(v);
    for k in known(v, published, own) {
        let mut row = vec![0i128; v.len()];
        row[k] = 1;
        equations.push(row);
    }
    let solved = Echelon::new(equations);
    let min = i64::from(case.min_cell);
    for t in 0..TABLES.len() {
        let secret: Vec<usize> = (0..v.columns.len())
            .filter(|c| Some(*c) != own)
            .filter(|c| !published_cell(published, t, &v.columns[*c]))
            .collect();
        // Groups of regions (`ALL` is the reader's own region plus the
        // group of all others, so it needs no check of its own).
        let regions: Vec<usize> = secret.iter().copied().filter(|c| *c != v.all()).collect();
        for group in subsets(&regions) {
            let respondents: i64 = group.iter().map(|c| truths[*c][t].1).sum();
            // One region's figure, or a group under the threshold.
            let small = respondents < min || group.len() == 1;
            if respondents == 0 || !small {
                continue;
            }
            // A group's count may equal a published numerator of a larger
            // group, so counts are secrets of single regions, numerators of
            // groups. A follow-up's count is its filter's numerator (checked
            // in the filter's tables), not a secret of its own.
            let vars: &[(&str, Var)] = if group.len() == 1 && TABLES[t].0 != "a_share" {
                &[("numerator", Vars::x), ("count", Vars::n)]
            } else {
                &[("numerator", Vars::x)]
            };
            for (what, var) in vars {
                let query: Vec<usize> = group.iter().map(|c| var(v, t, *c)).collect();
                let cells: Vec<&String> = group.iter().map(|c| &v.columns[*c]).collect();
                prop_assert!(
                    !solved.determines(&query, v.len()),
                    "{} can work out the {} of {:?} in {:?} ({} respondents, min_cell {}):\n{:#?}\n{:#?}",
                    who, what, cells, TABLES[t], respondents, case.min_cell, case, published.rows
                );
            }
        }
    }
    Ok(())
}

fn published_cell(p: &Published, t: usize, column: &str) -> bool {
    let (ind, opt) = TABLES[t];
    p.rows.iter().any(|r| {
        r.indicator == ind && r.option.as_deref() == opt && r.region == column && !r.suppressed
    })
}

fn run_case(db: &TestDb, case: &Case) -> Result<(), TestCaseError> {
    let survey = survey();
    let stored = store(db, case, &survey);
    let mut columns: Vec<String> = case
        .regions
        .iter()
        .enumerate()
        .filter(|(_, (targeted, _))| *targeted > 0)
        .map(|(r, _)| REGIONS[r].to_string())
        .collect();
    columns.push(ALL.into());
    let v = Vars { columns };
    let mut truths: Vec<[(i64, i64); 8]> = Vec::new();
    for col in &v.columns[..v.all()] {
        let r = REGIONS.iter().position(|x| x == col).unwrap();
        truths.push(truth(&case.regions[r].1));
    }
    let everyone: Vec<Answers> = case.regions.iter().flat_map(|(_, a)| a.clone()).collect();
    truths.push(truth(&everyone));
    let secretariat = stored.clone().publish(Viewer::Secretariat, None).unwrap();
    attack(
        case,
        &v,
        &truths,
        &secretariat,
        None,
        &format!("{}: the secretariat", db.name()),
    )?;
    for (c, region) in v.columns[..v.all()].iter().enumerate() {
        let view = stored
            .clone()
            .publish(Viewer::Reviewer(region), None)
            .unwrap();
        attack(
            case,
            &v,
            &truths,
            &view,
            Some(c),
            &format!("{}: the reviewer of {region}", db.name()),
        )?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, max_shrink_iters: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_role_can_work_out_a_suppressed_cell_from_what_it_is_shown(case in case()) {
        for db in backends() {
            run_case(&db, &case)?;
        }
    }
}

/// The solver finds what the rule before 2026-12-02 gave away: regions of
/// 9, 8, 3, 0 and 1 respondents with only the 3, the 0 and the 1 hidden.
#[test]
fn the_attacker_recovers_the_hidden_regions_of_the_old_rule() {
    let case = Case {
        regions: [9, 8, 3, 0, 1]
            .into_iter()
            .map(|n| {
                (
                    n.max(1),
                    (0..n).map(|i| (i % 3, 0, Some(i as u32))).collect(),
                )
            })
            .collect(),
        min_cell: 5,
    };
    let db = TestDb::sqlite();
    let stored = store(&db, &case, &survey());
    let mut old = stored.publish(Viewer::Secretariat, None).unwrap();
    // Publish as the old rule did: everything but the three small regions.
    let truths = truth(&case.regions[0].1);
    for r in &mut old.rows {
        let small = ["europe", "latam", "nac"].contains(&r.region.as_str());
        r.suppressed = small;
        if !small {
            r.respondents = Some(1);
            r.value = Some(0.0);
        } else {
            r.value = None;
            r.respondents = None;
        }
    }
    let v = Vars {
        columns: REGIONS
            .iter()
            .map(|s| s.to_string())
            .chain([ALL.to_string()])
            .collect(),
    };
    let mut all_truths: Vec<[(i64, i64); 8]> = case.regions.iter().map(|(_, a)| truth(a)).collect();
    let everyone: Vec<Answers> = case.regions.iter().flat_map(|(_, a)| a.clone()).collect();
    all_truths.push(truth(&everyone));
    assert_eq!(truths[0].1, 9);
    let found = attack(&case, &v, &all_truths, &old, None, "old rule");
    assert!(found.is_err(), "the solver missed the leak of the old rule");
}
