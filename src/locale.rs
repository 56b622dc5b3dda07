//! Dates, numbers and country names as each language writes them, from
//! the Unicode CLDR data compiled into ICU4X (`icu_datetime`,
//! `icu_decimal`, and `icu_experimental` for percentages and region
//! display names): `30 avril 2030`, `30 апреля 2030 г.`, `2030年4月30日`,
//! `32 %` in French, `1,5` in French.
//!
//! The one place the rest of canvass asks how a language writes a date, a
//! share or a number, and what a country is called. A leaf module: it
//! uses nothing of the crate. A language it cannot read gets English, and
//! so do the pseudo-locales `en-XA` and `ar-XB` (English words, accented
//! or right to left, as ICU's own pseudo-locales are; canvass has `ar-XB`
//! only in the browser test's build, see `i18n::TEST_LOCALE`); a country
//! code CLDR does not name is shown as the code.
//!
//! The formatters are built once per language and thread (ICU4X data
//! payloads are not `Sync`), so a page with hundreds of numbers builds
//! them once.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate};
use fixed_decimal::{Decimal, SignedRoundingMode, UnsignedRoundingMode};
use icu_calendar::{Date, Iso};
use icu_datetime::fieldsets::YMD;
use icu_datetime::DateTimeFormatter;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_experimental::displaynames::{multi::RegionDisplayNames, DisplayNamesOptions};
use icu_locale_core::subtags::Region;
use icu_locale_core::Locale;

/// What a value that is not a number shows.
const NOT_A_NUMBER: &str = "–";

/// The formatters of one language.
struct Formats {
    date: Option<DateTimeFormatter<YMD>>,
    decimal: Option<DecimalFormatter>,
    percent: Option<PercentFormatter<DecimalFormatter>>,
    regions: Option<RegionDisplayNames>,
}

impl Formats {
    fn new(lang: &str) -> Self {
        let locale: Locale = lang.parse().unwrap_or(Locale::UNKNOWN);
        let locale = if locale == Locale::UNKNOWN || is_pseudo(&locale) {
            icu_locale_core::locale!("en")
        } else {
            locale
        };
        Formats {
            date: DateTimeFormatter::try_new((&locale).into(), YMD::long()).ok(),
            decimal: DecimalFormatter::try_new((&locale).into(), Default::default()).ok(),
            percent: PercentFormatter::try_new((&locale).into(), Default::default()).ok(),
            regions: RegionDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default())
                .ok(),
        }
    }
}

/// A pseudo-locale, of CLDR's private-use regions `XA` (accented) or `XB`
/// (right to left): ICU4X would format `ar-XB` as Arabic.
fn is_pseudo(locale: &Locale) -> bool {
    locale.id.region.is_some_and(|r| {
        r == icu_locale_core::subtags::region!("XA") || r == icu_locale_core::subtags::region!("XB")
    })
}

thread_local! {
    static FORMATS: RefCell<HashMap<String, Rc<Formats>>> = RefCell::new(HashMap::new());
}

fn formats(lang: &str) -> Rc<Formats> {
    FORMATS.with(|cache| {
        cache
            .borrow_mut()
            .entry(lang.to_string())
            .or_insert_with(|| Rc::new(Formats::new(lang)))
            .clone()
    })
}

/// A date written out in full: `April 30, 2030`, `30 avril 2030`,
/// `30 de abril de 2030`, `30 апреля 2030 г.`, `2030年4月30日`.
pub fn long_date(lang: &str, date: NaiveDate) -> String {
    let month = u8::try_from(date.month()).unwrap_or(1);
    let day = u8::try_from(date.day()).unwrap_or(1);
    let iso = Date::<Iso>::try_new_iso(date.year(), month, day).ok();
    match (&formats(lang).date, iso) {
        (Some(f), Some(d)) => f.format(&d).to_string(),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// `value` as a decimal rounded (half away from zero) to at most
/// `max_fraction_digits` digits, trailing zeros dropped; `None` when it is
/// not finite.
fn to_decimal(value: f64, max_fraction_digits: u8, shift: i16) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    // The shortest text that reads back as `value` (0.285, not
    // 0.28499999999999998), so halves round as a person expects.
    let mut d = Decimal::try_from_str(&format!("{value}")).ok()?;
    d.multiply_pow10(shift);
    d.round_with_mode(
        -i16::from(max_fraction_digits),
        SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand),
    );
    d.absolute.trim_start();
    d.absolute.trim_end();
    if d.absolute.is_zero() {
        // No "-0" for a value that rounds to zero.
        d = Decimal::from(0);
    }
    Some(d)
}

/// A fraction (0.32) as a percentage: `32%` in English and Chinese,
/// `32 %` in French, Spanish and Russian (CLDR's spaces: no-break).
pub fn percent(lang: &str, fraction: f64, max_fraction_digits: u8) -> String {
    let Some(d) = to_decimal(fraction, max_fraction_digits, 2) else {
        return NOT_A_NUMBER.into();
    };
    match &formats(lang).percent {
        Some(f) => f.format(&d).to_string(),
        None => format!("{d}%"),
    }
}

