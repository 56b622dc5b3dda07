//! Console sessions: the cookie (signed and encrypted, HttpOnly,
//! SameSite=Strict, Secure behind https), the signed-in `User` extractor,
//! CSRF tokens, and who may see what (`authorize`, the one gate every
//! console route and download goes through). Sign-in throttling lives in
//! `throttle`, the sign-in pages in `console::auth`.

use futures_util::future::LocalBoxFuture;

use actix_session::config::{CookieContentSecurity, PersistentSession};
use actix_session::storage::CookieSessionStore;
use actix_session::{Session, SessionExt, SessionMiddleware};
use actix_web::cookie::{time, Key, SameSite};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use crate::error::{AppError, AppResult};
use crate::token::Secret;
use crate::users::Role;

const USER_KEY: &str = "user";

/// The session cookie layer for the console routes only (respondent pages
/// carry no cookie at all).
pub fn middleware(secret: &Secret, https: bool) -> SessionMiddleware<CookieSessionStore> {
    SessionMiddleware::builder(
        CookieSessionStore::default(),
        Key::derive_from(&secret.derive(b"session cookie")),
    )
    .cookie_name("canvass_session".into())
    .cookie_http_only(true)
    .cookie_same_site(SameSite::Strict)
    .cookie_secure(https)
    .cookie_content_security(CookieContentSecurity::Private)
    .session_lifecycle(PersistentSession::default().session_ttl(time::Duration::hours(8)))
    .build()
}

/// Who is signed in, as kept in the (encrypted) session cookie.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct User {
    pub id: i32,
    pub email: String,
    pub role: String,
    pub region: Option<String>,
    pub csrf: String,
    /// The account's session epoch at sign-in; a later sign-out or password
    /// change bumps it and so ends this session, even for a copied cookie.
    pub epoch: i32,
}

impl User {
    /// Only a user stored as secretariat sees everything: a row that is
    /// neither (a hand-edited database) fails closed, as a reviewer of no
    /// region, who sees no round's figures.
    pub fn role(&self) -> Role {
        match (self.role.as_str(), &self.region) {
            ("secretariat", _) => Role::Secretariat,
            ("regional", Some(r)) => Role::Regional(r.clone()),
            _ => Role::Regional(String::new()),
        }
    }

    /// The region a non-secretariat user reviews (empty for a row that is
    /// neither role, so it matches no region); `None` for the secretariat.
    pub fn reviewed_region(&self) -> Option<String> {
        match self.role() {
            Role::Secretariat => None,
            Role::Regional(r) => Some(r),
        }
    }

    pub fn is_secretariat(&self) -> bool {
        self.role() == Role::Secretariat
    }

    /// Checks a form's CSRF field against this session's token.
    pub fn check_csrf(&self, given: Option<&str>) -> AppResult<()> {
        let ok = given.is_some_and(|g| bool::from(g.as_bytes().ct_eq(self.csrf.as_bytes())));
        if ok {
            Ok(())
        } else {
            Err(AppError::Csrf)
        }
    }
}

pub fn sign_in(session: &Session, user: &User) -> AppResult<()> {
    session.renew();
    session
        .insert(USER_KEY, user)
        .map_err(|e| AppError::Config(format!("session: {e}")))
}

pub fn sign_out(session: &Session) {
    session.purge();
}

impl FromRequest for User {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<User, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let user = req.get_session().get::<User>(USER_KEY).ok().flatten();
        let path = req.path();
        let download = path.ends_with(".csv")
            || path.ends_with(".json")
            || path.ends_with(".xlsx")
            || req.method() != actix_web::http::Method::GET;
        let next = req
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_string();
        let state = req
            .app_data::<actix_web::web::Data<super::AppState>>()
            .cloned();
        Box::pin(async move {
            // Pages go to the sign-in form, downloads and posts answer 401.
            let refuse = || super::error_page::sign_in_first(&next, download);
            let (Some(user), Some(state)) = (user, state) else {
                return Err(refuse());
            };
            let id = user.id;
            let epoch = super::blocking(&state.pool, move |conn| {
                crate::users::session_epoch(conn, id)
            })
            .await?;
            if epoch == Some(user.epoch) {
                Ok(user)
            } else {
                Err(refuse())
            }
        })
    }
}

