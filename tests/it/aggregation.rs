//! Indicator results against a naive model: random small surveys, members
//! and answers go into a real database through the public API, and every
//! row of `results::compute_live` is compared with a computation written
//! straight from the contract (§3 measures, §6 rows and suppression), on
//! every backend; members spread over countries and types, and every
//! breakdown cell of §8 (each region's countries and types, the
//! network-wide types) is checked for its respondents and value, and for
//! the rule's first steps (small cells and cells of a hidden total hidden).
//! Indicators get §8's `exclude`, `where` (plain, negated, `answered`) and
//! `denominator = "respondents"`; where they do, suppression shared across
//! indicators is beyond the naive rule, so only small cells hidden,
//! respondents and published values are checked.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use canvass::answers::{self, Raw};
use canvass::members::{self, Member};
use canvass::output::Format;
use canvass::results::{self, Part, RoundResults, ALL};
use canvass::rounds::{self, NewRound};
use canvass::survey::{
    Condition, Denominator, Indicator, Matcher, Measure, Question, QuestionKind, Section, Survey,
    Test,
};

use crate::helpers::*;

const OPTION_NAMES: [&str; 4] = ["yes", "no", "maybe", "other"];
const REGION_NAMES: [&str; 4] = ["west", "east", "north_2", "central"];
/// Not in alphabetical order, so row order must come from the survey.
const INDICATOR_IDS: [&str; 4] = ["zeta", "alpha", "mid", "beta"];
const MAX_MEMBERS: usize = 20;

/// One generated round: the survey, its members and their submissions.
#[derive(Clone, Debug)]
struct Case {
    survey: Survey,
    members: Vec<Member>,
    /// Per member, the raw answers of each submission; the last one counts.
    submissions: Vec<Vec<Raw>>,
    min_cell: u32,
}

// --- generation ---------------------------------------------------------------

fn kind() -> impl Strategy<Value = QuestionKind> {
    fn options(n: usize) -> Vec<String> {
        OPTION_NAMES[..n].iter().map(|s| s.to_string()).collect()
    }
    prop_oneof![
        (1..=4usize).prop_map(|n| QuestionKind::Single {
            options: options(n)
        }),
        (1..=4usize).prop_map(|n| QuestionKind::Multi {
            options: options(n)
        }),
        (
            prop::option::of(-20i32..=0),
            prop::option::of(5i32..=40),
            any::<bool>()
        )
            .prop_map(|(min, max, integer)| {
                QuestionKind::Number {
                    min: min.map(f64::from),
                    max: max.map(f64::from),
                    integer,
                }
            }),
        (0i64..=2, 1i64..=4).prop_map(|(min, span)| QuestionKind::Scale {
            min,
            max: min + span
        }),
    ]
}

/// The range of a numeric question's answers, in tenths.
fn tenths(kind: &QuestionKind) -> (i64, i64) {
    match kind {
        // The bounds are whole numbers (see `kind`), so these casts are exact.
        QuestionKind::Number { min, max, .. } => (
            min.unwrap_or(-30.0) as i64 * 10,
            max.unwrap_or(50.0) as i64 * 10,
        ),
        QuestionKind::Scale { min, max } => (min * 10, max * 10),
        _ => (0, 0),
    }
}

fn pick(seed: u64, lo: i64, hi: i64) -> i64 {
    lo + (seed % (hi - lo + 1) as u64) as i64
}

/// What a respondent types for a question, derived from a random seed; a
/// multi question may get no option at all (not answered).
fn answer_strings(kind: &QuestionKind, seed: u64) -> Vec<String> {
    match kind {
        QuestionKind::Single { options } => {
            vec![options[(seed % options.len() as u64) as usize].clone()]
        }
        QuestionKind::Multi { options } => {
            let mask = seed % (1 << options.len());
            options
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, o)| o.clone())
                .collect()
        }
        QuestionKind::Number { integer, .. } => {
            let (lo, hi) = tenths(kind);
            let t = pick(seed, lo, hi);
            vec![if *integer {
                (t.div_euclid(10)).to_string()
            } else {
                format!("{:.1}", t as f64 / 10.0)
            }]
        }
        QuestionKind::Scale { min, max } => vec![pick(seed, *min, *max).to_string()],
        QuestionKind::Text { .. } | QuestionKind::Note => vec![],
    }
}

