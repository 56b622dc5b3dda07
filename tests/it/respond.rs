//! The respondent's pages over HTTP (contract §5): GET never changes state,
//! POST saves the draft and moves between pages, submit validates the
//! whole draft; languages, status codes, security headers, accessibility
//! and page weight.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use canvass::db::schema::{answers, invitations};

use crate::helpers::*;

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

/// Takes any answer, 4xx and 5xx included; no answer may set a cookie.
fn reply(result: Result<ureq::Response, ureq::Error>) -> Reply {
    let reply = crate::helpers::reply(result);
    assert!(
        reply.header("set-cookie").is_none(),
        "a {} reply sets a cookie: {:?}",
        reply.status,
        reply.header("set-cookie")
    );
    reply
}

/// A browser without cookies or JavaScript that does not follow redirects.
struct Client {
    agent: ureq::Agent,
    base: String,
}

impl Client {
    fn new(base: String) -> Client {
        Client {
            agent: ureq::AgentBuilder::new().redirects(0).build(),
            base,
        }
    }

    fn get(&self, path: &str) -> Reply {
        reply(self.agent.get(&format!("{}{path}", self.base)).call())
    }

    /// A GET as relayed by a proxy that says the client is `forwarded_for`.
    fn get_for(&self, path: &str, forwarded_for: &str) -> Reply {
        reply(
            self.agent
                .get(&format!("{}{path}", self.base))
                .set("X-Forwarded-For", forwarded_for)
                .call(),
        )
    }

    fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        reply(
            self.agent
                .post(&format!("{}{path}", self.base))
                .send_form(fields),
        )
    }

    fn post_raw(&self, path: &str, body: &str) -> Reply {
        reply(
            self.agent
                .post(&format!("{}{path}", self.base))
                .set("Content-Type", "application/x-www-form-urlencoded")
                .send_string(body),
        )
    }
}

// ---------------------------------------------------------------------------
// Rounds, links, database state
// ---------------------------------------------------------------------------

/// One member's link: the invitation id and the path `/r/<token>`.
struct Link {
    id: String,
    path: String,
}

fn link(db: &TestDb, round: &str, member: &str) -> Link {
    let mut conn = db.conn();
    let round = canvass::rounds::find(&mut conn, round).unwrap();
    let id = canvass::rounds::invitation_of(&mut conn, &round, member)
        .unwrap()
        .unwrap_or_else(|| panic!("{member} is not targeted"));
    let path = format!("/r/{}", db.secret().link_token(&id));
    Link { id, path }
}

/// Members `m1`…`m5` (en, africa), `fr1` (fr-CA) and `pt1` (pt-BR).
fn members(db: &TestDb) {
    let mut rows = members_in("africa", "m", 5);
    rows.push("fr1,Org fr1,FR,europe,fr1@example.org,fr-CA,,true".into());
    rows.push("pt1,Org pt1,BR,americas,pt1@example.org,pt-BR,,true".into());
    db.import_members(&rows);
}

/// Round `r1` on a survey of `surveys`, the app started; extra `round
/// create` arguments in `extra`.
fn round_on(db: &TestDb, surveys: &std::path::Path, survey: &str, extra: &[&str]) -> Client {
    let mut args = vec!["round", "create", "r1", "--survey", survey];
    args.extend(extra);
    db.cli_with(surveys, &args).unwrap();
    Client::new(db.spawn_app())
}

/// The usual setup: all members, round `r1` on the mini fixture survey.
fn mini(db: &TestDb) -> Client {
    members(db);
    round_on(db, &fixture_surveys(), "mini", &[])
}

/// What member `id` sees in the form: the last submission with the draft
/// saved since laid over it.
fn draft(db: &TestDb, id: &str) -> BTreeMap<String, Vec<String>> {
    let mut conn = db.conn();
    let (round_id, submitted): (i32, Option<NaiveDateTime>) = invitations::table
        .find(id)
        .select((invitations::round_id, invitations::submitted_at))
        .first(&mut *conn)
        .unwrap();
    let round = canvass::rounds::find_by_id(&mut conn, round_id).unwrap();
    canvass::answers::current_draft(&mut conn, &round.survey, id, submitted.is_some()).unwrap()
}

