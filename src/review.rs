//! Regional review (contract §7): reviewers' notes on their region's
//! indicators and the sign-off of a region's results of a closed round,
//! with the rules of who may write what. Both are written to the audit
//! log in the same transaction.
//!
//! - A regional reviewer writes notes only for their own region (403
//!   otherwise), and only on a closed round (they see its results only
//!   then); the secretariat writes for any region of any round.
//! - A note names an indicator of the round's frozen survey (422
//!   otherwise) and a region the round targets (404 otherwise). One note
//!   per round, region and indicator: writing again replaces it, and an
//!   empty text removes it.
//! - Only the region's own reviewer signs off its results ("the region's
//!   reviewer marks its results reviewed"): the secretariat reads the
//!   sign-offs but cannot sign for a region. A round must be closed; a
//!   sign-off from before a reopening no longer counts (it is older than
//!   the round's latest close) and is not shown.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{review_notes, signoffs};
use crate::db::{self, DbConnection};
use crate::error::{AppError, AppResult};
use crate::rounds::{self, Round};
use crate::users::Role;
use crate::{audit, survey};

/// The longest note, in characters.
pub const MAX_NOTE: usize = 2000;

/// One reviewer's note on an indicator of a region.
#[derive(Clone, Debug, PartialEq, Eq, Queryable, Serialize)]
pub struct Note {
    pub region: String,
    pub indicator: String,
    pub text: String,
    pub author: String,
    pub updated_at: NaiveDateTime,
}

/// Who signed off a region's results, and when.
#[derive(Clone, Debug, PartialEq, Eq, Queryable, Serialize)]
pub struct SignOff {
    pub region: String,
    pub signed_by: String,
    pub signed_at: NaiveDateTime,
}

/// Who writes: their email (the audit log's actor) and role.
pub struct Writer<'a> {
    pub email: &'a str,
    pub role: &'a Role,
}

/// A note as a form gives it, not yet checked.
pub struct NewNote<'a> {
    pub round: &'a str,
    pub region: &'a str,
    pub indicator: &'a str,
    pub text: &'a str,
}

/// A note's text, checked: at most [`MAX_NOTE`] characters and no control
/// characters but line breaks and tabs; surrounding blanks dropped.
pub fn parse_text(text: &str) -> AppResult<String> {
    let text = text.trim();
    let length = text.chars().count();
    if length > MAX_NOTE {
        return Err(AppError::invalid(format!(
            "text: a note has at most {MAX_NOTE} characters; this one has {length}"
        )));
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(AppError::invalid(format!(
            "text: a note may not hold the control character U+{:04X}",
            u32::from(c)
        )));
    }
    Ok(text.replace("\r\n", "\n"))
}

/// A reviewer of `own` asking to act for `region`.
fn own_region_only(role: &Role, region: &str) -> AppResult<()> {
    match role {
        Role::Regional(own) if own != region => Err(AppError::Forbidden(format!(
            "a reviewer of region `{own}` writes only for that region, not for `{region}`"
        ))),
        _ => Ok(()),
    }
}

/// Round `name`, checked to target `region`: a reviewer asking for a
/// round without their region is refused (403), the secretariat told the
/// region is not the round's (404).
fn round_with_region(
    conn: &mut DbConnection,
    role: &Role,
    name: &str,
    region: &str,
) -> AppResult<Round> {
    let round = rounds::find(conn, name)?;
    if !rounds::includes_region(conn, &round, region)? {
        return Err(match role {
            Role::Regional(_) => {
                AppError::Forbidden(format!("round `{name}` does not include region `{region}`"))
            }
            Role::Secretariat => {
                AppError::NotFound(format!("round `{name}` has no region `{region}`"))
            }
        });
    }
    Ok(round)
}

