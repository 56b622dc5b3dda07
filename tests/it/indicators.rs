//! Contract §8 through the command line, on every backend: `where`,
//! `exclude`, the three denominators, country units, a composite and an
//! index; `--by country|type` with and without `--region`; `--detail`;
//! `--compare` (and that it reads the earlier round's stored results); the
//! JSON keys and the register; and a survey without any of it printing
//! exactly what §6 printed.

use std::path::{Path, PathBuf};

use clap::Parser;

use crate::helpers::*;

const SURVEY: &str = r#"
id = "ind"
default_language = "en"

[[sections]]
id = "main"

  [[sections.questions]]
  id = "has_programmes"
  type = "single"
  options = ["yes", "no"]
  required = true

  [[sections.questions]]
  id = "codesign"
  type = "single"
  options = ["led", "codesigned", "consulted", "unsure"]
  show_if = { question = "has_programmes", any_of = ["yes"] }

  [[sections.questions]]
  id = "staff"
  type = "number"
  min = 0
  max = 100
  integer = true

[[indicators]]
id = "codesigned"
framework = "2A"
question = "codesign"
measure = "share"
any_of = ["led", "codesigned"]
exclude = ["unsure"]
where = { question = "has_programmes", any_of = ["yes"] }

[[indicators]]
id = "programmes_targeted"
question = "has_programmes"
measure = "share"
any_of = ["yes"]
denominator = "targeted"

[[indicators]]
id = "countries_programmes"
question = "has_programmes"
measure = "share"
any_of = ["yes"]
unit = "country"

[[indicators]]
id = "staffed_programmes"
measure = "share"
match = { all = [ { question = "has_programmes", any_of = ["yes"] }, { question = "staff", min = 1 } ] }

[[indicators]]
id = "org_index"
measure = "index"
components = [ { question = "has_programmes", any_of = ["yes"] }, { question = "staff", min = 1 } ]

[[indicators]]
id = "codesign_dist"
question = "codesign"
measure = "distribution"
exclude = ["unsure"]
"#;

const EN: &str = "survey-title = Indicators
section-main = Main
q-has_programmes = Do you run programmes?
q-has_programmes-yes = Yes
q-has_programmes-no = No
q-codesign = How are they designed?
q-codesign-led = We lead
q-codesign-codesigned = Co-designed
q-codesign-consulted = Consulted
q-codesign-unsure = Unsure
q-staff = Paid staff
indicator-codesigned = Programmes co-designed
indicator-programmes_targeted = Members with programmes
indicator-countries_programmes = Countries with programmes
indicator-staffed_programmes = Staffed programmes
indicator-org_index = Organisation index
indicator-codesign_dist = Design of programmes
";

/// Members: africa has two countries and three types (one empty), asia
/// one country, europe a member who never answers.
const MEMBERS: &str = "id,name,country,region,email,language,joined,type
a1,Org a1,KE,africa,a1@example.org,en,2025-06-01,national
a2,Org a2,KE,africa,a2@example.org,en,2025-03-01,national
a3,Org a3,KE,africa,a3@example.org,en,2024-03-01,regional_network
a4,Org a4,UG,africa,a4@example.org,en,,national
a5,Org a5,UG,africa,a5@example.org,en,2026-03-02,
s1,Org s1,IN,asia,s1@example.org,en,2025-03-02,national
s2,Org s2,IN,asia,s2@example.org,en,2020-01-01,national
e1,Org e1,FR,europe,e1@example.org,en,2026-03-01,national
";

/// member, has_programmes, codesign, staff
const ANSWERS: &str = "member,has_programmes,codesign,staff
a1,yes,led,3
a2,yes,unsure,0
a3,no,,5
a4,yes,consulted,
a5,no,,2
s1,yes,codesigned,1
s2,no,,0
";

fn surveys(db: &TestDb) -> PathBuf {
    let dir = db.dir.path().join("ind_surveys");
    std::fs::create_dir_all(dir.join("ind")).unwrap();
    std::fs::write(dir.join("ind/survey.toml"), SURVEY).unwrap();
    std::fs::write(dir.join("ind/en.ftl"), EN).unwrap();
    dir
}

