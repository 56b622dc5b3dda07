//! Reading a survey folder: `survey.toml` walked with its spans kept, so that
//! every problem, syntactic or semantic, names its file, line and column;
//! then the Fluent files (see `texts`). Every problem is reported, not only
//! the first.
//!
//! The walk is split by what it reads: `sections` (the survey table, its
//! sections and their order), `questions` (one question and its type),
//! `conditions` (`show_if` and the tests shared with indicators),
//! `indicators`, and `fields` (one value of a table, with its span).

mod conditions;
mod fields;
mod indicator_fields;
mod indicators;
mod questions;
mod sections;

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml_edit::ImDocument;

use super::diag::{Diagnostic, Reporter, Severity};
use super::{texts, Question, Survey};

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
    /// Whether the part with this message-id prefix could not be read.
    fn is_broken(&self, prefix: &str) -> bool {
        self.broken.iter().any(|b| b == prefix)
    }
}
