//! The results screen: a tab per pack, a row of panels, and the current panel below them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::draw::{draw_scrolled, text_rows};
use super::{change, compare, overview, why};
use crate::engine::PackResult;
use crate::tui::app::App;
use crate::tui::screens::Panel;
use crate::tui::text;

/// Pack tabs, panel tabs, content.
pub fn areas(body: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(body)
}

pub fn content_area(body: Rect) -> Rect {
    let [_, _, content] = areas(body);
    Rect {
        x: content.x + 1,
        width: content.width.saturating_sub(2),
        ..content
    }
}

/// The pack shown in the current tab.
pub fn current_pack(app: &App) -> Option<&PackResult> {
    app.shown_rec().packs.get(app.results.tab)
}

/// The lines of a scrolled panel (Why, What would change), for rendering and scroll limits.
pub fn panel_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(p) = current_pack(app) else {
        return Vec::new();
    };
    match app.results.panel {
        Panel::Why => why::lines(app, p, width as usize),
        Panel::Change => change::lines(app, p, width as usize),
        Panel::Overview | Panel::Compare => Vec::new(),
    }
}

/// The tab row: one tab per pack, the current one highlighted. Names shrink to fit: every pack's
/// name, else the current one's with the others' short names, else short names only, else short
/// names cut to an equal share.
pub fn pack_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let packs = &app.shown_rec().packs;
    if packs.is_empty() {
        return;
    }
    let labels = tab_labels(packs, app.results.tab, area.width as usize);
    let mut spans = vec![Span::raw(" ")];
    for (i, label) in labels.into_iter().enumerate() {
        // The current tab is marked ▶, not only by its colours.
        let mark = if i == app.results.tab { "▶" } else { " " };
        spans.push(Span::styled(
            format!(" {mark} {label} "),
            if i == app.results.tab {
                t.tab_active
            } else {
                t.tab_inactive
            },
        ));
        spans.push(Span::raw(" "));
    }
    super::draw::set_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// Each tab's label for a row `width` cells wide (see [`pack_tabs`]). A user pack says so, as in
/// `tradeoff packs` and the reports, where its full name is shown.
fn tab_labels(packs: &[PackResult], current: usize, width: usize) -> Vec<String> {
    let full = |p: &PackResult| match p.origin {
        Some(_) => format!("{} (yours)", p.name),
        None => p.name.to_string(),
    };
    // " ▶ " + label + " " + the gap after it, and the row's leading space.
    let room = width.saturating_sub(1 + 5 * packs.len());
    let fits = |labels: &[String]| labels.iter().map(|l| l.chars().count()).sum::<usize>() <= room;
    let all_full: Vec<String> = packs.iter().map(full).collect();
    if fits(&all_full) {
        return all_full;
    }
    let current_full: Vec<String> = packs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == current {
                full(p)
            } else {
                p.short.to_string()
            }
        })
        .collect();
    if fits(&current_full) {
        return current_full;
    }
    let shorts: Vec<String> = packs.iter().map(|p| p.short.to_string()).collect();
    if fits(&shorts) {
        return shorts;
    }
    let each = (room / packs.len()).max(4);
    shorts.iter().map(|s| text::truncate(s, each)).collect()
}

fn panel_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let mut spans = vec![Span::raw(" ")];
    for (i, p) in Panel::ALL.iter().enumerate() {
        let active = *p == app.results.panel;
        // The current panel is marked ▶, not only by its colours.
        if active {
            spans.push(Span::styled("▶ ", t.key));
        }
        spans.push(Span::styled(format!("{}", i + 1), t.key));
        spans.push(Span::styled(
            format!(" {} ", p.title()),
            if active { t.tab_active } else { t.tab_inactive },
        ));
        spans.push(Span::raw("  "));
    }
    super::draw::set_line(buf, area.x, area.y, &Line::from(spans), area.width);
    if area.height > 1 {
        buf.set_string(
            area.x,
            area.y + 1,
            "─".repeat(area.width as usize),
            t.border,
        );
    }
}

/// Draws the results; returns how far the panel scrolls (`None`: the Overview and the comparison
/// follow their selection instead).
pub fn render(app: &App, body: Rect, buf: &mut Buffer) -> Option<u16> {
    let [tabs, panels, _] = areas(body);
    pack_tabs(app, tabs, buf);
    panel_tabs(app, panels, buf);
    let content = content_area(body);
    let p = current_pack(app)?;
    if app.look.projector {
        return projector_panel(app, p, content, buf);
    }
    match app.results.panel {
        Panel::Overview => overview::render(app, p, content, buf),
        Panel::Compare => compare::render(app, p, content, buf),
        Panel::Why | Panel::Change => {
            let lines = panel_lines(app, content.width);
            let offset = app.results.scroll.offset as usize;
            draw_scrolled(&app.look.theme, content, &lines, offset, buf);
            let limit = lines
                .len()
                .saturating_sub(text_rows(lines.len(), content.height));
            return Some(limit.min(u16::MAX as usize) as u16);
        }
    }
    None
}

/// The current panel in the projector view: laid out for the room by `stage`; returns how far it
/// scrolls (`None` for the panels that follow a selection).
fn projector_panel(app: &App, p: &PackResult, area: Rect, buf: &mut Buffer) -> Option<u16> {
    use super::projector;
    use super::stage;
    let t = &app.look.theme;
    let scroll = app.results.scroll.offset;
    match app.results.panel {
        Panel::Overview => {
            projector::overview::render(app, p, area, buf);
            None
        }
        Panel::Why => {
            let parts = projector::why::parts(app, p, area.width);
            Some(stage::render(&parts, area, scroll, t, buf).limit)
        }
        Panel::Change => {
            let parts = projector::change::parts(app, p, area.width);
            Some(stage::render(&parts, area, scroll, t, buf).limit)
        }
        Panel::Compare => {
            let parts = projector::compare::parts(app, p, area.width);
            stage::render(&parts, area, 0, t, buf);
            None
        }
    }
}
