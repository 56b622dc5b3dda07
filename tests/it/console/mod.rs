//! The consoles over real HTTP with real sessions (contract §7), one file
//! per subject: the authorization matrix (`access`), the state-changing
//! actions and their CSRF tokens, sign-in, the session and the password,
//! the audit log, members import through the page, the results and
//! surveys pages, what every page holds, reviewers and open rounds, and a
//! missing round. This module holds what they share: the users, a site
//! with answers, and a browser signed in as any role.

use canvass::users::Role;

use crate::helpers::*;

mod access;
mod actions;
mod audit;
mod csrf;
mod members;
mod names;
mod pages;
mod password;
mod results;
mod review;
mod reviewers;
mod round_existence;
mod session;
mod sign_in;
mod surveys;
mod workbooks;

const SECRETARIAT: &str = "secretariat@example.org";
const AFRICA: &str = "africa.reviewer@example.org";
const EUROPE: &str = "europe.reviewer@example.org";
const PASSWORD: &str = "correct horse battery";

// ---------------------------------------------------------------------------
// The helpers' browser, signed in
// ---------------------------------------------------------------------------

impl Browser {
    /// A browser signed in as `email` (panics if the sign-in fails).
    fn signed_in(base: &str, email: &str) -> Browser {
        let b = Browser::new(base);
        let r = b.login(email, PASSWORD);
        assert_eq!(r.status, 303, "sign-in of {email}: {}", r.body);
        assert!(b.cookie().is_some(), "sign-in of {email} set no cookie");
        b
    }

    fn login(&self, email: &str, password: &str) -> Reply {
        self.post("/login", &[("email", email), ("password", password)])
    }

    /// The session's CSRF token, read from a page's hidden input.
    fn csrf(&self) -> String {
        let page = self.get("/account/password");
        assert_eq!(page.status, 200, "{}", page.body);
        csrf_in(&page.body)
    }
}

fn csrf_in(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("no csrf field in {html}"))
        + marker.len();
    let len = html[start..].find('"').unwrap();
    html[start..start + len].to_string()
}

// ---------------------------------------------------------------------------
// A site: members in two regions, three users, a round with answers
// ---------------------------------------------------------------------------

/// Starts the app with the fixture surveys (`mini`) and `edit` applied to
/// the test's settings; returns its base URL.
fn spawn_with(db: &TestDb, edit: impl FnOnce(&mut canvass::config::Settings)) -> String {
    let mut settings = db.settings();
    settings.surveys_dir = fixture_surveys();
    edit(&mut settings);
    db.spawn_app_with(settings)
}

fn spawn(db: &TestDb) -> String {
    spawn_with(db, |_| {})
}

fn add_user(db: &TestDb, email: &str, role: Role, password: &str) {
    canvass::users::add(
        &mut db.conn(),
        email,
        &role,
        password,
        chrono::Utc::now().naive_utc(),
    )
    .unwrap();
}

/// Six members in africa (`af1`…) and six in europe (`eu1`…), and the
/// secretariat plus one reviewer per region.
fn members_and_users(db: &TestDb) {
    let mut rows = members_in("africa", "af", 6);
    rows.extend(members_in("europe", "eu", 6));
    db.import_members(&rows);
    add_user(db, SECRETARIAT, Role::Secretariat, PASSWORD);
    add_user(db, AFRICA, Role::Regional("africa".into()), PASSWORD);
    add_user(db, EUROPE, Role::Regional("europe".into()), PASSWORD);
}

/// A round of `mini` with everyone's answers. Staff in europe adds up to
/// 621 (101…106), in africa to 63; the notes are free text.
fn round_with_answers(db: &TestDb, name: &str) {
    db.cli_with(
        &fixture_surveys(),
        &["round", "create", name, "--survey", "mini"],
    )
    .unwrap();
    let mut answers = String::from("member,law_change,law_areas,staff,rating,notes\n");
    for i in 1..=6 {
        let change = if i <= 4 { "improved" } else { "unchanged" };
        answers.push_str(&format!(
            "af{i},{change},policing;health,{},{},african note {i}\n",
            i * 3,
            1 + i % 5
        ));
        answers.push_str(&format!(
            "eu{i},worsened,labour,{},3,european note {i}\n",
            100 + i
        ));
    }
    let file = db.file_arg(&format!("answers-{name}.csv"), &answers);
    db.cli(&["responses", "import", name, &file]).unwrap();
}

/// The usual site: members, users, round `r1` with answers; the app's URL.
fn site(db: &TestDb) -> String {
    members_and_users(db);
    round_with_answers(db, "r1");
    spawn(db)
}

/// The usual site with round `r1` closed: reviewers see closed rounds'
/// results only (§6).
fn closed_site(db: &TestDb) -> String {
    members_and_users(db);
    round_with_answers(db, "r1");
    db.cli(&["round", "close", "r1"]).unwrap();
    spawn(db)
}

fn round_state(db: &TestDb, name: &str) -> Option<bool> {
    canvass::rounds::find(&mut db.conn(), name)
        .ok()
        .map(|r| r.closed)
}

fn member_count(db: &TestDb) -> i64 {
    count_rows(&mut db.conn(), "members")
}

/// The regions of a results CSV's rows (header checked).
fn csv_regions(csv: &str) -> Vec<String> {
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("indicator,option,region,value,respondents,suppressed"),
        "{csv}"
    );
    let mut regions: Vec<String> = lines
        .map(|l| l.split(',').nth(2).unwrap_or_default().to_string())
        .collect();
    regions.sort();
    regions.dedup();
    regions
}

// ---------------------------------------------------------------------------
// Who asks
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Secretariat,
    Regional {
        email: &'static str,
        own: &'static str,
        other: &'static str,
    },
}

fn browser_for(base: &str, who: Who) -> Browser {
    match who {
        Who::Anonymous => Browser::new(base),
        Who::Secretariat => Browser::signed_in(base, SECRETARIAT),
        Who::Regional { email, .. } => Browser::signed_in(base, email),
    }
}

const EVERYONE: [Who; 4] = [
    Who::Anonymous,
    Who::Secretariat,
    Who::Regional {
        email: AFRICA,
        own: "africa",
        other: "europe",
    },
    Who::Regional {
        email: EUROPE,
        own: "europe",
        other: "africa",
    },
];
