//! Submitting: problems answered 422 with links to them, the
//! confirmation, the submission shown and revised.

use super::*;

#[test]
fn submit_with_a_missing_required_answer_answers_422_with_linked_errors() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("action", "save"),
            ],
        );
        let r = app.post(
            &m1.path,
            &[("page", "0"), ("staff", "abc"), ("action", "submit")],
        );
        assert_eq!(r.status, 422, "{n}: {}", r.body);
        assert_security_headers(&r, "422 page");
        let b = &r.body;
        // The summary comes first and links to each field.
        let summary = b
            .find("error-summary")
            .unwrap_or_else(|| panic!("{n}: no error summary\n{b}"));
        assert!(
            summary < b.find("<form").unwrap(),
            "{n}: summary below the form"
        );
        let hrefs = attr_values(b, "href");
        for q in ["law_areas", "staff"] {
            assert!(hrefs.contains(&format!("#q-{q}")), "{n}: no link to #q-{q}");
            assert!(
                b.contains(&format!("id=\"q-{q}\"")),
                "{n}: no #q-{q} target"
            );
            assert!(
                b.contains(&format!("id=\"e-{q}\"")),
                "{n}: no message by {q}"
            );
        }
        assert!(!hrefs.contains(&"#q-law_change".to_string()), "{n}");
        assert!(b.contains("Please answer this question."), "{n}");
        assert!(
            b.contains("Enter a whole number.") || b.contains("Enter a number"),
            "{n}"
        );
        // The message is tied to the field (the group for choices).
        let areas = question_block(b, "law_areas").unwrap();
        let group = tags(areas, "fieldset")[0].1;
        assert!(
            attr(group, "aria-describedby")
                .is_some_and(|d| d.split(' ').any(|x| x == "e-law_areas")),
            "{n}: {group}"
        );
        let staff = tags(b, "input")
            .into_iter()
            .map(|(_, t)| t)
            .find(|t| attr(t, "id").as_deref() == Some("f-staff"))
            .unwrap();
        assert!(
            attr(staff, "aria-describedby").is_some_and(|d| d.split(' ').any(|x| x == "e-staff")),
            "{n}: {staff}"
        );
        assert_eq!(attr(staff, "value").as_deref(), Some("abc"), "{n}");
        assert_labelled(b, "422 page");
        assert_switcher(b, &m1.path, &["fr"], n);
        // The draft holds what was sent; nothing is submitted.
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("law_change", &["improved"]), ("staff", &["abc"])]),
            "{n}"
        );
        assert_eq!(progress(&db, &m1.id).1, None, "{n}");
        assert_eq!(count_rows(&mut db.conn(), "answers"), 0, "{n}");

        // In the member's language.
        let fr = link(&db, "r1", "fr1");
        let r = app.post(&fr.path, &[("action", "submit")]);
        assert_eq!(r.status, 422, "{n}");
        assert!(r.body.contains("<html lang=\"fr\""), "{n}");
        assert!(
            r.body.contains("Merci de répondre à cette question."),
            "{n}"
        );

        // An empty draft: the one required question shown is missing.
        let m2 = link(&db, "r1", "m2");
        let r = app.post(&m2.path, &[("action", "submit")]);
        assert_eq!(r.status, 422, "{n}");
        assert!(
            attr_values(&r.body, "href").contains(&"#q-law_change".to_string()),
            "{n}"
        );
    }
}

