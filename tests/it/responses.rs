//! `responses import` (contract §2, §3): each row validated like the web
//! form, hidden answers dropped, the file stored whole or not at all.

use diesel::prelude::*;

use canvass::db::schema::{answers, invitations};

use crate::helpers::*;

/// Five members in africa, two in europe, one inactive in africa; round
/// `r1` on the mini survey.
fn setup(db: &TestDb) {
    let mut rows = members_in("africa", "af", 5);
    rows.extend(members_in("europe", "eu", 2));
    rows.push("gone,Gone Org,KE,africa,gone@example.org,en,,false".into());
    db.import_members(&rows);
    db.cli_with(
        &fixture_surveys(),
        &["round", "create", "r1", "--survey", "mini"],
    )
    .unwrap();
}

fn import(db: &TestDb, csv: &str) -> Result<String, canvass::error::AppError> {
    let file = db.file_arg("a.csv", csv);
    db.cli(&["responses", "import", "r1", &file])
}

/// Imports a file that must fail and change nothing; returns the error
/// with every detail.
fn refused(db: &TestDb, csv: &str) -> String {
    let before = (
        count_rows(&mut db.conn(), "answers"),
        count_rows(&mut db.conn(), "drafts"),
    );
    let err = import(db, csv).unwrap_err();
    let text = error_text(&err);
    let after = (
        count_rows(&mut db.conn(), "answers"),
        count_rows(&mut db.conn(), "drafts"),
    );
    assert_eq!(
        after,
        before,
        "{}: something was stored despite\n{text}",
        db.name()
    );
    text
}

