//! The presenter's notes window (`tradeoff demo --notes`) in a second pseudo-terminal, following a
//! demo in the first through the runtime folder: the notes, the next step and the clock follow the
//! presenter's keys; the cue file is private; the window says when the demo ends.

#![cfg(unix)]

mod common;

use std::io::Write;

use common::pty::{Pty, fresh_dir};

#[test]
fn the_notes_window_follows_the_presenter_in_a_second_terminal() {
    let run = fresh_dir("runtime");
    let run_s = run.to_str().unwrap();
    let env = [("XDG_RUNTIME_DIR", run_s)];
    // Started first, it waits for a demo.
    let mut notes = Pty::spawn(80, 24, &["demo", "--notes"], &env);
    notes.wait_for("Waiting for a demo");

    let mut demo = Pty::spawn(100, 30, &["demo"], &env);
    demo.wait_for("▶ Step 1 of 45");
    // The title card's notes, and the next step.
    notes.wait_for("Step 1 of 45");
    notes.wait_for("Welcome the room.");
    notes.wait_for("Next: step 2");
    notes.wait_for("The event report's trade-offs");
    assert!(notes.screen().contains("demo 0:0"), "{}", notes.screen());

    // The presenter steps; the notes window follows without a key of its own.
    demo.key(" ", "▶ Step 2 of");
    notes.wait_for("Step 2 of 45");
    notes.wait_for("Ask for a show of hands");
    demo.key(" ", "▶ Step 3 of");
    notes.wait_for("Step 3 of 45");
    notes.wait_for("tutorial hell");
    demo.key("\x1b[D", "▶ Step 2 of");
    notes.wait_for("Step 2 of 45");

    // The cue is the user's alone.
    use std::os::unix::fs::PermissionsExt;
    let cue = run.join("tradeoff/demo-cue.toml");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&cue), 0o600);
    assert_eq!(mode(&run.join("tradeoff")), 0o700);

    // Esc hands the session over: the notes say the presenter left the script.
    demo.writer.write_all(b"\x1b").unwrap();
    notes.wait_for("the presenter left the script");
    assert_eq!(demo.quit(), 0);
    demo.assert_restored();

    // Read-only: q quits the notes window and restores its terminal.
    assert_eq!(notes.quit(), 0);
    notes.assert_restored();
}

#[test]
fn notes_take_no_script_and_need_a_terminal() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["demo", "--notes", "my.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["demo", "--notes"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
}
