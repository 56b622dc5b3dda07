//! The respondent's pages as HTML: the frame with its language switcher,
//! section pages, the review page, the 422 page with every problem, the
//! secretariat's preview, and the short message pages.

use std::collections::BTreeMap;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use chrono::Utc;
use fluent_bundle::FluentArgs;

use super::form::{self, Ctx};
use crate::answers::{Problem, Raw};
use crate::error::AppResult;
use crate::i18n;
use crate::rounds::Phase;
use crate::web::view::{
    Button, ErrorLink, FormPage, Frame, LangLink, Link, MessagePage, ReviewItem, ReviewPage,
    ReviewSection, SectionView,
};
use crate::web::{AppState, FrozenSurvey};

use super::load::{Loaded, Row};

pub(super) fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

pub(super) fn see_other(location: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", location))
        .finish()
}

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

/// A page with a heading and some text, in the interface language.
pub(super) fn message(
    state: &AppState,
    l: Option<&Loaded>,
    asked: Option<&str>,
    status: StatusCode,
    ids: (&str, &[&str]),
    args: Option<&FluentArgs>,
) -> AppResult<HttpResponse> {
    let (lang, ui_lang) = match l {
        Some(l) => l.languages(asked),
        None => {
            let ui = i18n::negotiate(
                &asked.into_iter().collect::<Vec<_>>(),
                &i18n::UI_LANGUAGES,
                i18n::UI_DEFAULT,
            )
            .to_string();
            (ui.clone(), ui)
        }
    };
    let heading = state.ui.text(&ui_lang, ids.0, args);
    let frame = match l {
        Some(l) => frame(state, l, &lang, &ui_lang, &heading, ""),
        None => Frame {
            lang: lang.clone(),
            ui_lang: ui_lang.clone(),
            dir: i18n::direction(&lang),
            title: heading.clone(),
            survey_title: String::new(),
            languages: Vec::new(),
        },
    };
    let page = MessagePage {
        frame,
        heading,
        paragraphs: ids
            .1
            .iter()
            .map(|id| state.ui.text(&ui_lang, id, args))
            .collect(),
        button: None,
        link: None,
    };
    Ok(html(status, state.pages.render("message", &page)?))
}

pub(super) fn not_found(state: &AppState, asked: Option<&str>) -> AppResult<HttpResponse> {
    message(
        state,
        None,
        asked,
        StatusCode::NOT_FOUND,
        ("not-found-title", &["not-found-body"]),
        None,
    )
}

/// The 410 page when the round is closed (or past its closing date): its
/// links change nothing any more.
pub(super) fn gone(
    state: &AppState,
    l: &Loaded,
    asked: Option<&str>,
) -> AppResult<Option<HttpResponse>> {
    match l.phase(Utc::now().date_naive()) {
        Phase::Closed | Phase::PastClosing => message(
            state,
            Some(l),
            asked,
            StatusCode::GONE,
            ("closed-title", &["closed-body"]),
            None,
        )
        .map(Some),
        Phase::Open | Phase::Scheduled(_) => Ok(None),
    }
}

/// The answer for a round that takes no answers now, if so.
pub(super) fn closed_or_waiting(
    state: &AppState,
    l: &Loaded,
    asked: Option<&str>,
) -> AppResult<Option<HttpResponse>> {
    match l.phase(Utc::now().date_naive()) {
        Phase::Open => Ok(None),
        Phase::Closed | Phase::PastClosing => gone(state, l, asked),
        Phase::Scheduled(d) => {
            let mut args = FluentArgs::new();
            args.set("date", d.to_string());
            message(
                state,
                Some(l),
                asked,
                StatusCode::FORBIDDEN,
                ("not-open-title", &["not-open-body"]),
                Some(&args),
            )
            .map(Some)
        }
    }
}

pub(super) enum Mode {
    Page {
        index: usize,
        saved: bool,
    },
    /// Every shown question on one page, after a submit with problems.
    All,
    /// Every question, nothing to submit (the secretariat's preview).
    Preview,
}

pub(super) fn submitted_notice(state: &AppState, l: &Loaded, ui_lang: &str) -> Option<String> {
    l.row.submitted_at.map(|t| {
        let mut args = FluentArgs::new();
        args.set("date", t.date().to_string());
        state.ui.text(ui_lang, "submitted-notice", Some(&args))
    })
}

