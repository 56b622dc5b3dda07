//! The only assets pages load, served by canvass itself and embedded in the
//! binary: one stylesheet (and its print rules) and one small script that only improves the form.

use actix_web::HttpResponse;

const CSS: &str = include_str!("../../static/canvass.css");
const PRINT_CSS: &str = include_str!("../../static/print.css");
const JS: &str = include_str!("../../static/canvass.js");

fn asset(content_type: &str, body: &'static str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "public, max-age=86400"))
        .body(body)
}

pub async fn css() -> HttpResponse {
    asset("text/css; charset=utf-8", CSS)
}

pub async fn print_css() -> HttpResponse {
    asset("text/css; charset=utf-8", PRINT_CSS)
}

pub async fn js() -> HttpResponse {
    asset("text/javascript; charset=utf-8", JS)
}
