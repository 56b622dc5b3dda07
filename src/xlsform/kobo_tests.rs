//! A form written as KoboToolbox writes them, read against the same survey
//! written by hand; and forms with mistakes, reported by cell.

use rust_xlsxwriter::Workbook;

use super::tests::assert_same;
use super::*;
use crate::survey::Severity;

type Grid<'a> = &'a [&'a [&'a str]];

/// A workbook with these sheets; cells that read as numbers are numbers.
pub(crate) fn workbook(sheets: &[(&str, Grid)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match v.parse::<f64>() {
                    Ok(n) => ws.write_number(r, c, n).map(|_| ()),
                    Err(_) if v.is_empty() => Ok(()),
                    Err(_) => ws.write_string(r, c, *v).map(|_| ()),
                }
                .expect("write");
            }
        }
    }
    book.save_to_buffer().expect("save")
}

const SURVEY: Grid = &[
    &[
        "type",
        "name",
        "label::English (en)",
        "label::Français (fr)",
        "label::Español (es)",
        "hint::English (en)",
        "required",
        "relevant",
        "constraint",
        "parameters",
        "$kuid",
    ],
    &[
        "begin_group",
        "org",
        "Organisation",
        "Organisation",
        "Organización",
        "",
        "",
        "",
        "",
        "",
        "a1",
    ],
    &[
        "select_one yesno",
        "registered",
        "Registered?",
        "Enregistrée ?",
        "¿Registrada?",
        "",
        "yes",
        "",
        "",
        "",
        "a2",
    ],
    &[],
    &[
        "integer",
        "staff",
        "Paid staff",
        "Personnel payé",
        "Personal pagado",
        "Count everyone paid",
        "TRUE",
        "${registered} = 'yes'",
        ". >= 0 and . <= 500",
        "",
        "a3",
    ],
    &[
        "range",
        "rating",
        "Rating",
        "Note",
        "Valoración",
        "",
        "",
        "",
        "",
        "start=1 end=5",
        "a4",
    ],
    &["end group", "", "", "", "", "", "", "", "", "", "a5"],
    &[
        "select_multiple topics",
        "topics",
        "Topics",
        "Thèmes",
        "Temas",
        "",
        "",
        "${rating} > 2",
        "",
        "",
        "a6",
    ],
    &[
        "text",
        "comments",
        "Comments",
        "Commentaires",
        "",
        "",
        "",
        "selected(${topics}, 'health') or selected(${topics}, 'law')",
        "string-length(.) <= 300",
        "",
        "a7",
    ],
    &[
        "note",
        "thanks",
        "Thank you",
        "Merci",
        "Gracias",
        "",
        "",
        "not(${registered} = 'no') and (${rating} >= 4 or ${comments} != '')",
        "",
        "",
        "a8",
    ],
];

const CHOICES: Grid = &[
    &[
        "list_name",
        "name",
        "label::English (en)",
        "label::Français (fr)",
        "label::Español (es)",
    ],
    &["yesno", "yes", "Yes", "Oui", "Sí"],
    &["yesno", "no", "No", "Non", "No"],
    &["topics", "health", "Health", "Santé", "Salud"],
    &["topics", "law", "Law", "Droit", "Ley"],
    &["topics", "other", "Other", "Autre", "Otro"],
];

const SETTINGS: Grid = &[
    &[
        "form_title::English (en)",
        "form_title::Français (fr)",
        "form_title::Español (es)",
        "form_id",
        "default_language",
        "version",
    ],
    &[
        "Kobo form",
        "Formulaire Kobo",
        "Formulario Kobo",
        "kobo_form",
        "English (en)",
        "2",
    ],
];

const INDICATORS: Grid = &[
    &[
        "id",
        "question",
        "measure",
        "any_of",
        "min",
        "label::English (en)",
        "label::Français (fr)",
        "label::Español (es)",
    ],
    &[
        "registered_share",
        "registered",
        "share",
        "yes",
        "",
        "Registered",
        "Enregistrées",
        "Registradas",
    ],
    &[
        "big_teams",
        "staff",
        "count",
        "",
        "10",
        "Ten staff or more",
        "Dix salariés ou plus",
        "Diez o más empleados",
    ],
];

