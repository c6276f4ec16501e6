//! The outline of a [`Recommendation`]: the one place that decides what a recommendation says, in
//! which order, in which words. Text, Markdown and HTML write this outline and nothing else; each
//! part of a pack's section (verdict, ranking, why, because, what would change it, …) is public
//! so that another view (the TUI's panels) can show the same blocks.

use super::outline::{
    Block, Callout, CalloutKind, Cell, Column, ColumnKind, Outline, Row, Section, SourceRef, Span,
    Table, Text,
};
use super::{
    because_groups, changes_text, find, flip_winner, freshness_warning, no_flip, pct, rationale,
    share, standing, weight_flips, winner_label, with_because,
};
use crate::engine::{Fixed, PackResult, RankedAlternative, Recommendation, SourceOut};
use crate::pack::SharedStr;

/// The outline of `rec`; `date` is the day it was generated, when the format shows one.
pub fn outline(rec: &Recommendation, date: Option<&str>) -> Outline {
    let winners: Vec<String> = rec.packs.iter().filter_map(winner_label).collect();
    let mut meta: Vec<String> = date.map(|d| format!("Generated {d}")).into_iter().collect();
    meta.push(format!("data verified {}", rec.data_verified));
    if let Some(r) = &rec.data.next_review {
        meta.push(format!("next review {r}"));
    }
    Outline {
        title: "tradeoff recommendation".into(),
        subject: winners.join(" + "),
        meta,
        properties: Vec::new(),
        summary: summary(rec),
        sections: rec.packs.iter().map(pack_section).collect(),
        footer: method_line(rec).into_iter().collect(),
    }
}

/// What comes before the packs: a warning when the data is stale, the whole stack, the answers.
fn summary(rec: &Recommendation) -> Vec<Block> {
    let mut blocks: Vec<Block> = scenario_header(rec).into_iter().collect();
    blocks.extend(stale_warning(rec));
    blocks.extend(stack(rec));
    blocks.push(Block::heading(2, "Answers"));
    if rec.answers.iter().all(|a| a.label.is_none()) {
        blocks.push(Block::paragraph(
            "No questions answered: scores use the base weights only.",
        ));
    }
    let rows = rec
        .answers
        .iter()
        .map(|a| Row {
            cells: vec![
                Cell::text(a.title.clone()),
                Cell::Text(match &a.label {
                    Some(l) => Text::plain(l.clone()),
                    None if !a.asked => Text(vec![Span::Emphasis("not asked".into())]),
                    None => Text(vec![Span::Emphasis("skipped".into())]),
                }),
            ],
            highlight: false,
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::new("Question", ColumnKind::Label),
            Column::new("Answer", ColumnKind::Label),
        ],
        rows,
    }));
    blocks.extend(weights_changed(rec));
    if let Some(p) = &rec.poll {
        blocks.extend(poll(p));
    }
    blocks
}

/// The room's poll: each polled question's spread of hands, the share of the room's answer
/// combinations each alternative wins, and the question that divides the room most.
pub fn poll(p: &crate::engine::PollResult) -> Vec<Block> {
    let mut blocks = vec![Block::heading(2, "The room's poll")];
    for q in &p.questions {
        blocks.push(Block::paragraph(
            Text::strong(q.title.clone()).and(format!(" — {} hands", q.hands_total)),
        ));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Answer", ColumnKind::Label),
                Column::new("Hands", ColumnKind::Number),
                Column::new("Share", ColumnKind::Number),
                Column::new("", ColumnKind::Bar),
            ],
            rows: q
                .choices
                .iter()
                .map(|c| Row {
                    cells: vec![
                        Cell::text(c.label.clone()),
                        Cell::text(c.hands.to_string()),
                        Cell::text(pct(c.share)),
                        Cell::Bar(c.share * 100.0),
                    ],
                    highlight: false,
                })
                .collect(),
        }));
    }
    blocks.push(Block::paragraph(
        "What it means: the share of the room's answers each alternative wins (the other answers as given above)",
    ));
    blocks.push(Block::list(
        p.packs
            .iter()
            .map(|pk| {
                let wins: Vec<String> = pk
                    .wins
                    .iter()
                    .map(|w| format!("{} {}", w.name, pct(w.share)))
                    .collect();
                Text::plain(format!("{}: ", pk.pack_name)).and(wins.join(", "))
            })
            .collect(),
    ));
    blocks.push(Block::paragraph(super::poll_divides(p)));
    blocks.push(Block::paragraph(Text(vec![Span::Emphasis(
        "A show of hands does not say who answered what together, so each combination of the polled answers weighs the product of its answers' shares of the hands.".into(),
    )])));
    blocks
}

