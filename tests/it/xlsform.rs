//! Surveys in spreadsheets through the command line (contract §9):
//! `survey import`, `survey export`, `survey texts`, `results --format xlsx`.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

use crate::helpers::*;

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// An empty surveys folder of the test's own.
fn surveys(db: &TestDb) -> PathBuf {
    let dir = db.dir.path().join("surveys_x");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sheet(bytes: &[u8], name: &str) -> Vec<Vec<Data>> {
    let mut x = Xlsx::new(Cursor::new(bytes)).unwrap();
    let range = x.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn the_example_survey_exported_and_imported_passes_survey_check() {
    let db = TestDb::sqlite();
    let form = db.dir.path().join("member_survey.xlsx");
    let out = db
        .cli(&["survey", "export", "member_survey", "--output", arg(&form)])
        .unwrap();
    assert!(out.contains("written to"), "{out}");
    let dir = surveys(&db);
    let out = db
        .cli_with(&dir, &["survey", "import", arg(&form)])
        .unwrap();
    assert!(out.contains("survey `member_survey` written"), "{out}");
    assert!(out.contains("languages: en, es, fr, ru, zh"), "{out}");
    db.cli_with(&dir, &["survey", "check"]).unwrap();
    // The same survey as the repository's, by the checker's reading.
    let (a, _) = canvass::survey::load(&repo_surveys().join("member_survey"));
    let (b, _) = canvass::survey::load(&dir.join("member_survey"));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.sections, b.sections);
    assert_eq!(a.indicators, b.indicators);
}

#[test]
fn an_existing_survey_is_replaced_only_when_asked_and_kept() {
    let db = TestDb::sqlite();
    let form = db.dir.path().join("mini.xlsx");
    db.cli_with(
        &fixture_surveys(),
        &["survey", "export", "mini", "--output", arg(&form)],
    )
    .unwrap();
    let dir = surveys(&db);
    db.cli_with(&dir, &["survey", "import", arg(&form)])
        .unwrap();
    let before = std::fs::read_to_string(dir.join("mini/survey.toml")).unwrap();
    let err = db
        .cli_with(&dir, &["survey", "import", arg(&form)])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("exists already") && err.contains("--replace"),
        "{err}"
    );
    let out = db
        .cli_with(&dir, &["survey", "import", arg(&form), "--replace"])
        .unwrap();
    assert!(out.contains("the previous files are kept in"), "{out}");
    let kept: Vec<_> = std::fs::read_dir(dir.join("_replaced"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(kept.len(), 1, "one dated copy, no temporary folder left");
    let name = kept[0].file_name().to_string_lossy().into_owned();
    assert!(name.starts_with("mini.20"), "{name}");
    assert_eq!(
        std::fs::read_to_string(kept[0].path().join("survey.toml")).unwrap(),
        before
    );
    // The kept copy is no survey of the folder: check still passes.
    db.cli_with(&dir, &["survey", "check"]).unwrap();
    // Another id for the same form.
    db.cli_with(&dir, &["survey", "import", arg(&form), "--id", "mini_copy"])
        .unwrap();
    assert!(dir.join("mini_copy/survey.toml").is_file());
}

#[test]
fn a_file_that_is_no_workbook_is_refused_and_nothing_is_written() {
    let db = TestDb::sqlite();
    let dir = surveys(&db);
    let bad = db.file("form.xlsx", "type,name\ninteger,n\n");
    let o = db.bin_with(&dir, &["survey", "import", arg(&bad)]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("error: "), "{err}");
    assert!(
        err.contains("form.xlsx: error: the file is not an .xlsx workbook"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn translators_workbook_goes_out_and_comes_back() {
    let db = TestDb::sqlite();
    let dir = fixture_copy(&db, "surveys_t", "mini");
    let book = db.dir.path().join("texts.xlsx");
    db.cli_with(&dir, &["survey", "texts", "mini", "--output", arg(&book)])
        .unwrap();
    let bytes = std::fs::read(&book).unwrap();
    let rows = sheet(&bytes, "texts");
    assert_eq!(rows[0][0], Data::String("id".into()));
    assert_eq!(rows[0][1], Data::String("text::English (en)".into()));
    assert_eq!(rows[1][0], Data::String("survey-title".into()));
    let before = std::fs::read_to_string(dir.join("mini/fr.ftl")).unwrap();
    let out = db
        .cli_with(&dir, &["survey", "texts", "mini", "--input", arg(&book)])
        .unwrap();
    assert!(out.contains("replaced"), "{out}");
    let (a, _) = canvass::survey::load(&fixture_surveys().join("mini"));
    let (b, _) = canvass::survey::load(&dir.join("mini"));
    assert_eq!(a.unwrap().sections, b.unwrap().sections);
    let after = std::fs::read_to_string(dir.join("mini/fr.ftl")).unwrap();
    assert_eq!(
        canvass::xlsform::texts::messages(&before),
        canvass::xlsform::texts::messages(&after)
    );
}

#[test]
fn results_as_a_workbook_carry_numbers_percentages_and_marked_suppressed_cells() {
    for db in backends() {
        results_workbook(&db);
    }
}

fn results_workbook(db: &TestDb) {
    let mut rows = members_in("africa", "af", 6);
    rows.extend(members_in("europe", "eu", 2));
    rows.extend(members_in("asia_pacific", "ap", 5));
    let members = db.file(
        "members.csv",
        &members_csv(&rows.iter().map(String::as_str).collect::<Vec<_>>()),
    );
    db.cli(&["members", "import", arg(&members)]).unwrap();
    db.cli_with(
        &fixture_surveys(),
        &["round", "create", "r1", "--survey", "mini"],
    )
    .unwrap();
    let mut answers = String::from("member,law_change,law_areas,staff,rating,notes\n");
    for i in 1..=6 {
        let change = if i <= 3 { "improved" } else { "unchanged" };
        answers.push_str(&format!("af{i},{change},health,{},,\n", i * 2));
    }
    answers.push_str("eu1,worsened,labour,1,,\n");
    for i in 1..=5 {
        answers.push_str(&format!("ap{i},improved,health,3,,\n"));
    }
    let file = db.file("answers.csv", &answers);
    db.cli(&["responses", "import", "r1", arg(&file)]).unwrap();
    let out_file = db.dir.path().join("r1.xlsx");
    let out = db
        .cli(&[
            "results",
            "r1",
            "--format",
            "xlsx",
            "--output",
            arg(&out_file),
            "--lang",
            "fr",
        ])
        .unwrap();
    assert!(out.contains("written to"), "{out}");
    let bytes = std::fs::read(&out_file).unwrap();
    let rows = sheet(&bytes, "Résultats");
    assert_eq!(rows[0][0], Data::String("indicateur".into()));
    let share = rows
        .iter()
        .find(|r| {
            r[0] == Data::String("law_improved".into()) && r[3] == Data::String("africa".into())
        })
        .expect("africa row");
    assert_eq!(share[4], Data::Float(0.5));
    assert_eq!(share[5], Data::Float(6.0));
    assert_eq!(share[6], Data::Bool(false));
    let europe = rows
        .iter()
        .find(|r| {
            r[0] == Data::String("law_improved".into()) && r[3] == Data::String("europe".into())
        })
        .expect("europe row");
    assert_eq!(europe[4], Data::String("masqué".into()));
    assert_eq!(europe[6], Data::Bool(true));
    let notes = sheet(&bytes, "Mode de lecture");
    let text: String = notes.iter().flatten().map(ToString::to_string).collect();
    let text = unisolated(&text);
    assert!(text.contains("moins de 5 répondants"), "{text}");
    let err = db
        .cli(&["results", "r1", "--format", "xlsx"])
        .unwrap_err()
        .to_string();
    assert!(err.contains("--output"), "{err}");
}
