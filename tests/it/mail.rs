//! Invitations and reminders through a real SMTP server on loopback (see
//! `smtp`), followed through real HTTP: `round invite`, `remind` and
//! `status` (contract §2), the mailed link (§5), and the mail issue's
//! promises: one mail per address, queued with the invitations and never
//! sent twice; retries for temporary failures, bounces recorded for
//! permanent ones; nothing lost when the sender dies; the member's
//! language; a one-click stop for reminders; tokens the database cannot
//! give back.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use diesel::prelude::*;

use canvass::db::schema::{invitations, outbox};
use canvass::error::AppError;
use canvass::mail::outbox::{self as queue, Policy};
use canvass::mail::{Composer, Mailer};

use crate::helpers::*;
use crate::smtp::{Mime, Received, Script, SmtpServer};

const BASE: &str = "https://survey.example.org";
const FROM: &str = "canvass@example.org";
const CLOSES: &str = "2099-12-31";
/// Every address `setup` targets: `two` has two addresses.
const ADDRESSES: [&str; 5] = ["a@x.org", "b@x.org", "en1@x.org", "fr1@x.org", "pt1@x.org"];

/// Members in English, Canadian French, Brazilian Portuguese (which the
/// survey lacks), one with two addresses and one inactive; round `r1` of
/// the survey `mini` in `surveys`, closing on `CLOSES`.
fn setup_in(db: &TestDb, surveys: &Path) {
    db.import_members(&[
        "en1,Org En,KE,africa,en1@x.org,en,2020-01-01,true".into(),
        "fr1,Org Fr,CA,americas,fr1@x.org,fr-CA,,true".into(),
        "pt1,Org Pt,BR,americas,pt1@x.org,pt-BR,,true".into(),
        "two,Org Two,KE,africa,a@x.org;b@x.org,en,,true".into(),
        "gone,Org Gone,KE,africa,gone@x.org,en,,false".into(),
    ]);
    let out = db
        .cli_with(
            surveys,
            &[
                "round", "create", "r1", "--survey", "mini", "--closes", CLOSES,
            ],
        )
        .unwrap();
    assert!(out.contains("4 member(s) targeted"), "{out}");
}

fn setup(db: &TestDb) {
    setup_in(db, &fixture_surveys());
}

/// Runs a command with the test's base URL and sender, through `smtp`
/// when given (else into the outbox folder).
fn run_in(
    db: &TestDb,
    surveys: &Path,
    smtp: Option<&SmtpServer>,
    args: &[&str],
) -> Result<String, AppError> {
    let url = smtp.map(SmtpServer::url);
    let mut argv = vec!["--base-url", BASE, "--mail-from", FROM];
    if let Some(url) = &url {
        argv.extend(["--smtp-url", url.as_str()]);
    }
    argv.extend(args);
    db.cli_with(surveys, &argv)
}

fn run(db: &TestDb, smtp: &SmtpServer, args: &[&str]) -> String {
    run_in(db, &fixture_surveys(), Some(smtp), args)
        .unwrap_or_else(|e| panic!("{args:?} on {}: {}", db.name(), error_text(&e)))
}

/// The parsed messages by envelope recipient.
fn by_recipient(messages: &[Received]) -> BTreeMap<String, Vec<Mime>> {
    let mut map: BTreeMap<String, Vec<Mime>> = BTreeMap::new();
    for m in messages {
        map.entry(m.recipient().to_string())
            .or_default()
            .push(m.parse());
    }
    map
}

/// Asserts that each of `expected` received exactly one of `messages`, and
/// nobody else any; returns them by recipient.
fn one_each(messages: &[Received], expected: &[&str], what: &str) -> BTreeMap<String, Mime> {
    let map = by_recipient(messages);
    let counts: BTreeMap<&str, usize> = map.iter().map(|(k, v)| (k.as_str(), v.len())).collect();
    let wanted: BTreeMap<&str, usize> = expected.iter().map(|a| (*a, 1)).collect();
    assert_eq!(counts, wanted, "{what}: mails received per address");
    map.into_iter().map(|(k, mut v)| (k, v.remove(0))).collect()
}

