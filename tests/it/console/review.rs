//! Regional review (contract §7): a reviewer's notes on their region's
//! indicators, the sign-off of their region's results, and the regional
//! report with the previous round's values; refusals for another region,
//! an open round and a missing CSRF token; the audit log.

use super::*;

/// The usual members and users, round `r0` (opened 2024-01-01, africa's
/// staff adding up to 42) and round `r1` (today, africa 63), both closed.
fn two_closed_rounds(db: &TestDb) -> String {
    members_and_users(db);
    db.cli_with(
        &fixture_surveys(),
        &[
            "round",
            "create",
            "r0",
            "--survey",
            "mini",
            "--opens",
            "2024-01-01",
        ],
    )
    .unwrap();
    let mut answers = String::from("member,law_change,law_areas,staff,rating\n");
    for i in 1..=6 {
        answers.push_str(&format!("af{i},unchanged,,{},2\n", i * 2));
        answers.push_str(&format!("eu{i},worsened,labour,{},3\n", 50 + i));
    }
    let file = db.file_arg("answers-r0.csv", &answers);
    db.cli(&["responses", "import", "r0", &file]).unwrap();
    db.cli(&["round", "close", "r0"]).unwrap();
    round_with_answers(db, "r1");
    db.cli(&["round", "close", "r1"]).unwrap();
    spawn(db)
}

fn audit_actions(db: &TestDb, action: &str) -> usize {
    canvass::audit::latest(&mut db.conn(), 1000)
        .unwrap()
        .iter()
        .filter(|e| e.action == action)
        .count()
}

fn note<'a>(
    csrf: &'a str,
    region: &'a str,
    indicator: &'a str,
    text: &'a str,
) -> [(&'a str, &'a str); 4] {
    [
        ("csrf", csrf),
        ("region", region),
        ("indicator", indicator),
        ("text", text),
    ]
}

