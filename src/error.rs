//! `AppError`: the one error type of the domain layer.
//!
//! Every module below `cli` and `web` returns `Result<T, AppError>`. The
//! command line prints it as `error: …` (plus `details`, one per line, such
//! as every bad row of an import); the web layer answers every error with
//! the status of exactly one place (`AppError::status_code`), as a page in
//! the reader's language or as plain text (`web::error_page`).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Something the user named does not exist (round, survey, member, region).
    #[error("{0}")]
    NotFound(String),
    /// No valid session (the web consoles).
    #[error("please sign in")]
    Unauthorized,
    /// Signed in, but this is not the user's to see or do.
    #[error("{0}")]
    Forbidden(String),
    /// A console form whose CSRF field is missing or not this session's
    /// (an expired page, or a post forged by another site).
    #[error("the form's CSRF token is not this session's")]
    Csrf,
    /// A round that takes no answers yet; it opens on the date.
    #[error("the round opens on {0}")]
    NotYetOpen(chrono::NaiveDate),
    /// Something that is no more and will not come back (a closed round's
    /// respondent link).
    #[error("{0}")]
    Gone(String),
    /// A request body larger than the server reads.
    #[error("{0}")]
    TooLarge(String),
    /// Too many attempts; try again later.
    #[error("{0}")]
    TooMany(String),
    /// The request is understood but not allowed in the current state
    /// (a closed round, a duplicate name).
    #[error("{0}")]
    Conflict(String),
    /// Input that failed validation; `details` lists every problem found.
    #[error("{summary}")]
    Invalid {
        summary: String,
        details: Vec<String>,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Database(diesel::result::Error),
    /// The database cannot be reached (no connection, or it was lost):
    /// worth retrying, so 503 rather than 500.
    #[error("database connection: {0}")]
    Connection(String),
    #[error("{0}")]
    Config(String),
}

impl AppError {
    pub fn invalid(summary: impl Into<String>) -> Self {
        AppError::Invalid {
            summary: summary.into(),
            details: Vec::new(),
        }
    }

    pub fn invalid_with(summary: impl Into<String>, details: Vec<String>) -> Self {
        AppError::Invalid {
            summary: summary.into(),
            details,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        AppError::Io {
            path: path.into(),
            source,
        }
    }

    /// Lines to print under the one-sentence summary.
    pub fn details(&self) -> &[String] {
        match self {
            AppError::Invalid { details, .. } => details,
            _ => &[],
        }
    }

    /// This refusal as a problem with the input that caused it: a form
    /// shows it beside its fields, with the status of `Invalid`, whatever
    /// the domain calls it (a duplicate name is a `Conflict` to the command
    /// line, a wrong field to the form that named it).
    pub fn as_input(self) -> Self {
        match self {
            e @ AppError::Invalid { .. } => e,
            e => AppError::invalid(e.to_string()),
        }
    }

    /// The HTTP status for this error: the one place where the mapping lives.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound(_) | AppError::Database(diesel::result::Error::NotFound) => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden(_) | AppError::Csrf | AppError::NotYetOpen(_) => 403,
            AppError::Gone(_) => 410,
            AppError::TooLarge(_) => 413,
            AppError::TooMany(_) => 429,
            AppError::Conflict(_) => 409,
            AppError::Invalid { .. } => 422,
            AppError::Connection(_) => 503,
            AppError::Io { .. } | AppError::Database(_) | AppError::Config(_) => 500,
        }
    }
}

/// A lost connection (the server restarted or went away) is told apart
/// from a failed query here, once, so that it is reported as
/// `Connection` by the command line and the web alike.
impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        if connection_lost(&e) {
            AppError::Connection(e.to_string())
        } else {
            AppError::Database(e)
        }
    }
}

fn connection_lost(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match e {
        Error::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _,
        )
        // Diesel's word for a transaction whose rollback failed: the
        // connection went away under it.
        | Error::BrokenTransactionManager => true,
        Error::RollbackErrorOnCommit { commit_error, .. } => connection_lost(commit_error),
        _ => false,
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError::Connection(e.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use diesel::result::{DatabaseErrorKind, Error};

    use super::AppError;

    fn status(e: Error) -> u16 {
        AppError::from(e).status_code()
    }

    #[test]
    fn a_lost_database_connection_is_503_and_a_failed_query_500() {
        let lost = || {
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection,
                Box::new(String::from("server closed the connection unexpectedly")),
            )
        };
        assert_eq!(status(lost()), 503);
        assert_eq!(
            status(Error::DatabaseError(
                DatabaseErrorKind::UnableToSendCommand,
                Box::new(String::from("no connection to the server"))
            )),
            503
        );
        assert_eq!(status(Error::BrokenTransactionManager), 503);
        assert_eq!(
            status(Error::RollbackErrorOnCommit {
                rollback_error: Box::new(lost()),
                commit_error: Box::new(lost()),
            }),
            503
        );
        assert_eq!(status(Error::NotFound), 404);
        assert_eq!(
            status(Error::DatabaseError(
                DatabaseErrorKind::UniqueViolation,
                Box::new(String::from("duplicate key"))
            )),
            500
        );
        assert!(AppError::from(lost())
            .to_string()
            .starts_with("database connection: "));
    }

    #[test]
    fn a_refusal_as_input_keeps_its_message_with_the_status_of_invalid_input() {
        let duplicate = AppError::Conflict("a round r1 already exists".into());
        assert_eq!(duplicate.status_code(), 409);
        let input = duplicate.as_input();
        assert_eq!(input.status_code(), 422);
        assert_eq!(input.to_string(), "a round r1 already exists");
        let invalid = AppError::invalid_with("2 bad rows", vec!["row 3".into()]);
        assert_eq!(invalid.as_input().details(), ["row 3"]);
    }
}
