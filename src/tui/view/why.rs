//! The Why panel: the winner's points per criterion against the runner-up (or the alternative selected
//! in the overview), and the answers that changed weights or scores ("because you answered …").

use ratatui::text::{Line, Span};

use super::{heading, wrapped};
use crate::engine::{PackResult, RankedAlternative};
use crate::report::{because_text, find};
use crate::tui::app::App;
use crate::tui::text;

/// The alternative the winner is compared with: the selected one if it is ranked and not the
/// winner, else the runner-up.
pub fn partner<'a>(app: &App, p: &'a PackResult) -> Option<(&'a RankedAlternative, bool)> {
    let sel = p.ranking.get(app.selected())?;
    if !sel.excluded && sel.rank != Some(1) {
        return Some((sel, p.runner_up.as_deref() != Some(sel.id.as_str())));
    }
    p.runner_up
        .as_deref()
        .and_then(|r| find(p, r))
        .map(|r| (r, false))
}

pub fn lines(app: &App, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let t = &app.look.theme;
    let mut out = Vec::new();
    let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) else {
        out.extend(wrapped(
            "Every alternative is excluded by your answers, so there is no winner to explain; the overview lists why each one is out.",
            width,
            "",
            "",
            t.text,
        ));
        return out;
    };
    let other = partner(app, p);
    let other_role = match other {
        Some((_, true)) => "selected",
        _ => "runner-up",
    };
    let mut intro = vec![
        Span::styled(w.name.clone(), t.winner),
        Span::styled(format!(" (winner) {:.1}", w.score), t.text),
    ];
    if let Some((r, _)) = other {
        intro.push(Span::styled(" against ", t.muted));
        intro.push(Span::styled(r.name.clone(), t.accent));
        intro.push(Span::styled(
            format!(" ({other_role}) {:.1}", r.score),
            t.text,
        ));
    }
    // The intro may be wider than the panel: wrap its text, keeping the names' styles on line one.
    let intro_text: String = intro.iter().map(|s| s.content.as_ref()).collect();
    if text::width(&intro_text) <= width {
        out.push(Line::from(intro));
    } else {
        out.extend(wrapped(&intro_text, width, "", "", t.text));
    }
    out.extend(wrapped(
        "Points = weight share × 0–10 score × 10; they add up to the score.",
        width,
        "",
        "",
        t.muted,
    ));
    out.push(Line::default());

    let name_w = w
        .contributions
        .iter()
        .map(|c| text::width(&c.name))
        .max()
        .unwrap_or(0);
    let name_w = name_w.min(width.saturating_sub(40)).max(10);
    let cols = if other.is_some() { 2 } else { 1 };
    // name  weight  [bar points] x cols  delta
    let fixed = name_w + 7 + if other.is_some() { 7 } else { 0 };
    let col_w = (width.saturating_sub(fixed) / cols).clamp(12, 40);
    let bar_w = col_w.saturating_sub(8);
    // Every bar shares one scale: the largest weight share, i.e. the most any criterion can give.
    let full = w
        .contributions
        .iter()
        .map(|c| c.weight_share * 100.0)
        .fold(0.0, f64::max);
    let mut head = vec![
        Span::styled(text::fit("Criterion", name_w), t.heading),
        Span::styled(text::fit_right("weight", 7), t.heading),
        Span::raw(" "),
        Span::styled(text::fit("winner", col_w - 1), t.heading),
    ];
    if other.is_some() {
        head.push(Span::raw(" "));
        head.push(Span::styled(text::fit(other_role, bar_w + 5), t.heading));
        head.push(Span::styled(text::fit_right("Δ", 7), t.heading));
    }
    out.push(Line::from(head));
    for (k, c) in w.contributions.iter().enumerate() {
        let mut spans = vec![
            Span::styled(text::fit(&c.name, name_w), t.text),
            Span::styled(
                text::fit_right(&crate::report::pct(c.weight_share), 7),
                t.muted,
            ),
            Span::raw(" "),
            Span::styled(text::fit(&text::bar(c.points, full, bar_w), bar_w), t.bar),
            Span::styled(format!("{:>5.1}", c.points), t.text),
            Span::raw(" ".repeat(col_w.saturating_sub(bar_w + 5))),
        ];
        if let Some((r, _)) = other {
            let rp = r.contributions.get(k).map_or(0.0, |rc| rc.points);
            spans.push(Span::styled(
                text::fit(&text::bar(rp, full, bar_w), bar_w),
                t.bar_other,
            ));
            spans.push(Span::styled(format!("{rp:>5.1}"), t.text));
            let d = crate::engine::round1(c.points - rp);
            let style = if d > 0.0 {
                t.up
            } else if d < 0.0 {
                t.down
            } else {
                t.muted
            };
            spans.push(Span::styled(text::fit_right(&signed(d), 7), style));
        }
        out.push(Line::from(spans));
    }
    let mut total = vec![
        Span::styled(text::fit("Total", name_w + 7 + 1 + bar_w), t.heading),
        Span::styled(format!("{:>5.1}", w.score), t.winner),
        Span::raw(" ".repeat(col_w.saturating_sub(bar_w + 5))),
    ];
    if let Some((r, _)) = other {
        total.push(Span::raw(" ".repeat(bar_w)));
        total.push(Span::styled(format!("{:>5.1}", r.score), t.text));
        total.push(Span::styled(
            text::fit_right(&signed(crate::engine::round1(w.score - r.score)), 7),
            t.heading,
        ));
    }
    out.push(Line::from(total));
    out.push(Line::default());

    out.push(heading(t, "Because you answered"));
    if p.rules_fired.is_empty() {
        out.extend(wrapped(
            "No answer changed a weight, a score or an exclusion: these are the data's base weights.",
            width,
            "  ",
            "  ",
            t.muted,
        ));
    }
    // Effects on the two compared here, every weight change and exclusion; the rest is in the JSON.
    let top = crate::report::top_two(p);
    for r in &p.rules_fired {
        let effects: Vec<&str> = r.effects_about(&top).collect();
        if effects.is_empty() {
            continue;
        }
        let because = because_text(&r.because);
        out.extend(wrapped(&because, width, "• ", "  ", t.accent));
        for e in effects {
            out.extend(wrapped(e, width, "    → ", "      ", t.text));
        }
    }
    out
}

/// "+1.9", "−1.9" (a real minus sign) or "0.0".
pub fn signed(x: f64) -> String {
    if x > 0.0 {
        format!("+{x:.1}")
    } else if x < 0.0 {
        format!("−{:.1}", -x)
    } else {
        "0.0".to_string()
    }
}
