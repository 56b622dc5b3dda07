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

#[cfg(test)]
mod tests {
    /// Right-to-left ready: sides are logical (`inline-start`), never
    /// `left`/`right`, in the stylesheet and the templates' inline styles.
    #[test]
    fn styles_use_logical_sides_only() {
        let templates = [
            include_str!("../../templates/mail/body.html.hbs"),
            include_str!("../../templates/respond/layout.hbs"),
            include_str!("../../templates/console/layout.hbs"),
        ];
        for text in [super::CSS, super::PRINT_CSS].into_iter().chain(templates) {
            for word in ["left", "right"] {
                assert!(!text.contains(word), "`{word}` in {text}");
            }
        }
        assert!(super::CSS.contains("border-inline-start"));
        assert!(super::CSS.contains("text-align:start"));
    }
}
