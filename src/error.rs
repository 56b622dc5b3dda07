//! `AppError`: the one error type of the domain layer.
//!
//! Every module below `cli` and `web` returns `Result<T, AppError>`. The
//! command line prints it as `error: …` (plus `details`, one per line, such
//! as every bad row of an import); the web layer will map it to a status in
//! exactly one place (`AppError::status_code`).

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
    Database(#[from] diesel::result::Error),
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

    /// The HTTP status for this error: the one place where the mapping lives.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound(_) | AppError::Database(diesel::result::Error::NotFound) => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden(_) => 403,
            AppError::TooMany(_) => 429,
            AppError::Conflict(_) => 409,
            AppError::Invalid { .. } => 422,
            AppError::Connection(_) => 503,
            AppError::Io { .. } | AppError::Database(_) | AppError::Config(_) => 500,
        }
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        AppError::Connection(e.to_string())
    }
}

pub type AppResult<T> = Result<T, AppError>;
