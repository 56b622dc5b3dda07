//! The respondent's form as HTML: a section page, every shown section at
//! once (after a submit with problems, with each problem linked), the
//! review page, and the secretariat's preview of a survey.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::FluentArgs;

use super::form::{self, Ctx};
use super::load::{Loaded, Row};
use super::message::frame;
use super::models::{ErrorLink, FormPage, ReviewItem, ReviewPage, ReviewSection, SectionView};
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
    l.row.submitted_at.map(|t| {
        let mut args = FluentArgs::new();
        args.set("date", t.date().to_string());
        state.ui.text(ui_lang, "submitted-notice", Some(&args))
    })
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
    let ctx = Ctx {
        survey,
        texts: &l.frozen.texts,
        lang,
        ui: &state.ui,
        ui_lang,
        draft,
        errors,
    };
    let preview = matches!(mode, Mode::Preview);
    let Shown {
        sections,
        index,
        saved,
        all,
    } = shown(&ctx, mode);
    let mut args = FluentArgs::new();
    args.set("count", errors.len());
    args.set("page", index + 1);
    args.set("pages", survey.sections.len());
    let heading = sections
        .first()
        .map(|s| s.title.clone())
        .unwrap_or_default();
    let kept_page = if all {
        String::new()
    } else {
        format!("&page={index}")
    };
    let page = FormPage {
        frame: frame(state, l, lang, ui_lang, &heading, &kept_page),
        action: l.path(),
        page: index,
        intro: (index == 0 && !all)
            .then(|| l.frozen.texts.get(lang, "survey-intro", None))
            .flatten(),
        step: (!all).then(|| state.ui.text(ui_lang, "step-of", Some(&args))),
        sections,
        errors_title: state.ui.text(ui_lang, "errors-title", Some(&args)),
        errors: error_links(&ctx),
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

/// The sections `mode` puts on the page, each with the questions shown.
fn shown(ctx: &Ctx, mode: Mode) -> Shown {
    let survey = ctx.survey;
    let every = |questions: &dyn Fn(&Section) -> Vec<&Question>, page: &[&str]| -> Vec<_> {
        survey
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| section_view(ctx, i, questions(s), page))
            .collect()
    };
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
        Mode::All => {
            // What is shown, and what the answers on this page may show.
            let visible = survey.visible(&form::lenient(survey, ctx.draft));
            let on_page = |q: &&Question| {
                visible.contains(&q.id.as_str())
                    || q.show_if
                        .as_ref()
                        .is_some_and(|c| visible.contains(&c.question.as_str()))
            };
            let mut sections = every(&|s| s.questions.iter().filter(on_page).collect(), &visible);
            sections.retain(|s| !s.questions.is_empty());
            Shown {
                sections,
                index: 0,
                saved: false,
                all: true,
            }
        }
        Mode::Preview => {
            let ids: Vec<&str> = survey.questions().map(|q| q.id.as_str()).collect();
            let sections = every(&|s| s.questions.iter().collect(), &ids);
            Shown {
                sections,
                index: 0,
                saved: false,
                all: true,
            }
        }
    }
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
            .map(|q| {
                let live = q
                    .show_if
                    .as_ref()
                    .is_some_and(|c| page.contains(&c.question.as_str()));
                ctx.question(q, live)
            })
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
            .filter(|q| visible.contains(&q.id.as_str()))
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
