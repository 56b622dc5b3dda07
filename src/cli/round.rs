//! `canvass round …`: one function per subcommand, each reading its
//! arguments, calling `rounds` (or the mail queue) and writing what the
//! user sees to `out`.

use std::io::Write;

use chrono::Utc;

use super::commands::{pool, today, write};
use super::RoundCommand;
use crate::config::Settings;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::output::Format;
use crate::rounds::{self, RegionStatus, Round};
use crate::survey;

pub(super) fn round(settings: &Settings, cmd: RoundCommand, out: &mut dyn Write) -> AppResult<()> {
    let pool = pool(settings)?;
    let mut conn = pool.get()?;
    let conn = &mut *conn;
    match cmd {
        RoundCommand::Create {
            name,
            survey,
            opens,
            closes,
            regions,
        } => {
            let new = CreateArgs {
                name: &name,
                survey: &survey,
                opens,
                closes,
                regions: &regions,
            };
            create(settings, conn, &new, out)
        }
        RoundCommand::Invite { name } => invite(settings, conn, &name, out),
        RoundCommand::Remind { name } => remind(settings, conn, &name, out),
        RoundCommand::Open { name, force } => open(conn, &name, force, out),
        RoundCommand::Close { name } => close(settings, conn, &name, out),
        RoundCommand::Status { name, format } => status(conn, &name, format, out),
    }
}

/// `round create`'s arguments, the survey still named by its id.
struct CreateArgs<'a> {
    name: &'a str,
    survey: &'a str,
    opens: Option<chrono::NaiveDate>,
    closes: Option<chrono::NaiveDate>,
    regions: &'a [String],
}

fn create(
    settings: &Settings,
    conn: &mut DbConnection,
    new: &CreateArgs,
    out: &mut dyn Write,
) -> AppResult<()> {
    let survey = survey::load_by_id(&settings.surveys_dir, new.survey)?;
    let round = rounds::create(
        conn,
        &rounds::NewRound {
            name: new.name,
            survey: &survey,
            opens: new.opens,
            closes: new.closes,
            regions: new.regions,
        },
        Utc::now().naive_utc(),
    )?;
    let targeted: i64 = rounds::status(conn, &round)?
        .last()
        .map_or(0, |s| s.targeted);
    write(
        out,
        &format!(
            "round {} created from survey {} ({}), {targeted} member(s) targeted, {}\n",
            new.name,
            survey.id,
            &round.content_hash[..12],
            round.state(today())
        ),
    )
}

fn invite(
    settings: &Settings,
    conn: &mut DbConnection,
    name: &str,
    out: &mut dyn Write,
) -> AppResult<()> {
    let n = crate::mail::outbox::queue_invitations(conn, name, Utc::now().naive_utc())?;
    let report = deliver(settings, conn)?;
    write(
        out,
        &format!("{n} member(s) invited in round {name}; {}\n", report),
    )
}

fn remind(
    settings: &Settings,
    conn: &mut DbConnection,
    name: &str,
    out: &mut dyn Write,
) -> AppResult<()> {
    let n = crate::mail::outbox::queue_reminders(conn, name, Utc::now().naive_utc())?;
    let report = deliver(settings, conn)?;
    write(
        out,
        &format!("{n} reminder(s) queued in round {name}; {}\n", report),
    )
}

fn open(conn: &mut DbConnection, name: &str, force: bool, out: &mut dyn Write) -> AppResult<()> {
    let round = rounds::open(conn, name, today(), force)?;
    write(out, &format!("round {name} is {}\n", round.state(today())))
}

fn close(
    settings: &Settings,
    conn: &mut DbConnection,
    name: &str,
    out: &mut dyn Write,
) -> AppResult<()> {
    rounds::close(conn, name, settings.min_cell, Utc::now().naive_utc())?;
    write(
        out,
        &format!("round {name} is closed; its results are stored\n"),
    )
}

fn status(
    conn: &mut DbConnection,
    name: &str,
    format: Format,
    out: &mut dyn Write,
) -> AppResult<()> {
    let round = rounds::find(conn, name)?;
    let status = rounds::status(conn, &round)?;
    let text = match format {
        Format::Json => crate::output::json(
            &serde_json::json!({ "round": name, "state": round.state(today()), "regions": status }),
        )?,
        _ => status_text(conn, &round, &status, format)?,
    };
    write(out, &text)
}

/// The status as a table (with the mail that could not be delivered
/// below it) or as CSV.
fn status_text(
    conn: &mut DbConnection,
    round: &Round,
    status: &[RegionStatus],
    format: Format,
) -> AppResult<String> {
    let headers = [
        "region",
        "targeted",
        "invited",
        "delivered",
        "bounced",
        "started",
        "submitted",
    ];
    let rows = status_rows(status);
    let mut text = if format == Format::Csv {
        crate::output::csv(&headers, &rows)?
    } else {
        crate::output::table(&headers, &rows)
    };
    let failures = crate::mail::outbox::failures(conn, round)?;
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
    Ok(text)
}

fn status_rows(status: &[RegionStatus]) -> Vec<Vec<String>> {
    status
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
        .collect()
}

/// Sends the queue now, waiting up to a minute for servers that ask to retry.
fn deliver(settings: &Settings, conn: &mut DbConnection) -> AppResult<crate::mail::outbox::Report> {
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
