//! Reading a survey folder: `survey.toml` walked with its spans kept, so that
//! every problem, syntactic or semantic, names its file, line and column;
//! then the Fluent files (see `texts`). Every problem is reported, not only
//! the first.

mod fields;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml_edit::{ImDocument, Item, TableLike};

use super::diag::{Diagnostic, Reporter, Severity};
use super::{
    is_id, texts, Indicator, Measure, Question, QuestionKind, Section, ShowIf, Survey, Test,
    MAX_OPTIONS,
};

pub(super) type Span = Option<Range<usize>>;

/// The text of one survey folder, read from disk or embedded in the binary.
#[derive(Clone, Debug)]
pub struct SurveyFiles {
    pub dir: PathBuf,
    pub toml: String,
    /// `(file name, source)` of every `*.ftl` file.
    pub ftl: Vec<(String, String)>,
}

impl SurveyFiles {
    pub fn read(dir: &Path) -> Result<Self, Diagnostic> {
        let toml_path = dir.join("survey.toml");
        let toml = std::fs::read_to_string(&toml_path).map_err(|e| Diagnostic {
            file: toml_path.clone(),
            line: 1,
            col: 1,
            severity: Severity::Error,
            message: format!("cannot read the file: {e}"),
        })?;
        let mut ftl = Vec::new();
        let entries = std::fs::read_dir(dir).map_err(|e| Diagnostic {
            file: dir.to_path_buf(),
            line: 1,
            col: 1,
            severity: Severity::Error,
            message: format!("cannot read the folder: {e}"),
        })?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".ftl") {
                let path = entry.path();
                let source = std::fs::read_to_string(&path).map_err(|e| Diagnostic {
                    file: path.clone(),
                    line: 1,
                    col: 1,
                    severity: Severity::Error,
                    message: format!("cannot read the file (is it UTF-8?): {e}"),
                })?;
                ftl.push((name, source));
            }
        }
        ftl.sort();
        Ok(SurveyFiles {
            dir: dir.to_path_buf(),
            toml,
            ftl,
        })
    }
}

/// Reads and checks the folder `dir`.
pub fn load_dir(dir: &Path) -> (Option<Survey>, Vec<Diagnostic>) {
    match SurveyFiles::read(dir) {
        Ok(files) => load_sources(&files),
        Err(d) => (None, vec![d]),
    }
}

/// Checks a survey given as text; the survey comes back only when no
/// diagnostic is an error.
pub fn load_sources(files: &SurveyFiles) -> (Option<Survey>, Vec<Diagnostic>) {
    let folder = files
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut rep = Reporter::new(files.dir.join("survey.toml"), &files.toml);
    let mut tolerated = Vec::new();
    let structure = match ImDocument::parse(files.toml.as_str()) {
        Ok(doc) => {
            let mut walker = Walker {
                rep: &mut rep,
                broken: Vec::new(),
            };
            let survey = walker.survey(doc.as_table(), &folder);
            tolerated = walker.broken;
            survey
        }
        Err(e) => {
            rep.error(
                e.span(),
                format!("TOML syntax: {}", first_line(e.message())),
            );
            None
        }
    };
    let mut diagnostics = rep.diagnostics;
    let survey = structure.map(|mut survey| {
        let (found, diags) = texts::check(&survey, &files.dir, &files.ftl, &tolerated);
        diagnostics.extend(diags);
        survey.texts = found;
        survey
    });
    let ok = !diagnostics.iter().any(|d| d.severity == Severity::Error);
    (survey.filter(|_| ok), diagnostics)
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

pub(super) struct Walker<'r, 'a> {
    pub(super) rep: &'r mut Reporter<'a>,
    /// Message-id prefixes of questions and indicators that could not be
    /// read: already reported once, so references to them and their texts
    /// raise no follow-on problems.
    pub(super) broken: Vec<String>,
}

/// One question as seen so far, for `show_if` and indicator references.
struct Seen<'q> {
    question: &'q Question,
    span: Span,
}

