//! Members through the page: an import reports counts or every bad line
//! (the command line's lines) and changes nothing when it fails.

use super::*;

#[test]
fn members_import_through_the_page_reports_counts_or_every_bad_line_and_changes_nothing() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let s = Browser::signed_in(&base, SECRETARIAT);
        let csrf = s.csrf();

        let bad = members_csv(&[
            "zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true",
            "zz2,Org zz2,KE,africa,not-an-address,en,2020-01-01,true",
            "zz3,Org zz3,XX1,africa,zz3@example.org,en,2020-01-01,true",
        ]);
        let r = s.upload("/members/import", Some(&csrf), "upload.csv", &bad);
        assert_eq!(r.status, 422, "{ctx}: {}", r.body);
        assert!(r.body.contains("Nothing was imported"), "{ctx}: {}", r.body);
        assert!(r.body.contains("upload.csv:3:"), "{ctx}: {}", r.body);
        assert!(r.body.contains("upload.csv:4:"), "{ctx}: {}", r.body);
        assert!(!r.body.contains("upload.csv:2:"), "{ctx}: {}", r.body);
        assert_eq!(member_count(&db), 12, "{ctx}: a bad file imported rows");

        let good = members_csv(&[
            "zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true",
            "zz2,Org zz2,FR,europe,zz2@example.org,fr,2021-01-01,true",
            "af1,Renamed af1,KE,africa,af1@example.org,en,2020-01-01,true",
            "af2,Org af2,KE,africa,af2@example.org,en,2020-01-01,true",
        ]);
        let r = s.upload("/members/import", Some(&csrf), "upload.csv", &good);
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert!(
            unisolated(&r.body).contains("Added: 2, updated: 1, unchanged: 1."),
            "{ctx}: {}",
            r.body
        );
        assert_eq!(member_count(&db), 14, "{ctx}");
        assert!(r.body.contains("Renamed af1"), "{ctx}");

        let europe = s.get("/members?region=europe");
        assert_eq!(europe.status, 200, "{ctx}");
        assert!(europe.body.contains("<td>eu1</td>"), "{ctx}");
        assert!(europe.body.contains("<td>zz2</td>"), "{ctx}");
        assert!(!europe.body.contains("<td>af1</td>"), "{ctx}");
        assert!(!europe.body.contains("<td>zz1</td>"), "{ctx}");

        let log = db.cli(&["audit"]).unwrap();
        assert!(
            log.lines()
                .any(|l| l.contains(SECRETARIAT) && l.contains("members.import")),
            "{ctx}: {log}"
        );
    }
}

#[test]
fn the_page_reports_the_same_bad_lines_as_the_command_line() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let bad = members_csv(&[
            "zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true",
            "zz2,Org zz2,KE,Africa!,zz2@example.org,en,2020-01-01,true",
            "zz1,Org zz1 again,KE,africa,zz1@example.org,en,2020-01-01,true",
        ]);
        let file = db.file_arg("members.csv", &bad);
        let err = db.cli(&["members", "import", &file]).unwrap_err();
        assert!(!err.details().is_empty(), "{ctx}: {err}");
        let s = Browser::signed_in(&base, SECRETARIAT);
        let csrf = s.csrf();
        let r = s.upload("/members/import", Some(&csrf), "members.csv", &bad);
        assert_eq!(r.status, 422, "{ctx}");
        for line in err.details() {
            // The command line names the file by its path, the page by its name.
            let (_, line) = line.split_once("members.csv").unwrap();
            let shown = format!("members.csv{line}")
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            assert!(r.body.contains(&shown), "{ctx}: {line} not in {}", r.body);
        }
        assert_eq!(member_count(&db), 12, "{ctx}");
    }
}
