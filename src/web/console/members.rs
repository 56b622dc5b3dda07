//! Members in the console (the secretariat's): the list, narrowed to a
//! region, and the import of a members CSV upload (contract §4), whose
//! problems come back on the page, every one of them.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use futures_util::StreamExt;
use serde_json::json;

use super::frame::{guarded, record, Console, LangQuery, Page};
use crate::error::{AppError, AppResult};
use crate::members::{self, ImportSummary};
use crate::web::error_page::status;
use crate::web::session::{authorize, Need, User};
use crate::web::{blocking, AppState};

/// What the members page says above the list.
enum Said {
    Nothing,
    Imported(ImportSummary),
    Refused(AppError),
}

async fn members_page(
    state: &AppState,
    lang: &str,
    user: &User,
    region: Option<String>,
    said: Said,
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
        .map(|m| json!({ "id": m.id, "name": m.name, "country": state.country_name(lang, &m.country), "region": state.region_name(lang, &m.region), "region_id": m.region, "email": m.email.replace(';', "; "), "language": m.language, "joined": m.joined.map(|d| crate::locale::long_date(lang, d)), "active": if m.active { &yes } else { &no } }))
        .collect();
    let regions: Vec<_> = regions
        .iter()
        .map(|r| json!({ "value": r, "name": state.region_name(lang, r), "selected": region.as_deref() == Some(r.as_str()) }))
        .collect();
    let mut page = Page::new(state, lang, Some(user), "members-title");
    page.query = region_query(region.as_deref());
    let status = tell(state, lang, &mut page, said);
    page.render(
        state,
        "console_members",
        status,
        json!({ "members": rows, "count": list.len(), "regions": regions }),
    )
}

/// `region=R&` for the language links of a list narrowed to `R`.
fn region_query(region: Option<&str>) -> String {
    region
        .filter(|r| !r.is_empty())
        .map(|r| {
            format!(
                "region={}&",
                form_urlencoded::byte_serialize(r.as_bytes()).collect::<String>()
            )
        })
        .unwrap_or_default()
}

/// Puts what `said` says on the page; the page's status.
fn tell(state: &AppState, lang: &str, page: &mut Page, said: Said) -> StatusCode {
    match said {
        Said::Nothing => StatusCode::OK,
        Said::Imported(s) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("added", s.added);
            args.set("updated", s.updated);
            args.set("unchanged", s.unchanged);
            page.notice = Some(state.ui.text(lang, "members-imported", Some(&args)));
            StatusCode::OK
        }
        Said::Refused(e) => {
            let failed = state.ui.text(lang, "members-import-failed", None);
            page.problems = vec![format!("{failed} {e}")];
            page.problems.extend(e.details().iter().cloned());
            status(&e)
        }
    }
}

pub async fn members(
    Console { state, user, lang }: Console,
    q: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    guarded(&state, &lang, Some(&user), async {
        authorize(&user, Need::Secretariat)?;
        members_page(&state, &lang, &user, q.region.clone(), Said::Nothing).await
    })
    .await
}

/// The upload: the CSRF field and the file, at most 10 MiB.
async fn read_upload(mut form: Multipart) -> AppResult<(Option<String>, String, Vec<u8>)> {
    const LIMIT: usize = 10 * 1024 * 1024;
    let unreadable = |e| AppError::invalid(format!("the upload is not readable: {e}"));
    let (mut csrf, mut name, mut bytes) = (None, String::from("upload.csv"), Vec::new());
    while let Some(item) = form.next().await {
        let mut part = item.map_err(unreadable)?;
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
            let chunk = chunk.map_err(unreadable)?;
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
            members::import(conn, &file, &bytes, crate::rounds::sync_all_open)
        })
        .await;
        let said = match outcome {
            Ok(summary) => {
                record(&state, &user.email, "members.import", &name).await?;
                Said::Imported(summary)
            }
            Err(e @ AppError::Invalid { .. }) => Said::Refused(e),
            Err(e) => return Err(e),
        };
        members_page(&state, &lang, &user, None, said).await
    })
    .await
}
