//! The session: its cookie's attributes, sign-out, a cookie kept from
//! before sign-out, and the interface language it remembers.

use super::*;

#[test]
fn the_session_cookie_is_httponly_samesite_strict_and_secure_only_behind_https() {
    for db in backends() {
        members_and_users(&db);
        let ctx = db.name();
        for (base, secure) in [
            (spawn(&db), false),
            (
                spawn_with(&db, |s| s.base_url = "https://survey.example.org".into()),
                true,
            ),
        ] {
            let b = Browser::new(&base);
            let r = b.login(SECRETARIAT, PASSWORD);
            assert_eq!(r.status, 303, "{ctx}");
            assert_eq!(r.location(), "/rounds", "{ctx}");
            let cookie = r.session_cookie().expect("a session cookie").to_string();
            let attrs: Vec<String> = cookie
                .split(';')
                .skip(1)
                .map(|a| a.trim().to_ascii_lowercase())
                .collect();
            assert!(attrs.iter().any(|a| a == "httponly"), "{ctx}: {cookie}");
            assert!(
                attrs.iter().any(|a| a == "samesite=strict"),
                "{ctx}: {cookie}"
            );
            assert_eq!(
                attrs.iter().any(|a| a == "secure"),
                secure,
                "{ctx} {base}: {cookie}"
            );
            // The cookie is the session: it opens the console.
            assert_eq!(b.get("/rounds").status, 200, "{ctx}");
        }
    }
}

#[test]
fn sign_out_clears_the_cookie_and_ends_the_browsers_session() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, SECRETARIAT);
        let csrf = b.csrf();
        let r = b.post("/logout", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}");
        assert_eq!(r.location(), "/login?done=logout", "{ctx}");
        let set = r.session_cookie().expect("logout sets the cookie");
        assert!(cookie_value(set).is_none(), "{ctx}: not removed: {set}");
        assert!(b.cookie().is_none(), "{ctx}");
        let after = b.get("/rounds");
        assert_eq!(after.status, 303, "{ctx}");
        assert!(after.location().starts_with("/login"), "{ctx}");
        let notice = b.get("/login?done=logout");
        assert!(notice.body.contains("You are signed out."), "{ctx}");
        assert_eq!(b.get("/rounds/r1/results.csv").status, 401, "{ctx}");
    }
}

#[test]
fn a_cookie_kept_from_before_sign_out_no_longer_opens_the_console() {
    for db in backends() {
        let base = site(&db);
        let b = Browser::signed_in(&base, SECRETARIAT);
        let kept = b.cookie();
        let csrf = b.csrf();
        assert_eq!(b.post("/logout", &[("csrf", &csrf)]).status, 303);
        let thief = Browser::new(&base);
        thief.set_cookie(kept);
        let r = thief.get("/rounds");
        assert_eq!(r.status, 303, "{}: the old cookie still works", db.name());
    }
}

#[test]
fn the_interface_language_asked_for_is_used_and_kept_for_later_pages() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, SECRETARIAT);
        let en = b.get("/rounds");
        assert!(en.body.contains("<h1>Rounds</h1>"), "{ctx}: {}", en.body);
        let fr = b.get("/rounds?lang=fr");
        assert_eq!(fr.status, 200, "{ctx}");
        assert!(fr.body.contains("<html lang=\"fr\""), "{ctx}: {}", fr.body);
        assert!(fr.body.contains("<h1>Campagnes</h1>"), "{ctx}: {}", fr.body);
        // Remembered in the session for the next page without `?lang=`.
        let later = b.get("/members");
        assert!(
            later.body.contains("<html lang=\"fr\""),
            "{ctx}: {}",
            later.body
        );
        let ru = b.get("/rounds?lang=ru");
        assert!(ru.body.contains("<h1>Циклы</h1>"), "{ctx}: {}", ru.body);
        // A language the console has not falls back to English.
        let other = b.get("/rounds?lang=xx");
        assert!(
            other.body.contains("<h1>Rounds</h1>"),
            "{ctx}: {}",
            other.body
        );
    }
}
