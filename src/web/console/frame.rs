//! What every console page shares (contract §7): the interface language,
//! the `Console` extractor, the page frame with its navigation, refusals
//! as pages in that frame (`error_page` decides their words and status),
//! and the audit record of what a user did.

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use chrono::Utc;
use futures_util::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::error::AppResult;
use crate::i18n;
use crate::web::error_page::{self, Message, Reader};
use crate::web::fields::Fields;
use crate::web::reply::html;
use crate::web::session::User;
use crate::web::{blocking, AppState};
use crate::{audit, users};

#[derive(Deserialize, Default)]
pub struct LangQuery {
    pub lang: Option<String>,
    pub next: Option<String>,
    pub region: Option<String>,
    /// Results: the breakdown (`region`, `country`, `type`).
    pub by: Option<String>,
    /// Results: the round to compare with (empty: none).
    pub compare: Option<String>,
    pub done: Option<String>,
    pub count: Option<usize>,
}

/// The interface language of a console page: `?lang=` (remembered in the
/// session), else the remembered one, else the browser's preference.
pub fn console_lang(req: &HttpRequest, session: &Session, asked: Option<&str>) -> String {
    if let Some(l) = asked {
        let chosen = i18n::negotiate(&[l], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT).to_string();
        let _ = session.insert("lang", &chosen);
        return chosen;
    }
    if let Ok(Some(l)) = session.get::<String>("lang") {
        return l;
    }
    let header = req
        .headers()
        .get("Accept-Language")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    let wanted: Vec<&str> = header
        .split(',')
        .filter_map(|p| p.split(';').next())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    i18n::negotiate(&wanted, &i18n::UI_LANGUAGES, i18n::UI_DEFAULT).to_string()
}

/// What every signed-in console handler starts from: the app, the user
/// (signed in, or the request is refused as `User` refuses it) and the
/// interface language (`console_lang`, with the query's `lang`).
pub struct Console {
    pub state: web::Data<AppState>,
    pub user: User,
    pub lang: String,
}

impl FromRequest for Console {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Console, actix_web::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = User::from_request(req, payload);
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let asked = web::Query::<LangQuery>::from_query(req.query_string())
            .ok()
            .and_then(|q| q.into_inner().lang);
        let req = req.clone();
        Box::pin(async move {
            let user = user.await?;
            let state = state.ok_or_else(|| {
                actix_web::error::ErrorInternalServerError("the app state is missing")
            })?;
            let lang = console_lang(&req, &req.get_session(), asked.as_deref());
            Ok(Console { state, user, lang })
        })
    }
}

/// A console page: the frame (languages, user, notices) around `data`.
pub struct Page<'a> {
    pub lang: String,
    pub user: Option<&'a User>,
    pub title: String,
    pub notice: Option<String>,
    pub problems: Vec<String>,
    pub refresh: bool,
    /// The request's query without `lang`, kept by the language links.
    pub query: String,
}

impl<'a> Page<'a> {
    pub fn new(state: &AppState, lang: &str, user: Option<&'a User>, title_id: &str) -> Self {
        Page {
            lang: lang.to_string(),
            user,
            title: state.ui.text(lang, title_id, None),
            notice: None,
            problems: Vec::new(),
            refresh: false,
            query: String::new(),
        }
    }

    /// Keeps the request's filters (all but `lang`) in the language links.
    pub fn keeping_query(mut self, req: &HttpRequest) -> Self {
        let asked = Fields::parse(req.query_string().as_bytes());
        let kept: String = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(asked.iter().filter(|(k, _)| *k != "lang"))
            .finish();
        self.query = if kept.is_empty() {
            kept
        } else {
            format!("{kept}&")
        };
        self
    }

    pub fn render<T: Serialize>(
        self,
        state: &AppState,
        template: &str,
        status: StatusCode,
        data: T,
    ) -> AppResult<HttpResponse> {
        let languages: Vec<_> = i18n::UI_LANGUAGES
            .iter()
            .map(|code| json!({ "code": code, "name": state.ui.text(code, "lang-name", None), "current": *code == self.lang }))
            .collect();
        let user = self.user.map(|u| {
            let label = match u.role() {
                users::Role::Secretariat => state.ui.text(&self.lang, "role-secretariat", None),
                users::Role::Regional(r) => {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("region", state.region_name(&self.lang, &r));
                    state.ui.text(&self.lang, "role-regional", Some(&args))
                }
            };
            json!({ "email": u.email, "csrf": u.csrf, "secretariat": u.is_secretariat(), "label": format!("{} · {label}", u.email) })
        });
        let ctx = json!({
            "lang": self.lang, "ui_lang": self.lang, "dir": i18n::direction(&self.lang), "title": self.title,
            "languages": languages, "user": user, "notice": self.notice, "problems": self.problems, "refresh": self.refresh, "query": self.query, "data": data,
        });
        Ok(html(status, state.pages.render(template, &ctx)?))
    }
}

/// Error pages in the console frame, in the user's interface language.
struct ConsoleFrame<'a> {
    lang: &'a str,
    user: Option<&'a User>,
}

impl error_page::Frame for ConsoleFrame<'_> {
    fn reader(&self) -> Reader {
        Reader::Console
    }

    fn render(
        &self,
        state: &AppState,
        status: StatusCode,
        message: Message,
    ) -> AppResult<HttpResponse> {
        let args = message.args(self.lang);
        let text = |id| state.ui.text(self.lang, id, args.as_ref());
        let data = json!({ "heading": text(message.heading), "body": text(message.body) });
        Page::new(state, self.lang, self.user, message.heading).render(
            state,
            "console_message",
            status,
            data,
        )
    }
}

/// Runs a console handler body; its error becomes a page in the user's
/// language (`error_page::page`), or, when no page explains it, the plain
/// answer.
pub async fn guarded<F>(
    state: &AppState,
    lang: &str,
    user: Option<&User>,
    body: F,
) -> AppResult<HttpResponse>
where
    F: std::future::Future<Output = AppResult<HttpResponse>>,
{
    match body.await {
        Ok(r) => Ok(r),
        Err(e) => error_page::page(state, &ConsoleFrame { lang, user }, e),
    }
}

/// The interface language remembered in the session, else the default
/// (for handlers that do not negotiate one).
pub fn console_lang_plain(session: &Session) -> String {
    session
        .get::<String>("lang")
        .ok()
        .flatten()
        .unwrap_or_else(|| i18n::UI_DEFAULT.to_string())
}

/// Writes what `actor` did to the audit log.
pub async fn record(state: &AppState, actor: &str, action: &str, subject: &str) -> AppResult<()> {
    let (actor, action, subject) = (actor.to_string(), action.to_string(), subject.to_string());
    blocking(&state.pool, move |conn| {
        audit::record(conn, &actor, &action, &subject, Utc::now().naive_utc())
    })
    .await
}
