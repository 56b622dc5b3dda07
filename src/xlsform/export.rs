//! A survey as an XLSForm (contract §9): sheets `survey`, `choices`,
//! `settings` and `indicators`, a `label::Language (code)` and
//! `hint::Language (code)` column per language. Importing it gives the
//! same survey: each question's choices go to a list named after it, and
//! conditions are written in the expression subset `import` reads.

use std::collections::BTreeMap;

use rust_xlsxwriter::Workbook;

use super::book::number;
use super::condition::write as write_condition;
use super::emit::masked;
use super::sheet_out::{finish, lang_column, sheet};
use super::texts::by_language;
use crate::error::{AppError, AppResult};
use crate::survey::{Indicator, Matcher, Measure, Question, QuestionKind, Survey, Test};

type Texts = BTreeMap<String, BTreeMap<String, String>>;

/// The XLSForm of a survey, as the bytes of an `.xlsx` file.
pub fn workbook(s: &Survey) -> AppResult<Vec<u8>> {
    let texts = by_language(s);
    let langs: Vec<String> = s.languages().iter().map(|l| l.to_string()).collect();
    let mut book = Workbook::new();
    let wrap = |e: rust_xlsxwriter::XlsxError| {
        AppError::io("the workbook", std::io::Error::other(e.to_string()))
    };
    let (h, rows) = survey_sheet(s, &texts, &langs);
    sheet(&mut book, "survey", &h, &rows).map_err(wrap)?;
    let (h, rows) = choices_sheet(s, &texts, &langs);
    sheet(&mut book, "choices", &h, &rows).map_err(wrap)?;
    let (h, rows) = settings_sheet(s, &texts, &langs);
    sheet(&mut book, "settings", &h, &rows).map_err(wrap)?;
    if !s.indicators.is_empty() {
        let (h, rows) = indicators_sheet(s, &texts, &langs);
        sheet(&mut book, "indicators", &h, &rows).map_err(wrap)?;
    }
    finish(book)
}

