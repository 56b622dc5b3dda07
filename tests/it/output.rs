//! What commands print cannot be turned against its reader (issue 10):
//! text from outside (a sign-in address, a member's name) is shown with
//! its control characters escaped in tables.

use crate::helpers::*;

/// A failed sign-in as `email`, which the audit log records as its actor.
fn failed_sign_in(db: &TestDb, email: &str) {
    let base = db.spawn_app();
    let r = reply(
        ureq::AgentBuilder::new()
            .redirects(0)
            .build()
            .post(&format!("{base}/login"))
            .send_form(&[("email", email), ("password", "wrong")]),
    );
    assert_eq!(r.status, 401, "{}: {}", db.name(), r.body);
}

#[test]
fn a_forged_sign_in_address_prints_escaped_on_one_line_in_the_audit_table() {
    for db in backends() {
        let ctx = db.name();
        failed_sign_in(&db, "a\n2026-01-01 forged line\x1b[31m");
        let log = db.cli(&["audit"]).unwrap();
        assert!(
            !log.contains('\x1b'),
            "{ctx}: an escape sequence reached the terminal:\n{log}"
        );
        assert_eq!(
            log.lines().count(),
            2,
            "{ctx}: one header and one entry:\n{log}"
        );
        let entry = log.lines().nth(1).unwrap();
        assert!(
            entry.contains(r"a\n2026-01-01 forged line\u{1b}[31m")
                && entry.contains("login.failed"),
            "{ctx}: {log}"
        );
        assert!(
            !log.lines().any(|l| l.starts_with("2026-01-01 forged")),
            "{ctx}: {log}"
        );
        let json = db.cli(&["audit", "--format", "json"]).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            v[0]["actor"], "a\n2026-01-01 forged line\x1b[31m",
            "{ctx}: JSON keeps the text as stored"
        );
    }
}
