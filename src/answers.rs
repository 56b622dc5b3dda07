//! The one validation of answers, used by the web form and by
//! `responses import`, and the storage of drafts and submissions.
//!
//! Raw input (form fields, CSV cells) arrives as strings per question id.
//! `validate` turns a whole response into `Answers`: values parsed by type,
//! questions whose `show_if` does not hold dropped, required ones checked.
//! `oversized` is what a draft must pass: no answer longer than its
//! question allows (the same length check as `validate`'s).

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{answers, drafts, invitations};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::survey::{Answers, Question, QuestionKind, Survey, Value};

/// What a form or a CSV row carries: zero or more strings per question id.
pub type Raw = BTreeMap<String, Vec<String>>;

/// Why an answer was refused. The web layer turns each into a Fluent
/// message; `Display` is the English used on the command line.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Required,
    NotANumber(String),
    NotAWholeNumber(String),
    BelowMin(f64),
    AboveMax(f64),
    UnknownOption(String),
    OneChoiceOnly,
    TooLong(usize),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => write!(f, "an answer is required"),
            Problem::NotANumber(v) => write!(f, "\"{v}\" is not a number"),
            Problem::NotAWholeNumber(v) => write!(f, "\"{v}\" is not a whole number"),
            Problem::BelowMin(m) => write!(f, "the answer must be at least {m}"),
            Problem::AboveMax(m) => write!(f, "the answer must be at most {m}"),
            Problem::UnknownOption(v) => write!(f, "\"{v}\" is not one of the options"),
            Problem::OneChoiceOnly => write!(f, "only one option may be chosen"),
            Problem::TooLong(n) => write!(f, "the answer is longer than {n} characters"),
        }
    }
}

