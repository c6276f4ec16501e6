//! Big text for the projector view (tui-big-text): 8×8 pixel letters drawn with half-height blocks
//! (▀ ▄ █, 8 cells wide and 4 high per letter) or, when that is too wide, quadrant blocks (▘ ▝ ▖ ▗
//! ▌ ▐ ▚ ▞ ▛ ▜ ▙ ▟, 4 × 4). Both are in the Block Elements range every terminal font has; sextant and
//! octant glyphs are not used, as many presenters' fonts lack them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// Rows of one line of big text (both pixel sizes).
pub const ROWS: u16 = 4;

/// How a text fits as big text: the pixel size and the lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    pub pixel: PixelSize,
    pub lines: Vec<String>,
}

impl Fit {
    pub fn height(&self) -> u16 {
        rows(self.pixel) * self.lines.len() as u16
    }
}

/// Rows of one line of big text at `pixel`: 8 for full-size and tall letters, else [`ROWS`].
pub fn rows(pixel: PixelSize) -> u16 {
    match pixel {
        PixelSize::Full | PixelSize::HalfWidth => 2 * ROWS,
        _ => ROWS,
    }
}

fn cells(s: &str, pixel: PixelSize) -> usize {
    let per = match pixel {
        PixelSize::HalfHeight | PixelSize::Full => 8,
        _ => 4,
    };
    s.chars().count() * per
}

/// `text` in letters of `pixel`, wrapped over balanced lines (at most `max_lines`) within `width`
/// cells; `None` when it does not fit so or has a character the big font lacks.
pub fn wrap_at(text: &str, pixel: PixelSize, width: u16, max_lines: usize) -> Option<Fit> {
    let glyphed = glyphs(text.trim())?;
    let per_line = width as usize / cells("x", pixel);
    if per_line == 0 || max_lines == 0 || glyphed.is_empty() {
        return None;
    }
    let wrapped = crate::tui::text::wrap(&glyphed, per_line);
    let n = wrapped.len();
    if n > max_lines || wrapped.iter().any(|l| l.chars().count() > per_line) {
        return None;
    }
    // Balanced lines read better than a long one and a short one: the narrowest wrap that still
    // takes no more lines.
    let least = glyphed.chars().count().div_ceil(n);
    let lines = (least..=per_line)
        .map(|w| crate::tui::text::wrap(&glyphed, w))
        .find(|l| l.len() == n && l.iter().all(|x| x.chars().count() <= per_line))
        .unwrap_or(wrapped);
    Some(Fit { pixel, lines })
}

/// The biggest way `text` fits in `width` × `height` cells: on one line, half-height then
/// quadrant; else wrapped over as many quadrant lines as the height allows; else with its leading
/// words left out (a vendor prefix: "Amazon ECS Express Mode" → "ECS Express Mode"), when the caller
/// shows the full name nearby. `None` when nothing fits: draw ordinary text instead.
pub fn fit(text: &str, width: u16, height: u16, may_shorten: bool) -> Option<Fit> {
    let width = width as usize;
    let text = glyphs(text.trim())?;
    let text = text.as_str();
    if text.is_empty() || height < ROWS {
        return None;
    }
    for pixel in [PixelSize::HalfHeight, PixelSize::Quadrant] {
        if cells(text, pixel) <= width {
            return Some(Fit {
                pixel,
                lines: vec![text.to_string()],
            });
        }
    }
    let max_lines = (height / ROWS) as usize;
    let per_line = width / 4;
    if max_lines >= 2 && per_line > 0 {
        let wrapped = crate::tui::text::wrap(text, per_line);
        let n = wrapped.len();
        if n <= max_lines && wrapped.iter().all(|l| l.chars().count() <= per_line) {
            // Balanced lines read better than a long one and a short one: the narrowest wrap that
            // still takes no more lines.
            let least = text.chars().count().div_ceil(n);
            let lines = (least..per_line)
                .map(|w| crate::tui::text::wrap(text, w))
                .find(|l| l.len() == n && l.iter().all(|x| x.chars().count() <= per_line))
                .unwrap_or(wrapped);
            return Some(Fit {
                pixel: PixelSize::Quadrant,
                lines,
            });
        }
    }
    if may_shorten {
        let words: Vec<&str> = text.split_whitespace().collect();
        for skip in 1..words.len() {
            let rest = words[skip..].join(" ");
            if cells(&rest, PixelSize::Quadrant) <= width {
                return Some(Fit {
                    pixel: PixelSize::Quadrant,
                    lines: vec![rest],
                });
            }
        }
    }
    None
}

/// `s` in characters the big font has (ASCII and Latin-1): common typography is mapped to its ASCII
/// look-alike (– — to -, ’ to ', “ ” to ", … to ..., → to ->, ⚠ to !); `None` when anything else is left
/// (a control character, a script the 8×8 font lacks), so the caller draws ordinary text instead.
pub fn glyphs(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ' '..='~' | '\u{a0}'..='\u{ff}' => out.push(c),
            '–' | '—' | '−' => out.push('-'),
            '‘' | '’' => out.push('\''),
            '“' | '”' => out.push('"'),
            '…' => out.push_str("..."),
            '→' => out.push_str("->"),
            // A status mark ("App Runner ⚠": closed to new customers) keeps its row big.
            '⚠' => out.push('!'),
            _ => return None,
        }
    }
    Some(out)
}

/// Draws one line of big text (its spans keep their styles) from the left of `area`.
pub fn render_line(line: &Line<'static>, pixel: PixelSize, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let h = ROWS.min(area.height);
    BigText::builder()
        .pixel_size(pixel)
        .lines(vec![line.clone()])
        .build()
        .render(Rect { height: h, ..area }, buf);
}

/// Draws a fitted text, centred or from the left, and returns the rows it took.
pub fn render(f: &Fit, style: Style, centred: bool, area: Rect, buf: &mut Buffer) -> u16 {
    let area = area.intersection(buf.area);
    let h = f.height().min(area.height);
    let widget = BigText::builder()
        .pixel_size(f.pixel)
        .style(style)
        .alignment(if centred {
            Alignment::Center
        } else {
            Alignment::Left
        })
        .lines(
            f.lines
                .iter()
                .map(|l| Line::from(l.clone()))
                .collect::<Vec<_>>(),
        )
        .build();
    widget.render(Rect { height: h, ..area }, buf);
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_biggest_size_that_fits() {
        let f = fit("ECS", 76, 4, false).unwrap();
        assert_eq!(f.pixel, PixelSize::HalfHeight);
        let f = fit("Amazon EKS on Fargate", 90, 4, false).unwrap();
        assert_eq!(f.pixel, PixelSize::Quadrant);
        let f = fit("Amazon ECS Express Mode", 76, 8, false).unwrap();
        assert_eq!(f.lines, ["Amazon ECS", "Express Mode"]);
        let f = fit("Amazon ECS Express Mode", 76, 4, true).unwrap();
        assert_eq!(f.lines, ["ECS Express Mode"]);
        assert_eq!(fit("Amazon ECS Express Mode", 76, 4, false), None);
        assert_eq!(fit("x", 76, 3, true), None);
    }

    #[test]
    fn a_status_mark_has_a_big_form() {
        assert_eq!(glyphs("App Runner ⚠").as_deref(), Some("App Runner !"));
        assert_eq!(glyphs("a → b"), Some("a -> b".to_string()));
        assert_eq!(glyphs("日本"), None);
    }
}
