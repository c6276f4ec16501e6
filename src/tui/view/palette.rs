//! The palette popup: the query, then the matching items with their kind and the matched characters
//! highlighted (bold and underlined, so the highlight survives without colour). An empty query lists
//! everything under group headings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::draw::{draw_lines, follow, popup};
use crate::tui::app::App;
use crate::tui::popup::palette::{Hit, Item, Kind, Palette};
use crate::tui::text;

/// The popup: near the top of the body, up to 96 cells wide.
pub fn area(body: Rect) -> Rect {
    super::draw::popup_area(body, 96, body.height)
}

/// `s` as spans, the characters at `hits` (char positions) in `hl`, cut to `max` cells.
pub fn highlighted(
    s: &str,
    hits: &[usize],
    max: usize,
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let shown = text::truncate(s, max);
    // Characters cut off by the truncation are not highlighted (the ellipsis is not a match).
    let keep = if shown == s {
        usize::MAX
    } else {
        shown.chars().count().saturating_sub(1)
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, ch) in shown.chars().enumerate() {
        let hit = i < keep && hits.contains(&i);
        if hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hit { hl } else { base },
            ));
        }
        run_hit = hit;
        run.push(ch);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hit { hl } else { base }));
    }
    spans
}

/// The list rows, and for each hit the row it is on.
pub fn lines(app: &App, p: &Palette, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let (items, hits): (&[Item], &[Hit]) = (&p.items, &p.hits);
    let t = &app.look.theme;
    let hl = t.accent.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let grouped = p.query.trim().is_empty();
    let kind_w = 12;
    let mut out = Vec::new();
    let mut rows = Vec::with_capacity(hits.len());
    let mut group: Option<Kind> = None;
    for (i, h) in hits.iter().enumerate() {
        let item = &items[h.item];
        if grouped && group != Some(item.kind) {
            if group.is_some() {
                out.push(Line::default());
            }
            out.push(Line::styled(item.kind.group(), t.heading));
            group = Some(item.kind);
        }
        let selected = i == p.cursor;
        let mut spans = vec![
            Span::raw(if selected { "› " } else { "  " }),
            Span::styled(text::fit(item.kind.label(), kind_w), t.muted),
        ];
        let room = width.saturating_sub(2 + kind_w);
        let label_w = text::width(&item.label).min(room);
        spans.extend(highlighted(&item.label, &h.label, label_w, t.text, hl));
        let detail_room = room.saturating_sub(label_w + 2);
        if detail_room > 4 && !item.detail.is_empty() {
            spans.push(Span::raw("  "));
            spans.extend(highlighted(
                &item.detail,
                &h.detail,
                detail_room,
                t.muted,
                hl,
            ));
        }
        let mut line = Line::from(spans);
        if selected {
            line = super::draw::selected(line, t);
        }
        rows.push(out.len());
        out.push(line);
    }
    (out, rows)
}

pub fn render(app: &App, p: &Palette, body: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let a = area(body);
    let title = Line::from(vec![Span::styled(
        " Search: commands, questions, alternatives, glossary ",
        t.title,
    )]);
    let inner = popup(t, title, a, buf);
    if inner.height < 3 {
        return;
    }
    let (items, hits) = (&p.items, &p.hits);
    let w = inner.width as usize;
    let count = format!("{} of {}", hits.len(), items.len());
    let query_w = w.saturating_sub(text::width(&count) + 4);
    let q = &p.query;
    let shown_q = if text::width(q) + 1 > query_w {
        // Keep the end of a long query in view, where the typing happens.
        let chars: Vec<char> = q.chars().collect();
        chars[chars.len().saturating_sub(query_w.saturating_sub(2))..]
            .iter()
            .collect::<String>()
    } else {
        q.clone()
    };
    let input = Line::from(vec![
        Span::styled("/ ", t.key),
        Span::styled(shown_q.clone(), t.text.add_modifier(Modifier::BOLD)),
        Span::styled("▏", t.key),
    ]);
    super::draw::set_line(buf, inner.x, inner.y, &input, inner.width);
    buf.set_stringn(
        inner.right().saturating_sub(text::width(&count) as u16),
        inner.y,
        &count,
        w,
        t.muted,
    );
    buf.set_string(inner.x, inner.y + 1, "─".repeat(w), t.border);
    let list = Rect {
        y: inner.y + 2,
        height: inner.height - 2,
        ..inner
    };
    if hits.is_empty() {
        let msg = format!("Nothing matches “{q}”. Backspace to widen the search, Esc to close.");
        draw_lines(
            buf,
            list,
            &super::draw::wrapped(&msg, w, "", "", t.muted),
            0,
        );
        return;
    }
    let (lines, rows) = lines(app, p, w);
    let row = rows.get(p.cursor).copied().unwrap_or(0);
    // Keep the group heading above the first item in view.
    let start = if p.cursor == 0 { 0 } else { row };
    let scroll = follow(start, row + 1, list.height as usize);
    draw_lines(buf, list, &lines, scroll);
}