/// `(member, question)` of every stored answer, sorted.
fn stored(db: &TestDb) -> Vec<(String, String)> {
    answers::table
        .inner_join(invitations::table)
        .select((invitations::member_id, answers::question))
        .order((invitations::member_id, answers::question))
        .load(&mut *db.conn())
        .unwrap()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn results_csv(db: &TestDb) -> String {
    db.cli(&["results", "r1", "--format", "csv"]).unwrap()
}

#[test]
fn answers_to_hidden_questions_are_dropped() {
    for db in backends() {
        setup(&db);
        // af1: law_areas is hidden (unchanged), rating is hidden (staff 0);
        // af2: rating is hidden (staff unanswered). Hidden answers are
        // dropped even when they would not be valid.
        let csv = "member,law_change,law_areas,staff,rating,notes\n\
                   af1,unchanged,policing;nonsense,0,9,\n\
                   af2,improved,health,,4,\n";
        assert_eq!(
            import(&db, csv).unwrap(),
            "2 response(s) imported into round r1\n",
            "{}",
            db.name()
        );
        assert_eq!(
            stored(&db),
            pairs(&[
                ("af1", "law_change"),
                ("af1", "staff"),
                ("af2", "law_areas"),
                ("af2", "law_change")
            ]),
            "{}",
            db.name()
        );
        let res = results_csv(&db);
        assert!(
            res.contains("areas,policing,ALL,,,true\n"),
            "{}: {res}",
            db.name()
        );
        assert!(
            res.contains("rating_high,,ALL,,,true\n"),
            "{}: {res}",
            db.name()
        );
        assert!(
            res.contains("staff_total,,ALL,,,true\n"),
            "{}: {res}",
            db.name()
        );
    }
}

#[test]
fn a_missing_required_answer_names_the_line_and_question() {
    for db in backends() {
        setup(&db);
        let text = refused(
            &db,
            "member,law_change,law_areas\naf1,improved,health\naf2,,\naf3,worsened,\n",
        );
        assert!(
            text.contains("a.csv:3: law_change: an answer is required"),
            "{text}"
        );
        assert!(
            text.contains("a.csv:4: law_areas: an answer is required"),
            "{text}"
        );
        assert!(!text.contains("a.csv:2:"), "{text}");
        // Without the column, the required question is still required.
        let text = refused(&db, "member,staff\naf1,3\n");
        assert!(
            text.contains("a.csv:2: law_change: an answer is required"),
            "{text}"
        );
    }
}

#[test]
fn an_unknown_option_is_named() {
    for db in backends() {
        setup(&db);
        let text = refused(&db, "member,law_change,law_areas\naf1,maybe,\naf2,improved,health;courts\naf3,improved;worsened,health\n");
        assert!(
            text.contains("a.csv:2: law_change: \"maybe\" is not one of the options"),
            "{text}"
        );
        assert!(
            text.contains("a.csv:3: law_areas: \"courts\" is not one of the options"),
            "{text}"
        );
        assert!(
            text.contains("a.csv:4: law_change:"),
            "one choice only: {text}"
        );
    }
}

#[test]
fn numbers_scales_and_texts_are_checked() {
    for db in backends() {
        setup(&db);
        let long = "x".repeat(201);
        let csv = format!(
            "member,law_change,staff,rating,notes\n\
             af1,unchanged,-1,,\n\
             af2,unchanged,2.5,,\n\
             af3,unchanged,lots,,\n\
             af4,unchanged,3,6,\n\
             af5,unchanged,,,{long}\n"
        );
        let text = refused(&db, &csv);
        for want in [
            "a.csv:2: staff: the answer must be at least 0",
            "a.csv:3: staff: \"2.5\" is not a whole number",
            "a.csv:4: staff: \"lots\" is not a number",
            "a.csv:5: rating: the answer must be at most 5",
            "a.csv:6: notes: the answer is longer than 200 characters",
        ] {
            assert!(
                text.contains(want),
                "{}: missing {want} in\n{text}",
                db.name()
            );
        }
    }
}

#[test]
fn unknown_or_missing_columns_are_refused() {
    for db in backends() {
        setup(&db);
        let text = refused(&db, "member,law_change,colour\naf1,unchanged,red\n");
        assert!(
            text.contains("a.csv:1: unknown column \"colour\""),
            "{text}"
        );
        let text = refused(&db, "who,law_change\naf1,unchanged\n");
        assert!(
            text.contains("required column \"member\" is missing"),
            "{text}"
        );
        let text = refused(
            &db,
            "member,law_change,law_change\naf1,unchanged,unchanged\n",
        );
        assert!(
            text.contains("column \"law_change\" appears twice"),
            "{text}"
        );
    }
}

#[test]
fn a_member_the_round_does_not_target_is_refused() {
    for db in backends() {
        setup(&db);
        db.cli_with(
            &fixture_surveys(),
            &[
                "round",
                "create",
                "africa_only",
                "--survey",
                "mini",
                "--region",
                "africa",
            ],
        )
        .unwrap();
        let file = db.file_arg(
            "b.csv",
            "member,law_change\naf1,unchanged\neu1,unchanged\nnobody,unchanged\ngone,unchanged\n",
        );
        let text = error_text(
            &db.cli(&["responses", "import", "africa_only", &file])
                .unwrap_err(),
        );
        assert!(
            text.contains("b.csv:3: member \"eu1\" is not targeted by round `africa_only`"),
            "{text}"
        );
        assert!(
            text.contains("b.csv:4: member \"nobody\" is not targeted"),
            "{text}"
        );
        assert!(
            text.contains("b.csv:5: member \"gone\" is not targeted"),
            "{text}"
        );
        assert!(!text.contains("b.csv:2:"), "{text}");
        assert_eq!(count_rows(&mut db.conn(), "answers"), 0, "{}", db.name());
    }
}

#[test]
fn a_member_twice_in_one_file_is_refused() {
    for db in backends() {
        setup(&db);
        let text = refused(
            &db,
            "member,law_change\naf1,unchanged\naf2,unchanged\naf1,improved\n",
        );
        assert!(
            text.contains("a.csv:4: member \"af1\" already appears on line 2"),
            "{text}"
        );
    }
}

#[test]
fn multi_choices_are_separated_by_semicolons() {
    for db in backends() {
        setup(&db);
        let csv = "member,law_change,law_areas\n\
                   af1,improved,policing;health\n\
                   af2,improved,health\n\
                   af3,worsened,health; labour\n\
                   af4,worsened,labour;health;\n\
                   af5,improved,\"health;labour\"\n";
        import(&db, csv).unwrap();
        let res = results_csv(&db);
        for want in [
            "areas,policing,ALL,0.2,5,false\n",
            "areas,health,ALL,1,5,false\n",
            "areas,labour,ALL,0.6,5,false\n",
        ] {
            assert!(
                res.contains(want),
                "{}: missing {want} in\n{res}",
                db.name()
            );
        }
    }
}

#[test]
fn text_answers_keep_semicolons_and_commas() {
    for db in backends() {
        setup(&db);
        import(
            &db,
            "member,law_change,notes\naf1,unchanged,\"a; b, and \"\"c\"\"\"\n",
        )
        .unwrap();
        let text: Option<String> = answers::table
            .filter(answers::question.eq("notes"))
            .select(answers::text)
            .first(&mut *db.conn())
            .unwrap();
        assert_eq!(text.as_deref(), Some("a; b, and \"c\""), "{}", db.name());
    }
}

#[test]
fn a_later_import_replaces_the_earlier_submission() {
    for db in backends() {
        setup(&db);
        let first = "member,law_change,law_areas,staff\n\
                     af1,improved,policing,5\naf2,improved,health,5\naf3,improved,health,5\naf4,improved,health,5\naf5,improved,health,5\n";
        import(&db, first).unwrap();
        assert!(results_csv(&db).contains("law_improved,,ALL,1,5,false\n"));
        // af1 and af2 revise: af1's areas and staff are gone now.
        import(
            &db,
            "member,law_change,law_areas\naf1,unchanged,policing\naf2,worsened,labour\n",
        )
        .unwrap();
        let af1: Vec<(String, String)> = stored(&db)
            .into_iter()
            .filter(|(m, _)| m == "af1")
            .collect();
        assert_eq!(af1, pairs(&[("af1", "law_change")]), "{}", db.name());
        assert_eq!(
            count_rows(&mut db.conn(), "answers"),
            1 + 2 + 3 * 3,
            "{}",
            db.name()
        );
        let res = results_csv(&db);
        assert!(
            res.contains("law_improved,,ALL,0.6,5,false\n"),
            "{}: {res}",
            db.name()
        );
        assert!(
            res.contains("areas,policing,ALL,,,true\n"),
            "{}: {res}",
            db.name()
        );
        assert!(
            res.contains("staff_total,,ALL,,,true\n"),
            "{}: {res}",
            db.name()
        );
    }
}

#[test]
fn a_bad_row_at_the_end_stores_nothing() {
    for db in backends() {
        setup(&db);
        let csv = "member,law_change,law_areas,staff\n\
                   af1,improved,policing,5\naf2,improved,health,5\naf3,unchanged,,5\naf4,unchanged,,5\naf5,unchanged,,five\n";
        let text = refused(&db, csv);
        assert!(
            text.contains("a.csv:6: staff: \"five\" is not a number"),
            "{text}"
        );
        assert!(text.contains("nothing was imported"), "{text}");
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{}", db.name());
        let status: serde_json::Value = serde_json::from_str(
            &db.cli(&["round", "status", "r1", "--format", "json"])
                .unwrap(),
        )
        .unwrap();
        let all = &status["regions"][2];
        assert_eq!(all["region"], "ALL", "{status}");
        assert_eq!(
            (
                all["targeted"].as_i64(),
                all["started"].as_i64(),
                all["submitted"].as_i64()
            ),
            (Some(7), Some(0), Some(0)),
            "{}: {status}",
            db.name()
        );
    }
}

#[test]
fn every_bad_row_is_listed() {
    for db in backends() {
        setup(&db);
        let csv = "member,law_change,law_areas\n\
                   af1,maybe,\n\
                   af2,improved,health\n\
                   af3,worsened,\n\
                   af4,unchanged,\n\
                   zz9,unchanged,\n\
                   af2,unchanged,\n";
        let text = refused(&db, csv);
        let lines: Vec<&str> = text.lines().skip(1).collect();
        assert_eq!(lines.len(), 4, "{}: {text}", db.name());
        for (line, want) in lines.iter().zip([
            "a.csv:2: law_change",
            "a.csv:4: law_areas",
            "a.csv:6: member \"zz9\"",
            "a.csv:7: member \"af2\" already appears on line 3",
        ]) {
            assert!(
                line.contains(&format!("/{want}")),
                "{}: {line} should name {want}",
                db.name()
            );
        }
        assert!(
            text.lines()
                .next()
                .unwrap()
                .ends_with("a.csv has 4 problem(s); nothing was imported"),
            "{text}"
        );
    }
}

#[test]
fn spreadsheet_exports_with_bom_crlf_and_any_column_order_are_read() {
    for db in backends() {
        setup(&db);
        let csv = "\u{feff}law_areas,Member,LAW_CHANGE\r\n\"policing;health\",af1,improved\r\n\r\n,af2,unchanged\r\n";
        assert_eq!(
            import(&db, csv).unwrap(),
            "2 response(s) imported into round r1\n",
            "{}",
            db.name()
        );
        assert_eq!(stored(&db).len(), 3, "{}", db.name());
        let text = refused(
            &db,
            "\u{feff}member,law_change\r\naf3,unchanged\r\n\r\naf4,nope\r\n",
        );
        assert!(
            text.contains("a.csv:4: law_change: \"nope\""),
            "{}: {text}",
            db.name()
        );
    }
}

/// Responses stored before answers were packed (no `packed` copy) are
/// counted from their answer rows: the results are the same either way.
#[test]
fn results_are_the_same_from_packed_copies_and_from_answer_rows() {
    for db in backends() {
        setup(&db);
        let csv = "member,law_change,law_areas,staff,rating,notes\n\
                   af1,improved,policing;health,3,4,\n\
                   af2,improved,health,12,5,a note\n\
                   af3,worsened,policing,0,,\n\
                   af4,improved,policing,7,2,\n\
                   af5,unchanged,,40,3,\n\
                   eu1,improved,health,1,1,\n";
        import(&db, csv).unwrap();
        let packed = results_csv(&db);
        let json_packed = db.cli(&["results", "r1", "--format", "json"]).unwrap();
        // Unpack half of them: both paths at once must add up the same.
        diesel::update(invitations::table.filter(invitations::member_id.like("af%")))
            .set(invitations::packed.eq(None::<Vec<u8>>))
            .execute(&mut *db.conn())
            .unwrap();
        assert_eq!(results_csv(&db), packed, "{}", db.name());
        assert_eq!(
            db.cli(&["results", "r1", "--format", "json"]).unwrap(),
            json_packed,
            "{}",
            db.name()
        );
        assert!(
            packed.contains("staff_total,,ALL,63,6,false\n"),
            "{}: {packed}",
            db.name()
        );
    }
}
