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
//!
//! Queueing is in `queue`, the delivery run in `deliver`, one mail's
//! attempt and its record in `attempt`, and what `round status` reads in
//! `round`. The claim statement itself differs per backend and lives in
//! `db::backend::outbox_claim`.

mod attempt;
mod deliver;
mod queue;
mod round;

use std::time::Duration;

use chrono::NaiveDateTime;

pub use deliver::{claim, deliver, spawn_sender};
pub use queue::{queue_invitations, queue_reminders};
pub use round::{failures, queued};

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

/// `d` after `now`; a duration too long for chrono counts as an hour,
/// the longest wait the sender uses.
fn later(now: NaiveDateTime, d: Duration) -> NaiveDateTime {
    now + chrono::Duration::from_std(d).unwrap_or(chrono::Duration::hours(1))
}
