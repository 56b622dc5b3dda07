//! The demo's made-up data, the same on every run from a fixed seed:
//! member organisations in five regions and five languages, and answers
//! that lean one way per region so that regional results differ.

use rand::rngs::StdRng;
use rand::Rng;

use crate::answers::Raw;
use crate::members::Member;
use crate::survey::{QuestionKind, Survey};

/// Regions with `(country, language)` pairs their members come from.
pub(super) const REGIONS: [(&str, &[(&str, &str)]); 5] = [
    (
        "africa",
        &[
            ("KE", "en"),
            ("UG", "en"),
            ("ZA", "en"),
            ("NG", "en"),
            ("CM", "fr"),
            ("SN", "fr"),
            ("CI", "fr"),
            ("MW", "en"),
            ("CD", "fr"),
            ("TZ", "en"),
        ],
    ),
    (
        "asia_pacific",
        &[
            ("TH", "en"),
            ("IN", "en"),
            ("KH", "en"),
            ("ID", "en"),
            ("NP", "en"),
            ("PH", "en"),
            ("CN", "zh"),
            ("HK", "zh-HK"),
            ("TW", "zh-TW"),
            ("FJ", "en"),
        ],
    ),
    (
        "europe",
        &[
            ("UA", "ru"),
            ("KG", "ru"),
            ("KZ", "ru"),
            ("MD", "ru"),
            ("FR", "fr"),
            ("BE", "fr"),
            ("GB", "en"),
            ("DE", "en"),
            ("ES", "es"),
            ("RS", "en"),
        ],
    ),
    (
        "latin_america",
        &[
            ("AR", "es"),
            ("BR", "pt-BR"),
            ("CO", "es"),
            ("MX", "es"),
            ("PE", "es"),
            ("EC", "es"),
            ("BO", "es"),
            ("GT", "es"),
            ("SV", "es"),
            ("CL", "es"),
        ],
    ),
    (
        "north_america_caribbean",
        &[
            ("US", "en"),
            ("CA", "en"),
            ("CA", "fr-CA"),
            ("HT", "fr"),
            ("JM", "en"),
            ("DO", "es"),
            ("TT", "en"),
            ("GY", "en"),
            ("BS", "en"),
            ("BZ", "en"),
        ],
    ),
];

const NAME_A: [&str; 8] = [
    "Rights",
    "Voices",
    "Solidarity",
    "Empowerment",
    "Dignity",
    "Unity",
    "Action",
    "Health",
];
const NAME_B: [&str; 6] = [
    "Collective",
    "Network",
    "Association",
    "Project",
    "Coalition",
    "Alliance",
];

/// Synthetic member organisations spread over the five regions.
pub(super) fn synthetic_members(rng: &mut StdRng, n: usize) -> Vec<Member> {
    (1..=n)
        .map(|i| {
            let (region, places) = REGIONS[i % REGIONS.len()];
            let (country, language) = places[rng.gen_range(0..places.len())];
            Member {
                id: format!("m{i:04}"),
                name: format!(
                    "{} {} {country}-{i:03}",
                    NAME_A[rng.gen_range(0..NAME_A.len())],
                    NAME_B[rng.gen_range(0..NAME_B.len())]
                ),
                country: country.to_string(),
                region: region.to_string(),
                email: format!("member{i:04}@example.org"),
                language: language.to_string(),
                joined: chrono::NaiveDate::from_ymd_opt(
                    2012 + rng.gen_range(0..12),
                    rng.gen_range(1..=12),
                    rng.gen_range(1..=28),
                ),
                active: rng.gen_bool(0.97),
                member_type: member_type(i).to_string(),
            }
        })
        .collect()
}

/// The kind of member organisation (contract §4, column `type`): the
/// first member of each region is its regional network, a few say
/// nothing, the others are national organisations.
pub(super) fn member_type(index: usize) -> &'static str {
    if index <= REGIONS.len() {
        "regional_network"
    } else if index % 16 == 7 {
        ""
    } else {
        "national"
    }
}

/// Number questions that count a part of another one's count: (part,
/// whole). A made-up answer never has more in the part than in the whole
/// (no more leaders "trained by experienced leaders" than leaders trained).
/// (Experienced trainers are not a part of the leaders supported, but a
/// member with a handful of supported leaders has a handful of trainers.)
const PARTS: [(&str, &str); 3] = [
    ("supported_leaders_by_experienced", "supported_leaders"),
    ("supported_forum_leaders", "supported_leaders"),
    ("experienced_trainers", "supported_leaders"),
];

