//! The consoles over real HTTP with real sessions (contract §7): the
//! authorization matrix (every route × every role × own and other region),
//! CSRF on every state-changing form, sign-in, throttling, cookie
//! attributes, sign-out, password change, the audit log, members import
//! through the page, the results page with its charts, and pages that load
//! nothing from another host.

use canvass::users::Role;

use crate::helpers::*;

mod round_existence;
mod sign_in;

const SECRETARIAT: &str = "secretariat@example.org";
const AFRICA: &str = "africa.reviewer@example.org";
const EUROPE: &str = "europe.reviewer@example.org";
const PASSWORD: &str = "correct horse battery";

// ---------------------------------------------------------------------------
// HTTP with a session cookie carried by hand
// ---------------------------------------------------------------------------

/// The cookie's value, or `None` when the header removes it.
fn cookie_value(set_cookie: &str) -> Option<String> {
    let pair = set_cookie.split(';').next().unwrap_or("");
    let value = pair.strip_prefix("canvass_session=").unwrap_or("");
    let lower = set_cookie.to_ascii_lowercase();
    let removed = value.is_empty() || lower.contains("max-age=0");
    (!removed).then(|| value.to_string())
}

/// A browser that keeps the session cookie and does not follow redirects.
struct Browser {
    agent: ureq::Agent,
    base: String,
    cookie: Option<String>,
}

impl Browser {
    fn new(base: &str) -> Browser {
        Browser {
            agent: ureq::AgentBuilder::new().redirects(0).build(),
            base: base.to_string(),
            cookie: None,
        }
    }

    /// A browser signed in as `email` (panics if the sign-in fails).
    fn signed_in(base: &str, email: &str) -> Browser {
        let mut b = Browser::new(base);
        let r = b.login(email, PASSWORD);
        assert_eq!(r.status, 303, "sign-in of {email}: {}", r.body);
        assert!(b.cookie.is_some(), "sign-in of {email} set no cookie");
        b
    }

    fn request(&self, method: &str, path: &str) -> ureq::Request {
        let req = self.agent.request(method, &format!("{}{path}", self.base));
        match &self.cookie {
            Some(c) => req.set("Cookie", &format!("canvass_session={c}")),
            None => req,
        }
    }

    /// Keeps what the reply sets, as a browser would.
    fn take(&mut self, r: Reply) -> Reply {
        if let Some(set) = r.session_cookie() {
            self.cookie = cookie_value(set);
        }
        r
    }

    fn get(&mut self, path: &str) -> Reply {
        let r = reply(self.request("GET", path).call());
        self.take(r)
    }

    fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let r = reply(self.request("POST", path).send_form(fields));
        self.take(r)
    }

    /// A multipart upload: an optional `csrf` field and a `file` part.
    fn upload(&mut self, path: &str, csrf: Option<&str>, filename: &str, content: &str) -> Reply {
        const BOUNDARY: &str = "----canvass-test-7d1f0c2b9a";
        let mut body = String::new();
        if let Some(token) = csrf {
            body.push_str(&format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
            ));
        }
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n--{BOUNDARY}--\r\n"
        ));
        let r = reply(
            self.request("POST", path)
                .set(
                    "Content-Type",
                    &format!("multipart/form-data; boundary={BOUNDARY}"),
                )
                .send_bytes(body.as_bytes()),
        );
        self.take(r)
    }

    fn login(&mut self, email: &str, password: &str) -> Reply {
        self.post("/login", &[("email", email), ("password", password)])
    }

    /// The session's CSRF token, read from a page's hidden input.
    fn csrf(&mut self) -> String {
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
    let pool = db.pool.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let app = canvass::web::Application::build(&settings, pool, "127.0.0.1:0").unwrap();
            tx.send(app.port()).unwrap();
            let _ = app.run_until_stopped().await;
        })
    });
    format!("http://127.0.0.1:{}", rx.recv().unwrap())
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
// The authorization matrix
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

