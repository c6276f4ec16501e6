//! The README's command examples run as written: every `tradeoff` line of its `sh` blocks and every
//! inline command it quotes runs against the built binary, in a fresh home with the files the
//! examples name, and must succeed. A line the test cannot run (a synopsis with placeholders, an
//! interactive view, a tool this machine lacks) is left out for a reason written here.

mod sandbox;

use std::path::Path;
use std::process::Command;

const README: &str = include_str!("../README.md");

/// Inline mentions that name a command in prose rather than show one to type (the examples are in
/// the Command line section); each must still be in the README, so the list cannot rot.
const MENTIONS: &[&str] = &["tradeoff compare", "tradeoff compare --format html"];

/// The commands of the README in its order (an example may use a file an earlier one wrote):
/// lines of `sh` blocks and inline code spans that run `tradeoff`, with their comments removed.
fn commands() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_sh = false;
    let mut fenced = false;
    // Prose outside code blocks, a paragraph at a time: an inline span may wrap over two lines.
    let mut prose = String::new();
    for line in README.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            fenced = !fenced;
            in_sh = fenced && t == "```sh";
            spans(&prose, &mut out);
            prose.clear();
            continue;
        }
        if in_sh {
            out.push(strip_comment(t));
        } else if !fenced {
            prose.push_str(line);
            prose.push(' ');
            if t.is_empty() {
                spans(&prose, &mut out);
                prose.clear();
            }
        }
    }
    spans(&prose, &mut out);
    out.retain(|c| c.split_whitespace().any(|w| w == "tradeoff"));
    let mut seen = std::collections::HashSet::new();
    out.retain(|c| seen.insert(c.clone()));
    out
}

/// The inline code spans of `prose` that are commands: the odd pieces between backticks.
fn spans(prose: &str, out: &mut Vec<String>) {
    for (i, span) in prose.split('`').enumerate() {
        if i % 2 == 1 && (span.starts_with("tradeoff ") || span.starts_with("printf ")) {
            out.push(span.trim().to_string());
        }
    }
}

fn strip_comment(line: &str) -> String {
    // A `#` after whitespace starts a comment (no example quotes one).
    match line.find(" #") {
        Some(i) => line[..i].trim_end().to_string(),
        None => line.to_string(),
    }
}

/// Why a command is not run, or `None` to run it.
fn skip(cmd: &str) -> Option<&'static str> {
    if cmd.contains("$PROFILE") {
        return Some("PowerShell's profile");
    }
    let words: Vec<&str> = cmd.split_whitespace().collect();
    // Placeholders are looked for outside quotes: `jq '.packs[].winner'` is a real argument.
    let unquoted: String = cmd.split('\'').step_by(2).collect();
    let placeholder = unquoted.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        (w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '_')) || w == "A.toml"
    }) || unquoted.contains('[')
        || unquoted.contains('…');
    if placeholder {
        return Some("a synopsis with placeholders");
    }
    if MENTIONS.contains(&cmd) {
        return Some("a command named in prose");
    }
    let interactive = words == ["tradeoff"]
        || cmd.starts_with("tradeoff demo") && !cmd.contains("--print-script")
        || words.contains(&"--tui")
        || words.contains(&"--resume")
        || cmd == "tradeoff --plain";
    if interactive {
        return Some("an interactive view: the PTY tests run those");
    }
    if words[0] != "tradeoff" && words[0] != "printf" && which(words[0]).is_none() {
        return Some("a tool this machine does not have");
    }
    None
}

fn which(tool: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(tool))
            .find(|f| f.is_file())
    })
}

/// The README's answers-file example, the file its examples call `team.toml`.
fn answers_example() -> &'static str {
    let start = README
        .find("The same TOML format is read by `--answers`")
        .expect("the answers-file section");
    let block = &README[start..];
    let open = block.find("```toml\n").unwrap() + "```toml\n".len();
    let close = block[open..].find("```").unwrap();
    &block[open..open + close]
}

/// The files and folders the examples take for granted: the teams' answers files, the folder an
/// ADR goes to, a saved session and the folders the completions go to.
fn set_up(work: &Path, home: &Path) {
    let team = answers_example();
    std::fs::write(work.join("team.toml"), team).unwrap();
    for (dir, name, workload) in [
        ("team-a", "Team A", "web"),
        ("team-b", "Team B", "microservices"),
    ] {
        std::fs::create_dir_all(work.join(dir)).unwrap();
        let text = team
            .replace("Platform team", name)
            .replace("[answers]", "[answers]\nworkload = \"PLACE\"")
            .replace("PLACE", workload);
        std::fs::write(work.join(dir).join("answers.toml"), text).unwrap();
    }
    std::fs::create_dir_all(work.join("docs/decisions")).unwrap();
    for d in [
        ".local/share/bash-completion/completions",
        ".zfunc",
        ".config/fish/completions",
        ".local/state/tradeoff",
    ] {
        std::fs::create_dir_all(home.join(d)).unwrap();
    }
    std::fs::write(home.join(".local/state/tradeoff/session.toml"), team).unwrap();
}

#[test]
fn the_readme_examples_run_as_written() {
    let bin = Path::new(env!("CARGO_BIN_EXE_tradeoff"));
    let root = tempfile::Builder::new()
        .prefix("tradeoff-readme-")
        .tempdir()
        .unwrap();
    let (work, home) = (root.path().join("work"), root.path().join("home"));
    std::fs::create_dir_all(&work).unwrap();
    set_up(&work, &home);
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let mut ran = 0;
    let mut failed = Vec::new();
    for cmd in commands() {
        if skip(&cmd).is_some() {
            continue;
        }
        let mut c = Command::new("bash");
        c.args(["-o", "pipefail", "-c", &cmd])
            .current_dir(&work)
            .env("PATH", &path)
            .env("HOME", &home)
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_STATE_HOME")
            .env_remove("XDG_DATA_HOME")
            .env_remove("XDG_RUNTIME_DIR")
            .env("TERM", "dumb");
        for v in sandbox::USER_VARS {
            c.env_remove(v);
        }
        let out = c.output().unwrap();
        ran += 1;
        if !out.status.success() {
            failed.push(format!(
                "{cmd}\n  exit {:?}\n  {}",
                out.status.code(),
                String::from_utf8_lossy(&out.stderr)
                    .trim()
                    .replace('\n', "\n  ")
            ));
        }
    }
    assert!(
        ran >= 10,
        "only {ran} examples ran: is the README's layout the same?"
    );
    assert!(
        failed.is_empty(),
        "README examples that fail:\n{}",
        failed.join("\n")
    );
}

/// The list of mentions is still true, and the examples that matter most are among those run.
#[test]
fn the_examples_cover_the_commands_the_readme_promises() {
    let cmds = commands();
    for m in MENTIONS {
        assert!(
            cmds.iter().any(|c| c == m),
            "{m} is no longer in the README"
        );
    }
    // The plain-mode example and the answers-file example are among those run.
    assert!(
        cmds.iter()
            .any(|c| c.contains("| tradeoff --plain") && skip(c).is_none()),
        "{cmds:#?}"
    );
    assert!(answers_example().contains("[answers]"));
}
