//! One style for every error message, the program's own and clap's: a table of bad invocations,
//! each checked for its shape — `error: what is wrong` (after any `file:line:col:` problems, one
//! per line), then, after a blank line, `  tip: …` lines (a similar id where one was mistyped),
//! with `error:` and `tip:` coloured exactly as clap colours its own when colour is on, and plain
//! when it is off. Warnings (a broken config file, a bad environment variable, a missing data
//! folder: the command goes on) have the same shape with `warning:` in cargo's bold yellow.

mod sandbox;

use sandbox::Sandbox;

/// A bad invocation: its arguments, an answers file to write first (name, text), the exit code,
/// and the tip it must give (`None`: no particular one).
struct Case {
    args: &'static [&'static str],
    file: Option<(&'static str, &'static str)>,
    code: i32,
    tip: Option<&'static str>,
}

const fn case(args: &'static [&'static str], code: i32, tip: Option<&'static str>) -> Case {
    Case {
        args,
        file: None,
        code,
        tip,
    }
}

fn cases() -> Vec<Case> {
    vec![
        // Ids typed on the command line: the closest one as a tip.
        case(
            &["recommend", "-a", "team_sise=small"],
            2,
            Some("tip: a similar question exists: `team_size`"),
        ),
        case(
            &["recommend", "--answer", "team_size=smal"],
            2,
            Some("tip: a similar choice exists: `small`"),
        ),
        case(
            &["recommend", "--answer", "team_size"],
            2,
            Some("tip: for example `--answer team_size=small`"),
        ),
        case(
            &["recommend", "--pack", "comptue"],
            2,
            Some("tip: a similar pack exists: `compute`"),
        ),
        case(
            &["recommend", "--format", "adr", "--status", "acepted"],
            2,
            Some("tip: a similar status exists: `accepted`"),
        ),
        case(
            &["recommend", "--status", "accepted"],
            2,
            Some("tip: add --format adr, or --adr-dir DIR"),
        ),
        case(
            &["man", "recomend"],
            2,
            Some("tip: a similar command exists: `recommend`"),
        ),
        case(
            &["demo", "--theme", "ligth"],
            2,
            Some("tip: a similar theme exists: `light`"),
        ),
        case(
            &["glossary", "zzqqxx"],
            1,
            Some("tip: `tradeoff glossary` lists them all"),
        ),
        case(
            &["recommend", "--weight", "compte.simplicity=2"],
            2,
            Some("tip: a similar pack exists: `compute`"),
        ),
        // Options where they do not act.
        case(
            &["--plain", "recommend"],
            2,
            Some("tip: --plain is a mode of `tradeoff` without a command"),
        ),
        case(
            &["recommend", "--theme", "dark"],
            2,
            Some("tip: --theme sets the colours of the interactive views"),
        ),
        // clap's own, for comparison: the same shape.
        case(
            &["recommend", "--pakc", "iac"],
            2,
            Some("tip: a similar argument exists: '--pack'"),
        ),
        case(
            &["recomend"],
            2,
            Some("tip: a similar subcommand exists: 'recommend'"),
        ),
        // Answers files: problems as file:line:col, keys and values with "did you mean".
        Case {
            args: &["recommend", "--answers", "keys.toml"],
            file: Some(("keys.toml", "[answer]\nteam_size = \"small\"\n")),
            code: 2,
            tip: None,
        },
        Case {
            args: &["recommend", "--answers", "two.toml"],
            file: Some((
                "two.toml",
                "[answers]\nteam_sise = \"small\"\nworkload = \"wbe\"\n",
            )),
            code: 2,
            tip: None,
        },
        case(&["recommend", "--answers", "missing.toml"], 2, None),
        case(&["--data", "no-such-folder", "questions"], 2, None),
    ]
}

