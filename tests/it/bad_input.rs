//! Bad input never panics, never answers 500, and never writes half: random
//! and mutated survey files, members CSVs, responses CSVs and form bodies.
//! Bounded so CI stays fast; the case counts are printed.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use canvass::survey::{self, SurveyFiles};

use crate::helpers::*;

const MINI_TOML: &str = include_str!("../fixtures/surveys/mini/survey.toml");
const MINI_EN: &str = include_str!("../fixtures/surveys/mini/en.ftl");

/// A valid text with a few bytes replaced, inserted or removed.
fn mutated(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let len = base.len();
    prop::collection::vec((0..=len, any::<u8>(), 0u8..3), 1..8).prop_map(move |edits| {
        let mut bytes = base.as_bytes().to_vec();
        for (at, byte, how) in edits {
            let at = at.min(bytes.len());
            match how {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.push(byte),
            }
        }
        bytes
    })
}

/// Mutated text or plain random bytes.
fn input(base: &'static str) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![3 => mutated(base), 1 => prop::collection::vec(any::<u8>(), 0..400)]
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 100,
        ..Config::default()
    })
}

#[test]
fn mutated_survey_folders_give_diagnostics_never_a_panic() {
    let tried = std::cell::Cell::new(0usize);
    runner(256)
        .run(&(input(MINI_TOML), input(MINI_EN)), |(toml, ftl)| {
            tried.set(tried.get() + 1);
            let files = SurveyFiles {
                dir: PathBuf::from("surveys/mini"),
                toml: String::from_utf8_lossy(&toml).into_owned(),
                ftl: vec![("en.ftl".into(), String::from_utf8_lossy(&ftl).into_owned())],
            };
            let (found, diags) = survey::load_sources(&files);
            // A survey comes back exactly when no diagnostic is an error.
            let errors = diags
                .iter()
                .filter(|d| d.severity == survey::Severity::Error)
                .count();
            prop_assert_eq!(found.is_some(), errors == 0);
            for d in &diags {
                prop_assert!(d.line >= 1 && d.col >= 1, "{}", d);
            }
            Ok(())
        })
        .unwrap();
    println!("survey folders tried: {}", tried.get());
}

const MEMBERS: &str = "id,name,country,region,email,language,joined,active\n\
m1,Org \"One\",KE,africa,a@example.org;b@example.org,en,2020-01-31,true\n\
m2,Org Two,FR,europe,c@example.org,fr-CA,,false\n";

#[test]
fn bad_members_csvs_change_nothing() {
    for db in backends() {
        db.import_members(&members_in("africa", "keep", 2));
        let before = db.cli(&["members", "list", "--format", "csv"]).unwrap();
        let tried = std::cell::Cell::new(0usize);
        runner(48)
            .run(&input(MEMBERS), |bytes| {
                tried.set(tried.get() + 1);
                let path = db.file("fuzz.csv", "");
                std::fs::write(&path, &bytes).unwrap();
                match db.cli(&["members", "import", path.to_str().unwrap()]) {
                    Ok(_) => {
                        // A mutation that still parses is a real import: undo it.
                        let mut conn = db.conn();
                        diesel::RunQueryDsl::execute(
                            diesel::sql_query("DELETE FROM invitations"),
                            &mut *conn,
                        )
                        .unwrap();
                        diesel::RunQueryDsl::execute(
                            diesel::sql_query("DELETE FROM members WHERE id NOT LIKE 'keep%'"),
                            &mut *conn,
                        )
                        .unwrap();
                    }
                    Err(e) => {
                        prop_assert!(!e.to_string().is_empty());
                        let after = db.cli(&["members", "list", "--format", "csv"]).unwrap();
                        prop_assert_eq!(&after, &before, "a refused import changed the members");
                    }
                }
                Ok(())
            })
            .unwrap();
        println!("{}: members CSVs tried: {}", db.name(), tried.get());
    }
}

const RESPONSES: &str = "member,law_change,law_areas,staff,rating,notes\n\
m1,improved,policing;health,12,4,\"fine, thanks\"\n\
m2,unchanged,,3,,\n";

#[test]
fn bad_responses_csvs_store_nothing() {
    for db in backends() {
        db.import_members(&members_in("africa", "m", 3));
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        let tried = std::cell::Cell::new(0usize);
        runner(48)
            .run(&input(RESPONSES), |bytes| {
                tried.set(tried.get() + 1);
                let path = db.file("fuzz.csv", "");
                std::fs::write(&path, &bytes).unwrap();
                let before = count_rows(&mut db.conn(), "answers");
                if db
                    .cli(&["responses", "import", "r1", path.to_str().unwrap()])
                    .is_err()
                {
                    prop_assert_eq!(count_rows(&mut db.conn(), "answers"), before);
                }
                Ok(())
            })
            .unwrap();
        println!("{}: responses CSVs tried: {}", db.name(), tried.get());
    }
}

/// Form bodies: valid fields mixed with unknown, repeated, huge, wrongly
/// typed and undecodable ones.
fn form_body() -> impl Strategy<Value = Vec<u8>> {
    let key = prop_oneof![
        Just("law_change".to_string()),
        Just("law_areas".to_string()),
        Just("staff".to_string()),
        Just("rating".to_string()),
        Just("notes".to_string()),
        Just("action".to_string()),
        Just("page".to_string()),
        Just("lang".to_string()),
        Just("_q".to_string()),
        "[a-z_%]{0,12}",
    ];
    let value = prop_oneof![
        Just("submit".to_string()),
        Just("next".to_string()),
        Just("back".to_string()),
        Just("review".to_string()),
        Just("improved".to_string()),
        Just("policing".to_string()),
        Just("-1".to_string()),
        Just("1e308".to_string()),
        Just("99999999999999999999".to_string()),
        Just("%FF%FE%00".to_string()),
        ".{0,40}",
        "[0-9]{1,5}",
    ];
    let pairs = prop::collection::vec((key, value), 0..30).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
            .into_bytes()
    });
    prop_oneof![4 => pairs, 1 => prop::collection::vec(any::<u8>(), 0..300)]
}

#[test]
fn bad_form_bodies_never_get_a_500() {
    for db in backends() {
        db.import_members(&members_in("africa", "m", 2));
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        let mut conn = db.conn();
        let round = canvass::rounds::find(&mut conn, "r1").unwrap();
        let id = canvass::rounds::invitation_of(&mut conn, &round, "m1")
            .unwrap()
            .unwrap();
        drop(conn);
        let path = format!("/r/{}", db.secret().link_token(&id));
        let browser = Browser::cookieless(&db.spawn_app());
        let statuses: std::cell::RefCell<BTreeMap<u16, usize>> = Default::default();
        let tried = std::cell::Cell::new(0usize);
        runner(64)
            .run(&form_body(), |body| {
                tried.set(tried.get() + 1);
                let status = match browser.try_post_raw(&path, &body) {
                    Ok(r) => r.status,
                    Err(e) => return Err(TestCaseError::fail(format!("transport: {e}"))),
                };
                *statuses.borrow_mut().entry(status).or_default() += 1;
                prop_assert!(
                    [200, 303, 422].contains(&status),
                    "status {} for {:?}",
                    status,
                    String::from_utf8_lossy(&body)
                );
                Ok(())
            })
            .unwrap();
        // The form still works afterwards.
        let page = browser.get(&path);
        assert_eq!(page.status, 200);
        println!(
            "{}: form bodies tried: {}, statuses {:?}",
            db.name(),
            tried.get(),
            statuses.borrow()
        );
    }
}
