//! `--format adr`: an Architecture Decision Record in the MADR 4.0 layout, checked against the
//! template's section headings (adr/madr, template/adr-template.md at 4.0.0), and as the ADR tools
//! read it: adr-tools (npryce/adr-tools: the title is the first line less `# `, the status the
//! lines of `## Status`; run for real where it is installed) and log4brains (thomvaill/log4brains,
//! packages/core/src/adr/domain: the first level 1 heading, and `Key: value` items of the first
//! list before the first level 2 heading).

mod common;

use assert_cmd::Command;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use tradeoff::answers::Answers;
use tradeoff::engine::{Recommendation, analyze};
use tradeoff::pack::{self, Catalog};
use tradeoff::report;

const DATE: &str = "2026-11-26";

/// MADR 4.0.0's level 2 headings, in the template's order (Decision Drivers and More Information
/// are optional there; this record always has them).
const MADR_SECTIONS: [&str; 6] = [
    "Context and Problem Statement",
    "Decision Drivers",
    "Considered Options",
    "Decision Outcome",
    "Pros and Cons of the Options",
    "More Information",
];

fn persona(packs: &[usize]) -> (Catalog, Recommendation) {
    let c = pack::load_builtin().unwrap();
    let mut a = Answers::empty(&c);
    for (q, ch) in [
        ("team_size", "small"),
        ("k8s_experience", "none"),
        ("cloud_strategy", "aws_only"),
        ("workload", "web"),
        ("app_runner_customer", "no"),
        ("iac_language", "typescript"),
    ] {
        a.set_by_id(&c, q, ch).unwrap();
    }
    let rec = analyze(&c, &a, packs);
    (c, rec)
}

/// Every heading as (level, text), and the text of every list item, in order.
fn structure(md: &str) -> (Vec<(u8, String)>, Vec<String>) {
    let mut headings = Vec::new();
    let mut items = Vec::new();
    let mut current: Option<String> = None;
    let mut item: Option<String> = None;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut level = 0;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Heading { level: l, .. }) => {
                level = match l {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                };
                current = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => headings.push((level, current.take().unwrap())),
            Event::Start(Tag::Item) => item = Some(String::new()),
            Event::End(TagEnd::Item) => items.push(item.take().unwrap()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.push_str(&t);
                } else if let Some(i) = item.as_mut() {
                    i.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the ADR: {h}"),
            _ => {}
        }
    }
    (headings, items)
}

#[test]
fn title_status_and_madr_sections_in_order() {
    let (_, rec) = persona(&[]);
    let md = report::adr::render(&rec, DATE);
    // No front matter: the title is the first line, then the status, date (and deciders).
    assert!(md.starts_with("# "), "{md}");
    assert!(
        md.contains("\n\n- Status: proposed\n- Date: 2026-11-26\n\n## Status\n\nProposed\n\n## "),
        "{md}"
    );
    let (headings, _) = structure(&md);
    let h1: Vec<&str> = headings
        .iter()
        .filter(|h| h.0 == 1)
        .map(|h| h.1.as_str())
        .collect();
    let title: Vec<String> = rec
        .packs
        .iter()
        .map(|p| {
            let w = p
                .ranking
                .iter()
                .find(|a| Some(&a.id) == p.winner.as_ref())
                .unwrap();
            format!("{}: {}", p.name, w.name)
        })
        .collect();
    assert_eq!(h1, [title.join("; ")]);
    let h2: Vec<&str> = headings
        .iter()
        .filter(|h| h.0 == 2)
        .map(|h| h.1.as_str())
        .collect();
    assert_eq!(h2[0], "Status", "adr-tools' status section first");
    assert_eq!(h2[1..], MADR_SECTIONS);
    assert_eq!(report::adr::SECTIONS, MADR_SECTIONS);
    // "Consequences" sits under "Decision Outcome", as in the template.
    let at = |text: &str| headings.iter().position(|h| h.1 == text).unwrap();
    assert_eq!(headings[at("Consequences")].0, 3);
    assert!(at("Decision Outcome") < at("Consequences"));
    assert!(at("Consequences") < at("Pros and Cons of the Options"));
}

