//! Hostile text: a data pack, a glossary and answers files whose every user-controlled field holds
//! every terminal escape family (CSI screen clear, OSC 0 title, OSC 8 link, OSC 52 clipboard, DCS,
//! BEL, C1 controls, a lone CR, bidi overrides and isolates), run through every output of the real
//! binary. Nothing may reach standard output, standard error or a written file unescaped: no ESC,
//! BEL, C1, lone CR or bidi character, only their visible escapes (JSON's own `\u001b` escapes
//! are fine). A value can never break a Markdown table row either.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Each escape family once, and the characters that break Markdown tables and lines.
const FAMILIES: &[(&str, &str)] = &[
    ("CSI clear screen", "\x1b[2J\x1b[H"),
    ("OSC 0 title", "\x1b]0;pwned\x07"),
    (
        "OSC 8 link",
        "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    ),
    ("OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07"),
    ("DCS", "\x1bP+q544e\x1b\\"),
    ("BEL", "\x07"),
    ("DEL", "a\x7fb"),
    ("C1 CSI/OSC/ST/NEL", "\u{9b}31m\u{9d}0;t\u{9c}\u{85}"),
    ("lone CR", "safe\roverwritten"),
    ("RLO", "\u{202e}txt.exe"),
    (
        "isolates and marks",
        "\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}",
    ),
    ("table breakers", "a|b\r\nc\nd"),
];

/// A field's text: a readable tag, then every family.
fn payload(tag: &str) -> String {
    let mut s = format!("{tag} ");
    for (_, f) in FAMILIES {
        s.push_str(f);
        s.push(' ');
    }
    s
}

/// A TOML string literal (escapes for every control character).
fn t(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A URL the validator accepts (https, no whitespace, no control characters) with what is left:
/// markup, quotes and a bidi override. Control characters in a URL are refused by `validate`
/// (`a_url_with_control_characters_is_refused_and_shown_escaped`).
fn hostile_url() -> String {
    "https://example.org/a\"<script>b'c\u{202e}d&e".into()
}

/// The URL that used to pass: escape sequences and C1 bytes inside.
fn escaping_url() -> String {
    "https://example.org/a\x1b]8;;https://evil\x07b\x1b]52;c;eA==\x07c\u{9b}2J\u{202e}d\x1b[2J"
        .into()
}

fn dir(name: &str) -> PathBuf {
    let d = common::scratch::root().join(format!("tradeoff-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("packs")).unwrap();
    d
}

/// A data folder with the payload in every text field a pack author controls.
fn hostile_data(name: &str) -> PathBuf {
    let d = dir(name);
    let w = |rel: &str, text: String| std::fs::write(d.join(rel), text).unwrap();
    w(
        "sources.toml",
        format!(
            "[[source]]\nid = \"s1\"\ntitle = {}\nurl = {}\nverified = \"2026-01-01\"\nchecked = {}\n\n\
             [[source]]\nid = \"s2\"\ntitle = {}\ncitation = {}\nverified = \"2026-01-01\"\n",
            t(&payload("source title")),
            t(&hostile_url()),
            t(&payload("checked")),
            t(&payload("cited source")),
            t(&payload("citation")),
        ),
    );
    let choice = |id: &str| {
        format!(
            "[[question.choice]]\nid = \"{id}\"\nlabel = {}\ndetail = {}\n",
            t(&payload(&format!("label {id}"))),
            t(&payload(&format!("detail {id}")))
        )
    };
    w(
        "questions.toml",
        format!(
            "verified = \"2026-01-01\"\n\n[[question]]\nid = \"q\"\ntitle = {}\nprompt = {}\nhelp = {}\nsources = [\"s1\"]\n\n{}\n{}",
            t(&payload("question title")),
            t(&payload("prompt")),
            t(&payload("help")),
            choice("a"),
            choice("b"),
        ),
    );
    w("packs/evil.toml", pack_toml());
    w(
        "glossary.toml",
        format!(
            "verified = \"2026-01-01\"\n\n[[term]]\nid = \"t1\"\nterm = {}\naliases = [{}]\ndefinition = {}\nwhy = {}\nsource = \"s1\"\nrelated = [\"t2\"]\n\n\
             [[term]]\nid = \"t2\"\nterm = {}\ndefinition = {}\nwhy = {}\nsource = \"s2\"\nrelated = [\"t1\"]\n",
            t(&payload("term one")),
            t(&payload("alias")),
            t(&payload("definition")),
            t(&payload("term why")),
            t(&payload("term two")),
            t(&payload("definition two")),
            t(&payload("term why two")),
        ),
    );
    d
}

fn pack_toml() -> String {
    let alt = |id: &str, k1: u8, k2: u8, extra: &str| {
        format!(
            "[[alternative]]\nid = \"{id}\"\nname = {}\nsummary = {}\n{extra}sources = [\"s1\", \"s2\"]\nnext_steps = [{}, {}]\n\
             [alternative.scores]\nk1 = {{ score = {k1}, why = {} }}\nk2 = {{ score = {k2}, why = {} }}\n\n",
            t(&payload(&format!("alternative {id}"))),
            t(&payload(&format!("summary {id}"))),
            t(&payload(&format!("step one {id}"))),
            t(&payload(&format!("step two {id}"))),
            t(&payload(&format!("why k1 {id}"))),
            t(&payload(&format!("why k2 {id}"))),
        )
    };
    let criterion = |id: &str, weight: u8| {
        format!(
            "[[criterion]]\nid = \"{id}\"\nname = {}\ndescription = {}\nweight = {weight}\nscale = {{ \"0\" = {}, \"5\" = {}, \"10\" = {} }}\n\n",
            t(&payload(&format!("criterion {id}"))),
            t(&payload(&format!("description {id}"))),
            t(&payload("scale 0")),
            t(&payload("scale 5")),
            t(&payload("scale 10")),
        )
    };
    format!(
        "id = \"evil\"\nname = {}\ndescription = {}\nverified = \"2026-01-01\"\n\n{}{}{}{}{}\
         [[rule]]\nid = \"r1\"\nwhen = {{ q = \"a\" }}\nreason = {}\nweights = {{ k1 = 2 }}\n\
         adjust = [{{ alternative = \"y\", criterion = \"k2\", delta = 1, reason = {} }}]\n\
         veto = [{{ alternative = \"z\", reason = {} }}]\n\
         caveat = [{{ alternative = \"x\", text = {} }}]\n",
        t(&payload("pack name")),
        t(&payload("pack description")),
        criterion("k1", 3),
        criterion("k2", 1),
        alt(
            "x",
            9,
            4,
            &format!("status = {}\n", t(&payload("status x")))
        ),
        alt("y", 6, 8, ""),
        alt("z", 5, 5, ""),
        t(&payload("rule reason")),
        t(&payload("adjust reason")),
        t(&payload("veto reason")),
        t(&payload("caveat text")),
    )
}

/// Two answers files in folders of their own with the same (hostile) team name.
fn teams(d: &Path) -> (PathBuf, PathBuf) {
    let name = payload("team");
    let mut files = Vec::new();
    for (folder, choice) in [("team-a", "a"), ("team-b", "b")] {
        std::fs::create_dir_all(d.join(folder)).unwrap();
        let f = d.join(folder).join("answers.toml");
        std::fs::write(
            &f,
            format!("team = {}\n[answers]\nq = \"{choice}\"\n", t(&name)),
        )
        .unwrap();
        files.push(f);
    }
    (files[0].clone(), files[1].clone())
}

fn tradeoff(data: &Path) -> Command {
    let mut c = Command::cargo_bin("tradeoff").unwrap();
    c.arg("--data").arg(data).env_remove("NO_COLOR");
    c
}

/// The first character that must not reach a terminal, with its position.
fn raw_control(s: &str) -> Option<(usize, char)> {
    let bytes = s.as_bytes();
    s.char_indices().find(|&(i, c)| match c {
        '\n' => false,
        '\r' => bytes.get(i + 1) != Some(&b'\n'),
        c => tradeoff::safe::is_unsafe(c),
    })
}

/// Asserts `text` (what `what` wrote) carries no raw control, escape or bidi character.
fn assert_clean(what: &str, text: &str) {
    if let Some((i, c)) = raw_control(text) {
        let from = text[..i].char_indices().rev().nth(40).map_or(0, |(j, _)| j);
        panic!(
            "{what}: raw U+{:04X} at byte {i}, after: {:?}",
            c as u32,
            &text[from..i]
        );
    }
}

/// Runs a command and checks both of its streams; returns standard output.
fn run(what: &str, cmd: &mut Command) -> (Output, String) {
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_clean(&format!("{what} (stdout)"), &stdout);
    assert_clean(
        &format!("{what} (stderr)"),
        &String::from_utf8_lossy(&out.stderr),
    );
    (out, stdout)
}

fn ok(what: &str, cmd: &mut Command) -> String {
    let (out, stdout) = run(what, cmd);
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Every GFM table row has as many cells as its header.
fn assert_tables_hold(what: &str, md: &str) {
    let (mut header, mut row, mut in_head, mut tables) = (0, 0, false, 0);
    for ev in Parser::new_ext(
        md,
        Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS,
    ) {
        match ev {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableHead) => (in_head, header) = (true, 0),
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => row = 0,
            Event::End(TagEnd::TableRow) => assert_eq!(row, header, "{what}: a row lost its cells"),
            Event::Start(Tag::TableCell) if in_head => header += 1,
            Event::Start(Tag::TableCell) => row += 1,
            Event::Html(h) | Event::InlineHtml(h) => panic!("{what}: raw HTML {h}"),
            _ => {}
        }
    }
    assert!(tables > 0 || what.contains("adr"), "{what}: no table");
}

#[test]
fn a_url_with_control_characters_is_refused_and_shown_escaped() {
    let d = hostile_data("badurl");
    let sources = std::fs::read_to_string(d.join("sources.toml")).unwrap();
    std::fs::write(
        d.join("sources.toml"),
        sources.replace(&t(&hostile_url()), &t(&escaping_url())),
    )
    .unwrap();
    let out = tradeoff(&d).arg("validate").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("sources.toml:7:7: url `https://example.org/a\\x1b]8;;"),
        "{text}"
    );
    assert!(text.contains("is not an https:// address"), "{text}");
    for bad in ['\x1b', '\x07', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(bad), "{bad:?} reached the terminal: {text}");
    }
}

/// A URL whose authority holds an `@` goes to the host after it: refused, whatever comes before.
#[test]
fn a_url_with_user_info_is_refused() {
    let d = hostile_data("userinfo");
    let sources = std::fs::read_to_string(d.join("sources.toml")).unwrap();
    for (url, bad) in [
        ("https://docs.aws.amazon.com@evil.example/x", true),
        ("https://user:pw@evil.example", true),
        ("https://evil.example/a@b", false),
        ("https://e.example/?q=a@b", false),
    ] {
        std::fs::write(
            d.join("sources.toml"),
            sources.replace(&t(&hostile_url()), &t(url)),
        )
        .unwrap();
        let out = tradeoff(&d).arg("validate").output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            out.status.code(),
            Some(if bad { 1 } else { 0 }),
            "{url}: {text}"
        );
        assert_eq!(
            text.contains("has user info before an `@`"),
            bad,
            "{url}: {text}"
        );
    }
}

#[test]
fn the_corpus_is_valid_data() {
    let d = hostile_data("valid");
    let out = ok("validate", tradeoff(&d).arg("validate"));
    assert!(out.starts_with("ok: 1 pack(s)"), "{out}");
}

#[test]
fn recommend_in_every_format_to_stdout_and_to_files() {
    let d = hostile_data("recommend");
    for format in ["text", "markdown", "html", "json", "adr"] {
        let what = format!("recommend --format {format}");
        let out = ok(
            &what,
            tradeoff(&d).args(["recommend", "-a", "q=a", "-f", format]),
        );
        match format {
            "json" => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                let name = v["packs"][0]["ranking"][0]["name"].as_str().unwrap();
                assert_eq!(
                    name,
                    payload("alternative x"),
                    "JSON keeps the text as it is"
                );
            }
            "markdown" | "adr" => assert_tables_hold(&what, &out),
            _ => {}
        }
        if format != "json" {
            // Shown, escaped: the reader sees that the data holds an escape sequence.
            assert!(
                out.contains("x1b]52;c;") || out.contains("x1b\\]52;c;"),
                "{what}: the OSC 52 payload is not shown"
            );
            assert!(out.contains("u{202e}"), "{what}: the RLO is not shown");
        }
        if format == "html" {
            assert!(!out.to_lowercase().contains("<script"));
        }
        let file = d.join(format!("out.{format}"));
        ok(
            &format!("{what} --output"),
            tradeoff(&d)
                .args(["recommend", "-a", "q=a", "-f", format, "--force", "-o"])
                .arg(&file),
        );
        assert_clean(
            &format!("{what} file"),
            &std::fs::read_to_string(&file).unwrap(),
        );
    }
}

