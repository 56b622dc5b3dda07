//! A minimal SMTP sink for load tests (issue 5): accepts every message on
//! any number of connections (one thread each, many messages per
//! connection as lettre's pool sends them), counts them, and stops after
//! `--count N` messages or `--seconds S` without a message (the idle wait
//! starts at once, so a sink nobody talks to also ends).
//!
//! `--quickack` (Linux) acknowledges every segment at once. lettre writes a
//! message and its final `\r\n.\r\n` in two writes without TCP_NODELAY,
//! so Nagle holds the small second one until the first is acknowledged,
//! and a receiver that delays its ACKs (Linux: about 40 ms) caps a sender
//! at about 23 mails per connection and second. Without the flag the sink
//! behaves like a typical MTA and shows that cap; with it, the figure is
//! the sender's own cost.
//!
//! ```sh
//! cargo run --release --example smtp_sink -- --port 0 --count 100000 --seconds 30 [--quickack]
//! ```
//!
//! Prints `listening 127.0.0.1:PORT` first, and at the end
//! `messages N first T last T rate R/s` (times in seconds since the sink
//! started; the rate is messages per second between the first and the last).

use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Tally {
    count: u64,
    first: Option<Instant>,
    last: Option<Instant>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let (mut port, mut count, mut seconds, mut quickack) = (0u16, u64::MAX, 30u64, false);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--quickack" {
            quickack = true;
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--port" => port = value.parse()?,
            "--count" => count = value.parse()?,
            "--seconds" => seconds = value.parse()?,
            _ => {
                return Err(format!(
                    "unknown flag {flag}; use --port, --count, --seconds, --quickack"
                )
                .into())
            }
        }
    }
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    println!("listening {}", listener.local_addr()?);
    std::io::stdout().flush()?;
    let start = Instant::now();
    let tally = Arc::new(Mutex::new(Tally::default()));
    let t = tally.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let t = t.clone();
            std::thread::spawn(move || session(stream, &t, quickack));
        }
    });
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let t = tally.lock().map_err(|_| "a session thread panicked")?;
        let idle = t.last.unwrap_or(start).elapsed();
        if t.count >= count || idle >= Duration::from_secs(seconds) {
            let at = |i: Option<Instant>| i.map_or(0.0, |i| (i - start).as_secs_f64());
            let span = at(t.last) - at(t.first);
            #[allow(clippy::cast_precision_loss)] // counts stay far below 2^52
            let rate = if span > 0.0 {
                t.count as f64 / span
            } else {
                0.0
            };
            println!(
                "messages {} first {:.3} last {:.3} rate {rate:.1}/s",
                t.count,
                at(t.first),
                at(t.last)
            );
            return Ok(());
        }
    }
}

/// One SMTP conversation; errors just end it (the client went away).
fn session(stream: TcpStream, tally: &Mutex<Tally>, quickack: bool) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let fd = std::os::fd::AsRawFd::as_raw_fd(&stream);
    let mut lines = BufReader::new(stream);
    out.write_all(b"220 sink ESMTP\r\n")?;
    // Bytes, not strings: a message body need not be UTF-8.
    let mut line = Vec::new();
    // One line into `line`; false when the client has gone.
    let mut next = |line: &mut Vec<u8>| -> std::io::Result<bool> {
        line.clear();
        if quickack {
            quick_ack(fd);
        }
        Ok(lines.read_until(b'\n', line)? > 0)
    };
    loop {
        if !next(&mut line)? {
            return Ok(());
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match &verb[..] {
            b"EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
            b"HELO" | b"MAIL" | b"RCPT" | b"RSET" | b"NOOP" => b"250 OK\r\n",
            b"QUIT" => {
                out.write_all(b"221 bye\r\n")?;
                return Ok(());
            }
            b"DATA" => {
                out.write_all(b"354 go ahead\r\n")?;
                loop {
                    if !next(&mut line)? {
                        return Ok(());
                    }
                    if line == b".\r\n" || line == b".\n" {
                        break;
                    }
                }
                if let Ok(mut t) = tally.lock() {
                    let now = Instant::now();
                    t.count += 1;
                    t.first.get_or_insert(now);
                    t.last = Some(now);
                }
                b"250 queued\r\n"
            }
            _ => b"502 not implemented\r\n",
        };
        out.write_all(reply)?;
    }
}

/// Linux's TCP_QUICKACK: acknowledge without delay. The kernel clears it
/// again after a while, hence a call before every read. std has no wrapper,
/// and libc is not a dependency, so the C function is declared here.
fn quick_ack(fd: std::os::fd::RawFd) {
    extern "C" {
        fn setsockopt(fd: i32, level: i32, name: i32, value: *const i32, len: u32) -> i32;
    }
    const IPPROTO_TCP: i32 = 6;
    const TCP_QUICKACK: i32 = 12;
    let on: i32 = 1;
    // SAFETY: `fd` is an open socket owned by this thread's stream, and
    // `on` outlives the call; a failure only means delayed ACKs.
    unsafe {
        setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &on, 4);
    }
}