fn draft_of(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(q, v)| (q.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect()
}

/// `(started_at, submitted_at)` of an invitation.
fn progress(db: &TestDb, id: &str) -> (Option<NaiveDateTime>, Option<NaiveDateTime>) {
    invitations::table
        .find(id)
        .select((invitations::started_at, invitations::submitted_at))
        .first(&mut *db.conn())
        .unwrap()
}

/// The stored answers of an invitation: question → choice mask or number.
fn stored(db: &TestDb, id: &str) -> BTreeMap<String, (Option<i64>, Option<f64>)> {
    answers::table
        .filter(answers::invitation_id.eq(id))
        .select((answers::question, answers::choice, answers::number))
        .load::<(String, Option<i64>, Option<f64>)>(&mut *db.conn())
        .unwrap()
        .into_iter()
        .map(|(q, c, n)| (q, (c, n)))
        .collect()
}

/// `(started, submitted)` of round `r1` over all regions, as `round status` counts.
fn started_submitted(db: &TestDb) -> (i64, i64) {
    let mut conn = db.conn();
    let round = canvass::rounds::find(&mut conn, "r1").unwrap();
    let all = canvass::rounds::status(&mut conn, &round)
        .unwrap()
        .into_iter()
        .find(|s| s.region == "ALL")
        .unwrap();
    (all.started, all.submitted)
}

fn results_csv(db: &TestDb) -> String {
    db.cli(&["results", "r1", "--format", "csv"]).unwrap()
}

fn today_plus(days: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A three-page survey (written into the test's folder) for moving
/// between pages: `law_areas` on page 2 depends on `law_change` on page 1,
/// and all of page 3 depends on `staff` on page 1.
fn steps_surveys(db: &TestDb) -> PathBuf {
    let root = db.dir.path().join("step_surveys");
    let dir = root.join("steps");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("survey.toml"),
        r#"id = "steps"
default_language = "en"

[[sections]]
id = "first"

  [[sections.questions]]
  id = "law_change"
  type = "single"
  options = ["improved", "worsened", "unchanged"]
  required = true

  [[sections.questions]]
  id = "staff"
  type = "number"
  min = 0
  max = 1000
  integer = true

[[sections]]
id = "second"

  [[sections.questions]]
  id = "law_areas"
  type = "multi"
  options = ["policing", "health"]
  required = true
  show_if = { question = "law_change", any_of = ["improved", "worsened"] }

  [[sections.questions]]
  id = "notes"
  type = "text"
  max_length = 200

[[sections]]
id = "third"

  [[sections.questions]]
  id = "rating"
  type = "scale"
  min = 1
  max = 5
  show_if = { question = "staff", min = 1 }
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("en.ftl"),
        "survey-title = Steps survey\n\
         section-first = First page\n\
         section-second = Second page\n\
         section-third = Third page\n\
         q-law_change = Did the law change?\n\
         q-law_change-improved = Improved\n\
         q-law_change-worsened = Worsened\n\
         q-law_change-unchanged = Unchanged\n\
         q-staff = Paid staff\n\
         q-law_areas = Which areas?\n\
         q-law_areas-policing = Policing\n\
         q-law_areas-health = Health\n\
         q-notes = Notes\n\
         q-rating = Rating\n",
    )
    .unwrap();
    // A right-to-left language, partly translated.
    std::fs::write(
        dir.join("ar.ftl"),
        "survey-title = استطلاع الخطوات\nq-law_change = هل تغير القانون؟\n",
    )
    .unwrap();
    root
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

/// Undoes the escaping handlebars applies to attribute values.
fn unescape(s: &str) -> String {
    s.replace("&#x3D;", "=")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#x60;", "`")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every value of attribute `name` in the page, unescaped.
fn attr_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            unescape(&rest[..rest.find('"').unwrap()])
        })
        .collect()
}

/// Every start tag `<name …>` of the page, with its offset.
fn tags<'h>(html: &'h str, name: &str) -> Vec<(usize, &'h str)> {
    let needle = format!("<{name}");
    html.match_indices(&needle)
        .filter(|(i, _)| {
            html[i + needle.len()..]
                .starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/')
        })
        .map(|(i, _)| (i, &html[i..i + html[i..].find('>').unwrap() + 1]))
        .collect()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    attr_values(tag, name).into_iter().next()
}

/// The element `<div … id="q-<question>">…` of a question, up to the next
/// question or the end of the form.
fn question_block<'h>(html: &'h str, question: &str) -> Option<&'h str> {
    let start = html.find(&format!("id=\"q-{question}\""))?;
    let rest = &html[start..];
    let end = rest[1..]
        .find("class=\"q")
        .map_or_else(|| rest.find("</form>").unwrap_or(rest.len()), |e| e + 1);
    Some(&rest[..end])
}

/// Every visible input has a label; every radio or checkbox sits in a
/// fieldset with a legend.
fn assert_labelled(html: &str, what: &str) {
    let labels: Vec<String> = attr_values(html, "for");
    let mut fields = tags(html, "input");
    fields.extend(tags(html, "textarea"));
    fields.extend(tags(html, "select"));
    let mut seen = 0;
    for (at, tag) in fields {
        let kind = attr(tag, "type").unwrap_or_default();
        if kind == "hidden" || kind == "submit" {
            continue;
        }
        seen += 1;
        let id = attr(tag, "id").unwrap_or_else(|| panic!("{what}: {tag} has no id"));
        assert!(id.starts_with("f-"), "{what}: {tag}");
        assert!(labels.contains(&id), "{what}: no <label for> for {tag}");
        if kind == "radio" || kind == "checkbox" {
            let before = &html[..at];
            let open = before.rfind("<fieldset").unwrap_or_else(|| {
                panic!("{what}: {tag} is not in a fieldset");
            });
            assert!(
                before.rfind("</fieldset>").is_none_or(|close| close < open),
                "{what}: {tag} is not in a fieldset"
            );
            assert!(
                before[open..].contains("<legend>") || before[open..].contains("<legend "),
                "{what}: the fieldset of {tag} has no legend before its choices"
            );
        }
    }
    assert!(seen > 0, "{what}: no input at all\n{html}");
}

/// Every link, script, stylesheet and form target stays on this site.
fn assert_same_origin(html: &str, base: &str, what: &str) {
    for name in ["href", "src", "action", "formaction", "srcset", "poster"] {
        for v in attr_values(html, name) {
            let local = (v.starts_with('/') && !v.starts_with("//"))
                || v.starts_with('#')
                || v.starts_with('?')
                || v.starts_with(&format!("{base}/"));
            assert!(local, "{what}: {name}=\"{v}\" leaves the site");
        }
    }
    assert!(!html.contains("<style"), "{what}: inline style element");
    assert!(
        !html.contains(" style=\""),
        "{what}: inline style attribute"
    );
    for (at, tag) in tags(html, "script") {
        assert!(attr(tag, "src").is_some(), "{what}: inline script {tag}");
        assert!(
            html[at + tag.len()..].starts_with("</script>"),
            "{what}: a script with a src also has inline code"
        );
    }
    for handler in [
        " onclick=",
        " onload=",
        " onchange=",
        " onsubmit=",
        " oninput=",
    ] {
        assert!(!html.contains(handler), "{what}: inline handler {handler}");
    }
}

fn assert_security_headers(r: &Reply, what: &str) {
    let csp = r
        .header("content-security-policy")
        .unwrap_or_else(|| panic!("{what}: no Content-Security-Policy"));
    assert!(!csp.contains("unsafe-inline"), "{what}: {csp}");
    assert!(!csp.contains("unsafe-eval"), "{what}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(
        csp.contains("script-src 'self'") || csp.contains("default-src 'self'"),
        "{what}: {csp}"
    );
    assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{what}");
    assert_eq!(
        r.header("x-content-type-options"),
        Some("nosniff"),
        "{what}"
    );
    let cache = r.header("cache-control").unwrap_or_default();
    assert!(cache.contains("no-store"), "{what}: Cache-Control {cache}");
}

