//! The respondent's pages (contract §5): `GET /r/<token>` shows the form
//! and never changes anything (mail scanners fetch links); `POST` saves
//! the draft, moves between pages, and submits. No session or cookie: the
//! token in the path is the capability.

mod blank;
pub(super) mod form;
mod load;
mod pages;

pub use self::blank::BlankPages;

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use diesel::prelude::*;
use serde::Deserialize;

use super::{blocking, AppState};
use crate::answers::{self, Problem, Raw};
use crate::db::schema::invitations;
use crate::error::{AppError, AppResult};
use crate::survey::Survey;

use self::load::{load, Loaded};
pub(crate) use self::pages::preview;
use self::pages::{
    closed_or_waiting, form_page, gone, html, member_page, message, not_found, review_page,
    see_other, After, Mode,
};

#[derive(Deserialize, Default)]
pub struct Query {
    lang: Option<String>,
    page: Option<String>,
    saved: Option<String>,
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let asked = query.lang.as_deref();
    let shown = show_page(&state, &req, &token, &query).await;
    or_error_page(&state, asked, shown)
}

/// A failure on the server's side (the database away: 503) as a page in
/// the member's language, keeping the status; the cause goes to the log.
fn or_error_page(
    state: &AppState,
    asked: Option<&str>,
    outcome: AppResult<HttpResponse>,
) -> AppResult<HttpResponse> {
    match outcome {
        Err(e) if e.status_code() >= 500 => {
            tracing::error!("request failed: {e}");
            let status = actix_web::ResponseError::status_code(&e);
            message(
                state,
                None,
                asked,
                status,
                ("error-title", &["error-body"]),
                None,
            )
        }
        other => other,
    }
}

async fn show_page(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    token: &str,
    query: &Query,
) -> AppResult<HttpResponse> {
    let asked = query.lang.as_deref();
    let Some(l) = load(state, req, token).await? else {
        return not_found(state, asked);
    };
    if let Some(r) = closed_or_waiting(state, &l, asked)? {
        return Ok(r);
    }
    let (lang, ui_lang) = l.languages(asked);
    let body = match query.page.as_deref() {
        Some("review") => review_page(state, &l, &lang, &ui_lang)?,
        page => {
            let index = page
                .and_then(|p| p.parse().ok())
                .unwrap_or(0)
                .min(l.frozen.survey.sections.len().saturating_sub(1));
            let saved = query.saved.is_some();
            if blank::applies(&l) {
                return Ok(html(
                    StatusCode::OK,
                    blank::page(state, &l, &lang, &ui_lang, index, saved)?,
                ));
            }
            form_page(
                state,
                &l,
                &lang,
                &ui_lang,
                Mode::Page { index, saved },
                &l.draft,
                &BTreeMap::new(),
            )?
        }
    };
    Ok(html(StatusCode::OK, body))
}

/// A form body: every field, repeated ones kept in order.
fn parse_body(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The body of a post, or `None` when it is larger than `MAX_BODY`.
async fn read_body(mut payload: web::Payload) -> AppResult<Option<web::BytesMut>> {
    use futures_util::StreamExt;
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk
            .map_err(|e| AppError::invalid(format!("the request body is not readable: {e}")))?;
        if body.len() + chunk.len() > super::MAX_BODY {
            return Ok(None);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Some(body))
}

pub async fn post(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let Some(body) = read_body(payload).await? else {
        let l = load(&state, &req, &token).await?;
        return message(
            &state,
            l.as_ref(),
            None,
            StatusCode::PAYLOAD_TOO_LARGE,
            ("too-large-title", &["too-large-body"]),
            None,
        );
    };
    let fields = parse_body(&body);
    let asked = field(&fields, "lang");
    let saved = save_and_move(&state, &req, &token, &fields).await;
    or_error_page(&state, asked, saved)
}

/// Saves the fields a post carries and moves on: to another page, the
/// review, or the submission. A post with more text than a question
/// allows is refused whole, whatever its action.
async fn save_and_move(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    token: &str,
    fields: &[(String, String)],
) -> AppResult<HttpResponse> {
    let asked = field(fields, "lang");
    let Some(l) = load(state, req, token).await? else {
        return not_found(state, asked);
    };
    if let Some(r) = closed_or_waiting(state, &l, asked)? {
        return Ok(r);
    }
    let updates = posted_answers(&l.frozen.survey, fields);
    let draft = laid_over(&l.draft, &updates);
    let changed: Vec<String> = updates.keys().cloned().collect();
    let (lang, ui_lang) = l.languages(asked);
    let too_long = answers::oversized(&l.frozen.survey, &updates);
    if !too_long.is_empty() {
        return refuse_oversized(state, &l, (&lang, &ui_lang), fields, &draft, too_long);
    }
    if field(fields, "action") == Some("submit") {
        // A good submission replaces the draft itself; only one with
        // problems needs the draft saved first.
        return submit(state, &l, &lang, &ui_lang, draft, changed).await;
    }
    store_draft(state, &l, draft.clone(), changed).await?;
    Ok(moved(&l, fields, &lang, &draft))
}

/// The questions a post carries: a field, or the page's `_q` marker, so
/// that unticking every box of a multi question clears it.
fn posted_answers(survey: &Survey, fields: &[(String, String)]) -> Raw {
    let mut updates = Raw::new();
    for (k, v) in fields {
        if k == "_q" && survey.question(v).is_some() {
            updates.entry(v.clone()).or_default();
        } else if survey.question(k).is_some() {
            updates.entry(k.clone()).or_default().push(v.clone());
        }
    }
    updates
}

/// `draft` with the posted answers in place of the saved ones, kept as
/// `answers::kept` counts them; a question posted blank is cleared.
fn laid_over(draft: &Raw, updates: &Raw) -> Raw {
    let mut draft = draft.clone();
    for (q, values) in updates {
        let kept: Vec<String> = answers::kept(values)
            .into_iter()
            .map(String::from)
            .collect();
        if kept.is_empty() {
            draft.remove(q);
        } else {
            draft.insert(q.clone(), kept);
        }
    }
    draft
}

/// A post with more text than a question allows: 422, the form again with
/// the message beside each such question (and, for a submit, the other
/// problems too). Nothing of the post is stored; the saved draft stays.
fn refuse_oversized(
    state: &AppState,
    l: &Loaded,
    (lang, ui_lang): (&str, &str),
    fields: &[(String, String)],
    draft: &Raw,
    too_long: Vec<(String, Problem)>,
) -> AppResult<HttpResponse> {
    let submitting = field(fields, "action") == Some("submit");
    let mut errors: BTreeMap<String, Problem> = BTreeMap::new();
    if submitting {
        if let Err(problems) = answers::validate(&l.frozen.survey, draft) {
            errors.extend(problems);
        }
    }
    errors.extend(too_long);
    let page = field(fields, "page").and_then(|p| p.parse().ok());
    let mode = match page {
        Some(index) if !submitting && index < l.frozen.survey.sections.len() => Mode::Page {
            index,
            saved: false,
        },
        _ => Mode::All,
    };
    let body = form_page(state, l, lang, ui_lang, mode, draft, &errors)?;
    Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body))
}

