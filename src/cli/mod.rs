//! The command line (contract §2): clap definitions and one small function
//! per command (in `commands`; the `canvass round …` subcommands in
//! `round`; `canvass demo` in [`demo`]). Commands write their output to
//! `out`, so tests drive the same code as the binary.

mod commands;
pub mod demo;
mod round;
mod xlsx;

use std::io::Write;
use std::path::PathBuf;

use chrono::{NaiveDate, Utc};
use clap::{Args, Parser, Subcommand};

use self::commands::*;
use self::round::round;
use crate::config::{DatabaseUrl, Settings, TrustedProxies};
use crate::error::AppResult;
use crate::output::Format;
use crate::results;

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
    /// Reverse proxies whose X-Forwarded-For names the client (addresses or CIDR ranges, comma-separated) [default: none]
    #[arg(
        long,
        global = true,
        env = "CANVASS_TRUSTED_PROXIES",
        default_value = "",
        hide_default_value = true
    )]
    pub trusted_proxies: String,
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
            trusted_proxies: TrustedProxies::parse(&self.trusted_proxies)?,
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
        format: ResultsFormat,
        /// Breakdown: region, country (within each region) or type (member type)
        #[arg(long, default_value = "region", value_parser = parse_by)]
        by: results::By,
        /// Add each cell's numerator and denominator
        #[arg(long)]
        detail: bool,
        /// Add the value of a closed EARLIER round and the change since
        #[arg(long, value_name = "EARLIER")]
        compare: Option<String>,
        /// With --format xlsx: the workbook to write
        #[arg(long)]
        output: Option<PathBuf>,
        /// With --format xlsx: the language of titles and explanations
        #[arg(long, default_value = "en")]
        lang: String,
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
    Demo(demo::DemoArgs),
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
    /// Read an XLSForm into a survey folder (checked; nothing written unless it passes)
    Import {
        file: PathBuf,
        /// The survey id [default: the settings sheet's form_id]
        #[arg(long)]
        id: Option<String>,
        /// Replace an existing folder (the old one is kept in <surveys dir>/_replaced/)
        #[arg(long)]
        replace: bool,
    },
    /// Write a survey as an XLSForm
    Export {
        id: String,
        #[arg(long)]
        output: PathBuf,
    },
    /// The translators' workbook: write it (--output) or read it back (--input)
    Texts {
        id: String,
        #[arg(long, conflicts_with = "input", required_unless_present = "input")]
        output: Option<PathBuf>,
        #[arg(long)]
        input: Option<PathBuf>,
    },
}

/// `canvass results --format`: the formats of other listings, and xlsx.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultsFormat {
    Table,
    Csv,
    Json,
    Xlsx,
}

impl ResultsFormat {
    /// The text format, or `None` for xlsx.
    pub fn text(self) -> Option<Format> {
        match self {
            ResultsFormat::Table => Some(Format::Table),
            ResultsFormat::Csv => Some(Format::Csv),
            ResultsFormat::Json => Some(Format::Json),
            ResultsFormat::Xlsx => None,
        }
    }
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
    Open {
        name: String,
        /// Reopen a closed round although regional reviewers have seen its
        /// results: a second close lets them subtract one from the other
        #[arg(long)]
        force: bool,
    },
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
        Command::Round(RoundCommand::Open { name, .. }) => ("round.open", name.clone()),
        Command::Round(RoundCommand::Close { name }) => ("round.close", name.clone()),
        Command::Responses(ResponsesCommand::Import { name, file }) => {
            ("responses.import", format!("{name} {}", file.display()))
        }
        Command::Results {
            name,
            region,
            format,
            ..
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
        Command::Survey(SurveyCommand::Import { file, id, replace }) => {
            xlsx::import(&settings, &file, id.as_deref(), replace, out)
        }
        Command::Survey(SurveyCommand::Export { id, output }) => {
            xlsx::export(&settings, &id, &output, out)
        }
        Command::Survey(SurveyCommand::Texts { id, output, input }) => {
            xlsx::texts(&settings, &id, output.as_deref(), input.as_deref(), out)
        }
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
            by,
            detail,
            compare,
            output,
            lang,
        } => {
            let req = results::Request {
                region: region.as_deref(),
                by,
                detail,
                compare: compare.as_deref(),
            };
            match format.text() {
                Some(format) => results_cmd(&settings, &name, req, format, out),
                None => xlsx::results(&settings, &name, req, output.as_deref(), &lang, out),
            }
        }
        Command::User(UserCommand::Add {
            email,
            role,
            region,
        }) => user_add(&settings, &email, &role, region.as_deref(), out),
        Command::Serve { bind } => serve(&settings, &bind, out),
        Command::Audit { limit, format } => audit_list(&settings, limit, format, out),
        Command::Demo(args) => demo::run(&cli.global, &args, out),
    }
}

/// `--by`: region, country or type.
fn parse_by(s: &str) -> Result<results::By, String> {
    results::By::parse(s).map_err(|e| e.to_string())
}
