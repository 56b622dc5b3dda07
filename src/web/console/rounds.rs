//! The secretariat's pages, and what regional reviewers may browse:
//! rounds and their progress, round actions, surveys with their check
//! results and previews, members and their import, the audit log. Every
//! handler goes through `session::authorize` first.

use actix_multipart::Multipart;
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, Utc};
use futures_util::StreamExt;
use serde::Serialize;
use serde_json::json;

use super::frame::{
    console_lang_plain, field, fields, guarded, record, see_other, Console, LangQuery, Page,
};
use crate::error::{AppError, AppResult};
use crate::survey::{self, Severity};
use crate::web::session::{self, authorize, Need, User};
use crate::web::{blocking, AppState};
use crate::{audit, mail, members, rounds, users};

// --- rounds --------------------------------------------------------------

#[derive(Serialize)]
struct RoundRow {
    name: String,
    survey: String,
    state: String,
    created: String,
    targeted: i64,
    submitted: i64,
}

fn state_label(state: &AppState, lang: &str, round: &rounds::Round) -> String {
    let id = match round.phase(Utc::now().date_naive()) {
        rounds::Phase::Closed => "state-closed",
        rounds::Phase::Scheduled(_) => "state-scheduled",
        rounds::Phase::PastClosing => "state-past-closing-date",
        rounds::Phase::Open => "state-open",
    };
    state.ui.text(lang, id, None)
}

/// Survey folders that pass their check, for the create form.
fn usable_surveys(state: &AppState) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(&state.settings.surveys_dir) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().join("survey.toml").is_file())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .filter(|id| survey::is_id(id))
        .collect();
    ids.sort();
    ids
}

async fn rounds_page(
    state: &AppState,
    lang: &str,
    user: &User,
    notice: Option<String>,
    problems: Vec<String>,
    status: StatusCode,
    form: serde_json::Value,
) -> AppResult<HttpResponse> {
    let region = match user.role() {
        users::Role::Regional(r) => Some(r),
        users::Role::Secretariat => None,
    };
    let (list, regions) = blocking(&state.pool, move |conn| {
        let mut out = Vec::new();
        for r in rounds::list(conn)? {
            let status = rounds::status(conn, &r)?;
            let row = status.iter().find(|s| {
                region.as_deref().is_none_or(|own| s.region == own)
                    && (region.is_some() || s.region == "ALL")
            });
            // A reviewer sees only rounds that include their region.
            match row {
                Some(s) => out.push((r, s.targeted, s.submitted)),
                None if region.is_none() => out.push((r, 0, 0)),
                None => {}
            }
        }
        Ok((out, members::regions(conn)?))
    })
    .await?;
    let rows: Vec<RoundRow> = list
        .iter()
        .rev()
        .map(|(r, targeted, submitted)| RoundRow {
            name: r.name.clone(),
            survey: r.survey.id.clone(),
            state: state_label(state, lang, r),
            created: r.created_at.date().to_string(),
            targeted: *targeted,
            submitted: *submitted,
        })
        .collect();
    let mut page = Page::new(state, lang, Some(user), "rounds-title");
    page.notice = notice;
    page.problems = problems;
    page.render(state, "console_rounds", status, json!({ "rounds": rows, "surveys": usable_surveys(state), "regions": regions, "form": form }))
}

pub async fn rounds(Console { state, user, lang }: Console) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Browse)?;
        rounds_page(
            &state,
            &lang,
            &user,
            None,
            Vec::new(),
            StatusCode::OK,
            json!({}),
        )
        .await
    })
    .await
}

pub async fn create_round(
    Console { state, user, lang }: Console,
    body: web::Bytes,
) -> AppResult<HttpResponse> {
    let f = fields(&body);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        user.check_csrf(field(&f, "csrf"))?;
        let name = field(&f, "name").unwrap_or("").trim().to_string();
        let date = |k: &str| {
            field(&f, k)
                .filter(|v| !v.is_empty())
                .map(|v| {
                    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                        AppError::invalid(format!("{k}: \"{v}\" is not a date YYYY-MM-DD"))
                    })
                })
                .transpose()
        };
        let regions: Vec<String> = f
            .iter()
            .filter(|(k, _)| k == "region")
            .map(|(_, v)| v.clone())
            .collect();
        let form =
            json!({ "name": name, "opens": field(&f, "opens"), "closes": field(&f, "closes") });
        let created = async {
            let (opens, closes) = (date("opens")?, date("closes")?);
            let survey = crate::survey::load_by_id(
                &state.settings.surveys_dir,
                field(&f, "survey").unwrap_or(""),
            )?;
            let n = name.clone();
            blocking(&state.pool, move |conn| {
                rounds::create(
                    conn,
                    &rounds::NewRound {
                        name: &n,
                        survey: &survey,
                        opens,
                        closes,
                        regions: &regions,
                    },
                    Utc::now().naive_utc(),
                )
            })
            .await
        }
        .await;
        match created {
            Ok(_) => {
                record(&state, &user.email, "round.create", &name).await?;
                Ok(see_other(&format!("/rounds/{name}")))
            }
            Err(e @ (AppError::Invalid { .. } | AppError::Conflict(_) | AppError::NotFound(_))) => {
                let mut problems = vec![e.to_string()];
                problems.extend(e.details().iter().cloned());
                rounds_page(
                    &state,
                    &lang,
                    &user,
                    None,
                    problems,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    form,
                )
                .await
            }
            Err(e) => Err(e),
        }
    })
    .await
}

