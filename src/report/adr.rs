//! The decision as an Architecture Decision Record in the MADR 4.0 layout
//! (<https://adr.github.io/madr/>), written by the Markdown writer.
//!
//! One record for the whole stack rather than one per pack: the packs are chosen together from one
//! set of answers (the same context and problem statement), their caveats cross packs ("if you
//! deploy it with ECS Express Mode …"), and a record is one file, which `--output` and the TUI's
//! export write. A team that keeps one record per decision runs it once per pack
//! (`--pack compute`), and gets a record about that pack alone.
//!
//! The record drops into the ADR tools' folders as it is: no front matter, so its first line is
//! the title, as adr-tools reads it (`head -1 | cut -c 3-`, which made a front matter's `---`
//! the title "-") and numbered as adr-tools numbers titles when the folder's number is known; the
//! status, date and deciders as the list right under the title that log4brains reads (its
//! `- Status: …` items before the first level 2 heading; with front matter it read no status and
//! took the record as accepted), and a `## Status` section as adr-tools reads and rewrites it
//! (`adr new -s` supersedes through it). MADR 4.0 makes its front matter optional; its sections
//! follow in MADR's order.
//!
//! Pros and cons come from the score rationales: a criterion scored at least [`GOOD_FROM`] of 10 is
//! "Good", at most [`BAD_UP_TO`] "Bad", anything between "Neutral".

use super::markdown;
use super::outline::{Block, Outline, Section, Text};
use super::recommendation::{method_line, source_ref};
use super::{
    because_text, changes_text, find, flip_winner, name_of, pct, rationale, share, standing,
    weight_flips, winner_label, with_because,
};
use crate::engine::{PackResult, RankedAlternative, Recommendation, SourceOut};

/// MADR 4.0's status for a record nobody has accepted yet: a recommendation is a proposal until
/// the team agrees to it.
pub const STATUS: &str = "proposed";
/// The level 2 headings of this record, in MADR 4.0's order.
pub const SECTIONS: [&str; 6] = [
    "Context and Problem Statement",
    "Decision Drivers",
    "Considered Options",
    "Decision Outcome",
    "Pros and Cons of the Options",
    "More Information",
];
/// A score of at least this (of 10) is a pro.
pub const GOOD_FROM: f64 = 7.0;
/// A score of at most this (of 10) is a con.
pub const BAD_UP_TO: f64 = 4.0;
/// How many of the winner's largest leads (and deficits) its consequences name.
const CONSEQUENCES: usize = 3;

/// What the team says about its record: MADR's `status` (one of [`STATUSES`], or `superseded by
/// …`) and `decision-makers`, and its number in an ADR folder (`None`: not written into one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    pub status: String,
    pub deciders: Vec<String>,
    pub number: Option<u32>,
}

impl Default for Meta {
    fn default() -> Self {
        Meta {
            status: STATUS.into(),
            deciders: Vec::new(),
            number: None,
        }
    }
}

/// MADR 4.0's statuses (besides `superseded by ADR-NNNN`).
pub const STATUSES: [&str; 4] = ["proposed", "rejected", "accepted", "deprecated"];

/// A status as MADR spells it, or what is wrong with it (with a `tip:` line suggesting one).
pub fn check_status(status: &str) -> Result<String, String> {
    let s = status.trim();
    if STATUSES.contains(&s) || s.starts_with("superseded by ") {
        return Ok(s.to_string());
    }
    let tip = crate::suggest::similar("status", s, STATUSES.iter().copied())
        .map_or(String::new(), |t| format!("\n{t}"));
    Err(format!(
        "unknown ADR status `{s}`; MADR's statuses: {}, or `superseded by ADR-NNNN`{tip}",
        STATUSES.join(", ")
    ))
}

pub fn render(rec: &Recommendation, date: &str) -> String {
    render_with(rec, date, &Meta::default())
}

pub fn render_with(rec: &Recommendation, date: &str, meta: &Meta) -> String {
    markdown::write(&outline(rec, date, meta))
}

/// The next record's number in an ADR folder that holds `existing` names: one more than the
/// largest `NNNN-` number (adr-tools and MADR number them so), else 1.
pub fn next_number(existing: &[String]) -> u32 {
    existing
        .iter()
        .filter_map(|n| {
            let (num, rest) = n.split_at_checked(4)?;
            (rest.starts_with('-') && num.bytes().all(|b| b.is_ascii_digit()))
                .then(|| num.parse::<u32>().ok())
                .flatten()
        })
        .max()
        .map_or(1, |n| n + 1)
}

