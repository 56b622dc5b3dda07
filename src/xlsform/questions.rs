//! One row of the survey sheet: its type, `required`, `constraint` and
//! `parameters`, and the `survey.toml` lines of its type.

use super::book::number;
use super::emit::Out;
use super::form::Reader;
use super::relevant::{parse, Expr, Literal, Op, Subject};
use super::table::Table;
use crate::survey::QuestionKind;

/// The type column of a question row, before its list is looked up.
pub enum Base {
    Select { multi: bool, list: String },
    Integer,
    Decimal,
    Range,
    Text,
    Note,
}

pub enum RowKind {
    BeginGroup,
    EndGroup,
    Question(Base),
    Refused(String),
}

/// Reads the `type` cell.
pub fn kind_of_row(ty: &str) -> RowKind {
    let words: Vec<&str> = ty.split_whitespace().collect();
    let first = words
        .first()
        .map(|w| w.to_ascii_lowercase())
        .unwrap_or_default();
    let one = |b: Base| {
        if words.len() == 1 {
            RowKind::Question(b)
        } else {
            RowKind::Refused(format!("type `{ty}` takes nothing after `{first}`"))
        }
    };
    match (first.as_str(), words.get(1).map(|w| w.to_ascii_lowercase()).as_deref()) {
        ("begin_group", _) | ("begin", Some("group")) => RowKind::BeginGroup,
        ("end_group", _) | ("end", Some("group")) => RowKind::EndGroup,
        ("select_one" | "select_multiple", Some(_)) => {
            if words.len() > 2 {
                return RowKind::Refused(format!("type `{ty}`: `{}` is not supported (or_other and similar are refused); list the choice `other` and ask a text question", words[2]));
            }
            RowKind::Question(Base::Select { multi: first == "select_multiple", list: words[1].to_string() })
        }
        ("select_one" | "select_multiple", None) => RowKind::Refused(format!("type `{ty}` needs the name of a choice list after it")),
        ("integer", _) => one(Base::Integer),
        ("decimal", _) => one(Base::Decimal),
        ("range", _) => one(Base::Range),
        ("text", _) => one(Base::Text),
        ("note", _) => one(Base::Note),
        ("", _) => RowKind::Refused("this row has no type".into()),
        ("begin_repeat", _) | ("begin", Some("repeat")) | ("end_repeat", _) | ("end", Some("repeat")) => RowKind::Refused("repeats are not supported by canvass".into()),
        ("calculate", _) => RowKind::Refused("`calculate` is not supported by canvass: a survey has no computed fields".into()),
        (t, _) if t.starts_with("select_one_from_file") || t.starts_with("select_multiple_from_file") || t.contains("external") => RowKind::Refused(format!("type `{ty}`: external choices are not supported; list the choices in the choices sheet")),
        _ => RowKind::Refused(format!("type `{ty}` is not supported; canvass reads select_one, select_multiple, integer, decimal, range, text, note, begin_group and end_group")),
    }
}

/// The question's type with its bounds, options and length.
pub fn complete(
    r: &mut Reader,
    table: &Table,
    row: usize,
    base: Base,
    type_at: &str,
) -> Option<QuestionKind> {
    let constraint = table.get(row, "constraint");
    let c_at = table.at_col(row, "constraint");
    let (min, max, length) = bounds(r, constraint, &c_at)?;
    let check_unused = |r: &mut Reader, what: &str, used: bool| {
        if !used && !constraint.is_empty() {
            r.problems.error(
                &c_at,
                format!("a constraint is not read on {what} questions"),
            );
        }
    };
    match base {
        Base::Select { multi, list } => {
            check_unused(r, "select", false);
            let Some(choices) = r.choices.get(&list) else {
                r.problems.error(
                    type_at,
                    format!("there is no choice list `{list}` in the choices sheet"),
                );
                return None;
            };
            let options = choices.iter().map(|c| c.name.clone()).collect();
            Some(if multi {
                QuestionKind::Multi { options }
            } else {
                QuestionKind::Single { options }
            })
        }
        Base::Integer | Base::Decimal => {
            check_unused(r, "number", length.is_none());
            Some(QuestionKind::Number {
                min,
                max,
                integer: matches!(base, Base::Integer),
            })
        }
        Base::Range => {
            check_unused(r, "range", false);
            scale(r, table, row)
        }
        Base::Text => {
            check_unused(r, "text", min.is_none() && max.is_none());
            Some(QuestionKind::Text {
                max_length: length.unwrap_or(5000),
            })
        }
        Base::Note => {
            check_unused(r, "note", false);
            Some(QuestionKind::Note)
        }
    }
}