/// The token of the first `<BASE>/r/<token>` link in `text`.
fn token_in(text: &str) -> String {
    let prefix = format!("{BASE}/r/");
    let at = text
        .find(&prefix)
        .unwrap_or_else(|| panic!("no link in {text}"));
    text[at + prefix.len()..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The `ALL` row of `round status --format json`.
fn status_all(db: &TestDb, smtp: &SmtpServer) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&run(
        db,
        smtp,
        &["round", "status", "r1", "--format", "json"],
    ))
    .unwrap();
    json["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["region"] == "ALL")
        .unwrap()
        .clone()
}

/// Outbox rows as (recipient, kind, status, attempts).
fn outbox_rows(db: &TestDb) -> Vec<(String, String, String, i32)> {
    outbox::table
        .select((
            outbox::recipient,
            outbox::kind,
            outbox::status,
            outbox::attempts,
        ))
        .order((outbox::recipient, outbox::created_at))
        .load(&mut *db.conn())
        .unwrap()
}

/// The app started on this database, and a member's browser of it.
fn member_browser(db: &TestDb) -> Browser {
    Browser::cookieless(&db.spawn_app()).timeout(Duration::from_secs(15))
}

/// A complete, valid set of answers to `mini`, submitted.
const ANSWERS: [(&str, &str); 6] = [
    ("law_change", "improved"),
    ("law_areas", "health"),
    ("law_areas", "labour"),
    ("staff", "3"),
    ("rating", "4"),
    ("action", "submit"),
];

#[test]
fn invite_sends_one_neutral_mail_per_address_in_the_members_language() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::start();
        let out = run(&db, &smtp, &["round", "invite", "r1"]);
        assert_eq!(
            out,
            "4 member(s) invited in round r1; 5 mail(s) sent, 0 waiting to retry, 0 failed\n",
            "{}",
            db.name()
        );
        let mails = one_each(&smtp.messages(), &ADDRESSES, db.name());
        for m in smtp.messages() {
            assert_eq!(m.from, FROM);
        }
        for (address, mail) in &mails {
            let french = address == "fr1@x.org";
            let ctx = format!("{} mail to {address}", db.name());
            assert!(
                mail.header("To").unwrap().contains(address.as_str()),
                "{ctx}"
            );
            assert!(mail.header("From").unwrap().contains(FROM), "{ctx}");
            assert!(mail.header("Reply-To").unwrap().contains(FROM), "{ctx}");
            assert_eq!(mail.media_type(), "multipart/alternative", "{ctx}");
            assert_eq!(mail.leaf_types(), ["text/plain", "text/html"], "{ctx}");
            let subject = mail.header("Subject").unwrap();
            let (lang, want_subject, greeting, invited, survey, closes) = if french {
                (
                    "fr",
                    "Votre lien personnel vers l’enquête",
                    "Bonjour,",
                    "Nous vous invitons à répondre à «\u{a0}\u{2068}Mini enquête\u{2069}\u{a0}»",
                    "Mini enquête",
                    // The closing date as French writes it, isolated as Fluent does.
                    "Merci de répondre au plus tard le \u{2068}31 décembre 2099\u{2069}."
                        .to_string(),
                )
            } else {
                (
                    "en",
                    "Your personal survey link",
                    "Hello,",
                    "You are invited to answer “\u{2068}Mini survey\u{2069}”",
                    "Mini survey",
                    "Please answer by \u{2068}December 31, 2099\u{2069}.".to_string(),
                )
            };
            assert_eq!(subject, want_subject, "{ctx}: a neutral subject");
            assert!(
                !subject.contains("Mini") && !subject.contains("Org"),
                "{ctx}"
            );
            assert_eq!(
                mail.header("Content-Language").as_deref(),
                Some(lang),
                "{ctx}"
            );
            let text = mail.part("text/plain").unwrap();
            let html = mail.part("text/html").unwrap();
            let token = token_in(&text);
            let link = format!("{BASE}/r/{token}");
            for (kind, body) in [("text", &text), ("html", &html)] {
                assert!(body.contains(greeting), "{ctx} {kind}: {body}");
                assert!(body.contains(invited), "{ctx} {kind}: {body}");
                assert!(body.contains(survey), "{ctx} {kind}: {body}");
                assert!(body.contains(&closes), "{ctx} {kind}: {body}");
                assert!(body.contains(&link), "{ctx} {kind}: {body}");
                assert!(body.contains(FROM), "{ctx} {kind}: reply address");
                assert!(
                    !body.contains("/stop"),
                    "{ctx} {kind}: no stop link in an invitation"
                );
            }
            assert!(
                text.lines().any(|l| l.trim() == link),
                "{ctx}: the link on its own line"
            );
            assert!(html.contains(&format!("href=\"{link}\"")), "{ctx}: {html}");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{ctx}: {html}"
            );
        }
        // One invitation per member: both addresses of `two` carry one link.
        let tokens: Vec<String> = mails
            .values()
            .map(|m| token_in(&m.part("text/plain").unwrap()))
            .collect();
        assert_eq!(tokens[0], tokens[1], "a@ and b@ belong to one member");
        let mut distinct = tokens.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 4, "one link per member: {tokens:?}");

        let again = run(&db, &smtp, &["round", "invite", "r1"]);
        assert_eq!(
            again,
            "0 member(s) invited in round r1; 0 mail(s) sent, 0 waiting to retry, 0 failed\n"
        );
        assert_eq!(
            smtp.messages().len(),
            5,
            "{}: nothing sent twice",
            db.name()
        );
        let all = status_all(&db, &smtp);
        assert_eq!(
            (
                &all["targeted"],
                &all["invited"],
                &all["delivered"],
                &all["bounced"]
            ),
            (&4.into(), &4.into(), &4.into(), &0.into()),
            "{}: {all}",
            db.name()
        );
        let table = run(&db, &smtp, &["round", "status", "r1"]);
        assert!(table.contains("delivered"), "{table}");
    }
}

