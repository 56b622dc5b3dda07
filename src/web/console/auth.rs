//! Signing in to the consoles: the login form and its throttling, where
//! to go after it, sign-out, and changing one's password. Sessions
//! themselves (the cookie, CSRF, `authorize`) live in `web::session`.

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::json;

use super::frame::{console_lang, console_lang_plain, guarded, record, Console, LangQuery, Page};
use crate::error::{AppError, AppResult};
use crate::users;
use crate::web::error_page::status;
use crate::web::fields::Fields;
use crate::web::reply::see_other;
use crate::web::session::{self, User};
use crate::web::{blocking, client_address, AppState};

/// `/`: the rounds when signed in, else the sign-in form.
pub async fn home(user: Option<User>) -> HttpResponse {
    see_other(if user.is_some() { "/rounds" } else { "/login" })
}

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

/// What the login form sends back when it is shown again.
struct LoginForm {
    email: String,
    next: String,
}

pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    session: Session,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = Fields::parse(&body);
    let lang = console_lang(&req, &session, None);
    let form = LoginForm {
        email: f.get("email").unwrap_or("").trim().to_lowercase(),
        next: safe_next(f.get("next")),
    };
    let password = f.get("password").unwrap_or("").to_string();
    let address = client_address(&state, &req);
    let account = match authenticate(&state, &form.email, password, &address).await {
        Ok(account) => account,
        Err(e @ (AppError::TooMany(_) | AppError::Unauthorized)) => {
            return login_again(&state, &lang, &form, &e)
        }
        Err(e) => return Err(e),
    };
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
    Ok(see_other(&form.next))
}

/// The account that `email` and `password` open, if the throttle lets the
/// attempt through (`TooMany` if not). A failure (`Unauthorized`) counts
/// against the account and the address and goes to the audit log.
async fn authenticate(
    state: &AppState,
    email: &str,
    password: String,
    address: &str,
) -> AppResult<users::Account> {
    if !state.throttle.allows(email, address) {
        return Err(AppError::TooMany("too many sign-in attempts".into()));
    }
    let lookup = email.to_string();
    let found = blocking(&state.pool, move |conn| users::find(conn, &lookup)).await?;
    // Verify even for an unknown address, so timing does not tell which exist.
    let (account, hash) = match found {
        Some((a, h)) => (Some(a), h),
        None => (None, users::dummy_hash()),
    };
    let ok = web::block(move || users::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    let Some(account) = account.filter(|_| ok) else {
        state.throttle.failed(email, address);
        record(state, email, "login.failed", "").await?;
        return Err(AppError::Unauthorized);
    };
    state.throttle.succeeded(email);
    Ok(account)
}

/// The login form again, saying why `refused` (its status too).
fn login_again(
    state: &AppState,
    lang: &str,
    form: &LoginForm,
    refused: &AppError,
) -> AppResult<HttpResponse> {
    let problem = match refused {
        AppError::TooMany(_) => "login-throttled",
        _ => "login-failed",
    };
    let mut page = Page::new(state, lang, None, "login-title");
    page.problems = vec![state.ui.text(lang, problem, None)];
    page.render(
        state,
        "console_login",
        status(refused),
        json!({ "next": form.next, "email": form.email }),
    )
}

pub async fn logout(
    state: web::Data<AppState>,
    session: Session,
    user: User,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = Fields::parse(&body);
    let lang = console_lang_plain(&session);
    guarded(&state, &lang, Some(&user), async {
        user.check_csrf(f.get("csrf"))?;
        session::sign_out(&session);
        let id = user.id;
        blocking(&state.pool, move |conn| users::end_sessions(conn, id)).await?;
        record(&state, &user.email, "logout", "").await?;
        Ok(see_other("/login?done=logout"))
    })
    .await
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
    let f = Fields::parse(&body);
    guarded(&state, &lang, Some(&user), async {
        user.check_csrf(f.get("csrf"))?;
        let address = client_address(&state, &req);
        let current = f.get("current").unwrap_or("").to_string();
        let new = f.get("new").unwrap_or("").to_string();
        match change_password(&state, &user, &address, current, new).await? {
            None => password_changed(&state, &session, &user).await,
            Some(problem) => {
                record(&state, &user.email, "password.failed", problem.why()).await?;
                password_again(&state, &lang, &user, problem)
            }
        }
    })
    .await
}

/// Why the password form comes back.
#[derive(Clone, Copy)]
enum PasswordProblem {
    Throttled,
    Wrong,
    Short,
}

impl PasswordProblem {
    /// The refusal, for its status.
    fn error(self) -> AppError {
        match self {
            PasswordProblem::Throttled => AppError::TooMany(self.why().into()),
            PasswordProblem::Wrong | PasswordProblem::Short => AppError::invalid(self.why()),
        }
    }

    /// As the audit log says it.
    fn why(self) -> &'static str {
        match self {
            PasswordProblem::Throttled => "too many attempts",
            PasswordProblem::Wrong => "current password not right",
            PasswordProblem::Short => "new password too short",
        }
    }

    /// As the form says it.
    fn text_id(self) -> &'static str {
        match self {
            PasswordProblem::Throttled => "login-throttled",
            PasswordProblem::Wrong => "password-wrong",
            PasswordProblem::Short => "password-short",
        }
    }
}

/// Changes `user`'s password if the throttle lets the attempt through;
/// `Some` problem when the form must come back. A wrong current password
/// counts against the account and the address.
async fn change_password(
    state: &AppState,
    user: &User,
    address: &str,
    current: String,
    new: String,
) -> AppResult<Option<PasswordProblem>> {
    if !state.throttle.allows(&user.email, address) {
        return Ok(Some(PasswordProblem::Throttled));
    }
    let email = user.email.clone();
    let outcome = blocking(&state.pool, move |conn| {
        users::change_password(conn, &email, &current, &new)
    })
    .await;
    match outcome {
        Ok(()) => Ok(None),
        Err(AppError::Forbidden(_)) => {
            state.throttle.failed(&user.email, address);
            Ok(Some(PasswordProblem::Wrong))
        }
        Err(AppError::Invalid { .. }) => Ok(Some(PasswordProblem::Short)),
        Err(e) => Err(e),
    }
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
    problem: PasswordProblem,
) -> AppResult<HttpResponse> {
    let mut page = Page::new(state, lang, Some(user), "password-title");
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("min", users::MIN_PASSWORD);
    page.problems = vec![state.ui.text(lang, problem.text_id(), Some(&args))];
    page.render(
        state,
        "console_password",
        status(&problem.error()),
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
