//! What a respondent's post does: lay the posted answers over the draft,
//! then store the draft and move to the page the action asks for, or
//! submit. A post with more text than a question allows is refused whole,
//! whatever its action.

use std::collections::BTreeMap;

use actix_web::HttpResponse;
use chrono::Utc;

use super::form;
use super::load::Loaded;
use super::pages::{form_page, Mode};
use crate::answers::{self, Problem, Raw};
use crate::error::{AppError, AppResult};
use crate::survey::Survey;
use crate::web::error_page::status;
use crate::web::fields::Fields;
use crate::web::reply::{html, see_other};
use crate::web::{blocking, AppState};

/// Saves the fields a post carries and moves on: to another page, the
/// review, or the submission.
pub(super) async fn save_and_move(
    state: &AppState,
    l: &Loaded,
    fields: &Fields,
) -> AppResult<HttpResponse> {
    let updates = posted_answers(&l.frozen.survey, fields);
    let draft = laid_over(&l.draft, &updates);
    let changed: Vec<String> = updates.keys().cloned().collect();
    let (lang, ui_lang) = l.languages(fields.get("lang"));
    let too_long = answers::oversized(&l.frozen.survey, &updates);
    if !too_long.is_empty() {
        return refuse_oversized(state, l, (&lang, &ui_lang), fields, &draft, too_long);
    }
    if fields.get("action") == Some("submit") {
        // A good submission replaces the draft itself; only one with
        // problems needs the draft saved first.
        return submit(state, l, (&lang, &ui_lang), draft, changed).await;
    }
    store_draft(state, l, draft.clone(), changed).await?;
    Ok(moved(l, fields, &lang, &draft))
}

/// The questions a post carries: a field, or the page's `_q` marker, so
/// that unticking every box of a multi question clears it. A value posted
/// for a note (which takes no answer) is ignored.
fn posted_answers(survey: &Survey, fields: &Fields) -> Raw {
    let answerable = |id: &str| survey.question(id).is_some_and(|q| q.kind.takes_answer());
    let mut updates = Raw::new();
    for (k, v) in fields.iter() {
        if k == "_q" && answerable(v) {
            updates.entry(v.to_string()).or_default();
        } else if answerable(k) {
            updates
                .entry(k.to_string())
                .or_default()
                .push(v.to_string());
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

/// The form again with each problem beside its question, with the status
/// of invalid input. Stores nothing.
fn with_problems(
    state: &AppState,
    l: &Loaded,
    (lang, ui_lang): (&str, &str),
    mode: Mode,
    draft: &Raw,
    errors: &BTreeMap<String, Problem>,
) -> AppResult<HttpResponse> {
    let refused = AppError::invalid(format!("{} answers have problems", errors.len()));
    let body = form_page(state, l, lang, ui_lang, mode, draft, errors)?;
    Ok(html(status(&refused), body))
}

/// A post with more text than a question allows: the form again with the
/// message beside each such question (and, for a submit, the other
/// problems too). Nothing of the post is stored; the saved draft stays.
fn refuse_oversized(
    state: &AppState,
    l: &Loaded,
    langs: (&str, &str),
    fields: &Fields,
    draft: &Raw,
    too_long: Vec<(String, Problem)>,
) -> AppResult<HttpResponse> {
    let submitting = fields.get("action") == Some("submit");
    let mut errors: BTreeMap<String, Problem> = BTreeMap::new();
    if submitting {
        if let Err(problems) = answers::validate(&l.frozen.survey, draft) {
            errors.extend(problems);
        }
    }
    errors.extend(too_long);
    let page = fields.get("page").and_then(|p| p.parse().ok());
    let mode = match page {
        Some(index) if !submitting && index < l.frozen.survey.sections.len() => Mode::Page {
            index,
            saved: false,
        },
        _ => Mode::All,
    };
    with_problems(state, l, langs, mode, draft, &errors)
}

/// Where a stored post goes next: the page its action asks for.
fn moved(l: &Loaded, fields: &Fields, lang: &str, draft: &Raw) -> HttpResponse {
    let survey = &l.frozen.survey;
    let page = super::section_index(l, fields.get("page"));
    let on_review = fields.get("page") == Some("review");
    let at = |p: String| see_other(&format!("{}?lang={lang}&page={p}", l.path()));
    match fields.get("action").unwrap_or("save") {
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
        _ if on_review => at("review".into()),
        _ => see_other(&format!("{}?lang={lang}&page={page}&saved=1", l.path())),
    }
}

/// Submits `draft` if it is valid (then the done page), else stores it
/// and shows every problem.
async fn submit(
    state: &AppState,
    l: &Loaded,
    langs: (&str, &str),
    draft: Raw,
    changed: Vec<String>,
) -> AppResult<HttpResponse> {
    match answers::validate(&l.frozen.survey, &draft) {
        Err(problems) => {
            store_draft(state, l, draft.clone(), changed).await?;
            let errors: BTreeMap<String, Problem> = problems.into_iter().collect();
            with_problems(state, l, langs, Mode::All, &draft, &errors)
        }
        Ok(valid) => {
            let frozen = l.frozen.clone();
            let id = l.row.id.clone();
            blocking(&state.pool, move |conn| {
                answers::store_submission(conn, &frozen.survey, &id, &valid, Utc::now().naive_utc())
            })
            .await?;
            let lang = langs.0;
            Ok(see_other(&format!("{}/done?lang={lang}", l.path())))
        }
    }
}

async fn store_draft(
    state: &AppState,
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