const HAND_TOML: &str = r#"id = "kobo_form"
default_language = "en"

[[sections]]
id = "org"

  [[sections.questions]]
  id = "registered"
  type = "single"
  options = ["yes", "no"]
  required = true

  [[sections.questions]]
  id = "staff"
  type = "number"
  min = 0
  max = 500
  integer = true
  required = true
  show_if = { question = "registered", any_of = ["yes"] }

  [[sections.questions]]
  id = "rating"
  type = "scale"
  min = 1
  max = 5

[[sections]]
id = "main"

  [[sections.questions]]
  id = "topics"
  type = "multi"
  options = ["health", "law", "other"]
  show_if = { question = "rating", min = 3 }

  [[sections.questions]]
  id = "comments"
  type = "text"
  max_length = 300
  show_if = { question = "topics", any_of = ["health", "law"] }

  [[sections.questions]]
  id = "thanks"
  type = "note"
  show_if = { all = [{ not = { question = "registered", any_of = ["no"] } }, { any = [{ question = "rating", min = 4 }, { question = "comments", answered = true }] }] }

[[indicators]]
id = "registered_share"
question = "registered"
measure = "share"
any_of = ["yes"]

[[indicators]]
id = "big_teams"
question = "staff"
measure = "count"
min = 10
"#;

const HAND_EN: &str = "survey-title = Kobo form\nsection-org = Organisation\nq-registered = Registered?\nq-registered-yes = Yes\nq-registered-no = No\nq-staff = Paid staff\nq-staff-help = Count everyone paid\nq-rating = Rating\nsection-main = Kobo form\nq-topics = Topics\nq-topics-health = Health\nq-topics-law = Law\nq-topics-other = Other\nq-comments = Comments\nq-thanks = Thank you\nindicator-registered_share = Registered\nindicator-big_teams = Ten staff or more\n";
const HAND_FR: &str = "survey-title = Formulaire Kobo\nsection-org = Organisation\nq-registered = Enregistrée ?\nq-registered-yes = Oui\nq-registered-no = Non\nq-staff = Personnel payé\nq-rating = Note\nsection-main = Formulaire Kobo\nq-topics = Thèmes\nq-topics-health = Santé\nq-topics-law = Droit\nq-topics-other = Autre\nq-comments = Commentaires\nq-thanks = Merci\nindicator-registered_share = Enregistrées\nindicator-big_teams = Dix salariés ou plus\n";
const HAND_ES: &str = "survey-title = Formulario Kobo\nsection-org = Organización\nq-registered = ¿Registrada?\nq-registered-yes = Sí\nq-registered-no = No\nq-staff = Personal pagado\nq-rating = Valoración\nsection-main = Formulario Kobo\nq-topics = Temas\nq-topics-health = Salud\nq-topics-law = Ley\nq-topics-other = Otro\nq-thanks = Gracias\nindicator-registered_share = Registradas\nindicator-big_teams = Diez o más empleados\n";

pub(crate) fn kobo_form() -> Vec<u8> {
    workbook(&[
        ("survey", SURVEY),
        ("CHOICES", CHOICES),
        ("Settings", SETTINGS),
        ("indicators", INDICATORS),
    ])
}

#[test]
fn a_kobo_style_form_gives_the_survey_written_by_hand() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let got = import(&kobo_form(), "kobo.xlsx", None, tmp.path());
    let errors: Vec<String> = got
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    // Spanish lacks the comment question's label: a warning by its cell.
    let warnings: Vec<String> = got.problems.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("kobo.xlsx:survey!E9: warning: ") && w.contains("q-comments")),
        "{warnings:?}"
    );
    let (survey, _) = got.survey.expect("passes");
    let hand = SurveyFiles {
        dir: tmp.path().join("kobo_form"),
        toml: HAND_TOML.into(),
        ftl: vec![
            ("en.ftl".into(), HAND_EN.into()),
            ("es.ftl".into(), HAND_ES.into()),
            ("fr.ftl".into(), HAND_FR.into()),
        ],
    };
    let (by_hand, diags) = survey::load_sources(&hand);
    let by_hand = by_hand.unwrap_or_else(|| panic!("{diags:?}"));
    assert_same(&by_hand, &survey);
    assert_eq!(by_hand, survey, "the same Survey value, texts included");
}

