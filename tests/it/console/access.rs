//! The authorization matrix (contract §7): every console page and
//! download × every role × own and other region, and what a reviewer's
//! results hold.

use super::*;

/// What a route needs, as the issue states it.
#[derive(Clone, Copy, Debug)]
enum Need {
    /// Any signed-in user.
    Browse,
    /// Results of a region (`None`: the default view); downloads answer
    /// 401 instead of redirecting.
    Results(Option<&'static str>, bool),
    /// The secretariat only.
    Secretariat,
}

fn get_routes() -> Vec<(String, Need)> {
    let mut routes = vec![
        ("/rounds".to_string(), Need::Browse),
        ("/rounds/r1".to_string(), Need::Browse),
        ("/account/password".to_string(), Need::Browse),
        ("/rounds/r1/texts".to_string(), Need::Secretariat),
        ("/surveys".to_string(), Need::Secretariat),
        (
            "/surveys/mini/preview?lang=fr".to_string(),
            Need::Secretariat,
        ),
        ("/members".to_string(), Need::Secretariat),
        ("/members?region=africa".to_string(), Need::Secretariat),
        ("/audit".to_string(), Need::Secretariat),
    ];
    for (suffix, download) in [("", false), (".csv", true), (".json", true)] {
        for region in [None, Some("africa"), Some("europe"), Some("ALL")] {
            let query = region.map(|r| format!("?region={r}")).unwrap_or_default();
            routes.push((
                format!("/rounds/r1/results{suffix}{query}"),
                Need::Results(region, download),
            ));
        }
    }
    routes
}

/// The status the issue asks for.
fn expected(who: Who, need: Need) -> u16 {
    match (who, need) {
        (Who::Anonymous, Need::Results(_, true)) => 401,
        (Who::Anonymous, _) => 303,
        (Who::Secretariat, _) => 200,
        (Who::Regional { .. }, Need::Browse) => 200,
        (Who::Regional { own, .. }, Need::Results(region, _)) => match region {
            None | Some("ALL") => 200,
            Some(r) if r == own => 200,
            Some(_) => 403,
        },
        (Who::Regional { .. }, Need::Secretariat) => 403,
    }
}

#[test]
fn every_console_page_and_download_answers_each_role_as_the_issue_says() {
    for db in backends() {
        let base = closed_site(&db);
        for who in EVERYONE {
            let b = browser_for(&base, who);
            for (path, need) in get_routes() {
                let r = b.get(&path);
                let want = expected(who, need);
                let ctx = format!("{} GET {path} as {who:?}", db.name());
                assert_eq!(r.status, want, "{ctx}: {}", r.body);
                if want == 303 {
                    assert!(
                        r.location().starts_with("/login?next="),
                        "{ctx}: {}",
                        r.location()
                    );
                }
                if let Who::Regional { other, .. } = who {
                    // Nothing a reviewer gets names the other region.
                    assert!(
                        !r.body.contains(other),
                        "{ctx} mentions {other}: {}",
                        r.body
                    );
                }
                if r.status == 200 && path.contains("results.csv") {
                    assert!(
                        r.header("content-type")
                            .is_some_and(|t| t.starts_with("text/csv")),
                        "{ctx}"
                    );
                }
                if r.status == 200 && path.contains("results.json") {
                    assert!(
                        r.header("content-type")
                            .is_some_and(|t| t.starts_with("application/json")),
                        "{ctx}"
                    );
                    serde_json::from_str::<serde_json::Value>(&r.body)
                        .unwrap_or_else(|e| panic!("{ctx}: not JSON ({e}): {}", r.body));
                }
            }
        }
    }
}

#[test]
fn an_unknown_region_is_refused_to_a_reviewer_before_it_is_looked_up() {
    for db in backends() {
        let base = site(&db);
        let b = Browser::signed_in(&base, AFRICA);
        for path in [
            "/rounds/r1/results?region=asia",
            "/rounds/r1/results.csv?region=asia",
            "/rounds/r1/results.json?region=asia",
        ] {
            assert_eq!(b.get(path).status, 403, "{} {path}", db.name());
        }
        // Asking twice is no way round the gate.
        for path in [
            "/rounds/r1/results.csv?region=africa&region=europe",
            "/rounds/r1/results.csv?region=europe&region=africa",
            "/rounds/r1/results?region=africa&region=europe",
            "/rounds/r1/results.csv?region=Europe",
        ] {
            let r = b.get(path);
            assert!(
                r.status == 400 || r.status == 403,
                "{} {path}: {}",
                db.name(),
                r.status
            );
            assert!(!r.body.contains("europe"), "{} {path}", db.name());
        }
        let s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(
            s.get("/rounds/r1/results.csv?region=asia").status,
            404,
            "{}",
            db.name()
        );
    }
}

#[test]
fn a_reviewers_downloads_hold_only_their_region_and_all() {
    for db in backends() {
        let base = closed_site(&db);
        let b = Browser::signed_in(&base, AFRICA);
        let ctx = db.name();
        for path in [
            "/rounds/r1/results.csv",
            "/rounds/r1/results.csv?region=africa",
        ] {
            let r = b.get(path);
            assert_eq!(r.status, 200, "{ctx} {path}");
            assert_eq!(csv_regions(&r.body), ["ALL", "africa"], "{ctx} {path}");
            assert!(
                r.body.contains("staff_total,,africa,63,6,false"),
                "{ctx}: {}",
                r.body
            );
            // With two regions, ALL minus africa is europe: withheld.
            assert!(
                r.body.contains("staff_total,,ALL,,,true"),
                "{ctx}: {}",
                r.body
            );
        }
        let all = b.get("/rounds/r1/results.csv?region=ALL");
        assert_eq!(csv_regions(&all.body), ["ALL"], "{ctx}");
        let json = b.get("/rounds/r1/results.json");
        assert!(!json.body.contains("europe"), "{ctx}: {}", json.body);
        assert!(json.body.contains("africa"), "{ctx}: {}", json.body);

        // The secretariat gets every region, the same numbers.
        let s = Browser::signed_in(&base, SECRETARIAT);
        let full = s.get("/rounds/r1/results.csv");
        assert_eq!(
            csv_regions(&full.body),
            ["ALL", "africa", "europe"],
            "{ctx}"
        );
        assert!(
            full.body.contains("staff_total,,europe,621,6,false"),
            "{ctx}: {}",
            full.body
        );
        let cli = db.cli(&["results", "r1", "--format", "csv"]).unwrap();
        assert_eq!(full.body, cli, "{ctx}: the download differs from the CLI");
        let narrowed = db
            .cli(&["results", "r1", "--region", "africa", "--format", "csv"])
            .unwrap();
        assert!(
            narrowed.contains("staff_total,,ALL,684,12,false"),
            "{ctx}: {narrowed}"
        );
        let mine = b.get("/rounds/r1/results.csv");
        let africa = |csv: &str| -> Vec<String> {
            csv.lines()
                .filter(|l| l.contains(",africa,"))
                .map(String::from)
                .collect()
        };
        assert_eq!(africa(&mine.body), africa(&narrowed), "{ctx}");
        assert!(!africa(&mine.body).is_empty(), "{ctx}");
    }
}

#[test]
fn a_reviewers_pages_show_only_their_region_and_all_and_no_single_answers() {
    for db in backends() {
        let base = closed_site(&db);
        let ctx = db.name();
        let b = Browser::signed_in(&base, AFRICA);

        let round = b.get("/rounds/r1");
        assert_eq!(round.status, 200, "{ctx}");
        assert!(
            round
                .body
                .contains("<th scope=\"row\" data-region=\"africa\">africa</th>"),
            "{ctx}: {}",
            round.body
        );
        assert!(
            round
                .body
                .contains("<th scope=\"row\" data-region=\"ALL\">All regions combined</th>"),
            "{ctx}: {}",
            round.body
        );
        assert!(!round.body.contains("europe"), "{ctx}: {}", round.body);
        // No round actions for a reviewer.
        assert!(!round.body.contains("/rounds/r1/invite"), "{ctx}");
        assert!(!round.body.contains("/rounds/r1/close"), "{ctx}");

        let results = b.get("/rounds/r1/results");
        assert_eq!(results.status, 200, "{ctx}");
        let body = &results.body;
        assert!(
            body.contains("<td data-region=\"africa\">africa</td><td>63</td>"),
            "{ctx}: {body}"
        );
        // With two regions, ALL minus africa is europe: withheld.
        assert!(
            body.contains(
                "<td data-region=\"ALL\">All regions combined</td><td>suppressed</td><td></td>"
            ),
            "{ctx}: {body}"
        );
        assert!(!body.contains("684"), "{ctx}: {body}");
        assert!(!body.contains("europe"), "{ctx}: {body}");
        assert!(!body.contains("<td>621</td>"), "{ctx}: {body}");
        // Never a member, never free text, not even a link to it.
        assert!(!body.contains("/rounds/r1/texts"), "{ctx}: {body}");
        // (The page's own note form says "note": the answers say "african note".)
        assert!(!body.contains("african note"), "{ctx}: {body}");
        assert!(!body.contains("Org af"), "{ctx}: {body}");

        let list = b.get("/rounds");
        assert_eq!(list.status, 200, "{ctx}");
        assert!(list.body.contains("/rounds/r1"), "{ctx}: {}", list.body);
        assert!(
            !list.body.contains("action=\"/rounds\""),
            "{ctx}: a reviewer gets the create form"
        );

        // The secretariat's page has europe, its values and the free text.
        let s = Browser::signed_in(&base, SECRETARIAT);
        let full = s.get("/rounds/r1/results");
        assert!(
            full.body
                .contains("<td data-region=\"europe\">europe</td><td>621</td>"),
            "{ctx}: {}",
            full.body
        );
        assert!(full.body.contains("/rounds/r1/texts"), "{ctx}");
        let texts = s.get("/rounds/r1/texts");
        assert_eq!(texts.status, 200, "{ctx}");
        for i in 1..=6 {
            assert!(
                texts.body.contains(&format!("african note {i}")),
                "{ctx}: {}",
                texts.body
            );
            assert!(texts.body.contains(&format!("european note {i}")), "{ctx}");
        }
        assert!(
            !texts.body.contains("Org af"),
            "{ctx}: free text names a member"
        );
    }
}