/// What a console request wants to do or see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need<'a> {
    /// The rounds list, a round's progress, one's own password.
    Browse,
    /// Indicator results of `region` (`None`: the viewer's default view).
    Results(Option<&'a str>),
    /// Free-text answers, surveys, members, round actions, the audit log.
    Secretariat,
}

/// The one gate: the secretariat may do everything; a regional reviewer
/// may browse and see the results of their own region and `ALL`.
pub fn authorize(user: &User, need: Need) -> AppResult<()> {
    let denied = || {
        Err(AppError::Forbidden(format!(
            "{} may not see this",
            user.email
        )))
    };
    match (user.role(), need) {
        (Role::Secretariat, _) => Ok(()),
        (Role::Regional(_), Need::Browse | Need::Results(None | Some(crate::results::ALL))) => {
            Ok(())
        }
        (Role::Regional(own), Need::Results(Some(r))) if r == own => Ok(()),
        (Role::Regional(_), _) => denied(),
    }
}

/// A reviewer may open a round only when it includes their region.
pub fn round_includes(user: &User, includes_own_region: bool) -> AppResult<()> {
    if user.is_secretariat() || includes_own_region {
        Ok(())
    } else {
        Err(round_refused(user))
    }
}

/// A round looked up for `user`: a reviewer is refused a missing round as
/// one without their region (403 both), so that refusals do not tell which
/// rounds exist; the secretariat is told it is missing (404).
pub fn round_found<T>(user: &User, found: AppResult<T>) -> AppResult<T> {
    match found {
        Err(e) if e.status_code() == 404 && !user.is_secretariat() => Err(round_refused(user)),
        other => other,
    }
}

fn round_refused(user: &User) -> AppError {
    AppError::Forbidden(format!(
        "the round does not include the region of {}",
        user.email
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: &str, region: Option<&str>) -> User {
        User {
            id: 1,
            email: "u@example.org".into(),
            role: role.into(),
            region: region.map(String::from),
            csrf: "t".into(),
            epoch: 0,
        }
    }

    #[test]
    fn regional_reviewers_see_their_region_and_all_only() {
        let r = user("regional", Some("africa"));
        assert!(authorize(&r, Need::Browse).is_ok());
        assert!(authorize(&r, Need::Results(None)).is_ok());
        assert!(authorize(&r, Need::Results(Some("africa"))).is_ok());
        assert!(authorize(&r, Need::Results(Some("ALL"))).is_ok());
        assert!(authorize(&r, Need::Results(Some("europe"))).is_err());
        assert!(authorize(&r, Need::Secretariat).is_err());
        let s = user("secretariat", None);
        assert!(authorize(&s, Need::Results(Some("europe"))).is_ok());
        assert!(authorize(&s, Need::Secretariat).is_ok());
    }

    #[test]
    fn a_user_row_of_neither_role_fails_closed() {
        for u in [
            user("regional", None),
            user("admin", Some("africa")),
            user("", None),
        ] {
            assert!(!u.is_secretariat(), "{:?}", u.role);
            assert!(authorize(&u, Need::Secretariat).is_err());
            assert!(authorize(&u, Need::Results(Some("europe"))).is_err());
        }
        assert_eq!(
            user("regional", None).reviewed_region(),
            Some(String::new())
        );
        assert_eq!(user("secretariat", Some("x")).reviewed_region(), None);
    }

    #[test]
    fn a_reviewer_is_refused_a_missing_round_as_another_regions() {
        let missing = || -> AppResult<()> { Err(AppError::NotFound("no round x".into())) };
        let r = user("regional", Some("africa"));
        let other = round_includes(&r, false).map_err(|e| e.status_code());
        assert_eq!(other, Err(403));
        assert_eq!(
            round_found(&r, missing()).map_err(|e| e.status_code()),
            other
        );
        let s = user("secretariat", None);
        assert_eq!(
            round_found(&s, missing()).map_err(|e| e.status_code()),
            Err(404)
        );
        assert!(round_found(&r, Ok(())).is_ok());
    }

    #[test]
    fn csrf_must_match() {
        let u = user("secretariat", None);
        assert!(u.check_csrf(Some("t")).is_ok());
        assert!(u.check_csrf(Some("x")).is_err());
        assert!(u.check_csrf(None).is_err());
    }
}
