//! Rendering pages: the handlebars registry (templates embedded, built
//! once at start), the `{{t "id"}}` helper that reads interface strings in
//! the page's `ui_lang`, and each page inside its layout. The models the
//! respondent's templates read are in `respond::models`; console pages
//! are `json!` inside `console::frame::Page`.

use std::sync::Arc;

use fluent_bundle::FluentArgs;
use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason,
};
use serde::Serialize;
use serde_json::Value as Json;

use crate::error::{AppError, AppResult};
use crate::i18n::Texts;

/// `{{t "message-id" name=value…}}`: an interface string, HTML-escaped.
struct Translate(Arc<Texts>);

impl HelperDef for Translate {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let id = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let lang = ctx
            .data()
            .get("ui_lang")
            .and_then(Json::as_str)
            .unwrap_or(crate::i18n::UI_DEFAULT);
        let mut args = FluentArgs::new();
        for (name, value) in h.hash() {
            match value.value() {
                Json::String(s) => args.set(*name, s.clone()),
                Json::Number(n) => args.set(*name, n.as_f64().unwrap_or_default()),
                _ => {}
            }
        }
        out.write(&handlebars::html_escape(&self.0.text(
            lang,
            id,
            Some(&args),
        )))?;
        Ok(())
    }
}

/// `{{ui_lang_attr}}`: ` lang="<interface language>"` on an element that
/// carries interface text, when the page's language (the survey's) is
/// another one; nothing otherwise. Reads the page's `lang` and `ui_lang`.
struct UiLangAttr;

impl HelperDef for UiLangAttr {
    fn call<'reg: 'rc, 'rc>(
        &self,
        _: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let field = |name| ctx.data().get(name).and_then(Json::as_str);
        if let (Some(page), Some(ui)) = (field("lang"), field("ui_lang")) {
            if page != ui {
                out.write(" lang=\"")?;
                out.write(&handlebars::html_escape(ui))?;
                out.write("\"")?;
            }
        }
        Ok(())
    }
}

/// Every template but the form, embedded: `console_*` pages render inside
/// `console_layout`, the others inside `layout` (see `Pages::render`).
const TEMPLATES: [(&str, &str); 15] = [
    ("layout", include_str!("../../templates/respond/layout.hbs")),
    ("review", include_str!("../../templates/respond/review.hbs")),
    (
        "message",
        include_str!("../../templates/respond/message.hbs"),
    ),
    (
        "console_layout",
        include_str!("../../templates/console/layout.hbs"),
    ),
    (
        "console_login",
        include_str!("../../templates/console/login.hbs"),
    ),
    (
        "console_password",
        include_str!("../../templates/console/password.hbs"),
    ),
    (
        "console_message",
        include_str!("../../templates/console/message.hbs"),
    ),
    (
        "console_rounds",
        include_str!("../../templates/console/rounds.hbs"),
    ),
    (
        "console_round",
        include_str!("../../templates/console/round.hbs"),
    ),
    (
        "console_results",
        include_str!("../../templates/console/results.hbs"),
    ),
    (
        "console_report",
        include_str!("../../templates/console/report.hbs"),
    ),
    (
        "console_texts",
        include_str!("../../templates/console/texts.hbs"),
    ),
    (
        "console_surveys",
        include_str!("../../templates/console/surveys.hbs"),
    ),
    (
        "console_members",
        include_str!("../../templates/console/members.hbs"),
    ),
    (
        "console_audit",
        include_str!("../../templates/console/audit.hbs"),
    ),
];

pub struct Pages {
    registry: Handlebars<'static>,
}

impl Pages {
    pub fn new(ui: Arc<Texts>) -> AppResult<Self> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(false);
        registry.register_helper("t", Box::new(Translate(ui)));
        registry.register_helper("ui_lang_attr", Box::new(UiLangAttr));
        // The question template is pasted into the form rather than
        // included as a partial: see `render`.
        let form = include_str!("../../templates/respond/form.hbs").replace(
            "{{> question}}",
            include_str!("../../templates/respond/question.hbs"),
        );
        for (name, source) in TEMPLATES.into_iter().chain([("form", form.as_str())]) {
            registry
                .register_template_string(name, source)
                .map_err(|e| AppError::Config(format!("template {name}: {e}")))?;
        }
        Ok(Pages { registry })
    }

    /// Renders page `name` inside its layout (`console_layout` for
    /// `console_*` pages, `layout` for the respondent's): the page first,
    /// then the layout with the page as `body`, both from one serialized
    /// context. Not a handlebars partial: a partial copies its whole context
    /// and every value looked up inside it, which made 70% of a form's
    /// rendering time.
    pub fn render<T: Serialize>(&self, name: &str, data: &T) -> AppResult<String> {
        let failed =
            |e: handlebars::RenderError| AppError::Config(format!("rendering {name}: {e}"));
        let mut context = Context::wraps(data).map_err(failed)?;
        let body = self
            .registry
            .render_with_context(name, &context)
            .map_err(failed)?;
        let layout = if name.starts_with("console_") {
            "console_layout"
        } else {
            "layout"
        };
        match context.data_mut() {
            Json::Object(fields) => fields.insert("body".into(), Json::String(body)),
            _ => return Err(AppError::Config(format!("rendering {name}: not an object"))),
        };
        self.registry
            .render_with_context(layout, &context)
            .map_err(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Interface text on a page in another language is marked with the
    /// interface's language; on a page in its own language it is not.
    #[test]
    fn interface_text_carries_its_language_when_the_page_has_another() {
        let pages = Pages::new(Arc::new(Texts::ui().unwrap())).unwrap();
        let page = |lang: &str| {
            let data = serde_json::json!({ "lang": lang, "ui_lang": "en", "dir": "ltr", "heading": "Thanks", "paragraphs": ["Saved."] });
            pages.render("message", &data).unwrap()
        };
        let german = page("de");
        assert!(german.contains("<html lang=\"de\""), "{german}");
        assert!(german.contains("<h1 lang=\"en\">Thanks</h1>"), "{german}");
        assert!(german.contains("<p lang=\"en\">Saved.</p>"), "{german}");
        assert!(german.contains("<footer lang=\"en\">"), "{german}");
        let english = page("en");
        assert!(english.contains("<h1>Thanks</h1>"), "{english}");
        assert!(!english.contains("lang=\"en\">"), "{english}");
    }
}