/// A test that fits the question: a non-empty option mask, or bounds
/// (min, max or both) within and around its answers.
fn test_for(kind: &QuestionKind, a: u64, b: u64) -> Test {
    if kind.is_choice() {
        let n = kind.options().len();
        return Test::AnyOf(1 + a % ((1 << n) - 1));
    }
    let (lo, hi) = tenths(kind);
    let (x, y) = (pick(a, lo - 5, hi + 5), pick(b, lo - 5, hi + 5));
    let (x, y) = (x.min(y) as f64 / 10.0, x.max(y) as f64 / 10.0);
    match (a >> 32) % 3 {
        0 => Test::Range {
            min: Some(x),
            max: None,
        },
        1 => Test::Range {
            min: None,
            max: Some(y),
        },
        _ => Test::Range {
            min: Some(x),
            max: Some(y),
        },
    }
}

fn indicator(k: usize, kinds: &[QuestionKind], (q, m, a, b): IndicatorSeeds) -> Indicator {
    let qi = (q % kinds.len() as u64) as usize;
    let kind = &kinds[qi];
    let measure = if kind.is_choice() {
        match m % 3 {
            0 => Measure::share(test_for(kind, a, b)),
            1 => Measure::count(test_for(kind, a, b)),
            _ => Measure::Distribution,
        }
    } else {
        match m % 4 {
            0 => Measure::share(test_for(kind, a, b)),
            1 => Measure::count(test_for(kind, a, b)),
            2 => Measure::Mean,
            _ => Measure::Sum,
        }
    };
    let mut ind = Indicator::new(INDICATOR_IDS[k], &format!("q{qi}"), measure);
    let x = a ^ b.rotate_left(17) ^ m.rotate_left(5);
    let n = kind.options().len();
    // §8's fields: an excluded option, a `where` on another question
    // (sometimes negated or `answered`), the `respondents` denominator.
    if kind.is_choice() && n >= 2 && x % 3 == 0 {
        ind.exclude = 1 << (n - 1);
        if let Measure::Share(Matcher::Test(Test::AnyOf(mask)))
        | Measure::Count(Matcher::Test(Test::AnyOf(mask))) = &mut ind.measure
        {
            *mask &= !ind.exclude;
            if *mask == 0 {
                *mask = 1;
            }
        }
    }
    if kinds.len() > 1 && (x >> 8) % 3 == 0 {
        let j = (qi + 1 + ((x >> 16) as usize % (kinds.len() - 1))) % kinds.len();
        let test = if (x >> 40) % 4 == 0 {
            Test::Answered
        } else {
            test_for(&kinds[j], x >> 3, b)
        };
        let cond = Condition::Answer {
            question: format!("q{j}"),
            test,
        };
        ind.population = Some(if (x >> 24) % 3 == 0 {
            Condition::Not {
                not: Box::new(cond),
            }
        } else {
            cond
        });
    }
    let counts = matches!(ind.measure, Measure::Share(_) | Measure::Count(_));
    if counts && (x >> 32) % 3 == 0 {
        ind.denominator = Denominator::Respondents;
    }
    ind
}

type Seeds = (u64, u64, u64);
/// Question, measure and two test seeds.
type IndicatorSeeds = (u64, u64, u64, u64);
/// A member: region seed, turnout gate, the answer seeds of each submission.
type Person = (usize, u8, Vec<Vec<Option<u64>>>);
/// How many regions, the members, and the percent of each region's members
/// who submit.
type People = (usize, Vec<Person>, Vec<u8>);

