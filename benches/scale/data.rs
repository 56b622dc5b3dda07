//! Synthetic data at federation scale, written with the same bulk path the
//! product uses (`canvass::insert_rows!`): members, one open round of the
//! example survey, and submitted responses made by `answers::validate`
//! from random form input, so every stored value is one the form accepts.

use std::error::Error;
use std::path::{Path, PathBuf};

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::PgConnection;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use canvass::answers::{self, Raw};
use canvass::config::DatabaseUrl;
use canvass::db::schema::{answers as answer_rows, invitations, members};
use canvass::db::{self, DbConnection, Pool};
use canvass::members::Member;
use canvass::rounds::{self, NewRound, Round};
use canvass::survey::{QuestionKind, Survey};

pub type Res<T> = Result<T, Box<dyn Error>>;

pub const REGIONS: [&str; 5] = [
    "africa",
    "asia_pacific",
    "europe",
    "latin_america",
    "north_america",
];

/// Where fresh databases come from: a temporary folder for SQLite, a
/// server for PostgreSQL (one new database each, dropped afterwards).
pub enum Backend {
    Sqlite(PathBuf),
    Pg(String),
}

/// A fresh, migrated database; dropped with its files or database.
pub struct Fresh {
    pub pool: Pool,
    /// The URL, as `CANVASS_DATABASE_URL` would name it.
    pub url: String,
    drop_pg: Option<(String, String)>,
    path: Option<PathBuf>,
}

impl Backend {
    pub fn name(&self) -> &'static str {
        match self {
            Backend::Sqlite(_) => "SQLite",
            Backend::Pg(_) => "PostgreSQL",
        }
    }

    pub fn fresh(&self, label: &str) -> Res<Fresh> {
        let unique = format!("{label}_{}_{}", std::process::id(), nanos());
        match self {
            Backend::Sqlite(dir) => {
                let path = dir.join(format!("{unique}.db"));
                let pool = db::connect(&DatabaseUrl::Sqlite(path.clone()))?;
                Ok(Fresh {
                    pool,
                    url: format!("sqlite://{}", path.display()),
                    drop_pg: None,
                    path: Some(path),
                })
            }
            Backend::Pg(admin) => {
                let name = format!("canvass_bench_{unique}");
                let mut conn = PgConnection::establish(admin)?;
                diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut conn)?;
                let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
                let url = format!("{base}/{name}");
                let pool = db::connect(&DatabaseUrl::Postgres(url.clone()))?;
                Ok(Fresh {
                    pool,
                    url,
                    drop_pg: Some((admin.clone(), name)),
                    path: None,
                })
            }
        }
    }
}

impl Drop for Fresh {
    fn drop(&mut self) {
        // `CANVASS_BENCH_KEEP=1` keeps the databases for a look with
        // `sqlite3`, `psql` or a profiler.
        let keep = std::env::var("CANVASS_BENCH_KEEP").is_ok_and(|v| v == "1");
        if keep {
            println!("kept {}", self.url);
            return;
        }
        if let Some((admin, name)) = &self.drop_pg {
            if let Ok(mut conn) = PgConnection::establish(admin) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn);
            }
        }
        if let Some(path) = &self.path {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        }
    }
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

pub fn example_survey() -> Res<Survey> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys");
    Ok(canvass::survey::load_by_id(&dir, "member_survey")?)
}

/// A members CSV of `n` rows in five regions and several languages.
pub fn members_csv(n: usize) -> Vec<u8> {
    let langs = ["en", "fr", "es", "ru", "zh", "pt-BR"];
    let mut out = String::from("id,name,country,region,email,language,joined,active\n");
    for i in 0..n {
        out.push_str(&format!(
            "m{i:07},Organisation {i},KE,{},org{i}@example.org;office{i}@example.net,{},2019-05-01,true\n",
            REGIONS[i % REGIONS.len()],
            langs[i % langs.len()],
        ));
    }
    out.into_bytes()
}

/// Countries of the benchmark's members: with five regions, each region
/// gets several (the country breakdown has something to group).
const COUNTRIES: [&str; 16] = [
    "KE", "NG", "ZA", "UG", "TH", "IN", "PH", "ID", "DE", "FR", "ES", "PL", "BR", "MX", "US", "JM",
];

