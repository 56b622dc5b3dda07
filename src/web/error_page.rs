//! From an error to a response, one path for every route. The status is
//! always the one `AppError::status_code` maps (src/error.rs): nothing in
//! `web` decides one again. [`page`] decides which errors a reader gets
//! as a page in their language, and in which words; every other error, and
//! every error of a download, is the plain-text answer of `ResponseError`.
//! A failure on the server's side never shows its cause (it may name files
//! or tables); that goes to the log.

use actix_web::error::InternalError;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use chrono::NaiveDate;
use fluent_bundle::FluentArgs;

use super::reply::see_other;
use super::AppState;
use crate::error::{AppError, AppResult};

/// The HTTP status of `e`, as `AppError::status_code` maps it.
pub fn status(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        status(self)
    }

    fn error_response(&self) -> HttpResponse {
        let status = status(self);
        if status.is_server_error() {
            tracing::error!("request failed: {self}");
        }
        let text = if status.is_server_error() {
            "The server could not answer. Please try again later."
        } else {
            status.canonical_reason().unwrap_or("Error")
        };
        HttpResponse::build(status)
            .content_type("text/plain; charset=utf-8")
            .body(text)
    }
}

/// Who reads an error page: a member is told about their link, a console
/// user about the page they asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Console,
    Member,
}

/// What an error page says, as ids of interface texts.
#[derive(Debug, PartialEq, Eq)]
pub struct Message {
    pub heading: &'static str,
    pub body: &'static str,
    /// The date the texts name as `{ $date }`, if any.
    pub date: Option<NaiveDate>,
    /// Whether the page keeps the frame of what was asked for (a member's
    /// link, with its survey's title and languages). A link that opens
    /// nothing has none, and a failure on the server's side says nothing
    /// about the link.
    pub framed: bool,
}

impl Message {
    fn says(heading: &'static str, body: &'static str) -> Self {
        Message {
            heading,
            body,
            date: None,
            framed: true,
        }
    }

    /// The arguments of the message's texts, in `lang` (the date written
    /// out as that language writes it).
    pub fn args(&self, lang: &str) -> Option<FluentArgs<'static>> {
        self.date.map(|d| {
            let mut args = FluentArgs::new();
            args.set("date", crate::locale::long_date(lang, d));
            args
        })
    }
}

/// Where an error page is shown: each area renders a [`Message`] in its
/// own page frame and in its reader's language.
pub trait Frame {
    fn reader(&self) -> Reader;

    fn render(
        &self,
        state: &AppState,
        status: StatusCode,
        message: Message,
    ) -> AppResult<HttpResponse>;
}

/// The one way from an error to a page: `e` as a page in `frame`, with
/// the status of `e`; an error no page explains to this reader is given
/// back, for the plain-text answer of `ResponseError`.
pub fn page(state: &AppState, frame: &impl Frame, e: AppError) -> AppResult<HttpResponse> {
    let Some(message) = message(frame.reader(), &e) else {
        return Err(e);
    };
    let status = status(&e);
    if status.is_server_error() {
        tracing::error!("request failed: {e}");
    }
    frame.render(state, status, message)
}

/// The words of the page `reader` gets for `e`, if any.
fn message(reader: Reader, e: &AppError) -> Option<Message> {
    let says = Message::says;
    Some(match (reader, e) {
        (Reader::Console, AppError::Csrf) => says("forbidden-title", "csrf-failed"),
        (Reader::Console, AppError::Forbidden(_)) => says("forbidden-title", "forbidden-body"),
        (Reader::Console, AppError::NotFound(_)) => {
            says("console-not-found-title", "console-not-found-body")
        }
        (Reader::Member, AppError::NotFound(_)) => Message {
            framed: false,
            ..says("not-found-title", "not-found-body")
        },
        (Reader::Member, AppError::Gone(_)) => says("closed-title", "closed-body"),
        (Reader::Member, AppError::NotYetOpen(date)) => Message {
            date: Some(*date),
            ..says("not-open-title", "not-open-body")
        },
        (Reader::Member, AppError::TooLarge(_)) => says("too-large-title", "too-large-body"),
        (Reader::Member, e) if e.status_code() >= 500 => Message {
            framed: false,
            ..says("error-title", "error-body")
        },
        _ => return None,
    })
}

/// The answer to a console request without a valid session
/// (`AppError::Unauthorized`): a page sends the browser to the sign-in
/// form, which brings it back to `next`; a download or a post answers the
/// status, saying where to sign in.
pub fn sign_in_first(next: &str, download: bool) -> actix_web::Error {
    let e = AppError::Unauthorized;
    let response = if download {
        HttpResponse::build(status(&e))
            .content_type("text/plain; charset=utf-8")
            .body("Sign in at /login first.")
    } else {
        let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
        see_other(&format!("/login?next={next}"))
    };
    InternalError::from_response(e, response).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_csrf_token_is_403_with_the_expired_form_message() {
        assert_eq!(status(&AppError::Csrf), StatusCode::FORBIDDEN);
        let m = message(Reader::Console, &AppError::Csrf).map(|m| m.body);
        assert_eq!(m, Some("csrf-failed"));
        let other = message(Reader::Console, &AppError::Forbidden("x".into()));
        assert_eq!(other.map(|m| m.body), Some("forbidden-body"));
    }

    #[test]
    fn a_member_sees_server_failures_as_a_page_without_the_links_frame() {
        let lost = AppError::Connection("gone".into());
        let m = message(Reader::Member, &lost);
        assert_eq!(
            m.as_ref().map(|m| (m.heading, m.framed)),
            Some(("error-title", false))
        );
        assert_eq!(status(&lost), StatusCode::SERVICE_UNAVAILABLE);
        // The console leaves them to the plain answer.
        assert_eq!(message(Reader::Console, &lost), None);
    }

    #[test]
    fn refusals_without_a_page_are_left_to_the_plain_answer() {
        for e in [
            AppError::Conflict("reopen needs the confirmation".into()),
            AppError::TooMany("slow down".into()),
            AppError::invalid("bad"),
        ] {
            assert_eq!(message(Reader::Console, &e), None, "{e}");
            assert_eq!(message(Reader::Member, &e), None, "{e}");
        }
    }
}
