//! The `survey` sheet: groups become sections, rows become questions,
//! written out as `survey.toml` and one `.ftl` per language (contract §9).

use std::collections::BTreeMap;

use super::condition::{condition, Found};
use super::diag::Problems;
use super::emit::{toml_condition, toml_list, toml_str, Out};
use super::questions::{kind_of_row, Base, RowKind};
use super::sheets::{owned, Choice, Settings, Texts};
use super::table::Table;
use crate::survey::{Condition, QuestionKind};

/// What reading a form gives: the files of the survey folder, each line
/// tied to its cell.
pub struct Generated {
    pub id: String,
    pub toml: Out,
    pub ftl: BTreeMap<String, Out>,
}

pub struct Reader<'a> {
    pub problems: &'a mut Problems,
    pub languages: Vec<String>,
    pub choices: BTreeMap<String, Vec<Choice>>,
    pub settings: Settings,
    pub toml: Out,
    pub ftl: BTreeMap<String, Out>,
    /// Every question so far with its type (`None` when unreadable).
    pub questions: Vec<(String, Option<QuestionKind>)>,
    /// Every name of the sheet, for "comes later" in conditions.
    pub all_names: Vec<String>,
    sections: usize,
    in_group: bool,
    run_open: bool,
}

impl<'a> Reader<'a> {
    pub fn new(
        problems: &'a mut Problems,
        languages: Vec<String>,
        choices: BTreeMap<String, Vec<Choice>>,
        settings: Settings,
    ) -> Self {
        let ftl = languages
            .iter()
            .map(|l| (l.clone(), Out::default()))
            .collect();
        Reader {
            problems,
            languages,
            choices,
            settings,
            toml: Out::default(),
            ftl,
            questions: Vec::new(),
            all_names: Vec::new(),
            sections: 0,
            in_group: false,
            run_open: false,
        }
    }

    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// Writes message `id` in each language from `texts`; `needed` ones
    /// that are empty are left for the checker to report (at `at`).
    pub fn messages(&mut self, id: &str, texts: &Texts, at: &str) {
        for (i, lang) in self.languages.clone().iter().enumerate() {
            let cell = pick(texts, lang, i == 0);
            let Some(out) = self.ftl.get_mut(lang) else {
                continue;
            };
            match cell {
                Some((_, text, cell_at)) if !text.is_empty() => out.message(cell_at, id, text),
                Some((_, _, cell_at)) => {
                    out.messages.insert(id.to_string(), cell_at.clone());
                }
                None => {
                    out.messages.insert(id.to_string(), at.to_string());
                }
            }
        }
    }

    pub fn header(&mut self, id: &str, id_at: &str) {
        self.toml.line(id_at, &format!("id = {}", toml_str(id)));
        let lang = toml_str(self.default_language());
        self.toml.line(
            &self.settings.at.clone(),
            &format!("default_language = {lang}"),
        );
        for (base, msg) in super::sheets::SETTINGS_MESSAGES {
            let texts = self.settings.texts.get(base).cloned().unwrap_or_default();
            if base == "form_title" || texts.iter().any(|(_, t, _)| !t.is_empty()) {
                let at = self.settings.at.clone();
                self.messages(msg, &texts, &at);
            }
        }
    }

    /// Reads every row of the survey sheet.
    pub fn survey(&mut self, table: &Table) {
        self.all_names = table
            .records
            .iter()
            .map(|&r| table.get(r, "name").to_string())
            .collect();
        self.check_columns(table);
        for &row in &table.records {
            let ty = table.get(row, "type").to_string();
            let at = table.at_col(row, "type");
            match kind_of_row(&ty) {
                RowKind::BeginGroup => self.begin_group(table, row),
                RowKind::EndGroup => {
                    if !self.in_group {
                        self.problems
                            .error(&at, "end_group without a begin_group before it");
                    }
                    self.in_group = false;
                }
                RowKind::Question(base) => self.question(table, row, base),
                RowKind::Refused(why) => self.problems.error(&at, why),
            }
        }
        if self.in_group {
            self.problems.error(
                &format!("{}!A1", table.sheet.name),
                "a group is never closed by end_group",
            );
        }
    }

    fn check_columns(&mut self, table: &Table) {
        const KNOWN: [&str; 9] = [
            "type",
            "name",
            "label",
            "hint",
            "required",
            "relevant",
            "constraint",
            "parameters",
            "required_message",
        ];
        for &row in &table.records {
            for c in &table.columns {
                let known =
                    KNOWN[..8].contains(&c.base.as_str()) || super::sheets::is_bookkeeping(&c.base);
                if !known && !table.cell(row, c.index).is_empty() {
                    self.problems.error(&table.at(row, c.index), format!("the survey column `{}` is not supported by canvass; remove it or empty the cell", c.base));
                }
            }
        }
    }

    fn begin_group(&mut self, table: &Table, row: usize) {
        let at = table.at_col(row, "type");
        if self.in_group {
            self.problems.error(
                &at,
                "groups inside groups are not supported; close the outer group first",
            );
            return;
        }
        for col in ["relevant", "required", "constraint"] {
            if !table.get(row, col).is_empty() {
                self.problems.error(
                    &table.at_col(row, col),
                    format!("a group's `{col}` is not supported; put it on each question"),
                );
            }
        }
        self.in_group = true;
        self.run_open = false;
        let name = table.get(row, "name").to_string();
        let name_at = table.at_col(row, "name");
        self.section(&name, &name_at, &owned(table.texts(row, "label")));
    }

