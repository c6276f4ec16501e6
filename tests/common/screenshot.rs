//! A screen as a person sees it: a `Buffer` written as HTML (every cell at its place, its colours
//! under a palette, block elements drawn as filled rectangles so big text looks as a terminal draws
//! it) and photographed at 1280×720 by headless Chromium, the facilitator's laptop on a projector.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::contrast::{Palette, rgb_in};

pub const WIDTH_PX: u32 = 1280;
pub const HEIGHT_PX: u32 = 720;

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The filled parts of a block element, as (x, y, w, h) fractions of the cell.
fn blocks(c: char) -> Option<Vec<(f32, f32, f32, f32)>> {
    let (ul, ur, ll, lr) = (
        (0.0, 0.0, 0.5, 0.5),
        (0.5, 0.0, 0.5, 0.5),
        (0.0, 0.5, 0.5, 0.5),
        (0.5, 0.5, 0.5, 0.5),
    );
    Some(match c {
        '█' => vec![(0.0, 0.0, 1.0, 1.0)],
        '▀' => vec![(0.0, 0.0, 1.0, 0.5)],
        '▄' => vec![(0.0, 0.5, 1.0, 0.5)],
        '▌' => vec![(0.0, 0.0, 0.5, 1.0)],
        '▐' => vec![(0.5, 0.0, 0.5, 1.0)],
        '▘' => vec![ul],
        '▝' => vec![ur],
        '▖' => vec![ll],
        '▗' => vec![lr],
        '▚' => vec![ul, lr],
        '▞' => vec![ur, ll],
        '▙' => vec![ul, ll, lr],
        '▛' => vec![ul, ur, ll],
        '▜' => vec![ul, ur, lr],
        '▟' => vec![ur, ll, lr],
        // Left eighths (score bars).
        '▏' | '▎' | '▍' | '▋' | '▊' | '▉' => {
            let n = "▏▎▍▌▋▊▉".chars().position(|x| x == c).unwrap() as f32 + 1.0;
            vec![(0.0, 0.0, n / 8.0, 1.0)]
        }
        _ => return None,
    })
}

/// The screen as an HTML page of exactly 1280×720 pixels.
pub fn html(buf: &Buffer, palette: &Palette, dark: bool) -> String {
    let a = buf.area;
    let (cw, ch) = (
        WIDTH_PX as f32 / a.width as f32,
        HEIGHT_PX as f32 / a.height as f32,
    );
    let (dfg, dbg) = if dark { palette.dark } else { palette.light };
    // DejaVu Sans Mono advances 0.602 em: the font size that fills a cell's width.
    let font = (cw / 0.602).min(ch * 0.95);
    let mut out = format!(
        "<!doctype html><html><head><meta charset=utf-8><style>\
         body{{margin:0;width:{WIDTH_PX}px;height:{HEIGHT_PX}px;overflow:hidden;background:{};position:relative;\
         font-family:'DejaVu Sans Mono',monospace;font-size:{font:.2}px}}\
         .c{{position:absolute;display:flex;align-items:center;justify-content:center;overflow:visible;white-space:pre}}\
         .b{{position:absolute}}</style></head><body>",
        hex(dbg)
    );
    for y in a.top()..a.bottom() {
        let mut x = a.left();
        while x < a.right() {
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            // OSC 8 and other sequences ride on symbols: show the text only.
            let shown: String = {
                let mut s = String::new();
                let mut chars = sym.chars().peekable();
                while let Some(c) = chars.next() {
                    if c == '\u{1b}' {
                        // Skip to the string terminator (ESC \) or BEL.
                        while let Some(d) = chars.next() {
                            if d == '\u{7}' || (d == '\u{1b}' && chars.peek() == Some(&'\\')) {
                                if d == '\u{1b}' {
                                    chars.next();
                                }
                                break;
                            }
                        }
                    } else {
                        s.push(c);
                    }
                }
                s
            };
            let w = (unicode_width::UnicodeWidthStr::width(shown.as_str()) as u16).max(1);
            let mut fg = if cell.fg == Color::Reset {
                dfg
            } else {
                rgb_in(palette, cell.fg).unwrap_or(dfg)
            };
            let mut bg = if cell.bg == Color::Reset {
                dbg
            } else {
                rgb_in(palette, cell.bg).unwrap_or(dbg)
            };
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let (left, top) = (x as f32 * cw, y as f32 * ch);
            let width = cw * w as f32;
            let _ = write!(
                out,
                "<div class=b style=\"left:{left:.2}px;top:{top:.2}px;width:{:.2}px;height:{:.2}px;background:{}\"></div>",
                width + 0.6,
                ch + 0.6,
                hex(bg)
            );
            let mut chars = shown.chars();
            let first = chars.next();
            if let (Some(c), None) = (first, chars.next())
                && let Some(parts) = blocks(c)
            {
                for (bx, by, bw, bh) in parts {
                    let _ = write!(
                        out,
                        "<div class=b style=\"left:{:.2}px;top:{:.2}px;width:{:.2}px;height:{:.2}px;background:{}\"></div>",
                        left + bx * cw,
                        top + by * ch,
                        bw * cw + 0.6,
                        bh * ch + 0.6,
                        hex(fg)
                    );
                }
            } else if !shown.trim().is_empty() {
                let weight = if cell.modifier.contains(Modifier::BOLD) {
                    "bold"
                } else {
                    "normal"
                };
                let deco = if cell.modifier.contains(Modifier::UNDERLINED) {
                    "underline"
                } else {
                    "none"
                };
                let text = shown
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                let _ = write!(
                    out,
                    "<div class=c style=\"left:{left:.2}px;top:{top:.2}px;width:{width:.2}px;height:{ch:.2}px;color:{};font-weight:{weight};text-decoration:{deco}\">{text}</div>",
                    hex(fg)
                );
            }
            x += w;
        }
    }
    out.push_str("</body></html>");
    out
}

/// Photographs the screen into `png` (1280×720) with headless Chromium; false when there is no
/// Chromium to do it.
pub fn save(buf: &Buffer, png: &Path, palette: &Palette, dark: bool) -> bool {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        return false;
    };
    let page = png.with_extension("html");
    std::fs::write(&page, html(buf, palette, dark)).unwrap();
    let ok = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            &format!("--window-size={WIDTH_PX},{HEIGHT_PX}"),
            &format!("--screenshot={}", png.display()),
            &format!("file://{}", page.display()),
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    let _ = std::fs::remove_file(&page);
    ok
}