/// Questions `q0…`, each with an optional `show_if` on an earlier one, and
/// the indicators.
fn survey_of(
    kinds: &[QuestionKind],
    show_ifs: &[Option<Seeds>],
    inds: Vec<IndicatorSeeds>,
) -> Survey {
    let questions: Vec<Question> = kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let show_if = show_ifs[i].filter(|_| i > 0).map(|(t, a, b)| {
                let j = (t % i as u64) as usize;
                Condition::Answer {
                    question: format!("q{j}"),
                    test: test_for(&kinds[j], a, b),
                }
            });
            Question {
                id: format!("q{i}"),
                required: false,
                show_if,
                kind: kind.clone(),
            }
        })
        .collect();
    Survey {
        id: "prop".into(),
        default_language: "en".into(),
        sections: vec![Section {
            id: "main".into(),
            questions,
        }],
        indicators: inds
            .into_iter()
            .enumerate()
            .map(|(k, seeds)| indicator(k, kinds, seeds))
            .collect(),
        texts: BTreeMap::new(),
    }
}

fn member(i: usize, region: &str) -> Member {
    Member {
        id: format!("m{i:02}"),
        name: format!("Org {i}"),
        // Countries and types cut across regions and across each other.
        country: ["KE", "UG", "TZ"][i % 3].into(),
        region: region.into(),
        email: format!("m{i}@example.org"),
        language: "en".into(),
        joined: None,
        active: true,
        member_type: ["national", "", "network"][(i / 2) % 3].into(),
    }
}

/// The form of one submission: a field for each question with a seed.
fn raw_of(kinds: &[QuestionKind], seeds: &[Option<u64>]) -> Raw {
    let mut raw = Raw::new();
    for (i, (kind, seed)) in kinds.iter().zip(seeds).enumerate() {
        if let Some(seed) = seed {
            raw.insert(format!("q{i}"), answer_strings(kind, *seed));
        }
    }
    raw
}

fn build(
    kinds: Vec<QuestionKind>,
    show_ifs: Vec<Option<Seeds>>,
    inds: Vec<IndicatorSeeds>,
    people: People,
    min_cell: Option<u32>,
) -> Case {
    let (regions, people, turnouts) = people;
    let mut case = Case {
        survey: survey_of(&kinds, &show_ifs, inds),
        members: Vec::new(),
        submissions: Vec::new(),
        min_cell: 0,
    };
    for (i, (r, gate, subs)) in people.into_iter().enumerate() {
        case.members.push(member(i, REGION_NAMES[r % regions]));
        // A member whose gate is not under its region's turnout never submits.
        let subs = if gate < turnouts[r % regions] {
            subs
        } else {
            Vec::new()
        };
        case.submissions
            .push(subs.iter().map(|seeds| raw_of(&kinds, seeds)).collect());
    }
    // Without a given one, min_cell lies just above the smallest region of
    // the first indicator, so that region (and any tied with it) is hidden:
    // the case where the rule must hide one more.
    case.min_cell = min_cell.unwrap_or_else(|| {
        let cells = naive(&case);
        let first = cells
            .iter()
            .filter(|r| r.indicator == INDICATOR_IDS[0] && r.region != ALL);
        u32::try_from(first.map(|r| r.respondents).min().unwrap_or(0)).unwrap() + 1
    });
    case
}

