//! The real binary (contract §2): help, `error:` lines and exit codes,
//! `survey check|list`, `user add`, `migrate`, unreachable databases.

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;

use canvass::db::schema::users;

use crate::helpers::*;

const BIN: &str = env!("CARGO_BIN_EXE_canvass");

/// Asserts the contract's failure shape: non-zero exit, `error: ` first on
/// stderr, no panic. Returns stderr.
fn failed(o: &Output) -> String {
    let (out, err) = out_err(o);
    assert!(
        !o.status.success(),
        "should fail; stdout:\n{out}\nstderr:\n{err}"
    );
    assert!(
        err.starts_with("error: "),
        "stderr must start with `error: `:\n{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn succeeded(o: &Output) -> String {
    let (out, err) = out_err(o);
    assert!(
        o.status.success(),
        "should succeed; stdout:\n{out}\nstderr:\n{err}"
    );
    out
}

/// The binary with the password (or nothing) on a piped stdin.
fn bin_stdin(db: &TestDb, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(["--database-url", &db.url_string()])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // A command that fails before reading stdin closes it; that is no test failure.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    child.wait_with_output().unwrap()
}

fn user_rows(db: &TestDb) -> Vec<(String, String, Option<String>, String)> {
    users::table
        .select((
            users::email,
            users::role,
            users::region,
            users::password_hash,
        ))
        .order(users::email)
        .load(&mut *db.conn())
        .unwrap()
}

/// Every command path of the command line, from clap's own definition.
fn command_paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    out.push(prefix.to_vec());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut path = prefix.to_vec();
        path.push(sub.get_name().to_string());
        command_paths(sub, &path, out);
    }
}

#[test]
fn every_command_has_help() {
    let mut paths = Vec::new();
    command_paths(
        &<canvass::cli::Cli as clap::CommandFactory>::command(),
        &[],
        &mut paths,
    );
    // The contract's commands (§2) are all there.
    let contract = [
        "migrate",
        "survey check",
        "survey list",
        "members import",
        "members list",
        "round create",
        "round invite",
        "round remind",
        "round open",
        "round close",
        "round status",
        "responses import",
        "results",
        "user add",
        "serve",
        "demo",
    ];
    for c in contract {
        assert!(
            paths.iter().any(|p| p.join(" ") == c),
            "no command `{c}` in {paths:?}"
        );
    }
    for path in paths {
        let o = Command::new(BIN)
            .args(&path)
            .arg("--help")
            .output()
            .unwrap();
        let (out, err) = out_err(&o);
        assert!(o.status.success(), "{path:?} --help: {err}");
        assert!(out.contains("Usage: canvass"), "{path:?} --help:\n{out}");
    }
}

#[test]
fn an_unknown_round_fails_with_an_error_line_naming_it() {
    for db in backends() {
        let file = db.file_arg("a.csv", "member,law_change\nm1,unchanged\n");
        let commands: [&[&str]; 7] = [
            &["round", "status", "ghost"],
            &["round", "close", "ghost"],
            &["round", "open", "ghost"],
            &["round", "invite", "ghost"],
            &["round", "remind", "ghost"],
            &["results", "ghost", "--format", "csv"],
            &["responses", "import", "ghost", &file],
        ];
        for args in commands {
            let o = db.bin(args);
            let err = failed(&o);
            assert!(
                err.lines().next().unwrap().contains("ghost"),
                "{} {args:?}: {err}",
                db.name()
            );
            assert!(o.stdout.is_empty(), "{args:?} printed to stdout");
        }
    }
}

#[test]
fn a_bad_members_import_prints_every_bad_line_on_stderr() {
    for db in backends() {
        let file = db.file_arg(
            "bad.csv",
            &members_csv(&[
                "m1,Org,KE,africa,a@x.org,en,,",
                "m2,Org,KE,africa,nope,en,,",
                "m3,Org,ZZ,africa,c@x.org,en,,",
            ]),
        );
        let err = failed(&db.bin(&["members", "import", &file]));
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(
            lines[0],
            format!("error: {file} has 2 problem(s); nothing was imported"),
            "{err}"
        );
        assert!(lines[1].contains("bad.csv:3: email \"nope\""), "{err}");
        assert!(lines[2].contains("bad.csv:4: country \"ZZ\""), "{err}");
        assert_eq!(count_rows(&mut db.conn(), "members"), 0, "{}", db.name());
    }
}

#[test]
fn migrate_twice_is_fine() {
    for db in backends() {
        for _ in 0..2 {
            let out = succeeded(&db.bin(&["migrate"]));
            assert!(out.contains("is up to date"), "{out}");
        }
    }
}

