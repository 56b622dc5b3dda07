//! The regional report (contract §7): `GET /rounds/<name>/report?region=R`,
//! one region's results of a closed round on a page ready to print on A4
//! (`static/print.css`), in the reader's language: every indicator with
//! the region's value beside `ALL` and the previous round's, a chart, the
//! general note on suppressed cells, the reviewers' notes and the
//! sign-off. Every figure goes through `RoundResults::publish` for the
//! reader, the previous round's too, so the report shows nothing the
//! results page would hide from them.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use serde_json::json;

use super::frame::{guarded, record, Console, LangQuery, Page};
use super::report_view::{self, Report};
use super::shown;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Texts;
use crate::results::{self, Published, Viewer, ALL};
use crate::review::{self, Note, SignOff};
use crate::rounds::{self, Round};
use crate::web::session::{authorize, round_found, Need, User};
use crate::web::{blocking, AppState};

/// What a report is made of, read in one go.
pub struct Loaded {
    pub round: Round,
    pub region: String,
    /// `None` while the round is open: there is no report yet.
    pub results: Option<Published>,
    pub previous: Option<(Round, Published)>,
    pub notes: Vec<Note>,
    pub signoff: Option<SignOff>,
}

/// The region a report is of: the asked one (a reviewer only their own,
/// 403 otherwise), or a reviewer's own region when none is asked.
fn report_region(user: &User, asked: Option<&str>) -> AppResult<String> {
    let asked = asked.filter(|r| !r.is_empty());
    authorize(user, Need::Results(asked))?;
    match asked.map(String::from).or_else(|| user.reviewed_region()) {
        Some(r) if r != ALL => Ok(r),
        _ => Err(AppError::NotFound(
            "a report is of one region: add ?region= with the region's id".into(),
        )),
    }
}

/// The day a round opened: `--opens`, else the day it was created.
fn opened(r: &Round) -> NaiveDate {
    r.opens.unwrap_or_else(|| r.created_at.date())
}

/// The previous round (contract §8): the latest closed round of the same
/// survey that opened before `round` and includes `region`, published for
/// the same viewer.
fn previous(
    conn: &mut DbConnection,
    round: &Round,
    viewer: Viewer,
    region: &str,
    min_cell: u32,
) -> AppResult<Option<(Round, Published)>> {
    let mut earlier: Vec<Round> = rounds::list(conn)?
        .into_iter()
        .filter(|r| r.closed && r.survey.id == round.survey.id && opened(r) < opened(round))
        .collect();
    earlier.sort_by_key(|r| (opened(r), r.id));
    while let Some(r) = earlier.pop() {
        if !rounds::includes_region(conn, &r, region)? {
            continue;
        }
        let published = results::for_round(conn, &r, min_cell)?.publish(viewer, Some(region))?;
        return Ok(Some((r, published)));
    }
    Ok(None)
}

fn load(
    conn: &mut DbConnection,
    name: &str,
    own: Option<&str>,
    region: String,
    min_cell: u32,
) -> AppResult<Loaded> {
    let viewer = own.map_or(Viewer::Secretariat, Viewer::Reviewer);
    let round = rounds::find(conn, name)?;
    let includes = rounds::includes_region(conn, &round, &region)?;
    // A reviewer is refused a round without their region (403); only
    // the secretariat gets this far with a region the round lacks.
    results::access(viewer, name, round.closed, includes, Some(&region))?;
    if !includes {
        return Err(AppError::NotFound(format!(
            "round `{name}` has no region `{region}`"
        )));
    }
    let mut loaded = Loaded {
        results: None,
        previous: None,
        notes: Vec::new(),
        signoff: None,
        region,
        round,
    };
    if !loaded.round.closed {
        return Ok(loaded);
    }
    let (round, region) = (&loaded.round, loaded.region.as_str());
    loaded.results =
        Some(results::for_round(conn, round, min_cell)?.publish(viewer, Some(region))?);
    loaded.previous = previous(conn, round, viewer, region, min_cell)?;
    loaded.notes = review::notes(conn, round, Some(region))?;
    loaded.signoff = review::signoffs(conn, round)?
        .into_iter()
        .find(|s| s.region == region);
    Ok(loaded)
}

pub async fn page(
    Console { state, user, lang }: Console,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        let name = path.into_inner();
        let region = report_region(&user, q.region.as_deref())?;
        let (own, min_cell, n) = (
            user.reviewed_region(),
            state.settings.min_cell,
            name.clone(),
        );
        let found = blocking(&state.pool, move |conn| {
            load(conn, &n, own.as_deref(), region, min_cell)
        })
        .await;
        let loaded = round_found(&user, found)?;
        let Some(res) = &loaded.results else {
            return not_closed(&state, &lang, &user, &loaded.round);
        };
        record(
            &state,
            &user.email,
            "report.view",
            &format!("{name} region={}", loaded.region),
        )
        .await?;
        let texts = Texts::survey(&loaded.round.survey)?;
        let report = Report {
            state: &state,
            lang: &lang,
            survey_lang: texts.pick(&[&lang]).to_string(),
            texts: &texts,
            missing: state.ui.text(&lang, "results-suppressed", None),
            loaded: &loaded,
            res,
        };
        let mut page = Page::new(&state, &lang, Some(&user), "report-title").keeping_query(&req);
        let region_name = shown::region_name(&state, &lang, &loaded.region);
        page.title = format!("{} · {name} · {region_name}", page.title);
        let data = report_view::data(&state, &report, Utc::now().date_naive());
        page.render(&state, "console_report", StatusCode::OK, data)
    })
    .await
}

/// An open round has no report yet (409, for everyone: its figures still
/// change).
fn not_closed(state: &AppState, lang: &str, user: &User, round: &Round) -> AppResult<HttpResponse> {
    let data = json!({ "heading": state.ui.text(lang, "report-title", None), "body": state.ui.text(lang, "report-after-close", None) });
    let mut page = Page::new(state, lang, Some(user), "report-title");
    page.title = format!("{} · {}", page.title, round.name);
    page.render(state, "console_message", StatusCode::CONFLICT, data)
}
