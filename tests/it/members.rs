//! `members import` and `members list` (contract §2, §4), and how open
//! rounds follow member changes.

use serde_json::Value;

use crate::helpers::*;

fn list_json(db: &TestDb, args: &[&str]) -> Vec<Value> {
    let mut argv = vec!["members", "list", "--format", "json"];
    argv.extend(args);
    let out = db.cli(&argv).unwrap();
    serde_json::from_str::<Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn status_json(db: &TestDb, round: &str) -> Value {
    serde_json::from_str(
        &db.cli(&["round", "status", round, "--format", "json"])
            .unwrap(),
    )
    .unwrap()
}

/// How many members a round's status counts as targeted in `region`.
fn targeted_in(status: &Value, region: &str) -> Option<i64> {
    status["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == region)
        .map(|r| r["targeted"].as_i64().unwrap())
}

#[test]
fn import_accepts_bom_crlf_quoted_fields_and_any_column_order() {
    for db in backends() {
        let csv = "\u{feff}\"Email\",REGION,id,name,language,country,active,joined\r\n\
                   \"a@x.org; b@y.org\",africa,m1,\"Org, \"\"One\"\"\r\n\",fr-CA,ke,TRUE,2021-02-03\r\n\
                   \r\n\
                   c@x.org,europe,m2,Org Two,pt_br,FR,false,\r\n";
        let file = db.file_arg("members.csv", csv);
        assert_eq!(
            db.cli(&["members", "import", &file]).unwrap(),
            "2 added, 0 updated, 0 unchanged\n",
            "{}",
            db.name()
        );
        let list = list_json(&db, &[]);
        assert_eq!(list.len(), 2, "{}", db.name());
        assert_eq!(list[0]["id"], "m1");
        // The quoted name ran over a line end, which trimming took away.
        assert_eq!(list[0]["name"], "Org, \"One\"");
        assert_eq!(list[0]["email"], "a@x.org;b@y.org");
        assert_eq!(list[0]["country"], "KE");
        assert_eq!(list[0]["language"], "fr-CA");
        assert_eq!(list[0]["joined"], "2021-02-03");
        assert_eq!(list[0]["active"], true);
        assert_eq!(list[1]["language"], "pt-BR");
        assert_eq!(list[1]["joined"], Value::Null);
        assert_eq!(list[1]["active"], false);
    }
}

#[test]
fn reimport_counts_added_updated_and_unchanged_members() {
    for db in backends() {
        assert_eq!(
            db.import_members(&members_in("africa", "af", 3)),
            "3 added, 0 updated, 0 unchanged\n"
        );
        let mut rows = members_in("africa", "af", 4);
        rows[1] = "af2,Renamed Org,KE,africa,af2@example.org,en,2020-01-01,true".into();
        assert_eq!(
            db.import_members(&rows),
            "1 added, 1 updated, 2 unchanged\n",
            "{}",
            db.name()
        );
        let list = list_json(&db, &[]);
        assert_eq!(list.len(), 4);
        assert_eq!(list[1]["name"], "Renamed Org");
        // The same file again changes nothing.
        assert_eq!(
            db.import_members(&rows),
            "0 added, 0 updated, 4 unchanged\n"
        );
    }
}

#[test]
fn import_with_bad_rows_names_every_bad_line_and_imports_nothing() {
    for db in backends() {
        db.import_members(&members_in("africa", "af", 1));
        // Line 2 updates af1 and would be fine; line 3 holds a quoted field
        // over two lines (the line end is trimmed off, a name may not hold
        // one), so the later bad rows sit on lines 5, 7 and 8.
        let csv = "id,name,country,region,email,language,joined,active\n\
                   af1,Changed,KE,africa,af1@example.org,en,,\n\
                   ok1,\"Two lines\n\",KE,africa,ok1@example.org,en,,\n\
                   bad1,Org,KE,africa,not-an-address,en,,\n\
                   \n\
                   bad2,,XX,Africa,b@x.org,en,31/01/2020,maybe\n\
                   ok1,Again,KE,africa,ok1@example.org,en,,\n";
        let file = db.file_arg("bad.csv", csv);
        let err = db.cli(&["members", "import", &file]).unwrap_err();
        let text = error_text(&err);
        assert!(err.to_string().contains("nothing was imported"), "{text}");
        for want in [
            "bad.csv:5: email \"not-an-address\"",
            "bad.csv:7: name is empty",
            "bad.csv:7: country \"XX\"",
            "bad.csv:7: region \"Africa\"",
            "bad.csv:7: joined \"31/01/2020\"",
            "bad.csv:7: active \"maybe\"",
            "bad.csv:8: id \"ok1\" already appears on line 3",
        ] {
            assert!(
                text.contains(want),
                "{}: missing {want} in\n{text}",
                db.name()
            );
        }
        for good in ["bad.csv:2:", "bad.csv:3:", "bad.csv:4:", "bad.csv:6:"] {
            assert!(
                !text.contains(good),
                "{}: {good} is fine, yet named in\n{text}",
                db.name()
            );
        }
        assert_eq!(count_rows(&mut db.conn(), "members"), 1, "{}", db.name());
        assert_eq!(
            list_json(&db, &[])[0]["name"],
            "Org af1",
            "{}: af1 must keep its name",
            db.name()
        );
    }
}

#[test]
fn import_refuses_control_characters_in_text_naming_line_and_column() {
    for db in backends() {
        db.import_members(&members_in("africa", "af", 1));
        let csv = "id,name,country,region,email,language,joined,active\n\
                   af1,Changed,KE,africa,af1@example.org,en,,\n\
                   m2,\"a\n2026-01-01 forged line\x1b[31m\",KE,africa,m2@x.org,en,,\n\
                   m3,Org\tThree,KE,africa,m3@x.org,en,,\n\
                   m4,Org Four,KE,africa,\"m4@x.org\x07\",en,,\n\
                   m5\x1b[2J,Org Five,KE,africa,m5@x.org,en,,\n";
        let file = db.file_arg("ctl.csv", csv);
        let err = db.cli(&["members", "import", &file]).unwrap_err();
        let text = error_text(&err);
        assert!(err.to_string().contains("nothing was imported"), "{text}");
        for want in [
            r#"ctl.csv:3: name "a\n2026-01-01 forged line\u{1b}[31m" holds the control character U+000A"#,
            r#"ctl.csv:5: name "Org\tThree" holds the control character U+0009"#,
            r#"ctl.csv:6: email "m4@x.org\u{7}" holds the control character U+0007"#,
            r#"ctl.csv:7: id "m5\u{1b}[2J" holds the control character U+001B"#,
        ] {
            assert!(
                text.contains(want),
                "{}: missing {want} in\n{text}",
                db.name()
            );
        }
        assert!(
            !text.contains('\x1b') && !text.contains("ctl.csv:2"),
            "{text}"
        );
        assert_eq!(
            text.lines().filter(|l| l.contains("ctl.csv:")).count(),
            4,
            "{text}"
        );
        assert_eq!(count_rows(&mut db.conn(), "members"), 1, "{}", db.name());
        assert_eq!(list_json(&db, &[])[0]["name"], "Org af1", "{}", db.name());
    }
}

#[test]
fn import_with_a_ragged_row_changes_nothing() {
    for db in backends() {
        let file = db.file_arg(
            "ragged.csv",
            &members_csv(&["m1,Org,KE,africa,a@x.org,en,,true", "m2,Org,KE,africa"]),
        );
        let text = error_text(&db.cli(&["members", "import", &file]).unwrap_err());
        assert!(
            text.contains("ragged.csv:3: the row has 4 fields but the header has 8"),
            "{text}"
        );
        assert_eq!(count_rows(&mut db.conn(), "members"), 0, "{}", db.name());
    }
}

#[test]
fn a_ragged_row_does_not_hide_the_other_bad_lines() {
    for db in backends() {
        let rows = [
            "m1,Org,KE,africa",
            "m2,Org,KE,africa,not-an-address,en,,true",
            "m3,Org,KE,africa,c@x.org,en,,true",
        ];
        let file = db.file_arg("ragged.csv", &members_csv(&rows));
        let text = error_text(&db.cli(&["members", "import", &file]).unwrap_err());
        assert!(
            text.contains("ragged.csv:2: the row has 4 fields"),
            "{text}"
        );
        assert!(
            text.contains("ragged.csv:3: email \"not-an-address\""),
            "{}: line 3 is bad too:\n{text}",
            db.name()
        );
        assert_eq!(count_rows(&mut db.conn(), "members"), 0, "{}", db.name());
    }
}

#[test]
fn header_with_unknown_duplicate_or_missing_columns_is_refused() {
    for db in backends() {
        let cases = [
            (
                "unknown.csv",
                "id,name,country,region,email,language,phone\nm1,Org,KE,africa,a@x.org,en,123\n",
                "unknown.csv:1: unknown column \"phone\"",
            ),
            (
                "twice.csv",
                "id,name,country,region,email,language,name\nm1,Org,KE,africa,a@x.org,en,Org\n",
                "twice.csv:1: column \"name\" appears twice",
            ),
            (
                "missing.csv",
                "id,name,country,email,language\nm1,Org,KE,a@x.org,en\n",
                "missing.csv:1: required column \"region\" is missing",
            ),
        ];
        for (name, csv, want) in cases {
            let file = db.file_arg(name, csv);
            let text = error_text(&db.cli(&["members", "import", &file]).unwrap_err());
            assert!(
                text.contains(want),
                "{}: missing {want} in\n{text}",
                db.name()
            );
        }
        assert_eq!(count_rows(&mut db.conn(), "members"), 0, "{}", db.name());
    }
}

#[test]
fn every_missing_required_column_is_named() {
    for db in backends() {
        let file = db.file_arg("few.csv", "name,country\nOrg,KE\n");
        let text = error_text(&db.cli(&["members", "import", &file]).unwrap_err());
        for col in ["id", "region", "email", "language"] {
            assert!(
                text.contains(&format!("few.csv:1: required column \"{col}\" is missing")),
                "{}: {col} in\n{text}",
                db.name()
            );
        }
    }
}

fn three_members(db: &TestDb) {
    let file = db.file_arg(
        "three.csv",
        "type,id,name,country,region,email,language,joined,active\n\
         national,m1,\"Org, One\",KE,africa,a@x.org;b@x.org,en,2020-01-31,true\n\
         regional_network,m2,Org Two,FR,europe,c@x.org,fr,,false\n\
         ,m3,Org Three,DE,europe,d@x.org,de,2019-05-06,\n",
    );
    db.cli(&["members", "import", &file]).unwrap();
}

#[test]
fn list_shows_every_member_with_every_column_in_each_format() {
    for db in backends() {
        three_members(&db);
        let csv = db.cli(&["members", "list", "--format", "csv"]).unwrap();
        assert_eq!(
            csv,
            "id,name,country,region,email,language,joined,active,type\n\
             m1,\"Org, One\",KE,africa,a@x.org;b@x.org,en,2020-01-31,true,national\n\
             m2,Org Two,FR,europe,c@x.org,fr,,false,regional_network\n\
             m3,Org Three,DE,europe,d@x.org,de,2019-05-06,true,\n",
            "{}",
            db.name()
        );
        let table = db.cli(&["members", "list"]).unwrap();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 4, "{table}");
        let header: Vec<&str> = lines[0].split_whitespace().collect();
        assert_eq!(
            header,
            ["id", "name", "country", "region", "email", "language", "joined", "active", "type"]
        );
        assert!(
            lines[2].starts_with("m2")
                && lines[2].contains("c@x.org")
                && lines[2]
                    .split_whitespace()
                    .rev()
                    .take(2)
                    .eq(["regional_network", "false"]),
            "{table}"
        );
        let json = list_json(&db, &[]);
        assert_eq!(json.len(), 3);
        let keys: Vec<&String> = json[1].as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 9, "{keys:?}");
        assert_eq!(json[1]["active"], false);
        assert_eq!(json[1]["type"], "regional_network");
        assert_eq!(json[2]["joined"], "2019-05-06");
    }
}

