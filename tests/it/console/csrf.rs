//! No state-changing post without the session's own CSRF token: every
//! action, sign-out and the password form.

use super::actions::{snapshot, try_every_action};
use super::*;

#[test]
fn state_changing_posts_without_the_right_csrf_token_are_refused_and_change_nothing() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let s = Browser::signed_in(&base, SECRETARIAT);
        // Another session's token is as wrong as a made-up one.
        let foreign = Browser::signed_in(&base, SECRETARIAT).csrf();
        assert_ne!(foreign, s.csrf(), "{ctx}: two sessions share a token");
        let before = snapshot(&db);
        for token in [None, Some("not-the-token"), Some(foreign.as_str())] {
            for (what, r) in try_every_action(&s, token) {
                let ctx = format!("{ctx} {what} with {token:?}");
                assert_eq!(r.status, 403, "{ctx}: {}", r.body);
                assert_eq!(snapshot(&db), before, "{ctx} changed something");
            }
            let r = match token {
                Some(t) => s.post("/logout", &[("csrf", t)]),
                None => s.post("/logout", &[]),
            };
            assert_eq!(r.status, 403, "{ctx} logout with {token:?}");
            assert_eq!(s.get("/rounds").status, 200, "{ctx}: signed out anyway");
            let mut fields = vec![("current", PASSWORD), ("new", "a brand new secret")];
            if let Some(t) = token {
                fields.push(("csrf", t));
            }
            let r = s.post("/account/password", &fields);
            assert_eq!(r.status, 403, "{ctx} password with {token:?}");
            assert!(
                r.body.contains("This form has expired"),
                "{ctx}: {}",
                r.body
            );
        }
        // The password is still the old one.
        let fresh = Browser::new(&base);
        assert_eq!(fresh.login(SECRETARIAT, PASSWORD).status, 303, "{ctx}");
    }
}
