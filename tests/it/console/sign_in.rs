//! Sign-in and password findings of the penetration test (issue 10):
//! `next` never leads off the site, and the password form is throttled
//! like sign-in and audited.

use super::*;

impl Browser {
    /// A form post whose body is sent exactly as given (already encoded).
    fn post_body(&mut self, path: &str, body: &str) -> Reply {
        let r = reply(
            self.request("POST", path)
                .set("Content-Type", "application/x-www-form-urlencoded")
                .send_string(body),
        );
        self.take(r)
    }

    fn change_password(&mut self, csrf: &str, current: &str, new: &str) -> Reply {
        self.post(
            "/account/password",
            &[("csrf", csrf), ("current", current), ("new", new)],
        )
    }
}

/// Audit lines of `actor` with `action` (and `subject` in them).
fn audited(db: &TestDb, actor: &str, action: &str, subject: &str) -> usize {
    let log = db.cli(&["audit", "--limit", "1000"]).unwrap();
    log.lines()
        .filter(|l| l.contains(actor) && l.contains(action) && l.contains(subject))
        .count()
}

#[test]
fn sign_in_never_redirects_off_the_site_or_fails_whatever_next_holds() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        // `next` as the form body carries it (percent-encoded once).
        for (next, lands) in [
            ("/%09/host/x", "/rounds"),
            ("/%0A/x", "/rounds"),
            ("/%0D%0ASet-Cookie:%20a=b", "/rounds"),
            ("/%2509/host/x", "/rounds"),
            ("/%250A/x", "/rounds"),
            ("//evil.example.org/x", "/rounds"),
            ("/%5Cevil.example.org", "/rounds"),
            ("/%5C%5Cevil.example.org", "/rounds"),
            ("/%252F/evil.example.org", "/rounds"),
            ("https://evil.example.org/", "/rounds"),
            ("evil.example.org", "/rounds"),
            (
                "%2Frounds%2Fr1%2Fresults%3Fregion%3Dafrica",
                "/rounds/r1/results?region=africa",
            ),
            ("/rounds/r1", "/rounds/r1"),
        ] {
            let mut b = Browser::new(&base);
            let email = AFRICA.replace('@', "%40");
            let body = format!("email={email}&password=correct+horse+battery&next={next}");
            let r = b.post_body("/login", &body);
            assert_eq!(r.status, 303, "{ctx} next={next}: {}", r.body);
            assert_eq!(r.location(), lands, "{ctx} next={next}");
            assert!(b.cookie.is_some(), "{ctx} next={next}: not signed in");
        }
        // The form does not carry a bad `next` on either.
        let form = Browser::new(&base).get("/login?next=/%09/host/x");
        assert_eq!(form.status, 200, "{ctx}");
        assert!(
            form.body.contains("name=\"next\" value=\"/rounds\""),
            "{ctx}: {}",
            form.body
        );
    }
}

#[test]
fn five_wrong_current_passwords_lock_password_changes_like_sign_ins() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        for i in 0..5 {
            let r = b.change_password(&csrf, "a wrong guess", "a brand new secret");
            assert_eq!(r.status, 422, "{ctx} attempt {i}");
        }
        // Refused even with the right current password, and nothing changes.
        let r = b.change_password(&csrf, PASSWORD, "a brand new secret");
        assert_eq!(r.status, 429, "{ctx}: {}", r.body);
        assert!(r.body.contains("Too many attempts"), "{ctx}: {}", r.body);
        let (_, hash) = canvass::users::find(&mut db.conn(), AFRICA)
            .unwrap()
            .unwrap();
        assert!(canvass::users::verify_password(PASSWORD, &hash), "{ctx}");
        // One count per account: signing in is locked as well.
        assert_eq!(Browser::new(&base).login(AFRICA, PASSWORD).status, 429);
        // Another account from the same address is not.
        let mut other = Browser::signed_in(&base, EUROPE);
        let csrf = other.csrf();
        let r = other.change_password(&csrf, PASSWORD, "a brand new secret");
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(
            audited(&db, AFRICA, "password.failed", "current password not right"),
            5,
            "{ctx}"
        );
        assert_eq!(
            audited(&db, AFRICA, "password.failed", "too many attempts"),
            1,
            "{ctx}"
        );
    }
}

#[test]
fn every_password_change_and_failed_attempt_is_in_the_audit_log() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        for _ in 0..4 {
            let r = b.change_password(&csrf, "a wrong guess", "a brand new secret");
            assert_eq!(r.status, 422, "{ctx}");
        }
        let short = b.change_password(&csrf, PASSWORD, "short");
        assert_eq!(short.status, 422, "{ctx}");
        let r = b.change_password(&csrf, PASSWORD, "a brand new secret");
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        // A change forgets the account's failures, as a sign-in does.
        for i in 0..4 {
            let r = b.change_password(&csrf, "a wrong guess", "another new secret");
            assert_eq!(r.status, 422, "{ctx} attempt {i} after the change");
        }
        let wrong = audited(&db, AFRICA, "password.failed", "current password not right");
        assert_eq!(wrong, 8, "{ctx}");
        let too_short = audited(&db, AFRICA, "password.failed", "new password too short");
        assert_eq!(too_short, 1, "{ctx}");
        assert_eq!(audited(&db, AFRICA, "password.change", ""), 1, "{ctx}");
        assert_eq!(audited(&db, EUROPE, "password", ""), 0, "{ctx}");
    }
}