/// A plausible response in year `year` (0 for the first round): each
/// region leans its own way, so regional results differ, and drifts a
/// little every year, so rounds differ too; `show_if` is honoured by the
/// shared validation.
pub(super) fn simulated_raw(
    survey: &Survey,
    region_index: usize,
    year: usize,
    rng: &mut StdRng,
) -> Raw {
    let mut raw = Raw::new();
    for (qi, q) in survey.questions().enumerate() {
        if !q.required && rng.gen_bool(0.12) {
            continue;
        }
        // A lean per region and question, stable across respondents, that
        // grows a little each year (more training, more participation).
        let base = ((region_index * 7 + qi * 3) % 10) as f64 / 10.0;
        let lean = (0.85 * base + 0.07 * year as f64).min(0.95);
        let values: Vec<String> = match &q.kind {
            QuestionKind::Single { options } => {
                let favoured = (region_index + qi) % options.len();
                let i = if rng.gen_bool(0.15 + 0.3 * lean) {
                    favoured
                } else {
                    rng.gen_range(0..options.len())
                };
                vec![options[i].clone()]
            }
            QuestionKind::Multi { options } => simulated_choices(options, q.required, lean, rng),
            QuestionKind::Number { min, max, integer } => {
                vec![simulated_number(*min, *max, *integer, lean, rng)]
            }
            QuestionKind::Scale { min, max } => vec![simulated_scale(*min, *max, lean, rng)],
            QuestionKind::Text { .. } => simulated_note(rng),
            QuestionKind::Note => continue,
        };
        raw.insert(q.id.clone(), values);
    }
    for (part, whole) in PARTS {
        keep_part_within_whole(&mut raw, part, whole, rng);
    }
    raw
}

/// Redraws `part` as a share of `whole` when both are answered.
fn keep_part_within_whole(raw: &mut Raw, part: &str, whole: &str, rng: &mut StdRng) {
    let total = raw
        .get(whole)
        .and_then(|v| v.first())
        .and_then(|v| v.parse::<f64>().ok());
    if let (Some(total), Some(values)) = (total, raw.get_mut(part)) {
        let share = rng.gen_range(0.2..0.9_f64);
        *values = vec![format!("{}", (total * share).floor())];
    }
}

/// Options of a multi question, each chosen more often as `lean` grows;
/// one at random when none was and an answer is required.
fn simulated_choices(
    options: &[String],
    required: bool,
    lean: f64,
    rng: &mut StdRng,
) -> Vec<String> {
    let chosen: Vec<String> = options
        .iter()
        .filter(|_| rng.gen_bool(0.2 + 0.4 * lean))
        .cloned()
        .collect();
    if chosen.is_empty() && required {
        vec![options[rng.gen_range(0..options.len())].clone()]
    } else {
        chosen
    }
}

/// A number skewed towards the low end, higher as `lean` grows.
fn simulated_number(
    min: Option<f64>,
    max: Option<f64>,
    integer: bool,
    lean: f64,
    rng: &mut StdRng,
) -> String {
    let lo = min.unwrap_or(0.0);
    let hi = max.unwrap_or(lo + 100.0).min(lo + 40.0 + 200.0 * lean);
    let x = lo + (hi - lo) * rng.gen::<f64>().powi(3);
    if integer {
        format!("{}", x.round())
    } else {
        format!("{x:.1}")
    }
}

/// A point of the scale around a centre that `lean` moves up.
fn simulated_scale(min: i64, max: i64, lean: f64, rng: &mut StdRng) -> String {
    let span = (max - min) as f64;
    let centre = min as f64 + span * (0.3 + 0.5 * lean);
    let x = (centre + rng.gen_range(-1.5..1.5_f64))
        .round()
        .clamp(min as f64, max as f64);
    format!("{x}")
}

/// Half of the respondents leave a note.
fn simulated_note(rng: &mut StdRng) -> Vec<String> {
    const NOTES: [&str; 4] = [
        "Police raids on workplaces increased after the new ordinance.",
        "A health ministry working group now includes two of our members.",
        "Our peer outreach reached more sex workers after the training.",
        "Funding cuts forced us to close the drop-in centre two days a week.",
    ];
    if rng.gen_bool(0.5) {
        vec![NOTES[rng.gen_range(0..NOTES.len())].to_string()]
    } else {
        vec![]
    }
}