#[test]
fn outcome_consequences_pros_and_cons_and_sources() {
    let (c, rec) = persona(&[]);
    let md = report::adr::render(&rec, DATE);
    let (headings, items) = structure(&md);
    for p in &rec.packs {
        let w = p
            .ranking
            .iter()
            .find(|a| Some(&a.id) == p.winner.as_ref())
            .unwrap();
        let r = p
            .ranking
            .iter()
            .find(|a| Some(&a.id) == p.runner_up.as_ref())
            .unwrap();
        let chosen = format!("Chosen option: \"{}\", because", w.name);
        assert!(md.contains(&chosen), "missing {chosen}");
        // Decision drivers: every weighted criterion with its share.
        for wt in p.weights.iter().filter(|wt| wt.share > 0.0) {
            let driver = format!("{}: {} of the weight", wt.name, report::pct(wt.share));
            assert!(
                items.iter().any(|i| i.starts_with(&driver)),
                "missing driver {driver}"
            );
        }
        // Consequences: good where the winner gains most over the runner-up, bad for its caveats.
        let (best, _) = w
            .contributions
            .iter()
            .zip(&r.contributions)
            .map(|(a, b)| (a, a.points - b.points))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .unwrap();
        // The data's backtick pairs are code spans: rendered, the backticks are gone.
        let good = format!("Good, because {}: {}", best.name, best.why.replace('`', ""));
        assert!(
            items
                .iter()
                .any(|i| i.starts_with(&good) && i.ends_with(&format!("points over {})", r.name))),
            "missing {good}"
        );
        for cav in &p.caveats {
            let bad = format!("Bad, because {}", cav.text.replace('`', ""));
            assert!(items.contains(&bad), "missing {bad}");
        }
    }
    assert!(md.contains("Robustness: "));
    let skipped: Vec<&str> = rec
        .answers
        .iter()
        .filter(|a| a.label.is_none() && a.asked)
        .map(|a| a.title.as_str())
        .collect();
    assert!(md.contains(&format!("Not answered: {}.", skipped.join(", "))));
    // Every option of every pack has its pros and cons, each one Good, Neutral or Bad.
    let pros_and_cons = headings
        .iter()
        .position(|h| h.1 == "Pros and Cons of the Options")
        .unwrap();
    for p in &c.packs {
        for a in &p.alternatives {
            let title = format!("{}: {}", p.name, a.name);
            let i = headings
                .iter()
                .position(|h| h.0 == 3 && h.1 == title)
                .unwrap_or_else(|| panic!("no pros and cons for {title}"));
            assert!(i > pros_and_cons);
        }
    }
    let arguments = items
        .iter()
        .filter(|i| {
            ["Good, because", "Neutral, because", "Bad, because"]
                .iter()
                .any(|v| i.starts_with(v))
        })
        .count();
    let scores: usize = c
        .packs
        .iter()
        .map(|p| p.alternatives.len() * p.criteria.len())
        .sum();
    assert!(
        arguments >= scores,
        "{arguments} arguments for {scores} scores"
    );
    // Sources with their verified dates, every link https.
    let sources = items.iter().filter(|i| i.contains("(verified ")).count();
    assert!(sources >= c.packs.len(), "{sources} sources");
    for link in md.match_indices("](<").map(|(i, _)| &md[i + 3..]) {
        assert!(
            link.starts_with("https://"),
            "{}",
            &link[..40.min(link.len())]
        );
    }
}

#[test]
fn one_pack_makes_a_record_about_that_pack_alone() {
    let (c, rec) = persona(&[0]);
    let md = report::adr::render(&rec, DATE);
    let (headings, _) = structure(&md);
    let (p, other) = (&c.packs[0], &c.packs[1]);
    assert!(
        headings[0].1.starts_with(&format!("{}: ", p.name)),
        "{:?}",
        headings[0]
    );
    for a in &p.alternatives {
        assert!(headings.contains(&(3, a.name.to_string())), "{}", a.name);
    }
    assert!(
        !md.contains(&format!("**{}**", p.name)),
        "no per-pack leads for one pack"
    );
    assert!(!md.contains(other.name.as_str()));
}

