//! `cargo bench --bench scale`: the in-process figures of BENCHMARKS.md at
//! federation scale, each the median of several runs on fresh data.
//!
//! SQLite always; PostgreSQL too when `CANVASS_BENCH_POSTGRES_URL` names a
//! server where databases may be created (each run makes its own and drops
//! it). `CANVASS_BENCH_SIZES` (default `10000,100000,1000000`) sets the
//! result sizes, `CANVASS_BENCH_RUNS` (default 3) the runs per figure. A
//! name after `--` keeps only the benchmarks whose name contains it
//! (`cargo bench --bench scale -- results`); `CANVASS_BENCH_HAND=0` skips
//! the slow hand-written SQL comparison; `CANVASS_BENCH_KEEP=1` keeps the
//! SQLite databases (in the temporary directory) for a look afterwards.
//!
//! Criterion is not used here: one sample of the 1M case needs minutes of
//! data generation, and criterion wants dozens of samples. The harness is
//! small: time each run with `Instant`, report the median, and read the
//! process's peak resident memory (VmHWM, reset before each measured call).

mod data;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use diesel::prelude::*;

use canvass::output::Format;
use data::{Backend, Res};

fn main() -> Res<()> {
    let only: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| only.as_deref().is_none_or(|o| name.contains(o));
    let runs: usize = env_or("CANVASS_BENCH_RUNS", "3").parse()?;
    let sizes: Vec<usize> = env_or("CANVASS_BENCH_SIZES", "10000,100000,1000000")
        .split(',')
        .map(|s| s.trim().parse())
        .collect::<Result<_, _>>()?;
    let tmp = tempfile::tempdir()?;
    let keep = std::env::var("CANVASS_BENCH_KEEP").is_ok_and(|v| v == "1");
    let dir = if keep {
        std::env::temp_dir()
    } else {
        tmp.path().to_path_buf()
    };
    // `CANVASS_BENCH_SQLITE=0` measures PostgreSQL alone.
    let mut backends = Vec::new();
    if env_or("CANVASS_BENCH_SQLITE", "1") != "0" {
        backends.push(Backend::Sqlite(dir));
    }
    if let Ok(url) = std::env::var("CANVASS_BENCH_POSTGRES_URL") {
        if !url.is_empty() {
            backends.push(Backend::Pg(url));
        }
    }
    let mut table = Table::default();
    if wanted("survey_check") {
        survey_check(&mut table, runs.max(11))?;
    }
    for backend in &backends {
        if wanted("members_import") {
            members_import(&mut table, backend, runs)?;
        }
        if wanted("round_invite") {
            round_invite(&mut table, backend, runs)?;
        }
        if wanted("results") {
            for &n in &sizes {
                results(&mut table, backend, n, runs)?;
            }
        }
    }
    let out = table.markdown(runs);
    println!("\n{out}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/results");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("scale.md"), out)?;
    Ok(())
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// Times `f` `runs` times (each after its own `setup`), returns the median.
fn median<S>(
    runs: usize,
    mut setup: impl FnMut() -> Res<S>,
    mut f: impl FnMut(&mut S) -> Res<()>,
) -> Res<Duration> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let mut state = setup()?;
        let start = Instant::now();
        f(&mut state)?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times[times.len() / 2])
}

/// The real command on the database at `url`: median wall time and the
/// largest peak resident size (VmHWM of the child, read until it exits).
fn results_command(url: &str, by: &str, runs: usize) -> Res<(Duration, f64)> {
    let tmp = tempfile::tempdir()?;
    let mut peak = 0.0f64;
    let took = median(
        runs,
        || Ok(()),
        |_| {
            let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
                .args(["results", "bench", "--format", "csv", "--by", by])
                .env("CANVASS_DATABASE_URL", url)
                .env("CANVASS_SECRET_FILE", tmp.path().join("canvass.key"))
                .env(
                    "CANVASS_SURVEYS_DIR",
                    concat!(env!("CARGO_MANIFEST_DIR"), "/surveys"),
                )
                .stdout(std::process::Stdio::null())
                .spawn()?;
            let status_file = format!("/proc/{}/status", child.id());
            let status = loop {
                if let Some(kb) = std::fs::read_to_string(&status_file)
                    .ok()
                    .and_then(|s| {
                        s.lines()
                            .find_map(|l| l.strip_prefix("VmHWM:"))
                            .map(str::to_string)
                    })
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
                {
                    peak = peak.max(kb / 1024.0);
                }
                if let Some(status) = child.try_wait()? {
                    break status;
                }
                std::thread::sleep(Duration::from_millis(2));
            };
            if !status.success() {
                return Err("canvass results failed".into());
            }
            Ok(())
        },
    )?;
    Ok((took, peak))
}

