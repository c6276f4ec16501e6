//! The help popup (`?`): every key of the screen or popup under it, from the same key table that
//! drives `keys::map_key`, plus a few words on reading that screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::draw::{heading, popup, popup_area, popup_text, wrapped};
use crate::tui::app::App;
use crate::tui::keys::{self, Context};
use crate::tui::text;

fn notes(ctx: Context) -> &'static [&'static str] {
    match ctx {
        Context::Question => &[
            "The ranking on the right previews the highlighted answer before you confirm it: ▲ and ▼ show what moved.",
            "● marks your answer. A skipped question is not taken as any particular answer; a rule that reads it says so in the results (\"because Kubernetes wanted = not answered\").",
        ],
        Context::Results | Context::Compare => &[
            "Verdicts: robust = the winner still wins at least 80% of the time when every weight is moved at random; fragile = it does not; tie = the top two are within half a point.",
            "Scores are 0–100: the weighted sum of the 0–10 scores. Every number equals `tradeoff recommend --format json`.",
        ],
        Context::Demo => &[
            "The script decides what the screen shows; a step that answers several questions gives them one at a time. Each step is rebuilt from the start of the script, so going back shows it exactly as before.",
            "During a step, 1–4, Tab, w, e, y and ↑↓ act on what it shows; the next step is the script's again. Esc hands the session over: from then on the keys are the usual ones, with the answers the script gave.",
        ],
        Context::Teams => &[
            "≠ marks the questions the teams answered differently. Each pack's tab shows every team's recommendation and, for each pair of teams, the answers that are enough to turn one outcome into the other.",
            "The numbers are those of `tradeoff compare --format json` and of its HTML handout.",
        ],
        Context::Glossary => &[
            "Each entry cites its source and the date it was checked. Related terms open on top: Esc comes back.",
        ],
        Context::WhatIf => &[
            "Change any answer and the rankings update at once: ▲ and ▼ show how each alternative moved against your original answers. Your answers themselves do not change.",
        ],
        _ => &[],
    }
}

/// The help in its sections: each binding's lines (one, or more when its text wraps), in the order
/// of [`keys::bindings`], then the notes on reading the screen under their heading (none when the
/// context has no notes).
#[derive(Debug, Default)]
pub struct HelpText {
    pub keys: Vec<Vec<Line<'static>>>,
    pub notes: Vec<Line<'static>>,
}

impl HelpText {
    pub fn lines(self) -> Vec<Line<'static>> {
        let mut out: Vec<Line<'static>> = self.keys.into_iter().flatten().collect();
        if !self.notes.is_empty() {
            out.push(Line::default());
            out.extend(self.notes);
        }
        out
    }
}

/// The help for what is under it: the context with only the first `depth` popups open.
pub fn lines(app: &App, depth: usize, width: u16) -> Vec<Line<'static>> {
    text(app, depth, width).lines()
}

/// The help's sections at `width`.
pub fn text(app: &App, depth: usize, width: u16) -> HelpText {
    let t = &app.look.theme;
    let width = width as usize;
    let ctx = keys::context_at(app, depth);
    let all = keys::bindings(ctx);
    let labels: Vec<String> = all.iter().map(keys::Bound::label).collect();
    let key_w = labels
        .iter()
        .map(|l| text::width(l))
        .max()
        .unwrap_or(0)
        .min(width / 3)
        + 2;
    let mut out = HelpText::default();
    for (b, label) in all.iter().zip(&labels) {
        let mine = text::wrap(b.binding.help, width.saturating_sub(key_w))
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let keys = if i == 0 { label.as_str() } else { "" };
                Line::from(vec![
                    Span::styled(text::fit(keys, key_w), t.key),
                    Span::styled(l, t.text),
                ])
            })
            .collect();
        out.keys.push(mine);
    }
    let notes = notes(ctx);
    if !notes.is_empty() {
        out.notes.push(heading(t, "Reading this screen"));
        for n in notes {
            out.notes.extend(wrapped(n, width, "", "", t.muted));
        }
    }
    out
}

/// Draws the help from line `scroll` on; returns how far it can scroll.
pub fn render(app: &App, depth: usize, body: Rect, scroll: u16, buf: &mut Buffer) -> u16 {
    let t = &app.look.theme;
    // The text is laid out once, for the popup's height and to draw, at the popup's width (which
    // `popup_area` widens to the whole body when little would be left beside it) less its borders
    // and padding.
    let w = 76.min(body.width.saturating_sub(4));
    let lines = lines(app, depth, popup_area(body, w, 1).width.saturating_sub(4));
    let a = popup_area(body, w, lines.len() as u16 + 2);
    let ctx = keys::context_at(app, depth);
    let title = Line::from(vec![Span::styled(
        format!(" Keys · {} ", ctx.title()),
        t.title,
    )]);
    let inner = popup(t, title, a, buf);
    popup_text(t, false, (a, inner), (&lines, &[]), scroll, buf)
}
