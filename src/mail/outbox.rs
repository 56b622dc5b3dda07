//! The outbox: mails are rows, written in the same transaction as what
//! they announce, then claimed, sent and marked one by one.
//!
//! A sender claims a batch atomically (`FOR UPDATE SKIP LOCKED` on
//! PostgreSQL; SQLite serialises writers) with a lease. A sender that dies
//! leaves its claim to expire, and the mails go out with the next one:
//! nothing queued is lost, and only a mail in flight at the moment of the
//! crash can go out twice. Once half the lease has passed, each mail's
//! claim is renewed just before it is sent, and a mail whose claim ran out
//! is left alone, so a batch slower than the lease does not send what
//! another sender has taken over.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text, Timestamp};

use super::compose::{Kind, Letter};
use super::{Composer, Mailer, SendError};
use crate::db::schema::{invitations, members, outbox};
use crate::db::{self, DbConnection, Lookup};
use crate::error::AppResult;
use crate::i18n::Texts;
use crate::rounds::{self, Round};

/// How the sender paces itself.
#[derive(Clone, Debug)]
pub struct Policy {
    /// How long a claim holds before another sender may take the mail.
    pub lease: Duration,
    /// Wait before the first retry; doubles with each attempt, up to an hour.
    pub base_delay: Duration,
    /// Attempts before a temporary failure counts as permanent.
    pub max_attempts: i32,
    pub batch: i64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            lease: Duration::from_secs(120),
            base_delay: Duration::from_secs(30),
            max_attempts: 10,
            batch: 100,
        }
    }
}

/// What one delivery run did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub sent: usize,
    pub retrying: usize,
    pub failed: usize,
    pub skipped: usize,
}

/// Invites every targeted member not yet invited: marks them invited and
/// queues one mail per address, in one transaction. Returns how many
/// members were invited (0 when run again).
pub fn queue_invitations(
    conn: &mut DbConnection,
    round_name: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    db::transaction(conn, |conn| {
        let round = rounds::find(conn, round_name)?;
        ensure_open(&round)?;
        rounds::sync_targets(conn, &round)?;
        let todo: Vec<(String, String)> = invitations::table
            .inner_join(members::table)
            .filter(invitations::round_id.eq(round.id))
            .filter(invitations::invited_at.is_null())
            .select((invitations::id, members::email))
            .load(conn)?;
        queue_all(conn, &todo, Kind::Invite, now)
    })
}

/// Queues a reminder to every invited member who has not submitted and has
/// not opted out (and has no reminder still waiting to go).
pub fn queue_reminders(
    conn: &mut DbConnection,
    round_name: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    db::transaction(conn, |conn| {
        let round = rounds::find(conn, round_name)?;
        ensure_open(&round)?;
        let waiting = outbox::table
            .filter(outbox::kind.eq("reminder"))
            .filter(outbox::status.eq("queued"))
            .select(outbox::invitation_id);
        let todo: Vec<(String, String)> = invitations::table
            .inner_join(members::table)
            .filter(invitations::round_id.eq(round.id))
            .filter(invitations::invited_at.is_not_null())
            .filter(invitations::submitted_at.is_null())
            .filter(invitations::opted_out_at.is_null())
            .filter(invitations::id.ne_all(waiting))
            .select((invitations::id, members::email))
            .load(conn)?;
        queue_all(conn, &todo, Kind::Reminder, now)
    })
}

#[derive(Insertable)]
#[diesel(table_name = outbox, treat_none_as_default_value = false)]
struct NewMail<'a> {
    id: String,
    invitation_id: &'a str,
    kind: &'static str,
    recipient: &'a str,
    status: &'static str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
}

