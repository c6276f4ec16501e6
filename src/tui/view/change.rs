//! The "What would change this" panel: the answer changes that would make another alternative win
//! (counterfactuals and the smallest flips), the answers that keep the winner, and how far each
//! criterion's weight would have to move.

use crate::pack::SharedStr;
use ratatui::text::{Line, Span};

use super::draw::{heading, wrapped};
use crate::engine::PackResult;
use crate::report::{name_of, signed_pct};
use crate::tui::app::App;
use crate::tui::text;
use crate::tui::theme::Theme;

/// The panel in its sections, so that the projector can put each single change in big letters
/// without looking for it in the text.
#[derive(Debug, Default)]
pub struct ChangeText {
    /// The heading over the single answers that change the winner (when there are some).
    pub singles_heading: Option<Line<'static>>,
    /// Per counterfactual that changes the winner, in the order of `p.counterfactuals`: its lines.
    pub singles: Vec<Vec<Line<'static>>>,
    /// Everything else (the pairs or the word that nothing changes it, the answers that keep the
    /// winner, the weights): each line, and whether it is an entry (not a heading or a blank).
    pub rest: Vec<(Line<'static>, bool)>,
}

impl ChangeText {
    pub fn lines(self) -> Vec<Line<'static>> {
        let mut out: Vec<Line<'static>> = self.singles_heading.into_iter().collect();
        out.extend(self.singles.into_iter().flatten());
        out.extend(self.rest.into_iter().map(|(l, _)| l));
        out
    }
}

pub fn lines(app: &App, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    text(app, p, width).lines()
}

/// The panel's sections at `width`.
pub fn text(app: &App, p: &PackResult, width: usize) -> ChangeText {
    let t = &app.look.theme;
    let winner = p.winner.as_deref().map(|w| name_of(p, w).to_string());
    let winner = winner.unwrap_or_else(|| "no recommendation".into());
    let mut out = answer_changes(t, p, &winner, width);
    let headed = keeps(t, p, &winner, width)
        .into_iter()
        .chain([(Line::default(), true)])
        .chain(weights(t, p, width));
    out.rest
        .extend(headed.map(|(l, is_heading)| (l, !is_heading)));
    out
}

/// The answer changes that make another alternative win: each single one, else the pairs, else
/// word that none of one or two does.
fn answer_changes(t: &Theme, p: &PackResult, winner: &str, width: usize) -> ChangeText {
    let changing: Vec<_> = p
        .counterfactuals
        .iter()
        .filter(|c| c.changes_winner)
        .collect();
    let outcome =
        |w: &Option<SharedStr>| w.clone().unwrap_or_else(|| "nothing: all excluded".into());
    let mut text = ChangeText::default();
    let out = &mut text.rest;
    if !changing.is_empty() {
        text.singles_heading = Some(heading(t, "One different answer changes the winner"));
        let label_w = changing
            .iter()
            .map(|c| text::width(&format!("{} = {}", c.title, c.to_label)))
            .max()
            .unwrap_or(0)
            .min(width / 2);
        for c in &changing {
            let to = outcome(&c.winner_name);
            let change = format!("{} = {}", c.title, c.to_label);
            let lines =
                if text::width(&change) <= label_w && label_w + 6 + text::width(&to) <= width {
                    vec![Line::from(vec![
                        Span::raw("  "),
                        Span::styled(text::fit(&change, label_w), t.accent),
                        Span::styled("  → ", t.muted),
                        Span::styled(to.to_string(), t.winner),
                    ])]
                } else {
                    let mut l = wrapped(&change, width, "  ", "  ", t.accent);
                    l.extend(wrapped(&to, width, "    → ", "      ", t.winner));
                    l
                };
            text.singles.push(lines);
        }
    } else if p.flips.size == Some(2) {
        out.push((
            heading(t, "No single answer changes the winner; these pairs do"),
            false,
        ));
        for f in &p.flips.sets {
            let changes = crate::report::changes_text(f);
            let to = outcome(&f.winner_name);
            let lines = wrapped(&changes, width, "  ", "  ", t.accent)
                .into_iter()
                .chain(wrapped(&to, width, "    → ", "      ", t.winner));
            out.extend(lines.map(|l| (l, true)));
        }
    } else {
        // The same words as the reports (a big pack's search may have tried single changes only).
        let (said, why) = crate::report::no_flip(p)
            .split_once("; ")
            .unwrap_or((crate::report::no_flip(p), ""));
        out.push((heading(t, said.trim_end_matches('.')), false));
        let whatever = if p.flips.complete {
            "any one or two questions."
        } else {
            "any one question: "
        };
        let lines = wrapped(
            &format!("{winner} stays ahead whatever you answer to {whatever}{why}"),
            width,
            "  ",
            "  ",
            t.text,
        );
        out.extend(lines.into_iter().map(|l| (l, true)));
    }
    text
}

