//! The results pass's reads of a round: its targets counted per region,
//! country and type (one GROUP BY over the round's index), and its packed
//! responses row by row on each backend, so that memory does not grow with
//! the round: SQLite's default loading already steps through rows,
//! PostgreSQL needs its row-by-row mode (its default loads the whole
//! result first).

use diesel::connection::DefaultLoadingMode;
use diesel::dsl::count_star;
use diesel::pg::PgRowByRowLoadingMode;
use diesel::prelude::*;

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

/// Calls `add(place, packed)` for each submitted response of the round
/// that has a packed copy.
pub fn each_packed(
    conn: &mut DbConnection,
    round_id: i32,
    mut add: impl FnMut(&Place, &[u8]),
) -> AppResult<()> {
    let packed = invitations::table
        .filter(invitations::round_id.eq(round_id))
        .filter(invitations::packed.is_not_null())
        .select((
            (
                invitations::region,
                invitations::country,
                invitations::member_type,
            ),
            invitations::packed.assume_not_null(),
        ));
    match conn {
        DbConnection::Sqlite(c) => {
            for row in packed.load_iter::<(Place, Vec<u8>), DefaultLoadingMode>(c)? {
                let (place, bytes) = row?;
                add(&place, &bytes);
            }
        }
        DbConnection::Pg(c) => {
            for row in packed.load_iter::<(Place, Vec<u8>), PgRowByRowLoadingMode>(c)? {
                let (place, bytes) = row?;
                add(&place, &bytes);
            }
        }
    }
    Ok(())
}
