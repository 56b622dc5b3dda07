//! Languages: the UI strings of `locales/<lang>/*.ftl` (embedded, loaded
//! once), the survey's own texts, the network's names of regions and
//! member types (`Names`, from `<surveys dir>/_network/`), and language
//! negotiation, which lives in `negotiate` and nowhere else.
//!
//! Placeables are wrapped in Unicode isolation marks (U+2068 … U+2069,
//! Fluent's default), so a name or number in one direction stays whole
//! inside a sentence in the other.

use std::collections::BTreeMap;
use std::path::Path;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use crate::error::{AppError, AppResult};
use crate::survey::Survey;

/// The languages the interface is written in; English is the fallback.
#[cfg(not(feature = "test-locale"))]
pub const UI_LANGUAGES: [&str; 5] = ["en", "es", "fr", "ru", "zh"];
/// The languages the interface is written in, and the right-to-left test
/// locale (`TEST_LOCALE`); English is the fallback.
#[cfg(feature = "test-locale")]
pub const UI_LANGUAGES: [&str; 6] = ["en", "es", "fr", "ru", "zh", TEST_LOCALE];
pub const UI_DEFAULT: &str = "en";

/// The pseudo-locale of the Cargo feature `test-locale`, which exists only
/// for the browser test (`e2e/report.test.js`) and is never in a release
/// build: `ar-XB`, the Android and CLDR tag of a right-to-left
/// pseudo-locale. With the feature on, the interface has this one more
/// language; its words are English's (the same `locales/en/` sources, but
/// its `lang-name` says what it is), so its pages are English served with
/// `lang="ar-XB" dir="rtl"`. Dates, numbers and country names are English's
/// too (`locale`), and region, member-type and survey texts fall back as
/// for any language they lack.
pub const TEST_LOCALE: &str = "ar-XB";

/// What the test locale is called in the language switch.
#[cfg(feature = "test-locale")]
const TEST_LOCALE_NAME: &str = "lang-name = English, right to left (test)\n";

const SOURCES: [(&str, &str, &str); 20] = [
    ("en", "respond", include_str!("../locales/en/respond.ftl")),
    ("en", "mail", include_str!("../locales/en/mail.ftl")),
    ("en", "console", include_str!("../locales/en/console.ftl")),
    ("en", "workbook", include_str!("../locales/en/workbook.ftl")),
    ("es", "respond", include_str!("../locales/es/respond.ftl")),
    ("es", "mail", include_str!("../locales/es/mail.ftl")),
    ("es", "console", include_str!("../locales/es/console.ftl")),
    ("es", "workbook", include_str!("../locales/es/workbook.ftl")),
    ("fr", "respond", include_str!("../locales/fr/respond.ftl")),
    ("fr", "mail", include_str!("../locales/fr/mail.ftl")),
    ("fr", "console", include_str!("../locales/fr/console.ftl")),
    ("fr", "workbook", include_str!("../locales/fr/workbook.ftl")),
    ("ru", "respond", include_str!("../locales/ru/respond.ftl")),
    ("ru", "mail", include_str!("../locales/ru/mail.ftl")),
    ("ru", "console", include_str!("../locales/ru/console.ftl")),
    ("ru", "workbook", include_str!("../locales/ru/workbook.ftl")),
    ("zh", "respond", include_str!("../locales/zh/respond.ftl")),
    ("zh", "mail", include_str!("../locales/zh/mail.ftl")),
    ("zh", "console", include_str!("../locales/zh/console.ftl")),
    ("zh", "workbook", include_str!("../locales/zh/workbook.ftl")),
];

/// The best of `available` for someone asking for `requested` (most wanted
/// first), or `default`. `fr-CA` gets `fr`; an unknown or malformed tag
/// gets the default.
pub fn negotiate<'a>(requested: &[&str], available: &[&'a str], default: &'a str) -> &'a str {
    let requested: Vec<LanguageIdentifier> =
        requested.iter().filter_map(|t| t.parse().ok()).collect();
    let avail: Vec<LanguageIdentifier> = available.iter().filter_map(|t| t.parse().ok()).collect();
    let chosen = negotiate_languages(&requested, &avail, None, NegotiationStrategy::Filtering);
    chosen
        .first()
        .and_then(|lid| {
            available
                .iter()
                .zip(&avail)
                .find(|(_, a)| a == lid)
                .map(|(t, _)| *t)
        })
        .unwrap_or(default)
}

/// Text direction of a language, for `dir` on pages and mails.
pub fn direction(lang: &str) -> &'static str {
    let primary = lang.split('-').next().unwrap_or(lang);
    if ["ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb"].contains(&primary) {
        "rtl"
    } else {
        "ltr"
    }
}

fn bundle(lang: &str, sources: &[&str], what: &str) -> AppResult<FluentBundle<FluentResource>> {
    let lid: LanguageIdentifier = lang
        .parse()
        .map_err(|_| AppError::Config(format!("{what}: `{lang}` is not a language tag")))?;
    let mut bundle = FluentBundle::new_concurrent(vec![lid]);
    for source in sources {
        let res = FluentResource::try_new((*source).to_string()).map_err(|(_, errs)| {
            AppError::Config(format!("{what} ({lang}): Fluent syntax: {errs:?}"))
        })?;
        bundle
            .add_resource(res)
            .map_err(|errs| AppError::Config(format!("{what} ({lang}): {errs:?}")))?;
    }
    Ok(bundle)
}

