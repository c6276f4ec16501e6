//! The outline of a team comparison: the teams and their files, their answers side by side, and per
//! pack each team's recommendation and the answers that explain different ones. Written as text,
//! Markdown or a one-page HTML handout by the same writers as a recommendation.

use super::outline::{
    Block, Cell, Column, ColumnKind, HIGHLIGHT, Outline, Row, Section, Span, Table, Text,
};
use crate::compare::{Comparison, PackComparison, Switch};

pub fn outline(c: &Comparison, date: Option<&str>) -> Outline {
    let mut meta: Vec<String> = date.map(|d| format!("Generated {d}")).into_iter().collect();
    meta.push(format!("data verified {}", c.data_verified));
    Outline {
        title: "tradeoff: comparing teams".into(),
        subject: c.teams.join(", "),
        meta,
        properties: Vec::new(),
        summary: summary(c),
        sections: c.packs.iter().map(|p| pack_section(c, p)).collect(),
        footer: Vec::new(),
    }
}

fn summary(c: &Comparison) -> Vec<Block> {
    let mut blocks = Vec::new();
    if c.files.iter().any(Option::is_some) {
        let rows = c
            .teams
            .iter()
            .zip(&c.files)
            .map(|(t, f)| Row {
                cells: vec![
                    Cell::text(t.clone()),
                    Cell::text(f.clone().unwrap_or_default()),
                ],
                highlight: false,
            })
            .collect();
        blocks.push(Block::heading(2, "Teams"));
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::new("Team", ColumnKind::Label),
                Column::new("Answers file", ColumnKind::Prose),
            ],
            rows,
        }));
    }
    blocks.push(Block::heading(2, "Answers"));
    blocks.push(Block::paragraph(format!(
        "{HIGHLIGHT} marks the questions the teams answered differently."
    )));
    let mut columns = vec![Column::new("Question", ColumnKind::Label)];
    columns.extend(
        c.teams
            .iter()
            .map(|t| Column::new(t.clone(), ColumnKind::Label)),
    );
    let rows = c
        .answers
        .iter()
        .map(|r| {
            let mut cells = vec![Cell::text(r.title.clone())];
            cells.extend(r.labels.iter().map(|l| match l {
                Some(l) => Cell::text(l.clone()),
                None => Cell::Text(Text(vec![Span::Emphasis("skipped".into())])),
            }));
            Row {
                cells,
                highlight: r.differs,
            }
        })
        .collect();
    blocks.push(Block::Table(Table { columns, rows }));
    blocks
}

fn pack_section(c: &Comparison, p: &PackComparison) -> Section {
    let rows = c
        .teams
        .iter()
        .zip(&p.results)
        .map(|(t, r)| {
            let mut cells = vec![
                Cell::text(t.clone()),
                Cell::text(r.winner_name.as_deref().unwrap_or("no recommendation")),
                Cell::text(r.score.map_or(String::new(), |s| format!("{s:.1}"))),
            ];
            if p.cost_note.is_some() {
                cells.push(Cell::text(r.monthly_usd.map_or("—".to_string(), |m| {
                    crate::engine::cost::usd_range(m.low, m.high)
                })));
            }
            Row {
                cells,
                highlight: false,
            }
        })
        .collect();
    let mut columns = vec![
        Column::new("Team", ColumnKind::Label),
        Column::new("Recommendation", ColumnKind::Label),
        Column::new("Score", ColumnKind::Number),
    ];
    if p.cost_note.is_some() {
        columns.push(Column::new("Monthly (est.)", ColumnKind::Number));
    }
    let mut blocks = vec![Block::Table(Table { columns, rows })];
    if let Some(note) = &p.cost_note {
        blocks.push(Block::paragraph(format!(
            "Monthly: {note}, for the team's own footprint (— where a team skipped it)."
        )));
    }
    if p.same_winner {
        blocks.push(Block::paragraph("Same recommendation for every team."));
    } else {
        blocks.push(Block::heading(3, "What explains the difference"));
        blocks.push(Block::list(
            p.explanations.iter().map(|e| explanation(p, e)).collect(),
        ));
    }
    Section {
        heading: Text::plain(p.name.clone()),
        blocks,
    }
}

/// "Startup → Data team's Amazon ECS on AWS Fargate: Workload Web app or API → Background jobs".
fn explanation(p: &PackComparison, e: &crate::compare::Explanation) -> Text {
    let target = p
        .results
        .get(e.to_index)
        .and_then(|r| r.winner_name.as_deref())
        .unwrap_or("no recommendation");
    let how = if e.needs_all {
        let lead = if e.reproduces {
            "only all their differences together"
        } else {
            "not even all their answers together"
        };
        let all = e.sets.first().map_or(String::new(), |s| switch_text(s));
        format!("{lead} ({all})")
    } else {
        let alts: Vec<String> = e.sets.iter().map(|s| switch_text(s)).collect();
        alts.join("; or ")
    };
    Text::plain(format!("{} → {}'s ", e.from_team, e.to_team))
        .and_strong(target)
        .and(format!(": {how}"))
}

fn switch_text(set: &[Switch]) -> String {
    set.iter()
        .map(|s| {
            format!(
                "{} {} → {}",
                s.title,
                s.from.as_deref().unwrap_or("(skipped)"),
                s.to.as_deref().unwrap_or("(skipped)")
            )
        })
        .collect::<Vec<_>>()
        .join(" and ")
}
