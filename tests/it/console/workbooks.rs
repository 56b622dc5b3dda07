//! Spreadsheets in the console (contract §9): an XLSForm downloaded,
//! uploaded back (checked by cell, saved only when it passes, a replaced
//! survey kept), and the results workbook beside the CSV.

use ureq::OrAnyStatus;

use super::*;

/// A GET whose body is bytes: status, content type, body.
fn download(b: &Browser, path: &str) -> (u16, String, Vec<u8>) {
    let cookie = b.cookie().expect("signed in");
    let resp = ureq::get(&format!("{}{path}", b.base()))
        .set("Cookie", &format!("canvass_session={cookie}"))
        .call()
        .or_any_status()
        .unwrap();
    let (status, kind) = (resp.status(), resp.content_type().to_string());
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut resp.into_reader(), &mut body).unwrap();
    (status, kind, body)
}

/// A multipart POST of `fields` and a binary `file`; status and page.
fn upload(b: &Browser, path: &str, fields: &[(&str, &str)], file: &[u8]) -> (u16, String) {
    const B: &str = "----canvass-xlsx-4b1d";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend(
            format!("--{B}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").bytes(),
        );
    }
    body.extend(format!("--{B}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n").bytes());
    body.extend_from_slice(file);
    body.extend(format!("\r\n--{B}--\r\n").bytes());
    let cookie = b.cookie().expect("signed in");
    let resp = ureq::post(&format!("{}{path}", b.base()))
        .set("Cookie", &format!("canvass_session={cookie}"))
        .set(
            "Content-Type",
            &format!("multipart/form-data; boundary={B}"),
        )
        .send_bytes(&body)
        .or_any_status()
        .unwrap();
    (resp.status(), resp.into_string().unwrap_or_default())
}

/// A console whose surveys folder holds the `mini` fixture: the folder,
/// and the secretariat signed in.
fn secretariat_with_mini(db: &TestDb) -> (std::path::PathBuf, Browser) {
    members_and_users(db);
    let surveys = fixture_copy(db, "surveys_console", "mini");
    let dir = surveys.clone();
    let base = spawn_with(db, move |s| s.surveys_dir = dir);
    (surveys, Browser::signed_in(&base, SECRETARIAT))
}

#[test]
fn an_xlsform_goes_out_and_comes_back_checked_and_replaces_with_a_kept_copy() {
    let db = TestDb::sqlite();
    let (surveys, s) = secretariat_with_mini(&db);
    let page = s.get("/surveys");
    assert!(
        page.body.contains("/surveys/mini/xlsform.xlsx"),
        "{}",
        page.body
    );
    let (status, kind, form) = download(&s, "/surveys/mini/xlsform.xlsx");
    assert_eq!(status, 200);
    assert!(kind.contains("spreadsheetml"), "{kind}");
    let csrf = s.csrf();
    // Without a CSRF token: refused.
    let (status, _) = upload(&s, "/surveys/import", &[], &form);
    assert_eq!(status, 403);
    // The survey exists: saved only when replacing is asked for.
    let (status, body) = upload(&s, "/surveys/import", &[("csrf", &csrf)], &form);
    assert_eq!(status, 409, "{body}");
    assert!(!surveys
        .join("_replaced")
        .read_dir()
        .is_ok_and(|mut d| d
            .any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().starts_with("mini.")))));
    let (status, body) = upload(
        &s,
        "/surveys/import",
        &[("csrf", &csrf), ("replace", "yes")],
        &form,
    );
    assert_eq!(status, 200, "{body}");
    assert!(
        unisolated(&body).contains("Survey mini passed its check and was saved"),
        "{body}"
    );
    assert!(body.contains("/surveys/mini/preview?lang=fr"), "{body}");
    let kept = std::fs::read_dir(surveys.join("_replaced"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("mini."))
        .count();
    assert_eq!(kept, 1);
    // A file that is no workbook: every problem on the page, nothing saved.
    let (status, body) = upload(&s, "/surveys/import", &[("csrf", &csrf)], b"id,name\n");
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("form.xlsx: error: the file is not an .xlsx workbook"),
        "{body}"
    );
    // Too large: a clear refusal.
    let big = vec![0u8; 11 * 1024 * 1024];
    let (status, body) = upload(&s, "/surveys/import", &[("csrf", &csrf)], &big);
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("larger than 10 MB"), "{body}");
    // The translators' workbook comes back through its own form.
    let (status, _, texts) = download(&s, "/surveys/mini/texts.xlsx");
    assert_eq!(status, 200);
    let (status, body) = upload(&s, "/surveys/mini/texts", &[("csrf", &csrf)], &texts);
    assert_eq!(status, 200, "{body}");
}