#[derive(Default)]
struct Table {
    rows: Vec<[String; 5]>,
}

impl Table {
    fn add(&mut self, what: &str, backend: &str, size: &str, figure: String, note: String) {
        println!("{what} | {backend} | {size} | {figure} | {note}");
        self.rows
            .push([what.into(), backend.into(), size.into(), figure, note]);
    }

    fn markdown(&self, runs: usize) -> String {
        let mut s = format!(
            "In-process figures, median of {runs} runs (survey check: of 11; the hand-written queries at 1M: one run).\n\n\
             | what | backend | size | median | notes |\n| --- | --- | --- | --- | --- |\n"
        );
        for r in &self.rows {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                r[0], r[1], r[2], r[3], r[4]
            );
        }
        s
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn survey_check(table: &mut Table, runs: usize) -> Res<()> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys/member_survey");
    let in_process = median(
        runs,
        || Ok(()),
        |_| {
            let (survey, diags) = canvass::survey::load(&dir);
            if survey.is_none() || !diags.is_empty() {
                return Err("the example survey does not check clean".into());
            }
            Ok(())
        },
    )?;
    table.add(
        "`survey check` (in process)",
        "-",
        "29 questions, 5 languages",
        ms(in_process),
        "target < 50 ms".into(),
    );
    let command = median(
        runs,
        || Ok(()),
        |_| {
            let status = std::process::Command::new(env!("CARGO_BIN_EXE_canvass"))
                .args(["survey", "check"])
                .arg(&dir)
                .stdout(std::process::Stdio::null())
                .status()?;
            if !status.success() {
                return Err("canvass survey check failed".into());
            }
            Ok(())
        },
    )?;
    table.add(
        "`canvass survey check` (whole command)",
        "-",
        "29 questions, 5 languages",
        ms(command),
        "process start included".into(),
    );
    Ok(())
}

fn members_import(table: &mut Table, backend: &Backend, runs: usize) -> Res<()> {
    let n = 100_000;
    let csv = data::members_csv(n);
    let took = median(
        runs,
        || backend.fresh("import"),
        |fresh| {
            let mut conn = fresh.pool.get()?;
            let summary = canvass::members::import(
                &mut conn,
                "members.csv",
                &csv,
                canvass::rounds::sync_all_open,
            )?;
            if summary.added != n {
                return Err(format!("imported {} of {n}", summary.added).into());
            }
            Ok(())
        },
    )?;
    let rate = n as f64 / took.as_secs_f64();
    table.add(
        "`members import` (parse, check, upsert)",
        backend.name(),
        "100k rows",
        ms(took),
        format!("{rate:.0} rows/s; target < 5 s"),
    );
    Ok(())
}

fn round_invite(table: &mut Table, backend: &Backend, runs: usize) -> Res<()> {
    let n = 100_000;
    let csv = data::members_csv(n);
    let survey = data::example_survey()?;
    let mut mails = 0i64;
    let took = median(
        runs,
        || {
            let fresh = backend.fresh("invite")?;
            let mut conn = fresh.pool.get()?;
            canvass::members::import(
                &mut conn,
                "members.csv",
                &csv,
                canvass::rounds::sync_all_open,
            )?;
            data::create_round(&mut conn, &survey)?;
            Ok(fresh)
        },
        |fresh| {
            let mut conn = fresh.pool.get()?;
            let invited =
                canvass::mail::outbox::queue_invitations(&mut conn, "bench", data::now())?;
            if invited != n {
                return Err(format!("invited {invited} of {n}").into());
            }
            use canvass::db::schema::outbox;
            mails = outbox::table.count().get_result(&mut conn)?;
            Ok(())
        },
    )?;
    let rate = mails as f64 / took.as_secs_f64();
    table.add(
        "`round invite`: invitations stamped and mails queued",
        backend.name(),
        "100k members, 200k mails",
        ms(took),
        format!("{rate:.0} mails queued/s; target < 10 s"),
    );
    Ok(())
}

