//! Storage: one diesel `MultiConnection` over SQLite and PostgreSQL, the r2d2
//! pool in front of it, and the embedded migrations of each backend.
//!
//! Queries are written once against `schema` and the enum. What differs
//! per backend is matched on the variant inside `db` alone: the plumbing
//! here (opening connections, migrations, transactions, `insert_rows!`,
//! `Lookup`), whole statements in [`backend`]. (The web layer only asks
//! whether a pooled connection is SQLite, to pick the thread a read runs
//! on.) Functions return `AppResult`.

pub mod backend;
pub mod outbox_state;
pub mod schema;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::config::DatabaseUrl;
use crate::error::{AppError, AppResult};

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(diesel::SqliteConnection),
    Pg(diesel::PgConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Opens connections of the backend the URL names (the derived `establish`
/// would try every backend in turn, and SQLite takes any string as a path).
#[derive(Clone, Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let path = path.to_string_lossy();
                let mut conn = diesel::SqliteConnection::establish(&path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // WAL lets the web server read while the CLI writes; the busy
                // timeout turns lock contention into waiting, not errors. A
                // 4 MiB page cache per connection: 8 MiB served links no
                // faster and, once pages of answers filled it, took the
                // server past its 64 MB (BENCHMARKS.md).
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                     PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; \
                     PRAGMA wal_autocheckpoint = 10000; PRAGMA cache_size = -4096;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConnection::Pg)
                .map_err(diesel::r2d2::Error::ConnectionError),
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        LOST.with(|lost| lost.replace(false)) || r2d2::R2D2Connection::is_broken(conn)
    }
}

