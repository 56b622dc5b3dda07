//! A sheet read as a table: its first non-empty row names the columns
//! (any case; `label::English (en)` for a language's column), and the rows
//! below it that hold anything are its records (empty rows are skipped).

use super::book::Sheet;
use super::diag::Problems;

/// One column: its base name (`type`, `label`…, lower case) and, for a
/// language's column, the language code.
#[derive(Clone, Debug)]
pub struct Column {
    pub base: String,
    pub lang: Option<String>,
    pub index: usize,
}

pub struct Table<'s> {
    pub sheet: &'s Sheet,
    pub columns: Vec<Column>,
    /// Indices into `sheet.rows` of the records.
    pub records: Vec<usize>,
}

impl<'s> Table<'s> {
    /// Reads the header; a language column without a code is a problem.
    pub fn new(sheet: &'s Sheet, _name: &str, problems: &mut Problems) -> Self {
        let mut table = Table {
            sheet,
            columns: Vec::new(),
            records: Vec::new(),
        };
        let mut rows =
            (0..sheet.rows.len()).filter(|&i| sheet.rows[i].iter().any(|c| !c.is_empty()));
        let Some(header) = rows.next() else {
            return table;
        };
        for (index, title) in sheet.rows[header].iter().enumerate() {
            if title.is_empty() {
                continue;
            }
            match column(title, index) {
                Ok(c) => table.columns.push(c),
                Err(msg) => problems.error(&table.at(header, index), msg),
            }
        }
        table.records = rows.collect();
        table
    }

    /// `survey!H12`.
    pub fn at(&self, row: usize, col: usize) -> String {
        format!("{}!{}", self.sheet.name, self.sheet.cell(row, col))
    }

    pub fn column(&self, base: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.base == base && c.lang.is_none())
    }

    /// The text of column `base` (no language) in a record, or "".
    pub fn get(&self, row: usize, base: &str) -> &str {
        self.column(base).map_or("", |c| self.cell(row, c.index))
    }

    pub fn cell(&self, row: usize, index: usize) -> &str {
        self.sheet.rows[row].get(index).map_or("", String::as_str)
    }

    /// Where column `base` of a record is (the row's first cell when the
    /// column is missing).
    pub fn at_col(&self, row: usize, base: &str) -> String {
        self.at(row, self.column(base).map_or(0, |c| c.index))
    }

    /// `(language, text, cell)` of every language's column `base`; the plain
    /// column (no language) comes with `None`. Empty cells included.
    pub fn texts(&self, row: usize, base: &str) -> Vec<(Option<&str>, &str, String)> {
        self.columns
            .iter()
            .filter(|c| c.base == base)
            .map(|c| {
                (
                    c.lang.as_deref(),
                    self.cell(row, c.index),
                    self.at(row, c.index),
                )
            })
            .collect()
    }
}

/// `label::English (en)` → base `label`, language `en`.
fn column(title: &str, index: usize) -> Result<Column, String> {
    let Some((base, lang)) = title.split_once("::") else {
        return Ok(Column {
            base: title.trim().to_ascii_lowercase(),
            lang: None,
            index,
        });
    };
    let base = base.trim().to_ascii_lowercase();
    let code = language_code(lang).ok_or_else(|| {
        format!("column `{title}` needs the language code in parentheses, such as `{base}::English (en)`")
    })?;
    Ok(Column {
        base,
        lang: Some(code),
        index,
    })
}

/// The code of `English (en)`, or of a bare canonical tag (`en`, `pt-BR`).
pub fn language_code(s: &str) -> Option<String> {
    let s = s.trim();
    let code = match (s.rfind('('), s.ends_with(')')) {
        (Some(open), true) => s[open + 1..s.len() - 1].trim(),
        _ => s,
    };
    crate::survey::texts::parse_language(code).map(|l| l.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_come_from_parentheses_or_bare_tags() {
        assert_eq!(language_code("English (en)").as_deref(), Some("en"));
        assert_eq!(language_code(" Español (es) ").as_deref(), Some("es"));
        assert_eq!(language_code("fr").as_deref(), Some("fr"));
        assert_eq!(language_code("English"), None);
    }
}