/// The strings of an answer as they count and are kept: trimmed, the
/// blank ones dropped.
pub fn kept(raw: &[String]) -> Vec<&str> {
    raw.iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The most characters a number or scale answer may have: far more than
/// any number typed in earnest.
const NUMBER_CHARS: usize = 64;

/// The most characters an answer to `q` may hold, valid or not: a text's
/// `max_length`; for choices, every option; for numbers, `NUMBER_CHARS`.
fn max_chars(q: &Question) -> usize {
    match &q.kind {
        QuestionKind::Text { max_length } => *max_length,
        QuestionKind::Single { options } | QuestionKind::Multi { options } => {
            let letters: usize = options.iter().map(|o| o.chars().count()).sum();
            letters + options.len().saturating_sub(1)
        }
        QuestionKind::Number { .. } | QuestionKind::Scale { .. } => NUMBER_CHARS,
    }
}

/// Refuses kept strings longer than `q` allows, counted as they are
/// joined (by a line break); a CRLF counts as one character, as the
/// browser's `maxlength` counts a line break. The one length check, of
/// submissions (`parse_value`) and drafts (`oversized`) alike.
fn check_length(q: &Question, values: &[&str]) -> Result<(), Problem> {
    let chars: usize = values
        .iter()
        .map(|v| v.chars().count() - v.matches("\r\n").count())
        .sum();
    let length = chars + values.len().saturating_sub(1);
    let max = max_chars(q);
    if length > max {
        return Err(Problem::TooLong(max));
    }
    Ok(())
}

/// The questions of `raw` whose strings are longer than they allow, in
/// survey order. A draft may hold incomplete or invalid answers, but
/// never more text than its question allows.
pub fn oversized(survey: &Survey, raw: &Raw) -> Vec<(String, Problem)> {
    survey
        .questions()
        .filter_map(|q| {
            let values = kept(raw.get(&q.id)?);
            check_length(q, &values).err().map(|p| (q.id.clone(), p))
        })
        .collect()
}

/// Parses the raw strings of one question; `Ok(None)` when unanswered.
pub fn parse_value(q: &Question, raw: &[String]) -> Result<Option<Value>, Problem> {
    let values = kept(raw);
    if values.is_empty() {
        return Ok(None);
    }
    match &q.kind {
        QuestionKind::Single { options } => {
            if values.len() > 1 {
                return Err(Problem::OneChoiceOnly);
            }
            option_bit(options, values[0]).map(|b| Some(Value::Choice(b)))
        }
        QuestionKind::Multi { options } => {
            let mut mask = 0;
            for v in values {
                mask |= option_bit(options, v)?;
            }
            Ok(Some(Value::Choice(mask)))
        }
        QuestionKind::Number { min, max, integer } => {
            let n = number(values[0])?;
            if *integer && n.fract() != 0.0 {
                return Err(Problem::NotAWholeNumber(values[0].to_string()));
            }
            bounded(n, *min, *max).map(|n| Some(Value::Number(n)))
        }
        QuestionKind::Scale { min, max } => {
            let n = number(values[0])?;
            if n.fract() != 0.0 {
                return Err(Problem::NotAWholeNumber(values[0].to_string()));
            }
            #[allow(clippy::cast_precision_loss)] // scale bounds are small
            bounded(n, Some(*min as f64), Some(*max as f64)).map(|n| Some(Value::Number(n)))
        }
        QuestionKind::Text { .. } => {
            check_length(q, &values)?;
            Ok(Some(Value::Text(values.join("\n"))))
        }
    }
}

fn option_bit(options: &[String], v: &str) -> Result<u64, Problem> {
    options
        .iter()
        .position(|o| o == v)
        .map(|i| 1u64 << i)
        .ok_or_else(|| Problem::UnknownOption(v.to_string()))
}

fn number(s: &str) -> Result<f64, Problem> {
    let ok = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'));
    match s.parse::<f64>() {
        Ok(n) if ok && n.is_finite() => Ok(n),
        _ => Err(Problem::NotANumber(s.to_string())),
    }
}

fn bounded(n: f64, min: Option<f64>, max: Option<f64>) -> Result<f64, Problem> {
    match (min, max) {
        (Some(m), _) if n < m => Err(Problem::BelowMin(m)),
        (_, Some(m)) if n > m => Err(Problem::AboveMax(m)),
        _ => Ok(n),
    }
}

/// Validates a whole response. On success the answers hold only questions
/// that are shown and answered; on failure every problem of a shown
/// question is listed, in survey order. Problems of hidden questions do not
/// count: a hidden question is never required and its answer is dropped.
pub fn validate(survey: &Survey, raw: &Raw) -> Result<Answers, Vec<(String, Problem)>> {
    let mut parsed = Answers::new();
    let mut problems: Vec<(String, Problem)> = Vec::new();
    for q in survey.questions() {
        match parse_value(q, raw.get(&q.id).map_or(&[][..], Vec::as_slice)) {
            Ok(Some(v)) => {
                parsed.insert(q.id.clone(), v);
            }
            Ok(None) => {}
            Err(p) => problems.push((q.id.clone(), p)),
        }
    }
    let visible = survey.visible(&parsed);
    problems.retain(|(id, _)| visible.contains(&id.as_str()));
    for q in survey.questions() {
        if q.required
            && visible.contains(&q.id.as_str())
            && !parsed.contains_key(&q.id)
            && !problems.iter().any(|(id, _)| *id == q.id)
        {
            problems.push((q.id.clone(), Problem::Required));
        }
    }
    if !problems.is_empty() {
        let order: Vec<&str> = survey.questions().map(|q| q.id.as_str()).collect();
        problems.sort_by_key(|(id, _)| order.iter().position(|o| *o == id));
        return Err(problems);
    }
    parsed.retain(|id, _| visible.contains(&id.as_str()));
    Ok(parsed)
}

/// The strings a value would have been typed as (for the editable draft).
pub fn to_raw(q: &Question, v: &Value) -> Vec<String> {
    match v {
        Value::Choice(mask) => q
            .kind
            .options()
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, o)| o.clone())
            .collect(),
        Value::Number(n) => vec![n.to_string()],
        Value::Text(t) => vec![t.clone()],
    }
}

#[derive(Insertable)]
#[diesel(table_name = answers, treat_none_as_default_value = false)]
struct AnswerRow<'a> {
    invitation_id: &'a str,
    question: &'a str,
    choice: Option<i64>,
    number: Option<f64>,
    text: Option<&'a str>,
}

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
/// what the member sees (`current_draft`). Atomic on its own: on
/// PostgreSQL one statement (one round trip, where a transaction of four
/// statements took six and held the server's submissions to about 1,200
/// a second), on SQLite a transaction (a savepoint inside the caller's).
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
    let packed = crate::tally::pack(survey, answers);
    match conn {
        DbConnection::Pg(c) => store_submission_pg(c, invitation_id, &rows, packed, now),
        DbConnection::Sqlite(_) => crate::db::transaction(conn, |conn| {
            use crate::db::insert_rows;
            diesel::delete(answers::table.filter(answers::invitation_id.eq(invitation_id)))
                .execute(conn)?;
            diesel::delete(drafts::table.filter(drafts::invitation_id.eq(invitation_id)))
                .execute(conn)?;
            insert_rows!(conn, answers::table, rows);
            diesel::update(invitations::table.find(invitation_id))
                .set((
                    invitations::submitted_at.eq(now),
                    invitations::started_at.eq(coalesce(invitations::started_at, now)),
                    invitations::packed.eq(packed),
                ))
                .execute(conn)?;
            Ok(())
        }),
    }
}

