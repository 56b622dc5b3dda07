//! Reading a workbook into plain text grids: the only place that knows
//! calamine. A cell reads as the text it shows: numbers as written
//! (`3`, not `3.0`), a formula as its cached value (the value the
//! spreadsheet program saved with it), an error value (`#REF!`) as a
//! problem. Merged cells are refused: only their first cell holds a value,
//! and reading the others as empty would silently lose what the author
//! meant.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::diag::{cell_name, Problems};

/// Largest workbook read (bytes): forms are a few hundred kilobytes; a
/// bigger file is refused before it is unzipped.
pub const MAX_BYTES: usize = 10 * 1024 * 1024;

/// One sheet as text: `rows[i]` is spreadsheet row `first_row + i` (1-based).
#[derive(Debug, Default)]
pub struct Sheet {
    /// The name as written in the workbook (`Survey`, `CHOICES`…).
    pub name: String,
    pub first_row: u32,
    pub first_col: u32,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    /// `H12` for a cell of row index `i` (into `rows`) and column `c`.
    pub fn cell(&self, i: usize, c: usize) -> String {
        let row = self.first_row as usize + i + 1;
        cell_name(self.first_col as usize + c, row)
    }
}

#[derive(Debug, Default)]
pub struct Book {
    pub sheets: Vec<Sheet>,
}

impl Book {
    /// The sheet called `name` in any case (`Survey`, `CHOICES`).
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|s| s.name.trim().eq_ignore_ascii_case(name))
    }

    /// Reads the bytes of an `.xlsx` file; `None` when it cannot be read at
    /// all (the reason is in `problems`).
    pub fn read(bytes: &[u8], problems: &mut Problems) -> Option<Book> {
        if let Some(reason) = refuse_bytes(bytes) {
            problems.error("", reason);
            return None;
        }
        let mut xlsx = match Xlsx::new(Cursor::new(bytes)) {
            Ok(x) => x,
            Err(e) => {
                problems.error(
                    "",
                    format!("the file is not a readable .xlsx workbook ({e})"),
                );
                return None;
            }
        };
        let mut book = Book::default();
        for name in xlsx.sheet_names() {
            match read_sheet(&mut xlsx, &name, problems) {
                Some(sheet) => book.sheets.push(sheet),
                None => return None,
            }
        }
        Some(book)
    }
}

/// Why these bytes are no `.xlsx` workbook, judged from their first bytes.
fn refuse_bytes(bytes: &[u8]) -> Option<String> {
    if bytes.len() > MAX_BYTES {
        return Some(format!(
            "the file is {:.1} MB; a workbook may have at most {} MB",
            bytes.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    // An encrypted .xlsx, like an old .xls, is an OLE compound file.
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some("the file is password-protected or an old .xls workbook; save it as .xlsx without a password".into());
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Some("the file is not an .xlsx workbook (save it from the spreadsheet program as Excel .xlsx)".into());
    }
    None
}

fn read_sheet(
    xlsx: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    problems: &mut Problems,
) -> Option<Sheet> {
    let range = match xlsx.worksheet_range(name) {
        Ok(r) => r,
        Err(e) => {
            problems.error("", format!("sheet `{name}` cannot be read ({e})"));
            return None;
        }
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut sheet = Sheet {
        name: name.to_string(),
        first_row,
        first_col,
        rows: Vec::new(),
    };
    for (i, row) in range.rows().enumerate() {
        let mut cells = Vec::with_capacity(row.len());
        for (c, data) in row.iter().enumerate() {
            match text(data) {
                Ok(t) => cells.push(t),
                Err(what) => {
                    let at = format!("{name}!{}", sheet.cell(i, c));
                    problems.error(&at, format!("the cell holds {what}"));
                    cells.push(String::new());
                }
            }
        }
        sheet.rows.push(cells);
    }
    if let Some(Ok(merged)) = xlsx.worksheet_merge_cells(name) {
        for m in merged {
            let from = cell_name(m.start.1 as usize, m.start.0 as usize + 1);
            let to = cell_name(m.end.1 as usize, m.end.0 as usize + 1);
            problems.error(
                &format!("{name}!{from}"),
                format!(
                    "cells {from}:{to} are merged; unmerge them and write the value in each row"
                ),
            );
        }
    }
    Some(sheet)
}

/// The text a cell shows, trimmed; `Err` names what cannot be read.
fn text(data: &Data) -> Result<String, String> {
    Ok(match data {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => return Err(format!("the error value {e}")),
    })
}

/// `3` for 3.0, `2.5` for 2.5: as a person wrote it.
pub fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}