/// The record's file name as number `next` in an ADR folder: `NNNN-` and a slug of the title.
pub fn file_name(rec: &Recommendation, next: u32) -> String {
    let title = outline(rec, "", &Meta::default()).title;
    let mut slug = String::new();
    for c in title.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    format!(
        "{next:04}-{}.md",
        if slug.is_empty() { "decision" } else { slug }
    )
}

pub fn outline(rec: &Recommendation, date: &str, meta: &Meta) -> Outline {
    let title: Vec<String> = rec
        .packs
        .iter()
        .map(|p| {
            let w = winner_label(p).unwrap_or_else(|| "no recommendation".into());
            format!("{}: {w}", p.name)
        })
        .collect();
    let sections = [
        context(rec),
        drivers(rec),
        options(rec),
        outcome(rec),
        pros_and_cons(rec),
        more_information(rec, date),
    ];
    let title = title.join("; ");
    // log4brains' header: `Key: value` items right under the title.
    let mut header = vec![
        Text::plain(format!("Status: {}", meta.status)),
        Text::plain(format!("Date: {date}")),
    ];
    if !meta.deciders.is_empty() {
        header.push(Text::plain(format!(
            "Deciders: {}",
            meta.deciders.join(", ")
        )));
    }
    // adr-tools' section: the status alone on its line, capitalised as adr-tools writes it.
    let status = Section {
        heading: Text::plain("Status"),
        blocks: vec![Block::Paragraph(Text::plain(capitalised(&meta.status)))],
    };
    Outline {
        title: match meta.number {
            Some(n) => format!("{n}. {title}"),
            None => title,
        },
        subject: String::new(),
        meta: Vec::new(),
        properties: Vec::new(),
        summary: vec![Block::List {
            ordered: false,
            items: header,
        }],
        sections: std::iter::once(status)
            .chain(
                SECTIONS
                    .iter()
                    .zip(sections)
                    .map(|(heading, blocks)| Section {
                        heading: Text::plain(*heading),
                        blocks,
                    }),
            )
            .collect(),
        footer: Vec::new(),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// With several packs, each pack's part starts with its name as a heading of `level` (a real
/// heading, not bold text: markdownlint's MD036 in MADR's own configuration).
fn per_pack(
    rec: &Recommendation,
    level: u8,
    mut part: impl FnMut(&PackResult) -> Vec<Block>,
) -> Vec<Block> {
    let several = rec.packs.len() > 1;
    let mut blocks = Vec::new();
    for p in &rec.packs {
        let body = part(p);
        if body.is_empty() {
            continue;
        }
        if several {
            blocks.push(Block::heading(level, p.name.clone()));
        }
        blocks.extend(body);
    }
    blocks
}

fn winner(p: &PackResult) -> Option<&RankedAlternative> {
    p.winner.as_deref().and_then(|w| find(p, w))
}

/// "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn context(rec: &Recommendation) -> Vec<Block> {
    let names: Vec<&str> = rec.packs.iter().map(|p| p.name.as_str()).collect();
    let (answered, skipped) = super::answered_and_skipped(rec);
    let answered: Vec<Text> = answered.into_iter().map(Text::plain).collect();
    let mut blocks: Vec<Block> = super::recommendation::scenario_header(rec)
        .into_iter()
        .collect();
    blocks.push(Block::paragraph(format!(
        "We need to choose: {}. The options were scored with tradeoff, from these answers about our situation:",
        and_list(&names)
    )));
    if answered.is_empty() {
        blocks.push(Block::paragraph(
            "No questions were answered, so every criterion keeps its base weight.",
        ));
    } else {
        blocks.push(Block::list(answered));
    }
    if !skipped.is_empty() {
        blocks.push(Block::paragraph(format!(
            "Not answered: {}.",
            skipped.join(", ")
        )));
    }
    let changed = super::weights_changed(rec);
    if !changed.is_empty() {
        blocks.push(Block::paragraph(super::WEIGHTS_CHANGED));
        blocks.push(Block::list(changed.into_iter().map(Text::plain).collect()));
    }
    let verb = if names.len() > 1 { "fit" } else { "fits" };
    // "Which A and which B" reads well for two decisions; past that, one list.
    let which = if names.len() > 2 {
        and_list(&names)
    } else {
        names.join(" and which ")
    };
    blocks.push(Block::paragraph(format!(
        "Which {which} {verb} this situation best?"
    )));
    blocks
}

/// The weighted criteria, heaviest first, with the answers that changed their weight; then the
/// alternatives the answers rule out.
fn drivers(rec: &Recommendation) -> Vec<Block> {
    per_pack(rec, 3, |p| {
        let mut weights: Vec<_> = p.weights.iter().filter(|w| w.share > 0.0).collect();
        weights.sort_by(|a, b| b.share.total_cmp(&a.share));
        let mut items: Vec<Text> = weights
            .iter()
            .map(|w| {
                let factors: Vec<String> = w
                    .factors
                    .iter()
                    .map(|f| format!("×{} because {}", f.factor, because_text(&f.because)))
                    .collect();
                let more = match factors.is_empty() {
                    true => String::new(),
                    false => format!("; {}", factors.join("; ")),
                };
                Text::strong(w.name.clone()).and(format!(": {} of the weight{more}", pct(w.share)))
            })
            .collect();
        for a in p.ranking.iter().filter(|a| a.excluded) {
            for e in &a.exclusions {
                items.push(Text::strong(a.name.clone()).and(format!(
                    " is ruled out: {}",
                    with_because(&e.reason, &e.because)
                )));
            }
        }
        vec![Block::list(items)]
    })
}

fn options(rec: &Recommendation) -> Vec<Block> {
    per_pack(rec, 3, |p| {
        let items = p
            .ranking
            .iter()
            .map(|a| match (a.excluded, &p.cost_basis) {
                (true, _) => Text::plain(format!("{} (excluded)", a.name)),
                (false, None) => Text::plain(format!("{} ({:.1}/100)", a.name, a.score)),
                (false, Some(_)) if a.cost.is_none() => {
                    Text::plain(format!("{} ({:.1}/100, not priced)", a.name, a.score))
                }
                (false, Some(_)) => Text::plain(format!(
                    "{} ({:.1}/100, {} a month)",
                    a.name,
                    a.score,
                    super::cost::monthly(a)
                )),
            })
            .collect();
        let mut blocks = vec![Block::list(items)];
        // Monthly figures are estimates: the record says on which prices.
        blocks.extend(
            p.cost_basis
                .as_ref()
                .map(|b| Block::paragraph(format!("Monthly figures: {}.", b.note))),
        );
        blocks
    })
}

/// The chosen option of every pack with its justification and robustness, then the consequences.
fn outcome(rec: &Recommendation) -> Vec<Block> {
    let mut blocks = per_pack(rec, 3, |p| {
        let Some(w) = winner(p) else {
            return vec![Block::paragraph(
                "No option is chosen: every alternative is excluded by the answers.",
            )];
        };
        let chosen = match (&p.runner_up, p.verdict) {
            (Some(r), crate::engine::Verdict::Tie) => format!(
                "Chosen option: \"{}\" or \"{}\", tied: the weighted criteria do not separate them ({}), so the choice between the two is the team's.",
                w.name,
                name_of(p, r),
                standing(p)
            ),
            _ => format!(
                "Chosen option: \"{}\", because it comes out best on the weighted criteria: {}.",
                w.name,
                standing(p)
            ),
        };
        vec![
            Block::paragraph(chosen),
            Block::paragraph(format!(
                "Robustness: {}; it wins {} of {} samples of randomly varied weights (see More Information).",
                p.verdict.as_str(),
                share(p.robustness.winner_probability),
                p.robustness.samples,
            )),
        ]
        .into_iter()
        .chain(super::cost::top_two(p, w).map(Block::paragraph))
        .collect()
    });
    blocks.push(Block::heading(3, "Consequences"));
    blocks.extend(per_pack(rec, 4, consequences));
    blocks
}

/// Good: where the winner gains most over the runner-up. Bad: its caveats and status, and where
/// the runner-up is ahead.
fn consequences(p: &PackResult) -> Vec<Block> {
    let Some(w) = winner(p) else {
        return Vec::new();
    };
    let ru = p.runner_up.as_deref().and_then(|r| find(p, r));
    let mut leads: Vec<(f64, usize)> = w
        .contributions
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let other = ru
                .and_then(|r| r.contributions.get(i))
                .map_or(0.0, |c| c.points);
            (c.points - other, i)
        })
        .collect();
    leads.sort_by(|a, b| b.0.total_cmp(&a.0));
    let against = ru.map_or(String::new(), |r| format!(" over {}", r.name));
    let mut items: Vec<Text> = leads
        .iter()
        .filter(|(d, _)| *d > 0.0)
        .take(CONSEQUENCES)
        .map(|&(d, i)| {
            let c = &w.contributions[i];
            Text::plain(format!(
                "Good, because {}: {} (+{d:.1} points{against})",
                c.name,
                rationale(w, c)
            ))
        })
        .collect();
    items.extend(
        p.caveats
            .iter()
            .map(|c| Text::plain(format!("Bad, because {}", c.text))),
    );
    if let Some(s) = &w.status {
        items.push(Text::plain(format!("Bad, because its status is: {s}")));
    }
    if let Some(r) = ru {
        items.extend(
            leads
                .iter()
                .rev()
                .filter(|(d, _)| *d < 0.0)
                .take(CONSEQUENCES)
                .map(|&(d, i)| {
                    let c = &w.contributions[i];
                    Text::plain(format!(
                        "Bad, because {}: {} ({:.1} points behind {})",
                        c.name,
                        rationale(w, c),
                        -d,
                        r.name
                    ))
                }),
        );
    }
    vec![Block::list(items)]
}

