//! The audit log in the console (the secretariat's): the latest entries,
//! newest first. Entries are written by the handlers through
//! `frame::record`.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde_json::json;

use super::frame::{guarded, Console, Page};
use crate::audit;
use crate::error::AppResult;
use crate::web::blocking;
use crate::web::session::{authorize, Need};

/// Entries shown at most.
const SHOWN: i64 = 500;

pub async fn audit_log(Console { state, user, lang }: Console) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let entries = blocking(&state.pool, |conn| audit::latest(conn, SHOWN)).await?;
        let rows: Vec<_> = entries.iter().map(|e| json!({ "at": e.at.format("%Y-%m-%d %H:%M:%S").to_string(), "actor": e.actor, "action": e.action, "subject": e.subject })).collect();
        Page::new(&state, &lang, Some(&user), "audit-title").render(&state, "console_audit", StatusCode::OK, json!({ "entries": rows }))
    })
    .await
}
