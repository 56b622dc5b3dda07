//! The respondent's pages (contract §5): `GET /r/<token>` shows the form
//! and never changes anything (mail scanners fetch links); `POST` saves
//! the draft, moves between pages, and submits. No session or cookie: the
//! token in the path is the capability.

use std::collections::BTreeMap;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use fluent_bundle::FluentArgs;
use serde::Deserialize;

use super::form::{self, Ctx};
use super::view::{
    Button, ErrorLink, FormPage, Frame, LangLink, Link, MessagePage, ReviewItem, ReviewPage,
    ReviewSection, SectionView,
};
use super::{blocking, AppState, FrozenSurvey};
use crate::answers::{self, Problem, Raw};
use crate::db::schema::{drafts, invitations, rounds};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::rounds::Phase;

#[derive(Deserialize, Default)]
pub struct Query {
    lang: Option<String>,
    page: Option<String>,
    saved: Option<String>,
}

#[derive(Queryable)]
struct Row {
    id: String,
    language: String,
    submitted_at: Option<NaiveDateTime>,
    round_id: i32,
    content_hash: String,
    opens: Option<NaiveDate>,
    closes: Option<NaiveDate>,
    closed: bool,
}

/// One respondent's invitation, its round's survey and its draft.
struct Loaded {
    /// `/r/<token>`, or the preview's own path.
    base: String,
    row: Row,
    frozen: Arc<FrozenSurvey>,
    draft: Raw,
}

impl Loaded {
    fn phase(&self, today: NaiveDate) -> Phase {
        Phase::of(self.row.closed, self.row.opens, self.row.closes, today)
    }

    /// The survey language and the interface language for this request.
    fn languages(&self, asked: Option<&str>) -> (String, String) {
        let mut wanted: Vec<&str> = asked.into_iter().collect();
        wanted.push(&self.row.language);
        let lang = self.frozen.texts.pick(&wanted).to_string();
        let ui = i18n::negotiate(&[&lang], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT).to_string();
        (lang, ui)
    }

    fn path(&self) -> String {
        self.base.clone()
    }
}

/// Finds what a token opens; `None` for a forged or unknown token.
async fn load(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    token: &str,
) -> AppResult<Option<Loaded>> {
    let address = req
        .peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default();
    if !state.throttle.link_allowed(&address) {
        return Err(AppError::TooMany(
            "too many unknown links from this address; try again later".into(),
        ));
    }
    let Some(id) = state.secret.verify_link(token) else {
        state.throttle.link_failed(&address);
        return Ok(None);
    };
    let st = state.clone();
    let token = token.to_string();
    blocking(&state.pool, move |conn| {
        let row: Option<Row> = invitations::table
            .inner_join(rounds::table)
            .filter(invitations::id.eq(&id))
            .select((
                invitations::id,
                invitations::language,
                invitations::submitted_at,
                rounds::id,
                rounds::content_hash,
                rounds::opens,
                rounds::closes,
                rounds::closed,
            ))
            .first(conn)
            .optional()?;
        let Some(row) = row else { return Ok(None) };
        let frozen = frozen_survey(&st, conn, row.round_id, &row.content_hash)?;
        let draft = read_draft(conn, &row.id)?;
        Ok(Some(Loaded {
            base: format!("/r/{token}"),
            row,
            frozen,
            draft,
        }))
    })
    .await
}

fn frozen_survey(
    state: &AppState,
    conn: &mut DbConnection,
    round_id: i32,
    hash: &str,
) -> AppResult<Arc<FrozenSurvey>> {
    let key = (round_id, hash.to_string());
    if let Some(f) = state.surveys.read().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(f);
    }
    let round = crate::rounds::find_by_id(conn, round_id)?;
    let frozen = Arc::new(FrozenSurvey {
        texts: i18n::Texts::survey(&round.survey)?,
        survey: round.survey,
    });
    if let Ok(mut m) = state.surveys.write() {
        m.insert(key, frozen.clone());
    }
    Ok(frozen)
}

fn read_draft(conn: &mut DbConnection, invitation: &str) -> AppResult<Raw> {
    let rows: Vec<(String, String)> = drafts::table
        .filter(drafts::invitation_id.eq(invitation))
        .select((drafts::question, drafts::raw))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(q, raw)| (q, serde_json::from_str(&raw).unwrap_or_default()))
        .collect())
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

