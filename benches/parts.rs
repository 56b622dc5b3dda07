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

criterion_group!(benches, parts);
criterion_main!(benches);
