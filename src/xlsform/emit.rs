//! Generated text that remembers, line by line, which cell each line came
//! from, so that what the survey checker says about `survey.toml:40:3`
//! can be told to the user as `form.xlsx:survey!H12`.

use std::collections::BTreeMap;

use crate::survey::{Condition, QuestionKind, Test};

use super::book::number;

#[derive(Debug, Default)]
pub struct Out {
    pub text: String,
    /// `origins[i]`: the cell line `i + 1` came from ("" for none).
    pub origins: Vec<String>,
    /// For Fluent files: the cell of each message id.
    pub messages: BTreeMap<String, String>,
}

impl Out {
    pub fn line(&mut self, at: &str, text: &str) {
        for l in text.split('\n') {
            self.text.push_str(l);
            self.text.push('\n');
            self.origins.push(at.to_string());
        }
    }

    /// The cell a 1-based line came from, if any.
    pub fn origin(&self, line: usize) -> Option<&str> {
        self.origins
            .get(line.checked_sub(1)?)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    /// A Fluent message; a value of several lines is written indented
    /// below its id.
    pub fn message(&mut self, at: &str, id: &str, value: &str) {
        self.messages.insert(id.to_string(), at.to_string());
        if value.contains('\n') {
            self.line(at, &format!("{id} ="));
            for l in value.split('\n') {
                self.line(at, &format!("    {l}"));
            }
        } else {
            self.line(at, &format!("{id} = {value}"));
        }
    }
}

/// A TOML basic string.
pub fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn toml_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| toml_str(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// A condition as a TOML inline table (contract §8).
pub fn toml_condition<'k>(
    c: &Condition,
    kind_of: &dyn Fn(&str) -> Option<&'k QuestionKind>,
) -> String {
    match c {
        Condition::Answer { question, test } => {
            let q = toml_str(question);
            match test {
                Test::Answered => format!("{{ question = {q}, answered = true }}"),
                Test::AnyOf(mask) => {
                    let opts = kind_of(question)
                        .map(QuestionKind::options)
                        .unwrap_or_default();
                    let names = masked(opts, *mask);
                    format!("{{ question = {q}, any_of = {} }}", toml_list(&names))
                }
                Test::Range { min, max } => {
                    let mut s = format!("{{ question = {q}");
                    if let Some(m) = min {
                        s.push_str(&format!(", min = {}", number(*m)));
                    }
                    if let Some(m) = max {
                        s.push_str(&format!(", max = {}", number(*m)));
                    }
                    s + " }"
                }
            }
        }
        Condition::All { all } => format!("{{ all = [{}] }}", toml_conditions(all, kind_of)),
        Condition::Any { any } => format!("{{ any = [{}] }}", toml_conditions(any, kind_of)),
        Condition::Not { not } => format!("{{ not = {} }}", toml_condition(not, kind_of)),
    }
}

pub fn toml_conditions<'k>(
    cs: &[Condition],
    kind_of: &dyn Fn(&str) -> Option<&'k QuestionKind>,
) -> String {
    cs.iter()
        .map(|c| toml_condition(c, kind_of))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The options whose bits are set in `mask`, in order.
pub fn masked(options: &[String], mask: u64) -> Vec<String> {
    options
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < 64 && mask & (1 << i) != 0)
        .map(|(_, o)| o.clone())
        .collect()
}
