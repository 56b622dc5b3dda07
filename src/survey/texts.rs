//! The survey's texts: one Fluent file per language (contract §3).
//!
//! Owns which message ids a survey needs, the checks of each `.ftl` file,
//! and translation completeness. The default language must be complete
//! (error); other languages fall back to it and are warned about.

use std::collections::BTreeMap;
use std::path::Path;

use fluent_syntax::ast::Entry;
use unic_langid::LanguageIdentifier;

use super::diag::{Diagnostic, Reporter};
use super::Survey;

/// Messages a survey may carry without needing them.
const OPTIONAL_FIXED: [&str; 3] = [
    "survey-intro",
    "mail-invite-subject",
    "mail-reminder-subject",
];

/// A BCP 47 tag in its canonical spelling, or `None`.
pub fn parse_language(tag: &str) -> Option<LanguageIdentifier> {
    let lid: LanguageIdentifier = tag.parse().ok()?;
    let canonical = lid.to_string();
    (canonical == tag).then_some(lid)
}

/// The message ids every language should have, in survey order.
pub fn required_messages(survey: &Survey) -> Vec<String> {
    let mut ids = vec!["survey-title".to_string()];
    for section in &survey.sections {
        ids.push(format!("section-{}", section.id));
        for q in &section.questions {
            ids.push(format!("q-{}", q.id));
            ids.extend(q.kind.options().iter().map(|o| format!("q-{}-{o}", q.id)));
        }
    }
    ids.extend(
        survey
            .indicators
            .iter()
            .map(|i| format!("indicator-{}", i.id)),
    );
    ids
}

fn is_optional(survey: &Survey, id: &str) -> bool {
    OPTIONAL_FIXED.contains(&id)
        || survey.questions().any(|q| {
            id.strip_prefix("q-").and_then(|r| r.strip_suffix("-help")) == Some(q.id.as_str())
        })
}

/// Message ids defined in a Fluent source, with the byte offset of each
/// definition (the AST keeps no positions, so definitions are found by
/// their shape: an identifier at the start of a line followed by `=`).
pub(super) fn definitions(source: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let name_len = line
            .char_indices()
            .take_while(|(i, c)| {
                c.is_ascii_alphabetic()
                    || (*i > 0 && (c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
            })
            .count();
        if name_len > 0 && line[name_len..].trim_start().starts_with('=') {
            out.push((line[..name_len].to_string(), offset));
        }
        offset += line.len();
    }
    out
}

/// The ids of the messages a Fluent source defines, in order.
pub fn message_ids(source: &str) -> Vec<String> {
    definitions(source).into_iter().map(|(id, _)| id).collect()
}

/// Checks every `(file name, source)`; returns the texts by language tag
/// and the diagnostics.
/// `tolerated` names message-id prefixes of parts that could not be read
/// (already reported): their messages are not called unused.
pub fn check(
    survey: &Survey,
    dir: &Path,
    files: &[(String, String)],
    tolerated: &[String],
) -> (BTreeMap<String, String>, Vec<Diagnostic>) {
    let required = required_messages(survey);
    let mut texts = BTreeMap::new();
    let mut diags = Vec::new();
    for (name, source) in files {
        let path = dir.join(name);
        let mut rep = Reporter::new(path, source);
        let tag = name.trim_end_matches(".ftl");
        if parse_language(tag).is_none() {
            bad_file_name(name, tag, &mut rep);
        } else {
            let is_default = tag == survey.default_language;
            check_file(survey, &required, tolerated, source, is_default, &mut rep);
            texts.insert(tag.to_string(), source.clone());
        }
        diags.extend(rep.diagnostics);
    }
    if !texts.contains_key(&survey.default_language) {
        let mut rep = Reporter::new(dir.join(format!("{}.ftl", survey.default_language)), "");
        rep.error(
            None,
            format!(
                "the default language `{}` has no text file",
                survey.default_language
            ),
        );
        diags.extend(rep.diagnostics);
    }
    (texts, diags)
}

/// Reports a file name that is not `<BCP 47 tag>.ftl`, with the canonical
/// spelling when the tag only differs in that.
pub(super) fn bad_file_name(name: &str, tag: &str, rep: &mut Reporter) {
    let hint = tag
        .parse::<LanguageIdentifier>()
        .map(|l| format!("; did you mean `{l}.ftl`?"))
        .unwrap_or_default();
    rep.error(
        None,
        format!("file name `{name}` is not a BCP 47 language tag{hint}"),
    );
}

/// The checks of one language's file, in the order they are reported:
/// syntax, then each definition, then what is missing.
fn check_file(
    survey: &Survey,
    required: &[String],
    tolerated: &[String],
    source: &str,
    is_default: bool,
    rep: &mut Reporter,
) {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(res) => res,
        Err((res, errors)) => {
            for e in errors {
                rep.error(Some(e.pos.clone()), format!("Fluent syntax: {e}"));
            }
            res
        }
    };
    check_definitions(survey, required, tolerated, source, rep);
    let with_value: Vec<&str> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            Entry::Message(m) if m.value.is_some() => Some(m.id.name),
            _ => None,
        })
        .collect();
    for id in required {
        if !with_value.contains(&id.as_str()) {
            missing(id, is_default, rep);
        }
    }
}

/// Reports messages defined twice, and messages the survey does not use.
fn check_definitions(
    survey: &Survey,
    required: &[String],
    tolerated: &[String],
    source: &str,
    rep: &mut Reporter,
) {
    let defs = definitions(source);
    for (i, (id, offset)) in defs.iter().enumerate() {
        if let Some((_, first)) = defs[..i].iter().find(|(d, _)| d == id) {
            let line = rep.line_of(*first);
            rep.error(
                Some(*offset..*offset),
                format!("message `{id}` is defined again (first on line {line})"),
            );
        } else if !required.contains(id)
            && !is_optional(survey, id)
            && !tolerated
                .iter()
                .any(|t| id == t || id.starts_with(&format!("{t}-")))
        {
            rep.warning(
                Some(*offset..*offset),
                format!("message `{id}` is not used by the survey"),
            );
        }
    }
}

/// A needed message without a value: an error in the default language,
/// which others fall back to; a warning in the others.
fn missing(id: &str, is_default: bool, rep: &mut Reporter) {
    if is_default {
        rep.error(
            None,
            format!("message `{id}` is missing; the default language must be complete"),
        );
    } else {
        rep.warning(
            None,
            format!("message `{id}` is missing; the default language is shown instead"),
        );
    }
}

/// The share of needed messages a language has, in [0, 1].
pub fn completeness(survey: &Survey, language: &str) -> f64 {
    let required = required_messages(survey);
    let Some(source) = survey.texts.get(language) else {
        return 0.0;
    };
    let defs = definitions(source);
    let present = required
        .iter()
        .filter(|id| defs.iter().any(|(d, _)| d == *id))
        .count();
    if required.is_empty() {
        1.0
    } else {
        #[allow(clippy::cast_precision_loss)] // counts of messages are small
        let share = present as f64 / required.len() as f64;
        share
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_are_found_with_their_offsets() {
        let src = "# comment\nsurvey-title = Hi\n  indented = no\nq-a = A\n-term = t\n";
        let defs = definitions(src);
        assert_eq!(
            defs,
            vec![("survey-title".to_string(), 10), ("q-a".to_string(), 44)]
        );
    }

    #[test]
    fn language_tags_must_be_canonical() {
        assert!(parse_language("fr").is_some());
        assert!(parse_language("pt-BR").is_some());
        assert!(parse_language("pt_BR").is_none());
        assert!(parse_language("not a tag").is_none());
    }
}
