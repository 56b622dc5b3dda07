//! State-changing actions (rounds, invitations, reminders, members
//! import) are the secretariat's alone: what each does, and that nobody
//! else changes anything with them.

use super::*;

/// What the site looks like to the actions below.
#[derive(Debug, PartialEq)]
pub(super) struct Snapshot {
    r9: Option<bool>,
    r1_closed: Option<bool>,
    outbox: i64,
    members: i64,
    zz1: bool,
}

pub(super) fn snapshot(db: &TestDb) -> Snapshot {
    Snapshot {
        r9: round_state(db, "r9"),
        r1_closed: round_state(db, "r1"),
        outbox: count_rows(&mut db.conn(), "outbox"),
        members: member_count(db),
        zz1: canvass::members::list(&mut db.conn(), None)
            .unwrap()
            .iter()
            .any(|m| m.id == "zz1"),
    }
}

fn new_member_csv() -> String {
    members_csv(&["zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true"])
}

/// Every state-changing action, with `csrf` as its token (`None`: left out).
pub(super) fn try_every_action(b: &Browser, csrf: Option<&str>) -> Vec<(String, Reply)> {
    let with = |mut f: Vec<(&'static str, String)>| {
        if let Some(t) = csrf {
            f.push(("csrf", t.to_string()));
        }
        f
    };
    let mut out = Vec::new();
    let forms: Vec<(&str, Vec<(&str, String)>)> = vec![
        (
            "/rounds",
            with(vec![("name", "r9".into()), ("survey", "mini".into())]),
        ),
        ("/rounds/r1/invite", with(vec![])),
        ("/rounds/r1/remind", with(vec![])),
        ("/rounds/r1/close", with(vec![])),
        ("/rounds/r1/open", with(vec![])),
    ];
    for (path, fields) in forms {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        out.push((format!("POST {path}"), b.post(path, &fields)));
    }
    out.push((
        "POST /members/import".into(),
        b.upload("/members/import", csrf, "new.csv", &new_member_csv()),
    ));
    out
}

#[test]
fn round_and_member_actions_are_refused_to_reviewers_and_anonymous_visitors() {
    for db in backends() {
        let base = site(&db);
        let before = snapshot(&db);
        assert_eq!(before.r9, None);
        assert_eq!(before.r1_closed, Some(false));
        for who in EVERYONE.into_iter().filter(|w| *w != Who::Secretariat) {
            let b = browser_for(&base, who);
            // A reviewer sends their own, valid token.
            let token = (who != Who::Anonymous).then(|| b.csrf());
            for (what, r) in try_every_action(&b, token.as_deref()) {
                let ctx = format!("{} {what} as {who:?}", db.name());
                if who == Who::Anonymous {
                    let to_login = r.status == 303 && r.location().starts_with("/login");
                    assert!(r.status == 401 || to_login, "{ctx}: {}", r.status);
                } else {
                    assert_eq!(r.status, 403, "{ctx}: {}", r.body);
                }
                assert_eq!(snapshot(&db), before, "{ctx} changed something");
            }
        }
    }
}

#[test]
fn the_secretariat_creates_invites_reminds_imports_and_closes() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let s = Browser::signed_in(&base, SECRETARIAT);
        let csrf = s.csrf();

        // Create, for all regions and for some.
        let r = s.post(
            "/rounds",
            &[("csrf", &csrf), ("name", "r9"), ("survey", "mini")],
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(r.location(), "/rounds/r9", "{ctx}");
        assert_eq!(round_state(&db, "r9"), Some(false), "{ctx}");
        let r = s.post(
            "/rounds",
            &[
                ("csrf", &csrf),
                ("name", "r10"),
                ("survey", "mini"),
                ("region", "africa"),
            ],
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        let page = s.get("/rounds/r10");
        assert!(
            page.body
                .contains("<th scope=\"row\" data-region=\"africa\">africa</th>"),
            "{ctx}: {}",
            page.body
        );
        assert!(!page.body.contains("europe"), "{ctx}: {}", page.body);
        // A second round of the same name is refused on the page.
        let r = s.post(
            "/rounds",
            &[("csrf", &csrf), ("name", "r9"), ("survey", "mini")],
        );
        assert_eq!(r.status, 422, "{ctx}: {}", r.body);

        let r = s.post("/rounds/r9/invite", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert!(
            r.location().starts_with("/rounds/r9?done=invite"),
            "{ctx}: {}",
            r.location()
        );
        assert_eq!(count_rows(&mut db.conn(), "outbox"), 12, "{ctx}");
        let r = s.post("/rounds/r9/remind", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert!(r.location().starts_with("/rounds/r9?done=remind"), "{ctx}");

        let r = s.upload("/members/import", Some(&csrf), "new.csv", &new_member_csv());
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(member_count(&db), 13, "{ctx}");

        let r = s.post("/rounds/r1/close", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(round_state(&db, "r1"), Some(true), "{ctx}");
        let after = s.get(r.location());
        assert_eq!(after.status, 200, "{ctx}");
        assert!(after.body.contains("/rounds/r1/open"), "{ctx}");
    }
}
