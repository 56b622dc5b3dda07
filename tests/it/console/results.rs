//! The results page: a chart per indicator, and trends only where the
//! indicator recurs.

use super::*;

#[test]
fn results_pages_have_a_chart_per_indicator_and_trends_only_where_the_indicator_recurs() {
    for db in backends() {
        members_and_users(&db);
        let ctx = db.name();
        // r0 (member_survey) shares only `law_improved` with `mini`.
        db.cli(&["round", "create", "r0", "--survey", "member_survey"])
            .unwrap();
        round_with_answers(&db, "r1");
        round_with_answers(&db, "r2");
        // Reviewers see closed rounds only, in pages and trends alike.
        db.cli(&["round", "close", "r1"]).unwrap();
        db.cli(&["round", "close", "r2"]).unwrap();
        let base = spawn(&db);
        let s = Browser::signed_in(&base, SECRETARIAT);
        let trend = |id: &str| format!("id=\"t-{id}-title\"");

        let r1 = s.get("/rounds/r1/results").body;
        for id in [
            "law_improved",
            "improved_count",
            "staff_total",
            "staff_mean",
            "big_orgs",
            "rating_high",
            "areas",
        ] {
            assert!(r1.contains(&format!("id=\"c-{id}-title\"")), "{ctx}: {id}");
        }
        assert!(r1.contains("<svg"), "{ctx}");
        assert!(r1.contains("role=\"img\""), "{ctx}");
        assert!(r1.contains("<table"), "{ctx}");
        assert!(r1.contains(&trend("law_improved")), "{ctx}: {r1}");
        assert!(!r1.contains(&trend("staff_total")), "{ctx}");
        assert!(r1.contains("Across rounds"), "{ctx}");

        let r0 = s.get("/rounds/r0/results").body;
        assert!(
            !r0.contains("id=\"t-"),
            "{ctx}: a trend without an earlier round"
        );
        assert!(!r0.contains("Across rounds"), "{ctx}");

        let r2 = s.get("/rounds/r2/results").body;
        for id in ["law_improved", "staff_total", "staff_mean", "rating_high"] {
            assert!(r2.contains(&trend(id)), "{ctx}: no trend for {id}");
        }
        assert!(!r2.contains(&trend("areas")), "{ctx}: a distribution trend");

        // A reviewer's trend follows their region and ALL only.
        let b = Browser::signed_in(&base, AFRICA);
        let mine = b.get("/rounds/r2/results").body;
        assert!(mine.contains(&trend("staff_total")), "{ctx}");
        assert!(!mine.contains("europe"), "{ctx}: {mine}");
    }
}

#[test]
fn results_page_breaks_down_and_compares_with_the_previous_round_by_default() {
    for db in backends() {
        members_and_users(&db);
        let ctx = db.name();
        round_with_answers(&db, "r1");
        round_with_answers(&db, "r2");
        db.cli(&["round", "close", "r1"]).unwrap();
        db.cli(&["round", "close", "r2"]).unwrap();
        let base = spawn(&db);
        let s = Browser::signed_in(&base, SECRETARIAT);

        // The previous closed round of the same survey is compared by default.
        let page = unisolated(&s.get("/rounds/r2/results").body);
        assert!(
            page.contains("<th scope=\"col\">Round r1</th>"),
            "{ctx}: {page}"
        );
        assert!(page.contains("<th scope=\"col\">Change</th>"), "{ctx}");
        // Handlebars escapes `=` in attributes (`&#x3D;`), as HTML allows.
        assert!(page.contains("results.csv?compare&#x3D;r1"), "{ctx}");
        assert!(page.contains("Denominator: members who answered"), "{ctx}");
        assert!(page.contains("Members in the register"), "{ctx}");
        // r1 has nothing before it to compare with.
        let first = s.get("/rounds/r1/results").body;
        assert!(!first.contains("<th scope=\"col\">Change</th>"), "{ctx}");

        // A breakdown by country adds its column, and the downloads follow.
        let by = s.get("/rounds/r2/results?by=country&compare=").body;
        assert!(by.contains("<th scope=\"col\">Country</th>"), "{ctx}: {by}");
        assert!(!by.contains("<th scope=\"col\">Change</th>"), "{ctx}");
        assert!(
            by.contains("results.csv?by&#x3D;country&amp;compare&#x3D;\""),
            "{ctx}"
        );
        let csv = s.get("/rounds/r2/results.csv?by=country&compare=r1").body;
        assert!(
            csv.starts_with(
                "indicator,option,region,country,value,respondents,suppressed,previous,change\n"
            ),
            "{ctx}: {csv}"
        );
        assert_eq!(s.get("/rounds/r2/results?by=planet").status, 422, "{ctx}");

        // A reviewer's types table is their region's, never another's.
        let b = Browser::signed_in(&base, AFRICA);
        let types = b.get("/rounds/r2/results.csv?by=type").body;
        assert!(types.contains(",africa,"), "{ctx}: {types}");
        assert!(!types.contains("europe"), "{ctx}: {types}");
        let page = unisolated(&b.get("/rounds/r2/results?by=country").body);
        assert!(page.contains("Round r1"), "{ctx}: {page}");
        assert!(!page.contains("europe"), "{ctx}");
    }
}