/// What a route needs, as the issue states it.
#[derive(Clone, Copy, Debug)]
enum Need {
    /// Any signed-in user.
    Browse,
    /// Results of a region (`None`: the default view); downloads answer
    /// 401 instead of redirecting.
    Results(Option<&'static str>, bool),
    /// The secretariat only.
    Secretariat,
}

fn get_routes() -> Vec<(String, Need)> {
    let mut routes = vec![
        ("/rounds".to_string(), Need::Browse),
        ("/rounds/r1".to_string(), Need::Browse),
        ("/account/password".to_string(), Need::Browse),
        ("/rounds/r1/texts".to_string(), Need::Secretariat),
        ("/surveys".to_string(), Need::Secretariat),
        (
            "/surveys/mini/preview?lang=fr".to_string(),
            Need::Secretariat,
        ),
        ("/members".to_string(), Need::Secretariat),
        ("/members?region=africa".to_string(), Need::Secretariat),
        ("/audit".to_string(), Need::Secretariat),
    ];
    for (suffix, download) in [("", false), (".csv", true), (".json", true)] {
        for region in [None, Some("africa"), Some("europe"), Some("ALL")] {
            let query = region.map(|r| format!("?region={r}")).unwrap_or_default();
            routes.push((
                format!("/rounds/r1/results{suffix}{query}"),
                Need::Results(region, download),
            ));
        }
    }
    routes
}

/// The status the issue asks for.
fn expected(who: Who, need: Need) -> u16 {
    match (who, need) {
        (Who::Anonymous, Need::Results(_, true)) => 401,
        (Who::Anonymous, _) => 303,
        (Who::Secretariat, _) => 200,
        (Who::Regional { .. }, Need::Browse) => 200,
        (Who::Regional { own, .. }, Need::Results(region, _)) => match region {
            None | Some("ALL") => 200,
            Some(r) if r == own => 200,
            Some(_) => 403,
        },
        (Who::Regional { .. }, Need::Secretariat) => 403,
    }
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

#[test]
fn every_console_page_and_download_answers_each_role_as_the_issue_says() {
    for db in backends() {
        let base = closed_site(&db);
        for who in EVERYONE {
            let mut b = browser_for(&base, who);
            for (path, need) in get_routes() {
                let r = b.get(&path);
                let want = expected(who, need);
                let ctx = format!("{} GET {path} as {who:?}", db.name());
                assert_eq!(r.status, want, "{ctx}: {}", r.body);
                if want == 303 {
                    assert!(
                        r.location().starts_with("/login?next="),
                        "{ctx}: {}",
                        r.location()
                    );
                }
                if let Who::Regional { other, .. } = who {
                    // Nothing a reviewer gets names the other region.
                    assert!(
                        !r.body.contains(other),
                        "{ctx} mentions {other}: {}",
                        r.body
                    );
                }
                if r.status == 200 && path.contains("results.csv") {
                    assert!(
                        r.header("content-type")
                            .is_some_and(|t| t.starts_with("text/csv")),
                        "{ctx}"
                    );
                }
                if r.status == 200 && path.contains("results.json") {
                    assert!(
                        r.header("content-type")
                            .is_some_and(|t| t.starts_with("application/json")),
                        "{ctx}"
                    );
                    serde_json::from_str::<serde_json::Value>(&r.body)
                        .unwrap_or_else(|e| panic!("{ctx}: not JSON ({e}): {}", r.body));
                }
            }
        }
    }
}

#[test]
fn an_unknown_region_is_refused_to_a_reviewer_before_it_is_looked_up() {
    for db in backends() {
        let base = site(&db);
        let mut b = Browser::signed_in(&base, AFRICA);
        for path in [
            "/rounds/r1/results?region=asia",
            "/rounds/r1/results.csv?region=asia",
            "/rounds/r1/results.json?region=asia",
        ] {
            assert_eq!(b.get(path).status, 403, "{} {path}", db.name());
        }
        // Asking twice is no way round the gate.
        for path in [
            "/rounds/r1/results.csv?region=africa&region=europe",
            "/rounds/r1/results.csv?region=europe&region=africa",
            "/rounds/r1/results?region=africa&region=europe",
            "/rounds/r1/results.csv?region=Europe",
        ] {
            let r = b.get(path);
            assert!(
                r.status == 400 || r.status == 403,
                "{} {path}: {}",
                db.name(),
                r.status
            );
            assert!(!r.body.contains("europe"), "{} {path}", db.name());
        }
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(
            s.get("/rounds/r1/results.csv?region=asia").status,
            404,
            "{}",
            db.name()
        );
    }
}

#[test]
fn a_reviewers_downloads_hold_only_their_region_and_all() {
    for db in backends() {
        let base = closed_site(&db);
        let mut b = Browser::signed_in(&base, AFRICA);
        let ctx = db.name();
        for path in [
            "/rounds/r1/results.csv",
            "/rounds/r1/results.csv?region=africa",
        ] {
            let r = b.get(path);
            assert_eq!(r.status, 200, "{ctx} {path}");
            assert_eq!(csv_regions(&r.body), ["ALL", "africa"], "{ctx} {path}");
            assert!(
                r.body.contains("staff_total,,africa,63,6,false"),
                "{ctx}: {}",
                r.body
            );
            // With two regions, ALL minus africa is europe: withheld.
            assert!(
                r.body.contains("staff_total,,ALL,,,true"),
                "{ctx}: {}",
                r.body
            );
        }
        let all = b.get("/rounds/r1/results.csv?region=ALL");
        assert_eq!(csv_regions(&all.body), ["ALL"], "{ctx}");
        let json = b.get("/rounds/r1/results.json");
        assert!(!json.body.contains("europe"), "{ctx}: {}", json.body);
        assert!(json.body.contains("africa"), "{ctx}: {}", json.body);

        // The secretariat gets every region, the same numbers.
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let full = s.get("/rounds/r1/results.csv");
        assert_eq!(
            csv_regions(&full.body),
            ["ALL", "africa", "europe"],
            "{ctx}"
        );
        assert!(
            full.body.contains("staff_total,,europe,621,6,false"),
            "{ctx}: {}",
            full.body
        );
        let cli = db.cli(&["results", "r1", "--format", "csv"]).unwrap();
        assert_eq!(full.body, cli, "{ctx}: the download differs from the CLI");
        let narrowed = db
            .cli(&["results", "r1", "--region", "africa", "--format", "csv"])
            .unwrap();
        assert!(
            narrowed.contains("staff_total,,ALL,684,12,false"),
            "{ctx}: {narrowed}"
        );
        let mine = b.get("/rounds/r1/results.csv");
        let africa = |csv: &str| -> Vec<String> {
            csv.lines()
                .filter(|l| l.contains(",africa,"))
                .map(String::from)
                .collect()
        };
        assert_eq!(africa(&mine.body), africa(&narrowed), "{ctx}");
        assert!(!africa(&mine.body).is_empty(), "{ctx}");
    }
}

#[test]
fn a_reviewers_pages_show_only_their_region_and_all_and_no_single_answers() {
    for db in backends() {
        let base = closed_site(&db);
        let ctx = db.name();
        let mut b = Browser::signed_in(&base, AFRICA);

        let round = b.get("/rounds/r1");
        assert_eq!(round.status, 200, "{ctx}");
        assert!(
            round.body.contains("<th scope=\"row\">africa</th>"),
            "{ctx}: {}",
            round.body
        );
        assert!(
            round.body.contains("<th scope=\"row\">ALL</th>"),
            "{ctx}: {}",
            round.body
        );
        assert!(!round.body.contains("europe"), "{ctx}: {}", round.body);
        // No round actions for a reviewer.
        assert!(!round.body.contains("/rounds/r1/invite"), "{ctx}");
        assert!(!round.body.contains("/rounds/r1/close"), "{ctx}");

        let results = b.get("/rounds/r1/results");
        assert_eq!(results.status, 200, "{ctx}");
        let body = &results.body;
        assert!(body.contains("<td>africa</td><td>63</td>"), "{ctx}: {body}");
        // With two regions, ALL minus africa is europe: withheld.
        assert!(
            body.contains("<td>ALL</td><td>suppressed</td><td></td>"),
            "{ctx}: {body}"
        );
        assert!(!body.contains("684"), "{ctx}: {body}");
        assert!(!body.contains("europe"), "{ctx}: {body}");
        assert!(!body.contains("<td>621</td>"), "{ctx}: {body}");
        // Never a member, never free text, not even a link to it.
        assert!(!body.contains("/rounds/r1/texts"), "{ctx}: {body}");
        assert!(!body.contains("note"), "{ctx}: {body}");
        assert!(!body.contains("Org af"), "{ctx}: {body}");

        let list = b.get("/rounds");
        assert_eq!(list.status, 200, "{ctx}");
        assert!(list.body.contains("/rounds/r1"), "{ctx}: {}", list.body);
        assert!(
            !list.body.contains("action=\"/rounds\""),
            "{ctx}: a reviewer gets the create form"
        );

        // The secretariat's page has europe, its values and the free text.
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let full = s.get("/rounds/r1/results");
        assert!(
            full.body.contains("<td>europe</td><td>621</td>"),
            "{ctx}: {}",
            full.body
        );
        assert!(full.body.contains("/rounds/r1/texts"), "{ctx}");
        let texts = s.get("/rounds/r1/texts");
        assert_eq!(texts.status, 200, "{ctx}");
        for i in 1..=6 {
            assert!(
                texts.body.contains(&format!("african note {i}")),
                "{ctx}: {}",
                texts.body
            );
            assert!(texts.body.contains(&format!("european note {i}")), "{ctx}");
        }
        assert!(
            !texts.body.contains("Org af"),
            "{ctx}: free text names a member"
        );
    }
}

// ---------------------------------------------------------------------------
// State-changing actions: the secretariat's alone, and never without CSRF
// ---------------------------------------------------------------------------

/// What the site looks like to the actions below.
#[derive(Debug, PartialEq)]
struct Snapshot {
    r9: Option<bool>,
    r1_closed: Option<bool>,
    outbox: i64,
    members: i64,
    zz1: bool,
}

fn snapshot(db: &TestDb) -> Snapshot {
    Snapshot {
        r9: round_state(db, "r9"),
        r1_closed: round_state(db, "r1"),
        outbox: count_rows(&mut db.conn(), "outbox"),
        members: member_count(db),
        zz1: canvass::members::list(&mut db.conn(), None)
            .unwrap()
            .iter()
            .any(|m| m.id == "zz1"),
    }
}

fn new_member_csv() -> String {
    members_csv(&["zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true"])
}

/// Every state-changing action, with `csrf` as its token (`None`: left out).
fn try_every_action(b: &mut Browser, csrf: Option<&str>) -> Vec<(String, Reply)> {
    let with = |mut f: Vec<(&'static str, String)>| {
        if let Some(t) = csrf {
            f.push(("csrf", t.to_string()));
        }
        f
    };
    let mut out = Vec::new();
    let forms: Vec<(&str, Vec<(&str, String)>)> = vec![
        (
            "/rounds",
            with(vec![("name", "r9".into()), ("survey", "mini".into())]),
        ),
        ("/rounds/r1/invite", with(vec![])),
        ("/rounds/r1/remind", with(vec![])),
        ("/rounds/r1/close", with(vec![])),
        ("/rounds/r1/open", with(vec![])),
    ];
    for (path, fields) in forms {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        out.push((format!("POST {path}"), b.post(path, &fields)));
    }
    out.push((
        "POST /members/import".into(),
        b.upload("/members/import", csrf, "new.csv", &new_member_csv()),
    ));
    out
}

#[test]
fn round_and_member_actions_are_refused_to_reviewers_and_anonymous_visitors() {
    for db in backends() {
        let base = site(&db);
        let before = snapshot(&db);
        assert_eq!(before.r9, None);
        assert_eq!(before.r1_closed, Some(false));
        for who in EVERYONE.into_iter().filter(|w| *w != Who::Secretariat) {
            let mut b = browser_for(&base, who);
            // A reviewer sends their own, valid token.
            let token = (who != Who::Anonymous).then(|| b.csrf());
            for (what, r) in try_every_action(&mut b, token.as_deref()) {
                let ctx = format!("{} {what} as {who:?}", db.name());
                if who == Who::Anonymous {
                    let to_login = r.status == 303 && r.location().starts_with("/login");
                    assert!(r.status == 401 || to_login, "{ctx}: {}", r.status);
                } else {
                    assert_eq!(r.status, 403, "{ctx}: {}", r.body);
                }
                assert_eq!(snapshot(&db), before, "{ctx} changed something");
            }
        }
    }
}

#[test]
fn the_secretariat_creates_invites_reminds_imports_and_closes() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let csrf = s.csrf();

        // Create, for all regions and for some.
        let r = s.post(
            "/rounds",
            &[("csrf", &csrf), ("name", "r9"), ("survey", "mini")],
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(r.location(), "/rounds/r9", "{ctx}");
        assert_eq!(round_state(&db, "r9"), Some(false), "{ctx}");
        let r = s.post(
            "/rounds",
            &[
                ("csrf", &csrf),
                ("name", "r10"),
                ("survey", "mini"),
                ("region", "africa"),
            ],
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        let page = s.get("/rounds/r10");
        assert!(
            page.body.contains("<th scope=\"row\">africa</th>"),
            "{ctx}: {}",
            page.body
        );
        assert!(!page.body.contains("europe"), "{ctx}: {}", page.body);
        // A second round of the same name is refused on the page.
        let r = s.post(
            "/rounds",
            &[("csrf", &csrf), ("name", "r9"), ("survey", "mini")],
        );
        assert_eq!(r.status, 422, "{ctx}: {}", r.body);

        let r = s.post("/rounds/r9/invite", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert!(
            r.location().starts_with("/rounds/r9?done=invite"),
            "{ctx}: {}",
            r.location()
        );
        assert_eq!(count_rows(&mut db.conn(), "outbox"), 12, "{ctx}");
        let r = s.post("/rounds/r9/remind", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert!(r.location().starts_with("/rounds/r9?done=remind"), "{ctx}");

        let r = s.upload("/members/import", Some(&csrf), "new.csv", &new_member_csv());
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert_eq!(member_count(&db), 13, "{ctx}");

        let r = s.post("/rounds/r1/close", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(round_state(&db, "r1"), Some(true), "{ctx}");
        let after = s.get(r.location());
        assert_eq!(after.status, 200, "{ctx}");
        assert!(after.body.contains("/rounds/r1/open"), "{ctx}");
    }
}

#[test]
fn state_changing_posts_without_the_right_csrf_token_are_refused_and_change_nothing() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        // Another session's token is as wrong as a made-up one.
        let foreign = Browser::signed_in(&base, SECRETARIAT).csrf();
        assert_ne!(foreign, s.csrf(), "{ctx}: two sessions share a token");
        let before = snapshot(&db);
        for token in [None, Some("not-the-token"), Some(foreign.as_str())] {
            for (what, r) in try_every_action(&mut s, token) {
                let ctx = format!("{ctx} {what} with {token:?}");
                assert_eq!(r.status, 403, "{ctx}: {}", r.body);
                assert_eq!(snapshot(&db), before, "{ctx} changed something");
            }
            let r = match token {
                Some(t) => s.post("/logout", &[("csrf", t)]),
                None => s.post("/logout", &[]),
            };
            assert_eq!(r.status, 403, "{ctx} logout with {token:?}");
            assert_eq!(s.get("/rounds").status, 200, "{ctx}: signed out anyway");
            let mut fields = vec![("current", PASSWORD), ("new", "a brand new secret")];
            if let Some(t) = token {
                fields.push(("csrf", t));
            }
            let r = s.post("/account/password", &fields);
            assert_eq!(r.status, 403, "{ctx} password with {token:?}");
            assert!(
                r.body.contains("This form has expired"),
                "{ctx}: {}",
                r.body
            );
        }
        // The password is still the old one.
        let mut fresh = Browser::new(&base);
        assert_eq!(fresh.login(SECRETARIAT, PASSWORD).status, 303, "{ctx}");
    }
}

// ---------------------------------------------------------------------------
// Sign-in, cookies, sign-out, password
// ---------------------------------------------------------------------------

#[test]
fn a_wrong_password_gets_401_and_no_session() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::new(&base);
        let form = b.get("/login");
        assert_eq!(form.status, 200, "{ctx}");
        assert!(form.body.contains("name=\"email\""), "{ctx}");
        assert!(form.body.contains("name=\"password\""), "{ctx}");
        for (email, password) in [
            (SECRETARIAT, "not the password"),
            ("nobody@example.org", PASSWORD),
            (SECRETARIAT, ""),
        ] {
            let r = b.login(email, password);
            assert_eq!(r.status, 401, "{ctx} {email}");
            assert!(
                r.body.contains("The email or password is not right."),
                "{ctx}: {}",
                r.body
            );
            assert!(r.session_cookie().and_then(cookie_value).is_none(), "{ctx}");
            assert!(b.cookie.is_none(), "{ctx}");
            let after = b.get("/rounds");
            assert_eq!(after.status, 303, "{ctx}");
        }
    }
}

#[test]
fn the_session_cookie_is_httponly_samesite_strict_and_secure_only_behind_https() {
    for db in backends() {
        members_and_users(&db);
        let ctx = db.name();
        for (base, secure) in [
            (spawn(&db), false),
            (
                spawn_with(&db, |s| s.base_url = "https://survey.example.org".into()),
                true,
            ),
        ] {
            let mut b = Browser::new(&base);
            let r = b.login(SECRETARIAT, PASSWORD);
            assert_eq!(r.status, 303, "{ctx}");
            assert_eq!(r.location(), "/rounds", "{ctx}");
            let cookie = r.session_cookie().expect("a session cookie").to_string();
            let attrs: Vec<String> = cookie
                .split(';')
                .skip(1)
                .map(|a| a.trim().to_ascii_lowercase())
                .collect();
            assert!(attrs.iter().any(|a| a == "httponly"), "{ctx}: {cookie}");
            assert!(
                attrs.iter().any(|a| a == "samesite=strict"),
                "{ctx}: {cookie}"
            );
            assert_eq!(
                attrs.iter().any(|a| a == "secure"),
                secure,
                "{ctx} {base}: {cookie}"
            );
            // The cookie is the session: it opens the console.
            assert_eq!(b.get("/rounds").status, 200, "{ctx}");
        }
    }
}

#[test]
fn sign_in_goes_back_to_the_page_asked_for_but_never_to_another_site() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::new(&base);
        let r = b.get("/rounds/r1/results?region=africa");
        assert_eq!(r.status, 303, "{ctx}");
        let next = r.location().to_string();
        let form = b.get(&next);
        assert!(
            form.body
                .contains("name=\"next\" value=\"/rounds/r1/results?region"),
            "{ctx}: {}",
            form.body
        );
        for (asked, lands) in [
            ("/rounds/r1", "/rounds/r1"),
            ("https://evil.example.org/", "/rounds"),
            ("//evil.example.org/", "/rounds"),
        ] {
            let mut b = Browser::new(&base);
            let r = b.post(
                "/login",
                &[("email", AFRICA), ("password", PASSWORD), ("next", asked)],
            );
            assert_eq!(r.status, 303, "{ctx} {asked}");
            assert_eq!(r.location(), lands, "{ctx} {asked}");
        }
    }
}