/// The language switcher: a link to every other language of the survey.
fn assert_switcher(html: &str, path: &str, others: &[&str], what: &str) {
    let hrefs = attr_values(html, "href");
    for lang in others {
        let prefix = format!("{path}?lang={lang}");
        assert!(
            hrefs
                .iter()
                .any(|h| h == &prefix || h.starts_with(&format!("{prefix}&"))),
            "{what}: no link to {prefix} among {hrefs:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// GET
// ---------------------------------------------------------------------------

#[test]
fn get_shows_the_first_section_in_the_members_language() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();

        let fr = link(&db, "r1", "fr1");
        let page = app.get(&fr.path);
        assert_eq!(page.status, 200, "{n}");
        assert!(
            page.body.contains("<html lang=\"fr\" dir=\"ltr\">"),
            "{n}: {}",
            page.body
        );
        assert!(page.body.contains("La loi a-t-elle changé ?"), "{n}");
        // Interface strings come from the French Fluent files too.
        assert!(
            page.body.contains("Enregistrer et continuer")
                || page.body.contains("Relire les réponses"),
            "{n}"
        );
        assert!(page.body.contains("id=\"q-law_change\""), "{n}");
        assert_switcher(&page.body, &fr.path, &["en"], n);

        let en = app.get(&format!("{}?lang=en", fr.path));
        assert_eq!(en.status, 200, "{n}");
        assert!(en.body.contains("<html lang=\"en\" dir=\"ltr\">"), "{n}");
        assert!(en.body.contains("Did the law change?"), "{n}");
        assert!(!en.body.contains("La loi a-t-elle changé"), "{n}");
        assert_switcher(&en.body, &fr.path, &["fr"], n);

        // pt-BR is not a language of the survey: the default, English.
        let pt = link(&db, "r1", "pt1");
        let page = app.get(&pt.path);
        assert_eq!(page.status, 200, "{n}");
        assert!(page.body.contains("<html lang=\"en\" dir=\"ltr\">"), "{n}");
        assert!(page.body.contains("Did the law change?"), "{n}");
        assert_switcher(&page.body, &pt.path, &["fr"], n);
    }
}

#[test]
fn the_blank_form_is_the_same_page_for_every_member_but_their_link() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let (a, b) = (link(&db, "r1", "m1"), link(&db, "r1", "m2"));
        // The first is rendered and kept; the second comes from what was kept.
        let first = app.get(&a.path);
        let second = app.get(&b.path);
        assert_eq!((first.status, second.status), (200, 200), "{n}");
        assert!(second.body.contains(&b.path), "{n}");
        assert!(
            !second.body.contains(&a.path),
            "{n}: another member's link leaked"
        );
        assert_eq!(second.body, first.body.replace(&a.path, &b.path), "{n}");
        // Once m2 has saved an answer, their page is rendered with it.
        let saved = app.post(
            &b.path,
            &[
                ("law_change", "worsened"),
                ("page", "0"),
                ("action", "save"),
            ],
        );
        assert_eq!(saved.status, 303, "{n}");
        let mine = app.get(&b.path);
        assert_eq!(mine.status, 200, "{n}");
        assert_ne!(mine.body, second.body, "{n}: the saved answer is not shown");
        assert_eq!(app.get(&a.path).body, first.body, "{n}");
    }
}

#[test]
fn get_changes_nothing_in_the_database() {
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        for query in [
            "",
            "",
            "?lang=fr",
            "?page=0",
            "?page=review",
            "?page=0&saved=1",
        ] {
            let r = app.get(&format!("{}{query}", m1.path));
            assert_eq!(r.status, 200, "{}: GET {query}", db.name());
        }
        assert_eq!(progress(&db, &m1.id), (None, None), "{}", db.name());
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{}", db.name());
        assert_eq!(count_rows(&mut db.conn(), "answers"), 0, "{}", db.name());
        assert_eq!(started_submitted(&db), (0, 0), "{}", db.name());
        // Nor does the page that offers to stop reminders.
        let stop = app.get(&format!("{}/stop", m1.path));
        assert_eq!(stop.status, 200, "{}", db.name());
        let opted_out: Option<NaiveDateTime> = invitations::table
            .find(&m1.id)
            .select(invitations::opted_out_at)
            .first(&mut *db.conn())
            .unwrap();
        assert_eq!(opted_out, None, "{}", db.name());
    }
}

// ---------------------------------------------------------------------------
// POST: saving the draft
// ---------------------------------------------------------------------------

#[test]
fn save_stores_a_draft_marks_started_and_returns_to_the_same_page() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = app.post(
            &m1.path,
            &[
                ("lang", "en"),
                ("page", "0"),
                ("_q", "law_change"),
                ("law_change", "improved"),
                ("_q", "staff"),
                ("staff", "12"),
                ("action", "save"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        let to = r.location().to_string();
        assert!(to.starts_with(&format!("{}?", m1.path)), "{n}: {to}");
        assert!(to.contains("page=0"), "{n}: {to}");
        let (started, submitted) = progress(&db, &m1.id);
        assert!(started.is_some(), "{n}: started_at not set");
        assert!(submitted.is_none(), "{n}");
        assert_eq!(started_submitted(&db), (1, 0), "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("law_change", &["improved"]), ("staff", &["12"])]),
            "{n}"
        );
        // The page shows the saved answers back.
        let page = app.get(&to);
        assert_eq!(page.status, 200, "{n}");
        let radio = tags(&page.body, "input")
            .into_iter()
            .map(|(_, t)| t)
            .find(|t| attr(t, "id").as_deref() == Some("f-law_change-improved"))
            .unwrap();
        assert!(radio.contains(" checked"), "{n}: {radio}");
        let staff = tags(&page.body, "input")
            .into_iter()
            .map(|(_, t)| t)
            .find(|t| attr(t, "id").as_deref() == Some("f-staff"))
            .unwrap();
        assert_eq!(attr(staff, "value").as_deref(), Some("12"), "{n}");

        // A member's own language carries through a post without `lang`.
        let fr = link(&db, "r1", "fr1");
        let r = app.post(
            &fr.path,
            &[("page", "0"), ("staff", "1"), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
        assert!(r.location().contains("lang=fr"), "{n}: {}", r.location());
        assert!(
            app.get(r.location()).body.contains("<html lang=\"fr\""),
            "{n}"
        );

        // A later save does not move the start.
        app.post(
            &m1.path,
            &[("page", "0"), ("staff", "13"), ("action", "save")],
        );
        assert_eq!(progress(&db, &m1.id).0, started, "{n}");
    }
}

#[test]
fn a_post_with_one_question_keeps_the_other_saved_answers() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("law_areas", "policing"),
                ("law_areas", "health"),
                ("staff", "3"),
                ("notes", "all fine"),
                ("action", "save"),
            ],
        );
        let r = app.post(
            &m1.path,
            &[("page", "0"), ("staff", "7"), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[
                ("law_areas", &["policing", "health"]),
                ("law_change", &["improved"]),
                ("notes", &["all fine"]),
                ("staff", &["7"]),
            ]),
            "{n}"
        );
        // An empty field clears its own answer and nothing else.
        app.post(
            &m1.path,
            &[("page", "0"), ("notes", ""), ("action", "save")],
        );
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[
                ("law_areas", &["policing", "health"]),
                ("law_change", &["improved"]),
                ("staff", &["7"]),
            ]),
            "{n}"
        );
    }
}