fn format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// The test locale's English texts, with its own name in the language switch.
#[cfg(feature = "test-locale")]
fn named_test_locale(
    mut texts: FluentBundle<FluentResource>,
) -> AppResult<FluentBundle<FluentResource>> {
    let name = FluentResource::try_new(TEST_LOCALE_NAME.to_string())
        .map_err(|(_, errs)| AppError::Config(format!("test locale: Fluent syntax: {errs:?}")))?;
    texts.add_resource_overriding(name);
    Ok(texts)
}

/// Bundles by language, with fallback to a default language.
pub struct Texts {
    bundles: BTreeMap<String, FluentBundle<FluentResource>>,
    default: String,
}

impl Texts {
    /// The interface strings, embedded in the binary.
    pub fn ui() -> AppResult<Self> {
        let mut bundles = BTreeMap::new();
        for lang in UI_LANGUAGES {
            // The test locale is written in English.
            let written_in = if lang == TEST_LOCALE {
                UI_DEFAULT
            } else {
                lang
            };
            let sources: Vec<&str> = SOURCES
                .iter()
                .filter(|(l, _, _)| *l == written_in)
                .map(|(_, _, s)| *s)
                .collect();
            let texts = bundle(lang, &sources, "interface texts")?;
            #[cfg(feature = "test-locale")]
            let texts = if lang == TEST_LOCALE {
                named_test_locale(texts)?
            } else {
                texts
            };
            bundles.insert(lang.to_string(), texts);
        }
        Ok(Texts {
            bundles,
            default: UI_DEFAULT.into(),
        })
    }

    /// A survey's own texts (of a round's frozen copy).
    pub fn survey(survey: &Survey) -> AppResult<Self> {
        let mut bundles = BTreeMap::new();
        for (lang, source) in &survey.texts {
            bundles.insert(
                lang.clone(),
                bundle(lang, &[source], &format!("survey {}", survey.id))?,
            );
        }
        Ok(Texts {
            bundles,
            default: survey.default_language.clone(),
        })
    }

    pub fn languages(&self) -> Vec<&str> {
        self.bundles.keys().map(String::as_str).collect()
    }

    /// The language of these texts that best serves `requested`.
    pub fn pick<'a>(&'a self, requested: &[&str]) -> &'a str {
        negotiate(requested, &self.languages(), &self.default)
    }

    /// The message in `lang`, else in the default language.
    pub fn get(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        self.bundles
            .get(lang)
            .and_then(|b| format(b, id, args))
            .or_else(|| {
                self.bundles
                    .get(&self.default)
                    .and_then(|b| format(b, id, args))
            })
    }

    /// Like `get`, but never empty-handed: the id itself as a last resort
    /// (a survey that passed its check always has the message).
    pub fn text(&self, lang: &str, id: &str, args: Option<&FluentArgs>) -> String {
        self.get(lang, id, args).unwrap_or_else(|| id.to_string())
    }
}

/// Region and member-type names (contract §7a), read once from
/// `<surveys dir>/_network/<lang>.ftl`. A name missing in a language is
/// shown in English, and a name missing in English too shows the id.
/// Files with problems still give the names they hold (`survey check`
/// reports the problems).
pub struct Names {
    texts: Texts,
}

impl Names {
    /// The names under `surveys_dir`; none when the folder is missing.
    pub fn load(surveys_dir: &Path) -> Self {
        let dir = surveys_dir.join(crate::survey::network::DIR);
        let (sources, diags) = crate::survey::network::load(&dir);
        for d in diags
            .iter()
            .filter(|d| d.severity == crate::survey::Severity::Error)
        {
            tracing::warn!("{d}");
        }
        Names::from_sources(&sources)
    }

    /// Names from Fluent sources by language tag; an entry that does not
    /// parse is left out, the rest are kept.
    pub fn from_sources(sources: &BTreeMap<String, String>) -> Self {
        let mut bundles = BTreeMap::new();
        for (lang, source) in sources {
            let Ok(lid) = lang.parse::<LanguageIdentifier>() else {
                continue;
            };
            let mut bundle = FluentBundle::new_concurrent(vec![lid]);
            let res = FluentResource::try_new(source.clone()).unwrap_or_else(|(res, _)| res);
            // Errors here are messages defined twice: the first one wins.
            let _ = bundle.add_resource(res);
            bundles.insert(lang.clone(), bundle);
        }
        Names {
            texts: Texts {
                bundles,
                default: crate::survey::network::DEFAULT_LANGUAGE.into(),
            },
        }
    }

    /// What region `id` is called in `lang`.
    pub fn region(&self, lang: &str, id: &str) -> String {
        self.name(lang, "region", id)
    }

    /// What member type `id` is called in `lang`.
    pub fn member_type(&self, lang: &str, id: &str) -> String {
        self.name(lang, "type", id)
    }

