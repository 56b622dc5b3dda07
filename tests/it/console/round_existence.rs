//! A reviewer cannot tell a missing round from another region's
//! (penetration test, issue 10): both are refused alike, while the
//! secretariat is told that a round does not exist.

use super::*;

/// Round `r10` of europe only, with answers; the app's URL.
fn europe_only(db: &TestDb) -> String {
    members_and_users(db);
    db.cli_with(
        &fixture_surveys(),
        &[
            "round", "create", "r10", "--survey", "mini", "--region", "europe",
        ],
    )
    .unwrap();
    let mut answers = String::from("member,law_change,law_areas,staff,rating,notes\n");
    for i in 1..=6 {
        answers.push_str(&format!("eu{i},worsened,labour,{},3,\n", 100 + i));
    }
    let file = db.file_arg("answers-r10.csv", &answers);
    db.cli(&["responses", "import", "r10", &file]).unwrap();
    spawn(db)
}

#[test]
fn a_reviewer_gets_the_same_403_for_a_missing_round_as_for_another_regions() {
    for db in backends() {
        let base = europe_only(&db);
        let reviewer = Browser::signed_in(&base, AFRICA);
        let secretariat = Browser::signed_in(&base, SECRETARIAT);
        for route in [
            "/results",
            "/results?region=ALL",
            "/results.csv",
            "/results.csv?region=ALL",
            "/results.json",
            "",
        ] {
            let ctx = format!("{} {route:?}", db.name());
            let other = reviewer.get(&format!("/rounds/r10{route}"));
            let missing = reviewer.get(&format!("/rounds/no_such_round{route}"));
            assert_eq!(other.status, 403, "{ctx}: {}", other.body);
            assert_eq!(missing.status, 403, "{ctx}: {}", missing.body);
            assert_eq!(missing.body, other.body, "{ctx}");
            assert_eq!(
                missing.header("content-type"),
                other.header("content-type"),
                "{ctx}"
            );
            let missing = secretariat.get(&format!("/rounds/no_such_round{route}"));
            assert_eq!(missing.status, 404, "{ctx}: {}", missing.body);
            let r10 = secretariat.get(&format!("/rounds/r10{route}"));
            assert_eq!(r10.status, 200, "{ctx}: {}", r10.body);
        }
    }
}