type Bounds = (Option<f64>, Option<f64>, Option<usize>);

/// `. >= A and . <= B` (either side alone too), or `string-length(.) <= N`.
fn bounds(r: &mut Reader, src: &str, at: &str) -> Option<Bounds> {
    if src.is_empty() {
        return Some((None, None, None));
    }
    let fail = |r: &mut Reader, pos: usize, msg: &str| {
        r.problems.error(at, format!("constraint, character {pos}: {msg}; canvass reads `. >= A and . <= B` (either side alone too) and `string-length(.) <= N`"));
        None
    };
    let expr = match parse(src) {
        Ok(e) => e,
        Err(e) => return fail(r, e.pos, &e.message),
    };
    let terms = match expr {
        Expr::And(ts) => ts,
        e => vec![e],
    };
    let (mut min, mut max, mut length) = (None, None, None);
    for t in terms {
        match t {
            Expr::Cmp {
                subject: Subject::Dot,
                op: Op::Ge,
                literal: Literal::Num(n),
                ..
            } if min.is_none() => min = Some(n),
            Expr::Cmp {
                subject: Subject::Dot,
                op: Op::Le,
                literal: Literal::Num(n),
                ..
            } if max.is_none() => max = Some(n),
            Expr::Cmp {
                subject: Subject::Length,
                op: Op::Le,
                literal: Literal::Num(n),
                lit_pos,
                ..
            } if length.is_none() => {
                if n.fract() != 0.0 || n < 1.0 {
                    return fail(r, lit_pos, "the length must be a whole number");
                }
                length = Some(n as usize);
            }
            Expr::Cmp { pos, .. } | Expr::Selected { pos, .. } => {
                return fail(r, pos, "this part is not supported")
            }
            _ => return fail(r, 1, "this form of constraint is not supported"),
        }
    }
    Some((min, max, length))
}

/// `parameters` of a range: `start=A end=B` (`step=1` allowed).
fn scale(r: &mut Reader, table: &Table, row: usize) -> Option<QuestionKind> {
    let at = table.at_col(row, "parameters");
    let (mut start, mut end) = (None, None);
    for part in table
        .get(row, "parameters")
        .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let n = v.trim().parse::<i64>().ok();
        match (k.trim(), n) {
            ("start", Some(n)) => start = Some(n),
            ("end", Some(n)) => end = Some(n),
            ("step", Some(1)) => {}
            _ => {
                r.problems.error(&at, format!("parameters: `{part}` is not read; a range takes whole numbers `start=A end=B` (step 1)"));
                return None;
            }
        }
    }
    match (start, end) {
        (Some(min), Some(max)) => Some(QuestionKind::Scale { min, max }),
        _ => {
            r.problems
                .error(&at, "a range needs parameters `start=A end=B`");
            None
        }
    }
}

/// `required`: `yes`/`true` (any case) or empty/`no`/`false`.
pub fn required(r: &mut Reader, table: &Table, row: usize) -> bool {
    let v = table.get(row, "required").to_ascii_lowercase();
    match v.as_str() {
        "yes" | "true" | "1" => true,
        "" | "no" | "false" | "0" => false,
        _ => {
            r.problems.error(
                &table.at_col(row, "required"),
                format!("required `{v}` is neither yes nor no"),
            );
            false
        }
    }
}

/// The type's own lines (`min`, `max`, `integer`, `options`, `max_length`).
pub fn write_kind(out: &mut Out, table: &Table, row: usize, kind: &QuestionKind) {
    let c_at = table.at_col(row, "constraint");
    match kind {
        QuestionKind::Single { options } | QuestionKind::Multi { options } => {
            let list: Vec<String> = options.iter().map(|o| super::emit::toml_str(o)).collect();
            out.line(
                &table.at_col(row, "type"),
                &format!("  options = [{}]", list.join(", ")),
            );
        }
        QuestionKind::Number { min, max, integer } => {
            if let Some(m) = min {
                out.line(&c_at, &format!("  min = {}", number(*m)));
            }
            if let Some(m) = max {
                out.line(&c_at, &format!("  max = {}", number(*m)));
            }
            if *integer {
                out.line(&table.at_col(row, "type"), "  integer = true");
            }
        }
        QuestionKind::Scale { min, max } => {
            let at = table.at_col(row, "parameters");
            out.line(&at, &format!("  min = {min}"));
            out.line(&at, &format!("  max = {max}"));
        }
        QuestionKind::Text { max_length } if *max_length != 5000 => {
            out.line(&c_at, &format!("  max_length = {max_length}"));
        }
        QuestionKind::Text { .. } | QuestionKind::Note => {}
    }
}
