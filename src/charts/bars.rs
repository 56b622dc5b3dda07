//! The horizontal bar chart: one row per region or option, its label on
//! the left, the bar and its value (or the missing word) on the right.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::format::{axis_range, format_tick, format_value, Numbers};
use super::text::{font, note_font, shorten, text_width, BOLD};
use super::{
    draw_title, Bar, Chart, Drawn, AXIS, AXIS_H, BAR, GRID, HIGHLIGHT, INK, MUTED, PAD, TITLE_H,
    WIDTH,
};

/// The whole bar chart into `buf`.
pub(super) fn draw(
    buf: &mut String,
    height: u32,
    title: &str,
    bars: &[Bar],
    numbers: Numbers<'_>,
    missing: &str,
) -> Drawn {
    let root = SVGBackend::with_string(buf, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE)?;
    draw_title(&root, title)?;
    let x = axis_range(bars.iter().filter_map(|b| b.value), numbers.share);
    let row = BarRow {
        numbers,
        missing,
        label_w: label_width(bars),
        x0: x.start,
    };
    let n = bars.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(TITLE_H)
        .margin_left(PAD)
        .margin_right(value_width(bars, numbers) as u32 + 10)
        .margin_bottom(PAD)
        .x_label_area_size(AXIS_H)
        .y_label_area_size(row.label_w as u32 + 10)
        .build_cartesian_2d(x, 0.0..n)?;
    draw_grid(&mut chart, numbers)?;
    for (i, bar) in bars.iter().enumerate() {
        row.draw(&mut chart, n - i as f64, bar)?;
    }
    root.present()?;
    Ok(())
}

/// The label column: as wide as the widest label, within bounds.
fn label_width(bars: &[Bar]) -> i32 {
    bars.iter()
        .map(|b| text_width(&b.label, 13.0 * BOLD))
        .fold(24, i32::max)
        .min(200)
}

/// Room right of the plot for the value written after the longest bar.
fn value_width(bars: &[Bar], numbers: Numbers<'_>) -> i32 {
    bars.iter()
        .filter_map(|b| b.value)
        .map(|v| text_width(&format_value(v, numbers), 12.0 * BOLD))
        .fold(30, i32::max)
}

/// Vertical grid lines at the value ticks, labelled below the plot.
fn draw_grid(chart: &mut Chart, numbers: Numbers<'_>) -> Drawn {
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(6)
        .x_label_formatter(&|v| format_tick(*v, numbers))
        .x_label_style(font(12.0, MUTED, false))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .draw()?;
    Ok(())
}

/// What every row of one bar chart shares.
struct BarRow<'m> {
    numbers: Numbers<'m>,
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
        let end = if self.numbers.share {
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
        let text = Text::new(format_value(value, self.numbers), (dx, 0), style);
        chart.draw_series([EmptyElement::at((end, mid)) + text])?;
        Ok(())
    }
}
