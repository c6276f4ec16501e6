//! The team comparison as a screen (`tradeoff compare --tui A.toml B.toml …`): the teams' answers side
//! by side with the differences marked, then a tab per pack with each team's recommendation and the
//! answers that explain different outcomes. A small Elm-style program of its own: `CompareScreen` is
//! the state, `update` the only place that changes it, `render` draws it.

use std::io;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::app::{MIN_HEIGHT, MIN_WIDTH};
use super::text;
use super::theme::Theme;
use super::view::{chrome, draw_lines, too_small};
use crate::compare::Comparison;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareMsg {
    NextTab,
    PrevTab,
    Up,
    Down,
    PageUp,
    PageDown,
    Quit,
    Resize(u16, u16),
}

#[derive(Debug, Clone)]
pub struct CompareScreen {
    pub cmp: Comparison,
    pub theme: Theme,
    /// 0 = answers, then one per pack.
    pub tab: usize,
    pub scroll: usize,
    pub size: (u16, u16),
    pub quit: bool,
}

impl CompareScreen {
    pub fn new(cmp: Comparison, theme: Theme, size: (u16, u16)) -> Self {
        CompareScreen {
            cmp,
            theme,
            tab: 0,
            scroll: 0,
            size,
            quit: false,
        }
    }

    fn tabs(&self) -> usize {
        1 + self.cmp.packs.len()
    }

    pub fn update(&mut self, msg: CompareMsg) {
        let page = self.size.1.saturating_sub(6) as usize;
        match msg {
            CompareMsg::NextTab => {
                self.tab = (self.tab + 1) % self.tabs();
                self.scroll = 0;
            }
            CompareMsg::PrevTab => {
                self.tab = (self.tab + self.tabs() - 1) % self.tabs();
                self.scroll = 0;
            }
            CompareMsg::Up => self.scroll = self.scroll.saturating_sub(1),
            CompareMsg::Down => self.scroll += 1,
            CompareMsg::PageUp => self.scroll = self.scroll.saturating_sub(page),
            CompareMsg::PageDown => self.scroll += page,
            CompareMsg::Quit => self.quit = true,
            CompareMsg::Resize(w, h) => self.size = (w, h),
        }
        let limit = self
            .lines(self.body_width())
            .len()
            .saturating_sub(page.max(1));
        self.scroll = self.scroll.min(limit);
    }

    fn body_width(&self) -> usize {
        (self.size.0.min(super::app::MAX_WIDTH) as usize).saturating_sub(2)
    }

