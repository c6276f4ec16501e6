//! A demo's title card (`title = true` in a step): the title in the biggest letters that fit,
//! centred, with how long the demo is under it; the step's caption says the rest below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::big;
use super::draw;
use super::text;
use crate::tui::app::App;

pub fn render(app: &App, title: &str, body: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let area = Rect {
        x: body.x + 2,
        width: body.width.saturating_sub(4),
        ..body
    };
    let steps = app.demo.as_ref().map_or(0, |d| d.script.steps.len());
    let under = format!("tradeoff demo · {steps} steps");
    // Two rows for the line under the title and the gap above it.
    let room = area.height.saturating_sub(2);
    let lines: Vec<Line> = match big::fit(title, area.width, room, false) {
        Some(f) => {
            let h = f.height();
            let top = area.y + room.saturating_sub(h) / 2;
            big::render(
                &f,
                t.title,
                true,
                Rect {
                    y: top,
                    height: h,
                    ..area
                },
                buf,
            );
            centred(buf, area, top + h + 1, &under, t.muted);
            return;
        }
        None => text::wrap(title, area.width as usize)
            .into_iter()
            .map(|l| Line::styled(l, t.title))
            .collect(),
    };
    let top = area.y + room.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let w = l.width() as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        draw::set_line(buf, x, top + i as u16, l, area.width);
    }
    centred(buf, area, top + lines.len() as u16 + 1, &under, t.muted);
}

fn centred(buf: &mut Buffer, area: Rect, y: u16, s: &str, style: ratatui::style::Style) {
    if y >= area.bottom() {
        return;
    }
    let s = text::truncate(s, area.width as usize);
    let x = area.x + area.width.saturating_sub(text::width(&s) as u16) / 2;
    buf.set_string(x, y, s, style);
}
