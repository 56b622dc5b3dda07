//! `canvass demo`: the embedded default. A fresh SQLite database with the
//! example survey, synthetic member organisations in five regions and five
//! languages, two closed rounds (`years`) and an open one with simulated
//! answers, and demo users: the secretariat and a reviewer per region.
//!
//! The demo uses its own database file (`--demo-db`, default
//! `canvass-demo.db`) so it can never wipe a real one. The data are
//! generated from a fixed seed: every run gives the same members and
//! answers.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::Utc;
use clap::Args;
use rand::rngs::StdRng;
use rand::SeedableRng;

mod synthetic;
mod years;

use self::synthetic::{member_type, synthetic_members};
use super::GlobalArgs;
use crate::config::DatabaseUrl;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::members::Member;
use crate::output::Format;
use crate::survey::{self, Survey, SurveyFiles};
use crate::{results, rounds, users};

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// The demo's own SQLite file, recreated on every run
    #[arg(long, default_value = "canvass-demo.db")]
    pub demo_db: PathBuf,
    /// How many member organisations to make up
    #[arg(long, default_value_t = 300)]
    pub members: usize,
    /// Address to serve on
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Seed the database and print, but do not serve
    #[arg(long)]
    pub no_serve: bool,
}

/// The example survey, embedded so the demo runs from any directory.
pub fn example_survey() -> AppResult<Survey> {
    const FILES: [(&str, &str); 5] = [
        (
            "en.ftl",
            include_str!("../../../surveys/member_survey/en.ftl"),
        ),
        (
            "es.ftl",
            include_str!("../../../surveys/member_survey/es.ftl"),
        ),
        (
            "fr.ftl",
            include_str!("../../../surveys/member_survey/fr.ftl"),
        ),
        (
            "ru.ftl",
            include_str!("../../../surveys/member_survey/ru.ftl"),
        ),
        (
            "zh.ftl",
            include_str!("../../../surveys/member_survey/zh.ftl"),
        ),
    ];
    let files = SurveyFiles {
        dir: PathBuf::from("surveys/member_survey"),
        toml: include_str!("../../../surveys/member_survey/survey.toml").to_string(),
        ftl: FILES
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect(),
    };
    match survey::load_sources(&files) {
        (Some(s), _) => Ok(s),
        (None, diags) => Err(AppError::invalid_with(
            "the embedded example survey has errors",
            diags.iter().map(ToString::to_string).collect(),
        )),
    }
}

pub fn run(global: &GlobalArgs, args: &DemoArgs, out: &mut dyn Write) -> AppResult<()> {
    let settings = demo_settings(global, args)?;
    let pool = seed(&settings, args, out)?;
    if args.no_serve {
        return Ok(());
    }
    crate::web::serve(&settings, pool, &args.bind, out)
}

/// The demo's own files beside its database, and mail always to the outbox
/// folder (the synthetic addresses must never reach a real server).
fn demo_settings(global: &GlobalArgs, args: &DemoArgs) -> AppResult<crate::config::Settings> {
    let mut settings = global.settings()?;
    settings.database = DatabaseUrl::Sqlite(args.demo_db.clone());
    settings.smtp_url = None;
    settings.outbox_dir = args.demo_db.with_extension("outbox");
    settings.secret_file = global
        .secret_file
        .clone()
        .unwrap_or_else(|| args.demo_db.with_extension("key"));
    settings.base_url = format!("http://{}", args.bind);
    Ok(settings)
}

/// The demo's open round (`years` makes the closed ones before it).
const ROUND: &str = "2026";

/// Builds the demo database and prints what to try; returns its pool.
pub fn seed(
    settings: &crate::config::Settings,
    args: &DemoArgs,
    out: &mut dyn Write,
) -> AppResult<db::Pool> {
    let survey = example_survey()?;
    fresh(&args.demo_db)?;
    if settings.outbox_dir.is_dir() {
        std::fs::remove_dir_all(&settings.outbox_dir)
            .map_err(|e| AppError::io(&settings.outbox_dir, e))?;
    }
    let pool = db::connect(&settings.database)?;
    let mut conn = pool.get()?;
    let now = Utc::now().naive_utc();
    let mut rng = StdRng::seed_from_u64(2026);
    let people = synthetic_members(&mut rng, args.members);
    write_members_csv(&members_csv_path(&args.demo_db), &people)?;
    let closes = (now + chrono::Duration::days(60)).date();
    db::transaction(&mut conn, |conn| {
        crate::members::upsert(conn, &people).map(|_| ())
    })?;
    years::past_rounds(&mut conn, &survey, &people, settings.min_cell, &mut rng)?;
    let logins = populate(&mut conn, &survey, &people, closes, &mut rng, now)?;
    let mailer = crate::mail::Mailer::from_settings(settings)?;
    let secret = crate::token::Secret::load_or_create(&settings.secret_file)?;
    let composer = crate::mail::Composer::new(&settings.base_url, secret, mailer.from.clone())?;
    let report = crate::mail::outbox::deliver(
        &mut conn,
        &mailer,
        &composer,
        &Default::default(),
        std::time::Duration::ZERO,
    )?;
    let seeded = Seeded {
        members: people.len(),
        survey: &survey.id,
        closes,
        sent: report.sent,
        logins,
    };
    let text = summary(&mut conn, settings, args, &seeded, &composer)?;
    out.write_all(text.as_bytes())
        .map_err(|e| AppError::io("standard output", e))?;
    drop(conn);
    Ok(pool)
}

