//! GET of the form: the member's language, one blank page for every
//! member but their link, nothing changed in the database.

use super::*;

#[test]
fn get_shows_the_first_section_in_the_members_language() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();

        let fr = link(&db, "r1", "fr1");
        let page = app.get(&fr.path);
        assert_eq!(page.status, 200, "{n}");
        assert!(
            page.body.contains("<html lang=\"fr\" dir=\"ltr\">"),
            "{n}: {}",
            page.body
        );
        assert!(page.body.contains("La loi a-t-elle changé ?"), "{n}");
        // Interface strings come from the French Fluent files too.
        assert!(
            page.body.contains("Enregistrer et continuer")
                || page.body.contains("Relire les réponses"),
            "{n}"
        );
        assert!(page.body.contains("id=\"q-law_change\""), "{n}");
        assert_switcher(&page.body, &fr.path, &["en"], n);

        let en = app.get(&format!("{}?lang=en", fr.path));
        assert_eq!(en.status, 200, "{n}");
        assert!(en.body.contains("<html lang=\"en\" dir=\"ltr\">"), "{n}");
        assert!(en.body.contains("Did the law change?"), "{n}");
        assert!(!en.body.contains("La loi a-t-elle changé"), "{n}");
        assert_switcher(&en.body, &fr.path, &["fr"], n);

        // pt-BR is not a language of the survey: the default, English.
        let pt = link(&db, "r1", "pt1");
        let page = app.get(&pt.path);
        assert_eq!(page.status, 200, "{n}");
        assert!(page.body.contains("<html lang=\"en\" dir=\"ltr\">"), "{n}");
        assert!(page.body.contains("Did the law change?"), "{n}");
        assert_switcher(&page.body, &pt.path, &["fr"], n);
    }
}

#[test]
fn the_blank_form_is_the_same_page_for_every_member_but_their_link() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let (a, b) = (link(&db, "r1", "m1"), link(&db, "r1", "m2"));
        // The first is rendered and kept; the second comes from what was kept.
        let first = app.get(&a.path);
        let second = app.get(&b.path);
        assert_eq!((first.status, second.status), (200, 200), "{n}");
        assert!(second.body.contains(&b.path), "{n}");
        assert!(
            !second.body.contains(&a.path),
            "{n}: another member's link leaked"
        );
        assert_eq!(second.body, first.body.replace(&a.path, &b.path), "{n}");
        // Once m2 has saved an answer, their page is rendered with it.
        let saved = app.post(
            &b.path,
            &[
                ("law_change", "worsened"),
                ("page", "0"),
                ("action", "save"),
            ],
        );
        assert_eq!(saved.status, 303, "{n}");
        let mine = app.get(&b.path);
        assert_eq!(mine.status, 200, "{n}");
        assert_ne!(mine.body, second.body, "{n}: the saved answer is not shown");
        assert_eq!(app.get(&a.path).body, first.body, "{n}");
    }
}

#[test]
fn get_changes_nothing_in_the_database() {
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        for query in [
            "",
            "",
            "?lang=fr",
            "?page=0",
            "?page=review",
            "?page=0&saved=1",
        ] {
            let r = app.get(&format!("{}{query}", m1.path));
            assert_eq!(r.status, 200, "{}: GET {query}", db.name());
        }
        assert_eq!(progress(&db, &m1.id), (None, None), "{}", db.name());
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{}", db.name());
        assert_eq!(count_rows(&mut db.conn(), "answers"), 0, "{}", db.name());
        assert_eq!(started_submitted(&db), (0, 0), "{}", db.name());
        // Nor does the page that offers to stop reminders.
        let stop = app.get(&format!("{}/stop", m1.path));
        assert_eq!(stop.status, 200, "{}", db.name());
        let opted_out: Option<NaiveDateTime> = invitations::table
            .find(&m1.id)
            .select(invitations::opted_out_at)
            .first(&mut *db.conn())
            .unwrap();
        assert_eq!(opted_out, None, "{}", db.name());
    }
}
