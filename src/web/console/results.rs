//! Results in the consoles (contract §7): the page with its table, a chart
//! per indicator and trends across rounds, the CSV and JSON downloads, and
//! the free-text answers (secretariat only). A regional reviewer sees their
//! region and `ALL`, never another region; every view and download is in
//! the audit log.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value as Json};

use super::frame::{guarded, record, Console, LangQuery, Page};
use super::results_view::View;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Texts;
use crate::output::Format;
use crate::results::{self, Access, By, Published, Request, Viewer, ALL};
use crate::review::{self, Note};
use crate::rounds::{self, Round};
use crate::survey::QuestionKind;
use crate::web::session::{authorize, round_found, Need, User};
use crate::web::{blocking, AppState};

/// The region a request asks for, checked against the user's rights; a
/// regional reviewer without `?region` gets their own region.
pub(super) fn requested_region(user: &User, asked: Option<&str>) -> AppResult<Option<String>> {
    let asked = asked.filter(|r| !r.is_empty());
    authorize(user, Need::Results(asked))?;
    Ok(match (asked, user.is_secretariat()) {
        (Some(r), _) => Some(r.to_string()),
        (None, true) => None,
        (None, false) => user.reviewed_region(),
    })
}

/// What the results page shows: the results (and earlier rounds for the
/// trends), or, to a reviewer of an open round, that they come at close;
/// and the closed rounds it may be compared with.
pub(super) struct Loaded {
    pub round: Round,
    pub res: Option<Published>,
    pub earlier: Vec<(Round, Published)>,
    pub comparable: Vec<String>,
}

/// The choices a results page or download carries in its query: region,
/// breakdown (`by`), and the round to compare with (`compare`: a round
/// name; empty for none; absent for the previous round, on the page).
#[derive(Clone, Debug, Default)]
pub(super) struct Choice {
    pub region: Option<String>,
    pub by: By,
    pub compare: Option<String>,
}

impl Choice {
    pub(super) fn of(user: &User, q: &LangQuery, default_compare: bool) -> AppResult<Choice> {
        let by =
            q.by.as_deref()
                .filter(|b| !b.is_empty())
                .map_or(Ok(By::Region), By::parse)?;
        let compare = match q.compare.as_deref() {
            Some("") => Some(String::new()),
            Some(c) => Some(c.to_string()),
            None if default_compare => None,
            None => Some(String::new()),
        };
        Ok(Choice {
            region: requested_region(user, q.region.as_deref())?,
            by,
            compare,
        })
    }

    /// The query string that carries these choices to a download.
    fn query(&self, compared: Option<&str>) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(r) = &self.region {
            q.append_pair("region", r);
        }
        if self.by != By::Region {
            q.append_pair("by", self.by.name());
        }
        if let Some(c) = compared {
            q.append_pair("compare", c);
        }
        let q = q.finish();
        if q.is_empty() {
            q
        } else {
            format!("?{q}")
        }
    }
}

/// The round's results as `viewer` may see them, and with `trends` the
/// earlier rounds that share an indicator and that the viewer may see
/// (for a reviewer: closed, and including their region), each published
/// for the same viewer so a trend shows nothing its own round hides.
pub(super) async fn load(
    state: &AppState,
    name: String,
    user: &User,
    choice: Choice,
    trends: bool,
) -> AppResult<Loaded> {
    let min_cell = state.settings.min_cell;
    let own = user.reviewed_region();
    blocking(&state.pool, move |conn| {
        let viewer = own.as_deref().map_or(Viewer::Secretariat, Viewer::Reviewer);
        let round = rounds::find(conn, &name)?;
        let region = choice.region.as_deref();
        // Decided before the results are computed: a reviewer of an open
        // round gets none, so there is nothing to compute for them.
        if access_to(conn, &round, viewer, region)? == Access::AfterClose {
            return Ok(Loaded {
                round,
                res: None,
                earlier: Vec::new(),
                comparable: Vec::new(),
            });
        }
        let compare = match choice.compare {
            Some(c) => Some(c).filter(|c| !c.is_empty()),
            None => {
                results::previous_round(conn, &round, region.or(own.as_deref()))?.map(|r| r.name)
            }
        };
        if let Some(c) = &compare {
            let earlier = rounds::find(conn, c)?;
            if access_to(conn, &earlier, viewer, region)? == Access::AfterClose {
                return Err(AppError::Conflict(format!(
                    "round `{c}` is not closed; compare with a closed round"
                )));
            }
        }
        let req = Request {
            region,
            by: choice.by,
            detail: false,
            compare: compare.as_deref(),
        };
        let res = results::read(conn, &round, min_cell, viewer, req)?;
        let earlier = if trends {
            earlier_rounds(conn, &round, viewer, region, min_cell)?
        } else {
            Vec::new()
        };
        let comparable = closed_before(conn, &round, viewer, region)?;
        Ok(Loaded {
            round,
            res: Some(res),
            earlier,
            comparable,
        })
    })
    .await
}