#[test]
fn five_failures_for_one_account_lock_it_even_against_the_right_password() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::new(&base);
        for i in 0..5 {
            let r = b.login(SECRETARIAT, "wrong password");
            assert_eq!(r.status, 401, "{ctx} attempt {i}");
        }
        for password in ["wrong password", PASSWORD] {
            let r = b.login(SECRETARIAT, password);
            assert_eq!(r.status, 429, "{ctx} with {password:?}");
            assert!(r.body.contains("Too many attempts"), "{ctx}: {}", r.body);
            assert!(b.cookie.is_none(), "{ctx}: a refused sign-in set a cookie");
        }
        // The address in any letter case is the same account.
        let r = b.login("Secretariat@Example.org", PASSWORD);
        assert_eq!(r.status, 429, "{ctx}");
        // Another account from the same address still signs in.
        let mut other = Browser::new(&base);
        assert_eq!(other.login(AFRICA, PASSWORD).status, 303, "{ctx}");
    }
}

#[test]
fn sign_out_clears_the_cookie_and_ends_the_browsers_session() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::signed_in(&base, SECRETARIAT);
        let csrf = b.csrf();
        let r = b.post("/logout", &[("csrf", &csrf)]);
        assert_eq!(r.status, 303, "{ctx}");
        assert_eq!(r.location(), "/login?done=logout", "{ctx}");
        let set = r.session_cookie().expect("logout sets the cookie");
        assert!(cookie_value(set).is_none(), "{ctx}: not removed: {set}");
        assert!(b.cookie.is_none(), "{ctx}");
        let after = b.get("/rounds");
        assert_eq!(after.status, 303, "{ctx}");
        assert!(after.location().starts_with("/login"), "{ctx}");
        let notice = b.get("/login?done=logout");
        assert!(notice.body.contains("You are signed out."), "{ctx}");
        assert_eq!(b.get("/rounds/r1/results.csv").status, 401, "{ctx}");
    }
}

