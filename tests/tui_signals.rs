//! Signals and sizes in a real pseudo-terminal: Ctrl-Z leaves the terminal as it was before the
//! process stops and `fg` (SIGCONT) brings the program back in raw mode with the screen redrawn;
//! every signal whose default ends the process (SIGUSR1, SIGALRM, …) restores the terminal first;
//! and a terminal that claims an absurd size is laid out at the bound instead of aborting.

#![cfg(unix)]

mod common;

use std::time::{Duration, Instant};

use common::pty::*;

/// The process state letter from `/proc/PID/stat` (`T`: stopped).
fn state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(") ")?.1.chars().next()
}

fn wait_state(pid: u32, want: char) {
    let deadline = Instant::now() + TIMEOUT;
    while state(pid) != Some(want) {
        assert!(
            Instant::now() < deadline,
            "process {pid} never reached state {want} (it is {:?})",
            state(pid)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_restores_the_terminal_and_fg_takes_it_back() {
    if !std::path::Path::new("/proc/self/stat").exists() {
        eprintln!("skipped: no /proc");
        return;
    }
    let mut t = Pty::spawn(80, 24, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, "1/");
    let pid = t.pid();
    // Ctrl-Z arrives as a key in raw mode: the program stops itself, as the shell would have.
    t.send("\x1a");
    wait_state(pid, 'T');
    t.settle();
    t.assert_restored();
    let before = t.raw.len();
    signal(pid, "CONT");
    // Back on the alternate screen, everything drawn again.
    t.wait_until("the question again", |s| s.contains("1/"));
    assert!(
        t.parser.screen().alternate_screen(),
        "on the alternate screen again"
    );
    let after = String::from_utf8_lossy(&t.raw[before..]).into_owned();
    assert!(
        after.contains("\x1b[?1049h"),
        "re-entered the alternate screen"
    );
    // Raw mode: a single key acts without Enter (cooked mode would hold it back).
    t.send("?");
    t.wait_for("Keys");
    // And SIGTSTP from outside (`kill -TSTP`) does the same.
    signal(pid, "TSTP");
    wait_state(pid, 'T');
    signal(pid, "CONT");
    t.wait_until("drawn again", |s| s.contains("Keys"));
    t.send("\x1b");
    t.settle();
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}

#[test]
fn signals_that_end_the_process_restore_the_terminal() {
    for (sig, number) in [("USR1", 10), ("USR2", 12), ("ALRM", 14), ("VTALRM", 26)] {
        let mut t = Pty::spawn(80, 24, &[], &[]);
        t.wait_for("Welcome to tradeoff");
        signal(t.pid(), sig);
        assert_eq!(t.wait_exit(), 128 + number, "SIG{sig}");
        t.assert_restored();
    }
}

/// 30000×30000 used to allocate two 900-million-cell buffers and abort without restoring.
#[test]
fn an_absurd_size_is_laid_out_at_the_bound() {
    let mut t = Pty::spawn(80, 24, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.master
        .resize(portable_pty::PtySize {
            rows: 30000,
            cols: 30000,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    t.resize(80, 24);
    t.wait_for("Welcome to tradeoff");
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}
