//! The overview for a room: the whole stack, the winner's standing, the ranking with its scores,
//! the excluded alternatives with why, and why the winner wins. The ranking's first rows go big
//! first, then the strongest reason, then the rest of the ranking and the other reasons; with room
//! to spare the winner's caveats and next steps come in (they are for reading up close otherwise).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::draw::{heading, wrapped};
use super::super::overview::{
    excluded_line, next_steps, no_winner, ranked_line, ranking_heading, ranking_widths, reasons,
    short_name, stack_line,
};
use super::super::stage::{self, Part, Row, big_line};
use crate::engine::PackResult;
use crate::report::{find, standing};
use crate::tui::app::App;
use crate::tui::text;

/// Priorities: the top of the ranking, the strongest reason, the rest of the ranking, the other
/// reasons, then the winner's caveats and next steps.
const TOP_ROWS: u16 = 3;

pub fn parts(app: &App, p: &PackResult, width: u16) -> Vec<Part> {
    let t = &app.look.theme;
    let w = width as usize;
    let mut head: Vec<Row> = stack_line(app, p, w)
        .map(|l| Row::text(vec![l]))
        .into_iter()
        .collect();
    let Some(winner) = p.winner.as_deref().and_then(|id| find(p, id)) else {
        head.push(Row::text(no_winner(t, w)));
        let mut parts = vec![Part::new(head)];
        parts.extend(ranking(app, p, w));
        return parts;
    };
    // A tie names both: the answers do not separate them.
    let name = crate::report::winner_label(p).unwrap_or_else(|| winner.name.to_string());
    head.push(Row::text(vec![Line::from(vec![
        Span::styled("▶ ", t.winner),
        Span::styled(text::truncate(&name, w.saturating_sub(2)), t.winner),
    ])]));
    let mut parts = vec![Part::tight(head)];
    // The standing's numbers are in the ranking too: they give way first when room is short (a
    // demo's caption under the screen); with room to spare the verdict goes big.
    parts.push(big_paragraph(&standing(p), "  ", t.text, w, 24, 33).no_gap());
    parts.extend(ranking(app, p, w));
    parts.extend(why(app, p, w));
    // The winner's caveats (what a presenter tells the room to mind): whole or not at all, and
    // big on a large screen once the ranking and the reasons are.
    for (k, c) in p.caveats.iter().enumerate() {
        parts.push(big_paragraph(
            &c.text,
            "! ",
            t.warning,
            w,
            40,
            42 + k as u16,
        ));
    }
    let steps = next_steps(t, p, w);
    if steps.len() > 1 {
        // `next_steps` starts with a blank line: the part's gap stands for it.
        let rows = steps[1..]
            .iter()
            .map(|l| Row::text(vec![l.clone()]).optional(41))
            .collect();
        parts.push(Part::new(rows));
    }
    parts
}

/// A paragraph left out unless there is room at priority `optional`, as ordinary lines after
/// `mark`, going big (quadrant letters, all its lines together) at priority `grow`.
fn big_paragraph(
    text: &str,
    mark: &str,
    style: ratatui::style::Style,
    w: usize,
    optional: u16,
    grow: u16,
) -> Part {
    let mut part = stage::paragraph(text, style, w as u16, grow);
    if let Some(first) = part.rows.first_mut() {
        first.lines = wrapped(text, w, mark, &" ".repeat(mark.chars().count()), style);
    }
    part.gap = true;
    part.optional(optional)
}

