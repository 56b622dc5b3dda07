//! Property tests: any survey round-trips through its XLSForm, and no
//! bytes or cell grid make the importer panic.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::kobo_tests::workbook;
use super::tests::assert_same;
use super::*;
use crate::survey::{Condition, Indicator, Measure, Question, QuestionKind, Section, Test};

fn kind() -> impl Strategy<Value = QuestionKind> {
    prop_oneof![
        (2usize..5).prop_map(|n| QuestionKind::Single {
            options: (0..n).map(|i| format!("o{i}")).collect()
        }),
        (2usize..5).prop_map(|n| QuestionKind::Multi {
            options: (0..n).map(|i| format!("m{i}")).collect()
        }),
        (
            proptest::option::of(-5i32..5),
            proptest::option::of(10i32..100),
            any::<bool>()
        )
            .prop_map(|(a, b, integer)| QuestionKind::Number {
                min: a.map(f64::from),
                max: b.map(|b| if integer {
                    f64::from(b)
                } else {
                    f64::from(b) + 0.5
                }),
                integer
            }),
        (0i64..3, 1i64..10).prop_map(|(min, n)| QuestionKind::Scale { min, max: min + n }),
        prop_oneof![Just(5000usize), 1usize..3000]
            .prop_map(|max_length| QuestionKind::Text { max_length }),
    ]
}

fn text() -> impl Strategy<Value = String> {
    "[A-Za-zéß][A-Za-z,.?é]{0,8}( [A-Za-z]{1,5}){0,3}"
}

/// A test on one earlier question.
fn leaf(q: &Question, bits: u64) -> Condition {
    let test = match &q.kind {
        QuestionKind::Single { options } | QuestionKind::Multi { options } => {
            Test::AnyOf((bits % ((1 << options.len()) - 1)) + 1)
        }
        QuestionKind::Scale { min, .. } => Test::Range {
            min: Some(*min as f64 + 1.0),
            max: None,
        },
        QuestionKind::Number { .. } => Test::Range {
            min: None,
            max: Some(7.0),
        },
        _ => Test::Answered,
    };
    Condition::Answer {
        question: q.id.clone(),
        test,
    }
}

/// A show_if on earlier questions, picked by `pick`: one test, or (when
/// two questions are there) `all`/`any` of two with a `not`.
fn condition_on(earlier: &[Question], pick: usize, bits: u64) -> Option<Condition> {
    let testable: Vec<&Question> = earlier.iter().filter(|q| q.kind.name() != "note").collect();
    let a = testable.get(pick % testable.len().max(1))?;
    let one = leaf(a, bits);
    let Some(b) = testable.iter().find(|q| q.id != a.id) else {
        return Some(one);
    };
    let two = leaf(b, bits / 7);
    Some(match bits % 4 {
        0 => Condition::All {
            all: vec![one, Condition::Not { not: Box::new(two) }],
        },
        1 => Condition::Any {
            any: vec![one, two],
        },
        2 => Condition::Not { not: Box::new(one) },
        _ => one,
    })
}

prop_compose! {
    fn survey()(shape in proptest::collection::vec(proptest::collection::vec((kind(), any::<bool>(), any::<(bool, usize, u64)>()), 1..4), 1..4),
                words in proptest::collection::vec(text(), 200),
                second in proptest::option::of(Just("fr".to_string()))) -> Survey {
        let mut all: Vec<Question> = Vec::new();
        let mut sections = Vec::new();
        for (si, qs) in shape.into_iter().enumerate() {
            let mut questions = Vec::new();
            for (kind, required, (cond, pick, bits)) in qs {
                let show_if = if cond { condition_on(&all, pick, bits) } else { None };
                let q = Question { id: format!("q{}", all.len()), required, show_if, kind };
                all.push(q.clone());
                questions.push(q);
            }
            sections.push(Section { id: format!("s{si}"), questions });
        }
        let indicators = indicators(&all);
        let mut s = Survey { id: "prop".into(), default_language: "en".into(), sections, indicators, texts: BTreeMap::new() };
        let mut w = words.into_iter().cycle();
        for lang in std::iter::once("en".to_string()).chain(second) {
            let mut src = String::new();
            for id in crate::survey::texts::required_messages(&s) {
                src.push_str(&format!("{id} = {}\n", w.next().unwrap_or_default()));
            }
            s.texts.insert(lang, src);
        }
        s
    }
}

fn indicators(all: &[Question]) -> Vec<Indicator> {
    let mut out = Vec::new();
    for q in all {
        let id = format!("i_{}", q.id);
        match &q.kind {
            QuestionKind::Single { .. } => {
                out.push(Indicator::new(&id, &q.id, Measure::share(Test::AnyOf(1))))
            }
            QuestionKind::Multi { .. } => {
                out.push(Indicator::new(&id, &q.id, Measure::Distribution))
            }
            QuestionKind::Number { .. } => out.push(Indicator::new(&id, &q.id, Measure::Mean)),
            QuestionKind::Scale { max, .. } => out.push(Indicator::new(
                &id,
                &q.id,
                Measure::count(Test::Range {
                    min: Some(*max as f64),
                    max: None,
                }),
            )),
            _ => {}
        }
    }
    out
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("begin_group".to_string()),
        Just("end_group".to_string()),
        Just("select_one l".to_string()),
        Just("integer".to_string()),
        Just("range".to_string()),
        Just("${a} = 'x' and (".to_string()),
        Just("not(${b} != '')".to_string()),
        Just("label::English (en)".to_string()),
        Just("type".to_string()),
        Just("name".to_string()),
        "[a-z$.{}()' =<>!-]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_survey_round_trips_through_its_xlsform(s in survey()) {
        let bytes = export::workbook(&s).expect("export");
        let tmp = tempfile::tempdir().expect("tempdir");
        let got = import(&bytes, "p.xlsx", None, tmp.path());
        let errors: Vec<String> = got.problems.iter().map(ToString::to_string).collect();
        let (back, _) = got.survey.unwrap_or_else(|| panic!("{errors:?}"));
        assert_same(&s, &back);
    }

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000), zip in any::<bool>()) {
        let mut bytes = bytes;
        if zip {
            bytes.splice(0..0, *b"PK\x03\x04");
        }
        let tmp = tempfile::tempdir().expect("tempdir");
        let got = import(&bytes, "r.xlsx", None, tmp.path());
        prop_assert!(got.survey.is_none());
        prop_assert!(!got.problems.is_empty());
    }

    #[test]
    fn random_cell_grids_never_panic(grid in proptest::collection::vec(proptest::collection::vec(cell(), 0..6), 0..8),
                                     choices in proptest::collection::vec(proptest::collection::vec(cell(), 0..4), 0..4)) {
        let rows: Vec<Vec<&str>> = grid.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        let crows: Vec<Vec<&str>> = choices.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
        let crows: Vec<&[&str]> = crows.iter().map(Vec::as_slice).collect();
        let settings: &[&[&str]] = &[&["form_id", "form_title"], &["fuzz", "Fuzz"]];
        let bytes = workbook(&[("survey", &rows), ("choices", &crows), ("settings", settings)]);
        let tmp = tempfile::tempdir().expect("tempdir");
        let got = import(&bytes, "g.xlsx", None, tmp.path());
        // Whatever it says, it says it by the rules: a survey only without errors.
        prop_assert_eq!(got.survey.is_some(), !got.problems.iter().any(|p| p.severity == crate::survey::Severity::Error));
    }
}
