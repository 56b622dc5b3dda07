//! Notes and compound `show_if` conditions on the respondent's pages: a
//! note is text without a field and never an answer; the page's script
//! gets each condition as JSON, with the parts it cannot read (questions
//! on other pages) decided by the server; `responses import` refuses a
//! column for a note.

use std::path::PathBuf;

use serde_json::{json, Value as Json};

use super::*;

/// A two-page survey with notes and nested conditions, in the test's folder.
fn notes_surveys(db: &TestDb) -> PathBuf {
    let root = db.dir.path().join("note_surveys");
    let dir = root.join("notes");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("survey.toml"),
        r#"id = "notes"
default_language = "en"

[[sections]]
id = "first"

  [[sections.questions]]
  id = "welcome"
  type = "note"

  [[sections.questions]]
  id = "law_change"
  type = "single"
  options = ["improved", "worsened", "unchanged"]
  required = true

  [[sections.questions]]
  id = "staff"
  type = "number"
  min = 0
  integer = true

  [[sections.questions]]
  id = "thanks_team"
  type = "note"
  show_if = { all = [ { question = "law_change", any_of = ["improved"] }, { not = { question = "staff", max = 0 } } ] }

[[sections]]
id = "second"

  [[sections.questions]]
  id = "details"
  type = "text"
  show_if = { any = [ { question = "law_change", answered = true }, { question = "staff", min = 1 } ] }

  [[sections.questions]]
  id = "rating"
  type = "scale"
  min = 1
  max = 5

  [[sections.questions]]
  id = "why"
  type = "text"
  show_if = { all = [ { question = "staff", min = 5 }, { question = "rating", max = 2 } ] }
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("en.ftl"),
        "survey-title = Notes survey\n\
         section-first = First page\n\
         section-second = Second page\n\
         q-welcome = Welcome, this takes five minutes.\n\
         q-welcome-help = Your answers stay private.\n\
         q-law_change = Did the law change?\n\
         q-law_change-improved = Improved\n\
         q-law_change-worsened = Worsened\n\
         q-law_change-unchanged = Unchanged\n\
         q-staff = Paid staff\n\
         q-thanks_team = Thank you to your team.\n\
         q-details = Details\n\
         q-rating = Rating\n\
         q-why = Why so low?\n",
    )
    .unwrap();
    root
}

fn setup(db: &TestDb) -> Browser {
    members(db);
    round_on(db, &notes_surveys(db), "notes", &[])
}

/// The condition the page gives the script for `question`, if any.
fn live_condition(html: &str, question: &str) -> Option<Json> {
    let block = question_block(html, question)?;
    let tag = &block[..block.find('>').unwrap() + 1];
    attr(tag, "data-show-if").map(|v| serde_json::from_str(&v).unwrap())
}

#[test]
fn a_note_is_text_without_a_field() {
    for db in backends() {
        let app = setup(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let page = app.get(&m1.path);
        assert_eq!(page.status, 200, "{n}");
        let block = question_block(&page.body, "welcome").unwrap();
        assert!(
            block.contains("<p class=\"note-text\">Welcome, this takes five minutes.</p>"),
            "{n}: {block}"
        );
        assert!(block.contains("Your answers stay private."), "{n}");
        assert!(
            !block.contains("<input"),
            "{n}: a note has no field: {block}"
        );
        assert!(!block.contains("<textarea"), "{n}: {block}");
        assert_labelled(&page.body, n);
    }
}

#[test]
fn the_script_gets_each_condition_as_json() {
    for db in backends() {
        let app = setup(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let page = app.get(&m1.path);
        assert_eq!(
            live_condition(&page.body, "thanks_team"),
            Some(json!({ "all": [
                { "q": "law_change", "any_of": ["improved"] },
                { "not": { "q": "staff", "min": null, "max": 0.0 } }
            ] })),
            "{n}"
        );
        // Without the script the condition is explained in words.
        let block = question_block(&page.body, "thanks_team").unwrap();
        assert!(block.contains("class=\"only-if\""), "{n}: {block}");
    }
}

#[test]
fn parts_on_another_page_are_decided_by_the_server() {
    for db in backends() {
        let app = setup(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "worsened"),
                ("staff", "7"),
                ("action", "save"),
            ],
        );
        assert!(r.status < 400, "{n}: {}", r.status);
        let second = app.get(&format!("{}?page=1", m1.path));
        // Every part of `details` reads page one: decided, nothing for the script.
        assert!(question_block(&second.body, "details").is_some(), "{n}");
        assert_eq!(live_condition(&second.body, "details"), None, "{n}");
        // `why` mixes a decided part (staff >= 5: true) with a live one.
        assert_eq!(
            live_condition(&second.body, "why"),
            Some(json!({ "all": [true, { "q": "rating", "min": null, "max": 2.0 }] })),
            "{n}"
        );
    }
}

#[test]
fn a_value_posted_for_a_note_is_never_kept() {
    for db in backends() {
        let app = setup(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("_q", "welcome"),
                ("welcome", "smuggled"),
                ("law_change", "unchanged"),
                ("action", "submit"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        assert!(!draft(&db, &m1.id).contains_key("welcome"), "{n}");
        let answers: Vec<String> = stored(&db, &m1.id).into_keys().collect();
        assert_eq!(answers, ["law_change"], "{n}");
    }
}

#[test]
fn responses_import_refuses_a_column_for_a_note() {
    for db in backends() {
        setup(&db);
        let n = db.name();
        let file = db.file_arg("a.csv", "member,law_change,welcome\nm1,unchanged,hello\n");
        let err = db.cli(&["responses", "import", "r1", &file]).unwrap_err();
        let text = error_text(&err);
        assert!(
            text.contains("a.csv:1: column \"welcome\" is a note, which takes no answer"),
            "{n}: {text}"
        );
        assert_eq!(count_rows(&mut db.conn(), "answers"), 0, "{n}");
        // Without the column the same file goes in.
        let file = db.file_arg("b.csv", "member,law_change\nm1,unchanged\n");
        db.cli(&["responses", "import", "r1", &file]).unwrap();
        assert_eq!(count_rows(&mut db.conn(), "answers"), 1, "{n}");
    }
}