/// The ranking: each ranked alternative with its bar and score, big as "rank, short name, score";
/// each excluded one with the first reason, on one line (a part of their own).
fn ranking(app: &App, p: &PackResult, w: usize) -> Vec<Part> {
    let t = &app.look.theme;
    let selected = app.selected();
    let widths = ranking_widths(p, w, 60);
    let mut rows = vec![Row::text(vec![ranking_heading(t, widths.0, widths.1)])];
    // The excluded ones, all or none (a partial list would say less is excluded than is).
    let mut out = Vec::new();
    let ranked: Vec<_> = p.ranking.iter().filter(|a| !a.excluded).collect();
    let name_w = ranked
        .iter()
        .map(|a| text::width(short_name(app, p, &a.id)))
        .max()
        .unwrap_or(0);
    let n = ranked.len() as u16;
    for (i, a) in p.ranking.iter().enumerate() {
        let is_sel = i == selected;
        let mark = if is_sel { "› " } else { "  " };
        let sel_style = is_sel.then_some(t.selection);
        let row = if a.excluded {
            // Out of the running: said when there is room (the selected one always).
            let row = Row::text(vec![excluded_line(app, p, a, mark, w)]);
            if is_sel { row } else { row.optional(25) }
        } else {
            let rank = a.rank.unwrap_or(0);
            let line = ranked_line(t, a, mark, t.text, widths, p.cost_basis.is_some());
            let name_style = if rank == 1 { t.winner } else { t.text };
            // A status ("closed to new customers") marks the big name with "!" where the name's
            // padding leaves room (so no row gets wider), and is said in full below the row.
            let short = short_name(app, p, &a.id);
            let mut name = vec![(short.to_string(), name_style)];
            let pad = name_w.saturating_sub(text::width(short));
            if a.status.is_some() && pad >= 2 {
                name.push((" !".to_string(), t.error));
                name.push((" ".repeat(pad - 2), name_style));
            } else {
                name.push((" ".repeat(pad), name_style));
            }
            let mut pieces = vec![(format!("{rank} "), t.muted)];
            pieces.extend(name);
            pieces.push((format!(" {:>5.1}", a.score), t.text));
            // The monthly estimate's midpoint, for the room to see (the range is on the line).
            if let Some(c) = &a.cost {
                let m = crate::engine::cost::usd(crate::report::cost::mid(c));
                pieces.push((format!("  ~{m}"), t.muted));
            }
            let big = big_line(pieces);
            // The top rows go big first; the others after the strongest reason.
            let r = rank as u16;
            let grow = if r <= TOP_ROWS { r } else { r + 10 };
            Row::big(vec![line], big, grow.min(10 + n))
        };
        let row = row.selected(sel_style);
        let status = (!a.excluded)
            .then_some(a.status.as_ref())
            .flatten()
            .map(|status| {
                // As in the ordinary overview: a status is never left to the detail popup.
                Row::text(wrapped(
                    &format!("⚠ {status}"),
                    w,
                    "      ",
                    "        ",
                    t.error,
                ))
            });
        let rows = if a.excluded { &mut out } else { &mut rows };
        rows.push(if is_sel {
            Row {
                lines: row
                    .lines
                    .into_iter()
                    .map(|l| super::super::draw::selected(l, t))
                    .collect(),
                ..row
            }
        } else {
            row
        });
        rows.extend(status);
    }
    // Figures are estimates: the screen says on which prices, under the ranking.
    rows.extend(
        super::super::overview::cost_note(t, p, w)
            .into_iter()
            .map(|l| Row::text(vec![l])),
    );
    vec![Part::new(rows), Part::tight(out).uniform()]
}

/// Why the winner wins against the runner-up, in points per criterion: the strongest reason goes
/// big right after the top of the ranking, the others after the rest of it.
fn why(app: &App, p: &PackResult, w: usize) -> Option<Part> {
    let t = &app.look.theme;
    let (runner_up, list) = reasons(p)?;
    let title = format!("Why it wins against {runner_up}");
    let mut rows = vec![Row::text(vec![heading(t, text::truncate(&title, w))])];
    let label_w = list.iter().map(|(_, n)| text::width(n)).max().unwrap_or(0);
    for (k, (d, name)) in list.iter().enumerate() {
        let (mark, style) = if *d > 0.0 {
            ("▲", t.up)
        } else {
            ("▼", t.down)
        };
        let points = super::super::why::signed(*d);
        let line = Line::from(vec![
            Span::styled(format!("  {mark} {points:>5} "), style),
            Span::styled(
                text::truncate(&format!("points on {name}"), w.saturating_sub(10)),
                t.text,
            ),
        ]);
        let big = big_line(vec![
            (format!("{points:>5} "), style),
            (format!("{name:label_w$}"), t.text),
        ]);
        let grow = if k == 0 { TOP_ROWS + 1 } else { 20 + k as u16 };
        rows.push(Row::big(vec![line], big, grow));
    }
    Some(Part::new(rows))
}

pub fn render(app: &App, p: &PackResult, area: Rect, buf: &mut Buffer) {
    stage::render(&parts(app, p, area.width), area, 0, &app.look.theme, buf);
}
