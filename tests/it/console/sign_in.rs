//! Sign-in findings of the penetration test (issue 10): `next` never
//! leads off the site.

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
