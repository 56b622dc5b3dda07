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
//! Plotters' output is post-processed in one place (`finish`): its root tag
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

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::ops::Range;

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

/// Horizontal bar chart. `share`: values are fractions shown as percentages
/// on a 0–100 % axis; otherwise a linear axis from 0 to the largest value.
pub fn bars(id: &str, title: &str, bars: &[Bar], share: bool, missing: &str) -> String {
    let rows = bars.len().max(1) as u32;
    let height = TITLE_H + ROW * rows + AXIS_H + PAD;
    let desc = join(
        bars.iter().map(|b| (&b.label, b.value)),
        share,
        missing,
        ", ",
    );
    let mut body = String::new();
    let drawn = draw_bars(&mut body, height, title, bars, share, missing);
    finish(id, title, &desc, height, body, drawn)
}

/// One line per series across `rounds` (in order); `None` points are gaps.
pub fn trend(
    id: &str,
    title: &str,
    rounds: &[String],
    series: &[Series],
    share: bool,
    missing: &str,
) -> String {
    let legend_h = legend_height(&legend_layout(series, missing));
    let height = TITLE_H + legend_h + PLOT_H + AXIS_H + PAD;
    let desc = series
        .iter()
        .map(|s| {
            let values = rounds.iter().enumerate().map(|(i, r)| (r, point(s, i)));
            format!("{}: {}", s.label, join(values, share, missing, ", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut body = String::new();
    let drawn = draw_trend(&mut body, height, title, rounds, series, share, missing);
    finish(id, title, &desc, height, body, drawn)
}

fn draw_bars(
    buf: &mut String,
    height: u32,
    title: &str,
    bars: &[Bar],
    share: bool,
    missing: &str,
) -> Drawn {
    let root = SVGBackend::with_string(buf, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    draw_title(&root, title)?;
    let x = axis_range(bars.iter().filter_map(|b| b.value), share);
    let value_w = bars
        .iter()
        .filter_map(|b| b.value)
        .map(|v| text_width(&format_value(v, share), 12.0 * BOLD))
        .fold(30, i32::max);
    let row = BarRow {
        share,
        missing,
        label_w: bars
            .iter()
            .map(|b| text_width(&b.label, 13.0 * BOLD))
            .fold(24, i32::max)
            .min(200),
        x0: x.start,
    };
    let n = bars.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(TITLE_H)
        .margin_left(PAD)
        .margin_right(value_w as u32 + 10)
        .margin_bottom(PAD)
        .x_label_area_size(AXIS_H)
        .y_label_area_size(row.label_w as u32 + 10)
        .build_cartesian_2d(x, 0.0..n)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(6)
        .x_label_formatter(&|v| format_tick(*v, share))
        .x_label_style(font(12.0, MUTED, false))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .draw()?;
    for (i, bar) in bars.iter().enumerate() {
        row.draw(&mut chart, n - i as f64, bar)?;
    }
    root.present()?;
    Ok(())
}

type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// What every row of one bar chart shares.
struct BarRow<'m> {
    share: bool,
    missing: &'m str,
    /// Width of the label column in pixels.
    label_w: i32,
    /// Left end of the value axis.
    x0: f64,
}

impl BarRow<'_> {
    /// One row; `top` is its upper edge in chart units (rows are 1 high).
    fn draw(&self, chart: &mut Chart, top: f64, bar: &Bar) -> Drawn {
        let mid = top - 0.5;
        let label = shorten(&bar.label, 13.0 * BOLD, self.label_w);
        let style = font(13.0, INK, bar.highlight).pos(Pos::new(HPos::Right, VPos::Center));
        chart.draw_series([EmptyElement::at((self.x0, mid)) + Text::new(label, (-8, 0), style)])?;
        let Some(value) = bar.value.filter(|v| v.is_finite()) else {
            let style = note_font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
            let note = Text::new(self.missing.to_owned(), (6, 0), style);
            chart.draw_series([EmptyElement::at((0.0, mid)) + note])?;
            return Ok(());
        };
        let end = if self.share {
            value.clamp(0.0, 1.0) * 100.0
        } else {
            value
        };
        let colour = if bar.highlight { HIGHLIGHT } else { BAR };
        let rect = Rectangle::new([(0.0, top - 0.18), (end, top - 0.82)], colour.filled());
        chart.draw_series([rect])?;
        let (anchor, dx) = if end < 0.0 {
            (HPos::Right, -5)
        } else {
            (HPos::Left, 5)
        };
        let style = font(12.0, INK, bar.highlight).pos(Pos::new(anchor, VPos::Center));
        let text = Text::new(format_value(value, self.share), (dx, 0), style);
        chart.draw_series([EmptyElement::at((end, mid)) + text])?;
        Ok(())
    }
}

fn draw_trend(
    buf: &mut String,
    height: u32,
    title: &str,
    rounds: &[String],
    series: &[Series],
    share: bool,
    missing: &str,
) -> Drawn {
    let root = SVGBackend::with_string(buf, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    draw_title(&root, title)?;
    let legend = legend_layout(series, missing);
    draw_legend(&root, &legend)?;
    let values = series
        .iter()
        .flat_map(|s| s.points.iter().flatten().copied());
    let y = axis_range(values, share);
    // Ticks fall on eighths of the range at the finest.
    let tick_w = [y.start, y.end, y.end / 8.0]
        .iter()
        .map(|v| text_width(&format_tick(*v, share), 12.0))
        .fold(0, i32::max);
    let m = rounds.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(TITLE_H + legend_height(&legend))
        .margin_left(PAD)
        .margin_right(PAD * 2)
        .margin_bottom(PAD)
        .x_label_area_size(AXIS_H)
        .y_label_area_size(tick_w as u32 + 12)
        .build_cartesian_2d(-0.5..m - 0.5, y.clone())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| format_tick(*v, share))
        .y_label_style(font(12.0, MUTED, false))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .draw()?;
    draw_round_labels(&mut chart, rounds, y.start)?;
    let lines = Lines {
        share,
        missing,
        alone: series.len() == 1,
        y0: y.start,
        rounds: rounds.len(),
    };
    for (k, s) in series.iter().enumerate() {
        lines.draw(&root, &mut chart, k, s)?;
    }
    root.present()?;
    Ok(())
}

/// Round names under the x axis; every `step`-th one when they would collide.
fn draw_round_labels(chart: &mut Chart, rounds: &[String], y0: f64) -> Drawn {
    let slot = chart.plotting_area().dim_in_pixel().0 as i32 / rounds.len().max(1) as i32;
    let widest = rounds.iter().map(|r| text_width(r, 12.0)).fold(1, i32::max);
    let step = ((widest + 8) / slot.max(1) + 1).max(1) as usize;
    let style = font(12.0, MUTED, false).pos(Pos::new(HPos::Center, VPos::Top));
    let labels = rounds.iter().enumerate().step_by(step).map(|(i, r)| {
        let text = shorten(r, 12.0, slot * step as i32 - 6);
        EmptyElement::at((i as f64, y0)) + Text::new(text, (0, 8), style.clone())
    });
    chart.draw_series(labels)?;
    Ok(())
}

/// The value of `s` in round `i`, if there is a usable one.
fn point(s: &Series, i: usize) -> Option<f64> {
    s.points.get(i).copied().flatten().filter(|v| v.is_finite())
}

/// What every line of one trend chart shares.
struct Lines<'m> {
    share: bool,
    missing: &'m str,
    /// A lone series gets its values and gaps written out; several would
    /// overlap.
    alone: bool,
    /// Bottom of the value axis.
    y0: f64,
    /// `points[i]` belongs to round `i`; a missing one is a gap.
    rounds: usize,
}

impl Lines<'_> {
    fn scale(&self, v: f64) -> f64 {
        if self.share {
            v.clamp(0.0, 1.0) * 100.0
        } else {
            v
        }
    }

    /// Series `k`: a line per run of values, a marker per value.
    fn draw(&self, root: &Area, chart: &mut Chart, k: usize, s: &Series) -> Drawn {
        let colour = PALETTE[k % PALETTE.len()];
        let points: Vec<Option<(f64, f64)>> = (0..self.rounds)
            .map(|i| point(s, i).map(|v| (i as f64, v)))
            .collect();
        // A lone value between gaps is only a marker.
        for run in points.split(|p| p.is_none()).filter(|run| run.len() > 1) {
            let run = run.iter().flatten().map(|&(x, v)| (x, self.scale(v)));
            chart.draw_series(LineSeries::new(run, colour.stroke_width(2)))?;
        }
        let style = font(11.0, INK, false).pos(Pos::new(HPos::Center, VPos::Bottom));
        for &(x, v) in points.iter().flatten() {
            let at = chart.backend_coord(&(x, self.scale(v)));
            draw_marker(root, k, at, colour)?;
            if self.alone {
                let text = format_value(v, self.share);
                root.draw(&Text::new(text, (at.0, at.1 - 8), style.clone()))?;
            }
        }
        if self.alone {
            self.draw_gaps(chart, &points)?;
        }
        Ok(())
    }

    /// The missing word just above the x axis where a value is missing.
    fn draw_gaps(&self, chart: &mut Chart, points: &[Option<(f64, f64)>]) -> Drawn {
        let style = note_font(11.0).pos(Pos::new(HPos::Center, VPos::Bottom));
        let gaps = points.iter().enumerate().filter(|(_, p)| p.is_none());
        chart.draw_series(gaps.map(|(i, _)| {
            let text = Text::new(self.missing.to_owned(), (0, -6), style.clone());
            EmptyElement::at((i as f64, self.y0)) + text
        }))?;
        Ok(())
    }
}

/// Marker shapes differ per series so lines are told apart without colour.
fn draw_marker(root: &Area, k: usize, at: (i32, i32), colour: RGBColor) -> Drawn {
    let fill = colour.filled();
    let e = EmptyElement::at(at);
    match k % 4 {
        0 => root.draw(&(e + Circle::new((0, 0), 4, fill)))?,
        1 => root.draw(&(e + Rectangle::new([(-4, -4), (4, 4)], fill)))?,
        2 => root.draw(&(e + Polygon::new(vec![(0, -5), (5, 4), (-5, 4)], fill)))?,
        _ => root.draw(&(e + Polygon::new(vec![(0, -5), (5, 0), (0, 5), (-5, 0)], fill)))?,
    }
    Ok(())
}

struct LegendItem {
    series: usize,
    x: i32,
    row: u32,
    text: String,
}

/// Legend entries flowed left to right in rows across the chart's width.
fn legend_layout(series: &[Series], missing: &str) -> Vec<LegendItem> {
    let (mut x, mut row) = (PAD as i32, 0);
    let mut items = Vec::with_capacity(series.len());
    for (k, s) in series.iter().enumerate() {
        let empty = s.points.iter().all(|p| p.is_none_or(|v| !v.is_finite()));
        let text = if empty {
            format!("{} ({missing})", s.label)
        } else {
            s.label.clone()
        };
        let text = shorten(&text, 12.0, 300);
        let w = 28 + text_width(&text, 12.0) + 16;
        if x > PAD as i32 && x + w > (WIDTH - PAD) as i32 {
            (x, row) = (PAD as i32, row + 1);
        }
        items.push(LegendItem {
            series: k,
            x,
            row,
            text,
        });
        x += w;
    }
    items
}

fn legend_height(items: &[LegendItem]) -> u32 {
    items.last().map_or(0, |item| (item.row + 1) * LEGEND_ROW)
}

fn draw_legend(root: &Area, items: &[LegendItem]) -> Drawn {
    let style = font(12.0, INK, false).pos(Pos::new(HPos::Left, VPos::Center));
    for item in items {
        let colour = PALETTE[item.series % PALETTE.len()];
        let y = (TITLE_H - 6 + item.row * LEGEND_ROW) as i32;
        root.draw(&PathElement::new(
            [(item.x, y), (item.x + 20, y)],
            colour.stroke_width(2),
        ))?;
        draw_marker(root, item.series, (item.x + 10, y), colour)?;
        root.draw(&Text::new(
            item.text.as_str(),
            (item.x + 26, y),
            style.clone(),
        ))?;
    }
    Ok(())
}

fn draw_title(root: &Area, title: &str) -> Drawn {
    let style = font(16.0, INK, true).pos(Pos::new(HPos::Left, VPos::Top));
    let text = shorten(title, 16.0 * BOLD, (WIDTH - 2 * PAD) as i32);
    root.draw(&Text::new(text, (PAD as i32, 12), style))?;
    Ok(())
}

/// Swaps plotters' root tag (fixed size, no accessibility) for ours and adds
/// `<title>` and `<desc>`. All text is escaped; the numbers are ours.
fn finish(id: &str, title: &str, desc: &str, height: u32, body: String, drawn: Drawn) -> String {
    let id = safe_id(id);
    let mut out = String::with_capacity(body.len() + title.len() + desc.len() + 400);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\"");
    out.push_str(&format!(" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\""));
    out.push_str(&format!(
        " aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\""
    ));
    out.push_str(&format!(" font-family=\"{FONT}\">\n"));
    out.push_str(&format!(
        "<title id=\"{id}-title\">{}</title>\n",
        escape(title)
    ));
    out.push_str(&format!("<desc id=\"{id}-desc\">{}</desc>\n", escape(desc)));
    // Plotters escapes attribute values, so its root tag ends at the first '>'.
    let inner = body
        .strip_prefix("<svg")
        .and_then(|rest| rest.split_once(">\n"));
    match (drawn, inner) {
        (Ok(()), Some((_, inner))) => out.push_str(inner),
        // A String backend does not fail in practice; title and desc still
        // carry everything if it does.
        _ => out.push_str("</svg>\n"),
    }
    out
}