fn pros_and_cons(rec: &Recommendation) -> Vec<Block> {
    let several = rec.packs.len() > 1;
    let mut blocks = Vec::new();
    for p in &rec.packs {
        for a in &p.ranking {
            let heading = match several {
                true => format!("{}: {}", p.name, a.name),
                false => a.name.to_string(),
            };
            blocks.push(Block::heading(3, heading));
            blocks.push(Block::paragraph(a.summary.clone()));
            blocks.push(Block::list(arguments(a)));
        }
    }
    blocks
}

/// "Good, because …", "Neutral, because …", "Bad, because …" from each criterion's score and
/// rationale, with exclusions and the status as cons.
fn arguments(a: &RankedAlternative) -> Vec<Text> {
    let argument = |c: &crate::engine::Contribution| {
        format!("{} ({:.0}/10): {}", c.name, c.score, rationale(a, c))
    };
    let mut good = Vec::new();
    let mut neutral = Vec::new();
    let mut bad = Vec::new();
    for c in &a.contributions {
        let line = argument(c);
        if c.score >= GOOD_FROM {
            good.push(Text::plain(format!("Good, because {line}")));
        } else if c.score <= BAD_UP_TO {
            bad.push(Text::plain(format!("Bad, because {line}")));
        } else {
            neutral.push(Text::plain(format!("Neutral, because {line}")));
        }
    }
    for e in &a.exclusions {
        bad.push(Text::plain(format!(
            "Bad, because it is excluded: {}",
            with_because(&e.reason, &e.because)
        )));
    }
    if let Some(s) = &a.status {
        bad.push(Text::plain(format!("Bad, because its status is: {s}")));
    }
    good.extend(neutral);
    good.extend(bad);
    good
}