fn results(table: &mut Table, backend: &Backend, n: usize, runs: usize) -> Res<()> {
    let survey = data::example_survey()?;
    let size = format!(
        "{}k responses × {} questions",
        n / 1000,
        survey.questions().count()
    );
    let fresh = backend.fresh("results")?;
    let mut conn = fresh.pool.get()?;
    let generated = Instant::now();
    let round = data::responses(&mut conn, &survey, n)?;
    println!(
        "{} {n}: data generated in {:.1} s",
        backend.name(),
        generated.elapsed().as_secs_f64()
    );
    let mut csv_len = 0;
    let took = median(
        runs,
        || Ok(()),
        |_| {
            let r = canvass::results::compute_live(&mut conn, &round, 5)?;
            let r = r.publish(canvass::results::Viewer::Secretariat, None)?;
            csv_len = r.render(Format::Csv)?.len();
            Ok(())
        },
    )?;
    table.add(
        "`results`: every indicator, region and ALL, as CSV (in process)",
        backend.name(),
        &size,
        ms(took),
        format!("{csv_len} bytes of CSV"),
    );
    for by in [canvass::results::By::Country, canvass::results::By::Type] {
        let took = median(
            runs,
            || Ok(()),
            |_| {
                let r = canvass::results::compute_live(&mut conn, &round, 5)?;
                let r = r.publish_by(canvass::results::Viewer::Secretariat, None, by)?;
                csv_len = r.render(Format::Csv)?.len();
                Ok(())
            },
        )?;
        table.add(
            &format!("`results --by {}`: every indicator (in process)", by.name()),
            backend.name(),
            &size,
            ms(took),
            format!("{csv_len} bytes of CSV"),
        );
    }
    for by in ["region", "country"] {
        let (command, command_peak) = results_command(&fresh.url, by, runs)?;
        table.add(
            &format!("`canvass results bench --format csv --by {by}` (whole command)"),
            backend.name(),
            &size,
            ms(command),
            format!("peak RSS {command_peak:.0} MiB"),
        );
    }
    compare_side(table, backend, &size, &mut conn, &round, took, runs)?;
    if env_or("CANVASS_BENCH_HAND", "1") == "0" {
        return Ok(());
    }
    // At 1M the hand-written queries take minutes: one run is enough there.
    let hand_runs = if n >= 1_000_000 { 1 } else { runs };
    let hand = median(hand_runs, || Ok(()), |_| hand_written(&mut conn, &round))?;
    let ratio = took.as_secs_f64() / hand.as_secs_f64();
    table.add(
        "the same, one hand-written SQL query per indicator",
        backend.name(),
        &size,
        ms(hand),
        format!("canvass / hand-written = {ratio:.2}"),
    );
    Ok(())
}

/// What `--compare` adds: the earlier round is closed, so its side is its
/// stored results read back (and suppressed again), not a second pass.
/// Measured on this round once closed, against `live`, the pass itself.
fn compare_side(
    table: &mut Table,
    backend: &Backend,
    size: &str,
    conn: &mut canvass::db::DbConnection,
    round: &canvass::rounds::Round,
    live: Duration,
    runs: usize,
) -> Res<()> {
    let now = chrono::Utc::now().naive_utc();
    let closed = canvass::rounds::close(conn, &round.name, 5, now)?;
    let took = median(
        runs,
        || Ok(()),
        |_| {
            let r = canvass::results::for_round(conn, &closed, 5)?;
            r.publish(canvass::results::Viewer::Secretariat, None)?;
            Ok(())
        },
    )?;
    let ratio = took.as_secs_f64() / live.as_secs_f64();
    table.add(
        "`--compare`: the earlier (closed) round's side, read from its stored results",
        backend.name(),
        size,
        ms(took),
        format!("{ratio:.3} × computing it again"),
    );
    Ok(())
}

/// What an analyst would write: per indicator, the counts of each answer
/// value per region of the round, straight from the answer rows.
fn hand_written(conn: &mut canvass::db::DbConnection, round: &canvass::rounds::Round) -> Res<()> {
    use diesel::sql_types::{BigInt, Double, Integer, Nullable, Text};
    #[derive(QueryableByName)]
    // The fields are loaded to cost what an analyst's query costs, never read.
    #[allow(dead_code)]
    struct Cell {
        #[diesel(sql_type = Text)]
        region: String,
        #[diesel(sql_type = Nullable<BigInt>)]
        choice: Option<i64>,
        #[diesel(sql_type = Nullable<Double>)]
        number: Option<f64>,
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let placeholders = match conn {
        canvass::db::DbConnection::Sqlite(_) => ("?", "?"),
        canvass::db::DbConnection::Pg(_) => ("$1", "$2"),
    };
    let sql = format!(
        "SELECT i.region AS region, a.choice AS choice, a.number AS number, count(*) AS n \
         FROM answers a JOIN invitations i ON i.id = a.invitation_id \
         WHERE i.round_id = {} AND a.question = {} GROUP BY i.region, a.choice, a.number",
        placeholders.0, placeholders.1
    );
    let mut cells = 0;
    for indicator in &round.survey.indicators {
        let Some(question) = &indicator.question else {
            continue;
        };
        let rows: Vec<Cell> = diesel::sql_query(&sql)
            .bind::<Integer, _>(round.id)
            .bind::<Text, _>(question)
            .load(conn)?;
        cells += rows.len();
    }
    if cells == 0 {
        return Err("the hand-written queries found nothing".into());
    }
    Ok(())
}