/// The answers that keep the winner, grouped by question; each line and whether it is a heading
/// (or a blank).
fn keeps(t: &Theme, p: &PackResult, winner: &str, width: usize) -> Vec<(Line<'static>, bool)> {
    let mut keeps: Vec<(String, Vec<String>)> = Vec::new();
    for c in p.counterfactuals.iter().filter(|c| !c.changes_winner) {
        match keeps.last_mut() {
            Some((title, labels)) if *title == c.title => labels.push(c.to_label.to_string()),
            _ => keeps.push((c.title.to_string(), vec![c.to_label.to_string()])),
        }
    }
    if keeps.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        (Line::default(), true),
        (heading(t, format!("Answers that keep {winner}")), true),
    ];
    for (title, labels) in keeps {
        let s = format!("{title}: {}", labels.join(", "));
        out.extend(
            wrapped(&s, width, "  ", "    ", t.text)
                .into_iter()
                .map(|l| (l, false)),
        );
    }
    out
}

/// How far one criterion's weight must move to change the winner; each line and whether it is a
/// heading.
fn weights(t: &Theme, p: &PackResult, width: usize) -> Vec<(Line<'static>, bool)> {
    let mut out = Vec::new();
    out.push(heading(
        t,
        "Weights: how far one criterion's weight must move to change the winner",
    ));
    let moving: Vec<_> = p
        .sensitivity
        .iter()
        .filter_map(|s| Some((s, s.flip_at?, s.new_winner.as_deref()?)))
        .collect();
    if moving.is_empty() {
        out.extend(wrapped(
            "No single weight change makes another alternative win.",
            width,
            "  ",
            "  ",
            t.muted,
        ));
    }
    let name_w = moving
        .iter()
        .map(|(s, _, _)| text::width(&s.name))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    // The changes' column: as wide as the widest ("+1929%"), and a space before it.
    let pct_w = moving
        .iter()
        .map(|(_, d, _)| text::width(&signed_pct(*d)))
        .max()
        .unwrap_or(0)
        + 1;
    for (s, d, w) in moving {
        let to = name_of(p, w).to_string();
        if name_w + pct_w + 6 + text::width(&to) <= width {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(text::fit(&s.name, name_w), t.text),
                Span::styled(
                    text::fit_right(&signed_pct(d), pct_w),
                    if d < 0.0 { t.down } else { t.up },
                ),
                Span::styled("  → ", t.muted),
                Span::styled(to, t.accent),
            ]));
        } else {
            let line = format!("{} {} → {to}", s.name, signed_pct(d));
            out.extend(wrapped(&line, width, "  ", "    ", t.text));
        }
    }
    out.extend(wrapped(
        "(+100% doubles the weight; −50% halves it.)",
        width,
        "  ",
        "  ",
        t.muted,
    ));
    // The heading is the first line; everything under it is an entry.
    out.into_iter()
        .enumerate()
        .map(|(i, l)| (l, i == 0))
        .collect()
}
