//! Contract §8 as `survey check` reads it: the condition language (in
//! `show_if`, `where`, `match` and `components`), the indicator fields, and
//! the `note` question type. Each misuse is one diagnostic at the line and
//! column to fix; positions are found by the text they point at, so the
//! test says where each problem is reported, not a number to keep in step.

use super::*;
use crate::survey::{Denominator, Indicator, Matcher, Unit};

const TOML8: &str = r#"id = "demo"
default_language = "en"

[[sections]]
id = "org"

[[sections.questions]]
id = "intro"
type = "note"

[[sections.questions]]
id = "registration_status"
type = "single"
options = ["registered", "pending", "none"]

[[sections.questions]]
id = "paid_staff"
type = "number"
min = 0

[[sections.questions]]
id = "has_programmes"
type = "single"
options = ["yes", "no"]

[[sections.questions]]
id = "programme_codesign"
type = "multi"
options = ["led", "codesigned", "consulted", "unsure", "no_programmes"]
show_if = { all = [ { question = "has_programmes", any_of = ["yes"] }, { not = { question = "paid_staff", max = 0 } } ] }

[[sections.questions]]
id = "details"
type = "text"
show_if = { any = [ { question = "registration_status", answered = true }, { question = "paid_staff", min = 1 } ] }

[[sections.questions]]
id = "staff_note"
type = "note"
show_if = { question = "paid_staff", min = 10 }

[[indicators]]
id = "programmes_codesigned"
framework = "2A"
question = "programme_codesign"
measure = "share"
any_of = ["led", "codesigned"]
exclude = ["unsure", "no_programmes"]
where = { question = "has_programmes", any_of = ["yes"] }
denominator = "answered"
unit = "member"

[[indicators]]
id = "org_developed"
measure = "share"
match = { all = [ { question = "registration_status", any_of = ["registered"] },
                  { question = "paid_staff", min = 1 } ] }

[[indicators]]
id = "org_development_index"
measure = "index"
components = [ { question = "registration_status", any_of = ["registered"] },
               { question = "paid_staff", min = 1 },
               { question = "details", answered = true } ]

[[indicators]]
id = "countries_registered"
question = "registration_status"
measure = "count"
any_of = ["registered"]
unit = "country"
denominator = "targeted"
"#;

const EN8: &str = "survey-title = Demo survey
section-org = Organisation
q-intro = A few questions about your organisation.
q-registration_status = Is your organisation registered?
q-registration_status-registered = Registered
q-registration_status-pending = Pending
q-registration_status-none = Not registered
q-paid_staff = How many paid staff?
q-has_programmes = Do you run programmes?
q-has_programmes-yes = Yes
q-has_programmes-no = No
q-programme_codesign = How were your programmes designed?
q-programme_codesign-led = Led by sex workers
q-programme_codesign-codesigned = Co-designed
q-programme_codesign-consulted = Consulted
q-programme_codesign-unsure = Not sure
q-programme_codesign-no_programmes = No programmes
q-details = Details
q-staff_note = Thank you, large teams get a follow-up call.
indicator-programmes_codesigned = Programmes co-designed
indicator-org_developed = Developed organisations
indicator-org_development_index = Organisational development index
indicator-countries_registered = Countries with a registered organisation
";

fn load8(edits: &[(&str, &str)]) -> (String, Option<Survey>, Vec<Diagnostic>) {
    let toml = edit(TOML8, edits);
    let (survey, diags) = load_with(&toml, &[("en.ftl", EN8)]);
    (toml, survey, diags)
}

fn survey8() -> Survey {
    let (_, survey, diags) = load8(&[]);
    assert!(diags.is_empty(), "{}", show(&diags));
    survey.unwrap()
}

/// `LINE:COL` of the first occurrence of `needle` after `after` in `text`
/// (columns count characters).
fn at(text: &str, after: &str, needle: &str) -> String {
    let from = text.find(after).unwrap_or_else(|| panic!("no `{after}`"));
    let offset = from
        + text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("no `{needle}`"));
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count() + 1;
    let col = text[line_start..offset].chars().count() + 1;
    format!("{line}:{col}")
}

/// The survey fails with exactly one error, at `needle` (after `after`),
/// whose message contains `part`.
#[track_caller]
fn refused(edits: &[(&str, &str)], after: &str, needle: &str, part: &str) {
    let (toml, survey, diags) = load8(edits);
    assert!(survey.is_none(), "{part}");
    let expected = format!("survey.toml:{}: error: {part}", at(&toml, after, needle));
    assert_only(&diags, &[expected.as_str()]);
}

