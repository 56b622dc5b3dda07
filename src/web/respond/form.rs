//! The respondent form as data: which questions a page shows, the next and
//! previous page, and the view model of each question (its input, choices,
//! condition and problem). Pure functions of the survey, the draft and the
//! errors, so they are tested without HTTP.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;
use serde::Serialize;

use super::live::{self, Decided};
use crate::answers::{self, Problem, Raw};
use crate::i18n::Texts;
use crate::survey::{Answers, Condition, Question, QuestionKind, Survey};

/// Answers of a draft that parse, for deciding what is shown.
pub fn lenient(survey: &Survey, draft: &Raw) -> Answers {
    survey
        .questions()
        .filter_map(|q| {
            let raw = draft.get(&q.id)?;
            answers::parse_value(q, raw)
                .ok()
                .flatten()
                .map(|v| (q.id.clone(), v))
        })
        .collect()
}

/// Questions of section `index` to put on its page: those shown by the
/// draft, and those whose condition depends on a question of the same
/// page (the script hides them live; without it they carry a hint).
pub fn page_questions<'s>(survey: &'s Survey, index: usize, draft: &Raw) -> Vec<&'s Question> {
    let Some(section) = survey.sections.get(index) else {
        return Vec::new();
    };
    let visible = survey.visible(&lenient(survey, draft));
    section
        .questions
        .iter()
        .filter(|q| {
            visible.contains(&q.id.as_str())
                || q.show_if.as_ref().is_some_and(|c| {
                    c.questions()
                        .iter()
                        .any(|t| section.questions.iter().any(|o| o.id == *t))
                })
        })
        .collect()
}

/// The next section after `from` with something to show, if any.
pub fn next_page(survey: &Survey, from: usize, draft: &Raw) -> Option<usize> {
    (from + 1..survey.sections.len()).find(|i| !page_questions(survey, *i, draft).is_empty())
}

/// The previous section before `from` with something to show.
pub fn previous_page(survey: &Survey, from: usize, draft: &Raw) -> Option<usize> {
    (0..from.min(survey.sections.len()))
        .rev()
        .find(|i| !page_questions(survey, *i, draft).is_empty())
}

#[derive(Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub input_id: String,
    pub checked: bool,
}

#[derive(Serialize)]
pub struct QuestionView {
    pub id: String,
    pub label: String,
    pub help: Option<String>,
    pub required: bool,
    pub is_choice: bool,
    pub is_text: bool,
    pub input_type: &'static str,
    pub inputmode: &'static str,
    pub hint: Option<String>,
    pub choices: Vec<Choice>,
    pub value: String,
    pub maxlength: Option<usize>,
    pub error: Option<String>,
    pub described_by: String,
    /// The `show_if` the page's script evaluates (see `live`), as JSON.
    pub condition: Option<String>,
    /// A note: text to read, no field.
    pub is_note: bool,
}

/// How a question is answered on the page.
struct Input {
    is_choice: bool,
    input_type: &'static str,
    inputmode: &'static str,
    choices: Vec<Choice>,
    hint: Option<String>,
}

impl Input {
    fn choices(input_type: &'static str, choices: Vec<Choice>, hint: String) -> Self {
        Input {
            is_choice: true,
            input_type,
            inputmode: "",
            choices,
            hint: Some(hint),
        }
    }

    /// A text field; `inputmode` picks the keyboard.
    fn typed(inputmode: &'static str) -> Self {
        Input {
            is_choice: false,
            input_type: "text",
            inputmode,
            choices: Vec::new(),
            hint: None,
        }
    }
}

/// Everything the templates need to show one question in `lang`.
pub struct Ctx<'a> {
    pub survey: &'a Survey,
    pub texts: &'a Texts,
    pub lang: &'a str,
    pub ui: &'a Texts,
    pub ui_lang: &'a str,
    pub draft: &'a Raw,
    pub errors: &'a BTreeMap<String, Problem>,
}