/// A number with at most `max_fraction_digits` decimals: `1.5` in English,
/// `1,5` in French, with the language's grouping (`1 234,5`).
pub fn decimal(lang: &str, value: f64, max_fraction_digits: u8) -> String {
    let Some(d) = to_decimal(value, max_fraction_digits, 0) else {
        return NOT_A_NUMBER.into();
    };
    match &formats(lang).decimal {
        Some(f) => f.format(&d).to_string(),
        None => d.to_string(),
    }
}

/// A whole number (a count) with the language's grouping.
pub fn integer(lang: &str, value: i128) -> String {
    let d = Decimal::from(value);
    match &formats(lang).decimal {
        Some(f) => f.format(&d).to_string(),
        None => d.to_string(),
    }
}

/// The country with ISO 3166-1 alpha-2 `code` (any case) as CLDR names it
/// in `lang`: `KE` is `Kenya`, `Kenia`, `Кения`, `肯尼亚`. A code CLDR does
/// not name comes back as given.
pub fn country_name(lang: &str, code: &str) -> String {
    let upper = code.trim().to_ascii_uppercase();
    let Ok(region) = upper.parse::<Region>() else {
        return code.to_string();
    };
    if !region.is_alphabetic() {
        return code.to_string();
    }
    formats(lang)
        .regions
        .as_ref()
        .and_then(|names| names.of(region))
        .map_or_else(|| code.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2030, 4, 30).unwrap()
    }

    #[test]
    fn long_dates_are_written_as_each_language_writes_them() {
        assert_eq!(long_date("en", date()), "April 30, 2030");
        assert_eq!(long_date("fr", date()), "30 avril 2030");
        assert_eq!(long_date("es", date()), "30 de abril de 2030");
        assert_eq!(long_date("ru", date()), "30 апреля 2030\u{202f}г.");
        assert_eq!(long_date("zh", date()), "2030年4月30日");
        assert_eq!(long_date("fr-CA", date()), "30 avril 2030");
        assert_eq!(long_date("not a tag", date()), "April 30, 2030");
    }

    #[test]
    fn percentages_carry_the_spaces_cldr_gives_each_language() {
        assert_eq!(percent("en", 0.32, 0), "32%");
        assert_eq!(percent("zh", 0.32, 0), "32%");
        assert_eq!(percent("fr", 0.32, 0), "32\u{a0}%");
        assert_eq!(percent("es", 0.32, 0), "32\u{a0}%");
        assert_eq!(percent("ru", 0.32, 0), "32\u{a0}%");
        assert_eq!(percent("fr", 0.3251, 1), "32,5\u{a0}%");
        assert_eq!(percent("en", 0.3251, 1), "32.5%");
        assert_eq!(percent("en", 0.3, 1), "30%");
        assert_eq!(percent("en", 0.285, 0), "29%");
        assert_eq!(percent("en", -0.001, 0), "0%");
        assert_eq!(percent("en", f64::NAN, 0), "–");
    }

    #[test]
    fn decimals_use_the_language_separators() {
        assert_eq!(decimal("en", 1.5, 1), "1.5");
        assert_eq!(decimal("fr", 1.5, 1), "1,5");
        assert_eq!(decimal("es", 1.5, 1), "1,5");
        assert_eq!(decimal("ru", 1.5, 1), "1,5");
        assert_eq!(decimal("zh", 1.5, 1), "1.5");
        assert_eq!(decimal("en", 1234.56, 1), "1,234.6");
        assert_eq!(decimal("fr", 1234.56, 1), "1\u{202f}234,6");
        assert_eq!(decimal("ru", 1234.5, 2), "1\u{a0}234,5");
        assert_eq!(decimal("en", 2.0, 2), "2");
        assert_eq!(decimal("en", -0.04, 1), "0");
        assert_eq!(integer("en", 12345), "12,345");
    }

    #[test]
    fn countries_are_named_from_cldr_and_unknown_codes_stay() {
        assert_eq!(country_name("en", "KE"), "Kenya");
        assert_eq!(country_name("fr", "ke"), "Kenya");
        assert_eq!(country_name("es", "KE"), "Kenia");
        assert_eq!(country_name("ru", "KE"), "Кения");
        assert_eq!(country_name("zh", "KE"), "肯尼亚");
        assert_eq!(country_name("fr", "DE"), "Allemagne");
        assert_eq!(country_name("en", "XZ"), "XZ");
        assert_eq!(country_name("en", "419"), "419");
        assert_eq!(country_name("en", "not"), "not");
    }

    #[test]
    fn pseudo_locales_are_written_as_english() {
        assert_eq!(long_date("ar-XB", date()), "April 30, 2030");
        assert_eq!(decimal("ar-XB", 1234.56, 1), "1,234.6");
        assert_eq!(percent("ar-XB", 0.32, 0), "32%");
        assert_eq!(country_name("ar-XB", "KE"), "Kenya");
        assert_eq!(country_name("en-XA", "KE"), "Kenya");
        assert_ne!(long_date("ar-EG", date()), "April 30, 2030");
    }
}
