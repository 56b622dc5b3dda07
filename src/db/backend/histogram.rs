//! The results pass's read of a round: every invitation of the round once,
//! with where it stands and its packed response (if submitted), a few rows
//! at a time on each backend, so that memory does not grow with the round:
//! SQLite's default loading already steps through rows; PostgreSQL's would
//! load the whole result first, so it reads through a cursor.
//!
//! On SQLite the rows are read through `invitations_round`, an index on
//! `round_id` alone, whose entries of one round are in table order: the
//! table is then read front to back. Through `invitations_round_region`
//! the rows would come in region order, every one a jump elsewhere in the
//! table (three times slower at a million responses, `BENCHMARKS.md`).
//! PostgreSQL's bitmap scan reads its heap in order by itself.

use diesel::connection::DefaultLoadingMode;
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::{Binary, Integer, Nullable, Text};

use crate::db::schema::invitations;
use crate::db::DbConnection;
use crate::error::AppResult;

/// Where a target stands: region, country, member type.
pub type Place = (String, String, String);

/// Calls `add(place, n)` with the number of targets at each place.
pub fn each_target(
    conn: &mut DbConnection,
    round_id: i32,
    mut add: impl FnMut(&Place, u64),
) -> AppResult<()> {
    let rows: Vec<(Place, i64)> = invitations::table
        .filter(invitations::round_id.eq(round_id))
        .group_by((
            invitations::region,
            invitations::country,
            invitations::member_type,
        ))
        .select((
            (
                invitations::region,
                invitations::country,
                invitations::member_type,
            ),
            count_star(),
        ))
        .load(conn)?;
    for (place, n) in rows {
        add(&place, u64::try_from(n).unwrap_or(0));
    }
    Ok(())
}

/// One invitation as the SQLite pass reads it.
#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Text)]
    region: String,
    #[diesel(sql_type = Text)]
    country: String,
    #[diesel(sql_type = Text)]
    member_type: String,
    #[diesel(sql_type = Nullable<Binary>)]
    packed: Option<Vec<u8>>,
}

/// Calls `add((region, country, type), packed)` for each invitation of
/// the round: `packed` is its response's packed copy, `None` when it has
/// none (not submitted, or submitted before answers were packed).
pub fn each_invitation(
    conn: &mut DbConnection,
    round_id: i32,
    mut add: impl FnMut((&str, &str, &str), Option<&[u8]>),
) -> AppResult<()> {
    let mut add_row = |row: Row| {
        let place = (&*row.region, &*row.country, &*row.member_type);
        add(place, row.packed.as_deref());
    };
    match conn {
        DbConnection::Sqlite(c) => {
            let query = diesel::sql_query(
                "SELECT region, country, member_type, packed \
                 FROM invitations INDEXED BY invitations_round WHERE round_id = ?",
            )
            .bind::<Integer, _>(round_id);
            for row in query.load_iter::<Row, DefaultLoadingMode>(c)? {
                add_row(row?);
            }
        }
        DbConnection::Pg(c) => {
            // A cursor fetched a few thousand rows at a time: bounded
            // memory like the row-by-row mode, without its cost per row.
            // (`round_id` is an integer, so writing it into the text is
            // safe; DECLARE takes no bound parameters.)
            c.transaction::<_, diesel::result::Error, _>(|c| {
                diesel::sql_query(format!(
                    "DECLARE canvass_pass NO SCROLL CURSOR FOR \
                     SELECT region, country, member_type, packed \
                     FROM invitations WHERE round_id = {round_id}"
                ))
                .execute(c)?;
                loop {
                    let rows: Vec<Row> =
                        diesel::sql_query("FETCH 4096 FROM canvass_pass").load(c)?;
                    if rows.is_empty() {
                        break;
                    }
                    rows.into_iter().for_each(&mut add_row);
                }
                diesel::sql_query("CLOSE canvass_pass").execute(c)?;
                Ok(())
            })?;
        }
    }
    Ok(())
}

/// One region's count, as the SQLite query of [`new_per_region`] gives it.
#[derive(QueryableByName)]
struct RegionCount {
    #[diesel(sql_type = Text)]
    region: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

/// Per region, the round's targets whose member joined after `after` and
/// not after `until`. Those are few, so they are found first (through
/// `members_joined`), then their invitations: SQLite without statistics
/// would rather walk every invitation of the round and look its member up
/// (1.8 s at a million), so its order is fixed by `CROSS JOIN`.
pub fn new_per_region(
    conn: &mut DbConnection,
    round_id: i32,
    after: chrono::NaiveDate,
    until: chrono::NaiveDate,
) -> AppResult<Vec<(String, i64)>> {
    use crate::db::schema::members;
    match conn {
        DbConnection::Sqlite(c) => {
            let rows: Vec<RegionCount> = diesel::sql_query(
                "SELECT i.region AS region, count(*) AS n \
                 FROM members m CROSS JOIN invitations i \
                 ON i.round_id = ? AND i.member_id = m.id \
                 WHERE m.joined > ? AND m.joined <= ? GROUP BY i.region",
            )
            .bind::<Integer, _>(round_id)
            .bind::<diesel::sql_types::Date, _>(after)
            .bind::<diesel::sql_types::Date, _>(until)
            .load(c)?;
            Ok(rows.into_iter().map(|r| (r.region, r.n)).collect())
        }
        DbConnection::Pg(c) => Ok(invitations::table
            .inner_join(members::table)
            .filter(invitations::round_id.eq(round_id))
            .filter(members::joined.gt(after))
            .filter(members::joined.le(until))
            .group_by(invitations::region)
            .select((invitations::region, count_star()))
            .load(c)?),
    }
}
