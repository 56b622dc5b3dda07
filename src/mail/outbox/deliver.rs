//! A delivery run: claim due mails in batches and attempt each, until none
//! is left (or, given a wait, until no retry falls due within it); and the
//! background sender of `serve`, which starts a run every few seconds.

use std::time::Duration;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::attempt::{self, Sender};
use super::{later, Policy, Report};
use crate::db::backend::outbox_claim;
use crate::db::outbox_state::Status;
use crate::db::schema::outbox;
use crate::db::{self, DbConnection, Lookup};
use crate::error::{AppError, AppResult};
use crate::mail::{Composer, Mailer};

/// Claims up to `policy.batch` due mails for `worker`; returns their ids.
pub fn claim(
    conn: &mut DbConnection,
    worker: &str,
    policy: &Policy,
    now: NaiveDateTime,
) -> AppResult<Vec<String>> {
    let until = later(now, policy.lease);
    outbox_claim::claim(conn, worker, until, now, policy.batch)
}

/// Sends every due mail (claiming in batches) until none is left. With
/// `wait`, keeps going while retries fall due within that time (the
/// command line waits a little for servers that say "try again").
pub fn deliver(
    conn: &mut DbConnection,
    mailer: &Mailer,
    composer: &Composer,
    policy: &Policy,
    wait: Duration,
) -> AppResult<Report> {
    db::relaxed_commits(conn, |conn| {
        deliver_relaxed(conn, Sender::new(mailer, composer, policy), wait)
    })
}

fn deliver_relaxed(
    conn: &mut DbConnection,
    mut sender: Sender,
    wait: Duration,
) -> AppResult<Report> {
    let policy = sender.policy();
    let deadline = later(Utc::now().naive_utc(), wait);
    loop {
        let now = Utc::now().naive_utc();
        let ids = claim(conn, sender.worker(), policy, now)?;
        if ids.is_empty() {
            if wait_for_due(conn, now, deadline)? {
                continue;
            }
            break;
        }
        // The claim holds for a whole lease; mails sent in its first half
        // need no renewal (see `attempt::renew`).
        let fresh_until = later(now, policy.lease / 2);
        for job in attempt::jobs(conn, &ids)? {
            sender.send_one(conn, &job, fresh_until)?;
        }
    }
    let mut report = sender.into_report();
    report.retrying = outbox::table
        .filter(outbox::status.eq(Status::Queued.as_str()))
        .count()
        .get_result::<i64>(conn)?
        .try_into()
        .unwrap_or(0);
    Ok(report)
}

/// With nothing to claim at `now`: sleeps until a queued mail can next be
/// claimed and returns true, if that is before `deadline`; else false.
fn wait_for_due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    deadline: NaiveDateTime,
) -> AppResult<bool> {
    match next_due(conn, now)? {
        Some(t) if t <= deadline && now < deadline => {
            let until = t.min(deadline);
            std::thread::sleep(
                (until - now)
                    .to_std()
                    .unwrap_or_default()
                    .max(Duration::from_millis(50)),
            );
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// When a queued mail can next be claimed: its retry time, or when another
/// sender's claim on it runs out.
fn next_due(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<Option<NaiveDateTime>> {
    let free: Option<NaiveDateTime> = outbox::table
        .filter(outbox::status.eq(Status::Queued.as_str()))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(now)),
        )
        .select(diesel::dsl::min(outbox::next_attempt_at))
        .lookup(conn)?
        .flatten();
    let held: Option<NaiveDateTime> = outbox::table
        .filter(outbox::status.eq(Status::Queued.as_str()))
        .filter(outbox::claimed_until.ge(now))
        .select(diesel::dsl::min(outbox::claimed_until))
        .lookup(conn)?
        .flatten();
    Ok(match (free, held) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    })
}

/// The background sender of `serve`: drains the queue every few seconds,
/// for as long as the process lives. Failures are logged and retried on
/// the next pass; queued mail stays queued.
pub fn spawn_sender(settings: &crate::config::Settings, pool: crate::db::Pool) -> AppResult<()> {
    let mailer = Mailer::from_settings(settings)?;
    let composer = Composer::new(
        &settings.base_url,
        crate::token::Secret::load_or_create(&settings.secret_file)?,
        mailer.from.clone(),
    )?;
    let policy = Policy::default();
    std::thread::Builder::new()
        .name("mail-sender".into())
        .spawn(move || loop {
            match pool.get() {
                Ok(conn) => {
                    let run = db::with_connection(conn, |conn| {
                        deliver(conn, &mailer, &composer, &policy, Duration::ZERO)
                    });
                    match run {
                        Ok(r) if r.sent + r.failed > 0 => tracing::info!("mail: {r}"),
                        Ok(_) => {}
                        Err(e) => tracing::error!("mail sender: {e}"),
                    }
                }
                Err(e) => tracing::error!("mail sender: no database connection: {e}"),
            }
            std::thread::sleep(Duration::from_secs(2));
        })
        .map_err(|e| AppError::Config(format!("cannot start the mail sender: {e}")))?;
    Ok(())
}