fn lang_texts(texts: &Texts, langs: &[String], id: &str) -> Vec<String> {
    langs
        .iter()
        .map(|l| {
            texts
                .get(l)
                .and_then(|m| m.get(id))
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

fn lang_headers(base: &str, langs: &[String]) -> Vec<String> {
    langs.iter().map(|l| lang_column(base, l)).collect()
}

fn survey_sheet(s: &Survey, texts: &Texts, langs: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["type".to_string(), "name".to_string()];
    header.extend(lang_headers("label", langs));
    header.extend(lang_headers("hint", langs));
    header.extend(["required", "relevant", "constraint", "parameters"].map(String::from));
    let blank = |n: usize| vec![String::new(); n];
    let mut rows = Vec::new();
    for section in &s.sections {
        let mut row = vec!["begin_group".to_string(), section.id.clone()];
        row.extend(lang_texts(texts, langs, &format!("section-{}", section.id)));
        row.extend(blank(langs.len() + 4));
        rows.push(row);
        for q in &section.questions {
            rows.push(question_row(s, q, texts, langs));
        }
        let mut end = vec!["end_group".to_string()];
        end.extend(blank(header.len() - 1));
        rows.push(end);
    }
    (header, rows)
}

fn question_row(s: &Survey, q: &Question, texts: &Texts, langs: &[String]) -> Vec<String> {
    let (ty, constraint, parameters) = match &q.kind {
        QuestionKind::Single { .. } => {
            (format!("select_one {}", q.id), String::new(), String::new())
        }
        QuestionKind::Multi { .. } => (
            format!("select_multiple {}", q.id),
            String::new(),
            String::new(),
        ),
        QuestionKind::Number { min, max, integer } => {
            let mut parts = Vec::new();
            if let Some(m) = min {
                parts.push(format!(". >= {}", number(*m)));
            }
            if let Some(m) = max {
                parts.push(format!(". <= {}", number(*m)));
            }
            let ty = if *integer { "integer" } else { "decimal" };
            (ty.to_string(), parts.join(" and "), String::new())
        }
        QuestionKind::Scale { min, max } => (
            "range".to_string(),
            String::new(),
            format!("start={min} end={max}"),
        ),
        QuestionKind::Text { max_length } => {
            let c = if *max_length == 5000 {
                String::new()
            } else {
                format!("string-length(.) <= {max_length}")
            };
            ("text".to_string(), c, String::new())
        }
        QuestionKind::Note => ("note".to_string(), String::new(), String::new()),
    };
    let mut row = vec![ty, q.id.clone()];
    row.extend(lang_texts(texts, langs, &format!("q-{}", q.id)));
    row.extend(lang_texts(texts, langs, &format!("q-{}-help", q.id)));
    let relevant = q
        .show_if
        .as_ref()
        .map(|c| write_condition(c, &|id| s.question(id).map(|q| &q.kind)))
        .unwrap_or_default();
    row.extend([
        if q.required {
            "yes".into()
        } else {
            String::new()
        },
        relevant,
        constraint,
        parameters,
    ]);
    row
}

fn choices_sheet(s: &Survey, texts: &Texts, langs: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["list_name".to_string(), "name".to_string()];
    header.extend(lang_headers("label", langs));
    let mut rows = Vec::new();
    for q in s.questions() {
        for o in q.kind.options() {
            let mut row = vec![q.id.clone(), o.clone()];
            row.extend(lang_texts(texts, langs, &format!("q-{}-{o}", q.id)));
            rows.push(row);
        }
    }
    (header, rows)
}

fn settings_sheet(s: &Survey, texts: &Texts, langs: &[String]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = vec!["form_id".to_string(), "default_language".to_string()];
    let mut row = vec![s.id.clone(), s.default_language.clone()];
    for (base, msg) in super::sheets::SETTINGS_MESSAGES {
        let values = lang_texts(texts, langs, msg);
        if base == "form_title" || values.iter().any(|v| !v.is_empty()) {
            header.extend(lang_headers(base, langs));
            row.extend(values);
        }
    }
    (header, vec![row])
}

fn indicators_sheet(
    s: &Survey,
    texts: &Texts,
    langs: &[String],
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header: Vec<String> = [
        "id",
        "framework",
        "question",
        "measure",
        "any_of",
        "exclude",
        "min",
        "max",
        "where",
        "match",
        "components",
        "denominator",
        "unit",
    ]
    .map(String::from)
    .to_vec();
    header.extend(lang_headers("label", langs));
    let rows = s
        .indicators
        .iter()
        .map(|i| {
            let mut row = indicator_row(s, i);
            row.extend(lang_texts(texts, langs, &format!("indicator-{}", i.id)));
            row
        })
        .collect();
    (header, rows)
}

fn indicator_row(s: &Survey, i: &Indicator) -> Vec<String> {
    let kind_of = |id: &str| s.question(id).map(|q| &q.kind);
    let cond = |c: &crate::survey::Condition| write_condition(c, &kind_of);
    let options = i
        .question
        .as_deref()
        .and_then(kind_of)
        .map(QuestionKind::options)
        .unwrap_or_default();
    let (mut any_of, mut min, mut max, mut matched, mut components) = Default::default();
    match &i.measure {
        Measure::Share(m) | Measure::Count(m) => match m {
            Matcher::Test(Test::AnyOf(mask)) => any_of = masked(options, *mask).join(" "),
            Matcher::Test(Test::Range { min: a, max: b }) => {
                min = a.map(number).unwrap_or_default();
                max = b.map(number).unwrap_or_default();
            }
            Matcher::Test(Test::Answered) => {}
            Matcher::Match { condition } => matched = cond(condition),
        },
        Measure::Index(cs) => components = cs.iter().map(cond).collect::<Vec<_>>().join("\n"),
        _ => {}
    }
    let default_denominator = if i.question.is_some() {
        crate::survey::Denominator::Answered
    } else {
        crate::survey::Denominator::Respondents
    };
    vec![
        i.id.clone(),
        i.framework.clone().unwrap_or_default(),
        i.question.clone().unwrap_or_default(),
        i.measure.name().to_string(),
        any_of,
        masked(options, i.exclude).join(" "),
        min,
        max,
        i.population.as_ref().map(cond).unwrap_or_default(),
        matched,
        components,
        if i.denominator == default_denominator {
            String::new()
        } else {
            i.denominator.name().to_string()
        },
        if i.unit == crate::survey::Unit::Country {
            "country".into()
        } else {
            String::new()
        },
    ]
}
