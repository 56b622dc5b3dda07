//! Signing in: wrong passwords, throttling per account and per address,
//! and where a sign-in leads (`next` never off the site, a finding of the
//! penetration test of issue 10).

use super::*;

#[test]
fn a_wrong_password_gets_401_and_no_session() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::new(&base);
        let form = b.get("/login");
        assert_eq!(form.status, 200, "{ctx}");
        assert!(form.body.contains("name=\"email\""), "{ctx}");
        assert!(form.body.contains("name=\"password\""), "{ctx}");
        for (email, password) in [
            (SECRETARIAT, "not the password"),
            ("nobody@example.org", PASSWORD),
            (SECRETARIAT, ""),
        ] {
            let r = b.login(email, password);
            assert_eq!(r.status, 401, "{ctx} {email}");
            assert!(
                r.body.contains("The email or password is not right."),
                "{ctx}: {}",
                r.body
            );
            assert!(r.session_cookie().and_then(cookie_value).is_none(), "{ctx}");
            assert!(b.cookie().is_none(), "{ctx}");
            let after = b.get("/rounds");
            assert_eq!(after.status, 303, "{ctx}");
        }
    }
}

#[test]
fn sign_in_goes_back_to_the_page_asked_for_but_never_to_another_site() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::new(&base);
        let r = b.get("/rounds/r1/results?region=africa");
        assert_eq!(r.status, 303, "{ctx}");
        let next = r.location().to_string();
        let form = b.get(&next);
        assert!(
            form.body
                .contains("name=\"next\" value=\"/rounds/r1/results?region"),
            "{ctx}: {}",
            form.body
        );
        for (asked, lands) in [
            ("/rounds/r1", "/rounds/r1"),
            ("https://evil.example.org/", "/rounds"),
            ("//evil.example.org/", "/rounds"),
        ] {
            let b = Browser::new(&base);
            let r = b.post(
                "/login",
                &[("email", AFRICA), ("password", PASSWORD), ("next", asked)],
            );
            assert_eq!(r.status, 303, "{ctx} {asked}");
            assert_eq!(r.location(), lands, "{ctx} {asked}");
        }
    }
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
            let b = Browser::new(&base);
            let email = AFRICA.replace('@', "%40");
            let body = format!("email={email}&password=correct+horse+battery&next={next}");
            let r = b.post_raw("/login", &body);
            assert_eq!(r.status, 303, "{ctx} next={next}: {}", r.body);
            assert_eq!(r.location(), lands, "{ctx} next={next}");
            assert!(b.cookie().is_some(), "{ctx} next={next}: not signed in");
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
fn five_failures_for_one_account_lock_it_even_against_the_right_password() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::new(&base);
        for i in 0..5 {
            let r = b.login(SECRETARIAT, "wrong password");
            assert_eq!(r.status, 401, "{ctx} attempt {i}");
        }
        for password in ["wrong password", PASSWORD] {
            let r = b.login(SECRETARIAT, password);
            assert_eq!(r.status, 429, "{ctx} with {password:?}");
            assert!(r.body.contains("Too many attempts"), "{ctx}: {}", r.body);
            assert!(
                b.cookie().is_none(),
                "{ctx}: a refused sign-in set a cookie"
            );
        }
        // The address in any letter case is the same account.
        let r = b.login("Secretariat@Example.org", PASSWORD);
        assert_eq!(r.status, 429, "{ctx}");
        // Another account from the same address still signs in.
        let other = Browser::new(&base);
        assert_eq!(other.login(AFRICA, PASSWORD).status, 303, "{ctx}");
    }
}

#[test]
fn twenty_failures_from_one_address_lock_every_account_from_it() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let b = Browser::new(&base);
        // Four failures per account stay under the account limit.
        for i in 0..20 {
            let who = format!("guess{}@example.org", i % 5);
            assert_eq!(b.login(&who, "wrong password").status, 401, "{ctx} {i}");
        }
        let r = b.login(AFRICA, PASSWORD);
        assert_eq!(r.status, 429, "{ctx}: {}", r.body);
        assert!(b.cookie().is_none(), "{ctx}");
    }
}
