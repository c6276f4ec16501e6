//! `--record FILE.cast`: the interactive mode, `demo` and `compare --tui` write an asciicast v2 file
//! (a header with width, height, timestamp and title; output events with their times; a resize
//! event when the terminal changes size). Replayed into a terminal emulator (vt100), the file ends
//! on the app's last screen.

#![cfg(unix)]

mod common;

use common::pty::{ENTER, Pty, fresh_dir};

/// The recording's header and events.
struct Cast {
    header: serde_json::Value,
    events: Vec<(f64, String, String)>,
}

fn read_cast(path: &std::path::Path) -> Cast {
    let text = std::fs::read_to_string(path).expect("the recording was written");
    let mut lines = text.lines();
    let header: serde_json::Value =
        serde_json::from_str(lines.next().expect("a header line")).unwrap();
    let events = lines
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            (
                v[0].as_f64().expect("a time in seconds"),
                v[1].as_str().unwrap().to_string(),
                v[2].as_str().unwrap().to_string(),
            )
        })
        .collect();
    Cast { header, events }
}

/// Plays the recording into a terminal emulator of its size; returns the last screen.
fn replay(cast: &Cast) -> String {
    let w = cast.header["width"].as_u64().unwrap() as u16;
    let h = cast.header["height"].as_u64().unwrap() as u16;
    let nz = |x: u16| std::num::NonZeroU16::new(x.max(1)).unwrap();
    let mut vt = vt100::Parser::new(nz(h), nz(w), 0);
    for (_, code, data) in &cast.events {
        match code.as_str() {
            "o" => vt.process(data.as_bytes()),
            "r" => {
                let (c, r) = data.split_once('x').unwrap();
                vt.screen_mut()
                    .set_size(nz(r.parse().unwrap()), nz(c.parse().unwrap()));
            }
            other => panic!("unknown event {other}"),
        }
    }
    vt.screen().contents()
}

/// The header and the events follow asciicast v2: version 2, the size, a timestamp, a title, times
/// that never go back.
fn check_format(cast: &Cast, size: (u16, u16), title: &str) {
    let h = &cast.header;
    assert_eq!(h["version"], 2);
    assert_eq!(h["width"], size.0);
    assert_eq!(h["height"], size.1);
    assert!(h["timestamp"].as_u64().unwrap() > 1_600_000_000, "{h}");
    assert!(h["title"].as_str().unwrap().contains(title), "{h}");
    assert!(!cast.events.is_empty());
    assert!(
        cast.events.windows(2).all(|w| w[0].0 <= w[1].0),
        "times go forward"
    );
    // Only frames: never the alternate screen, never a clipboard write.
    for (_, _, data) in &cast.events {
        assert!(
            !data.contains("\u{1b}[?1049"),
            "the alternate screen is not recorded"
        );
        assert!(
            !data.contains("\u{1b}]52;"),
            "a clipboard copy is not recorded"
        );
    }
}

#[test]
fn the_interactive_mode_records_a_replayable_session() {
    let dir = fresh_dir("record");
    let cast = dir.join("session.cast");
    let mut t = Pty::spawn(80, 24, &["--record", cast.to_str().unwrap()], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, "Team size");
    t.key("2", "Kubernetes experience");
    t.resize(100, 30);
    t.wait_at("2/", 1);
    t.key("r", "1 Overview");
    t.key("y", "Copied");
    t.key("2", "Because you answered");
    t.settle();
    let last = t.screen();
    assert_eq!(t.quit(), 0);
    t.assert_restored();
    let cast = read_cast(&cast);
    check_format(&cast, (80, 24), "tradeoff");
    assert!(
        cast.events
            .iter()
            .any(|(_, c, d)| c == "r" && d == "100x30"),
        "the resize is recorded"
    );
    assert_eq!(
        replay(&cast),
        last,
        "the replay ends on the app's last screen"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_demo_and_the_team_comparison_record_too() {
    let dir = fresh_dir("record-demo");
    let cast = dir.join("demo.cast");
    let mut t = Pty::spawn(
        80,
        24,
        &["demo", "--projector", "--record", cast.to_str().unwrap()],
        &[],
    );
    t.wait_for("▶ 1/");
    t.key(" ", "▶ 2/");
    t.key(" ", "▶ 3/");
    t.settle();
    let last = t.screen();
    assert_eq!(t.quit(), 0);
    let cast_read = read_cast(&cast);
    check_format(
        &cast_read,
        (80, 24),
        "tradeoff demo: The DevOps stack on AWS",
    );
    assert_eq!(replay(&cast_read), last);

    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teams");
    let files: Vec<String> = ["startup", "platform"]
        .iter()
        .map(|f| fixtures.join(format!("{f}.toml")).display().to_string())
        .collect();
    let cast = dir.join("teams.cast");
    let mut args = vec!["compare", "--tui", "--record", cast.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    let mut t = Pty::spawn(80, 24, &args, &[]);
    t.wait_for("Comparing 2 teams");
    t.key("\t", "Why the outcomes differ");
    t.settle();
    let last = t.screen();
    assert_eq!(t.quit(), 0);
    let cast_read = read_cast(&cast);
    check_format(&cast_read, (80, 24), "comparing Startup, Platform");
    assert_eq!(replay(&cast_read), last);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A recording that cannot be written is an error before the screen opens, naming the file; the
/// flag is refused where there is nothing to record.
#[test]
fn a_bad_recording_path_and_a_misplaced_flag() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["--record", "/nonexistent/dir/x.cast", "demo"])
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/dir/x.cast") || err.contains("needs a terminal"),
        "{err}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["--record", "x.cast", "recommend"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--record has no effect on `tradeoff recommend`"),
        "{err}"
    );
}