fn see_other(location: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", location))
        .finish()
}

fn frame(
    state: &AppState,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
    heading: &str,
    page: &str,
) -> Frame {
    let survey_title = l.frozen.texts.text(lang, "survey-title", None);
    let languages = l
        .frozen
        .survey
        .languages()
        .into_iter()
        .map(|code| {
            let ui = i18n::negotiate(&[code], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT);
            let name = if ui == code || code.starts_with(&format!("{ui}-")) {
                state.ui.text(ui, "lang-name", None)
            } else {
                code.to_string()
            };
            LangLink {
                code: code.to_string(),
                name,
                href: format!("{}?lang={code}{page}", l.path()),
                current: code == lang,
            }
        })
        .collect();
    Frame {
        lang: lang.into(),
        ui_lang: ui_lang.into(),
        dir: i18n::direction(lang),
        title: format!("{heading} – {survey_title}"),
        survey_title,
        languages,
    }
}

/// A page with a heading and some text, in the interface language.
fn message(
    state: &AppState,
    l: Option<&Loaded>,
    asked: Option<&str>,
    status: StatusCode,
    ids: (&str, &[&str]),
    args: Option<&FluentArgs>,
) -> AppResult<HttpResponse> {
    let (lang, ui_lang) = match l {
        Some(l) => l.languages(asked),
        None => {
            let ui = i18n::negotiate(
                &asked.into_iter().collect::<Vec<_>>(),
                &i18n::UI_LANGUAGES,
                i18n::UI_DEFAULT,
            )
            .to_string();
            (ui.clone(), ui)
        }
    };
    let heading = state.ui.text(&ui_lang, ids.0, args);
    let frame = match l {
        Some(l) => frame(state, l, &lang, &ui_lang, &heading, ""),
        None => Frame {
            lang: lang.clone(),
            ui_lang: ui_lang.clone(),
            dir: i18n::direction(&lang),
            title: heading.clone(),
            survey_title: String::new(),
            languages: Vec::new(),
        },
    };
    let page = MessagePage {
        frame,
        heading,
        paragraphs: ids
            .1
            .iter()
            .map(|id| state.ui.text(&ui_lang, id, args))
            .collect(),
        button: None,
        link: None,
    };
    Ok(html(status, state.pages.render("message", &page)?))
}

fn not_found(state: &AppState, asked: Option<&str>) -> AppResult<HttpResponse> {
    message(
        state,
        None,
        asked,
        StatusCode::NOT_FOUND,
        ("not-found-title", &["not-found-body"]),
        None,
    )
}

/// The answer for a round that takes no answers now, if so.
fn closed_or_waiting(
    state: &AppState,
    l: &Loaded,
    asked: Option<&str>,
) -> AppResult<Option<HttpResponse>> {
    match l.phase(Utc::now().date_naive()) {
        Phase::Open => Ok(None),
        Phase::Closed | Phase::PastClosing => message(
            state,
            Some(l),
            asked,
            StatusCode::GONE,
            ("closed-title", &["closed-body"]),
            None,
        )
        .map(Some),
        Phase::Scheduled(d) => {
            let mut args = FluentArgs::new();
            args.set("date", d.to_string());
            message(
                state,
                Some(l),
                asked,
                StatusCode::FORBIDDEN,
                ("not-open-title", &["not-open-body"]),
                Some(&args),
            )
            .map(Some)
        }
    }
}

