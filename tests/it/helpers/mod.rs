//! Test helpers: fresh databases per test on every backend, the command
//! line driven in-process or as the real binary, and the one HTTP client
//! (`http`).

mod http;

pub use http::*;

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
        TestDb {
            url,
            pool,
            dir,
            postgres: None,
        }
    }

    /// A new database on the server of `CANVASS_TEST_POSTGRES_URL`, if set.
    pub fn postgres() -> Option<TestDb> {
        let admin = std::env::var("CANVASS_TEST_POSTGRES_URL")
            .ok()
            .filter(|s| !s.is_empty())?;
        let name = format!(
            "canvass_t_{}",
            canvass::token::new_id()
                .to_lowercase()
                .replace(['-', '_'], "x")
        );
        let mut conn = PgConnection::establish(&admin)
            .expect("CANVASS_TEST_POSTGRES_URL must accept connections");
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .unwrap();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let url = DatabaseUrl::Postgres(format!("{base}/{name}"));
        let pool = db::connect(&url).unwrap();
        Some(TestDb {
            url,
            pool,
            dir: tempfile::tempdir().unwrap(),
            postgres: Some((admin, name)),
        })
    }

    /// The key file and outbox folder of this test, never the working directory.
    pub fn private_paths(&self) -> (String, String) {
        let dir = self.dir.path();
        (
            dir.join("canvass.key").display().to_string(),
            dir.join("outbox").display().to_string(),
        )
    }

    /// A new PostgreSQL database, for a test that runs on no other backend.
    /// Such a test is marked
    /// `#[cfg_attr(not(canvass_pg_tests), ignore = "needs CANVASS_TEST_POSTGRES_URL")]`
    /// (see `build.rs`): built without the variable it is ignored, never
    /// passed unrun; built with it, the variable must be set to run it.
    pub fn postgres_only() -> TestDb {
        TestDb::postgres().expect(
            "CANVASS_TEST_POSTGRES_URL was set when the tests were built: set it to run them",
        )
    }

    /// Settings as the command line would build them for this database.
    pub fn settings(&self) -> canvass::config::Settings {
        let (key, outbox) = self.private_paths();
        canvass::config::Settings {
            database: self.url.clone(),
            base_url: "http://127.0.0.1".into(),
            smtp_url: None,
            outbox_dir: outbox.into(),
            mail_from: "survey@example.org".into(),
            surveys_dir: repo_surveys(),
            min_cell: 5,
            secret_file: key.into(),
            trusted_proxies: Default::default(),
        }
    }

    /// Starts the web app on a free loopback port, in its own thread with
    /// its own actix system; returns its base URL (`http://127.0.0.1:PORT`).
    pub fn spawn_app(&self) -> String {
        self.spawn_app_with(self.settings())
    }

    /// [`spawn_app`](Self::spawn_app) with other settings.
    pub fn spawn_app_with(&self, settings: canvass::config::Settings) -> String {
        let pool = self.pool.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let app = canvass::web::Application::build(&settings, pool, "127.0.0.1:0").unwrap();
                tx.send(app.port()).unwrap();
                let _ = app.run_until_stopped().await;
            })
        });
        format!("http://127.0.0.1:{}", rx.recv().unwrap())
    }

    /// The secret this test's commands and app use for link tokens.
    pub fn secret(&self) -> canvass::token::Secret {
        canvass::token::Secret::load_or_create(std::path::Path::new(&self.private_paths().0))
            .unwrap()
    }

    pub fn name(&self) -> &'static str {
        if self.postgres.is_some() {
            "postgres"
        } else {
            "sqlite"
        }
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

    pub fn cli_with(
        &self,
        surveys: &Path,
        args: &[&str],
    ) -> Result<String, canvass::error::AppError> {
        let url = self.url_string();
        let mut argv = vec!["canvass", "--database-url", &url, "--min-cell", "5"];
        let surveys = surveys.display().to_string();
        argv.extend(["--surveys-dir", &surveys]);
        let (key, outbox) = self.private_paths();
        argv.extend(["--secret-file", &key, "--outbox-dir", &outbox]);
        argv.extend(args);
        let cli = canvass::cli::Cli::try_parse_from(argv).unwrap();
        let mut out = Vec::new();
        canvass::cli::run(cli, &mut out).map(|()| String::from_utf8(out).unwrap())
    }

    /// Runs the real binary against this database.
    pub fn bin(&self, args: &[&str]) -> Output {
        self.bin_with(&repo_surveys(), args)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.postgres {
            if let Ok(mut conn) = PgConnection::establish(admin) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn);
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

/// A free loopback port (bound, read, released).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Counts rows of a table, to show that a failed command wrote nothing.
pub fn count_rows(conn: &mut Conn, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
        .get_result::<N>(&mut **conn)
        .unwrap()
        .n
}

// Helpers of the members, rounds, responses and cli tests.

/// The fixture surveys folder, holding the small `mini` survey.
/// `text` without Fluent's isolation marks (U+2068, U+2069), which wrap
/// every placeable on pages and in mails, for tests that read the words.
pub fn unisolated(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

pub fn fixture_surveys() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/surveys")
}

/// A surveys folder of the test's own (`<test dir>/<folder>`) holding a copy
/// of the fixture survey `id`, for tests that edit or break survey files.
pub fn fixture_copy(db: &TestDb, folder: &str, id: &str) -> PathBuf {
    let surveys = db.dir.path().join(folder);
    let target = surveys.join(id);
    std::fs::create_dir_all(&target).unwrap();
    for entry in std::fs::read_dir(fixture_surveys().join(id)).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
    }
    surveys
}

