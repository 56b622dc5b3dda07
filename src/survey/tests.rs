//! The survey checks as a user meets them: each mistake in a survey folder
//! comes back as one diagnostic at the file, line and column to fix. The
//! folder is given as text (`load_sources`); only the example survey is read
//! from disk.

use std::path::{Path, PathBuf};

use super::{
    load_dir, load_sources, Answers, Condition, Diagnostic, Measure, QuestionKind, Severity,
    Survey, SurveyFiles, Test, Value,
};

// The valid base survey. Tests quote its line numbers, so change it only at
// the end, and prefer edits that keep the line count. The `id` lines:
//   1 survey   5 section org    8 kind   14 staff   21 topics   27 rights
//  34 section views   37 notes   43 networks   49 staff_mean   54 topic_mix
//  59 small_teams
const TOML: &str = r#"id = "demo"
default_language = "en"

[[sections]]
id = "org"

[[sections.questions]]
id = "kind"
type = "single"
options = ["group", "network"]
required = true

[[sections.questions]]
id = "staff"
type = "number"
min = 0
max = 1000
integer = true

[[sections.questions]]
id = "topics"
type = "multi"
options = ["health", "law", "money"]
show_if = { question = "kind", any_of = ["network"] }

[[sections.questions]]
id = "rights"
type = "scale"
min = 1
max = 5
show_if = { question = "staff", min = 1, max = 50 }

[[sections]]
id = "views"

[[sections.questions]]
id = "notes"
type = "text"
max_length = 500
show_if = { question = "topics", any_of = ["law", "money"] }

[[indicators]]
id = "networks"
question = "kind"
measure = "share"
any_of = ["network"]

[[indicators]]
id = "staff_mean"
question = "staff"
measure = "mean"

[[indicators]]
id = "topic_mix"
question = "topics"
measure = "distribution"

[[indicators]]
id = "small_teams"
question = "staff"
measure = "count"
max = 5
"#;

/// Every message the base survey needs, and the optional help of `staff`:
/// 18 lines, so text appended to it starts on line 19.
const EN: &str = "survey-title = Demo survey
section-org = Organisation
q-kind = What kind of organisation are you?
q-kind-group = A group
q-kind-network = A network
q-staff = How many paid staff do you have?
q-staff-help = Count people paid in the last twelve months.
q-topics = Which topics did you work on?
q-topics-health = Health
q-topics-law = Law
q-topics-money = Money
q-rights = Are your rights respected?
section-views = Views
q-notes = Anything else?
indicator-networks = Share of networks
indicator-staff_mean = Mean paid staff
indicator-topic_mix = Topics worked on
indicator-small_teams = Organisations with five paid staff or fewer
";

const FR: &str = "survey-title = Enquête de démonstration
section-org = Organisation
q-kind = Quel type d’organisation êtes-vous ?
q-kind-group = Un groupe
q-kind-network = Un réseau
q-staff = Combien de salariés avez-vous ?
q-topics = Sur quels thèmes avez-vous travaillé ?
q-topics-health = Santé
q-topics-law = Droit
q-topics-money = Argent
q-rights = Vos droits sont-ils respectés ?
section-views = Avis
q-notes = Autre chose ?
indicator-networks = Part des réseaux
indicator-staff_mean = Nombre moyen de salariés
indicator-topic_mix = Thèmes travaillés
indicator-small_teams = Organisations de cinq salariés ou moins
";

/// `text` with each `(from, to)` applied; `from` must occur exactly once, so
/// an edit cannot land somewhere unintended.
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (from, to) in edits {
        assert_eq!(
            out.matches(from).count(),
            1,
            "`{from}` must occur exactly once"
        );
        out = out.replacen(from, to, 1);
    }
    out
}

fn load_with(toml: &str, ftl: &[(&str, &str)]) -> (Option<Survey>, Vec<Diagnostic>) {
    load_sources(&SurveyFiles {
        dir: PathBuf::from("surveys/demo"),
        toml: toml.to_string(),
        ftl: ftl
            .iter()
            .map(|(name, src)| ((*name).to_string(), (*src).to_string()))
            .collect(),
    })
}

