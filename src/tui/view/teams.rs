//! The team comparison (`compare --tui`): the teams' answers side by side with the differences
//! marked, then a tab per pack with each team's recommendation and the answers that explain
//! different outcomes. Returns what it laid out: how far the tab scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::draw::{chrome, draw_lines, hint_bar, too_small};
use crate::compare::{Explanation, PackComparison};
use crate::tui::app::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::keys::{self, Context};
use crate::tui::msg::LaidOut;
use crate::tui::teams::CompareScreen;
use crate::tui::text;

/// The lines of the current tab.
pub fn lines(s: &CompareScreen, width: usize) -> Vec<Line<'static>> {
    match s.tab.checked_sub(1) {
        None => answers(s, width),
        Some(pack) => s
            .cmp
            .packs
            .get(pack)
            .map_or_else(Vec::new, |p| outcomes(s, p, width)),
    }
}

/// The answers tab: a row per question, a column per team, `≠` where the teams differ.
fn answers(s: &CompareScreen, width: usize) -> Vec<Line<'static>> {
    let t = &s.theme;
    let teams = s.cmp.teams.len().max(1);
    let qw = s
        .cmp
        .answers
        .iter()
        .map(|r| text::width(&r.title))
        .max()
        .unwrap_or(8)
        .clamp(8, 24);
    let col = (width.saturating_sub(qw + 4) / teams).clamp(8, 32);
    let cell = |s: &str| format!("  {}", text::fit(s, col - 2));
    let mut head = vec![Span::styled(format!("  {:qw$}", ""), t.muted)];
    head.extend(
        s.cmp
            .teams
            .iter()
            .map(|team| Span::styled(cell(team), t.heading)),
    );
    let mut out = vec![Line::from(head)];
    for r in &s.cmp.answers {
        let style = if r.differs { t.accent } else { t.text };
        let mut spans = vec![
            Span::styled(if r.differs { "≠ " } else { "  " }, t.accent),
            Span::styled(text::fit(&r.title, qw), style),
        ];
        for l in &r.labels {
            spans.push(Span::styled(
                cell(l.as_deref().unwrap_or("— skipped")),
                style,
            ));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::default());
    let n = s.cmp.answers.iter().filter(|r| r.differs).count();
    let note = format!(
        "≠ marks the {n} question{} the teams answered differently. Tab shows each pack's outcome and the answers that explain it.",
        if n == 1 { "" } else { "s" }
    );
    out.extend(
        text::wrap(&note, width)
            .into_iter()
            .map(|l| Line::styled(l, t.muted)),
    );
    out
}

/// A pack's tab: each team's recommendation, then the answers that explain different outcomes.
fn outcomes(s: &CompareScreen, p: &PackComparison, width: usize) -> Vec<Line<'static>> {
    let t = &s.theme;
    let mut out = Vec::new();
    for (team, r) in s.cmp.teams.iter().zip(&p.results) {
        let winner = r.winner_name.clone();
        out.push(Line::from(vec![
            Span::styled(format!("  {}", text::fit(team, 24)), t.heading),
            Span::styled("  ▶ ", t.accent),
            Span::styled(winner.unwrap_or_else(|| "no recommendation".into()), t.text),
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
        out.extend(explanation(s, p, e, width));
    }
    out
}

/// What makes one team's outcome another's: the sets of answer changes that are enough.
fn explanation(
    s: &CompareScreen,
    p: &PackComparison,
    e: &Explanation,
    width: usize,
) -> Vec<Line<'static>> {
    let t = &s.theme;
    let target = s
        .cmp
        .teams
        .iter()
        .position(|x| x == &e.to_team)
        .and_then(|i| p.results[i].winner_name.clone())
        .unwrap_or_else(|| "no recommendation".into());
    let pairs = e.sets.first().is_some_and(|s| s.len() > 1);
    let intro = match (e.needs_all, e.reproduces, pairs, e.sets.len() > 1) {
        (true, true, _, _) => "only all these differences together:",
        (true, false, _, _) => "not even all their answers together:",
        (false, _, false, false) => "this one answer is enough:",
        (false, _, false, true) => "any one of these answers is enough:",
        (false, _, true, false) => "these two answers together are enough:",
        (false, _, true, true) => "any one of these pairs of answers is enough:",
    };
    let mut out = vec![
        Line::default(),
        Line::from(vec![
            Span::styled(format!("  {} → {}", e.from_team, e.to_team), t.accent),
            Span::styled(format!(" ({target})"), t.muted),
        ]),
        Line::styled(format!("    {intro}"), t.muted),
    ];
    for set in &e.sets {
        let changes: Vec<String> = set
            .iter()
            .map(|s| {
                let from = s.from.as_deref().unwrap_or("skipped");
                let to = s.to.as_deref().unwrap_or("skipped");
                format!("{}: {from} → {to}", s.title)
            })
            .collect();
        let wrapped = text::wrap(&changes.join(" + "), width.saturating_sub(8));
        for (i, l) in wrapped.into_iter().enumerate() {
            let bullet = if i == 0 { "•" } else { " " };
            out.push(Line::styled(format!("    {bullet} {l}"), t.text));
        }
    }
    out
}

/// Draws the comparison; returns how far the tab scrolls.
pub fn render(s: &CompareScreen, area: Rect, buf: &mut Buffer) -> LaidOut {
    let t = &s.theme;
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return LaidOut::default();
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(t, area, buf);
        return LaidOut::default();
    }
    let c = chrome(area);
    let title = Line::from(vec![
        Span::styled(" tradeoff ", t.title),
        Span::styled("· ", t.muted),
        Span::styled(format!("Comparing {} teams", s.cmp.teams.len()), t.heading),
    ]);
    super::draw::set_line(buf, c.header.x, c.header.y, &title, c.header.width);
    let mut tabs = vec![Span::raw(" ")];
    let names =
        std::iter::once("Answers".to_string()).chain(s.cmp.packs.iter().map(|p| p.name.clone()));
    for (i, name) in names.enumerate() {
        // ▶ marks the current tab without relying on colour.
        let (style, mark) = if i == s.tab {
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
    super::draw::set_line(buf, tab_row.x, tab_row.y, &Line::from(tabs), tab_row.width);
    let body = Rect {
        x: c.body.x + 1,
        y: c.body.y + 2,
        width: c.body.width.saturating_sub(2),
        height: c.body.height.saturating_sub(2),
    };
    let lines = lines(s, body.width as usize);
    let limit = lines.len().saturating_sub(body.height as usize);
    let scroll = (s.scroll.offset as usize).min(limit);
    draw_lines(buf, body, &lines, scroll);
    // Say when there is more to scroll to, as the other screens do.
    let below = lines.len().saturating_sub(scroll + body.height as usize);
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
    hint_bar(&keys::hints(Context::Teams), t, c.footer, buf);
    LaidOut {
        scroll_limit: Some(limit.min(u16::MAX as usize) as u16),
        clicks: Vec::new(),
    }
}

impl Widget for &CompareScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render(self, area, buf);
    }
}