#[test]
fn recommend_with_a_hostile_answers_file_and_a_hostile_error() {
    let d = hostile_data("answers");
    let (a, _) = teams(&d);
    ok(
        "recommend --answers",
        tradeoff(&d).args(["recommend", "--answers"]).arg(&a),
    );
    // An answer that is not a choice: the error echoes the value, escaped.
    let bad = d.join("bad.toml");
    std::fs::write(&bad, format!("[answers]\nq = {}\n", t(&payload("choice")))).unwrap();
    let (out, _) = run(
        "recommend --answers bad",
        tradeoff(&d).args(["recommend", "--answers"]).arg(&bad),
    );
    assert_eq!(out.status.code(), Some(2));
    let (out, _) = run(
        "recommend --answer bad",
        tradeoff(&d).args(["recommend", "-a", &format!("q={}", payload("flag"))]),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn compare_in_every_format_with_equal_hostile_team_names() {
    let d = hostile_data("compare");
    let (a, b) = teams(&d);
    for format in ["text", "markdown", "html", "json"] {
        let what = format!("compare --format {format}");
        let out = ok(
            &what,
            tradeoff(&d).args(["compare", "-f", format]).arg(&a).arg(&b),
        );
        if format == "markdown" {
            assert_tables_hold(&what, &out);
        }
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            let teams: Vec<&str> = v["teams"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t.as_str().unwrap())
                .collect();
            assert_ne!(teams[0], teams[1], "equal names get distinct labels");
            assert!(teams[0].ends_with("(team-a/answers.toml)"), "{}", teams[0]);
        } else {
            assert!(out.contains("team-a/answers.toml"), "{what}");
            // Markdown also escapes the bracket.
            assert!(
                out.contains("x1b]52;c;") || out.contains("x1b\\]52;c;"),
                "{what}"
            );
        }
    }
}

#[test]
fn glossary_questions_packs_and_plain_mode() {
    let d = hostile_data("lists");
    let all = ok("glossary", tradeoff(&d).arg("glossary"));
    assert!(all.contains("term one"), "{all}");
    ok("glossary term", tradeoff(&d).args(["glossary", "term"]));
    let (_, _) = run(
        "glossary miss",
        tradeoff(&d).args(["glossary", &payload("nothing")]),
    );
    ok("questions", tradeoff(&d).arg("questions"));
    ok("packs", tradeoff(&d).arg("packs"));
    // Plain mode: a typed escape sequence is echoed escaped, then the answer and the report.
    let out = ok(
        "--plain",
        tradeoff(&d)
            .arg("--plain")
            .write_stdin("\x1b]52;c;eA==\x07\n1\n"),
    );
    assert!(out.contains("Recommended: "), "{out}");
    assert!(out.contains("\\x1b]52;c;eA==\\x07"), "{out}");
}

#[test]
fn validate_prints_hostile_diagnostics_escaped() {
    let d = hostile_data("invalid");
    let pack = std::fs::read_to_string(d.join("packs/evil.toml")).unwrap();
    // An unknown source, a criterion id that is not valid, and a duplicate alternative name.
    let broken = pack.replacen(
        "sources = [\"s1\", \"s2\"]",
        &format!("sources = [\"s1\", {}]", t(&payload("unknown source"))),
        1,
    );
    let broken = broken.replacen("id = \"k2\"", &format!("id = {}", t("k\x1b]0;x\x07")), 1);
    std::fs::write(d.join("packs/evil.toml"), broken).unwrap();
    let (out, stdout) = run("validate broken", tradeoff(&d).arg("validate"));
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout.contains("evil.toml:"), "{stdout}");
    assert!(stdout.contains("\\x1b"), "{stdout}");
    // Loading it for a recommendation reports the same problems on stderr.
    let (out, _) = run("recommend broken", tradeoff(&d).arg("recommend"));
    assert_eq!(out.status.code(), Some(2));
}

