//! POST moves between pages: next and back follow `show_if`, conditions
//! on earlier pages are left to the server, the review lists the answers.

use super::*;

/// The `page=` of a redirect to the form.
fn page_of(location: &str) -> String {
    let query = location.split_once('?').map_or("", |(_, q)| q);
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("page="))
        .unwrap_or("0")
        .to_string()
}

#[test]
fn next_and_back_move_between_sections_and_follow_show_if() {
    for db in backends() {
        members(&db);
        let app = round_on(&db, &steps_surveys(&db), "steps", &[]);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");

        let first = app.get(&m1.path);
        assert!(first.body.contains("First page"), "{n}");
        assert_switcher(&first.body, &m1.path, &["ar"], n);
        let arabic = app.get(&format!("{}?lang=ar", m1.path));
        assert!(
            arabic.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
            "{n}: {}",
            &arabic.body[..200.min(arabic.body.len())]
        );
        assert!(arabic.body.contains("هل تغير القانون؟"), "{n}");
        assert!(first.body.contains("id=\"q-law_change\""), "{n}");
        assert!(!first.body.contains("id=\"q-notes\""), "{n}");

        // The law did not change and there is no staff: page 2 without
        // law_areas, page 3 skipped.
        let r = app.post(
            &m1.path,
            &[
                ("lang", "en"),
                ("page", "0"),
                ("law_change", "unchanged"),
                ("staff", "0"),
                ("action", "next"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        assert_eq!(page_of(r.location()), "1", "{n}: {}", r.location());
        assert!(progress(&db, &m1.id).0.is_some(), "{n}: next saves");
        let second = app.get(r.location());
        assert_eq!(second.status, 200, "{n}");
        assert!(second.body.contains("Second page"), "{n}");
        assert!(second.body.contains("id=\"q-notes\""), "{n}");
        assert!(
            !second.body.contains("id=\"q-law_areas\""),
            "{n}: law_areas shown although the law did not change"
        );
        assert!(second.body.contains("value=\"back\""), "{n}: no Back");

        let r = app.post(
            &m1.path,
            &[("page", "1"), ("notes", "quiet year"), ("action", "next")],
        );
        assert_eq!(
            page_of(r.location()),
            "review",
            "{n}: third page not skipped"
        );
        assert_eq!(
            draft(&db, &m1.id).get("notes"),
            Some(&vec!["quiet year".to_string()]),
            "{n}"
        );
        let r = app.post(&m1.path, &[("page", "review"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "1", "{n}: {}", r.location());
        let r = app.post(&m1.path, &[("page", "1"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "0", "{n}: {}", r.location());

        // The law improved and there is staff: law_areas on page 2, page 3 shown.
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("staff", "4"),
                ("action", "next"),
            ],
        );
        assert_eq!(page_of(r.location()), "1", "{n}");
        let second = app.get(r.location());
        assert!(
            second.body.contains("id=\"q-law_areas\""),
            "{n}: law_areas hidden although the law improved"
        );
        assert!(second.body.contains("value=\"next\""), "{n}: no Next");
        let r = app.post(
            &m1.path,
            &[("page", "1"), ("law_areas", "health"), ("action", "next")],
        );
        assert_eq!(page_of(r.location()), "2", "{n}: {}", r.location());
        let third = app.get(r.location());
        assert!(third.body.contains("id=\"q-rating\""), "{n}");
        let r = app.post(
            &m1.path,
            &[("page", "2"), ("rating", "5"), ("action", "next")],
        );
        assert_eq!(page_of(r.location()), "review", "{n}");
        let r = app.post(&m1.path, &[("page", "review"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "2", "{n}");
        let r = app.post(&m1.path, &[("page", "2"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "1", "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[
                ("law_areas", &["health"]),
                ("law_change", &["improved"]),
                ("notes", &["quiet year"]),
                ("rating", &["5"]),
                ("staff", &["4"]),
            ]),
            "{n}"
        );
        // The summary's own button submits the draft as it stands.
        let review = app.get(&format!("{}?page=review", m1.path));
        assert!(
            review.body.contains("Policing") || review.body.contains("Health"),
            "{n}"
        );
        let r = app.post(&m1.path, &[("page", "review"), ("action", "submit")]);
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        assert!(
            r.location().starts_with(&format!("{}/done", m1.path)),
            "{n}"
        );
        assert_eq!(stored(&db, &m1.id).len(), 5, "{n}");
    }
}

#[test]
fn a_condition_on_an_earlier_page_is_left_to_the_server() {
    for db in backends() {
        members(&db);
        let app = round_on(&db, &steps_surveys(&db), "steps", &[]);
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
        let second = app.get(&format!("{}?page=1", m1.path));
        let block = question_block(&second.body, "law_areas")
            .unwrap_or_else(|| panic!("{n}: law_areas not shown"));
        // The script hides a question whose target has no field on the page;
        // the server already decided, so no condition (and no "only if"
        // hint) may be attached here.
        let targets = attr_values(&second.body, "data-show-if")
            .iter()
            .flat_map(|c| condition_targets(&serde_json::from_str(c).unwrap()))
            .collect::<Vec<_>>();
        for target in targets {
            assert!(
                second.body.contains(&format!("name=\"{target}\"")),
                "{n}: a question on page 2 depends on `{target}`, which has no field there:\n{block}"
            );
        }
        assert!(!block.contains("class=\"only-if\""), "{n}: {block}");
    }
}

#[test]
fn the_review_page_lists_the_answers() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("law_areas", "policing"),
                ("law_areas", "health"),
                ("staff", "12"),
                ("action", "review"),
            ],
        );
        assert_eq!(r.status, 303, "{n}");
        assert_eq!(page_of(r.location()), "review", "{n}");
        let review = app.get(r.location());
        assert_eq!(review.status, 200, "{n}");
        let b = &review.body;
        for text in [
            "Did the law change?",
            "Improved",
            "Which areas?",
            "Policing; Health",
            "Paid staff",
            "12",
            "Notes",
            "Not answered",
        ] {
            assert!(b.contains(text), "{n}: no {text:?} in\n{b}");
        }
        // staff ≥ 1, so rating is shown, unanswered.
        assert!(b.contains("Rating"), "{n}");
        assert!(b.contains("value=\"submit\""), "{n}: no submit button");
        // A question whose condition fails is not listed.
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "unchanged"),
                ("action", "save"),
            ],
        );
        let review = app.get(&format!("{}?page=review", m1.path));
        assert!(review.body.contains("Unchanged"), "{n}");
        assert!(
            !review.body.contains("Which areas?"),
            "{n}: hidden question listed"
        );
        assert_switcher(b, &m1.path, &["fr"], n);
        // Nothing was submitted by looking.
        assert_eq!(progress(&db, &m1.id).1, None, "{n}");
    }
}

/// The questions a condition given to the page's script reads (`q`).
fn condition_targets(c: &serde_json::Value) -> Vec<String> {
    match c {
        serde_json::Value::Object(m) => m
            .iter()
            .flat_map(|(k, v)| match (k.as_str(), v) {
                ("q", serde_json::Value::String(q)) => vec![q.clone()],
                _ => condition_targets(v),
            })
            .collect(),
        serde_json::Value::Array(a) => a.iter().flat_map(condition_targets).collect(),
        _ => Vec::new(),
    }
}