#[test]
fn the_mailed_link_opens_the_form_and_takes_answers_over_http() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::start();
        run(&db, &smtp, &["round", "invite", "r1"]);
        let mails = one_each(&smtp.messages(), &ADDRESSES, db.name());
        let token = |a: &str| token_in(&mails[a].part("text/plain").unwrap());
        let app = member_browser(&db);

        let Reply {
            status, body: page, ..
        } = app.get(&format!("/r/{}", token("fr1@x.org")));
        assert_eq!(status, 200, "{}: {page}", db.name());
        assert!(page.contains("<html lang=\"fr\""), "{page}");
        assert!(page.contains("La loi a-t-elle changé ?"), "{page}");
        let Reply {
            status, body: page, ..
        } = app.get(&format!("/r/{}", token("pt1@x.org")));
        assert_eq!(status, 200, "{}: {page}", db.name());
        assert!(page.contains("<html lang=\"en\""), "{page}");
        assert!(page.contains("Did the law change?"), "{page}");

        let form = format!("/r/{}", token("fr1@x.org"));
        let r = app.post(&form, &ANSWERS);
        assert_eq!(r.status, 303, "{}: {}", db.name(), r.body);
        let location = r.location();
        assert!(location.contains("/done"), "{location}");
        assert_eq!(app.get(location).status, 200);

        let csv = run(&db, &smtp, &["results", "r1", "--format", "csv"]);
        assert!(
            csv.contains("law_improved,,ALL,,,true\n"),
            "{}: {csv}",
            db.name()
        );
        let all = status_all(&db, &smtp);
        assert_eq!(all["submitted"], 1, "{all}");
    }
}

