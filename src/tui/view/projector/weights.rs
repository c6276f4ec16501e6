//! The live weights popup for a room: the winner, its margin and verdict big, the ranking big with each
//! move against the data's weights (^1, v2), then the criteria — the selected one big with its
//! weight between < >, the others as ordinary rows (big too when the room allows) — and the
//! selected criterion in full. Clicks select a criterion; on an ordinary row ◂ ▸ step its weight.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::draw::{popup, popup_area};
use super::super::stage::{self, Part, Row, big_line};
use super::super::weights::{Model, selected_detail, standing, weight_text};
use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::popup::Weights;
use crate::tui::text;

/// Draws the popup; returns where clicks land.
pub fn render(app: &App, w: &Weights, body: Rect, buf: &mut Buffer) -> Vec<(Rect, Msg)> {
    let t = &app.look.theme;
    let Some(m) = Model::new(app, w) else {
        return Vec::new();
    };
    let inner_w = body.width.saturating_sub(8);
    let width = inner_w as usize;
    let short = |id: &str| super::super::overview::short_name(app, m.result, id).to_string();
    // The winner and its margin: what the room watches.
    let big_head = m.result.winner.as_deref().and_then(|id| {
        let mut pieces = vec![(short(id), t.winner)];
        if let Some(margin) = m.result.margin {
            pieces.push((format!(" +{margin:.1}"), t.text));
        }
        // The verdict too: a weight can turn a robust winner fragile without changing it.
        let verdict = m.result.verdict;
        let style = match verdict {
            crate::engine::Verdict::Robust => t.up,
            _ => t.warning,
        };
        pieces.push((format!(" {}", verdict.as_str()), style));
        big_line(pieces)
    });
    let head = Row::big(standing(app, &m, width), big_head, 1);
    // The ranking, names padded alike so the scores line up.
    let name_w = m
        .result
        .ranking
        .iter()
        .filter(|a| a.rank.is_some())
        .map(|a| text::width(&short(&a.id)))
        .max()
        .unwrap_or(0);
    let mut ranking = Vec::new();
    let mut excluded = Vec::new();
    for (i, a) in m.result.ranking.iter().enumerate() {
        let Some(rank) = a.rank else {
            excluded.push(short(&a.id));
            continue;
        };
        let (mv, mv_style) = match m.mark(i) {
            Some((s, true)) => (format!(" {s}"), t.up),
            Some((s, false)) => (format!(" {s}"), t.down),
            None => (String::new(), t.muted),
        };
        let style = if rank == 1 { t.winner } else { t.text };
        let pieces = vec![
            (format!("{rank} "), t.muted),
            (format!("{:name_w$}", short(&a.id)), style),
            (format!(" {:>5.1}", a.score), t.text),
            (mv, mv_style),
        ];
        let line = Line::from(
            pieces
                .iter()
                .map(|(s, st)| Span::styled(s.clone(), *st))
                .collect::<Vec<_>>(),
        );
        ranking.push(Row::big(vec![line], big_line(pieces), 10 + rank as u16));
    }
    if !excluded.is_empty() {
        ranking.push(Row::text(vec![Line::styled(
            text::fit(&format!("excluded: {}", excluded.join(", ")), width),
            t.excluded,
        )]));
    }
    // The criteria: "› name  ◂ 6 ▸ *", the selected one big first.
    let crit_w = m
        .pack
        .criteria
        .iter()
        .map(|c| text::width(&c.name))
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(16));
    let criteria: Vec<Row> = m
        .pack
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let changed = c.weight != c.data_weight;
            let sel = k == w.cursor;
            let name = text::fit(&c.name, crit_w);
            let pad = crit_w.saturating_sub(text::width(&name));
            let weight_style = if changed { t.warning } else { t.text };
            let line = Line::from(vec![
                Span::raw(if sel { "› " } else { "  " }),
                Span::styled(format!("{name}{}", " ".repeat(pad)), t.text),
                Span::styled("  ◂ ", t.key),
                Span::styled(format!("{:>5}", weight_text(c.weight)), weight_style),
                Span::styled(" ▸ ", t.key),
                Span::styled(if changed { " *" } else { "" }, t.warning),
            ]);
            let big = big_line(vec![
                (c.name.to_string(), t.text),
                (format!(" < {} >", weight_text(c.weight)), weight_style),
                (if changed { " *".into() } else { String::new() }, t.warning),
            ]);
            // The selected one first; the others together (see `Part::alike`).
            let grow = if sel { 5 } else { 40 };
            let row = Row::big(vec![line], big, grow);
            row.selected(sel.then_some(t.selection))
        })
        .collect();
    let detail = selected_detail(&m, w.cursor, width, t);
    let parts = vec![
        Part::tight(vec![head]),
        Part::new(ranking),
        // All the criteria the same size: the selected one big alone, or every one big.
        Part::new(criteria).alike(),
        Part::new(detail.into_iter().map(|l| Row::text(vec![l])).collect()),
    ];
    // The whole body: what the stage leaves is blank rows, never slices of big letters behind.
    let area = popup_area(body, body.width.saturating_sub(4), body.height);
    let mut title = vec![Span::styled(
        format!(" Weights · {} ", m.pack.name),
        t.title,
    )];
    if m.changed > 0 {
        title.push(Span::styled(format!("· {} changed ", m.changed), t.warning));
    }
    let inner = popup(t, Line::from(title), area, buf);
    let laid = stage::render(&parts, inner, 0, t, buf);
    let mut clicks = Vec::new();
    for &((part, k), r) in &laid.rows {
        if part != 2 {
            continue;
        }
        // On an ordinary row, ◂ and ▸ step the weight as in the ordinary view.
        if r.height == 1
            && let Some(c) = m.pack.criteria.get(k)
        {
            let minus_x = r.x + (2 + crit_w + 2) as u16;
            let set = |v: f64| Msg::SetWeight {
                pack: w.pack,
                criterion: k,
                centi: crate::weights::to_centi(v),
            };
            let down = set(crate::weights::step(c.weight, false));
            let up = set(crate::weights::step(c.weight, true));
            clicks.push((Rect::new(minus_x, r.y, 2, 1).intersection(inner), down));
            clicks.push((Rect::new(minus_x + 8, r.y, 2, 1).intersection(inner), up));
        }
        clicks.push((r.intersection(inner), Msg::Click(k)));
    }
    clicks
}