#[test]
fn the_interface_language_asked_for_is_used_and_kept_for_later_pages() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::signed_in(&base, SECRETARIAT);
        let en = b.get("/rounds");
        assert!(en.body.contains("<h1>Rounds</h1>"), "{ctx}: {}", en.body);
        let fr = b.get("/rounds?lang=fr");
        assert_eq!(fr.status, 200, "{ctx}");
        assert!(fr.body.contains("<html lang=\"fr\""), "{ctx}: {}", fr.body);
        assert!(fr.body.contains("<h1>Campagnes</h1>"), "{ctx}: {}", fr.body);
        // Remembered in the session for the next page without `?lang=`.
        let later = b.get("/members");
        assert!(
            later.body.contains("<html lang=\"fr\""),
            "{ctx}: {}",
            later.body
        );
        let ru = b.get("/rounds?lang=ru");
        assert!(ru.body.contains("<h1>Циклы</h1>"), "{ctx}: {}", ru.body);
        // A language the console has not falls back to English.
        let other = b.get("/rounds?lang=xx");
        assert!(
            other.body.contains("<h1>Rounds</h1>"),
            "{ctx}: {}",
            other.body
        );
    }
}

#[test]
fn a_cookie_kept_from_before_sign_out_no_longer_opens_the_console() {
    for db in backends() {
        let base = site(&db);
        let mut b = Browser::signed_in(&base, SECRETARIAT);
        let kept = b.cookie.clone();
        let csrf = b.csrf();
        assert_eq!(b.post("/logout", &[("csrf", &csrf)]).status, 303);
        let mut thief = Browser::new(&base);
        thief.cookie = kept;
        let r = thief.get("/rounds");
        assert_eq!(r.status, 303, "{}: the old cookie still works", db.name());
    }
}

