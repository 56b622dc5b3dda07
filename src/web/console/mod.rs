//! The web consoles (contract §7), for the secretariat and the regional
//! reviewers, behind the session cookie: the page frame every console page
//! shares (`frame`), signing in (`auth`), rounds and their actions
//! (`rounds`), surveys (`surveys`), members (`members`), the audit log
//! (`audit`), results with their downloads (`results`), and regional review:
//! notes and sign-off (`review`) and the printable report (`report`,
//! drawn by `report_view`, names and numbers through `shown`). Every route
//! goes through `session::authorize`.

mod audit;
mod auth;
mod frame;
mod members;
mod report;
mod report_view;
mod results;
mod results_view;
mod review;
mod rounds;
mod shown;
mod surveys;
mod workbooks;

use actix_web::web::{get, post, ServiceConfig};

/// The console routes, behind the session cookie layer.
pub fn routes(cfg: &mut ServiceConfig) {
    cfg.route("/", get().to(auth::home))
        .route("/login", get().to(auth::login_form))
        .route("/login", post().to(auth::login))
        .route("/logout", post().to(auth::logout))
        .route("/account/password", get().to(auth::password_form))
        .route("/account/password", post().to(auth::password))
        .route("/rounds", get().to(rounds::rounds))
        .route("/rounds", post().to(rounds::create_round))
        .route("/rounds/{name}", get().to(rounds::round))
        .route("/rounds/{name}/results", get().to(results::page))
        .route("/rounds/{name}/results.csv", get().to(results::csv))
        .route(
            "/rounds/{name}/results.json",
            get().to(results::json_download),
        )
        .route(
            "/rounds/{name}/results.xlsx",
            get().to(workbooks::results_xlsx),
        )
        .route("/rounds/{name}/texts", get().to(results::free_text))
        .route("/rounds/{name}/report", get().to(report::page))
        .route("/rounds/{name}/notes", post().to(review::note))
        .route("/rounds/{name}/signoff", post().to(review::signoff))
        .route("/rounds/{name}/{action}", post().to(rounds::round_action))
        .route("/surveys", get().to(surveys::surveys))
        .route("/surveys/{id}/preview", get().to(surveys::preview))
        .route("/surveys/import", post().to(workbooks::survey_import))
        .route("/surveys/{id}/xlsform.xlsx", get().to(workbooks::xlsform))
        .route(
            "/surveys/{id}/texts.xlsx",
            get().to(workbooks::texts_download),
        )
        .route("/surveys/{id}/texts", post().to(workbooks::texts_upload))
        .route("/members", get().to(members::members))
        .route("/members/import", post().to(members::members_import))
        .route("/audit", get().to(audit::audit_log));
}