pub(super) fn form_page(
    state: &AppState,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
    mode: Mode,
    draft: &Raw,
    errors: &BTreeMap<String, Problem>,
) -> AppResult<String> {
    let survey = &l.frozen.survey;
    let ctx = Ctx {
        survey,
        texts: &l.frozen.texts,
        lang,
        ui: &state.ui,
        ui_lang,
        draft,
        errors,
    };
    // `page` holds the ids of every question on the page: a condition is
    // left to the page's script only when its target is among them;
    // otherwise the server has decided already.
    let section = |i: usize, questions: Vec<&crate::survey::Question>, page: &[&str]| SectionView {
        id: survey.sections[i].id.clone(),
        title: l
            .frozen
            .texts
            .text(lang, &format!("section-{}", survey.sections[i].id), None),
        questions: questions
            .into_iter()
            .map(|q| {
                ctx.question(
                    q,
                    q.show_if
                        .as_ref()
                        .is_some_and(|c| page.contains(&c.question.as_str())),
                )
            })
            .collect(),
    };
    let preview = matches!(mode, Mode::Preview);
    let (sections, index, saved, all) = match mode {
        Mode::Page { index, saved } => {
            let ids: Vec<&str> = survey.sections[index]
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .collect();
            (
                vec![section(
                    index,
                    form::page_questions(survey, index, draft),
                    &ids,
                )],
                index,
                saved,
                false,
            )
        }
        Mode::All => {
            // What is shown, and what the answers on this page may show.
            let visible = survey.visible(&form::lenient(survey, draft));
            let on_page = |q: &crate::survey::Question| {
                visible.contains(&q.id.as_str())
                    || q.show_if
                        .as_ref()
                        .is_some_and(|c| visible.contains(&c.question.as_str()))
            };
            let sections = (0..survey.sections.len())
                .map(|i| {
                    section(
                        i,
                        survey.sections[i]
                            .questions
                            .iter()
                            .filter(|q| on_page(q))
                            .collect(),
                        &visible,
                    )
                })
                .filter(|s| !s.questions.is_empty())
                .collect();
            (sections, 0, false, true)
        }
        Mode::Preview => {
            let ids: Vec<&str> = survey.questions().map(|q| q.id.as_str()).collect();
            let sections = (0..survey.sections.len())
                .map(|i| section(i, survey.sections[i].questions.iter().collect(), &ids))
                .collect();
            (sections, 0, false, true)
        }
    };

    let mut args = FluentArgs::new();
    args.set("count", errors.len());
    args.set("page", index + 1);
    args.set("pages", survey.sections.len());
    let heading = sections
        .first()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    // In the order of the form, not of the ids.
    let errors: Vec<ErrorLink> = survey
        .questions()
        .filter_map(|q| errors.get(&q.id).map(|p| (&q.id, p)))
        .map(|(q, p)| ErrorLink {
            href: format!("#q-{q}"),
            label: l.frozen.texts.text(lang, &format!("q-{q}"), None),
            message: ctx.problem(p),
        })
        .collect();
    let page = FormPage {
        frame: frame(
            state,
            l,
            lang,
            ui_lang,
            &heading,
            &if all {
                String::new()
            } else {
                format!("&page={index}")
            },
        ),
        action: l.path(),
        page: index,
        intro: (index == 0 && !all)
            .then(|| l.frozen.texts.get(lang, "survey-intro", None))
            .flatten(),
        step: (!all).then(|| state.ui.text(ui_lang, "step-of", Some(&args))),
        sections,
        errors_title: state.ui.text(ui_lang, "errors-title", Some(&args)),
        errors,
        saved,
        saved_until: l.row.closes.filter(|_| saved).map(|d| {
            let mut a = FluentArgs::new();
            a.set("date", d.to_string());
            state.ui.text(ui_lang, "saved-until", Some(&a))
        }),
        submitted_on: submitted_notice(state, l, ui_lang),
        has_back: form::previous_page(survey, index, draft).is_some(),
        has_next: form::next_page(survey, index, draft).is_some(),
        all,
        preview,
    };
    state.pages.render("form", &page)
}

pub(super) fn review_page(
    state: &AppState,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
) -> AppResult<String> {
    let survey = &l.frozen.survey;
    let errors = BTreeMap::new();
    let ctx = Ctx {
        survey,
        texts: &l.frozen.texts,
        lang,
        ui: &state.ui,
        ui_lang,
        draft: &l.draft,
        errors: &errors,
    };
    let visible = survey.visible(&form::lenient(survey, &l.draft));
    let sections = survey
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| ReviewSection {
            title: l
                .frozen
                .texts
                .text(lang, &format!("section-{}", s.id), None),
            items: s
                .questions
                .iter()
                .filter(|q| visible.contains(&q.id.as_str()))
                .map(|q| ReviewItem {
                    label: l.frozen.texts.text(lang, &format!("q-{}", q.id), None),
                    answer: ctx.answer_text(q),
                    href: format!("{}?lang={lang}&page={i}#q-{}", l.path(), q.id),
                })
                .collect(),
        })
        .filter(|s: &ReviewSection| !s.items.is_empty())
        .collect();
    let heading = state.ui.text(ui_lang, "summary-title", None);
    let page = ReviewPage {
        frame: frame(state, l, lang, ui_lang, &heading, "&page=review"),
        action: l.path(),
        page: "review".into(),
        sections,
        submitted_on: submitted_notice(state, l, ui_lang),
    };
    state.pages.render("review", &page)
}

/// The respondent form of a survey as it is in the files, every question
/// shown, in `lang` (`?lang=` on `base` switches): the secretariat's preview.
pub(crate) fn preview(
    state: &AppState,
    frozen: Arc<FrozenSurvey>,
    asked: Option<&str>,
    base: String,
) -> AppResult<String> {
    let lang = frozen
        .texts
        .pick(&asked.into_iter().collect::<Vec<_>>())
        .to_string();
    let ui_lang = i18n::negotiate(&[&lang], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT).to_string();
    let row = Row {
        id: String::new(),
        language: lang.clone(),
        submitted_at: None,
        started_at: None,
        round_id: 0,
        content_hash: String::new(),
        opens: None,
        closes: None,
        closed: false,
    };
    let l = Loaded {
        base,
        row,
        frozen,
        draft: Raw::new(),
    };
    form_page(
        state,
        &l,
        &lang,
        &ui_lang,
        Mode::Preview,
        &Raw::new(),
        &BTreeMap::new(),
    )
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
