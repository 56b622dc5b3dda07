//! What the outbox stores as text about a mail: its kind (`invite`,
//! `reminder`) and its status (`queued`, `sent`, `failed`, `skipped`).
//! Each enum maps to its stored text in one place (`as_str`), read both
//! ways; a text read back that no variant is stored as is an error, so a row written by
//! another version is refused rather than taken for something it is not.

/// What a mail is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Invite,
    Reminder,
}

/// Where a mail is in the outbox.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Waiting to be sent, or to be retried at `next_attempt_at`.
    Queued,
    Sent,
    /// Refused for good, or out of attempts: the address bounced.
    Failed,
    /// No longer needed when its turn came (round closed, member done).
    Skipped,
}

impl Kind {
    /// Every variant: what a stored text is looked up in.
    const ALL: [Kind; 2] = [Kind::Invite, Kind::Reminder];

    /// The text stored for this kind: the one mapping, read both ways.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Invite => "invite",
            Kind::Reminder => "reminder",
        }
    }
}

impl Status {
    /// Every variant: what a stored text is looked up in.
    const ALL: [Status; 4] = [
        Status::Queued,
        Status::Sent,
        Status::Failed,
        Status::Skipped,
    ];

    /// The text stored for this status: the one mapping, read both ways.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Queued => "queued",
            Status::Sent => "sent",
            Status::Failed => "failed",
            Status::Skipped => "skipped",
        }
    }
}

/// A text in the outbox that no variant is stored as.
#[derive(Debug, thiserror::Error)]
#[error("the outbox holds an unknown mail {what} `{text}`")]
pub struct Unknown {
    what: &'static str,
    text: String,
}

impl TryFrom<String> for Kind {
    type Error = Unknown;

    fn try_from(text: String) -> Result<Self, Unknown> {
        match Self::ALL.into_iter().find(|k| k.as_str() == text) {
            Some(kind) => Ok(kind),
            None => Err(Unknown { what: "kind", text }),
        }
    }
}

impl TryFrom<String> for Status {
    type Error = Unknown;

    fn try_from(text: String) -> Result<Self, Unknown> {
        match Self::ALL.into_iter().find(|s| s.as_str() == text) {
            Some(status) => Ok(status),
            None => Err(Unknown {
                what: "status",
                text,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_status_reads_back_as_itself() {
        for kind in Kind::ALL {
            assert_eq!(Kind::try_from(kind.as_str().to_string()).ok(), Some(kind));
        }
        for status in Status::ALL {
            assert_eq!(
                Status::try_from(status.as_str().to_string()).ok(),
                Some(status)
            );
        }
    }

    #[test]
    fn unknown_stored_texts_are_errors() {
        let e = Kind::try_from("invitation".to_string()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the outbox holds an unknown mail kind `invitation`"
        );
        assert!(Status::try_from("Queued".to_string()).is_err());
        assert!(Status::try_from(String::new()).is_err());
    }

    /// The claim is fixed SQL text below the mail layer; it must pick the
    /// mails this enum calls queued.
    #[test]
    fn the_claim_picks_queued_mails() {
        use crate::db::backend::outbox_claim::{POSTGRES, SQLITE};
        let due = format!("status = '{}'", Status::Queued.as_str());
        assert!(POSTGRES.contains(&due), "{POSTGRES}");
        assert!(SQLITE.contains(&due), "{SQLITE}");
    }
}
