//! `compare` knows teams by their answers file: two teams with the same name (or the default name,
//! the file stem, as in team-a/answers.toml and team-b/answers.toml) are told apart in everything
//! it prints, and each explanation names the right team's winner.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teams");
    std::fs::read_to_string(path.join(name)).unwrap()
}

/// team-a/answers.toml and team-b/answers.toml holding two different teams' answers, with the
/// `team` line replaced by `team_line` (or removed).
fn two_teams(tag: &str, team_line: Option<&str>) -> (PathBuf, PathBuf) {
    let d = common::scratch::root().join(format!("tradeoff-teams-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    let mut files = Vec::new();
    for (folder, source) in [("team-a", "startup.toml"), ("team-b", "data-team.toml")] {
        std::fs::create_dir_all(d.join(folder)).unwrap();
        let text: String = fixture(source)
            .lines()
            .filter(|l| !l.starts_with("team ="))
            .map(|l| format!("{l}\n"))
            .collect();
        let text = match team_line {
            Some(t) => format!("{t}\n{text}"),
            None => text,
        };
        let f = d.join(folder).join("answers.toml");
        std::fs::write(&f, text).unwrap();
        files.push(f);
    }
    (files[0].clone(), files[1].clone())
}

fn compare(format: &str, a: &Path, b: &Path) -> String {
    let out = Command::cargo_bin("tradeoff")
        .unwrap()
        .args(["compare", "-f", format])
        .arg(a)
        .arg(b)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn check(tag: &str, team_line: Option<&str>, name: &str) {
    let (a, b) = two_teams(tag, team_line);
    let v: serde_json::Value = serde_json::from_str(&compare("json", &a, &b)).unwrap();
    let la = format!("{name} (team-a/answers.toml)");
    let lb = format!("{name} (team-b/answers.toml)");
    assert_eq!(v["teams"][0], la.as_str());
    assert_eq!(v["teams"][1], lb.as_str());
    assert_eq!(v["files"][0], a.display().to_string().as_str());
    // The explanation from A to B names B's winner, found by position.
    let pack = v["packs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["same_winner"] == false)
        .expect("the two teams get different winners in some pack");
    let b_winner = pack["results"][1]["winner_name"].as_str().unwrap();
    let a_winner = pack["results"][0]["winner_name"].as_str().unwrap();
    assert_ne!(a_winner, b_winner);
    let e = &pack["explanations"][0];
    assert_eq!(
        (e["from_index"].as_u64(), e["to_index"].as_u64()),
        (Some(0), Some(1))
    );

    for format in ["text", "markdown", "html"] {
        let out = compare(format, &a, &b);
        // Text is wrapped to the page: a name may break across lines.
        let out = match format {
            "text" => out.split_whitespace().collect::<Vec<_>>().join(" "),
            _ => out,
        };
        let forward = format!("{la} → {lb}'s ");
        let backward = format!("{lb} → {la}'s ");
        let (forward, backward) = match format {
            "html" => (
                forward.replace('\'', "&#39;"),
                backward.replace('\'', "&#39;"),
            ),
            _ => (forward, backward),
        };
        let at = out
            .find(&forward)
            .unwrap_or_else(|| panic!("{format}: no {forward} in\n{out}"));
        let rest = &out[at + forward.len()..];
        let winner_b = match format {
            "markdown" => format!("**{b_winner}**"),
            "html" => format!("<strong>{b_winner}</strong>"),
            _ => b_winner.to_string(),
        };
        assert!(rest.starts_with(&winner_b), "{format}: {}", &rest[..80]);
        let at = out.find(&backward).unwrap();
        let rest = &out[at + backward.len()..];
        assert!(
            rest.contains(a_winner) && !rest.starts_with(&winner_b),
            "{format}: B → A names A's winner"
        );
    }
}

#[test]
fn equal_team_names_are_told_apart_by_their_file() {
    check("named", Some("team = \"Platform team\""), "Platform team");
}

#[test]
fn the_default_name_is_the_file_stem_and_told_apart_too() {
    check("stem", None, "answers");
}