fn case() -> impl Strategy<Value = Case> {
    let seeds = prop::collection::vec(prop::option::weighted(0.85, any::<u64>()), 4);
    let person = (0..4usize, 0..100u8, prop::collection::vec(seeds, 1..=2));
    let people = (
        prop_oneof![1 => 1..=2usize, 3 => 3..=4usize],
        prop::collection::vec(person, 1..=MAX_MEMBERS),
        // Percent of members who submit, per region; often none at all.
        prop::collection::vec(prop_oneof![1 => Just(0u8), 3 => 0..=100u8], 4),
    );
    (
        prop::collection::vec(kind(), 1..=4),
        prop::collection::vec(prop::option::weighted(0.4, any::<Seeds>()), 4),
        prop::collection::vec(any::<IndicatorSeeds>(), 1..=4),
        people,
        // 0 shows the values of empty cells; `None` aims at the rule.
        prop_oneof![2 => Just(Some(0u32)), 1 => (1u32..=5).prop_map(Some), 3 => Just(None)],
    )
        .prop_map(|(kinds, show_ifs, inds, people, min_cell)| {
            build(kinds, show_ifs, inds, people, min_cell)
        })
}

// --- the naive model, from the contract ---------------------------------------

#[derive(Clone, Copy, Debug)]
enum Answer {
    Choice(u64),
    Number(f64),
}

fn holds(test: &Test, answer: Answer) -> bool {
    match (test, answer) {
        (Test::Answered, _) => true,
        (Test::AnyOf(mask), Answer::Choice(chosen)) => mask & chosen != 0,
        (Test::Range { min, max }, Answer::Number(x)) => {
            min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m)
        }
        _ => false,
    }
}

/// The answers a submission counts for: a question is answered when it is
/// shown and has a value (§3); a hidden question's answer is dropped.
fn answered(survey: &Survey, raw: &Raw) -> BTreeMap<String, Answer> {
    let mut out = BTreeMap::new();
    for q in survey.questions() {
        let typed: Vec<&String> = raw
            .get(&q.id)
            .map(|v| v.iter().filter(|s| !s.trim().is_empty()).collect())
            .unwrap_or_default();
        let shown = q.show_if.as_ref().is_none_or(|c| match c {
            Condition::Answer { question, test } => {
                out.get(question).is_some_and(|a| holds(test, *a))
            }
            _ => panic!("the generated surveys use single-answer conditions"),
        });
        if !shown || typed.is_empty() {
            continue;
        }
        let answer = if q.kind.is_choice() {
            let mask = typed
                .iter()
                .map(|t| 1u64 << q.kind.options().iter().position(|o| o == *t).unwrap())
                .fold(0, |m, b| m | b);
            Answer::Choice(mask)
        } else {
            Answer::Number(typed[0].parse().unwrap())
        };
        out.insert(q.id.clone(), answer);
    }
    out
}

#[derive(Debug)]
struct Expected {
    indicator: String,
    option: Option<String>,
    region: String,
    value: Option<f64>,
    /// The value before suppression.
    raw: Option<f64>,
    /// The size of the terms summed, for the tolerance of sums and means.
    scale: f64,
    respondents: u64,
    suppressed: bool,
}

/// §6 as revised: below `min_cell`; then, while the hidden regions that
/// have respondents are exactly one or hold fewer than `min_cell` together,
/// also the published region with respondents that has the fewest (then the
/// first id); everything when `ALL` is hidden. The last entry is `ALL`.
fn naive_suppression(cells: &[(&str, u64)], min_cell: u64) -> Vec<bool> {
    let mut hidden: Vec<bool> = cells.iter().map(|(_, n)| *n < min_cell).collect();
    let total: u64 = cells.iter().map(|(_, n)| n).sum();
    let mut all_hidden = total < min_cell;
    loop {
        let covered: Vec<u64> = (0..cells.len())
            .filter(|i| hidden[*i] && cells[*i].1 > 0)
            .map(|i| cells[i].1)
            .collect();
        let sum: u64 = covered.iter().sum();
        if covered.is_empty() || (covered.len() >= 2 && sum >= min_cell) {
            break;
        }
        let mut others: Vec<(u64, &str, usize)> = cells
            .iter()
            .enumerate()
            .filter(|(i, (_, n))| !hidden[*i] && *n > 0)
            .map(|(i, (r, n))| (*n, *r, i))
            .collect();
        others.sort();
        match others.first() {
            Some((_, _, i)) => hidden[*i] = true,
            None => {
                all_hidden = true;
                break;
            }
        }
    }
    if all_hidden {
        hidden.iter_mut().for_each(|h| *h = true);
    }
    hidden.push(all_hidden);
    hidden
}

