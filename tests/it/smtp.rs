//! A small scriptable SMTP server for the mail tests, and a reader for
//! what it received.
//!
//! The server listens on a free loopback port, one thread per connection,
//! and speaks just enough SMTP for lettre without TLS: the 220 greeting,
//! EHLO/HELO, MAIL, RCPT, DATA (with dot-unstuffing), RSET, NOOP, QUIT. It
//! records every message it accepts, before it answers 250, so a client
//! that saw 250 always finds its message recorded. A `Script` makes it
//! misbehave: 451 to the first transactions, 550 for some recipients, or
//! dropping or stalling a connection after some messages.

use std::io::{BufRead, BufReader, ErrorKind, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// How long a connection may stay silent before the server hangs up.
const IDLE_LIMIT: Duration = Duration::from_secs(30);
/// How often a blocked read looks at the stop flag.
const POLL: Duration = Duration::from_millis(200);

/// How the server misbehaves; the default behaves.
#[derive(Clone, Debug, Default)]
pub struct Script {
    /// Answer `451` to the RCPT of the first this-many transactions.
    pub temp_fail_first: usize,
    /// Recipients refused with `550` at RCPT, every time.
    pub refuse: Vec<String>,
    /// Once this many messages are accepted, read the next message's data
    /// and close the connection without answering (once).
    pub drop_after: Option<usize>,
    /// Once this many messages are accepted, read the next message's data
    /// and never answer it: the connection is held until the client goes
    /// away (once).
    pub stall_after: Option<usize>,
    /// Wait this long before answering each message's data.
    pub delay: Duration,
}

/// One accepted message: its envelope and raw data (dot-unstuffed, CRLF).
#[derive(Clone, Debug)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

/// A negative answer the server gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub recipient: String,
    pub code: u16,
}

#[derive(Default)]
struct State {
    accepted: Vec<Received>,
    refused: Vec<Refusal>,
    transactions: usize,
    dropped: usize,
    stalled: usize,
}

struct Shared {
    script: Script,
    state: Mutex<State>,
    changed: Condvar,
    stop: AtomicBool,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        // A connection thread that panicked must not hide what was recorded.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A running server; it stops when dropped.
pub struct SmtpServer {
    port: u16,
    shared: Arc<Shared>,
}

impl SmtpServer {
    /// A server that accepts everything.
    pub fn start() -> SmtpServer {
        SmtpServer::with(Script::default())
    }

    pub fn with(script: Script) -> SmtpServer {
        SmtpServer::listen(TcpListener::bind("127.0.0.1:0").unwrap(), script)
    }

