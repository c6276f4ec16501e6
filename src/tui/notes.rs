//! `tradeoff demo --notes`: the presenter's second window. It follows the cue a running demo
//! writes at every step ([`crate::cue`]) and shows the step's notes, what the room reads, the next
//! step and a clock (the time, how long the demo and this step have run). Nothing here can move
//! the demo: it only reads.

use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::msg::{LaidOut, Msg};
use super::term::Program;
use super::text;
use super::theme::Theme;
use super::view::draw;
use crate::cue::{self, Cue};

/// How often the cue is read and the clock redrawn.
pub const TICK: Duration = Duration::from_millis(500);

/// The notes window's state: the cue as last read, and the clock.
pub struct Follower {
    path: PathBuf,
    cue: Result<Option<Cue>, String>,
    /// The presenter's process still runs.
    alive: bool,
    /// Seconds since 1970, read at every tick (the view never reads the clock).
    now: u64,
    /// The local time as `HH:MM`, read with `now`.
    clock: String,
    ticks: usize,
    size: (u16, u16),
    /// Notes scrolled (↓/PgDn) when they do not fit.
    scroll: u16,
    limit: u16,
    theme: Theme,
    quit: bool,
}

impl Follower {
    pub fn new(path: PathBuf, theme: Theme, size: (u16, u16)) -> Follower {
        let mut f = Follower {
            path,
            cue: Ok(None),
            alive: false,
            now: 0,
            clock: String::new(),
            ticks: 0,
            size,
            scroll: 0,
            limit: 0,
            theme,
            quit: false,
        };
        f.refresh();
        f
    }

    /// Reads the cue and the clock again; a new step scrolls its notes back to the top.
    fn refresh(&mut self) {
        let read = cue::read(&self.path);
        let step = |c: &Result<Option<Cue>, String>| {
            c.as_ref()
                .ok()
                .and_then(Option::as_ref)
                .map(|c| (c.step, c.since))
        };
        if step(&read) != step(&self.cue) {
            self.scroll = 0;
        }
        self.alive = matches!(&read, Ok(Some(c)) if cue::alive(c.pid));
        self.cue = read;
        self.now = cue::now();
        self.clock = crate::clock::local_clock(self.now).unwrap_or_default();
    }

    /// Draws the window (also used by the snapshot tests, with a fixed clock).
    pub fn render(&self, area: Rect, buf: &mut Buffer) -> u16 {
        render(self, area, buf)
    }

    /// A follower for tests: this cue, this time, no file.
    pub fn showing(cue: Option<Cue>, now: u64, clock: &str, theme: Theme) -> Follower {
        Follower {
            path: PathBuf::new(),
            cue: Ok(cue),
            alive: true,
            now,
            clock: clock.to_string(),
            ticks: 0,
            size: (80, 24),
            scroll: 0,
            limit: 0,
            theme,
            quit: false,
        }
    }
}

impl Program for Follower {
    fn message(&self, ev: &Event) -> Option<Msg> {
        match ev {
            Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
            Event::Key(k) if k.kind == KeyEventKind::Press => match k.code {
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    Some(Msg::Quit)
                }
                KeyCode::Char('q') | KeyCode::Esc => Some(Msg::Quit),
                KeyCode::Down | KeyCode::Char('j') => Some(Msg::Down),
                KeyCode::Up | KeyCode::Char('k') => Some(Msg::Up),
                KeyCode::PageDown | KeyCode::Char(' ') => Some(Msg::PageDown),
                KeyCode::PageUp => Some(Msg::PageUp),
                _ => None,
            },
            _ => None,
        }
    }

    fn update(&mut self, msg: Msg) -> Option<Msg> {
        let page = self.size.1.saturating_sub(10).max(1);
        match msg {
            Msg::Quit => self.quit = true,
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::DemoTick => {
                self.ticks += 1;
                self.refresh();
            }
            Msg::Down => self.scroll = (self.scroll + 1).min(self.limit),
            Msg::Up => self.scroll = self.scroll.saturating_sub(1),
            Msg::PageDown => self.scroll = (self.scroll + page).min(self.limit),
            Msg::PageUp => self.scroll = self.scroll.saturating_sub(page),
            Msg::Laid(l) => self.limit = l.scroll_limit.unwrap_or(0),
            _ => {}
        }
        None
    }

    fn view(&self, area: Rect, buf: &mut Buffer) -> LaidOut {
        LaidOut {
            scroll_limit: Some(render(self, area, buf)),
            clicks: Vec::new(),
        }
    }

    fn size(&self) -> (u16, u16) {
        self.size
    }

    fn quitting(&self) -> bool {
        self.quit
    }

    /// A tick every [`TICK`]: each has a number of its own, so the loop's timer starts again.
    fn due(&self) -> Option<(Option<usize>, Duration)> {
        Some((Some(self.ticks), TICK))
    }

    fn title(&self) -> String {
        "tradeoff demo --notes".to_string()
    }
}