/// Runs a case with colour off (NO_COLOR) and returns its standard error.
fn run(sb: &Sandbox, c: &Case, extra: &[&str], no_color: bool) -> String {
    if let Some((name, text)) = c.file {
        std::fs::write(sb.work().join(name), text).unwrap();
    }
    let mut cmd = sb.cmd();
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let out = cmd.args(extra).args(c.args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(c.code),
        "{:?}: {}",
        c.args,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{:?} wrote to stdout", c.args);
    String::from_utf8(out.stderr).unwrap()
}

/// `file:line:col: …` (or `file: …`), a problem in a file.
fn is_problem(line: &str) -> bool {
    let Some((place, _)) = line.split_once(": ") else {
        return false;
    };
    !place.contains(' ') && !place.is_empty()
}

fn check_shape(args: &[&str], err: &str) {
    let lines: Vec<&str> = err.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("{args:?}: no `error:` line:\n{err}"));
    // Before the error line: the problems, one per line, each with its place.
    for l in &lines[..at] {
        assert!(
            is_problem(l),
            "{args:?}: `{l}` before the error line:\n{err}"
        );
    }
    // After it: nothing, or a blank line and the tips, indented as clap indents them (clap's
    // usage lines follow its own errors).
    let rest = &lines[at + 1..];
    if let Some(first) = rest.first() {
        assert!(
            first.is_empty(),
            "{args:?}: no blank line after the error:\n{err}"
        );
    }
    let mut tips = rest.iter().skip(1).take_while(|l| !l.is_empty());
    assert!(
        tips.all(|l| l.starts_with("  tip: ")),
        "{args:?}: the lines after the error are not tips:\n{err}"
    );
    for l in &lines {
        for word in ["tip:", "note:", "warning:"] {
            assert!(
                !l.starts_with(word),
                "{args:?}: `{word}` at the start of a line, not laid out as a tip:\n{err}"
            );
        }
        assert!(
            !l.contains("\\n"),
            "{args:?}: an escaped line break:\n{err}"
        );
    }
}

#[test]
fn every_error_has_one_shape() {
    let sb = Sandbox::new("errors");
    for c in cases() {
        let err = run(&sb, &c, &[], true);
        check_shape(c.args, &err);
        assert!(
            !err.contains('\x1b'),
            "{:?}: colour with NO_COLOR:\n{err}",
            c.args
        );
        if let Some(tip) = c.tip {
            assert!(
                err.lines().any(|l| l.starts_with(&format!("  {tip}"))),
                "{:?}: no `{tip}`:\n{err}",
                c.args
            );
        }
        // The mistyped id is named in the error line itself, never with an inline "did you
        // mean" there (that is the tip's job) — except in file problems, one line each.
        let error_line = err.lines().find(|l| l.starts_with("error: ")).unwrap();
        if c.file.is_none() {
            assert!(
                !error_line.contains("did you mean"),
                "{:?}: {error_line}",
                c.args
            );
        }
    }
}

#[test]
fn answers_file_keys_and_values_get_did_you_mean() {
    let sb = Sandbox::new("errors-files");
    let all = cases();
    let keys = all.iter().find(|c| c.args.contains(&"keys.toml")).unwrap();
    let err = run(&sb, keys, &[], true);
    assert!(
        err.contains("keys.toml:1:2: unknown field `answer`, did you mean `answers`?"),
        "{err}"
    );
    let two = all.iter().find(|c| c.args.contains(&"two.toml")).unwrap();
    let err = run(&sb, two, &[], true);
    assert!(err.contains("two.toml:2:1: unknown question `team_sise`, did you mean `team_size`?"));
    assert!(
        err.contains("two.toml:3:12: unknown choice `wbe` for `workload`, did you mean `web`?")
    );
    assert!(
        err.contains("error: the answers file has 2 problems (above)"),
        "{err}"
    );
}

