//! The Why panel: the winner's points per criterion against the runner-up (or the alternative selected
//! in the overview), and the answers that changed weights or scores ("because you answered …").

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::draw::{heading, wrapped};
use crate::engine::{PackResult, RankedAlternative};
use crate::report::find;
use crate::tui::app::App;
use crate::tui::text;
use crate::tui::theme::Theme;

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
    let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) else {
        return wrapped(
            "Every alternative is excluded by your answers, so there is no winner to explain; the overview lists why each one is out.",
            width,
            "",
            "",
            t.text,
        );
    };
    let other = compared(app, p).and_then(|(_, o)| o);
    let mut out = intro(t, w, other.as_ref(), width);
    out.push(Line::default());
    out.extend(points(t, w, other.as_ref(), width).lines());
    out.extend(cost(t, p, w, other.as_ref(), width));
    out.push(Line::default());
    out.extend(because(t, p, width));
    out
}

/// "Monthly (estimate, us-east-1 on-demand prices checked on …): $32–$60 against $20–$83, −$5.52":
/// the difference in dollars behind the cost criterion's points, right under the points.
pub(super) fn cost(
    t: &Theme,
    p: &PackResult,
    w: &RankedAlternative,
    other: Option<&Other>,
    width: usize,
) -> Vec<Line<'static>> {
    let (Some(basis), Some(wc)) = (&p.cost_basis, &w.cost) else {
        return Vec::new();
    };
    use crate::engine::cost::usd_range;
    use crate::report::cost::{mid, signed};
    let range = |c: &crate::engine::CostOut| usd_range(c.monthly_usd.low, c.monthly_usd.high);
    let figures = match other.and_then(|o| o.alt.cost.as_ref()) {
        Some(oc) => format!(
            "{} against {}, {} a month",
            range(wc),
            range(oc),
            signed(mid(wc) - mid(oc))
        ),
        None => format!("{} a month", range(wc)),
    };
    wrapped(
        &format!("Monthly ({}): {figures}", basis.note),
        width,
        "",
        "  ",
        t.text,
    )
}

/// The alternative the winner is compared with, and as what.
pub(super) struct Other<'a> {
    pub alt: &'a RankedAlternative,
    pub role: &'static str,
}

/// The winner and what it is compared with (the selected alternative or the runner-up).
pub(super) fn compared<'a>(
    app: &App,
    p: &'a PackResult,
) -> Option<(&'a RankedAlternative, Option<Other<'a>>)> {
    let w = p.winner.as_deref().and_then(|w| find(p, w))?;
    let other = partner(app, p).map(|(r, selected)| Other {
        alt: r,
        role: if selected { "selected" } else { "runner-up" },
    });
    Some((w, other))
}

/// "Winner (winner) 73.1 against Other (runner-up) 72.9", and how points add up.
pub(super) fn intro(
    t: &Theme,
    w: &RankedAlternative,
    other: Option<&Other>,
    width: usize,
) -> Vec<Line<'static>> {
    let mut intro = vec![
        Span::styled(w.name.to_string(), t.winner),
        Span::styled(format!(" (winner) {:.1}", w.score), t.text),
    ];
    if let Some(o) = other {
        intro.push(Span::styled(" against ", t.muted));
        intro.push(Span::styled(o.alt.name.to_string(), t.accent));
        intro.push(Span::styled(
            format!(" ({}) {:.1}", o.role, o.alt.score),
            t.text,
        ));
    }
    // The intro may be wider than the panel: wrap its text, keeping the names' styles on line one.
    let intro_text: String = intro.iter().map(|s| s.content.as_ref()).collect();
    let mut out = if text::width(&intro_text) <= width {
        vec![Line::from(intro)]
    } else {
        wrapped(&intro_text, width, "", "", t.text)
    };
    out.extend(wrapped(
        "Points = weight share × 0–10 score × 10; they add up to the score.",
        width,
        "",
        "",
        t.muted,
    ));
    out
}

/// Column widths of the points table.
struct Columns {
    name_w: usize,
    col_w: usize,
    bar_w: usize,
    /// The most any criterion can give: every bar shares this scale.
    full: f64,
}

/// The points table in its sections: the heading, one line per criterion (in the order of the
/// winner's contributions), the totals.
pub(super) struct Points {
    pub heading: Line<'static>,
    pub rows: Vec<Line<'static>>,
    pub total: Line<'static>,
}

impl Points {
    pub fn lines(self) -> Vec<Line<'static>> {
        let mut out = vec![self.heading];
        out.extend(self.rows);
        out.push(self.total);
        out
    }
}

