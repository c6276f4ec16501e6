//! The comparison table: alternatives × criteria with the 0–10 score of each cell, and below it the
//! rationale of the selected cell (score, weight, points, why, adjustments and the criterion's scale).
//! Columns that do not fit scroll sideways with the selection.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{draw_lines, follow, wrapped};
use crate::engine::{PackResult, RankedAlternative};
use crate::report::{because_text, pct};
use crate::tui::app::App;
use crate::tui::text;
use crate::tui::theme::Theme;

/// Where the table's columns go at a width.
struct Table<'a> {
    criteria: Vec<&'a str>,
    /// The selected criterion and alternative.
    column: usize,
    selected: usize,
    /// "› " + "1. " + the name + a space.
    name_w: usize,
    score_w: usize,
    col_w: usize,
    /// The criteria shown, scrolled sideways to keep the selected one in view.
    shown: Range<usize>,
}

impl<'a> Table<'a> {
    fn new(app: &App, p: &'a PackResult, width: usize) -> Option<Table<'a>> {
        let first = p.ranking.first()?;
        let criteria: Vec<&str> = first.contributions.iter().map(|c| &*c.name).collect();
        if criteria.is_empty() {
            return None;
        }
        let column = app.results.column.min(criteria.len() - 1);
        let name_w = p
            .ranking
            .iter()
            .map(|a| text::width(&a.name))
            .max()
            .unwrap_or(0)
            .min(28)
            + 6;
        let score_w = 7;
        let longest_word = criteria
            .iter()
            .flat_map(|c| c.split_whitespace())
            .map(text::width)
            .max()
            .unwrap_or(0);
        let col_w = (longest_word + 2).max(8);
        let room = width.saturating_sub(name_w + score_w);
        let visible = (room / col_w).clamp(1, criteria.len());
        let first_col = follow(column, column + 1, visible);
        Some(Table {
            shown: first_col..(first_col + visible).min(criteria.len()),
            selected: app.selected().min(p.ranking.len() - 1),
            criteria,
            column,
            name_w,
            score_w,
            col_w,
        })
    }

    /// "◀ criteria 3–6 of 9 ▶" when some criteria are off screen.
    fn position(&self) -> String {
        let (shown, n) = (&self.shown, self.criteria.len());
        if shown.len() == n {
            return String::new();
        }
        format!(
            "{}criteria {}–{} of {n}{}",
            if shown.start > 0 { "◀ " } else { "  " },
            shown.start + 1,
            shown.end,
            if shown.end < n { " ▶" } else { "" }
        )
    }
}

pub fn lines(app: &App, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let mut out = table_lines(app, p, width);
    out.push(Line::default());
    out.extend(cell_lines(app, p, width));
    out
}

/// The table: criteria names, weights, a row per alternative, the legend.
pub fn table_lines(app: &App, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let Some(table) = Table::new(app, p, width) else {
        return Vec::new();
    };
    let mut out = header(t, &table);
    out.push(weights(t, &table, p));
    out.extend(rows(t, &table, p));
    out.push(Line::styled(
        text::truncate("  ✓ best in its column · * adjusted by your answers", width),
        t.muted,
    ));
    out
}

/// The selected cell's rationale.
pub fn cell_lines(app: &App, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    match Table::new(app, p, width) {
        Some(table) => rationale(app, p, &table, width),
        None => Vec::new(),
    }
}

/// The criterion names, wrapped over up to three lines and bottom-aligned so the columns read from
/// the same baseline.
fn header(t: &Theme, table: &Table) -> Vec<Line<'static>> {
    let names: Vec<Vec<String>> = table
        .criteria
        .iter()
        .map(|c| {
            let mut l = text::wrap(c, table.col_w - 1);
            l.truncate(3);
            l
        })
        .collect();
    let head_h = table
        .shown
        .clone()
        .map(|k| names[k].len())
        .max()
        .unwrap_or(1);
    let position = table.position();
    (0..head_h)
        .map(|row| {
            let left = if row == 0 { position.as_str() } else { "" };
            let score = if row + 1 == head_h { "Score" } else { "" };
            let mut spans = vec![
                Span::styled(text::fit(left, table.name_w), t.key),
                Span::styled(text::fit_right(score, table.score_w - 1), t.heading),
                Span::raw(" "),
            ];
            for k in table.shown.clone() {
                let pad = head_h - names[k].len();
                let s = if row >= pad {
                    names[k][row - pad].as_str()
                } else {
                    ""
                };
                let style = if k == table.column {
                    t.accent
                } else {
                    t.heading
                };
                spans.push(Span::styled(text::fit_right(s, table.col_w - 1), style));
                spans.push(Span::raw(" "));
            }
            Line::from(spans)
        })
        .collect()
}

