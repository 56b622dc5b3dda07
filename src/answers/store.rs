//! Where answers are kept: the member's draft (`drafts` rows, raw
//! strings), the last submission (`answers` rows and the packed copy, see
//! [`super::packed`]), and the reads of them: the draft a form shows, the
//! free-text answers of a round.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{to_raw, Raw};
use crate::db::backend::submission::{self, AnswerRow};
use crate::db::schema::{answers, drafts, invitations};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::round::Round;
use crate::survey::{Answers, Survey, Value};

#[derive(Insertable)]
#[diesel(table_name = drafts, treat_none_as_default_value = false)]
struct DraftRow<'a> {
    invitation_id: &'a str,
    question: &'a str,
    raw: String,
}

/// A value as the `answers` columns store it: `(choice, number, text)`.
pub fn columns(value: &Value) -> (Option<i64>, Option<f64>, Option<&str>) {
    match value {
        // Masks use at most 63 bits (MAX_OPTIONS), so they fit in i64.
        Value::Choice(m) => (i64::try_from(*m).ok(), None, None),
        Value::Number(n) => (None, Some(*n), None),
        Value::Text(t) => (None, None, Some(t.as_str())),
    }
}

/// The value stored in the `answers` columns, the inverse of [`columns`];
/// `None` for a row holding nothing.
pub fn from_columns(
    choice: Option<i64>,
    number: Option<f64>,
    text: Option<String>,
) -> Option<Value> {
    match (choice, number, text) {
        (Some(c), _, _) => Some(Value::Choice(u64::try_from(c).unwrap_or(0))),
        (None, Some(n), _) => Some(Value::Number(n)),
        (None, None, Some(t)) => Some(Value::Text(t)),
        (None, None, None) => None,
    }
}

/// question, choice, number, text
type StoredAnswer = (String, Option<i64>, Option<f64>, Option<String>);

/// What the member sees in the form: the last submission, if there is
/// one, with the draft rows saved since laid over it (a row holding `[]`
/// is a question cleared since). A submission is not copied into drafts:
/// its answers are the draft until the member changes something.
pub fn current_draft(
    conn: &mut DbConnection,
    survey: &Survey,
    invitation_id: &str,
    submitted: bool,
) -> AppResult<Raw> {
    let mut raw = Raw::new();
    if submitted {
        let rows: Vec<StoredAnswer> = answers::table
            .filter(answers::invitation_id.eq(invitation_id))
            .select((
                answers::question,
                answers::choice,
                answers::number,
                answers::text,
            ))
            .load(conn)?;
        for (qid, choice, number, text) in rows {
            let value = from_columns(choice, number, text);
            if let (Some(q), Some(value)) = (survey.question(&qid), value) {
                raw.insert(qid, to_raw(q, &value));
            }
        }
    }
    let rows: Vec<(String, String)> = drafts::table
        .filter(drafts::invitation_id.eq(invitation_id))
        .select((drafts::question, drafts::raw))
        .load(conn)?;
    for (qid, json) in rows {
        let values: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
        if values.is_empty() {
            raw.remove(&qid);
        } else {
            raw.insert(qid, values);
        }
    }
    Ok(raw)
}

/// Replaces the draft rows of the questions a post carried (`changed`)
/// with their values in `draft`; the first save marks the response as
/// started. Three statements; runs in the caller's transaction.
pub fn save_draft(
    conn: &mut DbConnection,
    invitation_id: &str,
    changed: &[String],
    draft: &Raw,
    now: NaiveDateTime,
) -> AppResult<()> {
    use crate::db::insert_rows;
    // A cleared question keeps a row holding `[]`: it hides the answer a
    // submission may have for it (see `current_draft`).
    let rows: Vec<DraftRow> = changed
        .iter()
        .map(|q| DraftRow {
            invitation_id,
            question: q,
            raw: draft
                .get(q)
                .and_then(|values| serde_json::to_string(values).ok())
                .unwrap_or_else(|| "[]".into()),
        })
        .collect();
    diesel::delete(
        drafts::table
            .filter(drafts::invitation_id.eq(invitation_id))
            .filter(drafts::question.eq_any(changed)),
    )
    .execute(conn)?;
    insert_rows!(conn, drafts::table, rows);
    diesel::update(
        invitations::table
            .find(invitation_id)
            .filter(invitations::started_at.is_null()),
    )
    .set(invitations::started_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Stores `answers` as the invitation's last submission (the rows, and the
/// packed copy results read); the draft rows go, as the submission is now
/// what the member sees (`current_draft`). Atomic on its own (see
/// `db::backend::submission`).
pub fn store_submission(
    conn: &mut DbConnection,
    survey: &Survey,
    invitation_id: &str,
    answers: &Answers,
    now: NaiveDateTime,
) -> AppResult<()> {
    // `validate` only yields answers to questions of this survey.
    let rows: Vec<AnswerRow> = answers
        .iter()
        .filter(|(qid, _)| survey.question(qid).is_some())
        .map(|(qid, value)| {
            let (choice, number, text) = columns(value);
            AnswerRow {
                invitation_id,
                question: qid,
                choice,
                number,
                text,
            }
        })
        .collect();
    let packed = super::packed::pack(survey, answers);
    submission::store(conn, invitation_id, rows, packed, now)
}

/// The submitted free-text answers of `round` as `(question, text)`, in
/// no particular order: the caller sorts them, so that nothing follows
/// the members.
pub fn free_texts(conn: &mut DbConnection, round: &Round) -> AppResult<Vec<(String, String)>> {
    Ok(answers::table
        .inner_join(invitations::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(answers::text.is_not_null())
        .select((answers::question, answers::text.assume_not_null()))
        .load(conn)?)
}
