//! The audit log records who viewed and downloaded which results, on
//! the command line and the secretariat's page.

use super::*;

#[test]
fn results_views_and_downloads_are_in_the_audit_log_with_who_did_them() {
    for db in backends() {
        let base = closed_site(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);
        assert_eq!(b.get("/rounds/r1/results").status, 200, "{ctx}");
        assert_eq!(
            b.get("/rounds/r1/results.csv?region=ALL").status,
            200,
            "{ctx}"
        );
        let s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(s.get("/rounds/r1/results.json").status, 200, "{ctx}");
        assert_eq!(s.get("/rounds/r1/texts").status, 200, "{ctx}");

        let log = db.cli(&["audit"]).unwrap();
        let has = |actor: &str, action: &str, subject: &str| {
            log.lines()
                .any(|l| l.contains(actor) && l.contains(action) && l.contains(subject))
        };
        assert!(has(AFRICA, "login", ""), "{ctx}: {log}");
        assert!(
            has(AFRICA, "results.view", "r1 region=africa"),
            "{ctx}: {log}"
        );
        assert!(
            has(AFRICA, "results.download", "r1 region=ALL"),
            "{ctx}: {log}"
        );
        assert!(has(SECRETARIAT, "results.download", "r1"), "{ctx}: {log}");
        assert!(has(SECRETARIAT, "results.free_text", "r1"), "{ctx}: {log}");

        let page = s.get("/audit");
        assert_eq!(page.status, 200, "{ctx}");
        for (actor, action) in [
            (AFRICA, "results.view"),
            (AFRICA, "results.download"),
            (SECRETARIAT, "results.download"),
        ] {
            assert!(
                page.body
                    .contains(&format!("<td>{actor}</td><td>{action}</td>")),
                "{ctx}: {}",
                page.body
            );
        }
    }
}
