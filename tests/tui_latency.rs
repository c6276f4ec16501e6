//! Key → screen latency of the interactive mode in a real pseudo-terminal: a documented measurement,
//! not a timed test (it asserts only that the flow ran). For each key of a flow through the projector
//! view (answering every question, the four panels, packs, details, the what-if, the help, then the
//! live weights — steps up and down, another pack, back to the data's — and a poll of the room), the time
//! from writing the key to the last byte of the frame it causes (the frame is over when the program
//! has been silent for 40 ms; the silence is not counted). Run it on a release build:
//!
//! ```sh
//! cargo test --release --test tui_latency -- --ignored --nocapture
//! ```
//!
//! It prints the median and the 90th percentile per size, with and without `--record`, for the whole
//! flow and for its weights and poll keys alone.

#![cfg(unix)]

mod common;

use std::time::{Duration, Instant};

use common::pty::{Pty, fresh_dir};

/// The keys of the flow, after the welcome screen: every question answered, then the results.
fn flow(n_questions: usize) -> Vec<&'static str> {
    let mut keys = vec!["\r"];
    let answers = ["2", "1", "2", "1", "1", "1", "1", "2", "1", "1", "1"];
    keys.extend(answers.iter().cycle().take(n_questions));
    keys.extend([
        "2", "3", "4", "1", "\t", "\t", "\x1b[B", "\x1b[B", "\x1b[A", "\r", "\x1b", "w", "\x1b[B",
        "\x1b[C", "\x1b", "?", "\x1b",
    ]);
    keys.extend(LIVE);
    keys
}

/// The live weights and the poll, from the results: the flow's last keys.
const LIVE: &[&str] = &[
    "W", "\x1b[C", "\x1b[C", "\x1b[C", "\x1b[B", "\x1b[D", "\x1b[D", "\t", "\x1b[C", "0", "\x1b",
    "H", "1", "2", "\r", "3", "0", "\x1b",
];

/// Milliseconds from sending `key` to the last byte of the frame it causes.
fn time_key(t: &mut Pty, key: &str) -> Option<f64> {
    let quiet = Duration::from_millis(40);
    let start = Instant::now();
    t.send(key);
    let mut last = None;
    while let Ok(bytes) = t.rx.recv_timeout(quiet) {
        last = Some(start.elapsed());
        t.feed(bytes);
    }
    last.map(|d| d.as_secs_f64() * 1000.0)
}

/// The median and the 90th percentile of `times`.
fn stats(mut times: Vec<f64>) -> (f64, f64, usize) {
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    (median, p90, times.len())
}

/// Per key of the flow, in order, over every round: whole flow, and the live keys alone.
fn measure(
    cols: u16,
    rows: u16,
    record: bool,
    rounds: usize,
) -> ((f64, f64, usize), (f64, f64, usize)) {
    let n = common::keys::asked_with_first_choices();
    let dir = fresh_dir("latency");
    let cast = dir.join("s.cast");
    let mut times = Vec::new();
    let mut live = Vec::new();
    for _ in 0..rounds {
        let mut args = vec!["--projector"];
        if record {
            args.extend(["--record", cast.to_str().unwrap()]);
        }
        let mut t = Pty::spawn(cols, rows, &args, &[]);
        t.wait_for("Welcome to tradeoff");
        t.settle();
        let keys = flow(n);
        let live_from = keys.len() - LIVE.len();
        for (i, key) in keys.into_iter().enumerate() {
            let ms = time_key(&mut t, key);
            if i >= live_from {
                live.extend(ms);
            }
            // LATENCY_KEYS=1 prints each key's time, to see which screens are slow.
            if std::env::var_os("LATENCY_KEYS").is_some() {
                println!("  {key:?}: {ms:?}");
            }
            times.extend(ms);
        }
        assert!(
            t.screen().contains("Overview"),
            "the flow ends on the results"
        );
        assert_eq!(t.quit(), 0);
    }
    let _ = std::fs::remove_dir_all(&dir);
    (stats(times), stats(live))
}

#[test]
#[ignore = "a measurement: run with --release --ignored --nocapture"]
fn key_to_screen_in_the_projector_view() {
    for (cols, rows) in [(80, 24), (240, 67)] {
        for record in [false, true] {
            let ((median, p90, n), (lm, lp, ln)) = measure(cols, rows, record, 5);
            println!(
                "projector {cols}×{rows}{}: key → screen median {median:.2} ms, p90 {p90:.2} ms ({n} keys); weights and poll keys alone: median {lm:.2} ms, p90 {lp:.2} ms ({ln} keys)",
                if record { " --record" } else { "" }
            );
        }
    }
}