#[test]
fn unticking_every_box_of_a_multi_question_clears_it() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "worsened"),
                ("law_areas", "policing"),
                ("law_areas", "labour"),
                ("action", "save"),
            ],
        );
        // What a browser sends when every box is unticked: the marker only.
        let r = app.post(
            &m1.path,
            &[("page", "0"), ("_q", "law_areas"), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("law_change", &["worsened"])]),
            "{n}"
        );
    }
}

// ---------------------------------------------------------------------------
// POST: pages
// ---------------------------------------------------------------------------

/// The `page=` of a redirect to the form.
fn page_of(location: &str) -> String {
    let query = location.split_once('?').map_or("", |(_, q)| q);
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix("page="))
        .unwrap_or("0")
        .to_string()
}

#[test]
fn next_and_back_move_between_sections_and_follow_show_if() {
    for db in backends() {
        members(&db);
        let app = round_on(&db, &steps_surveys(&db), "steps", &[]);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");

        let first = app.get(&m1.path);
        assert!(first.body.contains("First page"), "{n}");
        assert_switcher(&first.body, &m1.path, &["ar"], n);
        let arabic = app.get(&format!("{}?lang=ar", m1.path));
        assert!(
            arabic.body.contains("<html lang=\"ar\" dir=\"rtl\">"),
            "{n}: {}",
            &arabic.body[..200.min(arabic.body.len())]
        );
        assert!(arabic.body.contains("هل تغير القانون؟"), "{n}");
        assert!(first.body.contains("id=\"q-law_change\""), "{n}");
        assert!(!first.body.contains("id=\"q-notes\""), "{n}");

        // The law did not change and there is no staff: page 2 without
        // law_areas, page 3 skipped.
        let r = app.post(
            &m1.path,
            &[
                ("lang", "en"),
                ("page", "0"),
                ("law_change", "unchanged"),
                ("staff", "0"),
                ("action", "next"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        assert_eq!(page_of(r.location()), "1", "{n}: {}", r.location());
        assert!(progress(&db, &m1.id).0.is_some(), "{n}: next saves");
        let second = app.get(r.location());
        assert_eq!(second.status, 200, "{n}");
        assert!(second.body.contains("Second page"), "{n}");
        assert!(second.body.contains("id=\"q-notes\""), "{n}");
        assert!(
            !second.body.contains("id=\"q-law_areas\""),
            "{n}: law_areas shown although the law did not change"
        );
        assert!(second.body.contains("value=\"back\""), "{n}: no Back");

        let r = app.post(
            &m1.path,
            &[("page", "1"), ("notes", "quiet year"), ("action", "next")],
        );
        assert_eq!(
            page_of(r.location()),
            "review",
            "{n}: third page not skipped"
        );
        assert_eq!(
            draft(&db, &m1.id).get("notes"),
            Some(&vec!["quiet year".to_string()]),
            "{n}"
        );
        let r = app.post(&m1.path, &[("page", "review"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "1", "{n}: {}", r.location());
        let r = app.post(&m1.path, &[("page", "1"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "0", "{n}: {}", r.location());

        // The law improved and there is staff: law_areas on page 2, page 3 shown.
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("staff", "4"),
                ("action", "next"),
            ],
        );
        assert_eq!(page_of(r.location()), "1", "{n}");
        let second = app.get(r.location());
        assert!(
            second.body.contains("id=\"q-law_areas\""),
            "{n}: law_areas hidden although the law improved"
        );
        assert!(second.body.contains("value=\"next\""), "{n}: no Next");
        let r = app.post(
            &m1.path,
            &[("page", "1"), ("law_areas", "health"), ("action", "next")],
        );
        assert_eq!(page_of(r.location()), "2", "{n}: {}", r.location());
        let third = app.get(r.location());
        assert!(third.body.contains("id=\"q-rating\""), "{n}");
        let r = app.post(
            &m1.path,
            &[("page", "2"), ("rating", "5"), ("action", "next")],
        );
        assert_eq!(page_of(r.location()), "review", "{n}");
        let r = app.post(&m1.path, &[("page", "review"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "2", "{n}");
        let r = app.post(&m1.path, &[("page", "2"), ("action", "back")]);
        assert_eq!(page_of(r.location()), "1", "{n}");
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[
                ("law_areas", &["health"]),
                ("law_change", &["improved"]),
                ("notes", &["quiet year"]),
                ("rating", &["5"]),
                ("staff", &["4"]),
            ]),
            "{n}"
        );
        // The summary's own button submits the draft as it stands.
        let review = app.get(&format!("{}?page=review", m1.path));
        assert!(
            review.body.contains("Policing") || review.body.contains("Health"),
            "{n}"
        );
        let r = app.post(&m1.path, &[("page", "review"), ("action", "submit")]);
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        assert!(
            r.location().starts_with(&format!("{}/done", m1.path)),
            "{n}"
        );
        assert_eq!(stored(&db, &m1.id).len(), 5, "{n}");
    }
}

#[test]
fn a_condition_on_an_earlier_page_is_left_to_the_server() {
    for db in backends() {
        members(&db);
        let app = round_on(&db, &steps_surveys(&db), "steps", &[]);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("action", "save"),
            ],
        );
        let second = app.get(&format!("{}?page=1", m1.path));
        let block = question_block(&second.body, "law_areas")
            .unwrap_or_else(|| panic!("{n}: law_areas not shown"));
        // The script hides a question whose target has no field on the page;
        // the server already decided, so no condition (and no "only if"
        // hint) may be attached here.
        for target in attr_values(&second.body, "data-show-if") {
            assert!(
                second.body.contains(&format!("name=\"{target}\"")),
                "{n}: a question on page 2 depends on `{target}`, which has no field there:\n{block}"
            );
        }
        assert!(!block.contains("class=\"only-if\""), "{n}: {block}");
    }
}

#[test]
fn the_review_page_lists_the_answers() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("law_areas", "policing"),
                ("law_areas", "health"),
                ("staff", "12"),
                ("action", "review"),
            ],
        );
        assert_eq!(r.status, 303, "{n}");
        assert_eq!(page_of(r.location()), "review", "{n}");
        let review = app.get(r.location());
        assert_eq!(review.status, 200, "{n}");
        let b = &review.body;
        for text in [
            "Did the law change?",
            "Improved",
            "Which areas?",
            "Policing; Health",
            "Paid staff",
            "12",
            "Notes",
            "Not answered",
        ] {
            assert!(b.contains(text), "{n}: no {text:?} in\n{b}");
        }
        // staff ≥ 1, so rating is shown, unanswered.
        assert!(b.contains("Rating"), "{n}");
        assert!(b.contains("value=\"submit\""), "{n}: no submit button");
        // A question whose condition fails is not listed.
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "unchanged"),
                ("action", "save"),
            ],
        );
        let review = app.get(&format!("{}?page=review", m1.path));
        assert!(review.body.contains("Unchanged"), "{n}");
        assert!(
            !review.body.contains("Which areas?"),
            "{n}: hidden question listed"
        );
        assert_switcher(b, &m1.path, &["fr"], n);
        // Nothing was submitted by looking.
        assert_eq!(progress(&db, &m1.id).1, None, "{n}");
    }
}

