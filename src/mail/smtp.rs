//! SMTP delivery over one kept-open lettre `SmtpConnection`.
//!
//! lettre's `SmtpTransport` writes a message and its closing `.` in two
//! writes. The second, small one waits under Nagle's algorithm until the
//! server acknowledges the first, and servers delay that acknowledgement
//! (40 ms on Linux): every mail then costs 40 ms, 25 mails a second per
//! connection. Here the commands are lettre's, and the message goes out
//! dot-stuffed with its terminator in one write.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};

use super::SendError;

const TIMEOUT: Duration = Duration::from_secs(20);
/// A connection idle longer than this is checked with NOOP before use.
const CHECK_AFTER: Duration = Duration::from_secs(5);

enum Tls {
    None,
    /// `smtps://`: TLS from the first byte.
    Wrapper(TlsParameters),
    /// `?tls=required`: STARTTLS or nothing.
    Required(TlsParameters),
    /// `?tls=opportunistic`: STARTTLS when the server offers it.
    Opportunistic(TlsParameters),
}

/// The server of `CANVASS_SMTP_URL` and the connection kept open to it.
pub struct Smtp {
    host: String,
    port: u16,
    tls: Tls,
    hello: ClientId,
    credentials: Option<Credentials>,
    open: Mutex<Option<(SmtpConnection, Instant)>>,
}

