//! The config file and the TRADEOFF_* environment on the real binary, in a temporary XDG tree:
//! precedence (flags > environment > file > defaults), `tradeoff config` in text and JSON, broken
//! files that never stop `recommend`, and the settings reaching the interactive mode.

mod common;
mod sandbox;

use common::pty::Pty;
use predicates::prelude::*;
use sandbox::Sandbox;

fn config_json(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let out = cmd.args(["config", "--format", "json"]).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn origin(v: &serde_json::Value, key: &str) -> String {
    let o = &v["settings"][key]["origin"];
    match o["kind"].as_str().unwrap() {
        "file" => format!("file:{}:{}", o["line"], o["col"]),
        "environment" | "flag" => format!(
            "{}:{}",
            o["kind"].as_str().unwrap(),
            o["name"].as_str().unwrap()
        ),
        k => k.to_string(),
    }
}

#[test]
fn defaults_without_a_config_file() {
    let sb = Sandbox::new("cfg-none");
    let v = config_json(&mut sb.cmd());
    assert_eq!(v["config_file"]["state"], "not_found");
    assert_eq!(v["config_file"]["path"], sb.config_file().to_str().unwrap());
    for key in ["theme", "projector", "mouse", "data_dirs", "packs"] {
        assert_eq!(origin(&v, key), "default", "{key}");
    }
    assert_eq!(v["settings"]["theme"]["automatic"], true);
    sb.cmd()
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(sb.config_file().to_str().unwrap()))
        .stdout(predicate::str::contains("not there: the defaults apply"));
}

#[test]
fn flags_beat_environment_beat_the_file_beat_defaults() {
    let sb = Sandbox::new("cfg-layers");
    sb.write_config(
        "# my settings\ntheme = \"light\"\nprojector = true\nmouse = true\ndata_dirs = [\"team-packs\", \"~/more-packs\"]\npacks = [\"iac\"]\n",
    );
    // The file alone.
    let v = config_json(&mut sb.cmd());
    assert_eq!(v["config_file"]["state"], "loaded");
    assert_eq!(v["settings"]["theme"]["value"], "light");
    assert_eq!(origin(&v, "theme"), "file:2:9");
    assert_eq!(v["settings"]["projector"]["value"], true);
    assert_eq!(origin(&v, "mouse"), "file:4:9");
    let dirs: Vec<&str> = v["settings"]["data_dirs"]["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    let config_dir = sb.config_file().parent().unwrap().to_path_buf();
    assert_eq!(
        dirs,
        [
            config_dir.join("team-packs").to_str().unwrap(),
            sb.home().join("more-packs").to_str().unwrap()
        ],
        "relative to the config file's folder; ~ is HOME"
    );
    // The environment over the file.
    let v = config_json(
        sb.cmd()
            .env("TRADEOFF_THEME", "mono")
            .env("TRADEOFF_MOUSE", "off")
            .env("TRADEOFF_PACKS", "compute")
            .env("TRADEOFF_DATA_DIRS", "/a:/b"),
    );
    assert_eq!(v["settings"]["theme"]["value"], "mono");
    assert_eq!(origin(&v, "theme"), "environment:TRADEOFF_THEME");
    assert_eq!(v["settings"]["mouse"]["value"], false);
    assert_eq!(origin(&v, "mouse"), "environment:TRADEOFF_MOUSE");
    assert_eq!(v["settings"]["packs"]["value"][0], "compute");
    assert_eq!(v["settings"]["data_dirs"]["value"][1], "/b");
    assert_eq!(origin(&v, "projector"), "file:3:13");
    // Flags over both.
    let v = config_json(
        sb.cmd()
            .env("TRADEOFF_THEME", "mono")
            .env("TRADEOFF_MOUSE", "off")
            .args(["--theme", "dark", "--mouse", "--no-projector"]),
    );
    assert_eq!(v["settings"]["theme"]["value"], "dark");
    assert_eq!(origin(&v, "theme"), "flag:--theme");
    assert_eq!(v["settings"]["mouse"]["value"], true);
    assert_eq!(origin(&v, "mouse"), "flag:--mouse");
    assert_eq!(v["settings"]["projector"]["value"], false);
    assert_eq!(origin(&v, "projector"), "flag:--no-projector");
    // The text form says the same, with the places.
    sb.cmd()
        .env("TRADEOFF_THEME", "mono")
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains("(loaded)"))
        .stdout(predicate::str::is_match(r"theme\s+mono\s+environment TRADEOFF_THEME").unwrap())
        .stdout(predicate::str::is_match(r"projector\s+true\s+\S+config.toml:3:13").unwrap());
}

