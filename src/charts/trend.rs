//! The trend chart: one line per series across rounds, with a marker on
//! each value, gaps where a value is missing, and round names below.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::format::{axis_range, format_tick, format_value, Numbers};
use super::legend::{draw_legend, draw_marker, legend_height, legend_layout};
use super::text::{font, note_font, shorten, text_width};
use super::{
    draw_title, Area, Chart, Drawn, Series, AXIS, AXIS_H, GRID, INK, MUTED, PAD, PALETTE, TITLE_H,
    WIDTH,
};

/// The whole trend chart into `buf`.
pub(super) fn draw(
    buf: &mut String,
    height: u32,
    title: &str,
    rounds: &[String],
    series: &[Series],
    numbers: Numbers<'_>,
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
    let y = axis_range(values, numbers.share);
    let m = rounds.len().max(1) as f64;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(TITLE_H + legend_height(&legend))
        .margin_left(PAD)
        .margin_right(PAD * 2)
        .margin_bottom(PAD)
        .x_label_area_size(AXIS_H)
        .y_label_area_size(tick_width(&y, numbers) as u32 + 12)
        .build_cartesian_2d(-0.5..m - 0.5, y.clone())?;
    draw_grid(&mut chart, numbers)?;
    draw_round_labels(&mut chart, rounds, y.start)?;
    let lines = Lines {
        numbers,
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

/// Room left of the plot for the widest value tick.
fn tick_width(y: &std::ops::Range<f64>, numbers: Numbers<'_>) -> i32 {
    // Ticks fall on eighths of the range at the finest.
    [y.start, y.end, y.end / 8.0]
        .iter()
        .map(|v| text_width(&format_tick(*v, numbers), 12.0))
        .fold(0, i32::max)
}

/// Horizontal grid lines at the value ticks, labelled left of the plot
/// (round names are drawn by `draw_round_labels`).
fn draw_grid(chart: &mut Chart, numbers: Numbers<'_>) -> Drawn {
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| format_tick(*v, numbers))
        .y_label_style(font(12.0, MUTED, false))
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .draw()?;
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
pub(super) fn point(s: &Series, i: usize) -> Option<f64> {
    s.points.get(i).copied().flatten().filter(|v| v.is_finite())
}

/// What every line of one trend chart shares.
struct Lines<'m> {
    numbers: Numbers<'m>,
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
        if self.numbers.share {
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
                let text = format_value(v, self.numbers);
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