#[test]
fn a_reviewers_note_shows_in_their_report_beside_this_and_the_previous_rounds_values() {
    for db in backends() {
        let base = two_closed_rounds(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let text = "Two new members joined with larger teams.";
        let r = b.post(
            "/rounds/r1/notes",
            &note(&csrf, "africa", "staff_total", text),
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(audit_actions(&db, "note.write"), 1, "{ctx}");

        let report = b.get("/rounds/r1/report?region=africa");
        assert_eq!(report.status, 200, "{ctx}: {}", report.body);
        for title in [
            "Law improved",
            "Paid staff in all",
            "Paid staff on average",
            "Areas of change",
        ] {
            assert!(
                report.body.contains(title),
                "{ctx}: no {title} in {}",
                report.body
            );
        }
        assert!(report.body.contains(text), "{ctx}: the note is missing");
        // africa's staff: 63 in r1, 42 in r0, the previous round.
        assert!(
            report.body.contains("<td>63</td>"),
            "{ctx}: {}",
            report.body
        );
        assert!(
            report.body.contains("<td>42</td>"),
            "{ctx}: {}",
            report.body
        );
        assert!(
            report.body.contains("r0"),
            "{ctx}: the previous round is not named"
        );
        assert!(report.body.contains("/static/print.css"), "{ctx}");
        assert!(
            !report.body.contains("european note"),
            "{ctx}: free text in a report"
        );
        // The results page shows it too, in the form that edits it.
        let page = b.get("/rounds/r1/results?region=africa");
        assert!(page.body.contains(text), "{ctx}: {}", page.body);
        assert!(
            page.body.contains("/rounds/r1/report?region&#x3D;africa"),
            "{ctx}"
        );

        // Writing again replaces the note; an empty text removes it.
        let r = b.post(
            "/rounds/r1/notes",
            &note(&csrf, "africa", "staff_total", "Replaced."),
        );
        assert_eq!(r.status, 303, "{ctx}");
        let report = b.get("/rounds/r1/report?region=africa").body;
        assert!(
            report.contains("Replaced.") && !report.contains(text),
            "{ctx}"
        );
        assert_eq!(count_rows(&mut db.conn(), "review_notes"), 1, "{ctx}");
        b.post(
            "/rounds/r1/notes",
            &note(&csrf, "africa", "staff_total", " "),
        );
        assert_eq!(count_rows(&mut db.conn(), "review_notes"), 0, "{ctx}");
        assert_eq!(audit_actions(&db, "note.delete"), 1, "{ctx}");
    }
}

#[test]
fn a_reviewer_never_writes_signs_or_reads_a_report_for_another_region() {
    for db in backends() {
        let base = two_closed_rounds(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let r = b.post(
            "/rounds/r1/notes",
            &note(&csrf, "europe", "staff_total", "not mine"),
        );
        assert_eq!(r.status, 403, "{ctx}: {}", r.body);
        let r = b.post(
            "/rounds/r1/signoff",
            &[("csrf", csrf.as_str()), ("region", "europe")],
        );
        assert_eq!(r.status, 403, "{ctx}: {}", r.body);
        assert_eq!(
            b.get("/rounds/r1/report?region=europe").status,
            403,
            "{ctx}"
        );
        assert_eq!(
            b.get("/rounds/r1/report?region=africa").status,
            200,
            "{ctx}"
        );
        assert_eq!(count_rows(&mut db.conn(), "review_notes"), 0, "{ctx}");
        assert_eq!(count_rows(&mut db.conn(), "signoffs"), 0, "{ctx}");
        // The secretariat reads every region's report and writes any note.
        let s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(
            s.get("/rounds/r1/report?region=europe").status,
            200,
            "{ctx}"
        );
        let scsrf = s.csrf();
        let r = s.post(
            "/rounds/r1/notes",
            &note(&scsrf, "europe", "staff_total", "From the secretariat."),
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert!(
            s.get("/rounds/r1/report?region=europe")
                .body
                .contains("From the secretariat."),
            "{ctx}"
        );
        assert!(
            !b.get("/rounds/r1/report?region=africa")
                .body
                .contains("From the secretariat."),
            "{ctx}"
        );
    }
}

#[test]
fn a_sign_off_shows_on_the_secretariats_round_page_and_is_audited() {
    for db in backends() {
        let base = two_closed_rounds(&db);
        let ctx = db.name();
        let s = Browser::signed_in(&base, SECRETARIAT);
        assert!(
            s.get("/rounds/r1").body.contains("Not signed off yet"),
            "{ctx}"
        );
        let b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let r = b.post(
            "/rounds/r1/signoff",
            &[("csrf", csrf.as_str()), ("region", "africa")],
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(
            r.header("location"),
            Some("/rounds/r1?done=signoff"),
            "{ctx}"
        );
        let page = unisolated(&s.get("/rounds/r1").body);
        assert!(
            page.contains(&format!("Signed off by {AFRICA} on ")),
            "{ctx}: {page}"
        );
        assert_eq!(audit_actions(&db, "signoff"), 1, "{ctx}");
        let report = unisolated(&b.get("/rounds/r1/report?region=africa").body);
        assert!(
            report.contains(&format!("The regional reviewer {AFRICA} signed off")),
            "{ctx}: {report}"
        );
        // The secretariat cannot sign for a region.
        let scsrf = s.csrf();
        let r = s.post(
            "/rounds/r1/signoff",
            &[("csrf", scsrf.as_str()), ("region", "europe")],
        );
        assert_eq!(r.status, 403, "{ctx}: {}", r.body);
        assert_eq!(count_rows(&mut db.conn(), "signoffs"), 1, "{ctx}");
    }
}

#[test]
fn an_open_round_has_no_sign_off_no_reviewer_notes_and_no_report() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let r = b.post(
            "/rounds/r1/signoff",
            &[("csrf", csrf.as_str()), ("region", "africa")],
        );
        assert_eq!(r.status, 409, "{ctx}: {}", r.body);
        assert!(
            r.body.contains("once the round is closed"),
            "{ctx}: {}",
            r.body
        );
        let r = b.post(
            "/rounds/r1/notes",
            &note(&csrf, "africa", "staff_total", "early"),
        );
        assert_eq!(r.status, 409, "{ctx}: {}", r.body);
        let r = b.get("/rounds/r1/report?region=africa");
        assert_eq!(r.status, 409, "{ctx}: {}", r.body);
        assert!(!r.body.contains("<td>63</td>"), "{ctx}");
        let s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(
            s.get("/rounds/r1/report?region=africa").status,
            409,
            "{ctx}"
        );
        assert_eq!(count_rows(&mut db.conn(), "review_notes"), 0, "{ctx}");
        assert_eq!(count_rows(&mut db.conn(), "signoffs"), 0, "{ctx}");
    }
}

#[test]
fn notes_and_sign_off_without_the_csrf_token_or_with_a_bad_note_change_nothing() {
    for db in backends() {
        let base = two_closed_rounds(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);
        let r = b.post(
            "/rounds/r1/notes",
            &[
                ("region", "africa"),
                ("indicator", "staff_total"),
                ("text", "x"),
            ],
        );
        assert_eq!(r.status, 403, "{ctx}: {}", r.body);
        let r = b.post(
            "/rounds/r1/signoff",
            &[("csrf", "forged"), ("region", "africa")],
        );
        assert_eq!(r.status, 403, "{ctx}: {}", r.body);
        let csrf = b.csrf();
        let long = "x".repeat(2001);
        let r = b.post(
            "/rounds/r1/notes",
            &note(&csrf, "africa", "staff_total", &long),
        );
        assert_eq!(r.status, 422, "{ctx}: {}", r.body);
        assert!(
            r.body.contains("at most 2000 characters"),
            "{ctx}: {}",
            r.body
        );
        let r = b.post("/rounds/r1/notes", &note(&csrf, "africa", "nope", "x"));
        assert_eq!(r.status, 422, "{ctx}: {}", r.body);
        assert!(
            r.body.contains("has no indicator &#x60;nope"),
            "{ctx}: {}",
            r.body
        );
        assert_eq!(count_rows(&mut db.conn(), "review_notes"), 0, "{ctx}");
        assert_eq!(count_rows(&mut db.conn(), "signoffs"), 0, "{ctx}");
        assert_eq!(
            audit_actions(&db, "note.write") + audit_actions(&db, "signoff"),
            0,
            "{ctx}"
        );
    }
}
