//! Outages survived: the SMTP server away for a while (mail waits and goes
//! out once it is back; the form keeps working), and PostgreSQL restarting
//! under load (requests answer 503 soon, never 500, and canvass recovers
//! by itself). Loopback only, bounded in time.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use diesel::prelude::*;

use canvass::db::schema::{invitations, outbox};
use canvass::mail::outbox::{self as queue, Policy};
use canvass::mail::{Composer, Mailer};

use crate::faults::{round_with_members, serve_via, stored, submit, ANSWERS};
use crate::helpers::*;
use crate::proxy::Proxy;
use crate::smtp::{Script, SmtpServer};

/// Every address of the members `smtp_outage…` imports, in order.
const ADDRESSES: [&str; 7] = [
    "a@x.org", "b@x.org", "m1@x.org", "m2@x.org", "m3@x.org", "m4@x.org", "m5@x.org",
];

/// Every outbox row as (recipient, status, attempts, last error).
fn outbox_rows(db: &TestDb) -> Vec<(String, String, i32, Option<String>)> {
    outbox::table
        .select((
            outbox::recipient,
            outbox::status,
            outbox::attempts,
            outbox::last_error,
        ))
        .order(outbox::recipient)
        .load(&mut *db.conn())
        .unwrap()
}

type Rows = [(String, String, i32, Option<String>)];

/// Waits until `done` holds for the outbox rows, or panics after 10 s.
fn wait_for_rows(db: &TestDb, what: &str, done: impl Fn(&Rows) -> bool) {
    let start = Instant::now();
    while !done(&outbox_rows(db)) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}: {what}: {:?}",
            db.name(),
            outbox_rows(db)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Members with `ADDRESSES` (one has two) invited to round `r1`: one
/// mail per address queued. Returns the link path of member `m1`.
fn invited_round(db: &TestDb) -> (String, String) {
    db.import_members(&[
        "m1,Org 1,KE,africa,m1@x.org,en,2020-01-01,true".into(),
        "m2,Org 2,KE,africa,m2@x.org,en,2020-01-01,true".into(),
        "m3,Org 3,CA,americas,m3@x.org,fr-CA,,true".into(),
        "m4,Org 4,BR,americas,m4@x.org,en,,true".into(),
        "m5,Org 5,KE,africa,m5@x.org,en,,true".into(),
        "two,Org Two,KE,africa,a@x.org;b@x.org,en,,true".into(),
    ]);
    db.cli_with(
        &fixture_surveys(),
        &["round", "create", "r1", "--survey", "mini"],
    )
    .unwrap();
    let mut conn = db.conn();
    let now = Utc::now().naive_utc();
    assert_eq!(queue::queue_invitations(&mut conn, "r1", now).unwrap(), 6);
    let round = canvass::rounds::find(&mut conn, "r1").unwrap();
    let id = canvass::rounds::invitation_of(&mut conn, &round, "m1")
        .unwrap()
        .unwrap();
    let path = format!("/r/{}", db.secret().link_token(&id));
    (id, path)
}

/// The sender of `serve` with retries 100 ms apart (doubling), running
/// `deliver` in a thread through `smtp` for up to 25 s.
fn sender(db: &TestDb, smtp: &SmtpServer) -> std::thread::JoinHandle<queue::Report> {
    let mut settings = db.settings();
    settings.smtp_url = Some(smtp.url());
    let mailer = Mailer::from_settings(&settings).unwrap();
    let composer = Composer::new(&settings.base_url, db.secret(), mailer.from.clone()).unwrap();
    let policy = Policy {
        base_delay: Duration::from_millis(100),
        ..Policy::default()
    };
    let pool = db.pool.clone();
    std::thread::spawn(move || {
        let mut conn = pool.get().unwrap();
        let wait = Duration::from_secs(25);
        queue::deliver(&mut conn, &mailer, &composer, &policy, wait).unwrap()
    })
}

