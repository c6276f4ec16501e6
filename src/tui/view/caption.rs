//! The demo's caption bar: which step of the script this is, the presenter's narration, and the
//! answers the step gave, in the caption style across the whole width.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::draw::draw_lines;
use crate::demo::Action;
use crate::tui::app::App;
use crate::tui::text;

/// Below this many rows for the body and the bar together, the bar shrinks to the step's number
/// and its narration: one line when the narration is short, never more than [`SMALL_LINES`] (the
/// screen needs the rows more; the hint bar says the keys, the screen shows the answers).
const SMALL: u16 = 30;
const SMALL_LINES: usize = 3;

/// The bar's lines at `width`, for a screen whose body and bar have `height` rows (empty without
/// a demo).
pub fn lines(app: &App, width: u16, height: u16) -> Vec<Line<'static>> {
    let Some(d) = &app.demo else {
        return Vec::new();
    };
    let s = app.look.theme.caption;
    let pad = if app.look.projector { 2 } else { 1 };
    let w = (width as usize).saturating_sub(2 * pad);
    let indent = " ".repeat(pad);
    let mut out = Vec::new();
    let n = d.script.steps.len();
    if height < SMALL {
        let all = text::wrap(&format!("▶ {}/{n} · {}", d.step() + 1, d.caption()), w);
        let cut = all.len() > SMALL_LINES;
        let mut shown: Vec<String> = all.into_iter().take(SMALL_LINES).collect();
        if let (true, Some(last)) = (cut, shown.last_mut()) {
            *last = text::truncate(&format!("{last} …"), w);
        }
        return shown
            .into_iter()
            .map(|l| {
                Line::from(vec![
                    Span::raw(indent.clone()),
                    Span::styled(l, s.add_modifier(Modifier::BOLD)),
                ])
            })
            .collect();
    }
    let timer = match (d.script.auto_advance, d.paused, d.is_last()) {
        (_, _, true) if n > 1 => "last step · Esc: take over".to_string(),
        (Some(_), true, _) => "auto-advance paused (a)".to_string(),
        (Some(secs), false, _) => format!("next in {secs:.0} s (a pauses)"),
        _ => "Space / → next · ← back".to_string(),
    };
    let parts = d.parts();
    let beat = if parts > 1 {
        format!(" (answer {} of {parts})", d.at().1 + 1)
    } else {
        String::new()
    };
    let head = format!("▶ Step {} of {n}{beat} · {}", d.step() + 1, d.script.title);
    let right_w = text::width(&timer);
    let head = if text::width(&head) + 2 + right_w <= w {
        let gap = w - text::width(&head) - right_w;
        format!("{head}{}{timer}", " ".repeat(gap))
    } else {
        text::truncate(&head, w)
    };
    out.push(Line::from(vec![
        Span::raw(indent.clone()),
        Span::styled(head, s.remove_modifier(Modifier::BOLD)),
    ]));
    for l in text::wrap(d.caption(), w) {
        out.push(Line::from(vec![
            Span::raw(indent.clone()),
            Span::styled(l, s.add_modifier(Modifier::BOLD)),
        ]));
    }
    let answers = d.step_answers(&app.catalog);
    if !answers.is_empty() {
        let mark = match d.action() {
            Some(Action::WhatIf(_)) => "what if: ",
            _ => "✓ ",
        };
        // One answer is never split across lines unless it is wider than the bar.
        let mut rows: Vec<String> = Vec::new();
        for a in answers {
            let item = format!("{mark}{a}");
            match rows.last_mut() {
                Some(r) if text::width(r) + 3 + text::width(&item) <= w => {
                    r.push_str("   ");
                    r.push_str(&item);
                }
                _ => rows.extend(text::wrap(&item, w)),
            }
        }
        for l in rows {
            out.push(Line::from(vec![
                Span::raw(indent.clone()),
                Span::styled(l, s.remove_modifier(Modifier::BOLD)),
            ]));
        }
    }
    out
}

/// Rows the bar takes at `width`: its lines, at most a third of `height`, at least 3 (one on a
/// small screen).
pub fn height(app: &App, width: u16, height: u16) -> u16 {
    let n = lines(app, width, height).len() as u16;
    if n == 0 {
        return 0;
    }
    n.min((height / 3).max(3))
}

/// Draws the bar in `area`, for a screen whose body and bar have `screen` rows.
pub fn render(app: &App, area: Rect, screen: u16, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    buf.set_style(area, app.look.theme.caption);
    let ls: Vec<Line> = lines(app, area.width, screen)
        .into_iter()
        .map(|l| l.style(app.look.theme.caption))
        .collect();
    draw_lines(buf, area, &ls, 0);
}