#[test]
fn pack_keys_get_did_you_mean() {
    let sb = Sandbox::new("errors-pack");
    let data = sandbox::mini_data(&sb.root, |p| p.replacen("weight = 2", "wieght = 2", 1));
    let out = sb
        .cmd()
        .args(["validate", data.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("unknown field `wieght`, did you mean `weight`?; expected one of"),
        "{stdout}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: 1 problem(s) found"
    );
}

/// `word` with the escape sequences around it, as written in `text` (up to the next blank).
fn styled(text: &str, word: &str) -> String {
    let at = text.find(word).unwrap();
    let start = text[..at].rfind([' ', '\n']).map_or(0, |i| i + 1);
    let end = at + word.len() + text[at + word.len()..].find(' ').unwrap();
    text[start..end].to_string()
}

/// clap's `error:` and `tip:` exactly as clap writes them, from one of its own errors.
fn clap_prefixes(sb: &Sandbox) -> (String, String) {
    let c = case(&["recommend", "--pakc", "iac"], 2, None);
    let err = run(sb, &c, &["--color", "always"], false);
    (styled(&err, "error:"), styled(&err, "tip:"))
}

#[test]
fn colour_follows_color_and_no_color_like_claps() {
    let sb = Sandbox::new("errors-colour");
    let (error, tip) = clap_prefixes(&sb);
    assert!(
        error.contains('\x1b') && error.contains("error:"),
        "{error:?}"
    );
    assert!(tip.contains('\x1b') && tip.contains("tip:"), "{tip:?}");
    for c in cases().iter().filter(|c| c.file.is_none()) {
        // --color always colours even with NO_COLOR, as clap does.
        let err = run(&sb, c, &["--color", "always"], true);
        assert!(err.contains(&format!("{error} ")), "{:?}: {err:?}", c.args);
        if c.tip.is_some() {
            assert!(err.contains(&format!("  {tip} ")), "{:?}: {err:?}", c.args);
        }
        // --color never, and a pipe under auto: plain.
        let err = run(&sb, c, &["--color", "never"], false);
        assert!(!err.contains('\x1b'), "{:?}: {err:?}", c.args);
        let err = run(&sb, c, &[], false);
        assert!(!err.contains('\x1b'), "{:?}: {err:?}", c.args);
    }
}

/// The standard error of `args` run in `sb` with `env`, whatever the exit code.
fn stderr_of(sb: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = sb.cmd();
    cmd.envs(env.iter().copied()).args(args);
    String::from_utf8(cmd.output().unwrap().stderr).unwrap()
}

/// Warnings (the command goes on) in the error's shape: each is the problems it is about, one per
/// line with its place, then `warning: what was done`, then, after a blank line, the tips indented
/// as clap's. Anything after the last warning is the command's own business (the plain mode's
/// questions, its error).
fn check_warning_shape(what: &str, err: &str) {
    let mut lines = err.lines().peekable();
    let mut warnings = 0;
    while lines.peek().is_some_and(|l| !l.starts_with("error: ")) {
        let mut problems = 0;
        let head = loop {
            match lines.next() {
                Some(l) if l.starts_with("warning: ") => break l,
                Some(l) => {
                    assert!(
                        !l.is_empty() && !l.starts_with(' ') && l.contains(": "),
                        "{what}: `{l}` is neither a placed problem nor a warning:\n{err}"
                    );
                    problems += 1;
                }
                None if warnings > 0 && problems == 0 => return,
                None => panic!("{what}: no `warning:` line after the problems:\n{err}"),
            }
        };
        assert!(
            !head.contains("(`"),
            "{what}: a tip in brackets, not as a tip:\n{err}"
        );
        warnings += 1;
        if lines.peek() == Some(&"") {
            lines.next();
            let mut tips = 0;
            while lines.peek().is_some_and(|l| l.starts_with("  tip: ")) {
                lines.next();
                tips += 1;
            }
            assert!(tips > 0, "{what}: a blank line and no tips:\n{err}");
        }
    }
    assert!(warnings > 0, "{what}: no warning:\n{err}");
}

#[test]
fn every_warning_has_the_error_shape_and_colour() {
    let sb = Sandbox::new("warnings");
    let (_, tip) = clap_prefixes(&sb);
    let json = ["recommend", "-a", "team_size=small", "--format", "json"];
    let mut cases: Vec<(&str, String)> = Vec::new();
    let mut add = |what, args: &[&str], env: &[(&str, &str)], sb: &Sandbox| {
        let plain = stderr_of(sb, args, env);
        let mut always = vec!["--color", "always"];
        always.extend_from_slice(args);
        let coloured = stderr_of(sb, &always, env);
        let mut never = vec!["--color", "never"];
        never.extend_from_slice(args);
        assert_eq!(
            stderr_of(sb, &never, env),
            plain,
            "{what}: --color never is what a pipe gets"
        );
        assert!(
            !plain.contains('\x1b'),
            "{what}: colour in a pipe:\n{plain:?}"
        );
        cases.push((what, plain));
        (what, coloured)
    };
    let mut coloured = Vec::new();
    // A broken config file: its problem, then what was done, then where to look.
    let config = sb.write_config("mouse = tru\n");
    coloured.push(add("config file", &json, &[], &sb));
    // A bad environment variable.
    std::fs::remove_file(&config).unwrap();
    coloured.push(add(
        "environment",
        &json,
        &[("TRADEOFF_MOUSE", "maybe")],
        &sb,
    ));
    // A configured data folder that is missing; an unknown default pack.
    sb.write_config("data_dirs = [\"/no/such/folder\"]\npacks = [\"compte\", \"iac\"]\n");
    coloured.push(add("config values", &json, &[], &sb));
    std::fs::remove_file(&config).unwrap();
    // The plain mode, told to use a theme it cannot show.
    coloured.push(add(
        "plain mode",
        &["--theme", "light"],
        &[("TERM", "dumb")],
        &sb,
    ));
    // An answer to a question of a pack that --pack leaves out.
    coloured.push(add(
        "answer outside the packs",
        &[
            "recommend",
            "--pack",
            "compute",
            "-a",
            "release_approval=manual",
            "--format",
            "json",
        ],
        &[],
        &sb,
    ));
    let words = [
        "a question of the delivery pack, which --pack leaves out",
        "environment variable(s) above",
        "/no/such/folder",
        "`compte` was left out",
        "plain mode (TERM=dumb) ignores --theme",
    ];
    for (what, err) in &cases {
        check_warning_shape(what, err);
    }
    let all: String = cases.iter().map(|(_, e)| e.as_str()).collect();
    for w in words {
        assert!(all.contains(w), "no warning about {w}:\n{all}");
    }
    assert!(
        cases[0]
            .1
            .contains("\n\n  tip: `tradeoff config` shows the settings")
    );
    // With colour: `warning:` in bold yellow as cargo writes it, the tips in clap's own green.
    for (what, err) in coloured {
        assert!(
            err.contains("\x1b[1m\x1b[33mwarning:\x1b[0m "),
            "{what}: {err:?}"
        );
        assert!(
            !err.contains("\nwarning:"),
            "{what}: a plain head:\n{err:?}"
        );
        if err.contains("tip:") {
            assert!(err.contains(&format!("  {tip} ")), "{what}: {err:?}");
        }
    }
}

/// Every answer counts, visibly (issue 16): an `--answer` to a question only a pack left out by
/// `--pack` reads is said, with the flag that would decide it; a question a decided pack reads,
/// or an answers file (one file serves every choice of packs), is not.
#[test]
fn an_answer_outside_the_packs_decided_is_said() {
    let sb = Sandbox::new("outside-packs");
    let run = |args: &[&str]| {
        let out = sb.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let err = run(&[
        "recommend",
        "--pack",
        "compute",
        "-a",
        "release_approval=manual",
    ]);
    assert!(
        err.contains(
            "warning: `--answer release_approval=manual` answers a question of the delivery pack"
        ) && err.contains("tip: add `--pack delivery` to decide it too"),
        "{err}"
    );
    assert!(
        run(&[
            "recommend",
            "--pack",
            "delivery",
            "-a",
            "release_approval=manual"
        ])
        .is_empty()
    );
    assert!(run(&["recommend", "--pack", "compute", "-a", "team_size=small"]).is_empty());
    assert!(run(&["recommend", "-a", "release_approval=manual"]).is_empty());
    let file = sb.work().join("team.toml");
    std::fs::write(&file, "[answers]\nrelease_approval = \"manual\"\n").unwrap();
    assert!(
        run(&[
            "recommend",
            "--pack",
            "compute",
            "--answers",
            file.to_str().unwrap()
        ])
        .is_empty()
    );
}
