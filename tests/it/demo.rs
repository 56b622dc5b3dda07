//! `canvass demo` shows years from the first run: rounds 2024 and 2025
//! closed and 2026 open, consistent made-up answers, a reviewer per
//! region, and africa's note and sign-off on 2025.

use std::process::Command;

use canvass::config::DatabaseUrl;
use canvass::results::{Viewer, ALL};

use crate::helpers::*;

const BIN: &str = env!("CARGO_BIN_EXE_canvass");
const REGIONS: [&str; 5] = [
    "africa",
    "asia_pacific",
    "europe",
    "latin_america",
    "north_america_caribbean",
];

#[test]
fn the_demo_has_two_closed_years_an_open_one_and_a_reviewer_per_region() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("canvass-demo.db");
    let o = Command::new(BIN)
        .current_dir(dir.path())
        .args([
            "demo",
            "--demo-db",
            db.to_str().unwrap(),
            "--members",
            "120",
            "--no-serve",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        o.status.success(),
        "{out}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for region in REGIONS {
        let line = format!("regional reviewer, {region}: ");
        assert!(out.contains(&line), "no login for {region}:\n{out}");
    }
    let csv = std::fs::read_to_string(dir.path().join("canvass-demo.members.csv")).unwrap();
    assert!(
        csv.starts_with("id,name,country,region,email,language,joined,active,type\n"),
        "{csv}"
    );
    assert_eq!(
        csv.matches(",regional_network\n").count(),
        REGIONS.len(),
        "{csv}"
    );
    assert!(csv.contains(",national\n") && csv.contains(",\n"), "{csv}");

    let pool = canvass::db::connect(&DatabaseUrl::Sqlite(db)).unwrap();
    let mut conn = pool.get().unwrap();
    let rounds = canvass::rounds::list(&mut conn).unwrap();
    let states: Vec<(&str, bool)> = rounds.iter().map(|r| (r.name.as_str(), r.closed)).collect();
    assert_eq!(states, [("2024", true), ("2025", true), ("2026", false)]);
    let mut totals = Vec::new();
    for r in &rounds {
        let res = canvass::results::for_round(&mut conn, r, 5)
            .unwrap()
            .publish(Viewer::Secretariat, None)
            .unwrap();
        let value = |ind: &str, region: &str| {
            res.rows
                .iter()
                .find(|x| x.indicator == ind && x.region == region)
                .and_then(|x| x.value)
        };
        for region in REGIONS.iter().copied().chain([ALL]) {
            let (part, whole) = (
                value("supported_leaders_by_experienced_total", region),
                value("supported_leaders_total", region),
            );
            if region == ALL {
                assert!(part.is_some() && whole.is_some(), "{}: no totals", r.name);
            }
            if let (Some(part), Some(whole)) = (part, whole) {
                assert!(
                    part <= whole,
                    "{} {region}: {part} trained by experienced leaders of {whole}",
                    r.name
                );
            }
        }
        totals.push(value("registered", ALL).unwrap());
    }
    assert!(
        totals[0] != totals[1] && totals[1] != totals[2],
        "the years do not differ: {totals:?}"
    );
    let y2025 = &rounds[1];
    let notes = canvass::review::notes(&mut conn, y2025, Some("africa")).unwrap();
    assert_eq!(notes.len(), 1);
    let signed = canvass::review::signoffs(&mut conn, y2025).unwrap();
    assert_eq!(
        signed.iter().map(|s| s.region.as_str()).collect::<Vec<_>>(),
        ["africa"]
    );
    assert_eq!(count_rows(&mut conn, "users"), 6);
}
