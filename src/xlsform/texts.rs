//! The survey's messages as data, and the translators' workbook (contract
//! §9): sheet `texts`, one row per message id, one column per language
//! (the default first). Reading one back rewrites the `.ftl` files, after
//! the whole survey passes the checker; nothing is written otherwise.

use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::book::Book;
use super::diag::Problems;
use super::emit::Out;
use super::sheet_out::{finish, lang_column, sheet};
use super::table::Table;
use super::CellProblem;
use crate::error::AppResult;
use crate::survey::{self, texts::required_messages, Survey, SurveyFiles};

/// The messages of a Fluent source, id → text (several lines joined by
/// `\n`, their common indentation removed, as Fluent reads them).
pub fn messages(source: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in source.lines() {
        let continues = line.starts_with([' ', '\t']) && !line.trim().is_empty();
        if continues {
            if let Some((_, lines)) = current.as_mut() {
                lines.push(line.to_string());
            }
            continue;
        }
        if let Some((id, lines)) = current.take() {
            out.insert(id, join(&lines));
        }
        if let Some((id, value)) = definition(line) {
            current = Some((id.to_string(), vec![value.to_string()]));
        }
    }
    if let Some((id, lines)) = current {
        out.insert(id, join(&lines));
    }
    out
}

fn definition(line: &str) -> Option<(&str, &str)> {
    let (id, value) = line.split_once('=')?;
    let id = id.trim_end();
    let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| (id, value.trim()))
}

fn join(lines: &[String]) -> String {
    let first = lines[0].clone();
    let rest = &lines[1..];
    let indent = rest
        .iter()
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut parts: Vec<String> = Vec::new();
    if !first.is_empty() {
        parts.push(first);
    }
    parts.extend(rest.iter().map(|l| l[indent..].trim_end().to_string()));
    parts.join("\n")
}

/// Every message of the survey by language.
pub fn by_language(s: &Survey) -> BTreeMap<String, BTreeMap<String, String>> {
    s.texts
        .iter()
        .map(|(l, src)| (l.clone(), messages(src)))
        .collect()
}

/// The ids of the translators' workbook: the needed ones in survey order,
/// then the optional ones any language has (title, intro, help texts).
fn message_ids(s: &Survey, texts: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<String> {
    let mut ids = required_messages(s);
    let mut extra: Vec<String> = texts
        .values()
        .flat_map(|m| m.keys().cloned())
        .filter(|id| !ids.contains(id))
        .collect();
    extra.sort();
    extra.dedup();
    for id in extra {
        // Help texts go after their question.
        let at = id
            .strip_suffix("-help")
            .and_then(|q| ids.iter().position(|i| *i == q))
            .map_or(ids.len(), |p| p + 1);
        ids.insert(at, id);
    }
    ids
}

/// The translators' workbook of a survey.
pub fn workbook(s: &Survey) -> AppResult<Vec<u8>> {
    let texts = by_language(s);
    let langs = s.languages();
    let mut header = vec!["id".to_string()];
    header.extend(langs.iter().map(|l| lang_column("text", l)));
    let rows: Vec<Vec<String>> = message_ids(s, &texts)
        .into_iter()
        .map(|id| {
            let mut row = vec![id.clone()];
            row.extend(langs.iter().map(|l| {
                texts
                    .get(*l)
                    .and_then(|m| m.get(&id))
                    .cloned()
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    let mut book = Workbook::new();
    sheet(&mut book, "texts", &header, &rows).map_err(|e| {
        crate::error::AppError::io("the workbook", std::io::Error::other(e.to_string()))
    })?;
    finish(book)
}

/// Reads a translators' workbook against the survey in `dir`: the new
/// `.ftl` sources when the survey passes its check with them.
pub fn read_workbook(
    bytes: &[u8],
    file: &str,
    dir: &Path,
) -> (Option<SurveyFiles>, Vec<CellProblem>) {
    let mut problems = Problems::new(file);
    let Some(book) = Book::read(bytes, &mut problems) else {
        return (None, problems.items);
    };
    let Some(sheet) = book.sheet("texts") else {
        problems.error("", "the workbook has no sheet named `texts`");
        return (None, problems.items);
    };
    let table = Table::new(sheet, "texts", &mut problems);
    let mut outs: BTreeMap<String, Out> = BTreeMap::new();
    for c in table.columns.iter().filter(|c| c.base != "id") {
        match (&c.lang, c.base.as_str()) {
            (Some(l), "text") => {
                outs.entry(l.clone()).or_default();
            }
            _ => problems.error(
                &table.at(0, c.index),
                format!(
                    "column `{}` is not read; language columns are `text::Language (code)`",
                    c.base
                ),
            ),
        }
    }
    for &row in &table.records {
        let id = table.get(row, "id");
        for c in table.columns.iter().filter(|c| c.base == "text") {
            let (Some(lang), text) = (&c.lang, table.cell(row, c.index)) else {
                continue;
            };
            if let Some(out) = outs.get_mut(lang) {
                let at = table.at(row, c.index);
                out.messages.insert(id.to_string(), at.clone());
                if !text.is_empty() {
                    out.message(&at, id, text);
                }
            }
        }
    }
    check(dir, outs, problems)
}

fn check(
    dir: &Path,
    outs: BTreeMap<String, Out>,
    mut problems: Problems,
) -> (Option<SurveyFiles>, Vec<CellProblem>) {
    let mut files = match SurveyFiles::read(dir) {
        Ok(f) => f,
        Err(d) => {
            problems.error("", d.to_string());
            return (None, problems.items);
        }
    };
    files.ftl = outs
        .iter()
        .map(|(l, o)| (format!("{l}.ftl"), o.text.clone()))
        .collect();
    let (survey, diags) = survey::load_sources(&files);
    let g = super::form::Generated {
        id: String::new(),
        toml: Out::default(),
        ftl: outs,
    };
    for d in &diags {
        super::tell(&mut problems, &g, d);
    }
    let ok = survey.is_some() && !problems.has_errors();
    (ok.then_some(files), problems.items)
}

/// Replaces the `.ftl` files of `dir` with `files.ftl`, through a
/// temporary copy of the folder renamed into place; the old folder is kept
/// as for an import.
pub fn write(
    surveys_dir: &Path,
    id: &str,
    files: &SurveyFiles,
) -> AppResult<Option<std::path::PathBuf>> {
    super::store::write(surveys_dir, id, files, true)
}
