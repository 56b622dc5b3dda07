//! Composing invitations and reminders: handlebars templates from
//! `templates/mail/`, texts from `locales/` and the survey, in the member's
//! language. Subjects are neutral unless the survey overrides them.

use chrono::NaiveDate;
use fluent_bundle::FluentArgs;
use handlebars::Handlebars;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use serde::Serialize;

use crate::db::outbox_state::Kind;
use crate::error::{AppError, AppResult};
use crate::i18n::{self, Texts};
use crate::token::Secret;

/// What one mail is about.
pub struct Letter<'a> {
    pub kind: Kind,
    pub invitation_id: &'a str,
    pub recipient: &'a str,
    /// The member's language as stored (any BCP 47 tag).
    pub language: &'a str,
    pub survey: &'a Texts,
    pub closes: Option<NaiveDate>,
}

#[derive(Serialize)]
struct Context {
    lang: String,
    dir: &'static str,
    subject: String,
    survey: String,
    greeting: String,
    body: String,
    link_intro: String,
    link: String,
    closes: Option<String>,
    save_later: String,
    reply: String,
    stop_intro: String,
    stop_link: Option<String>,
}

pub struct Composer {
    templates: Handlebars<'static>,
    ui: Texts,
    base_url: String,
    secret: Secret,
    from: Mailbox,
}

impl Composer {
    pub fn new(base_url: &str, secret: Secret, from: Mailbox) -> AppResult<Self> {
        let mut templates = Handlebars::new();
        templates.set_strict_mode(true);
        for (name, source) in [
            (
                "body.txt",
                include_str!("../../templates/mail/body.txt.hbs"),
            ),
            (
                "body.html",
                include_str!("../../templates/mail/body.html.hbs"),
            ),
        ] {
            templates
                .register_template_string(name, source)
                .map_err(|e| AppError::Config(format!("mail template {name}: {e}")))?;
        }
        Ok(Composer {
            templates,
            ui: Texts::ui()?,
            base_url: base_url.trim_end_matches('/').to_string(),
            secret,
            from,
        })
    }

    pub fn link(&self, invitation_id: &str) -> String {
        format!(
            "{}/r/{}",
            self.base_url,
            self.secret.link_token(invitation_id)
        )
    }

    /// The full message, or why it cannot be built (a bad address).
    pub fn compose(&self, letter: &Letter) -> Result<lettre::Message, String> {
        let lang = letter.survey.pick(&[letter.language]);
        let ui_lang = i18n::negotiate(&[lang], &i18n::UI_LANGUAGES, i18n::UI_DEFAULT);
        let ctx = self.context(letter, lang, ui_lang);
        let to: Mailbox = letter
            .recipient
            .parse()
            .map_err(|e| format!("address {}: {e}", letter.recipient))?;
        let text = self
            .templates
            .render("body.txt", &ctx)
            .map_err(|e| e.to_string())?;
        let html = self
            .templates
            .render("body.html", &ctx)
            .map_err(|e| e.to_string())?;
        let stop = format!("{}/stop", self.link(letter.invitation_id));
        lettre::Message::builder()
            .from(self.from.clone())
            .reply_to(self.from.clone())
            .to(to)
            .subject(ctx.subject.clone())
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{stop}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".into(),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Content-Language"),
                lang.to_string(),
            ))
            .multipart(alternative(text, html))
            .map_err(|e| e.to_string())
    }

    fn context(&self, letter: &Letter, lang: &str, ui_lang: &str) -> Context {
        let survey_title = letter.survey.text(lang, "survey-title", None);
        let mut args = FluentArgs::new();
        args.set("survey", survey_title.clone());
        args.set("address", self.from.email.to_string());
        if let Some(d) = letter.closes {
            // The closing date as the mail's language writes it.
            args.set("date", crate::locale::long_date(ui_lang, d));
        }
        let ui = |id: &str| self.ui.text(ui_lang, id, Some(&args));
        let (subject_id, body_id) = match letter.kind {
            Kind::Invite => ("mail-invite-subject", "mail-invite-body"),
            Kind::Reminder => ("mail-reminder-subject", "mail-reminder-body"),
        };
        let subject = letter
            .survey
            .get(lang, subject_id, None)
            .unwrap_or_else(|| ui(subject_id));
        let link = self.link(letter.invitation_id);
        Context {
            lang: lang.to_string(),
            dir: i18n::direction(lang),
            subject,
            survey: survey_title,
            greeting: ui("mail-greeting"),
            body: ui(body_id),
            link_intro: ui("mail-link-intro"),
            closes: letter.closes.map(|_| ui("mail-closes")),
            save_later: ui("mail-save-later"),
            reply: ui("mail-reply"),
            stop_intro: ui("mail-stop"),
            stop_link: (letter.kind == Kind::Reminder).then(|| format!("{link}/stop")),
            link,
        }
    }
}

/// The plain text and HTML versions, for the mail reader to pick from.
fn alternative(text: String, html: String) -> MultiPart {
    MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(text),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(html),
        )
}