#[test]
fn unreachable_postgres_fails_within_seconds_with_a_clear_error() {
    let start = Instant::now();
    let o = Command::new(BIN)
        .args([
            "--database-url",
            "postgres://postgres@127.0.0.1:1/x",
            "members",
            "list",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let took = start.elapsed();
    let err = failed(&o);
    assert!(took < Duration::from_secs(15), "took {took:?}");
    assert!(err.lines().next().unwrap().contains("127.0.0.1:1"), "{err}");
}

#[test]
fn sqlite_file_in_a_missing_folder_fails_with_a_clear_error() {
    let o = Command::new(BIN)
        .args([
            "--database-url",
            "sqlite:///nonexistent-canvass-dir/x.db",
            "migrate",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = failed(&o);
    assert!(err.contains("/nonexistent-canvass-dir/x.db"), "{err}");
}

#[test]
fn a_bad_trusted_proxy_is_named_before_anything_starts() {
    let o = Command::new(BIN)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env(
            "CANVASS_DATABASE_URL",
            "sqlite:///nonexistent-canvass-dir/x.db",
        )
        .env("CANVASS_TRUSTED_PROXIES", "10.0.0.1, proxy.internal")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let err = failed(&o);
    assert!(
        err.contains("CANVASS_TRUSTED_PROXIES") && err.contains("\"proxy.internal\""),
        "{err}"
    );
}

/// A copy of the mini survey with one problem in each file; returns the
/// surveys folder.
fn broken_mini(db: &TestDb) -> std::path::PathBuf {
    let surveys = fixture_copy(db, "broken", "mini");
    let dir = surveys.join("mini");
    edit_file(
        &dir.join("survey.toml"),
        "default_language = \"en\"\n",
        "default_language = \"en\"\ncolour = \"red\"\n",
    );
    edit_file(
        &dir.join("survey.toml"),
        "  integer = true\n",
        "  integer = true\n  step = 5\n",
    );
    let mut en = std::fs::read_to_string(dir.join("en.ftl")).unwrap();
    en.push_str("q-staff = Again\n");
    std::fs::write(dir.join("en.ftl"), en).unwrap();
    let mut fr = std::fs::read_to_string(dir.join("fr.ftl")).unwrap();
    fr.push_str("q-law_areas =\n");
    std::fs::write(dir.join("fr.ftl"), fr).unwrap();
    surveys
}

#[test]
fn survey_check_reports_every_problem_with_file_line_and_column() {
    let db = TestDb::sqlite();
    let surveys = broken_mini(&db);
    let dir = surveys.join("mini");
    let o = db.bin_with(&surveys, &["survey", "check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = failed(&o);
    assert!(err.contains("4 problem(s)"), "{err}");
    let out = out_err(&o).0;
    let d = dir.display();
    for want in [
        format!("{d}/survey.toml:5:1: error: unknown key `colour` in the survey"),
        format!("{d}/survey.toml:29:3: error: unknown key `step` in question `staff`"),
        format!("{d}/en.ftl:21:1: error: message `q-staff` is defined again (first on line 11)"),
        format!("{d}/fr.ftl:4:1: error: Fluent syntax:"),
        format!("{d}: 4 error(s), 17 warning(s)"),
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(&want)),
            "missing {want} in\n{out}"
        );
    }
    // Naming the folder gives the same report.
    let o2 = db.bin_with(&surveys, &["survey", "check", dir.to_str().unwrap()]);
    assert_eq!(out_err(&o2).0, out);
}

#[test]
fn strict_survey_check_turns_translation_warnings_into_failure() {
    let db = TestDb::sqlite();
    let o = db.bin_with(&fixture_surveys(), &["survey", "check"]);
    let out = succeeded(&o);
    let fr = fixture_surveys().join("mini/fr.ftl");
    let warning = format!(
        "{}:1:1: warning: message `q-law_areas` is missing",
        fr.display()
    );
    assert!(out.contains(&warning), "{out}");
    assert!(out.contains("0 error(s), 17 warning(s)"), "{out}");
    let o = db.bin_with(&fixture_surveys(), &["survey", "check", "--strict"]);
    assert_eq!(o.status.code(), Some(1));
    let err = failed(&o);
    assert!(err.contains("17 problem(s)"), "{err}");
}

#[test]
fn repository_surveys_pass_the_check_without_warnings() {
    let db = TestDb::sqlite();
    let out = succeeded(&db.bin(&["survey", "check", "--strict"]));
    assert!(!out.contains("warning:"), "{out}");
    assert!(
        out.lines()
            .all(|l| l.ends_with(": 0 error(s), 0 warning(s)")),
        "{out}"
    );
}

#[test]
fn survey_list_shows_languages_with_percentages() {
    let db = TestDb::sqlite();
    let out = succeeded(&db.bin_with(&fixture_surveys(), &["survey", "list"]));
    let row = out
        .lines()
        .find(|l| l.starts_with("mini "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.ends_with("en 100%, fr 15%"), "{out}");
    let out = succeeded(&db.bin(&["survey", "list"]));
    let row = out
        .lines()
        .find(|l| l.starts_with("member_survey "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains("en 100%"), "{out}");
    for lang in ["es", "fr", "ru", "zh"] {
        assert!(row.contains(&format!(", {lang} ")), "{lang} missing: {out}");
    }
}

#[test]
fn survey_list_flags_a_broken_survey() {
    let db = TestDb::sqlite();
    let surveys = broken_mini(&db);
    let out = succeeded(&db.bin_with(&surveys, &["survey", "list"]));
    assert!(
        out.contains("4 error(s): run canvass survey check"),
        "{out}"
    );
}

#[test]
fn user_add_reads_the_password_from_stdin() {
    for db in backends() {
        let o = bin_stdin(
            &db,
            &[
                "user",
                "add",
                "Reviewer@Example.org",
                "--role",
                "regional",
                "--region",
                "africa",
            ],
            "correct horse battery\n",
        );
        let out = succeeded(&o);
        assert!(!out.contains("correct horse"), "{out}");
        let rows = user_rows(&db);
        assert_eq!(rows.len(), 1, "{}", db.name());
        let (email, role, region, hash) = &rows[0];
        assert_eq!(
            (email.as_str(), role.as_str(), region.as_deref()),
            ("reviewer@example.org", "regional", Some("africa"))
        );
        assert!(!hash.contains("correct horse"));
        assert!(
            canvass::users::verify_password("correct horse battery", hash),
            "{}",
            db.name()
        );
    }
}

#[test]
fn user_add_without_stdin_prints_a_generated_password_once() {
    for db in backends() {
        for email in ["a@example.org", "b@example.org"] {
            let args = ["user", "add", email, "--role", "secretariat"];
            // Stdin closed at once, then stdin piped but empty.
            let o = if email.starts_with('a') {
                db.bin(&args)
            } else {
                bin_stdin(&db, &args, "")
            };
            let (out, err) = out_err(&o);
            assert!(o.status.success(), "{err}");
            assert!(out.contains("password (shown once): "), "{out}");
            let password = out.trim_end().rsplit(": ").next().unwrap().to_string();
            assert!(password.len() >= 16, "{out}");
            assert_eq!(out.matches(&password).count(), 1, "{out}");
            assert!(!err.contains(&password), "{err}");
            let rows = user_rows(&db);
            let hash = &rows.iter().find(|r| r.0 == email).unwrap().3;
            assert!(
                canvass::users::verify_password(&password, hash),
                "{}: {out}",
                db.name()
            );
        }
    }
}

#[test]
fn a_duplicate_user_is_refused() {
    for db in backends() {
        succeeded(&bin_stdin(
            &db,
            &["user", "add", "a@example.org", "--role", "secretariat"],
            "correct horse battery\n",
        ));
        let err = failed(&bin_stdin(
            &db,
            &["user", "add", "A@Example.org", "--role", "secretariat"],
            "another password here\n",
        ));
        assert!(err.contains("a@example.org"), "{err}");
        let rows = user_rows(&db);
        assert_eq!(rows.len(), 1, "{}", db.name());
        assert!(
            canvass::users::verify_password("correct horse battery", &rows[0].3),
            "the first password must stay"
        );
    }
}

#[test]
fn bad_user_options_are_refused_and_store_nothing() {
    for db in backends() {
        let cases: [(&[&str], &str); 5] = [
            (
                &["user", "add", "r@example.org", "--role", "regional"],
                "--region",
            ),
            (
                &[
                    "user",
                    "add",
                    "s@example.org",
                    "--role",
                    "secretariat",
                    "--region",
                    "africa",
                ],
                "--region",
            ),
            (
                &["user", "add", "s@example.org", "--role", "admin"],
                "admin",
            ),
            (
                &["user", "add", "not-an-address", "--role", "secretariat"],
                "not-an-address",
            ),
            (
                &[
                    "user",
                    "add",
                    "r@example.org",
                    "--role",
                    "regional",
                    "--region",
                    "Africa",
                ],
                "Africa",
            ),
        ];
        for (args, named) in cases {
            let err = failed(&bin_stdin(&db, args, "correct horse battery\n"));
            assert!(
                err.lines().next().unwrap().contains(named),
                "{} {args:?}: {err}",
                db.name()
            );
        }
        let err = failed(&bin_stdin(
            &db,
            &["user", "add", "s@example.org", "--role", "secretariat"],
            "short\n",
        ));
        assert!(err.contains("at least"), "{err}");
        assert_eq!(count_rows(&mut db.conn(), "users"), 0, "{}", db.name());
    }
}

/// The mini survey with a broken indicator and a duplicate message in en.ftl.
fn mini_with_bad_indicator_and_text(db: &TestDb) -> std::path::PathBuf {
    let surveys = fixture_copy(db, "bad_indicator", "mini");
    edit_file(
        &surveys.join("mini/survey.toml"),
        "question = \"rating\"",
        "question = \"ratings\"",
    );
    let en = surveys.join("mini/en.ftl");
    let mut text = std::fs::read_to_string(&en).unwrap();
    text.push_str("q-staff = Again\n");
    std::fs::write(&en, text).unwrap();
    surveys
}

#[test]

fn survey_check_reports_text_problems_even_when_an_indicator_is_broken() {
    let db = TestDb::sqlite();
    let surveys = mini_with_bad_indicator_and_text(&db);
    let out = out_err(&db.bin_with(&surveys, &["survey", "check"])).0;
    assert!(
        out.contains("survey.toml:71:12: error: indicator `rating_high` refers to `ratings`"),
        "{out}"
    );
    assert!(
        out.contains("en.ftl:21:1: error: message `q-staff` is defined again"),
        "{out}"
    );
}

#[test]

fn a_bad_option_is_reported_once_without_follow_on_errors() {
    let db = TestDb::sqlite();
    let surveys = fixture_copy(&db, "bad_option", "mini");
    edit_file(
        &surveys.join("mini/survey.toml"),
        "[\"policing\", \"health\", \"labour\"]",
        "[\"policing\", \"Health\", \"labour\"]",
    );
    let o = db.bin_with(&surveys, &["survey", "check"]);
    let out = out_err(&o).0;
    assert!(
        out.contains(
            "survey.toml:18:26: error: option `Health` of question `law_areas` is not an id"
        ),
        "{out}"
    );
    assert!(
        !out.contains("which is not a question of this survey"),
        "law_areas is a question of the survey:\n{out}"
    );
    assert!(out.contains(": 1 error(s)"), "{out}");
}

#[test]
fn postgres_commands_exit_cleanly_every_time() {
    for db in backends() {
        for run in 0..60 {
            let o = db.bin(&["members", "list"]);
            let (out, err) = out_err(&o);
            assert!(
                o.status.success(),
                "{} run {run}: {:?}\nstdout:\n{out}\nstderr:\n{err}",
                db.name(),
                o.status
            );
        }
    }
}

/// A surveys folder with the fixture survey and a names folder whose
/// English file is broken on line 2 and whose French file lacks a name.
fn surveys_with_broken_names(db: &TestDb) -> std::path::PathBuf {
    let surveys = fixture_copy(db, "names-surveys", "mini");
    let names = surveys.join("_network");
    std::fs::create_dir_all(&names).unwrap();
    std::fs::write(
        names.join("en.ftl"),
        "region-africa = Africa\nregion-europe Europe\ntype-national = National\n",
    )
    .unwrap();
    std::fs::write(names.join("fr.ftl"), "region-africa = Afrique\n").unwrap();
    surveys
}

#[test]
fn survey_check_checks_the_network_names_and_list_skips_them() {
    let db = TestDb::sqlite();
    let surveys = surveys_with_broken_names(&db);
    let names = surveys.join("_network");
    let o = db.bin_with(&surveys, &["survey", "check"]);
    assert_eq!(o.status.code(), Some(1));
    let out = out_err(&o).0;
    let (en, fr) = (names.join("en.ftl"), names.join("fr.ftl"));
    for want in [
        format!("{}:2:15: error: Fluent syntax:", en.display()),
        format!(
            "{}:1:1: warning: message `type-national` is missing; the English name is shown instead",
            fr.display()
        ),
        format!("{}: 1 error(s), 1 warning(s)", names.display()),
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(&want)),
            "missing {want} in\n{out}"
        );
    }
    // Named on the command line, the folder gives the same lines.
    let o = db.bin_with(&surveys, &["survey", "check", names.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(out_err(&o).0.contains("Fluent syntax"));
    // `survey list` knows only surveys.
    let list = succeeded(&db.bin_with(&surveys, &["survey", "list"]));
    assert!(list.lines().any(|l| l.starts_with("mini ")), "{list}");
    assert!(!list.contains("_network"), "{list}");
}