/// How it was computed, when to revisit it, how to put it in place, and every source consulted.
fn more_information(rec: &Recommendation, date: &str) -> Vec<Block> {
    let mut blocks = vec![Block::paragraph(format!(
        "Generated by tradeoff on {date} from data verified {}{}.",
        rec.data_verified,
        rec.data
            .next_review
            .as_ref()
            .map_or(String::new(), |r| format!(" (next review {r})"))
    ))];
    blocks.extend(super::freshness_warning(&rec.data).map(Block::paragraph));
    blocks.extend(method_line(rec).map(Block::Paragraph));
    let several = rec.packs.len() > 1;
    let lead = |p: &PackResult| match several {
        true => format!("{}: ", p.name),
        false => String::new(),
    };
    let mut revisit: Vec<Text> = Vec::new();
    for p in &rec.packs {
        for f in &p.flips.sets {
            revisit.push(Text::plain(format!(
                "{}{} → {}",
                lead(p),
                changes_text(f),
                flip_winner(f)
            )));
        }
        for w in weight_flips(p, CONSEQUENCES) {
            revisit.push(Text::plain(format!("{}{w}", lead(p))));
        }
    }
    if !revisit.is_empty() {
        blocks.push(Block::heading(3, "Revisit this decision if"));
        blocks.push(Block::list(revisit));
    }
    for p in &rec.packs {
        if let Some(w) = winner(p).filter(|w| !w.next_steps.is_empty()) {
            blocks.push(Block::heading(3, format!("Next steps: {}", w.name)));
            blocks.push(Block::numbered(
                w.next_steps.iter().cloned().map(Text::plain).collect(),
            ));
        }
    }
    let sources = every_source(rec);
    if !sources.is_empty() {
        blocks.push(Block::heading(3, "Sources"));
        blocks.push(Block::list(
            sources
                .into_iter()
                .map(|s| Text(vec![super::outline::Span::Source(source_ref(s))]))
                .collect(),
        ));
    }
    blocks
}

/// The sources of every option considered, each once, in the order they are first cited.
fn every_source(rec: &Recommendation) -> Vec<&SourceOut> {
    let mut seen = std::collections::HashSet::new();
    rec.packs
        .iter()
        .flat_map(|p| &p.ranking)
        .flat_map(|a| &a.sources)
        .filter(|s| seen.insert(s.id.as_str()))
        .collect()
}
