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
