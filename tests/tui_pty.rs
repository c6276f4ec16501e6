//! The real binary in a pseudo-terminal: the whole flow, a too-small terminal, resizes mid-flow,
//! and the terminal restored after quitting, a signal and a panic. Every wait has a timeout, so a
//! hung TUI fails the test instead of hanging it.

#![cfg(unix)]

mod common;

use std::time::Duration;

use common::pty::*;

/// How many questions the built-in data asks a team that takes the first choices: the progress
/// reads "k/N".
fn n() -> usize {
    common::keys::asked_with_first_choices()
}

/// The progress label of the k-th question (1-based): "k/N".
fn at(k: usize) -> String {
    format!("{k}/{}", n())
}

/// The 1-based position of a built-in question.
fn pos(id: &str) -> usize {
    tradeoff::pack::load_builtin()
        .unwrap()
        .question_index(id)
        .unwrap()
        + 1
}

#[test]
fn answer_every_question_reach_results_and_quit() {
    let mut t = Pty::spawn(80, 24, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    for k in 2..=n() {
        t.key(ENTER, &at(k));
    }
    t.key(ENTER, "1 Overview");
    t.wait_for("▶ ");
    t.key("2", "Because you answered");
    t.key("\t", "Infrastructure as Code tool");
    t.key("4", "criteria 1–");
    t.key(ENTER, "Next steps");
    t.key("\x1b", "4 Compare");
    t.key("w", "Your answers");
    t.key(DOWN, "◂");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn a_too_small_terminal_gets_a_clear_message() {
    let mut t = Pty::spawn(60, 20, &[], &[]);
    t.wait_for("terminal too small: need 80×24, have 60×20");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn resizes_in_the_middle_of_the_flow() {
    let mut t = Pty::spawn(100, 30, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    t.key(ENTER, &at(2));
    t.key(ENTER, &at(3));
    t.resize(50, 12);
    t.wait_for("have 50×12");
    // Keys are ignored while nothing can be seen. (The pause keeps the key and the next resize
    // apart: see `keys_and_resizes_at_the_same_moment` for why they must not collide yet.)
    t.send(ENTER);
    std::thread::sleep(Duration::from_millis(200));
    t.resize(200, 50);
    // Centred: the 140-column content starts at column 30.
    t.wait_at(&at(3), 31);
    t.resize(80, 24);
    t.wait_at(&at(3), 1);
    for k in 4..=n() {
        t.key(ENTER, &at(k));
    }
    t.key(ENTER, "1 Overview");
    t.resize(1, 1);
    t.wait_until("the 1×1 frame", |s| s.trim() == "t");
    t.resize(130, 45);
    t.wait_for("Ranking");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut t = Pty::spawn(80, 24, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    signal(t.pid(), "TERM");
    assert_eq!(t.wait_exit(), 128 + 15);
    t.assert_restored();
}

#[test]
fn sighup_restores_the_terminal() {
    let mut t = Pty::spawn(80, 24, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    signal(t.pid(), "HUP");
    assert_eq!(t.wait_exit(), 128 + 1);
    t.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut t = Pty::spawn(80, 24, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    t.send("\x03");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut t = Pty::spawn(80, 24, &[], &[("TRADEOFF_TEST_PANIC_ON_HELP", "1")]);
    t.wait_for("Welcome to tradeoff");
    t.send("?");
    assert_eq!(t.wait_exit(), 101);
    t.assert_restored();
    let out = String::from_utf8_lossy(&t.raw);
    let leave = out.rfind(LEAVE_ALT_SCREEN).unwrap();
    let msg = out
        .find("panic requested")
        .expect("the panic message is shown");
    assert!(msg > leave, "the message is printed on the normal screen");
}

#[test]
fn no_color_keeps_the_selection_visible() {
    let mut t = Pty::spawn(80, 24, &[], &[("NO_COLOR", "1")]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    t.key(DOWN, "› 2");
    let screen = t.parser.screen().clone();
    let (row, col) = (0..24)
        .flat_map(|r| (0..80).map(move |c| (r, c)))
        .find(|&(r, c)| screen.cell(r, c).is_some_and(|cell| cell.contents() == "›"))
        .expect("the highlight marker");
    let cell = screen.cell(row, col).unwrap();
    assert!(cell.inverse(), "the highlighted row is reversed");
    let label = screen.cell(row, col + 6).unwrap();
    assert!(
        label.inverse() && label.bold(),
        "reverse and bold survive NO_COLOR"
    );
    let out = String::from_utf8_lossy(&t.raw);
    assert!(
        !out.contains("\x1b[38;") && !out.contains("\x1b[48;"),
        "no colour is sent"
    );
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn the_light_theme_from_a_flag() {
    let mut t = Pty::spawn(80, 24, &["--theme", "light"], &[]);
    t.wait_for("Welcome to tradeoff");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

#[test]
fn mouse_clicks_choose_with_the_flag() {
    let mut t = Pty::spawn(80, 24, &["--mouse"], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    t.wait_for("Small (2–5)");
    t.wait_for("q quit");
    let screen = t.parser.screen().contents();
    let row = screen
        .lines()
        .position(|l| l.contains("Small (2–5)"))
        .unwrap() as u16;
    // SGR mouse report: press and release of the left button at (column 10, row), 1-based.
    let click = format!("\x1b[<0;10;{}M\x1b[<0;10;{}m", row + 1, row + 1);
    t.key(&click, "› 2");
    t.key(&click, &at(2));
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    assert!(
        String::from_utf8_lossy(&t.raw).contains("\x1b[?1000l"),
        "mouse capture released"
    );
}

#[test]
fn without_a_terminal_it_points_to_recommend() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .env("TERM", "xterm-256color")
        .env_remove("ACCESSIBLE")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs a terminal") && err.contains("tradeoff recommend"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_theme_file_is_reported_with_its_place() {
    let dir = common::scratch::root().join(format!("tradeoff-tui-theme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    std::fs::write(
        &path,
        "extends = \"dark\"\n[styles]\nselection = { bg = \"purplish\" }\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["--theme", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "error: {}:3:20: unknown colour `purplish`",
            path.display()
        )),
        "{err}"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["--theme", "/nonexistent/theme.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("dark, light, mono"));
    let _ = std::fs::remove_dir_all(dir);
}

/// Keys and resizes arriving together, again and again: neither may be lost.
///
/// This is why crossterm is built with its `use-dev-tty` feature: its default (mio, edge-triggered)
/// event source returns the first ready event and drops the readiness of the other, so a key pressed
/// as the window is resized would wait for the next key, or the resize would never be reported.
#[test]
fn keys_and_resizes_at_the_same_moment() {
    let mut t = Pty::spawn(100, 30, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    for round in 0..30 {
        let (cols, rows): (u16, u16) = if round % 2 == 0 { (200, 50) } else { (100, 30) };
        let choice = if round % 2 == 0 { "› 2" } else { "› 1" };
        let col = (cols.saturating_sub(140) / 2) as usize + 1;
        // The resize first, the key right behind it.
        t.resize(cols, rows);
        t.send(if round % 2 == 0 { DOWN } else { "\x1b[A" });
        t.wait_until(&format!("round {round}: {choice} at {cols}×{rows}"), |s| {
            s.contains(choice)
                && s.lines()
                    .any(|l| l.chars().skip(col).collect::<String>().starts_with(&at(1)))
        });
    }
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

/// Answers part of the questions, is killed with SIGKILL, and comes back with every answer.
#[test]
fn a_session_killed_with_sigkill_resumes_with_every_answer() {
    let state = fresh_dir("resume");
    let dir = state.to_str().unwrap();
    let env = [("TRADEOFF_STATE_DIR", dir)];
    let mut t = Pty::spawn(80, 24, &[], &env);
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    t.key("2", &at(2)); // team_size = small
    t.key("3", &at(3)); // k8s_experience = production
    t.key("1", &at(4)); // kubernetes_wanted = yes
    t.key("2", &at(5)); // cloud_strategy = multi_cloud
    assert_eq!(pos("workload"), 5, "the questions above come first");
    t.key(DOWN, "Preview: Background jobs"); // a highlight is not an answer
    signal(t.pid(), "KILL");
    t.wait_exit();

    // Started again, the unfinished session is offered; `c` continues it.
    let mut t = Pty::spawn(80, 24, &[], &env);
    t.wait_for(&format!(
        "An unfinished session is saved: 4 of {0} answered, at question 5 of {0}.",
        n()
    ));
    t.key("c", &at(5));
    t.wait_for("4 answered");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);

    // `--resume` goes straight back; every earlier answer is selected on its screen.
    let mut t = Pty::spawn(80, 24, &["--resume"], &env);
    t.wait_for(&at(5));
    t.key(LEFT, &at(4));
    assert!(
        row_with(&t.screen(), "Multi-cloud").contains('●'),
        "{}",
        t.screen()
    );
    t.key(LEFT, &at(3));
    assert!(row_with(&t.screen(), "Yes").contains('●'), "{}", t.screen());
    t.key(LEFT, &at(2));
    assert!(
        row_with(&t.screen(), "Production").contains('●'),
        "{}",
        t.screen()
    );
    t.key(LEFT, &at(1));
    assert!(
        row_with(&t.screen(), "Small (2–5)").contains('●'),
        "{}",
        t.screen()
    );
    signal(t.pid(), "KILL");
    t.wait_exit();

    // The saved session is an answers file: `recommend --answers` reads it as it is.
    let saved = state.join("session.toml");
    let text = std::fs::read_to_string(&saved).unwrap();
    for line in [
        "team_size = \"small\"",
        "k8s_experience = \"production\"",
        "kubernetes_wanted = \"yes\"",
        "cloud_strategy = \"multi_cloud\"",
        "# workload is skipped",
    ] {
        assert!(text.contains(line), "{line} in:\n{text}");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args([
            "recommend",
            "--format",
            "json",
            "--answers",
            saved.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn resume_without_a_saved_session_says_so() {
    let state = fresh_dir("none");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .arg("--resume")
        .env("TRADEOFF_STATE_DIR", &state)
        .output()
        .unwrap();
    // Not a terminal here, but the missing session is reported first only with a terminal; either
    // way it is exit code 2 with a message, never a panic.
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
}

/// The export dialog writes the file it shows, asks before overwriting, and `y` copies with OSC 52.
#[test]
fn export_and_copy_from_the_results() {
    let work = fresh_dir("export");
    let mut t = Pty::spawn(100, 30, &[], &[]);
    t.wait_for("Welcome to tradeoff");
    t.key("r", "Overview");
    t.key("e", "Export the recommendation");
    // Replace the default name with a path in the test's folder.
    for _ in 0..40 {
        t.send("\x7f");
    }
    let path = work.join("team.md");
    t.key(path.to_str().unwrap(), "team.md");
    t.key(ENTER, "Wrote ");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# tradeoff recommendation")
    );
    // The same name again: it asks; `n` goes back to the name, Tab switches to JSON and the
    // extension follows.
    t.key("e", "Export the recommendation");
    for _ in 0..40 {
        t.send("\x7f");
    }
    t.send(path.to_str().unwrap());
    t.key(ENTER, "Overwrite it?");
    t.key("n", "Enter write");
    t.key("\t", "team.json");
    t.key(ENTER, "Wrote ");
    assert!(
        std::fs::read_to_string(work.join("team.json"))
            .unwrap()
            .starts_with('{')
    );
    // And once more, overwriting with `y`.
    std::fs::write(&path, "old").unwrap();
    t.key("e", "Export the recommendation");
    for _ in 0..40 {
        t.send("\x7f");
    }
    t.send(path.to_str().unwrap());
    t.key(ENTER, "Overwrite it?");
    t.key("y", "Wrote ");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# tradeoff recommendation")
    );
    t.key("y", "Copied the Markdown summary");
    let out = String::from_utf8_lossy(&t.raw).to_string();
    assert!(out.contains("\x1b]52;c;"), "an OSC 52 sequence was written");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
    let _ = std::fs::remove_dir_all(&work);
}

/// Inside tmux the copy goes through tmux's passthrough, and the status line says honestly that it
/// may not have arrived: a warning (!), never ✓.
#[test]
fn copy_inside_tmux_uses_the_passthrough_and_warns() {
    let env = [
        ("TMUX", "/tmp/tmux-1000/default,4242,0"),
        ("TERM", "screen-256color"),
    ];
    let mut t = Pty::spawn(100, 30, &[], &env);
    t.wait_for("Welcome to tradeoff");
    t.key("r", "Overview");
    t.key("y", "may not have reached the clipboard");
    assert!(
        t.screen().contains("! Sent the Markdown summary"),
        "{}",
        t.screen()
    );
    let out = String::from_utf8_lossy(&t.raw).to_string();
    assert!(
        out.contains("\x1bPtmux;\x1b\x1b]52;c;"),
        "the OSC 52 sequence is wrapped for tmux"
    );
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}

/// A session that cannot be saved says so as an error (✗), never with ✓.
#[test]
fn a_failed_autosave_is_an_error_on_screen() {
    let dir = fresh_dir("nosave");
    let file = dir.join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    let state = file.join("state");
    let mut t = Pty::spawn(
        100,
        30,
        &[],
        &[("TRADEOFF_STATE_DIR", state.to_str().unwrap())],
    );
    t.wait_for("Welcome to tradeoff");
    t.key(ENTER, &at(1));
    t.key(ENTER, "Could not save the session");
    assert!(
        t.screen().contains("✗ Could not save the session"),
        "{}",
        t.screen()
    );
    assert!(!t.screen().contains("✓ Could not"), "{}", t.screen());
    // The next key clears the status line, not the warning: the header keeps it on every screen.
    t.key(ENTER, "session not saved");
    t.key("?", "Keys");
    assert!(t.screen().contains("✗ session not saved"), "{}", t.screen());
    t.send("\x1b");
    assert_eq!(t.quit(), 0);
    t.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two windows on one session never lose each other's answers: the second saves to a file of its
/// own and says so, the first says so at its next save, and the header keeps saying it in both.
#[test]
fn two_windows_on_one_session_keep_both_answers() {
    let state = fresh_dir("shared");
    let env = [("TRADEOFF_STATE_DIR", state.to_str().unwrap())];
    let mut first = Pty::spawn(120, 30, &[], &env);
    first.wait_for("Welcome to tradeoff");
    first.key(ENTER, &at(1));
    first.key("1", &at(2)); // team_size = solo, saved to session.toml

    let mut second = Pty::spawn(120, 30, &[], &env);
    second.wait_for(&format!(
        "Another tradeoff window (process {}) has this session open: this one saves to",
        first.pid()
    ));
    let own = state.join(format!("session-{}.toml", second.pid()));
    // The first window's session is offered; starting anew keeps it.
    second.wait_for("start again (it stays saved)");
    second.key(ENTER, &at(1));
    second.wait_for("another window has this session");
    second.key("2", &at(2)); // team_size = small, saved to its own file

    first.key("1", &at(3)); // the first window's next save notices the second
    first.wait_for("Another tradeoff window opened this session");
    first.wait_for("another window has this session");

    let shared = std::fs::read_to_string(state.join("session.toml")).unwrap();
    let separate = std::fs::read_to_string(&own).unwrap();
    assert!(shared.contains("team_size = \"solo\""), "{shared}");
    assert!(separate.contains("team_size = \"small\""), "{separate}");

    assert_eq!(second.quit(), 0);
    assert_eq!(first.quit(), 0);
    let _ = std::fs::remove_dir_all(&state);
}

/// `compare --tui` runs on the TUI's loop: its keys, hint bar and clean exit.
#[test]
fn the_team_comparison_in_a_terminal() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teams");
    let files: Vec<String> = ["startup", "data-team", "platform"]
        .iter()
        .map(|f| dir.join(format!("{f}.toml")).display().to_string())
        .collect();
    let mut args = vec!["compare", "--tui"];
    args.extend(files.iter().map(String::as_str));
    let mut t = Pty::spawn(80, 24, &args, &[]);
    t.wait_for("Comparing 3 teams");
    t.wait_for("Tab next tab  ↑↓ scroll  1–9 details");
    t.key("\t", "Why the outcomes differ");
    // The main app's help, details and projector view are there too.
    t.key("?", "Keys · Team comparison");
    t.send("\x1b");
    t.wait_gone("Keys · Team comparison");
    t.key("1", "Rank 1 of");
    t.send("\x1b");
    t.wait_gone("Rank 1 of");
    t.send("p");
    t.key(LEFT, "≠ Workload");
    assert!(
        String::from_utf8_lossy(&t.raw).contains("48;5;231"),
        "the projector theme's white page"
    );
    t.send("\x1b");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();
}

/// Source URLs reach a real terminal as OSC 8 hyperlinks, and never under NO_COLOR.
#[test]
fn source_urls_are_hyperlinks_except_under_no_color() {
    for (env, linked) in [(vec![], true), (vec![("NO_COLOR", "1")], false)] {
        let mut t = Pty::spawn(120, 40, &[], &env);
        t.wait_for("Welcome to tradeoff");
        t.key("r", "Overview");
        t.key(ENTER, "Next steps");
        t.key("G", "Sources");
        // A URL on screen (the header's "data verified" is no sign the sources are drawn), then
        // the rest of that frame.
        t.wait_for("docs.aws.amazon.com");
        t.settle();
        let out = String::from_utf8_lossy(&t.raw).to_string();
        assert_eq!(
            out.contains("\x1b]8;;https://"),
            linked,
            "NO_COLOR={:?}",
            env
        );
        if linked {
            assert!(out.contains("\x1b]8;;\x1b\\"), "the link is closed");
        }
        assert_eq!(t.quit(), 0);
        t.assert_restored();
    }
}

/// A data folder of `alternatives` generated alternatives (about 1.4 kB of TOML each).
fn big_pack(alternatives: usize) -> std::path::PathBuf {
    let dir = fresh_dir("bigpack");
    let size = tradeoff::pack::synth::Size {
        alternatives,
        criteria: 40,
        questions: 30,
        choices: 4,
        rules_per_choice: 2,
    };
    for f in tradeoff::pack::synth::generate(size, 7) {
        let path = dir.join(&f.rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, f.text).unwrap();
    }
    dir
}

#[test]
fn big_data_loads_behind_a_loading_screen() {
    // Over 1 MiB of TOML: the first frame says what is being read, then the questions come.
    let dir = big_pack(1_000);
    let mut t = Pty::spawn(80, 24, &["--data", dir.to_str().unwrap()], &[]);
    t.wait_for("Welcome");
    let out = String::from_utf8_lossy(&t.raw).into_owned();
    // Words are drawn one cursor move apart: look for each.
    let reading = out.find("Reading").expect("a loading screen came first");
    let welcome = out.find("Welcome").expect("then the questions");
    assert!(reading < welcome, "{out}");
    assert!(out[reading..welcome].contains("decision"), "{out}");
    // Cleared before the TUI starts: a terminal that keeps the alternate screen's old cells
    // would otherwise show the loading screen through the first frame.
    assert!(out[reading..welcome].contains("\x1b[2J"), "{out}");
    assert!(!t.screen().contains("gives up"), "{}", t.screen());
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}

#[test]
fn giving_up_on_the_loading_screen_quits_cleanly() {
    let dir = big_pack(6_000);
    let mut t = Pty::spawn(80, 24, &["--data", dir.to_str().unwrap()], &[]);
    t.wait_for("Esc or q gives up");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let out = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(!out.contains("Welcome"), "it went on loading: {out}");
    t.assert_restored();
}

#[test]
fn small_data_has_no_loading_screen() {
    let dir = big_pack(20);
    let mut t = Pty::spawn(80, 24, &["--data", dir.to_str().unwrap()], &[]);
    t.wait_for("Welcome");
    assert!(!String::from_utf8_lossy(&t.raw).contains("Reading"));
    assert_eq!(t.quit(), 0);
}
