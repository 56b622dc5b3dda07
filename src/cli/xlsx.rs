//! The spreadsheet commands (contract §9): `survey import`, `survey
//! export`, `survey texts`, and `results --format xlsx`.

use std::io::Write;
use std::path::Path;

use super::commands::{pool, read_file, write};
use crate::config::Settings;
use crate::error::{AppError, AppResult};
use crate::survey::{self, Severity};
use crate::xlsform::{self, CellProblem};
use crate::{results, rounds};

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Prints every problem; an error when any is an error.
fn report(problems: &[CellProblem], what: &str, out: &mut dyn Write) -> AppResult<()> {
    for p in problems {
        write(out, &format!("{p}\n"))?;
    }
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(AppError::invalid_with(
        format!(
            "{what} has {} problem(s) that must be fixed; nothing was written",
            errors.len()
        ),
        errors,
    ))
}

pub(super) fn import(
    settings: &Settings,
    file: &Path,
    id: Option<&str>,
    replace: bool,
    out: &mut dyn Write,
) -> AppResult<()> {
    let bytes = read_file(file)?;
    let got = xlsform::import(&bytes, &file_name(file), id, &settings.surveys_dir);
    report(&got.problems, &file.display().to_string(), out)?;
    let Some((survey, files)) = got.survey else {
        return Err(AppError::invalid(format!(
            "{} could not be read as a survey; nothing was written",
            file.display()
        )));
    };
    let kept = xlsform::store::write(&settings.surveys_dir, &survey.id, &files, replace)?;
    let mut msg = format!(
        "survey `{}` written to {} ({} questions, {} indicators, languages: {})\n",
        survey.id,
        files.dir.display(),
        survey.questions().count(),
        survey.indicators.len(),
        survey.languages().join(", ")
    );
    if let Some(k) = kept {
        msg.push_str(&format!("the previous files are kept in {}\n", k.display()));
    }
    write(out, &msg)
}

pub(super) fn export(
    settings: &Settings,
    id: &str,
    output: &Path,
    out: &mut dyn Write,
) -> AppResult<()> {
    let s = survey::load_by_id(&settings.surveys_dir, id)?;
    let bytes = xlsform::export::workbook(&s)?;
    save(output, &bytes)?;
    write(
        out,
        &format!(
            "survey `{id}` written to {} as an XLSForm\n",
            output.display()
        ),
    )
}

pub(super) fn texts(
    settings: &Settings,
    id: &str,
    output: Option<&Path>,
    input: Option<&Path>,
    out: &mut dyn Write,
) -> AppResult<()> {
    let s = survey::load_by_id(&settings.surveys_dir, id)?;
    if let Some(output) = output {
        save(output, &xlsform::texts::workbook(&s)?)?;
        return write(
            out,
            &format!("the texts of `{id}` written to {}\n", output.display()),
        );
    }
    let Some(input) = input else {
        return Err(AppError::invalid(
            "give --output FILE.xlsx or --input FILE.xlsx",
        ));
    };
    let bytes = read_file(input)?;
    let (files, problems) =
        xlsform::texts::read_workbook(&bytes, &file_name(input), &settings.surveys_dir.join(id));
    report(&problems, &input.display().to_string(), out)?;
    let files = files.ok_or_else(|| {
        AppError::invalid(format!(
            "{} could not be read; nothing was written",
            input.display()
        ))
    })?;
    let kept = xlsform::texts::write(&settings.surveys_dir, id, &files)?;
    let mut msg = format!(
        "the texts of `{id}` were replaced ({} languages)\n",
        files.ftl.len()
    );
    if let Some(k) = kept {
        msg.push_str(&format!("the previous files are kept in {}\n", k.display()));
    }
    write(out, &msg)
}

pub(super) fn results(
    settings: &Settings,
    name: &str,
    req: results::Request<'_>,
    output: Option<&Path>,
    lang: &str,
    out: &mut dyn Write,
) -> AppResult<()> {
    let Some(output) = output else {
        return Err(AppError::invalid(
            "--format xlsx writes a workbook: give --output FILE.xlsx",
        ));
    };
    let ui = crate::i18n::Texts::ui()?;
    let lang = ui.pick(&[lang]).to_string();
    let pool = pool(settings)?;
    let mut conn = pool.get()?;
    let round = rounds::find(&mut conn, name)?;
    // Whoever runs the command line holds the database: the secretariat's view.
    let published = results::read(
        &mut conn,
        &round,
        settings.min_cell,
        results::Viewer::Secretariat,
        req,
    )?;
    let table = xlsform::results::table(&published, &round.survey, &ui, &lang)?;
    let words = xlsform::results::Words::new(&ui, &lang, settings.min_cell, name);
    save(output, &xlsform::results::workbook(&table, &words)?)?;
    write(
        out,
        &format!("results of `{name}` written to {}\n", output.display()),
    )
}

/// Writes through a temporary file beside `path`, renamed into place.
fn save(path: &Path, bytes: &[u8]) -> AppResult<()> {
    let tmp = path.with_extension(format!("xlsx.tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| AppError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        AppError::io(path, e)
    })
}