    /// A server that accepts everything, on `port` (a server coming back
    /// where an earlier one was shut down); waits a little for the port.
    pub fn start_on(port: u16) -> SmtpServer {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match TcpListener::bind(("127.0.0.1", port)) {
                Ok(listener) => return SmtpServer::listen(listener, Script::default()),
                Err(e) if Instant::now() > deadline => panic!("port {port} stays taken: {e}"),
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    fn listen(listener: TcpListener, script: Script) -> SmtpServer {
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            script,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            stop: AtomicBool::new(false),
        });
        let accepting = shared.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if accepting.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let shared = accepting.clone();
                std::thread::spawn(move || {
                    // An I/O error ends this connection only; the client sees it.
                    let _ = Session::new(&shared).serve(stream);
                });
            }
        });
        SmtpServer { port, shared }
    }

    /// The URL lettre (and `--smtp-url`) takes: plain SMTP, no TLS.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Every accepted message so far, in order of acceptance.
    pub fn messages(&self) -> Vec<Received> {
        self.shared.state().accepted.clone()
    }

    /// Every 4xx/5xx answer to a RCPT so far.
    pub fn refusals(&self) -> Vec<Refusal> {
        self.shared.state().refused.clone()
    }

    /// How many connections the script dropped.
    pub fn dropped(&self) -> usize {
        self.shared.state().dropped
    }

    /// Waits until `done` holds for the accepted messages and the number
    /// of stalled connections, or panics after `timeout`.
    pub fn wait_until(&self, timeout: Duration, done: impl Fn(&[Received], usize) -> bool) {
        let deadline = Instant::now() + timeout;
        let mut state = self.shared.state();
        while !done(&state.accepted, state.stalled) {
            let left = deadline
                .checked_duration_since(Instant::now())
                .unwrap_or_else(|| {
                    panic!(
                        "SMTP server: condition not met within {timeout:?} ({} accepted, {} stalled)",
                        state.accepted.len(),
                        state.stalled
                    )
                });
            state = self
                .shared
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    /// Goes down as a crashed or stopped server does: stops accepting and
    /// hangs up every connection (after the message under way); returns
    /// once the port refuses connections. What it received stays readable.
    pub fn shut_down(&self) {
        self.stop();
        let deadline = Instant::now() + Duration::from_secs(5);
        while TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            assert!(Instant::now() < deadline, "port {} stays open", self.port);
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn stop(&self) {
        if !self.shared.stop.swap(true, Ordering::SeqCst) {
            // Wake the accepting thread so that it sees the flag.
            let _ = TcpStream::connect(("127.0.0.1", self.port));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        // Once shut down, the port may belong to a new server: leave it be.
        self.stop();
    }
}

/// Why a session ends early.
enum End {
    /// The client closed the connection, or the server hung up.
    Closed,
    Io(std::io::Error),
}

impl From<std::io::Error> for End {
    fn from(e: std::io::Error) -> Self {
        End::Io(e)
    }
}

/// One connection: the envelope of the transaction under way.
struct Session<'a> {
    shared: &'a Shared,
    from: Option<String>,
    to: Vec<String>,
    /// The number of the transaction under way (1 for the first MAIL).
    transaction: usize,
}

impl<'a> Session<'a> {
    fn new(shared: &'a Shared) -> Self {
        Session {
            shared,
            from: None,
            to: Vec::new(),
            transaction: 0,
        }
    }

    fn serve(mut self, stream: TcpStream) -> std::io::Result<()> {
        stream.set_read_timeout(Some(POLL))?;
        stream.set_write_timeout(Some(IDLE_LIMIT))?;
        let mut out = stream.try_clone()?;
        let mut input = BufReader::new(stream);
        reply(&mut out, "220 canvass-test ESMTP ready")?;
        let mut line = Vec::new();
        loop {
            match self.read_line(&mut input, &mut line) {
                Ok(()) => {}
                Err(End::Closed) => return Ok(()),
                Err(End::Io(e)) => return Err(e),
            }
            let text = String::from_utf8_lossy(&line).trim_end().to_string();
            let (verb, arg) = text.split_once(' ').unwrap_or((&text, ""));
            match verb.to_ascii_uppercase().as_str() {
                "EHLO" => {
                    self.reset();
                    reply(
                        &mut out,
                        "250-canvass-test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760",
                    )?;
                }
                "HELO" => {
                    self.reset();
                    reply(&mut out, "250 canvass-test")?;
                }
                "MAIL" => self.mail(arg, &mut out)?,
                "RCPT" => self.rcpt(arg, &mut out)?,
                "DATA" if self.to.is_empty() => reply(&mut out, "503 5.5.1 no valid recipient")?,
                "DATA" => {
                    reply(&mut out, "354 end data with <CR><LF>.<CR><LF>")?;
                    match self.data(&mut input, &mut out) {
                        Ok(()) => {}
                        Err(End::Closed) => return Ok(()),
                        Err(End::Io(e)) => return Err(e),
                    }
                }
                "RSET" => {
                    self.reset();
                    reply(&mut out, "250 2.0.0 ok")?;
                }
                "NOOP" => reply(&mut out, "250 2.0.0 ok")?,
                "QUIT" => {
                    reply(&mut out, "221 2.0.0 bye")?;
                    return Ok(());
                }
                _ => reply(&mut out, "502 5.5.2 command not implemented")?,
            }
        }
    }

    fn reset(&mut self) {
        self.from = None;
        self.to.clear();
    }

    /// Reads one line (up to LF) into `line`, waiting while the client is
    /// silent, up to the idle limit or until the server stops.
    fn read_line(&self, input: &mut BufReader<TcpStream>, line: &mut Vec<u8>) -> Result<(), End> {
        line.clear();
        let deadline = Instant::now() + IDLE_LIMIT;
        loop {
            if self.shared.stop.load(Ordering::SeqCst) || Instant::now() > deadline {
                return Err(End::Closed);
            }
            // Bytes read before a timeout stay in `line`; the next call appends.
            match input.read_until(b'\n', line) {
                Ok(0) => return Err(End::Closed),
                Ok(_) if line.ends_with(b"\n") => return Ok(()),
                Ok(_) => return Err(End::Closed),
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(End::Io(e)),
            }
        }
    }

    fn mail(&mut self, arg: &str, out: &mut TcpStream) -> std::io::Result<()> {
        if self.from.is_some() {
            return reply(out, "503 5.5.1 nested MAIL command");
        }
        let Some(address) = path_of(arg, "FROM:") else {
            return reply(out, "501 5.5.4 syntax: MAIL FROM:<address>");
        };
        let mut state = self.shared.state();
        state.transactions += 1;
        self.transaction = state.transactions;
        self.from = Some(address);
        reply(out, "250 2.1.0 ok")
    }

    fn rcpt(&mut self, arg: &str, out: &mut TcpStream) -> std::io::Result<()> {
        if self.from.is_none() {
            return reply(out, "503 5.5.1 need MAIL before RCPT");
        }
        let Some(address) = path_of(arg, "TO:") else {
            return reply(out, "501 5.5.4 syntax: RCPT TO:<address>");
        };
        let script = &self.shared.script;
        let refused = script
            .refuse
            .iter()
            .any(|r| r.eq_ignore_ascii_case(&address));
        let code = if refused {
            550
        } else if self.transaction <= script.temp_fail_first {
            451
        } else {
            self.to.push(address);
            return reply(out, "250 2.1.5 ok");
        };
        self.shared.state().refused.push(Refusal {
            recipient: address,
            code,
        });
        self.shared.changed.notify_all();
        if code == 550 {
            reply(out, "550 5.1.1 mailbox unavailable")
        } else {
            reply(out, "451 4.7.1 greylisted, try again later")
        }
    }

    /// Reads the message up to the lone dot, then accepts, drops or stalls.
    fn data(&mut self, input: &mut BufReader<TcpStream>, out: &mut TcpStream) -> Result<(), End> {
        let mut data = Vec::new();
        let mut line = Vec::new();
        loop {
            self.read_line(input, &mut line)?;
            if line == b".\r\n" || line == b".\n" {
                break;
            }
            let unstuffed = if line.starts_with(b".") {
                &line[1..]
            } else {
                &line[..]
            };
            data.extend_from_slice(unstuffed);
        }
        std::thread::sleep(self.shared.script.delay);
        let message = Received {
            from: self.from.take().unwrap_or_default(),
            to: std::mem::take(&mut self.to),
            data,
        };
        let script = &self.shared.script;
        let mut state = self.shared.state();
        let accepted = state.accepted.len();
        if script.drop_after.is_some_and(|n| accepted >= n) && state.dropped == 0 {
            state.dropped += 1;
            drop(state);
            self.shared.changed.notify_all();
            let _ = out.shutdown(Shutdown::Both);
            return Err(End::Closed);
        }
        if script.stall_after.is_some_and(|n| accepted >= n) && state.stalled == 0 {
            state.stalled += 1;
            drop(state);
            self.shared.changed.notify_all();
            // Never answer; wait for the client to go away (or the server to stop).
            loop {
                self.read_line(input, &mut line)?;
            }
        }
        state.accepted.push(message);
        let n = state.accepted.len();
        drop(state);
        self.shared.changed.notify_all();
        reply(out, &format!("250 2.0.0 ok: queued as {n}"))?;
        Ok(())
    }
}

/// Writes one answer in one piece: the text and its CRLF in two writes
/// would leave the CRLF to Nagle's algorithm, waiting for the client's
/// delayed ACK (about 40 ms on every command).
fn reply(out: &mut TcpStream, text: &str) -> std::io::Result<()> {
    out.write_all(format!("{text}\r\n").as_bytes())?;
    out.flush()
}

/// The address of `FROM:<a@b> BODY=8BITMIME` (after `prefix`).
fn path_of(arg: &str, prefix: &str) -> Option<String> {
    let head = arg.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    let rest = arg[prefix.len()..].trim_start();
    let inner = rest.strip_prefix('<')?;
    let end = inner.find('>')?;
    Some(inner[..end].to_string())
}

// Reading messages: headers (unfolded, RFC 2047 decoded) and MIME parts.

/// A parsed message or body part.
#[derive(Clone, Debug)]
pub struct Mime {
    pub headers: Vec<(String, String)>,
    /// The decoded body of a single part; empty for a multipart.
    pub body: String,
    pub parts: Vec<Mime>,
}

impl Received {
    pub fn parse(&self) -> Mime {
        Mime::parse(&String::from_utf8_lossy(&self.data))
    }

    /// The one envelope recipient.
    pub fn recipient(&self) -> &str {
        assert_eq!(self.to.len(), 1, "one recipient per mail: {:?}", self.to);
        &self.to[0]
    }
}

impl Mime {
    pub fn parse(raw: &str) -> Mime {
        let raw = raw.replace("\r\n", "\n");
        let (head, body) = raw.split_once("\n\n").unwrap_or((&raw, ""));
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in head.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.last_mut() {
                    value.push_str(line);
                }
            } else if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        let mut mime = Mime {
            headers,
            body: String::new(),
            parts: Vec::new(),
        };
        match mime.boundary() {
            Some(b) => {
                mime.parts = split_parts(body, &b)
                    .iter()
                    .map(|p| Mime::parse(p))
                    .collect()
            }
            None => mime.body = mime.decode_body(body),
        }
        mime
    }

    /// The first header `name` (any case), RFC 2047 words decoded.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| decode_words(v))
    }

    /// The media type, lower case, without parameters.
    pub fn media_type(&self) -> String {
        self.header("Content-Type")
            .unwrap_or_else(|| "text/plain".into())
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    }

    /// The media types of every single part, depth first.
    pub fn leaf_types(&self) -> Vec<String> {
        if self.parts.is_empty() {
            return vec![self.media_type()];
        }
        self.parts.iter().flat_map(Mime::leaf_types).collect()
    }

    /// The decoded body of the first single part of `media_type`.
    pub fn part(&self, media_type: &str) -> Option<String> {
        if self.parts.is_empty() {
            return (self.media_type() == media_type).then(|| self.body.clone());
        }
        self.parts.iter().find_map(|p| p.part(media_type))
    }

    fn boundary(&self) -> Option<String> {
        let ct = self.header("Content-Type")?;
        if !ct.to_ascii_lowercase().starts_with("multipart/") {
            return None;
        }
        ct.split(';').find_map(|p| {
            let (k, v) = p.trim().split_once('=')?;
            k.eq_ignore_ascii_case("boundary")
                .then(|| v.trim_matches('"').to_string())
        })
    }

    fn decode_body(&self, body: &str) -> String {
        let encoding = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "base64" => {
                let clean: String = body.chars().filter(|c| !c.is_whitespace()).collect();
                STANDARD.decode(clean).expect("a base64 body")
            }
            "quoted-printable" => quoted_printable(body, false),
            _ => body.as_bytes().to_vec(),
        };
        String::from_utf8(bytes).expect("a UTF-8 body")
    }
}

