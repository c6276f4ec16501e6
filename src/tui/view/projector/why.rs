//! Why, for a room: the winner and what it is compared with, the points per criterion and the
//! totals; the decisive criteria (largest difference first) and the totals go big first, the two
//! names after them; the answers behind the numbers come in when there is room.

use ratatui::text::Line;

use super::super::draw::wrapped;
use super::super::overview::short_name;
use super::super::stage::{Label, Part, Row, big_line};
use super::super::why::{because, compared, delta_style, intro, points, signed};
use crate::engine::{PackResult, round1};
use crate::tui::app::App;
use crate::tui::text;

pub fn parts(app: &App, p: &PackResult, width: u16) -> Vec<Part> {
    let t = &app.look.theme;
    let w = width as usize;
    let Some((winner, other)) = compared(app, p) else {
        return vec![Part::new(vec![Row::text(wrapped(
            "Every alternative is excluded by your answers, so there is no winner to explain.",
            w,
            "",
            "",
            t.text,
        ))])];
    };
    // The names: in ordinary text the intro line; big, one line each.
    let names = {
        let mut rows = vec![Row::big(
            intro(t, winner, other.as_ref(), w),
            big_line(vec![
                (format!("{} ", short_name(app, p, &winner.id)), t.winner),
                (format!("{:.1}", winner.score), t.text),
            ]),
            20,
        )];
        if let Some(o) = &other {
            rows.push(Row::big(
                Vec::new(),
                big_line(vec![
                    ("vs ".to_string(), t.muted),
                    (format!("{} ", short_name(app, p, &o.alt.id)), t.accent),
                    (format!("{:.1}", o.alt.score), t.text),
                ]),
                21,
            ));
        }
        rows
    };
    let table = points(t, winner, other.as_ref(), w);
    let n = winner.contributions.len();
    // Criteria by how much they decide: the largest difference goes big first.
    let mut order: Vec<usize> = (0..n).collect();
    let delta = |k: usize| {
        let o = other
            .as_ref()
            .and_then(|o| o.alt.contributions.get(k))
            .map_or(0.0, |c| c.points);
        round1(winner.contributions[k].points - o)
    };
    order.sort_by(|&a, &b| delta(b).abs().total_cmp(&delta(a).abs()));
    let name_w = winner
        .contributions
        .iter()
        .map(|c| text::width(&c.name))
        .max()
        .unwrap_or(0);
    // Over big rows the heading names their columns (no weight there): name, the winner's points,
    // the other's, the difference.
    let mut labels = vec![
        Label::left(0, name_w, "Criterion", t.heading),
        Label::right(name_w + 1, 5, "winner", t.winner),
    ];
    if let Some(o) = &other {
        labels.push(Label::right(name_w + 7, 5, o.role, t.accent));
        labels.push(Label::right(name_w + 13, 5, "Δ", t.heading));
    }
    let mut rows = vec![Row::text(vec![table.heading]).over_big(labels)];
    for ((k, c), line) in winner.contributions.iter().enumerate().zip(table.rows) {
        let d = delta(k);
        let style = delta_style(t, d);
        let mut pieces = vec![
            (format!("{:name_w$} ", c.name), t.text),
            (format!("{:>5.1}", c.points), t.winner),
        ];
        if let Some(o) = &other {
            let op = o.alt.contributions.get(k).map_or(0.0, |c| c.points);
            pieces.push((format!(" {op:>5.1}"), t.accent));
            pieces.push((format!(" {:>5}", signed(d)), style));
        }
        let rank = order.iter().position(|&x| x == k).unwrap_or(k) as u16;
        rows.push(Row::big(vec![line], big_line(pieces), 2 + rank));
    }
    let total = {
        let mut pieces = vec![
            (format!("{:name_w$} ", "Total"), t.heading),
            (format!("{:>5.1}", winner.score), t.winner),
        ];
        if let Some(o) = &other {
            pieces.push((format!(" {:>5.1}", o.alt.score), t.accent));
            pieces.push((
                format!(" {:>5}", signed(round1(winner.score - o.alt.score))),
                t.heading,
            ));
        }
        Row::big(vec![table.total], big_line(pieces), 1)
    };
    rows.push(total);
    // The answers behind the numbers, with room; the heading never alone at the bottom.
    let mut lines = because(t, p, w).into_iter();
    let first: Vec<Line<'static>> = lines.by_ref().take(2).collect();
    let mut reasons = vec![Row::text(first).optional(40)];
    reasons.extend(lines.map(|l: Line<'static>| Row::text(vec![l]).optional(40)));
    // The two names go big together or not at all: the winner alone in big letters would leave
    // the other column of numbers without a name (its ordinary line is the intro's).
    vec![
        Part::tight(names).uniform(),
        Part::new(rows),
        Part::new(reasons).whole(),
    ]
}
