//! One mail's attempt within a delivery run: skip it when it is no longer
//! needed, renew the claim when the batch runs long, compose and send it,
//! and record the outcome (sent, retry later, or failed for good, which
//! marks the invitation bounced).

use std::collections::hash_map::{Entry, HashMap};
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::{later, Policy, Report};
use crate::db::outbox_state::{Kind, Status};
use crate::db::schema::{invitations, outbox};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::i18n::Texts;
use crate::mail::compose::Letter;
use crate::mail::{Composer, Mailer, SendError};
use crate::rounds;

/// A claimed mail with what composing it needs.
#[derive(Queryable)]
pub(super) struct Job {
    id: String,
    /// An unknown stored kind fails the load (see `stored`).
    #[diesel(deserialize_as = String)]
    kind: Kind,
    recipient: String,
    attempts: i32,
    invitation_id: String,
    round_id: i32,
    language: String,
    submitted: Option<NaiveDateTime>,
    opted_out: Option<NaiveDateTime>,
}

/// The claimed mails `ids`, in that order, with what composing them needs.
pub(super) fn jobs(conn: &mut DbConnection, ids: &[String]) -> AppResult<Vec<Job>> {
    let mut found: HashMap<String, Job> = outbox::table
        .inner_join(invitations::table)
        .filter(outbox::id.eq_any(ids))
        .select((
            outbox::id,
            outbox::kind,
            outbox::recipient,
            outbox::attempts,
            invitations::id,
            invitations::round_id,
            invitations::language,
            invitations::submitted_at,
            invitations::opted_out_at,
        ))
        .load::<Job>(conn)?
        .into_iter()
        .map(|j| (j.id.clone(), j))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// A round's survey texts and closing date, loaded once per delivery run.
struct RoundMail {
    texts: Texts,
    closes: Option<NaiveDate>,
    closed: bool,
}

impl Job {
    /// A closed round's mails, and reminders to members who have answered
    /// or opted out since, are no longer needed.
    fn pointless(&self, round: &RoundMail) -> bool {
        round.closed
            || (self.kind == Kind::Reminder
                && (self.submitted.is_some() || self.opted_out.is_some()))
    }
}

/// What one attempt leaves in the mail's row.
struct Outcome {
    status: Status,
    error: Option<String>,
    retry_at: Option<NaiveDateTime>,
}

impl Outcome {
    fn done(status: Status) -> Self {
        Outcome {
            status,
            error: None,
            retry_at: None,
        }
    }
}

/// One delivery run's sender: the transport, the pace, its name on the
/// claims, and what it has done so far.
pub(super) struct Sender<'a> {
    mailer: &'a Mailer,
    composer: &'a Composer,
    policy: &'a Policy,
    worker: String,
    rounds: HashMap<i32, RoundMail>,
    report: Report,
}

impl<'a> Sender<'a> {
    pub(super) fn new(mailer: &'a Mailer, composer: &'a Composer, policy: &'a Policy) -> Self {
        Sender {
            mailer,
            composer,
            policy,
            worker: crate::token::new_id(),
            rounds: HashMap::new(),
            report: Report::default(),
        }
    }

    pub(super) fn worker(&self) -> &str {
        &self.worker
    }

    pub(super) fn policy(&self) -> &'a Policy {
        self.policy
    }

    pub(super) fn into_report(self) -> Report {
        self.report
    }

    /// Attempts `job`, one of a batch claimed when `fresh_until` was half a
    /// lease away.
    pub(super) fn send_one(
        &mut self,
        conn: &mut DbConnection,
        job: &Job,
        fresh_until: NaiveDateTime,
    ) -> AppResult<()> {
        let round = round_mail(&mut self.rounds, conn, job.round_id)?;
        let now = Utc::now().naive_utc();
        if job.pointless(round) {
            self.report.skipped += 1;
            return mark(conn, job, &self.worker, Outcome::done(Status::Skipped), now);
        }
        if now >= fresh_until && !renew(conn, &job.id, &self.worker, self.policy, now)? {
            // The claim ran out while earlier mails of the batch went out:
            // another sender may hold this one now, so leave it to them.
            return Ok(());
        }
        let sent = transmit(self.mailer, self.composer, job, round);
        self.record(conn, job, sent, now)
    }

    fn record(
        &mut self,
        conn: &mut DbConnection,
        job: &Job,
        sent: Result<(), SendError>,
        now: NaiveDateTime,
    ) -> AppResult<()> {
        match sent {
            Ok(()) => {
                self.report.sent += 1;
                // The "sent" row is also the invitation's record of delivery
                // (`rounds::status`): one statement per mail.
                mark(conn, job, &self.worker, Outcome::done(Status::Sent), now)
            }
            Err(SendError::Temporary(e)) if job.attempts + 1 < self.policy.max_attempts => {
                tracing::warn!(mail = %job.id, attempt = job.attempts + 1, "temporary mail failure, retrying: {e}");
                let retry_at = later(now, retry_delay(self.policy, job.attempts));
                let outcome = Outcome {
                    status: Status::Queued,
                    error: Some(e),
                    retry_at: Some(retry_at),
                };
                mark(conn, job, &self.worker, outcome, now)
            }
            Err(SendError::Temporary(e) | SendError::Permanent(e)) => {
                self.report.failed += 1;
                tracing::warn!(mail = %job.id, "mail failed for good: {e}");
                let outcome = Outcome {
                    error: Some(e),
                    ..Outcome::done(Status::Failed)
                };
                mark(conn, job, &self.worker, outcome, now)?;
                diesel::update(invitations::table.find(&job.invitation_id))
                    .set(invitations::bounced_at.eq(now))
                    .execute(conn)?;
                Ok(())
            }
        }
    }
}

