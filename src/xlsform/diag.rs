//! Problems found in a workbook, each named by its cell:
//! `form.xlsx:survey!H12: error: …` (contract §9), all of them at once.

use std::fmt;

use crate::survey::Severity;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    /// The workbook's file name, as the user gave it.
    pub file: String,
    /// `survey!H12`, or empty for the workbook as a whole.
    pub at: String,
    pub severity: Severity,
    pub message: String,
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if self.at.is_empty() {
            write!(f, "{}: {level}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {level}: {}", self.file, self.at, self.message)
        }
    }
}

/// Collects problems for one workbook.
#[derive(Debug, Default)]
pub struct Problems {
    pub file: String,
    pub items: Vec<CellProblem>,
}

impl Problems {
    pub fn new(file: &str) -> Self {
        Problems {
            file: file.to_string(),
            items: Vec::new(),
        }
    }

    pub fn error(&mut self, at: &str, message: impl Into<String>) {
        self.push(at, Severity::Error, message.into());
    }

    pub fn warning(&mut self, at: &str, message: impl Into<String>) {
        self.push(at, Severity::Warning, message.into());
    }

    fn push(&mut self, at: &str, severity: Severity, message: String) {
        let p = CellProblem {
            file: self.file.clone(),
            at: at.to_string(),
            severity,
            message,
        };
        if !self.items.contains(&p) {
            self.items.push(p);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|p| p.severity == Severity::Error)
    }
}

/// `A`, `Z`, `AA`… for a 0-based column, then the 1-based row: `H12`.
pub fn cell_name(col: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{row}", String::from_utf8_lossy(&letters))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_like_spreadsheets() {
        assert_eq!(cell_name(0, 1), "A1");
        assert_eq!(cell_name(7, 12), "H12");
        assert_eq!(cell_name(25, 3), "Z3");
        assert_eq!(cell_name(26, 3), "AA3");
        assert_eq!(cell_name(27, 3), "AB3");
    }
}