/// Replaces `from` by `to` in a file, asserting that `from` was there.
pub fn edit_file(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} holds no {from:?}", path.display());
    std::fs::write(path, text.replace(from, to)).unwrap();
}

/// Stdout and stderr of a finished process, as text.
pub fn out_err(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

impl TestDb {
    /// Writes a file in the test's folder and returns its path as an argument.
    pub fn file_arg(&self, name: &str, content: &str) -> String {
        self.file(name, content).to_str().unwrap().to_string()
    }

    /// Imports the members `rows` (as for `members_csv`); panics on failure.
    pub fn import_members(&self, rows: &[String]) -> String {
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        let file = self.file_arg("members-import.csv", &members_csv(&rows));
        self.cli(&["members", "import", &file]).unwrap()
    }

    /// Runs the real binary against this database and the surveys folder `surveys`.
    pub fn bin_with(&self, surveys: &Path, args: &[&str]) -> Output {
        std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
            .args(["--database-url", &self.url_string()])
            .args([
                "--secret-file",
                &self.private_paths().0,
                "--outbox-dir",
                &self.private_paths().1,
                "--surveys-dir",
            ])
            .arg(surveys)
            .args(args)
            .env_remove("CANVASS_MIN_CELL")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    }
}

/// An error as the binary prints it: the summary, then every detail line.
pub fn error_text(e: &canvass::error::AppError) -> String {
    let mut s = e.to_string();
    for d in e.details() {
        s.push('\n');
        s.push_str(d);
    }
    s
}

// Helpers of the mail tests.

impl TestDb {
    /// Starts the real binary against this database and the surveys folder
    /// `surveys` without waiting for it, for tests that kill it mid-way.
    pub fn bin_spawn(&self, surveys: &Path, args: &[&str]) -> std::process::Child {
        self.bin_spawn_via(&self.url_string(), surveys, args)
    }

    /// As `bin_spawn`, reaching this test's database through `url` (a
    /// proxy in front of it).
    pub fn bin_spawn_via(&self, url: &str, surveys: &Path, args: &[&str]) -> std::process::Child {
        let (key, outbox) = self.private_paths();
        std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
            .args(["--database-url", url])
            .args([
                "--secret-file",
                &key,
                "--outbox-dir",
                &outbox,
                "--surveys-dir",
            ])
            .arg(surveys)
            .args(args)
            .env_remove("CANVASS_MIN_CELL")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    }
}