/// Every string of every JSON output, gathered with the object key it sits under.
fn strings(v: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::String(s) => out.push((key.to_string(), s.clone())),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| strings(x, k, out)),
        _ => {}
    }
}

/// Every `--format json` output is JSON (it used to run the terminal sanitiser over the finished
/// text, so a DEL became `\x7f`), holds no raw control character, and gives back each hostile
/// value exactly as the data has it: the tag at its start says which payload it must be.
#[test]
fn every_json_output_round_trips_every_value() {
    let d = hostile_data("json");
    let teams = teams(&d);
    let broken = dir("json-broken");
    std::fs::write(
        broken.join("sources.toml"),
        format!("[[source]]\nid = {}\n", t(&payload("bad id"))),
    )
    .unwrap();
    let config = d.join("config.toml");
    std::fs::write(
        &config,
        format!("data_dirs = [{}]\n", t(&payload("folder"))),
    )
    .unwrap();
    let runs: Vec<(&str, Command)> = vec![
        ("questions", {
            let mut c = tradeoff(&d);
            c.args(["questions", "--format", "json"]);
            c
        }),
        ("packs", {
            let mut c = tradeoff(&d);
            c.args(["packs", "--format", "json"]);
            c
        }),
        ("glossary", {
            let mut c = tradeoff(&d);
            c.args(["glossary", "--format", "json"]);
            c
        }),
        ("validate", {
            let mut c = tradeoff(&d);
            c.args(["validate", "--format", "json"]);
            c
        }),
        ("recommend", {
            let mut c = tradeoff(&d);
            c.args(["recommend", "--format", "json", "-a", "q=a"]);
            c
        }),
        ("compare", {
            let mut c = tradeoff(&d);
            c.args(["compare", "--format", "json"])
                .arg(&teams.0)
                .arg(&teams.1);
            c
        }),
        ("validate broken", {
            let mut c = tradeoff(&broken);
            c.args(["validate", "--format", "json"]);
            c
        }),
        ("config", {
            let mut c = Command::cargo_bin("tradeoff").unwrap();
            c.args(["config", "--format", "json"])
                .env("TRADEOFF_CONFIG", &config);
            c
        }),
    ];
    let families: String = FAMILIES.iter().map(|(_, f)| format!("{f} ")).collect();
    for (what, mut cmd) in runs {
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_clean(what, &stdout);
        let v: serde_json::Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {stdout}"));
        let mut found = Vec::new();
        strings(&v, "", &mut found);
        let mut whole = 0;
        for (key, s) in &found {
            // A value from the data is the data's text: never the terminal's visible escapes
            // (a diagnostic's message is prose about the data, and says it escaped).
            if key != "message" {
                assert!(
                    !s.contains("\\x1b[2J"),
                    "{what}: `{key}` was sanitised: {s:?}"
                );
            }
            if s.contains(&families) {
                whole += 1;
            }
        }
        assert!(
            whole > 0 || what == "validate" || what == "validate broken",
            "{what}: no value came through whole: {stdout}"
        );
    }
}
