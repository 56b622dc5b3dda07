//! The survey's indicators: each names a question of the survey and a
//! measure that fits its type (share, count, mean, sum, distribution), or
//! is a composite (share or count of a `match` condition) or an `index` of
//! components; the fields of contract §8 are read in `indicator_fields`.

use std::collections::BTreeMap;

use toml_edit::{Item, TableLike};

use super::conditions::Scope;
use super::indicator_fields::Fields;
use super::{Seen, Span, Walker};
use crate::survey::{Condition, Indicator, Matcher, Measure, Question, Test};

const KEYS: [&str; 13] = [
    "id",
    "framework",
    "question",
    "measure",
    "any_of",
    "min",
    "max",
    "exclude",
    "where",
    "denominator",
    "unit",
    "match",
    "components",
];

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
        self.check_keys(t, &KEYS, "an indicator");
        let id = self.id_field(t, "id", "an indicator", span.clone());
        if let Some((id, s)) = &id {
            self.unique(ids, id, s, "indicator");
        }
        let what = id.as_ref().map_or("an indicator".to_string(), |(i, _)| {
            format!("indicator `{i}`")
        });
        let fields = self.indicator_fields(t, all, &what);
        let measure = self.str_field(t, "measure", &what, span.clone());
        let question = self.own_question(t, all, &what);
        let (name, mspan) = measure?;
        let target = question?;
        self.misplaced_keys(t, &name, &what);
        let exclude = self.exclude(t, target, &what);
        let measure = self.measure(t, &name, mspan, target, all, &what, span)?;
        let exclude = exclude?;
        self.excluded_any_of(t, &measure, exclude, &what);
        let fields: Fields = fields?;
        let (denominator, unit) = self.rules(t, &fields, &measure, target.is_some(), &what)?;
        Some(Indicator {
            id: id?.0,
            framework: fields.framework,
            question: target.map(|q| q.id.clone()),
            measure,
            exclude,
            population: fields.population,
            denominator,
            unit,
        })
    }

    /// The question an indicator reads, when it names one (`Some(None)`
    /// when it names none); reported when the survey has no such question
    /// (unless it was there but could not be read) or it is a note.
    fn own_question<'q>(
        &mut self,
        t: &dyn TableLike,
        all: &[Seen<'q>],
        what: &str,
    ) -> Option<Option<&'q Question>> {
        if !t.contains_key("question") {
            return Some(None);
        }
        let (qid, qspan) = self.str_field(t, "question", what, None)?;
        let found = all
            .iter()
            .find(|s| s.question.id == qid)
            .map(|s| s.question);
        match found {
            None if !self.is_broken(&format!("q-{qid}")) => self.rep.error(
                qspan,
                format!("{what} refers to `{qid}`, which is not a question of this survey"),
            ),
            Some(q) if !q.kind.takes_answer() => {
                self.rep.error(
                    qspan,
                    format!("{what}: `{qid}` is a note, which takes no answer; no indicator can read it"),
                );
                return None;
            }
            _ => {}
        }
        found.map(Some)
    }

    /// Keys that belong to another measure, each reported at the key.
    fn misplaced_keys(&mut self, t: &dyn TableLike, name: &str, what: &str) {
        let wrong = [
            (
                "match",
                !matches!(name, "share" | "count"),
                "`match` (a composite) only applies to share and count",
            ),
            (
                "components",
                name != "index",
                "`components` only applies to measure = \"index\"",
            ),
        ];
        for (key, misplaced, message) in wrong {
            if let Some((k, _)) = t.get_key_value(key).filter(|_| misplaced) {
                self.rep.error(k.span(), format!("{what}: {message}"));
            }
        }
    }

    #[allow(clippy::too_many_arguments)] // the parts of one indicator, all read by the match
    fn measure(
        &mut self,
        t: &dyn TableLike,
        name: &str,
        span: Span,
        target: Option<&Question>,
        all: &[Seen],
        what: &str,
        at: Span,
    ) -> Option<Measure> {
        match (name, target) {
            ("share" | "count", Some(q)) => {
                if let Some((k, _)) = t.get_key_value("match") {
                    self.rep.error(k.span(), format!("{what} has both `question` and `match`; a composite reads the questions of its condition and has no `question`"));
                    return None;
                }
                let test = self.test(t, q, what, span)?;
                Some(share_or_count(name, Matcher::Test(test)))
            }
            ("share" | "count", None) => {
                let condition = self.composite(t, all, what, at)?;
                Some(share_or_count(name, Matcher::Match { condition }))
            }
            ("index", _) => self.index(t, target, all, what, at),
            ("mean" | "sum" | "distribution", None) => {
                self.rep.error(at, format!("{what} is missing `question`"));
                None
            }
            ("mean" | "sum" | "distribution", Some(q)) => self.on_question(t, name, span, q, what),
            (other, _) => {
                self.rep.error(span, format!("{what} has unknown measure `{other}`; expected share, count, mean, sum, distribution or index"));
                None
            }
        }
    }

    /// `mean`, `sum` (numeric question) and `distribution` (choice).
    fn on_question(
        &mut self,
        t: &dyn TableLike,
        name: &str,
        span: Span,
        target: &Question,
        what: &str,
    ) -> Option<Measure> {
        let fits = if name == "distribution" {
            target.kind.is_choice()
        } else {
            target.kind.is_numeric()
        };
        if !fits {
            self.misfit(name, span, target, what);
            return None;
        }
        self.refuse_test_keys(t, what, "only applies to share and count");
        Some(match name {
            "mean" => Measure::Mean,
            "sum" => Measure::Sum,
            _ => Measure::Distribution,
        })
    }

    /// A composite: share or count of the respondents for whom `match`
    /// holds; it has no question, so no test of its own.
    fn composite(
        &mut self,
        t: &dyn TableLike,
        all: &[Seen],
        what: &str,
        at: Span,
    ) -> Option<Condition> {
        let Some((item, mspan)) = self.value(t, "match", what, None) else {
            // `components` in its place is reported as misplaced already.
            if !t.contains_key("components") {
                self.rep.error(
                    at,
                    format!("{what} needs `question`, or `match` for a composite"),
                );
            }
            return None;
        };
        self.refuse_test_keys(
            t,
            what,
            "does not apply to a composite; its test goes in `match`",
        );
        let scope = Scope {
            questions: all,
            outside: "a question of this survey",
            what: format!("`match` of {what}"),
            composite: true,
        };
        self.condition_item(item, mspan, &scope)
    }

    /// `index`: the mean share of `components` met; no question.
    fn index(
        &mut self,
        t: &dyn TableLike,
        target: Option<&Question>,
        all: &[Seen],
        what: &str,
        at: Span,
    ) -> Option<Measure> {
        if let Some((k, _)) = t.get_key_value("question").filter(|_| target.is_some()) {
            self.rep.error(k.span(), format!("{what}: an index has no `question`; its `components` name the questions it reads"));
        }
        self.refuse_test_keys(
            t,
            what,
            "does not apply to an index; tests go in `components`",
        );
        let list = self.tables(t, "components", what, at)?;
        if list.is_empty() {
            let span = t.get("components").and_then(Item::span);
            self.rep.error(
                span,
                format!("{what}: `components` is empty; an index needs at least one condition"),
            );
            return None;
        }
        let mut components = Vec::new();
        for (n, (c, span)) in list.into_iter().enumerate() {
            let scope = Scope {
                questions: all,
                outside: "a question of this survey",
                what: format!("component {} of {what}", n + 1),
                composite: false,
            };
            components.push(self.condition(c, span, &scope));
        }
        let components: Option<Vec<Condition>> = components.into_iter().collect();
        (target.is_none()).then_some(Measure::Index(components?))
    }

    /// Reports the keys of a test on a measure that takes none.
    fn refuse_test_keys(&mut self, t: &dyn TableLike, what: &str, why: &str) {
        for k in ["any_of", "min", "max"] {
            if let Some((key, _)) = t.get_key_value(k) {
                self.rep.error(key.span(), format!("{what}: `{k}` {why}"));
            }
        }
    }

    /// Reports `any_of` naming an option that `exclude` takes out.
    fn excluded_any_of(&mut self, t: &dyn TableLike, measure: &Measure, exclude: u64, what: &str) {
        let (Measure::Share(Matcher::Test(Test::AnyOf(mask)))
        | Measure::Count(Matcher::Test(Test::AnyOf(mask)))) = measure
        else {
            return;
        };
        if mask & exclude == 0 {
            return;
        }
        let excluded = self.excluded_names(t);
        let items = t
            .get("any_of")
            .and_then(Item::as_array)
            .into_iter()
            .flatten();
        for v in items {
            if let Some(name) = v.as_str().filter(|n| excluded.iter().any(|e| e == n)) {
                self.rep.error(
                    v.span(),
                    format!("{what}: `{name}` is in `exclude`, so it never matches; any_of may not name it"),
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

fn share_or_count(name: &str, matcher: Matcher) -> Measure {
    if name == "share" {
        Measure::Share(matcher)
    } else {
        Measure::Count(matcher)
    }
}
