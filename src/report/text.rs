//! Plain text for a terminal or a pipe: the winner, why, and what would change it.

use std::fmt::Write;

use super::*;
use crate::engine::{PackResult, Recommendation};

const BAR: usize = 20;

/// How much decoration the text may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decor {
    /// Bars, rules and markers (▶ ✗) for a terminal.
    Rich,
    /// Words only, for screen readers, dumb terminals and pipes (`--plain`).
    Plain,
}

pub fn render(rec: &Recommendation) -> String {
    render_with(rec, Decor::Rich)
}

pub fn render_with(rec: &Recommendation, decor: Decor) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "tradeoff recommendation · data verified {}",
        rec.data_verified
    );
    let (answered, skipped) = answered_and_skipped(rec);
    if answered.is_empty() {
        let _ = writeln!(
            o,
            "No questions answered: scores use the base weights only."
        );
    } else {
        let _ = writeln!(o, "You answered: {}", answered.join(" · "));
    }
    if !skipped.is_empty() {
        let _ = writeln!(o, "Skipped (no effect): {}", skipped.join(", "));
    }
    for p in &rec.packs {
        pack(&mut o, p, decor);
    }
    o
}

fn pack(o: &mut String, p: &PackResult, decor: Decor) {
    let rich = decor == Decor::Rich;
    if rich {
        let _ = writeln!(o, "\n━━ {} ━━", p.name);
    } else {
        let _ = writeln!(o, "\n{}", p.name.to_uppercase());
    }
    match p.winner.as_deref().and_then(|w| find(p, w)) {
        Some(w) => {
            let _ = writeln!(o, "{}{}", if rich { "▶ " } else { "Recommended: " }, w.name);
            let _ = writeln!(o, "  {}", standing(p));
            if let Some(s) = &w.status {
                let _ = writeln!(o, "  Status: {s}");
            }
        }
        None => {
            let _ = writeln!(
                o,
                "No recommendation: every alternative is excluded by your answers."
            );
        }
    }
    for c in &p.caveats {
        let _ = writeln!(o, "  ! {}", c.text);
    }

    let _ = writeln!(o, "\n  Ranking");
    let width = p
        .ranking
        .iter()
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(0);
    for a in &p.ranking {
        if a.excluded {
            let why = a
                .exclusions
                .iter()
                .map(|e| format!("{} (because {})", e.reason, because_text(&e.because)))
                .collect::<Vec<_>>()
                .join("; ");
            let mark = if rich { "✗" } else { "-" };
            let _ = writeln!(o, "  {mark} {:width$}  excluded: {why}", a.name);
        } else {
            let _ = writeln!(
                o,
                "  {}. {:width$}  {:>5.1} {}",
                a.rank.unwrap_or(0),
                a.name,
                a.score,
                if rich {
                    bar(a.score, BAR)
                } else {
                    String::new()
                }
            );
            if let Some(status) = &a.status {
                let mark = if rich { "⚠ " } else { "Status: " };
                let _ = writeln!(o, "     {mark}{status}");
            }
        }
    }

    if let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) {
        let ru = p.runner_up.as_deref().and_then(|r| find(p, r));
        match ru {
            Some(r) => {
                let _ = writeln!(
                    o,
                    "\n  Why {} (points per criterion, against {})",
                    w.name, r.name
                );
            }
            None => {
                let _ = writeln!(o, "\n  Why {} (points per criterion)", w.name);
            }
        }
        let cw = w
            .contributions
            .iter()
            .map(|c| c.name.chars().count())
            .max()
            .unwrap_or(0);
        for (i, c) in w.contributions.iter().enumerate() {
            let vs = ru.map_or(String::new(), |r| {
                format!("  vs {:>4.1}", r.contributions[i].points)
            });
            let _ = writeln!(
                o,
                "   {:cw$}  {:>3} × {:>4.1} = {:>4.1}{vs}  {}",
                c.name,
                pct(c.weight_share),
                c.score,
                c.points,
                c.why
            );
        }
    }

    if !p.rules_fired.is_empty() {
        let _ = writeln!(o, "\n  Because you answered");
        for r in &p.rules_fired {
            if let Some(effects) = effects_line(p, r) {
                let _ = writeln!(o, "   - {}: {effects}", because_text(&r.because));
            }
        }
    }

    let _ = writeln!(o, "\n  What would change it");
    match p.flips.size {
        Some(_) => {
            for f in &p.flips.sets {
                let _ = writeln!(o, "   - {} → {}", changes_text(f), flip_winner(f));
            }
        }
        None => {
            let _ = writeln!(
                o,
                "   - No change of one or two answers changes the winner."
            );
        }
    }
    let moving = weight_flips(p, 3);
    if moving.is_empty() {
        let _ = writeln!(
            o,
            "   - No single weight change makes another alternative win."
        );
    } else {
        let _ = writeln!(o, "   - Weights: {}", moving.join("; "));
    }

    if let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) {
        if !w.next_steps.is_empty() {
            let _ = writeln!(o, "\n  Next steps");
            for (i, s) in w.next_steps.iter().enumerate() {
                let _ = writeln!(o, "   {}. {s}", i + 1);
            }
        }
        if !w.sources.is_empty() {
            let _ = writeln!(o, "\n  Sources");
            for s in &w.sources {
                let at = s.url.as_deref().or(s.citation.as_deref()).unwrap_or("");
                let _ = writeln!(o, "   - {} — {at} (verified {})", s.title, s.verified);
            }
        }
    }
}
