//! Display widths in the text outputs: wide (CJK) and emoji names line up in every table, and a name
//! of any length (beyond format!'s 65,535 limit) is cut with an ellipsis instead of panicking.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn mini_with(name: &str, replace: &[(&str, &str)]) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    let d = common::scratch::root().join(format!("tradeoff-widths-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("packs")).unwrap();
    for f in ["questions.toml", "sources.toml", "packs/mini.toml"] {
        let mut text = std::fs::read_to_string(src.join(f)).unwrap();
        for (from, to) in replace {
            text = text.replace(from, to);
        }
        std::fs::write(d.join(f), text).unwrap();
    }
    d
}

fn run(data: &Path, args: &[&str], stdin: &str) -> String {
    let out = Command::cargo_bin("tradeoff")
        .unwrap()
        .arg("--data")
        .arg(data)
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?} exited {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The lines of the table whose header line contains `header`, header included.
fn table<'a>(text: &'a str, header: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains(header))
        .unwrap_or_else(|| panic!("no table with {header} in\n{text}"));
    lines[start..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .copied()
        .collect()
}

fn answers(dir: &Path, file: &str, team: &str, size: &str) -> PathBuf {
    let f = dir.join(file);
    std::fs::write(
        &f,
        format!("team = \"{team}\"\n[answers]\nsize = \"{size}\"\n"),
    )
    .unwrap();
    f
}

#[test]
fn wide_names_line_up_in_every_table() {
    let d = mini_with(
        "cjk",
        &[
            ("name = \"Simple\"", "name = \"シンプルな選択肢\""),
            ("name = \"Mighty\"", "name = \"Mighty 😀 option\""),
            ("name = \"Ease\"", "name = \"使いやすさ\""),
        ],
    );
    let text = run(&d, &["recommend", "-a", "size=small"], "");
    // The ranking ends in a right-aligned column: every line has the same display width.
    let ranking = table(&text, "Win share");
    assert_eq!(ranking.len(), 3, "{text}");
    let widths: Vec<usize> = ranking.iter().map(|l| l.width()).collect();
    assert!(
        widths.windows(2).all(|w| w[0] == w[1]),
        "{widths:?}\n{text}"
    );
    // The Why table: the Weight column starts at the same display column on every line.
    let why = table(&text, "Weight");
    let starts: Vec<usize> = why
        .iter()
        .map(|l| {
            let at = l.find('%').or_else(|| l.find("Weight")).unwrap();
            l[..at].width()
        })
        .collect();
    // "Weight" is right-aligned over the percentages, so its last letter sits over the '%'.
    let header_end = why[0].find("Weight").unwrap() + "Weight".len() - 1;
    assert!(
        starts[1..]
            .iter()
            .all(|&s| s == why[0][..header_end].width()),
        "{starts:?}\n{}",
        why.join("\n")
    );

    // compare: team names in CJK and emoji, the per-pack table ends in the right-aligned score.
    let a = answers(&d, "a.toml", "開発チーム", "small");
    let b = answers(&d, "b.toml", "Ops 🚀", "large");
    let out = run(
        &d,
        &["compare", a.to_str().unwrap(), b.to_str().unwrap()],
        "",
    );
    let results = table(&out, "Recommendation");
    let widths: Vec<usize> = results.iter().map(|l| l.width()).collect();
    assert!(widths.windows(2).all(|w| w[0] == w[1]), "{widths:?}\n{out}");
    // The answers table: the second team's column starts at one display column.
    let rows = table(&out, "Question");
    let col: Vec<usize> = rows
        .iter()
        .map(|l| {
            let at = l.rfind("Large").or(l.rfind("Ops")).unwrap();
            l[..at].width()
        })
        .collect();
    assert!(col.windows(2).all(|w| w[0] == w[1]), "{col:?}\n{out}");
}

#[test]
fn a_name_longer_than_65535_characters_is_cut_not_a_panic() {
    let long = "L".repeat(70_000);
    let d = mini_with(
        "long",
        &[
            ("name = \"Simple\"", &format!("name = \"{long}\"")),
            ("name = \"Ease\"", &format!("name = \"{long}E\"")),
        ],
    );
    let text = run(&d, &["recommend", "-a", "size=small"], "");
    let ranking = table(&text, "Win share");
    for line in &ranking {
        assert!(
            line.width() < 120,
            "a ranking line is {} wide",
            line.width()
        );
    }
    assert!(
        ranking.iter().any(|l| l.contains("LLL…")),
        "{}",
        ranking.join("\n")
    );
    // Plain mode and compare hit the same tables.
    let plain = run(&d, &["--plain"], "1\n");
    assert!(plain.contains("Recommended: LLL"));
    let a = answers(&d, "a.toml", &long, "small");
    let b = answers(&d, "b.toml", "B", "large");
    let out = run(
        &d,
        &["compare", a.to_str().unwrap(), b.to_str().unwrap()],
        "",
    );
    for line in table(&out, "Recommendation") {
        assert!(
            line.width() < 120,
            "a comparison line is {} wide",
            line.width()
        );
    }
}
