use super::format::{format_value, Numbers};

/// Shares in French (a no-break space before %), other numbers in English.
const SHARE: Numbers = Numbers::share("fr");
const NUMBER: Numbers = Numbers::number("en");
use super::svg::safe_id;
use super::*;

fn bar(label: &str, value: Option<f64>) -> Bar {
    Bar {
        label: label.to_owned(),
        value,
        highlight: false,
    }
}

fn series(label: &str, points: &[Option<f64>]) -> Series {
    Series {
        label: label.to_owned(),
        points: points.to_vec(),
    }
}

fn rounds(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

/// Tags balance, the root is one `<svg>`, and text and attribute values
/// hold no raw `<`, `>` or bare `&`.
fn assert_well_formed(svg: &str) {
    assert!(svg.starts_with("<svg "), "starts with the root: {svg:.40}");
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        assert_text(&rest[..start]);
        assert!(!stack.is_empty() || start == 0 || rest[..start].trim().is_empty());
        let end = start + rest[start..].find('>').expect("tag is closed");
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "no '<' inside a tag: {tag}");
        assert_eq!(tag.matches('"').count() % 2, 0, "quotes pair up: {tag}");
        assert_text(tag);
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "closing tag matches");
            assert!(
                !stack.is_empty() || rest[end + 1..].trim().is_empty(),
                "one root"
            );
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().expect("tag has a name"));
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn assert_text(text: &str) {
    assert!(!text.contains('>'), "raw '>' in {text}");
    for (i, _) in text.match_indices('&') {
        let entity = ["amp;", "lt;", "gt;", "quot;", "apos;"];
        assert!(
            entity.iter().any(|e| text[i + 1..].starts_with(e)),
            "bare '&' in {text}"
        );
    }
}

/// Text content of the `<text>` elements, trimmed.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, t)| t.split_once("</text>")))
        .map(|(t, _)| t.trim())
        .collect()
}

fn sample_bars() -> String {
    let rows = [
        bar("africa", Some(0.42)),
        Bar {
            label: "eu & <\"x'>".into(),
            value: None,
            highlight: true,
        },
        bar("中国大陆", Some(0.9)),
        bar("Россия", Some(1.0)),
    ];
    bars("res-1", "Share <&> \"all\"", &rows, SHARE, "suppressed")
}

fn sample_trend() -> String {
    let lines = [
        series("africa", &[Some(0.3), None, Some(0.5)]),
        series("Европа & <eu>", &[Some(0.6), Some(0.62), Some(0.7)]),
        series("亚洲", &[None, None, None]),
    ];
    trend(
        "t",
        "Trend <1>",
        &rounds(&["2023", "2024", "2025"]),
        &lines,
        SHARE,
        "suppressed",
    )
}

#[test]
fn output_is_well_formed_svg() {
    assert_well_formed(&sample_bars());
    assert_well_formed(&sample_trend());
    let counts = [
        bar("a", Some(12.0)),
        bar("b", Some(-3.25)),
        bar("c", Some(f64::NAN)),
    ];
    assert_well_formed(&bars("c", "Counts", &counts, NUMBER, "n/a"));
    assert_well_formed(&trend(
        "m",
        "Mean",
        &rounds(&["r1"]),
        &[series("x", &[Some(2.5)])],
        NUMBER,
        "–",
    ));
}

#[test]
fn empty_inputs_still_give_a_titled_chart() {
    for svg in [
        bars("e", "Nothing", &[], SHARE, "-"),
        trend("e", "Nothing", &[], &[], NUMBER, "-"),
    ] {
        assert_well_formed(&svg);
        assert!(svg.contains("<title id=\"e-title\">Nothing</title>"));
    }
}