pub async fn show(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
    query: web::Query<Query>,
) -> AppResult<HttpResponse> {
    let asked = query.lang.as_deref();
    let Some(l) = load(&state, &req, &token).await? else {
        return not_found(&state, asked);
    };
    if let Some(r) = closed_or_waiting(&state, &l, asked)? {
        return Ok(r);
    }
    let (lang, ui_lang) = l.languages(asked);
    let body = match query.page.as_deref() {
        Some("review") => review_page(&state, &l, &lang, &ui_lang)?,
        page => {
            let index = page
                .and_then(|p| p.parse().ok())
                .unwrap_or(0)
                .min(l.frozen.survey.sections.len().saturating_sub(1));
            let saved = query.saved.is_some();
            form_page(
                &state,
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

enum Mode {
    Page {
        index: usize,
        saved: bool,
    },
    /// Every shown question on one page, after a submit with problems.
    All,
    /// Every question, nothing to submit (the secretariat's preview).
    Preview,
}

fn submitted_notice(state: &AppState, l: &Loaded, ui_lang: &str) -> Option<String> {
    l.row.submitted_at.map(|t| {
        let mut args = FluentArgs::new();
        args.set("date", t.date().to_string());
        state.ui.text(ui_lang, "submitted-notice", Some(&args))
    })
}

fn form_page(
    state: &AppState,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
    mode: Mode,
    draft: &Raw,
    errors: &BTreeMap<String, Problem>,
) -> AppResult<String> {
    let survey = &l.frozen.survey;
    let ctx = Ctx {
        survey,
        texts: &l.frozen.texts,
        lang,
        ui: &state.ui,
        ui_lang,
        draft,
        errors,
    };
    // `page` holds the ids of every question on the page: a condition is
    // left to the page's script only when its target is among them;
    // otherwise the server has decided already.
    let section = |i: usize, questions: Vec<&crate::survey::Question>, page: &[&str]| SectionView {
        id: survey.sections[i].id.clone(),
        title: l
            .frozen
            .texts
            .text(lang, &format!("section-{}", survey.sections[i].id), None),
        questions: questions
            .into_iter()
            .map(|q| {
                ctx.question(
                    q,
                    q.show_if
                        .as_ref()
                        .is_some_and(|c| page.contains(&c.question.as_str())),
                )
            })
            .collect(),
    };
    let preview = matches!(mode, Mode::Preview);
    let (sections, index, saved, all) = match mode {
        Mode::Page { index, saved } => {
            let ids: Vec<&str> = survey.sections[index]
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .collect();
            (
                vec![section(
                    index,
                    form::page_questions(survey, index, draft),
                    &ids,
                )],
                index,
                saved,
                false,
            )
        }
        Mode::All => {
            // What is shown, and what the answers on this page may show.
            let visible = survey.visible(&form::lenient(survey, draft));
            let on_page = |q: &crate::survey::Question| {
                visible.contains(&q.id.as_str())
                    || q.show_if
                        .as_ref()
                        .is_some_and(|c| visible.contains(&c.question.as_str()))
            };
            let sections = (0..survey.sections.len())
                .map(|i| {
                    section(
                        i,
                        survey.sections[i]
                            .questions
                            .iter()
                            .filter(|q| on_page(q))
                            .collect(),
                        &visible,
                    )
                })
                .filter(|s| !s.questions.is_empty())
                .collect();
            (sections, 0, false, true)
        }
        Mode::Preview => {
            let ids: Vec<&str> = survey.questions().map(|q| q.id.as_str()).collect();
            let sections = (0..survey.sections.len())
                .map(|i| section(i, survey.sections[i].questions.iter().collect(), &ids))
                .collect();
            (sections, 0, false, true)
        }
    };

    let mut args = FluentArgs::new();
    args.set("count", errors.len());
    args.set("page", index + 1);
    args.set("pages", survey.sections.len());
    let heading = sections
        .first()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    // In the order of the form, not of the ids.
    let errors: Vec<ErrorLink> = survey
        .questions()
        .filter_map(|q| errors.get(&q.id).map(|p| (&q.id, p)))
        .map(|(q, p)| ErrorLink {
            href: format!("#q-{q}"),
            label: l.frozen.texts.text(lang, &format!("q-{q}"), None),
            message: ctx.problem(p),
        })
        .collect();
    let page = FormPage {
        frame: frame(
            state,
            l,
            lang,
            ui_lang,
            &heading,
            &if all {
                String::new()
            } else {
                format!("&page={index}")
            },
        ),
        action: l.path(),
        page: index,
        intro: (index == 0 && !all)
            .then(|| l.frozen.texts.get(lang, "survey-intro", None))
            .flatten(),
        step: (!all).then(|| state.ui.text(ui_lang, "step-of", Some(&args))),
        sections,
        errors_title: state.ui.text(ui_lang, "errors-title", Some(&args)),
        errors,
        saved,
        saved_until: l.row.closes.filter(|_| saved).map(|d| {
            let mut a = FluentArgs::new();
            a.set("date", d.to_string());
            state.ui.text(ui_lang, "saved-until", Some(&a))
        }),
        submitted_on: submitted_notice(state, l, ui_lang),
        has_back: form::previous_page(survey, index, draft).is_some(),
        has_next: form::next_page(survey, index, draft).is_some(),
        all,
        preview,
    };
    state.pages.render("form", &page)
}

fn review_page(state: &AppState, l: &Loaded, lang: &str, ui_lang: &str) -> AppResult<String> {
    let survey = &l.frozen.survey;
    let errors = BTreeMap::new();
    let ctx = Ctx {
        survey,
        texts: &l.frozen.texts,
        lang,
        ui: &state.ui,
        ui_lang,
        draft: &l.draft,
        errors: &errors,
    };
    let visible = survey.visible(&form::lenient(survey, &l.draft));
    let sections = survey
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| ReviewSection {
            title: l
                .frozen
                .texts
                .text(lang, &format!("section-{}", s.id), None),
            items: s
                .questions
                .iter()
                .filter(|q| visible.contains(&q.id.as_str()))
                .map(|q| ReviewItem {
                    label: l.frozen.texts.text(lang, &format!("q-{}", q.id), None),
                    answer: ctx.answer_text(q),
                    href: format!("{}?lang={lang}&page={i}#q-{}", l.path(), q.id),
                })
                .collect(),
        })
        .filter(|s: &ReviewSection| !s.items.is_empty())
        .collect();
    let heading = state.ui.text(ui_lang, "summary-title", None);
    let page = ReviewPage {
        frame: frame(state, l, lang, ui_lang, &heading, "&page=review"),
        action: l.path(),
        page: "review".into(),
        sections,
        submitted_on: submitted_notice(state, l, ui_lang),
    };
    state.pages.render("review", &page)
}

/// The respondent form of a survey as it is in the files, every question
/// shown, in `lang` (`?lang=` on `base` switches): the secretariat's preview.
pub(super) fn preview(
    state: &AppState,
    frozen: Arc<FrozenSurvey>,
    asked: Option<&str>,
    base: String,
) -> AppResult<String> {
    let lang = frozen
        .texts
        .pick(&asked.into_iter().collect::<Vec<_>>())
        .to_string();
    let ui_lang = i18n::negotiate(&[&lang], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT).to_string();
    let row = Row {
        id: String::new(),
        language: lang.clone(),
        submitted_at: None,
        round_id: 0,
        content_hash: String::new(),
        opens: None,
        closes: None,
        closed: false,
    };
    let l = Loaded {
        base,
        row,
        frozen,
        draft: Raw::new(),
    };
    form_page(
        state,
        &l,
        &lang,
        &ui_lang,
        Mode::Preview,
        &Raw::new(),
        &BTreeMap::new(),
    )
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
    let asked = field(&fields, "lang").map(str::to_string);
    let asked = asked.as_deref();
    let Some(l) = load(&state, &req, &token).await? else {
        return not_found(&state, asked);
    };
    if let Some(r) = closed_or_waiting(&state, &l, asked)? {
        return Ok(r);
    }
    let survey = &l.frozen.survey;
    // The questions this post carries (a field, or the page's `_q` marker,
    // so that unticking every box of a multi question clears it).
    let mut updates: Raw = Raw::new();
    for (k, v) in &fields {
        if k == "_q" && survey.question(v).is_some() {
            updates.entry(v.clone()).or_default();
        } else if survey.question(k).is_some() {
            updates.entry(k.clone()).or_default().push(v.clone());
        }
    }
    let mut draft = l.draft.clone();
    for (q, values) in &updates {
        let kept: Vec<String> = values
            .iter()
            .filter(|v| !v.trim().is_empty())
            .cloned()
            .collect();
        if kept.is_empty() {
            draft.remove(q);
        } else {
            draft.insert(q.clone(), kept);
        }
    }
    let id = l.row.id.clone();
    let stored = draft.clone();
    let changed: Vec<String> = updates.keys().cloned().collect();
    blocking(&state.pool, move |conn| {
        save_draft(conn, &id, &changed, &stored)
    })
    .await?;

    let (lang, ui_lang) = l.languages(asked);
    let page: usize = field(&fields, "page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(0)
        .min(survey.sections.len().saturating_sub(1));
    let on_review = field(&fields, "page") == Some("review");
    let at = |p: String| see_other(format!("{}?lang={lang}&page={p}", l.path()));
    let response = match field(&fields, "action").unwrap_or("save") {
        "next" => {
            at(form::next_page(survey, page, &draft).map_or("review".into(), |p| p.to_string()))
        }
        "back" if on_review => at(form::previous_page(survey, survey.sections.len(), &draft)
            .unwrap_or(0)
            .to_string()),
        "back" => at(form::previous_page(survey, page, &draft)
            .unwrap_or(0)
            .to_string()),
        "review" => at("review".into()),
        "submit" => return submit(&state, &l, &lang, &ui_lang, draft).await,
        _ if on_review => see_other(format!("{}?lang={lang}&page=review", l.path())),
        _ => see_other(format!("{}?lang={lang}&page={page}&saved=1", l.path())),
    };
    Ok(response)
}

async fn submit(
    state: &web::Data<AppState>,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
    draft: Raw,
) -> AppResult<HttpResponse> {
    match answers::validate(&l.frozen.survey, &draft) {
        Err(problems) => {
            let errors: BTreeMap<String, Problem> = problems.into_iter().collect();
            let body = form_page(state, l, lang, ui_lang, Mode::All, &draft, &errors)?;
            Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body))
        }
        Ok(valid) => {
            let frozen = l.frozen.clone();
            let id = l.row.id.clone();
            blocking(&state.pool, move |conn| {
                crate::db::transaction(conn, |conn| {
                    answers::store_submission(
                        conn,
                        &frozen.survey,
                        &id,
                        &valid,
                        Utc::now().naive_utc(),
                    )
                })
            })
            .await?;
            Ok(see_other(format!("{}/done?lang={lang}", l.path())))
        }
    }
}

/// Replaces the draft rows of the questions a post carried; the first save
/// marks the response as started.
fn save_draft(
    conn: &mut DbConnection,
    invitation: &str,
    changed: &[String],
    draft: &Raw,
) -> AppResult<()> {
    crate::db::transaction(conn, |conn| {
        for q in changed {
            diesel::delete(
                drafts::table
                    .filter(drafts::invitation_id.eq(invitation))
                    .filter(drafts::question.eq(q)),
            )
            .execute(conn)?;
            if let Some(values) = draft.get(q) {
                let raw =
                    serde_json::to_string(values).map_err(|e| AppError::Config(e.to_string()))?;
                diesel::insert_into(drafts::table)
                    .values((
                        drafts::invitation_id.eq(invitation),
                        drafts::question.eq(q),
                        drafts::raw.eq(raw),
                    ))
                    .execute(conn)?;
            }
        }
        diesel::update(
            invitations::table
                .find(invitation)
                .filter(invitations::started_at.is_null()),
        )
        .set(invitations::started_at.eq(Utc::now().naive_utc()))
        .execute(conn)?;
        Ok(())
    })
}

/// What a member's message page offers after its text.
enum After {
    /// A button posting to the form's path plus `suffix`.
    Button {
        suffix: &'static str,
        label: &'static str,
    },
    /// A link to the form's path with `query` after `?lang=…`.
    Link {
        query: &'static str,
        label: &'static str,
    },
}

/// A page with a heading, paragraphs and a way on, in the member's language.
fn member_page(
    state: &AppState,
    l: &Loaded,
    asked: Option<&str>,
    heading_id: &str,
    paragraph_ids: &[&str],
    after: After,
) -> AppResult<HttpResponse> {
    let (lang, ui_lang) = l.languages(asked);
    let t = |id: &str| state.ui.text(&ui_lang, id, None);
    let heading = t(heading_id);
    let (button, link) = match after {
        After::Button { suffix, label } => (
            Some(Button {
                action: format!("{}{suffix}", l.path()),
                label: t(label),
            }),
            None,
        ),
        After::Link { query, label } => (
            None,
            Some(Link {
                href: format!("{}?lang={lang}{query}", l.path()),
                label: t(label),
            }),
        ),
    };
    let page = MessagePage {
        frame: frame(state, l, &lang, &ui_lang, &heading, ""),
        heading,
        paragraphs: paragraph_ids.iter().map(|id| t(id)).collect(),
        button,
        link,
    };
    Ok(html(StatusCode::OK, state.pages.render("message", &page)?))
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
