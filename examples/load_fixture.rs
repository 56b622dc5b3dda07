//! Load-test fixture (issue 5): a fresh data set made with the library, and
//! the inputs `bench/load.sh` feeds to wrk.
//!
//! ```sh
//! cargo run --release --example load_fixture -- \
//!     --database-url sqlite:///tmp/load.db --secret-file /tmp/load.key \
//!     --members 100000 --out /tmp/load
//! ```
//!
//! It imports N synthetic members (five regions, six languages) through
//! `members::import`, creates the open round `load` of survey
//! `member_survey` targeting all of them (one invitation row each, not yet
//! mailed, so `canvass round invite load` still has work to do), and writes
//! into the output folder:
//!
//! - `tokens.txt`: one link token per invitation (`/r/<token>`), made with
//!   the same key and function the server verifies them with;
//! - `submit.txt`: a form-urlencoded body that is a complete, valid
//!   submission of the round's frozen survey (`action=submit`), checked
//!   with `answers::validate` before it is written.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use canvass::answers::{self, Raw};
use canvass::config::DatabaseUrl;
use canvass::db::schema::{invitations, members};
use canvass::survey::{QuestionKind, Survey};
use canvass::{db, rounds, survey, token};
use clap::Parser;
use diesel::prelude::*;

type Res<T> = Result<T, Box<dyn Error>>;

#[derive(Parser)]
struct Args {
    /// `sqlite://PATH` or `postgres://…`; must hold no members yet
    #[arg(long)]
    database_url: String,
    /// Key file of the server under test (created when missing)
    #[arg(long)]
    secret_file: PathBuf,
    #[arg(long, default_value = "surveys")]
    surveys_dir: PathBuf,
    #[arg(long, default_value = "member_survey")]
    survey: String,
    #[arg(long, default_value_t = 100_000)]
    members: usize,
    /// Folder for tokens.txt and submit.txt
    #[arg(long)]
    out: PathBuf,
}

/// (region, country, language): members are dealt round-robin over these.
const PLACES: [(&str, &str, &str); 10] = [
    ("africa", "KE", "en"),
    ("africa", "SN", "fr"),
    ("asia_pacific", "TH", "en"),
    ("asia_pacific", "CN", "zh"),
    ("europe", "UA", "ru"),
    ("europe", "FR", "fr"),
    ("latin_america", "MX", "es"),
    ("latin_america", "BR", "pt-BR"),
    ("north_america_caribbean", "US", "en"),
    ("north_america_caribbean", "HT", "fr"),
];

fn main() -> Res<()> {
    let args = Args::parse();
    let survey = survey::load_by_id(&args.surveys_dir, &args.survey)?;
    let secret = token::Secret::load_or_create(&args.secret_file)?;
    let pool = db::connect(&DatabaseUrl::parse(&args.database_url)?)?;
    let mut conn = pool.get()?;
    let existing: i64 = members::table.count().get_result(&mut conn)?;
    if existing > 0 {
        return Err(format!(
            "{} already holds {existing} members; give a fresh database",
            args.database_url
        )
        .into());
    }

    let started = Instant::now();
    let summary = canvass::members::import(
        &mut conn,
        "load.csv",
        members_csv(args.members).as_bytes(),
        canvass::rounds::sync_all_open,
    )?;
    println!(
        "imported {} members in {:.1?}",
        summary.added,
        started.elapsed()
    );

    let started = Instant::now();
    let now = chrono::Utc::now().naive_utc();
    let new = rounds::NewRound {
        name: "load",
        survey: &survey,
        opens: None,
        closes: None,
        regions: &[],
    };
    let round = rounds::create(&mut conn, &new, now)?;
    let ids: Vec<String> = invitations::table
        .filter(invitations::round_id.eq(round.id))
        .select(invitations::id)
        .load(&mut conn)?;
    println!(
        "round load: {} invitations in {:.1?}",
        ids.len(),
        started.elapsed()
    );

    std::fs::create_dir_all(&args.out)?;
    let tokens: String = ids.iter().map(|id| secret.link_token(id) + "\n").collect();
    std::fs::write(args.out.join("tokens.txt"), tokens)?;
    let body = submission(&round.survey)?;
    std::fs::write(args.out.join("submit.txt"), &body)?;
    println!(
        "wrote {} tokens and a {}-byte submission to {}",
        ids.len(),
        body.len(),
        args.out.display()
    );
    Ok(())
}

fn members_csv(n: usize) -> String {
    let mut csv = String::from("id,name,country,region,email,language,joined\n");
    for i in 0..n {
        let (region, country, language) = PLACES[i % PLACES.len()];
        // Writing to a String cannot fail.
        let _ = writeln!(
            csv,
            "load-{i:06},Load Org {i},{country},{region},load{i}@example.org,{language},2020-01-01"
        );
    }
    csv
}

/// A value for every question by type (multi: every option, so that every
/// `show_if` holds), checked with the server's own validation.
fn submission(survey: &Survey) -> Res<String> {
    let mut raw = Raw::new();
    for q in survey.questions() {
        let values: Vec<String> = match &q.kind {
            QuestionKind::Single { options } => options.iter().take(1).cloned().collect(),
            QuestionKind::Multi { options } => options.clone(),
            QuestionKind::Number { min, max, .. } => {
                let lo = min.unwrap_or(0.0);
                vec![format!(
                    "{}",
                    (lo + 3.0).min(max.unwrap_or(f64::MAX)).round()
                )]
            }
            QuestionKind::Scale { max, .. } => vec![max.to_string()],
            QuestionKind::Text { .. } => vec!["Load test answer.".into()],
            QuestionKind::Note => continue,
        };
        raw.insert(q.id.clone(), values);
    }
    let valid = answers::validate(survey, &raw).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(|(q, p)| format!("{q}: {p}")).collect();
        format!("the generated submission is not valid: {}", list.join("; "))
    })?;
    println!(
        "submission answers {} of {} questions (the others are hidden by show_if)",
        valid.len(),
        survey.questions().count()
    );
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (q, values) in &raw {
        for v in values {
            form.append_pair(q, v);
        }
    }
    Ok(form.append_pair("action", "submit").finish())
}
