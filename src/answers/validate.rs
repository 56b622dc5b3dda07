//! The one validation of answers, used by the web form and by
//! `responses import`: `validate` turns a whole response of raw strings
//! into `Answers` (values parsed by type, questions whose `show_if` does
//! not hold dropped, required ones checked); `oversized` is what a draft
//! must pass: no answer longer than its question allows (the same length
//! check as `validate`'s).

use std::fmt;

use super::Raw;
use crate::survey::{Answers, Question, QuestionKind, Survey, Value};

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
        // Never kept: `oversized` and `parse_value` pass notes by.
        QuestionKind::Note => 0,
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
        .filter(|q| q.kind.takes_answer())
        .filter_map(|q| {
            let values = kept(raw.get(&q.id)?);
            check_length(q, &values).err().map(|p| (q.id.clone(), p))
        })
        .collect()
}

/// Parses the raw strings of one question; `Ok(None)` when unanswered,
/// and always for a note, whatever was posted for it.
pub fn parse_value(q: &Question, raw: &[String]) -> Result<Option<Value>, Problem> {
    let values = kept(raw);
    if values.is_empty() || !q.kind.takes_answer() {
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
        QuestionKind::Note => Ok(None),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::tests::survey;

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
    fn a_note_takes_no_answer_whatever_is_posted() {
        let mut s = survey();
        s.sections[0].questions.push(crate::survey::Question {
            id: "notice".into(),
            required: false,
            show_if: None,
            kind: QuestionKind::Note,
        });
        let note = s.question("notice").unwrap();
        assert_eq!(parse_value(note, &["anything at all".into()]), Ok(None));
        let posted = raw(&[("change", "same"), ("notice", &"x".repeat(100))]);
        assert!(
            oversized(&s, &posted).is_empty(),
            "never kept, never too long"
        );
        let a = validate(&s, &posted).unwrap();
        assert!(!a.contains_key("notice"));
        assert_eq!(a.len(), 1);
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
