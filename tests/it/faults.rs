//! Faults survived: the server killed with SIGKILL during a stream of
//! submissions, and SQLite under concurrent writers (the server and the
//! command line at once). Loopback only, bounded in time.

use std::time::{Duration, Instant};

use diesel::prelude::*;

use canvass::db::schema::{answers, invitations};

use crate::helpers::*;

/// Starts `canvass serve` and waits until it answers.
fn serve(db: &TestDb, port: u16) -> std::process::Child {
    serve_via(db, &db.url_string(), port)
}

/// Starts `canvass serve` on the database at `url` and waits until it answers.
pub(crate) fn serve_via(db: &TestDb, url: &str, port: u16) -> std::process::Child {
    let child = db.bin_spawn_via(
        url,
        &fixture_surveys(),
        &["serve", "--bind", &format!("127.0.0.1:{port}")],
    );
    let browser =
        Browser::cookieless(&format!("http://127.0.0.1:{port}")).timeout(Duration::from_secs(2));
    let start = Instant::now();
    while !browser.try_get("/health").is_ok_and(|r| r.status == 200) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    child
}

/// `n` members of one round, with their link paths.
pub(crate) fn round_with_members(db: &TestDb, n: usize) -> Vec<(String, String)> {
    db.import_members(&members_in("africa", "m", n));
    db.cli_with(
        &fixture_surveys(),
        &["round", "create", "r1", "--survey", "mini"],
    )
    .unwrap();
    let mut conn = db.conn();
    let round = canvass::rounds::find(&mut conn, "r1").unwrap();
    (1..=n)
        .map(|i| {
            let member = format!("m{i}");
            let id = canvass::rounds::invitation_of(&mut conn, &round, &member)
                .unwrap()
                .unwrap();
            (id.clone(), format!("/r/{}", db.secret().link_token(&id)))
        })
        .collect()
}

pub(crate) const ANSWERS: [(&str, &str); 5] = [
    ("law_change", "improved"),
    ("law_areas", "policing"),
    ("staff", "4"),
    ("rating", "5"),
    ("action", "submit"),
];

/// Submits `ANSWERS` to the link `path`: the status, or `None` when no
/// answer came.
pub(crate) fn submit(browser: &Browser, path: &str) -> Option<u16> {
    browser.try_post(path, &ANSWERS).ok().map(|r| r.status)
}

/// The stored state of one invitation: submitted?, and its answer rows.
pub(crate) fn stored(db: &TestDb, id: &str) -> (bool, i64) {
    let mut conn = db.conn();
    let submitted: Option<chrono::NaiveDateTime> = invitations::table
        .find(id)
        .select(invitations::submitted_at)
        .first(&mut *conn)
        .unwrap();
    let rows: i64 = answers::table
        .filter(answers::invitation_id.eq(id))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    (submitted.is_some(), rows)
}

#[test]
fn a_server_killed_during_submissions_keeps_every_acknowledged_one_whole() {
    for db in backends() {
        let links = round_with_members(&db, 60);
        let port = free_port();
        let mut server = serve(&db, port);
        let browser = Browser::cookieless(&format!("http://127.0.0.1:{port}"))
            .timeout(Duration::from_secs(5));
        // Submissions stream from a thread; the server dies under them.
        let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let stream = std::thread::spawn({
            let (links, done) = (links.clone(), done.clone());
            move || {
                let mut acknowledged = Vec::new();
                for (id, path) in &links {
                    if submit(&browser, path) == Some(303) {
                        acknowledged.push(id.clone());
                    }
                    done.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                acknowledged
            }
        });
        let start = Instant::now();
        while done.load(std::sync::atomic::Ordering::SeqCst) < 25
            && start.elapsed() < Duration::from_secs(60)
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        server.kill().unwrap(); // SIGKILL on Unix
        server.wait().unwrap();
        let acknowledged = stream.join().unwrap();
        assert!(
            acknowledged.len() >= 20,
            "{}: only {} submissions went through before the kill",
            db.name(),
            acknowledged.len()
        );
        let port = free_port();
        let mut server = serve(&db, port);
        for (id, _) in &links {
            let (submitted, rows) = stored(&db, id);
            if acknowledged.contains(id) {
                assert!(
                    submitted,
                    "{}: an acknowledged submission is missing",
                    db.name()
                );
            }
            // Whole or nothing: four answers (all shown questions) or none.
            assert!(
                rows == 0 || rows == 4,
                "{}: {rows} answer rows for one submission",
                db.name()
            );
            assert_eq!(
                submitted,
                rows == 4,
                "{}: submitted flag and answers disagree",
                db.name()
            );
        }
        // The restarted server takes the rest.
        let browser = Browser::cookieless(&format!("http://127.0.0.1:{port}"));
        for (id, path) in &links {
            if !acknowledged.contains(id) {
                assert_eq!(submit(&browser, path), Some(303), "{}", db.name());
            }
        }
        server.kill().unwrap();
        server.wait().unwrap();
        let csv = db.cli(&["results", "r1", "--format", "csv"]).unwrap();
        assert!(
            csv.contains("improved_count,,ALL,60,60,false"),
            "{}: {csv}",
            db.name()
        );
    }
}

#[test]
fn the_server_and_the_command_line_write_at_once_without_a_locked_database() {
    // SQLite is the backend with one writer at a time; PostgreSQL runs too.
    for db in backends() {
        let links = round_with_members(&db, 40);
        let port = free_port();
        let mut server = serve(&db, port);
        let base = format!("http://127.0.0.1:{port}");
        let web = std::thread::spawn({
            let links = links.clone();
            move || {
                let browser = Browser::cookieless(&base);
                links
                    .iter()
                    .map(|(_, path)| submit(&browser, path))
                    .collect::<Vec<_>>()
            }
        });
        // Meanwhile the command line imports members and offline answers.
        let mut cli_errors = Vec::new();
        for round in 0..8 {
            let rows = members_in("europe", &format!("e{round}x"), 20);
            let file = db.file_arg(
                "more.csv",
                &members_csv(&rows.iter().map(String::as_str).collect::<Vec<_>>()),
            );
            if let Err(e) = db.cli(&["members", "import", &file]) {
                cli_errors.push(e.to_string());
            }
            let answers = format!("member,law_change\ne{round}x1,unchanged\n");
            let file = db.file_arg("offline.csv", &answers);
            if let Err(e) = db.cli(&["responses", "import", "r1", &file]) {
                cli_errors.push(e.to_string());
            }
        }
        let statuses = web.join().unwrap();
        server.kill().unwrap();
        server.wait().unwrap();
        assert!(cli_errors.is_empty(), "{}: {cli_errors:?}", db.name());
        assert!(
            statuses.iter().all(|s| *s == Some(303)),
            "{}: {statuses:?}",
            db.name()
        );
        let csv = db.cli(&["results", "r1", "--format", "csv"]).unwrap();
        assert!(
            csv.contains("improved_count,,africa,40,40,false"),
            "{}: {csv}",
            db.name()
        );
        assert!(
            csv.contains("law_improved,,europe,0,8,false"),
            "{}: {csv}",
            db.name()
        );
    }
}