/// A command line against `db` and `surveys` with a minimum cell of `min_cell`.
fn run(
    db: &TestDb,
    surveys: &Path,
    min_cell: u32,
    args: &[&str],
) -> Result<String, canvass::error::AppError> {
    let url = db.url_string();
    let min = min_cell.to_string();
    let dirs = surveys.display().to_string();
    let (key, outbox) = db.private_paths();
    let mut argv = vec!["canvass", "--database-url", &url, "--min-cell", &min];
    argv.extend([
        "--surveys-dir",
        &dirs,
        "--secret-file",
        &key,
        "--outbox-dir",
        &outbox,
    ]);
    argv.extend(args);
    let cli = canvass::cli::Cli::try_parse_from(argv).unwrap();
    let mut out = Vec::new();
    canvass::cli::run(cli, &mut out).map(|()| String::from_utf8(out).unwrap())
}

/// Members, round `r1` opening 2026-03-01 with every answer, closed.
fn setup(db: &TestDb) -> PathBuf {
    let s = surveys(db);
    let members = db.file_arg("members.csv", MEMBERS);
    run(db, &s, 1, &["members", "import", &members]).unwrap();
    let create = [
        "round",
        "create",
        "r1",
        "--survey",
        "ind",
        "--opens",
        "2026-03-01",
    ];
    run(db, &s, 1, &create).unwrap();
    let answers = db.file_arg("answers.csv", ANSWERS);
    run(db, &s, 1, &["responses", "import", "r1", &answers]).unwrap();
    run(db, &s, 1, &["round", "close", "r1"]).unwrap();
    s
}

fn csv(db: &TestDb, s: &Path, min_cell: u32, extra: &[&str]) -> String {
    let mut args = vec!["results", "r1", "--format", "csv"];
    args.extend(extra);
    run(db, s, min_cell, &args).unwrap()
}

const DETAIL: &str = "\
indicator,option,region,value,respondents,suppressed,numerator,denominator
codesigned,,africa,0.5,2,false,1,2
codesigned,,asia,1,1,false,1,1
codesigned,,europe,,,true,,
codesigned,,ALL,0.6667,3,false,2,3
programmes_targeted,,africa,0.6,5,false,3,5
programmes_targeted,,asia,0.5,2,false,1,2
programmes_targeted,,europe,,,true,,
programmes_targeted,,ALL,0.5,7,false,4,8
countries_programmes,,africa,1,5,false,2,2
countries_programmes,,asia,1,2,false,1,1
countries_programmes,,europe,,,true,,
countries_programmes,,ALL,1,7,false,3,3
staffed_programmes,,africa,0.2,5,false,1,5
staffed_programmes,,asia,0.5,2,false,1,2
staffed_programmes,,europe,,,true,,
staffed_programmes,,ALL,0.2857,7,false,2,7
org_index,,africa,0.6,5,false,6,10
org_index,,asia,0.5,2,false,2,4
org_index,,europe,,,true,,
org_index,,ALL,0.5714,7,false,8,14
codesign_dist,led,africa,0.5,2,false,1,2
codesign_dist,led,asia,0,1,false,0,1
codesign_dist,led,europe,,,true,,
codesign_dist,led,ALL,0.3333,3,false,1,3
codesign_dist,codesigned,africa,0,2,false,0,2
codesign_dist,codesigned,asia,1,1,false,1,1
codesign_dist,codesigned,europe,,,true,,
codesign_dist,codesigned,ALL,0.3333,3,false,1,3
codesign_dist,consulted,africa,0.5,2,false,1,2
codesign_dist,consulted,asia,0,1,false,0,1
codesign_dist,consulted,europe,,,true,,
codesign_dist,consulted,ALL,0.3333,3,false,1,3
";

