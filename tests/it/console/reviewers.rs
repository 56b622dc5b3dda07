//! Reviewers and open rounds (contract §6: no differencing of live
//! results): response rates while a round is open, results once it is
//! closed, trends of closed rounds of their region, nothing of a round
//! without it.

use super::*;

#[test]
fn a_reviewer_sees_response_rates_of_an_open_round_and_its_results_once_closed() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);
        let round = b.get("/rounds/r1");
        assert_eq!(round.status, 200, "{ctx}");
        assert!(
            round
                .body
                .contains("<th scope=\"row\" data-region=\"africa\">africa</th>"),
            "{ctx}"
        );
        assert!(
            !round.body.contains("href=\"/rounds/r1/results\""),
            "{ctx}: {}",
            round.body
        );
        assert!(
            round.body.contains("once the round closes"),
            "{ctx}: {}",
            round.body
        );
        let page = b.get("/rounds/r1/results");
        assert_eq!(page.status, 200, "{ctx}");
        assert!(
            page.body.contains("once the round closes"),
            "{ctx}: {}",
            page.body
        );
        assert!(!page.body.contains("<svg"), "{ctx}: a chart before close");
        assert!(!page.body.contains("63"), "{ctx}: {}", page.body);
        for path in [
            "/rounds/r1/results.csv",
            "/rounds/r1/results.json",
            "/rounds/r1/results.csv?region=ALL",
        ] {
            let r = b.get(path);
            assert_eq!(r.status, 403, "{ctx} {path}: {}", r.body);
            assert!(!r.body.contains("staff_total"), "{ctx} {path}");
        }
        // The secretariat is trusted with live results.
        let s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(s.get("/rounds/r1/results.csv").status, 200, "{ctx}");

        db.cli(&["round", "close", "r1"]).unwrap();
        let csv = b.get("/rounds/r1/results.csv");
        assert_eq!(csv.status, 200, "{ctx}");
        assert!(
            csv.body.contains("staff_total,,africa,63,6,false"),
            "{ctx}: {}",
            csv.body
        );
        assert!(
            b.get("/rounds/r1")
                .body
                .contains("href=\"/rounds/r1/results\""),
            "{ctx}"
        );

        // Reopening withdraws them again, and needs the confirmation.
        let csrf = s.csrf();
        let refused = s.post("/rounds/r1/open", &[("csrf", &csrf)]);
        assert_eq!(refused.status, 409, "{ctx}: {}", refused.body);
        assert_eq!(round_state(&db, "r1"), Some(true), "{ctx}");
        let reopened = s.post("/rounds/r1/open", &[("csrf", &csrf), ("confirm", "reopen")]);
        assert_eq!(reopened.status, 303, "{ctx}: {}", reopened.body);
        assert_eq!(round_state(&db, "r1"), Some(false), "{ctx}");
        assert_eq!(b.get("/rounds/r1/results.csv").status, 403, "{ctx}");
    }
}

#[test]
fn a_reviewers_trends_hold_only_closed_rounds_that_include_their_region() {
    for db in backends() {
        members_and_users(&db);
        let ctx = db.name();
        // r0: europe only, closed; r1: both regions, closed; r2: open.
        db.cli_with(
            &fixture_surveys(),
            &[
                "round", "create", "r0", "--survey", "mini", "--region", "europe",
            ],
        )
        .unwrap();
        db.cli(&["round", "close", "r0"]).unwrap();
        round_with_answers(&db, "r1");
        db.cli(&["round", "close", "r1"]).unwrap();
        round_with_answers(&db, "r2");
        round_with_answers(&db, "r3");
        db.cli(&["round", "close", "r3"]).unwrap();
        let base = spawn(&db);
        let b = Browser::signed_in(&base, AFRICA);
        assert_eq!(b.get("/rounds/r0/results").status, 403, "{ctx}");
        let page = b.get("/rounds/r3/results").body;
        assert!(page.contains("id=\"t-staff_total-title\""), "{ctx}: {page}");
        // The trend's rounds are r1 and r3: neither r0 (no africa) nor r2 (open).
        let desc = |page: &str| {
            let start = page.find("t-staff_total-desc\">").unwrap();
            page[start..].split("</desc>").next().unwrap().to_string()
        };
        assert_eq!(
            desc(&page),
            "t-staff_total-desc\">africa: r1 63, r3 63; All regions combined: r1 suppressed, r3 suppressed",
            "{ctx}"
        );
        let s = Browser::signed_in(&base, SECRETARIAT);
        let full = desc(&s.get("/rounds/r3/results").body);
        assert!(
            full.contains("r0") && full.contains("r2 684"),
            "{ctx}: {full}"
        );
    }
}

#[test]
fn a_reviewer_sees_all_when_two_other_regions_hold_enough_respondents() {
    for db in backends() {
        members_and_users(&db);
        db.import_members(&members_in("asia", "as", 6));
        round_with_answers(&db, "r1");
        let mut answers = String::from("member,law_change,staff\n");
        for i in 1..=6 {
            answers.push_str(&format!("as{i},unchanged,{}\n", 10 * i));
        }
        let file = db.file_arg("asia.csv", &answers);
        db.cli(&["responses", "import", "r1", &file]).unwrap();
        db.cli(&["round", "close", "r1"]).unwrap();
        let base = spawn(&db);
        let b = Browser::signed_in(&base, AFRICA);
        let csv = b.get("/rounds/r1/results.csv").body;
        // 63 + 621 + 210: ALL minus africa is two regions together.
        assert!(
            csv.contains("staff_total,,ALL,894,18,false"),
            "{}: {csv}",
            db.name()
        );
        assert_eq!(csv_regions(&csv), ["ALL", "africa"], "{}", db.name());
    }
}

#[test]
fn a_reviewer_learns_nothing_of_a_round_that_targets_only_another_region() {
    for db in backends() {
        members_and_users(&db);
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
        let base = spawn(&db);
        let b = Browser::signed_in(&base, AFRICA);
        let ctx = db.name();
        // europe's staff add up to 621; ALL is europe alone here.
        let csv = b.get("/rounds/r10/results.csv?region=ALL");
        assert!(
            csv.status != 200 || !csv.body.contains(",621,"),
            "{ctx}: {}",
            csv.body
        );
        let page = b.get("/rounds/r10/results?region=ALL");
        assert!(
            page.status != 200
                || !page
                    .body
                    .contains("<td data-region=\"ALL\">All regions combined</td><td>621</td>"),
            "{ctx}"
        );
        // The progress page's ALL row is europe's response rate.
        let progress = b.get("/rounds/r10");
        assert!(
            progress.status != 200
                || !progress
                    .body
                    .contains("<th scope=\"row\" data-region=\"ALL\">All regions combined</th>"),
            "{ctx}"
        );
    }
}