/// The parts between `--boundary` lines.
fn split_parts(body: &str, boundary: &str) -> Vec<String> {
    let open = format!("--{boundary}");
    let close = format!("--{boundary}--");
    let mut parts = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in body.lines() {
        if line.trim_end() == close {
            parts.extend(current.take().map(|l| l.join("\n")));
            break;
        } else if line.trim_end() == open {
            parts.extend(current.take().map(|l| l.join("\n")));
            current = Some(Vec::new());
        } else if let Some(lines) = current.as_mut() {
            lines.push(line);
        }
    }
    parts
}

/// Quoted-printable bytes (`q_words`: the `_` = space of RFC 2047 words).
fn quoted_printable(text: &str, q_words: bool) -> Vec<u8> {
    let text = text.replace("=\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'=');
                        i += 1;
                    }
                }
            }
            b'_' if q_words => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// A header value with its RFC 2047 encoded words decoded; the space
/// between two encoded words is dropped, as the RFC says.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut last_was_word = false;
    for token in value.split_whitespace() {
        if let Some(bytes) = encoded_word(token) {
            if !last_was_word && !out.is_empty() {
                out.push(' ');
            }
            pending.extend(bytes);
            last_was_word = true;
            continue;
        }
        if !pending.is_empty() {
            out.push_str(&String::from_utf8_lossy(&pending));
            pending.clear();
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(token);
        last_was_word = false;
    }
    out.push_str(&String::from_utf8_lossy(&pending));
    out
}