fn problems_of(sheets: &[(&str, Grid)]) -> Vec<String> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let got = import(&workbook(sheets), "form.xlsx", None, tmp.path());
    assert!(got.survey.is_none(), "a form with errors gives no survey");
    assert!(
        std::fs::read_dir(tmp.path()).expect("dir").next().is_none(),
        "nothing written"
    );
    got.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn every_mistake_of_a_form_is_reported_by_its_cell() {
    let survey: Grid = &[
        &["type", "name", "label", "relevant", "choice_filter"],
        &["select_one yesno", "a", "A", "", ""],
        &["select_one nolist", "b", "B", "", ""],
        &["integer", "a", "A again", "", ""],
        &["integer", "c", "C", "${d} >= 1", ""],
        &["integer", "d", "D", "${a} = 'maybe'", ""],
        &["calculate", "e", "", "", ""],
        &["text", "f", "F", "${a} = 'yes' and (", "x = 1"],
        &["begin_group", "g", "G", "", ""],
        &["begin_group", "h", "H", "", ""],
        &["select_one yesno or_other", "i", "I", "", ""],
        &["end_group", "", "", "", ""],
    ];
    let choices: Grid = &[
        &["list_name", "name", "label"],
        &["yesno", "yes", "Yes"],
        &["yesno", "no", "No"],
    ];
    let settings: Grid = &[&["form_id", "form_title"], &["bad_form", "Bad"]];
    let got = problems_of(&[
        ("survey", survey),
        ("choices", choices),
        ("settings", settings),
    ]);
    let expect = [
        "form.xlsx:survey!A3: error: there is no choice list `nolist`",
        "form.xlsx:survey!B4: error: ",
        "form.xlsx:survey!D5: error: relevant, character 1: `d` comes later",
        "form.xlsx:survey!D6: error: relevant, character 8: `maybe` is not a choice of `a`",
        "form.xlsx:survey!A7: error: `calculate` is not supported",
        "form.xlsx:survey!D8: error: relevant, character 19: expected a question",
        "form.xlsx:survey!E8: error: the survey column `choice_filter` is not supported",
        "form.xlsx:survey!A10: error: groups inside groups are not supported",
        "form.xlsx:survey!A11: error: type `select_one yesno or_other`: `or_other` is not supported",
    ];
    for e in expect {
        assert!(
            got.iter().any(|p| p.starts_with(e)),
            "missing `{e}` in:\n{}",
            got.join("\n")
        );
    }
    assert!(
        got.iter()
            .any(|p| p.starts_with("form.xlsx:survey!B4: error: ")
                && p.contains("`a` is already used on survey!B2")),
        "{got:?}"
    );
}

#[test]
fn sheet_names_in_another_case_and_empty_rows_are_read() {
    let survey: Grid = &[
        &[],
        &["TYPE", "Name", "Label"],
        &[],
        &["integer", "n", "N"],
        &[],
        &[],
    ];
    let settings: Grid = &[&["form_id", "form_title"], &["plain", "Plain"]];
    let tmp = tempfile::tempdir().expect("tempdir");
    let got = import(
        &workbook(&[("SURVEY", survey), ("Settings", settings)]),
        "f.xlsx",
        None,
        tmp.path(),
    );
    let (s, _) = got.survey.unwrap_or_else(|| panic!("{:?}", got.problems));
    assert_eq!(s.sections.len(), 1);
    assert_eq!(s.sections[0].id, "main");
    assert_eq!(s.sections[0].questions[0].id, "n");
}

#[test]
fn a_workbook_without_a_survey_sheet_or_id_is_refused() {
    let got = problems_of(&[("Sheet1", &[&["a"]])]);
    assert!(got[0].contains("no sheet named `survey`"), "{got:?}");
    let got = problems_of(&[(
        "survey",
        &[&["type", "name", "label"], &["integer", "n", "N"]],
    )]);
    assert!(got.iter().any(|p| p.contains("no form_id")), "{got:?}");
}