pub fn member(i: usize) -> Member {
    Member {
        id: format!("m{i:07}"),
        name: format!("Organisation {i}"),
        country: COUNTRIES[i % COUNTRIES.len()].into(),
        region: REGIONS[i % REGIONS.len()].into(),
        email: format!("org{i}@example.org"),
        language: "en".into(),
        joined: None,
        active: true,
        member_type: if i.is_multiple_of(7) {
            "regional_network"
        } else {
            "national"
        }
        .into(),
    }
}

pub fn create_round(conn: &mut DbConnection, survey: &Survey) -> Res<Round> {
    let round = rounds::create(
        conn,
        &NewRound {
            name: "bench",
            survey,
            opens: None,
            closes: None,
            regions: &[],
        },
        now(),
    )?;
    Ok(round)
}

/// Random form input for every question; `validate` keeps what the form
/// would (hidden follow-ups dropped), so some answers are legitimately absent.
fn random_raw(survey: &Survey, rng: &mut StdRng) -> Raw {
    let mut raw = Raw::new();
    for q in survey.questions() {
        let values: Vec<String> = match &q.kind {
            QuestionKind::Single { options } => {
                vec![options[rng.gen_range(0..options.len())].clone()]
            }
            QuestionKind::Multi { options } => options
                .iter()
                .filter(|_| rng.gen_bool(0.4))
                .cloned()
                .chain(std::iter::once(options[0].clone()))
                .collect(),
            QuestionKind::Number { min, max, .. } => {
                let lo = min.unwrap_or(0.0) as i64;
                let hi = max.unwrap_or(500.0).min(lo as f64 + 500.0) as i64;
                vec![rng.gen_range(lo..=hi.max(lo)).to_string()]
            }
            QuestionKind::Scale { min, max } => vec![rng.gen_range(*min..=*max).to_string()],
            QuestionKind::Text { .. } => vec!["free text".into()],
            QuestionKind::Note => continue,
        };
        raw.insert(q.id.clone(), values);
    }
    raw
}

#[derive(Insertable)]
#[diesel(table_name = invitations, treat_none_as_default_value = false)]
struct Submitted {
    id: String,
    round_id: i32,
    member_id: String,
    region: String,
    country: String,
    member_type: String,
    language: String,
    invited_at: Option<NaiveDateTime>,
    started_at: Option<NaiveDateTime>,
    submitted_at: Option<NaiveDateTime>,
    packed: Option<Vec<u8>>,
}

#[derive(Insertable)]
#[diesel(table_name = answer_rows, treat_none_as_default_value = false)]
struct AnswerRow {
    invitation_id: String,
    question: String,
    choice: Option<i64>,
    number: Option<f64>,
    text: Option<String>,
}

/// A round of `n` members who all submitted, in batches so memory stays
/// flat; returns the round.
pub fn responses(conn: &mut DbConnection, survey: &Survey, n: usize) -> Res<Round> {
    let round = create_round(conn, survey)?;
    let mut rng = StdRng::seed_from_u64(2026);
    let at = now();
    const BATCH: usize = 20_000;
    for start in (0..n).step_by(BATCH) {
        let end = (start + BATCH).min(n);
        let people: Vec<Member> = (start..end).map(member).collect();
        let mut targets = Vec::with_capacity(people.len());
        let mut rows = Vec::new();
        for m in &people {
            let valid = answers::validate(survey, &random_raw(survey, &mut rng))
                .map_err(|p| format!("generated answers refused: {p:?}"))?;
            let id = canvass::token::new_id();
            for (question, value) in &valid {
                let (choice, number, text) = answers::columns(value);
                rows.push(AnswerRow {
                    invitation_id: id.clone(),
                    question: question.clone(),
                    choice,
                    number,
                    text: text.map(str::to_string),
                });
            }
            targets.push(Submitted {
                id,
                round_id: round.id,
                member_id: m.id.clone(),
                region: m.region.clone(),
                country: m.country.clone(),
                member_type: m.member_type.clone(),
                language: m.language.clone(),
                invited_at: Some(at),
                started_at: Some(at),
                submitted_at: Some(at),
                packed: Some(canvass::answers::packed::pack(survey, &valid)),
            });
        }
        db::transaction(conn, |conn| {
            canvass::insert_rows!(conn, members::table, people);
            canvass::insert_rows!(conn, invitations::table, targets);
            canvass::insert_rows!(conn, answer_rows::table, rows);
            Ok(())
        })?;
    }
    if let DbConnection::Pg(c) = conn {
        diesel::sql_query("ANALYZE").execute(c)?;
    }
    Ok(round)
}