impl Walker<'_, '_> {
    fn survey(&mut self, root: &dyn TableLike, folder: &str) -> Option<Survey> {
        self.check_keys(
            root,
            &["id", "default_language", "sections", "indicators"],
            "the survey",
        );
        let id = self.id_field(root, "id", "the survey", None);
        if let Some((id, span)) = &id {
            if !folder.is_empty() && id != folder {
                self.rep.error(
                    span.clone(),
                    format!("survey id `{id}` differs from its folder name `{folder}`"),
                );
            }
        }
        let default_language = self.language_field(root);
        let mut sections = Vec::new();
        let tables = self.tables(root, "sections", "the survey", None);
        if tables.as_ref().is_some_and(|t| t.is_empty()) {
            self.rep.error(None, "the survey has no sections");
        }
        let mut section_ids: BTreeMap<String, Span> = BTreeMap::new();
        let mut question_spans: Vec<Span> = Vec::new();
        for (table, span) in tables.unwrap_or_default() {
            let known = question_spans.len();
            match self.section(
                table,
                span,
                &mut section_ids,
                &sections,
                &mut question_spans,
            ) {
                Some(section) => sections.push(section),
                // Its questions are dropped with it; so must their spans be,
                // which are paired with questions by position.
                None => {
                    question_spans.truncate(known);
                    let ids = table
                        .get("questions")
                        .and_then(Item::as_array_of_tables)
                        .into_iter()
                        .flat_map(|a| a.iter());
                    let ids: Vec<String> = ids
                        .filter_map(|q| q.get("id").and_then(Item::as_str))
                        .map(|id| format!("q-{id}"))
                        .collect();
                    self.broken.extend(ids);
                }
            }
        }
        let all: Vec<Seen> = sections
            .iter()
            .flat_map(|s: &Section| s.questions.iter())
            .zip(question_spans)
            .map(|(question, span)| Seen { question, span })
            .collect();
        let indicators = self.indicators(root, &all);
        Some(Survey {
            id: id?.0,
            default_language: default_language?,
            sections,
            indicators: indicators?,
            texts: BTreeMap::new(),
        })
    }

    fn language_field(&mut self, root: &dyn TableLike) -> Option<String> {
        let (tag, span) = self.str_field(root, "default_language", "the survey", None)?;
        if texts::parse_language(&tag).is_none() {
            self.rep.error(
                span,
                format!("default_language `{tag}` is not a BCP 47 language tag"),
            );
            return None;
        }
        Some(tag)
    }

    fn section(
        &mut self,
        table: &dyn TableLike,
        span: Span,
        ids: &mut BTreeMap<String, Span>,
        earlier: &[Section],
        question_spans: &mut Vec<Span>,
    ) -> Option<Section> {
        self.check_keys(table, &["id", "questions"], "a section");
        let id = self.id_field(table, "id", "a section", span.clone());
        if let Some((id, span)) = &id {
            self.unique(ids, id, span, "section");
        }
        let mut questions: Vec<Question> = Vec::new();
        let tables = self.tables(table, "questions", "a section", span.clone())?;
        if tables.is_empty() {
            self.rep
                .error(span, "a section needs at least one question");
        }
        for (qt, qspan) in tables {
            let before: Vec<Seen> = earlier
                .iter()
                .flat_map(|s| s.questions.iter())
                .chain(questions.iter())
                .zip(question_spans.iter().cloned())
                .map(|(question, span)| Seen { question, span })
                .collect();
            if let Some(q) = self.question(qt, qspan.clone(), &before) {
                questions.push(q);
                question_spans.push(qspan);
            } else if let Some(id) = qt.get("id").and_then(Item::as_str) {
                self.broken.push(format!("q-{id}"));
            }
        }
        Some(Section {
            id: id?.0,
            questions,
        })
    }

