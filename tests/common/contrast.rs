//! WCAG 2 contrast for the projector theme's tests: the RGB value a terminal shows for each colour
//! (xterm's table), relative luminance and the contrast ratio. Only the tests measure contrast, so
//! the math lives here, not in the binary.
#![allow(dead_code)]

use ratatui::style::Color;

/// The RGB value a terminal shows for `c`, or `None` for `Reset` (the terminal's own default).
///
/// The 16 named colours (and indices 0–15) are whatever the terminal's colour scheme says; this table
/// uses xterm's defaults for them. Indices 16–231 are xterm's 6×6×6 colour cube (levels 0, 95, 135,
/// 175, 215, 255) and 232–255 its grey ramp (8, 18, …, 238): those are fixed, which is why the
/// projector theme uses only them.
pub fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    const ANSI: [(u8, u8, u8); 16] = [
        (0x00, 0x00, 0x00), // black
        (0xcd, 0x00, 0x00), // red
        (0x00, 0xcd, 0x00), // green
        (0xcd, 0xcd, 0x00), // yellow
        (0x00, 0x00, 0xee), // blue
        (0xcd, 0x00, 0xcd), // magenta
        (0x00, 0xcd, 0xcd), // cyan
        (0xe5, 0xe5, 0xe5), // gray (white)
        (0x7f, 0x7f, 0x7f), // dark-gray (bright black)
        (0xff, 0x00, 0x00), // light-red
        (0x00, 0xff, 0x00), // light-green
        (0xff, 0xff, 0x00), // light-yellow
        (0x5c, 0x5c, 0xff), // light-blue
        (0xff, 0x00, 0xff), // light-magenta
        (0x00, 0xff, 0xff), // light-cyan
        (0xff, 0xff, 0xff), // white (bright white)
    ];
    let indexed = |i: u8| -> (u8, u8, u8) {
        match i {
            0..=15 => ANSI[i as usize],
            16..=231 => {
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                let n = i - 16;
                (level(n / 36), level((n / 6) % 6), level(n % 6))
            }
            _ => {
                let g = 8 + 10 * (i - 232);
                (g, g, g)
            }
        }
    };
    Some(match c {
        Color::Reset => return None,
        Color::Black => ANSI[0],
        Color::Red => ANSI[1],
        Color::Green => ANSI[2],
        Color::Yellow => ANSI[3],
        Color::Blue => ANSI[4],
        Color::Magenta => ANSI[5],
        Color::Cyan => ANSI[6],
        Color::Gray => ANSI[7],
        Color::DarkGray => ANSI[8],
        Color::LightRed => ANSI[9],
        Color::LightGreen => ANSI[10],
        Color::LightYellow => ANSI[11],
        Color::LightBlue => ANSI[12],
        Color::LightMagenta => ANSI[13],
        Color::LightCyan => ANSI[14],
        Color::White => ANSI[15],
        Color::Indexed(i) => indexed(i),
        Color::Rgb(r, g, b) => (r, g, b),
    })
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
