//! The command-line conventions users of Rust CLI tools expect, one test each: the format from
//! the output's extension, text wrapped to the page or the terminal, `schema_version` on every JSON output and the
//! docs checked against it, `--config FILE` and `config init`, `--color`, and `--answers FILE`
//! starting the interactive mode.

mod common;
mod sandbox;

use std::collections::BTreeSet;
use std::path::Path;

use common::pty::Pty;
use sandbox::Sandbox;

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn json(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let out = cmd.output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn answers_file(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn the_format_follows_the_output_extension_unless_given() {
    let sb = Sandbox::new("conv-ext");
    let work = sb.work();
    for (file, check) in [
        ("r.json", "{"),
        ("r.md", "# "),
        ("r.html", "<!DOCTYPE html>"),
        ("r.txt", "tradeoff recommendation"),
        ("r.unknown", "tradeoff recommendation"),
    ] {
        sb.cmd()
            .args(["recommend", "-a", "team_size=small", "-o", file])
            .assert()
            .success();
        let text = std::fs::read_to_string(work.join(file)).unwrap();
        assert!(
            text.starts_with(check),
            "{file}: {}",
            &text[..40.min(text.len())]
        );
    }
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(work.join("r.json")).unwrap()).unwrap();
    assert_eq!(v["schema_version"], 1);
    // --format wins over the extension.
    sb.cmd()
        .args(["recommend", "-f", "text", "-o", "t.json"])
        .assert()
        .success();
    let text = std::fs::read_to_string(work.join("t.json")).unwrap();
    assert!(text.starts_with("tradeoff recommendation"), "{text}");
}

/// Not a terminal: text is wrapped to 100 columns; only a single unbreakable word (a URL) may be
/// longer.
#[test]
fn text_is_wrapped_to_100_columns_off_a_terminal() {
    let sb = Sandbox::new("conv-wrap");
    for args in [
        &["recommend", "-a", "team_size=small"][..],
        &["glossary"],
        &["recommend"],
    ] {
        let text = stdout(sb.cmd().args(args));
        assert!(text.lines().count() > 10, "{args:?}");
        for line in text.lines() {
            let cols = unicode_width::UnicodeWidthStr::width(line);
            assert!(
                cols <= 100 || !line.trim().contains(' '),
                "{args:?}: {cols} columns: {line}"
            );
        }
    }
}

/// On a terminal, text is wrapped to the terminal's width (here wider than a pipe's 100 columns,
/// so the width comes from the terminal); only an unbreakable word (a URL) may be longer.
#[test]
fn text_is_wrapped_to_the_terminal_width_on_a_terminal() {
    let sb = Sandbox::new("conv-tty-wrap");
    let env = sb.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    for args in [&["recommend", "-a", "team_size=small"][..], &["glossary"]] {
        let mut t = Pty::spawn(130, 40, args, &env);
        assert_eq!(t.wait_exit(), 0, "{args:?}");
        let raw = String::from_utf8_lossy(&t.raw).into_owned();
        let widths: Vec<usize> = raw
            .split("\r\n")
            .filter(|l| l.trim().contains(' '))
            .map(unicode_width::UnicodeWidthStr::width)
            .collect();
        assert!(widths.len() > 10, "{args:?}: {raw}");
        let widest = widths.iter().copied().max().unwrap();
        assert!(
            (101..=130).contains(&widest),
            "{args:?}: the widest line has {widest} columns on a 130-column terminal"
        );
    }
}

/// Every JSON output, with the keys it holds (recursively).
fn every_json_output(sb: &Sandbox) -> Vec<(&'static str, serde_json::Value)> {
    let a = answers_file(&sb.work(), "a.toml", "[answers]\nteam_size = \"small\"\n");
    let b = answers_file(
        &sb.work(),
        "b.toml",
        "team = \"platform\"\n[answers]\nteam_size = \"large\"\nk8s_experience = \"production\"\n",
    );
    let bad = sb.work().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("sources.toml"), "[[source]]\nidd = 1\n").unwrap();
    let mut outputs = vec![
        (
            "recommend",
            json(
                sb.cmd()
                    .args(["recommend", "-a", "team_size=small", "-f", "json"]),
            ),
        ),
        (
            "compare",
            json(sb.cmd().args(["compare", &a, &b, "-f", "json"])),
        ),
        (
            "questions",
            json(sb.cmd().args(["questions", "-f", "json"])),
        ),
        ("packs", json(sb.cmd().args(["packs", "-f", "json"]))),
        ("validate", json(sb.cmd().args(["validate", "-f", "json"]))),
        (
            "validate",
            json(
                sb.cmd()
                    .args(["validate", bad.to_str().unwrap(), "-f", "json"]),
            ),
        ),
        (
            "glossary",
            json(sb.cmd().args(["glossary", "drift", "-f", "json"])),
        ),
        (
            "config",
            json(sb.cmd().args(["config", "--data", "x", "-f", "json"])),
        ),
    ];
    outputs.retain(|(_, v)| !v.is_null());
    outputs
}