// ---------------------------------------------------------------------------
// Submit
// ---------------------------------------------------------------------------

#[test]
fn submit_with_a_missing_required_answer_answers_422_with_linked_errors() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("action", "save"),
            ],
        );
        let r = app.post(
            &m1.path,
            &[("page", "0"), ("staff", "abc"), ("action", "submit")],
        );
        assert_eq!(r.status, 422, "{n}: {}", r.body);
        assert_security_headers(&r, "422 page");
        let b = &r.body;
        // The summary comes first and links to each field.
        let summary = b
            .find("error-summary")
            .unwrap_or_else(|| panic!("{n}: no error summary\n{b}"));
        assert!(
            summary < b.find("<form").unwrap(),
            "{n}: summary below the form"
        );
        let hrefs = attr_values(b, "href");
        for q in ["law_areas", "staff"] {
            assert!(hrefs.contains(&format!("#q-{q}")), "{n}: no link to #q-{q}");
            assert!(
                b.contains(&format!("id=\"q-{q}\"")),
                "{n}: no #q-{q} target"
            );
            assert!(
                b.contains(&format!("id=\"e-{q}\"")),
                "{n}: no message by {q}"
            );
        }
        assert!(!hrefs.contains(&"#q-law_change".to_string()), "{n}");
        assert!(b.contains("Please answer this question."), "{n}");
        assert!(
            b.contains("Enter a whole number.") || b.contains("Enter a number"),
            "{n}"
        );
        // The message is tied to the field (the group for choices).
        let areas = question_block(b, "law_areas").unwrap();
        let group = tags(areas, "fieldset")[0].1;
        assert!(
            attr(group, "aria-describedby")
                .is_some_and(|d| d.split(' ').any(|x| x == "e-law_areas")),
            "{n}: {group}"
        );
        let staff = tags(b, "input")
            .into_iter()
            .map(|(_, t)| t)
            .find(|t| attr(t, "id").as_deref() == Some("f-staff"))
            .unwrap();
        assert!(
            attr(staff, "aria-describedby").is_some_and(|d| d.split(' ').any(|x| x == "e-staff")),
            "{n}: {staff}"
        );
        assert_eq!(attr(staff, "value").as_deref(), Some("abc"), "{n}");
        assert_labelled(b, "422 page");
        assert_switcher(b, &m1.path, &["fr"], n);
        // The draft holds what was sent; nothing is submitted.
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("law_change", &["improved"]), ("staff", &["abc"])]),
            "{n}"
        );
        assert_eq!(progress(&db, &m1.id).1, None, "{n}");
        assert_eq!(count_rows(&mut db.conn(), "answers"), 0, "{n}");

        // In the member's language.
        let fr = link(&db, "r1", "fr1");
        let r = app.post(&fr.path, &[("action", "submit")]);
        assert_eq!(r.status, 422, "{n}");
        assert!(r.body.contains("<html lang=\"fr\""), "{n}");
        assert!(
            r.body.contains("Merci de répondre à cette question."),
            "{n}"
        );

        // An empty draft: the one required question shown is missing.
        let m2 = link(&db, "r1", "m2");
        let r = app.post(&m2.path, &[("action", "submit")]);
        assert_eq!(r.status, 422, "{n}");
        assert!(
            attr_values(&r.body, "href").contains(&"#q-law_change".to_string()),
            "{n}"
        );
    }
}

/// Submits a whole response from the first page.
fn submit(app: &Client, l: &Link, fields: &[(&str, &str)]) -> Reply {
    let mut all = vec![("lang", "en"), ("page", "0")];
    all.extend_from_slice(fields);
    all.push(("action", "submit"));
    app.post(&l.path, &all)
}