/// `(value, scale)` of one cell, from the answers of its respondents.
fn naive_value(
    measure: &Measure,
    option: Option<usize>,
    answers: &[Answer],
    population: usize,
) -> (Option<f64>, f64) {
    let n = population as f64;
    let count = |f: &dyn Fn(Answer) -> bool| answers.iter().filter(|a| f(**a)).count() as f64;
    let numbers: Vec<f64> = answers
        .iter()
        .filter_map(|a| {
            if let Answer::Number(x) = a {
                Some(*x)
            } else {
                None
            }
        })
        .collect();
    let sum: f64 = numbers.iter().sum();
    let magnitude: f64 = numbers.iter().map(|x| x.abs()).sum();
    let per = |x: f64| (population > 0).then(|| x / n);
    match measure {
        Measure::Share(Matcher::Test(t)) => (per(count(&|a| holds(t, a))), 0.0),
        Measure::Count(Matcher::Test(t)) => (Some(count(&|a| holds(t, a))), 0.0),
        Measure::Sum => (Some(sum), magnitude),
        Measure::Mean => (per(sum), per(magnitude).unwrap_or(0.0)),
        Measure::Share(Matcher::Match { .. })
        | Measure::Count(Matcher::Match { .. })
        | Measure::Index(_) => panic!("the generated surveys use no composites"),
        Measure::Distribution => {
            let bit = 1u64 << option.unwrap();
            (
                per(count(&|a| matches!(a, Answer::Choice(c) if c & bit != 0))),
                0.0,
            )
        }
    }
}

fn eval(c: &Condition, answers: &BTreeMap<String, Answer>) -> bool {
    match c {
        Condition::Answer { question, test } => {
            answers.get(question).is_some_and(|a| holds(test, *a))
        }
        Condition::Not { not } => !eval(not, answers),
        _ => panic!("the generated surveys use single and negated conditions"),
    }
}

/// A cell's answers of the indicator's question that count (answered, in
/// the population, not wholly excluded), and the size of its denominator
/// in responses.
fn cell_answers<'a>(
    ind: &Indicator,
    sheets: impl Iterator<Item = &'a BTreeMap<String, Answer>>,
) -> (Vec<Answer>, usize) {
    let population: Vec<&BTreeMap<String, Answer>> = sheets
        .filter(|a| ind.population.as_ref().is_none_or(|c| eval(c, a)))
        .collect();
    let answers: Vec<Answer> = population
        .iter()
        .filter_map(|a| a.get(ind.question.as_deref().unwrap()).copied())
        .filter(|a| !matches!(a, Answer::Choice(c) if c & !ind.exclude == 0))
        .collect();
    let n = match ind.denominator {
        Denominator::Respondents => population.len(),
        _ => answers.len(),
    };
    (answers, n)
}

/// The options of a distribution's rows: all but the excluded ones.
fn shown_options(case: &Case, ind: &Indicator) -> Vec<Option<usize>> {
    match ind.measure {
        Measure::Distribution => {
            let q = case
                .survey
                .question(ind.question.as_deref().unwrap())
                .unwrap();
            (0..q.kind.options().len())
                .filter(|i| ind.exclude & (1 << i) == 0)
                .map(Some)
                .collect()
        }
        _ => vec![None],
    }
}

/// Each member's counted answers (of their last submission), if any.
fn last_answers(case: &Case) -> Vec<Option<BTreeMap<String, Answer>>> {
    case.submissions
        .iter()
        .map(|subs| subs.last().map(|raw| answered(&case.survey, raw)))
        .collect()
}