fn keys(v: &serde_json::Value, into: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                into.insert(k.clone());
                keys(v, into);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| keys(v, into)),
        _ => {}
    }
}

#[test]
fn every_json_output_has_a_schema_version_and_every_key_is_documented() {
    let sb = Sandbox::new("conv-json");
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-schema.md"))
            .unwrap();
    let outputs = every_json_output(&sb);
    assert_eq!(outputs.len(), 8);
    for (command, v) in &outputs {
        assert_eq!(v["schema_version"], 1, "{command}");
        assert!(
            docs.contains(&format!("tradeoff {command}")),
            "docs/json-schema.md has no section for `tradeoff {command}`"
        );
        let mut found = BTreeSet::new();
        keys(v, &mut found);
        // A map keyed by data (a setting's name) is documented by its entries.
        let missing: Vec<&String> = found
            .iter()
            .filter(|k| !docs.contains(&format!("\"{k}\"")))
            .collect();
        assert!(
            missing.is_empty(),
            "docs/json-schema.md does not document {missing:?} of `tradeoff {command} --format json`"
        );
    }
}

#[test]
fn config_flag_names_the_file_and_init_writes_one() {
    let sb = Sandbox::new("conv-config");
    let file = sb.work().join("my/settings.toml");
    let f = file.to_str().unwrap();
    // Named but missing: an error (exit 2), unlike the default path; `config init` writes it.
    let out = sb.cmd().args(["--config", f, "config"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    sb.cmd()
        .args(["config", "init", "--config", f])
        .assert()
        .success();
    assert!(file.with_file_name("config.schema.json").is_file());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("#:schema ./config.schema.json\n"),
        "{text}"
    );
    let v = json(sb.cmd().args(["config", "--config", f, "-f", "json"]));
    assert_eq!(v["config_file"]["state"], "loaded");
    assert_eq!(v["config_file"]["path"], f);
    assert_eq!(v["problems"].as_array().unwrap().len(), 0);
    // Uncommented, a line takes effect; init refuses to replace the file without --force.
    std::fs::write(&file, text.replace("# mouse = true", "mouse = true")).unwrap();
    let v = json(sb.cmd().args(["--config", f, "config", "-f", "json"]));
    assert_eq!(v["settings"]["mouse"]["value"], true);
    let out = sb
        .cmd()
        .args(["config", "init", "--config", f])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("tip: pass --force"),
        "{err}"
    );
    sb.cmd()
        .args(["config", "init", "--force", "--config", f])
        .assert()
        .success();
    // The default path, in the sandbox's XDG tree.
    sb.cmd().args(["config", "init"]).assert().success();
    assert!(sb.config_file().is_file());
}