/// The same writes as the SQLite branch of [`store_submission`] in one
/// PostgreSQL statement: answers to questions no longer answered and the
/// draft rows are deleted, the new answers upserted (the deleted and the
/// upserted rows are disjoint, as one statement may touch a row once), and
/// the invitation marked.
fn store_submission_pg(
    conn: &mut diesel::PgConnection,
    invitation_id: &str,
    rows: &[AnswerRow],
    packed: Vec<u8>,
    now: NaiveDateTime,
) -> AppResult<()> {
    SubmitPg {
        invitation_id,
        questions: rows.iter().map(|r| r.question).collect(),
        choices: rows.iter().map(|r| r.choice).collect(),
        numbers: rows.iter().map(|r| r.number).collect(),
        texts: rows.iter().map(|r| r.text).collect(),
        now,
        packed,
    }
    .execute(conn)?;
    Ok(())
}

/// The statement of [`store_submission_pg`]. Its text never changes, so
/// unlike `sql_query` it is prepared once per connection and kept (diesel
/// caches it by this type): parsing and planning it took a tenth of
/// PostgreSQL's time per submission. Each parameter is bound once, in the
/// `p` row, as diesel numbers placeholders in the order they are pushed.
struct SubmitPg<'a> {
    invitation_id: &'a str,
    questions: Vec<&'a str>,
    choices: Vec<Option<i64>>,
    numbers: Vec<Option<f64>>,
    texts: Vec<Option<&'a str>>,
    now: NaiveDateTime,
    packed: Vec<u8>,
}

impl diesel::query_builder::QueryId for SubmitPg<'_> {
    type QueryId = SubmitPg<'static>;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for SubmitPg<'_> {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        use diesel::sql_types::{Array, BigInt, Binary, Double, Nullable, Text, Timestamp};
        out.push_sql("WITH p AS (SELECT ");
        out.push_bind_param::<Text, _>(&self.invitation_id)?;
        out.push_sql(" AS id, ");
        out.push_bind_param::<Array<Text>, _>(&self.questions)?;
        out.push_sql(" AS questions, ");
        out.push_bind_param::<Array<Nullable<BigInt>>, _>(&self.choices)?;
        out.push_sql(" AS choices, ");
        out.push_bind_param::<Array<Nullable<Double>>, _>(&self.numbers)?;
        out.push_sql(" AS numbers, ");
        out.push_bind_param::<Array<Nullable<Text>>, _>(&self.texts)?;
        out.push_sql(" AS texts, ");
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(" AS now, ");
        out.push_bind_param::<Binary, _>(&self.packed)?;
        out.push_sql(
            " AS packed), \
            gone AS (DELETE FROM answers a USING p \
                WHERE a.invitation_id = p.id AND a.question <> ALL (p.questions)), \
            unsaved AS (DELETE FROM drafts d USING p WHERE d.invitation_id = p.id), \
            answered AS (\
                INSERT INTO answers (invitation_id, question, choice, number, text) \
                SELECT p.id, u.* FROM p, unnest(p.questions, p.choices, p.numbers, p.texts) AS u \
                ON CONFLICT (invitation_id, question) DO UPDATE SET \
                choice = excluded.choice, number = excluded.number, text = excluded.text) \
            UPDATE invitations i SET submitted_at = p.now, \
                started_at = coalesce(i.started_at, p.now), packed = p.packed \
            FROM p WHERE i.id = p.id",
        );
        Ok(())
    }
}

impl<Conn> RunQueryDsl<Conn> for SubmitPg<'_> {}