    /// The lines of the current tab.
    pub fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let t = &self.theme;
        let teams = self.cmp.teams.len().max(1);
        let qw = self
            .cmp
            .answers
            .iter()
            .map(|r| text::width(&r.title))
            .max()
            .unwrap_or(8)
            .clamp(8, 24);
        let col = (width.saturating_sub(qw + 4) / teams).clamp(8, 32);
        let mut out = Vec::new();
        if self.tab == 0 {
            let mut head = vec![Span::styled(format!("  {:qw$}", ""), t.muted)];
            for team in &self.cmp.teams {
                head.push(Span::styled(
                    format!("  {}", text::fit(team, col - 2)),
                    t.heading,
                ));
            }
            out.push(Line::from(head));
            for r in &self.cmp.answers {
                let style = if r.differs { t.accent } else { t.text };
                let mut spans = vec![
                    Span::styled(if r.differs { "≠ " } else { "  " }, t.accent),
                    Span::styled(text::fit(&r.title, qw), style),
                ];
                for l in &r.labels {
                    let label = l.as_deref().unwrap_or("— skipped");
                    spans.push(Span::styled(
                        format!("  {}", text::fit(label, col - 2)),
                        style,
                    ));
                }
                out.push(Line::from(spans));
            }
            out.push(Line::default());
            let n = self.cmp.answers.iter().filter(|r| r.differs).count();
            for l in text::wrap(
                &format!(
                    "≠ marks the {n} question{} the teams answered differently. Tab shows each pack's outcome and the answers that explain it.",
                    if n == 1 { "" } else { "s" }
                ),
                width,
            ) {
                out.push(Line::styled(l, t.muted));
            }
            return out;
        }
        let Some(p) = self.cmp.packs.get(self.tab - 1) else {
            return out;
        };
        for (team, r) in self.cmp.teams.iter().zip(&p.results) {
            out.push(Line::from(vec![
                Span::styled(format!("  {}", text::fit(team, 24)), t.heading),
                Span::styled("  ▶ ", t.accent),
                Span::styled(
                    r.winner_name
                        .clone()
                        .unwrap_or_else(|| "no recommendation".into()),
                    t.text,
                ),
                Span::styled(
                    r.score.map_or(String::new(), |s| format!("  {s:.1}")),
                    t.muted,
                ),
            ]));
        }
        out.push(Line::default());
        if p.same_winner {
            out.push(Line::styled(
                "  ✓ Every team gets the same recommendation.",
                t.accent,
            ));
            return out;
        }
        out.push(Line::styled("Why the outcomes differ", t.heading));
        for e in &p.explanations {
            let target = self
                .cmp
                .teams
                .iter()
                .position(|x| x == &e.to_team)
                .and_then(|i| p.results[i].winner_name.clone())
                .unwrap_or_else(|| "no recommendation".into());
            out.push(Line::default());
            out.push(Line::from(vec![
                Span::styled(format!("  {} → {}", e.from_team, e.to_team), t.accent),
                Span::styled(format!(" ({target})"), t.muted),
            ]));
            let pairs = e.sets.first().is_some_and(|s| s.len() > 1);
            let intro = match (e.needs_all, e.reproduces, pairs, e.sets.len() > 1) {
                (true, true, _, _) => "only all these differences together:",
                (true, false, _, _) => "not even all their answers together:",
                (false, _, false, false) => "this one answer is enough:",
                (false, _, false, true) => "any one of these answers is enough:",
                (false, _, true, false) => "these two answers together are enough:",
                (false, _, true, true) => "any one of these pairs of answers is enough:",
            };
            out.push(Line::styled(format!("    {intro}"), t.muted));
            for set in &e.sets {
                let s = set
                    .iter()
                    .map(|s| {
                        format!(
                            "{}: {} → {}",
                            s.title,
                            s.from.as_deref().unwrap_or("skipped"),
                            s.to.as_deref().unwrap_or("skipped")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" + ");
                for (i, l) in text::wrap(&s, width.saturating_sub(8))
                    .into_iter()
                    .enumerate()
                {
                    out.push(Line::styled(
                        format!("    {} {l}", if i == 0 { "•" } else { " " }),
                        t.text,
                    ));
                }
            }
        }
        out
    }
}

impl Widget for &CompareScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = &self.theme;
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(t, area, buf);
            return;
        }
        let c = chrome(area);
        let title = Line::from(vec![
            Span::styled(" tradeoff ", t.title),
            Span::styled("· ", t.muted),
            Span::styled(
                format!("Comparing {} teams", self.cmp.teams.len()),
                t.heading,
            ),
        ]);
        buf.set_line(c.header.x, c.header.y, &title, c.header.width);
        let mut tabs = vec![Span::raw(" ")];
        let names = std::iter::once("Answers".to_string())
            .chain(self.cmp.packs.iter().map(|p| p.name.clone()));
        for (i, name) in names.enumerate() {
            // ▶ marks the current tab without relying on colour.
            let (style, mark) = if i == self.tab {
                (t.tab_active, "▶ ")
            } else {
                (t.tab_inactive, "")
            };
            tabs.push(Span::styled(format!(" {mark}{name} "), style));
            tabs.push(Span::raw(" "));
        }
        let tab_row = Rect {
            height: 1,
            ..c.body
        };
        buf.set_line(tab_row.x, tab_row.y, &Line::from(tabs), tab_row.width);
        let body = Rect {
            x: c.body.x + 1,
            y: c.body.y + 2,
            width: c.body.width.saturating_sub(2),
            height: c.body.height.saturating_sub(2),
        };
        let lines = self.lines(body.width as usize);
        draw_lines(buf, body, &lines, self.scroll);
        // Say when there is more to scroll to, as the other screens do.
        let below = lines
            .len()
            .saturating_sub(self.scroll + body.height as usize);
        if below > 0 && body.height > 0 {
            let more = format!(" ↓ {below} more ");
            let w = text::width(&more) as u16;
            buf.set_string(
                body.right().saturating_sub(w),
                body.bottom() - 1,
                more,
                t.muted,
            );
        }
        let hints = Line::from(vec![
            Span::styled(" Tab", t.key),
            Span::styled(" next tab  ", t.hint),
            Span::styled("↑↓", t.key),
            Span::styled(" scroll  ", t.hint),
            Span::styled("q", t.key),
            Span::styled(" quit", t.hint),
        ]);
        buf.set_line(c.footer.x, c.footer.y, &hints, c.footer.width);
    }
}

/// Maps a terminal event to a message; only key presses count.
pub fn map_event(ev: &Event) -> Option<CompareMsg> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            Some(match k.code {
                KeyCode::Char('c') if ctrl => CompareMsg::Quit,
                KeyCode::Char('q') | KeyCode::Esc => CompareMsg::Quit,
                KeyCode::Tab | KeyCode::Right | KeyCode::Char('l') => CompareMsg::NextTab,
                KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => CompareMsg::PrevTab,
                KeyCode::Up | KeyCode::Char('k') => CompareMsg::Up,
                KeyCode::Down | KeyCode::Char('j') => CompareMsg::Down,
                KeyCode::PageUp => CompareMsg::PageUp,
                KeyCode::PageDown => CompareMsg::PageDown,
                _ => return None,
            })
        }
        Event::Resize(w, h) => Some(CompareMsg::Resize(*w, *h)),
        _ => None,
    }
}

/// Runs the comparison screen until the user quits; the terminal is restored however it ends.
pub fn run(mut screen: CompareScreen) -> io::Result<()> {
    let _session = super::term::Session::start(false)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    screen.update(CompareMsg::Resize(size.width, size.height));
    terminal.draw(|f| f.render_widget(&screen, f.area()))?;
    loop {
        if let Some(msg) = map_event(&event::read()?) {
            screen.update(msg);
            if screen.quit {
                return Ok(());
            }
            terminal.draw(|f| f.render_widget(&screen, f.area()))?;
        }
    }
}
