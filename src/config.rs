//! Settings as a value: flags over environment over defaults (contract §1).
//!
//! clap reads flags and their environment variables; this module turns the
//! raw strings into checked values once, so nothing below has to re-parse.

use std::path::{Path, PathBuf};

use crate::error::{AppError, AppResult};

/// Which database a URL names; the backend is chosen from the scheme here
/// and nowhere else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path (`sqlite://PATH`, or a bare path).
    Sqlite(PathBuf),
    /// A libpq URL (`postgres://…` or `postgresql://…`).
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> AppResult<Self> {
        let raw = raw.trim();
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(raw.to_string()));
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"));
        match path {
            Some(p) if !p.is_empty() && p != ":memory:" => {
                Ok(DatabaseUrl::Sqlite(PathBuf::from(p)))
            }
            Some(_) => Err(AppError::Config(format!(
                "database URL \"{raw}\" names no file; use sqlite://PATH"
            ))),
            None if raw.contains("://") => Err(AppError::Config(format!(
                "database URL \"{raw}\" is neither sqlite://PATH nor postgres://…"
            ))),
            None if raw.is_empty() => Err(AppError::Config("database URL is empty".into())),
            None => Ok(DatabaseUrl::Sqlite(PathBuf::from(raw))),
        }
    }

    /// The URL with any password replaced, for messages and logs.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
            DatabaseUrl::Postgres(url) => redact_password(url),
        }
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_string(),
    }
}

/// Everything the commands need to know about their environment.
#[derive(Clone, Debug)]
pub struct Settings {
    pub database: DatabaseUrl,
    pub base_url: String,
    pub smtp_url: Option<String>,
    pub outbox_dir: PathBuf,
    pub mail_from: String,
    pub surveys_dir: PathBuf,
    pub min_cell: u32,
    pub secret_file: PathBuf,
}

impl Settings {
    /// The default place of the key file: beside the SQLite file, or in the
    /// working directory for PostgreSQL.
    pub fn default_secret_file(database: &DatabaseUrl) -> PathBuf {
        match database {
            DatabaseUrl::Sqlite(path) => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .join("canvass.key"),
            DatabaseUrl::Postgres(_) => PathBuf::from("canvass.key"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheme_picks_the_backend() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/c.db").unwrap(),
            DatabaseUrl::Sqlite("data/c.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("postgres://u@h/db").unwrap(),
            DatabaseUrl::Postgres("postgres://u@h/db".into())
        );
        assert!(DatabaseUrl::parse("mysql://x").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn password_is_redacted() {
        let url = DatabaseUrl::parse("postgres://me:secret@db/x").unwrap();
        assert_eq!(url.redacted(), "postgres://me:***@db/x");
    }

    #[test]
    fn key_file_sits_beside_the_sqlite_file() {
        let db = DatabaseUrl::Sqlite("var/c.db".into());
        assert_eq!(
            Settings::default_secret_file(&db),
            PathBuf::from("var/canvass.key")
        );
        let db = DatabaseUrl::Sqlite("c.db".into());
        assert_eq!(
            Settings::default_secret_file(&db),
            PathBuf::from("./canvass.key")
        );
    }
}