#[test]
fn a_good_submit_redirects_to_the_confirmation_and_counts_in_results() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = submit(
            &app,
            &m1,
            &[
                ("law_change", "improved"),
                ("law_areas", "health"),
                ("staff", "3"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        let to = r.location().to_string();
        assert!(to.starts_with(&format!("{}/done", m1.path)), "{n}: {to}");
        let done = app.get(&to);
        assert_eq!(done.status, 200, "{n}");
        assert!(done.body.contains("Thank you"), "{n}");
        assert_security_headers(&done, "done page");
        assert_switcher(&done.body, &m1.path, &["fr"], n);

        let (started, submitted) = progress(&db, &m1.id);
        assert!(started.is_some() && submitted.is_some(), "{n}");
        let csv = results_csv(&db);
        assert!(csv.contains("law_improved,,ALL,,1,true\n"), "{n}: {csv}");
        assert!(csv.contains("staff_total,,ALL,,1,true\n"), "{n}: {csv}");
        // rating was hidden (no answer) and is not counted.
        assert!(csv.contains("rating_high,,ALL,,0,true\n"), "{n}: {csv}");

        // Coming back shows the answers and says they were submitted.
        let page = app.get(&m1.path);
        assert_eq!(page.status, 200, "{n}");
        assert!(page.body.contains("You submitted your answers on"), "{n}");
    }
}

#[test]
fn after_a_submit_the_form_shows_the_submission_with_later_changes_over_it() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = submit(
            &app,
            &m1,
            &[
                ("law_change", "improved"),
                ("law_areas", "health"),
                ("law_areas", "policing"),
                ("staff", "3"),
            ],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        // The submission is the draft; it is not copied into draft rows.
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{n}");
        let submitted = draft_of(&[
            ("law_change", &["improved"]),
            ("law_areas", &["policing", "health"]),
            ("staff", &["3"]),
        ]);
        assert_eq!(draft(&db, &m1.id), submitted, "{n}");
        let page = app.get(&m1.path);
        assert!(
            page.body.contains("value=\"3\""),
            "{n}: the staff answer is not shown"
        );

        // Clearing a question (unticking every box) and changing others
        // hides the submitted answers under the draft, without touching them.
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "unchanged"),
                ("_q", "law_areas"),
                ("staff", "7"),
                ("action", "save"),
            ],
        );
        assert_eq!(r.status, 303, "{n}");
        let revised = draft_of(&[("law_change", &["unchanged"]), ("staff", &["7"])]);
        assert_eq!(draft(&db, &m1.id), revised, "{n}");
        assert_eq!(
            stored(&db, &m1.id).get("staff"),
            Some(&(None, Some(3.0))),
            "{n}"
        );

        // Submitting the revision stores it and the draft rows go again.
        let r = app.post(&m1.path, &[("page", "0"), ("action", "submit")]);
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{n}");
        assert_eq!(draft(&db, &m1.id), revised, "{n}");
        let mine = stored(&db, &m1.id);
        assert!(!mine.contains_key("law_areas"), "{n}: {mine:?}");
        assert_eq!(mine.get("staff"), Some(&(None, Some(7.0))), "{n}");
    }
}

#[test]
fn revising_after_submit_replaces_the_submission() {
    for db in backends() {
        db.import_members(&members_in("africa", "m", 5));
        let app = round_on(&db, &fixture_surveys(), "mini", &[]);
        let n = db.name();
        let links: Vec<Link> = (1..=5).map(|i| link(&db, "r1", &format!("m{i}"))).collect();
        for l in &links {
            let r = submit(
                &app,
                l,
                &[
                    ("law_change", "improved"),
                    ("law_areas", "policing"),
                    ("staff", "2"),
                ],
            );
            assert_eq!(r.status, 303, "{n}: {}", r.body);
        }
        let before = results_csv(&db);
        assert!(
            before.contains("improved_count,,ALL,5,5,false\n"),
            "{n}: {before}"
        );
        assert!(
            before.contains("staff_total,,ALL,10,5,false\n"),
            "{n}: {before}"
        );

        // m1 changes its mind: the law did not change (law_areas is now
        // hidden and dropped), staff given as 4.
        let r = submit(
            &app,
            &links[0],
            &[("law_change", "unchanged"), ("staff", "4")],
        );
        assert_eq!(r.status, 303, "{n}: {}", r.body);
        let after = results_csv(&db);
        assert!(
            after.contains("improved_count,,ALL,4,5,false\n"),
            "{n}: {after}"
        );
        assert!(
            after.contains("staff_total,,ALL,12,5,false\n"),
            "{n}: {after}"
        );
        assert!(
            after.contains("law_improved,,ALL,0.8,5,false\n"),
            "{n}: {after}"
        );
        let mine = stored(&db, &links[0].id);
        assert!(!mine.contains_key("law_areas"), "{n}: {mine:?}");
        assert_eq!(mine.get("staff"), Some(&(None, Some(4.0))), "{n}");
        assert_eq!(started_submitted(&db), (5, 5), "{n}");
    }
}

// ---------------------------------------------------------------------------
// Status codes
// ---------------------------------------------------------------------------

#[test]
fn a_closed_round_answers_410_to_get_and_post() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("action", "save"),
            ],
        );
        db.cli(&["round", "close", "r1"]).unwrap();
        let r = app.get(&m1.path);
        assert_eq!(r.status, 410, "{n}");
        assert!(r.body.contains("This survey is closed"), "{n}: {}", r.body);
        assert!(r.body.contains("<html lang=\"en\" dir=\"ltr\">"), "{n}");
        assert_security_headers(&r, "410 page");
        for action in ["save", "submit", "next"] {
            let r = app.post(
                &m1.path,
                &[
                    ("page", "0"),
                    ("law_change", "worsened"),
                    ("action", action),
                ],
            );
            assert_eq!(r.status, 410, "{n}: {action}");
        }
        assert_eq!(
            draft(&db, &m1.id),
            draft_of(&[("law_change", &["improved"])]),
            "{n}"
        );
        assert_eq!(progress(&db, &m1.id).1, None, "{n}");
    }
}