#[test]
fn a_password_change_replaces_the_old_password() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let new = "a brand new secret";
        let mut b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let wrong = b.post(
            "/account/password",
            &[("csrf", &csrf), ("current", "not it at all"), ("new", new)],
        );
        assert_eq!(wrong.status, 422, "{ctx}");
        assert!(
            wrong.body.contains("The current password is not right."),
            "{ctx}: {}",
            wrong.body
        );
        let short = b.post(
            "/account/password",
            &[("csrf", &csrf), ("current", PASSWORD), ("new", "short")],
        );
        assert_eq!(short.status, 422, "{ctx}");
        let r = b.post(
            "/account/password",
            &[("csrf", &csrf), ("current", PASSWORD), ("new", new)],
        );
        assert_eq!(r.status, 303, "{ctx}: {}", r.body);
        assert_eq!(r.location(), "/account/password?done=1", "{ctx}");
        assert!(
            b.get(r.location())
                .body
                .contains("Your password is changed."),
            "{ctx}"
        );
        assert_eq!(
            Browser::new(&base).login(AFRICA, PASSWORD).status,
            401,
            "{ctx}: the old password still works"
        );
        assert_eq!(Browser::new(&base).login(AFRICA, new).status, 303, "{ctx}");
        let audit = db.cli(&["audit"]).unwrap();
        assert!(
            audit
                .lines()
                .any(|l| l.contains(AFRICA) && l.contains("password.change")),
            "{ctx}: {audit}"
        );
    }
}

// ---------------------------------------------------------------------------
// Audit
// ---------------------------------------------------------------------------