/// A zip archive of `files` (name, text), as a file manager makes one.
fn zipped(files: &[(String, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_zipped_survey_folder_is_checked_by_file_and_line_and_saved_only_when_it_passes() {
    let db = TestDb::sqlite();
    let (surveys, s) = secretariat_with_mini(&db);
    let csrf = s.csrf();
    let read = |name: &str| std::fs::read_to_string(surveys.join("mini").join(name)).unwrap();
    let toml = read("survey.toml").replace("id = \"mini\"", "id = \"zipped\"");
    let mut files: Vec<(String, String)> = vec![("zipped/survey.toml".into(), toml.clone())];
    for entry in std::fs::read_dir(surveys.join("mini")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ftl") {
            files.push((format!("zipped/{name}"), read(&name)));
        }
    }
    // A broken survey.toml: named by file and line, nothing written.
    let mut broken = files.clone();
    broken[0].1 = toml.replacen("[[sections]]", "[[sections]]\nnonsense = ", 1);
    let (status, body) = upload(&s, "/surveys/import", &[("csrf", &csrf)], &zipped(&broken));
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("zipped/survey.toml:"), "{body}");
    assert!(!surveys.join("zipped").exists());
    // A folder inside a folder, and a file that is not UTF-8: each named.
    let mut nested = files.clone();
    nested.push(("zipped/old/en.ftl".into(), "x = y".into()));
    let (status, body) = upload(&s, "/surveys/import", &[("csrf", &csrf)], &zipped(&nested));
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("form.xlsx: zipped/old/en.ftl: error: is in a folder within a folder"),
        "{body}"
    );
    assert!(!surveys.join("zipped").exists());
    // The good folder: saved, listed with a preview per language.
    let (status, body) = upload(&s, "/surveys/import", &[("csrf", &csrf)], &zipped(&files));
    assert_eq!(status, 200, "{body}");
    assert!(
        unisolated(&body).contains("Survey zipped passed its check and was saved"),
        "{body}"
    );
    assert!(body.contains("/surveys/zipped/preview?lang=fr"), "{body}");
    assert_eq!(
        std::fs::read_to_string(surveys.join("zipped/survey.toml")).unwrap(),
        toml
    );
    let preview = s.get("/surveys/zipped/preview?lang=fr");
    assert_eq!(preview.status, 200, "{}", preview.body);
}

#[test]
fn the_results_workbook_follows_the_csv_access_rules() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let s = Browser::signed_in(&base, SECRETARIAT);
        let page = s.get("/rounds/r1/results");
        assert!(page.body.contains("/rounds/r1/results.xlsx"), "{ctx}");
        let (status, kind, body) = download(&s, "/rounds/r1/results.xlsx");
        assert_eq!(status, 200, "{ctx}");
        assert!(kind.contains("spreadsheetml"), "{ctx}: {kind}");
        assert!(body.starts_with(b"PK"), "{ctx}");
        let r = Browser::signed_in(&base, AFRICA);
        let csv = r.get("/rounds/r1/results.csv").status;
        let (xlsx, _, _) = download(&r, "/rounds/r1/results.xlsx");
        assert_eq!(xlsx, csv, "{ctx}: the same answer as the CSV");
        let anon = Browser::new(&base);
        assert_eq!(
            anon.get("/rounds/r1/results.csv").status,
            anon.try_get("/rounds/r1/results.xlsx")
                .map(|r| r.status)
                .unwrap_or(0),
            "{ctx}"
        );
    }
}