impl Smtp {
    /// `smtp://host:port`, `smtps://user:pass@host`, `smtp://…?tls=required`
    /// (or `opportunistic`); a path names the EHLO domain.
    pub fn from_url(raw: &str) -> Result<Smtp, String> {
        let url = url::Url::parse(raw).map_err(|e| e.to_string())?;
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or("no host")?
            .trim_matches(|c| c == '[' || c == ']')
            .to_string();
        let (tls, default_port) = tls(&url, &host)?;
        let decode = |s: &str| {
            percent_decode(s).ok_or_else(|| "the user or password is not UTF-8".to_string())
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let hello = match url.path().trim_matches('/') {
            "" => ClientId::default(),
            name => ClientId::Domain(name.to_string()),
        };
        Ok(Smtp {
            port: url.port().unwrap_or(default_port),
            host,
            tls,
            hello,
            credentials,
            open: Mutex::new(None),
        })
    }

    pub fn send(&self, message: &lettre::Message) -> Result<(), SendError> {
        let mut open = self
            .open
            .lock()
            .map_err(|_| SendError::Temporary("the SMTP connection lock is poisoned".into()))?;
        let reused = open.take().and_then(|(mut conn, used)| {
            let alive = used.elapsed() < CHECK_AFTER || conn.test_connected();
            alive.then_some(conn)
        });
        let mut conn = match reused {
            Some(conn) => conn,
            None => self.connect().map_err(classify)?,
        };
        match transmit(&mut conn, message) {
            Ok(()) => {
                *open = Some((conn, Instant::now()));
                Ok(())
            }
            Err(e) => {
                conn.abort();
                Err(e)
            }
        }
    }

    fn connect(&self) -> Result<SmtpConnection, lettre::transport::smtp::Error> {
        let wrapper = match &self.tls {
            Tls::Wrapper(p) => Some(p),
            _ => None,
        };
        let mut conn = SmtpConnection::connect(
            (self.host.as_str(), self.port),
            Some(TIMEOUT),
            &self.hello,
            wrapper,
            None,
        )?;
        match &self.tls {
            Tls::Required(p) => conn.starttls(p, &self.hello)?,
            Tls::Opportunistic(p) if conn.can_starttls() => conn.starttls(p, &self.hello)?,
            _ => {}
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(&[Mechanism::Plain, Mechanism::Login], credentials)?;
        }
        Ok(conn)
    }
}

/// MAIL, RCPT for each recipient, DATA, then the content in one write.
fn transmit(conn: &mut SmtpConnection, message: &lettre::Message) -> Result<(), SendError> {
    let envelope = message.envelope();
    let content = message.formatted();
    let mut options = Vec::new();
    let unicode_addresses = envelope
        .to()
        .iter()
        .chain(envelope.from())
        .any(|a| !AsRef::<str>::as_ref(a).is_ascii());
    if unicode_addresses {
        if !conn.server_info().supports_feature(Extension::SmtpUtfEight) {
            return Err(SendError::Permanent(
                "the SMTP server does not take addresses beyond ASCII (no SMTPUTF8)".into(),
            ));
        }
        options.push(MailParameter::SmtpUtfEight);
    }
    if !content.is_ascii() {
        if !conn.server_info().supports_feature(Extension::EightBitMime) {
            return Err(SendError::Permanent(
                "the SMTP server does not take 8-bit messages (no 8BITMIME)".into(),
            ));
        }
        options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    let text = String::from_utf8(content)
        .map_err(|_| SendError::Permanent("the message is not UTF-8".into()))?;
    conn.command(Mail::new(envelope.from().cloned(), options))
        .map_err(classify)?;
    for to in envelope.to() {
        conn.command(Rcpt::new(to.clone(), vec![]))
            .map_err(classify)?;
    }
    conn.command(Data).map_err(classify)?;
    conn.command(dot_stuffed(&text)).map_err(classify)?;
    Ok(())
}

/// The DATA content: a dot doubled at the start of every line, CRLF at
/// the end, then the closing `.` line.
pub(crate) fn dot_stuffed(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        if line.starts_with('.') {
            out.push('.');
        }
        out.push_str(line);
    }
    if !out.ends_with("\r\n") {
        if out.ends_with('\n') {
            out.pop();
        }
        out.push_str("\r\n");
    }
    out.push_str(".\r\n");
    out
}

fn classify(e: lettre::transport::smtp::Error) -> SendError {
    if e.is_permanent() {
        SendError::Permanent(e.to_string())
    } else {
        SendError::Temporary(e.to_string())
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(u8::try_from(hex(h)? * 16 + hex(l)?).ok()?);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The TLS mode and default port the URL's scheme and `tls` value name.
fn tls(url: &url::Url, host: &str) -> Result<(Tls, u16), String> {
    let tls_param = url
        .query_pairs()
        .find(|(k, _)| k == "tls")
        .map(|(_, v)| v.into_owned());
    let params = || TlsParameters::new(host.to_string()).map_err(|e| e.to_string());
    Ok(match (url.scheme(), tls_param.as_deref()) {
        ("smtp", None) => (Tls::None, 25),
        ("smtp", Some("required")) => (Tls::Required(params()?), 587),
        ("smtp", Some("opportunistic")) => (Tls::Opportunistic(params()?), 587),
        ("smtps", None) => (Tls::Wrapper(params()?), 465),
        (scheme, tls) => {
            return Err(format!(
                "unknown scheme \"{scheme}\" or tls value {}",
                tls.unwrap_or("")
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dots_at_line_starts_are_doubled_and_the_end_is_marked() {
        assert_eq!(dot_stuffed("a\r\n.b\r\n..c"), "a\r\n..b\r\n...c\r\n.\r\n");
        assert_eq!(dot_stuffed(".\r\n"), "..\r\n.\r\n");
        assert_eq!(dot_stuffed(""), "\r\n.\r\n");
    }

    #[test]
    fn urls_give_port_tls_and_credentials() {
        let s = Smtp::from_url("smtp://127.0.0.1:2525").unwrap();
        assert_eq!((s.host.as_str(), s.port), ("127.0.0.1", 2525));
        assert!(matches!(s.tls, Tls::None) && s.credentials.is_none());
        let s = Smtp::from_url("smtps://user%40x.org:p%20w@mail.example.org").unwrap();
        assert_eq!(s.port, 465);
        assert!(matches!(s.tls, Tls::Wrapper(_)));
        assert_eq!(
            s.credentials,
            Some(Credentials::new("user@x.org".into(), "p w".into()))
        );
        let s = Smtp::from_url("smtp://mail.example.org?tls=required").unwrap();
        assert!(matches!(s.tls, Tls::Required(_)) && s.port == 587);
        assert!(Smtp::from_url("imap://x.org").is_err());
        assert!(Smtp::from_url("smtp://x.org?tls=sometimes").is_err());
        assert!(Smtp::from_url("smtp://").is_err());
    }
}