#[test]
fn listed_csv_imports_back_unchanged() {
    for db in backends() {
        three_members(&db);
        let csv = db.cli(&["members", "list", "--format", "csv"]).unwrap();
        let file = db.file_arg("exported.csv", &csv);
        assert_eq!(
            db.cli(&["members", "import", &file]).unwrap(),
            "0 added, 0 updated, 3 unchanged\n",
            "{}",
            db.name()
        );
    }
}

#[test]
fn list_region_filter_keeps_only_that_region_with_inactive_members() {
    for db in backends() {
        three_members(&db);
        let europe = list_json(&db, &["--region", "europe"]);
        let ids: Vec<&str> = europe.iter().map(|m| m["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["m2", "m3"], "{}", db.name());
        let csv = db
            .cli(&["members", "list", "--region", "africa", "--format", "csv"])
            .unwrap();
        assert_eq!(csv.lines().count(), 2, "{csv}");
    }
}

#[test]
fn list_with_unknown_region_names_it() {
    for db in backends() {
        three_members(&db);
        let err = db
            .cli(&["members", "list", "--region", "atlantis"])
            .unwrap_err();
        assert!(err.to_string().contains("atlantis"), "{}: {err}", db.name());
    }
}

#[test]
fn member_moving_region_moves_in_the_open_round_status() {
    for db in backends() {
        let mut rows = members_in("africa", "af", 2);
        rows.extend(members_in("europe", "eu", 2));
        db.import_members(&rows);
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        rows[0] = rows[0].replace(",africa,", ",europe,");
        assert_eq!(
            db.import_members(&rows),
            "0 added, 1 updated, 3 unchanged\n"
        );
        let status = status_json(&db, "r1");
        assert_eq!(
            targeted_in(&status, "africa"),
            Some(1),
            "{}: {status}",
            db.name()
        );
        assert_eq!(
            targeted_in(&status, "europe"),
            Some(3),
            "{}: {status}",
            db.name()
        );
        assert_eq!(
            targeted_in(&status, "ALL"),
            Some(4),
            "{}: {status}",
            db.name()
        );
    }
}

#[test]
fn member_moving_out_of_a_regional_round_leaves_it_and_one_moving_in_joins() {
    for db in backends() {
        let mut rows = members_in("africa", "af", 2);
        rows.extend(members_in("europe", "eu", 1));
        db.import_members(&rows);
        db.cli_with(
            &fixture_surveys(),
            &[
                "round", "create", "r1", "--survey", "mini", "--region", "africa",
            ],
        )
        .unwrap();
        rows[0] = rows[0].replace(",africa,", ",asia,");
        rows[2] = rows[2].replace(",europe,", ",africa,");
        db.import_members(&rows);
        let status = status_json(&db, "r1");
        assert_eq!(
            targeted_in(&status, "africa"),
            Some(2),
            "{}: {status}",
            db.name()
        );
        assert_eq!(
            targeted_in(&status, "asia"),
            None,
            "{}: {status}",
            db.name()
        );
        assert_eq!(
            targeted_in(&status, "ALL"),
            Some(2),
            "{}: {status}",
            db.name()
        );
    }
}

#[test]
fn member_deactivated_before_being_invited_leaves_the_open_round() {
    for db in backends() {
        let mut rows = members_in("africa", "af", 3);
        db.import_members(&rows);
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        assert_eq!(count_rows(&mut db.conn(), "invitations"), 3);
        rows[2] = rows[2].replace(",true", ",false");
        db.import_members(&rows);
        assert_eq!(
            targeted_in(&status_json(&db, "r1"), "africa"),
            Some(2),
            "{}",
            db.name()
        );
        assert_eq!(
            count_rows(&mut db.conn(), "invitations"),
            2,
            "{}",
            db.name()
        );
        // Active again: targeted again.
        rows[2] = rows[2].replace(",false", ",true");
        db.import_members(&rows);
        assert_eq!(
            targeted_in(&status_json(&db, "r1"), "africa"),
            Some(3),
            "{}",
            db.name()
        );
    }
}

#[test]
fn member_deactivated_after_answering_keeps_the_answer() {
    for db in backends() {
        let mut rows = members_in("africa", "af", 2);
        db.import_members(&rows);
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        let answers = db.file_arg("answers.csv", "member,law_change\naf1,unchanged\n");
        db.cli(&["responses", "import", "r1", &answers]).unwrap();
        rows[0] = rows[0].replace(",true", ",false");
        db.import_members(&rows);
        let status = status_json(&db, "r1");
        let africa = &status["regions"][0];
        assert_eq!(
            (africa["targeted"].as_i64(), africa["submitted"].as_i64()),
            (Some(2), Some(1)),
            "{}: {status}",
            db.name()
        );
        assert_eq!(count_rows(&mut db.conn(), "answers"), 1, "{}", db.name());
    }
}

#[test]
fn members_added_later_join_an_open_round_but_not_a_closed_one() {
    for db in backends() {
        db.import_members(&members_in("africa", "af", 2));
        let fx = fixture_surveys();
        db.cli_with(&fx, &["round", "create", "closed1", "--survey", "mini"])
            .unwrap();
        db.cli(&["round", "close", "closed1"]).unwrap();
        db.cli_with(&fx, &["round", "create", "open1", "--survey", "mini"])
            .unwrap();
        db.import_members(&members_in("africa", "af", 3));
        assert_eq!(
            targeted_in(&status_json(&db, "open1"), "ALL"),
            Some(3),
            "{}",
            db.name()
        );
        assert_eq!(
            targeted_in(&status_json(&db, "closed1"), "ALL"),
            Some(2),
            "{}",
            db.name()
        );
    }
}
