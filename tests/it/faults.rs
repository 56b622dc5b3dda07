//! Faults survived: the server killed with SIGKILL during a stream of
//! submissions, and SQLite under concurrent writers (the server and the
//! command line at once). Loopback only, bounded in time.

use std::time::{Duration, Instant};

use diesel::prelude::*;

use canvass::db::schema::{answers, invitations};

use crate::helpers::*;

/// A free loopback port (bound, read, released).
pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

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
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(2))
        .build();
    let start = Instant::now();
    while agent
        .get(&format!("http://127.0.0.1:{port}/health"))
        .call()
        .is_err()
    {
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

pub(crate) fn submit(agent: &ureq::Agent, url: &str) -> Option<u16> {
    match agent.post(url).send_form(&ANSWERS) {
        Ok(r) => Some(r.status()),
        Err(ureq::Error::Status(code, _)) => Some(code),
        Err(_) => None,
    }
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
        let agent = ureq::AgentBuilder::new()
            .redirects(0)
            .timeout(Duration::from_secs(5))
            .build();
        let base = format!("http://127.0.0.1:{port}");
        // Submissions stream from a thread; the server dies under them.
        let done = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let stream = std::thread::spawn({
            let (links, done, agent) = (links.clone(), done.clone(), agent.clone());
            move || {
                let mut acknowledged = Vec::new();
                for (id, path) in &links {
                    if submit(&agent, &format!("{base}{path}")) == Some(303) {
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
        let agent = ureq::AgentBuilder::new().redirects(0).build();
        for (id, path) in &links {
            if !acknowledged.contains(id) {
                assert_eq!(
                    submit(&agent, &format!("http://127.0.0.1:{port}{path}")),
                    Some(303),
                    "{}",
                    db.name()
                );
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
                let agent = ureq::AgentBuilder::new().redirects(0).build();
                links
                    .iter()
                    .map(|(_, path)| submit(&agent, &format!("{base}{path}")))
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