diesel::define_sql_function! {
    /// The first of its arguments that is not NULL.
    fn coalesce(
        x: diesel::sql_types::Nullable<diesel::sql_types::Timestamp>,
        y: diesel::sql_types::Timestamp,
    ) -> diesel::sql_types::Nullable<diesel::sql_types::Timestamp>;
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::survey::{Section, ShowIf, Test};

    fn q(id: &str, kind: QuestionKind, required: bool, show_if: Option<ShowIf>) -> Question {
        Question {
            id: id.into(),
            required,
            show_if,
            kind,
        }
    }

    pub(crate) fn survey() -> Survey {
        let opts = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Survey {
            id: "s".into(),
            default_language: "en".into(),
            sections: vec![Section {
                id: "a".into(),
                questions: vec![
                    q(
                        "change",
                        QuestionKind::Single {
                            options: opts(&["better", "worse", "same"]),
                        },
                        true,
                        None,
                    ),
                    q(
                        "areas",
                        QuestionKind::Multi {
                            options: opts(&["police", "health"]),
                        },
                        true,
                        Some(ShowIf {
                            question: "change".into(),
                            test: Test::AnyOf(0b011),
                        }),
                    ),
                    q(
                        "staff",
                        QuestionKind::Number {
                            min: Some(0.0),
                            max: Some(100.0),
                            integer: true,
                        },
                        false,
                        None,
                    ),
                    q(
                        "rating",
                        QuestionKind::Scale { min: 1, max: 5 },
                        false,
                        None,
                    ),
                    q("note", QuestionKind::Text { max_length: 5 }, false, None),
                ],
            }],
            indicators: vec![],
            texts: BTreeMap::new(),
        }
    }

    fn raw(pairs: &[(&str, &str)]) -> Raw {
        let mut r = Raw::new();
        for (k, v) in pairs {
            r.entry(k.to_string()).or_default().push(v.to_string());
        }
        r
    }

    #[test]
    fn hidden_questions_are_dropped_and_never_required() {
        let a = validate(&survey(), &raw(&[("change", "same"), ("areas", "police")])).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a["change"], Value::Choice(0b100));
    }

    #[test]
    fn a_shown_required_question_must_be_answered() {
        let err = validate(&survey(), &raw(&[("change", "worse")])).unwrap_err();
        assert_eq!(err, vec![("areas".to_string(), Problem::Required)]);
    }

    #[test]
    fn every_problem_is_listed_in_survey_order() {
        let err = validate(
            &survey(),
            &raw(&[
                ("note", "far too long"),
                ("rating", "6"),
                ("staff", "2.5"),
                ("change", "worse"),
                ("change", "same"),
            ]),
        )
        .unwrap_err();
        let ids: Vec<&str> = err.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(ids, vec!["change", "staff", "rating", "note"]);
        assert_eq!(err[0].1, Problem::OneChoiceOnly);
        assert_eq!(err[1].1, Problem::NotAWholeNumber("2.5".into()));
        assert_eq!(err[2].1, Problem::AboveMax(5.0));
        assert_eq!(err[3].1, Problem::TooLong(5));
    }

    #[test]
    fn multi_answers_become_a_mask_and_unknown_options_are_refused() {
        let a = validate(
            &survey(),
            &raw(&[
                ("change", "better"),
                ("areas", "police"),
                ("areas", "health"),
            ]),
        )
        .unwrap();
        assert_eq!(a["areas"], Value::Choice(0b11));
        let err = validate(
            &survey(),
            &raw(&[("change", "better"), ("areas", "courts")]),
        )
        .unwrap_err();
        assert_eq!(err[0].1, Problem::UnknownOption("courts".into()));
    }

    #[test]
    fn a_draft_may_be_invalid_but_never_longer_than_its_question_allows() {
        let s = survey();
        let note = s.question("note").unwrap();
        let five = |v: &[&str]| check_length(note, v);
        assert_eq!(five(&["12345"]), Ok(()));
        assert_eq!(five(&["12\r\n45"]), Ok(()), "a CRLF is one line break");
        assert_eq!(five(&["12", "45"]), Ok(()), "joined by one line break");
        assert_eq!(five(&["123456"]), Err(Problem::TooLong(5)));
        assert_eq!(five(&["123", "45"]), Err(Problem::TooLong(5)));
        // Blank padding is trimmed before it counts, as it is before it is kept.
        let padded = raw(&[("note", "  12345  "), ("note", " ")]);
        assert!(oversized(&s, &padded).is_empty());
        // Invalid answers of any size a question could take are kept.
        let odd = raw(&[
            ("change", "nothing like it"),
            ("staff", "lots"),
            ("areas", "x"),
        ]);
        assert!(oversized(&s, &odd).is_empty());
        let big = raw(&[
            ("note", "far too long"),
            ("change", &"x".repeat(20)),
            ("staff", &"9".repeat(65)),
            ("areas", "police"),
            ("areas", "health"),
            ("areas", "police"),
        ]);
        let ids: Vec<String> = oversized(&s, &big).into_iter().map(|(q, _)| q).collect();
        assert_eq!(ids, ["change", "areas", "staff", "note"]);
    }

    #[test]
    fn numbers_are_strict() {
        let s = survey();
        let staff = s.question("staff").unwrap();
        assert_eq!(
            parse_value(staff, &["12".into()]),
            Ok(Some(Value::Number(12.0)))
        );
        assert_eq!(parse_value(staff, &["  ".into()]), Ok(None));
        assert!(parse_value(staff, &["NaN".into()]).is_err());
        assert!(parse_value(staff, &["inf".into()]).is_err());
        assert!(parse_value(staff, &["0x10".into()]).is_err());
        assert_eq!(
            parse_value(staff, &["-1".into()]),
            Err(Problem::BelowMin(0.0))
        );
    }
}