/// The closed rounds of the same survey, other than `round`, that `viewer`
/// may see: what the comparison selector offers.
fn closed_before(
    conn: &mut DbConnection,
    round: &Round,
    viewer: Viewer,
    region: Option<&str>,
) -> AppResult<Vec<String>> {
    let mut names = Vec::new();
    for r in rounds::list(conn)? {
        if r.id == round.id || !r.closed || r.survey.id != round.survey.id {
            continue;
        }
        match access_to(conn, &r, viewer, region) {
            Ok(Access::Results) => names.push(r.name),
            Ok(Access::AfterClose) | Err(AppError::Forbidden(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(names)
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
pub(super) fn not_yet(round: &Round) -> AppError {
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
    let choice = Choice::of(&user, &q, false)?;
    let subject = format!(
        "{name} region={} by={} compare={} format={format:?}",
        choice.region.as_deref().unwrap_or("all"),
        choice.by.name(),
        choice
            .compare
            .as_deref()
            .filter(|c| !c.is_empty())
            .unwrap_or("none"),
    );
    let found = load(&state, name.clone(), &user, choice, false).await;
    let Loaded { round, res, .. } = round_found(&user, found)?;
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

pub async fn page(
    Console { state, user, lang }: Console,
    req: HttpRequest,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        let name = path.into_inner();
        let choice = Choice::of(&user, &q, true)?;
        let found = load(&state, name.clone(), &user, choice.clone(), true).await;
        let Loaded { round, res, earlier, comparable } = round_found(&user, found)?;
        let Some(res) = res else {
            let data = json!({ "heading": state.ui.text(&lang, "round-results", None), "body": state.ui.text(&lang, "round-results-after-close", None) });
            return Page::new(&state, &lang, Some(&user), "round-results").render(&state, "console_message", StatusCode::OK, data);
        };
        let region = choice.region.as_deref();
        record(&state, &user.email, "results.view", &format!("{name} region={} by={}", region.unwrap_or("all"), choice.by.name())).await?;
        let notes = region_notes(&state, &round, choice.region.clone()).await?;
        let texts = Texts::survey(&round.survey)?;
        let view = View {
            notes: &notes,
            note_form: note_form(&user, &round, region),
            survey_lang: texts.pick(&[&lang]).to_string(),
            texts: &texts,
            state: &state,
            lang: &lang,
            missing: state.ui.text(&lang, "results-suppressed", None),
            focus: region.unwrap_or(ALL).to_string(),
            round: &round,
            res: &res,
            earlier: &earlier,
        };
        let indicators: Vec<_> = round.survey.indicators.iter().map(|ind| view.indicator(ind)).collect();
        let query = choice.query(Some(res.compared_with.as_deref().unwrap_or_default()));
        let mut page = Page::new(&state, &lang, Some(&user), "round-results").keeping_query(&req);
        page.title = format!("{} · {name}", page.title);
        let report = region.filter(|r| round.closed && *r != ALL).map(|r| format!("/rounds/{name}/report?region={r}"));
        let data = json!({
            "round": name, "open": !round.closed, "report": report, "min": res.min_cell,
            "choices": region_choices(&state, &lang, &user, &res, region),
            "by": by_choices(&state, &lang, choice.by), "breakdown": choice.by != By::Region,
            "by_label": state.ui.text(&lang, &format!("col-{}", choice.by.name()), None),
            "compare": compare_choices(&state, &lang, &comparable, res.compared_with.as_deref()),
            "compared": res.compared_with, "indicators": indicators, "register": register(&state, &lang, &res),
            "csv": format!("/rounds/{name}/results.csv{query}"), "json": format!("/rounds/{name}/results.json{query}"),
            "xlsx": format!("/rounds/{name}/results.xlsx{query}"),
        });
        page.render(&state, "console_results", StatusCode::OK, data)
    })
    .await
}

/// The breakdowns the page offers.
fn by_choices(state: &AppState, lang: &str, by: By) -> Vec<Json> {
    [By::Region, By::Country, By::Type]
        .iter()
        .map(|b| {
            let label = state
                .ui
                .text(lang, &format!("results-by-{}", b.name()), None);
            json!({ "value": b.name(), "label": label, "selected": *b == by })
        })
        .collect()
}

/// The rounds the page may compare with, and none.
fn compare_choices(
    state: &AppState,
    lang: &str,
    names: &[String],
    current: Option<&str>,
) -> Vec<Json> {
    let none = state.ui.text(lang, "results-compare-none", None);
    std::iter::once(json!({ "value": "", "label": none, "selected": current.is_none() }))
        .chain(
            names.iter().map(
                |n| json!({ "value": n, "label": n, "selected": current == Some(n.as_str()) }),
            ),
        )
        .collect()
}

/// The register's figures per region shown: members targeted, and new.
fn register(state: &AppState, lang: &str, res: &Published) -> Vec<Json> {
    let n = |x: u64| crate::locale::integer(lang, x.into());
    res.regions
        .iter()
        .filter_map(|r| {
            let g = r.register?;
            Some(json!({ "region": state.region_name(lang, &r.region), "targeted": n(g.targeted), "new": n(g.new) }))
        })
        .collect()
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
            choices.push(choice(&r.region, &state.region_name(lang, &r.region)));
        }
    } else if let Some(own) = &user.region {
        choices.push(choice(own, &state.region_name(lang, own)));
    }
    choices.push(choice(ALL, &state.region_name(lang, ALL)));
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
