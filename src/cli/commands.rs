//! One small function per command (those of `canvass round …` are in
//! `cli::round`): each reads its input, calls the domain, and writes what
//! the user sees to `out`.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};

use crate::config::Settings;
use crate::db::{self, Pool};
use crate::error::{AppError, AppResult};
use crate::output::Format;
use crate::survey::{self, Diagnostic, Severity};
use crate::{members, responses_import, results, rounds, users};

pub(super) fn write(out: &mut dyn Write, text: &str) -> AppResult<()> {
    out.write_all(text.as_bytes())
        .map_err(|e| AppError::io("standard output", e))
}

pub(super) fn pool(settings: &Settings) -> AppResult<Pool> {
    db::connect(&settings.database)
}

pub(super) fn read_file(path: &Path) -> AppResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| AppError::io(path, e))
}

pub(super) fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub(super) fn migrate(settings: &Settings, out: &mut dyn Write) -> AppResult<()> {
    pool(settings)?;
    write(
        out,
        &format!("schema of {} is up to date\n", settings.database.redacted()),
    )
}

/// The survey folders under the surveys dir, sorted.
pub(super) fn survey_dirs(settings: &Settings) -> AppResult<Vec<PathBuf>> {
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

pub(super) fn survey_check(
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

pub(super) fn survey_list(settings: &Settings, out: &mut dyn Write) -> AppResult<()> {
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

pub(super) fn members_import(
    settings: &Settings,
    file: &Path,
    out: &mut dyn Write,
) -> AppResult<()> {
    let bytes = read_file(file)?;
    let pool = pool(settings)?;
    let s = members::import(
        &mut *pool.get()?,
        &file.display().to_string(),
        &bytes,
        rounds::sync_all_open,
    )?;
    write(
        out,
        &format!(
            "{} added, {} updated, {} unchanged\n",
            s.added, s.updated, s.unchanged
        ),
    )
}

pub(super) fn members_list(
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

pub(super) fn serve(settings: &Settings, bind: &str, out: &mut dyn Write) -> AppResult<()> {
    let pool = pool(settings)?;
    crate::web::serve(settings, pool, bind, out)
}

pub(super) fn responses_import(
    settings: &Settings,
    name: &str,
    file: &Path,
    out: &mut dyn Write,
) -> AppResult<()> {
    let bytes = read_file(file)?;
    let pool = pool(settings)?;
    let n = responses_import::import(
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

pub(super) fn results_cmd(
    settings: &Settings,
    name: &str,
    req: results::Request<'_>,
    format: Format,
    out: &mut dyn Write,
) -> AppResult<()> {
    let pool = pool(settings)?;
    let mut conn = pool.get()?;
    let round = rounds::find(&mut conn, name)?;
    // Whoever runs the command line holds the database: the secretariat's view.
    let viewer = results::Viewer::Secretariat;
    let res = results::read(&mut conn, &round, settings.min_cell, viewer, req)?;
    write(out, &res.render(format)?)
}

pub(super) fn audit_list(
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

pub(super) fn user_add(
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
pub(super) fn read_password() -> AppResult<(String, bool)> {
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
