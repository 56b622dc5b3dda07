//! Answers: the one validation (`validate`, used by the web form and by
//! `responses import`), where drafts and submissions are kept (`store`),
//! and the packed copy of a submission that results read ([`packed`]).
//!
//! Raw input (form fields, CSV cells) arrives as strings per question id
//! ([`Raw`]); a validated response is a `survey::Answers`.

use std::collections::BTreeMap;

pub mod packed;
mod store;
mod validate;

pub use self::store::{
    columns, current_draft, free_texts, from_columns, save_draft, store_submission,
};
pub use self::validate::{kept, oversized, parse_value, to_raw, validate, Problem};

/// What a form or a CSV row carries: zero or more strings per question id.
pub type Raw = BTreeMap<String, Vec<String>>;

/// The survey the tests of answers share: one question of each kind,
/// a required one shown only after some choices.
#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use crate::survey::{Condition, Question, QuestionKind, Section, Survey, Test};

    fn q(id: &str, kind: QuestionKind, required: bool, show_if: Option<Condition>) -> Question {
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
                        Some(Condition::Answer {
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
}