#[test]
fn the_cli_writes_it_to_stdout_and_to_a_file() {
    let out = Command::cargo_bin("tradeoff")
        .unwrap()
        .args([
            "recommend",
            "-a",
            "workload=web",
            "--pack",
            "iac",
            "--format",
            "adr",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Infrastructure as Code tool: "), "{md}");
    let (headings, _) = structure(&md);
    let h2: Vec<&str> = headings
        .iter()
        .filter(|h| h.0 == 2)
        .map(|h| h.1.as_str())
        .collect();
    assert_eq!(h2[1..], MADR_SECTIONS);

    let dir = common::scratch::root().join(format!("tradeoff-adr-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("0001-compute-and-iac.md");
    Command::cargo_bin("tradeoff")
        .unwrap()
        .args(["recommend", "-a", "workload=background", "-f", "adr", "-o"])
        .arg(&file)
        .assert()
        .success();
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("## Decision Outcome"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_format_enum_names_every_format_once() {
    use report::Format;
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, ["text", "json", "markdown", "html", "adr"]);
    assert_eq!(Format::Adr.extension(), "md");
    let (_, rec) = persona(&[]);
    assert_eq!(
        report::render(&rec, Format::Adr, DATE),
        report::adr::render(&rec, DATE)
    );
}

// ---------------------------------------------------------------- as the ADR tools read it

fn has(program: &str) -> bool {
    std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What log4brains reads from a record (packages/core/src/adr/domain/Adr.ts and MarkdownBody.ts):
/// the first level 1 heading as the title; from the first list among the blocks before the first
/// level 2 heading, its `Key: value` items (keys without case); a missing status is "accepted",
/// an unknown one "draft", `superseded by …` "superseded".
struct Log4brains {
    title: Option<String>,
    status: String,
    date: Option<String>,
    deciders: Vec<String>,
}

fn log4brains(md: &str) -> Log4brains {
    let mut title = None;
    let mut heading: Option<(u8, String)> = None;
    let mut header: Option<Vec<String>> = None;
    let mut list_depth = 0;
    let mut item: Option<String> = None;
    let mut before_h2 = true;
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                let l = if level == HeadingLevel::H1 { 1 } else { 2 };
                if level == HeadingLevel::H2 {
                    before_h2 = false;
                }
                heading = Some((l, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((1, t)) = heading.take()
                    && title.is_none()
                {
                    title = Some(t);
                }
            }
            Event::Start(Tag::List(_)) => {
                if list_depth == 0 && before_h2 && header.is_none() {
                    header = Some(Vec::new());
                    item = Some(String::new());
                }
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                list_depth -= 1;
                if list_depth == 0 {
                    item = None;
                }
            }
            Event::End(TagEnd::Item) if list_depth == 1 => {
                if let (Some(h), Some(i)) = (header.as_mut(), item.as_mut()) {
                    h.push(std::mem::take(i));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                } else if let Some(i) = item.as_mut() {
                    i.push_str(&t);
                }
            }
            _ => {}
        }
    }
    let get = |key: &str| {
        header.as_ref().and_then(|items| {
            items.iter().find_map(|i| {
                let (k, v) = i.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case(key)
                    .then(|| v.trim().to_string())
            })
        })
    };
    let status = match get("Status") {
        None => "accepted".to_string(),
        Some(s) if s.to_lowercase().starts_with("superseded by") => "superseded".into(),
        Some(s) => {
            let s = s.to_lowercase();
            let known = [
                "draft",
                "proposed",
                "rejected",
                "accepted",
                "deprecated",
                "superseded",
            ];
            if known.contains(&s.as_str()) {
                s
            } else {
                "draft".into()
            }
        }
    };
    Log4brains {
        title,
        status,
        date: get("date"),
        deciders: get("deciders")
            .map(|d| d.split(',').map(|x| x.trim().to_string()).collect())
            .unwrap_or_default(),
    }
}

/// adr-tools' `_adr_title` and `_adr_status`, as the scripts run them.
fn adr_tools(file: &std::path::Path) -> (String, String) {
    let run = |script: &str| {
        let out = std::process::Command::new("sh")
            .args(["-c", script, "sh"])
            .arg(file)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    (
        run(r#"head -1 "$1" | cut -c 3-"#),
        run(r#"awk '/^## Status/,/^#/ && !/^## Status/ { if (!/^(#|\s*$)/) print }' "$1""#),
    )
}

#[test]
fn log4brains_reads_the_status_date_and_deciders() {
    // The front matter of before read as "accepted" whatever it said: the reading above is
    // log4brains' own.
    let old = "---\nstatus: proposed\ndate: 2026-11-26\n---\n\n# Title\n\n## Context\n";
    assert_eq!(log4brains(old).status, "accepted");
    for (given, read) in [
        (None, "proposed"),
        (Some("accepted"), "accepted"),
        (Some("rejected"), "rejected"),
        (Some("deprecated"), "deprecated"),
        (Some("superseded by ADR-0001"), "superseded"),
    ] {
        let mut cmd = Command::cargo_bin("tradeoff").unwrap();
        cmd.args(["recommend", "--pack", "compute", "-f", "adr"]);
        cmd.args(["--deciders", "Ana, Bo"]);
        if let Some(s) = given {
            cmd.args(["--status", s]);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        let md = String::from_utf8(out.stdout).unwrap();
        let l4b = log4brains(&md);
        assert_eq!(l4b.status, read, "{md}");
        assert!(
            l4b.title
                .as_deref()
                .unwrap()
                .starts_with("Compute platform: "),
            "{md}"
        );
        let date = l4b.date.expect("a date");
        assert!(date.len() == 10 && date.as_bytes()[4] == b'-', "{date}");
        assert_eq!(l4b.deciders, ["Ana", "Bo"]);
    }
}

/// adr-tools' `adr ARGS` run in `dir` (no editor opens); its standard output, after it succeeded.
fn adr_cmd(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new("adr")
        .args(args)
        .current_dir(dir)
        .env("EDITOR", "true")
        .env("VISUAL", "true")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn adr_tools_reads_the_title_and_status_and_supersedes_it() {
    let dir = tempfile::tempdir().unwrap();
    let adr = dir.path().join("doc/adr");
    std::fs::create_dir_all(&adr).unwrap();
    let real = has("adr");
    if real {
        // adr-tools' own first record, and its `.adr-dir`.
        adr_cmd(dir.path(), &["init", "doc/adr"]);
    } else {
        eprintln!("adr-tools is not installed (.ci/run installs it): its scripts' reading only");
        std::fs::write(
            adr.join("0001-record-architecture-decisions.md"),
            "# 1. Record\n",
        )
        .unwrap();
    }
    Command::cargo_bin("tradeoff")
        .unwrap()
        .args(["recommend", "--pack", "compute", "--status", "accepted"])
        .arg("--adr-dir")
        .arg(&adr)
        .assert()
        .success();
    let file = std::fs::read_dir(&adr)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("0002-")
        })
        .expect("the record is number 2");
    let (title, status) = adr_tools(&file);
    assert!(title.starts_with("2. Compute platform: "), "{title}");
    assert_eq!(status, "Accepted");
    let md = std::fs::read_to_string(&file).unwrap();
    assert_eq!(log4brains(&md).status, "accepted");
    assert_eq!(log4brains(&md).title.as_deref(), Some(title.as_str()));
    if !real {
        return;
    }
    let adr_cmd = |args: &[&str]| adr_cmd(dir.path(), args);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(adr_cmd(&["list"]).contains(&name));
    let toc = adr_cmd(&["generate", "toc"]);
    assert!(toc.contains(&format!("* [{title}]({name})")), "{toc}");
    // Superseding it rewrites its status section, as adr-tools does its own records.
    adr_cmd(&["new", "-s", "2", "Use", "another", "platform"]);
    let (_, status) = adr_tools(&file);
    assert_eq!(
        status,
        "Superseded by [3. Use another platform](0003-use-another-platform.md)"
    );
}
