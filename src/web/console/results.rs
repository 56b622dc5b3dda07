//! Results in the consoles (contract §7): the page with its table, a chart
//! per indicator and trends across rounds, the CSV and JSON downloads, and
//! the free-text answers (secretariat only). A regional reviewer sees their
//! region and `ALL`, never another region; every view and download is in
//! the audit log.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value as Json};

use super::frame::{guarded, record, Console, LangQuery, Page};
use crate::charts::{self, Bar, Series};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Texts;
use crate::output::Format;
use crate::results::{self, Access, PublicRow, Published, Viewer, ALL};
use crate::review::{self, Note};
use crate::rounds::{self, Round};
use crate::survey::{Indicator, Measure, QuestionKind};
use crate::web::session::{authorize, round_found, Need, User};
use crate::web::{blocking, AppState};

/// The region a request asks for, checked against the user's rights; a
/// regional reviewer without `?region` gets their own region.
fn requested_region(user: &User, asked: Option<&str>) -> AppResult<Option<String>> {
    let asked = asked.filter(|r| !r.is_empty());
    authorize(user, Need::Results(asked))?;
    Ok(match (asked, user.is_secretariat()) {
        (Some(r), _) => Some(r.to_string()),
        (None, true) => None,
        (None, false) => user.reviewed_region(),
    })
}

/// What the results page shows: the results (and earlier rounds for the
/// trends), or, to a reviewer of an open round, that they come at close.
type Loaded = (Round, Option<Published>, Vec<(Round, Published)>);

/// The round's results as `viewer` may see them, and with `trends` the
/// earlier rounds that share an indicator and that the viewer may see
/// (for a reviewer: closed, and including their region), each published
/// for the same viewer so a trend shows nothing its own round hides.
async fn load(
    state: &AppState,
    name: String,
    user: &User,
    region: Option<String>,
    trends: bool,
) -> AppResult<Loaded> {
    let min_cell = state.settings.min_cell;
    let own = user.reviewed_region();
    blocking(&state.pool, move |conn| {
        let viewer = own.as_deref().map_or(Viewer::Secretariat, Viewer::Reviewer);
        let round = rounds::find(conn, &name)?;
        // Decided before the results are computed: a reviewer of an open
        // round gets none, so there is nothing to compute for them.
        if access_to(conn, &round, viewer, region.as_deref())? == Access::AfterClose {
            return Ok((round, None, Vec::new()));
        }
        let res = results::for_round(conn, &round, min_cell)?.publish(viewer, region.as_deref())?;
        let earlier = if trends {
            earlier_rounds(conn, &round, viewer, region.as_deref(), min_cell)?
        } else {
            Vec::new()
        };
        Ok((round, Some(res), earlier))
    })
    .await
}

/// The rounds before `round` that share an indicator with it, each
/// published for `viewer` and `region` as `round` is.
fn earlier_rounds(
    conn: &mut DbConnection,
    round: &Round,
    viewer: Viewer,
    region: Option<&str>,
    min_cell: u32,
) -> AppResult<Vec<(Round, Published)>> {
    let mut earlier = Vec::new();
    for r in rounds::list(conn)?.into_iter().filter(|r| r.id < round.id) {
        let shares = r
            .survey
            .indicators
            .iter()
            .any(|i| round.survey.indicators.iter().any(|j| j.id == i.id));
        if !shares {
            continue;
        }
        // A round this viewer may not see has no place in their trends.
        match access_to(conn, &r, viewer, region) {
            Ok(Access::Results) => {}
            Ok(Access::AfterClose) | Err(AppError::Forbidden(_)) => continue,
            Err(e) => return Err(e),
        }
        // Narrowed to a region this round did not have, it has no point.
        if let Ok(past) = results::for_round(conn, &r, min_cell)?.publish(viewer, region) {
            earlier.push((r, past));
        }
    }
    Ok(earlier)
}

/// What `viewer` may see of `round` (`results::access`), read from the
/// round and, for a reviewer, whether it includes their region.
fn access_to(
    conn: &mut DbConnection,
    round: &Round,
    viewer: Viewer,
    region: Option<&str>,
) -> AppResult<Access> {
    let includes = match viewer {
        Viewer::Reviewer(own) => rounds::includes_region(conn, round, own)?,
        Viewer::Secretariat => true,
    };
    results::access(viewer, &round.name, round.closed, includes, region)
}

/// A reviewer asking for an open round's results.
fn not_yet(round: &Round) -> AppError {
    AppError::Forbidden(format!(
        "the results of round `{}` are shown to regional reviewers once it closes",
        round.name
    ))
}

