//! Surveys in the console (the secretariat's): every survey folder with
//! its check result and the completeness of each language, and a preview
//! of the respondent form as it is in the files.

use std::sync::Arc;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value as Json};

use super::frame::{console_lang_plain, guarded, Console, LangQuery, Page};
use crate::error::{AppError, AppResult};
use crate::survey::{self, Diagnostic, Severity, Survey};
use crate::web::reply::html;
use crate::web::session::{authorize, Need, User};
use crate::web::{respond, AppState, FrozenSurvey};

/// Survey folders that pass their check, for the create form.
pub(super) fn usable_surveys(state: &AppState) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(&state.settings.surveys_dir) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().join("survey.toml").is_file())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|id| survey::is_id(id))
        .collect();
    ids.sort();
    ids
}

pub async fn surveys(Console { state, user, lang }: Console) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        surveys_page(&state, &lang, &user, None, Vec::new(), StatusCode::OK).await
    })
    .await
}

/// The surveys page, with what an upload said above the list.
pub(super) async fn surveys_page(
    state: &AppState,
    lang: &str,
    user: &User,
    notice: Option<String>,
    problems: Vec<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let dir = state.settings.surveys_dir.clone();
    let ids = usable_surveys(state);
    let (list, names) = web::block(move || {
        let list = ids
            .into_iter()
            .map(|id| (id.clone(), survey::load(&dir.join(&id))))
            .collect::<Vec<_>>();
        let names_dir = dir.join(survey::network::DIR);
        let names = names_dir
            .is_dir()
            .then(|| survey::network::load(&names_dir).1);
        (list, names)
    })
    .await
    .map_err(|e| AppError::Connection(e.to_string()))?;
    let surveys: Vec<_> = list
        .into_iter()
        .map(|(id, (s, diags))| survey_row(state, lang, &id, s.as_ref(), &diags))
        .collect();
    let mut page = Page::new(state, lang, Some(user), "surveys-title");
    page.notice = notice;
    page.problems = problems;
    page.render(
        state,
        "console_surveys",
        status,
        json!({ "surveys": surveys, "names": names.map(|d| checked(state, lang, &d)) }),
    )
}

/// What a check found, as the page says it: a summary and every line.
fn checked(state: &AppState, lang: &str, diags: &[Diagnostic]) -> Json {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("errors", errors);
    args.set("warnings", diags.len() - errors);
    let check = if diags.is_empty() {
        state.ui.text(lang, "survey-ok", None)
    } else {
        state.ui.text(lang, "survey-problems", Some(&args))
    };
    json!({ "check": check, "diagnostics": diags.iter().map(ToString::to_string).collect::<Vec<_>>() })
}

/// One survey's line: its check, its languages and how complete each is.
fn survey_row(
    state: &AppState,
    lang: &str,
    id: &str,
    s: Option<&Survey>,
    diags: &[Diagnostic],
) -> Json {
    let check = checked(state, lang, diags)["check"].clone();
    let languages: Vec<_> = s
        .map(|s| s.languages().iter().map(|l| json!({ "code": l, "complete": crate::locale::percent(lang, survey::texts::completeness(s, l), 0) })).collect())
        .unwrap_or_default();
    json!({ "id": id, "check": check, "diagnostics": diags.iter().map(ToString::to_string).collect::<Vec<_>>(), "languages": languages, "questions": s.map_or(0, |s| s.questions().count()) })
}

pub async fn preview(
    state: web::Data<AppState>,
    session: Session,
    user: User,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    let lang = console_lang_plain(&session);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let id = path.into_inner();
        let survey = survey::load_by_id(&state.settings.surveys_dir, &id)?;
        let frozen = Arc::new(FrozenSurvey::new(survey)?);
        let base = format!("/surveys/{id}/preview");
        let body = respond::preview(&state, frozen, q.lang.as_deref(), base)?;
        Ok(html(StatusCode::OK, body))
    })
    .await
}
