//! Spreadsheets in the console (contract §9): an XLSForm uploaded on the
//! surveys page (checked by cell, saved only when it passes, a replaced
//! survey kept as a dated copy), each survey's XLSForm and translators'
//! workbook to download, a translators' workbook uploaded back, and the
//! results workbook beside the CSV and JSON downloads.

use std::collections::BTreeMap;

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use futures_util::StreamExt;

use super::frame::{console_lang_plain, guarded, record, Console, LangQuery};
use super::results::{load, not_yet, Choice, Loaded};
use super::surveys::surveys_page;
use crate::error::{AppError, AppResult};
use crate::survey::{self, Severity};
use crate::web::session::{authorize, round_found, Need, User};
use crate::web::AppState;
use crate::xlsform::{self, CellProblem};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The largest upload read: a form is a few hundred kilobytes.
const LIMIT: usize = 10 * 1024 * 1024;

/// An upload: its text fields, the file's name and bytes.
struct Upload {
    fields: BTreeMap<String, String>,
    name: String,
    bytes: Vec<u8>,
}

async fn read_upload(mut form: Multipart, lang: &str, state: &AppState) -> AppResult<Upload> {
    let unreadable = |e| AppError::invalid(format!("the upload is not readable: {e}"));
    let mut up = Upload {
        fields: BTreeMap::new(),
        name: "upload.xlsx".into(),
        bytes: Vec::new(),
    };
    while let Some(item) = form.next().await {
        let mut part = item.map_err(unreadable)?;
        let field = part
            .content_disposition()
            .and_then(|c| c.get_name())
            .unwrap_or("")
            .to_string();
        let file = part
            .content_disposition()
            .and_then(|c| c.get_filename())
            .map(str::to_string);
        let mut data = Vec::new();
        while let Some(chunk) = part.next().await {
            let chunk = chunk.map_err(unreadable)?;
            if data.len() + chunk.len() > LIMIT {
                return Err(AppError::TooLarge(state.ui.text(
                    lang,
                    "workbook-too-large",
                    None,
                )));
            }
            data.extend_from_slice(&chunk);
        }
        if field == "file" {
            up.name = file.unwrap_or(up.name);
            up.bytes = data;
        } else {
            up.fields
                .insert(field, String::from_utf8_lossy(&data).into_owned());
        }
    }
    Ok(up)
}

fn attachment(bytes: Vec<u8>, file: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(XLSX)
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{file}\""),
        ))
        .body(bytes)
}

fn failed(problems: &[CellProblem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// `POST /surveys/import`: fields `csrf`, `file`, `replace`.
pub async fn survey_import(
    Console { state, user, lang }: Console,
    form: Multipart,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let up = match read_upload(form, &lang, &state).await {
            Err(AppError::TooLarge(m)) => {
                return surveys_page(
                    &state,
                    &lang,
                    &user,
                    None,
                    vec![m],
                    StatusCode::PAYLOAD_TOO_LARGE,
                )
                .await
            }
            r => r?,
        };
        user.check_csrf(up.fields.get("csrf").map(String::as_str))?;
        let replace = up.fields.get("replace").is_some_and(|v| !v.is_empty());
        let dir = state.settings.surveys_dir.clone();
        let name = up.name.clone();
        let outcome = web::block(move || {
            let (problems, checked) = checked_upload(&up.bytes, &up.name, &dir);
            let saved = checked.map(|(id, files)| {
                xlsform::store::write(&dir, &id, &files, replace).map(|kept| (id, kept))
            });
            (problems, saved)
        })
        .await
        .map_err(|e| AppError::Connection(e.to_string()))?;
        tell_import(&state, &lang, &user, &name, outcome).await
    })
    .await
}

/// What an upload on the surveys page gives: every problem found (by
/// cell for a workbook, by file and line for a zipped survey folder), and
/// the survey's id and files when there is no error.
fn checked_upload(
    bytes: &[u8],
    name: &str,
    dir: &std::path::Path,
) -> (Vec<String>, Option<(String, survey::SurveyFiles)>) {
    if !survey::zipped::is_survey_folder(bytes) {
        let got = xlsform::import(bytes, name, None, dir);
        let lines = got.problems.iter().map(ToString::to_string).collect();
        let ok = !failed(&got.problems);
        return (lines, got.survey.filter(|_| ok).map(|(s, f)| (s.id, f)));
    }
    match survey::zipped::read(bytes, name) {
        Err(lines) => (lines, None),
        Ok(zipped) => {
            let (checked, diagnostics) = survey::load_sources(&zipped.files);
            let mut lines = zipped.warnings;
            lines.extend(diagnostics.iter().map(ToString::to_string));
            (lines, checked.map(|s| (s.id, zipped.files)))
        }
    }
}

