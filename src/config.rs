//! Settings as a value: flags over environment over defaults (contract §1).
//!
//! clap reads flags and their environment variables; this module turns the
//! raw strings into checked values once, so nothing below has to re-parse.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use crate::error::{AppError, AppResult};

/// Which database a URL names; the backend is chosen from the scheme here
/// and nowhere else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path (`sqlite://PATH`, or a bare path).
    Sqlite(PathBuf),
    /// A libpq URL (`postgres://…` or `postgresql://…`).
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> AppResult<Self> {
        let raw = raw.trim();
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(raw.to_string()));
        }
        let path = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"));
        match path {
            Some(p) if !p.is_empty() && p != ":memory:" => {
                Ok(DatabaseUrl::Sqlite(PathBuf::from(p)))
            }
            Some(_) => Err(AppError::Config(format!(
                "database URL \"{raw}\" names no file; use sqlite://PATH"
            ))),
            None if raw.contains("://") => Err(AppError::Config(format!(
                "database URL \"{raw}\" is neither sqlite://PATH nor postgres://…"
            ))),
            None if raw.is_empty() => Err(AppError::Config("database URL is empty".into())),
            None => Ok(DatabaseUrl::Sqlite(PathBuf::from(raw))),
        }
    }

    /// The URL with any password replaced, for messages and logs.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(p) => format!("sqlite://{}", p.display()),
            DatabaseUrl::Postgres(url) => redact_password(url),
        }
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_string(),
    }
}

/// Everything the commands need to know about their environment.
#[derive(Clone, Debug)]
pub struct Settings {
    pub database: DatabaseUrl,
    pub base_url: String,
    pub smtp_url: Option<String>,
    pub outbox_dir: PathBuf,
    pub mail_from: String,
    pub surveys_dir: PathBuf,
    pub min_cell: u32,
    pub secret_file: PathBuf,
    pub trusted_proxies: TrustedProxies,
}

impl Settings {
    /// The default place of the key file: beside the SQLite file, or in the
    /// working directory for PostgreSQL.
    pub fn default_secret_file(database: &DatabaseUrl) -> PathBuf {
        match database {
            DatabaseUrl::Sqlite(path) => path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .join("canvass.key"),
            DatabaseUrl::Postgres(_) => PathBuf::from("canvass.key"),
        }
    }
}

