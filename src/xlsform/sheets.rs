//! The `settings` and `choices` sheets, and the languages of a form.

use std::collections::BTreeMap;

use super::book::Book;
use super::diag::Problems;
use super::table::{language_code, Table};

/// Columns that carry bookkeeping of the tools that write XLSForms
/// (KoboToolbox's `$kuid`, `$autoname`…, and the settings' `version`):
/// they say nothing about the survey, so they are read past.
pub fn is_bookkeeping(base: &str) -> bool {
    base.starts_with('$')
}

/// A cell of text in each language: `(language or None for the plain
/// column, text, cell)`.
pub type Texts = Vec<(Option<String>, String, String)>;

pub fn owned(v: Vec<(Option<&str>, &str, String)>) -> Texts {
    v.into_iter()
        .map(|(l, t, a)| (l.map(str::to_string), t.to_string(), a))
        .collect()
}

#[derive(Debug, Default)]
pub struct Settings {
    pub form_id: Option<(String, String)>,
    pub default_language: Option<String>,
    /// `form_title`, `form_intro`, `mail_invite_subject`… by column base.
    pub texts: BTreeMap<String, Texts>,
    /// Where the settings row is (for texts that are missing).
    pub at: String,
}

/// Settings columns that hold a survey message, and the message's id.
pub const SETTINGS_MESSAGES: [(&str, &str); 4] = [
    ("form_title", "survey-title"),
    ("form_intro", "survey-intro"),
    ("mail_invite_subject", "mail-invite-subject"),
    ("mail_reminder_subject", "mail-reminder-subject"),
];

pub fn settings(book: &Book, problems: &mut Problems) -> Settings {
    let mut out = Settings::default();
    let Some(sheet) = book.sheet("settings") else {
        return out;
    };
    let table = Table::new(sheet, "settings", problems);
    let Some(&row) = table.records.first() else {
        return out;
    };
    out.at = table.at(row, 0);
    for extra in &table.records[1..] {
        problems.error(
            &table.at(*extra, 0),
            "the settings sheet has one row of values; this row is not read",
        );
    }
    for c in &table.columns {
        let value = table.cell(row, c.index);
        let at = table.at(row, c.index);
        match c.base.as_str() {
            "form_id" if c.lang.is_none() => out.form_id = Some((value.to_string(), at)).filter(|(v, _)| !v.is_empty()),
            "default_language" if c.lang.is_none() => match language_code(value) {
                Some(code) => out.default_language = Some(code),
                None if value.is_empty() => {}
                None => problems.error(&at, format!("default_language `{value}` is not a language such as `English (en)` or `en`")),
            },
            base if SETTINGS_MESSAGES.iter().any(|(b, _)| *b == base) => {}
            "version" => {}
            base if is_bookkeeping(base) || value.is_empty() => {}
            base => problems.error(&at, format!("the settings column `{base}` is not supported by canvass")),
        }
    }
    for (base, _) in SETTINGS_MESSAGES {
        out.texts
            .insert(base.to_string(), owned(table.texts(row, base)));
    }
    out
}

#[derive(Debug)]
pub struct Choice {
    pub name: String,
    pub at: String,
    pub texts: Texts,
}

/// The lists of the `choices` sheet, by list name, each in sheet order.
pub fn choices(book: &Book, problems: &mut Problems) -> BTreeMap<String, Vec<Choice>> {
    let mut lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    let Some(sheet) = book.sheet("choices") else {
        return lists;
    };
    let table = Table::new(sheet, "choices", problems);
    for &row in &table.records {
        for c in &table.columns {
            let supported = matches!(
                c.base.as_str(),
                "list_name" | "list name" | "name" | "label"
            ) || is_bookkeeping(&c.base);
            if !supported && !table.cell(row, c.index).is_empty() {
                problems.error(&table.at(row, c.index), format!("the choices column `{}` is not supported by canvass (choice filters and media are refused)", c.base));
            }
        }
        let list = match table.get(row, "list_name") {
            "" => table.get(row, "list name"),
            l => l,
        };
        if list.is_empty() {
            problems.error(
                &table.at_col(row, "list_name"),
                "this choice has no list_name",
            );
            continue;
        }
        lists.entry(list.to_string()).or_default().push(Choice {
            name: table.get(row, "name").to_string(),
            at: table.at_col(row, "name"),
            texts: owned(table.texts(row, "label")),
        });
    }
    lists
}

/// Every language code of the form's text columns, the default first.
pub fn languages(book: &Book, settings: &Settings, problems: &mut Problems) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for name in ["survey", "choices", "settings", "indicators"] {
        if let Some(sheet) = book.sheet(name) {
            let mut ignore = Problems::default();
            for c in Table::new(sheet, name, &mut ignore).columns {
                if let Some(l) = c.lang {
                    if !codes.contains(&l) {
                        codes.push(l);
                    }
                }
            }
        }
    }
    let default = settings
        .default_language
        .clone()
        .or_else(|| codes.first().cloned())
        .unwrap_or_else(|| "en".to_string());
    if settings.default_language.is_none() && codes.len() > 1 {
        problems.warning(&settings.at, format!("no default_language in the settings sheet; `{default}` (the first language column) is taken"));
    }
    codes.retain(|c| *c != default);
    codes.insert(0, default);
    codes
}