fn leaf(question: &str, test: Test) -> Condition {
    Condition::Answer {
        question: question.into(),
        test,
    }
}

// --- what the examples of §8 parse to ----------------------------------------

#[test]
fn nested_show_if_conditions_parse_to_their_tree() {
    let s = survey8();
    assert_eq!(
        s.question("programme_codesign").unwrap().show_if,
        Some(Condition::All {
            all: vec![
                leaf("has_programmes", Test::AnyOf(0b01)),
                Condition::Not {
                    not: Box::new(leaf(
                        "paid_staff",
                        Test::Range {
                            min: None,
                            max: Some(0.0)
                        }
                    )),
                },
            ]
        })
    );
    assert_eq!(
        s.question("details").unwrap().show_if,
        Some(Condition::Any {
            any: vec![
                leaf("registration_status", Test::Answered),
                leaf(
                    "paid_staff",
                    Test::Range {
                        min: Some(1.0),
                        max: None
                    }
                ),
            ]
        })
    );
    let intro = s.question("intro").unwrap();
    assert_eq!(intro.kind, QuestionKind::Note);
    assert!(!intro.required);
    assert!(s.question("staff_note").unwrap().show_if.is_some());
}

#[test]
fn indicator_fields_parse_to_their_values() {
    let s = survey8();
    let mut codesigned = Indicator::new(
        "programmes_codesigned",
        "programme_codesign",
        Measure::share(Test::AnyOf(0b00011)),
    );
    codesigned.framework = Some("2A".into());
    codesigned.exclude = 0b11000;
    codesigned.population = Some(leaf("has_programmes", Test::AnyOf(0b01)));
    assert_eq!(s.indicators[0], codesigned);

    let developed = &s.indicators[1];
    assert_eq!(developed.question, None);
    assert_eq!(
        developed.measure,
        Measure::Share(Matcher::Match {
            condition: Condition::All {
                all: vec![
                    leaf("registration_status", Test::AnyOf(0b001)),
                    leaf(
                        "paid_staff",
                        Test::Range {
                            min: Some(1.0),
                            max: None
                        }
                    ),
                ]
            }
        })
    );
    // A composite counts its respondents unless told otherwise.
    assert_eq!(developed.denominator, Denominator::Respondents);
    assert_eq!(developed.unit, Unit::Member);

    let index = &s.indicators[2];
    assert_eq!(index.question, None);
    assert_eq!(index.denominator, Denominator::Respondents);
    let Measure::Index(components) = &index.measure else {
        panic!("{:?}", index.measure);
    };
    assert_eq!(components.len(), 3);
    assert_eq!(components[2], leaf("details", Test::Answered));

    let countries = &s.indicators[3];
    assert_eq!(countries.unit, Unit::Country);
    assert_eq!(countries.denominator, Denominator::Targeted);
    assert_eq!(countries.measure, Measure::count(Test::AnyOf(0b001)));
    assert_eq!(
        countries.questions(),
        ["registration_status"],
        "each question once"
    );
    assert_eq!(
        s.indicators[0].questions(),
        ["programme_codesign", "has_programmes"]
    );
}

#[test]
fn a_survey_with_section_8_survives_its_frozen_copy() {
    let s = survey8();
    let thawed: Survey = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
    assert_eq!(thawed, s);
}

// --- serialised as before -----------------------------------------------------

#[test]
fn a_survey_without_section_8_fields_serialises_as_before() {
    let mut survey = base();
    survey.texts.clear();
    // Written by hand from the types as they were before §8 (`ShowIf
    // {question, test}`, `Indicator {id, question, measure}`,
    // `Measure::Share(Test)`).
    let old = concat!(
        r#"{"id":"demo","default_language":"en","sections":["#,
        r#"{"id":"org","questions":["#,
        r#"{"id":"kind","required":true,"show_if":null,"kind":{"type":"single","options":["group","network"]}},"#,
        r#"{"id":"staff","required":false,"show_if":null,"kind":{"type":"number","min":0.0,"max":1000.0,"integer":true}},"#,
        r#"{"id":"topics","required":false,"show_if":{"question":"kind","test":{"any_of":2}},"kind":{"type":"multi","options":["health","law","money"]}},"#,
        r#"{"id":"rights","required":false,"show_if":{"question":"staff","test":{"range":{"min":1.0,"max":50.0}}},"kind":{"type":"scale","min":1,"max":5}}]},"#,
        r#"{"id":"views","questions":["#,
        r#"{"id":"notes","required":false,"show_if":{"question":"topics","test":{"any_of":6}},"kind":{"type":"text","max_length":500}}]}],"#,
        r#""indicators":["#,
        r#"{"id":"networks","question":"kind","measure":{"share":{"any_of":2}}},"#,
        r#"{"id":"staff_mean","question":"staff","measure":"mean"},"#,
        r#"{"id":"topic_mix","question":"topics","measure":"distribution"},"#,
        r#"{"id":"small_teams","question":"staff","measure":{"count":{"range":{"min":null,"max":5.0}}}}],"#,
        r#""texts":{}}"#,
    );
    assert_eq!(serde_json::to_string(&survey).unwrap(), old);
    let thawed: Survey = serde_json::from_str(old).unwrap();
    assert_eq!(thawed, survey);
}

