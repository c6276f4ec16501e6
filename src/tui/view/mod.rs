//! Rendering: pure functions from a borrowed `App` to the screen buffer, one file per screen, panel or
//! popup. A frame returns what it laid out (a [`LaidOut`]: the scroll limit of the text on top, where
//! clicks land), which the loop feeds back to `update`: `update` never asks the view.

pub mod big;
pub mod caption;
pub mod change;
pub mod compare;
pub mod detail;
pub mod draw;
pub mod export;
pub mod glossary;
pub mod help;
pub mod overview;
pub mod palette;
pub mod poll;
pub mod projector;
pub mod question;
pub mod results;
pub mod stage;
mod stage_parts;
pub mod teams;
pub mod title;
pub mod weights;
pub mod welcome;
pub mod whatif;
pub mod why;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use self::draw::{Chrome, PROJECTOR_MAX, chrome, chrome_within, hint_bar, too_small};
use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::keys;
use super::msg::{LaidOut, StatusKind};
use super::popup::Popup;
use super::screens::Screen;
use super::text;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self, area, buf);
    }
}

/// The chrome of `app` in `area`: with the demo's caption bar cut from the bottom of the body.
pub fn layout(app: &App, area: Rect) -> Chrome {
    let mut c = if app.look.projector {
        chrome_within(area, PROJECTOR_MAX.0, PROJECTOR_MAX.1)
    } else {
        chrome(area)
    };
    let h = caption::height(app, c.body.width, c.body.height + 2);
    if h > 0 {
        c.body.height = c.body.height.saturating_sub(h);
        c.caption = Rect {
            y: c.body.bottom(),
            height: h,
            ..c.body
        };
    }
    c
}

/// Draws `app` and returns what it laid out: the scroll limit of the text on top, and where clicks
/// land (the choices of a question when no popup covers them).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> LaidOut {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return LaidOut::default();
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(&app.look.theme, area, buf);
        return LaidOut::default();
    }
    // A theme that sets the body text's colours (the projector's) paints every cell with them first,
    // so the whole screen has its background whatever the terminal's own.
    buf.set_style(area, app.look.theme.text);
    let c = layout(app, area);
    header(app, c.header, buf);
    let mut layout = LaidOut::default();
    let title = app.demo.as_ref().and_then(|d| match d.action() {
        Some(crate::demo::Action::Title(s)) => Some(s.as_str()),
        _ => None,
    });
    match app.screen {
        // A demo's title card stands in front of whatever screen the step leaves behind.
        _ if title.is_some() => title::render(app, title.unwrap_or_default(), c.body, buf),
        Screen::Welcome if app.look.projector => projector::welcome::render(app, c.body, buf),
        Screen::Welcome => welcome::render(app, c.body, buf),
        Screen::Question(_) if app.look.projector => {
            layout.clicks = projector::question::render(app, c.body, buf);
        }
        Screen::Question(_) => {
            let (clicks, limit) = question::render(app, c.body, buf);
            layout.clicks = clicks;
            layout.scroll_limit = Some(limit);
        }
        Screen::Results => layout.scroll_limit = results::render(app, c.body, buf),
        Screen::WhatIf(_) if app.look.projector => {
            layout.scroll_limit = projector::whatif::render(app, c.body, buf);
        }
        Screen::WhatIf(_) => layout.scroll_limit = whatif::render(app, c.body, buf),
        Screen::Teams(_) => layout.scroll_limit = teams::render(app, c.body, buf),
    }
    for (i, popup) in app.popups.iter().enumerate() {
        // A popup covers the screen: what it laid out is all that counts.
        layout = match popup {
            Popup::Weights(w) if app.look.projector => LaidOut {
                scroll_limit: None,
                clicks: projector::weights::render(app, w, c.body, buf),
            },
            Popup::Weights(w) => {
                let (clicks, limit) = weights::render(app, w, c.body, buf);
                LaidOut {
                    scroll_limit: Some(limit),
                    clicks,
                }
            }
            Popup::Poll(p) if app.look.projector => LaidOut {
                scroll_limit: None,
                clicks: projector::poll::render(app, p, c.body, buf),
            },
            Popup::Poll(p) => LaidOut {
                scroll_limit: None,
                clicks: poll::render(app, p, c.body, buf),
            },
            _ => LaidOut {
                scroll_limit: draw_popup(app, i, popup, c.body, buf),
                clicks: Vec::new(),
            },
        };
    }
    caption::render(app, c.caption, c.body.height + c.caption.height + 2, buf);
    footer(app, c.footer, buf);
    layout
}

