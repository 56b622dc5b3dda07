//! Between the expression subset and the condition language of contract
//! §8: `resolve` turns a parsed expression into a [`Condition`] against
//! the questions before it; `write` turns a condition back into the
//! expression `survey export` puts in the sheet (and `resolve` reads it
//! back to the same condition).

use super::book::number;
use super::relevant::{parse, Expr, ExprError, Literal, Op, Subject};
use crate::survey::{Condition, QuestionKind, Test};

/// What a name in an expression refers to.
pub enum Found<'k> {
    Before(&'k QuestionKind),
    Later,
    Unknown,
    /// A question whose own row has a problem (already reported).
    Broken,
}

/// Parses and resolves `src`; `lookup` says what each question name is.
pub fn condition<'k>(
    src: &str,
    lookup: &dyn Fn(&str) -> Found<'k>,
) -> Result<Condition, ExprError> {
    resolve(&parse(src)?, lookup)
}

fn resolve<'k>(e: &Expr, lookup: &dyn Fn(&str) -> Found<'k>) -> Result<Condition, ExprError> {
    match e {
        Expr::Not(inner) => Ok(Condition::Not {
            not: Box::new(resolve(inner, lookup)?),
        }),
        Expr::And(terms) => {
            let all = terms
                .iter()
                .map(|t| resolve(t, lookup))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(merge_ranges(all))
        }
        Expr::Or(terms) => {
            let any = terms
                .iter()
                .map(|t| resolve(t, lookup))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(merge_options(any))
        }
        Expr::Selected {
            question,
            value,
            pos,
            lit_pos,
        } => {
            let kind = target(question, *pos, lookup)?;
            if !kind.is_choice() {
                return Err(ExprError {
                    pos: *pos,
                    message: format!(
                        "selected() needs a select question; `{question}` is {}",
                        kind.name()
                    ),
                });
            }
            Ok(answer(
                question,
                option_mask(kind, question, value, *lit_pos)?,
            ))
        }
        Expr::Cmp {
            subject,
            op,
            literal,
            pos,
            lit_pos,
        } => {
            let Subject::Question(q) = subject else {
                return Err(ExprError {
                    pos: *pos,
                    message: "`.` belongs in a constraint; name the question as `${name}`".into(),
                });
            };
            let kind = target(q, *pos, lookup)?;
            compare(q, kind, *op, literal, *pos, *lit_pos)
        }
    }
}

fn target<'k>(
    q: &str,
    pos: usize,
    lookup: &dyn Fn(&str) -> Found<'k>,
) -> Result<&'k QuestionKind, ExprError> {
    let message = match lookup(q) {
        Found::Before(k) if k.name() == "note" => {
            format!("`{q}` is a note, which has no answer to test")
        }
        Found::Before(k) => return Ok(k),
        Found::Later => {
            format!("`{q}` comes later in the form; a condition may only read questions before it")
        }
        Found::Unknown => format!("there is no question `{q}`"),
        Found::Broken => format!("`{q}` has a problem of its own (reported on its row)"),
    };
    Err(ExprError { pos, message })
}

fn answer(q: &str, test: Test) -> Condition {
    Condition::Answer {
        question: q.to_string(),
        test,
    }
}

fn option_mask(kind: &QuestionKind, q: &str, value: &str, pos: usize) -> Result<Test, ExprError> {
    match kind.options().iter().position(|o| o == value) {
        Some(i) => Ok(Test::AnyOf(1 << i)),
        None => Err(ExprError {
            pos,
            message: format!("`{value}` is not a choice of `{q}`"),
        }),
    }
}

fn compare(
    q: &str,
    kind: &QuestionKind,
    op: Op,
    lit: &Literal,
    pos: usize,
    lit_pos: usize,
) -> Result<Condition, ExprError> {
    let fail = |message: String| {
        Err(ExprError {
            pos: lit_pos,
            message,
        })
    };
    match lit {
        Literal::Str(s) if s.is_empty() => match op {
            Op::Ne => Ok(answer(q, Test::Answered)),
            Op::Eq => Ok(Condition::Not {
                not: Box::new(answer(q, Test::Answered)),
            }),
            _ => fail("only `= ''` and `!= ''` compare with the empty text".into()),
        },
        Literal::Str(s) => match (kind, op) {
            (QuestionKind::Single { .. }, Op::Eq) => {
                Ok(answer(q, option_mask(kind, q, s, lit_pos)?))
            }
            (QuestionKind::Single { .. }, Op::Ne) => Ok(Condition::Not {
                not: Box::new(answer(q, option_mask(kind, q, s, lit_pos)?)),
            }),
            (QuestionKind::Multi { .. }, _) => Err(ExprError {
                pos,
                message: format!("`{q}` is select_multiple; write selected(${{{q}}}, '{s}')"),
            }),
            _ => fail(format!(
                "`{q}` is {}: compare it with a number, not '{s}'",
                kind.name()
            )),
        },
        Literal::Num(n) => numeric(q, kind, op, *n, lit_pos),
    }
}