const BY_COUNTRY: &str = "\
indicator,option,region,country,value,respondents,suppressed
codesigned,,africa,KE,1,1,false
codesigned,,africa,UG,0,1,false
codesigned,,africa,,0.5,2,false
codesigned,,asia,IN,1,1,false
codesigned,,asia,,1,1,false
codesigned,,europe,FR,,,true
codesigned,,europe,,,,true
codesigned,,ALL,,0.6667,3,false
programmes_targeted,,africa,KE,0.6667,3,false
programmes_targeted,,africa,UG,0.5,2,false
programmes_targeted,,africa,,0.6,5,false
programmes_targeted,,asia,IN,0.5,2,false
programmes_targeted,,asia,,0.5,2,false
programmes_targeted,,europe,FR,,,true
programmes_targeted,,europe,,,,true
programmes_targeted,,ALL,,0.5,7,false
countries_programmes,,africa,KE,1,3,false
countries_programmes,,africa,UG,1,2,false
countries_programmes,,africa,,1,5,false
countries_programmes,,asia,IN,1,2,false
countries_programmes,,asia,,1,2,false
countries_programmes,,europe,FR,,,true
countries_programmes,,europe,,,,true
countries_programmes,,ALL,,1,7,false
staffed_programmes,,africa,KE,0.3333,3,false
staffed_programmes,,africa,UG,0,2,false
staffed_programmes,,africa,,0.2,5,false
staffed_programmes,,asia,IN,0.5,2,false
staffed_programmes,,asia,,0.5,2,false
staffed_programmes,,europe,FR,,,true
staffed_programmes,,europe,,,,true
staffed_programmes,,ALL,,0.2857,7,false
org_index,,africa,KE,0.6667,3,false
org_index,,africa,UG,0.5,2,false
org_index,,africa,,0.6,5,false
org_index,,asia,IN,0.5,2,false
org_index,,asia,,0.5,2,false
org_index,,europe,FR,,,true
org_index,,europe,,,,true
org_index,,ALL,,0.5714,7,false
codesign_dist,led,africa,KE,1,1,false
codesign_dist,led,africa,UG,0,1,false
codesign_dist,led,africa,,0.5,2,false
codesign_dist,led,asia,IN,0,1,false
codesign_dist,led,asia,,0,1,false
codesign_dist,led,europe,FR,,,true
codesign_dist,led,europe,,,,true
codesign_dist,led,ALL,,0.3333,3,false
codesign_dist,codesigned,africa,KE,0,1,false
codesign_dist,codesigned,africa,UG,0,1,false
codesign_dist,codesigned,africa,,0,2,false
codesign_dist,codesigned,asia,IN,1,1,false
codesign_dist,codesigned,asia,,1,1,false
codesign_dist,codesigned,europe,FR,,,true
codesign_dist,codesigned,europe,,,,true
codesign_dist,codesigned,ALL,,0.3333,3,false
codesign_dist,consulted,africa,KE,0,1,false
codesign_dist,consulted,africa,UG,1,1,false
codesign_dist,consulted,africa,,0.5,2,false
codesign_dist,consulted,asia,IN,0,1,false
codesign_dist,consulted,asia,,0,1,false
codesign_dist,consulted,europe,FR,,,true
codesign_dist,consulted,europe,,,,true
codesign_dist,consulted,ALL,,0.3333,3,false
";

const BY_TYPE: &str = "\
indicator,option,region,type,value,respondents,suppressed
codesigned,,ALL,national,0.6667,3,false
codesigned,,ALL,regional_network,,,true
codesigned,,ALL,none,,,true
codesigned,,ALL,,0.6667,3,false
programmes_targeted,,ALL,national,0.6667,5,false
programmes_targeted,,ALL,regional_network,0,1,false
programmes_targeted,,ALL,none,0,1,false
programmes_targeted,,ALL,,0.5,7,false
countries_programmes,,ALL,national,1,5,false
countries_programmes,,ALL,regional_network,0,1,false
countries_programmes,,ALL,none,0,1,false
countries_programmes,,ALL,,1,7,false
staffed_programmes,,ALL,national,0.4,5,false
staffed_programmes,,ALL,regional_network,0,1,false
staffed_programmes,,ALL,none,0,1,false
staffed_programmes,,ALL,,0.2857,7,false
org_index,,ALL,national,0.6,5,false
org_index,,ALL,regional_network,0.5,1,false
org_index,,ALL,none,0.5,1,false
org_index,,ALL,,0.5714,7,false
codesign_dist,led,ALL,national,0.3333,3,false
codesign_dist,led,ALL,regional_network,,,true
codesign_dist,led,ALL,none,,,true
codesign_dist,led,ALL,,0.3333,3,false
codesign_dist,codesigned,ALL,national,0.3333,3,false
codesign_dist,codesigned,ALL,regional_network,,,true
codesign_dist,codesigned,ALL,none,,,true
codesign_dist,codesigned,ALL,,0.3333,3,false
codesign_dist,consulted,ALL,national,0.3333,3,false
codesign_dist,consulted,ALL,regional_network,,,true
codesign_dist,consulted,ALL,none,,,true
codesign_dist,consulted,ALL,,0.3333,3,false
";