#[test]
fn the_config_path_follows_xdg_home_and_tradeoff_config() {
    let sb = Sandbox::new("cfg-path");
    // Without XDG_CONFIG_HOME: ~/.config/tradeoff/config.toml.
    let home_config = sb.home().join(".config/tradeoff/config.toml");
    std::fs::create_dir_all(home_config.parent().unwrap()).unwrap();
    std::fs::write(&home_config, "mouse = true\n").unwrap();
    let v = config_json(sb.cmd().env_remove("XDG_CONFIG_HOME"));
    assert_eq!(v["config_file"]["path"], home_config.to_str().unwrap());
    assert_eq!(v["settings"]["mouse"]["value"], true);
    // TRADEOFF_CONFIG names the file; one that does not exist is a problem.
    let other = sb.root.join("elsewhere.toml");
    std::fs::write(&other, "projector = true\n").unwrap();
    let v = config_json(sb.cmd().env("TRADEOFF_CONFIG", &other));
    assert_eq!(v["settings"]["projector"]["value"], true);
    sb.cmd()
        .env("TRADEOFF_CONFIG", sb.root.join("missing.toml"))
        .arg("config")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("missing.toml: cannot read"));
}

/// `--config FILE` must name a file that exists (its help says so): a missing one stops every
/// command but `config init` with an error naming the path and the way to make it, where the
/// default path or TRADEOFF_CONFIG would only be reported.
#[test]
fn a_missing_config_flag_file_is_an_error() {
    let sb = Sandbox::new("cfg-flag-missing");
    let missing = sb.root.join("no/such/config.toml");
    let m = missing.to_str().unwrap();
    for args in [
        &["--config", m, "recommend", "--format", "json"][..],
        &["recommend", "--config", m],
        &["--config", m, "config"],
        &["--config", m, "questions"],
    ] {
        sb.cmd()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "error: --config {m}: no such file (--config must name an existing config file)\n"
            )))
            .stderr(predicate::str::contains(format!(
                "tip: check the path, or write a config file there with `tradeoff config init --config {m}`"
            )));
    }
    // `config init` makes it; from then on it is read.
    sb.cmd()
        .args(["config", "init", "--config", m])
        .assert()
        .success();
    sb.cmd()
        .args(["--config", m, "recommend", "--format", "json"])
        .assert()
        .success();
}