type Outcome = (
    Vec<String>,
    Option<AppResult<(String, Option<std::path::PathBuf>)>>,
);

async fn tell_import(
    state: &AppState,
    lang: &str,
    user: &User,
    name: &str,
    (problems, saved): Outcome,
) -> AppResult<HttpResponse> {
    let mut lines = problems;
    match saved {
        Some(Ok((id, kept))) => {
            record(
                state,
                &user.email,
                "survey.import",
                &format!("{id} from {name}"),
            )
            .await?;
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("id", id);
            let mut notice = state.ui.text(lang, "workbook-survey-saved", Some(&args));
            if let Some(k) = kept {
                args.set("path", k.display().to_string());
                notice = format!(
                    "{notice} {}",
                    state.ui.text(lang, "workbook-kept", Some(&args))
                );
            }
            surveys_page(state, lang, user, Some(notice), lines, StatusCode::OK).await
        }
        Some(Err(e)) => {
            lines.insert(
                0,
                format!("{} {e}", state.ui.text(lang, "workbook-not-saved", None)),
            );
            surveys_page(state, lang, user, None, lines, StatusCode::CONFLICT).await
        }
        None => {
            lines.insert(0, state.ui.text(lang, "workbook-not-saved", None));
            surveys_page(
                state,
                lang,
                user,
                None,
                lines,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /surveys/{id}/texts`: a translators' workbook read back.
pub async fn texts_upload(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
    form: Multipart,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let id = path.into_inner();
        let up = match read_upload(form, &lang, &state).await {
            Err(AppError::TooLarge(m)) => {
                return surveys_page(
                    &state,
                    &lang,
                    &user,
                    None,
                    vec![m],
                    StatusCode::PAYLOAD_TOO_LARGE,
                )
                .await
            }
            r => r?,
        };
        user.check_csrf(up.fields.get("csrf").map(String::as_str))?;
        survey::load_by_id(&state.settings.surveys_dir, &id)?;
        let dir = state.settings.surveys_dir.clone();
        let sid = id.clone();
        let outcome = web::block(move || {
            let (files, problems) =
                xlsform::texts::read_workbook(&up.bytes, &up.name, &dir.join(&sid));
            let saved = files
                .filter(|_| !failed(&problems))
                .map(|f| xlsform::texts::write(&dir, &sid, &f).map(|kept| (sid.clone(), kept)));
            (problems.iter().map(ToString::to_string).collect(), saved)
        })
        .await
        .map_err(|e| AppError::Connection(e.to_string()))?;
        tell_import(&state, &lang, &user, &format!("texts of {id}"), outcome).await
    })
    .await
}

/// `GET /surveys/{id}/xlsform.xlsx`.
pub async fn xlsform(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let id = path.into_inner();
        let s = survey::load_by_id(&state.settings.surveys_dir, &id)?;
        Ok(attachment(
            xlsform::export::workbook(&s)?,
            &format!("{id}.xlsx"),
        ))
    })
    .await
}

/// `GET /surveys/{id}/texts.xlsx`: the translators' workbook.
pub async fn texts_download(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let id = path.into_inner();
        let s = survey::load_by_id(&state.settings.surveys_dir, &id)?;
        Ok(attachment(
            xlsform::texts::workbook(&s)?,
            &format!("{id}-texts.xlsx"),
        ))
    })
    .await
}

/// `GET /rounds/{name}/results.xlsx`: the same access path as the CSV.
pub async fn results_xlsx(
    state: web::Data<AppState>,
    user: User,
    session: Session,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    let name = path.into_inner();
    let choice = Choice::of(&user, &q, false)?;
    let region = choice.region.clone();
    let lang = q
        .lang
        .clone()
        .unwrap_or_else(|| console_lang_plain(&session));
    let lang = state.ui.pick(&[&lang]).to_string();
    let found = load(&state, name.clone(), &user, choice, false).await;
    let Loaded { round, res, .. } = round_found(&user, found)?;
    let res = res.ok_or_else(|| not_yet(&round))?;
    let subject = format!(
        "{name} region={} format=Xlsx",
        region.as_deref().unwrap_or("all")
    );
    record(&state, &user.email, "results.download", &subject).await?;
    let table = xlsform::results::table(&res, &round.survey, &state.ui, &lang)?;
    let words = xlsform::results::Words::new(&state.ui, &lang, state.settings.min_cell, &name);
    Ok(attachment(
        xlsform::results::workbook(&table, &words)?,
        &format!("results-{name}.xlsx"),
    ))
}