const BY_TYPE_AFRICA: &str = "\
indicator,option,region,type,value,respondents,suppressed
codesigned,,africa,national,0.5,2,false
codesigned,,africa,regional_network,,,true
codesigned,,africa,none,,,true
codesigned,,africa,,0.5,2,false
codesigned,,ALL,,0.6667,3,false
programmes_targeted,,africa,national,1,3,false
programmes_targeted,,africa,regional_network,0,1,false
programmes_targeted,,africa,none,0,1,false
programmes_targeted,,africa,,0.6,5,false
programmes_targeted,,ALL,,0.5,7,false
countries_programmes,,africa,national,1,3,false
countries_programmes,,africa,regional_network,0,1,false
countries_programmes,,africa,none,0,1,false
countries_programmes,,africa,,1,5,false
countries_programmes,,ALL,,1,7,false
staffed_programmes,,africa,national,0.3333,3,false
staffed_programmes,,africa,regional_network,0,1,false
staffed_programmes,,africa,none,0,1,false
staffed_programmes,,africa,,0.2,5,false
staffed_programmes,,ALL,,0.2857,7,false
org_index,,africa,national,0.6667,3,false
org_index,,africa,regional_network,0.5,1,false
org_index,,africa,none,0.5,1,false
org_index,,africa,,0.6,5,false
org_index,,ALL,,0.5714,7,false
codesign_dist,led,africa,national,0.5,2,false
codesign_dist,led,africa,regional_network,,,true
codesign_dist,led,africa,none,,,true
codesign_dist,led,africa,,0.5,2,false
codesign_dist,led,ALL,,0.3333,3,false
codesign_dist,codesigned,africa,national,0,2,false
codesign_dist,codesigned,africa,regional_network,,,true
codesign_dist,codesigned,africa,none,,,true
codesign_dist,codesigned,africa,,0,2,false
codesign_dist,codesigned,ALL,,0.3333,3,false
codesign_dist,consulted,africa,national,0.5,2,false
codesign_dist,consulted,africa,regional_network,,,true
codesign_dist,consulted,africa,none,,,true
codesign_dist,consulted,africa,,0.5,2,false
codesign_dist,consulted,ALL,,0.3333,3,false
";

const BY_COUNTRY_ASIA: &str = "\
indicator,option,region,country,value,respondents,suppressed
codesigned,,asia,IN,1,1,false
codesigned,,asia,,1,1,false
codesigned,,ALL,,0.6667,3,false
programmes_targeted,,asia,IN,0.5,2,false
programmes_targeted,,asia,,0.5,2,false
programmes_targeted,,ALL,,0.5,7,false
countries_programmes,,asia,IN,1,2,false
countries_programmes,,asia,,1,2,false
countries_programmes,,ALL,,1,7,false
staffed_programmes,,asia,IN,0.5,2,false
staffed_programmes,,asia,,0.5,2,false
staffed_programmes,,ALL,,0.2857,7,false
org_index,,asia,IN,0.5,2,false
org_index,,asia,,0.5,2,false
org_index,,ALL,,0.5714,7,false
codesign_dist,led,asia,IN,0,1,false
codesign_dist,led,asia,,0,1,false
codesign_dist,led,ALL,,0.3333,3,false
codesign_dist,codesigned,asia,IN,1,1,false
codesign_dist,codesigned,asia,,1,1,false
codesign_dist,codesigned,ALL,,0.3333,3,false
codesign_dist,consulted,asia,IN,0,1,false
codesign_dist,consulted,asia,,0,1,false
codesign_dist,consulted,ALL,,0.3333,3,false
";

