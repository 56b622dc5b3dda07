//! Conditions on an earlier question: `show_if` of a question, and the
//! test (`any_of`, or `min`/`max`) it shares with the indicators that
//! count or share answers.

use toml_edit::{Item, TableLike};

use super::{Seen, Span, Walker};
use crate::survey::{Condition, Question, Test};

impl Walker<'_, '_> {
    pub(super) fn show_if(
        &mut self,
        item: &Item,
        key_span: Span,
        before: &[Seen],
        what: &str,
    ) -> Option<Condition> {
        let Some(t) = item.as_table_like() else {
            self.rep.error(key_span, format!("show_if of {what} must be a table such as {{ question = \"…\", any_of = [\"…\"] }}"));
            return None;
        };
        self.check_keys(
            t,
            &["question", "any_of", "min", "max"],
            &format!("show_if of {what}"),
        );
        let (target, tspan) =
            self.str_field(t, "question", &format!("show_if of {what}"), key_span)?;
        let Some(seen) = before.iter().find(|s| s.question.id == target) else {
            if self.is_broken(&format!("q-{target}")) {
                return None;
            }
            self.rep.error(
                tspan,
                format!(
                    "show_if of {what} refers to `{target}`, which is not a question before it"
                ),
            );
            return None;
        };
        let test = self.test(t, seen.question, &format!("show_if of {what}"), tspan)?;
        Some(Condition::Answer {
            question: target,
            test,
        })
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
                format!("{what}: {tname} cannot be tested; only choice and numeric questions can"),
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
        let options = target.kind.options();
        let mut mask = 0u64;
        for (v, vs) in values {
            match options.iter().position(|o| *o == v) {
                Some(i) => mask |= 1 << i,
                None => self
                    .rep
                    .error(vs, format!("{what}: `{v}` is not an option of {tname}")),
            }
        }
        (mask != 0).then_some(Test::AnyOf(mask))
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
