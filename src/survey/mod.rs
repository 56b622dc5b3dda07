//! The survey model: what a valid survey is, and the rules that read it
//! (`show_if`, indicator matching).
//!
//! A `Survey` value only comes out of `load` (files, checked) or out of a
//! round's frozen copy (which was checked when frozen), so code that holds
//! one may trust it: question ids are unique, `show_if` targets precede
//! their question, indicators fit their question's type.

pub mod diag;
mod parse;
pub mod texts;

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use diag::{Diagnostic, Severity};
pub use parse::{load_dir, load_sources, SurveyFiles};

/// Most options a choice question may have: a multi answer is stored as a
/// bitmask in one 64-bit integer (the sign bit is left alone).
pub const MAX_OPTIONS: usize = 63;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Survey {
    pub id: String,
    pub default_language: String,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
    /// Fluent source per language tag, as read from `<lang>.ftl`.
    pub texts: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub required: bool,
    pub show_if: Option<ShowIf>,
    pub kind: QuestionKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum QuestionKind {
    Single {
        options: Vec<String>,
    },
    Multi {
        options: Vec<String>,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
        integer: bool,
    },
    Scale {
        min: i64,
        max: i64,
    },
    Text {
        max_length: usize,
    },
}

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multi { .. } => "multi",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Text { .. } => "text",
        }
    }

    /// The options of a single or multi question; empty for the others.
    pub fn options(&self) -> &[String] {
        match self {
            QuestionKind::Single { options } | QuestionKind::Multi { options } => options,
            _ => &[],
        }
    }

    pub fn is_choice(&self) -> bool {
        matches!(
            self,
            QuestionKind::Single { .. } | QuestionKind::Multi { .. }
        )
    }

    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            QuestionKind::Number { .. } | QuestionKind::Scale { .. }
        )
    }
}

/// A condition on one answer, used by `show_if` and by share/count indicators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Holds when a choice answer includes any option of the mask.
    AnyOf(u64),
    /// Holds when a numeric answer lies within the bounds (inclusive).
    Range { min: Option<f64>, max: Option<f64> },
}

impl Test {
    pub fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (Test::AnyOf(mask), Value::Choice(chosen)) => mask & chosen != 0,
            (Test::Range { min, max }, Value::Number(n)) => {
                min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m)
            }
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShowIf {
    pub question: String,
    pub test: Test,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub question: String,
    pub measure: Measure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Share(Test),
    Count(Test),
    Mean,
    Sum,
    Distribution,
}

impl Measure {
    pub fn name(&self) -> &'static str {
        match self {
            Measure::Share(_) => "share",
            Measure::Count(_) => "count",
            Measure::Mean => "mean",
            Measure::Sum => "sum",
            Measure::Distribution => "distribution",
        }
    }
}

/// One answer to one question, in the form it is stored and aggregated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// Options chosen, as a bitmask over the question's options (a single
    /// question has exactly one bit set).
    Choice(u64),
    Number(f64),
    Text(String),
}

/// Answers keyed by question id.
pub type Answers = BTreeMap<String, Value>;

impl Survey {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// Languages with a text file, the default first.
    pub fn languages(&self) -> Vec<&str> {
        let mut langs: Vec<&str> = vec![self.default_language.as_str()];
        langs.extend(
            self.texts
                .keys()
                .map(String::as_str)
                .filter(|l| *l != self.default_language),
        );
        langs
    }

    /// Ids of the questions shown for these answers, in survey order. A
    /// question is shown when it has no `show_if`, or when its target is
    /// shown, answered and matches; targets precede their questions, so one
    /// pass decides every question.
    pub fn visible(&self, answers: &Answers) -> Vec<&str> {
        let mut shown: Vec<&str> = Vec::new();
        for q in self.questions() {
            let visible = match &q.show_if {
                None => true,
                Some(cond) => {
                    shown.contains(&cond.question.as_str())
                        && answers
                            .get(&cond.question)
                            .is_some_and(|v| cond.test.matches(v))
                }
            };
            if visible {
                shown.push(&q.id);
            }
        }
        shown
    }

    /// A stable digest of the survey (structure and texts), stored with a
    /// round so a frozen copy can be told apart from a later edit.
    pub fn content_hash(&self) -> String {
        use sha2::Digest;
        // Serialising a value of this type cannot fail: all keys are strings.
        let json = serde_json::to_vec(self).unwrap_or_default();
        let digest = sha2::Sha256::digest(&json);
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Loads and checks one survey folder; the survey comes back only when it
/// has no error.
pub fn load(dir: &Path) -> (Option<Survey>, Vec<Diagnostic>) {
    load_dir(dir)
}

/// Loads the survey `id` from the folder `surveys_dir`; any error in it is
/// an error here (a round must not start from a broken survey).
pub fn load_by_id(surveys_dir: &Path, id: &str) -> crate::error::AppResult<Survey> {
    use crate::error::AppError;
    let dir = surveys_dir.join(id);
    if !is_id(id) || !dir.join("survey.toml").is_file() {
        return Err(AppError::NotFound(format!(
            "no survey `{id}` in {}",
            surveys_dir.display()
        )));
    }
    match load(&dir) {
        (Some(s), _) => Ok(s),
        (None, diags) => Err(AppError::invalid_with(
            format!("survey `{id}` has errors; fix them first (canvass survey check)"),
            diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(ToString::to_string)
                .collect(),
        )),
    }
}

/// `[a-z][a-z0-9_]*`: the shape of every id in a survey, and of region ids.
pub fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

#[cfg(test)]
mod tests;
