//! Whole flows through the command line: members, round, offline answers,
//! results, close.

use crate::helpers::*;

fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/surveys")
}

/// Members in three regions, a round, answers: the results CSV, byte for byte.
fn run_flow(db: &TestDb) -> String {
    let mut rows = members_in("africa", "af", 6);
    rows.extend(members_in("europe", "eu", 6));
    rows.extend(members_in("asia_pacific", "ap", 3));
    let members = db.file(
        "members.csv",
        &members_csv(&rows.iter().map(String::as_str).collect::<Vec<_>>()),
    );
    assert_eq!(
        db.cli(&["members", "import", members.to_str().unwrap()])
            .unwrap(),
        "15 added, 0 updated, 0 unchanged\n"
    );
    let out = db
        .cli_with(
            &fixtures(),
            &["round", "create", "r2026", "--survey", "mini"],
        )
        .unwrap();
    assert!(out.contains("15 member(s) targeted"), "{out}");
    let mut answers = String::from("member,law_change,law_areas,staff,rating,notes\n");
    for i in 1..=6 {
        let change = if i <= 4 { "improved" } else { "unchanged" };
        answers.push_str(&format!(
            "af{i},{change},policing;health,{},{},\"fine, thanks\"\n",
            i * 3,
            1 + i % 5
        ));
        answers.push_str(&format!("eu{i},worsened,labour,{},,\n", i));
    }
    answers.push_str("ap1,improved,health,0,,\n");
    let file = db.file("answers.csv", &answers);
    assert_eq!(
        db.cli(&["responses", "import", "r2026", file.to_str().unwrap()])
            .unwrap(),
        "13 response(s) imported into round r2026\n"
    );
    db.cli(&["results", "r2026", "--format", "csv"]).unwrap()
}

#[test]
fn a_round_from_members_to_results_gives_the_same_csv_on_every_backend() {
    let outputs: Vec<(String, String)> = backends()
        .iter()
        .map(|db| (db.name().to_string(), run_flow(db)))
        .collect();
    let (_, csv) = &outputs[0];
    assert!(
        csv.starts_with("indicator,option,region,value,respondents,suppressed\n"),
        "{csv}"
    );
    // africa: 4 of 6 improved; europe: 0 of 6; asia_pacific (1 answer) is
    // suppressed, and so is the smallest other region (africa and europe
    // tie at 6, africa comes first).
    assert!(csv.contains("law_improved,,africa,,,true\n"), "{csv}");
    assert!(csv.contains("law_improved,,asia_pacific,,,true\n"), "{csv}");
    assert!(csv.contains("law_improved,,europe,0,6,false\n"), "{csv}");
    assert!(csv.contains("law_improved,,ALL,0.3846,13,false\n"), "{csv}");
    assert!(csv.contains("staff_total,,ALL,84,13,false\n"), "{csv}");
    for (name, other) in &outputs[1..] {
        assert_eq!(other, csv, "{name} differs from sqlite");
    }
}

#[test]
fn closing_stores_results_that_later_member_changes_do_not_touch() {
    for db in backends() {
        let before = run_flow(&db);
        db.cli(&["round", "close", "r2026"]).unwrap();
        // Everyone moves to one region after the close.
        let mut rows = members_in("europe", "af", 6);
        rows.extend(members_in("europe", "eu", 6));
        rows.extend(members_in("europe", "ap", 3));
        let members = db.file(
            "moved.csv",
            &members_csv(&rows.iter().map(String::as_str).collect::<Vec<_>>()),
        );
        db.cli(&["members", "import", members.to_str().unwrap()])
            .unwrap();
        let after = db.cli(&["results", "r2026", "--format", "csv"]).unwrap();
        assert_eq!(after, before, "{}", db.name());
        let err = db
            .cli(&[
                "responses",
                "import",
                "r2026",
                db.file("late.csv", "member,law_change\naf1,improved\n")
                    .to_str()
                    .unwrap(),
            ])
            .unwrap_err();
        assert!(err.to_string().contains("closed"), "{err}");
    }
}
