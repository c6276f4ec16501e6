//! `tradeoff demo` and `--projector` on the real binary: in a pseudo-terminal (start, step, quit
//! with the terminal restored), and the exits before any screen (a bad script, no terminal).

#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(15);

fn nz(x: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(x.max(1)).unwrap()
}

struct Pty {
    _master: Box<dyn portable_pty::MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    rx: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    raw: Vec<u8>,
}

impl Pty {
    fn spawn(cols: u16, rows: u16, args: &[&str]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tradeoff"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COLORFGBG");
        cmd.env_remove("ACCESSIBLE");
        // Never the real state directory.
        cmd.env(
            "TRADEOFF_STATE_DIR",
            std::env::temp_dir().join(format!("tradeoff-demo-pty-{}", std::process::id())),
        );
        let child = pair.slave.spawn_command(cmd).expect("the binary starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Pty {
            _master: pair.master,
            writer,
            child,
            rx,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn wait_for(&mut self, text: &str) {
        self.wait_until(text, |s| s.contains(text));
    }

    fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} gone"), |s| !s.contains(text));
    }

    fn wait_until(&mut self, text: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        while !done(&self.screen()) {
            match self
                .rx
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend(bytes);
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.child.kill();
                    panic!(
                        "timed out waiting for {text:?}; the screen:\n{}",
                        self.screen()
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("ended before {text:?}; the screen:\n{}", self.screen())
                }
            }
        }
    }

    fn key(&mut self, keys: &str, then: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        self.wait_for(then);
    }

    fn quit(&mut self) -> u32 {
        self.writer.write_all(b"q").unwrap();
        self.writer.flush().unwrap();
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(
                Instant::now() < deadline,
                "did not exit:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(20)) {
                self.parser.process(&bytes);
                self.raw.extend(bytes);
            }
        };
        while let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(300)) {
            self.parser.process(&bytes);
            self.raw.extend(bytes);
        }
        status.exit_code()
    }

    /// The alternate screen was left and the cursor shown, after the last frame.
    fn assert_restored(&self) {
        let out = String::from_utf8_lossy(&self.raw);
        let enter = out
            .rfind("\x1b[?1049h")
            .expect("entered the alternate screen");
        let leave = out.rfind("\x1b[?1049l").expect("left the alternate screen");
        let show = out.rfind("\x1b[?25h").expect("showed the cursor");
        assert!(leave > enter && show > enter);
        assert!(!self.parser.screen().alternate_screen());
        assert!(!self.parser.screen().hide_cursor());
    }
}

#[test]
fn demo_starts_steps_with_space_and_quits_restoring_the_terminal() {
    let mut t = Pty::spawn(80, 24, &["demo"]);
    t.wait_for("Step 1 of");
    t.wait_for("Let's see whether they still hold.");
    t.key(" ", "Step 2 of");
    t.wait_for("Glossary · T-shaped skills");
    t.key(" ", "Step 3 of");
    t.wait_for("Team one");
    // Back shows step 2 again, popup included.
    t.key("\x1b[D", "Step 2 of");
    t.wait_for("Glossary · T-shaped skills");
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}

#[test]
fn demo_esc_hands_over_and_projector_toggles() {
    let mut t = Pty::spawn(100, 30, &["demo", "--projector"]);
    t.wait_for("Step 1 of");
    for n in 2..=4 {
        t.key(" ", &format!("Step {n} of"));
    }
    t.wait_for("✓ Team size = Small (2–5)");
    // Esc: the caption bar goes, the usual keys come back with the answers.
    t.writer.write_all(b"\x1b").unwrap();
    t.wait_gone("Step 4 of");
    t.wait_for("2 answered");
    t.key("p", "↑↓ highlight");
    t.key("/", "Search: commands");
    // In the search `q` is a letter; Esc closes it, then `q` quits.
    t.key("q", "/ q");
    t.writer.write_all(b"\x1b").unwrap();
    t.wait_gone("Search: commands");
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}

#[test]
fn projector_flag_at_80x24_and_200x50() {
    for (cols, rows) in [(80, 24), (200, 50)] {
        let mut t = Pty::spawn(cols, rows, &["--projector"]);
        t.wait_for("Welcome to tradeoff");
        t.key("\r", "1/8");
        // The projector theme paints its page: 256-colour white background.
        assert!(String::from_utf8_lossy(&t.raw).contains("48;5;231"));
        for n in 2..=8 {
            t.key("1", &format!("{n}/8"));
        }
        t.key("1", "Why it wins against");
        assert!(t.screen().contains('▀'), "big text:\n{}", t.screen());
        assert_eq!(t.quit(), 0);
        t.assert_restored();
    }
}

#[test]
fn a_bad_demo_script_is_rejected_with_its_place() {
    let dir = std::env::temp_dir().join(format!("tradeoff-demo-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bad.toml"),
        "title = \"t\"\n\n[[step]]\ncaption = \"x\"\nanswer = { team_size = \"huge\" }\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .current_dir(&dir)
        .args(["demo", "bad.toml"])
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("bad.toml:5:24: "), "{err}");
    assert!(err.contains("huge"), "{err}");
    assert!(out.stdout.is_empty());
    // A missing file, too, is bad input.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .current_dir(&dir)
        .args(["demo", "missing.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("missing.toml: cannot read"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn demo_without_a_terminal_exits_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .arg("demo")
        .env("TERM", "xterm-256color")
        .env_remove("ACCESSIBLE")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
}