thread_local! {
    /// Set by [`with_connection`] when the work on a connection failed
    /// because the connection is gone; read when it goes back to the pool
    /// (on the same thread), which then drops it instead of keeping it.
    static LOST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` on `conn` and, if the connection turned out to be lost (the
/// database restarted), has the pool drop it when it comes back. This is
/// what lets PostgreSQL checkouts skip a `SELECT 1` round trip each.
pub fn with_connection<T>(
    mut conn: Conn,
    f: impl FnOnce(&mut DbConnection) -> AppResult<T>,
) -> AppResult<T> {
    let outcome = f(&mut conn);
    if matches!(outcome, Err(AppError::Connection(_))) {
        LOST.with(|lost| lost.set(true));
    }
    drop(conn);
    outcome
}

/// On SQLite, checkpoints the write-ahead log from a thread of its own,
/// so that a commit does not also copy pages into the database file: that
/// copy took a sixth of the single writer's time under a stream of
/// submissions. Every 250 ms a `PASSIVE` checkpoint (it never waits) copies
/// what it can; once the log passes 1,000 pages (4 MB) a `TRUNCATE`
/// checkpoint, which waits for the writer of the moment, lets the log
/// start again from empty, so it cannot grow without end under steady
/// writes. Connections still checkpoint themselves past 10,000 pages
/// (`wal_autocheckpoint`), should this thread fall behind. Nothing to do
/// on PostgreSQL.
pub fn spawn_checkpointer(url: &DatabaseUrl) {
    let DatabaseUrl::Sqlite(path) = url else {
        return;
    };
    let path = path.to_string_lossy().into_owned();
    let started = std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || {
            let mut conn = match diesel::SqliteConnection::establish(&path)
                .map_err(|e| e.to_string())
                .and_then(|mut c| {
                    c.batch_execute("PRAGMA busy_timeout = 2000;")
                        .map(|()| c)
                        .map_err(|e| e.to_string())
                }) {
                Ok(c) => c,
                Err(e) => return tracing::warn!("no background checkpoints: {e}"),
            };
            loop {
                std::thread::sleep(Duration::from_millis(250));
                if let Err(e) = checkpoint(&mut conn) {
                    tracing::warn!("background checkpoint failed: {e}");
                }
            }
        });
    if let Err(e) = started {
        tracing::warn!("no background checkpoints: {e}");
    }
}

fn checkpoint(conn: &mut diesel::SqliteConnection) -> diesel::QueryResult<()> {
    #[derive(QueryableByName)]
    struct Outcome {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        log: i32,
    }
    let passive: Vec<Outcome> = diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").load(conn)?;
    if passive.first().is_some_and(|o| o.log > 1_000) {
        diesel::sql_query("PRAGMA wal_checkpoint(TRUNCATE)").load::<Outcome>(conn)?;
    }
    Ok(())
}

pub type Pool = r2d2::Pool<Manager>;
pub type Conn = PooledConnection<Manager>;

/// A pool on `url` with the schema brought up to date.
pub fn connect(url: &DatabaseUrl) -> AppResult<Pool> {
    if let DatabaseUrl::Sqlite(path) = url {
        private_sqlite_files(path)?;
    }
    let size = match url {
        DatabaseUrl::Sqlite(_) => 4,
        DatabaseUrl::Postgres(_) => 16,
    };
    let pool = r2d2::Pool::builder()
        .max_size(size)
        // No background connects: a command that exits while r2d2 opens a
        // spare connection can crash in libpq's TLS clean-up.
        .min_idle(Some(0))
        .connection_timeout(Duration::from_secs(10))
        // No `SELECT 1` on every checkout: a connection cut by a server
        // restart fails its next query (503 on the web), and
        // `with_connection` has the pool drop it then.
        .test_on_check_out(false)
        .build(Manager { url: url.clone() })
        .map_err(|e| AppError::Connection(format!("cannot open {}: {e}", url.redacted())))?;
    let mut conn = pool
        .get()
        .map_err(|e| AppError::Connection(format!("cannot open {}: {e}", url.redacted())))?;
    migrate(&mut conn)?;
    Ok(pool)
}

/// The SQLite file holds personal data, so it is made here, owner-only,
/// before SQLite opens it: SQLite gives the `-wal` and `-shm` files it
/// creates the rights of the database file. Files of an older install that
/// are more open are tightened, the `-wal` and `-shm` too.
fn private_sqlite_files(path: &std::path::Path) -> AppResult<()> {
    crate::private_files::create_file(path)?;
    for suffix in ["-wal", "-shm"] {
        let mut beside = path.as_os_str().to_owned();
        beside.push(suffix);
        crate::private_files::tighten(std::path::Path::new(&beside))?;
    }
    Ok(())
}

/// Applies pending migrations of the connection's backend; returns how many.
pub fn migrate(conn: &mut DbConnection) -> AppResult<usize> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConnection::Pg(c) => c
            .run_pending_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.len()),
    };
    applied.map_err(|e| AppError::Connection(format!("migrating the schema failed: {e}")))
}

/// One SQLite writer at a time in this process (see `transaction`).
static WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` in one transaction: every command's writes land whole or not at all.
///
/// On SQLite the outermost transaction starts with `BEGIN IMMEDIATE`: a
/// deferred one that reads and then writes cannot wait for another writer
/// (SQLite answers "database is locked" at once instead of using the busy
/// timeout), so the write lock is taken up front, where waiting works.
pub fn transaction<T>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> AppResult<T>,
) -> AppResult<T> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let outermost_sqlite = match conn {
        DbConnection::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c)
            .transaction_depth()?
            .is_none(),
        DbConnection::Pg(_) => false,
    };
    if !outermost_sqlite {
        return conn.transaction(f);
    }
    // Writers of this process queue here rather than in SQLite's busy
    // handler, which sleeps 1, 2, 5, 10… up to 100 ms between tries and so
    // left the database idle while submissions waited (other processes,
    // such as the command line, still meet the busy timeout).
    let _turn = WRITER
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let DbConnection::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let outcome = f(conn);
    if let DbConnection::Sqlite(c) = conn {
        match &outcome {
            Ok(_) => AnsiTransactionManager::commit_transaction(c)?,
            Err(_) => AnsiTransactionManager::rollback_transaction(c)?,
        }
    }
    outcome
}

