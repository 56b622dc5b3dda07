//! Names, dates and numbers as people read them (contract §7a), for the
//! pages of regional review. A stand-in until the names and formatting
//! work lands: region names and dates are still shown as ids and ISO
//! dates, numbers plainly. Every page of review calls these, so swapping
//! in the real ones changes this file alone.

use chrono::NaiveDate;

/// The name of region `id` in `lang` (for now: its id; `ALL` as given).
pub fn region_name(_lang: &str, id: &str) -> String {
    id.to_string()
}

/// A date as `lang` writes it in running text (for now: ISO 8601).
pub fn long_date(_lang: &str, date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A share in [0,1] as a percentage in `lang` (for now: `32.5 %`).
pub fn percent(_lang: &str, x: f64) -> String {
    format!("{:.1} %", 100.0 * x)
}

/// Any other value, rounded to at most 4 decimals (for now: `12.25`).
pub fn number(_lang: &str, x: f64) -> String {
    crate::results::round4(x)
}
