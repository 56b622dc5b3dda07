//! The survey model: what a valid survey is, and the rules that read it
//! (`show_if`, indicator matching).
//!
//! A `Survey` value only comes out of `load` (files, checked) or out of a
//! round's frozen copy (which was checked when frozen), so code that holds
//! one may trust it: question ids are unique, `show_if` targets precede
//! their question, indicators fit their question's type.

pub mod diag;
pub mod network;
mod parse;
pub mod texts;
pub mod zipped;

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
    pub show_if: Option<Condition>,
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
    /// A display-only item: its text (and help), never an answer.
    Note,
}

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Single { .. } => "single",
            QuestionKind::Multi { .. } => "multi",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Text { .. } => "text",
            QuestionKind::Note => "note",
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

    /// Whether the question takes an answer (every kind but `note`).
    pub fn takes_answer(&self) -> bool {
        !matches!(self, QuestionKind::Note)
    }

    pub fn is_numeric(&self) -> bool {
        matches!(
            self,
            QuestionKind::Number { .. } | QuestionKind::Scale { .. }
        )
    }
}

/// A test on one answer: the leaf of every [`Condition`], and the test a
/// share or count indicator applies to its own question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Holds when a choice answer includes any option of the mask.
    AnyOf(u64),
    /// Holds when a numeric answer lies within the bounds (inclusive).
    Range { min: Option<f64>, max: Option<f64> },
    /// Holds for any answer (`answered = true`).
    Answered,
}

impl Test {
    /// Whether an answer passes; callers pass only answers that exist (a
    /// hidden or unanswered question passes no test).
    pub fn matches(&self, value: &Value) -> bool {
        match (self, value) {
            (Test::AnyOf(mask), Value::Choice(chosen)) => mask & chosen != 0,
            (Test::Range { min, max }, Value::Number(n)) => {
                min.is_none_or(|m| *n >= m) && max.is_none_or(|m| *n <= m)
            }
            (Test::Answered, Value::Choice(chosen)) => *chosen != 0,
            (Test::Answered, Value::Number(_)) => true,
            // Text is stored only when given (and packed without its words).
            (Test::Answered, Value::Text(_)) => true,
            _ => false,
        }
    }
}

/// The condition language of contract §8, shared by `show_if`, `where`,
/// composite indicators (`match`) and `index` components. Untagged, so a
/// round frozen before conditions could nest (`{question, test}`) still
/// reads, and a survey that nests nothing serialises as it did.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    /// One earlier question's answer passes a test.
    Answer {
        question: String,
        test: Test,
    },
    All {
        all: Vec<Condition>,
    },
    Any {
        any: Vec<Condition>,
    },
    Not {
        not: Box<Condition>,
    },
}

impl Condition {
    /// Whether the condition holds, given each question's answer (`None`
    /// when hidden or unanswered: such a question passes no test).
    pub fn holds<'v>(&self, answer: &impl Fn(&str) -> Option<&'v Value>) -> bool {
        match self {
            Condition::Answer { question, test } => {
                answer(question).is_some_and(|v| test.matches(v))
            }
            Condition::All { all } => all.iter().all(|c| c.holds(answer)),
            Condition::Any { any } => any.iter().any(|c| c.holds(answer)),
            Condition::Not { not } => !not.holds(answer),
        }
    }

    /// Every question the condition reads, in the order written.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Answer { question, .. } => out.push(question),
            Condition::All { all: cs } | Condition::Any { any: cs } => {
                cs.iter().for_each(|c| c.collect_questions(out));
            }
            Condition::Not { not } => not.collect_questions(out),
        }
    }
}

