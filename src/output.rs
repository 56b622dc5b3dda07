//! How commands print rows: an aligned table for people, CSV and JSON for
//! scripts. One renderer, so every listing looks and quotes the same.

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
    w.write_record(headers).map_err(fail)?;
    for r in rows {
        w.write_record(r).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| AppError::Config(format!("cannot write CSV: {e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::Config(format!("cannot write CSV: {e}")))
}

pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (i, (c, w)) in cells.zip(&widths).enumerate() {
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
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(&mut headers.iter().copied());
    for r in rows {
        out.push_str(&line(&mut r.iter().map(String::as_str)));
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
    fn csv_quotes_when_needed() {
        let c = csv(&["a"], &[vec!["x,y".into()]]).unwrap();
        assert_eq!(c, "a\n\"x,y\"\n");
    }
}