#[test]
fn color_always_and_never_reach_clap_and_never_means_no_escapes() {
    let sb = Sandbox::new("conv-color");
    let help = |when: &str| stdout(sb.cmd().args(["--color", when, "recommend", "--help"]));
    assert!(help("always").contains("\x1b["));
    assert!(!help("never").contains("\x1b["));
    let out = sb
        .cmd()
        .args(["--color=always", "recommend", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\x1b["));
    sb.cmd()
        .args(["--color", "sometimes", "questions"])
        .assert()
        .code(2);
}

/// `--color never` shows the mono theme in the interactive mode, as NO_COLOR does; `always` keeps
/// the colours under NO_COLOR.
#[test]
fn color_never_is_the_mono_theme_and_always_beats_no_color() {
    let has_colour = |t: &Pty| {
        let s = t.parser.screen();
        (0..24).any(|r| {
            (0..80).any(|c| {
                s.cell(r, c).is_some_and(|cell| {
                    cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                })
            })
        })
    };
    let mut t = Pty::spawn(80, 24, &["--color", "never"], &[]);
    t.wait_for("Welcome to tradeoff");
    assert!(!has_colour(&t), "--color never: no colour");
    assert_eq!(t.quit(), 0);
    let mut t = Pty::spawn(80, 24, &["--color", "always"], &[("NO_COLOR", "1")]);
    t.wait_for("Welcome to tradeoff");
    assert!(has_colour(&t), "--color always: colour despite NO_COLOR");
    assert_eq!(t.quit(), 0);
}

/// `tradeoff --answers FILE` opens the interactive mode with those answers: at the first question
/// left open, or at the results when every question is answered.
#[test]
fn answers_file_starts_the_interactive_mode_with_its_answers() {
    let sb = Sandbox::new("conv-answers");
    let catalog = tradeoff::pack::load_builtin().unwrap();
    let first = &catalog.questions[0];
    let some = answers_file(
        &sb.work(),
        "some.toml",
        &format!("[answers]\n{} = \"{}\"\n", first.id, first.choices[0].id),
    );
    let state = sb.root.join("state");
    let env = [("TRADEOFF_STATE_DIR", state.to_str().unwrap())];
    let mut t = Pty::spawn(80, 24, &["--answers", &some], &env);
    t.wait_for("1 answered");
    assert!(t.screen().contains(" 2/"), "{}", t.screen());
    assert_eq!(t.quit(), 0);
    let mut all = String::from("[answers]\n");
    for q in &catalog.questions {
        all.push_str(&format!("{} = \"{}\"\n", q.id, q.choices[0].id));
    }
    let all = answers_file(&sb.work(), "all.toml", &all);
    let mut t = Pty::spawn(100, 30, &["--answers", &all], &env);
    t.wait_for("Overview");
    assert_eq!(t.quit(), 0);
    // Given before a command that takes no answers, it is refused; before `recommend`, it is its
    // --answers.
    let out = sb
        .cmd()
        .args(["--answers", &some, "questions"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v = json(
        sb.cmd()
            .args(["--answers", &some, "recommend", "-f", "json"]),
    );
    assert_eq!(v["answers"][0]["choice"], first.choices[0].id.as_str());
    // A bad file is placed, exit 2, before any screen.
    let bad = answers_file(&sb.work(), "bad.toml", "[answers]\nteam_sise = \"small\"\n");
    let out = sb
        .std_cmd()
        .args(["--answers", &bad, "--plain"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `team_size`?"));
}

/// The man page names no page that is not installed (each command is listed as it is typed, its
/// page is `tradeoff man COMMAND`), and FILES lists the packs folder.
#[test]
fn the_man_page_references_only_itself_and_lists_the_packs_folder() {
    let sb = Sandbox::new("conv-man");
    let page = stdout(sb.cmd().arg("man"));
    assert!(
        !page.contains("tradeoff-recommend(1)") && !page.contains("tradeoff\\-recommend"),
        "{page}"
    );
    assert!(
        page.contains(".SH SUBCOMMANDS") && page.contains("tradeoff recommend"),
        "{page}"
    );
    assert!(page.contains("$XDG_DATA_HOME/tradeoff/packs/"), "{page}");
    assert_eq!(page.matches(".TH ").count(), 1);
    let sub = stdout(sb.cmd().args(["man", "config"]));
    assert!(
        sub.contains("tradeoff config init") && !sub.contains("(1)\n"),
        "{sub}"
    );
}

/// `validate DIR` takes a folder of the user's own packs (as `pack new` makes it) and checks them
/// with the built-in data they extend.
#[test]
fn validate_accepts_a_user_pack_folder() {
    let sb = Sandbox::new("conv-validate");
    let dir = sb.work().join("team-packs");
    sb.cmd()
        .args(["pack", "new", "deployment", "--dir", dir.to_str().unwrap()])
        .assert()
        .success();
    let out = sb
        .cmd()
        .args(["validate", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let pack = dir.join("packs/deployment.toml");
    let text = std::fs::read_to_string(&pack).unwrap();
    std::fs::write(
        &pack,
        text.replacen("[[question]]", "[[question]]\nwieght = 1", 1),
    )
    .unwrap();
    let out = sb
        .cmd()
        .args(["validate", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("deployment.toml:"));
}

/// The ADR uses real headings (MADR's markdownlint config has MD036: no bold line as a heading),
/// takes --status and --deciders, and --adr-dir numbers it after the folder's records.
#[test]
fn adr_headings_status_deciders_and_numbering() {
    let sb = Sandbox::new("conv-adr");
    let md = stdout(sb.cmd().args([
        "recommend",
        "-f",
        "adr",
        "--status",
        "accepted",
        "--deciders",
        "Ana,Bo",
    ]));
    for line in md.lines() {
        let t = line.trim();
        assert!(
            !(t.starts_with("**") && t.ends_with("**") && t.len() > 4),
            "MD036, emphasis as a heading: {line}"
        );
    }
    assert!(md.contains("\n- Status: accepted\n"), "{md}");
    assert!(md.contains("\n- Deciders: Ana, Bo\n"), "{md}");
    let out = sb
        .cmd()
        .args(["recommend", "-f", "adr", "--status", "acepted"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("tip: a similar status exists: `accepted`")
    );
    let out = sb
        .cmd()
        .args(["recommend", "--status", "accepted"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "--status needs the ADR format");
    let adr = sb.work().join("doc/adr");
    std::fs::create_dir_all(&adr).unwrap();
    std::fs::write(adr.join("0007-use-postgres.md"), "# Use Postgres\n").unwrap();
    let dir = adr.to_str().unwrap();
    sb.cmd()
        .args(["recommend", "--adr-dir", dir])
        .assert()
        .success();
    sb.cmd()
        .args(["recommend", "--adr-dir", dir])
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(&adr)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names[1].starts_with("0008-compute-platform-"), "{names:?}");
    assert!(names[2].starts_with("0009-"), "{names:?}");
}