/// Writes (or replaces, or with an empty text removes) a note.
pub fn write_note(
    conn: &mut DbConnection,
    who: &Writer,
    note: &NewNote,
    now: NaiveDateTime,
) -> AppResult<()> {
    own_region_only(who.role, note.region)?;
    let text = parse_text(note.text)?;
    db::transaction(conn, |conn| {
        let round = round_with_region(conn, who.role, note.round, note.region)?;
        if matches!(who.role, Role::Regional(_)) && !round.closed {
            return Err(AppError::Conflict(format!(
                "round `{}` is open; its region's notes are written once it closes",
                round.name
            )));
        }
        let ind = note.indicator;
        if !survey::is_id(ind) || !round.survey.indicators.iter().any(|i| i.id == ind) {
            return Err(AppError::invalid(format!(
                "indicator: the survey of round `{}` has no indicator `{ind}`",
                round.name
            )));
        }
        let key = review_notes::table
            .filter(review_notes::round_id.eq(round.id))
            .filter(review_notes::region.eq(note.region))
            .filter(review_notes::indicator.eq(ind));
        let created: Option<NaiveDateTime> = key.select(review_notes::created_at).load(conn)?.pop();
        diesel::delete(key).execute(conn)?;
        let subject = format!("{} region={} indicator={ind}", round.name, note.region);
        if text.is_empty() {
            return audit::record(conn, who.email, "note.delete", &subject, now);
        }
        diesel::insert_into(review_notes::table)
            .values((
                review_notes::round_id.eq(round.id),
                review_notes::region.eq(note.region),
                review_notes::indicator.eq(ind),
                review_notes::text.eq(&text),
                review_notes::author.eq(who.email),
                review_notes::created_at.eq(created.unwrap_or(now)),
                review_notes::updated_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(conn, who.email, "note.write", &subject, now)
    })
}

/// Marks `region`'s results of closed round `name` reviewed.
pub fn sign_off(
    conn: &mut DbConnection,
    who: &Writer,
    name: &str,
    region: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    if *who.role == Role::Secretariat {
        return Err(AppError::Forbidden(
            "only the region's reviewer signs off its results".into(),
        ));
    }
    own_region_only(who.role, region)?;
    db::transaction(conn, |conn| {
        let round = round_with_region(conn, who.role, name, region)?;
        if !round.closed {
            return Err(AppError::Conflict(format!(
                "round `{name}` is open; its results are signed off once it closes"
            )));
        }
        let key = signoffs::table
            .filter(signoffs::round_id.eq(round.id))
            .filter(signoffs::region.eq(region));
        diesel::delete(key).execute(conn)?;
        diesel::insert_into(signoffs::table)
            .values((
                signoffs::round_id.eq(round.id),
                signoffs::region.eq(region),
                signoffs::signed_by.eq(who.email),
                signoffs::signed_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            who.email,
            "signoff",
            &format!("{name} region={region}"),
            now,
        )
    })
}

/// The round's notes, of `region` only when given, by region then
/// indicator id.
pub fn notes(conn: &mut DbConnection, round: &Round, region: Option<&str>) -> AppResult<Vec<Note>> {
    let mut q = review_notes::table
        .filter(review_notes::round_id.eq(round.id))
        .select((
            review_notes::region,
            review_notes::indicator,
            review_notes::text,
            review_notes::author,
            review_notes::updated_at,
        ))
        .order((review_notes::region, review_notes::indicator))
        .into_boxed();
    if let Some(r) = region {
        q = q.filter(review_notes::region.eq(r.to_string()));
    }
    Ok(q.load(conn)?)
}

/// The round's sign-offs that still count (given since its latest close),
/// by region.
pub fn signoffs(conn: &mut DbConnection, round: &Round) -> AppResult<Vec<SignOff>> {
    let Some(closed_at) = round.closed_at.filter(|_| round.closed) else {
        return Ok(Vec::new());
    };
    Ok(signoffs::table
        .filter(signoffs::round_id.eq(round.id))
        .filter(signoffs::signed_at.ge(closed_at))
        .select((signoffs::region, signoffs::signed_by, signoffs::signed_at))
        .order(signoffs::region)
        .load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_bounded_and_refuses_control_characters() {
        assert_eq!(
            parse_text("  fewer raids\r\nthis year ").ok(),
            Some("fewer raids\nthis year".into())
        );
        assert_eq!(parse_text("").ok(), Some(String::new()));
        let long = "é".repeat(MAX_NOTE + 1);
        assert_eq!(parse_text(&long).map_err(|e| e.status_code()), Err(422));
        assert!(parse_text(&"é".repeat(MAX_NOTE)).is_ok());
        let bell = parse_text("a\u{7}b").map_err(|e| e.to_string());
        assert_eq!(
            bell,
            Err("text: a note may not hold the control character U+0007".into())
        );
    }

    #[test]
    fn a_reviewer_acts_only_for_their_region() {
        let r = Role::Regional("africa".into());
        assert!(own_region_only(&r, "africa").is_ok());
        let other = own_region_only(&r, "europe").map_err(|e| e.status_code());
        assert_eq!(other, Err(403));
        assert!(own_region_only(&Role::Secretariat, "europe").is_ok());
    }
}