#[test]
fn results_views_and_downloads_are_in_the_audit_log_with_who_did_them() {
    for db in backends() {
        let base = closed_site(&db);
        let ctx = db.name();
        let mut b = Browser::signed_in(&base, AFRICA);
        assert_eq!(b.get("/rounds/r1/results").status, 200, "{ctx}");
        assert_eq!(
            b.get("/rounds/r1/results.csv?region=ALL").status,
            200,
            "{ctx}"
        );
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(s.get("/rounds/r1/results.json").status, 200, "{ctx}");
        assert_eq!(s.get("/rounds/r1/texts").status, 200, "{ctx}");

        let log = db.cli(&["audit"]).unwrap();
        let has = |actor: &str, action: &str, subject: &str| {
            log.lines()
                .any(|l| l.contains(actor) && l.contains(action) && l.contains(subject))
        };
        assert!(has(AFRICA, "login", ""), "{ctx}: {log}");
        assert!(
            has(AFRICA, "results.view", "r1 region=africa"),
            "{ctx}: {log}"
        );
        assert!(
            has(AFRICA, "results.download", "r1 region=ALL"),
            "{ctx}: {log}"
        );
        assert!(has(SECRETARIAT, "results.download", "r1"), "{ctx}: {log}");
        assert!(has(SECRETARIAT, "results.free_text", "r1"), "{ctx}: {log}");

        let page = s.get("/audit");
        assert_eq!(page.status, 200, "{ctx}");
        for (actor, action) in [
            (AFRICA, "results.view"),
            (AFRICA, "results.download"),
            (SECRETARIAT, "results.download"),
        ] {
            assert!(
                page.body
                    .contains(&format!("<td>{actor}</td><td>{action}</td>")),
                "{ctx}: {}",
                page.body
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Members through the page
// ---------------------------------------------------------------------------

#[test]
fn members_import_through_the_page_reports_counts_or_every_bad_line_and_changes_nothing() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let csrf = s.csrf();

        let bad = members_csv(&[
            "zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true",
            "zz2,Org zz2,KE,africa,not-an-address,en,2020-01-01,true",
            "zz3,Org zz3,XX1,africa,zz3@example.org,en,2020-01-01,true",
        ]);
        let r = s.upload("/members/import", Some(&csrf), "upload.csv", &bad);
        assert_eq!(r.status, 422, "{ctx}: {}", r.body);
        assert!(r.body.contains("Nothing was imported"), "{ctx}: {}", r.body);
        assert!(r.body.contains("upload.csv:3:"), "{ctx}: {}", r.body);
        assert!(r.body.contains("upload.csv:4:"), "{ctx}: {}", r.body);
        assert!(!r.body.contains("upload.csv:2:"), "{ctx}: {}", r.body);
        assert_eq!(member_count(&db), 12, "{ctx}: a bad file imported rows");

        let good = members_csv(&[
            "zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true",
            "zz2,Org zz2,FR,europe,zz2@example.org,fr,2021-01-01,true",
            "af1,Renamed af1,KE,africa,af1@example.org,en,2020-01-01,true",
            "af2,Org af2,KE,africa,af2@example.org,en,2020-01-01,true",
        ]);
        let r = s.upload("/members/import", Some(&csrf), "upload.csv", &good);
        assert_eq!(r.status, 200, "{ctx}: {}", r.body);
        assert!(
            r.body.contains("Added: 2, updated: 1, unchanged: 1."),
            "{ctx}: {}",
            r.body
        );
        assert_eq!(member_count(&db), 14, "{ctx}");
        assert!(r.body.contains("Renamed af1"), "{ctx}");

        let europe = s.get("/members?region=europe");
        assert_eq!(europe.status, 200, "{ctx}");
        assert!(europe.body.contains("<td>eu1</td>"), "{ctx}");
        assert!(europe.body.contains("<td>zz2</td>"), "{ctx}");
        assert!(!europe.body.contains("<td>af1</td>"), "{ctx}");
        assert!(!europe.body.contains("<td>zz1</td>"), "{ctx}");

        let log = db.cli(&["audit"]).unwrap();
        assert!(
            log.lines()
                .any(|l| l.contains(SECRETARIAT) && l.contains("members.import")),
            "{ctx}: {log}"
        );
    }
}

// ---------------------------------------------------------------------------
// Results page, surveys, and what pages load
// ---------------------------------------------------------------------------

#[test]
fn results_pages_have_a_chart_per_indicator_and_trends_only_where_the_indicator_recurs() {
    for db in backends() {
        members_and_users(&db);
        let ctx = db.name();
        // r0 (member_survey) shares only `law_improved` with `mini`.
        db.cli(&["round", "create", "r0", "--survey", "member_survey"])
            .unwrap();
        round_with_answers(&db, "r1");
        round_with_answers(&db, "r2");
        // Reviewers see closed rounds only, in pages and trends alike.
        db.cli(&["round", "close", "r1"]).unwrap();
        db.cli(&["round", "close", "r2"]).unwrap();
        let base = spawn(&db);
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let trend = |id: &str| format!("id=\"t-{id}-title\"");

        let r1 = s.get("/rounds/r1/results").body;
        for id in [
            "law_improved",
            "improved_count",
            "staff_total",
            "staff_mean",
            "big_orgs",
            "rating_high",
            "areas",
        ] {
            assert!(r1.contains(&format!("id=\"c-{id}-title\"")), "{ctx}: {id}");
        }
        assert!(r1.contains("<svg"), "{ctx}");
        assert!(r1.contains("role=\"img\""), "{ctx}");
        assert!(r1.contains("<table"), "{ctx}");
        assert!(r1.contains(&trend("law_improved")), "{ctx}: {r1}");
        assert!(!r1.contains(&trend("staff_total")), "{ctx}");
        assert!(r1.contains("Across rounds"), "{ctx}");

        let r0 = s.get("/rounds/r0/results").body;
        assert!(
            !r0.contains("id=\"t-"),
            "{ctx}: a trend without an earlier round"
        );
        assert!(!r0.contains("Across rounds"), "{ctx}");

        let r2 = s.get("/rounds/r2/results").body;
        for id in ["law_improved", "staff_total", "staff_mean", "rating_high"] {
            assert!(r2.contains(&trend(id)), "{ctx}: no trend for {id}");
        }
        assert!(!r2.contains(&trend("areas")), "{ctx}: a distribution trend");

        // A reviewer's trend follows their region and ALL only.
        let mut b = Browser::signed_in(&base, AFRICA);
        let mine = b.get("/rounds/r2/results").body;
        assert!(mine.contains(&trend("staff_total")), "{ctx}");
        assert!(!mine.contains("europe"), "{ctx}: {mine}");
    }
}

#[test]
fn the_surveys_page_shows_check_results_translations_and_previews_in_any_language() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let page = s.get("/surveys");
        assert_eq!(page.status, 200, "{ctx}");
        assert!(page.body.contains("id=\"sv-mini\""), "{ctx}: {}", page.body);
        assert!(
            page.body.contains("<td>en</td><td>100 %</td>"),
            "{ctx}: {}",
            page.body
        );
        assert!(page.body.contains("<td>fr</td>"), "{ctx}");
        assert!(page.body.contains("/surveys/mini/preview?lang=fr"), "{ctx}");
        let fr = s.get("/surveys/mini/preview?lang=fr");
        assert_eq!(fr.status, 200, "{ctx}");
        assert!(
            fr.body.contains("La loi a-t-elle changé ?"),
            "{ctx}: {}",
            fr.body
        );
        let en = s.get("/surveys/mini/preview?lang=en");
        assert!(en.body.contains("Did the law change?"), "{ctx}");
        assert_eq!(s.get("/surveys/nosuch/preview").status, 404, "{ctx}");
    }
}