fn naive(case: &Case) -> Vec<Expected> {
    let last: Vec<Option<BTreeMap<String, Answer>>> = case
        .submissions
        .iter()
        .map(|subs| subs.last().map(|raw| answered(&case.survey, raw)))
        .collect();
    let regions: BTreeSet<&str> = case.members.iter().map(|m| m.region.as_str()).collect();
    let mut columns: Vec<&str> = regions.into_iter().collect();
    columns.push(ALL);
    let mut rows = Vec::new();
    for ind in &case.survey.indicators {
        let cell: Vec<(Vec<Answer>, usize)> = columns
            .iter()
            .map(|col| {
                let sheets = case
                    .members
                    .iter()
                    .zip(&last)
                    .filter(|(m, _)| *col == ALL || m.region == *col)
                    .filter_map(|(_, a)| a.as_ref());
                cell_answers(ind, sheets)
            })
            .collect();
        let sizes: Vec<(&str, u64)> = columns
            .iter()
            .zip(&cell)
            .map(|(c, (_, n))| (*c, *n as u64))
            .collect();
        let hidden = naive_suppression(&sizes[..sizes.len() - 1], u64::from(case.min_cell));
        for opt in shown_options(case, ind) {
            for ((col, (answers, n)), hide) in columns.iter().zip(&cell).zip(&hidden) {
                let (value, scale) = naive_value(&ind.measure, opt, answers, *n);
                rows.push(Expected {
                    indicator: ind.id.clone(),
                    option: opt.map(|i| {
                        case.survey
                            .question(ind.question.as_deref().unwrap())
                            .unwrap()
                            .kind
                            .options()[i]
                            .clone()
                    }),
                    region: col.to_string(),
                    raw: value,
                    value: if *hide { None } else { value },
                    scale,
                    respondents: *n as u64,
                    suppressed: *hide,
                });
            }
        }
    }
    rows
}

// --- the real thing ---------------------------------------------------------------

/// Members, a round and every submission stored through the public API;
/// the live results of the round.
fn store_and_compute(db: &TestDb, case: &Case) -> RoundResults {
    let mut conn = db.conn();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
        .unwrap()
        .and_hms_opt(12, 0, 0)
        .unwrap();
    canvass::db::transaction(&mut conn, |c| members::upsert(c, &case.members)).unwrap();
    let new = NewRound {
        name: "r2026",
        survey: &case.survey,
        opens: None,
        closes: None,
        regions: &[],
    };
    let round = rounds::create(&mut conn, &new, now).unwrap();
    for (m, subs) in case.members.iter().zip(&case.submissions) {
        let invitation = rounds::invitation_of(&mut conn, &round, &m.id)
            .unwrap()
            .unwrap();
        for raw in subs {
            let answers = answers::validate(&round.survey, raw).unwrap();
            canvass::db::transaction(&mut conn, |c| {
                answers::store_submission(c, &round.survey, &invitation, &answers, now)
            })
            .unwrap();
        }
    }
    results::compute_live(&mut conn, &round, case.min_cell).unwrap()
}

fn close_enough(actual: Option<f64>, expected: Option<f64>, scale: f64) -> bool {
    match (actual, expected) {
        (None, None) => true,
        (Some(a), Some(e)) => (a - e).abs() <= 1e-9 * e.abs().max(scale),
        _ => false,
    }
}

/// The members of a breakdown row's cell: its region (all for `ALL`) and
/// its country or type.
fn in_part(m: &Member, region: &str, part: &Part) -> bool {
    (region == ALL || m.region == region)
        && match part {
            Part::Country(c) => m.country == *c,
            Part::Type(t) => m.member_type == *t,
        }
}

