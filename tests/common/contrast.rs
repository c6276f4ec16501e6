//! WCAG 2 contrast for the themes' tests: the RGB value a terminal shows for each colour under a
//! palette (xterm's default, GNOME Terminal's Tango), relative luminance and the contrast ratio.
//! Only the tests measure contrast, so the math lives here, not in the binary.
#![allow(dead_code)]

use ratatui::style::Color;

/// The RGB value a terminal shows for `c`, or `None` for `Reset` (the terminal's own default).
///
/// The 16 named colours (and indices 0–15) are whatever the terminal's colour scheme says; this table
/// uses xterm's defaults for them. Indices 16–231 are xterm's 6×6×6 colour cube (levels 0, 95, 135,
/// 175, 215, 255) and 232–255 its grey ramp (8, 18, …, 238): those are fixed, which is why the
/// projector theme uses only them.
pub fn rgb(c: Color) -> Option<(u8, u8, u8)> {
    rgb_in(&XTERM, c)
}

/// A terminal's colour scheme: its 16 named colours and its default text and background, on a dark
/// and on a light profile. Indices 16–255 are the same everywhere (xterm's cube and grey ramp).
pub struct Palette {
    pub name: &'static str,
    pub ansi: [(u8, u8, u8); 16],
    /// Default (text, background) of the dark profile and of the light one.
    pub dark: ((u8, u8, u8), (u8, u8, u8)),
    pub light: ((u8, u8, u8), (u8, u8, u8)),
}

/// xterm's defaults (its `-rv` reverse video for the dark profile, black on white for the light).
pub const XTERM: Palette = Palette {
    name: "xterm",
    ansi: XTERM_ANSI,
    dark: ((0xe5, 0xe5, 0xe5), (0x00, 0x00, 0x00)),
    light: ((0x00, 0x00, 0x00), (0xff, 0xff, 0xff)),
};

/// GNOME Terminal's (and many Linux terminals') Tango scheme, with its Tango dark and light
/// profiles.
pub const TANGO: Palette = Palette {
    name: "Tango",
    ansi: [
        (0x2e, 0x34, 0x36),
        (0xcc, 0x00, 0x00),
        (0x4e, 0x9a, 0x06),
        (0xc4, 0xa0, 0x00),
        (0x34, 0x65, 0xa4),
        (0x75, 0x50, 0x7b),
        (0x06, 0x98, 0x9a),
        (0xd3, 0xd7, 0xcf),
        (0x55, 0x57, 0x53),
        (0xef, 0x29, 0x29),
        (0x8a, 0xe2, 0x34),
        (0xfc, 0xe9, 0x4f),
        (0x72, 0x9f, 0xcf),
        (0xad, 0x7f, 0xa8),
        (0x34, 0xe2, 0xe2),
        (0xee, 0xee, 0xec),
    ],
    dark: ((0xd3, 0xd7, 0xcf), (0x2e, 0x34, 0x36)),
    light: ((0x2e, 0x34, 0x36), (0xee, 0xee, 0xec)),
};

pub const PALETTES: [&Palette; 2] = [&XTERM, &TANGO];

const XTERM_ANSI: [(u8, u8, u8); 16] = [
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

/// The RGB value `c` shows in `palette`, or `None` for `Reset` (the profile's default).
pub fn rgb_in(palette: &Palette, c: Color) -> Option<(u8, u8, u8)> {
    let ansi = &palette.ansi;
    let indexed = |i: u8| -> (u8, u8, u8) {
        match i {
            0..=15 => ansi[i as usize],
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
        Color::Black => ansi[0],
        Color::Red => ansi[1],
        Color::Green => ansi[2],
        Color::Yellow => ansi[3],
        Color::Blue => ansi[4],
        Color::Magenta => ansi[5],
        Color::Cyan => ansi[6],
        Color::Gray => ansi[7],
        Color::DarkGray => ansi[8],
        Color::LightRed => ansi[9],
        Color::LightGreen => ansi[10],
        Color::LightYellow => ansi[11],
        Color::LightBlue => ansi[12],
        Color::LightMagenta => ansi[13],
        Color::LightCyan => ansi[14],
        Color::White => ansi[15],
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
