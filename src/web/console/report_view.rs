//! What the regional report shows (`report`): for every indicator its
//! title and framework code, a row per value (one per option for a
//! distribution) with the region's value, `ALL`'s and the previous round's,
//! a chart, and the region's note; around them the sign-off and the
//! general note on suppressed cells (never which rule hid which cell).

use chrono::NaiveDate;
use fluent_bundle::FluentArgs;
use serde_json::{json, Value as Json};

use super::report::Loaded;
use super::shown;
use crate::charts::{self, Bar};
use crate::i18n::Texts;
use crate::results::{PublicRow, Published, ALL};
use crate::survey::{Indicator, Measure};
use crate::web::AppState;

/// The report being drawn, in the reader's language.
pub struct Report<'a> {
    pub state: &'a AppState,
    pub lang: &'a str,
    pub survey_lang: String,
    pub texts: &'a Texts,
    /// What a suppressed value shows.
    pub missing: String,
    pub loaded: &'a Loaded,
    pub res: &'a Published,
}

/// The template's data for the whole report, produced on `today`.
pub fn data(state: &AppState, r: &Report, today: NaiveDate) -> Json {
    let l = r.loaded;
    let name = &l.round.name;
    let region_name = shown::region_name(r.state, r.lang, &l.region);
    let signoff = l.signoff.as_ref().map(|s| {
        let mut args = FluentArgs::new();
        args.set("user", s.signed_by.clone());
        args.set("date", shown::long_date(r.lang, s.signed_at.date()));
        state.ui.text(r.lang, "report-signed-off", Some(&args))
    });
    let mut args = FluentArgs::new();
    args.set("date", shown::long_date(r.lang, today));
    let indicators: Vec<Json> = l
        .round
        .survey
        .indicators
        .iter()
        .map(|i| r.indicator(i))
        .collect();
    json!({
        "round": name,
        "region": l.region,
        "region_name": region_name,
        "survey": r.texts.text(&r.survey_lang, "survey-title", None),
        "produced": state.ui.text(r.lang, "report-produced", Some(&args)),
        "signoff": signoff,
        "previous": l.previous.as_ref().map(|(p, _)| p.name.clone()),
        "min": r.res.min_cell,
        "hidden": r.res.rows.iter().any(|row| row.suppressed),
        "notes": !l.notes.is_empty(),
        "results": format!("/rounds/{name}/results?region={}", l.region),
        "indicators": indicators,
    })
}

impl Report<'_> {
    fn text(&self, id: &str) -> String {
        self.texts.text(&self.survey_lang, id, None)
    }

    /// One indicator's section of the report.
    fn indicator(&self, ind: &Indicator) -> Json {
        let l = self.loaded;
        let distribution = matches!(ind.measure, Measure::Distribution);
        let share = matches!(
            ind.measure,
            Measure::Share(_) | Measure::Distribution | Measure::Index(_)
        );
        let title = self.text(&format!("indicator-{}", ind.id));
        let own: Vec<&PublicRow> = self.rows(self.res, &ind.id, &l.region);
        // The previous round counts only with the same definition frozen.
        let before = l
            .previous
            .as_ref()
            .filter(|(p, _)| p.survey.indicators.iter().any(|j| j == ind))
            .map(|(_, p)| p);
        let rows: Vec<Json> = own
            .iter()
            .map(|row| {
                let all = self.find(Some(self.res), &ind.id, ALL, &row.option);
                let prev = self.find(before, &ind.id, &l.region, &row.option);
                json!({
                    "label": self.option_label(ind, &row.option),
                    "value": self.value(Some(row), share),
                    "all": self.value(all, share),
                    "previous": self.value(prev, share),
                })
            })
            .collect();
        let chart = charts::bars(
            &format!("c-{}", ind.id),
            &title,
            &self.bars(ind, &own),
            charts::Numbers {
                share,
                lang: self.lang,
            },
            &self.missing,
        );
        let note = l.notes.iter().find(|n| n.indicator == ind.id).map(|n| {
            json!({ "text": n.text, "author": n.author, "date": shown::long_date(self.lang, n.updated_at.date()) })
        });
        json!({
            "id": ind.id, "title": title, "framework": ind.framework, "distribution": distribution,
            "rows": rows, "chart": chart, "note": note,
        })
    }

    /// The rows of indicator `id` for `region`.
    fn rows<'p>(&self, p: &'p Published, id: &str, region: &str) -> Vec<&'p PublicRow> {
        p.rows
            .iter()
            .filter(|r| r.indicator == id && r.region == region)
            .collect()
    }

    fn find<'p>(
        &self,
        p: Option<&'p Published>,
        id: &str,
        region: &str,
        option: &Option<String>,
    ) -> Option<&'p PublicRow> {
        p?.rows
            .iter()
            .find(|r| r.indicator == id && r.region == region && &r.option == option)
    }

    /// A cell as the reader reads it: the missing word when suppressed, a
    /// dash when there is no value (or no such cell).
    fn value(&self, row: Option<&PublicRow>, share: bool) -> String {
        match row {
            Some(r) if r.suppressed => self.missing.clone(),
            Some(PublicRow { value: Some(x), .. }) if share => shown::percent(self.lang, *x),
            Some(PublicRow { value: Some(x), .. }) => shown::number(self.lang, *x),
            _ => "–".into(),
        }
    }

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

    /// A distribution's options in the region; else the region and `ALL`.
    fn bars(&self, ind: &Indicator, own: &[&PublicRow]) -> Vec<Bar> {
        let shown_value = |r: &PublicRow| r.value.filter(|_| !r.suppressed);
        if matches!(ind.measure, Measure::Distribution) {
            return own
                .iter()
                .map(|r| Bar {
                    label: self.option_label(ind, &r.option),
                    value: shown_value(r),
                    highlight: false,
                })
                .collect();
        }
        let l = self.loaded;
        let all = self.find(Some(self.res), &ind.id, ALL, &None);
        vec![
            Bar {
                label: shown::region_name(self.state, self.lang, &l.region),
                value: own.first().and_then(|r| shown_value(r)),
                highlight: false,
            },
            Bar {
                label: shown::region_name(self.state, self.lang, ALL),
                value: all.and_then(shown_value),
                highlight: true,
            },
        ]
    }
}
