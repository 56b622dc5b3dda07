//! Regional review in the console (contract §7): a reviewer's note on an
//! indicator of their region (`POST /rounds/<name>/notes`) and the sign-off
//! of their region's results (`POST /rounds/<name>/signoff`). Who may write
//! what is `review`'s to decide; this reads the form, checks the session's
//! CSRF token and answers 303 back to the page the form was on.

use actix_web::{web, HttpResponse};
use chrono::Utc;
use serde_json::json;

use super::frame::{guarded, Console, Page};
use crate::error::{AppError, AppResult};
use crate::review::{self, NewNote, Writer};
use crate::web::fields::Fields;
use crate::web::reply::see_other;
use crate::web::session::{authorize, round_found, Need, User};
use crate::web::{blocking, AppState};

/// A form field as typed, or "" when missing.
fn field(f: &Fields, name: &str) -> String {
    f.get(name).unwrap_or("").to_string()
}

/// An id in a URL this page builds: only `[a-z0-9_]` is kept (a region or
/// indicator id the domain refused never reaches it).
fn url_id(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

pub async fn note(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = Fields::parse(&body);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Browse)?;
        user.check_csrf(f.get("csrf"))?;
        let name = path.into_inner();
        let (region, indicator, text) = (
            field(&f, "region"),
            field(&f, "indicator"),
            field(&f, "text"),
        );
        let (role, email) = (user.role(), user.email.clone());
        let (n, r, i) = (name.clone(), region.clone(), indicator.clone());
        let done = blocking(&state.pool, move |conn| {
            let who = Writer {
                email: &email,
                role: &role,
            };
            let note = NewNote {
                round: &n,
                region: &r,
                indicator: &i,
                text: &text,
            };
            review::write_note(conn, &who, &note, Utc::now().naive_utc())
        })
        .await;
        match round_found(&user, done) {
            Ok(()) => Ok(see_other(&format!(
                "/rounds/{name}/results?region={}#ind-{}",
                url_id(&region),
                url_id(&indicator)
            ))),
            Err(e) => refused(&state, &lang, &user, e),
        }
    })
    .await
}

pub async fn signoff(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = Fields::parse(&body);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Browse)?;
        user.check_csrf(f.get("csrf"))?;
        let name = path.into_inner();
        let region = field(&f, "region");
        let (role, email, n) = (user.role(), user.email.clone(), name.clone());
        let done = blocking(&state.pool, move |conn| {
            let who = Writer {
                email: &email,
                role: &role,
            };
            review::sign_off(conn, &who, &n, &region, Utc::now().naive_utc())
        })
        .await;
        match round_found(&user, done) {
            Ok(()) => Ok(see_other(&format!("/rounds/{name}?done=signoff"))),
            Err(e) => refused(&state, &lang, &user, e),
        }
    })
    .await
}

/// A note or sign-off refused for the round's state (409) or the form's
/// content (422): a page that says so, with the domain's reason; any
/// other refusal goes to `guarded`'s pages (403, 404).
fn refused(state: &AppState, lang: &str, user: &User, e: AppError) -> AppResult<HttpResponse> {
    let body = match &e {
        AppError::Conflict(_) => "review-after-close",
        AppError::Invalid { .. } => "review-invalid",
        _ => return Err(e),
    };
    let status = crate::web::error_page::status(&e);
    let mut page = Page::new(state, lang, Some(user), "review-refused");
    page.problems = vec![e.to_string()];
    let data = json!({ "heading": state.ui.text(lang, "review-refused", None), "body": state.ui.text(lang, body, None) });
    page.render(state, "console_message", status, data)
}
