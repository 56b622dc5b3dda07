//! The respondent's pages (contract §5): `GET /r/<token>` shows the form
//! and never changes anything (mail scanners fetch links); `POST` saves
//! the draft, moves between pages, and submits (`save`). No session or
//! cookie: the token in the path is the capability. What the link opens
//! is in `load`, the form as data in `form`, its HTML in `pages`, and
//! every refusal is the member's page from `error_page`.

mod blank;
pub(super) mod form;
mod live;
mod load;
mod message;
mod models;
mod pages;
mod save;

pub use self::blank::BlankPages;

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::fields::Fields;
use super::reply::{html, see_other};
use super::{blocking, error_page, AppState};
use crate::error::{AppError, AppResult};
use crate::rounds::Phase;

use self::load::{load, Loaded};
use self::message::{member_page, After, MemberFrame};
pub(crate) use self::pages::preview;
use self::pages::{form_page, review_page, Mode};

/// The respondent's routes: no session layer, the token is the key.
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/r/{token}", web::get().to(show))
        .route("/r/{token}", web::post().to(post))
        .route("/r/{token}/done", web::get().to(done))
        .route("/r/{token}/stop", web::get().to(stop_form))
        .route("/r/{token}/stop", web::post().to(stop));
}

#[derive(Deserialize, Default)]
pub struct Query {
    lang: Option<String>,
    page: Option<String>,
    saved: Option<String>,
}

/// What `token` opens; a link that opens nothing is `NotFound`.
async fn open(state: &web::Data<AppState>, req: &HttpRequest, token: &str) -> AppResult<Loaded> {
    load(state, req, token)
        .await?
        .ok_or_else(|| AppError::NotFound("no invitation has this link".into()))
}

/// `e` as the member's page (`error_page::page`), in the frame of their
/// link when there is one and in the language asked for.
fn refused(
    state: &AppState,
    link: Option<&Loaded>,
    asked: Option<&str>,
    e: AppError,
) -> AppResult<HttpResponse> {
    error_page::page(state, &MemberFrame { link, asked }, e)
}

/// Whether the link's round takes answers now: not before it opens
/// (`NotYetOpen`), not once it is closed or past its closing date.
fn taking_answers(l: &Loaded) -> AppResult<()> {
    match l.phase(Utc::now().date_naive()) {
        Phase::Scheduled(date) => Err(AppError::NotYetOpen(date)),
        _ => not_closed(l),
    }
}

/// A closed round's links (or one past its closing date) change nothing
/// any more: `Gone`.
fn not_closed(l: &Loaded) -> AppResult<()> {
    match l.phase(Utc::now().date_naive()) {
        Phase::Closed | Phase::PastClosing => {
            Err(AppError::Gone("the round of this link is closed".into()))
        }
        Phase::Open | Phase::Scheduled(_) => Ok(()),
    }
}

/// The section a `page` parameter names: the first unless it is a number,
/// the last beyond it.
fn section_index(l: &Loaded, page: Option<&str>) -> usize {
    page.and_then(|p| p.parse().ok())
        .unwrap_or(0)
        .min(l.frozen.survey.sections.len().saturating_sub(1))
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let asked = query.lang.as_deref();
    let l = match open(&state, &req, &token).await {
        Ok(l) => l,
        Err(e) => return refused(&state, None, asked, e),
    };
    show_page(&state, &l, &query).or_else(|e| refused(&state, Some(&l), asked, e))
}

fn show_page(state: &AppState, l: &Loaded, query: &Query) -> AppResult<HttpResponse> {
    taking_answers(l)?;
    let (lang, ui_lang) = l.languages(query.lang.as_deref());
    let body = match query.page.as_deref() {
        Some("review") => review_page(state, l, &lang, &ui_lang)?,
        page => {
            let index = section_index(l, page);
            let saved = query.saved.is_some();
            if blank::applies(l) {
                blank::page(state, l, &lang, &ui_lang, index, saved)?
            } else {
                let mode = Mode::Page { index, saved };
                form_page(state, l, &lang, &ui_lang, mode, &l.draft, &BTreeMap::new())?
            }
        }
    };
    Ok(html(StatusCode::OK, body))
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
        // Framed by the link when it opens one; refused all the same.
        let l = load(&state, &req, &token).await?;
        let large = format!("the form is larger than {} bytes", super::MAX_BODY);
        return refused(&state, l.as_ref(), None, AppError::TooLarge(large));
    };
    let fields = Fields::parse(&body);
    let asked = fields.get("lang");
    let l = match open(&state, &req, &token).await {
        Ok(l) => l,
        Err(e) => return refused(&state, None, asked, e),
    };
    let saved = match taking_answers(&l) {
        Ok(()) => save::save_and_move(&state, &l, &fields).await,
        Err(e) => Err(e),
    };
    saved.or_else(|e| refused(&state, Some(&l), asked, e))
}

pub async fn done(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let asked = query.lang.as_deref();
    let l = match open(&state, &req, &token).await {
        Ok(l) => l,
        Err(e) => return refused(&state, None, asked, e),
    };
    if l.row.submitted_at.is_none() {
        // Nothing was received: no thanks for it, the form instead.
        let (lang, _) = l.languages(asked);
        return Ok(see_other(&format!("{}?lang={lang}", l.path())));
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
    let l = match open(&state, &req, &token).await {
        Ok(l) => l,
        Err(e) => return refused(&state, None, asked, e),
    };
    if let Err(e) = not_closed(&l) {
        return refused(&state, Some(&l), asked, e);
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
    let fields = Fields::parse(&body);
    let asked = fields.get("lang");
    let l = match open(&state, &req, &token).await {
        Ok(l) => l,
        Err(e) => return refused(&state, None, asked, e),
    };
    if let Err(e) = not_closed(&l) {
        return refused(&state, Some(&l), asked, e);
    }
    let id = l.row.id.clone();
    blocking(&state.pool, move |conn| {
        crate::invitations::opt_out(conn, &id, Utc::now().naive_utc())
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