pub async fn round(
    Console { state, user, lang }: Console,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Browse)?;
        let name = path.into_inner();
        let secretariat = user.is_secretariat();
        let own = user.region.clone().filter(|_| !secretariat);
        let found = blocking(&state.pool, move |conn| {
            let round = rounds::find(conn, &name)?;
            let status = rounds::status(conn, &round)?;
            let queued = mail::outbox::queued(conn, &round)?;
            let bounced = if secretariat { mail::outbox::failures(conn, &round)? } else { Vec::new() };
            Ok((round, status, queued, bounced))
        })
        .await;
        let (round, status, queued, bounced) = session::round_found(&user, found)?;
        if let Some(r) = &own {
            session::round_includes(&user, status.iter().any(|s| &s.region == r))?;
        }
        let status: Vec<_> = status
            .into_iter()
            .filter(|s| own.as_deref().is_none_or(|r| s.region == r || s.region == "ALL"))
            .map(|s| {
                let rate = if s.targeted > 0 { format!("{:.0} %", 100.0 * s.submitted as f64 / s.targeted as f64) } else { "–".into() };
                json!({ "region": s.region, "targeted": s.targeted, "invited": s.invited, "delivered": s.delivered, "bounced": s.bounced, "started": s.started, "submitted": s.submitted, "rate": rate })
            })
            .collect();
        let bounced: Vec<_> = bounced.into_iter().map(|(region, member, address, error)| json!({ "region": region, "member": member, "address": address, "error": error })).collect();
        let mut page = Page::new(&state, &lang, Some(&user), "round-progress");
        page.title = format!("{} · {}", round.name, page.title);
        page.refresh = queued > 0;
        page.notice = notice_of(&state, &lang, &q);
        let data = json!({
            "name": round.name, "survey": round.survey.id, "state": state_label(&state, &lang, &round), "closed": round.closed,
            // Reviewers see results once the round closes (`results::publish`).
            "results": secretariat || round.closed,
            "closes": round.closes.map(|d| d.to_string()), "status": status, "queued": queued, "bounced": bounced,
        });
        page.render(&state, "console_round", StatusCode::OK, data)
    })
    .await
}

fn notice_of(state: &AppState, lang: &str, q: &LangQuery) -> Option<String> {
    let id = match q.done.as_deref()? {
        "invite" => "round-invited",
        "remind" => "round-reminded",
        "close" => "round-closed-done",
        "open" => "round-opened-done",
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
    let f = fields(&body);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        user.check_csrf(field(&f, "csrf"))?;
        let (name, action) = path.into_inner();
        let min_cell = state.settings.min_cell;
        let (n, a) = (name.clone(), action.clone());
        // The reopen form of a closed round asks to confirm (`rounds::open`).
        let force = field(&f, "confirm") == Some("reopen");
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

// --- surveys ---------------------------------------------------------------

pub async fn surveys(Console { state, user, lang }: Console) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let dir = state.settings.surveys_dir.clone();
        let ids = usable_surveys(&state);
        let list = web::block(move || ids.into_iter().map(|id| (id.clone(), survey::load(&dir.join(&id)))).collect::<Vec<_>>())
            .await
            .map_err(|e| AppError::Connection(e.to_string()))?;
        let surveys: Vec<_> = list
            .into_iter()
            .map(|(id, (s, diags))| {
                let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("errors", errors);
                args.set("warnings", diags.len() - errors);
                let check = if diags.is_empty() { state.ui.text(&lang, "survey-ok", None) } else { state.ui.text(&lang, "survey-problems", Some(&args)) };
                let languages: Vec<_> = s
                    .as_ref()
                    .map(|s| s.languages().iter().map(|l| json!({ "code": l, "complete": format!("{:.0} %", 100.0 * survey::texts::completeness(s, l)) })).collect())
                    .unwrap_or_default();
                json!({ "id": id, "check": check, "diagnostics": diags.iter().map(ToString::to_string).collect::<Vec<_>>(), "languages": languages, "questions": s.as_ref().map_or(0, |s| s.questions().count()) })
            })
            .collect();
        Page::new(&state, &lang, Some(&user), "surveys-title").render(&state, "console_surveys", StatusCode::OK, json!({ "surveys": surveys }))
    })
    .await
}

pub async fn preview(
    state: web::Data<AppState>,
    session: Session,
    user: User,
    path: web::Path<String>,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    let lang = console_lang_plain(&session);
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let id = path.into_inner();
        let survey = crate::survey::load_by_id(&state.settings.surveys_dir, &id)?;
        let frozen = std::sync::Arc::new(crate::web::FrozenSurvey::new(survey)?);
        let body = crate::web::respond::preview(
            &state,
            frozen,
            q.lang.as_deref(),
            format!("/surveys/{id}/preview"),
        )?;
        Ok(HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(body))
    })
    .await
}