/// An export from the what-if screen says first that it is a scenario, and what it changed
/// ("Traffic: Steady → Spiky or mostly idle"): a reader must never take it for the team's own
/// recommendation. Every format writes this one block (the ADR in its context).
pub fn scenario_header(rec: &Recommendation) -> Option<Block> {
    let s = rec.scenario.as_ref()?;
    let shown = |l: &Option<SharedStr>| l.clone().unwrap_or_else(|| "not answered".into());
    let mut body = vec![Text::plain(
        "A what-if: these answers differ from the ones it started from, so this is not the team's own recommendation.",
    )];
    body.extend(s.changed.iter().map(|c| {
        Text::strong(c.title.clone()).and(format!(": {} → {}", shown(&c.from), shown(&c.to)))
    }));
    Some(Block::Callout(Callout {
        kind: CalloutKind::Warning,
        title: Some(Text::plain("Scenario")),
        badge: None,
        body,
    }))
}

/// The weights the user changed, after the answers: the scores are not the data's own.
pub fn weights_changed(rec: &Recommendation) -> Vec<Block> {
    let lines = super::weights_changed(rec);
    if lines.is_empty() {
        return Vec::new();
    }
    vec![
        Block::heading(2, "Weights changed"),
        Block::paragraph(super::WEIGHTS_CHANGED),
        Block::list(lines.into_iter().map(Text::plain).collect()),
    ]
}

/// Old data, or data past its review date, is flagged before anything else: AWS's offerings change
/// several times a year.
pub fn stale_warning(rec: &Recommendation) -> Option<Block> {
    freshness_warning(&rec.data).map(|text| {
        Block::Callout(Callout {
            kind: CalloutKind::Warning,
            title: Some(Text::plain(if rec.data.stale {
                "Old data"
            } else {
                "Data due for review"
            })),
            badge: None,
            body: vec![Text::plain(text)],
        })
    })
}

/// The recommendation as a whole: one line per pack, its winner or why there is none.
pub fn stack(rec: &Recommendation) -> Vec<Block> {
    if rec.stack.len() < 2 {
        return Vec::new();
    }
    let items = rec
        .stack
        .iter()
        .map(|s| match (&s.winner_name, &s.tied_with_name) {
            (Some(w), Some(t)) => Text::plain(format!("{}: ", s.pack_name))
                .and_strong(w.clone())
                .and(" or ")
                .and_strong(t.clone())
                .and(" (a tie: your answers do not separate them)"),
            (Some(w), None) => Text::plain(format!("{}: ", s.pack_name)).and_strong(w.clone()),
            _ => Text::plain(format!("{}: nothing (all excluded)", s.pack_name)),
        })
        .collect();
    vec![Block::heading(2, "Recommended stack"), Block::list(items)]
}

/// "Scoring: …. Close call under 5 points; robust if …."
pub fn method_line(rec: &Recommendation) -> Option<Text> {
    let rule = rec.packs.first().map(|p| p.robustness.rule.as_str())?;
    Some(Text::plain(format!(
        "Scoring: {}. Close call under {} points; {rule}.",
        rec.method.scoring, rec.method.close_call_points
    )))
}