/// Runs `f` with commits that do not wait for the disk on PostgreSQL
/// (`synchronous_commit = off` for this session, reset afterwards). Only for
/// bookkeeping that may be lost in a database crash without harm: the mail
/// sender's claims and "sent" marks (a crash of PostgreSQL itself could then
/// send the last fraction of a second's mails again; a crash of canvass
/// loses nothing, as commits still reach PostgreSQL in order). Answers are
/// never written this way. SQLite already commits without a sync in WAL mode.
pub fn relaxed_commits<T>(
    conn: &mut DbConnection,
    f: impl FnOnce(&mut DbConnection) -> AppResult<T>,
) -> AppResult<T> {
    let DbConnection::Pg(c) = conn else {
        return f(conn);
    };
    c.batch_execute("SET synchronous_commit = off")?;
    let outcome = f(conn);
    if let DbConnection::Pg(c) = conn {
        if c.batch_execute("RESET synchronous_commit").is_err() {
            // Never hand this session back with the setting on.
            LOST.with(|lost| lost.set(true));
        }
    }
    outcome
}

/// True when the error is a unique-constraint violation (a race lost to
/// another writer, or a duplicate the caller should report).
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// Rows per multi-row `INSERT` on SQLite: at most 12 columns × 2,000 rows
/// stays under its 32,766 bound parameters.
pub const CHUNK: usize = 2_000;

/// Inserts a `Vec` of `Insertable` rows into a table, evaluating to how many:
/// on SQLite one multi-row `INSERT` per [`CHUNK`], on PostgreSQL one
/// multi-row `INSERT` up to a [`CHUNK`] (one round trip) and one binary
/// `COPY` beyond. The `MultiConnection` enum has neither, so this matches on the
/// variant; row structs must say `treat_none_as_default_value = false` (SQLite has no
/// `DEFAULT` inside a multi-row `VALUES`). For use where `?` converts
/// diesel errors, with `diesel::prelude::*` in scope.
#[macro_export]
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {{
        let rows = &$rows;
        match &mut *$conn {
            $crate::db::DbConnection::Sqlite(c) => {
                let mut inserted = 0usize;
                for chunk in rows.chunks($crate::db::CHUNK) {
                    inserted += diesel::insert_into($table).values(chunk).execute(c)?;
                }
                inserted
            }
            $crate::db::DbConnection::Pg(c) if rows.len() <= $crate::db::CHUNK => {
                if rows.is_empty() {
                    0
                } else {
                    diesel::insert_into($table).values(&rows[..]).execute(c)?
                }
            }
            $crate::db::DbConnection::Pg(c) => {
                diesel::copy_from($table).from_insertable(rows).execute(c)?
            }
        }
    }};
}
pub use crate::insert_rows;

/// `.first(conn).optional()` without its `LIMIT ?`, for lookups by a unique
/// key or of one aggregate, run on the concrete connection. SQLite (3.46
/// and later) plans a bound `LIMIT` as a constant and so re-prepared the
/// statement on every call, and the `MultiConnection` enum writes the SQL
/// out again on every call: together most of a respondent page's time.
pub trait Lookup: Sized {
    fn lookup<'q, U>(self, conn: &mut DbConnection) -> diesel::QueryResult<Option<U>>
    where
        Self: diesel::query_dsl::LoadQuery<'q, diesel::SqliteConnection, U>
            + diesel::query_dsl::LoadQuery<'q, diesel::PgConnection, U>,
    {
        use diesel::connection::DefaultLoadingMode;
        match conn {
            DbConnection::Sqlite(c) => self.load_iter::<U, DefaultLoadingMode>(c)?.next(),
            DbConnection::Pg(c) => self.load_iter::<U, DefaultLoadingMode>(c)?.next(),
        }
        .transpose()
    }
}

impl<T: RunQueryDsl<DbConnection>> Lookup for T {}