    fn section(&mut self, id: &str, at: &str, texts: &Texts) {
        self.sections += 1;
        self.toml.line(at, "");
        self.toml.line(at, "[[sections]]");
        self.toml.line(at, &format!("id = {}", toml_str(id)));
        self.messages(&format!("section-{id}"), texts, at);
    }

    /// A question outside any group opens a section `main`, `main_2`…
    fn ensure_section(&mut self, at: &str) {
        if self.in_group || self.run_open {
            return;
        }
        self.run_open = true;
        let n = self.toml.text.matches("\nid = \"main").count();
        let id = if n == 0 {
            "main".to_string()
        } else {
            format!("main_{}", n + 1)
        };
        let title = self
            .settings
            .texts
            .get("form_title")
            .cloned()
            .unwrap_or_default();
        self.section(&id, at, &title);
    }

    fn question(&mut self, table: &Table, row: usize, base: Base) {
        let name = table.get(row, "name").to_string();
        let name_at = table.at_col(row, "name");
        let type_at = table.at_col(row, "type");
        self.ensure_section(&name_at);
        let kind = super::questions::complete(self, table, row, base, &type_at);
        let show_if = self.relevant(table, row, &name);
        let required = super::questions::required(self, table, row);
        if let Some(kind) = &kind {
            self.write_question(table, row, &name, kind, required, show_if.as_ref());
        }
        self.questions.push((name, kind));
    }

    fn relevant(&mut self, table: &Table, row: usize, name: &str) -> Option<Condition> {
        let src = table.get(row, "relevant");
        if src.is_empty() {
            return None;
        }
        let at = table.at_col(row, "relevant");
        match condition(src, &|q| self.find(q, Some(name))) {
            Ok(c) => Some(c),
            Err(e) => {
                self.problems
                    .error(&at, format!("relevant, character {}: {}", e.pos, e.message));
                None
            }
        }
    }

    /// What `q` is for a condition of question `of` (`None`: any question
    /// of the form counts as before, as for indicators).
    pub fn find(&self, q: &str, of: Option<&str>) -> Found<'_> {
        match self.questions.iter().find(|(n, _)| n == q) {
            Some((_, Some(k))) if of != Some(q) => Found::Before(k),
            Some((_, None)) => Found::Broken,
            _ if self.all_names.iter().any(|n| n == q) => Found::Later,
            _ => Found::Unknown,
        }
    }

    pub fn kind(&self, q: &str) -> Option<&QuestionKind> {
        self.questions
            .iter()
            .find(|(n, _)| n == q)
            .and_then(|(_, k)| k.as_ref())
    }

    fn write_question(
        &mut self,
        table: &Table,
        row: usize,
        name: &str,
        kind: &QuestionKind,
        required: bool,
        show_if: Option<&Condition>,
    ) {
        let at = table.at_col(row, "name");
        let type_at = table.at_col(row, "type");
        self.toml.line(&at, "");
        self.toml.line(&at, "  [[sections.questions]]");
        self.toml.line(&at, &format!("  id = {}", toml_str(name)));
        self.toml
            .line(&type_at, &format!("  type = \"{}\"", kind.name()));
        super::questions::write_kind(&mut self.toml, table, row, kind);
        if required {
            self.toml
                .line(&table.at_col(row, "required"), "  required = true");
        }
        if let Some(c) = show_if {
            let text = toml_condition(c, &|q| self.kind(q));
            self.toml.line(
                &table.at_col(row, "relevant"),
                &format!("  show_if = {text}"),
            );
        }
        self.messages(&format!("q-{name}"), &owned(table.texts(row, "label")), &at);
        let hints = owned(table.texts(row, "hint"));
        if hints.iter().any(|(_, t, _)| !t.is_empty()) {
            self.messages(&format!("q-{name}-help"), &hints, &at);
        }
        self.options(name, kind, table, row);
    }

    fn options(&mut self, name: &str, kind: &QuestionKind, table: &Table, row: usize) {
        let Some(list) = table.get(row, "type").split_whitespace().nth(1) else {
            return;
        };
        if kind.options().is_empty() {
            return;
        }
        let texts: Vec<(String, Texts, String)> = self
            .choices
            .get(list)
            .map(|cs| {
                cs.iter()
                    .map(|c| (c.name.clone(), c.texts.clone(), c.at.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for (opt, t, at) in texts {
            self.messages(&format!("q-{name}-{opt}"), &t, &at);
        }
    }

    pub fn list_line(&mut self, at: &str, key: &str, items: &[String]) {
        self.toml.line(at, &format!("{key} = {}", toml_list(items)));
    }
}

/// The cell of `lang` among a row's texts: its own column, else (for the
/// default language) the plain column.
fn pick<'t>(
    texts: &'t Texts,
    lang: &str,
    is_default: bool,
) -> Option<&'t (Option<String>, String, String)> {
    let col = texts.iter().find(|(l, _, _)| l.as_deref() == Some(lang));
    let plain = texts
        .iter()
        .find(|(l, _, _)| l.is_none())
        .filter(|_| is_default);
    match (col, plain) {
        (Some(c), Some(p)) if c.1.is_empty() => Some(p),
        (Some(c), _) => Some(c),
        (None, p) => p,
    }
}
