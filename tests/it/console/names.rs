//! Names, dates and numbers in the reader's language (contract §7a):
//! region names from `<surveys dir>/_network/`, country names from CLDR,
//! long dates and percentages as each language writes them.

use super::*;

/// The usual members and users, round `r1` closed with answers and `r2`
/// open until 30 April 2030; the app reads the repository's names.
fn named_site(db: &TestDb) -> String {
    members_and_users(db);
    round_with_answers(db, "r1");
    db.cli(&["round", "close", "r1"]).unwrap();
    db.cli_with(
        &fixture_surveys(),
        &[
            "round",
            "create",
            "r2",
            "--survey",
            "mini",
            "--closes",
            "2030-04-30",
        ],
    )
    .unwrap();
    let surveys = fixture_copy(db, "named", "mini");
    let names = surveys.join("_network");
    std::fs::create_dir_all(&names).unwrap();
    for lang in ["en", "fr", "es", "ru", "zh"] {
        let file = format!("{lang}.ftl");
        std::fs::copy(
            repo_surveys().join("_network").join(&file),
            names.join(&file),
        )
        .unwrap();
    }
    spawn_with(db, |s| s.surveys_dir = surveys)
}

#[test]
fn a_french_reviewer_reads_region_names_french_dates_and_numbers() {
    for db in backends() {
        let ctx = db.name();
        let base = named_site(&db);
        let b = Browser::signed_in(&base, AFRICA);
        let round = b.get("/rounds/r2?lang=fr");
        assert_eq!(round.status, 200, "{ctx}");
        let page = unisolated(&round.body);
        assert!(
            page.contains("<th scope=\"row\" data-region=\"africa\">Afrique</th>"),
            "{ctx}: {page}"
        );
        assert!(
            page.contains("<th scope=\"row\" data-region=\"ALL\">Ensemble des régions</th>"),
            "{ctx}: {page}"
        );
        assert!(page.contains("30 avril 2030"), "{ctx}: {page}");
        assert!(
            page.contains("(Afrique)"),
            "{ctx}: the role names the region"
        );
        assert!(!page.contains(">africa<"), "{ctx}: {page}");

        let results = unisolated(&b.get("/rounds/r1/results?lang=fr").body);
        assert!(results.contains(">Afrique</option>"), "{ctx}: {results}");
        assert!(
            results.contains("<td data-region=\"africa\">Afrique</td>"),
            "{ctx}: {results}"
        );
        // Shares as French writes them: a decimal comma and a no-break
        // space before the sign, in the table and the chart.
        assert!(results.contains("<td>66,7\u{a0}%</td>"), "{ctx}: {results}");
        assert!(results.contains("67\u{a0}%"), "{ctx}: {results}");
        // Ids stay in URLs and downloads.
        let csv = b.get("/rounds/r1/results.csv?region=africa").body;
        assert_eq!(csv_regions(&csv), ["ALL", "africa"], "{ctx}");
    }
}

#[test]
fn the_members_page_names_countries_and_regions_in_the_readers_language() {
    let db = TestDb::sqlite();
    let base = named_site(&db);
    let s = Browser::signed_in(&base, SECRETARIAT);
    let page = unisolated(&s.get("/members?lang=ru").body);
    assert!(page.contains("<td>Кения</td>"), "{page}");
    assert!(
        page.contains("<td data-region=\"africa\">Африка</td>"),
        "{page}"
    );
    assert!(page.contains("<td>1 января 2020\u{202f}г.</td>"), "{page}");
    assert!(
        page.contains("<option value=\"europe\">Европа</option>"),
        "{page}"
    );
    let page = unisolated(&s.get("/members?lang=zh").body);
    assert!(
        page.contains("<td>肯尼亚</td><td data-region=\"africa\">非洲</td>"),
        "{page}"
    );
}

#[test]
fn the_surveys_page_shows_the_check_of_the_names_folder() {
    let db = TestDb::sqlite();
    let base = named_site(&db);
    let s = Browser::signed_in(&base, SECRETARIAT);
    let page = s.get("/surveys").body;
    let names = page
        .split("id=\"sv-names\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no names section: {page}"));
    assert!(names.contains("No problems"), "{names}");
    // The page reads the files as they are now.
    let fr = db.dir.path().join("named/_network/fr.ftl");
    std::fs::write(&fr, "region-africa Afrique\n").unwrap();
    let page = unisolated(&s.get("/surveys").body);
    let names = page.split("id=\"sv-names\"").nth(1).unwrap();
    assert!(names.contains("Errors: 1, warnings: "), "{names}");
    assert!(
        names.contains(&format!("{}:1:15: error: Fluent syntax", fr.display())),
        "{names}"
    );
}