/// Queues one mail of `kind` per address of each `(invitation, emails)` and
/// stamps the invitation invited or reminded; returns how many invitations.
/// Multi-row inserts and one stamp per chunk: 100k members are a few
/// hundred statements, not 200k.
fn queue_all(
    conn: &mut DbConnection,
    todo: &[(String, String)],
    kind: Kind,
    now: NaiveDateTime,
) -> AppResult<usize> {
    use std::collections::HashSet;
    // An address that refused mail for good is not written to again; an
    // invitation is the first mail, so only reminders need to look.
    let refused: HashSet<(String, String)> = match kind {
        Kind::Invite => HashSet::new(),
        Kind::Reminder => outbox::table
            .filter(outbox::status.eq("failed"))
            .select((outbox::invitation_id, outbox::recipient))
            .load::<(String, String)>(conn)?
            .into_iter()
            .collect(),
    };
    let mails: Vec<NewMail> = todo
        .iter()
        .flat_map(|(id, email)| {
            email
                .split(';')
                .filter(|a| !a.is_empty())
                .map(move |address| (id, address))
        })
        .filter(|(id, address)| {
            refused.is_empty() || !refused.contains(&(id.to_string(), address.to_string()))
        })
        .map(|(id, address)| NewMail {
            id: crate::token::new_id(),
            invitation_id: id,
            kind: kind.as_str(),
            recipient: address,
            status: "queued",
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        })
        .collect();
    db::insert_rows!(conn, outbox::table, mails);
    for chunk in todo.chunks(db::CHUNK) {
        let ids: Vec<&str> = chunk.iter().map(|(id, _)| id.as_str()).collect();
        let stamp = diesel::update(invitations::table.filter(invitations::id.eq_any(ids)));
        match kind {
            Kind::Invite => stamp.set(invitations::invited_at.eq(now)).execute(conn)?,
            Kind::Reminder => stamp.set(invitations::reminded_at.eq(now)).execute(conn)?,
        };
    }
    Ok(todo.len())
}

fn ensure_open(round: &Round) -> AppResult<()> {
    if round.closed {
        return Err(crate::error::AppError::Conflict(format!(
            "round `{}` is closed",
            round.name
        )));
    }
    Ok(())
}

fn later(now: NaiveDateTime, d: Duration) -> NaiveDateTime {
    now + chrono::Duration::from_std(d).unwrap_or(chrono::Duration::hours(1))
}

/// Claims up to `policy.batch` due mails for `worker`; returns their ids.
pub fn claim(
    conn: &mut DbConnection,
    worker: &str,
    policy: &Policy,
    now: NaiveDateTime,
) -> AppResult<Vec<String>> {
    let until = later(now, policy.lease);
    // The statement differs only in placeholders and row locking, so it is
    // written per backend here, the one place that matches on the variant.
    const DUE: &str = "status = 'queued' AND next_attempt_at <= {now} AND (claimed_until IS NULL OR claimed_until < {now}) ORDER BY created_at, id LIMIT {limit}";
    let mut claimed: Vec<Claimed> = match conn {
        DbConnection::Pg(c) => {
            let sql = format!(
                "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (SELECT id FROM outbox WHERE {} FOR UPDATE SKIP LOCKED) RETURNING id, created_at",
                DUE.replace("{now}", "$3").replace("{limit}", "$4")
            );
            diesel::sql_query(sql)
                .bind::<Text, _>(worker)
                .bind::<Timestamp, _>(until)
                .bind::<Timestamp, _>(now)
                .bind::<BigInt, _>(policy.batch)
                .load(c)?
        }
        DbConnection::Sqlite(c) => {
            let sql = format!(
                "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM outbox WHERE {}) RETURNING id, created_at",
                DUE.replacen("{now}", "?", 1).replacen("{now}", "?", 1).replace("{limit}", "?")
            );
            diesel::sql_query(sql)
                .bind::<Text, _>(worker)
                .bind::<Timestamp, _>(until)
                .bind::<Timestamp, _>(now)
                .bind::<Timestamp, _>(now)
                .bind::<BigInt, _>(policy.batch)
                .load(c)?
        }
    };
    claimed.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(claimed.into_iter().map(|c| c.id).collect())
}

#[derive(QueryableByName)]
struct Claimed {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Timestamp)]
    created_at: NaiveDateTime,
}

