//! Scale-out (issue 5): several `canvass serve` processes on one
//! PostgreSQL database. Two real servers share the database, the key file
//! and the SMTP server; their mail senders drain one queue at once and the
//! submissions are spread over both. Every address gets exactly one mail,
//! every acknowledged answer is stored (the last submission counting), and
//! the results are the bytes a one-server run gives. PostgreSQL only, the
//! backend for several servers; ignored without `CANVASS_TEST_POSTGRES_URL`.
//! And in-process, on both backends: a sender whose batch outlives its
//! lease leaves the mails another sender took over.

use std::collections::BTreeMap;
use std::process::Child;
use std::time::{Duration, Instant};

use chrono::Utc;
use diesel::prelude::*;

use canvass::db::schema::{answers, invitations, outbox};
use canvass::mail::outbox as queue;

use crate::helpers::*;
use crate::smtp::{Received, Script, SmtpServer};

const BASE: &str = "https://survey.example.org";
/// Regions and the id prefix of their members.
const REGIONS: [(&str, &str); 5] = [
    ("africa", "af"),
    ("asia_pacific", "ap"),
    ("europe", "eu"),
    ("latin_america", "la"),
    ("north_america", "na"),
];
const PER_REGION: usize = 60;
const THREADS: usize = 4;
const CHANGES: [&str; 3] = ["improved", "worsened", "unchanged"];
const AREAS: [&str; 3] = ["policing", "health", "labour"];

/// A running `canvass serve`, killed when dropped (a failing test too).
struct Server {
    child: Child,
    base: String,
}

impl Server {
    /// Starts the binary with the global `flags` and waits until it answers.
    fn start(db: &TestDb, flags: &[&str]) -> Server {
        let bind = format!("127.0.0.1:{}", free_port());
        let mut args = flags.to_vec();
        args.extend(["serve", "--bind", &bind]);
        let mut server = Server {
            child: db.bin_spawn(&fixture_surveys(), &args),
            base: format!("http://{bind}"),
        };
        let browser = Browser::cookieless(&server.base).timeout(Duration::from_secs(2));
        let start = Instant::now();
        while !browser.try_get("/health").is_ok_and(|r| r.status == 200) {
            let exited = server.child.try_wait().unwrap();
            assert!(exited.is_none(), "the server on {bind} exited: {exited:?}");
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no server on {bind}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `per_region` members in each of five regions and round `r1` of `mini`;
/// returns the member ids.
fn setup(db: &TestDb, per_region: usize) -> Vec<String> {
    let rows: Vec<String> = REGIONS
        .iter()
        .flat_map(|(region, prefix)| members_in(region, prefix, per_region))
        .collect();
    db.import_members(&rows);
    db.cli_with(
        &fixture_surveys(),
        &["round", "create", "r1", "--survey", "mini"],
    )
    .unwrap();
    rows.iter()
        .map(|r| r.split(',').next().unwrap().to_string())
        .collect()
}

/// The whole form of member `k`; `version` 1 is its revision. Every field
/// is posted each time, so a revision replaces every answer.
fn form(k: usize, version: usize) -> Vec<(&'static str, String)> {
    let v = k + version;
    let mut form = vec![
        ("law_change", CHANGES[v % 3].to_string()),
        ("law_areas", AREAS[v % 3].to_string()),
    ];
    if k.is_multiple_of(2) {
        form.push(("law_areas", AREAS[(v + 1) % 3].to_string()));
    }
    form.extend([
        ("staff", ((k * 7 + version * 3) % 25).to_string()),
        ("rating", (1 + v % 5).to_string()),
        ("notes", note(k, version)),
        ("action", "submit".to_string()),
    ]);
    form
}

/// The free-text answer of member `k`'s `version`: it shows which one counted.
fn note(k: usize, version: usize) -> String {
    format!("member {k}, version {version}")
}

/// One submission: the member's index, the server, the answers' version.
struct Post<'a> {
    member: usize,
    server: &'a str,
    version: usize,
}

/// Posts every submission from `threads` threads (each takes every
/// `threads`-th, in order); returns (member, status) pairs.
fn post_all(posts: &[Post], links: &[String], threads: usize) -> Vec<(usize, u16)> {
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    // The thread's own browser of each server.
                    let mut browsers: BTreeMap<&str, Browser> = BTreeMap::new();
                    posts
                        .iter()
                        .skip(t)
                        .step_by(threads)
                        .map(|p| {
                            let browser = browsers.entry(p.server).or_insert_with(|| {
                                Browser::cookieless(p.server).timeout(Duration::from_secs(15))
                            });
                            let form = form(p.member, p.version);
                            let pairs: Vec<(&str, &str)> =
                                form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                            (p.member, browser.post(&links[p.member], &pairs).status)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    })
}

/// Every member's first submission, then a revision by every third member:
/// first over `servers` in turn (each thread alternating), the revision
/// through the other server than the first.
fn submissions<'a>(n: usize, servers: &[&'a str]) -> (Vec<Post<'a>>, Vec<Post<'a>>) {
    let first_server = |k: usize| (k / THREADS) % servers.len();
    let first = (0..n)
        .map(|k| Post {
            member: k,
            server: servers[first_server(k)],
            version: 0,
        })
        .collect();
    let revisions = (0..n)
        .filter(|k| k % 3 == 0)
        .map(|k| Post {
            member: k,
            server: servers[(first_server(k) + 1) % servers.len()],
            version: 1,
        })
        .collect();
    (first, revisions)
}