pub fn pack_section(p: &PackResult) -> Section {
    let winner = p.winner.as_deref().and_then(|w| find(p, w));
    let mut blocks: Vec<Block> = p
        .origin
        .iter()
        .map(|folder| Block::paragraph(format!("Your own pack, from {folder}.")))
        .collect();
    blocks.push(verdict(p, winner));
    blocks.extend(p.caveats.iter().map(|c| {
        Block::Callout(Callout {
            kind: CalloutKind::Caveat,
            title: None,
            badge: None,
            body: vec![Text::plain(c.text.clone())],
        })
    }));
    blocks.push(Block::heading(3, "Ranking"));
    blocks.push(Block::Table(ranking(p)));
    blocks.extend(excluded(p));
    blocks.extend(super::cost::blocks(p));
    if let Some(w) = winner {
        blocks.extend(why(p, w));
    }
    blocks.extend(because(p));
    blocks.extend(what_would_change(p));
    if let Some(w) = winner {
        blocks.extend(next_steps(w));
        blocks.extend(sources(&w.sources));
    }
    let heading = match &p.origin {
        Some(_) => format!("{} (your pack)", p.name),
        None => p.name.to_string(),
    };
    Section {
        heading: Text::plain(heading),
        blocks,
    }
}

/// The recommendation of one pack, with its standing and summary, or why there is none.
pub fn verdict(p: &PackResult, winner: Option<&RankedAlternative>) -> Block {
    Block::Callout(match winner {
        Some(w) => {
            let mut body = vec![Text::plain(standing(p)), Text::plain(w.summary.clone())];
            if let Some(s) = &w.status {
                body.push(Text(vec![Span::Status(s.to_string())]));
            }
            Callout {
                kind: CalloutKind::Winner,
                title: Some(Text::plain(
                    winner_label(p).unwrap_or_else(|| w.name.to_string()),
                )),
                badge: Some(p.verdict.as_str().into()),
                body,
            }
        }
        None => Callout {
            kind: CalloutKind::NoWinner,
            title: Some(Text::plain("No recommendation")),
            badge: None,
            body: vec![Text::plain("Every alternative is excluded by the answers.")],
        },
    })
}

/// An alternative's name, with its status when it has one.
fn name_with_status(a: &RankedAlternative) -> Text {
    let name = Text::plain(a.name.clone());
    match &a.status {
        Some(s) => name.and(" (").with(Span::Status(s.to_string())).and(")"),
        None => name,
    }
}

pub fn ranking(p: &PackResult) -> Table {
    let priced = p.cost_basis.is_some();
    let rows = p
        .ranking
        .iter()
        .filter(|a| !a.excluded)
        .map(|a| {
            let mut cells = vec![
                Cell::text(a.rank.unwrap_or(0).to_string()),
                Cell::Text(name_with_status(a)),
                Cell::text(Fixed(a.score, 1).to_string()),
                Cell::Bar(a.score),
                Cell::text(share(a.win_probability)),
            ];
            if priced {
                cells.push(Cell::text(super::cost::monthly(a)));
            }
            Row {
                cells,
                highlight: false,
            }
        })
        .collect();
    let mut columns = vec![
        Column::new("#", ColumnKind::Number),
        Column::new("Alternative", ColumnKind::Label),
        Column::new("Score", ColumnKind::Number),
        Column::new("Bar", ColumnKind::Bar),
        Column::new("Win share", ColumnKind::Number),
    ];
    if priced {
        // An estimate, never a quote: the column says so, and "What it will cost" gives the basis.
        columns.push(Column::new("Monthly (est.)", ColumnKind::Number));
    }
    Table { columns, rows }
}

/// "Excluded": each excluded alternative with every reason and the answers behind it.
pub fn excluded(p: &PackResult) -> Vec<Block> {
    let items: Vec<Text> = p
        .ranking
        .iter()
        .filter(|a| a.excluded)
        .map(|a| {
            let why: Vec<String> = a
                .exclusions
                .iter()
                .map(|e| with_because(&e.reason, &e.because))
                .collect();
            Text::strong(a.name.clone()).and(format!(" is excluded: {}", why.join("; ")))
        })
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![Block::heading(3, "Excluded"), Block::list(items)]
}

