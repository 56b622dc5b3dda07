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

mod conditions;
mod drafts;
mod get;
mod headers;
mod pages;
mod status;
mod submit;

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
fn round_on(db: &TestDb, surveys: &std::path::Path, survey: &str, extra: &[&str]) -> Browser {
    let mut args = vec!["round", "create", "r1", "--survey", survey];
    args.extend(extra);
    db.cli_with(surveys, &args).unwrap();
    Browser::cookieless(&db.spawn_app())
}

/// The usual setup: all members, round `r1` on the mini fixture survey.
fn mini(db: &TestDb) -> Browser {
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
    // The next question's `<div class="q…">` (not a `class="qlabel"`).
    let end = rest[1..]
        .find("<div class=\"q")
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

/// Submits a whole response from the first page.
fn submit(app: &Browser, l: &Link, fields: &[(&str, &str)]) -> Reply {
    let mut all = vec![("lang", "en"), ("page", "0")];
    all.extend_from_slice(fields);
    all.push(("action", "submit"));
    app.post(&l.path, &all)
}