async fn download(
    state: web::Data<AppState>,
    user: User,
    name: String,
    q: LangQuery,
    format: Format,
) -> AppResult<HttpResponse> {
    let region = requested_region(&user, q.region.as_deref())?;
    let subject = format!(
        "{name} region={} format={format:?}",
        region.as_deref().unwrap_or("all")
    );
    let found = load(&state, name.clone(), &user, region.clone(), false).await;
    let (round, res, _) = round_found(&user, found)?;
    let res = res.ok_or_else(|| not_yet(&round))?;
    record(&state, &user.email, "results.download", &subject).await?;
    let (body, content_type, ext) = match format {
        Format::Json => (res.render(Format::Json)?, "application/json", "json"),
        _ => (res.render(Format::Csv)?, "text/csv; charset=utf-8", "csv"),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"results-{name}.{ext}\""),
        ))
        .body(body))
}

pub async fn csv(
    state: web::Data<AppState>,
    user: User,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    download(state, user, path.into_inner(), q.into_inner(), Format::Csv).await
}

pub async fn json_download(
    state: web::Data<AppState>,
    user: User,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    download(state, user, path.into_inner(), q.into_inner(), Format::Json).await
}

fn value_text(v: Option<f64>, share: bool, suppressed: bool, missing: &str) -> String {
    match v {
        _ if suppressed => missing.to_string(),
        None => "–".into(),
        Some(x) if share => format!("{:.1} %", 100.0 * x),
        Some(x) => results::round4(x),
    }
}

pub async fn page(
    Console { state, user, lang }: Console,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        let name = path.into_inner();
        let region = requested_region(&user, q.region.as_deref())?;
        let found = load(&state, name.clone(), &user, region.clone(), true).await;
        let (round, res, earlier) = round_found(&user, found)?;
        let Some(res) = res else {
            let data = json!({ "heading": state.ui.text(&lang, "round-results", None), "body": state.ui.text(&lang, "round-results-after-close", None) });
            return Page::new(&state, &lang, Some(&user), "round-results").render(&state, "console_message", StatusCode::OK, data);
        };
        record(&state, &user.email, "results.view", &format!("{name} region={}", region.as_deref().unwrap_or("all"))).await?;
        let notes = region_notes(&state, &round, region.clone()).await?;
        let texts = Texts::survey(&round.survey)?;
        let view = View {
            notes: &notes,
            note_form: note_form(&user, &round, region.as_deref()),
            survey_lang: texts.pick(&[&lang]).to_string(),
            texts: &texts,
            missing: state.ui.text(&lang, "results-suppressed", None),
            focus: region.clone().unwrap_or_else(|| ALL.to_string()),
            round: &round,
            res: &res,
            earlier: &earlier,
        };
        let indicators: Vec<_> = round.survey.indicators.iter().map(|ind| view.indicator(ind)).collect();
        let choices = region_choices(&state, &lang, &user, &res, region.as_deref());
        let suffix = region.as_ref().map(|r| format!("?region={r}")).unwrap_or_default();
        let mut page = Page::new(&state, &lang, Some(&user), "round-results").keeping_query(&req);
        page.title = format!("{} · {name}", page.title);
        let report = region.as_ref().filter(|r| round.closed && *r != ALL).map(|r| format!("/rounds/{name}/report?region={r}"));
        let data = json!({
            "round": name, "open": !round.closed, "report": report, "min": res.min_cell, "choices": choices, "indicators": indicators,
            "csv": format!("/rounds/{name}/results.csv{suffix}"), "json": format!("/rounds/{name}/results.json{suffix}"),
        });
        page.render(&state, "console_results", StatusCode::OK, data)
    })
    .await
}

/// The regions the page offers: every region to the secretariat, the
/// reviewer's own, and `ALL`.
fn region_choices(
    state: &AppState,
    lang: &str,
    user: &User,
    res: &Published,
    region: Option<&str>,
) -> Vec<Json> {
    let choice = |value: &str, label: &str| json!({ "value": value, "label": label, "selected": region == Some(value) });
    let mut choices = Vec::new();
    if user.is_secretariat() {
        choices.push(json!({ "value": "", "label": state.ui.text(lang, "results-all-regions", None), "selected": region.is_none() }));
        for r in &res.regions {
            choices.push(choice(&r.region, &r.region));
        }
    } else if let Some(own) = &user.region {
        choices.push(choice(own, own));
    }
    choices.push(choice(ALL, ALL));
    choices
}

