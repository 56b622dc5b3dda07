//! `canvass responses import` (contract §2): answers collected offline
//! (phone, paper). Column `member`, then one column per question id;
//! several choices separated by `;`. Each row goes through
//! `answers::validate`, like the web form; the file lands whole or not at
//! all.

use std::collections::HashMap;

use chrono::NaiveDateTime;

use crate::answers::{self, Raw};
use crate::csv_input::{self, CsvTable};
use crate::db::{self, DbConnection};
use crate::error::{AppError, AppResult};
use crate::rounds::{self, Round};
use crate::survey::{Answers, Question, QuestionKind};

/// Imports `bytes` (the file `name`) into `round`; returns how many
/// responses were stored.
pub fn import(
    conn: &mut DbConnection,
    round_name: &str,
    name: &str,
    bytes: &[u8],
    now: NaiveDateTime,
) -> AppResult<usize> {
    let table = csv_input::read(name, bytes)?;
    db::transaction(conn, |conn| {
        let round = rounds::find(conn, round_name)?;
        if round.closed {
            return Err(AppError::Conflict(format!(
                "round `{round_name}` is closed and accepts no answers"
            )));
        }
        rounds::sync_targets(conn, &round)?;
        let ready = checked(conn, &round, name, &table)?;
        for (invitation, a) in &ready {
            answers::store_submission(conn, &round.survey, invitation, a, now)?;
        }
        Ok(ready.len())
    })
}

/// Every row as `(invitation, answers)`, or every problem of the file,
/// each with its line.
fn checked(
    conn: &mut DbConnection,
    round: &Round,
    name: &str,
    table: &CsvTable,
) -> AppResult<Vec<(String, Answers)>> {
    refuse_notes(round, name, table)?;
    let mut known: Vec<&str> = vec!["member"];
    known.extend(answerable(round).map(|q| q.id.as_str()));
    let cols = table.columns(name, &known, &["member"])?;
    let mut problems = table.problems.clone();
    let mut ready: Vec<(String, Answers)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for row in &table.rows {
        let member = cols[0].map_or("", |c| row.fields[c].as_str());
        let at = |p: String| format!("{name}:{}: {p}", row.line);
        if let Some(first) = seen.insert(member.to_string(), row.line) {
            problems.push(at(format!(
                "member \"{member}\" already appears on line {first}"
            )));
            continue;
        }
        let Some(invitation) = rounds::invitation_of(conn, round, member)? else {
            problems.push(at(format!(
                "member \"{member}\" is not targeted by round `{}`",
                round.name
            )));
            continue;
        };
        match answers::validate(&round.survey, &raw_answers(round, &cols, &row.fields)) {
            Ok(a) => ready.push((invitation, a)),
            Err(errs) => problems.extend(errs.into_iter().map(|(q, p)| at(format!("{q}: {p}")))),
        }
    }
    if !problems.is_empty() {
        return Err(csv_input::rejected(name, problems));
    }
    Ok(ready)
}

/// The questions that take an answer (all but notes), in survey order:
/// the columns a file may have after `member`.
fn answerable(round: &Round) -> impl Iterator<Item = &Question> {
    round.survey.questions().filter(|q| q.kind.takes_answer())
}

/// A column for a note is refused by name: a note takes no answer.
fn refuse_notes(round: &Round, name: &str, table: &CsvTable) -> AppResult<()> {
    let notes: Vec<String> = table
        .headers
        .iter()
        .filter(|h| {
            round
                .survey
                .question(h)
                .is_some_and(|q| !q.kind.takes_answer())
        })
        .map(|h| {
            format!("{name}:1: column \"{h}\" is a note, which takes no answer; remove the column")
        })
        .collect();
    if notes.is_empty() {
        return Ok(());
    }
    Err(AppError::invalid_with(
        format!("{name}: the header row is not usable; nothing was imported"),
        notes,
    ))
}

/// The row's cells as form-like raw answers (multi cells split on `;`).
fn raw_answers(round: &Round, cols: &[Option<usize>], fields: &[String]) -> Raw {
    let mut raw = Raw::new();
    for (q, col) in answerable(round).zip(&cols[1..]) {
        let Some(c) = col else { continue };
        let cell = &fields[*c];
        let values = match q.kind {
            QuestionKind::Multi { .. } => cell.split(';').map(|s| s.trim().to_string()).collect(),
            _ => vec![cell.clone()],
        };
        raw.insert(q.id.clone(), values);
    }
    raw
}