#[test]
fn a_broken_config_file_is_placed_and_never_stops_recommend() {
    let sb = Sandbox::new("cfg-broken");
    let path = sb.write_config("theme = \"light\"\nmouse = tru\n");
    let file = path.to_str().unwrap();
    sb.cmd()
        .args(["recommend", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{"))
        .stderr(predicate::str::contains(format!("{file}:2:9: ")))
        .stderr(predicate::str::contains(
            "warning: the config file was ignored because of the problem(s) above; the defaults apply",
        ));
    // `tradeoff config` shows the problem and the defaults, and fails.
    sb.cmd()
        .arg("config")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ignored: it has problems"))
        .stdout(predicate::str::contains(format!("{file}:2:9: ")))
        .stdout(predicate::str::is_match(r"theme\s+dark \(automatic\)\s+default").unwrap());
    let v = config_json(&mut sb.cmd());
    assert_eq!(v["config_file"]["state"], "ignored");
    assert_eq!(origin(&v, "theme"), "default");
    // Unknown keys: each placed, with the closest key.
    sb.write_config("them = \"light\"\n\n[tui]\nmouse = true\n");
    sb.cmd()
        .arg("config")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{file}:1:1: unknown key `them`, did you mean `theme`?"
        )))
        .stdout(predicate::str::contains(format!(
            "{file}:3:2: unknown key `tui`"
        )))
        .stdout(predicate::str::contains(
            "valid keys: theme, projector, mouse, data_dirs, packs",
        ));
    // A theme name with a typo.
    sb.write_config("theme = \"lihgt\"\n");
    sb.cmd()
        .args(["recommend", "--pack", "iac"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{file}:1:9: unknown theme `lihgt`, did you mean `light`?"
        )));
    // Not UTF-8, and not a file at all.
    std::fs::write(&path, b"mouse = true\n# caf\xe9\n").unwrap();
    sb.cmd()
        .arg("recommend")
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{file}:2:6: the file is not UTF-8"
        )));
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    sb.cmd()
        .arg("recommend")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "it is a folder, not a regular file",
        ));
}

#[test]
fn bad_environment_values_are_reported_and_ignored() {
    let sb = Sandbox::new("cfg-env");
    sb.write_config("mouse = true\n");
    let out = sb
        .cmd()
        .env("TRADEOFF_MOUSE", "maybe")
        .env("TRADEOFF_THEME", "drak")
        .args(["config", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = v["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.as_str().unwrap().contains("TRADEOFF_MOUSE=\"maybe\""))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.as_str().unwrap().contains("did you mean `dark`?"))
    );
    assert_eq!(
        v["settings"]["mouse"]["value"], true,
        "the file still applies"
    );
    assert_eq!(v["config_file"]["state"], "loaded");
}

