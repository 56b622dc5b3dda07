//! Console sign-in: the login form and its throttling, sign-out, and
//! changing one's password. Sessions themselves live in `session`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use super::frame::{
    console_lang, console_lang_plain, field, fields, record, refusal, see_other, Console,
    LangQuery, Page,
};
use crate::error::{AppError, AppResult};
use crate::users;
use crate::web::session::{self, User};
use crate::web::{blocking, AppState};

pub async fn login_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    let lang = console_lang(&req, &session, q.lang.as_deref());
    let mut page = Page::new(&state, &lang, None, "login-title");
    if q.done.as_deref() == Some("logout") {
        page.notice = Some(state.ui.text(&lang, "signed-out", None));
    }
    page.render(
        &state,
        "console_login",
        StatusCode::OK,
        json!({ "next": safe_next(q.next.as_deref()), "email": "" }),
    )
}

/// Where to go after signing in: `next` when it is a path of this site,
/// else home. The one decision on `next`, for the form and the redirect.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_string(),
        _ => "/rounds".to_string(),
    }
}

/// One leading `/` not followed by another (`//host` is another site), no
/// backslash (browsers read `/\host` as `//host`), no control character.
/// Checked on the value and on its percent-decoding: browsers drop tabs
/// and line breaks from a URL (`/\t/host` becomes `//host`), and a line
/// break does not fit in the `Location` header at all.
fn is_local_path(next: &str) -> bool {
    let decoded = percent_encoding::percent_decode_str(next).decode_utf8_lossy();
    let local = |p: &str| {
        p.starts_with('/')
            && !p.starts_with("//")
            && !p.contains('\\')
            && !p.chars().any(char::is_control)
    };
    local(next) && local(&decoded)
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = fields(&body);
    let lang = console_lang(&req, &session, None);
    let email = field(&f, "email").unwrap_or("").trim().to_lowercase();
    let password = field(&f, "password").unwrap_or("").to_string();
    let next = safe_next(field(&f, "next"));
    let address = crate::web::client_address(&state, &req);
    let again = |page: Page, status, notice: &str| {
        let mut page = page;
        page.problems = vec![state.ui.text(&lang, notice, None)];
        page.render(
            &state,
            "console_login",
            status,
            json!({ "next": next, "email": email }),
        )
    };
    if !state.throttle.allows(&email, &address) {
        return again(
            Page::new(&state, &lang, None, "login-title"),
            StatusCode::TOO_MANY_REQUESTS,
            "login-throttled",
        );
    }
    let lookup = email.clone();
    let found = blocking(&state.pool, move |conn| users::find(conn, &lookup)).await?;
    // Verify even for an unknown address, so timing does not tell which exist.
    let (user, hash) = match found {
        Some((u, h)) => (Some(u), h),
        None => (None, users::dummy_hash()),
    };
    let ok = web::block(move || users::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    let Some(account) = user.filter(|_| ok) else {
        state.throttle.failed(&email, &address);
        record(&state, &email, "login.failed", "").await?;
        return again(
            Page::new(&state, &lang, None, "login-title"),
            StatusCode::UNAUTHORIZED,
            "login-failed",
        );
    };
    state.throttle.succeeded(&email);
    let user = User {
        id: account.id,
        email: account.email.clone(),
        role: account.role,
        region: account.region,
        csrf: crate::token::new_id(),
        epoch: account.session_epoch,
    };
    session::sign_in(&session, &user)?;
    record(&state, &user.email, "login", "").await?;
    Ok(see_other(&next))
}

pub async fn logout(
    state: web::Data<AppState>,
    session: Session,
    user: User,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = fields(&body);
    if user.check_csrf(field(&f, "csrf")).is_err() {
        let lang = console_lang_plain(&session);
        return refusal(
            &state,
            &lang,
            Some(&user),
            AppError::Forbidden("csrf".into()),
        );
    }
    session::sign_out(&session);
    let id = user.id;
    blocking(&state.pool, move |conn| users::end_sessions(conn, id)).await?;
    record(&state, &user.email, "logout", "").await?;
    Ok(see_other("/login?done=logout"))
}

pub async fn password_form(
    Console { state, user, lang }: Console,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    let mut page = Page::new(&state, &lang, Some(&user), "password-title");
    if q.done.is_some() {
        page.notice = Some(state.ui.text(&lang, "password-changed", None));
    }
    page.render(
        &state,
        "console_password",
        StatusCode::OK,
        json!({ "min": users::MIN_PASSWORD }),
    )
}

/// Changes the password. A wrong current password counts against the
/// account and the address as a failed sign-in does (one `Throttle`, so
/// that the form is no second way to guess); every change, failure and
/// refusal goes to the audit log.
pub async fn password(
    Console { state, user, lang }: Console,
    req: HttpRequest,
    session: Session,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = fields(&body);
    if let Err(e) = user.check_csrf(field(&f, "csrf")) {
        return refusal(&state, &lang, Some(&user), e);
    }
    let address = crate::web::client_address(&state, &req);
    if !state.throttle.allows(&user.email, &address) {
        record(&state, &user.email, "password.failed", "too many attempts").await?;
        let status = StatusCode::TOO_MANY_REQUESTS;
        return password_again(&state, &lang, &user, status, "login-throttled");
    }
    let current = field(&f, "current").unwrap_or("").to_string();
    let new = field(&f, "new").unwrap_or("").to_string();
    let email = user.email.clone();
    let outcome = blocking(&state.pool, move |conn| {
        users::change_password(conn, &email, &current, &new)
    })
    .await;
    let (problem, why) = match outcome {
        Ok(()) => return password_changed(&state, &session, &user).await,
        Err(AppError::Forbidden(_)) => {
            state.throttle.failed(&user.email, &address);
            ("password-wrong", "current password not right")
        }
        Err(AppError::Invalid { .. }) => ("password-short", "new password too short"),
        Err(e) => return Err(e),
    };
    record(&state, &user.email, "password.failed", why).await?;
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    password_again(&state, &lang, &user, status, problem)
}

/// After a change: this session goes on (other sessions end with the old
/// password), the throttle forgets the account's failures.
async fn password_changed(
    state: &AppState,
    session: &Session,
    user: &User,
) -> AppResult<HttpResponse> {
    state.throttle.succeeded(&user.email);
    let id = user.id;
    let epoch = blocking(&state.pool, move |conn| users::session_epoch(conn, id)).await?;
    session::sign_in(
        session,
        &User {
            epoch: epoch.unwrap_or(user.epoch),
            ..user.clone()
        },
    )?;
    record(state, &user.email, "password.change", "").await?;
    Ok(see_other("/account/password?done=1"))
}

/// The password form again, with `problem` above it.
fn password_again(
    state: &AppState,
    lang: &str,
    user: &User,
    status: StatusCode,
    problem: &str,
) -> AppResult<HttpResponse> {
    let mut page = Page::new(state, lang, Some(user), "password-title");
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("min", users::MIN_PASSWORD);
    page.problems = vec![state.ui.text(lang, problem, Some(&args))];
    page.render(
        state,
        "console_password",
        status,
        json!({ "min": users::MIN_PASSWORD }),
    )
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_kept_only_when_it_is_a_path_of_this_site() {
        for good in ["/rounds/x/results?region=a", "/rounds", "/a%20b", "/café"] {
            assert_eq!(safe_next(Some(good)), good);
        }
        for bad in [
            "/\t/host/x",
            "/%09/host/x",
            "/\n/x",
            "/%0A/x",
            "/%0d/x",
            "/x\r\nSet-Cookie: a=b",
            "/x%7F",
            "/\u{85}x",
            "//evil",
            "/%2F/evil",
            "/\\evil",
            "/%5Cevil",
            "https://evil",
            "evil",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/rounds", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/rounds");
    }
}
