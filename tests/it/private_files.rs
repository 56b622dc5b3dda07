//! Files holding personal data are owner-only whatever the umask (issue
//! 10): the SQLite database with its `-wal` and `-shm` files, the outbox
//! folder and its `.eml` files (personal links), the key file, and the
//! demo's copies of them. Each command runs as the real binary under
//! `umask 022`, which would otherwise leave them readable by every local
//! user. PostgreSQL keeps its data in the server: only the outbox applies.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::helpers::*;

fn mode(path: &Path) -> u32 {
    let meta = std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    meta.permissions().mode() & 0o777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `canvass FLAGS ARGS` under `umask 022`; the shell first makes
/// `dir/control`, whose 0644 shows that the umask was in force.
fn under_umask_022(dir: &Path, flags: &[String], args: &[&str]) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(r#"umask 022; : > "$CONTROL"; exec "$0" "$@""#)
        .arg(env!("CARGO_BIN_EXE_canvass"))
        .args(flags)
        .args(args)
        .env("CONTROL", dir.join("control"))
        .env_remove("CANVASS_MIN_CELL")
        .stdin(Stdio::null());
    c
}

/// Runs [`under_umask_022`] to its end, which must be a success; its stdout.
fn run_022(dir: &Path, flags: &[String], args: &[&str]) -> String {
    let o = under_umask_022(dir, flags, args).output().unwrap();
    let (out, err) = out_err(&o);
    assert!(
        o.status.success(),
        "{args:?}: stdout:\n{out}\nstderr:\n{err}"
    );
    assert_eq!(mode(&dir.join("control")), 0o644, "the umask was not 022");
    out
}

/// The settings flags for `url`, with the key and outbox in `dir`.
fn flags(url: &str, dir: &Path) -> Vec<String> {
    let path = |name: &str| dir.join(name).display().to_string();
    vec![
        "--database-url".into(),
        url.into(),
        "--secret-file".into(),
        path("canvass.key"),
        "--outbox-dir".into(),
        path("outbox"),
        "--surveys-dir".into(),
        fixture_surveys().display().to_string(),
    ]
}

/// A new SQLite database `canvass.db` in `dir`; its path and flags.
fn sqlite_in(dir: &Path) -> (PathBuf, Vec<String>) {
    let db = dir.join("canvass.db");
    let f = flags(&format!("sqlite://{}", db.display()), dir);
    run_022(dir, &f, &["migrate"]);
    (db, f)
}

fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Waits until every one of `paths` exists (a server opening its database).
fn wait_for(paths: &[&Path]) {
    let start = Instant::now();
    while !paths.iter().all(|p| p.exists()) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{paths:?} never appeared"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The files of a folder.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

#[test]
fn the_sqlite_database_and_its_wal_and_shm_are_owner_only_under_umask_022() {
    let dir = tempfile::tempdir().unwrap();
    let (db, f) = sqlite_in(dir.path());
    assert_eq!(mode(&db), 0o600);
    // A server keeps connections open, and with them the -wal and -shm,
    // which SQLite itself creates.
    let mut server = under_umask_022(dir.path(), &f, &["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (wal, shm, outbox) = (
        beside(&db, "-wal"),
        beside(&db, "-shm"),
        dir.path().join("outbox"),
    );
    wait_for(&[&wal, &shm, &outbox]);
    let modes = [mode(&db), mode(&wal), mode(&shm), mode(&outbox)];
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(
        modes,
        [0o600, 0o600, 0o600, 0o700],
        "db, -wal, -shm, outbox"
    );
    assert_eq!(mode(&dir.path().join("canvass.key")), 0o600);
}

#[test]
fn an_existing_database_open_to_others_is_made_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let (db, f) = sqlite_in(dir.path());
    // As an older canvass, or a copy made under umask 022, left them.
    let (wal, shm) = (beside(&db, "-wal"), beside(&db, "-shm"));
    for p in [&db, &wal, &shm] {
        if !p.exists() {
            std::fs::write(p, "").unwrap();
        }
        chmod(p, 0o644);
    }
    run_022(dir.path(), &f, &["members", "list"]);
    assert_eq!(mode(&db), 0o600);
    for p in [&wal, &shm].into_iter().filter(|p| p.exists()) {
        assert_eq!(mode(p), 0o600, "{}", p.display());
    }
}

#[test]
fn the_outbox_folder_and_its_mails_are_owner_only_under_umask_022() {
    for db in backends() {
        let ctx = db.name();
        let rows = [
            "m1,Org One,KE,africa,a@x.org,en,,",
            "m2,Org Two,KE,africa,b@x.org;c@x.org,en,,",
        ];
        db.import_members(&rows.map(String::from));
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        let (dir, outbox) = (db.dir.path(), db.dir.path().join("outbox"));
        assert!(!outbox.exists(), "{ctx}: made before the test looks");
        let f = flags(&db.url_string(), dir);
        let out = run_022(dir, &f, &["round", "invite", "r1"]);
        assert!(out.contains("3 mail(s) sent"), "{ctx}: {out}");
        assert_eq!(mode(&outbox), 0o700, "{ctx}");
        let mails = files_in(&outbox);
        assert_eq!(mails.len(), 3, "{ctx}: {mails:?}");
        for m in &mails {
            assert_eq!(m.extension().unwrap(), "eml", "{ctx}");
            assert_eq!(mode(m), 0o600, "{ctx}: {}", m.display());
        }
        // A folder left open by an older canvass is closed on next use.
        chmod(&outbox, 0o755);
        run_022(dir, &f, &["round", "remind", "r1"]);
        assert_eq!(mode(&outbox), 0o700, "{ctx}");
        assert_eq!(mode(&dir.join("canvass.key")), 0o600, "{ctx}");
    }
}

#[test]
fn the_demo_database_key_outbox_and_mails_are_owner_only_under_umask_022() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("canvass-demo.db");
    let arg = db.display().to_string();
    run_022(
        dir.path(),
        &[],
        &["demo", "--demo-db", &arg, "--members", "20", "--no-serve"],
    );
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&dir.path().join("canvass-demo.key")), 0o600);
    assert_eq!(mode(&dir.path().join("canvass-demo.members.csv")), 0o600);
    let outbox = dir.path().join("canvass-demo.outbox");
    assert_eq!(mode(&outbox), 0o700);
    let mails = files_in(&outbox);
    assert!(!mails.is_empty());
    assert!(mails.iter().all(|m| mode(m) == 0o600), "{mails:?}");
}