/// Removes the one address a page may name: the SVG namespace.
fn foreign_references(html: &str) -> Vec<String> {
    let cleaned = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    let mut found = Vec::new();
    for scheme in ["http://", "https://", "=\"//", "='//", "url(//"] {
        let mut rest = cleaned.as_str();
        while let Some(i) = rest.find(scheme) {
            let end = (i + 60).min(rest.len());
            let end = (end..=rest.len())
                .find(|e| rest.is_char_boundary(*e))
                .unwrap_or(rest.len());
            found.push(rest[i.saturating_sub(20)..end].to_string());
            rest = &rest[i + scheme.len()..];
        }
    }
    found
}

#[test]
fn no_console_page_loads_anything_from_another_host() {
    for db in backends() {
        members_and_users(&db);
        round_with_answers(&db, "r1");
        round_with_answers(&db, "r2");
        let base = spawn(&db);
        let ctx = db.name();
        let mut anon = Browser::new(&base);
        let mut pages = vec![("/login".to_string(), anon.get("/login"))];
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        for path in [
            "/rounds",
            "/rounds/r1",
            "/rounds/r2/results",
            "/rounds/r2/results?region=africa",
            "/rounds/r1/texts",
            "/surveys",
            "/surveys/mini/preview?lang=fr",
            "/members",
            "/audit",
            "/account/password",
            "/static/canvass.css",
        ] {
            pages.push((path.to_string(), s.get(path)));
        }
        for (path, r) in pages {
            assert_eq!(r.status, 200, "{ctx} {path}");
            let foreign = foreign_references(&r.body);
            assert!(foreign.is_empty(), "{ctx} {path} refers to: {foreign:?}");
            let csp = r.header("content-security-policy").unwrap_or("");
            assert!(csp.contains("default-src 'none'"), "{ctx} {path}: {csp}");
        }
    }
}

#[test]
fn twenty_failures_from_one_address_lock_every_account_from_it() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::new(&base);
        // Four failures per account stay under the account limit.
        for i in 0..20 {
            let who = format!("guess{}@example.org", i % 5);
            assert_eq!(b.login(&who, "wrong password").status, 401, "{ctx} {i}");
        }
        let r = b.login(AFRICA, PASSWORD);
        assert_eq!(r.status, 429, "{ctx}: {}", r.body);
        assert!(b.cookie.is_none(), "{ctx}");
    }
}

#[test]
fn a_password_change_ends_other_sessions() {
    for db in backends() {
        let base = site(&db);
        let mut other = Browser::signed_in(&base, AFRICA);
        let mut b = Browser::signed_in(&base, AFRICA);
        let csrf = b.csrf();
        let r = b.post(
            "/account/password",
            &[
                ("csrf", &csrf),
                ("current", PASSWORD),
                ("new", "a brand new secret"),
            ],
        );
        assert_eq!(r.status, 303, "{}", db.name());
        let r = other.get("/rounds");
        assert_eq!(r.status, 303, "{}: the other session lives on", db.name());
    }
}

#[test]
fn a_reviewer_learns_nothing_of_a_round_that_targets_only_another_region() {
    for db in backends() {
        members_and_users(&db);
        db.cli_with(
            &fixture_surveys(),
            &[
                "round", "create", "r10", "--survey", "mini", "--region", "europe",
            ],
        )
        .unwrap();
        let mut answers = String::from("member,law_change,law_areas,staff,rating,notes\n");
        for i in 1..=6 {
            answers.push_str(&format!("eu{i},worsened,labour,{},3,\n", 100 + i));
        }
        let file = db.file_arg("answers-r10.csv", &answers);
        db.cli(&["responses", "import", "r10", &file]).unwrap();
        let base = spawn(&db);
        let mut b = Browser::signed_in(&base, AFRICA);
        let ctx = db.name();
        // europe's staff add up to 621; ALL is europe alone here.
        let csv = b.get("/rounds/r10/results.csv?region=ALL");
        assert!(
            csv.status != 200 || !csv.body.contains(",621,"),
            "{ctx}: {}",
            csv.body
        );
        let page = b.get("/rounds/r10/results?region=ALL");
        assert!(
            page.status != 200 || !page.body.contains("<td>ALL</td><td>621</td>"),
            "{ctx}"
        );
        // The progress page's ALL row is europe's response rate.
        let progress = b.get("/rounds/r10");
        assert!(
            progress.status != 200 || !progress.body.contains("<th scope=\"row\">ALL</th>"),
            "{ctx}"
        );
    }
}

#[test]
fn free_text_and_member_names_are_escaped_on_the_pages() {
    for db in backends() {
        let ctx = db.name();
        let mut rows = members_in("africa", "af", 6);
        rows.push("xs1,<b>Bold</b> & co,KE,africa,xs1@example.org,en,,true".to_string());
        db.import_members(&rows);
        add_user(&db, SECRETARIAT, Role::Secretariat, PASSWORD);
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        let file = db.file_arg(
            "answers.csv",
            "member,law_change,notes\naf1,unchanged,<script>alert(1)</script>\n",
        );
        db.cli(&["responses", "import", "r1", &file]).unwrap();
        let base = spawn(&db);
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let texts = s.get("/rounds/r1/texts");
        assert_eq!(texts.status, 200, "{ctx}");
        assert!(!texts.body.contains("<script>"), "{ctx}: {}", texts.body);
        assert!(
            texts.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{ctx}: {}",
            texts.body
        );
        let members = s.get("/members");
        assert!(!members.body.contains("<b>Bold</b>"), "{ctx}");
        assert!(
            members.body.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co"),
            "{ctx}: {}",
            members.body
        );
    }
}

#[test]
fn the_page_reports_the_same_bad_lines_as_the_command_line() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let bad = members_csv(&[
            "zz1,Org zz1,KE,africa,zz1@example.org,en,2020-01-01,true",
            "zz2,Org zz2,KE,Africa!,zz2@example.org,en,2020-01-01,true",
            "zz1,Org zz1 again,KE,africa,zz1@example.org,en,2020-01-01,true",
        ]);
        let file = db.file_arg("members.csv", &bad);
        let err = db.cli(&["members", "import", &file]).unwrap_err();
        assert!(!err.details().is_empty(), "{ctx}: {err}");
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let csrf = s.csrf();
        let r = s.upload("/members/import", Some(&csrf), "members.csv", &bad);
        assert_eq!(r.status, 422, "{ctx}");
        for line in err.details() {
            // The command line names the file by its path, the page by its name.
            let (_, line) = line.split_once("members.csv").unwrap();
            let shown = format!("members.csv{line}")
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            assert!(r.body.contains(&shown), "{ctx}: {line} not in {}", r.body);
        }
        assert_eq!(member_count(&db), 12, "{ctx}");
    }
}