#[test]
fn labels_and_title_are_escaped() {
    let svg = sample_bars();
    assert!(
        texts(&svg).contains(&"eu &amp; &lt;&quot;x&apos;&gt;"),
        "{:?}",
        texts(&svg)
    );
    assert!(svg.contains("<title id=\"res-1-title\">Share &lt;&amp;&gt; &quot;all&quot;</title>"));
    assert!(
        svg.contains("eu &amp; &lt;&quot;x&apos;&gt; suppressed"),
        "desc"
    );
    assert!(!svg.contains("<\"x") && !svg.contains("<&>"));
    let svg = sample_trend();
    assert!(texts(&svg).contains(&"Европа &amp; &lt;eu&gt;"));
    assert!(svg.contains("<title id=\"t-title\">Trend &lt;1&gt;</title>"));
}

#[test]
fn missing_value_writes_the_missing_word_and_draws_no_bar() {
    let one = [bar("a", Some(0.5)), bar("b", None)];
    let two = [bar("a", Some(0.5)), bar("b", Some(0.5))];
    let svg = bars("x", "t", &one, SHARE, "unterdrückt");
    assert!(texts(&svg).contains(&"unterdrückt"));
    assert!(svg.contains("a 50\u{a0}%, b unterdrückt</desc>"));
    let bar_rects = |svg: &str| svg.matches("<rect").count();
    assert_eq!(
        bar_rects(&svg) + 1,
        bar_rects(&bars("x", "t", &two, SHARE, "-"))
    );
}

#[test]
fn shares_show_whole_percentages_and_others_one_decimal() {
    assert_eq!(format_value(0.4249, SHARE), "42\u{a0}%");
    assert_eq!(format_value(0.996, SHARE), "100\u{a0}%");
    assert_eq!(format_value(-0.001, SHARE), "0\u{a0}%");
    assert_eq!(format_value(12.0, NUMBER), "12");
    assert_eq!(format_value(27.25, NUMBER), "27.3");
    assert_eq!(format_value(3.04, NUMBER), "3");
    assert_eq!(format_value(-0.04, NUMBER), "0");
    // As each language writes them (CLDR).
    assert_eq!(format_value(0.4249, Numbers::share("en")), "42%");
    assert_eq!(format_value(0.4249, Numbers::share("zh")), "42%");
    assert_eq!(format_value(27.25, Numbers::number("fr")), "27,3");
    assert_eq!(format_value(27.25, Numbers::number("ru")), "27,3");
    let texts_of = sample_bars();
    let shown = texts(&texts_of);
    for expected in [
        "42\u{a0}%",
        "90\u{a0}%",
        "100\u{a0}%",
        "0\u{a0}%",
        "20\u{a0}%",
    ] {
        assert!(shown.contains(&expected), "{expected} in {shown:?}");
    }
    let svg = bars(
        "c",
        "Means",
        &[bar("a", Some(3.25)), bar("b", Some(7.0))],
        NUMBER,
        "-",
    );
    assert!(texts(&svg).contains(&"3.3") && texts(&svg).contains(&"7"));
    assert!(!svg.contains(" %<") && !texts(&svg).iter().any(|t| t.ends_with('%')));
}

#[test]
fn chinese_and_cyrillic_labels_are_kept() {
    let shown = sample_bars();
    assert!(texts(&shown).contains(&"中国大陆") && texts(&shown).contains(&"Россия"));
    let trend = sample_trend();
    assert!(
        texts(&trend).contains(&"亚洲 (suppressed)"),
        "series with no value"
    );
}

#[test]
fn no_inline_style_script_or_outside_url() {
    for svg in [sample_bars(), sample_trend()] {
        assert!(!svg.contains(" style=") && !svg.contains("<style"));
        assert!(!svg.contains("<script") && !svg.contains("<?xml") && !svg.contains("href"));
        assert_eq!(svg.matches("http").count(), 1);
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    }
}

#[test]
fn root_is_an_accessible_scalable_image() {
    let svg = sample_bars();
    let root = &svg[..svg.find('>').expect("root tag")];
    for attr in [
        "role=\"img\"",
        "width=\"100%\"",
        "aria-labelledby=\"res-1-title\"",
    ] {
        assert!(root.contains(attr), "{attr} in {root}");
    }
    assert!(root.contains("aria-describedby=\"res-1-desc\""));
    assert!(svg.contains("<desc id=\"res-1-desc\">africa 42\u{a0}%, eu"));
    assert!(!root.contains("height="));
}