/// Keeps ids valid and unquotable: ASCII letters, digits, '-' and '_'.
fn safe_id(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    match id.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => id,
        _ => format!("chart-{id}"),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// "label value" pairs for `<desc>`, with the missing word for gaps.
fn join<'a>(
    items: impl Iterator<Item = (&'a String, Option<f64>)>,
    share: bool,
    missing: &str,
    sep: &str,
) -> String {
    items
        .map(|(label, value)| match value.filter(|v| v.is_finite()) {
            Some(v) => format!("{label} {}", format_value(v, share)),
            None => format!("{label} {missing}"),
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// Shares as whole percentages, other values with at most one decimal.
fn format_value(v: f64, share: bool) -> String {
    if share {
        format!("{:.0} %", unsigned_zero((v * 100.0).round()))
    } else {
        let r = unsigned_zero((v * 10.0).round() / 10.0);
        if r.fract() == 0.0 {
            format!("{r:.0}")
        } else {
            format!("{r:.1}")
        }
    }
}

/// No "-0" for values that round to zero.
fn unsigned_zero(v: f64) -> f64 {
    if v == 0.0 {
        0.0
    } else {
        v
    }
}

/// Axis ticks: `v` is already in axis units (percent for shares).
fn format_tick(v: f64, share: bool) -> String {
    let text = format!("{v:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" { "0" } else { text };
    if share {
        format!("{text} %")
    } else {
        text.to_owned()
    }
}

/// 0–100 for shares; otherwise from 0 (or a rounded minimum below 0) to a
/// rounded maximum, so the ticks fall on round numbers.
fn axis_range(values: impl Iterator<Item = f64>, share: bool) -> Range<f64> {
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

/// Bold text is about this much wider than regular.
const BOLD: f64 = 1.08;

/// Rough rendered width in pixels for a sans-serif font: the browser lays
/// the text out, this only sizes the label areas.
fn text_width(text: &str, px: f64) -> i32 {
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
fn shorten(text: &str, px: f64, max: i32) -> String {
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
fn font(px: f64, colour: RGBColor, bold: bool) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    (FONT, px * 1.24, style).into_font().color(&colour)
}

/// The missing word: muted and italic, so it does not read as a value.
fn note_font(px: f64) -> TextStyle<'static> {
    (FONT, px * 1.24, FontStyle::Italic)
        .into_font()
        .color(&MUTED)
}

#[cfg(test)]
mod tests;