// ---------------------------------------------------------------------------
// Reviewers and open rounds (contract §6: no differencing of live results)
// ---------------------------------------------------------------------------

#[test]
fn a_reviewer_sees_response_rates_of_an_open_round_and_its_results_once_closed() {
    for db in backends() {
        let base = site(&db);
        let ctx = db.name();
        let mut b = Browser::signed_in(&base, AFRICA);
        let round = b.get("/rounds/r1");
        assert_eq!(round.status, 200, "{ctx}");
        assert!(
            round.body.contains("<th scope=\"row\">africa</th>"),
            "{ctx}"
        );
        assert!(
            !round.body.contains("href=\"/rounds/r1/results\""),
            "{ctx}: {}",
            round.body
        );
        assert!(
            round.body.contains("once the round closes"),
            "{ctx}: {}",
            round.body
        );
        let page = b.get("/rounds/r1/results");
        assert_eq!(page.status, 200, "{ctx}");
        assert!(
            page.body.contains("once the round closes"),
            "{ctx}: {}",
            page.body
        );
        assert!(!page.body.contains("<svg"), "{ctx}: a chart before close");
        assert!(!page.body.contains("63"), "{ctx}: {}", page.body);
        for path in [
            "/rounds/r1/results.csv",
            "/rounds/r1/results.json",
            "/rounds/r1/results.csv?region=ALL",
        ] {
            let r = b.get(path);
            assert_eq!(r.status, 403, "{ctx} {path}: {}", r.body);
            assert!(!r.body.contains("staff_total"), "{ctx} {path}");
        }
        // The secretariat is trusted with live results.
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        assert_eq!(s.get("/rounds/r1/results.csv").status, 200, "{ctx}");

        db.cli(&["round", "close", "r1"]).unwrap();
        let csv = b.get("/rounds/r1/results.csv");
        assert_eq!(csv.status, 200, "{ctx}");
        assert!(
            csv.body.contains("staff_total,,africa,63,6,false"),
            "{ctx}: {}",
            csv.body
        );
        assert!(
            b.get("/rounds/r1")
                .body
                .contains("href=\"/rounds/r1/results\""),
            "{ctx}"
        );

        // Reopening withdraws them again, and needs the confirmation.
        let csrf = s.csrf();
        let refused = s.post("/rounds/r1/open", &[("csrf", &csrf)]);
        assert_eq!(refused.status, 409, "{ctx}: {}", refused.body);
        assert_eq!(round_state(&db, "r1"), Some(true), "{ctx}");
        let reopened = s.post("/rounds/r1/open", &[("csrf", &csrf), ("confirm", "reopen")]);
        assert_eq!(reopened.status, 303, "{ctx}: {}", reopened.body);
        assert_eq!(round_state(&db, "r1"), Some(false), "{ctx}");
        assert_eq!(b.get("/rounds/r1/results.csv").status, 403, "{ctx}");
    }
}

#[test]
fn a_reviewers_trends_hold_only_closed_rounds_that_include_their_region() {
    for db in backends() {
        members_and_users(&db);
        let ctx = db.name();
        // r0: europe only, closed; r1: both regions, closed; r2: open.
        db.cli_with(
            &fixture_surveys(),
            &[
                "round", "create", "r0", "--survey", "mini", "--region", "europe",
            ],
        )
        .unwrap();
        db.cli(&["round", "close", "r0"]).unwrap();
        round_with_answers(&db, "r1");
        db.cli(&["round", "close", "r1"]).unwrap();
        round_with_answers(&db, "r2");
        round_with_answers(&db, "r3");
        db.cli(&["round", "close", "r3"]).unwrap();
        let base = spawn(&db);
        let mut b = Browser::signed_in(&base, AFRICA);
        assert_eq!(b.get("/rounds/r0/results").status, 403, "{ctx}");
        let page = b.get("/rounds/r3/results").body;
        assert!(page.contains("id=\"t-staff_total-title\""), "{ctx}: {page}");
        // The trend's rounds are r1 and r3: neither r0 (no africa) nor r2 (open).
        let desc = |page: &str| {
            let start = page.find("t-staff_total-desc\">").unwrap();
            page[start..].split("</desc>").next().unwrap().to_string()
        };
        assert_eq!(
            desc(&page),
            "t-staff_total-desc\">africa: r1 63, r3 63; ALL: r1 suppressed, r3 suppressed",
            "{ctx}"
        );
        let mut s = Browser::signed_in(&base, SECRETARIAT);
        let full = desc(&s.get("/rounds/r3/results").body);
        assert!(
            full.contains("r0") && full.contains("r2 684"),
            "{ctx}: {full}"
        );
    }
}

#[test]
fn a_reviewer_sees_all_when_two_other_regions_hold_enough_respondents() {
    for db in backends() {
        members_and_users(&db);
        db.import_members(&members_in("asia", "as", 6));
        round_with_answers(&db, "r1");
        let mut answers = String::from("member,law_change,staff\n");
        for i in 1..=6 {
            answers.push_str(&format!("as{i},unchanged,{}\n", 10 * i));
        }
        let file = db.file_arg("asia.csv", &answers);
        db.cli(&["responses", "import", "r1", &file]).unwrap();
        db.cli(&["round", "close", "r1"]).unwrap();
        let base = spawn(&db);
        let mut b = Browser::signed_in(&base, AFRICA);
        let csv = b.get("/rounds/r1/results.csv").body;
        // 63 + 621 + 210: ALL minus africa is two regions together.
        assert!(
            csv.contains("staff_total,,ALL,894,18,false"),
            "{}: {csv}",
            db.name()
        );
        assert_eq!(csv_regions(&csv), ["ALL", "africa"], "{}", db.name());
    }
}
