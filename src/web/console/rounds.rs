//! Rounds in the console: the list with each round's response counts and
//! the form that creates a round, a round's progress page (response rates,
//! mail queued and bounced), and the secretariat's actions on a round
//! (invite, remind, close, reopen).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use serde_json::{json, Value as Json};

use super::frame::{guarded, record, Console, LangQuery, Page};
use super::surveys::usable_surveys;
use crate::error::{AppError, AppResult};
use crate::rounds::{self, RegionStatus, Round};
use crate::web::error_page::status;
use crate::web::fields::Fields;
use crate::web::reply::see_other;
use crate::web::session::{self, authorize, Need, User};
use crate::web::{blocking, AppState};
use crate::{mail, members, survey, users};

// --- the list and the create form ---------------------------------------

#[derive(Serialize)]
struct RoundRow {
    name: String,
    survey: String,
    state: String,
    created: String,
    targeted: i64,
    submitted: i64,
}

/// A round's state as the console names it.
fn state_label(state: &AppState, lang: &str, round: &Round) -> String {
    let id = match round.phase(Utc::now().date_naive()) {
        rounds::Phase::Closed => "state-closed",
        rounds::Phase::Scheduled(_) => "state-scheduled",
        rounds::Phase::PastClosing => "state-past-closing-date",
        rounds::Phase::Open => "state-open",
    };
    state.ui.text(lang, id, None)
}

/// The create form shown again: what was refused and what was typed.
struct CreateAgain {
    refused: AppError,
    form: Json,
}

/// The rounds `region`'s reviewer sees (every round for the secretariat,
/// `None`), each with its targeted and submitted counts: the region's, or
/// `ALL`'s for the secretariat.
fn visible_rounds(
    conn: &mut crate::db::DbConnection,
    region: Option<&str>,
) -> AppResult<Vec<(Round, i64, i64)>> {
    let mut out = Vec::new();
    for r in rounds::list(conn)? {
        let status = rounds::status(conn, &r)?;
        let row = status.iter().find(|s| match region {
            Some(own) => s.region == own,
            None => s.region == "ALL",
        });
        // A reviewer sees only rounds that include their region.
        match row {
            Some(s) => out.push((r, s.targeted, s.submitted)),
            None if region.is_none() => out.push((r, 0, 0)),
            None => {}
        }
    }
    Ok(out)
}

async fn rounds_page(
    state: &AppState,
    lang: &str,
    user: &User,
    again: Option<CreateAgain>,
) -> AppResult<HttpResponse> {
    let region = match user.role() {
        users::Role::Regional(r) => Some(r),
        users::Role::Secretariat => None,
    };
    let (list, regions) = blocking(&state.pool, move |conn| {
        Ok((
            visible_rounds(conn, region.as_deref())?,
            members::regions(conn)?,
        ))
    })
    .await?;
    let rows: Vec<RoundRow> = list
        .iter()
        .rev()
        .map(|(r, targeted, submitted)| RoundRow {
            name: r.name.clone(),
            survey: r.survey.id.clone(),
            state: state_label(state, lang, r),
            created: crate::locale::long_date(lang, r.created_at.date()),
            targeted: *targeted,
            submitted: *submitted,
        })
        .collect();
    let mut page = Page::new(state, lang, Some(user), "rounds-title");
    let (status, form) = match again {
        Some(CreateAgain { refused, form }) => {
            page.problems = problems(&refused);
            (status(&refused), form)
        }
        None => (StatusCode::OK, json!({})),
    };
    let regions: Vec<_> = regions
        .iter()
        .map(|r| json!({ "id": r, "name": state.region_name(lang, r) }))
        .collect();
    let data = json!({ "rounds": rows, "surveys": usable_surveys(state), "regions": regions, "form": form });
    page.render(state, "console_rounds", status, data)
}

/// A refusal as the lines a form shows above it.
fn problems(refused: &AppError) -> Vec<String> {
    let mut problems = vec![refused.to_string()];
    problems.extend(refused.details().iter().cloned());
    problems
}

