//! `round create|open|close|status` (contract §2): targets, the frozen
//! survey copy, and refusals that name what they refuse.

use chrono::Utc;
use diesel::prelude::*;
use serde_json::Value;

use canvass::db::schema::invitations;

use crate::helpers::*;

/// Members in africa (3, one inactive) and europe (2).
fn members(db: &TestDb) {
    let mut rows = members_in("africa", "af", 3);
    rows[2] = rows[2].replace(",true", ",false");
    rows.extend(members_in("europe", "eu", 2));
    db.import_members(&rows);
}

fn create(db: &TestDb, args: &[&str]) -> Result<String, canvass::error::AppError> {
    let mut argv = vec!["round", "create"];
    argv.extend(args);
    db.cli_with(&fixture_surveys(), &argv)
}

fn status_json(db: &TestDb, round: &str) -> Value {
    serde_json::from_str(
        &db.cli(&["round", "status", round, "--format", "json"])
            .unwrap(),
    )
    .unwrap()
}

fn answers(db: &TestDb, round: &str, csv: &str) -> Result<String, canvass::error::AppError> {
    let file = db.file_arg("answers.csv", csv);
    db.cli(&["responses", "import", round, &file])
}

/// The named columns of an aligned table (cells hold no spaces), row by
/// row, so that columns added later do not break the test.
fn table_columns(table: &str, names: &[&str]) -> Vec<Vec<String>> {
    let mut lines = table
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>());
    let header = lines.next().unwrap();
    let idx: Vec<usize> = names
        .iter()
        .map(|n| {
            header
                .iter()
                .position(|h| h == n)
                .unwrap_or_else(|| panic!("no column {n}: {table}"))
        })
        .collect();
    lines
        .map(|cells| idx.iter().map(|i| cells[*i].to_string()).collect())
        .collect()
}

/// The rows of one indicator in a round's results CSV.
fn result_rows(csv: &str, indicator: &str) -> Vec<String> {
    csv.lines()
        .filter(|l| l.starts_with(&format!("{indicator},")))
        .map(String::from)
        .collect()
}

#[test]
fn create_without_region_targets_every_active_member() {
    for db in backends() {
        members(&db);
        let out = create(&db, &["r1", "--survey", "mini"]).unwrap();
        assert!(
            out.starts_with("round r1 created from survey mini ("),
            "{out}"
        );
        assert!(
            out.ends_with(", 4 member(s) targeted, open\n"),
            "{}: {out}",
            db.name()
        );
        let status = db.cli(&["round", "status", "r1"]).unwrap();
        let cols = ["region", "targeted", "invited", "started", "submitted"];
        assert_eq!(
            table_columns(&status, &cols),
            [
                ["africa", "2", "0", "0", "0"],
                ["europe", "2", "0", "0", "0"],
                ["ALL", "4", "0", "0", "0"]
            ],
            "{}: {status}",
            db.name()
        );
    }
}

