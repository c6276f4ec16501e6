//! The comparison table: alternatives × criteria with the 0–10 score of each cell, and below it the
//! rationale of the selected cell (score, weight, points, why, adjustments and the criterion's scale).
//! Columns that do not fit scroll sideways with the selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{draw_lines, follow, wrapped};
use crate::engine::PackResult;
use crate::report::{because_text, pct};
use crate::tui::app::App;
use crate::tui::text;

pub fn lines(app: &App, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let mut out = Vec::new();
    let Some(first) = p.ranking.first() else {
        return out;
    };
    let criteria: Vec<&str> = first
        .contributions
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    if criteria.is_empty() {
        return out;
    }
    let column = app.results.column.min(criteria.len() - 1);
    let selected = app.selected().min(p.ranking.len() - 1);

    let name_w = p
        .ranking
        .iter()
        .map(|a| text::width(&a.name))
        .max()
        .unwrap_or(0)
        .min(28)
        + 6; // "› " + "1. " + the name + a space
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
    let shown = first_col..(first_col + visible).min(criteria.len());

    // Header: criterion names wrapped over up to three lines.
    let wrapped_names: Vec<Vec<String>> = criteria
        .iter()
        .map(|c| {
            let mut l = text::wrap(c, col_w - 1);
            l.truncate(3);
            l
        })
        .collect();
    let head_h = shown
        .clone()
        .map(|k| wrapped_names[k].len())
        .max()
        .unwrap_or(1);
    for row in 0..head_h {
        // When some criteria are off screen: which ones are shown, with arrows to the others.
        let left = if row == 0 && visible < criteria.len() {
            format!(
                "{}criteria {}–{} of {}{}",
                if first_col > 0 { "◀ " } else { "  " },
                shown.start + 1,
                shown.end,
                criteria.len(),
                if shown.end < criteria.len() {
                    " ▶"
                } else {
                    ""
                }
            )
        } else {
            String::new()
        };
        let mut spans = vec![Span::styled(text::fit(&left, name_w), t.key)];
        spans.push(Span::styled(
            text::fit_right(if row + 1 == head_h { "Score" } else { "" }, score_w - 1),
            t.heading,
        ));
        spans.push(Span::raw(" "));
        for k in shown.clone() {
            // Bottom-align the names so the columns read from the same baseline.
            let pad = head_h - wrapped_names[k].len();
            let s = if row >= pad {
                wrapped_names[k][row - pad].as_str()
            } else {
                ""
            };
            let style = if k == column { t.accent } else { t.heading };
            spans.push(Span::styled(text::fit_right(s, col_w - 1), style));
            spans.push(Span::raw(" "));
        }
        out.push(Line::from(spans));
    }
    let mut weights = vec![
        Span::styled(text::fit("weight", name_w), t.muted),
        Span::raw(" ".repeat(score_w)),
    ];
    for k in shown.clone() {
        weights.push(Span::styled(
            text::fit_right(&pct(first.contributions[k].weight_share), col_w - 1),
            t.muted,
        ));
        weights.push(Span::raw(" "));
    }
    out.push(Line::from(weights));

    // The best score of each criterion among the ranked alternatives.
    let best: Vec<f64> = (0..criteria.len())
        .map(|k| {
            p.ranking
                .iter()
                .filter(|a| !a.excluded)
                .map(|a| a.contributions[k].score)
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .collect();
    for (i, a) in p.ranking.iter().enumerate() {
        let is_sel = i == selected;
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
        let mut spans = vec![
            Span::raw(if is_sel { "› " } else { "  " }),
            Span::styled(text::fit(&name, name_w - 2), name_style),
            Span::styled(
                text::fit_right(
                    &if a.excluded {
                        "—".to_string()
                    } else {
                        format!("{:.1}", a.score)
                    },
                    score_w - 1,
                ),
                if a.rank == Some(1) { t.winner } else { t.text },
            ),
            Span::raw(" "),
        ];
        for k in shown.clone() {
            let c = &a.contributions[k];
            let adjusted = c.score != c.base_score;
            // The best score of a column is marked ✓, not only coloured.
            let best_here = !a.excluded && c.score >= best[k];
            let cell = format!(
                "{:.1}{}{}",
                c.score,
                if adjusted { "*" } else { " " },
                if best_here { "✓" } else { " " }
            );
            let style = if is_sel && k == column {
                t.selection
            } else if a.excluded {
                t.muted
            } else if best_here {
                t.winner
            } else {
                t.text
            };
            spans.push(Span::styled(text::fit_right(&cell, col_w - 1), style));
            spans.push(Span::raw(" "));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::styled(
        text::truncate("  ✓ best in its column · * adjusted by your answers", width),
        t.muted,
    ));
    if app.look.projector {
        // The projector view stops at the table: the rationale is for reading up close.
        return out;
    }
    out.push(Line::default());

    // The selected cell.
    let a = &p.ranking[selected];
    let c = &a.contributions[column];
    out.extend(wrapped(
        &format!("{} × {}", a.name, c.name),
        width,
        "",
        "",
        t.heading,
    ));
    let base = if c.score != c.base_score {
        format!(" (data: {:.0})", c.base_score)
    } else {
        String::new()
    };
    out.extend(wrapped(
        &format!(
            "Score {:.1}/10{base} · weight {} · {:.1} points{}",
            c.score,
            pct(c.weight_share),
            c.points,
            if a.excluded {
                " (excluded: not ranked)"
            } else {
                ""
            }
        ),
        width,
        "",
        "",
        t.accent,
    ));
    out.extend(wrapped(&c.why, width, "", "", t.text));
    for adj in a.adjustments.iter().filter(|x| x.criterion == c.criterion) {
        out.extend(wrapped(
            &format!(
                "{:+} because {}: {}",
                adj.delta,
                because_text(&adj.because),
                adj.reason
            ),
            width,
            "",
            "  ",
            t.warning,
        ));
    }
    if let Some(crit) = app
        .catalog
        .pack(&p.id)
        .and_then(|pk| pk.criteria.iter().find(|k| k.id == c.criterion))
    {
        let scale = crit
            .scale
            .iter()
            .map(|(v, s)| format!("{v} = {s}"))
            .collect::<Vec<_>>()
            .join(" · ");
        out.extend(wrapped(
            &format!("Scale: {scale}"),
            width,
            "",
            "  ",
            t.muted,
        ));
    }
    out
}

pub fn render(app: &App, p: &PackResult, area: Rect, buf: &mut Buffer) {
    draw_lines(buf, area, &lines(app, p, area.width as usize), 0);
}
