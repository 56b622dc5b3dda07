//! The survey table and its sections: the survey's id and default
//! language, each section with its questions in order, and what is
//! forgotten of a section that cannot be read.

use std::collections::BTreeMap;

use toml_edit::{Item, TableLike};

use super::{texts, Seen, Span, Walker};
use crate::survey::{Question, Section, Survey};

impl Walker<'_, '_> {
    pub(super) fn survey(&mut self, root: &dyn TableLike, folder: &str) -> Option<Survey> {
        self.check_keys(
            root,
            &["id", "default_language", "sections", "indicators"],
            "the survey",
        );
        let id = self.survey_id(root, folder);
        let default_language = self.language_field(root);
        let (sections, question_spans) = self.sections(root);
        let all: Vec<Seen> = sections
            .iter()
            .flat_map(|s: &Section| s.questions.iter())
            .zip(question_spans)
            .map(|(question, span)| Seen { question, span })
            .collect();
        let indicators = self.indicators(root, &all);
        Some(Survey {
            id: id?,
            default_language: default_language?,
            sections,
            indicators: indicators?,
            texts: BTreeMap::new(),
        })
    }

    /// The survey's id, which must be the name of its folder (when read
    /// from one).
    fn survey_id(&mut self, root: &dyn TableLike, folder: &str) -> Option<String> {
        let (id, span) = self.id_field(root, "id", "the survey", None)?;
        if !folder.is_empty() && id != folder {
            self.rep.error(
                span,
                format!("survey id `{id}` differs from its folder name `{folder}`"),
            );
        }
        Some(id)
    }

    /// The sections that could be read, and the span of each of their
    /// questions in order.
    fn sections(&mut self, root: &dyn TableLike) -> (Vec<Section>, Vec<Span>) {
        let mut sections = Vec::new();
        let tables = self.tables(root, "sections", "the survey", None);
        if tables.as_ref().is_some_and(|t| t.is_empty()) {
            self.rep.error(None, "the survey has no sections");
        }
        let mut section_ids: BTreeMap<String, Span> = BTreeMap::new();
        let mut question_spans: Vec<Span> = Vec::new();
        for (table, span) in tables.unwrap_or_default() {
            let known = question_spans.len();
            match self.section(
                table,
                span,
                &mut section_ids,
                &sections,
                &mut question_spans,
            ) {
                Some(section) => sections.push(section),
                // Its questions are dropped with it; so must their spans be,
                // which are paired with questions by position.
                None => {
                    question_spans.truncate(known);
                    self.forget_questions(table);
                }
            }
        }
        (sections, question_spans)
    }

    /// The questions of a section that could not be read count as broken:
    /// references to them raise no follow-on problems.
    fn forget_questions(&mut self, section: &dyn TableLike) {
        let ids = section
            .get("questions")
            .and_then(Item::as_array_of_tables)
            .into_iter()
            .flat_map(|a| a.iter());
        let ids: Vec<String> = ids
            .filter_map(|q| q.get("id").and_then(Item::as_str))
            .map(|id| format!("q-{id}"))
            .collect();
        self.broken.extend(ids);
    }

    fn language_field(&mut self, root: &dyn TableLike) -> Option<String> {
        let (tag, span) = self.str_field(root, "default_language", "the survey", None)?;
        if texts::parse_language(&tag).is_none() {
            self.rep.error(
                span,
                format!("default_language `{tag}` is not a BCP 47 language tag"),
            );
            return None;
        }
        Some(tag)
    }

    fn section(
        &mut self,
        table: &dyn TableLike,
        span: Span,
        ids: &mut BTreeMap<String, Span>,
        earlier: &[Section],
        question_spans: &mut Vec<Span>,
    ) -> Option<Section> {
        self.check_keys(table, &["id", "questions"], "a section");
        let id = self.id_field(table, "id", "a section", span.clone());
        if let Some((id, span)) = &id {
            self.unique(ids, id, span, "section");
        }
        let mut questions: Vec<Question> = Vec::new();
        let tables = self.tables(table, "questions", "a section", span.clone())?;
        if tables.is_empty() {
            self.rep
                .error(span, "a section needs at least one question");
        }
        for (qt, qspan) in tables {
            let before: Vec<Seen> = earlier
                .iter()
                .flat_map(|s| s.questions.iter())
                .chain(questions.iter())
                .zip(question_spans.iter().cloned())
                .map(|(question, span)| Seen { question, span })
                .collect();
            if let Some(q) = self.question(qt, qspan.clone(), &before) {
                questions.push(q);
                question_spans.push(qspan);
            } else if let Some(id) = qt.get("id").and_then(Item::as_str) {
                self.broken.push(format!("q-{id}"));
            }
        }
        Some(Section {
            id: id?.0,
            questions,
        })
    }
}
