//! The tests' one HTTP client: a browser without JavaScript that never
//! follows a redirect, so that a test sees the status and `Location` the
//! app answers. It keeps the console's session cookie as a browser would;
//! a cookieless one fails the test on any reply that sets a cookie (the
//! respondent's pages never do).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ureq::OrAnyStatus;

/// The name of the console's session cookie.
const SESSION: &str = "canvass_session";

/// A finished HTTP exchange: status, headers (names lower-case) and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn location(&self) -> &str {
        self.header("location")
            .unwrap_or_else(|| panic!("no Location in a {} reply", self.status))
    }

    /// The `Set-Cookie` header of the console session, if the reply sets one.
    pub fn session_cookie(&self) -> Option<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == "set-cookie")
            .map(|(_, v)| v.as_str())
            .find(|v| v.starts_with(&format!("{SESSION}=")))
    }

    /// The reply whole, or `Err` when the body is cut short.
    fn read(resp: ureq::Response) -> Result<Reply, NoAnswer> {
        let status = resp.status();
        let headers: Vec<(String, String)> = resp
            .headers_names()
            .into_iter()
            .flat_map(|n| {
                resp.all(&n)
                    .into_iter()
                    .map(|v| (n.to_lowercase(), v.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let body = resp
            .into_string()
            .map_err(|e| NoAnswer(format!("the body was cut short: {e}")))?;
        Ok(Reply {
            status,
            headers,
            body,
        })
    }
}

/// No whole answer came: no server, a dropped connection, the timeout.
#[derive(Debug)]
pub struct NoAnswer(String);

impl std::fmt::Display for NoAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The value a session `Set-Cookie` header gives, or `None` when it
/// removes the cookie.
pub fn cookie_value(set_cookie: &str) -> Option<String> {
    let pair = set_cookie.split(';').next().unwrap_or("");
    let value = pair
        .strip_prefix(SESSION)
        .and_then(|rest| rest.strip_prefix('='))
        .unwrap_or("");
    let lower = set_cookie.to_ascii_lowercase();
    let removed = value.is_empty() || lower.contains("max-age=0");
    (!removed).then(|| value.to_string())
}

/// What a request sends after its headers.
enum Body<'a> {
    Empty,
    Form(&'a [(&'a str, &'a str)]),
    /// Bytes sent as they are, with their content type.
    Raw(&'a str, &'a [u8]),
}

/// A browser of one site. Clones share their connections and the session
/// cookie, as tabs of one browser do, so threads can share one.
#[derive(Clone)]
pub struct Browser {
    agent: ureq::Agent,
    base: String,
    /// The session cookie kept, or `None` for a browser that refuses cookies.
    jar: Option<Arc<Mutex<Option<String>>>>,
}

impl Browser {
    /// A browser of the app at `base` (`http://127.0.0.1:PORT`) that keeps
    /// the session cookie.
    pub fn new(base: &str) -> Browser {
        Browser {
            agent: agent(None),
            base: base.to_string(),
            jar: Some(Arc::default()),
        }
    }

    /// A browser of the app at `base` that fails the test on any reply
    /// setting a cookie: the respondent's pages and links set none.
    pub fn cookieless(base: &str) -> Browser {
        Browser {
            jar: None,
            ..Browser::new(base)
        }
    }

    /// The same browser, giving up on a request that has no answer within
    /// `limit` (without it, a request waits as long as the server does).
    pub fn timeout(self, limit: Duration) -> Browser {
        Browser {
            agent: agent(Some(limit)),
            ..self
        }
    }

    /// The site's address, `http://127.0.0.1:PORT`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The session cookie's value, if the browser holds one.
    pub fn cookie(&self) -> Option<String> {
        self.jar
            .as_ref()
            .and_then(|jar| jar.lock().unwrap().clone())
    }

    /// Replaces the session cookie, as a thief who copied one would.
    pub fn set_cookie(&self, value: Option<String>) {
        let jar = self
            .jar
            .as_ref()
            .expect("a cookieless browser keeps no cookie");
        *jar.lock().unwrap() = value;
    }

    pub fn get(&self, path: &str) -> Reply {
        answered(path, self.try_get(path))
    }

    /// A GET as relayed by a proxy that says the client is `forwarded_for`.
    pub fn get_for(&self, path: &str, forwarded_for: &str) -> Reply {
        let headers = [("X-Forwarded-For", forwarded_for)];
        answered(path, self.exchange("GET", path, &headers, Body::Empty))
    }

    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        answered(path, self.try_post(path, fields))
    }

    /// A form post whose body is sent exactly as given (already encoded,
    /// or not valid at all).
    pub fn post_raw(&self, path: &str, body: impl AsRef<[u8]>) -> Reply {
        answered(path, self.try_post_raw(path, body.as_ref()))
    }

    /// A multipart upload: an optional `csrf` field and a `file` part.
    pub fn upload(&self, path: &str, csrf: Option<&str>, filename: &str, content: &str) -> Reply {
        const BOUNDARY: &str = "----canvass-test-7d1f0c2b9a";
        let mut body = String::new();
        if let Some(token) = csrf {
            body.push_str(&format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
            ));
        }
        body.push_str(&format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n{content}\r\n--{BOUNDARY}--\r\n"
        ));
        let kind = format!("multipart/form-data; boundary={BOUNDARY}");
        let sent = self.exchange("POST", path, &[], Body::Raw(&kind, body.as_bytes()));
        answered(path, sent)
    }

    /// As [`get`](Self::get); `Err` when no whole answer came (no server,
    /// a dropped connection, the timeout), never for a status.
    pub fn try_get(&self, path: &str) -> Result<Reply, NoAnswer> {
        self.exchange("GET", path, &[], Body::Empty)
    }

    /// As [`post`](Self::post); `Err` when no answer came.
    pub fn try_post(&self, path: &str, fields: &[(&str, &str)]) -> Result<Reply, NoAnswer> {
        self.exchange("POST", path, &[], Body::Form(fields))
    }

    /// As [`post_raw`](Self::post_raw); `Err` when no answer came.
    pub fn try_post_raw(&self, path: &str, body: &[u8]) -> Result<Reply, NoAnswer> {
        let kind = "application/x-www-form-urlencoded";
        self.exchange("POST", path, &[], Body::Raw(kind, body))
    }

    /// Sends one request with the session cookie, if any, and keeps the
    /// cookie the reply sets; 4xx and 5xx are replies like any other.
    fn exchange(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Body,
    ) -> Result<Reply, NoAnswer> {
        let mut req = self.agent.request(method, &format!("{}{path}", self.base));
        if let Some(value) = self.cookie() {
            req = req.set("Cookie", &format!("{SESSION}={value}"));
        }
        for (name, value) in headers {
            req = req.set(name, value);
        }
        let sent = match body {
            Body::Empty => req.call(),
            Body::Form(fields) => req.send_form(fields),
            Body::Raw(kind, bytes) => req.set("Content-Type", kind).send_bytes(bytes),
        };
        let resp = sent.or_any_status().map_err(|e| NoAnswer(e.to_string()))?;
        let reply = Reply::read(resp)?;
        self.keep_cookie(&reply);
        Ok(reply)
    }

    fn keep_cookie(&self, reply: &Reply) {
        match &self.jar {
            None => assert!(
                reply.header("set-cookie").is_none(),
                "a {} reply sets a cookie: {:?}",
                reply.status,
                reply.header("set-cookie")
            ),
            Some(jar) => {
                if let Some(set) = reply.session_cookie() {
                    *jar.lock().unwrap() = cookie_value(set);
                }
            }
        }
    }
}

fn agent(timeout: Option<Duration>) -> ureq::Agent {
    let builder = ureq::AgentBuilder::new().redirects(0);
    match timeout {
        Some(limit) => builder.timeout(limit),
        None => builder,
    }
    .build()
}

/// The reply, or the test fails naming the request that had none.
fn answered(path: &str, sent: Result<Reply, NoAnswer>) -> Reply {
    sent.unwrap_or_else(|e| panic!("{path}: no answer: {e}"))
}