/// Where a stored post goes next: the page its action asks for.
fn moved(l: &Loaded, fields: &[(String, String)], lang: &str, draft: &Raw) -> HttpResponse {
    let survey = &l.frozen.survey;
    let page: usize = field(fields, "page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(0)
        .min(survey.sections.len().saturating_sub(1));
    let on_review = field(fields, "page") == Some("review");
    let at = |p: String| see_other(format!("{}?lang={lang}&page={p}", l.path()));
    match field(fields, "action").unwrap_or("save") {
        "next" => {
            at(form::next_page(survey, page, draft).map_or("review".into(), |p| p.to_string()))
        }
        "back" if on_review => at(form::previous_page(survey, survey.sections.len(), draft)
            .unwrap_or(0)
            .to_string()),
        "back" => at(form::previous_page(survey, page, draft)
            .unwrap_or(0)
            .to_string()),
        "review" => at("review".into()),
        _ if on_review => see_other(format!("{}?lang={lang}&page=review", l.path())),
        _ => see_other(format!("{}?lang={lang}&page={page}&saved=1", l.path())),
    }
}

async fn submit(
    state: &web::Data<AppState>,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
    draft: Raw,
    changed: Vec<String>,
) -> AppResult<HttpResponse> {
    match answers::validate(&l.frozen.survey, &draft) {
        Err(problems) => {
            store_draft(state, l, draft.clone(), changed).await?;
            let errors: BTreeMap<String, Problem> = problems.into_iter().collect();
            let body = form_page(state, l, lang, ui_lang, Mode::All, &draft, &errors)?;
            Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body))
        }
        Ok(valid) => {
            let frozen = l.frozen.clone();
            let id = l.row.id.clone();
            blocking(&state.pool, move |conn| {
                answers::store_submission(conn, &frozen.survey, &id, &valid, Utc::now().naive_utc())
            })
            .await?;
            Ok(see_other(format!("{}/done?lang={lang}", l.path())))
        }
    }
}

async fn store_draft(
    state: &web::Data<AppState>,
    l: &Loaded,
    draft: Raw,
    changed: Vec<String>,
) -> AppResult<()> {
    let id = l.row.id.clone();
    blocking(&state.pool, move |conn| {
        crate::db::transaction(conn, |conn| {
            answers::save_draft(conn, &id, &changed, &draft, Utc::now().naive_utc())
        })
    })
    .await
}

pub async fn done(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let asked = query.lang.as_deref();
    let Some(l) = load(&state, &req, &token).await? else {
        return not_found(&state, asked);
    };
    if l.row.submitted_at.is_none() {
        // Nothing was received: no thanks for it, the form instead.
        let (lang, _) = l.languages(asked);
        return Ok(see_other(format!("{}?lang={lang}", l.path())));
    }
    member_page(
        &state,
        &l,
        asked,
        "done-title",
        &["done-body", "done-revise"],
        After::Link {
            query: "&page=review",
            label: "done-back",
        },
    )
}

pub async fn stop_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let asked = query.lang.as_deref();
    let Some(l) = load(&state, &req, &token).await? else {
        return not_found(&state, asked);
    };
    if let Some(r) = gone(&state, &l, asked)? {
        return Ok(r);
    }
    member_page(
        &state,
        &l,
        asked,
        "stop-title",
        &["stop-body"],
        After::Button {
            suffix: "/stop",
            label: "stop-confirm",
        },
    )
}

/// One-click opt-out from reminders (RFC 8058 posts here too).
pub async fn stop(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let fields = parse_body(&body);
    let asked = field(&fields, "lang");
    let Some(l) = load(&state, &req, &token).await? else {
        return not_found(&state, asked);
    };
    if let Some(r) = gone(&state, &l, asked)? {
        return Ok(r);
    }
    let id = l.row.id.clone();
    blocking(&state.pool, move |conn| {
        diesel::update(
            invitations::table
                .find(&id)
                .filter(invitations::opted_out_at.is_null()),
        )
        .set(invitations::opted_out_at.eq(Utc::now().naive_utc()))
        .execute(conn)?;
        Ok(())
    })
    .await?;
    member_page(
        &state,
        &l,
        asked,
        "stop-title",
        &["stop-done"],
        After::Link {
            query: "",
            label: "back-to-form",
        },
    )
}
