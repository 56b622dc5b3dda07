//! What a link opens: the invitation, its round's frozen survey (parsed
//! once per round and kept), and the member's draft.

use std::sync::Arc;

use actix_web::{web, HttpRequest};
use chrono::NaiveDate;

use crate::answers::{self, Raw};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::rounds::Phase;
use crate::web::{reading, AppState, FrozenSurvey};

/// The invitation a link opens, with its round's dates and state.
pub(super) use crate::invitations::Invitation as Row;

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
        let row = crate::invitations::opened(conn, &id)?;
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
