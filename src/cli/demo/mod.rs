//! `canvass demo`: the embedded default. A fresh SQLite database with the
//! example survey, synthetic member organisations in five regions and five
//! languages, an open round with simulated answers, and demo users.
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
use rand::{Rng, SeedableRng};

mod synthetic;

use self::synthetic::{simulated_raw, synthetic_members, REGIONS};
use super::GlobalArgs;
use crate::answers;
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

/// The demo's one round.
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
    let closes = (now + chrono::Duration::days(60)).date();
    let passwords = populate(&mut conn, &survey, &people, closes, &mut rng, now)?;
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
        passwords,
    };
    let text = summary(&mut conn, settings, args, &seeded, &composer)?;
    out.write_all(text.as_bytes())
        .map_err(|e| AppError::io("standard output", e))?;
    drop(conn);
    Ok(pool)
}

/// The members, the open round (invitations queued), simulated answers and
/// the two demo users; returns the users' passwords.
fn populate(
    conn: &mut db::DbConnection,
    survey: &Survey,
    people: &[Member],
    closes: chrono::NaiveDate,
    rng: &mut StdRng,
    now: chrono::NaiveDateTime,
) -> AppResult<(String, String)> {
    db::transaction(conn, |conn| {
        crate::members::upsert(conn, people)?;
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
        simulate_answers(conn, &round, survey, people, rng, now)?;
        demo_users(conn, now)
    })
}

/// A secretariat user and a regional reviewer of africa; returns their
/// generated passwords.
fn demo_users(
    conn: &mut db::DbConnection,
    now: chrono::NaiveDateTime,
) -> AppResult<(String, String)> {
    let secretariat = users::generate_password();
    let regional = users::generate_password();
    users::add(
        conn,
        "secretariat@example.org",
        &users::Role::Secretariat,
        &secretariat,
        now,
    )?;
    users::add(
        conn,
        "africa@example.org",
        &users::Role::Regional("africa".into()),
        &regional,
        now,
    )?;
    Ok((secretariat, regional))
}

/// What `seed` made, for its summary.
struct Seeded<'a> {
    members: usize,
    survey: &'a str,
    closes: chrono::NaiveDate,
    /// Invitation mails written to the outbox folder.
    sent: usize,
    /// Of the secretariat user, then of the regional reviewer.
    passwords: (String, String),
}

/// What the demo prints: the round's progress and results, links to try
/// and the users to sign in as.
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
    Ok(format!(
        "canvass demo: {} member organisations, round {ROUND} of survey {} open until {}, {} of {} targeted members answered\n\
         database: sqlite://{}\n\
         invitations: {} mails written to {}/\n\n\
         Indicator results of round {ROUND} (cells under {} respondents suppressed):\n\n{}\n\
         Invitation links of members who have not answered yet:\n{}\n\
         Consoles: {}/login\n  \
         secretariat:               secretariat@example.org  password {}\n  \
         regional reviewer, africa: africa@example.org       password {}\n  \
         (a regional reviewer sees the open round's response rates; its results once the secretariat closes it)\n",
        seeded.members,
        seeded.survey,
        seeded.closes,
        all.1,
        all.0,
        args.demo_db.display(),
        seeded.sent,
        settings.outbox_dir.display(),
        settings.min_cell,
        res.render(Format::Table)?,
        links,
        settings.base_url,
        seeded.passwords.0,
        seeded.passwords.1,
    ))
}

fn simulate_answers(
    conn: &mut db::DbConnection,
    round: &rounds::Round,
    survey: &Survey,
    people: &[Member],
    rng: &mut StdRng,
    now: chrono::NaiveDateTime,
) -> AppResult<()> {
    for m in people.iter().filter(|m| m.active) {
        if !rng.gen_bool(0.7) {
            continue;
        }
        let region_index = REGIONS
            .iter()
            .position(|(r, _)| *r == m.region)
            .unwrap_or(0);
        let raw = simulated_raw(survey, region_index, rng);
        let answers = answers::validate(survey, &raw).map_err(|e| {
            AppError::Config(format!(
                "simulated answers of {} failed validation: {e:?}",
                m.id
            ))
        })?;
        if let Some(inv) = rounds::invitation_of(conn, round, &m.id)? {
            answers::store_submission(conn, survey, &inv, &answers, now)?;
        }
    }
    Ok(())
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
