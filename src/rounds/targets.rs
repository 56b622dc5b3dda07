//! A round's targets: its invitation rows, one per member in scope
//! (active, and in one of the round's regions if it names any). While the
//! round is not closed, `sync_targets` keeps them in step with the members
//! table (new members, moved regions, countries or types, changed
//! languages); closing fixes them, so breakdowns of a closed round read the
//! region, country and type each member had when it closed.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::schema::{answers, invitations, members};
use crate::db::{DbConnection, Lookup};
use crate::error::AppResult;
use crate::round::{self, Round};

/// Brings every round that is not closed in step with the members table:
/// what a members import is followed by, in the same transaction.
pub fn sync_all_open(conn: &mut DbConnection) -> AppResult<()> {
    for round in round::list(conn)?.into_iter().filter(|r| !r.closed) {
        sync_targets(conn, &round)?;
    }
    Ok(())
}

/// A member as targeting sees it.
#[derive(Queryable)]
struct Person {
    id: String,
    place: Place,
    active: bool,
}

/// What a target row copies from its member.
#[derive(Queryable, PartialEq, Eq)]
struct Place {
    region: String,
    country: String,
    member_type: String,
    language: String,
}

#[derive(Queryable)]
struct Target {
    id: String,
    member_id: String,
    place: Place,
    touched: bool,
}

#[derive(Insertable)]
#[diesel(table_name = invitations, treat_none_as_default_value = false)]
struct NewTarget {
    id: String,
    round_id: i32,
    member_id: String,
    region: String,
    country: String,
    member_type: String,
    language: String,
}

/// Adds a target row for every member in scope, updates the region and
/// language of existing ones, and removes rows of members who left the
/// scope before anything happened to them (not invited, no answer).
pub fn sync_targets(conn: &mut DbConnection, round: &Round) -> AppResult<()> {
    let people = people(conn)?;
    let targets = targets(conn, round)?;
    let mut fresh: Vec<NewTarget> = Vec::new();
    for Person {
        id: member,
        place,
        active,
    } in people
    {
        let in_scope =
            active && (round.regions.is_empty() || round.regions.contains(&place.region));
        match targets.get(&member) {
            None if in_scope => fresh.push(NewTarget {
                id: crate::token::new_id(),
                round_id: round.id,
                member_id: member,
                region: place.region,
                country: place.country,
                member_type: place.member_type,
                language: place.language,
            }),
            None => {}
            Some(t) if !in_scope && !t.touched && !has_answers(conn, &t.id)? => {
                diesel::delete(invitations::table.find(&t.id)).execute(conn)?;
            }
            Some(t) if t.place != place => {
                debug_assert_eq!(t.member_id, member);
                diesel::update(invitations::table.find(&t.id))
                    .set((
                        invitations::region.eq(&place.region),
                        invitations::country.eq(&place.country),
                        invitations::member_type.eq(&place.member_type),
                        invitations::language.eq(&place.language),
                    ))
                    .execute(conn)?;
            }
            Some(_) => {}
        }
    }
    crate::db::insert_rows!(conn, invitations::table, fresh);
    Ok(())
}

/// Every member, active or not.
fn people(conn: &mut DbConnection) -> AppResult<Vec<Person>> {
    Ok(members::table
        .select((
            members::id,
            (
                members::region,
                members::country,
                members::member_type,
                members::language,
            ),
            members::active,
        ))
        .load(conn)?)
}

/// The round's target rows by member; `touched` once invited or started.
fn targets(conn: &mut DbConnection, round: &Round) -> AppResult<HashMap<String, Target>> {
    let rows: Vec<Target> = invitations::table
        .filter(invitations::round_id.eq(round.id))
        .select((
            invitations::id,
            invitations::member_id,
            (
                invitations::region,
                invitations::country,
                invitations::member_type,
                invitations::language,
            ),
            invitations::invited_at
                .is_not_null()
                .or(invitations::started_at.is_not_null()),
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|t| (t.member_id.clone(), t)).collect())
}

fn has_answers(conn: &mut DbConnection, invitation: &str) -> AppResult<bool> {
    let n: i64 = answers::table
        .filter(answers::invitation_id.eq(invitation))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The invitation row of `member` in `round`, if the member is targeted.
pub fn invitation_of(
    conn: &mut DbConnection,
    round: &Round,
    member: &str,
) -> AppResult<Option<String>> {
    Ok(invitations::table
        .filter(invitations::round_id.eq(round.id))
        .filter(invitations::member_id.eq(member))
        .select(invitations::id)
        .lookup(conn)?)
}
