//! A demo's title card (`title = true` in a step): the title in the biggest letters that fit
//! (full-size on a big screen), the decisions the tool makes under it (big too when there is
//! room), and how long the demo is; the step's caption says the rest below.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use tui_big_text::PixelSize;

use super::big::{self, Fit};
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
    let names: Vec<&str> = app.catalog.packs.iter().map(|p| p.name.as_str()).collect();
    // The decisions: one big row each on a tall screen (tall letters on the tallest), else one
    // line.
    let pixel = match area.height {
        h if h >= 50 => Some(PixelSize::HalfWidth),
        h if h >= 40 => Some(PixelSize::Quadrant),
        _ => None,
    };
    let packs: Vec<Fit> = names
        .iter()
        .filter_map(|n| {
            let pixel = pixel?;
            let g = big::glyphs(n)?;
            (g.chars().count() * 4 <= area.width as usize).then(|| Fit {
                pixel,
                lines: vec![g],
            })
        })
        .collect();
    let packs_big = !packs.is_empty() && packs.len() == names.len();
    let packs_h = if packs_big {
        packs.iter().map(Fit::height).sum::<u16>()
    } else {
        1
    };
    // The title gets what is left after the decisions, two gaps and the line under it.
    let room = area.height.saturating_sub(packs_h + 4);
    let fit = big::fit_title(title, area.width, room);
    let plain: Vec<String> = match fit {
        Some(_) => Vec::new(),
        None => text::wrap(title, area.width as usize),
    };
    let title_h = fit.as_ref().map_or(plain.len() as u16, Fit::height);
    let total = title_h + 1 + packs_h + 2;
    let mut y = area.y + area.height.saturating_sub(total) / 2;
    match &fit {
        Some(f) => {
            big::render(
                f,
                t.title,
                true,
                Rect {
                    y,
                    height: title_h,
                    ..area
                },
                buf,
            );
        }
        None => {
            for (i, l) in plain.iter().enumerate() {
                centred(buf, area, y + i as u16, l, t.title);
            }
        }
    }
    y += title_h + 1;
    if packs_big {
        for f in &packs {
            big::render(
                f,
                t.accent,
                true,
                Rect {
                    y,
                    height: f.height(),
                    ..area
                },
                buf,
            );
            y += f.height();
        }
    } else {
        centred(buf, area, y, &names.join(" · "), t.accent);
        y += 1;
    }
    centred(buf, area, y + 1, &under, t.muted);
}

/// `s` centred on row `y` of `area`, cut to its width; nothing below the area.
fn centred(buf: &mut Buffer, area: Rect, y: u16, s: &str, style: Style) {
    if y >= area.bottom() {
        return;
    }
    let line = Line::styled(text::truncate(s, area.width as usize), style);
    let x = area.x + area.width.saturating_sub(line.width() as u16) / 2;
    draw::set_line(buf, x, y, &line, area.width);
}