#[test]
fn height_grows_by_a_row_per_bar() {
    let view_height = |n: usize| {
        let rows = vec![bar("r", Some(0.5)); n];
        let svg = bars("h", "t", &rows, SHARE, "-");
        let view = svg.split("viewBox=\"0 0 640 ").nth(1).expect("viewBox");
        view[..view.find('"').expect("end")]
            .parse::<u32>()
            .expect("number")
    };
    assert_eq!(view_height(5) - view_height(4), ROW);
}

#[test]
fn unsafe_ids_are_made_safe() {
    let svg = bars("x\" onload=\"alert(1)", "t", &[], SHARE, "-");
    assert!(!svg.contains("onload=\""));
    assert_eq!(safe_id("1st"), "chart-1st");
    assert_eq!(safe_id("indicator_3-eu"), "indicator_3-eu");
}

#[test]
fn gaps_split_the_line_and_lone_values_are_markers_only() {
    let polylines = |points: &[Option<f64>]| {
        let names = rounds(&["a", "b", "c", "d", "e"]);
        let svg = trend("g", "t", &names, &[series("s", points)], NUMBER, "-");
        // The legend's sample line is a polyline too.
        let tags = svg
            .split("<polyline")
            .skip(1)
            .map(|p| &p[..p.find('>').unwrap_or(0)]);
        tags.filter(|tag| tag.contains("stroke=\"#1F5AA6\""))
            .count()
            - 1
    };
    assert_eq!(
        polylines(&[Some(1.0), Some(2.0), Some(3.0), Some(2.0), Some(1.0)]),
        1
    );
    assert_eq!(
        polylines(&[Some(1.0), Some(2.0), None, Some(2.0), Some(1.0)]),
        2
    );
    assert_eq!(polylines(&[Some(1.0), None, Some(3.0), None, Some(1.0)]), 0);
}

#[test]
fn lone_series_writes_its_values_and_gaps() {
    let svg = trend(
        "s",
        "t",
        &rounds(&["a", "b", "c"]),
        &[series("x", &[Some(0.25), None, Some(0.5)])],
        SHARE,
        "k. A.",
    );
    let shown = texts(&svg);
    assert!(
        shown.contains(&"25\u{a0}%") && shown.contains(&"50\u{a0}%") && shown.contains(&"k. A.")
    );
    assert!(svg.contains("<desc id=\"s-desc\">x: a 25\u{a0}%, b k. A., c 50\u{a0}%</desc>"));
    let short = series("y", &[Some(0.25)]);
    let svg = trend("s", "t", &rounds(&["a", "b"]), &[short], SHARE, "k. A.");
    assert!(
        svg.contains(">y: a 25\u{a0}%, b k. A.</desc>"),
        "missing past the end"
    );
    assert!(texts(&svg).contains(&"k. A."));
}

#[test]
fn long_labels_are_shortened_in_the_picture_only() {
    let long = "An option label far too long to fit into the label column of the chart";
    let svg = bars("l", "t", &[bar(long, Some(0.5))], SHARE, "-");
    assert!(texts(&svg)
        .iter()
        .any(|t| t.starts_with("An option") && t.ends_with('…')));
    assert!(svg.contains(&format!("<desc id=\"l-desc\">{long} 50\u{a0}%</desc>")));
}

/// WCAG relative luminance contrast against the white background.
fn contrast(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    1.05 / (l + 0.05)
}

#[test]
fn colours_meet_wcag_aa_on_white() {
    for c in [INK, MUTED, AXIS, BAR, HIGHLIGHT]
        .into_iter()
        .chain(PALETTE)
    {
        assert!(contrast(c) >= 4.5, "{c:?}: {:.2}", contrast(c));
    }
}
