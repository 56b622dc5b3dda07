//! Surveys in spreadsheets (contract §9): XLSForm in (`import`) and out
//! (`export`), the translators' workbook (`texts`), and results as a
//! workbook (`results`).
//!
//! Reading goes through one path: the workbook is read into text grids
//! (`book`, the only user of calamine), the sheets are turned into the
//! text of a survey folder whose every line remembers its cell (`form`,
//! `questions`, `indicators`, `emit`), and that text is judged by the
//! survey checker itself (`survey::load_sources`), whose findings are told
//! back by cell. Nothing is written unless the whole form passes, and then
//! through a temporary folder renamed into place (`store`).

mod book;
pub(crate) mod condition;
mod diag;
mod emit;
pub mod export;
mod form;
mod indicators;
mod questions;
mod relevant;
pub mod results;
mod sheet_out;
mod sheets;
pub mod store;
mod table;
pub mod texts;

use std::path::Path;

pub use diag::{CellProblem, Problems};
pub use relevant::{parse as parse_expression, ExprError};

use crate::survey::{self, Diagnostic, Survey, SurveyFiles};
use book::Book;
use form::{Generated, Reader};
use table::Table;

/// An XLSForm read and checked: the survey and its files when it passes.
pub struct Imported {
    pub survey: Option<(Survey, SurveyFiles)>,
    pub problems: Vec<CellProblem>,
}

/// Reads the workbook `bytes` (named `file` in messages) into the survey
/// folder `<surveys_dir>/<id>`, checked; writes nothing.
pub fn import(bytes: &[u8], file: &str, id: Option<&str>, surveys_dir: &Path) -> Imported {
    let mut problems = Problems::new(file);
    let generated = Book::read(bytes, &mut problems).and_then(|b| generate(&b, id, &mut problems));
    let Some(g) = generated else {
        return Imported {
            survey: None,
            problems: problems.items,
        };
    };
    let files = SurveyFiles {
        dir: surveys_dir.join(&g.id),
        toml: g.toml.text.clone(),
        ftl: g
            .ftl
            .iter()
            .map(|(l, o)| (format!("{l}.ftl"), o.text.clone()))
            .collect(),
    };
    let (survey, diags) = survey::load_sources(&files);
    for d in &diags {
        tell(&mut problems, &g, d);
    }
    let ok = !problems.has_errors();
    Imported {
        survey: survey.filter(|_| ok).map(|s| (s, files)),
        problems: problems.items,
    }
}

/// The folder's text from the sheets; `None` when there is no survey sheet
/// or no id.
fn generate(book: &Book, id: Option<&str>, problems: &mut Problems) -> Option<Generated> {
    let Some(sheet) = book.sheet("survey") else {
        problems.error(
            "",
            "the workbook has no sheet named `survey`; is it an XLSForm?",
        );
        return None;
    };
    let settings = sheets::settings(book, problems);
    let choices = sheets::choices(book, problems);
    let languages = sheets::languages(book, &settings, problems);
    let (id, id_at) = match (id, &settings.form_id) {
        (Some(id), _) => (id.to_string(), String::new()),
        (None, Some((id, at))) => (id.clone(), at.clone()),
        (None, None) => {
            problems.error(
                "",
                "the settings sheet has no form_id; add one or give --id",
            );
            return None;
        }
    };
    if !survey::is_id(&id) {
        problems.error(
            &id_at,
            format!("the survey id `{id}` must match [a-z][a-z0-9_]*"),
        );
        return None;
    }
    let mut reader = Reader::new(problems, languages, choices, settings);
    reader.header(&id, &id_at);
    let table = Table::new(sheet, "survey", reader.problems);
    reader.survey(&table);
    if let Some(sheet) = book.sheet("indicators") {
        let table = Table::new(sheet, "indicators", reader.problems);
        reader.indicators(&table);
    }
    Some(Generated {
        id,
        toml: reader.toml,
        ftl: reader.ftl,
    })
}

/// Tells a finding of the survey checker by the cell its line came from.
fn tell(problems: &mut Problems, g: &Generated, d: &Diagnostic) {
    let name = d
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (out, generated) = if name == "survey.toml" {
        (Some(&g.toml), name.clone())
    } else {
        (g.ftl.get(name.trim_end_matches(".ftl")), name.clone())
    };
    let by_line = out.and_then(|o| o.origin(d.line));
    let by_message = out.and_then(|o| {
        let id = d.message.strip_prefix("message `")?.split('`').next()?;
        o.messages.get(id).map(String::as_str)
    });
    let at = by_message.or(by_line).unwrap_or("");
    let message = out.map_or_else(|| d.message.clone(), |o| cells_for_lines(&d.message, o));
    let message = if at.is_empty() {
        format!("{message} (in the generated {generated}, line {})", d.line)
    } else {
        message
    };
    match d.severity {
        survey::Severity::Error => problems.error(at, message),
        survey::Severity::Warning => problems.warning(at, message),
    }
}

/// "used on line 7" of the generated text becomes "used on survey!B2".
fn cells_for_lines(message: &str, out: &emit::Out) -> String {
    let mut result = String::new();
    let mut rest = message;
    while let Some(i) = rest.find("line ") {
        let digits: String = rest[i + 5..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let cell = digits.parse().ok().and_then(|n| out.origin(n));
        match cell {
            Some(cell) => {
                result.push_str(&rest[..i]);
                result.push_str(cell);
                rest = &rest[i + 5 + digits.len()..];
            }
            None => {
                result.push_str(&rest[..i + 5]);
                rest = &rest[i + 5..];
            }
        }
    }
    result.push_str(rest);
    result
}

#[cfg(test)]
mod kobo_tests;
#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod tests;