    /// What country `code` (ISO 3166-1 alpha-2) is called in `lang`, from
    /// CLDR (`locale::country_name`).
    pub fn country(&self, lang: &str, code: &str) -> String {
        crate::locale::country_name(lang, code)
    }

    fn name(&self, lang: &str, kind: &str, id: &str) -> String {
        let lang = self.texts.pick(&[lang]).to_string();
        self.texts
            .get(&lang, &format!("{kind}-{id}"), None)
            .unwrap_or_else(|| id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fall_back_to_english_then_to_the_id() {
        let sources = BTreeMap::from([
            (
                "en".to_string(),
                "region-africa = Africa\nregion-europe = Europe\ntype-national = National organisation\n".to_string(),
            ),
            ("fr".to_string(), "region-africa = Afrique\nregion-asia = Asie\nbroken\n".to_string()),
        ]);
        let names = Names::from_sources(&sources);
        assert_eq!(names.region("fr", "africa"), "Afrique");
        assert_eq!(names.region("fr-CA", "africa"), "Afrique");
        assert_eq!(names.region("fr", "asia"), "Asie");
        assert_eq!(names.region("fr", "europe"), "Europe");
        assert_eq!(names.region("ru", "africa"), "Africa");
        assert_eq!(names.region("fr", "oceania"), "oceania");
        assert_eq!(names.member_type("fr", "national"), "National organisation");
        assert_eq!(
            names.member_type("en", "regional_network"),
            "regional_network"
        );
        assert_eq!(names.country("fr", "DE"), "Allemagne");
        let none = Names::load(Path::new("/nonexistent"));
        assert_eq!(none.region("fr", "africa"), "africa");
    }

    #[test]
    fn placeables_keep_their_isolation_marks() {
        let ui = Texts::ui().unwrap();
        let mut args = FluentArgs::new();
        args.set("count", 3);
        assert!(ui
            .text("en", "errors-title", Some(&args))
            .contains("\u{2068}3\u{2069}"));
    }

    #[test]
    fn negotiation_falls_back_sensibly() {
        let avail = ["en", "es", "fr", "ru", "zh"];
        assert_eq!(negotiate(&["fr-CA"], &avail, "en"), "fr");
        assert_eq!(negotiate(&["pt-BR"], &avail, "en"), "en");
        assert_eq!(negotiate(&["not a tag"], &avail, "en"), "en");
        assert_eq!(negotiate(&["de", "es-MX"], &avail, "en"), "es");
        assert_eq!(negotiate(&["ru"], &["en", "ru"], "en"), "ru");
    }

    #[test]
    fn every_interface_language_has_every_english_message() {
        let ui = Texts::ui().unwrap();
        let ids: Vec<String> = SOURCES
            .iter()
            .filter(|(l, _, _)| *l == "en")
            .flat_map(|(_, _, s)| crate::survey::texts::message_ids(s))
            .collect();
        assert!(ids.len() > 40);
        for lang in UI_LANGUAGES {
            let missing: Vec<&String> = ids
                .iter()
                .filter(|id| ui.bundles[lang].get_message(id).is_none())
                .collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
        let mut args = FluentArgs::new();
        args.set("count", 3);
        assert!(ui.text("ru", "errors-title", Some(&args)).contains('3'));
    }

    #[test]
    fn right_to_left_languages_are_known() {
        assert_eq!(direction("ar-EG"), "rtl");
        assert_eq!(direction("fr"), "ltr");
    }

    /// What the browser test's right-to-left run relies on, checked here
    /// without the `test-locale` feature.
    #[test]
    fn the_test_locale_is_right_to_left_and_falls_back_to_english() {
        assert_eq!(direction(TEST_LOCALE), "rtl");
        assert_eq!(
            negotiate(&[TEST_LOCALE], &["en", TEST_LOCALE], "en"),
            TEST_LOCALE
        );
        assert_eq!(negotiate(&[TEST_LOCALE], &["en", "es", "fr"], "en"), "en");
        let names = Names::from_sources(&BTreeMap::from([(
            "en".to_string(),
            "region-africa = Africa\n".to_string(),
        )]));
        assert_eq!(names.region(TEST_LOCALE, "africa"), "Africa");
        assert_eq!(names.country(TEST_LOCALE, "KE"), "Kenya");
        let ui = Texts::ui().unwrap();
        assert_eq!(
            ui.text(TEST_LOCALE, "language-switch", None),
            ui.text("en", "language-switch", None)
        );
    }

    #[cfg(feature = "test-locale")]
    #[test]
    fn the_test_locale_is_an_interface_language_with_its_own_name() {
        assert!(UI_LANGUAGES.contains(&TEST_LOCALE));
        let ui = Texts::ui().unwrap();
        assert_eq!(
            negotiate(&[TEST_LOCALE], &UI_LANGUAGES, UI_DEFAULT),
            TEST_LOCALE
        );
        assert_eq!(
            ui.text(TEST_LOCALE, "lang-name", None),
            "English, right to left (test)"
        );
        assert_eq!(ui.text("en", "lang-name", None), "English");
    }
}