pub async fn rounds(Console { state, user, lang }: Console) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Browse)?;
        rounds_page(&state, &lang, &user, None).await
    })
    .await
}

/// Creates a round from the form; what the domain refuses of it (a bad
/// date, an unknown survey, a name taken) comes back on the form.
pub async fn create_round(
    Console { state, user, lang }: Console,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = Fields::parse(&body);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        user.check_csrf(f.get("csrf"))?;
        let name = f.get("name").unwrap_or("").trim().to_string();
        match create(&state, &name, &f).await {
            Ok(()) => {
                record(&state, &user.email, "round.create", &name).await?;
                Ok(see_other(&format!("/rounds/{name}")))
            }
            Err(e @ (AppError::Invalid { .. } | AppError::Conflict(_) | AppError::NotFound(_))) => {
                let form =
                    json!({ "name": name, "opens": f.get("opens"), "closes": f.get("closes") });
                let again = CreateAgain {
                    refused: e.as_input(),
                    form,
                };
                rounds_page(&state, &lang, &user, Some(again)).await
            }
            Err(e) => Err(e),
        }
    })
    .await
}

/// Round `name` as the create form's fields describe it.
async fn create(state: &AppState, name: &str, f: &Fields) -> AppResult<()> {
    let regions: Vec<String> = f.all("region").map(String::from).collect();
    let (opens, closes) = (form_date(f, "opens")?, form_date(f, "closes")?);
    let survey = survey::load_by_id(&state.settings.surveys_dir, f.get("survey").unwrap_or(""))?;
    let name = name.to_string();
    blocking(&state.pool, move |conn| {
        let new = rounds::NewRound {
            name: &name,
            survey: &survey,
            opens,
            closes,
            regions: &regions,
        };
        rounds::create(conn, &new, Utc::now().naive_utc()).map(|_| ())
    })
    .await
}

/// Date field `name` (`YYYY-MM-DD`), `None` when left empty.
fn form_date(f: &Fields, name: &str) -> AppResult<Option<NaiveDate>> {
    f.get(name)
        .filter(|v| !v.is_empty())
        .map(|v| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map_err(|_| AppError::invalid(format!("{name}: \"{v}\" is not a date YYYY-MM-DD")))
        })
        .transpose()
}

// --- one round ------------------------------------------------------------

/// A round's progress as one user may see it.
struct Progress {
    round: Round,
    status: Vec<RegionStatus>,
    queued: i64,
    /// region, member, address, error (the secretariat's only).
    bounced: Vec<(String, String, String, String)>,
    /// Who signed off which region's results (`review::signoffs`).
    signoffs: Vec<crate::review::SignOff>,
}

/// Round `name`'s progress for `user`: a reviewer sees their region and
/// `ALL`, of a round that includes their region, and no bounces.
async fn progress(state: &AppState, user: &User, name: String) -> AppResult<Progress> {
    let secretariat = user.is_secretariat();
    let found = blocking(&state.pool, move |conn| {
        let round = rounds::find(conn, &name)?;
        let status = rounds::status(conn, &round)?;
        let queued = mail::outbox::queued(conn, &round)?;
        let bounced = if secretariat {
            mail::outbox::failures(conn, &round)?
        } else {
            Vec::new()
        };
        let signoffs = crate::review::signoffs(conn, &round)?;
        Ok(Progress {
            round,
            status,
            queued,
            bounced,
            signoffs,
        })
    })
    .await;
    let mut progress = session::round_found(user, found)?;
    if let Some(own) = user.reviewed_region().filter(|_| !secretariat).as_deref() {
        session::round_includes(user, progress.status.iter().any(|s| s.region == own))?;
        progress
            .status
            .retain(|s| s.region == own || s.region == "ALL");
        progress.signoffs.retain(|s| s.region == own);
    }
    Ok(progress)
}

