//! The two answers every area builds: an HTML page with a status, and a
//! redirect to another page of this site (`303 See Other`, so that a post
//! is followed by a get).

use actix_web::http::StatusCode;
use actix_web::HttpResponse;

pub fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", location.to_string()))
        .finish()
}