const REGION_ASIA: &str = "\
indicator,option,region,value,respondents,suppressed
codesigned,,asia,1,1,false
codesigned,,ALL,0.6667,3,false
programmes_targeted,,asia,0.5,2,false
programmes_targeted,,ALL,0.5,7,false
countries_programmes,,asia,1,2,false
countries_programmes,,ALL,1,7,false
staffed_programmes,,asia,0.5,2,false
staffed_programmes,,ALL,0.2857,7,false
org_index,,asia,0.5,2,false
org_index,,ALL,0.5714,7,false
codesign_dist,led,asia,0,1,false
codesign_dist,led,ALL,0.3333,3,false
codesign_dist,codesigned,asia,1,1,false
codesign_dist,codesigned,ALL,0.3333,3,false
codesign_dist,consulted,asia,0,1,false
codesign_dist,consulted,ALL,0.3333,3,false
";

/// r2's answers: a2 now leads, s2 now runs consulted programmes with staff.
const ANSWERS2: &str = "member,has_programmes,codesign,staff
a1,yes,led,3
a2,yes,led,0
a3,no,,5
a4,yes,consulted,
a5,no,,2
s1,yes,codesigned,1
s2,yes,consulted,4
";

/// r2 against r1 for asia: `codesigned` changed its definition (no
/// previous), the rest compare; changes from unrounded values.
const COMPARE_ASIA: &str = "\
indicator,option,region,value,respondents,suppressed,numerator,denominator,previous,change
codesigned,,asia,0,2,false,0,2,,
codesigned,,ALL,0.4,5,false,2,5,,
programmes_targeted,,asia,1,2,false,2,2,0.5,0.5
programmes_targeted,,ALL,0.625,7,false,5,8,0.5,0.125
countries_programmes,,asia,1,2,false,1,1,1,0
countries_programmes,,ALL,1,7,false,3,3,1,0
staffed_programmes,,asia,1,2,false,2,2,0.5,0.5
staffed_programmes,,ALL,0.4286,7,false,3,7,0.2857,0.1429
org_index,,asia,1,2,false,4,4,0.5,0.5
org_index,,ALL,0.7143,7,false,10,14,0.5714,0.1429
codesign_dist,led,asia,0,2,false,0,2,0,0
codesign_dist,led,ALL,0.4,5,false,2,5,0.3333,0.0667
codesign_dist,codesigned,asia,0.5,2,false,1,2,1,-0.5
codesign_dist,codesigned,ALL,0.2,5,false,1,5,0.3333,-0.1333
codesign_dist,consulted,asia,0.5,2,false,1,2,0,0.5
codesign_dist,consulted,ALL,0.4,5,false,2,5,0.3333,0.0667
";

#[test]
fn every_breakdown_prints_the_cells_and_rows_of_section_8() {
    for db in backends() {
        let s = setup(&db);
        let name = db.name();
        assert_eq!(csv(&db, &s, 1, &["--detail"]), DETAIL, "{name}");
        assert_eq!(csv(&db, &s, 1, &["--by", "country"]), BY_COUNTRY, "{name}");
        assert_eq!(csv(&db, &s, 1, &["--by", "type"]), BY_TYPE, "{name}");
        let africa = csv(&db, &s, 1, &["--by", "type", "--region", "africa"]);
        assert_eq!(africa, BY_TYPE_AFRICA, "{name}");
        let asia = csv(&db, &s, 1, &["--by", "country", "--region", "asia"]);
        assert_eq!(asia, BY_COUNTRY_ASIA, "{name}");
        assert_eq!(
            csv(&db, &s, 1, &["--region", "asia"]),
            REGION_ASIA,
            "{name}"
        );
    }
}

