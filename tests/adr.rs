//! `--format adr`: an Architecture Decision Record in the MADR 4.0 layout, checked against the
//! template's front matter and section headings (adr/madr, template/adr-template.md at 4.0.0).

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
fn front_matter_title_and_madr_sections_in_order() {
    let (_, rec) = persona(&[]);
    let md = report::adr::render(&rec, DATE);
    assert!(
        md.starts_with("---\nstatus: proposed\ndate: 2026-11-26\n---\n\n# "),
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
    assert_eq!(h2, MADR_SECTIONS);
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
        assert!(headings.contains(&(3, a.name.clone())), "{}", a.name);
    }
    assert!(
        !md.contains(&format!("**{}**", p.name)),
        "no per-pack leads for one pack"
    );
    assert!(!md.contains(&other.name));
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
    assert!(md.starts_with("---\nstatus: proposed\ndate: "), "{md}");
    let (headings, _) = structure(&md);
    let h2: Vec<&str> = headings
        .iter()
        .filter(|h| h.0 == 2)
        .map(|h| h.1.as_str())
        .collect();
    assert_eq!(h2, MADR_SECTIONS);

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
