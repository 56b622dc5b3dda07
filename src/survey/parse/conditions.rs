//! The condition language of contract §8, read wherever it is written:
//! `show_if` of a question (earlier questions only), and an indicator's
//! `where`, `match` and `components` (any question of the survey). Also
//! the test (`any_of`, or `min`/`max`) a share or count indicator applies
//! to its own question.

use toml_edit::{Item, TableLike};

use super::{Seen, Span, Walker};
use crate::survey::{Condition, Question, Test};

/// Where a condition is written: what it may read and how it is named.
pub(super) struct Scope<'s, 'q> {
    /// The questions it may read.
    pub(super) questions: &'s [Seen<'q>],
    /// What the others are not: "a question before it".
    pub(super) outside: &'static str,
    /// Its name in messages: "show_if of question `topics`".
    pub(super) what: String,
    /// Set in a composite's `match`, which refuses `answered = true`.
    pub(super) composite: bool,
}

/// The keys that start each form of condition.
const FORMS: [&str; 4] = ["question", "all", "any", "not"];

const EXAMPLE: &str = "{ question = \"…\", any_of = [\"…\"] }";

impl Walker<'_, '_> {
    pub(super) fn show_if(
        &mut self,
        item: &Item,
        key_span: Span,
        before: &[Seen],
        what: &str,
    ) -> Option<Condition> {
        let scope = Scope {
            questions: before,
            outside: "a question before it",
            what: format!("show_if of {what}"),
            composite: false,
        };
        let Some(t) = item.as_table_like() else {
            self.rep.error(
                key_span,
                format!("{} must be a table such as {EXAMPLE}", scope.what),
            );
            return None;
        };
        self.condition(t, item.span().or(key_span), &scope)
    }

    /// The condition `item` (the value of a key), which must be a table.
    pub(super) fn condition_item(
        &mut self,
        item: &Item,
        span: Span,
        scope: &Scope,
    ) -> Option<Condition> {
        let Some(t) = item.as_table_like() else {
            self.rep.error(
                item.span().or(span),
                format!("{} must be a condition such as {EXAMPLE}", scope.what),
            );
            return None;
        };
        self.condition(t, item.span().or(span), scope)
    }

    /// One condition, in any of its forms, nested to any depth; every
    /// problem in it is reported.
    pub(super) fn condition(
        &mut self,
        t: &dyn TableLike,
        span: Span,
        scope: &Scope,
    ) -> Option<Condition> {
        let forms: Vec<&str> = FORMS.into_iter().filter(|k| t.contains_key(k)).collect();
        if let [first, second, ..] = forms[..] {
            let at = t.get_key_value(second).and_then(|(k, _)| k.span());
            self.rep.error(
                at,
                format!(
                    "{}: `{first}` and `{second}` cannot be in one condition; \
                     combine conditions with all = [ … ] or any = [ … ]",
                    scope.what
                ),
            );
            return None;
        }
        match forms.first().copied() {
            Some("all") => self
                .conditions(t, "all", span, scope)
                .map(|all| Condition::All { all }),
            Some("any") => self
                .conditions(t, "any", span, scope)
                .map(|any| Condition::Any { any }),
            Some("not") => {
                self.check_keys(t, &["not"], &scope.what);
                let (item, vspan) = self.value(t, "not", "", None)?;
                let inner = self.condition_item(item, vspan, scope)?;
                Some(Condition::Not {
                    not: Box::new(inner),
                })
            }
            _ => self.answer_condition(t, span, scope),
        }
    }

    /// The non-empty list of conditions under `key` (`all`, `any`).
    fn conditions(
        &mut self,
        t: &dyn TableLike,
        key: &str,
        span: Span,
        scope: &Scope,
    ) -> Option<Vec<Condition>> {
        self.check_keys(t, &[key], &scope.what);
        let list = self.tables(t, key, &scope.what, span)?;
        if list.is_empty() {
            let at = t.get(key).and_then(Item::span);
            self.rep.error(
                at,
                format!(
                    "{}: `{key}` is empty; it needs at least one condition",
                    scope.what
                ),
            );
            return None;
        }
        let parsed: Vec<Option<Condition>> = list
            .into_iter()
            .map(|(c, s)| self.condition(c, s, scope))
            .collect();
        parsed.into_iter().collect()
    }

    /// `{ question, any_of | min/max | answered }`.
    fn answer_condition(
        &mut self,
        t: &dyn TableLike,
        span: Span,
        scope: &Scope,
    ) -> Option<Condition> {
        self.check_keys(
            t,
            &["question", "any_of", "min", "max", "answered"],
            &scope.what,
        );
        let (target, tspan) = self.str_field(t, "question", &scope.what, span)?;
        let question = self.condition_target(&target, tspan.clone(), scope)?;
        let test = if t.contains_key("answered") {
            self.answered(t, scope)?
        } else {
            self.test(t, question, &scope.what, tspan)?
        };
        Some(Condition::Answer {
            question: target,
            test,
        })
    }