#[test]
fn a_good_submit_redirects_to_the_confirmation_and_counts_in_results() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = submit(
            &app,
            &m1,
            &[
                ("law_change", "improved"),
                ("law_areas", "health"),
                ("staff", "3"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        let to = r.location().to_string();
        assert!(to.starts_with(&format!("{}/done", m1.path)), "{n}: {to}");
        let done = app.get(&to);
        assert_eq!(done.status, 200, "{n}");
        assert!(done.body.contains("Thank you"), "{n}");
        assert_security_headers(&done, "done page");
        assert_switcher(&done.body, &m1.path, &["fr"], n);

        let (started, submitted) = progress(&db, &m1.id);
        assert!(started.is_some() && submitted.is_some(), "{n}");
        let csv = results_csv(&db);
        assert!(csv.contains("law_improved,,ALL,,,true\n"), "{n}: {csv}");
        assert!(csv.contains("staff_total,,ALL,,,true\n"), "{n}: {csv}");
        // rating was hidden (no answer) and is not counted.
        assert!(csv.contains("rating_high,,ALL,,,true\n"), "{n}: {csv}");

        // Coming back shows the answers and says they were submitted.
        let page = app.get(&m1.path);
        assert_eq!(page.status, 200, "{n}");
        assert!(page.body.contains("You submitted your answers on"), "{n}");
    }
}

#[test]
fn after_a_submit_the_form_shows_the_submission_with_later_changes_over_it() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = submit(
            &app,
            &m1,
            &[
                ("law_change", "improved"),
                ("law_areas", "health"),
                ("law_areas", "policing"),
                ("staff", "3"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        // The submission is the draft; it is not copied into draft rows.
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{n}");
        let submitted = draft_of(&[
            ("law_change", &["improved"]),
            ("law_areas", &["policing", "health"]),
            ("staff", &["3"]),
        ]);
        assert_eq!(draft(&db, &m1.id), submitted, "{n}");
        let page = app.get(&m1.path);
        assert!(
            page.body.contains("value=\"3\""),
            "{n}: the staff answer is not shown"
        );

        // Clearing a question (unticking every box) and changing others
        // hides the submitted answers under the draft, without touching them.
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "unchanged"),
                ("_q", "law_areas"),
                ("staff", "7"),
                ("action", "save"),
            ],
        );
        assert_eq!(r.status, 303, "{n}");
        let revised = draft_of(&[("law_change", &["unchanged"]), ("staff", &["7"])]);
        assert_eq!(draft(&db, &m1.id), revised, "{n}");
        assert_eq!(
            stored(&db, &m1.id).get("staff"),
            Some(&(None, Some(3.0))),
            "{n}"
        );

        // Submitting the revision stores it and the draft rows go again.
        let r = app.post(&m1.path, &[("page", "0"), ("action", "submit")]);
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{n}");
        assert_eq!(draft(&db, &m1.id), revised, "{n}");
        let mine = stored(&db, &m1.id);
        assert!(!mine.contains_key("law_areas"), "{n}: {mine:?}");
        assert_eq!(mine.get("staff"), Some(&(None, Some(7.0))), "{n}");
    }
}

#[test]
fn revising_after_submit_replaces_the_submission() {
    for db in backends() {
        db.import_members(&members_in("africa", "m", 5));
        let app = round_on(&db, &fixture_surveys(), "mini", &[]);
        let n = db.name();
        let links: Vec<Link> = (1..=5).map(|i| link(&db, "r1", &format!("m{i}"))).collect();
        for l in &links {
            let r = submit(
                &app,
                l,
                &[
                    ("law_change", "improved"),
                    ("law_areas", "policing"),
                    ("staff", "2"),
                ],
            );
            assert_eq!(r.status, 303, "{n}: {}", r.body);
        }
        let before = results_csv(&db);
        assert!(
            before.contains("improved_count,,ALL,5,5,false\n"),
            "{n}: {before}"
        );
        assert!(
            before.contains("staff_total,,ALL,10,5,false\n"),
            "{n}: {before}"
        );

        // m1 changes its mind: the law did not change (law_areas is now
        // hidden and dropped), staff given as 4.
        let r = submit(
            &app,
            &links[0],
            &[("law_change", "unchanged"), ("staff", "4")],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        let after = results_csv(&db);
        assert!(
            after.contains("improved_count,,ALL,4,5,false\n"),
            "{n}: {after}"
        );
        assert!(
            after.contains("staff_total,,ALL,12,5,false\n"),
            "{n}: {after}"
        );
        assert!(
            after.contains("law_improved,,ALL,0.8,5,false\n"),
            "{n}: {after}"
        );
        let mine = stored(&db, &links[0].id);
        assert!(!mine.contains_key("law_areas"), "{n}: {mine:?}");
        assert_eq!(mine.get("staff"), Some(&(None, Some(4.0))), "{n}");
        assert_eq!(started_submitted(&db), (5, 5), "{n}");
    }
}