/// Draws the `depth`-th popup; returns how far it scrolls, if it does.
fn draw_popup(app: &App, depth: usize, popup: &Popup, body: Rect, buf: &mut Buffer) -> Option<u16> {
    if app.look.projector {
        match popup {
            Popup::Help(h) => {
                return Some(projector::popups::help(
                    app,
                    depth,
                    body,
                    h.scroll.offset,
                    buf,
                ));
            }
            Popup::Detail(d) => return Some(projector::popups::detail(app, d, body, buf)),
            Popup::Glossary(e) => return Some(projector::popups::entry(app, e, body, buf)),
            _ => {}
        }
    }
    match popup {
        Popup::Help(h) => Some(help::render(app, depth, body, h.scroll.offset, buf)),
        Popup::Detail(d) => Some(detail::render(app, d, body, buf)),
        Popup::Glossary(e) => Some(glossary::render_entry(app, e, body, buf)),
        Popup::Terms(t) => {
            glossary::render_terms(app, t, body, buf);
            None
        }
        Popup::Palette(p) => {
            palette::render(app, p, body, buf);
            None
        }
        Popup::Export(d) => {
            export::render(app, d, body, buf);
            None
        }
        // Drawn by `render`, which keeps its clicks.
        Popup::Weights(_) | Popup::Poll(_) => None,
    }
}

/// The screen shown while big data loads (before there is an app, a theme or a catalog): the
/// terminal's own colours, the message in the middle.
pub fn loading(area: Rect, buf: &mut Buffer, message: &str) {
    use ratatui::style::{Modifier, Style};
    let lines = [
        ("tradeoff", Style::default().add_modifier(Modifier::BOLD)),
        ("", Style::default()),
        (message, Style::default()),
        ("", Style::default()),
        (
            "Esc or q gives up",
            Style::default().add_modifier(Modifier::DIM),
        ),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, (text, style)) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let shown = text::truncate(text, area.width as usize);
        let x = area.x + area.width.saturating_sub(text::width(&shown) as u16) / 2;
        buf.set_string(x, y, shown, *style);
    }
}

fn header(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let title = match &app.screen {
        Screen::Welcome => "Welcome".to_string(),
        Screen::Question(_) => "Questions".to_string(),
        Screen::Results => "Results".to_string(),
        Screen::WhatIf(_) => "What-if".to_string(),
        Screen::Teams(t) => format!("Comparing {} teams", t.cmp.teams.len()),
    };
    let left = Line::from(vec![
        Span::styled(" tradeoff ", t.title),
        Span::styled("· ", t.muted),
        Span::styled(title, t.heading),
    ]);
    draw::set_line(buf, area.x, area.y, &left, area.width);
    // A session that is not saved, or shared with another window, is said on every screen; so is
    // old data, with its age (the same numbers as the JSON `data`).
    // From the catalog: the header must not make every screen wait for an analysis.
    let data = crate::engine::freshness(&app.catalog);
    let (long, short, style) = if app.session_note.not_saved {
        (
            "✗ session not saved: your answers are only in this window ".to_string(),
            "✗ not saved ".to_string(),
            t.error,
        )
    } else if app.session_note.shared {
        (
            "! another window has this session: each saves its own file ".to_string(),
            "! 2 windows ".to_string(),
            t.warning,
        )
    } else if let n @ 1.. = crate::weights::changed(&app.catalog).len() {
        // The rankings are not the data's: said on every screen until the weights go back.
        (
            format!(
                "* {n} weight{} changed (W shows them) ",
                if n == 1 { "" } else { "s" }
            ),
            "* weights changed ".to_string(),
            t.warning,
        )
    } else if data.stale {
        (
            format!(
                "⚠ data checked {} days ago ({}) ",
                data.age_days, data.verified
            ),
            format!("⚠ data {} days old ", data.age_days),
            t.warning,
        )
    } else if let Some(r) = data.next_review.as_deref().filter(|_| data.review_due) {
        (
            format!("⚠ data due for review since {r} "),
            "⚠ review due ".to_string(),
            t.warning,
        )
    } else {
        let s = format!("data verified {} ", data.verified);
        (s.clone(), s, t.muted)
    };
    let room = (area.width as usize).saturating_sub(left.width() + 2);
    if let Some(right) = [long, short].into_iter().find(|s| text::width(s) <= room) {
        let rw = text::width(&right) as u16;
        buf.set_string(area.right() - rw, area.y, right, style);
    }
}

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    // A status message ("Wrote …") takes the bar until the next key.
    if let Some(status) = &app.status {
        let style = match status.kind {
            StatusKind::Ok => t.accent,
            StatusKind::Warning => t.warning,
            StatusKind::Error => t.error,
        };
        let line = Line::from(vec![
            Span::styled(format!(" {} ", status.kind.mark()), style),
            Span::styled(
                text::fit(&status.text, (area.width as usize).saturating_sub(4)),
                style,
            ),
        ]);
        draw::set_line(buf, area.x, area.y, &line, area.width);
        return;
    }
    hint_bar(&keys::hints(keys::context(app)), t, area, buf);
}