/// "Why X": the winner's points per criterion, beside the runner-up's.
pub fn why(p: &PackResult, w: &RankedAlternative) -> Vec<Block> {
    let ru = p.runner_up.as_deref().and_then(|r| find(p, r));
    let mut columns = vec![
        Column::new("Criterion", ColumnKind::Label),
        Column::new("Weight", ColumnKind::Number),
        Column::new("Score", ColumnKind::Number),
        Column::new("Points", ColumnKind::Number),
        Column::new("Bar", ColumnKind::Bar),
    ];
    if let Some(r) = ru {
        columns.push(Column::new(r.name.clone(), ColumnKind::Number));
    }
    columns.push(Column::new("Rationale", ColumnKind::Prose));
    let rows = w
        .contributions
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut cells = vec![
                Cell::text(&*c.name),
                Cell::text(pct(c.weight_share)),
                Cell::text(Fixed(c.score, 1).to_string()),
                Cell::text(Fixed(c.points, 1).to_string()),
                Cell::Bar(c.score * 10.0),
            ];
            if let Some(r) = ru {
                let points = r.contributions.get(i).map_or(0.0, |c| c.points);
                cells.push(Cell::text(Fixed(points, 1).to_string()));
            }
            cells.push(Cell::text(rationale(w, c)));
            Row {
                cells,
                highlight: false,
            }
        })
        .collect();
    let mut out = vec![
        Block::heading(3, format!("Why {}", w.name)),
        Block::Table(Table { columns, rows }),
    ];
    out.extend(super::cost::top_two(p, w).map(Block::paragraph));
    out
}

/// "Because you answered": every answer that changed something shown (a weight, a score, an
/// exclusion, an alternative kept eligible, the winner's caveats and next steps), one line per set
/// of answers, with what it changed.
pub fn because(p: &PackResult) -> Vec<Block> {
    let items: Vec<Text> = because_groups(p)
        .into_iter()
        .map(|(answers, effects)| Text::strong(answers).and(format!(": {}", effects.join("; "))))
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    vec![
        Block::heading(3, "Because you answered"),
        Block::list(items),
    ]
}

/// "What would change it": the smallest answer changes that change the winner, then every weight
/// change that does, smallest first.
pub fn what_would_change(p: &PackResult) -> Vec<Block> {
    let mut items: Vec<Text> = Vec::new();
    if p.flips.sets.is_empty() {
        items.push(Text::plain(no_flip(p)));
    }
    for f in &p.flips.sets {
        items.push(Text::plain(format!("{} → ", changes_text(f))).and_strong(flip_winner(f)));
    }
    let weights = weight_flips(p, usize::MAX);
    if weights.is_empty() {
        items.push(Text::plain(
            "No single weight change makes another alternative win.",
        ));
    }
    items.extend(weights.into_iter().map(Text::plain));
    vec![
        Block::heading(3, "What would change it"),
        Block::list(items),
    ]
}

pub fn next_steps(w: &RankedAlternative) -> Vec<Block> {
    if w.next_steps.is_empty() {
        return Vec::new();
    }
    vec![
        Block::heading(3, "Next steps"),
        Block::numbered(w.next_steps.iter().cloned().map(Text::plain).collect()),
    ]
}

/// A source as a reference with its verified date.
pub fn source_ref(s: &SourceOut) -> SourceRef {
    SourceRef {
        title: s.title.to_string(),
        url: s.url.clone().map(String::from),
        citation: s.citation.clone().map(String::from),
        verified: s.verified.to_string(),
    }
}

/// "Sources", each with the date it was verified; nothing when there are none.
pub fn sources(list: &[SourceOut]) -> Vec<Block> {
    if list.is_empty() {
        return Vec::new();
    }
    let items = list
        .iter()
        .map(|s| Text(vec![Span::Source(source_ref(s))]))
        .collect();
    vec![Block::heading(3, "Sources"), Block::list(items)]
}
