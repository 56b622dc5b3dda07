//! What every console page holds: nothing loaded from another host, and
//! free text and member names escaped.

use super::*;

/// Removes the one address a page may name: the SVG namespace.
fn foreign_references(html: &str) -> Vec<String> {
    let cleaned = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    let mut found = Vec::new();
    for scheme in ["http://", "https://", "=\"//", "='//", "url(//"] {
        let mut rest = cleaned.as_str();
        while let Some(i) = rest.find(scheme) {
            let end = (i + 60).min(rest.len());
            let end = (end..=rest.len())
                .find(|e| rest.is_char_boundary(*e))
                .unwrap_or(rest.len());
            found.push(rest[i.saturating_sub(20)..end].to_string());
            rest = &rest[i + scheme.len()..];
        }
    }
    found
}

#[test]
fn no_console_page_loads_anything_from_another_host() {
    for db in backends() {
        members_and_users(&db);
        round_with_answers(&db, "r1");
        round_with_answers(&db, "r2");
        let base = spawn(&db);
        let ctx = db.name();
        let anon = Browser::new(&base);
        let mut pages = vec![("/login".to_string(), anon.get("/login"))];
        let s = Browser::signed_in(&base, SECRETARIAT);
        for path in [
            "/rounds",
            "/rounds/r1",
            "/rounds/r2/results",
            "/rounds/r2/results?region=africa",
            "/rounds/r1/texts",
            "/surveys",
            "/surveys/mini/preview?lang=fr",
            "/members",
            "/audit",
            "/account/password",
            "/static/canvass.css",
        ] {
            pages.push((path.to_string(), s.get(path)));
        }
        for (path, r) in pages {
            assert_eq!(r.status, 200, "{ctx} {path}");
            let foreign = foreign_references(&r.body);
            assert!(foreign.is_empty(), "{ctx} {path} refers to: {foreign:?}");
            let csp = r.header("content-security-policy").unwrap_or("");
            assert!(csp.contains("default-src 'none'"), "{ctx} {path}: {csp}");
        }
    }
}

#[test]
fn free_text_and_member_names_are_escaped_on_the_pages() {
    for db in backends() {
        let ctx = db.name();
        let mut rows = members_in("africa", "af", 6);
        rows.push("xs1,<b>Bold</b> & co,KE,africa,xs1@example.org,en,,true".to_string());
        db.import_members(&rows);
        add_user(&db, SECRETARIAT, Role::Secretariat, PASSWORD);
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        let file = db.file_arg(
            "answers.csv",
            "member,law_change,notes\naf1,unchanged,<script>alert(1)</script>\n",
        );
        db.cli(&["responses", "import", "r1", &file]).unwrap();
        let base = spawn(&db);
        let s = Browser::signed_in(&base, SECRETARIAT);
        let texts = s.get("/rounds/r1/texts");
        assert_eq!(texts.status, 200, "{ctx}");
        assert!(!texts.body.contains("<script>"), "{ctx}: {}", texts.body);
        assert!(
            texts.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{ctx}: {}",
            texts.body
        );
        let members = s.get("/members");
        assert!(!members.body.contains("<b>Bold</b>"), "{ctx}");
        assert!(
            members.body.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co"),
            "{ctx}: {}",
            members.body
        );
    }
}