#[test]
fn a_server_that_says_try_again_gets_every_mail_exactly_once() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::with(Script {
            temp_fail_first: 2,
            ..Script::default()
        });
        let started = Instant::now();
        let out = run(&db, &smtp, &["round", "invite", "r1"]);
        let took = started.elapsed();
        assert_eq!(
            out,
            "4 member(s) invited in round r1; 5 mail(s) sent, 0 waiting to retry, 0 failed\n",
            "{}",
            db.name()
        );
        one_each(&smtp.messages(), &ADDRESSES, db.name());
        let refusals = smtp.refusals();
        assert_eq!(refusals.len(), 2, "{refusals:?}");
        assert!(refusals.iter().all(|r| r.code == 451), "{refusals:?}");
        // The refused ones went out on a second attempt, after a back-off.
        let retried: Vec<String> = outbox_rows(&db)
            .into_iter()
            .filter(|(_, _, status, attempts)| status == "sent" && *attempts == 2)
            .map(|(recipient, ..)| recipient)
            .collect();
        let mut refused: Vec<String> = refusals.into_iter().map(|r| r.recipient).collect();
        refused.sort();
        assert_eq!(retried, refused, "{}", db.name());
        assert!(took >= Duration::from_millis(1900), "no back-off: {took:?}");
        assert_eq!(status_all(&db, &smtp)["delivered"], 4);
    }
}

#[test]
fn a_refused_address_is_recorded_as_bounced_and_not_retried() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::with(Script {
            refuse: vec!["pt1@x.org".into()],
            ..Script::default()
        });
        let out = run(&db, &smtp, &["round", "invite", "r1"]);
        assert_eq!(
            out,
            "4 member(s) invited in round r1; 4 mail(s) sent, 0 waiting to retry, 1 failed\n",
            "{}",
            db.name()
        );
        let delivered: Vec<&str> = ADDRESSES
            .iter()
            .copied()
            .filter(|a| *a != "pt1@x.org")
            .collect();
        one_each(&smtp.messages(), &delivered, db.name());
        let all = status_all(&db, &smtp);
        assert_eq!(
            (&all["invited"], &all["delivered"], &all["bounced"]),
            (&4.into(), &3.into(), &1.into()),
            "{}: {all}",
            db.name()
        );
        let table = run(&db, &smtp, &["round", "status", "r1"]);
        let listed: Vec<&str> = table.lines().filter(|l| l.contains("@x.org")).collect();
        assert_eq!(listed.len(), 1, "{table}");
        assert!(
            listed[0].contains("pt1@x.org") && listed[0].contains("pt1"),
            "{table}"
        );
        assert!(listed[0].contains("550"), "the server's answer: {table}");

        // Not retried, not even by the next run.
        run(&db, &smtp, &["round", "invite", "r1"]);
        assert_eq!(smtp.refusals().len(), 1, "{:?}", smtp.refusals());
        assert_eq!(smtp.messages().len(), 4);
    }
}

#[test]
fn a_dropped_connection_is_retried_and_nothing_is_sent_twice() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::with(Script {
            drop_after: Some(2),
            ..Script::default()
        });
        let out = run(&db, &smtp, &["round", "invite", "r1"]);
        assert_eq!(smtp.dropped(), 1, "{}", db.name());
        assert_eq!(
            out,
            "4 member(s) invited in round r1; 5 mail(s) sent, 0 waiting to retry, 0 failed\n",
            "{}",
            db.name()
        );
        one_each(&smtp.messages(), &ADDRESSES, db.name());
        let attempts: Vec<i32> = outbox_rows(&db).iter().map(|r| r.3).collect();
        assert_eq!(
            attempts.iter().filter(|a| **a == 2).count(),
            1,
            "{attempts:?}"
        );
        assert_eq!(attempts.iter().sum::<i32>(), 6, "{attempts:?}");
    }
}

