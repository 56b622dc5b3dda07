//! The command line (contract §2): clap definitions and one small function
//! per command. Commands write their output to `out`, so tests drive the
//! same code as the binary.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use clap::{Args, Parser, Subcommand};

use crate::config::{DatabaseUrl, Settings};
use crate::db::{self, Pool};
use crate::error::{AppError, AppResult};
use crate::output::Format;
use crate::survey::{self, Diagnostic, Severity};
use crate::{members, responses, results, rounds, users};

#[derive(Parser, Debug)]
#[command(
    name = "canvass",
    version,
    about = "Annual member surveys: personal links, answers in every language, regional indicator results"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Contract §1: every setting is a flag with an environment variable behind it.
#[derive(Args, Debug, Clone)]
pub struct GlobalArgs {
    /// sqlite://PATH or postgres://…
    #[arg(
        long,
        global = true,
        env = "CANVASS_DATABASE_URL",
        default_value = "sqlite://canvass.db"
    )]
    pub database_url: String,
    /// Public base of emailed links
    #[arg(
        long,
        global = true,
        env = "CANVASS_BASE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub base_url: String,
    /// smtp://host:port, smtps://user:pass@host; unset: mail goes to the outbox folder
    #[arg(long, global = true, env = "CANVASS_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Folder for .eml files when no SMTP server is set
    #[arg(
        long,
        global = true,
        env = "CANVASS_OUTBOX_DIR",
        default_value = "outbox"
    )]
    pub outbox_dir: PathBuf,
    /// Sender address of mails
    #[arg(
        long,
        global = true,
        env = "CANVASS_MAIL_FROM",
        default_value = "survey@localhost"
    )]
    pub mail_from: String,
    /// Where survey folders live
    #[arg(
        long,
        global = true,
        env = "CANVASS_SURVEYS_DIR",
        default_value = "surveys"
    )]
    pub surveys_dir: PathBuf,
    /// Smallest number of respondents a published cell may have
    #[arg(long, global = true, env = "CANVASS_MIN_CELL", default_value_t = 5)]
    pub min_cell: u32,
    /// Key for link tokens and cookies [default: canvass.key beside the SQLite file]
    #[arg(long, global = true, env = "CANVASS_SECRET_FILE")]
    pub secret_file: Option<PathBuf>,
}