#[test]
fn json_carries_the_indicator_keys_null_figures_and_the_register() {
    for db in backends() {
        let s = setup(&db);
        let name = db.name();
        let text = run(&db, &s, 1, &["results", "r1", "--format", "json"]).unwrap();
        let j: serde_json::Value = serde_json::from_str(&text).unwrap();
        let inds = j["indicators"].as_array().unwrap();
        let keys: Vec<(&str, &str, &str, &str)> = inds
            .iter()
            .map(|i| {
                (
                    i["id"].as_str().unwrap(),
                    i["framework"].as_str().unwrap_or("-"),
                    i["denominator_rule"].as_str().unwrap(),
                    i["unit"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("codesigned", "2A", "answered", "member"),
                ("programmes_targeted", "-", "targeted", "member"),
                ("countries_programmes", "-", "answered", "country"),
                ("staffed_programmes", "-", "respondents", "member"),
                ("org_index", "-", "respondents", "member"),
                ("codesign_dist", "-", "answered", "member"),
            ],
            "{name}"
        );
        for row in j["rows"].as_array().unwrap() {
            let hidden = row["suppressed"].as_bool().unwrap();
            for k in ["value", "respondents", "numerator", "denominator"] {
                assert_eq!(row[k].is_null(), hidden, "{name}: {k} of {row}");
            }
        }
        let t = &j["rows"][4];
        assert_eq!(t["indicator"], "programmes_targeted", "{name}");
        assert_eq!(
            (t["numerator"].as_f64(), t["denominator"].as_f64()),
            (Some(3.0), Some(5.0))
        );
        // Opens 2026-03-01: new is joined in (2025-03-01, 2026-03-01].
        let register: Vec<(&str, u64, u64)> = j["regions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let reg = &r["register"];
                (
                    r["region"].as_str().unwrap(),
                    reg["targeted"].as_u64().unwrap(),
                    reg["new"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            register,
            [("africa", 5, 1), ("asia", 2, 1), ("europe", 1, 1)],
            "{name}"
        );
    }
}

/// Deletes every stored answer: the answers rows and the packed column.
fn forget_answers(db: &TestDb) {
    use diesel::RunQueryDsl;
    let mut conn = db.conn();
    diesel::sql_query("DELETE FROM answers")
        .execute(&mut *conn)
        .unwrap();
    diesel::sql_query("UPDATE invitations SET packed = NULL")
        .execute(&mut *conn)
        .unwrap();
    assert_eq!(count_rows(&mut conn, "answers"), 0);
}

#[test]
fn compare_reads_the_closed_rounds_stored_results() {
    for db in backends() {
        let s = setup(&db);
        let name = db.name();
        let before = csv(&db, &s, 1, &["--detail"]);
        forget_answers(&db);
        // r1 is closed: its results are stored, not counted again.
        assert_eq!(csv(&db, &s, 1, &["--detail"]), before, "{name}");
        edit_file(
            &s.join("ind/survey.toml"),
            "any_of = [\"led\", \"codesigned\"]",
            "any_of = [\"led\"]",
        );
        let create = [
            "round",
            "create",
            "r2",
            "--survey",
            "ind",
            "--opens",
            "2027-03-01",
        ];
        run(&db, &s, 1, &create).unwrap();
        let answers = db.file_arg("answers2.csv", ANSWERS2);
        run(&db, &s, 1, &["responses", "import", "r2", &answers]).unwrap();
        let args = [
            "results", "r2", "--format", "csv", "--detail", "--region", "asia",
        ];
        let mut compare = args.to_vec();
        compare.extend(["--compare", "r1"]);
        assert_eq!(run(&db, &s, 1, &compare).unwrap(), COMPARE_ASIA, "{name}");
        // Suppressed cells have neither previous nor change.
        let all = ["results", "r2", "--format", "csv", "--compare", "r1"];
        let all = run(&db, &s, 1, &all).unwrap();
        let header = all.lines().next().unwrap();
        assert_eq!(
            header, "indicator,option,region,value,respondents,suppressed,previous,change",
            "{name}"
        );
        let europe: Vec<&str> = all.lines().filter(|l| l.contains(",europe,")).collect();
        assert_eq!(europe.len(), 8, "{name}: {all}");
        assert!(
            europe.iter().all(|l| l.ends_with(",,,true,,")),
            "{name}: {all}"
        );
        // An open EARLIER is refused.
        let err = run(
            &db,
            &s,
            1,
            &["results", "r1", "--format", "csv", "--compare", "r2"],
        )
        .unwrap_err();
        assert!(
            error_text(&err).contains("not closed"),
            "{name}: {}",
            error_text(&err)
        );
    }
}

/// §6's CSV of the mini survey, which uses none of §8's fields.
const MINI: &str = "\
indicator,option,region,value,respondents,suppressed
law_improved,,east,1,1,false
law_improved,,west,0.3333,3,false
law_improved,,ALL,0.5,4,false
improved_count,,east,1,1,false
improved_count,,west,1,3,false
improved_count,,ALL,2,4,false
staff_total,,east,,,true
staff_total,,west,15,3,false
staff_total,,ALL,15,3,false
staff_mean,,east,,,true
staff_mean,,west,5,3,false
staff_mean,,ALL,5,3,false
big_orgs,,east,,,true
big_orgs,,west,1,3,false
big_orgs,,ALL,1,3,false
rating_high,,east,,,true
rating_high,,west,0.5,2,false
rating_high,,ALL,0.5,2,false
areas,policing,east,0,1,false
areas,policing,west,0.5,2,false
areas,policing,ALL,0.3333,3,false
areas,health,east,1,1,false
areas,health,west,0.5,2,false
areas,health,ALL,0.6667,3,false
areas,labour,east,0,1,false
areas,labour,west,0.5,2,false
areas,labour,ALL,0.3333,3,false
";

#[test]
fn a_survey_without_the_new_fields_prints_the_csv_of_section_6() {
    for db in backends() {
        let s = fixture_surveys();
        let mut people = members_in("west", "w", 3);
        people.extend(members_in("east", "e", 2));
        db.import_members(&people);
        run(&db, &s, 1, &["round", "create", "r1", "--survey", "mini"]).unwrap();
        let answers = db.file_arg(
            "mini-answers.csv",
            "member,law_change,law_areas,staff,rating,notes
w1,improved,policing;health,12,4,
w2,worsened,labour,0,,
w3,unchanged,,3,2,
e1,improved,health,,,
",
        );
        run(&db, &s, 1, &["responses", "import", "r1", &answers]).unwrap();
        let open = run(&db, &s, 1, &["results", "r1", "--format", "csv"]).unwrap();
        assert_eq!(open, MINI, "{}", db.name());
        run(&db, &s, 1, &["round", "close", "r1"]).unwrap();
        let closed = run(&db, &s, 1, &["results", "r1", "--format", "csv"]).unwrap();
        assert_eq!(closed, MINI, "{}", db.name());
    }
}

/// A reviewer of africa reaches its countries table and its types table.
/// UG's members are all regional networks and TZ has one national member
/// and one regional network; everyone answers. The countries table hides
/// TZ (2 respondents) and then KE, but publishes UG; the types table
/// publishes both types. Then `regional_network` minus UG is TZ's one
/// regional network: 6 − 5 respondents, numerator 1 − 0, its answer.
#[test]
fn countries_and_types_tables_together_give_no_single_answer_away() {
    for db in backends() {
        let s = surveys(&db);
        let mut m = String::from("id,name,country,region,email,language,joined,type\n");
        let mut a = String::from("member,has_programmes,codesign,staff\n");
        let people = [
            ("KE", "national", 5),
            ("UG", "regional_network", 5),
            ("TZ", "national", 1),
            ("TZ", "regional_network", 1),
        ];
        let mut k = 0;
        for (c, t, n) in people {
            for _ in 0..n {
                k += 1;
                m.push_str(&format!(
                    "p{k},Org {k},{c},africa,p{k}@example.org,en,,{t}\n"
                ));
                let secret = c == "TZ" && t == "regional_network";
                let how = if secret { "led" } else { "consulted" };
                a.push_str(&format!("p{k},yes,{how},0\n"));
            }
        }
        let mf = db.file_arg("m.csv", &m);
        run(&db, &s, 5, &["members", "import", &mf]).unwrap();
        run(&db, &s, 5, &["round", "create", "r1", "--survey", "ind"]).unwrap();
        let af = db.file_arg("a.csv", &a);
        run(&db, &s, 5, &["responses", "import", "r1", &af]).unwrap();
        run(&db, &s, 5, &["round", "close", "r1"]).unwrap();
        let mut published = Vec::new();
        for by in ["country", "type"] {
            let args = [
                "results", "r1", "--format", "csv", "--by", by, "--region", "africa",
            ];
            let out = run(&db, &s, 5, &args).unwrap();
            published.extend(
                out.lines()
                    .filter(|l| l.starts_with("codesigned,") && l.ends_with(",false"))
                    .map(|l| l.split(',').nth(3).unwrap().to_string()),
            );
        }
        let both = published.iter().any(|c| c == "UG")
            && published.iter().any(|c| c == "regional_network");
        assert!(!both, "{}: published {published:?}", db.name());
    }
}

/// Survey `ind` with a second indicator whose `where` is the complement
/// of `codesigned`'s: together they split each region in two.
fn split_survey(db: &TestDb) -> PathBuf {
    let s = surveys(db);
    let extra = "
[[indicators]]
id = \"staff_without\"
question = \"staff\"
measure = \"sum\"
where = { question = \"has_programmes\", any_of = [\"no\"] }
";
    let toml = format!("{SURVEY}{extra}");
    std::fs::write(s.join("ind/survey.toml"), toml).unwrap();
    let en = format!("{EN}indicator-staff_without = Staff without programmes\n");
    std::fs::write(s.join("ind/en.ftl"), en).unwrap();
    s
}

/// Regions africa (6 with programmes, 1 without), asia (5 and 5), europe
/// (5 and 5): without sharing, africa's `codesigned` would be published
/// and its `staff_without` hidden, and the region's total staff (from the
/// other indicators) minus the first would give the lone member away.
#[test]
fn indicators_whose_where_split_a_region_share_suppression() {
    for db in backends() {
        let s = split_survey(&db);
        let name = db.name();
        let mut m = String::from("id,name,country,region,email,language,joined,type\n");
        let mut a = String::from("member,has_programmes,codesign,staff\n");
        let mut k = 0;
        for (region, yes, no) in [("africa", 6, 1), ("asia", 5, 5), ("europe", 5, 5)] {
            for i in 0..yes + no {
                k += 1;
                m.push_str(&format!("p{k},Org {k},KE,{region},p{k}@example.org,en,,\n"));
                let answer = if i < yes { "yes,led" } else { "no," };
                a.push_str(&format!("p{k},{answer},{}\n", k % 7));
            }
        }
        let mf = db.file_arg("m.csv", &m);
        run(&db, &s, 5, &["members", "import", &mf]).unwrap();
        run(&db, &s, 5, &["round", "create", "r1", "--survey", "ind"]).unwrap();
        let af = db.file_arg("a.csv", &a);
        run(&db, &s, 5, &["responses", "import", "r1", &af]).unwrap();
        run(&db, &s, 5, &["round", "close", "r1"]).unwrap();
        let out = run(&db, &s, 5, &["results", "r1", "--format", "csv"]).unwrap();
        let hidden = |ind: &str, region: &str| {
            let line = out
                .lines()
                .find(|l| l.starts_with(&format!("{ind},,{region},")))
                .unwrap_or_else(|| panic!("{name}: no {ind} {region} in {out}"));
            line.ends_with(",true")
        };
        // staff_without has 1 respondent in africa: hidden, and with it
        // every indicator reading has_programmes there.
        for ind in [
            "codesigned",
            "staff_without",
            "programmes_targeted",
            "org_index",
        ] {
            assert!(hidden(ind, "africa"), "{name}: {ind} africa\n{out}");
            // One hidden region with respondents: one more is hidden.
            assert!(hidden(ind, "asia"), "{name}: {ind} asia\n{out}");
            assert!(!hidden(ind, "europe"), "{name}: {ind} europe\n{out}");
            assert!(!hidden(ind, "ALL"), "{name}: {ind} ALL\n{out}");
        }
    }
}