    fn question(&mut self, t: &dyn TableLike, span: Span, before: &[Seen]) -> Option<Question> {
        const COMMON: [&str; 4] = ["id", "type", "required", "show_if"];
        let id = self.id_field(t, "id", "a question", span.clone());
        if let Some((qid, ispan)) = &id {
            if let Some(prev) = before.iter().find(|s| &s.question.id == qid) {
                let line = self.line_of(&prev.span);
                self.rep.error(
                    ispan.clone(),
                    format!("question id `{qid}` is already used on line {line}"),
                );
            }
        }
        let what = id
            .as_ref()
            .map_or("a question".to_string(), |(i, _)| format!("question `{i}`"));
        let (ty, ty_span) = self.str_field(t, "type", &what, span.clone())?;
        let specific: &[&str] = match ty.as_str() {
            "single" | "multi" => &["options"],
            "number" => &["min", "max", "integer"],
            "scale" => &["min", "max"],
            "text" => &["max_length"],
            other => {
                self.rep.error(
                    ty_span,
                    format!("{what} has unknown type `{other}`; expected single, multi, number, scale or text"),
                );
                return None;
            }
        };
        let allowed: Vec<&str> = COMMON.iter().chain(specific).copied().collect();
        self.check_keys_for(t, &allowed, &what, &ty);
        let kind = self.kind(t, &ty, &what, span.clone());
        let required = self.bool_field(t, "required").unwrap_or(false);
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

    fn ordered(
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

    fn show_if(
        &mut self,
        item: &Item,
        key_span: Span,
        before: &[Seen],
        what: &str,
    ) -> Option<ShowIf> {
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
        Some(ShowIf {
            question: target,
            test,
        })
    }

    /// `any_of` for a choice target, `min`/`max` for a numeric one.
    fn test(
        &mut self,
        t: &dyn TableLike,
        target: &Question,
        what: &str,
        span: Span,
    ) -> Option<Test> {
        let tname = format!("`{}` ({} question)", target.id, target.kind.name());
        if target.kind.is_choice() {
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
        } else if target.kind.is_numeric() {
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
        } else {
            self.rep.error(
                span,
                format!("{what}: {tname} cannot be tested; only choice and numeric questions can"),
            );
            None
        }
    }

    fn indicators(&mut self, root: &dyn TableLike, all: &[Seen]) -> Option<Vec<Indicator>> {
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

    fn is_broken(&self, prefix: &str) -> bool {
        self.broken.iter().any(|b| b == prefix)
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
        let Some(target) = all
            .iter()
            .find(|s| s.question.id == qid)
            .map(|s| s.question)
        else {
            if self.is_broken(&format!("q-{qid}")) {
                return None;
            }
            self.rep.error(
                qspan,
                format!("{what} refers to `{qid}`, which is not a question of this survey"),
            );
            return None;
        };
        let (measure, mspan) = measure?;
        let measure = self.measure(t, &measure, mspan, target, &what)?;
        Some(Indicator {
            id: id?.0,
            question: qid,
            measure,
        })
    }

    fn measure(
        &mut self,
        t: &dyn TableLike,
        name: &str,
        span: Span,
        target: &Question,
        what: &str,
    ) -> Option<Measure> {
        let kind = target.kind.name();
        let no_test = |w: &mut Self| {
            for k in ["any_of", "min", "max"] {
                if let Some((key, _)) = t.get_key_value(k) {
                    w.rep.error(
                        key.span(),
                        format!("{what}: `{k}` only applies to share and count"),
                    );
                }
            }
        };
        match name {
            "share" | "count" => {
                let test = self.test(t, target, what, span)?;
                Some(if name == "share" {
                    Measure::Share(test)
                } else {
                    Measure::Count(test)
                })
            }
            "mean" | "sum" if target.kind.is_numeric() => {
                no_test(self);
                Some(if name == "mean" {
                    Measure::Mean
                } else {
                    Measure::Sum
                })
            }
            "distribution" if target.kind.is_choice() => {
                no_test(self);
                Some(Measure::Distribution)
            }
            "mean" | "sum" | "distribution" => {
                let fits = if name == "distribution" {
                    "single and multi"
                } else {
                    "number and scale"
                };
                self.rep.error(span, format!("{what}: `{name}` applies to {fits} questions, but `{}` is a {kind} question", target.id));
                None
            }
            other => {
                self.rep.error(span, format!("{what} has unknown measure `{other}`; expected share, count, mean, sum or distribution"));
                None
            }
        }
    }
}