impl Ctx<'_> {
    /// The view of `q`; `page` holds the ids of every question on the
    /// page, whose answers the script reads live.
    pub fn question(&self, q: &Question, page: &[&str]) -> QuestionView {
        let given = self.draft.get(&q.id).cloned().unwrap_or_default();
        let help = self.texts.get(self.lang, &format!("q-{}-help", q.id), None);
        let error = self.errors.get(&q.id).map(|p| self.problem(p));
        let described_by = [
            help.as_ref().map(|_| format!("h-{}", q.id)),
            error.as_ref().map(|_| format!("e-{}", q.id)),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let input = self.input(q, &given);
        QuestionView {
            id: q.id.clone(),
            label: self.texts.text(self.lang, &format!("q-{}", q.id), None),
            help,
            required: q.required,
            is_choice: input.is_choice,
            is_text: matches!(q.kind, QuestionKind::Text { .. }),
            input_type: input.input_type,
            inputmode: input.inputmode,
            hint: input.hint,
            choices: input.choices,
            value: if input.is_choice {
                String::new()
            } else {
                given.join("\n")
            },
            maxlength: match q.kind {
                QuestionKind::Text { max_length } => Some(max_length),
                _ => None,
            },
            error,
            described_by,
            condition: q.show_if.as_ref().and_then(|c| self.live(c, page)),
            is_note: !q.kind.takes_answer(),
        }
    }

    /// `cond` for the page's script, when it reads a question of `page`.
    fn live(&self, cond: &Condition, page: &[&str]) -> Option<String> {
        let answers = lenient(self.survey, self.draft);
        let visible = self.survey.visible(&answers);
        let decided = Decided {
            answers: &answers,
            visible: &visible,
        };
        live::for_script(self.survey, cond, page, &decided)
    }

    /// How `q` is answered: a typed field, or choices with those in
    /// `given` checked and a hint on how many to choose.
    fn input(&self, q: &Question, given: &[String]) -> Input {
        let choice = |value: String, label: String| Choice {
            checked: given.contains(&value),
            input_id: format!("f-{}-{value}", q.id),
            value,
            label,
        };
        let options = |options: &[String]| -> Vec<Choice> {
            options
                .iter()
                .map(|o| {
                    let label = self.texts.text(self.lang, &format!("q-{}-{o}", q.id), None);
                    choice(o.clone(), label)
                })
                .collect()
        };
        match &q.kind {
            QuestionKind::Single { options: o } => {
                Input::choices("radio", options(o), self.ui_text("choose-one", None))
            }
            QuestionKind::Multi { options: o } => {
                Input::choices("checkbox", options(o), self.ui_text("choose-any", None))
            }
            QuestionKind::Scale { min, max } => {
                let mut args = FluentArgs::new();
                args.set("min", *min);
                args.set("max", *max);
                let points = (*min..=*max).map(|n| choice(n.to_string(), n.to_string()));
                let hint = self.ui_text("scale-from-to", Some(&args));
                Input::choices("radio", points.collect(), hint)
            }
            QuestionKind::Number { integer, .. } => {
                Input::typed(if *integer { "numeric" } else { "decimal" })
            }
            QuestionKind::Text { .. } | QuestionKind::Note => Input::typed("text"),
        }
    }

    pub fn ui_text(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.ui.text(self.ui_lang, id, args)
    }

    /// A problem as the member reads it.
    pub fn problem(&self, p: &Problem) -> String {
        let mut args = FluentArgs::new();
        let id = match p {
            Problem::Required => "problem-required",
            Problem::NotANumber(_) => "problem-not-a-number",
            Problem::NotAWholeNumber(_) => "problem-not-whole",
            Problem::BelowMin(m) => {
                args.set("min", *m);
                "problem-below-min"
            }
            Problem::AboveMax(m) => {
                args.set("max", *m);
                "problem-above-max"
            }
            Problem::UnknownOption(_) => "problem-unknown-option",
            Problem::OneChoiceOnly => "problem-one-choice",
            Problem::TooLong(n) => {
                args.set("max", *n);
                "problem-too-long"
            }
        };
        self.ui_text(id, Some(&args))
    }

    /// The answer as the review page shows it; `None` when unanswered.
    pub fn answer_text(&self, q: &Question) -> Option<String> {
        let raw = self.draft.get(&q.id)?;
        match answers::parse_value(q, raw) {
            Ok(Some(v)) => {
                let shown = answers::to_raw(q, &v);
                Some(match &q.kind {
                    QuestionKind::Single { .. } | QuestionKind::Multi { .. } => shown
                        .iter()
                        .map(|o| self.texts.text(self.lang, &format!("q-{}-{o}", q.id), None))
                        .collect::<Vec<_>>()
                        .join("; "),
                    _ => shown.join(" "),
                })
            }
            Ok(None) => None,
            Err(_) => Some(raw.join(" ")),
        }
    }
}