/// Every mail is still there, sent or waiting with its error; none was
/// given up on and no address is marked bounced.
fn assert_every_mail_waits(db: &TestDb) {
    let rows = outbox_rows(db);
    let name = db.name();
    assert_eq!(rows.len(), ADDRESSES.len(), "{name}: {rows:?}");
    assert!(
        rows.iter()
            .all(|r| r.1 == "sent" || (r.1 == "queued" && r.3.is_some())),
        "{name}: {rows:?}"
    );
    let bounced: i64 = invitations::table
        .filter(invitations::bounced_at.is_not_null())
        .count()
        .get_result(&mut *db.conn())
        .unwrap();
    assert_eq!(bounced, 0, "{name}");
}

#[test]
fn smtp_outage_mail_waits_and_goes_out_when_back() {
    for db in backends() {
        let (id, path) = invited_round(&db);
        // Slow enough for the server to go away mid-queue.
        let first = SmtpServer::with(Script {
            delay: Duration::from_millis(150),
            ..Script::default()
        });
        let started = Instant::now();
        let sending = sender(&db, &first);
        first.wait_until(Duration::from_secs(10), |m, _| m.len() >= 2);
        first.shut_down();
        wait_for_rows(&db, "no second attempt", |rows| {
            rows.iter().any(|r| r.1 == "queued" && r.2 >= 2)
        });
        assert_every_mail_waits(&db);

        // Meanwhile a member opens the form and submits.
        let member = Browser::cookieless(&db.spawn_app());
        let page = member.get(&path);
        assert_eq!(page.status, 200, "{}: {}", db.name(), page.body);
        assert_eq!(submit(&member, &path), Some(303), "{}", db.name());
        assert_eq!(stored(&db, &id), (true, 4), "{}", db.name());
        assert_every_mail_waits(&db);

        // The server comes back on the same port; the waiting mail goes out.
        let second = SmtpServer::start_on(first.port());
        let report = sending.join().unwrap();
        let took = started.elapsed();
        assert_eq!(
            (report.sent, report.retrying, report.failed),
            (ADDRESSES.len(), 0, 0),
            "{}: {report:?}",
            db.name()
        );
        assert!(!second.messages().is_empty(), "{}: none waited", db.name());
        let mut received: Vec<String> = first
            .messages()
            .iter()
            .chain(&second.messages())
            .flat_map(|m| m.to.clone())
            .collect();
        received.sort();
        assert_eq!(received, ADDRESSES, "{}: one mail per address", db.name());
        let rows = outbox_rows(&db);
        assert!(
            rows.iter().all(|r| r.1 == "sent"),
            "{}: {rows:?}",
            db.name()
        );
        assert!(rows.iter().any(|r| r.2 >= 3), "{}: {rows:?}", db.name());
        eprintln!("{}: SMTP outage survived in {took:?}", db.name());
    }
}

/// A submission of the stream: invitation, status (`None`: no answer in
/// time), and how long it took.
type Answered = (String, Option<u16>, Duration);

/// A reply and how long it took.
fn timed(ask: impl FnOnce() -> Reply) -> (Reply, Duration) {
    let start = Instant::now();
    let r = ask();
    (r, start.elapsed())
}

/// Longest a request may take while the database is away: the web
/// path's checkout wait (3 s) and some slack for a busy machine.
const BOUND: Duration = Duration::from_secs(8);

