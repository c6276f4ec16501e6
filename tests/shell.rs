//! The binary as a tool among others at the shell, on the real binary: the man page,
//! closed pipes, `-` for standard input and output, JSON from every listing, options that act where
//! they are given (and are rejected where they cannot), the JSON seed, and the local date.

mod common;
mod sandbox;

use std::io::Write;
use std::process::Stdio;

use common::pty::Pty;
use predicates::prelude::*;
use sandbox::{Sandbox, stdout_of};

fn has(program: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

// ---------------------------------------------------------------- the man page (completions: tests/completions.rs)

#[test]
fn the_man_page_renders_without_warnings() {
    let sb = Sandbox::new("man");
    let page = stdout_of(sb.cmd().arg("man"));
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
        ".SH EXAMPLES",
        ".SH \"EXIT STATUS\"",
        ".SH ENVIRONMENT",
        ".SH FILES",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    assert!(page.is_ascii(), "non-ASCII is written as roff escapes");
    assert!(page.contains("TRADEOFF_THEME") && page.contains("config.toml"));
    let sub = stdout_of(sb.cmd().args(["man", "recommend"]));
    assert!(sub.contains("tradeoff\\-recommend"));
    sb.cmd()
        .args(["man", "recomend"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "tip: a similar command exists: `recommend`",
        ));
    if !has("groff") {
        eprintln!("skipped: groff is not installed (.ci/run installs it)");
        return;
    }
    let file = sb.root.join("tradeoff.1");
    for (name, text) in [("tradeoff", page), ("tradeoff-recommend", sub)] {
        std::fs::write(&file, &text).unwrap();
        let out = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{name}: groff warns:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if has("man") {
        std::fs::write(&file, stdout_of(sb.cmd().arg("man"))).unwrap();
        let out = std::process::Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            // man picks its output device from the locale: in C it writes `->` for an arrow.
            .env("LC_ALL", "C.UTF-8")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains("ENVIRONMENT") && text.contains("TRADEOFF_PROJECTOR"));
        assert!(
            text.contains("→"),
            "the arrows of `demo` come out as arrows"
        );
    }
}

// ---------------------------------------------------------------- pipes

/// Runs the binary with its standard output a pipe whose reading end is already closed, as after
/// `| head -1` has read its line: every write fails with EPIPE.
fn into_closed_pipe(sb: &Sandbox, args: &[&str]) -> (i32, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = sb
        .std_cmd()
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_usual_status() {
    let sb = Sandbox::new("pipe");
    for args in [
        &["validate"][..],
        &["recommend"],
        &["recommend", "--format", "html"],
        &["questions", "--format", "json"],
        &["packs"],
        &["glossary"],
        &["config"],
        &["man"],
        &["completions", "bash"],
        &["--help"],
    ] {
        let (code, stderr) = into_closed_pipe(&sb, args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} says: {stderr}");
    }
    // A command that fails keeps its own status; only its own message is on stderr.
    let broken = sandbox::mini_data(&sb.root, |p| p.replacen("weight = 2", "wieght = 2", 1));
    let (code, stderr) = into_closed_pipe(&sb, &["validate", broken.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr.trim(), "error: 1 problem(s) found");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_an_error() {
    let sb = Sandbox::new("devfull");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = sb
        .std_cmd()
        .args(["recommend", "--format", "json"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write to standard output") && err.contains("No space left"),
        "{err}"
    );
}

// ---------------------------------------------------------------- `-`

const ANSWERS: &str = "team = \"Blue\"\n[answers]\nteam_size = \"large\"\nk8s_experience = \"production\"\ncloud_strategy = \"multi_cloud\"\nworkload = \"microservices\"\n";

#[test]
fn dash_is_standard_input_for_answers() {
    let sb = Sandbox::new("stdin");
    let out = stdout_of(
        sb.cmd()
            .args(["recommend", "--answers", "-", "--format", "json"])
            .write_stdin(ANSWERS),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Kubernetes in production, but not said to be wanted: skipping is not asking, so ECS on Fargate.
    assert_eq!(v["packs"][0]["winner"], "ecs-fargate");
    assert_eq!(v["answers"][0]["choice"], "large");
    // Errors name standard input, with line and column.
    sb.cmd()
        .args(["recommend", "--answers", "-"])
        .write_stdin("[answers]\nteam_size = \"smal\"\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>:2:13: unknown choice `smal`",
        ));
    // compare: one of the teams from standard input.
    let file = sb.work().join("startup.toml");
    std::fs::write(&file, "[answers]\nteam_size = \"solo\"\n").unwrap();
    let out = stdout_of(
        sb.cmd()
            .args(["compare", "-", "startup.toml", "--format", "json"])
            .write_stdin(ANSWERS),
    );
    assert!(
        out.contains("\"Blue\"") && out.contains("\"startup\""),
        "{out}"
    );
    sb.cmd()
        .args(["compare", "-", "-"])
        .write_stdin(ANSWERS)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("one answers file only"));
}

#[test]
fn dash_is_standard_output_for_output() {
    let sb = Sandbox::new("stdout");
    let out = stdout_of(
        sb.cmd()
            .args(["recommend", "-f", "markdown", "--output", "-"]),
    );
    assert!(out.starts_with("# tradeoff"), "{out}");
    assert!(
        !sb.work().join("-").exists(),
        "no file named `-` was written"
    );
    let out = stdout_of(
        sb.cmd()
            .args(["recommend", "-f", "json", "-o", "-", "--force"]),
    );
    assert!(out.starts_with('{'));
}

// ---------------------------------------------------------------- JSON listings

fn json_of(sb: &Sandbox, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout_of(sb.cmd().args(args))).unwrap()
}

#[test]
fn questions_packs_validate_and_glossary_speak_json() {
    let sb = Sandbox::new("json");
    let q = json_of(&sb, &["questions", "--format", "json"]);
    assert_eq!(q["schema_version"], 1);
    let questions = q["questions"].as_array().unwrap();
    assert_eq!(questions[0]["id"], "team_size");
    assert_eq!(questions[0]["choices"][1]["id"], "small");
    assert!(questions.iter().all(|q| q["title"].is_string()));

    let p = json_of(&sb, &["packs", "-f", "json"]);
    let packs = p["packs"].as_array().unwrap();
    assert_eq!(packs[0]["id"], "compute");
    assert!(
        packs[0]["alternatives"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["id"] == "ecs-fargate")
    );
    assert!(packs[1]["criteria"][0]["weight"].is_number());

    let v = json_of(&sb, &["validate", "--format", "json"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["packs"], 4);
    assert_eq!(v["problems"].as_array().unwrap().len(), 0);
    let broken = sandbox::mini_data(&sb.root, |p| p.replacen("weight = 2", "wieght = 2", 1));
    let out = sb
        .cmd()
        .args(["validate", broken.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], false);
    let problem = &v["problems"][0];
    assert!(
        problem["file"]
            .as_str()
            .unwrap()
            .ends_with("packs/mini.toml")
    );
    assert_eq!(
        (problem["line"].as_u64(), problem["col"].as_u64()),
        (Some(10), Some(1))
    );
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("unknown field `wieght`")
    );

    let g = json_of(&sb, &["glossary", "drift", "--format", "json"]);
    assert_eq!(g["query"], "drift");
    let term = &g["terms"][0];
    assert!(
        term["term"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("drift")
    );
    assert!(term["definition"].is_string() && term["related"].is_array());
    assert!(term["source"]["verified"].is_string());
    let all = json_of(&sb, &["glossary", "-f", "json"]);
    let terms = tradeoff::pack::load_builtin().unwrap().glossary.len();
    assert_eq!(all["terms"].as_array().unwrap().len(), terms);
    let out = sb
        .cmd()
        .args(["glossary", "zzzzqqq", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let none: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(none["terms"].as_array().unwrap().len(), 0);
}

#[test]
fn the_seed_survives_json_readers() {
    let sb = Sandbox::new("seed");
    let v = json_of(&sb, &["recommend", "--format", "json"]);
    let expected = tradeoff::engine::robustness::SEED.to_string();
    assert_eq!(v["method"]["seed"], expected.as_str());
    for pack in v["packs"].as_array().unwrap() {
        assert_eq!(pack["robustness"]["seed"], expected.as_str());
    }
    // No number in the output is beyond what a double holds exactly.
    fn check(v: &serde_json::Value) {
        match v {
            serde_json::Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    assert!(u <= 1 << 53, "{u} does not survive a JSON reader");
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(check),
            serde_json::Value::Object(o) => o.values().for_each(check),
            _ => {}
        }
    }
    check(&v);
}

// ---------------------------------------------------------------- options where they act

#[test]
fn view_options_are_accepted_where_they_act() {
    let sb = Sandbox::new("flags-ok");
    let teams = sb.work().join("a.toml");
    std::fs::write(&teams, "[answers]\nteam_size = \"solo\"\n").unwrap();
    // Parsed and accepted: they reach the check for a terminal (stdin is not one here).
    for args in [
        &["demo", "--theme", "light", "--mouse", "--projector"][..],
        &["demo", "--no-mouse", "--no-projector"],
        &["--theme", "mono", "demo"],
        &["--theme", "light", "--mouse"],
        &[
            "compare",
            "a.toml",
            "a.toml",
            "--tui",
            "--projector",
            "--theme",
            "light",
        ],
        &["--projector", "compare", "--tui", "a.toml", "a.toml"],
    ] {
        sb.cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("needs a terminal"));
    }
}

#[test]
fn view_options_are_rejected_where_they_cannot_act() {
    let sb = Sandbox::new("flags-no");
    let teams = sb.work().join("a.toml");
    std::fs::write(&teams, "[answers]\nteam_size = \"solo\"\n").unwrap();
    for (args, says) in [
        (
            &["recommend", "--projector"][..],
            "unexpected argument '--projector'",
        ),
        (
            &["validate", "--theme", "light"],
            "unexpected argument '--theme'",
        ),
        (&["glossary", "--mouse"], "unexpected argument '--mouse'"),
        (
            &["questions", "--projector"],
            "unexpected argument '--projector'",
        ),
        (
            &["compare", "--tui", "--mouse", "a.toml", "a.toml"],
            "unexpected argument '--mouse'",
        ),
        (&["compare", "a.toml", "a.toml", "--projector"], "--tui"),
        (
            &["--projector", "recommend"],
            "--projector has no effect on `tradeoff recommend`",
        ),
        (
            &["--theme", "light", "glossary"],
            "--theme has no effect on `tradeoff glossary`",
        ),
        (
            &["--mouse", "compare", "--tui", "a.toml", "a.toml"],
            "--mouse has no effect on `tradeoff compare --tui`",
        ),
        (
            &["--projector", "compare", "a.toml", "a.toml"],
            "--projector has no effect on `tradeoff compare`",
        ),
        (
            &["--plain", "questions"],
            "--plain has no effect on `tradeoff questions`",
        ),
        (
            &["--resume", "demo"],
            "--resume has no effect on `tradeoff demo`",
        ),
        (
            &["--data", "x", "man"],
            "--data has no effect on `tradeoff man`",
        ),
        (&["--plain", "--theme", "light"], "cannot be used with"),
    ] {
        sb.cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
    // The note says where the option does act.
    sb.cmd()
        .args(["recommend", "--projector"])
        .assert()
        .stderr(predicate::str::contains(
            "tip: --projector and --no-projector act on the interactive views: `tradeoff`, `tradeoff demo` and `tradeoff compare --tui`",
        ));
}

#[test]
fn options_before_the_subcommand_still_count() {
    let sb = Sandbox::new("flags-before");
    let data = sandbox::mini_data(&sb.root, |p| p);
    let out = stdout_of(sb.cmd().args(["--data", data.to_str().unwrap(), "packs"]));
    assert!(out.starts_with("mini"), "{out}");
    let out = stdout_of(sb.cmd().args(["packs", "--data", data.to_str().unwrap()]));
    assert!(out.starts_with("mini"), "{out}");
    let out = stdout_of(sb.cmd().args(["--theme", "mono", "config", "-f", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["settings"]["theme"]["value"], "mono");
}

#[test]
fn demo_takes_the_theme_and_mouse_options() {
    let sb = Sandbox::new("demo-pty");
    let env = sb.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut t = Pty::spawn(100, 30, &["demo", "--theme", "mono", "--mouse"], &env);
    t.wait_for("Step 1 of");
    let raw = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(raw.contains("\x1b[?1000h"), "the mouse is captured");
    assert!(
        !raw.contains("\x1b[38;") && !raw.contains("\x1b[48;"),
        "the mono theme sends no colour"
    );
    assert_eq!(t.quit(), 0);
    t.assert_restored();
    let mut t = Pty::spawn(100, 30, &["demo"], &env);
    t.wait_for("Step 1 of");
    let raw = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(!raw.contains("\x1b[?1000h"), "no mouse without --mouse");
    assert!(raw.contains("\x1b[38;"), "the default theme has colour");
    assert_eq!(t.quit(), 0);
}

// ---------------------------------------------------------------- the local date

fn generated_date(tz: &str) -> i64 {
    let sb = Sandbox::new("tz");
    let out = stdout_of(
        sb.cmd()
            .env("TZ", tz)
            .args(["recommend", "--format", "markdown"]),
    );
    let at = out.find("Generated ").expect("a Generated line") + "Generated ".len();
    tradeoff::dates::parse_ymd(&out[at..at + 10]).expect("a YYYY-MM-DD date")
}

#[test]
fn generated_is_the_local_date() {
    // POSIX TZ strings need no time-zone database: `<+14>-14` is UTC+14 (Kiritimati),
    // `<-12>+12` UTC-12. Their dates differ at every moment (by 26 hours), UTC's lies between.
    let utc_before = tradeoff::dates::parse_ymd(&utc_today()).unwrap();
    let east = generated_date("<+14>-14");
    let west = generated_date("<-12>+12");
    let utc_after = tradeoff::dates::parse_ymd(&utc_today()).unwrap();
    assert!((1..=2).contains(&(east - west)), "east {east}, west {west}");
    assert!(west <= utc_after && utc_before <= east);
}

fn utc_today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    tradeoff::dates::format_days(secs.div_euclid(86_400))
}

#[test]
fn standard_input_answers_are_limited_too() {
    let sb = Sandbox::new("stdin-limit");
    let mut child = sb
        .std_cmd()
        .args(["recommend", "--answers", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // More than the limit, in a thread: the binary stops reading and the writer sees EPIPE.
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'#'; 64 << 10];
        for _ in 0..64 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("<stdin>: cannot read: larger than 1 MiB"),
        "{err}"
    );
}
