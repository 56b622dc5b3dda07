//! The SVG frame around plotters' drawing: our root tag (scalable, with
//! its role and labels), `<title>` and `<desc>`, every text escaped.

use super::{Drawn, FONT, WIDTH};

/// Swaps plotters' root tag (fixed size, no accessibility) for ours and adds
/// `<title>` and `<desc>`. All text is escaped; the numbers are ours.
pub(super) fn finish(
    id: &str,
    title: &str,
    desc: &str,
    height: u32,
    body: String,
    drawn: Drawn,
) -> String {
    let id = safe_id(id);
    let mut out = String::with_capacity(body.len() + title.len() + desc.len() + 400);
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\"");
    out.push_str(&format!(" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\""));
    out.push_str(&format!(
        " aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\""
    ));
    out.push_str(&format!(" font-family=\"{FONT}\">\n"));
    out.push_str(&format!(
        "<title id=\"{id}-title\">{}</title>\n",
        escape(title)
    ));
    out.push_str(&format!("<desc id=\"{id}-desc\">{}</desc>\n", escape(desc)));
    // Plotters escapes attribute values, so its root tag ends at the first '>'.
    let inner = body
        .strip_prefix("<svg")
        .and_then(|rest| rest.split_once(">\n"));
    match (drawn, inner) {
        (Ok(()), Some((_, inner))) => out.push_str(inner),
        // A String backend does not fail in practice; title and desc still
        // carry everything if it does.
        _ => out.push_str("</svg>\n"),
    }
    out
}

/// Keeps ids valid and unquotable: ASCII letters, digits, '-' and '_'.
pub(super) fn safe_id(id: &str) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    match id.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => id,
        _ => format!("chart-{id}"),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