#[test]
#[cfg_attr(not(canvass_pg_tests), ignore = "needs CANVASS_TEST_POSTGRES_URL")]
fn postgres_restart_gives_503_then_recovers() {
    let db = TestDb::postgres_only();
    let links = round_with_members(&db, 40);
    let (proxy, via) = Proxy::before(&db.url_string());
    let port = free_port();
    let mut server = serve_via(&db, &via, port);
    // A hang beyond twice the bound fails the request, and so the test.
    let browser = Browser::cookieless(&format!("http://127.0.0.1:{port}")).timeout(BOUND * 2);

    // Members submit in a stream; the first link is watched closely.
    let (watched_id, watched) = links[0].clone();
    let seen: Arc<Mutex<Vec<Answered>>> = Arc::default();
    let stream = std::thread::spawn({
        let (links, seen, browser) = (links.clone(), seen.clone(), browser.clone());
        move || {
            for (id, path) in &links[1..] {
                let start = Instant::now();
                let status = submit(&browser, path);
                seen.lock()
                    .unwrap()
                    .push((id.clone(), status, start.elapsed()));
                std::thread::sleep(Duration::from_millis(150));
            }
        }
    });
    let until = |what: &str, done: &dyn Fn(&[Answered]) -> bool| {
        let start = Instant::now();
        while !done(&seen.lock().unwrap()) {
            assert!(start.elapsed() < Duration::from_secs(20), "{what}");
            std::thread::sleep(Duration::from_millis(10));
        }
    };
    until("no submissions", &|seen| seen.len() >= 5);

    // PostgreSQL "restarts": the page, in the member's language, says 503.
    proxy.cut();
    let replies = std::thread::scope(|s| {
        let asks = [
            s.spawn(|| timed(|| browser.get(&watched))),
            s.spawn(|| timed(|| browser.get(&format!("{watched}?lang=fr")))),
            s.spawn(|| timed(|| browser.post(&watched, &ANSWERS))),
        ];
        asks.map(|a| a.join().unwrap())
    });
    for ((r, took), heading) in replies.iter().zip([
        "Something went wrong",
        "Un problème est survenu",
        "Something went wrong",
    ]) {
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(*took < BOUND, "a 503 took {took:?}");
        assert!(r.body.contains(heading), "{}", r.body);
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
    }
    assert_eq!(stored(&db, &watched_id), (false, 0));
    until("the stream saw no outage", &|seen| {
        seen.iter().any(|s| s.1 == Some(503))
    });

    // PostgreSQL is back: the same process answers again, soon.
    proxy.restore();
    let back = Instant::now();
    loop {
        let (r, took) = timed(|| browser.get(&watched));
        assert!(took < BOUND, "a request took {took:?} after the restart");
        if r.status == 200 {
            break;
        }
        assert_eq!(r.status, 503, "{}", r.body);
        assert!(back.elapsed() < Duration::from_secs(20), "no recovery");
        std::thread::sleep(Duration::from_millis(200));
    }
    let recovered = back.elapsed();
    assert_eq!(submit(&browser, &watched), Some(303));
    assert!(server.try_wait().unwrap().is_none(), "canvass restarted");

    // Every request of the stream had an answer: 303, or 503 in the
    // outage, within the bound; no acknowledged submission is lost.
    stream.join().unwrap();
    let seen = seen.lock().unwrap().clone();
    for (id, status, took) in &seen {
        assert!(
            matches!(status, Some(303 | 503)),
            "{status:?} after {took:?}"
        );
        assert!(*took < BOUND, "a submission took {took:?}");
        let (submitted, rows) = stored(&db, id);
        assert!(rows == 0 || rows == 4, "{rows} answer rows");
        assert_eq!(submitted, rows == 4);
        if *status == Some(303) {
            assert!(submitted, "an acknowledged submission is lost");
        }
    }
    let refused: Vec<_> = seen.iter().filter(|s| s.1 == Some(503)).collect();
    for (id, _, _) in &refused {
        let path = &links.iter().find(|l| &l.0 == id).unwrap().1;
        assert_eq!(submit(&browser, path), Some(303));
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let csv = db.cli(&["results", "r1", "--format", "csv"]).unwrap();
    assert!(csv.contains("improved_count,,ALL,40,40,false"), "{csv}");
    eprintln!(
        "postgres: {} of {} submissions answered 503 in the outage; recovered {recovered:?} after the restart",
        refused.len(),
        seen.len()
    );
}
