//! The fields of contract §8 an indicator may add to its measure:
//! `framework`, `exclude`, `where`, `denominator` and `unit`, each checked
//! against the measure it goes with.

use toml_edit::{Item, TableLike};

use super::conditions::Scope;
use super::{Seen, Span, Walker};
use crate::survey::{Condition, Denominator, Measure, Question, Unit};

/// The fields read before the measure is known.
pub(super) struct Fields {
    pub(super) framework: Option<String>,
    pub(super) population: Option<Condition>,
    /// As written, with the span of the value.
    pub(super) denominator: Option<(Denominator, Span)>,
    pub(super) unit: Option<(Unit, Span)>,
}

impl Walker<'_, '_> {
    /// `framework`, `where`, `denominator` and `unit`; `None` when one of
    /// them is wrong (reported).
    pub(super) fn indicator_fields(
        &mut self,
        t: &dyn TableLike,
        all: &[Seen],
        what: &str,
    ) -> Option<Fields> {
        let framework = self.framework(t, what);
        let population = match t.get_key_value("where") {
            None => Some(None),
            Some((key, item)) => {
                let scope = Scope {
                    questions: all,
                    outside: "a question of this survey",
                    what: format!("`where` of {what}"),
                    composite: false,
                };
                self.condition_item(item, key.span(), &scope).map(Some)
            }
        };
        let denominator = self.word_field(
            t,
            "denominator",
            what,
            &["answered", "respondents", "targeted"],
        );
        let unit = self.word_field(t, "unit", what, &["member", "country"]);
        let denominator = denominator?.map(|(w, s)| {
            let d = match w.as_str() {
                "respondents" => Denominator::Respondents,
                "targeted" => Denominator::Targeted,
                _ => Denominator::Answered,
            };
            (d, s)
        });
        let unit = unit?.map(|(w, s)| {
            (
                if w == "country" {
                    Unit::Country
                } else {
                    Unit::Member
                },
                s,
            )
        });
        Some(Fields {
            framework: framework?,
            population: population?,
            denominator,
            unit,
        })
    }

    /// `framework`: a non-empty code such as `2A`.
    fn framework(&mut self, t: &dyn TableLike, what: &str) -> Option<Option<String>> {
        if !t.contains_key("framework") {
            return Some(None);
        }
        let (code, span) = self.str_field(t, "framework", what, None)?;
        if code.trim().is_empty() {
            self.rep
                .error(span, format!("`framework` of {what} is empty"));
            return None;
        }
        Some(Some(code))
    }

    /// A string field that takes one of `words`; `Some(None)` when absent.
    fn word_field(
        &mut self,
        t: &dyn TableLike,
        key: &str,
        what: &str,
        words: &[&str],
    ) -> Option<Option<(String, Span)>> {
        if !t.contains_key(key) {
            return Some(None);
        }
        let (word, span) = self.str_field(t, key, what, None)?;
        if !words.contains(&word.as_str()) {
            self.rep.error(
                span,
                format!(
                    "{what} has unknown {key} `{word}`; expected one of: {}",
                    words.join(", ")
                ),
            );
            return None;
        }
        Some(Some((word, span)))
    }

    /// `exclude`: options of the indicator's single or multi question, as
    /// a mask; 0 when absent.
    pub(super) fn exclude(
        &mut self,
        t: &dyn TableLike,
        target: Option<&Question>,
        what: &str,
    ) -> Option<u64> {
        let Some((key, _)) = t.get_key_value("exclude") else {
            return Some(0);
        };
        let refused = match target {
            None => Some("`exclude` needs the indicator's own `question`; a composite or index narrows its population with `where`".to_string()),
            Some(q) if !q.kind.is_choice() => Some(format!(
                "`exclude` names options of single and multi questions; `{}` is a {} question, so use `where`",
                q.id,
                q.kind.name()
            )),
            Some(_) => None,
        };
        if let Some(message) = refused {
            self.rep.error(key.span(), format!("{what}: {message}"));
            return None;
        }
        let q = target?;
        let (values, vspan) = self.str_list(t, "exclude")?;
        let tname = format!("`{}` ({} question)", q.id, q.kind.name());
        let mask = self.option_mask(&values, q, &format!("`exclude` of {what}"), &tname);
        let every = (1u64 << q.kind.options().len()) - 1;
        if values.is_empty() || mask == every {
            self.rep.error(
                vspan,
                format!("{what}: `exclude` must name some options of {tname}, not none or all"),
            );
            return None;
        }
        // Each option that is not one was reported by `option_mask`.
        let options = q.kind.options();
        values
            .iter()
            .all(|(v, _)| options.contains(v))
            .then_some(mask)
    }

    /// The option names written in `exclude`, unchecked.
    pub(super) fn excluded_names(&self, t: &dyn TableLike) -> Vec<String> {
        t.get("exclude")
            .and_then(Item::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    }

    /// The denominator and unit, defaulted and checked against the measure.
    pub(super) fn rules(
        &mut self,
        t: &dyn TableLike,
        fields: &Fields,
        measure: &Measure,
        on_question: bool,
        what: &str,
    ) -> Option<(Denominator, Unit)> {
        let name = measure.name();
        let mut ok = true;
        let denominator = match &fields.denominator {
            None if on_question => Denominator::Answered,
            None => Denominator::Respondents,
            Some((d, span)) => {
                let refused = match (d, name) {
                    (Denominator::Answered, _) if !on_question => Some(format!("denominator = \"answered\" needs the indicator's own question; a {} counts its respondents (the default) or the targeted members", if name == "index" { "index" } else { "composite" })),
                    (Denominator::Respondents | Denominator::Targeted, "mean" | "sum") => Some(format!("`{name}` takes only denominator = \"answered\"")),
                    _ => None,
                };
                if let Some(message) = refused {
                    self.rep.error(span.clone(), format!("{what}: {message}"));
                    ok = false;
                }
                *d
            }
        };
        if denominator == Denominator::Targeted {
            if let Some((key, _)) = t.get_key_value("where") {
                self.rep.error(key.span(), format!("{what}: `where` cannot go with denominator = \"targeted\", which counts every targeted member"));
                ok = false;
            }
        }
        let unit = fields.unit.as_ref().map_or(Unit::Member, |(u, _)| *u);
        if let Some((Unit::Country, span)) = &fields.unit {
            if !matches!(measure, Measure::Share(_) | Measure::Count(_)) {
                self.rep.error(
                    span.clone(),
                    format!("{what}: unit = \"country\" applies only to share and count, not to `{name}`"),
                );
                ok = false;
            }
        }
        ok.then_some((denominator, unit))
    }
}
