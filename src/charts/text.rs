//! Text in the charts: a width estimate per character (the browser lays
//! text out; this only sizes label areas and shortens labels), and the
//! fonts plotters is given.

use plotters::prelude::*;

use super::{FONT, MUTED};

/// Bold text is about this much wider than regular (DejaVu Sans Bold,
/// the widest of the common fallbacks, measured in the browser test).
pub(super) const BOLD: f64 = 1.2;

/// Rough rendered width in pixels for a sans-serif font: the browser lays
/// the text out, this only sizes the label areas.
pub(super) fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().map(char_em).sum::<f64>() * px).ceil() as i32
}

fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' => 0.4,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.9,
        c if is_wide(c) => 1.0,
        c if c.is_uppercase() => 0.7,
        _ => 0.58,
    }
}

/// East Asian wide characters (CJK, kana, Hangul, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// `text` cut to `max` pixels with "…" when longer.
pub(super) fn shorten(text: &str, px: f64, max: i32) -> String {
    if text_width(text, px) <= max {
        return text.to_owned();
    }
    let budget = f64::from(max) / px - char_em('…');
    let mut used = 0.0;
    let mut out: String = text
        .chars()
        .take_while(|&c| {
            used += char_em(c);
            used <= budget
        })
        .collect();
    out.push('…');
    out
}

/// Text style for plotters; its SVG backend writes `size / 1.24` as
/// `font-size`, so the size is given pre-multiplied.
pub(super) fn font(px: f64, colour: RGBColor, bold: bool) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    (FONT, px * 1.24, style).into_font().color(&colour)
}

/// The missing word: muted and italic, so it does not read as a value.
pub(super) fn note_font(px: f64) -> TextStyle<'static> {
    (FONT, px * 1.24, FontStyle::Italic)
        .into_font()
        .color(&MUTED)
}