#[test]
fn default_packs_come_from_the_config_and_flags_override_them() {
    let sb = Sandbox::new("cfg-packs");
    let path = sb.write_config("packs = [\"iac\"]\n");
    let packs = |cmd: &mut assert_cmd::Command| -> Vec<String> {
        let out = cmd.args(["-f", "json"]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["packs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(packs(sb.cmd().arg("recommend")), ["iac"]);
    assert_eq!(
        packs(sb.cmd().env("TRADEOFF_PACKS", "compute").arg("recommend")),
        ["compute"]
    );
    assert_eq!(
        packs(
            sb.cmd()
                .args(["recommend", "--pack", "compute", "--pack", "iac"])
        ),
        ["compute", "iac"]
    );
    // An unknown id from the config is a warning at its place; the others still apply.
    std::fs::write(&path, "packs = [\"compte\", \"iac\"]\n").unwrap();
    sb.cmd()
        .args(["recommend", "-f", "json"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{}:1:10: unknown pack `compte`, did you mean `compute`?",
            path.display()
        )));
    assert_eq!(packs(sb.cmd().arg("recommend")), ["iac"]);
    // From a flag it stays an error.
    sb.cmd()
        .args(["recommend", "--pack", "compte"])
        .assert()
        .code(2);
}

/// The settings reach the interactive mode: mouse capture, the mono theme (no colour at all) and
/// the projector theme's white page, each from the file, then overridden.
#[test]
fn the_interactive_mode_starts_with_the_settings() {
    let sb = Sandbox::new("cfg-tui");
    sb.write_config("theme = \"mono\"\nmouse = true\n");
    let env = sb.env();
    let run = |extra: &[(&str, &str)], args: &[&str]| -> String {
        let mut env: Vec<(&str, &str)> =
            env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        env.extend_from_slice(extra);
        let mut t = Pty::spawn(80, 24, args, &env);
        t.wait_for("Welcome to tradeoff");
        let n = common::keys::asked_with_first_choices();
        t.key("\r", &format!("1/{n}"));
        let raw = String::from_utf8_lossy(&t.raw).into_owned();
        assert_eq!(t.quit(), 0);
        t.assert_restored();
        raw
    };
    let colour = |raw: &str| raw.contains("\x1b[38;") || raw.contains("\x1b[48;");
    let mouse = |raw: &str| raw.contains("\x1b[?1000h");
    let raw = run(&[], &[]);
    assert!(mouse(&raw) && !colour(&raw), "mono and mouse from the file");
    let raw = run(&[("TRADEOFF_MOUSE", "0"), ("TRADEOFF_THEME", "dark")], &[]);
    assert!(
        !mouse(&raw) && colour(&raw),
        "the environment wins over the file"
    );
    let raw = run(&[("TRADEOFF_MOUSE", "0")], &["--mouse", "--theme", "light"]);
    assert!(
        mouse(&raw) && colour(&raw),
        "flags win over the environment"
    );
    sb.write_config("projector = true\n");
    let raw = run(&[], &[]);
    assert!(raw.contains("48;5;231"), "the projector's white page");
    let raw = run(&[], &["--no-projector"]);
    assert!(!raw.contains("48;5;231"));
    // A broken file: said before the screen opens, then the defaults.
    sb.write_config("projector = yes\n");
    let raw = run(&[], &[]);
    let warning = raw
        .find("the config file was ignored")
        .expect("the warning");
    let screen = raw.find("\x1b[?1049h").expect("the alternate screen");
    assert!(warning < screen, "the warning is on the normal screen");
    assert!(!raw.contains("48;5;231"));
}

#[test]
fn a_missing_theme_file_from_the_config_falls_back_with_a_warning() {
    let sb = Sandbox::new("cfg-theme-file");
    sb.write_config("theme = \"themes/gone.toml\"\n");
    let env = sb.env();
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut t = Pty::spawn(80, 24, &[], &env);
    t.wait_for("Welcome to tradeoff");
    let raw = String::from_utf8_lossy(&t.raw).into_owned();
    assert!(
        raw.contains("gone.toml: cannot read the theme file"),
        "{raw}"
    );
    assert!(raw.contains("config.toml:1:9 was not used"), "{raw}");
    assert_eq!(t.quit(), 0);
    // From a flag it is an error, as before.
    sb.cmd()
        .args(["--theme", "themes/gone.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the theme file"));
}

/// Text from the config file and the environment never reaches a terminal raw and never starts a
/// line of its own: a newline in a value cannot forge a line of `tradeoff config`, and escape
/// sequences in a variable are shown escaped on standard error. And a broken file is said by every
/// command, the listings and `validate` included, never silently ignored.
#[test]
fn config_and_environment_text_is_escaped_and_a_broken_file_is_said_everywhere() {
    let sb = Sandbox::new("cfg-escape");
    sb.write_config("data_dirs = [\"/a\\nforged  line  here\"]\n");
    let out = sb.cmd().arg("config").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.lines().any(|l| l.starts_with("forged")), "{text}");
    assert!(text.contains("/a\\nforged"), "{text}");
    let out = sb
        .cmd()
        .env("TRADEOFF_THEME", "\x1b]0;pwned\x07\nforged")
        .arg("recommend")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\x1b') && !err.contains('\x07'), "{err:?}");
    assert!(!err.lines().any(|l| l.starts_with("forged")), "{err}");
    assert!(err.contains("\\x1b]0;pwned\\x07"), "{err}");
    sb.write_config("data_dirs = [\"/x\"\nmouse = tru\n");
    for args in [
        &["packs"][..],
        &["questions"],
        &["glossary", "ecs"],
        &["validate"],
    ] {
        let out = sb.cmd().args(args).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains("warning: the config file was ignored"),
            "{args:?}: {err}"
        );
    }
}
