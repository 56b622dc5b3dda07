//! The respondent's pages as the templates read them
//! (`templates/respond/`): the frame every page shares, the form page,
//! the review page and the message pages.

use serde::Serialize;

/// What every page has: languages, titles, direction.
#[derive(Serialize, Clone)]
pub struct Frame {
    pub lang: String,
    pub ui_lang: String,
    pub dir: &'static str,
    pub title: String,
    pub survey_title: String,
    pub languages: Vec<LangLink>,
}

#[derive(Serialize, Clone)]
pub struct LangLink {
    pub code: String,
    pub name: String,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct ErrorLink {
    pub href: String,
    pub label: String,
    pub message: String,
}

#[derive(Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub questions: Vec<super::form::QuestionView>,
}

#[derive(Serialize)]
pub struct FormPage {
    #[serde(flatten)]
    pub frame: Frame,
    pub action: String,
    pub page: usize,
    pub intro: Option<String>,
    pub step: Option<String>,
    pub sections: Vec<SectionView>,
    pub errors: Vec<ErrorLink>,
    pub errors_title: String,
    pub saved: bool,
    pub saved_until: Option<String>,
    pub submitted_on: Option<String>,
    pub has_back: bool,
    pub has_next: bool,
    pub all: bool,
    pub preview: bool,
}

#[derive(Serialize)]
pub struct ReviewItem {
    pub label: String,
    pub answer: Option<String>,
    pub href: String,
}

#[derive(Serialize)]
pub struct ReviewSection {
    pub title: String,
    pub items: Vec<ReviewItem>,
}

#[derive(Serialize)]
pub struct ReviewPage {
    #[serde(flatten)]
    pub frame: Frame,
    pub action: String,
    pub page: String,
    pub sections: Vec<ReviewSection>,
    pub submitted_on: Option<String>,
}

#[derive(Serialize)]
pub struct Button {
    pub action: String,
    pub label: String,
}

#[derive(Serialize)]
pub struct Link {
    pub href: String,
    pub label: String,
}

#[derive(Serialize)]
pub struct MessagePage {
    #[serde(flatten)]
    pub frame: Frame,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub button: Option<Button>,
    pub link: Option<Link>,
}