/// The bytes of one `=?charset?b|q?text?=` word (UTF-8 or ASCII only).
fn encoded_word(token: &str) -> Option<Vec<u8>> {
    let inner = token.strip_prefix("=?")?.strip_suffix("?=")?;
    let mut fields = inner.splitn(3, '?');
    let (_charset, encoding, text) = (fields.next()?, fields.next()?, fields.next()?);
    match encoding {
        "b" | "B" => STANDARD.decode(text).ok(),
        "q" | "Q" => Some(quoted_printable(text, true)),
        _ => None,
    }
}

#[test]
fn the_mail_reader_decodes_words_parts_and_transfer_encodings() {
    let raw = "Subject: Oui, =?utf-8?b?Vm90cmUgbGllbg==?=\r\n =?utf-8?q?_personnel_=C3=A9?= ok\r\n\
Content-Type: multipart/alternative;\r\n boundary=\"XY\"\r\n\r\n--XY\r\n\
Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
caf=C3=A9 soft=\r\nbreak\r\n--XY\r\nContent-Type: text/html\r\n\
Content-Transfer-Encoding: base64\r\n\r\nPHA+w6k8L3A+\r\n--XY--\r\n";
    let m = Mime::parse(raw);
    assert_eq!(
        m.header("subject").as_deref(),
        Some("Oui, Votre lien personnel é ok")
    );
    assert_eq!(m.leaf_types(), ["text/plain", "text/html"]);
    assert_eq!(m.part("text/plain").as_deref(), Some("café softbreak"));
    assert_eq!(m.part("text/html").as_deref(), Some("<p>é</p>"));
}