/// The link path (`/r/<token>`) of each member, from the mail it received.
fn mailed_links(messages: &[Received], members: &[String]) -> Vec<String> {
    let prefix = format!("{BASE}/r/");
    let by_member: BTreeMap<String, String> = messages
        .iter()
        .map(|m| {
            let text = m.parse().part("text/plain").unwrap();
            let at = text.find(&prefix).expect("a link in the mail") + prefix.len();
            let token: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            let member = m.recipient().split('@').next().unwrap().to_string();
            (member, format!("/r/{token}"))
        })
        .collect();
    members.iter().map(|m| by_member[m].clone()).collect()
}

/// The link path of each member, made with the database's key.
fn computed_links(db: &TestDb, members: &[String]) -> Vec<String> {
    let mut conn = db.conn();
    let round = canvass::rounds::find(&mut conn, "r1").unwrap();
    members
        .iter()
        .map(|m| {
            let id = canvass::rounds::invitation_of(&mut conn, &round, m)
                .unwrap()
                .unwrap();
            format!("/r/{}", db.secret().link_token(&id))
        })
        .collect()
}

type StoredAnswer = (String, Option<i64>, Option<f64>, Option<String>);

/// Every stored answer by member: (question, choice, number, text).
fn stored_answers(db: &TestDb) -> BTreeMap<String, Vec<StoredAnswer>> {
    let rows: Vec<(String, StoredAnswer)> = answers::table
        .inner_join(invitations::table)
        .order((invitations::member_id, answers::question))
        .select((
            invitations::member_id,
            (
                answers::question,
                answers::choice,
                answers::number,
                answers::text,
            ),
        ))
        .load(&mut *db.conn())
        .unwrap();
    let mut map: BTreeMap<String, Vec<StoredAnswer>> = BTreeMap::new();
    for (member, answer) in rows {
        map.entry(member).or_default().push(answer);
    }
    map
}

