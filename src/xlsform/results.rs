//! Results as a workbook (contract §9, `results --format xlsx`): sheet one
//! holds the CSV's columns with numbers as numbers (shares with a percent
//! format), the indicator titles in the reader's language, and suppressed
//! cells marked with a word on a grey fill; sheet two explains the
//! small-cell rule and what each measure divides by.
//!
//! The writer takes column headers and typed rows ([`Table`]), so columns
//! (breakdowns, detail, comparisons) can be added without touching it.

use fluent_bundle::FluentArgs;
use rust_xlsxwriter::{Color, Format, Workbook, XlsxError};

use super::sheet_out::col;
use crate::error::{AppError, AppResult};
use crate::i18n::Texts;
use crate::results::{By, Published};
use crate::survey::{Measure, Survey};

/// One cell of the results sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    /// A fraction shown as a percentage.
    Share(f64),
    Bool(bool),
    /// A suppressed value: marked, never a number.
    Suppressed,
    Empty,
}

/// A sheet to write: headers and rows of typed cells.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// What the workbook says in the reader's language.
pub struct Words {
    pub results: String,
    pub notes: String,
    pub suppressed: String,
    pub explanation: Vec<String>,
}

impl Words {
    pub fn new(ui: &Texts, lang: &str, min_cell: u32, round: &str) -> Self {
        let mut args = FluentArgs::new();
        args.set("min", min_cell);
        args.set("round", round.to_string());
        let t = |id: &str| ui.text(lang, id, Some(&args));
        Words {
            results: t("xlsx-sheet-results"),
            notes: t("xlsx-sheet-notes"),
            suppressed: t("xlsx-suppressed"),
            explanation: [
                "xlsx-notes-title",
                "xlsx-notes-suppression",
                "xlsx-notes-marked",
                "xlsx-notes-share",
                "xlsx-notes-count",
                "xlsx-notes-mean",
                "xlsx-notes-distribution",
                "xlsx-notes-index",
                "xlsx-notes-denominator",
            ]
            .iter()
            .map(|id| t(id))
            .collect(),
        }
    }
}

/// The results of a round as rows: the CSV's columns (with `--by`, the
/// breakdown's; with detail, numerator and denominator; with a
/// comparison, previous and change), and the indicator's title (in `lang`
/// of the survey's texts) after its id.
pub fn table(p: &Published, survey: &Survey, ui: &Texts, lang: &str) -> AppResult<Table> {
    let texts = Texts::survey(survey)?;
    let survey_lang = texts.pick(&[lang]).to_string();
    let by = p.by != By::Region;
    let compare = p.compared_with.is_some();
    let mut ids = vec![
        "xlsx-col-indicator",
        "xlsx-col-title",
        "xlsx-col-option",
        "xlsx-col-region",
    ];
    if by {
        ids.push(if p.by == By::Country {
            "xlsx-col-country"
        } else {
            "xlsx-col-type"
        });
    }
    ids.extend([
        "xlsx-col-value",
        "xlsx-col-respondents",
        "xlsx-col-suppressed",
    ]);
    if p.detail {
        ids.extend(["xlsx-col-numerator", "xlsx-col-denominator"]);
    }
    if compare {
        ids.extend(["xlsx-col-previous", "xlsx-col-change"]);
    }
    let headers = ids.iter().map(|id| ui.text(lang, id, None)).collect();
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let share = survey
                .indicators
                .iter()
                .find(|i| i.id == r.indicator)
                .is_some_and(|i| {
                    matches!(
                        i.measure,
                        Measure::Share(_) | Measure::Distribution | Measure::Index(_)
                    )
                });
            let number = |v: Option<f64>, as_share: bool| match (r.suppressed, v) {
                (true, _) => Cell::Suppressed,
                (false, Some(v)) if as_share => Cell::Share(v),
                (false, Some(v)) => Cell::Number(v),
                (false, None) => Cell::Empty,
            };
            let text = |v: &Option<String>| v.clone().map_or(Cell::Empty, Cell::Text);
            let mut row = vec![
                Cell::Text(r.indicator.clone()),
                Cell::Text(texts.text(&survey_lang, &format!("indicator-{}", r.indicator), None)),
                text(&r.option),
                Cell::Text(r.region.clone()),
            ];
            if by {
                row.push(text(if p.by == By::Country {
                    &r.country
                } else {
                    &r.member_type
                }));
            }
            row.extend([
                number(r.value, share),
                number(r.respondents.map(|n| n as f64), false),
                Cell::Bool(r.suppressed),
            ]);
            if p.detail {
                row.extend([number(r.numerator, false), number(r.denominator, false)]);
            }
            if compare {
                let flat = |v: Option<Option<f64>>| {
                    v.flatten().map_or(Cell::Empty, |x| {
                        if share {
                            Cell::Share(x)
                        } else {
                            Cell::Number(x)
                        }
                    })
                };
                row.extend([flat(r.previous), flat(r.change)]);
            }
            row
        })
        .collect();
    Ok(Table { headers, rows })
}

/// The workbook: the results sheet, then the explanation sheet.
pub fn workbook(t: &Table, words: &Words) -> AppResult<Vec<u8>> {
    let wrap = |e: XlsxError| AppError::io("the workbook", std::io::Error::other(e.to_string()));
    let mut book = Workbook::new();
    results_sheet(&mut book, t, words).map_err(wrap)?;
    notes_sheet(&mut book, words).map_err(wrap)?;
    super::sheet_out::finish(book)
}

fn results_sheet(book: &mut Workbook, t: &Table, words: &Words) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&words.results))?;
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0.0%");
    let plain = Format::new().set_num_format("General");
    let grey = Format::new()
        .set_background_color(Color::Silver)
        .set_font_color(Color::Gray)
        .set_italic();
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(0, col(c), h, &bold)?;
        ws.set_column_width(col(c), (h.chars().count() as f64 + 4.0).max(12.0))?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let c = col(c);
            match cell {
                Cell::Text(s) => ws.write_string(r, c, s).map(|_| ())?,
                Cell::Number(n) => ws.write_number_with_format(r, c, *n, &plain).map(|_| ())?,
                Cell::Share(n) => ws
                    .write_number_with_format(r, c, *n, &percent)
                    .map(|_| ())?,
                Cell::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ())?,
                Cell::Suppressed => ws
                    .write_string_with_format(r, c, &words.suppressed, &grey)
                    .map(|_| ())?,
                Cell::Empty => {}
            }
        }
    }
    ws.set_column_width(1, 50)?;
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn notes_sheet(book: &mut Workbook, words: &Words) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&words.notes))?;
    let wrap = Format::new().set_text_wrap();
    let bold = Format::new().set_bold();
    ws.set_column_width(0, 100)?;
    for (i, line) in words.explanation.iter().enumerate() {
        let format = if i == 0 { &bold } else { &wrap };
        ws.write_string_with_format(u32::try_from(i * 2).unwrap_or(0), 0, line, format)?;
    }
    Ok(())
}

/// Sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(s: &str) -> String {
    s.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}
