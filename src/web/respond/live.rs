//! A question's `show_if` as the page's script evaluates it
//! (`static/canvass.js`): JSON in the question's `data-show-if`. Each
//! answer test on a question of the same page stays a test the script
//! runs on the fields; each one on a question elsewhere is decided here,
//! from the draft, and written as `true` or `false`.
//!
//! The form: `{"q": id, "any_of": [options]}`, `{"q": id, "min": n,
//! "max": n}` (either may be null), `{"q": id, "answered": true}`,
//! `{"all": [..]}`, `{"any": [..]}`, `{"not": ..}`, `true`, `false`.

use serde_json::{json, Value as Json};

use crate::survey::{Answers, Condition, Survey, Test};

/// What decides the tests on questions that are not on the page.
pub struct Decided<'a> {
    pub answers: &'a Answers,
    /// The questions the draft shows; a hidden one passes no test.
    pub visible: &'a [&'a str],
}

/// The condition `cond` for the script, or `None` when it reads no
/// question of `page` (then the server has decided it already).
pub fn for_script(
    survey: &Survey,
    cond: &Condition,
    page: &[&str],
    decided: &Decided,
) -> Option<String> {
    let live = cond.questions().iter().any(|q| page.contains(q));
    live.then(|| to_json(survey, cond, page, decided).to_string())
}

fn to_json(survey: &Survey, cond: &Condition, page: &[&str], decided: &Decided) -> Json {
    match cond {
        Condition::All { all } => {
            json!({ "all": all.iter().map(|c| to_json(survey, c, page, decided)).collect::<Vec<_>>() })
        }
        Condition::Any { any } => {
            json!({ "any": any.iter().map(|c| to_json(survey, c, page, decided)).collect::<Vec<_>>() })
        }
        Condition::Not { not } => json!({ "not": to_json(survey, not, page, decided) }),
        Condition::Answer { question, .. } if !page.contains(&question.as_str()) => {
            Json::Bool(cond.holds(&|id: &str| {
                decided
                    .visible
                    .contains(&id)
                    .then(|| decided.answers.get(id))
                    .flatten()
            }))
        }
        Condition::Answer { question, test } => match test {
            Test::AnyOf(mask) => {
                let options = survey
                    .question(question)
                    .map(|q| q.kind.options())
                    .unwrap_or_default();
                let chosen: Vec<&str> = options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| o.as_str())
                    .collect();
                json!({ "q": question, "any_of": chosen })
            }
            Test::Range { min, max } => json!({ "q": question, "min": min, "max": max }),
            Test::Answered => json!({ "q": question, "answered": true }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::tests::survey;
    use crate::survey::Value;

    fn leaf(question: &str, test: Test) -> Condition {
        Condition::Answer {
            question: question.into(),
            test,
        }
    }

    #[test]
    fn tests_on_the_page_stay_tests_and_the_others_are_decided() {
        let s = survey();
        let cond = Condition::All {
            all: vec![
                leaf("change", Test::AnyOf(0b011)),
                Condition::Not {
                    not: Box::new(Condition::Any {
                        any: vec![
                            leaf(
                                "staff",
                                Test::Range {
                                    min: Some(1.0),
                                    max: None,
                                },
                            ),
                            leaf("note", Test::Answered),
                        ],
                    }),
                },
            ],
        };
        let mut answers = Answers::new();
        answers.insert("change".into(), Value::Choice(0b001));
        let visible = ["change", "staff"];
        let decided = Decided {
            answers: &answers,
            visible: &visible,
        };
        let json = for_script(&s, &cond, &["staff", "note"], &decided).unwrap();
        assert_eq!(
            json,
            r#"{"all":[true,{"not":{"any":[{"max":null,"min":1.0,"q":"staff"},{"answered":true,"q":"note"}]}}]}"#
        );
        // An answer the draft has, but to a hidden question, passes no test.
        let hidden = Decided {
            answers: &answers,
            visible: &["staff"],
        };
        let json = for_script(&s, &cond, &["staff"], &hidden).unwrap();
        assert!(json.starts_with(r#"{"all":[false,"#), "{json}");
        // No question of the page: nothing for the script.
        assert_eq!(for_script(&s, &cond, &["rating"], &decided), None);
    }
}
