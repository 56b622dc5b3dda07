//! Numbers as the charts write them (values, ticks, the `<desc>` list)
//! and the value axis's range, rounded so ticks fall on round numbers.

use std::ops::Range;

/// How a chart writes its values: shares (fractions) as percentages or
/// plain numbers, as the reader's language writes them (`locale`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Numbers<'a> {
    pub share: bool,
    pub lang: &'a str,
}

impl<'a> Numbers<'a> {
    /// Fractions shown as percentages in `lang`.
    pub const fn share(lang: &'a str) -> Self {
        Numbers { share: true, lang }
    }

    /// Plain numbers in `lang`.
    pub const fn number(lang: &'a str) -> Self {
        Numbers { share: false, lang }
    }
}

/// "label value" pairs for `<desc>`, with the missing word for gaps.
pub(super) fn join<'a>(
    items: impl Iterator<Item = (&'a String, Option<f64>)>,
    numbers: Numbers<'_>,
    missing: &str,
    sep: &str,
) -> String {
    items
        .map(|(label, value)| match value.filter(|v| v.is_finite()) {
            Some(v) => format!("{label} {}", format_value(v, numbers)),
            None => format!("{label} {missing}"),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// Shares as whole percentages, other values with at most one decimal.
pub(super) fn format_value(v: f64, numbers: Numbers<'_>) -> String {
    if numbers.share {
        crate::locale::percent(numbers.lang, v, 0)
    } else {
        crate::locale::decimal(numbers.lang, v, 1)
    }
}

/// Axis ticks: `v` is already in axis units (percent for shares).
pub(super) fn format_tick(v: f64, numbers: Numbers<'_>) -> String {
    if numbers.share {
        crate::locale::percent(numbers.lang, v / 100.0, 3)
    } else {
        crate::locale::decimal(numbers.lang, v, 3)
    }
}

/// 0–100 for shares; otherwise from 0 (or a rounded minimum below 0) to a
/// rounded maximum, so the ticks fall on round numbers.
pub(super) fn axis_range(values: impl Iterator<Item = f64>, share: bool) -> Range<f64> {
    if share {
        return 0.0..100.0;
    }
    let (lo, hi) = values
        .filter(|v| v.is_finite())
        .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let lo = if lo < 0.0 { -nice_ceil(-lo) } else { 0.0 };
    let hi = if hi > 0.0 {
        nice_ceil(hi)
    } else if lo < 0.0 {
        0.0
    } else {
        1.0
    };
    lo..hi
}

fn nice_ceil(x: f64) -> f64 {
    let unit = 10_f64.powf(x.log10().floor());
    let step = [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .into_iter()
        .find(|s| x <= s * unit * (1.0 + 1e-9))
        .unwrap_or(10.0);
    step * unit
}