fn numeric(
    q: &str,
    kind: &QuestionKind,
    op: Op,
    n: f64,
    pos: usize,
) -> Result<Condition, ExprError> {
    let integral = matches!(
        kind,
        QuestionKind::Scale { .. } | QuestionKind::Number { integer: true, .. }
    );
    if !kind.is_numeric() {
        return Err(ExprError {
            pos,
            message: format!("`{q}` is {}, not a number", kind.name()),
        });
    }
    if matches!(op, Op::Gt | Op::Lt) && !(integral && n.fract() == 0.0) {
        return Err(ExprError {
            pos,
            message: format!(
                "`>` and `<` need an integer question and a whole number; for `{q}` write >= or <="
            ),
        });
    }
    let range = |min: Option<f64>, max: Option<f64>| answer(q, Test::Range { min, max });
    Ok(match op {
        Op::Ge => range(Some(n), None),
        Op::Le => range(None, Some(n)),
        Op::Gt => range(Some(n + 1.0), None),
        Op::Lt => range(None, Some(n - 1.0)),
        Op::Eq => range(Some(n), Some(n)),
        Op::Ne => Condition::Not {
            not: Box::new(range(Some(n), Some(n))),
        },
    })
}

/// `${q} >= 1 and ${q} <= 5` is one range test on `q`.
fn merge_ranges(all: Vec<Condition>) -> Condition {
    if let [Condition::Answer {
        question: a,
        test: Test::Range {
            min: Some(min),
            max: None,
        },
    }, Condition::Answer {
        question: b,
        test: Test::Range {
            min: None,
            max: Some(max),
        },
    }] = all.as_slice()
    {
        if a == b {
            return answer(
                a,
                Test::Range {
                    min: Some(*min),
                    max: Some(*max),
                },
            );
        }
    }
    Condition::All { all }
}

/// An `or` of one question's options is one `any_of`.
fn merge_options(any: Vec<Condition>) -> Condition {
    let mut question = None;
    let mut mask = 0u64;
    for c in &any {
        match c {
            Condition::Answer {
                question: q,
                test: Test::AnyOf(m),
            } if question.is_none_or(|x| x == q) => {
                question = Some(q);
                mask |= m;
            }
            _ => return Condition::Any { any },
        }
    }
    match question {
        Some(q) => answer(q, Test::AnyOf(mask)),
        None => Condition::Any { any },
    }
}

/// The expression for a condition; `kind_of` gives each question's type.
pub fn write<'k>(c: &Condition, kind_of: &dyn Fn(&str) -> Option<&'k QuestionKind>) -> String {
    match c {
        Condition::Answer { question, test } => write_test(question, test, kind_of(question)),
        Condition::All { all } => join(all, " and ", kind_of),
        Condition::Any { any } => join(any, " or ", kind_of),
        Condition::Not { not } => format!("not({})", write(not, kind_of)),
    }
}

fn join<'k>(
    cs: &[Condition],
    sep: &str,
    kind_of: &dyn Fn(&str) -> Option<&'k QuestionKind>,
) -> String {
    let parts: Vec<String> = cs
        .iter()
        .map(|c| {
            let t = write(c, kind_of);
            if t.contains(" and ") || t.contains(" or ") {
                format!("({t})")
            } else {
                t
            }
        })
        .collect();
    parts.join(sep)
}

fn write_test(q: &str, test: &Test, kind: Option<&QuestionKind>) -> String {
    match test {
        Test::Answered => format!("${{{q}}} != ''"),
        Test::Range { min, max } => {
            let mut parts = Vec::new();
            if let Some(m) = min {
                parts.push(format!("${{{q}}} >= {}", number(*m)));
            }
            if let Some(m) = max {
                parts.push(format!("${{{q}}} <= {}", number(*m)));
            }
            parts.join(" and ")
        }
        Test::AnyOf(mask) => {
            let multi = matches!(kind, Some(QuestionKind::Multi { .. }));
            let options = kind.map(QuestionKind::options).unwrap_or_default();
            let parts: Vec<String> = options
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, o)| {
                    if multi {
                        format!("selected(${{{q}}}, '{o}')")
                    } else {
                        format!("${{{q}}} = '{o}'")
                    }
                })
                .collect();
            parts.join(" or ")
        }
    }
}
