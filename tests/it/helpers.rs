//! Test helpers: fresh databases per test on every backend, and the
//! command line driven in-process or as the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use clap::Parser;
use diesel::prelude::*;
use diesel::{Connection, PgConnection, RunQueryDsl};

use canvass::config::DatabaseUrl;
use canvass::db::{self, Conn, Pool};

/// A fresh, migrated database that disappears when the test ends.
pub struct TestDb {
    pub url: DatabaseUrl,
    pub pool: Pool,
    pub dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite(dir.path().join("canvass.db"));
        let pool = db::connect(&url).unwrap();
        TestDb { url, pool, dir, postgres: None }
    }

    /// A new database on the server of `CANVASS_TEST_POSTGRES_URL`, if set.
    pub fn postgres() -> Option<TestDb> {
        let admin = std::env::var("CANVASS_TEST_POSTGRES_URL").ok().filter(|s| !s.is_empty())?;
        let name = format!("canvass_t_{}", canvass::token::new_id().to_lowercase().replace(['-', '_'], "x"));
        let mut conn = PgConnection::establish(&admin).expect("CANVASS_TEST_POSTGRES_URL must accept connections");
        diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut conn).unwrap();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let url = DatabaseUrl::Postgres(format!("{base}/{name}"));
        let pool = db::connect(&url).unwrap();
        Some(TestDb { url, pool, dir: tempfile::tempdir().unwrap(), postgres: Some((admin, name)) })
    }

    pub fn name(&self) -> &'static str {
        if self.postgres.is_some() { "postgres" } else { "sqlite" }
    }

    pub fn conn(&self) -> Conn {
        self.pool.get().unwrap()
    }

    pub fn url_string(&self) -> String {
        match &self.url {
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
            DatabaseUrl::Postgres(u) => u.clone(),
        }
    }

    /// Writes `content` to a file in the test's folder and returns its path.
    pub fn file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    }

    /// Runs a command line in-process against this database and the
    /// repository's surveys; returns its output or the error.
    pub fn cli(&self, args: &[&str]) -> Result<String, canvass::error::AppError> {
        self.cli_with(&repo_surveys(), args)
    }

    pub fn cli_with(&self, surveys: &Path, args: &[&str]) -> Result<String, canvass::error::AppError> {
        let url = self.url_string();
        let mut argv = vec!["canvass", "--database-url", &url, "--min-cell", "5"];
        let surveys = surveys.display().to_string();
        argv.extend(["--surveys-dir", &surveys]);
        argv.extend(args);
        let cli = canvass::cli::Cli::try_parse_from(argv).unwrap();
        let mut out = Vec::new();
        canvass::cli::run(cli, &mut out).map(|()| String::from_utf8(out).unwrap())
    }

    /// Runs the real binary against this database.
    pub fn bin(&self, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
            .args(["--database-url", &self.url_string(), "--surveys-dir"])
            .arg(repo_surveys())
            .args(args)
            .env_remove("CANVASS_MIN_CELL")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.postgres {
            if let Ok(mut conn) = PgConnection::establish(admin) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
            }
        }
    }
}

/// SQLite always; PostgreSQL as well when the test server is configured.
pub fn backends() -> Vec<TestDb> {
    let mut v = vec![TestDb::sqlite()];
    v.extend(TestDb::postgres());
    v
}

pub fn repo_surveys() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys")
}

/// Members CSV with a header and the given rows.
pub fn members_csv(rows: &[&str]) -> String {
    let mut s = String::from("id,name,country,region,email,language,joined,active\n");
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

/// `n` members named `{prefix}{i}` in `region`.
pub fn members_in(region: &str, prefix: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{prefix}{i},Org {prefix}{i},KE,{region},{prefix}{i}@example.org,en,2020-01-01,true")).collect()
}

/// Counts rows of a table, to show that a failed command wrote nothing.
pub fn count_rows(conn: &mut Conn, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")).get_result::<N>(&mut **conn).unwrap().n
}
