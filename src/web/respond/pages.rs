//! The respondent's form as HTML: a section page, every shown section at
//! once (after a submit with problems, with each problem linked), the
//! review page, and the secretariat's preview of a survey.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use fluent_bundle::FluentArgs;

use super::form::{self, Ctx};
use super::load::{Loaded, Row};
use super::message::frame;
use super::models::{
    ErrorLink, FormPage, Frame, ReviewItem, ReviewPage, ReviewSection, SectionView,
};
use crate::answers::{Problem, Raw};
use crate::error::AppResult;
use crate::i18n;
use crate::survey::{Question, Section};
use crate::web::{AppState, FrozenSurvey};

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
    l.row
        .submitted_at
        .map(|t| dated(state, ui_lang, "submitted-notice", t.date()))
}

/// Interface text `id` naming `date`.
fn dated(state: &AppState, ui_lang: &str, id: &str, date: NaiveDate) -> String {
    let mut args = FluentArgs::new();
    args.set("date", date.to_string());
    state.ui.text(ui_lang, id, Some(&args))
}

/// What the question views of `l`'s form need.
fn ctx<'a>(
    state: &'a AppState,
    l: &'a Loaded,
    (lang, ui_lang): (&'a str, &'a str),
    draft: &'a Raw,
    errors: &'a BTreeMap<String, Problem>,
) -> Ctx<'a> {
    Ctx {
        survey: &l.frozen.survey,
        texts: &l.frozen.texts,
        lang,
        ui: &state.ui,
        ui_lang,
        draft,
        errors,
    }
}

/// The sections a form page holds, as its `Mode` decides.
struct Shown {
    sections: Vec<SectionView>,
    /// The page's index (0 when it holds every section).
    index: usize,
    /// Whether it says the draft was saved.
    saved: bool,
    /// Whether it holds every section.
    all: bool,
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
    let ctx = ctx(state, l, (lang, ui_lang), draft, errors);
    let preview = matches!(mode, Mode::Preview);
    let shown = shown(&ctx, mode);
    let (index, all, saved) = (shown.index, shown.all, shown.saved);
    let mut args = FluentArgs::new();
    args.set("count", errors.len());
    args.set("page", index + 1);
    args.set("pages", survey.sections.len());
    let page = FormPage {
        frame: form_frame(state, l, (lang, ui_lang), &shown),
        action: l.path(),
        page: index,
        intro: (index == 0 && !all)
            .then(|| l.frozen.texts.get(lang, "survey-intro", None))
            .flatten(),
        step: (!all).then(|| state.ui.text(ui_lang, "step-of", Some(&args))),
        sections: shown.sections,
        errors_title: state.ui.text(ui_lang, "errors-title", Some(&args)),
        errors: error_links(&ctx),
        saved,
        saved_until: l
            .row
            .closes
            .filter(|_| saved)
            .map(|d| dated(state, ui_lang, "saved-until", d)),
        submitted_on: submitted_notice(state, l, ui_lang),
        has_back: form::previous_page(survey, index, draft).is_some(),
        has_next: form::next_page(survey, index, draft).is_some(),
        all,
        preview,
    };
    state.pages.render("form", &page)
}

/// The frame of a form page: its first section's title, and the page it
/// shows kept in the language links.
fn form_frame(state: &AppState, l: &Loaded, (lang, ui_lang): (&str, &str), shown: &Shown) -> Frame {
    let heading = shown
        .sections
        .first()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let kept_page = if shown.all {
        String::new()
    } else {
        format!("&page={}", shown.index)
    };
    frame(state, l, lang, ui_lang, &heading, &kept_page)
}

/// The sections `mode` puts on the page, each with the questions shown.
fn shown(ctx: &Ctx, mode: Mode) -> Shown {
    let survey = ctx.survey;
    match mode {
        Mode::Page { index, saved } => {
            let ids: Vec<&str> = survey.sections[index]
                .questions
                .iter()
                .map(|q| q.id.as_str())
                .collect();
            let questions = form::page_questions(survey, index, ctx.draft);
            let sections = vec![section_view(ctx, index, questions, &ids)];
            Shown {
                sections,
                index,
                saved,
                all: false,
            }
        }
        Mode::All => Shown {
            sections: every_shown_section(ctx),
            index: 0,
            saved: false,
            all: true,
        },
        Mode::Preview => {
            let ids: Vec<&str> = survey.questions().map(|q| q.id.as_str()).collect();
            let sections = survey
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| section_view(ctx, i, s.questions.iter().collect(), &ids))
                .collect();
            Shown {
                sections,
                index: 0,
                saved: false,
                all: true,
            }
        }
    }
}

/// Every section with something to show: the questions the draft shows,
/// and those the answers on this page may show.
fn every_shown_section(ctx: &Ctx) -> Vec<SectionView> {
    let survey = ctx.survey;
    let visible = survey.visible(&form::lenient(survey, ctx.draft));
    let on_page = |q: &&Question| {
        visible.contains(&q.id.as_str())
            || q.show_if
                .as_ref()
                .is_some_and(|c| c.questions().iter().any(|t| visible.contains(t)))
    };
    survey
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            section_view(
                ctx,
                i,
                s.questions.iter().filter(on_page).collect(),
                &visible,
            )
        })
        .filter(|s| !s.questions.is_empty())
        .collect()
}

/// Section `i` with `questions`. `page` holds the ids of every question on
/// the page: a condition is left to the page's script only when its target
/// is among them; otherwise the server has decided already.
fn section_view(ctx: &Ctx, i: usize, questions: Vec<&Question>, page: &[&str]) -> SectionView {
    let id = &ctx.survey.sections[i].id;
    SectionView {
        id: id.clone(),
        title: ctx.texts.text(ctx.lang, &format!("section-{id}"), None),
        questions: questions
            .into_iter()
            .map(|q| ctx.question(q, page))
            .collect(),
    }
}

/// The problems as links to their questions, in the order of the form
/// (not of the ids).
fn error_links(ctx: &Ctx) -> Vec<ErrorLink> {
    ctx.survey
        .questions()
        .filter_map(|q| ctx.errors.get(&q.id).map(|p| (&q.id, p)))
        .map(|(q, p)| ErrorLink {
            href: format!("#q-{q}"),
            label: ctx.texts.text(ctx.lang, &format!("q-{q}"), None),
            message: ctx.problem(p),
        })
        .collect()
}

pub(super) fn review_page(
    state: &AppState,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
) -> AppResult<String> {
    let survey = &l.frozen.survey;
    let errors = BTreeMap::new();
    let ctx = ctx(state, l, (lang, ui_lang), &l.draft, &errors);
    let visible = survey.visible(&form::lenient(survey, &l.draft));
    let sections = survey
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| review_section(&ctx, l, i, s, &visible))
        .filter(|s| !s.items.is_empty())
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

/// Section `i` on the review page: each visible question, its answer and
/// a link back to it.
fn review_section(
    ctx: &Ctx,
    l: &Loaded,
    i: usize,
    section: &Section,
    visible: &[&str],
) -> ReviewSection {
    let lang = ctx.lang;
    ReviewSection {
        title: ctx
            .texts
            .text(lang, &format!("section-{}", section.id), None),
        items: section
            .questions
            .iter()
            .filter(|q| q.kind.takes_answer() && visible.contains(&q.id.as_str()))
            .map(|q| ReviewItem {
                label: ctx.texts.text(lang, &format!("q-{}", q.id), None),
                answer: ctx.answer_text(q),
                href: format!("{}?lang={lang}&page={i}#q-{}", l.path(), q.id),
            })
            .collect(),
    }
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
