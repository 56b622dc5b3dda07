//! The demo's years: rounds `2024` and `2025` of the example survey,
//! answered and closed in their own spring, before the open round `2026`,
//! so that comparisons, trends and the regional report show from the first
//! run; and the review of one region (a note and a sign-off in africa's
//! results of 2025).

use chrono::{NaiveDate, NaiveDateTime};
use rand::rngs::StdRng;
use rand::Rng;

use super::synthetic::{simulated_raw, REGIONS};
use crate::db::{self, DbConnection};
use crate::error::{AppError, AppResult};
use crate::members::Member;
use crate::review::{self, NewNote, Writer};
use crate::rounds::{self, Round};
use crate::survey::Survey;
use crate::{answers, users};

/// The closed rounds: name, year index (how far answers have drifted),
/// opening day.
pub(super) const PAST: [(&str, usize, (i32, u32, u32)); 2] =
    [("2024", 0, (2024, 3, 1)), ("2025", 1, (2025, 3, 1))];

/// The region whose reviewer has written a note and signed off in 2025.
pub(super) const REVIEWED: &str = "africa";

fn day(y: i32, m: u32, d: u32) -> AppResult<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| AppError::Config(format!("no day {y}-{m}-{d}")))
}

fn at(date: NaiveDate, hour: u32) -> NaiveDateTime {
    date.and_hms_opt(hour, 0, 0).unwrap_or_default()
}

/// Creates, answers and closes each past round, with the dates it had.
pub(super) fn past_rounds(
    conn: &mut DbConnection,
    survey: &Survey,
    people: &[Member],
    min_cell: u32,
    rng: &mut StdRng,
) -> AppResult<()> {
    for (name, year, (y, m, d)) in PAST {
        let opens = day(y, m, d)?;
        let closes = opens + chrono::Duration::days(60);
        db::transaction(conn, |conn| {
            let new = rounds::NewRound {
                name,
                survey,
                opens: Some(opens),
                closes: Some(closes),
                regions: &[],
            };
            let round = rounds::create(conn, &new, at(opens - chrono::Duration::days(7), 9))?;
            simulate_answers(
                conn,
                &round,
                survey,
                people,
                year,
                rng,
                at(opens + chrono::Duration::days(20), 12),
            )?;
            rounds::close(
                conn,
                name,
                min_cell,
                at(closes + chrono::Duration::days(1), 9),
            )?;
            Ok(())
        })?;
    }
    Ok(())
}

/// Simulated submissions of `round` in year `year` from about two thirds
/// of its active members (a few more every year), submitted at `when`.
pub(super) fn simulate_answers(
    conn: &mut DbConnection,
    round: &Round,
    survey: &Survey,
    people: &[Member],
    year: usize,
    rng: &mut StdRng,
    when: NaiveDateTime,
) -> AppResult<()> {
    let rate = 0.62 + 0.04 * year as f64;
    for m in people.iter().filter(|m| m.active) {
        if !rng.gen_bool(rate) {
            continue;
        }
        let region_index = REGIONS
            .iter()
            .position(|(r, _)| *r == m.region)
            .unwrap_or(0);
        let raw = simulated_raw(survey, region_index, year, rng);
        let answers = answers::validate(survey, &raw).map_err(|e| {
            AppError::Config(format!(
                "simulated answers of {} failed validation: {e:?}",
                m.id
            ))
        })?;
        if let Some(inv) = rounds::invitation_of(conn, round, &m.id)? {
            answers::store_submission(conn, survey, &inv, &answers, when)?;
        }
    }
    Ok(())
}

/// The reviewer of `region`'s login.
pub(super) fn reviewer_email(region: &str) -> String {
    format!("{}@example.org", region.replace('_', "-"))
}

/// A regional reviewer for every region; their logins and passwords.
pub(super) fn reviewers(
    conn: &mut DbConnection,
    now: NaiveDateTime,
) -> AppResult<Vec<(String, String, String)>> {
    let mut out = Vec::new();
    for (region, _) in REGIONS {
        let (email, password) = (reviewer_email(region), users::generate_password());
        users::add(
            conn,
            &email,
            &users::Role::Regional(region.into()),
            &password,
            now,
        )?;
        out.push((region.to_string(), email, password));
    }
    Ok(out)
}

/// Africa's reviewer has explained one figure of 2025 and signed off.
pub(super) fn africa_reviewed(conn: &mut DbConnection) -> AppResult<()> {
    let (email, role) = (
        reviewer_email(REVIEWED),
        users::Role::Regional(REVIEWED.into()),
    );
    let who = Writer {
        email: &email,
        role: &role,
    };
    let note = NewNote {
        round: "2025",
        region: REVIEWED,
        indicator: "law_worsened",
        text: "Two member countries passed new police ordinances in 2024; most members who report a worse law name policing.",
    };
    review::write_note(conn, &who, &note, at(day(2025, 5, 6)?, 10))?;
    review::sign_off(conn, &who, "2025", REVIEWED, at(day(2025, 5, 8)?, 15))
}
