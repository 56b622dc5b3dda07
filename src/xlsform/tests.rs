use std::path::Path;

use super::texts::by_language;
use super::*;
use crate::survey::Severity;

fn example() -> Survey {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys/member_survey");
    let (s, diags) = survey::load(&dir);
    s.unwrap_or_else(|| panic!("the example survey loads: {diags:?}"))
}

/// Same survey: structure equal, and the same message in every language.
pub(crate) fn assert_same(a: &Survey, b: &Survey) {
    assert_eq!(a.id, b.id);
    assert_eq!(a.default_language, b.default_language);
    assert_eq!(a.sections, b.sections);
    assert_eq!(a.indicators, b.indicators);
    assert_eq!(by_language(a), by_language(b));
}

fn errors(p: &[CellProblem]) -> Vec<String> {
    p.iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect()
}

#[test]
fn the_example_survey_round_trips_through_its_xlsform() {
    let s = example();
    let bytes = export::workbook(&s).expect("export");
    let tmp = tempfile::tempdir().expect("tempdir");
    let got = import(&bytes, "member_survey.xlsx", None, tmp.path());
    assert_eq!(errors(&got.problems), Vec::<String>::new());
    let (back, _) = got.survey.expect("imports");
    assert_same(&s, &back);
    // A second trip gives byte-identical files.
    let again = import(
        &export::workbook(&back).expect("export"),
        "x.xlsx",
        None,
        tmp.path(),
    );
    let (_, files) = again.survey.expect("imports again");
    assert_eq!(
        files.toml,
        import(&bytes, "m.xlsx", None, tmp.path())
            .survey
            .expect("ok")
            .1
            .toml
    );
}

#[test]
fn the_translators_workbook_reads_back_to_the_same_texts() {
    let s = example();
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("member_survey");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys/member_survey");
    for e in std::fs::read_dir(&src).expect("read").flatten() {
        std::fs::copy(e.path(), dir.join(e.file_name())).expect("copy");
    }
    let bytes = texts::workbook(&s).expect("workbook");
    let (files, problems) = texts::read_workbook(&bytes, "t.xlsx", &dir);
    assert_eq!(errors(&problems), Vec::<String>::new());
    let files = files.expect("passes");
    let (back, _) = survey::load_sources(&files);
    assert_same(&s, &back.expect("loads"));
}

#[test]
fn bytes_that_are_no_workbook_are_refused_clearly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let got = import(b"id,name\n1,2\n", "members.csv", None, tmp.path());
    assert!(got.survey.is_none());
    assert!(
        errors(&got.problems)[0].contains("not an .xlsx workbook"),
        "{:?}",
        got.problems
    );
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let got = import(&ole, "secret.xlsx", None, tmp.path());
    assert!(errors(&got.problems)[0].contains("password-protected"));
    let big = vec![b'P'; book::MAX_BYTES + 1];
    let got = import(&big, "huge.xlsx", None, tmp.path());
    assert!(errors(&got.problems)[0].contains("at most 10 MB"));
    let got = import(b"PK\x03\x04broken", "broken.xlsx", None, tmp.path());
    assert!(errors(&got.problems)[0].starts_with("broken.xlsx: error: the file is not a readable"));
}

mod expressions {
    use crate::survey::{Condition, QuestionKind, Test};
    use crate::xlsform::condition::{condition, write, Found};

    fn kinds() -> Vec<(&'static str, QuestionKind)> {
        vec![
            (
                "law",
                QuestionKind::Single {
                    options: vec!["improved".into(), "worsened".into(), "same".into()],
                },
            ),
            (
                "areas",
                QuestionKind::Multi {
                    options: vec!["health".into(), "police".into()],
                },
            ),
            (
                "staff",
                QuestionKind::Number {
                    min: None,
                    max: None,
                    integer: true,
                },
            ),
            (
                "budget",
                QuestionKind::Number {
                    min: None,
                    max: None,
                    integer: false,
                },
            ),
            ("note", QuestionKind::Text { max_length: 10 }),
        ]
    }

    fn read(src: &str) -> Result<Condition, String> {
        let ks = kinds();
        let lookup = |q: &str| match ks.iter().find(|(n, _)| *n == q) {
            Some((_, k)) => Found::Before(k),
            None if q == "later" => Found::Later,
            None => Found::Unknown,
        };
        condition(src, &lookup).map_err(|e| format!("{}: {}", e.pos, e.message))
    }

    fn answer(q: &str, test: Test) -> Condition {
        Condition::Answer {
            question: q.into(),
            test,
        }
    }

    #[test]
    fn the_subset_reads_into_conditions() {
        assert_eq!(
            read("${law} = 'improved' or ${law} = 'worsened'"),
            Ok(answer("law", Test::AnyOf(0b11)))
        );
        assert_eq!(
            read("selected(${areas}, 'police')"),
            Ok(answer("areas", Test::AnyOf(0b10)))
        );
        assert_eq!(
            read("${staff} > 2"),
            Ok(answer(
                "staff",
                Test::Range {
                    min: Some(3.0),
                    max: None
                }
            ))
        );
        assert_eq!(
            read("${staff} >= 1 and ${staff} < 10"),
            Ok(answer(
                "staff",
                Test::Range {
                    min: Some(1.0),
                    max: Some(9.0)
                }
            ))
        );
        assert_eq!(read("${note} != ''"), Ok(answer("note", Test::Answered)));
        let not = read("not(${law} = 'same') and (${staff} >= 1 or selected(${areas}, 'health'))")
            .expect("reads");
        assert_eq!(
            not,
            Condition::All {
                all: vec![
                    Condition::Not {
                        not: Box::new(answer("law", Test::AnyOf(0b100)))
                    },
                    Condition::Any {
                        any: vec![
                            answer(
                                "staff",
                                Test::Range {
                                    min: Some(1.0),
                                    max: None
                                }
                            ),
                            answer("areas", Test::AnyOf(1))
                        ]
                    },
                ]
            }
        );
        // And back: what `write` gives reads to the same condition.
        let ks = kinds();
        let kind_of = |q: &str| ks.iter().find(|(n, _)| *n == q).map(|(_, k)| k);
        assert_eq!(read(&write(&not, &kind_of)), Ok(not));
    }

    #[test]
    fn mistakes_are_told_with_their_character() {
        assert_eq!(
            read("${law} = 'better'"),
            Err("10: `better` is not a choice of `law`".into())
        );
        assert!(read("${later} = 'x'")
            .unwrap_err()
            .starts_with("1: `later` comes later"));
        assert!(read("${nope} = 'x'")
            .unwrap_err()
            .starts_with("1: there is no question `nope`"));
        assert!(read("${budget} > 2")
            .unwrap_err()
            .starts_with("13: `>` and `<` need an integer question"));
        assert!(read("${areas} = 'health'")
            .unwrap_err()
            .contains("write selected(${areas}, 'health')"));
        assert!(read("${law} = 'same' and")
            .unwrap_err()
            .starts_with("20: expected a question"));
        assert!(read("count(${law}) > 1")
            .unwrap_err()
            .starts_with("1: `count` is not supported"));
        assert!(read("${law} = 'same")
            .unwrap_err()
            .starts_with("10: this quote is not closed"));
    }
}
