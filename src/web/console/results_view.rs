//! How one results page shows a published table (contract §7 and §8):
//! per indicator its framework code, what its denominator is, a chart, a
//! trend across rounds, and the table of the chosen breakdown with the
//! compared round's values and the change. Everything shown comes from
//! [`Published`] tables, so nothing here can show what publishing hid.

use serde_json::{json, Value as Json};

use crate::charts::{self, Bar, Numbers, Series};
use crate::i18n::Texts;
use crate::results::{self, By, IndicatorInfo, PublicRow, Published, ALL};
use crate::rounds::Round;
use crate::survey::{Indicator, Measure};
use crate::web::AppState;

/// A table cell's value as the reader's language writes it: shares as
/// percentages with one decimal, other values with at most two.
pub(super) fn value_text(
    lang: &str,
    v: Option<f64>,
    share: bool,
    suppressed: bool,
    missing: &str,
) -> String {
    match v {
        _ if suppressed => missing.to_string(),
        None => "–".into(),
        Some(x) if share => crate::locale::percent(lang, x, 1),
        Some(x) => crate::locale::decimal(lang, x, 2),
    }
}

/// A change as the reader's language writes it, signed: percentage points
/// for shares.
fn change_text(lang: &str, v: Option<f64>, share: bool) -> String {
    let Some(x) = v else {
        return String::new();
    };
    let sign = if x > 0.0 {
        "+"
    } else if x < 0.0 {
        "−"
    } else {
        ""
    };
    let size = if share {
        crate::locale::decimal(lang, 100.0 * x.abs(), 1)
    } else {
        crate::locale::decimal(lang, x.abs(), 2)
    };
    format!("{sign}{size}")
}

/// What every chart and table of one results page shares.
pub(super) struct View<'a> {
    /// The reviewers' notes shown, and the region a note form writes for.
    pub notes: &'a [crate::review::Note],
    pub note_form: Option<String>,
    pub texts: &'a Texts,
    pub state: &'a AppState,
    /// The interface language: names, numbers.
    pub lang: &'a str,
    pub survey_lang: String,
    /// What a suppressed value shows.
    pub missing: String,
    /// The region asked for, else `ALL`.
    pub focus: String,
    pub round: &'a Round,
    pub res: &'a Published,
    pub earlier: &'a [(Round, Published)],
}