/// The breakdown rows (§8): one per country and type present in each
/// region and per type network-wide; each cell's respondents and value
/// as the naive model counts them; a cell under `min_cell` is hidden, and
/// so is every cell whose total is.
fn check_parts(db: &TestDb, case: &Case, res: &RoundResults) -> Result<(), TestCaseError> {
    let backend = db.name();
    let last = last_answers(case);
    let parts: Vec<&results::ResultRow> = res.rows.iter().filter(|r| r.part.is_some()).collect();
    let mut want = 0;
    let regions: BTreeSet<&str> = case.members.iter().map(|m| m.region.as_str()).collect();
    for region in regions {
        let of = |f: &dyn Fn(&Member) -> String| -> usize {
            let here = case.members.iter().filter(|m| m.region == region);
            here.map(f).collect::<BTreeSet<_>>().len()
        };
        want += of(&|m| m.country.clone()) + of(&|m| m.member_type.clone());
    }
    want += case
        .members
        .iter()
        .map(|m| &m.member_type)
        .collect::<BTreeSet<_>>()
        .len();
    let per_indicator: usize = case
        .survey
        .indicators
        .iter()
        .map(|ind| shown_options(case, ind).len())
        .sum();
    prop_assert_eq!(
        parts.len(),
        want * per_indicator,
        "{}: breakdown rows",
        backend
    );
    for row in parts {
        let part = row.part.as_ref().unwrap();
        let ind = case
            .survey
            .indicators
            .iter()
            .find(|i| i.id == row.indicator)
            .unwrap();
        let q = ind.question.as_deref().unwrap();
        let options = case.survey.question(q).unwrap().kind.options();
        let opt = row
            .option
            .as_ref()
            .map(|o| options.iter().position(|x| x == o).unwrap());
        let sheets = case
            .members
            .iter()
            .zip(&last)
            .filter(|(m, _)| in_part(m, &row.region, part))
            .filter_map(|(_, a)| a.as_ref());
        let (answers, n) = cell_answers(ind, sheets);
        let (value, scale) = naive_value(&ind.measure, opt, &answers, n);
        prop_assert_eq!(row.respondents, n as u64, "{}: {:?}", backend, row);
        if row.suppressed {
            prop_assert!(row.value.is_none(), "{}: {:?}", backend, row);
        } else {
            prop_assert!(
                close_enough(row.value, value, scale),
                "{}: {:?}, expected {:?}",
                backend,
                row,
                value
            );
            prop_assert!(
                row.respondents >= u64::from(case.min_cell),
                "{}: {:?}",
                backend,
                row
            );
            let total = res
                .rows
                .iter()
                .find(|t| {
                    t.part.is_none()
                        && (&t.indicator, &t.option, &t.region)
                            == (&row.indicator, &row.option, &row.region)
                })
                .unwrap();
            prop_assert!(
                !total.suppressed,
                "{}: {:?} under {:?}",
                backend,
                row,
                total
            );
        }
    }
    Ok(())
}

/// Whether indicators that read a common question can count different
/// respondents in one cell (through `where`, `exclude` or a denominator
/// other than `answered`), so that suppression shared across them (§8)
/// hides more than the naive rule per indicator models.
fn shares_through_where(case: &Case) -> bool {
    case.survey.indicators.iter().any(|i| {
        i.population.is_some()
            || i.exclude != 0
            || i.denominator != canvass::survey::Denominator::Answered
    })
}