/// What a share or count indicator counts: a test on its own question, or
/// (a composite, no question) a condition over several (`match`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Matcher {
    Test(Test),
    Match {
        #[serde(rename = "match")]
        condition: Condition,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    /// The framework's code for it (`2A`), shown beside the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// The question it reads; `None` exactly for composites
    /// (`Share`/`Count` with [`Matcher::Match`]) and [`Measure::Index`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub measure: Measure,
    /// Options of the question (a mask) whose answers leave the denominator.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub exclude: u64,
    /// `where`: only respondents for whom it holds count at all.
    #[serde(default, rename = "where", skip_serializing_if = "Option::is_none")]
    pub population: Option<Condition>,
    /// Resolved when parsed: `answered` for indicators on a question,
    /// `respondents` for composites and `index` unless written.
    #[serde(default, skip_serializing_if = "Denominator::is_answered")]
    pub denominator: Denominator,
    #[serde(default, skip_serializing_if = "Unit::is_member")]
    pub unit: Unit,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if takes a reference
fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Who a cell's value is divided by (contract §8).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// Those of the population that answered, with an answer not excluded.
    #[default]
    Answered,
    /// The whole population (submitted responses for which `where` holds).
    Respondents,
    /// Every member the round targets in the cell, answered or not.
    Targeted,
}

impl Denominator {
    pub fn name(self) -> &'static str {
        match self {
            Denominator::Answered => "answered",
            Denominator::Respondents => "respondents",
            Denominator::Targeted => "targeted",
        }
    }

    #[allow(clippy::trivially_copy_pass_by_ref)]
    fn is_answered(&self) -> bool {
        *self == Denominator::Answered
    }
}

/// What one counts: members, or countries (each once).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[default]
    Member,
    Country,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Member => "member",
            Unit::Country => "country",
        }
    }

    #[allow(clippy::trivially_copy_pass_by_ref)]
    fn is_member(&self) -> bool {
        *self == Unit::Member
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Share(Matcher),
    Count(Matcher),
    Mean,
    Sum,
    Distribution,
    /// The mean share of components met, in [0,1] (no question).
    Index(Vec<Condition>),
}

impl Measure {
    /// A share of the answers to the indicator's question that pass `test`.
    pub fn share(test: Test) -> Self {
        Measure::Share(Matcher::Test(test))
    }

    /// A count of the answers to the indicator's question that pass `test`.
    pub fn count(test: Test) -> Self {
        Measure::Count(Matcher::Test(test))
    }

    pub fn name(&self) -> &'static str {
        match self {
            Measure::Share(_) => "share",
            Measure::Count(_) => "count",
            Measure::Mean => "mean",
            Measure::Sum => "sum",
            Measure::Distribution => "distribution",
            Measure::Index(_) => "index",
        }
    }
}

impl Indicator {
    /// An indicator on `question` with every §8 field at its default.
    pub fn new(id: &str, question: &str, measure: Measure) -> Self {
        Indicator {
            id: id.to_string(),
            framework: None,
            question: Some(question.to_string()),
            measure,
            exclude: 0,
            population: None,
            denominator: Denominator::Answered,
            unit: Unit::Member,
        }
    }

    /// Every question the indicator reads: its question, then those of
    /// `where`, `match` and `components`, each once, in that order.
    pub fn questions(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.question.iter().map(String::as_str).collect();
        if let Some(c) = &self.population {
            out.extend(c.questions());
        }
        match &self.measure {
            Measure::Share(Matcher::Match { condition })
            | Measure::Count(Matcher::Match { condition }) => {
                out.extend(condition.questions());
            }
            Measure::Index(components) => {
                components.iter().for_each(|c| out.extend(c.questions()));
            }
            _ => {}
        }
        let mut seen = std::collections::BTreeSet::new();
        out.retain(|q| seen.insert(*q));
        out
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
    /// question is shown when it has no `show_if`, or when its condition
    /// holds on the answers of the questions shown before it (a hidden
    /// question passes no test); conditions read only earlier questions,
    /// so one pass decides every question.
    pub fn visible(&self, answers: &Answers) -> Vec<&str> {
        let mut shown: Vec<&str> = Vec::new();
        for q in self.questions() {
            let visible = match &q.show_if {
                None => true,
                Some(cond) => cond.holds(&|id: &str| {
                    if shown.contains(&id) {
                        answers.get(id)
                    } else {
                        None
                    }
                }),
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