impl View<'_> {
    /// One indicator: its chart, its trend, its table.
    pub fn indicator(&self, ind: &Indicator) -> Json {
        let share = results::is_share(ind);
        let distribution = matches!(ind.measure, Measure::Distribution);
        let title = self.text(&format!("indicator-{}", ind.id));
        let rows: Vec<&PublicRow> = self
            .res
            .rows
            .iter()
            .filter(|r| r.indicator == ind.id)
            .collect();
        let bars = self.bars(ind, &rows, distribution);
        let chart_id = format!("c-{}", ind.id);
        let chart = charts::bars(&chart_id, &title, &bars, self.numbers(share), &self.missing);
        let trend = (!distribution)
            .then(|| self.trend_chart(&ind.id, &title, share))
            .flatten();
        let table: Vec<_> = rows.iter().map(|r| self.row(ind, r, share)).collect();
        let notes: Vec<_> = self
            .notes
            .iter()
            .filter(|n| n.indicator == ind.id)
            .collect();
        let form = self.note_form.as_ref().map(|r| {
            let text = notes
                .iter()
                .find(|n| &n.region == r)
                .map(|n| n.text.clone());
            json!({ "region": r, "text": text })
        });
        json!({
            "notes": notes, "form": form,
            "id": ind.id, "title": title, "framework": ind.framework,
            "denominator": self.denominator_text(ind),
            "chart": chart, "trend": trend, "distribution": distribution, "rows": table,
        })
    }

    fn row(&self, ind: &Indicator, r: &PublicRow, share: bool) -> Json {
        let lang = self.lang;
        json!({
            "option": self.option_label(ind, &r.option),
            "region": self.state.region_name(lang, &r.region),
            "region_id": r.region,
            "part": self.part_name(r),
            "value": value_text(lang, r.value, share, r.suppressed, &self.missing),
            "respondents": r.respondents.map(|n| crate::locale::integer(lang, n.into())).unwrap_or_default(),
            "previous": r.previous.flatten().map(|p| value_text(lang, Some(p), share, false, "")).unwrap_or_default(),
            "change": change_text(lang, r.change.flatten(), share),
        })
    }

    /// A breakdown cell's name: its country or member type, in the
    /// reader's language.
    fn part_name(&self, r: &PublicRow) -> String {
        match (&r.country, &r.member_type) {
            (Some(c), _) => self.state.country_name(self.lang, c),
            (None, Some(t)) => self.state.type_name(self.lang, t),
            (None, None) => String::new(),
        }
    }

    /// How the charts write values, in the interface language.
    fn numbers(&self, share: bool) -> Numbers<'_> {
        Numbers {
            share,
            lang: self.lang,
        }
    }

    /// What the indicator divides by, said in the reader's language:
    /// "Denominator: members who answered (excluding: Not sure)".
    fn denominator_text(&self, ind: &Indicator) -> String {
        let info = IndicatorInfo::of(ind, &self.round.survey);
        let mut parts =
            vec![self.ui_text(&format!("results-denominator-{}", info.denominator_rule))];
        let question = ind.question.as_deref().unwrap_or_default();
        let excluded: Vec<String> = info
            .excluded
            .iter()
            .map(|o| self.text(&format!("q-{question}-{o}")))
            .collect();
        if !excluded.is_empty() {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("options", excluded.join(", "));
            parts.push(
                self.state
                    .ui
                    .text(self.lang, "results-excluding", Some(&args)),
            );
        }
        if ind.population.is_some() {
            parts.push(self.ui_text("results-where"));
        }
        if ind.unit == crate::survey::Unit::Country {
            parts.push(self.ui_text("results-unit-country"));
        }
        parts.join(" · ")
    }

    fn ui_text(&self, id: &str) -> String {
        self.state.ui.text(self.lang, id, None)
    }

    /// A survey text in the page's survey language.
    fn text(&self, id: &str) -> String {
        self.texts.text(&self.survey_lang, id, None)
    }

    /// The label of a distribution row's option ("" for other rows).
    fn option_label(&self, ind: &Indicator, option: &Option<String>) -> String {
        option
            .as_ref()
            .map(|o| {
                self.text(&format!(
                    "q-{}-{o}",
                    ind.question.as_deref().unwrap_or_default()
                ))
            })
            .unwrap_or_default()
    }

    /// The chart's bars: a distribution's options in the focus region;
    /// with a breakdown, the countries or types of the focus region (the
    /// regions' totals when it has none shown); else one bar per region
    /// with `ALL` highlighted.
    fn bars(&self, ind: &Indicator, rows: &[&PublicRow], distribution: bool) -> Vec<Bar> {
        let shown = |r: &PublicRow| r.value.filter(|_| !r.suppressed);
        if distribution {
            return rows
                .iter()
                .filter(|r| r.region == self.focus && r.part().is_none())
                .map(|r| Bar {
                    label: self.option_label(ind, &r.option),
                    value: shown(r),
                    highlight: false,
                })
                .collect();
        }
        let parts: Vec<&&PublicRow> = rows
            .iter()
            .filter(|r| r.region == self.focus && r.part().is_some())
            .collect();
        if self.res.by != By::Region && !parts.is_empty() {
            return parts
                .iter()
                .map(|r| Bar {
                    label: self.part_name(r),
                    value: shown(r),
                    highlight: false,
                })
                .collect();
        }
        rows.iter()
            .filter(|r| r.part().is_none())
            .map(|r| Bar {
                label: self.state.region_name(self.lang, &r.region),
                value: shown(r),
                highlight: r.region == ALL,
            })
            .collect()
    }

    /// ALL, and the focus region when there is one, across the rounds that
    /// have indicator `id`; `None` when no earlier round has it.
    fn trend_chart(&self, id: &str, title: &str, share: bool) -> Option<String> {
        let past: Vec<&(Round, Published)> = self
            .earlier
            .iter()
            .filter(|(r, _)| r.survey.indicators.iter().any(|i| i.id == id))
            .collect();
        if past.is_empty() {
            return None;
        }
        let all: Vec<(&str, &Published)> = past
            .iter()
            .map(|(r, p)| (r.name.as_str(), p))
            .chain(std::iter::once((self.round.name.as_str(), self.res)))
            .collect();
        let value = |p: &Published, region: &str| {
            p.rows
                .iter()
                .find(|r| {
                    r.indicator == id
                        && r.region == region
                        && r.option.is_none()
                        && r.part().is_none()
                })
                .and_then(|r| r.value.filter(|_| !r.suppressed))
        };
        let mut regions = vec![ALL.to_string()];
        if self.focus != ALL {
            regions.insert(0, self.focus.clone());
        }
        let series: Vec<Series> = regions
            .iter()
            .map(|reg| Series {
                label: self.state.region_name(self.lang, reg),
                points: all.iter().map(|(_, p)| value(p, reg)).collect(),
            })
            .collect();
        let names: Vec<String> = all.iter().map(|(n, _)| (*n).to_string()).collect();
        let chart_id = format!("t-{id}");
        Some(charts::trend(
            &chart_id,
            title,
            &names,
            &series,
            self.numbers(share),
            &self.missing,
        ))
    }
}
