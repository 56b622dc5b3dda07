//! What a link opens: the invitation, its round's frozen survey (parsed
//! once per round and kept), and the member's draft.

use std::sync::Arc;

use actix_web::{web, HttpRequest};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::answers::{self, Raw};
use crate::db::schema::{invitations, rounds};
use crate::db::{DbConnection, Lookup};
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::rounds::Phase;
use crate::web::{reading, AppState, FrozenSurvey};

#[derive(Clone, Queryable)]
pub(super) struct Row {
    pub(super) id: String,
    pub(super) language: String,
    pub(super) submitted_at: Option<NaiveDateTime>,
    /// Set by the first save: without it there is no draft to read.
    pub(super) started_at: Option<NaiveDateTime>,
    pub(super) round_id: i32,
    pub(super) content_hash: String,
    pub(super) opens: Option<NaiveDate>,
    pub(super) closes: Option<NaiveDate>,
    pub(super) closed: bool,
}

/// One respondent's invitation, its round's survey and its draft.
pub(super) struct Loaded {
    /// `/r/<token>`, or the preview's own path.
    pub(super) base: String,
    pub(super) row: Row,
    pub(super) frozen: Arc<FrozenSurvey>,
    pub(super) draft: Raw,
}

impl Loaded {
    pub(super) fn phase(&self, today: NaiveDate) -> Phase {
        Phase::of(self.row.closed, self.row.opens, self.row.closes, today)
    }

    /// The survey language and the interface language for this request.
    pub(super) fn languages(&self, asked: Option<&str>) -> (String, String) {
        let mut wanted: Vec<&str> = asked.into_iter().collect();
        wanted.push(&self.row.language);
        let lang = self.frozen.texts.pick(&wanted).to_string();
        let ui = i18n::negotiate(&[&lang], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT).to_string();
        (lang, ui)
    }

    pub(super) fn path(&self) -> String {
        self.base.clone()
    }
}

/// Finds what a token opens; `None` for a forged or unknown token.
pub(super) async fn load(
    state: &web::Data<AppState>,
    req: &HttpRequest,
    token: &str,
) -> AppResult<Option<Loaded>> {
    let address = crate::web::client_address(state, req);
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
    reading(&state.pool, move |conn| {
        let row: Option<Row> = invitations::table
            .inner_join(rounds::table)
            .filter(invitations::id.eq(&id))
            .select((
                invitations::id,
                invitations::language,
                invitations::submitted_at,
                invitations::started_at,
                rounds::id,
                rounds::content_hash,
                rounds::opens,
                rounds::closes,
                rounds::closed,
            ))
            .lookup(conn)?;
        let Some(row) = row else { return Ok(None) };
        let frozen = frozen_survey(&st, conn, row.round_id, &row.content_hash)?;
        let draft = match row.started_at {
            Some(_) => {
                answers::current_draft(conn, &frozen.survey, &row.id, row.submitted_at.is_some())?
            }
            None => Raw::new(),
        };
        Ok(Some(Loaded {
            base: format!("/r/{token}"),
            row,
            frozen,
            draft,
        }))
    })
    .await
}

pub(super) fn frozen_survey(
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
    let frozen = Arc::new(FrozenSurvey::new(round.survey)?);
    if let Ok(mut m) = state.surveys.write() {
        m.insert(key, frozen.clone());
    }
    Ok(frozen)
}