/// A variant of the base survey.toml, with the complete English texts.
fn load_toml(edits: &[(&str, &str)]) -> (Option<Survey>, Vec<Diagnostic>) {
    load_with(&edit(TOML, edits), &[("en.ftl", EN)])
}

fn base() -> Survey {
    let (survey, diags) = load_with(TOML, &[("en.ftl", EN), ("fr.ftl", FR)]);
    assert!(diags.is_empty(), "{diags:#?}");
    survey.unwrap()
}

/// Whether `d` is `expected`, written as `survey check` prints it without
/// the folder: `FILE:LINE:COL: LEVEL: PART`, where PART is some part of the
/// message.
fn is(d: &Diagnostic, expected: &str) -> bool {
    let mut parts = expected.splitn(3, ": ");
    let (place, level, part) = (parts.next(), parts.next(), parts.next());
    let (Some(place), Some(level), Some(part)) = (place, level, part) else {
        panic!("`{expected}` is not FILE:LINE:COL: LEVEL: PART");
    };
    d.to_string()
        .starts_with(&format!("surveys/demo/{place}: {level}: "))
        && d.message.contains(part)
}

/// Some diagnostic is the expected one (others may accompany it).
#[track_caller]
fn assert_has(diags: &[Diagnostic], expected: &str) {
    assert!(
        diags.iter().any(|d| is(d, expected)),
        "expected {expected}\namong:\n{}",
        show(diags)
    );
}

/// The diagnostics are exactly these, in this order.
#[track_caller]
fn assert_only(diags: &[Diagnostic], expected: &[&str]) {
    let same = diags.len() == expected.len() && diags.iter().zip(expected).all(|(d, e)| is(d, e));
    assert!(same, "expected:\n{expected:#?}\ngot:\n{}", show(diags));
}

fn errors(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn show(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("  {d}\n")).collect()
}

fn choice(bits: u64) -> Value {
    Value::Choice(bits)
}

fn answers(pairs: &[(&str, Value)]) -> Answers {
    pairs
        .iter()
        .map(|(id, v)| ((*id).to_string(), v.clone()))
        .collect()
}

// --- the base survey -------------------------------------------------------

#[test]
fn base_survey_loads_with_its_structure_and_no_diagnostic() {
    let survey = base();
    assert_eq!(survey.id, "demo");
    assert_eq!(survey.languages(), vec!["en", "fr"]);
    let ids: Vec<&str> = survey.questions().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["kind", "staff", "topics", "rights", "notes"]);
    let staff = survey.question("staff").unwrap();
    assert_eq!(
        staff.kind,
        QuestionKind::Number {
            min: Some(0.0),
            max: Some(1000.0),
            integer: true
        }
    );
    assert!(survey.question("kind").unwrap().required);
    assert!(!staff.required, "required defaults to false");
    let notes = survey.question("notes").unwrap();
    assert_eq!(
        notes.show_if,
        Some(Condition::Answer {
            question: "topics".into(),
            test: Test::AnyOf(0b110)
        })
    );
    let measures: Vec<&Measure> = survey.indicators.iter().map(|i| &i.measure).collect();
    assert_eq!(
        measures,
        [
            &Measure::share(Test::AnyOf(0b10)),
            &Measure::Mean,
            &Measure::Distribution,
            &Measure::count(Test::Range {
                min: None,
                max: Some(5.0)
            }),
        ]
    );
}

#[test]
fn diagnostics_print_as_file_line_col_severity_message() {
    let (_, diags) = load_toml(&[("integer = true", "integer = true\nunit = 1")]);
    assert_eq!(
        diags[0].to_string(),
        "surveys/demo/survey.toml:19:1: error: unknown key `unit` in question `staff`; \
         expected one of: id, type, required, show_if, min, max, integer"
    );
}

// --- TOML syntax and keys ----------------------------------------------------

