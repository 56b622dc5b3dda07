//! The optional `indicators` sheet (contract §9): one row per indicator,
//! written out as `[[indicators]]` tables; the checker then judges each
//! field as it does in a hand-written `survey.toml`.

use super::condition::condition;
use super::emit::{toml_condition, toml_str};
use super::form::Reader;
use super::sheets::{is_bookkeeping, owned};
use super::table::Table;

const COLUMNS: [&str; 14] = [
    "id",
    "measure",
    "question",
    "any_of",
    "exclude",
    "min",
    "max",
    "where",
    "match",
    "components",
    "denominator",
    "unit",
    "framework",
    "label",
];

impl Reader<'_> {
    pub fn indicators(&mut self, table: &Table) {
        for &row in &table.records {
            for c in &table.columns {
                if !COLUMNS.contains(&c.base.as_str())
                    && !is_bookkeeping(&c.base)
                    && !table.cell(row, c.index).is_empty()
                {
                    self.problems.error(
                        &table.at(row, c.index),
                        format!(
                            "the indicators column `{}` is not supported by canvass",
                            c.base
                        ),
                    );
                }
            }
            self.indicator(table, row);
        }
    }

    fn indicator(&mut self, table: &Table, row: usize) {
        let id = table.get(row, "id").to_string();
        let at = table.at_col(row, "id");
        self.toml.line(&at, "");
        self.toml.line(&at, "[[indicators]]");
        self.toml.line(&at, &format!("id = {}", toml_str(&id)));
        for key in ["framework", "question", "measure"] {
            self.string_field(table, row, key);
        }
        for key in ["any_of", "exclude"] {
            let v = table.get(row, key);
            if !v.is_empty() {
                let items: Vec<String> = v.split_whitespace().map(str::to_string).collect();
                self.list_line(&table.at_col(row, key), key, &items);
            }
        }
        for key in ["min", "max"] {
            self.number_field(table, row, key);
        }
        for key in ["where", "match"] {
            if let Some(text) = self.condition_cell(table, row, key, table.get(row, key)) {
                self.toml
                    .line(&table.at_col(row, key), &format!("{key} = {text}"));
            }
        }
        self.components(table, row);
        for key in ["denominator", "unit"] {
            self.string_field(table, row, key);
        }
        self.messages(
            &format!("indicator-{id}"),
            &owned(table.texts(row, "label")),
            &at,
        );
    }

    fn string_field(&mut self, table: &Table, row: usize, key: &str) {
        let v = table.get(row, key);
        if !v.is_empty() {
            self.toml
                .line(&table.at_col(row, key), &format!("{key} = {}", toml_str(v)));
        }
    }

    fn number_field(&mut self, table: &Table, row: usize, key: &str) {
        let v = table.get(row, key);
        if v.is_empty() {
            return;
        }
        let at = table.at_col(row, key);
        match v.parse::<f64>() {
            Ok(n) if n.is_finite() => self
                .toml
                .line(&at, &format!("{key} = {}", super::book::number(n))),
            _ => self
                .problems
                .error(&at, format!("`{key}` must be a number, not `{v}`")),
        }
    }

    fn components(&mut self, table: &Table, row: usize) {
        let v = table.get(row, "components");
        if v.is_empty() {
            return;
        }
        let parts: Vec<String> = v
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| self.condition_cell(table, row, "components", l.trim()))
            .collect();
        self.toml.line(
            &table.at_col(row, "components"),
            &format!("components = [{}]", parts.join(", ")),
        );
    }

    /// A condition written in `relevant` syntax, as TOML.
    fn condition_cell(
        &mut self,
        table: &Table,
        row: usize,
        key: &str,
        src: &str,
    ) -> Option<String> {
        if src.is_empty() {
            return None;
        }
        match condition(src, &|q| self.find(q, None)) {
            Ok(c) => Some(toml_condition(&c, &|q| self.kind(q))),
            Err(e) => {
                self.problems.error(
                    &table.at_col(row, key),
                    format!("{key}, character {}: {}", e.pos, e.message),
                );
                None
            }
        }
    }
}
