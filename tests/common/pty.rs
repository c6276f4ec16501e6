//! The real binary in a pseudo-terminal, for the PTY tests: spawn it, type, wait for text on the
//! parsed screen (always with a timeout, so a hung TUI fails instead of hanging), resize, signal,
//! and check that the terminal was restored.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(15);
pub const LEAVE_ALT_SCREEN: &str = "\x1b[?1049l";
pub const SHOW_CURSOR: &str = "\x1b[?25h";
pub const ENTER: &str = "\r";
pub const DOWN: &str = "\x1b[B";
pub const LEFT: &str = "\x1b[D";

pub struct Pty {
    pub master: Box<dyn MasterPty + Send>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub rx: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
}

fn nz(x: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(x.max(1)).unwrap()
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    pub fn spawn(cols: u16, rows: u16, args: &[&str], env: &[(&str, &str)]) -> Pty {
        Pty::spawn_program(env!("CARGO_BIN_EXE_tradeoff"), cols, rows, args, env)
    }

    /// Another program (a shell, for the completion tests), in the same clean environment.
    pub fn spawn_program(
        program: &str,
        cols: u16,
        rows: u16,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // Nothing from the developer's shell, config file or own packs may change what a test
        // sees: the variables the binary reads are removed and the XDG folders are fresh.
        for var in [
            "NO_COLOR",
            "COLORFGBG",
            "ACCESSIBLE",
            "TRADEOFF_CONFIG",
            "TRADEOFF_THEME",
            "TRADEOFF_PROJECTOR",
            "TRADEOFF_MOUSE",
            "TRADEOFF_DATA_DIRS",
            "TRADEOFF_PACKS",
            "TMUX",
            "STY",
            "COMPLETE",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("XDG_CONFIG_HOME", fresh_dir("config"));
        cmd.env("XDG_DATA_HOME", fresh_dir("data"));
        // Sessions are saved after every change: never into the real state directory, and never
        // shared between tests running at the same time (a test may pass its own).
        cmd.env("TRADEOFF_STATE_DIR", fresh_dir("state"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Pty {
            master: pair.master,
            writer,
            child,
            rx,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
        }
    }

    pub fn feed(&mut self, bytes: Vec<u8>) {
        self.parser.process(&bytes);
        self.raw.extend(bytes);
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until `text` is on screen.
    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(text, |screen| screen.contains(text));
    }

    /// Waits until `text` starts at column `col` (0-based) of some row: proof that a frame for the
    /// new size was drawn, not a leftover of the old one.
    pub fn wait_at(&mut self, text: &str, col: usize) {
        self.wait_until(&format!("{text:?} at column {col}"), |screen| {
            screen
                .lines()
                .any(|l| l.chars().skip(col).collect::<String>().starts_with(text))
        });
    }

    pub fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let text = what;
        let deadline = Instant::now() + TIMEOUT;
        while !done(&self.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(bytes) => self.feed(bytes),
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!(
                        "timed out waiting for {text:?}; the screen shows:\n{}",
                        self.screen()
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "the program ended before showing {text:?}; the screen shows:\n{}",
                        self.screen()
                    )
                }
            }
        }
    }

    /// Reads what the program writes until it has been quiet for a moment: the frame on screen is
    /// whole (`wait_for` returns as soon as its text shows, maybe mid-frame).
    pub fn settle(&mut self) {
        let quiet = Duration::from_millis(250);
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            match self.rx.recv_timeout(quiet) {
                Ok(bytes) => self.feed(bytes),
                Err(_) => return,
            }
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends a key and waits for `text` to appear.
    pub fn key(&mut self, keys: &str, then: &str) {
        self.send(keys);
        self.wait_for(then);
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).unwrap();
        self.parser.screen_mut().set_size(nz(rows), nz(cols));
    }

    /// Waits for the program to exit and collects the rest of its output; returns the exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "the program did not exit; the screen shows:\n{}",
                    self.screen()
                );
            }
            if let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(20)) {
                self.feed(bytes);
            }
        };
        // The reader ends when the pty closes; bound the wait anyway.
        let drain_until = Instant::now() + Duration::from_secs(2);
        while let Ok(bytes) = self
            .rx
            .recv_timeout(drain_until.saturating_duration_since(Instant::now()))
        {
            self.feed(bytes);
        }
        status.exit_code()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// Waits until `text` is no longer on screen.
    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} gone"), |s| !s.contains(text));
    }

    /// Presses `q` and returns the exit code.
    pub fn quit(&mut self) -> u32 {
        self.send("q");
        self.wait_exit()
    }

    /// The terminal was left as found: the alternate screen left and the cursor shown, after the
    /// last frame (nothing is drawn after them).
    pub fn assert_restored(&self) {
        let out = String::from_utf8_lossy(&self.raw);
        let leave = out
            .rfind(LEAVE_ALT_SCREEN)
            .expect("left the alternate screen");
        let show = out.rfind(SHOW_CURSOR).expect("showed the cursor");
        let enter = out
            .rfind("\x1b[?1049h")
            .expect("entered the alternate screen");
        assert!(leave > enter && show > enter);
        // Whatever follows the restore is plain text (a message), never drawing.
        let after = &out[leave.max(show)..];
        assert!(
            !after.contains("\x1b[?25l"),
            "the cursor was hidden again: {after:?}"
        );
        assert!(
            !after.contains("\x1b[?1049h"),
            "the alternate screen was entered again"
        );
        assert!(
            !self.parser.screen().alternate_screen(),
            "still on the alternate screen"
        );
        assert!(
            !self.parser.screen().hide_cursor(),
            "the cursor is still hidden"
        );
    }
}

/// A new, empty folder for one test.
pub fn fresh_dir(what: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = super::scratch::root().join(format!(
        "tradeoff-pty-{what}-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The row of the screen that holds `text`.
pub fn row_with(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no row with {text:?} in:\n{screen}"))
        .to_string()
}

pub fn signal(pid: u32, sig: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .status()
        .expect("kill runs")
        .success();
    assert!(ok, "kill -{sig} {pid}");
}