#[test]
fn toml_syntax_error_points_at_its_line_and_column() {
    let (survey, diags) = load_toml(&[(r#"type = "number""#, "type = number")]);
    assert!(survey.is_none());
    assert_only(&diags, &["survey.toml:15:8: error: TOML syntax:"]);
}

#[test]
fn unknown_key_at_top_level_points_at_the_key() {
    let (survey, diags) = load_toml(&[("\"en\"\n\n", "\"en\"\ntitle = \"Demo\"\n")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:3:1: error: unknown key `title` in the survey"],
    );
}

#[test]
fn unknown_key_in_a_section_points_at_the_key() {
    let (survey, diags) = load_toml(&[(r#"id = "views""#, "id = \"views\"\ntitle = \"Views\"")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:35:1: error: unknown key `title` in a section"],
    );
}

#[test]
fn unknown_key_in_a_question_points_at_the_key() {
    let (survey, diags) = load_toml(&[("integer = true", "integer = true\nunit = \"people\"")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:19:1: error: unknown key `unit` in question `staff`"],
    );
}

#[test]
fn unknown_key_in_show_if_points_at_the_key() {
    let (survey, diags) = load_toml(&[(
        r#"{ question = "kind", any_of"#,
        r#"{ question = "kind", anyof"#,
    )]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:24:32: error: unknown key `anyof` in show_if of question `topics`",
    );
    // Without `any_of` the condition is incomplete, said at its target.
    assert_has(&diags, "survey.toml:24:24: error: needs `any_of`");
}

#[test]
fn unknown_key_in_an_indicator_points_at_the_key() {
    let (survey, diags) =
        load_toml(&[("measure = \"mean\"\n\n", "measure = \"mean\"\nweight = 2\n")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:52:1: error: unknown key `weight` in an indicator"],
    );
}

#[test]
fn key_of_another_question_type_names_the_type() {
    let (survey, diags) = load_toml(&[("integer = true", "integer = true\noptions = [\"few\"]")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:19:1: error: `options` does not apply to question `staff`, a number question"],
    );
}

// --- missing keys -------------------------------------------------------------

#[test]
fn missing_survey_id_is_reported_at_the_top() {
    let (survey, diags) = load_toml(&[("id = \"demo\"\n", "\n")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:1:1: error: the survey is missing `id`"],
    );
}

#[test]
fn missing_default_language_is_reported_at_the_top() {
    let (survey, diags) = load_toml(&[("default_language = \"en\"\n", "\n")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:1:1: error: the survey is missing `default_language`"],
    );
}

#[test]
fn missing_sections_are_reported_at_the_top() {
    let toml = "id = \"demo\"\ndefault_language = \"en\"\n";
    let (survey, diags) = load_with(toml, &[("en.ftl", "survey-title = Demo\n")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:1:1: error: the survey is missing `sections`"],
    );
}

#[test]
fn missing_question_id_points_at_the_question() {
    let (survey, diags) = load_toml(&[("id = \"notes\"\n", "\n")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:36:1: error: a question is missing `id`",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn missing_question_type_points_at_the_question() {
    let (survey, diags) = load_toml(&[("type = \"text\"\n", "\n")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:36:1: error: question `notes` is missing `type`",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn choice_question_without_options_points_at_the_question() {
    let (survey, diags) = load_toml(&[("options = [\"group\", \"network\"]\n", "\n")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:7:1: error: question `kind` needs a list of `options`",
    );
}

#[test]
fn scale_without_min_or_max_points_at_the_question() {
    let (survey, diags) = load_toml(&[("min = 1\nmax = 5\n", "min = 1\n\n")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:26:1: error: question `rights` is a scale and needs integer `min` and `max`",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn indicators_may_be_left_out() {
    let toml = &TOML[..TOML.find("[[indicators]]").unwrap()];
    let en: String = EN
        .lines()
        .filter(|l| !l.starts_with("indicator-"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (survey, diags) = load_with(toml, &[("en.ftl", &en)]);
    assert!(diags.is_empty(), "{}", show(&diags));
    assert!(survey.unwrap().indicators.is_empty());
}

// --- ids ----------------------------------------------------------------------

#[test]
fn ids_must_be_lowercase_words() {
    let (survey, diags) = load_toml(&[
        ("id = \"demo\"", "id = \"Demo\""),
        ("id = \"views\"", "id = \"the views\""),
        ("id = \"staff\"", "id = \"paid-staff\""),
        ("[\"group\", ", "[\"Group\", "),
        ("id = \"small_teams\"", "id = \"5_or_less\""),
    ]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:1:6: error: the survey has id `Demo`, which does not match [a-z][a-z0-9_]*",
    );
    assert_has(
        &diags,
        "survey.toml:34:6: error: a section has id `the views`",
    );
    assert_has(
        &diags,
        "survey.toml:14:6: error: a question has id `paid-staff`",
    );
    assert_has(
        &diags,
        "survey.toml:10:12: error: option `Group` of question `kind` is not an id",
    );
    assert_has(
        &diags,
        "survey.toml:59:6: error: an indicator has id `5_or_less`",
    );
}

#[test]
fn duplicate_section_id_names_the_first_line() {
    let (survey, diags) = load_toml(&[("id = \"views\"", "id = \"org\"")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:34:6: error: section id `org` is already used on line 5",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn duplicate_question_id_in_another_section_names_the_first_line() {
    let (survey, diags) = load_toml(&[("id = \"notes\"", "id = \"staff\"")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        // The line of the first question's header.
        "survey.toml:37:6: error: question id `staff` is already used on line 13",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn duplicate_question_after_a_broken_section_names_the_right_line() {
    let again = "\n[[sections.questions]]\nid = \"notes\"\ntype = \"text\"\n";
    let (survey, diags) = load_toml(&[
        ("id = \"org\"", "id = \"Org\""),
        // Keep the first `notes` valid: `topics` is gone with its section.
        (
            "show_if = { question = \"topics\", any_of = [\"law\", \"money\"] }\n",
            &format!("\n{again}"),
        ),
    ]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:43:6: error: question id `notes` is already used on line 36",
    );
}

#[test]
fn duplicate_option_names_the_first_line() {
    let (survey, diags) = load_toml(&[(
        "options = [\"health\", \"law\", \"money\"]",
        "options = [\n  \"health\",\n  \"law\",\n  \"health\",\n]",
    )]);
    assert!(survey.is_none());
    // The list now spans lines 23 to 27; the first `health` is on line 24.
    assert_has(
        &diags,
        "survey.toml:26:3: error: option `health` appears twice in question `topics` (first on line 24)",
    );
}

#[test]
fn duplicate_indicator_id_names_the_first_line() {
    let (survey, diags) = load_toml(&[("id = \"topic_mix\"", "id = \"networks\"")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:54:6: error: indicator id `networks` is already used on line 43",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn survey_id_must_be_the_folder_name() {
    let (survey, diags) = load_toml(&[("id = \"demo\"", "id = \"other\"")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:1:6: error: survey id `other` differs from its folder name `demo`"],
    );
}

// --- types and values -----------------------------------------------------------

#[test]
fn unknown_question_type_points_at_the_type() {
    let (survey, diags) = load_toml(&[("type = \"text\"", "type = \"date\"")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:38:8: error: question `notes` has unknown type `date`; expected single, multi, number, scale, text or note",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn values_of_the_wrong_type_point_at_the_value() {
    let (survey, diags) = load_toml(&[
        ("required = true", "required = \"yes\""),
        ("max = 1000", "max = \"1000\""),
        ("max_length = 500", "max_length = 5.5"),
        ("integer = true", "integer = \"yes\""),
        ("measure = \"mean\"", "measure = 3"),
    ]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &[
            "survey.toml:11:12: error: `required` must be true or false",
            "survey.toml:17:7: error: `max` must be a number",
            "survey.toml:18:11: error: `integer` must be true or false",
            "survey.toml:39:14: error: `max_length` must be a whole number",
            "survey.toml:51:11: error: `measure` of indicator `staff_mean` must be a string",
        ],
    );
}

#[test]
fn number_with_min_above_max_points_at_max() {
    let (survey, diags) = load_toml(&[("min = 0", "min = 2000")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:17:7: error: in question `staff`, `max` (1000) is below `min` (2000)",
    );
}

#[test]
fn scale_must_run_upwards() {
    let (survey, diags) = load_toml(&[("min = 1\nmax = 5", "min = 1\nmax = 1")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:30:7: error: the scale of question `rights` must run upwards over 2 to 11 points, not 1 to 1",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn scale_has_at_most_eleven_points() {
    let (survey, diags) = load_toml(&[("min = 1\nmax = 5", "min = 0\nmax = 10")]);
    assert!(
        diags.is_empty(),
        "0 to 10 is eleven points:\n{}",
        show(&diags)
    );
    assert!(survey.is_some());

    let (survey, diags) = load_toml(&[("min = 1\nmax = 5", "min = 0\nmax = 11")]);
    assert!(survey.is_none());
    assert_has(&diags, "survey.toml:30:7: error: not 0 to 11");
}

#[test]
fn scale_with_extreme_bounds_is_an_error_not_a_crash() {
    let (survey, diags) = load_toml(&[(
        "min = 1\nmax = 5",
        "min = -9223372036854775808\nmax = 9223372036854775807",
    )]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:30:7: error: must run upwards over 2 to 11 points",
    );
}

#[test]
fn text_max_length_must_lie_between_1_and_100000() {
    for ok in ["1", "100000"] {
        let (survey, diags) = load_toml(&[("max_length = 500", &format!("max_length = {ok}"))]);
        assert!(diags.is_empty(), "max_length = {ok}:\n{}", show(&diags));
        assert!(survey.is_some());
    }
    for bad in ["0", "100001", "-5"] {
        let (survey, diags) = load_toml(&[("max_length = 500", &format!("max_length = {bad}"))]);
        assert!(survey.is_none());
        assert_has(
            &diags,
            "survey.toml:39:14: error: max_length of question `notes` must lie between 1 and 100000",
        );
    }
}

/// `topics` with `n` options (the three of the base first) and the English
/// texts they need.
fn with_options(n: usize) -> (Option<Survey>, Vec<Diagnostic>) {
    let extra: Vec<String> = (3..n).map(|i| format!("o{i}")).collect();
    let list: String = extra.iter().map(|o| format!(", \"{o}\"")).collect();
    let toml = edit(
        TOML,
        &[(
            "\"law\", \"money\"]\n",
            &format!("\"law\", \"money\"{list}]\n"),
        )],
    );
    let en: String = extra
        .iter()
        .map(|o| format!("q-topics-{o} = {o}\n"))
        .collect();
    load_with(&toml, &[("en.ftl", &format!("{EN}{en}"))])
}

#[test]
fn choice_question_has_at_most_63_options() {
    let (survey, diags) = with_options(63);
    assert!(diags.is_empty(), "{}", show(&diags));
    assert_eq!(
        survey
            .unwrap()
            .question("topics")
            .unwrap()
            .kind
            .options()
            .len(),
        63
    );

    let (survey, diags) = with_options(64);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:23:11: error: question `topics` has 64 options; at most 63 are allowed",
    );
}

// --- show_if --------------------------------------------------------------------

#[test]
fn show_if_target_must_exist() {
    let (survey, diags) = load_toml(&[(
        "question = \"staff\", min = 1",
        "question = \"staf\", min = 1",
    )]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:31:24: error: show_if of question `rights` refers to `staf`, which is not a question before it",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn show_if_target_must_come_before_the_question() {
    // `notes` exists, but after `rights`; a question cannot hang on itself
    // either.
    for target in ["notes", "rights"] {
        let (survey, diags) = load_toml(&[(
            "{ question = \"staff\", min = 1, max = 50 }",
            &format!("{{ question = \"{target}\", min = 1 }}"),
        )]);
        assert!(survey.is_none());
        assert_has(
            &diags,
            &format!(
                "survey.toml:31:24: error: show_if of question `rights` refers to `{target}`, \
                 which is not a question before it"
            ),
        );
        assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
    }
}

#[test]
fn show_if_target_cannot_be_a_text_question() {
    let follow_up = "\n[[sections.questions]]\nid = \"follow_up\"\ntype = \"number\"\n\
                     show_if = { question = \"notes\", min = 1 }\n";
    let (survey, diags) = load_toml(&[("\"money\"] }\n", &format!("\"money\"] }}\n{follow_up}"))]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:45:24: error: show_if of question `follow_up`: `notes` (text question) cannot be tested"],
    );
}

#[test]
fn show_if_any_of_must_name_options_of_the_target() {
    let (survey, diags) = load_toml(&[("[\"law\", \"money\"] }", "[\"law\", \"cash\"] }")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:40:51: error: show_if of question `notes`: `cash` is not an option of `topics` (multi question)"],
    );
}

#[test]
fn show_if_min_max_on_a_choice_target_points_at_the_key() {
    let (survey, diags) = load_toml(&[("[\"network\"] }", "[\"network\"], min = 1 }")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:24:54: error: `min` applies to number and scale questions, but `kind` (single question) has options"],
    );
}

#[test]
fn show_if_any_of_on_a_numeric_target_points_at_the_key() {
    let (survey, diags) = load_toml(&[("min = 1, max = 50", "any_of = [\"1\"]")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:31:33: error: `any_of` applies to single and multi questions, but `staff` (number question) is numeric",
    );
    assert_has(
        &diags,
        "survey.toml:31:24: error: needs `min`, `max` or both for `staff`",
    );
    assert_eq!(errors(&diags).len(), 2, "{}", show(&diags));
}

#[test]
fn show_if_with_empty_any_of_points_at_the_list() {
    let (survey, diags) = load_toml(&[("[\"law\", \"money\"] }", "[] }")]);
    assert!(survey.is_none());
    assert_has(
        &diags,
        "survey.toml:40:43: error: show_if of question `notes`: `any_of` is empty",
    );
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

// --- indicators -------------------------------------------------------------------

#[test]
fn indicator_on_an_unknown_question_points_at_the_question() {
    let (survey, diags) = load_toml(&[(
        "question = \"staff\"\nmeasure = \"mean\"",
        "question = \"staf\"\nmeasure = \"mean\"",
    )]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:50:12: error: indicator `staff_mean` refers to `staf`, which is not a question of this survey"],
    );
}

#[test]
fn indicator_with_an_unknown_measure_points_at_the_measure() {
    let (survey, diags) = load_toml(&[("measure = \"mean\"", "measure = \"median\"")]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:51:11: error: indicator `staff_mean` has unknown measure `median`; expected share, count, mean, sum, distribution or index"],
    );
}

#[test]
fn mean_and_sum_need_a_numeric_question() {
    for measure in ["mean", "sum"] {
        let (survey, diags) = load_toml(&[(
            "question = \"staff\"\nmeasure = \"mean\"",
            &format!("question = \"kind\"\nmeasure = \"{measure}\""),
        )]);
        assert!(survey.is_none());
        assert_only(
            &diags,
            &[&format!(
                "survey.toml:51:11: error: indicator `staff_mean`: `{measure}` applies to \
                 number and scale questions, but `kind` is a single question"
            )],
        );
    }
}

#[test]
fn distribution_needs_a_choice_question() {
    let (survey, diags) = load_toml(&[(
        "question = \"topics\"\nmeasure = \"distribution\"",
        "question = \"staff\"\nmeasure = \"distribution\"",
    )]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:56:11: error: indicator `topic_mix`: `distribution` applies to single and multi questions, but `staff` is a number question"],
    );
}

#[test]
fn share_and_count_need_a_condition() {
    let (survey, diags) = load_toml(&[
        ("any_of = [\"network\"]\n", "\n"),
        ("measure = \"count\"\nmax = 5\n", "measure = \"count\"\n"),
    ]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &[
            "survey.toml:45:11: error: indicator `networks` needs `any_of` with options of `kind` (single question)",
            "survey.toml:61:11: error: indicator `small_teams` needs `min`, `max` or both for `staff` (number question)",
        ],
    );
}

#[test]
fn any_of_on_a_mean_points_at_the_key() {
    let (survey, diags) = load_toml(&[(
        "measure = \"mean\"\n\n",
        "measure = \"mean\"\nany_of = [\"network\"]\n",
    )]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["survey.toml:52:1: error: indicator `staff_mean`: `any_of` only applies to share and count"],
    );
}

// --- Fluent texts -------------------------------------------------------------------

#[test]
fn fluent_syntax_error_points_at_its_line_and_column() {
    let en = format!("{EN}q-kind-help Pick the closest\n");
    let (survey, diags) = load_with(TOML, &[("en.ftl", &en)]);
    assert!(survey.is_none());
    assert_has(&diags, "en.ftl:19:13: error: Fluent syntax:");
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
}

#[test]
fn default_language_missing_a_message_is_an_error() {
    let en = edit(EN, &[("q-topics-law = Law\n", "")]);
    let (survey, diags) = load_with(TOML, &[("en.ftl", &en)]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["en.ftl:1:1: error: message `q-topics-law` is missing; the default language must be complete"],
    );
}

#[test]
fn other_language_missing_a_message_is_a_warning() {
    let fr = edit(FR, &[("q-staff = Combien de salariés avez-vous ?\n", "")]);
    let (survey, diags) = load_with(TOML, &[("en.ftl", EN), ("fr.ftl", &fr)]);
    assert_only(
        &diags,
        &["fr.ftl:1:1: warning: message `q-staff` is missing; the default language is shown instead"],
    );
    let survey = survey.expect("warnings alone keep the survey");
    assert_eq!(survey.texts.get("fr"), Some(&fr));
}

#[test]
fn unused_message_is_a_warning_at_its_line() {
    let en = format!("{EN}q-budget = What is your budget?\n");
    let (survey, diags) = load_with(TOML, &[("en.ftl", &en)]);
    assert!(survey.is_some());
    assert_only(
        &diags,
        &["en.ftl:19:1: warning: message `q-budget` is not used by the survey"],
    );
}

#[test]
fn message_defined_twice_names_the_first_line() {
    let en = format!("{EN}q-kind = Kind again\n");
    let (survey, diags) = load_with(TOML, &[("en.ftl", &en)]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["en.ftl:19:1: error: message `q-kind` is defined again (first on line 3)"],
    );
}

#[test]
fn language_file_with_a_bad_name_suggests_the_tag() {
    let (survey, diags) = load_with(TOML, &[("en.ftl", EN), ("pt_BR.ftl", FR)]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["pt_BR.ftl:1:1: error: file name `pt_BR.ftl` is not a BCP 47 language tag; did you mean `pt-BR.ftl`?"],
    );
}

#[test]
fn default_language_without_a_file_is_an_error() {
    let (survey, diags) = load_with(TOML, &[("fr.ftl", FR)]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &["en.ftl:1:1: error: the default language `en` has no text file"],
    );
}

// --- all problems at once; what comes back ----------------------------------------------

#[test]
fn every_problem_is_reported_in_one_run() {
    let toml = edit(
        TOML,
        &[
            ("\"en\"\n\n", "\"en\"\ntitle = \"Demo\"\n"),
            ("required = true", "required = \"yes\""),
            ("max = 1000", "max = \"1000\""),
            ("[\"network\"] }", "[\"network\"], min = 1 }"),
            (
                "measure = \"mean\"\n\n",
                "measure = \"mean\"\nany_of = [\"x\"]\n",
            ),
        ],
    );
    let en = format!("{EN}q-kind = Kind again\n");
    let fr = edit(FR, &[("q-notes = Autre chose ?\n", "")]);
    let (survey, diags) = load_with(&toml, &[("en.ftl", &en), ("fr.ftl", &fr)]);
    assert!(survey.is_none());
    assert_only(
        &diags,
        &[
            "survey.toml:3:1: error: unknown key `title`",
            "survey.toml:11:12: error: `required` must be true or false",
            "survey.toml:17:7: error: `max` must be a number",
            "survey.toml:24:54: error: `min` applies to number and scale questions",
            "survey.toml:52:1: error: `any_of` only applies to share and count",
            "en.ftl:19:1: error: message `q-kind` is defined again",
            "fr.ftl:1:1: warning: message `q-notes` is missing",
        ],
    );
}

#[test]
fn survey_comes_back_with_warnings_only() {
    let en = format!("{EN}q-budget = What is your budget?\n");
    let fr = edit(FR, &[("q-notes = Autre chose ?\n", "")]);
    let (survey, diags) = load_with(TOML, &[("en.ftl", &en), ("fr.ftl", &fr)]);
    assert_eq!(diags.len(), 2, "{}", show(&diags));
    assert!(diags.iter().all(|d| d.severity == Severity::Warning));
    let survey = survey.unwrap();
    assert_eq!(survey.texts.get("en"), Some(&en));
    assert_eq!(survey.languages(), vec!["en", "fr"]);
}

#[test]
fn any_error_withholds_the_survey() {
    // One error among warnings is enough.
    let en = format!("{EN}q-budget = What is your budget?\nq-kind = Kind again\n");
    let (survey, diags) = load_with(TOML, &[("en.ftl", &en)]);
    assert_eq!(errors(&diags).len(), 1, "{}", show(&diags));
    assert_eq!(diags.len(), 2, "{}", show(&diags));
    assert!(survey.is_none());
}

// --- show_if at answer time --------------------------------------------------------------

#[test]
fn question_whose_target_is_hidden_is_hidden_too() {
    let survey = base();
    // `topics` matches for `notes`, but `topics` itself is hidden (a group
    // does not see it), so its stale answer does not count.
    let a = answers(&[("kind", choice(0b01)), ("topics", choice(0b010))]);
    assert_eq!(survey.visible(&a), ["kind", "staff"]);
    let a = answers(&[("kind", choice(0b10)), ("topics", choice(0b010))]);
    assert_eq!(survey.visible(&a), ["kind", "staff", "topics", "notes"]);
}

#[test]
fn show_if_on_a_number_holds_within_min_and_max() {
    let survey = base();
    let shown = |staff: f64| {
        let a = answers(&[("staff", Value::Number(staff))]);
        survey.visible(&a).contains(&"rights")
    };
    assert!(!shown(0.0));
    assert!(shown(1.0));
    assert!(shown(50.0));
    assert!(!shown(50.5));
    assert!(
        !survey.visible(&Answers::new()).contains(&"rights"),
        "unanswered target"
    );
}

#[test]
fn show_if_any_of_on_a_multi_holds_when_one_option_is_chosen() {
    let survey = base();
    let shown = |topics: u64| {
        let a = answers(&[("kind", choice(0b10)), ("topics", choice(topics))]);
        survey.visible(&a).contains(&"notes")
    };
    assert!(!shown(0b000), "nothing chosen");
    assert!(!shown(0b001), "health only");
    assert!(shown(0b010), "law");
    assert!(shown(0b101), "health and money");
    assert!(shown(0b111));
}

#[test]
fn tests_match_only_their_kind_of_answer() {
    let any = Test::AnyOf(0b110);
    assert!(any.matches(&choice(0b010)));
    assert!(any.matches(&choice(0b111)));
    assert!(!any.matches(&choice(0b001)));
    assert!(!any.matches(&choice(0)));
    assert!(!any.matches(&Value::Number(2.0)));

    let range = Test::Range {
        min: Some(1.0),
        max: Some(5.0),
    };
    assert!(range.matches(&Value::Number(1.0)));
    assert!(range.matches(&Value::Number(5.0)));
    assert!(!range.matches(&Value::Number(0.9)));
    assert!(!range.matches(&Value::Number(5.1)));
    assert!(!range.matches(&choice(0b1)));
    assert!(!range.matches(&Value::Text("3".into())));

    let at_least = Test::Range {
        min: Some(10.0),
        max: None,
    };
    assert!(at_least.matches(&Value::Number(1e9)));
    assert!(!at_least.matches(&Value::Number(9.0)));
}

#[test]
fn frozen_copy_through_json_equals_the_original() {
    let survey = base();
    let json = serde_json::to_string(&survey).unwrap();
    let thawed: Survey = serde_json::from_str(&json).unwrap();
    assert_eq!(thawed, survey);
    assert_eq!(thawed.content_hash(), survey.content_hash());
}

// --- the example survey ---------------------------------------------------------------------

#[test]
fn example_survey_loads_without_any_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys/member_survey");
    let (survey, diags) = load_dir(&dir);
    assert!(diags.is_empty(), "{}", show(&diags));
    let survey = survey.unwrap();
    assert_eq!(survey.id, "member_survey");
    assert_eq!(survey.languages(), vec!["en", "es", "fr", "ru", "zh"]);
}
mod conditions;