#[test]
fn a_round_past_its_closing_date_answers_410_and_is_open_on_that_day() {
    for db in backends() {
        members(&db);
        let yesterday = today_plus(-1);
        db.cli_with(
            &fixture_surveys(),
            &[
                "round", "create", "past", "--survey", "mini", "--closes", &yesterday,
            ],
        )
        .unwrap();
        let today = today_plus(0);
        db.cli_with(
            &fixture_surveys(),
            &[
                "round", "create", "last_day", "--survey", "mini", "--closes", &today,
            ],
        )
        .unwrap();
        let app = Client::new(db.spawn_app());
        let n = db.name();
        let past = link(&db, "past", "m1");
        assert_eq!(app.get(&past.path).status, 410, "{n}");
        let r = app.post(
            &past.path,
            &[("law_change", "improved"), ("action", "save")],
        );
        assert_eq!(r.status, 410, "{n}");
        assert!(draft(&db, &past.id).is_empty(), "{n}");
        let last_day = link(&db, "last_day", "m1");
        assert_eq!(app.get(&last_day.path).status, 200, "{n}");
        let r = app.post(
            &last_day.path,
            &[("law_change", "improved"), ("action", "save")],
        );
        assert_eq!(r.status, 303, "{n}");
    }
}

#[test]
fn an_unknown_or_tampered_token_answers_404() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let token = m1.path.trim_start_matches("/r/").to_string();
        // One character changed in the id part, one in the MAC part.
        let flip = |at: usize| -> String {
            let mut chars: Vec<char> = token.chars().collect();
            chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
            chars.into_iter().collect()
        };
        let (bad_id, bad_mac) = (flip(3), flip(30));
        let unknown = db.secret().link_token(&canvass::token::new_id());
        let other_key = canvass::token::Secret::from_bytes([7; 32]).link_token(&m1.id);
        let bare_id = m1.id.clone();
        for (what, t) in [
            ("id changed", bad_id.as_str()),
            ("mac changed", bad_mac.as_str()),
            ("cut short", &token[..token.len() - 2]),
            ("unknown", unknown.as_str()),
            ("other key", other_key.as_str()),
            ("bare id", bare_id.as_str()),
            ("garbage", "not-a-token"),
        ] {
            let path = format!("/r/{t}");
            let r = app.get(&path);
            assert_eq!(r.status, 404, "{n}: GET {what}");
            let r = app.post(&path, &[("law_change", "improved"), ("action", "save")]);
            assert_eq!(r.status, 404, "{n}: POST {what}");
            assert_eq!(
                app.get(&format!("{path}/done")).status,
                404,
                "{n}: done {what}"
            );
        }
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{n}");
        assert_eq!(progress(&db, &m1.id), (None, None), "{n}");
    }
}

#[test]
fn a_body_over_512_kib_answers_413_and_saves_nothing() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let body = format!(
            "page=0&law_change=improved&action=save&notes={}",
            "x".repeat(513 * 1024)
        );
        let r = app.post_raw(&m1.path, &body);
        assert_eq!(r.status, 413, "{n}");
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{n}");
        assert_eq!(progress(&db, &m1.id), (None, None), "{n}");
        // Just under the limit is read (the note is too long for the
        // question, but a draft keeps whatever it holds).
        let body = format!("page=0&action=save&notes={}", "y".repeat(500 * 1024));
        let r = app.post_raw(&m1.path, &body);
        assert_eq!(r.status, 303, "{n}");
    }
}

#[test]
fn an_oversized_body_gets_a_page_in_the_members_language() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let fr = link(&db, "r1", "fr1");
        let body = format!("page=0&action=save&notes={}", "x".repeat(513 * 1024));
        let r = app.post_raw(&fr.path, &body);
        assert_eq!(r.status, 413, "{n}");
        assert!(
            r.header("content-type")
                .is_some_and(|c| c.starts_with("text/html")),
            "{n}: {:?}: {}",
            r.header("content-type"),
            r.body
        );
        assert!(r.body.contains("Texte trop long"), "{n}: {}", r.body);
    }
}

#[test]
fn a_round_not_open_yet_answers_403() {
    for db in backends() {
        members(&db);
        let opens = today_plus(30);
        let app = round_on(&db, &fixture_surveys(), "mini", &["--opens", &opens]);
        let n = db.name();
        let m1 = link(&db, "r1", "m1");
        let r = app.get(&m1.path);
        assert_eq!(r.status, 403, "{n}");
        assert!(r.body.contains("not open yet"), "{n}: {}", r.body);
        assert!(
            r.body.contains(&opens),
            "{n}: the opening date is not given"
        );
        assert_switcher(&r.body, &m1.path, &["fr"], n);
        let r = app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("action", "save"),
            ],
        );
        assert_eq!(r.status, 403, "{n}");
        assert_eq!(count_rows(&mut db.conn(), "drafts"), 0, "{n}");
        assert_eq!(progress(&db, &m1.id), (None, None), "{n}");
    }
}

// ---------------------------------------------------------------------------
// Headers, assets, weight, accessibility
// ---------------------------------------------------------------------------

#[test]
fn form_pages_send_the_security_headers() {
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        for (what, path) in [
            ("form", m1.path.clone()),
            ("form in French", format!("{}?lang=fr", m1.path)),
            ("review", format!("{}?page=review", m1.path)),
            ("unknown link", "/r/nothing".to_string()),
        ] {
            let r = app.get(&path);
            assert_security_headers(&r, &format!("{}: {what}", db.name()));
            assert!(
                r.header("content-type")
                    .is_some_and(|c| c.starts_with("text/html")),
                "{what}"
            );
        }
        let r = app.post(&m1.path, &[("page", "0"), ("action", "save")]);
        assert_eq!(r.status, 303);
        assert_security_headers(&r, "save redirect");
    }
}

#[test]
fn pages_load_nothing_from_elsewhere() {
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        let base = app.base.clone();
        let mut pages = vec![
            ("form", app.get(&m1.path)),
            ("review", app.get(&format!("{}?page=review", m1.path))),
            ("422", app.post(&m1.path, &[("action", "submit")])),
            ("404", app.get("/r/nothing")),
        ];
        submit(&app, &m1, &[("law_change", "unchanged")]);
        pages.push(("done", app.get(&format!("{}/done", m1.path))));
        let mut assets = Vec::new();
        for (what, page) in &pages {
            assert_same_origin(&page.body, &base, what);
            for (_, tag) in tags(&page.body, "script")
                .into_iter()
                .chain(tags(&page.body, "link"))
            {
                assets.extend(attr(tag, "src").or_else(|| attr(tag, "href")));
            }
        }
        assets.sort();
        assets.dedup();
        assert!(!assets.is_empty());
        for a in assets {
            let r = app.get(&a);
            assert_eq!(r.status, 200, "{a}");
            assert!(
                !r.body.contains("http://") && !r.body.contains("https://"),
                "{a} loads from elsewhere"
            );
            assert!(!r.body.contains("@import"), "{a}");
            assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{a}");
        }
    }
}

