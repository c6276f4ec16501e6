//! The comparison table for a room: the table as it is (a grid reads best in ordinary text), then
//! the selected criterion's column zoomed in: the criterion and every alternative's score on it,
//! big, the best marked; ← → moves the zoom across the criteria. With room, the selected cell's
//! rationale follows.

use ratatui::text::{Line, Span};

use super::super::compare;
use super::super::overview::short_name;
use super::super::stage::{Part, Row, big_line};
use crate::engine::PackResult;
use crate::report::pct;
use crate::tui::app::App;
use crate::tui::text;

pub fn parts(app: &App, p: &PackResult, width: u16) -> Vec<Part> {
    let t = &app.look.theme;
    let w = width as usize;
    let table: Vec<Row> = compare::table_lines(app, p, w)
        .into_iter()
        .map(|l| Row::text(vec![l]))
        .collect();
    let mut parts = vec![Part::new(table)];
    let k = app.results.column;
    let Some(first) = p.ranking.first().and_then(|a| a.contributions.get(k)) else {
        return parts;
    };
    let best = p
        .ranking
        .iter()
        .filter(|a| !a.excluded)
        .filter_map(|a| a.contributions.get(k).map(|c| c.score))
        .fold(f64::NEG_INFINITY, f64::max);
    let head = format!("{} ({} of the weight)", first.name, pct(first.weight_share));
    let mut rows = vec![Row::big(
        vec![Line::styled(text::truncate(&head, w), t.heading)],
        big_line(vec![(first.name.to_string(), t.accent)]),
        1,
    )];
    let name_w = p
        .ranking
        .iter()
        .map(|a| text::width(short_name(app, p, &a.id)))
        .max()
        .unwrap_or(0);
    let selected = app.selected();
    for (i, a) in p.ranking.iter().enumerate() {
        let Some(c) = a.contributions.get(k) else {
            continue;
        };
        let mark = if a.excluded {
            "x"
        } else if c.score >= best {
            "*"
        } else {
            " "
        };
        let name = short_name(app, p, &a.id);
        let style = if a.excluded { t.excluded } else { t.text };
        let mark_style = if a.excluded { t.excluded } else { t.winner };
        let line = Line::from(vec![
            Span::styled(format!("  {mark} "), mark_style),
            Span::styled(text::fit(name, name_w), style),
            Span::styled(format!("  {:>4.1}", c.score), t.text),
        ]);
        let big = big_line(vec![
            (format!("{mark} "), mark_style),
            (format!("{name:name_w$} "), style),
            (
                format!("{:>4.1}", c.score),
                if mark == "*" { t.winner } else { t.text },
            ),
        ]);
        let sel = (i == selected).then_some(t.selection);
        let grow = 2 + i as u16 + if a.excluded { 10 } else { 0 };
        rows.push(Row::big(vec![line], big, grow).optional(grow).selected(sel));
    }
    rows.push(
        Row::text(vec![Line::styled(
            "  * best of the ranked alternatives · x excluded",
            t.muted,
        )])
        .optional(30),
    );
    parts.push(Part::new(rows));
    let why: Vec<Row> = compare::cell_lines(app, p, w)
        .into_iter()
        .skip(2)
        .map(|l| Row::text(vec![l]).optional(35))
        .collect();
    parts.push(Part::new(why));
    parts
}