#[test]
fn create_with_regions_targets_only_those_regions() {
    for db in backends() {
        members(&db);
        let mut rows = members_in("asia", "as", 1);
        rows.extend(members_in("oceania", "oc", 1));
        let file = db.file_arg(
            "more.csv",
            &members_csv(&rows.iter().map(String::as_str).collect::<Vec<_>>()),
        );
        db.cli(&["members", "import", &file]).unwrap();
        let out = create(
            &db,
            &[
                "r1", "--survey", "mini", "--region", "europe", "--region", "asia", "--region",
                "europe",
            ],
        )
        .unwrap();
        assert!(
            out.contains(", 3 member(s) targeted,"),
            "{}: {out}",
            db.name()
        );
        let status = status_json(&db, "r1");
        let regions: Vec<&str> = status["regions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["region"].as_str().unwrap())
            .collect();
        assert_eq!(regions, ["asia", "europe", "ALL"], "{}", db.name());
        let err = answers(&db, "r1", "member,law_change\naf1,unchanged\n").unwrap_err();
        assert!(
            error_text(&err).contains("member \"af1\" is not targeted by round `r1`"),
            "{}",
            error_text(&err)
        );
    }
}

#[test]
fn create_names_an_unknown_survey_or_region_and_writes_nothing() {
    for db in backends() {
        members(&db);
        let err = create(&db, &["r1", "--survey", "no_such_survey"]).unwrap_err();
        assert!(err.to_string().contains("no_such_survey"), "{err}");
        let err = create(
            &db,
            &[
                "r1", "--survey", "mini", "--region", "africa", "--region", "atlantis",
            ],
        )
        .unwrap_err();
        assert!(err.to_string().contains("atlantis"), "{err}");
        assert!(
            !err.to_string().contains("`africa`"),
            "only the unknown region is named: {err}"
        );
        assert_eq!(count_rows(&mut db.conn(), "rounds"), 0, "{}", db.name());
        assert_eq!(
            count_rows(&mut db.conn(), "invitations"),
            0,
            "{}",
            db.name()
        );
    }
}

#[test]
fn unknown_round_is_named_by_every_command() {
    for db in backends() {
        members(&db);
        let file = db.file_arg("answers.csv", "member,law_change\naf1,unchanged\n");
        let commands: [&[&str]; 6] = [
            &["round", "status", "ghost"],
            &["round", "open", "ghost"],
            &["round", "close", "ghost"],
            &["results", "ghost"],
            &["responses", "import", "ghost", &file],
            &["round", "status", "ghost", "--format", "json"],
        ];
        for args in commands {
            let err = db.cli(args).unwrap_err();
            assert!(
                err.to_string().contains("ghost"),
                "{} {args:?}: {err}",
                db.name()
            );
        }
        assert_eq!(count_rows(&mut db.conn(), "rounds"), 0);
    }
}

#[test]
fn results_for_an_unknown_region_name_it() {
    for db in backends() {
        members(&db);
        create(&db, &["r1", "--survey", "mini"]).unwrap();
        let err = db
            .cli(&["results", "r1", "--region", "atlantis"])
            .unwrap_err();
        assert!(err.to_string().contains("atlantis"), "{}: {err}", db.name());
        let csv = db
            .cli(&["results", "r1", "--region", "europe", "--format", "csv"])
            .unwrap();
        assert!(
            csv.lines()
                .skip(1)
                .all(|l| l.contains(",europe,") || l.contains(",ALL,")),
            "{csv}"
        );
    }
}

#[test]
fn duplicate_round_name_is_refused_and_the_first_round_stays() {
    for db in backends() {
        members(&db);
        create(&db, &["r1", "--survey", "mini", "--region", "africa"]).unwrap();
        let err = create(&db, &["r1", "--survey", "mini"]).unwrap_err();
        assert!(err.to_string().contains("r1"), "{err}");
        assert_eq!(count_rows(&mut db.conn(), "rounds"), 1, "{}", db.name());
        assert_eq!(
            count_rows(&mut db.conn(), "invitations"),
            2,
            "{}",
            db.name()
        );
    }
}

#[test]
fn closing_date_before_opening_date_is_refused() {
    for db in backends() {
        members(&db);
        let err = create(
            &db,
            &[
                "r1",
                "--survey",
                "mini",
                "--opens",
                "2030-03-10",
                "--closes",
                "2030-03-09",
            ],
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("2030-03-09") && msg.contains("2030-03-10"),
            "{msg}"
        );
        assert_eq!(count_rows(&mut db.conn(), "rounds"), 0, "{}", db.name());
        // The same day is a one-day round.
        create(
            &db,
            &[
                "r1",
                "--survey",
                "mini",
                "--opens",
                "2030-03-10",
                "--closes",
                "2030-03-10",
            ],
        )
        .unwrap();
    }
}

#[test]
fn invalid_round_names_are_refused() {
    for db in backends() {
        members(&db);
        let long = "r".repeat(65);
        for name in [
            "bad name",
            "_r1",
            ".r1",
            "r/1",
            "r1?",
            "ré",
            long.as_str(),
            "",
        ] {
            let err = create(&db, &[name, "--survey", "mini"]).unwrap_err();
            assert!(
                err.to_string().contains("round name"),
                "{} {name:?}: {err}",
                db.name()
            );
        }
        assert_eq!(count_rows(&mut db.conn(), "rounds"), 0, "{}", db.name());
        for name in ["2026", "R-2026.b_1", &"r".repeat(64)] {
            create(&db, &[name, "--survey", "mini"]).unwrap();
        }
    }
}

#[test]
fn a_survey_with_errors_makes_no_round() {
    for db in backends() {
        members(&db);
        let surveys = fixture_copy(&db, "broken", "mini");
        edit_file(
            &surveys.join("mini/survey.toml"),
            "type = \"scale\"",
            "type = \"stars\"",
        );
        let err = db
            .cli_with(&surveys, &["round", "create", "r1", "--survey", "mini"])
            .unwrap_err();
        let text = error_text(&err);
        assert!(text.contains("survey `mini` has errors"), "{text}");
        assert!(
            text.contains("survey.toml:") && text.contains("unknown type `stars`"),
            "{text}"
        );
        assert_eq!(count_rows(&mut db.conn(), "rounds"), 0, "{}", db.name());
    }
}

/// The mini survey after an edit: option `improved` is now `better`, and
/// indicator `law_improved` is now `law_better`. Still a valid survey.
fn rename_improved(surveys: &std::path::Path) {
    edit_file(
        &surveys.join("mini/survey.toml"),
        "\"improved\"",
        "\"better\"",
    );
    edit_file(
        &surveys.join("mini/survey.toml"),
        "id = \"law_improved\"",
        "id = \"law_better\"",
    );
    edit_file(
        &surveys.join("mini/en.ftl"),
        "q-law_change-improved",
        "q-law_change-better",
    );
    edit_file(
        &surveys.join("mini/en.ftl"),
        "indicator-law_improved",
        "indicator-law_better",
    );
}

#[test]
fn a_round_keeps_its_frozen_survey_when_the_files_change() {
    for db in backends() {
        members(&db);
        let surveys = fixture_copy(&db, "surveys", "mini");
        db.cli_with(&surveys, &["round", "create", "r1", "--survey", "mini"])
            .unwrap();
        rename_improved(&surveys);
        db.cli_with(&surveys, &["survey", "check"]).unwrap();

        // r1 still takes `improved` and refuses `better`.
        let err = answers(
            &db,
            "r1",
            "member,law_change,law_areas\naf1,better,health\n",
        )
        .unwrap_err();
        assert!(
            error_text(&err).contains("\"better\" is not one of the options"),
            "{}",
            error_text(&err)
        );
        answers(
            &db,
            "r1",
            "member,law_change,law_areas\naf1,improved,health\neu1,worsened,labour\n",
        )
        .unwrap();
        let csv = db
            .cli_with(&surveys, &["results", "r1", "--format", "csv"])
            .unwrap();
        assert_eq!(
            result_rows(&csv, "law_improved").len(),
            3,
            "{}: {csv}",
            db.name()
        );
        assert!(result_rows(&csv, "law_better").is_empty(), "{csv}");
        assert!(csv.contains("improved_count,,ALL,,,true\n"), "{csv}");

        // A round created now takes the edited survey.
        db.cli_with(&surveys, &["round", "create", "r2", "--survey", "mini"])
            .unwrap();
        let csv2 = db
            .cli_with(&surveys, &["results", "r2", "--format", "csv"])
            .unwrap();
        assert_eq!(result_rows(&csv2, "law_better").len(), 3, "{csv2}");
        assert!(result_rows(&csv2, "law_improved").is_empty(), "{csv2}");

        // Closing r1 still uses the frozen copy.
        db.cli_with(&surveys, &["round", "close", "r1"]).unwrap();
        let closed = db
            .cli_with(&surveys, &["results", "r1", "--format", "csv"])
            .unwrap();
        assert_eq!(closed, csv, "{}", db.name());
    }
}

#[test]
fn a_round_works_after_its_survey_folder_is_broken_or_gone() {
    for db in backends() {
        members(&db);
        let surveys = fixture_copy(&db, "surveys", "mini");
        db.cli_with(&surveys, &["round", "create", "r1", "--survey", "mini"])
            .unwrap();
        std::fs::write(surveys.join("mini/survey.toml"), "this is [not toml").unwrap();
        answers(&db, "r1", "member,law_change\naf1,unchanged\n").unwrap();
        std::fs::remove_dir_all(surveys.join("mini")).unwrap();
        answers(&db, "r1", "member,law_change\naf2,unchanged\n").unwrap();
        let csv = db
            .cli_with(&surveys, &["results", "r1", "--format", "csv"])
            .unwrap();
        assert!(
            csv.contains("law_improved,,ALL,,,true\n"),
            "{}: {csv}",
            db.name()
        );
        db.cli_with(&surveys, &["round", "close", "r1"]).unwrap();
    }
}

#[test]
fn closed_round_refuses_answers_until_reopened() {
    for db in backends() {
        members(&db);
        create(&db, &["r1", "--survey", "mini"]).unwrap();
        answers(&db, "r1", "member,law_change\naf1,unchanged\n").unwrap();
        assert_eq!(
            db.cli(&["round", "close", "r1"]).unwrap(),
            "round r1 is closed; its results are stored\n"
        );
        assert_eq!(status_json(&db, "r1")["state"], "closed");
        let before = db.cli(&["results", "r1", "--format", "csv"]).unwrap();
        let err = answers(&db, "r1", "member,law_change\naf2,unchanged\n").unwrap_err();
        assert!(
            err.to_string().contains("closed") && err.to_string().contains("r1"),
            "{err}"
        );
        assert_eq!(count_rows(&mut db.conn(), "answers"), 1, "{}", db.name());

        // Reviewers have seen the closed round's results: reopening needs --force.
        let err = db.cli(&["round", "open", "r1"]).unwrap_err().to_string();
        assert!(err.contains("--force") && err.contains("subtract"), "{err}");
        assert_eq!(status_json(&db, "r1")["state"], "closed");
        assert_eq!(
            db.cli(&["round", "open", "r1", "--force"]).unwrap(),
            "round r1 is open\n"
        );
        assert_eq!(status_json(&db, "r1")["state"], "open");
        answers(&db, "r1", "member,law_change\naf2,unchanged\n").unwrap();
        assert!(before.contains("law_improved,,ALL,,,true\n"), "{before}");
        // Suppressed cells print no count: read the live count underneath.
        let mut conn = db.conn();
        let round = canvass::rounds::find(&mut conn, "r1").unwrap();
        let live = canvass::results::for_round(&mut conn, &round, 5).unwrap();
        let all = live
            .rows
            .iter()
            .find(|r| r.indicator == "law_improved" && r.region == "ALL")
            .unwrap();
        assert_eq!(
            (all.respondents, live.closed),
            (2, false),
            "{}: reopened results must be live",
            db.name()
        );
    }
}

#[test]
fn closing_twice_is_refused() {
    for db in backends() {
        members(&db);
        create(&db, &["r1", "--survey", "mini"]).unwrap();
        db.cli(&["round", "close", "r1"]).unwrap();
        let err = db.cli(&["round", "close", "r1"]).unwrap_err();
        assert!(
            err.to_string().contains("already closed") && err.to_string().contains("r1"),
            "{err}"
        );
    }
}

#[test]
fn scheduled_round_opens_on_command() {
    for db in backends() {
        members(&db);
        let out = create(&db, &["r1", "--survey", "mini", "--opens", "2999-01-01"]).unwrap();
        assert!(
            out.ends_with(", 4 member(s) targeted, scheduled\n"),
            "{out}"
        );
        assert_eq!(status_json(&db, "r1")["state"], "scheduled");
        assert_eq!(
            db.cli(&["round", "open", "r1"]).unwrap(),
            "round r1 is open\n",
            "{}",
            db.name()
        );
        assert_eq!(status_json(&db, "r1")["state"], "open");
    }
}

#[test]
fn status_counts_targeted_started_and_submitted_per_region() {
    for db in backends() {
        members(&db);
        create(&db, &["r1", "--survey", "mini"]).unwrap();
        // A refused file (eu2 lacks law_areas) counts for nobody.
        answers(
            &db,
            "r1",
            "member,law_change\naf1,unchanged\neu2,worsened\n",
        )
        .unwrap_err();
        answers(
            &db,
            "r1",
            "member,law_change,law_areas\naf1,unchanged,\neu2,worsened,labour\n",
        )
        .unwrap();
        // af2 has opened the form and saved a draft, without submitting.
        let mut conn = db.conn();
        diesel::update(invitations::table.filter(invitations::member_id.eq("af2")))
            .set(invitations::started_at.eq(Some(Utc::now().naive_utc())))
            .execute(&mut *conn)
            .unwrap();
        drop(conn);
        let status = db.cli(&["round", "status", "r1"]).unwrap();
        let cols = [
            "region",
            "targeted",
            "invited",
            "delivered",
            "started",
            "submitted",
        ];
        assert_eq!(
            table_columns(&status, &cols),
            [
                ["africa", "2", "0", "0", "2", "1"],
                ["europe", "2", "0", "0", "1", "1"],
                ["ALL", "4", "0", "0", "3", "2"]
            ],
            "{}: {status}",
            db.name()
        );
        let json = status_json(&db, "r1");
        assert_eq!(json["round"], "r1");
        let all = &json["regions"][2];
        assert_eq!(all["region"], "ALL");
        assert_eq!(
            (
                all["targeted"].as_i64(),
                all["started"].as_i64(),
                all["submitted"].as_i64()
            ),
            (Some(4), Some(3), Some(2)),
            "{json}"
        );
    }
}
