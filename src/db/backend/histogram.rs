//! The histogram pass's read of a round's packed responses, row by row on
//! each backend, so that memory does not grow with the round: SQLite's
//! default loading already steps through rows, PostgreSQL needs its
//! row-by-row mode (its default loads the whole result first).

use diesel::connection::DefaultLoadingMode;
use diesel::pg::PgRowByRowLoadingMode;
use diesel::prelude::*;

use crate::db::schema::invitations;
use crate::db::DbConnection;
use crate::error::AppResult;

/// Calls `add(region, packed)` for each submitted response of the round
/// that has a packed copy.
pub fn each_packed(
    conn: &mut DbConnection,
    round_id: i32,
    mut add: impl FnMut(&str, &[u8]),
) -> AppResult<()> {
    let packed = invitations::table
        .filter(invitations::round_id.eq(round_id))
        .filter(invitations::packed.is_not_null())
        .select((invitations::region, invitations::packed.assume_not_null()));
    match conn {
        DbConnection::Sqlite(c) => {
            for row in packed.load_iter::<(String, Vec<u8>), DefaultLoadingMode>(c)? {
                let (region, bytes) = row?;
                add(&region, &bytes);
            }
        }
        DbConnection::Pg(c) => {
            for row in packed.load_iter::<(String, Vec<u8>), PgRowByRowLoadingMode>(c)? {
                let (region, bytes) = row?;
                add(&region, &bytes);
            }
        }
    }
    Ok(())
}
