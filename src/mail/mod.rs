//! Mail: the transports (SMTP over a kept-open connection, or `.eml` files in
//! the outbox folder), composing invitations and reminders, and the
//! outbox queue that makes sending survive crashes and run on several
//! machines at once (the kinds and statuses it stores are in `db::outbox_state`).
//!
//! `Mailer::send` returns `SendError` (temporary or permanent); the queue
//! in `outbox` turns those into retries or recorded bounces.

mod compose;
pub mod outbox;
mod smtp;

use std::path::{Path, PathBuf};

use lettre::message::Mailbox;

pub use compose::Composer;

use crate::config::Settings;
use crate::error::{AppError, AppResult};

enum Via {
    Smtp(Box<smtp::Smtp>),
    /// `.eml` files in this folder, written by [`write_eml`].
    Files(PathBuf),
}

/// Sends composed messages through the configured transport.
pub struct Mailer {
    via: Via,
    pub from: Mailbox,
}

/// Why a message did not go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendError {
    /// Worth retrying: a 4xx answer, a refused or dropped connection, a timeout.
    Temporary(String),
    /// The server refused for good (5xx): recorded, not retried.
    Permanent(String),
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> AppResult<Self> {
        let from: Mailbox = settings.mail_from.parse().map_err(|e| {
            AppError::Config(format!(
                "CANVASS_MAIL_FROM \"{}\" is not an address: {e}",
                settings.mail_from
            ))
        })?;
        let via = match &settings.smtp_url {
            Some(url) => Via::Smtp(Box::new(smtp(url)?)),
            None => {
                let dir = settings.outbox_dir.clone();
                crate::private_files::create_dir(&dir)?;
                Via::Files(dir)
            }
        };
        Ok(Mailer { via, from })
    }

    pub fn send(&self, message: &lettre::Message) -> Result<(), SendError> {
        match &self.via {
            Via::Smtp(t) => t.send(message),
            Via::Files(dir) => write_eml(dir, message),
        }
    }
}

/// One message as `<random>.eml` in `dir`, as lettre's file transport
/// writes it, but owner-only: the mail carries the member's personal link.
fn write_eml(dir: &Path, message: &lettre::Message) -> Result<(), SendError> {
    let path = dir.join(format!("{:032x}.eml", rand::random::<u128>()));
    crate::private_files::write_new(&path, &message.formatted())
        .map_err(|e| SendError::Temporary(format!("cannot write {}: {e}", path.display())))
}

fn smtp(url: &str) -> AppResult<smtp::Smtp> {
    smtp::Smtp::from_url(url).map_err(|e| {
        AppError::Config(format!(
            "CANVASS_SMTP_URL is not usable ({e}); expected smtp://host:port, \
             smtps://user:pass@host or smtp://…?tls=required"
        ))
    })
}