impl GlobalArgs {
    pub fn settings(&self) -> AppResult<Settings> {
        let database = DatabaseUrl::parse(&self.database_url)?;
        let secret_file = self
            .secret_file
            .clone()
            .unwrap_or_else(|| Settings::default_secret_file(&database));
        Ok(Settings {
            database,
            base_url: self.base_url.trim_end_matches('/').to_string(),
            smtp_url: self.smtp_url.clone().filter(|s| !s.is_empty()),
            outbox_dir: self.outbox_dir.clone(),
            mail_from: self.mail_from.clone(),
            surveys_dir: self.surveys_dir.clone(),
            min_cell: self.min_cell,
            secret_file,
        })
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create or upgrade the database schema
    Migrate,
    /// Check and list survey folders
    #[command(subcommand)]
    Survey(SurveyCommand),
    /// Import and list member organisations
    #[command(subcommand)]
    Members(MembersCommand),
    /// Create, open, close and follow survey rounds
    #[command(subcommand)]
    Round(RoundCommand),
    /// Import answers collected offline
    #[command(subcommand)]
    Responses(ResponsesCommand),
    /// Indicator results of a round, per region and for ALL
    Results {
        name: String,
        /// Only this region (and ALL beside it)
        #[arg(long)]
        region: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Manage console users
    #[command(subcommand)]
    User(UserCommand),
    /// The audit log: who did what, newest first
    Audit {
        #[arg(long, default_value_t = 100)]
        limit: i64,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Serve the web form and send queued mail
    Serve {
        /// Address to listen on
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
    },
    /// A fresh demo database with the example survey, members and answers, then serve it
    Demo(crate::demo::DemoArgs),
}

#[derive(Subcommand, Debug)]
pub enum SurveyCommand {
    /// Validate survey folders (all under the surveys dir by default)
    Check {
        dirs: Vec<PathBuf>,
        /// Treat warnings as errors
        #[arg(long)]
        strict: bool,
    },
    /// The surveys found, with languages and translation completeness
    List,
}

#[derive(Subcommand, Debug)]
pub enum MembersCommand {
    /// Upsert members from a CSV file by id, all or nothing
    Import { file: PathBuf },
    /// Every member, active or not
    List {
        #[arg(long)]
        region: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum RoundCommand {
    /// Create a round that freezes a copy of the survey as it is now
    Create {
        name: String,
        #[arg(long)]
        survey: String,
        /// First day answers are accepted (default: today)
        #[arg(long)]
        opens: Option<NaiveDate>,
        /// Last day answers are accepted, as announced to members
        #[arg(long)]
        closes: Option<NaiveDate>,
        /// Target only members of this region (repeatable; default: all)
        #[arg(long = "region")]
        regions: Vec<String>,
    },
    /// Invite every targeted member not yet invited (one personal link each) and send the mail
    Invite { name: String },
    /// Remind invited members who have not submitted nor opted out
    Remind { name: String },
    /// Accept answers again (from today)
    Open { name: String },
    /// Stop accepting answers and store the round's indicator results
    Close { name: String },
    /// Per region: targeted, invited, mail delivered, started, submitted
    Status {
        name: String,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum ResponsesCommand {
    /// Import a CSV: column `member`, then one column per question id
    Import { name: String, file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add a user; the password is read from stdin, or generated and printed once
    Add {
        email: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        region: Option<String>,
    },
}

/// Runs one parsed command line.
pub fn run(cli: Cli, out: &mut dyn Write) -> AppResult<()> {
    let settings = cli.global.settings()?;
    let entry = audit_entry(&cli.command);
    dispatch(cli, &settings, out)?;
    if let Some((action, subject)) = entry {
        let pool = pool(&settings)?;
        crate::audit::record(
            &mut *pool.get()?,
            &crate::audit::cli_actor(),
            action,
            &subject,
            Utc::now().naive_utc(),
        )?;
    }
    Ok(())
}

/// What the audit log records of a command that changes something or
/// reads results.
fn audit_entry(command: &Command) -> Option<(&'static str, String)> {
    Some(match command {
        Command::Members(MembersCommand::Import { file }) => {
            ("members.import", file.display().to_string())
        }
        Command::Round(RoundCommand::Create { name, .. }) => ("round.create", name.clone()),
        Command::Round(RoundCommand::Invite { name }) => ("round.invite", name.clone()),
        Command::Round(RoundCommand::Remind { name }) => ("round.remind", name.clone()),
        Command::Round(RoundCommand::Open { name }) => ("round.open", name.clone()),
        Command::Round(RoundCommand::Close { name }) => ("round.close", name.clone()),
        Command::Responses(ResponsesCommand::Import { name, file }) => {
            ("responses.import", format!("{name} {}", file.display()))
        }
        Command::Results {
            name,
            region,
            format,
        } => (
            "results.download",
            format!(
                "{name} region={} format={format:?}",
                region.as_deref().unwrap_or("all")
            ),
        ),
        Command::User(UserCommand::Add { email, role, .. }) => {
            ("user.add", format!("{email} ({role})"))
        }
        _ => return None,
    })
}

fn dispatch(cli: Cli, settings: &Settings, out: &mut dyn Write) -> AppResult<()> {
    let settings = settings.clone();
    match cli.command {
        Command::Migrate => migrate(&settings, out),
        Command::Survey(SurveyCommand::Check { dirs, strict }) => {
            survey_check(&settings, &dirs, strict, out)
        }
        Command::Survey(SurveyCommand::List) => survey_list(&settings, out),
        Command::Members(MembersCommand::Import { file }) => members_import(&settings, &file, out),
        Command::Members(MembersCommand::List { region, format }) => {
            members_list(&settings, region.as_deref(), format, out)
        }
        Command::Round(cmd) => round(&settings, cmd, out),
        Command::Responses(ResponsesCommand::Import { name, file }) => {
            responses_import(&settings, &name, &file, out)
        }
        Command::Results {
            name,
            region,
            format,
        } => results_cmd(&settings, &name, region.as_deref(), format, out),
        Command::User(UserCommand::Add {
            email,
            role,
            region,
        }) => user_add(&settings, &email, &role, region.as_deref(), out),
        Command::Serve { bind } => serve(&settings, &bind, out),
        Command::Audit { limit, format } => audit_list(&settings, limit, format, out),
        Command::Demo(args) => crate::demo::run(&cli.global, &args, out),
    }
}

fn write(out: &mut dyn Write, text: &str) -> AppResult<()> {
    out.write_all(text.as_bytes())
        .map_err(|e| AppError::io("standard output", e))
}

fn pool(settings: &Settings) -> AppResult<Pool> {
    db::connect(&settings.database)
}

fn read_file(path: &Path) -> AppResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| AppError::io(path, e))
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

fn migrate(settings: &Settings, out: &mut dyn Write) -> AppResult<()> {
    pool(settings)?;
    write(
        out,
        &format!("schema of {} is up to date\n", settings.database.redacted()),
    )
}

/// The survey folders under the surveys dir, sorted.
fn survey_dirs(settings: &Settings) -> AppResult<Vec<PathBuf>> {
    let dir = &settings.surveys_dir;
    let entries = std::fs::read_dir(dir).map_err(|e| AppError::io(dir, e))?;
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("survey.toml").is_file())
        .collect();
    dirs.sort();
    Ok(dirs)
}

fn survey_check(
    settings: &Settings,
    dirs: &[PathBuf],
    strict: bool,
    out: &mut dyn Write,
) -> AppResult<()> {
    let dirs = if dirs.is_empty() {
        survey_dirs(settings)?
    } else {
        dirs.to_vec()
    };
    if dirs.is_empty() {
        return Err(AppError::NotFound(format!(
            "no survey folder (with a survey.toml) in {}",
            settings.surveys_dir.display()
        )));
    }
    let (mut errors, mut warnings) = (0, 0);
    for dir in &dirs {
        let (_, diags): (_, Vec<Diagnostic>) = survey::load(dir);
        for d in &diags {
            write(out, &format!("{d}\n"))?;
        }
        let e = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        errors += e;
        warnings += diags.len() - e;
        write(
            out,
            &format!(
                "{}: {e} error(s), {} warning(s)\n",
                dir.display(),
                diags.len() - e
            ),
        )?;
    }
    if errors > 0 || (strict && warnings > 0) {
        let n = if strict { errors + warnings } else { errors };
        return Err(AppError::invalid(format!(
            "survey check found {n} problem(s) that must be fixed"
        )));
    }
    Ok(())
}

fn survey_list(settings: &Settings, out: &mut dyn Write) -> AppResult<()> {
    let mut rows = Vec::new();
    for dir in survey_dirs(settings)? {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (survey, diags) = survey::load(&dir);
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let Some(s) = survey else {
            rows.push(vec![
                name,
                "-".into(),
                format!("{errors} error(s): run canvass survey check"),
            ]);
            continue;
        };
        let langs: Vec<String> = s
            .languages()
            .iter()
            .map(|l| format!("{l} {:.0}%", 100.0 * survey::texts::completeness(&s, l)))
            .collect();
        rows.push(vec![
            s.id.clone(),
            s.questions().count().to_string(),
            langs.join(", "),
        ]);
    }
    write(
        out,
        &crate::output::table(&["survey", "questions", "languages (translated)"], &rows),
    )
}

fn members_import(settings: &Settings, file: &Path, out: &mut dyn Write) -> AppResult<()> {
    let bytes = read_file(file)?;
    let pool = pool(settings)?;
    let s = members::import(&mut *pool.get()?, &file.display().to_string(), &bytes)?;
    write(
        out,
        &format!(
            "{} added, {} updated, {} unchanged\n",
            s.added, s.updated, s.unchanged
        ),
    )
}

fn members_list(
    settings: &Settings,
    region: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> AppResult<()> {
    let pool = pool(settings)?;
    let mut conn = pool.get()?;
    if let Some(r) = region {
        if !members::regions(&mut conn)?.iter().any(|k| k == r) {
            return Err(AppError::NotFound(format!("no member is in region `{r}`")));
        }
    }
    let list = members::list(&mut conn, region)?;
    write(out, &members::render(&list, format)?)
}

/// Loads the survey `id` from the surveys dir; any error stops the round.
pub fn load_survey(settings: &Settings, id: &str) -> AppResult<survey::Survey> {
    let dir = settings.surveys_dir.join(id);
    if !survey::is_id(id) || !dir.join("survey.toml").is_file() {
        return Err(AppError::NotFound(format!(
            "no survey `{id}` in {}",
            settings.surveys_dir.display()
        )));
    }
    match survey::load(&dir) {
        (Some(s), _) => Ok(s),
        (None, diags) => Err(AppError::invalid_with(
            format!("survey `{id}` has errors; fix them first (canvass survey check)"),
            diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(ToString::to_string)
                .collect(),
        )),
    }
}

fn round(settings: &Settings, cmd: RoundCommand, out: &mut dyn Write) -> AppResult<()> {
    let pool = pool(settings)?;
    let mut conn = pool.get()?;
    let now = Utc::now().naive_utc();
    match cmd {
        RoundCommand::Create {
            name,
            survey,
            opens,
            closes,
            regions,
        } => {
            let survey = load_survey(settings, &survey)?;
            let new = rounds::NewRound {
                name: &name,
                survey: &survey,
                opens,
                closes,
                regions: &regions,
            };
            let round = rounds::create(&mut conn, &new, now)?;
            let targeted: i64 = rounds::status(&mut conn, &round)?
                .last()
                .map_or(0, |s| s.targeted);
            write(
                out,
                &format!(
                    "round {name} created from survey {} ({}), {targeted} member(s) targeted, {}\n",
                    survey.id,
                    &round.content_hash[..12],
                    round.state(today())
                ),
            )
        }
        RoundCommand::Invite { name } => {
            let n = crate::mail::outbox::queue_invitations(&mut conn, &name, now)?;
            let report = deliver(settings, &mut conn)?;
            write(
                out,
                &format!("{n} member(s) invited in round {name}; {}\n", report),
            )
        }
        RoundCommand::Remind { name } => {
            let n = crate::mail::outbox::queue_reminders(&mut conn, &name, now)?;
            let report = deliver(settings, &mut conn)?;
            write(
                out,
                &format!("{n} reminder(s) queued in round {name}; {}\n", report),
            )
        }
        RoundCommand::Open { name } => {
            let round = rounds::open(&mut conn, &name, today())?;
            write(out, &format!("round {name} is {}\n", round.state(today())))
        }
        RoundCommand::Close { name } => {
            rounds::close(&mut conn, &name, settings.min_cell, now)?;
            write(
                out,
                &format!("round {name} is closed; its results are stored\n"),
            )
        }
        RoundCommand::Status { name, format } => {
            let round = rounds::find(&mut conn, &name)?;
            let status = rounds::status(&mut conn, &round)?;
            let text = match format {
                Format::Json => crate::output::json(
                    &serde_json::json!({ "round": name, "state": round.state(today()), "regions": status }),
                )?,
                _ => {
                    let rows: Vec<Vec<String>> = status
                        .iter()
                        .map(|s| {
                            vec![
                                s.region.clone(),
                                s.targeted.to_string(),
                                s.invited.to_string(),
                                s.delivered.to_string(),
                                s.bounced.to_string(),
                                s.started.to_string(),
                                s.submitted.to_string(),
                            ]
                        })
                        .collect();
                    let headers = [
                        "region",
                        "targeted",
                        "invited",
                        "delivered",
                        "bounced",
                        "started",
                        "submitted",
                    ];
                    let mut text = if format == Format::Csv {
                        crate::output::csv(&headers, &rows)?
                    } else {
                        crate::output::table(&headers, &rows)
                    };
                    let failures = crate::mail::outbox::failures(&mut conn, &round)?;
                    if format == Format::Table && !failures.is_empty() {
                        text.push_str("\nmail that could not be delivered:\n");
                        let rows: Vec<Vec<String>> = failures
                            .into_iter()
                            .map(|(r, m, a, e)| vec![r, m, a, e])
                            .collect();
                        text.push_str(&crate::output::table(
                            &["region", "member", "address", "error"],
                            &rows,
                        ));
                    }
                    text
                }
            };
            write(out, &text)
        }
    }
}

/// Sends the queue now, waiting up to a minute for servers that ask to retry.
fn deliver(
    settings: &Settings,
    conn: &mut db::DbConnection,
) -> AppResult<crate::mail::outbox::Report> {
    let mailer = crate::mail::Mailer::from_settings(settings)?;
    let composer = crate::mail::Composer::new(
        &settings.base_url,
        crate::token::Secret::load_or_create(&settings.secret_file)?,
        mailer.from.clone(),
    )?;
    let policy = crate::mail::outbox::Policy {
        base_delay: std::time::Duration::from_secs(2),
        ..Default::default()
    };
    crate::mail::outbox::deliver(
        conn,
        &mailer,
        &composer,
        &policy,
        std::time::Duration::from_secs(60),
    )
}

fn serve(settings: &Settings, bind: &str, out: &mut dyn Write) -> AppResult<()> {
    let pool = pool(settings)?;
    crate::web::serve(settings, pool, bind, out)
}

fn responses_import(
    settings: &Settings,
    name: &str,
    file: &Path,
    out: &mut dyn Write,
) -> AppResult<()> {
    let bytes = read_file(file)?;
    let pool = pool(settings)?;
    let n = responses::import(
        &mut *pool.get()?,
        name,
        &file.display().to_string(),
        &bytes,
        Utc::now().naive_utc(),
    )?;
    write(
        out,
        &format!("{n} response(s) imported into round {name}\n"),
    )
}

fn results_cmd(
    settings: &Settings,
    name: &str,
    region: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> AppResult<()> {
    let pool = pool(settings)?;
    let mut conn = pool.get()?;
    let round = rounds::find(&mut conn, name)?;
    let mut res = results::for_round(&mut conn, &round, settings.min_cell)?;
    if let Some(r) = region {
        res = res.narrow(r)?;
    }
    write(out, &res.render(format)?)
}

fn audit_list(
    settings: &Settings,
    limit: i64,
    format: Format,
    out: &mut dyn Write,
) -> AppResult<()> {
    let pool = pool(settings)?;
    let entries = crate::audit::latest(&mut *pool.get()?, limit)?;
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                e.actor.clone(),
                e.action.clone(),
                e.subject.clone(),
            ]
        })
        .collect();
    write(
        out,
        &crate::output::render(
            &["at", "actor", "action", "subject"],
            &rows,
            &entries,
            format,
        )?,
    )
}

fn user_add(
    settings: &Settings,
    email: &str,
    role: &str,
    region: Option<&str>,
    out: &mut dyn Write,
) -> AppResult<()> {
    let role = users::Role::parse(role, region)?;
    let (password, generated) = read_password()?;
    let pool = pool(settings)?;
    users::add(
        &mut *pool.get()?,
        email,
        &role,
        &password,
        Utc::now().naive_utc(),
    )?;
    if generated {
        write(
            out,
            &format!("user {email} added; password (shown once): {password}\n"),
        )
    } else {
        write(out, &format!("user {email} added\n"))
    }
}

/// The first line of stdin, or a generated password when stdin is a
/// terminal or empty.
fn read_password() -> AppResult<(String, bool)> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut input = String::new();
        stdin
            .lock()
            .read_to_string(&mut input)
            .map_err(|e| AppError::io("standard input", e))?;
        let line = input
            .lines()
            .next()
            .unwrap_or("")
            .trim_end_matches('\r')
            .to_string();
        if !line.is_empty() {
            return Ok((line, false));
        }
    }
    Ok((users::generate_password(), true))
}