fn check(db: &TestDb, case: &Case, res: &RoundResults) -> Result<(), TestCaseError> {
    check_parts(db, case, res)?;
    let want = naive(case);
    let backend = db.name();
    // The regions table (breakdown rows are checked on their own).
    let rows: Vec<_> = res.rows.iter().filter(|r| r.part.is_none()).collect();
    prop_assert_eq!(
        rows.len(),
        want.len(),
        "{}: rows {:#?}\nexpected {:#?}",
        backend,
        rows,
        want
    );
    for (got, exp) in rows.into_iter().zip(&want) {
        let same_cell = (&got.indicator, &got.option, &got.region)
            == (&exp.indicator, &exp.option, &exp.region);
        prop_assert!(
            same_cell,
            "{}: row {:?} where {:?} was expected",
            backend,
            got,
            exp
        );
        if shares_through_where(case) {
            // Sharing across indicators (§8) hides more than the naive
            // rule per indicator: check what holds whatever it hides.
            prop_assert_eq!(got.respondents, exp.respondents, "{}: {:?}", backend, got);
            let small = got.respondents < u64::from(case.min_cell);
            prop_assert!(got.suppressed || !small, "{}: {:?}", backend, got);
            let want = if got.suppressed { None } else { exp.raw };
            prop_assert!(
                close_enough(got.value, want, exp.scale),
                "{}: value of {:?}, expected {:?}",
                backend,
                got,
                exp
            );
            continue;
        }
        prop_assert_eq!(
            (got.respondents, got.suppressed),
            (exp.respondents, exp.suppressed),
            "{}: {:?} vs {:?}",
            backend,
            got,
            exp
        );
        prop_assert!(
            close_enough(got.value, exp.value, exp.scale),
            "{}: value of {:?}, expected {:?}",
            backend,
            got,
            exp
        );
    }
    for r in &res.regions {
        let targeted = case.members.iter().filter(|m| m.region == r.region).count() as u64;
        let submitted = case
            .members
            .iter()
            .zip(&case.submissions)
            .filter(|(m, s)| m.region == r.region && !s.is_empty())
            .count() as u64;
        prop_assert_eq!(
            (r.targeted, r.submitted),
            (targeted, submitted),
            "{}: region {}",
            backend,
            &r.region
        );
    }
    Ok(())
}

/// The CSV says what the rows say, each value rounded to at most 4
/// decimals without trailing zeros.
fn check_csv(csv: &str, case: &Case) -> Result<(), TestCaseError> {
    let want = naive(case);
    let mut lines = csv.lines();
    prop_assert_eq!(
        lines.next(),
        Some("indicator,option,region,value,respondents,suppressed")
    );
    let lines: Vec<&str> = lines.collect();
    prop_assert_eq!(lines.len(), want.len(), "{}", csv);
    for (line, exp) in lines.iter().zip(&want) {
        let f: Vec<&str> = line.split(',').collect();
        let option = exp.option.as_deref().unwrap_or("");
        // A suppressed cell publishes no count (§6).
        let respondents = if exp.suppressed {
            String::new()
        } else {
            exp.respondents.to_string()
        };
        let suppressed = exp.suppressed.to_string();
        let fixed = [
            exp.indicator.as_str(),
            option,
            &exp.region,
            &respondents,
            &suppressed,
        ];
        prop_assert_eq!([f[0], f[1], f[2], f[4], f[5]], fixed, "{}", line);
        match exp.value {
            None => prop_assert_eq!(f[3], "", "{}", line),
            Some(e) => {
                let v: f64 = f[3].parse().unwrap();
                let tolerance = 0.5e-4 + 1e-9 * e.abs().max(exp.scale);
                prop_assert!((v - e).abs() <= tolerance, "{} for {:?}", line, exp);
                let decimals = f[3].split_once('.').map_or("", |(_, d)| d);
                let tidy = decimals.len() <= 4 && !decimals.ends_with('0') && !f[3].ends_with('.');
                prop_assert!(tidy && f[3] != "-0", "{}", line);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, max_shrink_iters: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn live_results_match_a_naive_computation_on_every_backend(case in case()) {
        let mut csvs: Vec<(&'static str, String)> = Vec::new();
        for db in backends() {
            let res = store_and_compute(&db, &case);
            check(&db, &case, &res)?;
            let csv = res
                .publish(results::Viewer::Secretariat, None)
                .unwrap()
                .render(Format::Csv)
                .unwrap();
            if !shares_through_where(&case) {
                check_csv(&csv, &case)?;
            }
            csvs.push((db.name(), csv));
        }
        let (_, first) = &csvs[0];
        for (name, csv) in &csvs[1..] {
            prop_assert_eq!(csv, first, "{} CSV differs from sqlite", name);
        }
    }
}
