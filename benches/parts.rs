//! `cargo bench --bench parts`: criterion micro-benchmarks of the pieces on
//! the hot paths that need no database: checking the example survey,
//! validating a full submission, and packing and counting responses.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};

use canvass::answers::{self, Raw};
use canvass::survey::{QuestionKind, Survey};

fn example() -> Survey {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys");
    match canvass::survey::load_by_id(&dir, "member_survey") {
        Ok(s) => s,
        Err(e) => panic!("the example survey must load: {e}"),
    }
}

/// The first option, the lowest number: a full response the form accepts.
fn full_response(survey: &Survey) -> Raw {
    survey
        .questions()
        .map(|q| {
            let v = match &q.kind {
                QuestionKind::Single { options } | QuestionKind::Multi { options } => {
                    options[0].clone()
                }
                QuestionKind::Number { min, .. } => min.unwrap_or(0.0).to_string(),
                QuestionKind::Scale { min, .. } => min.to_string(),
                QuestionKind::Text { .. } => "a few words".into(),
                QuestionKind::Note => String::new(),
            };
            (q.id.clone(), vec![v])
        })
        .collect()
}

fn parts(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys/member_survey");
    c.bench_function("survey check (load, parse, Fluent checks)", |b| {
        b.iter(|| canvass::survey::load(&dir))
    });
    let survey = example();
    let raw = full_response(&survey);
    c.bench_function("validate a full submission", |b| {
        b.iter(|| answers::validate(&survey, &raw))
    });
    let valid = match answers::validate(&survey, &raw) {
        Ok(v) => v,
        Err(p) => panic!("the full response must validate: {p:?}"),
    };
    c.bench_function("pack a submission", |b| {
        b.iter(|| canvass::answers::packed::pack(&survey, &valid))
    });
    let packed = canvass::answers::packed::pack(&survey, &valid);
    c.bench_function("tally 1,000 packed responses (every indicator)", |b| {
        b.iter(|| {
            let mut tally = canvass::results::Tallier::new(&survey);
            for i in 0..1000 {
                let place = canvass::results::Place {
                    region: ["a", "b", "c", "d", "e"][i % 5],
                    country: ["KE", "NG", "TH"][i % 3],
                    member_type: "national",
                };
                tally.add_packed(place, &packed);
            }
            tally.finish().len()
        })
    });
}

/// A survey of 300 questions (30 sections of 10) in five languages.
fn big_survey() -> Survey {
    let mut toml = String::from("id = \"big\"\ndefault_language = \"en\"\n");
    let mut ftl = String::from("survey-title = Big\n");
    for s in 0..30 {
        toml.push_str(&format!("\n[[sections]]\nid = \"s{s}\"\n"));
        ftl.push_str(&format!("section-s{s} = Section {s}\n"));
        for q in 0..10 {
            let id = format!("q{s}_{q}");
            toml.push_str(&format!("\n  [[sections.questions]]\n  id = \"{id}\"\n"));
            ftl.push_str(&format!("q-{id} = Question {s}.{q}, a sentence of ordinary length?\nq-{id}-help = Some help\n"));
            match q % 4 {
                0 => {
                    toml.push_str("  type = \"single\"\n  options = [\"a\", \"b\", \"c\", \"d\"]\n");
                    for o in ["a", "b", "c", "d"] {
                        ftl.push_str(&format!("q-{id}-{o} = Option {o}\n"));
                    }
                }
                1 => toml.push_str(&format!("  type = \"number\"\n  min = 0\n  max = 1000\n  integer = true\n  show_if = {{ question = \"q{s}_0\", any_of = [\"a\", \"b\"] }}\n")),
                2 => toml.push_str("  type = \"scale\"\n  min = 1\n  max = 5\n"),
                _ => toml.push_str("  type = \"text\"\n  max_length = 500\n"),
            }
        }
    }
    let ftl: Vec<(String, String)> = ["en", "es", "fr", "ru", "zh"]
        .iter()
        .map(|l| (format!("{l}.ftl"), ftl.clone()))
        .collect();
    let files = canvass::survey::SurveyFiles {
        dir: Path::new("surveys/big").into(),
        toml,
        ftl,
    };
    match canvass::survey::load_sources(&files) {
        (Some(s), _) => s,
        (None, d) => panic!("the big survey must load: {d:?}"),
    }
}

/// Results of the example survey for six regions and ALL.
fn published(survey: &Survey) -> canvass::results::Published {
    let mut rows = Vec::new();
    for ind in &survey.indicators {
        let options: Vec<Option<String>> = match (
            &ind.measure,
            ind.question.as_deref().and_then(|q| survey.question(q)),
        ) {
            (canvass::survey::Measure::Distribution, Some(q)) => {
                q.kind.options().iter().cloned().map(Some).collect()
            }
            _ => vec![None],
        };
        for region in [
            "africa",
            "asia_pacific",
            "europe",
            "latin_america",
            "north_america",
            "mena",
            "ALL",
        ] {
            for option in &options {
                let suppressed = region == "mena";
                rows.push(canvass::results::PublicRow {
                    indicator: ind.id.clone(),
                    option: option.clone(),
                    region: region.into(),
                    value: (!suppressed).then_some(0.42),
                    respondents: (!suppressed).then_some(17),
                    suppressed,
                    country: None,
                    member_type: None,
                    numerator: None,
                    denominator: None,
                    previous: None,
                    change: None,
                });
            }
        }
    }
    canvass::results::Published {
        round: "r2026".into(),
        survey: survey.id.clone(),
        closed: true,
        min_cell: 5,
        regions: Vec::new(),
        rows,
        by: canvass::results::By::Region,
        compared_with: None,
        detail: false,
        indicators: Vec::new(),
    }
}

fn workbooks(c: &mut Criterion) {
    let big = big_survey();
    let form = canvass::xlsform::export::workbook(&big).expect("export");
    let tmp = std::env::temp_dir();
    c.bench_function(
        "import and check an XLSForm of 300 questions in 5 languages",
        |b| {
            b.iter(|| {
                let got = canvass::xlsform::import(&form, "big.xlsx", None, &tmp);
                assert!(got.survey.is_some());
            })
        },
    );
    let survey = example();
    let res = published(&survey);
    let ui = canvass::i18n::Texts::ui().expect("ui texts");
    c.bench_function("results workbook, 26 indicators x 6 regions", |b| {
        b.iter(|| {
            let table = canvass::xlsform::results::table(&res, &survey, &ui, "fr").expect("table");
            let words = canvass::xlsform::results::Words::new(&ui, "fr", 5, "r2026");
            canvass::xlsform::results::workbook(&table, &words).expect("workbook")
        })
    });
}

criterion_group!(benches, parts, workbooks);
criterion_main!(benches);