/// The weight share of each criterion shown.
fn weights(t: &Theme, table: &Table, p: &PackResult) -> Line<'static> {
    let mut spans = vec![
        Span::styled(text::fit("weight", table.name_w), t.muted),
        Span::raw(" ".repeat(table.score_w)),
    ];
    let first = &p.ranking[0];
    for k in table.shown.clone() {
        spans.push(Span::styled(
            text::fit_right(&pct(first.contributions[k].weight_share), table.col_w - 1),
            t.muted,
        ));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// One row per alternative: its name, score and the score of each criterion shown, the best of a
/// column marked ✓ (not only coloured) and an adjusted one *.
fn rows(t: &Theme, table: &Table, p: &PackResult) -> Vec<Line<'static>> {
    // The best score of each criterion among the ranked alternatives.
    let best: Vec<f64> = (0..table.criteria.len())
        .map(|k| {
            p.ranking
                .iter()
                .filter(|a| !a.excluded)
                .map(|a| a.contributions[k].score)
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .collect();
    p.ranking
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let is_sel = i == table.selected;
            let mut spans = row_head(t, table, a, is_sel);
            for k in table.shown.clone() {
                let c = &a.contributions[k];
                let best_here = !a.excluded && c.score >= best[k];
                let cell = format!(
                    "{:.1}{}{}",
                    c.score,
                    if c.score != c.base_score { "*" } else { " " },
                    if best_here { "✓" } else { " " }
                );
                let style = if is_sel && k == table.column {
                    t.selection
                } else if a.excluded {
                    t.muted
                } else if best_here {
                    t.winner
                } else {
                    t.text
                };
                spans.push(Span::styled(text::fit_right(&cell, table.col_w - 1), style));
                spans.push(Span::raw(" "));
            }
            Line::from(spans)
        })
        .collect()
}

/// The selection mark, the rank and name, and the score of a row.
fn row_head(t: &Theme, table: &Table, a: &RankedAlternative, is_sel: bool) -> Vec<Span<'static>> {
    let name = if a.excluded {
        format!("✗ {}", a.name)
    } else {
        format!("{}. {}", a.rank.unwrap_or(0), a.name)
    };
    let name_style = if a.excluded {
        t.excluded
    } else if is_sel {
        t.accent
    } else if a.rank == Some(1) {
        t.winner
    } else {
        t.text
    };
    let score = if a.excluded {
        "—".to_string()
    } else {
        format!("{:.1}", a.score)
    };
    vec![
        Span::raw(if is_sel { "› " } else { "  " }),
        Span::styled(text::fit(&name, table.name_w - 2), name_style),
        Span::styled(
            text::fit_right(&score, table.score_w - 1),
            if a.rank == Some(1) { t.winner } else { t.text },
        ),
        Span::raw(" "),
    ]
}

/// The selected cell: score, weight and points, why, the answers that adjusted it, the scale.
fn rationale(app: &App, p: &PackResult, table: &Table, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let a = &p.ranking[table.selected];
    let c = &a.contributions[table.column];
    let mut out = wrapped(
        &format!("{} × {}", a.name, c.name),
        width,
        "",
        "",
        t.heading,
    );
    let base = if c.score != c.base_score {
        format!(" (data: {:.0})", c.base_score)
    } else {
        String::new()
    };
    let excluded = if a.excluded {
        " (excluded: not ranked)"
    } else {
        ""
    };
    out.extend(wrapped(
        &format!(
            "Score {:.1}/10{base} · weight {} · {:.1} points{excluded}",
            c.score,
            pct(c.weight_share),
            c.points,
        ),
        width,
        "",
        "",
        t.accent,
    ));
    out.extend(wrapped(&c.why, width, "", "", t.text));
    if let Some(reason) = &c.unsourced {
        // The data gives this score as a judgement: why no source backs it.
        let s = format!("Why no source: {reason}");
        out.extend(wrapped(&s, width, "", "  ", t.muted));
    }
    for adj in a
        .adjustments
        .iter()
        .filter(|x| *x.criterion == *c.criterion)
    {
        let because = because_text(&adj.because);
        let s = format!("{:+} because {because}: {}", adj.delta, adj.reason);
        out.extend(wrapped(&s, width, "", "  ", t.warning));
    }
    let criterion = app
        .catalog
        .pack(&p.id)
        .and_then(|pk| pk.criteria.iter().find(|k| *k.id == *c.criterion));
    if let Some(crit) = criterion {
        let scale: Vec<String> = crit
            .scale
            .iter()
            .map(|(v, s)| format!("{v} = {s}"))
            .collect();
        let s = format!("Scale: {}", scale.join(" · "));
        out.extend(wrapped(&s, width, "", "  ", t.muted));
    }
    out
}

pub fn render(app: &App, p: &PackResult, area: Rect, buf: &mut Buffer) {
    draw_lines(buf, area, &lines(app, p, area.width as usize), 0);
}
