//! Result charts as SVG strings to inline in an HTML page: horizontal bars
//! (one bar per region or option) and trend lines across rounds.
//!
//! Drawing goes through plotters' `SVGBackend::with_string` and
//! `ChartBuilder`, built without a font feature: plotters then falls back to
//! its "naive" font, which only estimates text sizes and writes real `<text>`
//! elements (escaped, with presentation attributes such as `font-family` and
//! `fill`) that the browser renders with its own fonts. No system font, no
//! glyph paths, no `style=` attribute and no `<style>` element, so the output
//! passes a `style-src 'self'` CSP.
//!
//! Plotters' output is post-processed in one place (`svg::finish`): its root tag
//! (fixed `width`/`height`) is replaced by one with `width="100%"`, the
//! `viewBox`, `role="img"`, `aria-labelledby`/`aria-describedby` and a
//! `<title>` and `<desc>` (the values as text, with the localized `missing`
//! word), which plotters cannot write. Category labels, value labels and the
//! legend are drawn as plotters elements at positions computed here, because
//! plotters' own legend and label layout rely on its byte-count text-width
//! estimate, which is far off for Chinese or Cyrillic. A label too wide for
//! its area is shortened with "…" in the picture only; the full text stays
//! in `<desc>` and in the table the page shows next to the chart.
//!
//! The charts do not set a maximum size: the page's stylesheet should cap
//! `svg.chart` (e.g. `max-width: 40rem`) so 12-px text stays 12 px on wide
//! screens.
//!
//! `bars` and `trend` draw the two kinds; `legend` lays out and draws the
//! trend's legend and markers; `svg` writes the root tag, `<title>` and
//! `<desc>` around plotters' output; `format` writes numbers and picks
//! axis ranges; `text` estimates text widths and holds the fonts.

mod bars;
mod format;
mod legend;
mod svg;
mod text;
mod trend;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use format::join;
pub use format::Numbers;
use legend::{legend_height, legend_layout};
use svg::finish;
use text::{font, shorten, BOLD};
use trend::point;

/// One bar: a label (region id or option label, any script) and its value
/// (`None` = suppressed or undefined: no bar, the `missing` word instead).
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub highlight: bool,
}

/// One line across rounds; `points[i]` belongs to `rounds[i]`, `None` is a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<Option<f64>>,
}

const WIDTH: u32 = 640;
const FONT: &str = "system-ui, sans-serif";
const ROW: u32 = 28;
const TITLE_H: u32 = 44;
const AXIS_H: u32 = 26;
const PAD: u32 = 12;
const PLOT_H: u32 = 240;
const LEGEND_ROW: u32 = 22;

// Contrast on white (WCAG AA): text >= 4.5:1, bars and lines >= 3:1.
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a); // 17:1
const MUTED: RGBColor = RGBColor(0x4d, 0x4d, 0x4d); // 8.5:1
const AXIS: RGBColor = RGBColor(0x75, 0x75, 0x75); // 4.6:1
const GRID: RGBColor = RGBColor(0xdd, 0xdd, 0xdd);
const BAR: RGBColor = RGBColor(0x2c, 0x5c, 0x94); // 7:1
const HIGHLIGHT: RGBColor = RGBColor(0xb0, 0x45, 0x00); // 5.2:1
/// Line colours, told apart by marker shape too (see `draw_marker`).
const PALETTE: [RGBColor; 6] = [
    RGBColor(0x1f, 0x5a, 0xa6),
    RGBColor(0xb0, 0x45, 0x00),
    RGBColor(0x1e, 0x7a, 0x46),
    RGBColor(0x8a, 0x35, 0x8f),
    RGBColor(0x00, 0x6d, 0x7f),
    RGBColor(0x5e, 0x5e, 0x5e),
];

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Horizontal bar chart. `numbers.share`: values are fractions shown as
/// percentages on a 0–100 % axis; otherwise a linear axis from 0 to the
/// largest value. Values and ticks are written in `numbers.lang`.
pub fn bars(id: &str, title: &str, bars: &[Bar], numbers: Numbers<'_>, missing: &str) -> String {
    let rows = bars.len().max(1) as u32;
    let height = TITLE_H + ROW * rows + AXIS_H + PAD;
    let desc = join(
        bars.iter().map(|b| (&b.label, b.value)),
        numbers,
        missing,
        ", ",
    );
    let mut body = String::new();
    let drawn = bars::draw(&mut body, height, title, bars, numbers, missing);
    finish(id, title, &desc, height, body, drawn)
}

/// One line per series across `rounds` (in order); `None` points are gaps.
pub fn trend(
    id: &str,
    title: &str,
    rounds: &[String],
    series: &[Series],
    numbers: Numbers<'_>,
    missing: &str,
) -> String {
    let legend_h = legend_height(&legend_layout(series, missing));
    let height = TITLE_H + legend_h + PLOT_H + AXIS_H + PAD;
    let desc = series
        .iter()
        .map(|s| {
            let values = rounds.iter().enumerate().map(|(i, r)| (r, point(s, i)));
            format!("{}: {}", s.label, join(values, numbers, missing, ", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut body = String::new();
    let drawn = trend::draw(&mut body, height, title, rounds, series, numbers, missing);
    finish(id, title, &desc, height, body, drawn)
}

type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

fn draw_title(root: &Area, title: &str) -> Drawn {
    let style = font(16.0, INK, true).pos(Pos::new(HPos::Left, VPos::Top));
    let text = shorten(title, 16.0 * BOLD, (WIDTH - 2 * PAD) as i32);
    root.draw(&Text::new(text, (PAD as i32, 12), style))?;
    Ok(())
}

#[cfg(test)]
mod tests;