/// Starts `round invite` as a real process, lets the server accept
/// `accepted` mails and stall on the next, then kills the process.
fn kill_sender_mid_queue(db: &TestDb, smtp: &SmtpServer, accepted: usize) {
    let url = smtp.url();
    let mut child = db.bin_spawn(
        &fixture_surveys(),
        &[
            "--base-url",
            BASE,
            "--mail-from",
            FROM,
            "--smtp-url",
            &url,
            "round",
            "invite",
            "r1",
        ],
    );
    smtp.wait_until(Duration::from_secs(20), |_, stalled| stalled == 1);
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(smtp.messages().len(), accepted, "{}", db.name());
}

#[test]
fn a_sender_killed_mid_queue_leaves_the_rest_for_the_next_run() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::with(Script {
            stall_after: Some(2),
            ..Script::default()
        });
        kill_sender_mid_queue(&db, &smtp, 2);
        // Invitations and their mails were committed together, before any
        // sending; what was not sent is still queued, held by the dead
        // sender's claim.
        let all = status_all(&db, &smtp);
        assert_eq!(
            (&all["invited"], &all["targeted"]),
            (&4.into(), &4.into()),
            "{all}"
        );
        let rows = outbox_rows(&db);
        let queued = rows.iter().filter(|r| r.2 == "queued").count();
        assert_eq!((rows.len(), queued), (5, 3), "{}: {rows:?}", db.name());
        let claimed: i64 = outbox::table
            .filter(outbox::status.eq("queued"))
            .filter(outbox::claimed_until.is_not_null())
            .count()
            .get_result(&mut *db.conn())
            .unwrap();
        assert_eq!(claimed, 3, "{}", db.name());
        // The dead sender's lease (two minutes) runs out.
        let past = Utc::now().naive_utc() - chrono::Duration::minutes(5);
        diesel::update(outbox::table.filter(outbox::claimed_until.is_not_null()))
            .set(outbox::claimed_until.eq(Some(past)))
            .execute(&mut *db.conn())
            .unwrap();

        let out = run(&db, &smtp, &["round", "invite", "r1"]);
        assert_eq!(
            out,
            "0 member(s) invited in round r1; 3 mail(s) sent, 0 waiting to retry, 0 failed\n",
            "{}",
            db.name()
        );
        one_each(&smtp.messages(), &ADDRESSES, db.name());
        assert_eq!(status_all(&db, &smtp)["delivered"], 4);
    }
}

#[test]
fn deliver_returns_within_its_wait_while_another_sender_holds_the_queue() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::start();
        let mut conn = db.conn();
        let now = Utc::now().naive_utc();
        assert_eq!(queue::queue_invitations(&mut conn, "r1", now).unwrap(), 4);
        let short = Policy {
            lease: Duration::from_secs(8),
            ..Policy::default()
        };
        assert_eq!(
            queue::claim(&mut conn, "dead", &short, now).unwrap().len(),
            5
        );
        let (mailer, composer) = sender(&db, &smtp);
        let started = Instant::now();
        let report = queue::deliver(
            &mut conn,
            &mailer,
            &composer,
            &Policy::default(),
            Duration::from_secs(1),
        )
        .unwrap();
        let took = started.elapsed();
        assert!(
            took < Duration::from_secs(4),
            "{}: waited {took:?}",
            db.name()
        );
        assert_eq!((report.sent, report.retrying), (0, 5), "{report:?}");
    }
}

/// A mailer through `smtp` and a composer with the test's key.
fn sender(db: &TestDb, smtp: &SmtpServer) -> (Mailer, Composer) {
    let mut settings = db.settings();
    settings.smtp_url = Some(smtp.url());
    settings.mail_from = FROM.into();
    let mailer = Mailer::from_settings(&settings).unwrap();
    let composer = Composer::new(BASE, db.secret(), mailer.from.clone()).unwrap();
    (mailer, composer)
}