#[test]
fn the_first_page_of_the_example_survey_weighs_under_30_kb() {
    for db in backends() {
        members(&db);
        db.cli(&["round", "create", "r1", "--survey", "member_survey"])
            .unwrap();
        let app = Client::new(db.spawn_app());
        let m1 = link(&db, "r1", "m1");
        let assets =
            app.get("/static/canvass.css").body.len() + app.get("/static/canvass.js").body.len();
        for lang in ["en", "es", "fr", "ru", "zh"] {
            let page = app.get(&format!("{}?lang={lang}", m1.path));
            assert_eq!(page.status, 200, "{lang}");
            assert!(
                page.body.contains(&format!("<html lang=\"{lang}\"")),
                "{lang}"
            );
            let total = page.body.len() + assets;
            assert!(
                total < 30 * 1024,
                "{}: first page in {lang} weighs {total} bytes ({} HTML + {assets} assets)",
                db.name(),
                page.body.len()
            );
        }
    }
}

#[test]
fn every_input_has_a_label_and_choice_groups_sit_in_fieldsets() {
    for db in backends() {
        members(&db);
        db.cli(&["round", "create", "r1", "--survey", "member_survey"])
            .unwrap();
        let app = Client::new(db.spawn_app());
        let m1 = link(&db, "r1", "m1");
        let sections = 6;
        for page in 0..sections {
            let r = app.get(&format!("{}?page={page}", m1.path));
            assert_eq!(r.status, 200);
            assert_labelled(
                &r.body,
                &format!("{}: member_survey page {page}", db.name()),
            );
            assert!(r.body.contains("<legend>"), "page {page}");
        }
        // Every question at once, as after a submit with problems.
        let r = app.post(&m1.path, &[("action", "submit")]);
        assert_eq!(r.status, 422);
        assert_labelled(&r.body, "member_survey 422 page");
    }
}

#[test]
fn no_cookie_is_ever_set() {
    // `reply` refuses any Set-Cookie; this walks every page once.
    for db in backends() {
        let app = mini(&db);
        let m1 = link(&db, "r1", "m1");
        app.get(&m1.path);
        app.get(&format!("{}?lang=fr", m1.path));
        app.post(
            &m1.path,
            &[
                ("page", "0"),
                ("law_change", "improved"),
                ("action", "save"),
            ],
        );
        app.post(&m1.path, &[("page", "0"), ("action", "review")]);
        app.get(&format!("{}?page=review", m1.path));
        app.post(&m1.path, &[("action", "submit")]);
        submit(&app, &m1, &[("law_change", "unchanged")]);
        app.get(&format!("{}/done", m1.path));
        app.get("/r/nothing");
        app.get("/static/canvass.css");
        db.cli(&["round", "close", "r1"]).unwrap();
        let r = app.get(&m1.path);
        assert_eq!(r.status, 410);
    }
}

#[test]
fn an_address_that_tries_many_unknown_links_is_refused_even_a_good_one() {
    for db in backends() {
        let client = mini(&db);
        let good = link(&db, "r1", "m1");
        // A token of the right shape under another key: as close as a guess gets.
        let other = canvass::token::Secret::from_bytes([9; 32]);
        for _ in 0..30 {
            let guess = format!("/r/{}", other.link_token(&canvass::token::new_id()));
            assert_eq!(client.get(&guess).status, 404, "{}", db.name());
        }
        let refused = client.get(&good.path);
        assert_eq!(refused.status, 429, "{}", db.name());
        assert_eq!(
            client.get(&format!("/r/{}", other.link_token("x"))).status,
            429
        );
        // Nothing was read or written for the refused member.
        assert_eq!(progress(&db, &good.id), (None, None), "{}", db.name());
    }
}

/// 30 unknown links, each relayed for `client`.
fn guess_30_links(app: &Client, client: &str, n: &str) {
    let other = canvass::token::Secret::from_bytes([9; 32]);
    for _ in 0..30 {
        let guess = format!("/r/{}", other.link_token(&canvass::token::new_id()));
        assert_eq!(app.get_for(&guess, client).status, 404, "{n}");
    }
}

#[test]
fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_throttle() {
    for db in backends() {
        members(&db);
        db.cli_with(
            &fixture_surveys(),
            &["round", "create", "r1", "--survey", "mini"],
        )
        .unwrap();
        let mut settings = db.settings();
        settings.trusted_proxies = canvass::config::TrustedProxies::parse("127.0.0.1").unwrap();
        let app = Client::new(db.spawn_app_with(settings));
        let n = db.name();
        let good = link(&db, "r1", "m1");
        guess_30_links(&app, "203.0.113.5", n);
        assert_eq!(app.get_for(&good.path, "203.0.113.5").status, 429, "{n}");
        // An address the guesser writes in front of its own does not help:
        // only what the proxy appended is believed.
        assert_eq!(
            app.get_for(&good.path, "198.51.100.1, 203.0.113.5").status,
            429,
            "{n}"
        );
        // Another client behind the same proxy is not refused.
        assert_eq!(app.get_for(&good.path, "203.0.113.6").status, 200, "{n}");
    }
}

#[test]
fn without_a_trusted_proxy_a_forwarded_for_header_is_ignored() {
    for db in backends() {
        let app = mini(&db);
        let n = db.name();
        let good = link(&db, "r1", "m1");
        guess_30_links(&app, "203.0.113.5", n);
        // A guesser cannot pose as someone else to get past its throttle.
        assert_eq!(app.get_for(&good.path, "203.0.113.6").status, 429, "{n}");
    }
}
