//! Guessing throttles, in this process: failed sign-ins (and wrong
//! current passwords) per account and per address, and unknown respondent
//! links per address. Console sign-in and respondent links share one
//! `Throttle` in the app state.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures per account and per address: after a limit of failures within
/// `WINDOW` (`LIMIT` per account, `ADDRESS_LIMIT` per address for sign-ins,
/// `LINK_LIMIT` per address for respondent links), further attempts are
/// refused until the window has passed.
pub struct Throttle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

const LIMIT: u32 = 5;
const ADDRESS_LIMIT: u32 = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Unknown respondent links one address may try in a window. Tokens carry
/// 122+ random bits, so this is defence in depth against link guessing,
/// set high enough for an office of members behind one address.
const LINK_LIMIT: u32 = 30;
/// Addresses remembered at most; older entries are dropped first.
const MAX_ENTRIES: usize = 100_000;

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            failures: Mutex::new(HashMap::new()),
        }
    }
}

impl Throttle {
    fn keys(account: &str, address: &str) -> [(String, u32); 2] {
        [
            (format!("account:{}", account.trim().to_lowercase()), LIMIT),
            (format!("address:{address}"), ADDRESS_LIMIT),
        ]
    }

    /// Whether another attempt is allowed now.
    pub fn allows(&self, account: &str, address: &str) -> bool {
        let Ok(map) = self.failures.lock() else {
            return false;
        };
        Self::keys(account, address).iter().all(|(k, limit)| {
            map.get(k)
                .is_none_or(|(n, since)| *n < *limit || since.elapsed() > WINDOW)
        })
    }

    pub fn failed(&self, account: &str, address: &str) {
        for (k, _) in Self::keys(account, address) {
            self.count(k);
        }
    }

    fn count(&self, key: String) {
        if let Ok(mut map) = self.failures.lock() {
            if map.len() >= MAX_ENTRIES {
                map.retain(|_, (_, since)| since.elapsed() <= WINDOW);
            }
            let entry = map.entry(key).or_insert((0, Instant::now()));
            if entry.1.elapsed() > WINDOW {
                *entry = (0, Instant::now());
            }
            entry.0 += 1;
        }
    }

    /// Whether `address` may look up respondent links now: every lookup,
    /// good or bad, is refused once it has tried too many unknown ones, so
    /// that a refusal tells nothing about the token tried.
    pub fn link_allowed(&self, address: &str) -> bool {
        let Ok(map) = self.failures.lock() else {
            return false;
        };
        map.get(&format!("link:{address}"))
            .is_none_or(|(n, since)| *n < LINK_LIMIT || since.elapsed() > WINDOW)
    }

    pub fn link_failed(&self, address: &str) {
        self.count(format!("link:{address}"));
    }

    pub fn succeeded(&self, account: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&format!("account:{}", account.trim().to_lowercase()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttle_refuses_after_repeated_failures_and_forgets_on_success() {
        let t = Throttle::default();
        for _ in 0..LIMIT {
            assert!(t.allows("a@x.org", "1.2.3.4"));
            t.failed("a@x.org", "1.2.3.4");
        }
        assert!(!t.allows("A@x.org ", "5.6.7.8"));
        assert!(t.allows("b@x.org", "1.2.3.4"));
        t.succeeded("a@x.org");
        assert!(t.allows("a@x.org", "9.9.9.9"));
    }

    #[test]
    fn link_guessing_is_refused_per_address_after_the_limit() {
        let t = Throttle::default();
        for _ in 0..LINK_LIMIT {
            assert!(t.link_allowed("1.2.3.4"));
            t.link_failed("1.2.3.4");
        }
        assert!(!t.link_allowed("1.2.3.4"));
        assert!(t.link_allowed("5.6.7.8"));
    }
}