/// `1:05:09`, `12:07`, `0:42`.
fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Draws the window; returns how far the notes scroll.
fn render(f: &Follower, area: Rect, buf: &mut Buffer) -> u16 {
    let t = &f.theme;
    let area = area.intersection(buf.area);
    buf.set_style(area, t.text);
    if area.height < 3 || area.width < 20 {
        buf.set_string(
            area.x,
            area.y,
            text::truncate("notes", area.width as usize),
            t.text,
        );
        return 0;
    }
    let w = area.width as usize;
    let cue = match &f.cue {
        Ok(Some(c)) => Some(c),
        _ => None,
    };
    // Header: what is followed, the step, the clock on the right.
    let title = cue.map_or("tradeoff demo --notes".to_string(), |c| {
        format!("Notes · {}", text::clean(&c.title))
    });
    let clock = match cue {
        Some(c) if c.running && f.alive => format!(
            "{}  ·  demo {}  ·  step {} ",
            f.clock,
            duration(f.now.saturating_sub(c.started)),
            duration(f.now.saturating_sub(c.since))
        ),
        _ => format!("{} ", f.clock),
    };
    let room = w.saturating_sub(text::width(&clock) + 1);
    draw::set_line(
        buf,
        area.x,
        area.y,
        &Line::from(Span::styled(
            format!(" {}", text::truncate(&title, room.saturating_sub(1))),
            t.title,
        )),
        area.width,
    );
    if text::width(&clock) < w {
        let cw = text::width(&clock) as u16;
        buf.set_string(area.right() - cw, area.y, &clock, t.muted);
    }
    let footer = area.bottom() - 1;
    let keys = " q quit · ↓ ↑ PgDn PgUp scroll the notes · follows `tradeoff demo` of this user";
    buf.set_string(area.x, footer, text::truncate(keys, w), t.muted);
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(3),
        ..area
    };
    let Some(c) = cue else {
        let msg = match &f.cue {
            Err(e) => format!("Cannot read the demo's cue: {}", text::clean(e)),
            _ => format!(
                "Waiting for a demo: start `tradeoff demo` in another terminal; this window follows its steps ({}).",
                f.path.display()
            ),
        };
        let lines: Vec<Line> = text::wrap(&msg, w.saturating_sub(2))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), t.text))
            .collect();
        draw::draw_lines(buf, body, &lines, 0);
        return 0;
    };
    let mut lines: Vec<Line> = Vec::new();
    let state = if !c.running {
        " — the presenter left the script"
    } else if !f.alive {
        " — the demo is no longer running"
    } else {
        ""
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" Step {} of {}", c.step, c.steps), t.heading),
        Span::styled(state, t.warning),
    ]));
    // Lines a reader takes in at a glance, however wide the window.
    let inner = w.saturating_sub(4).min(100);
    let notes_style = t.text.add_modifier(Modifier::BOLD);
    if c.notes.trim().is_empty() {
        lines.push(Line::styled("   (no notes for this step)", t.muted));
    } else {
        for para in c.notes.lines() {
            for l in text::wrap(&text::clean(para), inner) {
                lines.push(Line::styled(format!("   {l}"), notes_style));
            }
        }
    }
    let notes_end = lines.len();
    let mut rest: Vec<Line> = vec![Line::default(), Line::styled(" The room reads", t.heading)];
    for l in text::wrap(&text::clean(&c.caption), inner) {
        rest.push(Line::styled(format!("   {l}"), t.muted));
    }
    rest.push(Line::default());
    match &c.next {
        Some(n) => {
            rest.push(Line::styled(
                format!(" Next: step {}", c.step + 1),
                t.heading,
            ));
            for l in text::wrap(&text::clean(&n.caption), inner) {
                rest.push(Line::styled(format!("   {l}"), t.text));
            }
            if !n.notes.trim().is_empty() {
                let first = n.notes.lines().next().unwrap_or_default();
                let l = text::truncate(&format!("notes: {}", text::clean(first)), inner);
                rest.push(Line::styled(format!("   {l}"), t.muted));
            }
        }
        None => rest.push(Line::styled(" Last step", t.heading)),
    }
    // The notes scroll; what the room reads and the next step stay at the bottom when they fit.
    let tail = rest.len() as u16;
    let notes_rows = body.height.saturating_sub(tail).max(3.min(body.height));
    let total = notes_end as u16;
    let limit = total.saturating_sub(notes_rows);
    let scroll = f.scroll.min(limit);
    let notes_area = Rect {
        height: notes_rows.min(body.height),
        ..body
    };
    draw::draw_lines(buf, notes_area, &lines, scroll as usize);
    if limit > 0 {
        let below = (limit - scroll) as usize;
        draw::more_marks(t, notes_area, scroll as usize, below, buf);
    }
    let tail_area = Rect {
        y: notes_area.bottom(),
        height: body.height.saturating_sub(notes_area.height),
        ..body
    };
    draw::draw_lines(buf, tail_area, &rest, 0);
    limit
}