/// The reviewers' notes the page shows: of the region asked for, or of
/// every region when none is.
async fn region_notes(
    state: &AppState,
    round: &Round,
    region: Option<String>,
) -> AppResult<Vec<Note>> {
    let round = round.clone();
    blocking(&state.pool, move |conn| {
        review::notes(conn, &round, region.as_deref())
    })
    .await
}

/// The region whose notes the page lets `user` write: the one shown, to
/// the secretariat or to its reviewer once the round is closed (`review`).
fn note_form(user: &User, round: &Round, region: Option<&str>) -> Option<String> {
    let region = region.filter(|r| *r != ALL)?;
    let own = user.reviewed_region();
    let may = match own {
        None => true,
        Some(own) => own == region && round.closed,
    };
    may.then(|| region.to_string())
}

/// What every chart and table of one results page shares.
struct View<'a> {
    /// The reviewers' notes shown, and the region a note form writes for.
    notes: &'a [Note],
    note_form: Option<String>,
    texts: &'a Texts,
    survey_lang: String,
    /// What a suppressed value shows.
    missing: String,
    /// The region asked for, else `ALL`.
    focus: String,
    round: &'a Round,
    res: &'a Published,
    earlier: &'a [(Round, Published)],
}

impl View<'_> {
    /// One indicator: its chart, its trend, its table.
    fn indicator(&self, ind: &Indicator) -> Json {
        let share = matches!(ind.measure, Measure::Share(_) | Measure::Distribution);
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
        let chart = charts::bars(&chart_id, &title, &bars, share, &self.missing);
        let trend = (!distribution)
            .then(|| self.trend_chart(&ind.id, &title, share))
            .flatten();
        let table: Vec<_> = rows
            .iter()
            .map(|r| json!({ "option": self.option_label(ind, &r.option), "region": r.region, "value": value_text(r.value, share, r.suppressed, &self.missing), "respondents": r.respondents.map(|n| n.to_string()).unwrap_or_default() }))
            .collect();
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
        json!({ "id": ind.id, "title": title, "chart": chart, "trend": trend, "distribution": distribution, "rows": table, "notes": notes, "form": form })
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

    /// The chart's bars: a distribution's options in the focus region,
    /// else one bar per region with `ALL` highlighted.
    fn bars(&self, ind: &Indicator, rows: &[&PublicRow], distribution: bool) -> Vec<Bar> {
        let shown = |r: &PublicRow| r.value.filter(|_| !r.suppressed);
        if distribution {
            rows.iter()
                .filter(|r| r.region == self.focus)
                .map(|r| Bar {
                    label: self.option_label(ind, &r.option),
                    value: shown(r),
                    highlight: false,
                })
                .collect()
        } else {
            rows.iter()
                .map(|r| Bar {
                    label: r.region.clone(),
                    value: shown(r),
                    highlight: r.region == ALL,
                })
                .collect()
        }
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
                .find(|r| r.indicator == id && r.region == region && r.option.is_none())
                .and_then(|r| r.value.filter(|_| !r.suppressed))
        };
        let mut regions = vec![ALL.to_string()];
        if self.focus != ALL {
            regions.insert(0, self.focus.clone());
        }
        let series: Vec<Series> = regions
            .iter()
            .map(|reg| Series {
                label: reg.clone(),
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
            share,
            &self.missing,
        ))
    }
}

/// Free-text answers per question, without names, in a fixed order that
/// does not follow the members (sorted by text).
pub async fn free_text(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let name = path.into_inner();
        let n = name.clone();
        let (round, texts) = blocking(&state.pool, move |conn| {
            let round = rounds::find(conn, &n)?;
            let rows = crate::answers::free_texts(conn, &round)?;
            Ok((round, rows))
        })
        .await?;
        record(&state, &user.email, "results.free_text", &name).await?;
        let survey_texts = Texts::survey(&round.survey)?;
        let survey_lang = survey_texts.pick(&[&lang]).to_string();
        let questions: Vec<_> = round
            .survey
            .questions()
            .filter(|q| matches!(q.kind, QuestionKind::Text { .. }))
            .map(|q| {
                let mut list: Vec<&str> = texts.iter().filter(|(id, _)| *id == q.id).map(|(_, t)| t.as_str()).collect();
                list.sort_unstable();
                json!({ "label": survey_texts.text(&survey_lang, &format!("q-{}", q.id), None), "answers": list })
            })
            .collect();
        let mut page = Page::new(&state, &lang, Some(&user), "free-text-title");
        page.title = format!("{} · {name}", page.title);
        page.render(&state, "console_texts", StatusCode::OK, json!({ "round": name, "questions": questions }))
    })
    .await
}
