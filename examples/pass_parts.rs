//! The results pass in parts (issue 12): over a database the scale
//! benchmark kept (`CANVASS_BENCH_KEEP=1`), how long reading the round
//! takes alone, the tally alone (over rows already in memory), and the two
//! side by side as `canvass results` runs them.
//!
//! ```sh
//! CANVASS_DATABASE_URL=postgres://…/canvass_bench_results_… \
//!     cargo run --release --example pass_parts -- bench 3
//! ```
//!
//! Arguments: the round (default `bench`) and how many times to run each
//! part (default 3). `BENCHMARKS.md` quotes what it printed.

use std::error::Error;
use std::time::{Duration, Instant};

use canvass::db::backend::histogram;
use canvass::results::{Place, Tallier};

type Res<T> = Result<T, Box<dyn Error>>;

fn main() -> Res<()> {
    let mut args = std::env::args().skip(1);
    let round = args.next().unwrap_or_else(|| "bench".into());
    let runs: usize = args.next().map_or(Ok(3), |n| n.parse())?;
    let url = std::env::var("CANVASS_DATABASE_URL")
        .map_err(|_| "set CANVASS_DATABASE_URL to a kept benchmark database")?;
    let pool = canvass::db::connect(&canvass::config::DatabaseUrl::parse(&url)?)?;
    let mut conn = pool.get()?;
    let round = canvass::round::find(&mut conn, &round)?;

    let mut rows: Vec<([String; 3], Option<Vec<u8>>)> = Vec::new();
    histogram::each_invitation(&mut conn, round.id, |(region, country, kind), packed| {
        let place = [region, country, kind].map(str::to_string);
        rows.push((place, packed.map(<[u8]>::to_vec)));
    })?;
    let bytes: usize = rows.iter().filter_map(|r| r.1.as_ref()).map(Vec::len).sum();
    println!("{} invitations, {bytes} bytes packed", rows.len());

    let read = times(runs, || {
        let mut n = 0usize;
        histogram::each_invitation(&mut conn, round.id, |_, packed| {
            n += packed.map_or(0, <[u8]>::len);
        })?;
        Ok(())
    })?;
    println!("read alone: {read:?}");
    let tally = times(runs, || {
        let mut tally = Tallier::new(&round.survey);
        for ([region, country, member_type], packed) in &rows {
            let at = tally.group(Place {
                region,
                country,
                member_type,
            });
            tally.add_invitation(at, packed.as_deref());
        }
        tally.finish();
        Ok(())
    })?;
    println!("tally alone, in memory: {tally:?}");
    let pass = times(runs, || {
        canvass::results::groups(&mut conn, &round)?;
        Ok(())
    })?;
    println!("the pass (both, side by side): {pass:?}");
    Ok(())
}

/// Each run's time.
fn times(runs: usize, mut run: impl FnMut() -> Res<()>) -> Res<Vec<Duration>> {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            run().map(|()| start.elapsed())
        })
        .collect()
}
