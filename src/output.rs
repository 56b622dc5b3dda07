//! How commands print rows: an aligned table for people, CSV and JSON for
//! scripts. One renderer, so every listing looks, quotes and defuses the
//! same.
//!
//! Cells hold text from outside (member names, sign-in addresses), so
//! neither form passes it on raw. A table writes control characters as
//! Rust escapes (`\n`, `\u{1b}`): a stored name cannot start a line of its
//! own or send escape sequences to the terminal. A CSV cell that a
//! spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`,
//! tab or CR) gets a leading `'` (OWASP's advice), unless the whole cell is
//! a finite number: a number runs nothing, and so values such as `-0.5`
//! stay byte-identical in every column without each caller having to say
//! which columns are numeric.

use std::borrow::Cow;

use serde::Serialize;

use crate::error::{AppError, AppResult};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Renders `rows` under `headers` as a table or CSV, or `value` as JSON.
pub fn render<T: Serialize + ?Sized>(
    headers: &[&str],
    rows: &[Vec<String>],
    value: &T,
    format: Format,
) -> AppResult<String> {
    match format {
        Format::Table => Ok(table(headers, rows)),
        Format::Csv => csv(headers, rows),
        Format::Json => json(value),
    }
}

pub fn json<T: Serialize + ?Sized>(value: &T) -> AppResult<String> {
    let mut s = serde_json::to_string_pretty(value)
        .map_err(|e| AppError::Config(format!("cannot write JSON: {e}")))?;
    s.push('\n');
    Ok(s)
}

pub fn csv(headers: &[&str], rows: &[Vec<String>]) -> AppResult<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Config(format!("cannot write CSV: {e}"));
    write_inert(&mut w, headers.iter().copied()).map_err(fail)?;
    for r in rows {
        write_inert(&mut w, r.iter().map(String::as_str)).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::Config(format!("cannot write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::Config(format!("cannot write CSV: {e}")))
}

/// One record, each cell [`inert`].
fn write_inert<'a>(
    w: &mut csv::Writer<Vec<u8>>,
    cells: impl Iterator<Item = &'a str>,
) -> csv::Result<()> {
    for c in cells {
        w.write_field(inert(c).as_bytes())?;
    }
    // Ends the record whose fields were written one by one.
    w.write_record(None::<&[u8]>)
}

/// A CSV cell a spreadsheet will show as text, never run as a formula.
fn inert(cell: &str) -> Cow<'_, str> {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula && !cell.parse::<f64>().is_ok_and(f64::is_finite) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as a terminal may show it: control characters, and the Unicode
/// marks that break lines or reverse the text after them, as Rust escapes.
pub fn printable(cell: &str) -> Cow<'_, str> {
    if !cell.chars().any(unsafe_on_terminal) {
        return Cow::Borrowed(cell);
    }
    let mut s = String::with_capacity(cell.len() + 8);
    for c in cell.chars() {
        match c {
            c if c.is_control() => s.extend(c.escape_debug()),
            c if unsafe_on_terminal(c) => s.extend(c.escape_unicode()),
            c => s.push(c),
        }
    }
    Cow::Owned(s)
}

/// Control characters, the line and paragraph separators, and the
/// bidirectional marks, embeddings, overrides and isolates (which can make
/// a line read as something else, as in "Trojan Source").
fn unsafe_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Columns aligned with two spaces between them; every cell [`printable`].
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let lines: Vec<Vec<Cow<'_, str>>> =
        std::iter::once(headers.iter().map(|h| printable(h)).collect())
            .chain(
                rows.iter()
                    .map(|r| r.iter().map(|c| printable(c)).collect()),
            )
            .collect();
    let mut widths: Vec<usize> = vec![0; headers.len()];
    for line in &lines {
        for (w, c) in widths.iter_mut().zip(line) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for line in &lines {
        let mut s = String::new();
        for (i, (c, w)) in line.iter().zip(&widths).enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(c);
            if i + 1 < widths.len() {
                s.extend(std::iter::repeat_n(
                    ' ',
                    w.saturating_sub(c.chars().count()),
                ));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_aligns_columns() {
        let t = table(&["a", "bb"], &[vec!["xyz".into(), "1".into()]]);
        assert_eq!(t, "a    bb\nxyz  1\n");
    }

    #[test]
    fn table_escapes_control_characters_and_aligns_on_the_escapes() {
        let t = table(
            &["who", "what"],
            &[
                vec!["a\n2026 forged\u{1b}[31m".into(), "x".into()],
                vec!["tab\there\r\0\u{7f}\u{85}".into(), "y".into()],
                vec!["\u{202e}txt.exe".into(), "z".into()],
            ],
        );
        assert_eq!(
            t,
            "who                        what\n\
             a\\n2026 forged\\u{1b}[31m   x\n\
             tab\\there\\r\\0\\u{7f}\\u{85}  y\n\
             \\u{202e}txt.exe            z\n"
        );
    }

    #[test]
    fn table_leaves_other_text_alone() {
        let name = "Ассоциация «Право» é ü 中文 \u{200d}👩‍⚕️ a\\nb";
        assert_eq!(printable(name), name);
    }

    #[test]
    fn csv_defuses_formulas_in_every_cell() {
        let c = csv(
            &["a", "b"],
            &[
                vec!["=HYPERLINK(\"http://x\",\"y\")".into(), "@SUM(A1)".into()],
                vec!["+1+cmd|' /C calc'!A0".into(), "-2+3".into()],
                vec!["\tx".into(), "\rx".into()],
                vec!["a=b".into(), "'=quoted".into()],
            ],
        )
        .unwrap();
        assert_eq!(
            c,
            "a,b\n\
             \"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1)\n\
             '+1+cmd|' /C calc'!A0,'-2+3\n\
             '\tx,\"'\rx\"\n\
             a=b,'=quoted\n"
        );
    }

    #[test]
    fn csv_leaves_numbers_as_they_are() {
        let cells = ["-0.5", "+3", "-12", "1e-5", "-1.5E3", "0", "-0"];
        let row: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
        let c = csv(&["n"; 7], &[row]).unwrap();
        assert_eq!(c.lines().nth(1), Some(cells.join(",").as_str()));
        let odd = ["-inf", "-NaN", "+infinity", "-1-1", "-0x10", "- 1"];
        let row: Vec<String> = odd.iter().map(|c| c.to_string()).collect();
        let c = csv(&["n"; 6], &[row]).unwrap();
        assert_eq!(
            c.lines().nth(1),
            Some("'-inf,'-NaN,'+infinity,'-1-1,'-0x10,'- 1")
        );
    }

    #[test]
    fn csv_quotes_when_needed() {
        let c = csv(&["a"], &[vec!["x,y".into()]]).unwrap();
        assert_eq!(c, "a\n\"x,y\"\n");
    }
}
