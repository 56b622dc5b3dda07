//! The surveys page: the check's results, translations, and previews in
//! any language.

use super::*;

#[test]
fn the_surveys_page_shows_check_results_translations_and_previews_in_any_language() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let s = Browser::signed_in(&base, SECRETARIAT);
        let page = s.get("/surveys");
        assert_eq!(page.status, 200, "{ctx}");
        assert!(page.body.contains("id=\"sv-mini\""), "{ctx}: {}", page.body);
        assert!(
            page.body.contains("<td>en</td><td>100%</td>"),
            "{ctx}: {}",
            page.body
        );
        assert!(page.body.contains("<td>fr</td>"), "{ctx}");
        assert!(page.body.contains("/surveys/mini/preview?lang=fr"), "{ctx}");
        let fr = s.get("/surveys/mini/preview?lang=fr");
        assert_eq!(fr.status, 200, "{ctx}");
        assert!(
            fr.body.contains("La loi a-t-elle changé ?"),
            "{ctx}: {}",
            fr.body
        );
        let en = s.get("/surveys/mini/preview?lang=en");
        assert!(en.body.contains("Did the law change?"), "{ctx}");
        assert_eq!(s.get("/surveys/nosuch/preview").status, 404, "{ctx}");
    }
}
