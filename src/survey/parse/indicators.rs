//! The survey's indicators: each names a question of the survey and a
//! measure that fits its type (share, count, mean, sum, distribution).

use std::collections::BTreeMap;

use toml_edit::{Item, TableLike};

use super::{Seen, Span, Walker};
use crate::survey::{Denominator, Indicator, Matcher, Measure, Question, Unit};

impl Walker<'_, '_> {
    pub(super) fn indicators(
        &mut self,
        root: &dyn TableLike,
        all: &[Seen],
    ) -> Option<Vec<Indicator>> {
        let mut out = Vec::new();
        let mut ids: BTreeMap<String, Span> = BTreeMap::new();
        // Optional, unlike sections: `tables` would report it missing.
        let tables = if root.contains_key("indicators") {
            self.tables(root, "indicators", "the survey", None)
        } else {
            None
        };
        for (t, span) in tables.unwrap_or_default() {
            match self.indicator(t, span, all, &mut ids) {
                Some(i) => out.push(i),
                None => {
                    if let Some(id) = t.get("id").and_then(Item::as_str) {
                        self.broken.push(format!("indicator-{id}"));
                    }
                }
            }
        }
        // Indicators that failed are reported; the rest still go on to the
        // text checks, so one run reports every problem.
        Some(out)
    }

    fn indicator(
        &mut self,
        t: &dyn TableLike,
        span: Span,
        all: &[Seen],
        ids: &mut BTreeMap<String, Span>,
    ) -> Option<Indicator> {
        self.check_keys(
            t,
            &["id", "question", "measure", "any_of", "min", "max"],
            "an indicator",
        );
        let id = self.id_field(t, "id", "an indicator", span.clone());
        if let Some((id, s)) = &id {
            self.unique(ids, id, s, "indicator");
        }
        let what = id.as_ref().map_or("an indicator".to_string(), |(i, _)| {
            format!("indicator `{i}`")
        });
        let question = self.str_field(t, "question", &what, span.clone());
        let measure = self.str_field(t, "measure", &what, span.clone());
        let (qid, qspan) = question?;
        let target = self.target(all, &qid, qspan, &what)?;
        let (measure, mspan) = measure?;
        let measure = self.measure(t, &measure, mspan, target, &what)?;
        Some(Indicator {
            id: id?.0,
            framework: None,
            question: Some(qid),
            measure,
            exclude: 0,
            population: None,
            denominator: Denominator::Answered,
            unit: Unit::Member,
        })
    }

    /// The question `qid` an indicator is about; reported when the survey
    /// has none, unless it was there but could not be read.
    fn target<'q>(
        &mut self,
        all: &[Seen<'q>],
        qid: &str,
        qspan: Span,
        what: &str,
    ) -> Option<&'q Question> {
        let found = all
            .iter()
            .find(|s| s.question.id == qid)
            .map(|s| s.question);
        if found.is_none() && !self.is_broken(&format!("q-{qid}")) {
            self.rep.error(
                qspan,
                format!("{what} refers to `{qid}`, which is not a question of this survey"),
            );
        }
        found
    }

    fn measure(
        &mut self,
        t: &dyn TableLike,
        name: &str,
        span: Span,
        target: &Question,
        what: &str,
    ) -> Option<Measure> {
        match name {
            "share" | "count" => {
                let test = self.test(t, target, what, span)?;
                Some(if name == "share" {
                    Measure::Share(Matcher::Test(test))
                } else {
                    Measure::Count(Matcher::Test(test))
                })
            }
            "mean" | "sum" if target.kind.is_numeric() => {
                self.refuse_test_keys(t, what);
                Some(if name == "mean" {
                    Measure::Mean
                } else {
                    Measure::Sum
                })
            }
            "distribution" if target.kind.is_choice() => {
                self.refuse_test_keys(t, what);
                Some(Measure::Distribution)
            }
            "mean" | "sum" | "distribution" => {
                self.misfit(name, span, target, what);
                None
            }
            other => {
                self.rep.error(span, format!("{what} has unknown measure `{other}`; expected share, count, mean, sum or distribution"));
                None
            }
        }
    }

    /// Reports the keys of a test on a measure that takes none.
    fn refuse_test_keys(&mut self, t: &dyn TableLike, what: &str) {
        for k in ["any_of", "min", "max"] {
            if let Some((key, _)) = t.get_key_value(k) {
                self.rep.error(
                    key.span(),
                    format!("{what}: `{k}` only applies to share and count"),
                );
            }
        }
    }

    /// Reports a known measure on a question of a type it does not fit.
    fn misfit(&mut self, name: &str, span: Span, target: &Question, what: &str) {
        let kind = target.kind.name();
        let fits = if name == "distribution" {
            "single and multi"
        } else {
            "number and scale"
        };
        self.rep.error(
            span,
            format!(
                "{what}: `{name}` applies to {fits} questions, but `{}` is a {kind} question",
                target.id
            ),
        );
    }
}