#[derive(Queryable)]
struct Job {
    id: String,
    kind: String,
    recipient: String,
    attempts: i32,
    invitation_id: String,
    round_id: i32,
    language: String,
    submitted: Option<NaiveDateTime>,
    opted_out: Option<NaiveDateTime>,
}

/// A round's survey texts and closing date, loaded once per delivery run.
struct RoundMail {
    texts: Texts,
    closes: Option<NaiveDate>,
    closed: bool,
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
        deliver_relaxed(conn, mailer, composer, policy, wait)
    })
}

fn deliver_relaxed(
    conn: &mut DbConnection,
    mailer: &Mailer,
    composer: &Composer,
    policy: &Policy,
    wait: Duration,
) -> AppResult<Report> {
    let worker = crate::token::new_id();
    let deadline = later(Utc::now().naive_utc(), wait);
    let mut report = Report::default();
    let mut rounds_seen: HashMap<i32, RoundMail> = HashMap::new();
    loop {
        let now = Utc::now().naive_utc();
        let ids = claim(conn, &worker, policy, now)?;
        if ids.is_empty() {
            match next_due(conn, now)? {
                Some(t) if t <= deadline && now < deadline => {
                    let until = t.min(deadline);
                    std::thread::sleep(
                        (until - now)
                            .to_std()
                            .unwrap_or_default()
                            .max(Duration::from_millis(50)),
                    );
                    continue;
                }
                _ => break,
            }
        }
        // The claim holds for a whole lease; mails sent in its first half
        // need no renewal (see `renew`).
        let fresh_until = later(now, policy.lease / 2);
        for job in jobs(conn, &ids)? {
            send_one(
                conn,
                &job,
                &worker,
                fresh_until,
                mailer,
                composer,
                policy,
                &mut rounds_seen,
                &mut report,
            )?;
        }
    }
    report.retrying = outbox::table
        .filter(outbox::status.eq("queued"))
        .count()
        .get_result::<i64>(conn)?
        .try_into()
        .unwrap_or(0);
    Ok(report)
}

/// When a queued mail can next be claimed: its retry time, or when another
/// sender's claim on it runs out.
fn next_due(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<Option<NaiveDateTime>> {
    let free: Option<NaiveDateTime> = outbox::table
        .filter(outbox::status.eq("queued"))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(now)),
        )
        .select(diesel::dsl::min(outbox::next_attempt_at))
        .lookup(conn)?
        .flatten();
    let held: Option<NaiveDateTime> = outbox::table
        .filter(outbox::status.eq("queued"))
        .filter(outbox::claimed_until.ge(now))
        .select(diesel::dsl::min(outbox::claimed_until))
        .lookup(conn)?
        .flatten();
    Ok(match (free, held) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    })
}

