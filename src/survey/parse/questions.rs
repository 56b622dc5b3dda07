//! One question: its id, type and the keys of that type (options, bounds,
//! length), and whether it is required or shown under a condition.

use toml_edit::TableLike;

use super::{Seen, Span, Walker};
use crate::survey::{is_id, Question, QuestionKind, MAX_OPTIONS};

impl Walker<'_, '_> {
    pub(super) fn question(
        &mut self,
        t: &dyn TableLike,
        span: Span,
        before: &[Seen],
    ) -> Option<Question> {
        const COMMON: [&str; 4] = ["id", "type", "required", "show_if"];
        let id = self.id_field(t, "id", "a question", span.clone());
        if let Some((qid, ispan)) = &id {
            self.new_question_id(qid, ispan, before);
        }
        let what = id
            .as_ref()
            .map_or("a question".to_string(), |(i, _)| format!("question `{i}`"));
        let (ty, ty_span) = self.str_field(t, "type", &what, span.clone())?;
        let specific = self.type_keys(&ty, ty_span, &what)?;
        let allowed: Vec<&str> = COMMON.iter().chain(specific).copied().collect();
        self.check_keys_for(t, &allowed, &what, &ty);
        let kind = self.kind(t, &ty, &what, span.clone());
        let required = self.required(t, &ty, &what);
        let show_if = match t.get_key_value("show_if") {
            None => Some(None),
            Some((key, item)) => self.show_if(item, key.span(), before, &what).map(Some),
        };
        Some(Question {
            id: id?.0,
            required,
            show_if: show_if?,
            kind: kind?,
        })
    }

    /// `required`; a note takes no answer, so it cannot be required.
    fn required(&mut self, t: &dyn TableLike, ty: &str, what: &str) -> bool {
        let required = self.bool_field(t, "required").unwrap_or(false);
        if required && ty == "note" {
            let at = t.get("required").and_then(toml_edit::Item::span);
            self.rep.error(
                at,
                format!("{what} is a note, which takes no answer; it cannot be required"),
            );
            return false;
        }
        required
    }

    /// Reports a question id used by an earlier question.
    fn new_question_id(&mut self, qid: &str, span: &Span, before: &[Seen]) {
        if let Some(prev) = before.iter().find(|s| s.question.id == qid) {
            let line = self.line_of(&prev.span);
            self.rep.error(
                span.clone(),
                format!("question id `{qid}` is already used on line {line}"),
            );
        }
    }

    /// The keys a question of type `ty` may have besides the common ones;
    /// `None` (reported) for an unknown type.
    fn type_keys(&mut self, ty: &str, span: Span, what: &str) -> Option<&'static [&'static str]> {
        match ty {
            "single" | "multi" => Some(&["options"]),
            "number" => Some(&["min", "max", "integer"]),
            "scale" => Some(&["min", "max"]),
            "text" => Some(&["max_length"]),
            "note" => Some(&[]),
            other => {
                self.rep.error(
                    span,
                    format!("{what} has unknown type `{other}`; expected single, multi, number, scale, text or note"),
                );
                None
            }
        }
    }

    fn kind(
        &mut self,
        t: &dyn TableLike,
        ty: &str,
        what: &str,
        span: Span,
    ) -> Option<QuestionKind> {
        match ty {
            "single" | "multi" => {
                let options = self.options(t, what, span)?;
                Some(if ty == "single" {
                    QuestionKind::Single { options }
                } else {
                    QuestionKind::Multi { options }
                })
            }
            "number" => {
                let min = self.num_field(t, "min");
                let max = self.num_field(t, "max");
                let integer = self.bool_field(t, "integer").unwrap_or(false);
                let (min, max) = self.ordered(min, max, what)?;
                Some(QuestionKind::Number { min, max, integer })
            }
            "scale" => self.scale(t, what, span),
            "note" => Some(QuestionKind::Note),
            _ => {
                let max_length = match self.int_field(t, "max_length") {
                    None => Some(5000),
                    Some((n, s)) if !(1..=100_000).contains(&n) => {
                        self.rep.error(
                            s,
                            format!("max_length of {what} must lie between 1 and 100000"),
                        );
                        None
                    }
                    Some((n, _)) => usize::try_from(n).ok(),
                }?;
                Some(QuestionKind::Text { max_length })
            }
        }
    }

    fn scale(&mut self, t: &dyn TableLike, what: &str, span: Span) -> Option<QuestionKind> {
        let min = self.int_field(t, "min");
        let max = self.int_field(t, "max");
        let (Some((min, _)), Some((max, max_span))) = (min, max) else {
            self.rep.error(
                span,
                format!("{what} is a scale and needs integer `min` and `max`"),
            );
            return None;
        };
        // Checked: bounds near i64::MIN/MAX must not overflow.
        if max <= min || max.checked_sub(min).is_none_or(|points| points > 10) {
            self.rep.error(
                max_span,
                format!(
                    "the scale of {what} must run upwards over 2 to 11 points, not {min} to {max}"
                ),
            );
            return None;
        }
        Some(QuestionKind::Scale { min, max })
    }

    fn options(&mut self, t: &dyn TableLike, what: &str, span: Span) -> Option<Vec<String>> {
        let Some((list, lspan)) = self.str_list(t, "options") else {
            self.rep
                .error(span, format!("{what} needs a list of `options`"));
            return None;
        };
        if list.is_empty() {
            self.rep
                .error(lspan.clone(), format!("{what} needs at least one option"));
        }
        if list.len() > MAX_OPTIONS {
            self.rep.error(
                lspan,
                format!(
                    "{what} has {} options; at most {MAX_OPTIONS} are allowed",
                    list.len()
                ),
            );
            return None;
        }
        let mut ok = true;
        for (i, (opt, ospan)) in list.iter().enumerate() {
            if !is_id(opt) {
                self.rep.error(
                    ospan.clone(),
                    format!("option `{opt}` of {what} is not an id ([a-z][a-z0-9_]*)"),
                );
                ok = false;
            } else if let Some((_, first)) = list[..i].iter().find(|(o, _)| o == opt) {
                let line = self.line_of(first);
                self.rep.error(
                    ospan.clone(),
                    format!("option `{opt}` appears twice in {what} (first on line {line})"),
                );
                ok = false;
            }
        }
        ok.then(|| list.into_iter().map(|(o, _)| o).collect())
    }

    pub(super) fn ordered(
        &mut self,
        min: Option<(f64, Span)>,
        max: Option<(f64, Span)>,
        what: &str,
    ) -> Option<(Option<f64>, Option<f64>)> {
        if let (Some((lo, _)), Some((hi, span))) = (&min, &max) {
            if lo > hi {
                self.rep.error(
                    span.clone(),
                    format!("in {what}, `max` ({hi}) is below `min` ({lo})"),
                );
                return None;
            }
        }
        Some((min.map(|m| m.0), max.map(|m| m.0)))
    }
}
