//! The trend chart's legend, flowed in rows across the chart's width, and
//! the marker shapes that tell series apart without colour.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::text::{font, shorten, text_width};
use super::{Area, Drawn, Series, INK, LEGEND_ROW, PAD, PALETTE, TITLE_H, WIDTH};

/// Marker shapes differ per series so lines are told apart without colour.
pub(super) fn draw_marker(root: &Area, k: usize, at: (i32, i32), colour: RGBColor) -> Drawn {
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

pub(super) struct LegendItem {
    series: usize,
    x: i32,
    row: u32,
    text: String,
}

/// Legend entries flowed left to right in rows across the chart's width.
pub(super) fn legend_layout(series: &[Series], missing: &str) -> Vec<LegendItem> {
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

pub(super) fn legend_height(items: &[LegendItem]) -> u32 {
    items.last().map_or(0, |item| (item.row + 1) * LEGEND_ROW)
}

pub(super) fn draw_legend(root: &Area, items: &[LegendItem]) -> Drawn {
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