/// The claimed mails `ids`, in that order, with what composing them needs.
fn jobs(conn: &mut DbConnection, ids: &[String]) -> AppResult<Vec<Job>> {
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

#[allow(clippy::too_many_arguments)]
fn send_one(
    conn: &mut DbConnection,
    job: &Job,
    worker: &str,
    fresh_until: NaiveDateTime,
    mailer: &Mailer,
    composer: &Composer,
    policy: &Policy,
    rounds_seen: &mut HashMap<i32, RoundMail>,
    report: &mut Report,
) -> AppResult<()> {
    if let std::collections::hash_map::Entry::Vacant(e) = rounds_seen.entry(job.round_id) {
        let round = rounds::find_by_id(conn, job.round_id)?;
        e.insert(RoundMail {
            texts: Texts::survey(&round.survey)?,
            closes: round.closes,
            closed: round.closed,
        });
    }
    let round = &rounds_seen[&job.round_id];
    let kind = Kind::parse(&job.kind);
    let now = Utc::now().naive_utc();
    let pointless = round.closed
        || (kind == Kind::Reminder && (job.submitted.is_some() || job.opted_out.is_some()));
    if pointless {
        report.skipped += 1;
        return mark(conn, &job.id, worker, ("skipped", None, None), now);
    }
    if now >= fresh_until && !renew(conn, &job.id, worker, policy, now)? {
        // The claim ran out while earlier mails of the batch went out:
        // another sender may hold this one now, so leave it to them.
        return Ok(());
    }
    let letter = Letter {
        kind,
        invitation_id: &job.invitation_id,
        recipient: &job.recipient,
        language: &job.language,
        survey: &round.texts,
        closes: round.closes,
    };
    let outcome = composer
        .compose(&letter)
        .map_err(SendError::Permanent)
        .and_then(|m| mailer.send(&m));
    match outcome {
        Ok(()) => {
            report.sent += 1;
            // The "sent" row is also the invitation's record of delivery
            // (`rounds::status`): one statement per mail.
            mark(conn, &job.id, worker, ("sent", None, None), now)?;
        }
        Err(SendError::Temporary(e)) if job.attempts + 1 < policy.max_attempts => {
            let factor = 2u32.saturating_pow(u32::try_from(job.attempts).unwrap_or(0).min(16));
            let delay = policy
                .base_delay
                .saturating_mul(factor)
                .min(Duration::from_secs(3600));
            tracing::warn!(mail = %job.id, attempt = job.attempts + 1, "temporary mail failure, retrying: {e}");
            mark(
                conn,
                &job.id,
                worker,
                ("queued", Some(e), Some(later(now, delay))),
                now,
            )?;
        }
        Err(SendError::Temporary(e) | SendError::Permanent(e)) => {
            report.failed += 1;
            tracing::warn!(mail = %job.id, "mail failed for good: {e}");
            mark(conn, &job.id, worker, ("failed", Some(e), None), now)?;
            diesel::update(invitations::table.find(&job.invitation_id))
                .set(invitations::bounced_at.eq(now))
                .execute(conn)?;
        }
    }
    Ok(())
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
        .filter(outbox::status.eq("queued"))
        .filter(outbox::claimed_until.ge(now));
    let renewed = diesel::update(ours)
        .set(outbox::claimed_until.eq(later(now, policy.lease)))
        .execute(conn)?;
    Ok(renewed == 1)
}

/// Records the outcome of one attempt, if the claim is still ours.
fn mark(
    conn: &mut DbConnection,
    id: &str,
    worker: &str,
    (status, error, retry_at): (&str, Option<String>, Option<NaiveDateTime>),
    now: NaiveDateTime,
) -> AppResult<()> {
    let target = outbox::table
        .filter(outbox::id.eq(id))
        .filter(outbox::claimed_by.eq(worker));
    let sent_at = (status == "sent").then_some(now);
    diesel::update(target)
        .set((
            outbox::status.eq(status),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(error),
            outbox::sent_at.eq(sent_at),
            outbox::next_attempt_at.eq(retry_at.unwrap_or(now)),
            outbox::claimed_by.eq(None::<String>),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Addresses whose mail failed for good in a round, for `round status`.
pub fn failures(
    conn: &mut DbConnection,
    round: &Round,
) -> AppResult<Vec<(String, String, String, String)>> {
    Ok(outbox::table
        .inner_join(invitations::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(outbox::status.eq("failed"))
        .order((
            invitations::region,
            invitations::member_id,
            outbox::recipient,
        ))
        .select((
            invitations::region,
            invitations::member_id,
            outbox::recipient,
            outbox::last_error.assume_not_null(),
        ))
        .load(conn)?)
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} mail(s) sent, {} waiting to retry, {} failed",
            self.sent, self.retrying, self.failed
        )?;
        if self.skipped > 0 {
            write!(f, ", {} no longer needed", self.skipped)?;
        }
        Ok(())
    }
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
        .map_err(|e| {
            crate::error::AppError::Config(format!("cannot start the mail sender: {e}"))
        })?;
    Ok(())
}

/// Mails of a round still waiting to be sent.
pub fn queued(conn: &mut DbConnection, round: &Round) -> AppResult<i64> {
    Ok(outbox::table
        .inner_join(invitations::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(outbox::status.eq("queued"))
        .count()
        .get_result(conn)?)
}
