//! The one pass over the database (contract §6 and §8): every invitation
//! of a round read once, streamed, so memory does not grow with the
//! round, into the groups of [`super::engine`].
//!
//! Reading the database and tallying take about as long as each other, so
//! they run side by side: this thread reads, and hands rows over in
//! batches to a second that tallies. A batch is three flat buffers, not a
//! value per row: places by number (each sent once, the first time it is
//! seen) and the packed responses end to end, so that handing a million
//! rows over costs a few thousand allocations, not millions, and what the
//! database driver allocates per row is freed on the thread that made it
//! (`BENCHMARKS.md`, issue 12).

use std::collections::BTreeMap;
use std::ops::Range;

use diesel::prelude::*;

use super::engine::{Group, Place, PlaceIds, Tallier};
use crate::db::backend::histogram;
use crate::db::schema::{answers, invitations};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::round::Round;
use crate::survey::{Answers, Survey};

/// Invitations per batch: about 75 kB of packed responses.
const BATCH: usize = 1024;
/// Batches under way at once, so memory stays bounded.
const UNDER_WAY: usize = 4;

/// Invitations handed from the reading thread to the tallying one.
struct Batch {
    /// Places first seen in this batch, in the order of their numbers
    /// (which go on from those of earlier batches).
    new: Vec<(String, String, String)>,
    /// Per invitation: its place's number, and where its packed response
    /// lies in `bytes` (`None`: no response).
    rows: Vec<(usize, Option<Range<usize>>)>,
    bytes: Vec<u8>,
}

impl Batch {
    fn new() -> Self {
        Batch {
            new: Vec::new(),
            rows: Vec::with_capacity(BATCH),
            bytes: Vec::with_capacity(BATCH * 128),
        }
    }
}

/// The reading side: numbers places and fills batches.
struct Filler {
    ids: PlaceIds,
    batch: Batch,
}

impl Filler {
    /// Adds one invitation; gives back the batch when it is full.
    fn add(&mut self, place: Place<'_>, packed: Option<&[u8]>) -> Option<Batch> {
        let (id, new) = self.ids.id(place);
        let b = &mut self.batch;
        if new {
            b.new.push((
                place.region.to_string(),
                place.country.to_string(),
                place.member_type.to_string(),
            ));
        }
        let range = packed.map(|p| {
            b.bytes.extend_from_slice(p);
            b.bytes.len() - p.len()..b.bytes.len()
        });
        b.rows.push((id, range));
        (b.rows.len() == BATCH).then(|| std::mem::replace(&mut self.batch, Batch::new()))
    }
}

/// The tallying side: a place's number gives its group.
struct Taker {
    tally: Tallier,
    /// The group of each place number.
    groups: Vec<usize>,
}

impl Taker {
    fn take(&mut self, batch: &Batch) {
        for (region, country, member_type) in &batch.new {
            let at = self.tally.group(Place {
                region,
                country,
                member_type,
            });
            self.groups.push(at);
        }
        for (id, range) in &batch.rows {
            let packed = range.as_ref().map(|r| &batch.bytes[r.clone()]);
            self.tally.add_invitation(self.groups[*id], packed);
        }
    }
}

/// Every target of `round` counted by place and every submitted response
/// tallied, in groups sorted by region, country and type.
pub fn groups(conn: &mut DbConnection, round: &Round) -> AppResult<Vec<Group>> {
    let mut tally = side_by_side(&round.survey, |add| {
        histogram::each_invitation(conn, round.id, |(region, country, member_type), packed| {
            let place = Place {
                region,
                country,
                member_type,
            };
            add(place, packed);
        })
    })?;
    for ((region, country, member_type), answers) in unpacked(conn, round)? {
        let packed = crate::answers::packed::pack(&round.survey, &answers);
        let place = Place {
            region: &region,
            country: &country,
            member_type: &member_type,
        };
        tally.add_packed(place, &packed);
    }
    Ok(tally.finish())
}

/// Runs `read` on this thread, which calls `add` with each invitation,
/// and tallies them on a second.
pub(super) fn side_by_side(
    survey: &Survey,
    read: impl FnOnce(&mut dyn FnMut(Place<'_>, Option<&[u8]>)) -> AppResult<()>,
) -> AppResult<Tallier> {
    std::thread::scope(|s| -> AppResult<Tallier> {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(UNDER_WAY);
        let worker = s.spawn(move || {
            let mut taker = Taker {
                tally: Tallier::new(survey),
                groups: Vec::new(),
            };
            for batch in rx {
                taker.take(&batch);
            }
            taker.tally
        });
        let mut filler = Filler {
            ids: PlaceIds::default(),
            batch: Batch::new(),
        };
        // The worker only stops when this side hangs up: sending fails
        // only if it panicked, which `join` reports.
        let read = read(&mut |place, packed| {
            if let Some(full) = filler.add(place, packed) {
                let _ = tx.send(full);
            }
        });
        let _ = tx.send(filler.batch);
        drop(tx);
        let tally = worker
            .join()
            .map_err(|_| AppError::Config("the results pass stopped".into()))?;
        read.map(|()| tally)
    })
}

/// invitation, question, choice, number, text
type AnswerRow = (String, String, Option<i64>, Option<f64>, Option<String>);

/// Responses submitted before answers were packed (databases from before
/// migration 5), read from their answer rows.
fn unpacked(conn: &mut DbConnection, round: &Round) -> AppResult<Vec<(histogram::Place, Answers)>> {
    let unpacked = invitations::table
        .filter(invitations::round_id.eq(round.id))
        .filter(invitations::submitted_at.is_not_null())
        .filter(invitations::packed.is_null());
    let none: bool =
        diesel::select(diesel::dsl::not(diesel::dsl::exists(unpacked))).get_result(conn)?;
    if none {
        return Ok(Vec::new());
    }
    let places: Vec<(String, (String, String, String))> = unpacked
        .select((
            invitations::id,
            (
                invitations::region,
                invitations::country,
                invitations::member_type,
            ),
        ))
        .load(conn)?;
    let rows: Vec<AnswerRow> = answers::table
        .inner_join(invitations::table)
        .filter(invitations::round_id.eq(round.id))
        .filter(invitations::submitted_at.is_not_null())
        .filter(invitations::packed.is_null())
        .select((
            answers::invitation_id,
            answers::question,
            answers::choice,
            answers::number,
            answers::text,
        ))
        .load(conn)?;
    let mut by_id: BTreeMap<String, Answers> = BTreeMap::new();
    for (id, question, choice, number, text) in rows {
        if let Some(v) = crate::answers::from_columns(choice, number, text) {
            by_id.entry(id).or_default().insert(question, v);
        }
    }
    Ok(places
        .into_iter()
        .map(|(id, place)| (place, by_id.remove(&id).unwrap_or_default()))
        .collect())
}