pub async fn round(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Browse)?;
        let p = progress(&state, &user, path.into_inner()).await?;
        let status: Vec<_> = p.status.iter().map(|s| status_row(&state, &lang, s, &p.signoffs)).collect();
        let bounced: Vec<_> = p.bounced.into_iter().map(|(region, member, address, error)| json!({ "region": state.region_name(&lang, &region), "member": member, "address": address, "error": error })).collect();
        let round = &p.round;
        let mut page = Page::new(&state, &lang, Some(&user), "round-progress");
        page.title = format!("{} · {}", round.name, page.title);
        page.refresh = p.queued > 0;
        page.notice = notice_of(&state, &lang, &q);
        let data = json!({
            "name": round.name, "survey": round.survey.id, "state": state_label(&state, &lang, round), "closed": round.closed,
            // Reviewers see results once the round closes (`results::publish`).
            "results": user.is_secretariat() || round.closed,
            "closes": round.closes.map(|d| crate::locale::long_date(&lang, d)), "status": status, "queued": p.queued, "bounced": bounced,
            // Only a region's reviewer signs off, once the round is closed (`review`).
            "signoff": user.reviewed_region().filter(|_| round.closed),
        });
        page.render(&state, "console_round", StatusCode::OK, data)
    })
    .await
}

/// One region's line of the progress table, in the reader's language,
/// with its sign-off.
fn status_row(
    state: &AppState,
    lang: &str,
    s: &RegionStatus,
    signoffs: &[crate::review::SignOff],
) -> Json {
    let signed = signoffs.iter().find(|o| o.region == s.region).map(
        |o| json!({ "by": o.signed_by, "at": super::shown::long_date(lang, o.signed_at.date()) }),
    );
    let rate = if s.targeted > 0 {
        crate::locale::percent(lang, s.submitted as f64 / s.targeted as f64, 0)
    } else {
        "–".into()
    };
    let n = |v: i64| crate::locale::integer(lang, v.into());
    json!({
        "region": state.region_name(lang, &s.region), "region_id": s.region, "all": s.region == "ALL", "signed": signed,
        "targeted": s.targeted, "invited": n(s.invited), "delivered": n(s.delivered),
        "bounced": n(s.bounced), "started": n(s.started), "submitted": s.submitted, "targeted_text": n(s.targeted), "submitted_text": n(s.submitted), "rate": rate,
    })
}

/// What the action just done says (`?done=…&count=…`).
fn notice_of(state: &AppState, lang: &str, q: &LangQuery) -> Option<String> {
    let id = match q.done.as_deref()? {
        "invite" => "round-invited",
        "remind" => "round-reminded",
        "close" => "round-closed-done",
        "open" => "round-opened-done",
        "signoff" => "round-signed-off-done",
        _ => return None,
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", q.count.unwrap_or(0));
    Some(state.ui.text(lang, id, Some(&args)))
}

pub async fn round_action(
    Console { state, user, lang }: Console,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = Fields::parse(&body);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        user.check_csrf(f.get("csrf"))?;
        let (name, action) = path.into_inner();
        let min_cell = state.settings.min_cell;
        let (n, a) = (name.clone(), action.clone());
        // The reopen form of a closed round asks to confirm (`rounds::open`).
        let force = f.get("confirm") == Some("reopen");
        let count = blocking(&state.pool, move |conn| {
            let now = Utc::now().naive_utc();
            match a.as_str() {
                "invite" => mail::outbox::queue_invitations(conn, &n, now),
                "remind" => mail::outbox::queue_reminders(conn, &n, now),
                "close" => rounds::close(conn, &n, min_cell, now).map(|_| 0),
                "open" => rounds::open(conn, &n, now.date(), force).map(|_| 0),
                other => Err(AppError::NotFound(format!("no action {other}"))),
            }
        })
        .await?;
        record(&state, &user.email, &format!("round.{action}"), &name).await?;
        Ok(see_other(&format!(
            "/rounds/{name}?done={action}&count={count}"
        )))
    })
    .await
}
