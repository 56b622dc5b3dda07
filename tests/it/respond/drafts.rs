//! POST saves the draft: a page's answers kept beside the others, a
//! question with every box unticked cleared, never more text than a
//! question allows.

use super::*;

#[test]
fn save_stores_a_draft_marks_started_and_returns_to_the_same_page() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = app.post(
            &m1.path,
            &[
                ("lang", "en"),
                ("page", "0"),
                ("_q", "law_change"),
                ("law_change", "improved"),
                ("_q", "staff"),
                ("staff", "12"),
                ("action", "save"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        let to = r.location().to_string();
        assert!(to.starts_with(&format!("{}?", m1.path)), "{n}: {to}");
        assert!(to.contains("page=0"), "{n}: {to}");
        let (started, submitted) = progress(&db, &m1.id);
        assert!(started.is_some(), "{n}: started_at not set");
        assert!(submitted.is_none(), "{n}");
        assert_eq!(started_submitted(&db), (1, 0), "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("law_change", &["improved"]), ("staff", &["12"])]),
            "{n}"
        );
        // The page shows the saved answers back.
        let page = app.get(&to);
        assert_eq!(page.status, 200, "{n}");
        let radio = tags(&page.body, "input")
            .into_iter()
            .map(|(_, t)| t)
            .find(|t| attr(t, "id").as_deref() == Some("f-law_change-improved"))
            .unwrap();
        assert!(radio.contains(" checked"), "{n}: {radio}");
        let staff = tags(&page.body, "input")
            .into_iter()
            .map(|(_, t)| t)
            .find(|t| attr(t, "id").as_deref() == Some("f-staff"))
            .unwrap();
        assert_eq!(attr(staff, "value").as_deref(), Some("12"), "{n}");

        // A member's own language carries through a post without `lang`.
        let fr = link(&db, "r1", "fr1");
        let r = app.post(
            &fr.path,
            &[("page", "0"), ("staff", "1"), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
        assert!(r.location().contains("lang=fr"), "{n}: {}", r.location());
        assert!(
            app.get(r.location()).body.contains("<html lang=\"fr\""),
            "{n}"
        );

        // A later save does not move the start.
        app.post(
            &m1.path,
            &[("page", "0"), ("staff", "13"), ("action", "save")],
        );
        assert_eq!(progress(&db, &m1.id).0, started, "{n}");
    }
}

#[test]
fn a_post_with_one_question_keeps_the_other_saved_answers() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("law_areas", "policing"),
                ("law_areas", "health"),
                ("staff", "3"),
                ("notes", "all fine"),
                ("action", "save"),
            ],
        );
        let r = app.post(
            &m1.path,
            &[("page", "0"), ("staff", "7"), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[
                ("law_areas", &["policing", "health"]),
                ("law_change", &["improved"]),
                ("notes", &["all fine"]),
                ("staff", &["7"]),
            ]),
            "{n}"
        );
        // An empty field clears its own answer and nothing else.
        app.post(
            &m1.path,
            &[("page", "0"), ("notes", ""), ("action", "save")],
        );
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[
                ("law_areas", &["policing", "health"]),
                ("law_change", &["improved"]),
                ("staff", &["7"]),
            ]),
            "{n}"
        );
    }
}

#[test]
fn unticking_every_box_of_a_multi_question_clears_it() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "worsened"),
                ("law_areas", "policing"),
                ("law_areas", "labour"),
                ("action", "save"),
            ],
        );
        // What a browser sends when every box is unticked: the marker only.
        let r = app.post(
            &m1.path,
            &[("page", "0"), ("_q", "law_areas"), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("law_change", &["worsened"])]),
            "{n}"
        );
    }
}

/// The `notes` block of a page (its field and its message).
fn notes_block(html: &str) -> &str {
    question_block(html, "notes").unwrap_or_else(|| panic!("no notes in {html}"))
}

#[test]
fn a_post_with_more_text_than_a_question_allows_is_refused_and_stores_nothing() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let saved = [("page", "0"), ("law_change", "improved"), ("notes", "kept")];
        app.post(&m1.path, &[&saved[..], &[("action", "save")]].concat());
        let before = (draft(&db, &m1.id), progress(&db, &m1.id));
        assert_eq!(
            before.0,
            draft_of(&[("law_change", &["improved"]), ("notes", &["kept"])])
        );
        // `notes` allows 200 characters; the test found 510 KiB accepted.
        let huge = "x".repeat(510 * 1024);
        for (notes, action) in [
            ("y".repeat(201), "save"),
            (huge.clone(), "save"),
            (huge.clone(), "next"),
            (huge, "submit"),
            (format!("{}\n{}", "z".repeat(100), "z".repeat(100)), "save"),
        ] {
            let ctx = format!("{n} {action} of {} characters", notes.len());
            let r = app.post(
                &m1.path,
                &[
                    ("lang", "en"),
                    ("page", "0"),
                    ("law_change", "worsened"),
                    ("staff", "7"),
                    ("notes", &notes),
                    ("action", action),
                ],
            );
            assert_eq!(r.status, 422, "{ctx}");
            let block = notes_block(&r.body);
            assert!(
                unisolated(block).contains("Shorten your answer to at most 200 characters."),
                "{ctx}: {block}"
            );
            assert!(block.contains("aria-invalid=\"true\""), "{ctx}");
            assert_eq!((draft(&db, &m1.id), progress(&db, &m1.id)), before, "{ctx}");
        }
        // A question that takes no text takes no more than its options either.
        let r = app.post(
            &m1.path,
            &[("law_change", &"x".repeat(100)), ("action", "save")],
        );
        assert_eq!(r.status, 422, "{n}");
        assert_eq!(draft(&db, &m1.id), before.0, "{n}");
    }
}

#[test]
fn a_save_of_exactly_max_length_is_kept() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        // A line break counts one, as the browser's `maxlength` counts it.
        let crlf = format!("{}\r\n{}", "a".repeat(100), "b".repeat(99));
        for notes in ["y".repeat(200), crlf] {
            let r = app.post(
                &m1.path,
                &[("page", "0"), ("notes", &notes), ("action", "save")],
            );
            assert_eq!(r.status, 303, "{n}: {}", r.body);
            assert_eq!(
                draft(&db, &m1.id),
                draft_of(&[("notes", &[notes.as_str()])]),
                "{n}"
            );
        }
        // Blank padding does not count, and is not kept.
        let padded = format!("  padded{}", " ".repeat(300_000));
        let r = app.post(
            &m1.path,
            &[("page", "0"), ("notes", &padded), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("notes", &["padded"])]),
            "{n}"
        );
    }
}
