//! Form pages as a member with nothing saved sees them. Most visits are
//! the first click on a mail link; those pages differ only in the link
//! token, so each (language, page) is rendered once per round, with a
//! stand-in path, and served by putting the member's path in its place.
//! A member with a draft or a submission always gets a fresh render.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;

use super::load::Loaded;
use super::pages::{form_page, Mode};
use crate::error::AppResult;
use crate::web::AppState;

/// language, interface language, page, "saved" banner, closing date
type Key = (String, String, usize, bool, Option<NaiveDate>);

/// The pages of one frozen survey, split where the member's path goes.
/// Bounded: the survey's languages × interface languages × its pages × 2.
#[derive(Default)]
pub struct BlankPages(Mutex<HashMap<Key, Arc<Vec<String>>>>);

/// A path no survey text can contain: fresh random bits per process.
fn stand_in() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| format!("/r/{}", crate::token::new_id()))
}

/// Whether `l` sees the blank form (nothing saved, nothing submitted).
pub(super) fn applies(l: &Loaded) -> bool {
    l.draft.is_empty() && l.row.submitted_at.is_none()
}

/// Page `index` of the blank form for `l`, from the cache when it can.
pub(super) fn page(
    state: &AppState,
    l: &Loaded,
    lang: &str,
    ui_lang: &str,
    index: usize,
    saved: bool,
) -> AppResult<String> {
    let key = (
        lang.to_string(),
        ui_lang.to_string(),
        index,
        saved,
        l.row.closes,
    );
    let cache = &l.frozen.blank_pages.0;
    if let Some(parts) = cache.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return Ok(parts.join(&l.path()));
    }
    let blank = Loaded {
        base: stand_in().to_string(),
        row: l.row.clone(),
        frozen: l.frozen.clone(),
        draft: Default::default(),
    };
    let html = form_page(
        state,
        &blank,
        lang,
        ui_lang,
        Mode::Page { index, saved },
        &blank.draft,
        &BTreeMap::new(),
    )?;
    let parts: Arc<Vec<String>> = Arc::new(html.split(stand_in()).map(str::to_string).collect());
    if let Ok(mut m) = cache.lock() {
        m.insert(key, parts.clone());
    }
    Ok(parts.join(&l.path()))
}