#[test]
fn an_old_frozen_condition_still_reads() {
    let c: Condition = serde_json::from_str(r#"{"question":"x","test":{"any_of":1}}"#).unwrap();
    assert_eq!(c, leaf("x", Test::AnyOf(1)));
    let c: Condition =
        serde_json::from_str(r#"{"not":{"any":[{"question":"x","test":"answered"}]}}"#).unwrap();
    assert_eq!(
        c,
        Condition::Not {
            not: Box::new(Condition::Any {
                any: vec![leaf("x", Test::Answered)]
            })
        }
    );
}

// --- shown or hidden ----------------------------------------------------------------

#[test]
fn nested_show_if_decides_what_is_shown() {
    let s = survey8();
    let shown = |pairs: &[(&str, Value)]| -> Vec<String> {
        s.visible(&answers(pairs))
            .into_iter()
            .map(String::from)
            .collect()
    };
    let staffed = |n: f64| ("paid_staff", Value::Number(n));
    let programmes = ("has_programmes", choice(0b01));
    // all: programmes, and not (paid_staff <= 0).
    assert!(shown(&[programmes.clone(), staffed(3.0)]).contains(&"programme_codesign".into()));
    assert!(!shown(&[programmes.clone(), staffed(0.0)]).contains(&"programme_codesign".into()));
    // An unanswered paid_staff passes no test, so `not` of it holds.
    assert!(shown(std::slice::from_ref(&programmes)).contains(&"programme_codesign".into()));
    assert!(!shown(&[("has_programmes", choice(0b10))]).contains(&"programme_codesign".into()));
    // any: registration answered, or staff >= 1.
    assert!(!shown(&[]).contains(&"details".into()));
    assert!(shown(&[("registration_status", choice(0b100))]).contains(&"details".into()));
    assert!(shown(&[staffed(1.0)]).contains(&"details".into()));
    // A note is shown by its condition like any question.
    assert!(shown(&[staffed(12.0)]).contains(&"staff_note".into()));
    assert!(!shown(&[staffed(9.0)]).contains(&"staff_note".into()));
    assert!(shown(&[]).contains(&"intro".into()));
}

#[test]
fn a_hidden_question_fails_answered_and_its_negation_holds() {
    let s = survey8();
    // `programme_codesign` is hidden (no programmes), though answered.
    let a = answers(&[
        ("has_programmes", choice(0b10)),
        ("programme_codesign", choice(0b1)),
    ]);
    let answer = |id: &str| s.visible(&a).contains(&id).then(|| a.get(id)).flatten();
    let answered = leaf("programme_codesign", Test::Answered);
    assert!(!answered.holds(&answer));
    let not = Condition::Not {
        not: Box::new(answered),
    };
    assert!(not.holds(&answer));
}

// --- misuses of conditions ------------------------------------------------------------

const CODESIGN_IF: &str = r#"{ not = { question = "paid_staff", max = 0 } }"#;

#[test]
fn show_if_may_read_only_earlier_questions_at_any_depth() {
    refused(
        &[(CODESIGN_IF, r#"{ not = { question = "details", answered = true } }"#)],
        "id = \"programme_codesign\"",
        "\"details\"",
        "show_if of question `programme_codesign` refers to `details`, which is not a question before it",
    );
}

#[test]
fn a_condition_on_an_unknown_question_is_an_error() {
    refused(
        &[(
            r#"where = { question = "has_programmes""#,
            r#"where = { question = "has_programme""#,
        )],
        "where =",
        "\"has_programme\"",
        "`where` of indicator `programmes_codesigned` refers to `has_programme`, which is not a question of this survey",
    );
}

#[test]
fn no_condition_may_name_a_note() {
    refused(
        &[(
            r#", { question = "paid_staff", min = 1 } ] }"#,
            r#", { question = "intro", answered = true } ] }"#,
        )],
        "id = \"details\"",
        "\"intro\"",
        "show_if of question `details`: `intro` is a note, which takes no answer; no condition may name it",
    );
    refused(
        &[(
            r#"{ question = "details", answered = true } ]"#,
            r#"{ question = "staff_note", answered = true } ]"#,
        )],
        "components",
        "\"staff_note\"",
        "component 3 of indicator `org_development_index`: `staff_note` is a note",
    );
}

#[test]
fn answered_takes_only_true() {
    refused(
        &[(
            r#"{ question = "registration_status", answered = true }"#,
            r#"{ question = "registration_status", answered = false }"#,
        )],
        "id = \"details\"",
        "false",
        "show_if of question `details`: `answered` takes only true",
    );
}

#[test]
fn answered_goes_alone() {
    refused(
        &[(
            r#"{ question = "registration_status", answered = true }"#,
            r#"{ question = "registration_status", answered = true, any_of = ["none"] }"#,
        )],
        "id = \"details\"",
        "any_of",
        "`any_of` cannot go with `answered`",
    );
}

#[test]
fn answered_on_a_composite_is_refused() {
    refused(
        &[(
            r#"  { question = "paid_staff", min = 1 } ] }"#,
            r#"  { question = "details", answered = true } ] }"#,
        )],
        "match =",
        "true",
        "`match` of indicator `org_developed`: `answered` on a composite is refused",
    );
}

#[test]
fn an_empty_all_or_any_is_an_error() {
    refused(
        &[(
            r#"match = { all = [ { question = "registration_status", any_of = ["registered"] },
                  { question = "paid_staff", min = 1 } ] }"#,
            "match = { any = [] }",
        )],
        "match =",
        "[]",
        "`match` of indicator `org_developed`: `any` is empty",
    );
}

#[test]
fn two_forms_in_one_condition_are_an_error() {
    refused(
        &[(
            CODESIGN_IF,
            r#"{ question = "paid_staff", max = 0, any = [] }"#,
        )],
        "id = \"programme_codesign\"",
        "any = []",
        "`question` and `any` cannot be in one condition",
    );
}

#[test]
fn not_takes_one_condition() {
    refused(
        &[(CODESIGN_IF, r#"{ not = "paid_staff" }"#)],
        "id = \"programme_codesign\"",
        "\"paid_staff\" }",
        "show_if of question `programme_codesign` must be a condition",
    );
}

#[test]
fn unknown_keys_in_a_nested_condition_point_at_the_key() {
    refused(
        &[(
            CODESIGN_IF,
            r#"{ not = { question = "paid_staff", max = 0, most = 1 } }"#,
        )],
        "id = \"programme_codesign\"",
        "most",
        "unknown key `most` in show_if of question `programme_codesign`",
    );
}

// --- misuses of indicator fields ---------------------------------------------------------

#[test]
fn exclude_names_options_of_the_question() {
    refused(
        &[(r#"exclude = ["unsure", "#, r#"exclude = ["unsur", "#)],
        "exclude",
        "\"unsur\"",
        "`exclude` of indicator `programmes_codesigned`: `unsur` is not an option of `programme_codesign` (multi question)",
    );
}

#[test]
fn any_of_may_not_name_an_excluded_option() {
    refused(
        &[(
            r#"any_of = ["led", "codesigned"]"#,
            r#"any_of = ["led", "unsure"]"#,
        )],
        "any_of = [\"led\"",
        "\"unsure\"",
        "indicator `programmes_codesigned`: `unsure` is in `exclude`, so it never matches",
    );
}

#[test]
fn exclude_on_a_number_question_says_use_where() {
    refused_mean(
        "exclude = [\"none\"]\n",
        "exclude",
        "indicator `countries_registered`: `exclude` names options of single and multi questions; `paid_staff` is a number question, so use `where`",
    );
}

#[test]
fn an_option_excluded_twice_is_excluded_once() {
    let (_, survey, diags) = load8(&[(
        r#"exclude = ["unsure", "no_programmes"]"#,
        r#"exclude = ["unsure", "unsure"]"#,
    )]);
    assert!(diags.is_empty(), "{}", show(&diags));
    assert_eq!(survey.unwrap().indicators[0].exclude, 0b01000);
}

#[test]
fn exclude_cannot_take_out_every_option() {
    refused(
        &[(
            "exclude = [\"unsure\", \"no_programmes\"]",
            "exclude = [\"led\", \"codesigned\", \"consulted\", \"unsure\", \"no_programmes\"]",
        )],
        "id = \"programmes_codesigned\"",
        "[\"led\", \"codesigned\", \"consulted\"",
        "`exclude` must name some options of `programme_codesign` (multi question), not none or all",
    );
}

#[test]
fn where_cannot_go_with_targeted() {
    refused(
        &[("denominator = \"answered\"", "denominator = \"targeted\"")],
        "id = \"programmes_codesigned\"",
        "where",
        "indicator `programmes_codesigned`: `where` cannot go with denominator = \"targeted\"",
    );
}

#[test]
fn answered_denominator_is_refused_for_composites_and_index() {
    refused(
        &[(
            "measure = \"share\"\nmatch",
            "measure = \"share\"\ndenominator = \"answered\"\nmatch",
        )],
        "id = \"org_developed\"",
        "\"answered\"",
        "indicator `org_developed`: denominator = \"answered\" needs the indicator's own question",
    );
    refused(
        &[(
            "measure = \"index\"\n",
            "measure = \"index\"\ndenominator = \"answered\"\n",
        )],
        "id = \"org_development_index\"",
        "\"answered\"",
        "indicator `org_development_index`: denominator = \"answered\" needs",
    );
}

/// Turns `countries_registered` into a `mean` of `paid_staff` with `rest`
/// in place of its `unit` and `denominator`.
fn mean_with(rest: &str) -> Vec<(&'static str, String)> {
    vec![(
        "question = \"registration_status\"\nmeasure = \"count\"\nany_of = [\"registered\"]\nunit = \"country\"\ndenominator = \"targeted\"\n",
        format!("question = \"paid_staff\"\nmeasure = \"mean\"\n{rest}"),
    )]
}

fn refused_mean(rest: &str, needle: &str, part: &str) {
    let edits = mean_with(rest);
    let edits: Vec<(&str, &str)> = edits.iter().map(|(a, b)| (*a, b.as_str())).collect();
    refused(&edits, "id = \"countries_registered\"", needle, part);
}

#[test]
fn mean_and_sum_take_only_the_answered_denominator() {
    refused_mean(
        "denominator = \"respondents\"\n",
        "\"respondents\"",
        "indicator `countries_registered`: `mean` takes only denominator = \"answered\"",
    );
}

#[test]
fn country_unit_is_only_for_share_and_count() {
    refused_mean(
        "unit = \"country\"\n",
        "\"country\"",
        "indicator `countries_registered`: unit = \"country\" applies only to share and count, not to `mean`",
    );
}

#[test]
fn unknown_denominator_and_unit_words_are_named() {
    refused(
        &[("denominator = \"targeted\"", "denominator = \"everyone\"")],
        "id = \"countries_registered\"",
        "\"everyone\"",
        "indicator `countries_registered` has unknown denominator `everyone`; expected one of: answered, respondents, targeted",
    );
    refused(
        &[("unit = \"country\"", "unit = \"org\"")],
        "id = \"countries_registered\"",
        "\"org\"",
        "has unknown unit `org`; expected one of: member, country",
    );
}

#[test]
fn question_with_match_is_an_error() {
    refused(
        &[(
            "id = \"org_developed\"\n",
            "id = \"org_developed\"\nquestion = \"paid_staff\"\n",
        )],
        "id = \"org_developed\"",
        "match",
        "indicator `org_developed` has both `question` and `match`",
    );
}

#[test]
fn composite_takes_no_test_of_its_own() {
    refused(
        &[(
            "measure = \"share\"\nmatch",
            "measure = \"share\"\nany_of = [\"x\"]\nmatch",
        )],
        "id = \"org_developed\"",
        "any_of",
        "indicator `org_developed`: `any_of` does not apply to a composite",
    );
}

#[test]
fn share_without_question_or_match_says_so() {
    let (toml, survey, diags) = load8(&[(
        r#"match = { all = [ { question = "registration_status", any_of = ["registered"] },
                  { question = "paid_staff", min = 1 } ] }
"#,
        "",
    )]);
    assert!(survey.is_none());
    let place = at(&toml, "[[indicators]]\nid = \"org_developed\"", "[[");
    assert_only(
        &diags,
        &[&format!("survey.toml:{place}: error: indicator `org_developed` needs `question`, or `match` for a composite")],
    );
}

#[test]
fn index_needs_components_and_no_question() {
    let components = r#"components = [ { question = "registration_status", any_of = ["registered"] },
               { question = "paid_staff", min = 1 },
               { question = "details", answered = true } ]"#;
    refused(
        &[(components, "components = []")],
        "id = \"org_development_index\"",
        "[]",
        "indicator `org_development_index`: `components` is empty",
    );
    let (toml, survey, diags) = load8(&[(components, "")]);
    assert!(survey.is_none());
    let place = at(
        &toml,
        "[[indicators]]\nid = \"org_development_index\"",
        "[[",
    );
    assert_only(
        &diags,
        &[&format!(
            "survey.toml:{place}: error: indicator `org_development_index` is missing `components`"
        )],
    );
    refused(
        &[(
            "measure = \"index\"\n",
            "measure = \"index\"\nquestion = \"paid_staff\"\n",
        )],
        "id = \"org_development_index\"",
        "question = \"paid_staff\"",
        "indicator `org_development_index`: an index has no `question`",
    );
}

#[test]
fn match_and_components_belong_to_their_measures() {
    refused(
        &[("measure = \"index\"\n", "measure = \"count\"\n")],
        "id = \"org_development_index\"",
        "components",
        "indicator `org_development_index`: `components` only applies to measure = \"index\"",
    );
}

#[test]
fn framework_is_a_non_empty_string() {
    refused(
        &[("framework = \"2A\"", "framework = 2")],
        "id = \"programmes_codesigned\"",
        "2\n",
        "`framework` of indicator `programmes_codesigned` must be a string",
    );
    refused(
        &[("framework = \"2A\"", "framework = \" \"")],
        "id = \"programmes_codesigned\"",
        "\" \"",
        "`framework` of indicator `programmes_codesigned` is empty",
    );
}

// --- notes ------------------------------------------------------------------------

#[test]
fn a_note_cannot_be_required() {
    refused(
        &[("type = \"note\"\n\n", "type = \"note\"\nrequired = true\n")],
        "id = \"intro\"",
        "true",
        "question `intro` is a note, which takes no answer; it cannot be required",
    );
}

#[test]
fn a_note_takes_no_type_keys() {
    refused(
        &[("type = \"note\"\n\n", "type = \"note\"\nmax_length = 5\n")],
        "id = \"intro\"",
        "max_length",
        "`max_length` does not apply to question `intro`, a note question",
    );
}

#[test]
fn no_indicator_reads_a_note() {
    refused(
        &[(
            "question = \"registration_status\"\nmeasure = \"count\"",
            "question = \"intro\"\nmeasure = \"count\"",
        )],
        "id = \"countries_registered\"",
        "\"intro\"",
        "indicator `countries_registered`: `intro` is a note, which takes no answer; no indicator can read it",
    );
}

#[test]
fn every_misuse_is_reported_in_one_run() {
    let (toml, survey, diags) = load8(&[
        ("type = \"note\"\n\n", "type = \"note\"\nrequired = true\n"),
        (
            CODESIGN_IF,
            r#"{ not = { question = "details", min = 1 } }"#,
        ),
        ("framework = \"2A\"", "framework = \"\""),
        (
            r#"  { question = "paid_staff", min = 1 } ] }"#,
            r#"  { question = "details", answered = true } ] }"#,
        ),
        ("unit = \"country\"", "unit = \"nation\""),
    ]);
    assert!(survey.is_none());
    let p = |after: &str, needle: &str| at(&toml, after, needle);
    assert_only(
        &diags,
        &[
            &format!(
                "survey.toml:{}: error: it cannot be required",
                p("id = \"intro\"", "true")
            ),
            &format!(
                "survey.toml:{}: error: refers to `details`, which is not a question before it",
                p("id = \"programme_codesign\"", "\"details\"")
            ),
            // The indicator on the broken question says no more than this.
            &format!(
                "survey.toml:{}: error: `framework` of indicator `programmes_codesigned` is empty",
                p("framework", "\"\"")
            ),
            &format!(
                "survey.toml:{}: error: `answered` on a composite is refused",
                p("match =", "true")
            ),
            &format!(
                "survey.toml:{}: error: unknown unit `nation`",
                p("id = \"countries_registered\"", "\"nation\"")
            ),
        ],
    );
}