// --- members -------------------------------------------------------------

async fn members_page(
    state: &AppState,
    lang: &str,
    user: &User,
    region: Option<String>,
    notice: Option<String>,
    problems: Vec<String>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let filter = region.clone().filter(|r| !r.is_empty());
    let (list, regions) = blocking(&state.pool, move |conn| {
        Ok((
            members::list(conn, filter.as_deref())?,
            members::regions(conn)?,
        ))
    })
    .await?;
    let yes = state.ui.text(lang, "yes", None);
    let no = state.ui.text(lang, "no", None);
    let rows: Vec<_> = list
        .iter()
        .map(|m| json!({ "id": m.id, "name": m.name, "country": m.country, "region": m.region, "email": m.email.replace(';', "; "), "language": m.language, "joined": m.joined.map(|d| d.to_string()), "active": if m.active { &yes } else { &no } }))
        .collect();
    let regions: Vec<_> = regions
        .iter()
        .map(|r| json!({ "value": r, "selected": region.as_deref() == Some(r.as_str()) }))
        .collect();
    let mut page = Page::new(state, lang, Some(user), "members-title");
    page.query = region
        .as_ref()
        .filter(|r| !r.is_empty())
        .map(|r| {
            format!(
                "region={}&",
                form_urlencoded::byte_serialize(r.as_bytes()).collect::<String>()
            )
        })
        .unwrap_or_default();
    page.notice = notice;
    page.problems = problems;
    page.render(
        state,
        "console_members",
        status,
        json!({ "members": rows, "count": list.len(), "regions": regions }),
    )
}

pub async fn members(
    Console { state, user, lang }: Console,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        members_page(
            &state,
            &lang,
            &user,
            q.region.clone(),
            None,
            Vec::new(),
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// The upload: the CSRF field and the file, at most 10 MiB.
async fn read_upload(mut form: Multipart) -> AppResult<(Option<String>, String, Vec<u8>)> {
    const LIMIT: usize = 10 * 1024 * 1024;
    let (mut csrf, mut name, mut bytes) = (None, String::from("upload.csv"), Vec::new());
    while let Some(item) = form.next().await {
        let mut part =
            item.map_err(|e| AppError::invalid(format!("the upload is not readable: {e}")))?;
        let field_name = part
            .content_disposition()
            .and_then(|c| c.get_name())
            .unwrap_or("")
            .to_string();
        if let Some(f) = part.content_disposition().and_then(|c| c.get_filename()) {
            name = f.to_string();
        }
        let mut data = Vec::new();
        while let Some(chunk) = part.next().await {
            let chunk =
                chunk.map_err(|e| AppError::invalid(format!("the upload is not readable: {e}")))?;
            if data.len() + chunk.len() > LIMIT {
                return Err(AppError::invalid("the file is larger than 10 MiB"));
            }
            data.extend_from_slice(&chunk);
        }
        match field_name.as_str() {
            "csrf" => csrf = String::from_utf8(data).ok(),
            "file" => bytes = data,
            _ => {}
        }
    }
    Ok((csrf, name, bytes))
}

pub async fn members_import(
    Console { state, user, lang }: Console,
    form: Multipart,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let (csrf, name, bytes) = read_upload(form).await?;
        user.check_csrf(csrf.as_deref())?;
        let file = name.clone();
        let outcome = blocking(&state.pool, move |conn| {
            members::import(conn, &file, &bytes)
        })
        .await;
        match outcome {
            Ok(s) => {
                record(&state, &user.email, "members.import", &name).await?;
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("added", s.added);
                args.set("updated", s.updated);
                args.set("unchanged", s.unchanged);
                let notice = state.ui.text(&lang, "members-imported", Some(&args));
                members_page(
                    &state,
                    &lang,
                    &user,
                    None,
                    Some(notice),
                    Vec::new(),
                    StatusCode::OK,
                )
                .await
            }
            Err(e @ AppError::Invalid { .. }) => {
                let mut problems = vec![format!(
                    "{} {e}",
                    state.ui.text(&lang, "members-import-failed", None)
                )];
                problems.extend(e.details().iter().cloned());
                members_page(
                    &state,
                    &lang,
                    &user,
                    None,
                    None,
                    problems,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => Err(e),
        }
    })
    .await
}

// --- audit ---------------------------------------------------------------

pub async fn audit_log(Console { state, user, lang }: Console) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        let entries = blocking(&state.pool, |conn| audit::latest(conn, 500)).await?;
        let rows: Vec<_> = entries.iter().map(|e| json!({ "at": e.at.format("%Y-%m-%d %H:%M:%S").to_string(), "actor": e.actor, "action": e.action, "subject": e.subject })).collect();
        Page::new(&state, &lang, Some(&user), "audit-title").render(&state, "console_audit", StatusCode::OK, json!({ "entries": rows }))
    })
    .await
}