/// The round of a mail, from the database the first time in a run.
fn round_mail<'r>(
    seen: &'r mut HashMap<i32, RoundMail>,
    conn: &mut DbConnection,
    round_id: i32,
) -> AppResult<&'r RoundMail> {
    match seen.entry(round_id) {
        Entry::Occupied(e) => Ok(e.into_mut()),
        Entry::Vacant(e) => {
            let round = rounds::find_by_id(conn, round_id)?;
            Ok(e.insert(RoundMail {
                texts: Texts::survey(&round.survey)?,
                closes: round.closes,
                closed: round.closed,
            }))
        }
    }
}

/// Composes and sends `job`; a message that cannot be built (a bad
/// address) is a permanent failure.
fn transmit(
    mailer: &Mailer,
    composer: &Composer,
    job: &Job,
    round: &RoundMail,
) -> Result<(), SendError> {
    let letter = Letter {
        kind: job.kind,
        invitation_id: &job.invitation_id,
        recipient: &job.recipient,
        language: &job.language,
        survey: &round.texts,
        closes: round.closes,
    };
    composer
        .compose(&letter)
        .map_err(SendError::Permanent)
        .and_then(|m| mailer.send(&m))
}

/// The wait before the retry after `attempts` attempts: doubling from the
/// base delay, up to an hour.
fn retry_delay(policy: &Policy, attempts: i32) -> Duration {
    let factor = 2u32.saturating_pow(u32::try_from(attempts).unwrap_or(0).min(16));
    policy
        .base_delay
        .saturating_mul(factor)
        .min(Duration::from_secs(3600))
}

/// Extends `worker`'s claim on mail `id` by one lease, just before it is
/// sent, so that a slow batch cannot outlive its claim mid-way; false when
/// the claim has already run out. Only called once half the lease has
/// passed since the claim: before that the claim surely holds.
fn renew(
    conn: &mut DbConnection,
    id: &str,
    worker: &str,
    policy: &Policy,
    now: NaiveDateTime,
) -> AppResult<bool> {
    let ours = outbox::table
        .filter(outbox::id.eq(id))
        .filter(outbox::claimed_by.eq(worker))
        .filter(outbox::status.eq(Status::Queued.as_str()))
        .filter(outbox::claimed_until.ge(now));
    let renewed = diesel::update(ours)
        .set(outbox::claimed_until.eq(later(now, policy.lease)))
        .execute(conn)?;
    Ok(renewed == 1)
}

/// Records the outcome of one attempt, if the claim is still ours.
fn mark(
    conn: &mut DbConnection,
    job: &Job,
    worker: &str,
    outcome: Outcome,
    now: NaiveDateTime,
) -> AppResult<()> {
    let target = outbox::table
        .filter(outbox::id.eq(&job.id))
        .filter(outbox::claimed_by.eq(worker));
    let sent_at = (outcome.status == Status::Sent).then_some(now);
    diesel::update(target)
        .set((
            outbox::status.eq(outcome.status.as_str()),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(outcome.error),
            outbox::sent_at.eq(sent_at),
            outbox::next_attempt_at.eq(outcome.retry_at.unwrap_or(now)),
            outbox::claimed_by.eq(None::<String>),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use diesel::connection::SimpleConnection;

    use super::*;

    /// A mail whose stored kind this version does not know is refused, not
    /// sent as an invitation.
    #[test]
    fn a_mail_of_unknown_kind_is_an_error() {
        let sqlite = diesel::SqliteConnection::establish(":memory:").unwrap();
        let mut conn = DbConnection::Sqlite(sqlite);
        crate::db::migrate(&mut conn).unwrap();
        conn.batch_execute(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO invitations (id, round_id, member_id, region, language)
                 VALUES ('i1', 1, 'm1', 'north', 'en');
             INSERT INTO outbox (id, invitation_id, kind, recipient, status,
                                 attempts, next_attempt_at, created_at)
                 VALUES ('o1', 'i1', 'invitation', 'a@example.org', 'queued',
                         0, '2030-01-01 00:00:00', '2030-01-01 00:00:00');",
        )
        .unwrap();
        let Err(e) = jobs(&mut conn, &["o1".to_string()]) else {
            panic!("a mail of unknown kind was loaded");
        };
        assert!(
            e.to_string()
                .contains("the outbox holds an unknown mail kind `invitation`"),
            "{e}"
        );
    }
}
