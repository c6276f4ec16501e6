//! Completions in the real shells: bash, zsh and fish run in a pseudo-terminal with the script
//! `tradeoff completions SHELL` writes, and TAB is pressed as a person would. What the line reads
//! afterwards is what counts: `--answer team_size=sm` becomes `team_size=small` (bash once inserted a
//! literal `-`), ids complete from the data, and where an id is expected no file name is offered.
//!
//! A shell that is not installed is skipped with a note (.ci/run installs zsh and fish).

mod common;
mod sandbox;

use common::pty::{Pty, fresh_dir};
use predicates::prelude::*;
use sandbox::{Sandbox, stdout_of};

const TAB: &str = "\t";
const KILL_LINE: &str = "\x15";

fn has(program: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A shell with tradeoff's completions loaded, in a folder that holds `zz-notes.txt` and
/// `zz-dir/` (file names no id completion may offer).
struct Shell {
    name: &'static str,
    pty: Pty,
    marks: usize,
}

impl Shell {
    fn start(name: &'static str) -> Option<Shell> {
        if !has(name) {
            eprintln!("skipped: {name} is not installed (.ci/run installs it)");
            return None;
        }
        let home = fresh_dir(&format!("{name}-home"));
        let work = home.join("work");
        std::fs::create_dir_all(work.join("zz-dir")).unwrap();
        std::fs::write(work.join("zz-notes.txt"), "not an id\n").unwrap();
        let bin = std::path::Path::new(env!("CARGO_BIN_EXE_tradeoff"))
            .parent()
            .unwrap()
            .display()
            .to_string();
        let path = format!("{bin}:/usr/local/bin:/usr/bin:/bin");
        let home_s = home.display().to_string();
        let env = [("HOME", home_s.as_str()), ("PATH", path.as_str())];
        let w = work.display();
        let (args, setup): (&[&str], String) = match name {
            "bash" => (
                &["--norc", "--noprofile", "-i"],
                format!(
                    "PS1='$ '; cd {w}; tradeoff completions bash > ../c.bash; source ../c.bash; echo READY$((40+2))\r"
                ),
            ),
            // Autoloaded from fpath, as the README installs it.
            "zsh" => (
                &["-f", "-i"],
                format!(
                    "PS1='%% '; setopt interactivecomments; cd {w}; mkdir -p ../fn; tradeoff completions zsh > ../fn/_tradeoff; fpath=({home_s}/fn $fpath); autoload -Uz compinit; compinit -u -d ../zcompdump; echo READY$((40+2))\r"
                ),
            ),
            "fish" => (
                &["--no-config", "-i"],
                format!(
                    "function fish_prompt; echo '> '; end; set -g fish_autosuggestion_enabled 0; cd {w}; tradeoff completions fish > ../c.fish; source ../c.fish; echo READY(math 40+2)\r"
                ),
            ),
            _ => unreachable!(),
        };
        let mut pty = Pty::spawn_program(name, 120, 40, args, &env);
        pty.send(&setup);
        pty.wait_for("READY42");
        Some(Shell {
            name,
            pty,
            marks: 0,
        })
    }

    /// Types `typed`, presses TAB `tabs` times, waits for `listed` to show (a listing goes away
    /// at the next key in fish), then types a comment as a marker; returns the command line as it
    /// stands (blanks collapsed, the marker cut off) and clears it.
    fn complete(&mut self, typed: &str, tabs: usize, listed: &[&str]) -> String {
        self.marks += 1;
        let mark = format!("#END{}", self.marks);
        self.pty.send(typed);
        for _ in 0..tabs {
            self.pty.send(TAB);
            // Each TAB is its own request: the shell must have answered the first.
            std::thread::sleep(std::time::Duration::from_millis(300));
        }
        for text in listed {
            self.pty.wait_for(text);
        }
        self.pty.send(&format!(" {mark}"));
        self.pty.wait_for(&mark);
        let screen = self.pty.screen();
        let row = common::pty::row_with(&screen, &mark);
        let line = row[..row.find(&mark).unwrap()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.pty.send(KILL_LINE);
        line
    }

    fn expect(&mut self, typed: &str, want: &str) {
        let line = self.complete(typed, 1, &[]);
        assert!(
            line.ends_with(want),
            "{}: `{typed}` + TAB gave `{line}`, expected it to end in `{want}`; the screen:\n{}",
            self.name,
            self.pty.screen()
        );
    }
}

fn check(name: &'static str) {
    let Some(mut sh) = Shell::start(name) else {
        return;
    };
    // bash lists the candidates on the second TAB, zsh and fish on the first.
    let tabs = if name == "bash" { 2 } else { 1 };
    // The choices of team_size, listed.
    let line = sh.complete(
        "tradeoff recommend --answer team_size=",
        tabs,
        &["medium", "large"],
    );
    assert!(
        !line.contains("team_size=-") && !line.contains("team_size=team_size"),
        "{name}: {line}"
    );
    for (typed, want) in [
        (
            "tradeoff recommend --answer team_size=sm",
            "--answer team_size=small",
        ),
        (
            "tradeoff recommend --answer=team_size=me",
            "--answer=team_size=medium",
        ),
        ("tradeoff recommend -a k8s_exp", "-a k8s_experience="),
        ("tradeoff recommend --pack i", "--pack iac"),
        ("tradeoff man recom", "man recommend"),
        ("tradeoff demo --theme li", "--theme light"),
        ("tradeoff completions fi", "completions fish"),
        // A path where a path is expected: the folder, not the file.
        ("tradeoff --data zz", "--data zz-dir/"),
        // Ids where ids are expected: nothing matches `zz`, and no file name is offered.
        ("tradeoff recommend --pack zz", "--pack zz"),
        ("tradeoff man zz", "man zz"),
        ("tradeoff --theme zz", "--theme zz"),
    ] {
        sh.expect(typed, want);
    }
}

#[test]
fn bash_completes_ids_choices_and_no_file_names() {
    check("bash");
}

#[test]
fn zsh_completes_ids_choices_and_no_file_names() {
    check("zsh");
}

#[test]
fn fish_completes_ids_choices_shells_and_no_file_names() {
    check("fish");
}

// ---------------------------------------------------------------- the scripts and the candidates

#[test]
fn every_shell_gets_a_script_that_asks_the_program() {
    let sb = Sandbox::new("completions");
    let exe = env!("CARGO_BIN_EXE_tradeoff");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(sb.cmd().args(["completions", shell]));
        assert!(
            script.contains(&format!("COMPLETE=\"{shell}\""))
                || script.contains(&format!("COMPLETE={shell}"))
                || script.contains(&format!("$env:COMPLETE = \"{shell}\"")),
            "{shell}: the script asks with COMPLETE=SHELL:\n{script}"
        );
        assert!(script.contains(exe), "{shell}: it calls this program back");
        // `COMPLETE=SHELL tradeoff` prints the same registration (the README offers both).
        let env = stdout_of(sb.cmd().env("COMPLETE", shell));
        assert_eq!(env, script, "{shell}");
    }
    sb.cmd()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: bash"));
    // An empty COMPLETE (or 0) is an ordinary run.
    for off in ["", "0"] {
        let out = stdout_of(sb.cmd().env("COMPLETE", off).arg("packs"));
        assert!(out.contains("iac"), "COMPLETE={off:?}: {out}");
    }
}

#[test]
fn the_scripts_parse_in_their_shells() {
    let sb = Sandbox::new("parse");
    for (shell, check) in [
        ("bash", vec!["-n"]),
        ("zsh", vec!["-n"]),
        ("fish", vec!["--no-execute"]),
    ] {
        if !has(shell) {
            eprintln!("skipped: {shell} is not installed (.ci/run installs it)");
            continue;
        }
        let script = sb.root.join(format!("tradeoff.{shell}"));
        std::fs::write(&script, stdout_of(sb.cmd().args(["completions", shell]))).unwrap();
        let out = std::process::Command::new(shell)
            .args(&check)
            .arg(&script)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// The candidates the program gives for `words` (the last one is being completed), one per line
/// with its help after a tab: what fish shows.
fn candidates(sb: &Sandbox, words: &[&str]) -> Vec<String> {
    let mut cmd = sb.cmd();
    cmd.env("COMPLETE", "fish")
        .arg("--")
        .arg("tradeoff")
        .args(words);
    stdout_of(&mut cmd).lines().map(str::to_string).collect()
}

fn values(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect()
}

#[test]
fn the_candidates_come_from_the_data() {
    let sb = Sandbox::new("candidates");
    let questions: serde_json::Value =
        serde_json::from_str(&stdout_of(sb.cmd().args(["questions", "--format", "json"]))).unwrap();
    let questions = questions["questions"].as_array().unwrap();
    // Every question id, each ready for its choice.
    let ids: Vec<String> = questions
        .iter()
        .map(|q| format!("{}=", q["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        values(&candidates(&sb, &["recommend", "--answer", ""])),
        ids
    );
    // After `=`, that question's choices, whole, with their labels as help.
    let team = questions.iter().find(|q| q["id"] == "team_size").unwrap();
    let want: Vec<String> = team["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            format!(
                "team_size={}\t{}",
                c["id"].as_str().unwrap(),
                c["label"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(candidates(&sb, &["recommend", "-a", "team_size="]), want);
    assert_eq!(
        values(&candidates(&sb, &["recommend", "--answer=team_size=sm"])),
        ["--answer=team_size=small"]
    );
    assert!(candidates(&sb, &["recommend", "-a", "no_such="]).is_empty());
    // Packs, themes, man pages, statuses, shells.
    assert_eq!(
        values(&candidates(&sb, &["recommend", "--pack", ""])),
        ["compute", "iac", "delivery", "observability"]
    );
    assert_eq!(
        values(&candidates(&sb, &["--theme", ""])),
        ["dark", "light", "mono", "projector"]
    );
    assert_eq!(values(&candidates(&sb, &["man", "re"])), ["recommend"]);
    assert_eq!(
        values(&candidates(&sb, &["recommend", "--status", ""])),
        [
            "proposed",
            "rejected",
            "accepted",
            "deprecated",
            "superseded by ADR-"
        ]
    );
    assert_eq!(
        values(&candidates(&sb, &["completions", ""]))[..5],
        ["bash", "elvish", "fish", "powershell", "zsh"]
    );
}

#[test]
fn theme_files_complete_once_the_word_is_a_path() {
    let sb = Sandbox::new("themefile");
    std::fs::write(sb.work().join("mine.toml"), "").unwrap();
    assert!(candidates(&sb, &["--theme", "mi"]).is_empty());
    assert_eq!(
        values(&candidates(&sb, &["--theme", "./mi"])),
        ["./mine.toml"]
    );
}

#[test]
fn the_candidates_follow_data_and_the_users_packs() {
    let sb = Sandbox::new("userdata");
    // `--data DIR` anywhere on the line: that folder's questions and packs.
    let dir = sandbox::mini_data(&sb.root, |p| p);
    let d = dir.to_str().unwrap();
    assert_eq!(
        values(&candidates(&sb, &["--data", d, "recommend", "--pack", ""])),
        ["mini"]
    );
    let mini = values(&candidates(
        &sb,
        &["recommend", "--data", d, "--answer", ""],
    ))
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>();
    assert!(
        !mini.is_empty() && !mini.contains(&"team_size=".to_string()),
        "{mini:?}"
    );
    // A pack of the user's own, beside the built-in ones.
    sb.cmd()
        .args(["pack", "new", "deployment"])
        .assert()
        .success();
    assert!(
        values(&candidates(&sb, &["recommend", "--pack", ""])).contains(&"deployment"),
        "the user's pack is offered"
    );
}
