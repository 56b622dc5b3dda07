//! A TCP proxy on loopback for the outage tests: it stands between canvass
//! and PostgreSQL, so that a test can do to canvass what a PostgreSQL
//! restart does without restarting the server other tests share.

use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A running proxy; it stops when dropped. `cut` ends every open
/// connection and closes new ones as soon as they arrive (the server is
/// not up yet); `restore` forwards again.
pub struct Proxy {
    port: u16,
    relay: Arc<Relay>,
}

struct Relay {
    target: SocketAddr,
    stop: AtomicBool,
    /// Whether the server is up, with both ends of every open connection.
    up: Mutex<(bool, Vec<TcpStream>)>,
}

impl Proxy {
    /// A proxy in front of the server of the PostgreSQL URL `url`, and
    /// `url` leading through it.
    pub fn before(url: &str) -> (Proxy, String) {
        let (scheme, rest) = url.split_once("://").unwrap();
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (user, host) = authority
            .rsplit_once('@')
            .map_or((String::new(), authority), |(u, h)| (format!("{u}@"), h));
        let host = if host.contains(':') {
            host.to_string()
        } else {
            format!("{host}:5432")
        };
        let proxy = Proxy::start(host.to_socket_addrs().unwrap().next().unwrap());
        let url = format!("{scheme}://{user}127.0.0.1:{}/{path}", proxy.port);
        (proxy, url)
    }

    fn start(target: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let relay = Arc::new(Relay {
            target,
            stop: AtomicBool::new(false),
            up: Mutex::new((true, Vec::new())),
        });
        let accepting = relay.clone();
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if accepting.stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                // Decided under the lock, so that `cut` misses no connection.
                let mut up = accepting.up.lock().unwrap();
                if !up.0 {
                    continue; // dropped: closed at once
                }
                let Ok(server) = TcpStream::connect(accepting.target) else {
                    continue;
                };
                up.1.push(client.try_clone().unwrap());
                up.1.push(server.try_clone().unwrap());
                pump(client.try_clone().unwrap(), server.try_clone().unwrap());
                pump(server, client);
            }
        });
        Proxy { port, relay }
    }

    pub fn cut(&self) {
        let mut up = self.relay.up.lock().unwrap();
        up.0 = false;
        for stream in up.1.drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    pub fn restore(&self) {
        self.relay.up.lock().unwrap().0 = true;
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.relay.stop.store(true, Ordering::SeqCst);
        self.cut();
        // Wake the accepting thread so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Copies bytes one way until either end closes, then closes both.
fn pump(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = from.shutdown(Shutdown::Both);
        let _ = to.shutdown(Shutdown::Both);
    });
}