/// Per criterion: its weight and the winner's points with a bar, the other's beside them, and the
/// difference; then the totals.
pub(super) fn points(
    t: &Theme,
    w: &RankedAlternative,
    other: Option<&Other>,
    width: usize,
) -> Points {
    let name_w = w
        .contributions
        .iter()
        .map(|c| text::width(&c.name))
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(40))
        .max(10);
    let cols = if other.is_some() { 2 } else { 1 };
    // name  weight  [bar points] x cols  delta
    let fixed = name_w + 7 + if other.is_some() { 7 } else { 0 };
    let col_w = (width.saturating_sub(fixed) / cols).clamp(12, 40);
    let c = Columns {
        name_w,
        col_w,
        bar_w: col_w.saturating_sub(8),
        full: w
            .contributions
            .iter()
            .map(|c| c.weight_share * 100.0)
            .fold(0.0, f64::max),
    };
    let mut head = vec![
        Span::styled(text::fit("Criterion", c.name_w), t.heading),
        Span::styled(text::fit_right("weight", 7), t.heading),
        Span::raw(" "),
        Span::styled(text::fit("winner", c.col_w - 1), t.heading),
    ];
    if let Some(o) = other {
        head.push(Span::raw(" "));
        head.push(Span::styled(text::fit(o.role, c.bar_w + 5), t.heading));
        head.push(Span::styled(text::fit_right("Δ", 7), t.heading));
    }
    let heading = Line::from(head);
    let mut out = Vec::new();
    for (k, crit) in w.contributions.iter().enumerate() {
        let mut spans = vec![
            Span::styled(text::fit(&crit.name, c.name_w), t.text),
            Span::styled(
                text::fit_right(&crate::report::pct(crit.weight_share), 7),
                t.muted,
            ),
            Span::raw(" "),
            Span::styled(
                text::fit(&text::bar(crit.points, c.full, c.bar_w), c.bar_w),
                t.bar,
            ),
            Span::styled(format!("{:>5.1}", crit.points), t.text),
            Span::raw(" ".repeat(c.col_w.saturating_sub(c.bar_w + 5))),
        ];
        if let Some(o) = other {
            let rp = o.alt.contributions.get(k).map_or(0.0, |rc| rc.points);
            spans.push(Span::styled(
                text::fit(&text::bar(rp, c.full, c.bar_w), c.bar_w),
                t.bar_other,
            ));
            spans.push(Span::styled(format!("{rp:>5.1}"), t.text));
            let d = crate::engine::round1(crit.points - rp);
            spans.push(Span::styled(
                text::fit_right(&signed(d), 7),
                delta_style(t, d),
            ));
        }
        out.push(Line::from(spans));
    }
    Points {
        heading,
        rows: out,
        total: total(t, w, other, &c),
    }
}

fn total(t: &Theme, w: &RankedAlternative, other: Option<&Other>, c: &Columns) -> Line<'static> {
    let mut total = vec![
        Span::styled(text::fit("Total", c.name_w + 7 + 1 + c.bar_w), t.heading),
        Span::styled(format!("{:>5.1}", w.score), t.winner),
        Span::raw(" ".repeat(c.col_w.saturating_sub(c.bar_w + 5))),
    ];
    if let Some(o) = other {
        let d = crate::engine::round1(w.score - o.alt.score);
        total.push(Span::raw(" ".repeat(c.bar_w)));
        total.push(Span::styled(format!("{:>5.1}", o.alt.score), t.text));
        total.push(Span::styled(text::fit_right(&signed(d), 7), t.heading));
    }
    Line::from(total)
}

/// The answers that changed a weight, a score or an exclusion: the effects on the two compared
/// here, every weight change and exclusion (the rest is in the JSON).
pub(super) fn because(t: &Theme, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![heading(t, "Because you answered")];
    if p.rules_fired.is_empty() {
        out.extend(wrapped(
            "No answer changed a weight, a score or an exclusion: these are the data's base weights.",
            width,
            "  ",
            "  ",
            t.muted,
        ));
    }
    for (answers, effects) in crate::report::because_groups(p) {
        out.extend(wrapped(&answers, width, "• ", "  ", t.accent));
        for e in effects {
            out.extend(wrapped(e, width, "    → ", "      ", t.text));
        }
    }
    out
}

/// The style of a difference in the winner's favour (up), against it (down), or none.
pub(super) fn delta_style(t: &Theme, d: f64) -> Style {
    if d > 0.0 {
        t.up
    } else if d < 0.0 {
        t.down
    } else {
        t.muted
    }
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