    /// The question a condition names: one it may read, and not a note.
    fn condition_target<'q>(
        &mut self,
        target: &str,
        tspan: Span,
        scope: &Scope<'_, 'q>,
    ) -> Option<&'q Question> {
        let Some(seen) = scope.questions.iter().find(|s| s.question.id == target) else {
            if !self.is_broken(&format!("q-{target}")) {
                self.rep.error(
                    tspan,
                    format!(
                        "{} refers to `{target}`, which is not {}",
                        scope.what, scope.outside
                    ),
                );
            }
            return None;
        };
        if !seen.question.kind.takes_answer() {
            self.rep.error(
                tspan,
                format!(
                    "{}: `{target}` is a note, which takes no answer; no condition may name it",
                    scope.what
                ),
            );
            return None;
        }
        Some(seen.question)
    }

    /// `answered = true`: alone, only `true`, and not in a composite.
    fn answered(&mut self, t: &dyn TableLike, scope: &Scope) -> Option<Test> {
        let what = &scope.what;
        let mut ok = true;
        for k in ["any_of", "min", "max"] {
            if let Some((key, _)) = t.get_key_value(k) {
                self.rep.error(
                    key.span(),
                    format!("{what}: `{k}` cannot go with `answered`; write two conditions in all = [ … ]"),
                );
                ok = false;
            }
        }
        let (item, vspan) = self.value(t, "answered", "", None)?;
        if item.as_bool() != Some(true) {
            self.rep.error(
                vspan,
                format!("{what}: `answered` takes only true; for an unanswered question write not = {{ question = \"…\", answered = true }}"),
            );
            return None;
        }
        if scope.composite {
            self.rep.error(
                vspan,
                format!("{what}: `answered` on a composite is refused; test the answer with any_of or min/max"),
            );
            return None;
        }
        ok.then_some(Test::Answered)
    }

    /// `any_of` for a choice target, `min`/`max` for a numeric one.
    pub(super) fn test(
        &mut self,
        t: &dyn TableLike,
        target: &Question,
        what: &str,
        span: Span,
    ) -> Option<Test> {
        let tname = format!("`{}` ({} question)", target.id, target.kind.name());
        if target.kind.is_choice() {
            self.choice_test(t, target, what, &tname, span)
        } else if target.kind.is_numeric() {
            self.range_test(t, what, &tname, span)
        } else {
            self.rep.error(
                span,
                format!("{what}: {tname} cannot be tested; only choice and numeric questions can (any question can be tested with answered = true)"),
            );
            None
        }
    }

    /// `any_of`: options of `target`, kept as a bit mask of their positions.
    fn choice_test(
        &mut self,
        t: &dyn TableLike,
        target: &Question,
        what: &str,
        tname: &str,
        span: Span,
    ) -> Option<Test> {
        for k in ["min", "max"] {
            if let Some((key, _)) = t.get_key_value(k) {
                self.rep.error(key.span(), format!("{what}: `{k}` applies to number and scale questions, but {tname} has options; use any_of"));
            }
        }
        let Some((values, vspan)) = self.str_list(t, "any_of") else {
            self.rep.error(
                span,
                format!("{what} needs `any_of` with options of {tname}"),
            );
            return None;
        };
        if values.is_empty() {
            self.rep.error(vspan, format!("{what}: `any_of` is empty"));
            return None;
        }
        let mask = self.option_mask(&values, target, what, tname);
        (mask != 0).then_some(Test::AnyOf(mask))
    }

    /// The options `values` of `target` as a bit mask of their positions;
    /// each one that is not an option is reported.
    pub(super) fn option_mask(
        &mut self,
        values: &[(String, Span)],
        target: &Question,
        what: &str,
        tname: &str,
    ) -> u64 {
        let options = target.kind.options();
        let mut mask = 0u64;
        for (v, vs) in values {
            match options.iter().position(|o| o == v) {
                Some(i) => mask |= 1 << i,
                None => self.rep.error(
                    vs.clone(),
                    format!("{what}: `{v}` is not an option of {tname}"),
                ),
            }
        }
        mask
    }

    /// `min`, `max` or both, for a numeric target.
    fn range_test(
        &mut self,
        t: &dyn TableLike,
        what: &str,
        tname: &str,
        span: Span,
    ) -> Option<Test> {
        if let Some((key, _)) = t.get_key_value("any_of") {
            self.rep.error(key.span(), format!("{what}: `any_of` applies to single and multi questions, but {tname} is numeric; use min/max"));
        }
        let min = self.num_field(t, "min");
        let max = self.num_field(t, "max");
        if min.is_none() && max.is_none() {
            self.rep.error(
                span,
                format!("{what} needs `min`, `max` or both for {tname}"),
            );
            return None;
        }
        let (min, max) = self.ordered(min, max, what)?;
        Some(Test::Range { min, max })
    }
}
