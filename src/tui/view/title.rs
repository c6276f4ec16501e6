//! A demo's title card (`title = true` in a step): the title in the biggest letters that fit
//! (full-size on a big screen), the decisions the tool makes under it (big too when there is
//! room), and how long the demo is; the step's caption says the rest below. The sizes are chosen
//! together so that the card fills the screen rather than leave a third of it empty.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use tui_big_text::PixelSize;

use super::big::{self, Fit};
use super::draw;
use super::text;
use crate::tui::app::App;

/// How big a text is drawn: its big letters (`None`: ordinary lines).
type Size = Option<PixelSize>;

/// Sizes from the biggest, as the room sees them (tall letters read from further than wide ones).
const SIZES: [Size; 5] = [
    Some(PixelSize::Full),
    Some(PixelSize::HalfWidth),
    Some(PixelSize::HalfHeight),
    Some(PixelSize::Quadrant),
    None,
];

/// The rank of a size in [`SIZES`]: lower is bigger.
fn rank(s: Size) -> usize {
    SIZES.iter().position(|&x| x == s).unwrap_or(SIZES.len())
}

/// The title card's layout: the title and the decisions in sizes that fit the body, the title
/// bigger than the decisions: the biggest title that leaves at most a quarter of the rows
/// empty (the rule for every screen), else the fullest card.
struct Card {
    title: Result<Fit, Vec<String>>,
    /// The decisions big, one row each, else as one line (wrapped on a narrow screen).
    packs: Result<Vec<Fit>, Vec<String>>,
}

impl Card {
    fn height(&self) -> u16 {
        let title = match &self.title {
            Ok(f) => f.height(),
            Err(lines) => lines.len() as u16,
        };
        let packs = match &self.packs {
            Ok(fits) => fits.iter().map(Fit::height).sum(),
            Err(lines) => lines.len() as u16,
        };
        // A blank row under the title, one above the line under it, and that line.
        title + 1 + packs + 2
    }

    fn plan(title: &str, names: &[&str], area: Rect) -> Card {
        let plain = || text::wrap(title, area.width as usize);
        let plan_line = || text::wrap(&names.join(" · "), area.width as usize);
        let titles = SIZES.iter().filter_map(|&s| match s {
            Some(p) => big::wrap_at(title, p, area.width, 4).map(|f| (s, Ok(f))),
            None => Some((s, Err(plain()))),
        });
        let mut best: Option<((bool, usize, u16, usize), Card)> = None;
        for (ts, t) in titles {
            for &ps in SIZES
                .iter()
                .filter(|&&ps| ps.is_none() || rank(ps) > rank(ts))
            {
                let packs = match ps {
                    // A decision on one row of letters each, or the whole plan on one line.
                    Some(p) => match names
                        .iter()
                        .map(|n| big::wrap_at(n, p, area.width, 1))
                        .collect::<Option<Vec<_>>>()
                    {
                        Some(f) => Ok(f),
                        None => continue,
                    },
                    None => Err(plan_line()),
                };
                let card = Card {
                    title: t.clone(),
                    packs,
                };
                let h = card.height();
                if h > area.height {
                    continue;
                }
                // First a card that leaves at most a quarter of the rows empty, then the biggest
                // title, then the fullest card.
                let full = 4 * h >= 3 * area.height;
                let key = (full, usize::MAX - rank(ts), h, usize::MAX - rank(ps));
                if best.as_ref().is_none_or(|b| key > b.0) {
                    best = Some((key, card));
                }
            }
        }
        best.map_or(
            Card {
                title: Err(plain()),
                packs: Err(plan_line()),
            },
            |b| b.1,
        )
    }
}

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
    let card = Card::plan(title, &names, area);
    let total = card.height().min(area.height);
    let mut y = area.y + area.height.saturating_sub(total) / 2;
    match &card.title {
        Ok(f) => {
            y += big::render(f, t.title, true, Rect { y, ..area }.intersection(area), buf);
        }
        Err(plain) => {
            for l in plain {
                centred(buf, area, y, l, t.title);
                y += 1;
            }
        }
    }
    y += 1;
    match &card.packs {
        Ok(fits) => {
            for f in fits {
                y += big::render(
                    f,
                    t.accent,
                    true,
                    Rect { y, ..area }.intersection(area),
                    buf,
                );
            }
        }
        Err(lines) => {
            for l in lines {
                centred(buf, area, y, l, t.accent);
                y += 1;
            }
        }
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
