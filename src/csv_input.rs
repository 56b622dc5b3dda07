//! Reading the CSV files people export from spreadsheets: a UTF-8 BOM,
//! quoted fields, CRLF line ends and any column order are all normal here.
//! Shared by the members and responses imports, so both report bad rows
//! the same way: `FILE:LINE: problem`.

use crate::error::{AppError, AppResult};

#[derive(Debug)]
pub struct CsvTable {
    pub headers: Vec<String>,
    pub rows: Vec<CsvRow>,
    /// Records that could not be read (ragged, not UTF-8, broken quoting),
    /// reported beside the problems the caller finds in the others.
    pub problems: Vec<String>,
}

#[derive(Debug)]
pub struct CsvRow {
    /// The line on which the record starts (the header is line 1).
    pub line: u64,
    pub fields: Vec<String>,
}

impl CsvTable {
    /// Position of each wanted column; reports unknown, duplicate and
    /// missing required columns.
    pub fn columns(
        &self,
        name: &str,
        known: &[&str],
        required: &[&str],
    ) -> AppResult<Vec<Option<usize>>> {
        let mut problems = Vec::new();
        for (i, h) in self.headers.iter().enumerate() {
            if !known.contains(&h.as_str()) {
                problems.push(format!(
                    "{name}:1: unknown column \"{h}\"; expected {}",
                    known.join(", ")
                ));
            } else if self.headers[..i].contains(h) {
                problems.push(format!("{name}:1: column \"{h}\" appears twice"));
            }
        }
        for r in required {
            if !self.headers.iter().any(|h| h == r) {
                problems.push(format!("{name}:1: required column \"{r}\" is missing"));
            }
        }
        if !problems.is_empty() {
            return Err(AppError::invalid_with(
                format!("{name}: the header row is not usable; nothing was imported"),
                problems,
            ));
        }
        Ok(known
            .iter()
            .map(|k| self.headers.iter().position(|h| h == k))
            .collect())
    }
}

/// Line numbers from byte offsets. The csv crate's own line count lags
/// behind with CRLF ends and blank lines, so lines are counted here: the
/// record starts at the first byte after any line ends at `offset`.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// Offsets must not go backwards, which holds while reading forwards.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut target = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while target < self.bytes.len() && matches!(self.bytes[target], b'\r' | b'\n') {
            target += 1;
        }
        if target > self.offset {
            self.line += self.bytes[self.offset..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.offset = target;
        }
        self.line
    }
}

/// Parses `bytes` (the content of the file called `name`); every malformed
/// record is reported, none is skipped.
pub fn read(name: &str, bytes: &[u8]) -> AppResult<CsvTable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut table = Collected {
        name,
        headers: None,
        rows: Vec::new(),
        problems: Vec::new(),
    };
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = lines.line_at(e.position().map_or(0, csv::Position::byte));
                table.problems.push(format!("{name}:{line}: {e}"));
                break;
            }
        }
        let line = lines.line_at(record.position().map_or(0, csv::Position::byte));
        table.add(line, &record);
    }
    table.finish()
}

/// A table while it is read: the header once found, the rows after it.
struct Collected<'n> {
    name: &'n str,
    headers: Option<Vec<String>>,
    rows: Vec<CsvRow>,
    problems: Vec<String>,
}

impl Collected<'_> {
    /// The record starting on `line`: the header if none came yet, else a
    /// row with as many fields.
    fn add(&mut self, line: u64, record: &csv::ByteRecord) {
        let name = self.name;
        let fields: Result<Vec<String>, _> = record
            .iter()
            .map(|f| std::str::from_utf8(f).map(|s| s.trim().to_string()))
            .collect();
        let Ok(fields) = fields else {
            self.problems
                .push(format!("{name}:{line}: the line is not valid UTF-8 text"));
            return;
        };
        if fields.iter().all(String::is_empty) {
            return; // blank lines are common at the end of exports
        }
        match &self.headers {
            None => self.headers = Some(fields),
            Some(h) if h.len() != fields.len() => {
                self.problems.push(format!(
                    "{name}:{line}: the row has {} fields but the header has {}",
                    fields.len(),
                    h.len()
                ));
            }
            Some(_) => self.rows.push(CsvRow { line, fields }),
        }
    }

    fn finish(self) -> AppResult<CsvTable> {
        let name = self.name;
        let Some(headers) = self.headers else {
            if !self.problems.is_empty() {
                return Err(rejected(name, self.problems));
            }
            return Err(AppError::invalid(format!(
                "{name} is empty; a header row is needed"
            )));
        };
        Ok(CsvTable {
            headers: headers
                .into_iter()
                .map(|h| h.to_ascii_lowercase())
                .collect(),
            rows: self.rows,
            problems: self.problems,
        })
    }
}

/// The problem with a text field holding a control character (a line
/// break, an escape sequence): printed later in a table, a log or a mail,
/// it could forge lines or colour them. `None` when the text is clean.
pub fn control_character(column: &str, value: &str) -> Option<String> {
    let c = value.chars().find(|c| c.is_control())?;
    Some(format!(
        "{column} \"{}\" holds the control character U+{:04X}; text may not contain control characters",
        crate::output::printable(value),
        u32::from(c)
    ))
}

/// The error for a file with problems: every one, in line order.
pub fn rejected(name: &str, mut problems: Vec<String>) -> AppError {
    let line = |p: &String| {
        p.get(name.len() + 1..)
            .and_then(|r| r.split(':').next())
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0)
    };
    problems.sort_by_key(line);
    let n = problems.len();
    AppError::invalid_with(
        format!("{name} has {n} problem(s); nothing was imported"),
        problems,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_quotes_are_normal() {
        let t = read(
            "m.csv",
            b"\xEF\xBB\xBFid,name\r\n1,\"A, \"\"quoted\"\" name\"\r\n\r\n2,B\r\n",
        )
        .unwrap();
        assert_eq!(t.headers, vec!["id", "name"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].fields[1], "A, \"quoted\" name");
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn ragged_rows_and_bad_utf8_are_reported_by_line() {
        let t = read("m.csv", b"id,name\n1\n2,\xff\n3,ok\n").unwrap();
        assert_eq!(t.rows.len(), 1);
        let details = t.problems.join("\n");
        assert!(
            details.contains("m.csv:2: the row has 1 fields"),
            "{details}"
        );
        assert!(
            details.contains("m.csv:3: the line is not valid UTF-8"),
            "{details}"
        );
    }

    #[test]
    fn problems_are_listed_in_line_order() {
        let e = rejected("m.csv", vec!["m.csv:12: b".into(), "m.csv:3: a".into()]);
        assert_eq!(e.details(), ["m.csv:3: a", "m.csv:12: b"]);
    }
}