#[test]
fn two_senders_on_one_queue_send_each_mail_once() {
    for db in backends() {
        setup(&db);
        db.import_members(&members_in("asia", "as", 10));
        let smtp = SmtpServer::with(Script {
            delay: Duration::from_millis(20),
            ..Script::default()
        });
        let now = Utc::now().naive_utc();
        let invited = queue::queue_invitations(&mut db.conn(), "r1", now).unwrap();
        assert_eq!(invited, 14);
        let policy = Policy {
            batch: 2,
            ..Policy::default()
        };
        let start = &std::sync::Barrier::new(2);
        let policy = &policy;
        let reports: Vec<queue::Report> = std::thread::scope(|s| {
            // What can fail is set up here, not in the workers: a worker
            // that panicked before the barrier would leave the other
            // waiting for ever.
            let workers: Vec<_> = (0..2)
                .map(|_| (db.conn(), sender(&db, &smtp)))
                .collect::<Vec<_>>()
                .into_iter()
                .map(|(mut conn, (mailer, composer))| {
                    s.spawn(move || {
                        start.wait();
                        queue::deliver(&mut conn, &mailer, &composer, policy, Duration::ZERO)
                            .unwrap()
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        let mut expected: Vec<String> = ADDRESSES.iter().map(|a| a.to_string()).collect();
        expected.extend((1..=10).map(|i| format!("as{i}@example.org")));
        let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
        one_each(&smtp.messages(), &expected, db.name());
        let sent: Vec<usize> = reports.iter().map(|r| r.sent).collect();
        assert_eq!(sent.iter().sum::<usize>(), 15, "{}: {reports:?}", db.name());
        assert!(sent.iter().all(|n| *n > 0), "both senders worked: {sent:?}");
        assert!(outbox_rows(&db).iter().all(|r| r.2 == "sent" && r.3 == 1));
    }
}

#[test]
fn reminders_skip_submitted_and_opted_out_members_and_carry_a_one_click_stop() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::start();
        run(&db, &smtp, &["round", "invite", "r1"]);
        let invites = one_each(&smtp.messages(), &ADDRESSES, db.name());
        let token = |a: &str| token_in(&invites[a].part("text/plain").unwrap());
        let app = member_browser(&db);
        let form = |a: &str| format!("/r/{}", token(a));
        // en1 submits; fr1 opts out with a one-click POST (RFC 8058); pt1
        // only saves a draft and opens the stop page, which changes nothing.
        assert_eq!(app.post(&form("en1@x.org"), &ANSWERS).status, 303);
        let one_click = [("List-Unsubscribe", "One-Click")];
        let Reply {
            status, body: page, ..
        } = app.post(&format!("{}/stop", form("fr1@x.org")), &one_click);
        assert_eq!(status, 200, "{}: {page}", db.name());
        let draft = [("law_change", "unchanged"), ("action", "save")];
        assert_eq!(app.post(&form("pt1@x.org"), &draft).status, 303);
        assert_eq!(app.get(&format!("{}/stop", form("pt1@x.org"))).status, 200);
        // A member added now is targeted but not invited.
        db.import_members(&["late,Org Late,KE,africa,late@x.org,en,,true".into()]);

        let out = run(&db, &smtp, &["round", "remind", "r1"]);
        assert_eq!(
            out,
            "2 reminder(s) queued in round r1; 3 mail(s) sent, 0 waiting to retry, 0 failed\n",
            "{}",
            db.name()
        );
        let reminders = one_each(
            &smtp.messages()[5..],
            &["a@x.org", "b@x.org", "pt1@x.org"],
            db.name(),
        );
        for (address, mail) in &reminders {
            let stop = format!("{BASE}/r/{}/stop", token(address));
            let ctx = format!("{} reminder to {address}", db.name());
            assert_eq!(
                mail.header("Subject").as_deref(),
                Some("Reminder: your personal survey link"),
                "{ctx}"
            );
            assert_eq!(
                mail.header("List-Unsubscribe"),
                Some(format!("<{stop}>")),
                "{ctx}"
            );
            assert_eq!(
                mail.header("List-Unsubscribe-Post").as_deref(),
                Some("List-Unsubscribe=One-Click"),
                "{ctx}"
            );
            let text = mail.part("text/plain").unwrap();
            let html = mail.part("text/html").unwrap();
            assert!(
                text.contains("We have not yet received your answers"),
                "{ctx}: {text}"
            );
            assert!(text.lines().any(|l| l.trim() == stop), "{ctx}: {text}");
            assert!(html.contains(&format!("href=\"{stop}\"")), "{ctx}: {html}");
            assert_eq!(token_in(&text), token(address), "{ctx}: the same link");
        }

        // pt1 follows the List-Unsubscribe link of the reminder: no more reminders.
        let header = reminders["pt1@x.org"].header("List-Unsubscribe").unwrap();
        let path = header.trim_matches(['<', '>']).strip_prefix(BASE).unwrap();
        assert_eq!(app.post(path, &one_click).status, 200);
        let out = run(&db, &smtp, &["round", "remind", "r1"]);
        assert!(out.starts_with("1 reminder(s) queued"), "{out}");
        one_each(&smtp.messages()[8..], &["a@x.org", "b@x.org"], db.name());

        // A reminder already queued when the member opts out is not sent.
        let queued = queue::queue_reminders(&mut db.conn(), "r1", Utc::now().naive_utc()).unwrap();
        assert_eq!(queued, 1);
        assert_eq!(
            app.post(&format!("{}/stop", form("a@x.org")), &one_click)
                .status,
            200
        );
        let out = run(&db, &smtp, &["round", "remind", "r1"]);
        assert_eq!(
            out,
            "0 reminder(s) queued in round r1; 0 mail(s) sent, 0 waiting to retry, 0 failed, 2 no longer needed\n",
            "{}",
            db.name()
        );
        assert_eq!(smtp.messages().len(), 10, "{}", db.name());
    }
}

#[test]
fn a_survey_may_override_the_mail_subjects() {
    for db in backends() {
        let surveys = fixture_copy(&db, "override", "mini");
        let dir = surveys.join("mini");
        for (file, lines) in [
            (
                "en.ftl",
                "mail-invite-subject = Member survey 2026\nmail-reminder-subject = Member survey 2026: a reminder\n",
            ),
            (
                "fr.ftl",
                "mail-invite-subject = Enquête 2026\nmail-reminder-subject = Enquête 2026 : rappel\n",
            ),
        ] {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, format!("{}\n{lines}", text.trim_end())).unwrap();
        }
        let dir_arg = dir.display().to_string();
        db.cli_with(&surveys, &["survey", "check", &dir_arg])
            .unwrap();
        setup_in(&db, &surveys);
        let smtp = SmtpServer::start();
        run_in(&db, &surveys, Some(&smtp), &["round", "invite", "r1"]).unwrap();
        let invites = one_each(&smtp.messages(), &ADDRESSES, db.name());
        let subject = |m: &BTreeMap<String, Mime>, a: &str| m[a].header("Subject").unwrap();
        assert_eq!(subject(&invites, "en1@x.org"), "Member survey 2026");
        assert_eq!(subject(&invites, "pt1@x.org"), "Member survey 2026");
        assert_eq!(subject(&invites, "fr1@x.org"), "Enquête 2026");
        run_in(&db, &surveys, Some(&smtp), &["round", "remind", "r1"]).unwrap();
        let reminders = one_each(&smtp.messages()[5..], &ADDRESSES, db.name());
        assert_eq!(
            subject(&reminders, "en1@x.org"),
            "Member survey 2026: a reminder"
        );
        assert_eq!(subject(&reminders, "fr1@x.org"), "Enquête 2026 : rappel");
    }
}

#[test]
fn the_link_token_is_not_in_the_database_and_needs_the_key() {
    for db in backends() {
        setup(&db);
        let smtp = SmtpServer::start();
        run(&db, &smtp, &["round", "invite", "r1"]);
        let mails = one_each(&smtp.messages(), &ADDRESSES, db.name());
        let tokens: Vec<String> = mails
            .values()
            .map(|m| token_in(&m.part("text/plain").unwrap()))
            .collect();
        for t in &tokens {
            // At least 122 random bits fit in no fewer than 21 base64url characters.
            assert!(t.len() >= 21, "{t}");
        }
        let mut conn = db.conn();
        let mut stored: Vec<String> = Vec::new();
        let rows: Vec<(String, String, String, String)> = invitations::table
            .select((
                invitations::id,
                invitations::member_id,
                invitations::region,
                invitations::language,
            ))
            .load(&mut *conn)
            .unwrap();
        stored.extend(rows.into_iter().flat_map(|(a, b, c, d)| [a, b, c, d]));
        type OutboxText = (
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<OutboxText> = outbox::table
            .select((
                outbox::id,
                outbox::invitation_id,
                outbox::kind,
                outbox::recipient,
                outbox::status,
                outbox::claimed_by,
                outbox::last_error,
            ))
            .load(&mut *conn)
            .unwrap();
        for (a, b, c, d, e, f, g) in rows {
            stored.extend([a, b, c, d, e]);
            stored.extend(f);
            stored.extend(g);
        }
        assert!(stored.len() >= 4 * 4 + 5 * 5, "{stored:?}");
        for t in &tokens {
            assert!(
                stored.iter().all(|v| !v.contains(t.as_str())),
                "{}: token {t} is stored",
                db.name()
            );
        }

        let app = member_browser(&db);
        let fr = token_in(&mails["fr1@x.org"].part("text/plain").unwrap());
        assert_eq!(app.get(&format!("/r/{fr}")).status, 200);
        let id: String = invitations::table
            .filter(invitations::member_id.eq("fr1"))
            .select(invitations::id)
            .first(&mut *conn)
            .unwrap();
        let forged = canvass::token::Secret::from_bytes([7; 32]).link_token(&id);
        assert_ne!(forged, fr);
        assert_eq!(
            app.get(&format!("/r/{forged}")).status,
            404,
            "{}",
            db.name()
        );
        assert_eq!(
            db.secret().link_token(&id),
            fr,
            "the CLI and the app share the key"
        );
        let mut tampered = fr.into_bytes();
        let last = tampered.len() - 1;
        tampered[last] = if tampered[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(tampered).unwrap();
        assert_eq!(app.get(&format!("/r/{tampered}")).status, 404);
    }
}

#[test]
fn without_smtp_invite_writes_one_eml_per_address_to_the_outbox() {
    for db in backends() {
        setup(&db);
        let out = run_in(&db, &fixture_surveys(), None, &["round", "invite", "r1"]).unwrap();
        assert_eq!(
            out,
            "4 member(s) invited in round r1; 5 mail(s) sent, 0 waiting to retry, 0 failed\n",
            "{}",
            db.name()
        );
        let read = || -> Vec<Received> {
            let mut files: Vec<Received> = Vec::new();
            for entry in std::fs::read_dir(db.private_paths().1).unwrap() {
                let path = entry.unwrap().path();
                assert_eq!(path.extension().unwrap(), "eml", "{}", path.display());
                let data = std::fs::read(&path).unwrap();
                let to = Mime::parse(&String::from_utf8_lossy(&data))
                    .header("To")
                    .unwrap();
                files.push(Received {
                    from: FROM.into(),
                    to: vec![to],
                    data,
                });
            }
            files
        };
        let mails = one_each(&read(), &ADDRESSES, db.name());
        let text = mails["fr1@x.org"].part("text/plain").unwrap();
        assert!(text.contains(&format!("{BASE}/r/")), "{text}");
        assert!(text.contains("Mini enquête"), "{text}");
        run_in(&db, &fixture_surveys(), None, &["round", "invite", "r1"]).unwrap();
        assert_eq!(read().len(), 5, "{}: nothing written twice", db.name());
    }
}
