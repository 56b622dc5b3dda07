//! Names, dates and numbers as people read them (contract §7a), for the
//! pages of regional review: one place that the report and the round
//! page ask, delegating to the names the server loaded and to
//! [`crate::locale`] (CLDR data through ICU4X).

use chrono::NaiveDate;

use crate::web::AppState;

/// The name of region `id` (or `ALL`) in `lang`.
pub fn region_name(state: &AppState, lang: &str, id: &str) -> String {
    state.region_name(lang, id)
}

/// A date as `lang` writes it in running text (`30 avril 2030`).
pub fn long_date(lang: &str, date: NaiveDate) -> String {
    crate::locale::long_date(lang, date)
}

/// A share in [0,1] as a percentage in `lang` (`32,5 %` in French).
pub fn percent(lang: &str, x: f64) -> String {
    crate::locale::percent(lang, x, 1)
}

/// Any other value, with at most two decimals, as `lang` writes it.
pub fn number(lang: &str, x: f64) -> String {
    crate::locale::decimal(lang, x, 2)
}