/// Reverse proxies whose `X-Forwarded-For` header canvass believes
/// (`CANVASS_TRUSTED_PROXIES`: addresses or CIDR ranges, separated by
/// commas or spaces). Behind a proxy every request comes from the proxy's
/// address; without this the throttles would count all clients as one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl TrustedProxies {
    pub fn parse(raw: &str) -> AppResult<Self> {
        let bad = |entry: &str, why: &str| {
            AppError::Config(format!(
                "trusted proxies (CANVASS_TRUSTED_PROXIES): \"{entry}\" {why}"
            ))
        };
        let mut out = Vec::new();
        for entry in raw
            .split([',', ' '])
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            let (addr, prefix) = match entry.split_once('/') {
                Some((a, p)) => (a, Some(p)),
                None => (entry, None),
            };
            let addr: IpAddr = addr
                .parse()
                .map_err(|_| bad(entry, "is not an IP address or a CIDR range"))?;
            let addr = addr.to_canonical();
            let bits = if addr.is_ipv4() { 32 } else { 128 };
            let prefix = match prefix {
                None => bits,
                Some(p) => p
                    .parse::<u8>()
                    .ok()
                    .filter(|p| *p <= bits)
                    .ok_or_else(|| bad(entry, &format!("has a prefix outside 0–{bits}")))?,
            };
            out.push((addr, prefix));
        }
        Ok(TrustedProxies(out))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.0.iter().any(|&(net, prefix)| match (net, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(prefix)).unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(prefix)).unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        })
    }

    /// The client behind `peer`: the peer itself, unless it is a trusted
    /// proxy; then the last address of the `X-Forwarded-For` values (in
    /// header order) that is not a trusted proxy. Addresses further left
    /// were written by the client and are never believed; an entry that is
    /// not an address ends the walk at the proxy that passed it on.
    pub fn client<'a>(&self, peer: IpAddr, forwarded_for: impl Iterator<Item = &'a str>) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.contains(client) {
            return client;
        }
        let hops: Vec<&str> = forwarded_for.flat_map(|v| v.split(',')).collect();
        for hop in hops.iter().rev().map(|h| h.trim()) {
            let Some(ip) = parse_hop(hop) else { break };
            client = ip.to_canonical();
            if !self.contains(client) {
                break;
            }
        }
        client
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port
/// (`192.0.2.1:4711`, `[2001:db8::1]:4711`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn trusted_proxies_parse_addresses_and_ranges_and_name_a_bad_entry() {
        let p = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1 ::1,").unwrap();
        assert!(p.contains(ip("10.200.3.4")));
        assert!(p.contains(ip("127.0.0.1")));
        assert!(p.contains(ip("::ffff:127.0.0.1")));
        assert!(p.contains(ip("::1")));
        assert!(!p.contains(ip("11.0.0.1")));
        assert!(!p.contains(ip("127.0.0.2")));
        assert_eq!(
            TrustedProxies::parse("").unwrap(),
            TrustedProxies::default()
        );
        assert!(TrustedProxies::parse("0.0.0.0/0")
            .unwrap()
            .contains(ip("8.8.8.8")));
        for bad in ["10.0.0.0/33", "proxy.example.org", "10.0.0.1/x", "::1/129"] {
            let e = TrustedProxies::parse(bad).unwrap_err().to_string();
            assert!(
                e.contains(bad) && e.contains("CANVASS_TRUSTED_PROXIES"),
                "{e}"
            );
        }
    }

    #[test]
    fn the_client_is_the_last_forwarded_address_that_is_not_a_trusted_proxy() {
        let p = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").unwrap();
        let client = |peer: &str, xff: &[&str]| p.client(ip(peer), xff.iter().copied());
        // Not from a proxy: the header is the client's own word, ignored.
        assert_eq!(client("198.51.100.7", &["203.0.113.9"]), ip("198.51.100.7"));
        // From the proxy: what the proxy saw; a client-written entry to the
        // left is not believed.
        assert_eq!(
            client("127.0.0.1", &["1.2.3.4, 203.0.113.9"]),
            ip("203.0.113.9")
        );
        // Two proxies, the header split over two lines, a port on one hop.
        assert_eq!(
            client("127.0.0.1", &["1.2.3.4", "203.0.113.9:5123, 10.1.1.1"]),
            ip("203.0.113.9")
        );
        assert_eq!(
            client("127.0.0.1", &["[2001:db8::5]:443"]),
            ip("2001:db8::5")
        );
        // No header, or garbage where the proxy's entry should be: the proxy.
        assert_eq!(client("127.0.0.1", &[]), ip("127.0.0.1"));
        assert_eq!(client("127.0.0.1", &["unknown"]), ip("127.0.0.1"));
        // No proxy trusted: the peer, whatever the header says.
        let none = TrustedProxies::default();
        assert_eq!(
            none.client(ip("127.0.0.1"), ["203.0.113.9"].into_iter()),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn scheme_picks_the_backend() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/c.db").unwrap(),
            DatabaseUrl::Sqlite("data/c.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("postgres://u@h/db").unwrap(),
            DatabaseUrl::Postgres("postgres://u@h/db".into())
        );
        assert!(DatabaseUrl::parse("mysql://x").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn password_is_redacted() {
        let url = DatabaseUrl::parse("postgres://me:secret@db/x").unwrap();
        assert_eq!(url.redacted(), "postgres://me:***@db/x");
    }

    #[test]
    fn key_file_sits_beside_the_sqlite_file() {
        let db = DatabaseUrl::Sqlite("var/c.db".into());
        assert_eq!(
            Settings::default_secret_file(&db),
            PathBuf::from("var/canvass.key")
        );
        let db = DatabaseUrl::Sqlite("c.db".into());
        assert_eq!(
            Settings::default_secret_file(&db),
            PathBuf::from("./canvass.key")
        );
    }
}