/// Waits until no mail is queued (every claimed one marked sent or failed).
fn wait_for_empty_queue(db: &TestDb, timeout: Duration) {
    let start = Instant::now();
    loop {
        let queued: i64 = outbox::table
            .filter(outbox::status.eq("queued"))
            .count()
            .get_result(&mut *db.conn())
            .unwrap();
        if queued == 0 {
            return;
        }
        assert!(start.elapsed() < timeout, "{queued} mail(s) still queued");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
#[cfg_attr(not(canvass_pg_tests), ignore = "needs CANVASS_TEST_POSTGRES_URL")]
fn two_servers_on_one_database_send_each_mail_once_keep_every_answer_and_agree_on_results() {
    let (db, reference) = (TestDb::postgres_only(), TestDb::postgres_only());
    let started = Instant::now();
    let members = setup(&db, PER_REGION);
    let n = members.len();
    // Both servers read the one key file: create it before either starts.
    db.secret();
    // A slow SMTP server, so that one sender alone would need seconds and
    // both take part. The servers differ only in their sender address, so
    // that each mail tells which one sent it.
    let smtp = SmtpServer::with(Script {
        delay: Duration::from_millis(5),
        ..Script::default()
    });
    let url = smtp.url();
    let url = url.as_str();
    let flags = move |from| ["--base-url", BASE, "--smtp-url", url, "--mail-from", from];
    let a = Server::start(&db, &flags("a@canvass.example.org"));
    let b = Server::start(&db, &flags("b@canvass.example.org"));
    let ready = Instant::now();

    // Queued while both run: both senders find the one queue.
    let queued = queue::queue_invitations(&mut db.conn(), "r1", Utc::now().naive_utc()).unwrap();
    assert_eq!(queued, n);
    smtp.wait_until(Duration::from_secs(30), |m, _| m.len() >= n);
    wait_for_empty_queue(&db, Duration::from_secs(10));
    let mailed = Instant::now();
    let links = mailed_links(&smtp.messages(), &members);

    // Submissions from several threads over both servers, then revisions
    // through the other server.
    let (first, revisions) = submissions(n, &[&a.base, &b.base]);
    let mut statuses = post_all(&first, &links, THREADS);
    statuses.extend(post_all(&revisions, &links, THREADS));
    let bad: Vec<&(usize, u16)> = statuses.iter().filter(|(_, s)| *s != 303).collect();
    assert!(bad.is_empty(), "submissions not acknowledged: {bad:?}");
    let submitted = Instant::now();
    let posts = statuses.len();

    // Every address got exactly one mail, from one of the two senders,
    // and each sender sent some.
    let messages = smtp.messages();
    let mut per_address: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_sender: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &messages {
        *per_address.entry(m.recipient()).or_default() += 1;
        *per_sender.entry(m.from.as_str()).or_default() += 1;
    }
    let twice: Vec<_> = per_address.iter().filter(|(_, c)| **c != 1).collect();
    assert!(
        twice.is_empty(),
        "addresses mailed more than once: {twice:?}"
    );
    assert_eq!(per_address.len(), n, "addresses mailed");
    assert_eq!(
        per_sender.len(),
        2,
        "both servers sent mail: {per_sender:?}"
    );

    // Every acknowledged submission is stored, and the last one counts.
    let stored = stored_answers(&db);
    assert_eq!(stored.len(), n, "members with stored answers");
    for (k, member) in members.iter().enumerate() {
        let version = usize::from(k % 3 == 0);
        let notes = stored[member].iter().find(|a| a.0 == "notes");
        assert_eq!(
            notes.and_then(|a| a.3.clone()),
            Some(note(k, version)),
            "{member}"
        );
    }
    let mut conn = db.conn();
    let round = canvass::rounds::find(&mut conn, "r1").unwrap();
    let status = canvass::rounds::status(&mut conn, &round).unwrap();
    drop(conn);
    let all = status.last().unwrap();
    assert_eq!(
        (all.region.as_str(), all.delivered, all.submitted),
        ("ALL", n as i64, n as i64)
    );
    drop((a, b));

    // The same submissions through one server, on a second database.
    assert_eq!(setup(&reference, PER_REGION), members);
    let one = Server::start(&reference, &["--base-url", BASE]);
    let (first, revisions) = submissions(n, &[&one.base]);
    let reference_links = computed_links(&reference, &members);
    let mut statuses = post_all(&first, &reference_links, 1);
    statuses.extend(post_all(&revisions, &reference_links, 1));
    assert!(statuses.iter().all(|(_, s)| *s == 303));
    drop(one);

    let reference_stored = stored_answers(&reference);
    for member in &members {
        assert_eq!(stored[member], reference_stored[member], "{member}");
    }
    let results = |db: &TestDb| db.cli(&["results", "r1", "--format", "csv"]).unwrap();
    let (two_servers, one_server) = (results(&db), results(&reference));
    assert_eq!(two_servers, one_server);
    assert!(
        two_servers.contains(",ALL,") && two_servers.contains(",false\n"),
        "{two_servers}"
    );
    eprintln!(
        "scale-out: setup and two servers {:?}, {n} mails {:?}, {} posts {:?}, whole test {:?}",
        ready - started,
        mailed - ready,
        posts,
        submitted - mailed,
        started.elapsed()
    );
}

#[test]
fn a_batch_slower_than_its_lease_sends_no_mail_twice() {
    // A one-second lease and a slow SMTP server: the first sender's batch
    // of 20 outlives its claim, and a second sender takes over the rest.
    for db in backends() {
        let members = setup(&db, 8);
        let smtp = SmtpServer::with(Script {
            delay: Duration::from_millis(100),
            ..Script::default()
        });
        queue::queue_invitations(&mut db.conn(), "r1", Utc::now().naive_utc()).unwrap();
        let policy = queue::Policy {
            lease: Duration::from_secs(1),
            batch: 20,
            ..queue::Policy::default()
        };
        std::thread::scope(|s| {
            for start in [0, 1200] {
                let (db, smtp, policy) = (&db, &smtp, &policy);
                s.spawn(move || {
                    std::thread::sleep(Duration::from_millis(start));
                    let mut settings = db.settings();
                    settings.smtp_url = Some(smtp.url());
                    let mailer = canvass::mail::Mailer::from_settings(&settings).unwrap();
                    let composer =
                        canvass::mail::Composer::new(BASE, db.secret(), mailer.from.clone())
                            .unwrap();
                    queue::deliver(&mut db.conn(), &mailer, &composer, policy, Duration::ZERO)
                        .unwrap()
                });
            }
        });
        let mut per_address: BTreeMap<String, usize> = BTreeMap::new();
        for m in smtp.messages() {
            *per_address.entry(m.recipient().to_string()).or_default() += 1;
        }
        let twice: Vec<_> = per_address.iter().filter(|(_, c)| **c != 1).collect();
        assert!(twice.is_empty(), "{}: mailed twice: {twice:?}", db.name());
        assert_eq!(per_address.len(), members.len(), "{}", db.name());
    }
}
