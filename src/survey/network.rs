//! The network's names (contract §7a): `<surveys dir>/_network/<lang>.ftl`
//! holds `region-<id>` and `type-<id>` for the region and member-type ids
//! of the members file. People read these names; ids stay in files, URLs
//! and CSV.
//!
//! Checked like a survey's texts (`survey check`): Fluent syntax and
//! messages defined twice are errors with their position; a message that
//! is neither a region nor a member-type name, and a name the default
//! language (English) has but another lacks, are warnings: the reader of
//! that language then sees the English name, and a name missing in English
//! too shows the id.

use std::collections::BTreeMap;
use std::path::Path;

use super::diag::{Diagnostic, Reporter, Severity};
use super::texts::{bad_file_name, definitions, parse_language};

/// The folder's name under the surveys dir; it starts with `_` so it can
/// never be taken for a survey (survey ids start with a letter).
pub const DIR: &str = "_network";

/// The language every name should have; the others fall back to it.
pub const DEFAULT_LANGUAGE: &str = "en";

/// What a name's message id starts with.
const PREFIXES: [&str; 2] = ["region-", "type-"];

/// Reads `dir`: the Fluent source of each `<lang>.ftl` by language tag, and
/// every problem found (see the module doc). A folder that does not exist
/// has no names and no problem.
pub fn load(dir: &Path) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    let files = match read(dir) {
        Ok(files) => files,
        Err(d) => return (BTreeMap::new(), vec![d]),
    };
    let mut sources = BTreeMap::new();
    let mut diags = Vec::new();
    for (name, source) in &files {
        let mut rep = Reporter::new(dir.join(name), source);
        let tag = name.trim_end_matches(".ftl");
        if parse_language(tag).is_none() {
            bad_file_name(name, tag, &mut rep);
        } else {
            check_file(source, &mut rep);
            sources.insert(tag.to_string(), source.clone());
        }
        diags.extend(rep.diagnostics);
    }
    diags.extend(missing(dir, &sources));
    (sources, diags)
}

/// `(file name, source)` of every `*.ftl` in `dir`, sorted by name.
fn read(dir: &Path) -> Result<Vec<(String, String)>, Diagnostic> {
    let problem = |file: &Path, message: String| Diagnostic {
        file: file.to_path_buf(),
        line: 1,
        col: 1,
        severity: Severity::Error,
        message,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(problem(dir, format!("cannot read the folder: {e}"))),
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".ftl") {
            let path = entry.path();
            let source = std::fs::read_to_string(&path)
                .map_err(|e| problem(&path, format!("cannot read the file (is it UTF-8?): {e}")))?;
            files.push((name, source));
        }
    }
    files.sort();
    Ok(files)
}

/// Syntax, messages defined twice, and messages that are not names.
fn check_file(source: &str, rep: &mut Reporter) {
    if let Err((_, errors)) = fluent_syntax::parser::parse(source) {
        for e in errors {
            rep.error(Some(e.pos.clone()), format!("Fluent syntax: {e}"));
        }
    }
    let defs = definitions(source);
    for (i, (id, offset)) in defs.iter().enumerate() {
        if let Some((_, first)) = defs[..i].iter().find(|(d, _)| d == id) {
            let line = rep.line_of(*first);
            rep.error(
                Some(*offset..*offset),
                format!("message `{id}` is defined again (first on line {line})"),
            );
        } else if !is_name(id) {
            rep.warning(
                Some(*offset..*offset),
                format!("message `{id}` is neither `region-<id>` nor `type-<id>`: it is not used"),
            );
        }
    }
}

/// `region-<id>` or `type-<id>`, the id shaped as every id is.
fn is_name(message: &str) -> bool {
    PREFIXES
        .iter()
        .any(|p| message.strip_prefix(p).is_some_and(super::is_id))
}

/// The names of the default language that another language lacks.
fn missing(dir: &Path, sources: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let Some(default) = sources.get(DEFAULT_LANGUAGE) else {
        if sources.is_empty() {
            return Vec::new();
        }
        let mut rep = Reporter::new(dir.join(format!("{DEFAULT_LANGUAGE}.ftl")), "");
        rep.warning(
            None,
            "there is no English file: a name missing in a language shows the id",
        );
        return rep.diagnostics;
    };
    let wanted: Vec<String> = definitions(default)
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| is_name(id))
        .collect();
    let mut diags = Vec::new();
    for (lang, source) in sources.iter().filter(|(l, _)| *l != DEFAULT_LANGUAGE) {
        let mut rep = Reporter::new(dir.join(format!("{lang}.ftl")), source);
        let have = definitions(source);
        for id in &wanted {
            if !have.iter().any(|(d, _)| d == id) {
                rep.warning(
                    None,
                    format!("message `{id}` is missing; the English name is shown instead"),
                );
            }
        }
        diags.extend(rep.diagnostics);
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn a_broken_file_is_an_error_at_its_position() {
        let dir = folder(&[("en.ftl", "region-africa = Africa\nregion-europe Europe\n")]);
        let (_, diags) = load(dir.path());
        let errors: Vec<_> = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{diags:?}");
        assert_eq!(errors[0].file, dir.path().join("en.ftl"));
        assert_eq!((errors[0].line, errors[0].col), (2, 15));
        assert!(errors[0].message.starts_with("Fluent syntax"));
    }

    #[test]
    fn a_name_missing_in_a_language_is_a_warning() {
        let dir = folder(&[
            (
                "en.ftl",
                "region-africa = Africa\ntype-national = National\n",
            ),
            ("fr.ftl", "region-africa = Afrique\n"),
        ]);
        let (sources, diags) = load(dir.path());
        assert_eq!(sources.len(), 2);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].severity, Severity::Warning);
        assert_eq!(diags[0].file, dir.path().join("fr.ftl"));
        assert!(diags[0].message.contains("`type-national` is missing"));
    }

    #[test]
    fn twice_defined_unknown_and_badly_named_files_are_reported() {
        let dir = folder(&[
            (
                "en.ftl",
                "region-africa = Africa\nregion-africa = Afrika\nsurvey-title = X\n",
            ),
            ("fr_FR.ftl", "region-africa = Afrique\n"),
        ]);
        let (_, diags) = load(dir.path());
        let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(diags.len(), 3, "{text:?}");
        assert!(text[0].ends_with(
            "en.ftl:2:1: error: message `region-africa` is defined again (first on line 1)"
        ));
        assert!(text[1].contains("en.ftl:3:1: warning: message `survey-title`"));
        assert!(text[2].contains("fr_FR.ftl:1:1: error: file name"));
    }

    #[test]
    fn no_folder_means_no_names_and_no_problem() {
        let dir = tempfile::tempdir().unwrap();
        let (sources, diags) = load(&dir.path().join(DIR));
        assert!(sources.is_empty() && diags.is_empty());
    }

    #[test]
    fn the_repository_names_pass_their_check() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("surveys")
            .join(DIR);
        let (sources, diags) = load(&dir);
        assert_eq!(sources.len(), 5);
        assert!(diags.is_empty(), "{diags:?}");
    }
}