#[test]
fn the_mail_server_takes_lettre_mail_intact_and_follows_its_script() {
    use lettre::{Message, SmtpTransport, Transport};
    let server = SmtpServer::with(Script {
        temp_fail_first: 1,
        refuse: vec!["no@x.org".into()],
        ..Script::default()
    });
    let transport = SmtpTransport::from_url(&server.url())
        .unwrap()
        .timeout(Some(Duration::from_secs(5)))
        .build();
    let mail = |to: &str| {
        Message::builder()
            .from("s@x.org".parse().unwrap())
            .to(to.parse().unwrap())
            .subject("Réunion à 10 h")
            .body(String::from(".leading dot\n..two dots\nend\n"))
            .unwrap()
    };
    assert!(transport
        .send(&mail("yes@x.org"))
        .unwrap_err()
        .is_transient());
    transport.send(&mail("yes@x.org")).unwrap();
    assert!(transport
        .send(&mail("no@x.org"))
        .unwrap_err()
        .is_permanent());
    let got = server.messages();
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].from.as_str(), got[0].recipient()),
        ("s@x.org", "yes@x.org")
    );
    let m = got[0].parse();
    assert_eq!(m.header("Subject").as_deref(), Some("Réunion à 10 h"));
    assert_eq!(m.body.trim_end(), ".leading dot\n..two dots\nend");
    let codes: Vec<(String, u16)> = server
        .refusals()
        .into_iter()
        .map(|r| (r.recipient, r.code))
        .collect();
    assert_eq!(codes, [("yes@x.org".into(), 451), ("no@x.org".into(), 550)]);
}
