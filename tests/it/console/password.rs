//! Changing one's password: it replaces the old one and ends other
//! sessions; the form is throttled like sign-in and every attempt is
//! audited (penetration test, issue 10).

use super::*;

impl Browser {
    fn change_password(&self, csrf: &str, current: &str, new: &str) -> Reply {
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
fn a_password_change_replaces_the_old_password() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let new = "a brand new secret";
        let b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let wrong = b.post(
            "/account/password",
            &[("csrf", &csrf), ("current", "not it at all"), ("new", new)],
        );
        assert_eq!(wrong.status, 422, "{ctx}");
        assert!(
            wrong.body.contains("The current password is not right."),
            "{ctx}: {}",
            wrong.body
        );
        let short = b.post(
            "/account/password",
            &[("csrf", &csrf), ("current", PASSWORD), ("new", "short")],
        );
        assert_eq!(short.status, 422, "{ctx}");
        let r = b.post(
            "/account/password",
            &[("csrf", &csrf), ("current", PASSWORD), ("new", new)],
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(r.location(), "/account/password?done=1", "{ctx}");
        assert!(
            b.get(r.location())
                .body
                .contains("Your password is changed."),
            "{ctx}"
        );
        assert_eq!(
            Browser::new(&base).login(AFRICA, PASSWORD).status,
            401,
            "{ctx}: the old password still works"
        );
        assert_eq!(Browser::new(&base).login(AFRICA, new).status, 303, "{ctx}");
        let audit = db.cli(&["audit"]).unwrap();
        assert!(
            audit
                .lines()
                .any(|l| l.contains(AFRICA) && l.contains("password.change")),
            "{ctx}: {audit}"
        );
    }
}

#[test]
fn a_password_change_ends_other_sessions() {
    for db in backends() {
        let base = site(&db);
        let other = Browser::signed_in(&base, AFRICA);
        let b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let r = b.post(
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current", PASSWORD),
                ("new", "a brand new secret"),
            ],
        );
        assert_eq!(r.status, 303, "{}", db.name());
        let r = other.get("/rounds");
        assert_eq!(r.status, 303, "{}: the other session lives on", db.name());
    }
}

#[test]
fn five_wrong_current_passwords_lock_password_changes_like_sign_ins() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);
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
        let other = Browser::signed_in(&base, EUROPE);
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
        let b = Browser::signed_in(&base, AFRICA);
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
