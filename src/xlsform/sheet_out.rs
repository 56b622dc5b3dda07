//! Writing sheets of text (the forms' and translators' workbooks): a bold
//! header row, frozen, and one row per record.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::error::{AppError, AppResult};

pub fn sheet(
    book: &mut Workbook,
    name: &str,
    header: &[String],
    rows: &[Vec<String>],
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    let bold = Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, col(c), h, &bold)?;
        let widest = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0);
        ws.set_column_width(
            col(c),
            (widest.max(h.chars().count()) as f64 + 2.0).min(60.0),
        )?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32 + 1, col(c), v)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Spreadsheet columns are 16-bit; no sheet here comes near that.
pub fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

pub fn finish(mut book: Workbook) -> AppResult<Vec<u8>> {
    book.save_to_buffer()
        .map_err(|e| AppError::io("the workbook", std::io::Error::other(e.to_string())))
}

/// `label::English (en)`: a language's column, named as KoboToolbox does.
pub fn lang_column(base: &str, lang: &str) -> String {
    format!("{base}::{} ({lang})", language_name(lang))
}

/// The language's name in itself, for column titles.
pub fn language_name(lang: &str) -> &str {
    match lang.split('-').next().unwrap_or(lang) {
        "en" => "English",
        "fr" => "Français",
        "es" => "Español",
        "ru" => "Русский",
        "zh" => "中文",
        "pt" => "Português",
        "ar" => "العربية",
        "de" => "Deutsch",
        _ => lang,
    }
}
