//! The frame of every respondent page (survey title, language switcher),
//! and the short pages with a heading and some text: a refusal of the
//! link (unknown, closed, not open yet, too large, the server failing) as
//! `error_page` words it, and the done and stop pages.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;

use super::load::Loaded;
use super::models::{Button, Frame, LangLink, Link, MessagePage};
use crate::error::AppResult;
use crate::i18n;
use crate::web::error_page::{self, Message, Reader};
use crate::web::reply::html;
use crate::web::AppState;

/// The frame of a page of `l`'s form; `page` is the query that keeps the
/// page in the language links (`&page=2`).
pub(super) fn frame(
    state: &AppState,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
    heading: &str,
    page: &str,
) -> Frame {
    let survey_title = l.frozen.texts.text(lang, "survey-title", None);
    let languages = l
        .frozen
        .survey
        .languages()
        .into_iter()
        .map(|code| {
            let ui = i18n::negotiate(&[code], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT);
            let name = if ui == code || code.starts_with(&format!("{ui}-")) {
                state.ui.text(ui, "lang-name", None)
            } else {
                code.to_string()
            };
            LangLink {
                code: code.to_string(),
                name,
                href: format!("{}?lang={code}{page}", l.path()),
                current: code == lang,
            }
        })
        .collect();
    Frame {
        lang: lang.into(),
        ui_lang: ui_lang.into(),
        dir: i18n::direction(lang),
        title: format!("{heading} – {survey_title}"),
        survey_title,
        languages,
    }
}

/// The frame of a page outside any form: in the interface language
/// `ui_lang`, no survey, no language links.
fn bare_frame(ui_lang: &str, heading: &str) -> Frame {
    Frame {
        lang: ui_lang.to_string(),
        ui_lang: ui_lang.to_string(),
        dir: i18n::direction(ui_lang),
        title: heading.to_string(),
        survey_title: String::new(),
        languages: Vec::new(),
    }
}

/// Error pages for a member: in the frame and language of their link
/// when there is one, else in the interface language of `?lang=`.
pub(super) struct MemberFrame<'a> {
    pub(super) link: Option<&'a Loaded>,
    pub(super) asked: Option<&'a str>,
}

impl error_page::Frame for MemberFrame<'_> {
    fn reader(&self) -> Reader {
        Reader::Member
    }

    fn render(
        &self,
        state: &AppState,
        status: StatusCode,
        message: Message,
    ) -> AppResult<HttpResponse> {
        let link = self.link.filter(|_| message.framed);
        let (lang, ui_lang) = match link {
            Some(l) => l.languages(self.asked),
            None => {
                let asked: Vec<&str> = self.asked.into_iter().collect();
                let ui = i18n::negotiate(&asked, &i18n::UI_LANGUAGES, i18n::UI_DEFAULT);
                (ui.to_string(), ui.to_string())
            }
        };
        let args = message.args(&ui_lang);
        let text = |id| state.ui.text(&ui_lang, id, args.as_ref());
        let heading = text(message.heading);
        let page = MessagePage {
            frame: match link {
                Some(l) => frame(state, l, &lang, &ui_lang, &heading, ""),
                None => bare_frame(&ui_lang, &heading),
            },
            paragraphs: vec![text(message.body)],
            heading,
            button: None,
            link: None,
        };
        Ok(html(status, state.pages.render("message", &page)?))
    }
}

/// What a member's message page offers after its text.
pub(super) enum After {
    /// A button posting to the form's path plus `suffix`.
    Button {
        suffix: &'static str,
        label: &'static str,
    },
    /// A link to the form's path with `query` after `?lang=…`.
    Link {
        query: &'static str,
        label: &'static str,
    },
}

/// A page with a heading, paragraphs and a way on, in the member's language.
pub(super) fn member_page(
    state: &AppState,
    l: &Loaded,
    asked: Option<&str>,
    heading_id: &str,
    paragraph_ids: &[&str],
    after: After,
) -> AppResult<HttpResponse> {
    let (lang, ui_lang) = l.languages(asked);
    let t = |id: &str| state.ui.text(&ui_lang, id, None);
    let heading = t(heading_id);
    let (button, link) = match after {
        After::Button { suffix, label } => (
            Some(Button {
                action: format!("{}{suffix}", l.path()),
                label: t(label),
            }),
            None,
        ),
        After::Link { query, label } => (
            None,
            Some(Link {
                href: format!("{}?lang={lang}{query}", l.path()),
                label: t(label),
            }),
        ),
    };
    let page = MessagePage {
        frame: frame(state, l, &lang, &ui_lang, &heading, ""),
        heading,
        paragraphs: paragraph_ids.iter().map(|id| t(id)).collect(),
        button,
        link,
    };
    Ok(html(StatusCode::OK, state.pages.render("message", &page)?))
}
