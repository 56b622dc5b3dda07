//! Security headers, nothing loaded from elsewhere, page weight, labels
//! and fieldsets, no cookies.

use super::*;

#[test]
fn form_pages_send_the_security_headers() {
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        for (what, path) in [
            ("form", m1.path.clone()),
            ("form in French", format!("{}?lang=fr", m1.path)),
            ("review", format!("{}?page=review", m1.path)),
            ("unknown link", "/r/nothing".to_string()),
        ] {
            let r = app.get(&path);
            assert_security_headers(&r, &format!("{}: {what}", db.name()));
            assert!(
                r.header("content-type")
                    .is_some_and(|c| c.starts_with("text/html")),
                "{what}"
            );
        }
        let r = app.post(&m1.path, &[("page", "0"), ("action", "save")]);
        assert_eq!(r.status, 303);
        assert_security_headers(&r, "save redirect");
    }
}

#[test]
fn pages_load_nothing_from_elsewhere() {
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        let base = app.base().to_string();
        let mut pages = vec![
            ("form", app.get(&m1.path)),
            ("review", app.get(&format!("{}?page=review", m1.path))),
            ("422", app.post(&m1.path, &[("action", "submit")])),
            ("404", app.get("/r/nothing")),
        ];
        submit(&app, &m1, &[("law_change", "unchanged")]);
        pages.push(("done", app.get(&format!("{}/done", m1.path))));
        let mut assets = Vec::new();
        for (what, page) in &pages {
            assert_same_origin(&page.body, &base, what);
            for (_, tag) in tags(&page.body, "script")
                .into_iter()
                .chain(tags(&page.body, "link"))
            {
                assets.extend(attr(tag, "src").or_else(|| attr(tag, "href")));
            }
        }
        assets.sort();
        assets.dedup();
        assert!(!assets.is_empty());
        for a in assets {
            let r = app.get(&a);
            assert_eq!(r.status, 200, "{a}");
            assert!(
                !r.body.contains("http://") && !r.body.contains("https://"),
                "{a} loads from elsewhere"
            );
            assert!(!r.body.contains("@import"), "{a}");
            assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{a}");
        }
    }
}

#[test]
fn the_first_page_of_the_example_survey_weighs_under_30_kb() {
    for db in backends() {
        members(&db);
        db.cli(&["round", "create", "r1", "--survey", "member_survey"])
            .unwrap();
        let app = Browser::cookieless(&db.spawn_app());
        let m1 = link(&db, "r1", "m1");
        let assets =
            app.get("/static/canvass.css").body.len() + app.get("/static/canvass.js").body.len();
        for lang in ["en", "es", "fr", "ru", "zh"] {
            let page = app.get(&format!("{}?lang={lang}", m1.path));
            assert_eq!(page.status, 200, "{lang}");
            assert!(
                page.body.contains(&format!("<html lang=\"{lang}\"")),
                "{lang}"
            );
            let total = page.body.len() + assets;
            assert!(
                total < 30 * 1024,
                "{}: first page in {lang} weighs {total} bytes ({} HTML + {assets} assets)",
                db.name(),
                page.body.len()
            );
        }
    }
}

#[test]
fn every_input_has_a_label_and_choice_groups_sit_in_fieldsets() {
    for db in backends() {
        members(&db);
        db.cli(&["round", "create", "r1", "--survey", "member_survey"])
            .unwrap();
        let app = Browser::cookieless(&db.spawn_app());
        let m1 = link(&db, "r1", "m1");
        let sections = 6;
        for page in 0..sections {
            let r = app.get(&format!("{}?page={page}", m1.path));
            assert_eq!(r.status, 200);
            assert_labelled(
                &r.body,
                &format!("{}: member_survey page {page}", db.name()),
            );
            assert!(r.body.contains("<legend>"), "page {page}");
        }
        // Every question at once, as after a submit with problems.
        let r = app.post(&m1.path, &[("action", "submit")]);
        assert_eq!(r.status, 422);
        assert_labelled(&r.body, "member_survey 422 page");
    }
}

#[test]
fn no_cookie_is_ever_set() {
    // `Browser::cookieless` refuses any Set-Cookie; this walks every page once.
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        app.get(&m1.path);
        app.get(&format!("{}?lang=fr", m1.path));
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("action", "save"),
            ],
        );
        app.post(&m1.path, &[("page", "0"), ("action", "review")]);
        app.get(&format!("{}?page=review", m1.path));
        app.post(&m1.path, &[("action", "submit")]);
        submit(&app, &m1, &[("law_change", "unchanged")]);
        app.get(&format!("{}/done", m1.path));
        app.get("/r/nothing");
        app.get("/static/canvass.css");
        db.cli(&["round", "close", "r1"]).unwrap();
        let r = app.get(&m1.path);
        assert_eq!(r.status, 410);
    }
}
