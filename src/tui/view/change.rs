//! The "What would change this" panel: the answer changes that would make another alternative win
//! (counterfactuals and the smallest flips), the answers that keep the winner, and how far each
//! criterion's weight would have to move.

use ratatui::text::{Line, Span};

use super::draw::{heading, wrapped};
use crate::engine::PackResult;
use crate::report::{name_of, signed_pct};
use crate::tui::app::App;
use crate::tui::text;
use crate::tui::theme::Theme;

pub fn lines(app: &App, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let winner = p.winner.as_deref().map(|w| name_of(p, w).to_string());
    let winner = winner.unwrap_or_else(|| "no recommendation".into());
    let mut out = answer_changes(t, p, &winner, width);
    out.extend(keeps(t, p, &winner, width));
    out.push(Line::default());
    out.extend(weights(t, p, width));
    out
}

/// The answer changes that make another alternative win: each single one, else the pairs, else
/// word that none of one or two does.
fn answer_changes(t: &Theme, p: &PackResult, winner: &str, width: usize) -> Vec<Line<'static>> {
    let changing: Vec<_> = p
        .counterfactuals
        .iter()
        .filter(|c| c.changes_winner)
        .collect();
    let outcome = |w: &Option<String>| w.clone().unwrap_or_else(|| "nothing: all excluded".into());
    let mut out = Vec::new();
    if !changing.is_empty() {
        out.push(heading(t, "One different answer changes the winner"));
        let label_w = changing
            .iter()
            .map(|c| text::width(&format!("{} = {}", c.title, c.to_label)))
            .max()
            .unwrap_or(0)
            .min(width / 2);
        for c in &changing {
            let to = outcome(&c.winner_name);
            let change = format!("{} = {}", c.title, c.to_label);
            if text::width(&change) <= label_w && label_w + 6 + text::width(&to) <= width {
                out.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(text::fit(&change, label_w), t.accent),
                    Span::styled("  → ", t.muted),
                    Span::styled(to, t.winner),
                ]));
            } else {
                out.extend(wrapped(&change, width, "  ", "  ", t.accent));
                out.extend(wrapped(&to, width, "    → ", "      ", t.winner));
            }
        }
    } else if p.flips.size == Some(2) {
        out.push(heading(
            t,
            "No single answer changes the winner; these pairs do",
        ));
        for f in &p.flips.sets {
            let changes = crate::report::changes_text(f);
            out.extend(wrapped(&changes, width, "  ", "  ", t.accent));
            let to = outcome(&f.winner_name);
            out.extend(wrapped(&to, width, "    → ", "      ", t.winner));
        }
    } else {
        // The same words as the reports (a big pack's search may have tried single changes only).
        let (said, why) = crate::report::no_flip(p)
            .split_once("; ")
            .unwrap_or((crate::report::no_flip(p), ""));
        out.push(heading(t, said.trim_end_matches('.')));
        let whatever = if p.flips.complete {
            "any one or two questions."
        } else {
            "any one question: "
        };
        out.extend(wrapped(
            &format!("{winner} stays ahead whatever you answer to {whatever}{why}"),
            width,
            "  ",
            "  ",
            t.text,
        ));
    }
    out
}

/// The answers that keep the winner, grouped by question.
fn keeps(t: &Theme, p: &PackResult, winner: &str, width: usize) -> Vec<Line<'static>> {
    let mut keeps: Vec<(String, Vec<String>)> = Vec::new();
    for c in p.counterfactuals.iter().filter(|c| !c.changes_winner) {
        match keeps.last_mut() {
            Some((title, labels)) if *title == c.title => labels.push(c.to_label.clone()),
            _ => keeps.push((c.title.clone(), vec![c.to_label.clone()])),
        }
    }
    if keeps.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        Line::default(),
        heading(t, format!("Answers that keep {winner}")),
    ];
    for (title, labels) in keeps {
        let s = format!("{title}: {}", labels.join(", "));
        out.extend(wrapped(&s, width, "  ", "    ", t.text));
    }
    out
}

/// How far one criterion's weight must move to change the winner.
fn weights(t: &Theme, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![heading(
        t,
        "Weights: how far one criterion's weight must move to change the winner",
    )];
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
    out
}