/// The open round (invitations queued), simulated answers and the demo
/// users; returns the users' logins and passwords.
fn populate(
    conn: &mut db::DbConnection,
    survey: &Survey,
    people: &[Member],
    closes: chrono::NaiveDate,
    rng: &mut StdRng,
    now: chrono::NaiveDateTime,
) -> AppResult<Logins> {
    db::transaction(conn, |conn| {
        let new = rounds::NewRound {
            name: ROUND,
            survey,
            opens: None,
            closes: Some(closes),
            regions: &[],
        };
        rounds::create(conn, &new, now)?;
        Ok(())
    })?;
    crate::mail::outbox::queue_invitations(conn, ROUND, now)?;
    db::transaction(conn, |conn| {
        let round = rounds::find(conn, ROUND)?;
        years::simulate_answers(conn, &round, survey, people, years::PAST.len(), rng, now)?;
        let secretariat = users::generate_password();
        users::add(
            conn,
            "secretariat@example.org",
            &users::Role::Secretariat,
            &secretariat,
            now,
        )?;
        let reviewers = years::reviewers(conn, now)?;
        years::africa_reviewed(conn)?;
        Ok(Logins {
            secretariat,
            reviewers,
        })
    })
}

/// The demo users' passwords: the secretariat's, and per region its
/// reviewer's (region, login, password).
struct Logins {
    secretariat: String,
    reviewers: Vec<(String, String, String)>,
}

/// The members CSV beside the demo database (`canvass-demo.members.csv`).
fn members_csv_path(db: &Path) -> PathBuf {
    db.with_extension("members.csv")
}

/// The demo's members as a members CSV (contract §4, with `type`), kept
/// beside the database (owner-only: it holds addresses) so the import
/// format can be seen and tried; the members themselves are upserted.
fn write_members_csv(path: &Path, people: &[Member]) -> AppResult<()> {
    const HEADERS: [&str; 9] = [
        "id", "name", "country", "region", "email", "language", "joined", "active", "type",
    ];
    let rows: Vec<Vec<String>> = people
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let joined = m.joined.map(|d| d.to_string()).unwrap_or_default();
            let kind = member_type(i + 1).to_string();
            vec![
                m.id.clone(),
                m.name.clone(),
                m.country.clone(),
                m.region.clone(),
                m.email.clone(),
                m.language.clone(),
                joined,
                m.active.to_string(),
                kind,
            ]
        })
        .collect();
    let csv = crate::output::render(&HEADERS, &rows, &rows, Format::Csv)?;
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(AppError::io(path, e)),
    }
    crate::private_files::write_new(path, csv.as_bytes()).map_err(|e| AppError::io(path, e))
}

/// What `seed` made, for its summary.
struct Seeded<'a> {
    members: usize,
    survey: &'a str,
    closes: chrono::NaiveDate,
    /// Invitation mails written to the outbox folder.
    sent: usize,
    logins: Logins,
}

/// What the demo prints: the rounds, the open round's results, links to
/// try and the users to sign in as.
fn summary(
    conn: &mut db::DbConnection,
    settings: &crate::config::Settings,
    args: &DemoArgs,
    seeded: &Seeded,
    composer: &crate::mail::Composer,
) -> AppResult<String> {
    let round = rounds::find(conn, ROUND)?;
    let status = rounds::status(conn, &round)?;
    let res = results::for_round(conn, &round, settings.min_cell)?
        .publish(results::Viewer::Secretariat, None)?;
    let all = status.last().map_or((0, 0), |s| (s.targeted, s.submitted));
    let links = sample_links(conn, &round, composer)?;
    let past: Vec<&str> = years::PAST.iter().map(|(n, _, _)| *n).collect();
    let base = &settings.base_url;
    let mut text = format!(
        "canvass demo: {} member organisations, rounds {} closed, round {ROUND} of survey {} open until {}, {} of {} targeted members answered\n\
         database: sqlite://{}\n\
         members CSV (with the member type): {}\n\
         invitations: {} mails written to {}/\n\n\
         Indicator results of round {ROUND} (cells under {} respondents suppressed):\n\n{}\n\
         Invitation links of members who have not answered yet:\n{}\n\
         Consoles: {base}/login\n  \
         secretariat:               secretariat@example.org  password {}\n",
        seeded.members,
        past.join(" and "),
        seeded.survey,
        seeded.closes,
        all.1,
        all.0,
        args.demo_db.display(),
        members_csv_path(&args.demo_db).display(),
        seeded.sent,
        settings.outbox_dir.display(),
        settings.min_cell,
        res.render(Format::Table)?,
        links,
        seeded.logins.secretariat,
    );
    for (region, email, password) in &seeded.logins.reviewers {
        text.push_str(&format!(
            "  regional reviewer, {region}: {email}  password {password}\n"
        ));
    }
    text.push_str(&format!(
        "  (a regional reviewer sees the open round's response rates, its results once the secretariat closes it,\n   \
         and the closed rounds' results and reports: {base}/rounds/2025/report?region={r};\n   \
         the {r} reviewer has written a note on round 2025 and signed off its results)\n",
        r = years::REVIEWED,
    ));
    Ok(text)
}

/// One link per member language, of members who have not submitted.
fn sample_links(
    conn: &mut db::DbConnection,
    round: &rounds::Round,
    composer: &crate::mail::Composer,
) -> AppResult<String> {
    let open = crate::invitations::not_submitted(conn, round.id)?;
    let mut lines = String::new();
    for lang in ["en", "fr", "es", "ru", "zh", "pt"] {
        let primary = |l: &str| l.split('-').next() == Some(lang);
        if let Some((id, member, l)) = open.iter().find(|(_, _, l)| primary(l)) {
            lines.push_str(&format!("  {l:<6} {member}  {}\n", composer.link(id)));
        }
    }
    Ok(lines)
}

/// Removes the demo database and its WAL files.
fn fresh(path: &Path) -> AppResult<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(AppError::io(PathBuf::from(p), e)),
        }
    }
    Ok(())
}
