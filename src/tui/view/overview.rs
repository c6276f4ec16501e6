//! The overview panel of a pack: the winner with its score, margin, verdict and caveats; the full
//! ranking with score bars; the excluded alternatives with the reason and the answer behind it.

use crate::pack::SharedStr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::draw::{draw_scrolled, follow, heading, text_rows, wrapped};
use crate::engine::{PackResult, RankedAlternative};
use crate::report::{because_text, find, standing};
use crate::tui::app::App;
use crate::tui::text;
use crate::tui::theme::Theme;

/// The lines, and for each alternative of the ranking the lines it occupies.
/// `height` decides whether the winner's next steps fit below (they are left out when they do not:
/// the detail popup has them too).
pub fn lines(
    app: &App,
    p: &PackResult,
    width: usize,
    height: usize,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let t = &app.look.theme;
    let mut out: Vec<Line<'static>> = stack_line(app, p, width).into_iter().collect();
    out.extend(winner(t, p, width));
    out.push(Line::default());
    let ranges = ranking(t, p, app.selected(), width, &mut out);
    let steps = next_steps(t, p, width);
    if out.len() + steps.len() <= height {
        out.extend(steps);
    }
    (out, ranges)
}

/// The whole stack on one line, "Stack  ECS Express Mode + CDK", this pack's part in the winner's
/// style: the packs are one recommendation (the same `stack` as the reports and the JSON). None with
/// a single pack.
pub fn stack_line(app: &App, p: &PackResult, width: usize) -> Option<Line<'static>> {
    let t = &app.look.theme;
    let stack = &app.shown_rec().stack;
    if stack.len() < 2 {
        return None;
    }
    // A tie names both ("A or B"): the answers do not separate them.
    let name = |s: &crate::engine::StackPart, short: bool| {
        let pick = |n: &Option<SharedStr>, sh: &Option<SharedStr>| match (n, sh) {
            (Some(_), Some(sh)) if short => Some(sh.clone()),
            (Some(n), _) => Some(n.clone()),
            _ => None,
        };
        match (
            pick(&s.winner_name, &s.winner_short),
            pick(&s.tied_with_name, &s.tied_with_short),
        ) {
            (Some(w), Some(t)) => format!("{w} or {t}"),
            (Some(w), None) => w.to_string(),
            _ => format!("no {}", s.pack_name),
        }
    };
    // Full names when they fit, else the short ones (then cut, never wrapped).
    let short = text::width("Stack  ")
        + stack
            .iter()
            .map(|s| text::width(&name(s, false)) + 3)
            .sum::<usize>()
        > width + 3;
    let mut spans = vec![Span::styled("Stack  ", t.heading)];
    for (i, s) in stack.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" + ", t.muted));
        }
        let style = if s.pack == p.id { t.winner } else { t.text };
        spans.push(Span::styled(name(s, short), style));
    }
    let line = Line::from(spans);
    Some(if line.width() <= width {
        line
    } else {
        let plain: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        Line::styled(text::truncate(&plain, width), t.text)
    })
}

/// The winner with its standing, status and caveats; or why there is none.
fn winner(t: &Theme, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) else {
        return no_winner(t, width);
    };
    // A tie names both: the answers do not separate them.
    let name = crate::report::winner_label(p).unwrap_or_else(|| w.name.to_string());
    let mut out = vec![Line::from(vec![
        Span::styled("▶ ", t.winner),
        Span::styled(name, t.winner),
    ])];
    out.extend(wrapped(&standing(p), width, "  ", "  ", t.text));
    if let Some(s) = &w.status {
        out.extend(wrapped(&format!("Status: {s}"), width, "  ", "  ", t.muted));
    }
    for c in &p.caveats {
        out.extend(wrapped(&c.text, width, "  ! ", "    ", t.warning));
    }
    out
}

pub(super) fn no_winner(t: &Theme, width: usize) -> Vec<Line<'static>> {
    wrapped(
        "✗ No recommendation: every alternative is excluded by your answers.",
        width,
        "",
        "",
        t.excluded,
    )
}

/// The width of a monthly estimate in a ranking ("$1,234–$5,678"); a wider one is cut.
pub(super) const COST_W: usize = 13;

/// The monthly estimate at the end of a ranked line (room for it is kept by `ranking_widths`), in
/// a pack with estimates ("not priced" for an alternative no price can estimate).
fn cost_span(t: &Theme, a: &RankedAlternative, priced: bool) -> Option<Span<'static>> {
    if !priced {
        return None;
    }
    let m = crate::report::cost::monthly(a);
    Some(Span::styled(
        format!(" {:>COST_W$}", text::truncate(&m, COST_W)),
        t.muted,
    ))
}

/// The line under a priced ranking: the figures are estimates, on which prices.
pub(super) fn cost_note(t: &Theme, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let Some(b) = &p.cost_basis else {
        return Vec::new();
    };
    wrapped(&format!("$ a month: {}", b.note), width, "", "  ", t.muted)
}

/// The width of the names and of the score bars in a ranking, with bars of at most `max_bar`
/// (less the room of a monthly estimate when the pack has them).
pub(super) fn ranking_widths(p: &PackResult, width: usize, max_bar: usize) -> (usize, usize) {
    let width = if p.cost_basis.is_some() {
        width.saturating_sub(COST_W + 1)
    } else {
        width
    };
    let name_w = p
        .ranking
        .iter()
        .map(|a| text::width(&a.name))
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(20))
        .max(8);
    let bar_w = width.saturating_sub(2 + 4 + name_w + 2 + 6).min(max_bar);
    (name_w, bar_w)
}

/// The ranking's heading: "Ranking" over the names and bars, "score" over the scores.
pub(super) fn ranking_heading(t: &Theme, name_w: usize, bar_w: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(text::fit("Ranking", 6 + name_w + 2 + bar_w), t.heading),
        Span::styled(" score", t.muted),
    ])
}

/// A ranked alternative: rank, name, score bar, score, and its monthly estimate when the pack has
/// them (`priced`).
pub(super) fn ranked_line(
    t: &Theme,
    a: &RankedAlternative,
    mark: &'static str,
    rank_style: Style,
    (name_w, bar_w): (usize, usize),
    priced: bool,
) -> Line<'static> {
    let rank = a.rank.unwrap_or(0);
    let style = if rank == 1 { t.winner } else { t.text };
    let mut spans = vec![
        Span::raw(mark),
        Span::styled(format!("{rank:>2}. "), rank_style),
        Span::styled(text::fit(&a.name, name_w), style),
        Span::raw("  "),
        Span::styled(text::fit(&text::bar(a.score, 100.0, bar_w), bar_w), t.bar),
        Span::styled(format!(" {:>5.1}", a.score), t.text),
    ];
    spans.extend(cost_span(t, a, priced));
    Line::from(spans)
}

/// The ranking, then the excluded alternatives under their heading, each with why; returns the
/// lines each alternative occupies (to keep the selected one in view).
fn ranking(
    t: &Theme,
    p: &PackResult,
    selected: usize,
    width: usize,
    out: &mut Vec<Line<'static>>,
) -> Vec<(usize, usize)> {
    let any_ranked = p.ranking.iter().any(|a| !a.excluded);
    let widths = ranking_widths(p, width, 40);
    if any_ranked {
        let mut h = ranking_heading(t, widths.0, widths.1);
        if p.cost_basis.is_some() {
            h.spans
                .push(Span::styled(format!(" {:>COST_W$}", "$ a month"), t.muted));
        }
        out.push(h);
    }
    let mut ranges = Vec::with_capacity(p.ranking.len());
    for (i, a) in p.ranking.iter().enumerate() {
        if a.excluded && (i == 0 || !p.ranking[i - 1].excluded) {
            if any_ranked {
                out.extend(cost_note(t, p, width));
                out.push(Line::default());
            }
            out.push(heading(t, "Excluded by your answers"));
        }
        let start = out.len();
        let mark = if i == selected { "› " } else { "  " };
        let line = if a.excluded {
            Line::from(vec![
                Span::raw(mark),
                Span::styled("✗ ", t.excluded),
                Span::styled(text::truncate(&a.name, width.saturating_sub(4)), t.excluded),
            ])
        } else {
            ranked_line(t, a, mark, t.muted, widths, p.cost_basis.is_some())
        };
        out.push(if i == selected {
            super::draw::selected(line, t)
        } else {
            line
        });
        if a.excluded {
            for e in &a.exclusions {
                out.extend(super::draw::exclusion_lines(t, e, width, "    "));
            }
        } else if let Some(status) = &a.status {
            // A status such as "closed to new customers" is never left to the detail popup.
            let s = format!("⚠ {status}");
            out.extend(wrapped(&s, width, "      ", "        ", t.error));
        }
        ranges.push((start, out.len()));
    }
    if p.ranking.last().is_some_and(|a| !a.excluded) {
        out.extend(cost_note(t, p, width));
    }
    ranges
}

/// The winner's next steps, with a blank line and a heading above.
pub(super) fn next_steps(t: &Theme, p: &PackResult, width: usize) -> Vec<Line<'static>> {
    let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) else {
        return Vec::new();
    };
    if w.next_steps.is_empty() {
        return Vec::new();
    }
    let mut steps = vec![
        Line::default(),
        heading(t, format!("Next steps with {}", w.name)),
    ];
    for (i, s) in w.next_steps.iter().enumerate() {
        steps.extend(wrapped(
            s,
            width,
            &format!("  {}. ", i + 1),
            "     ",
            t.text,
        ));
    }
    steps
}

pub fn render(app: &App, p: &PackResult, area: Rect, buf: &mut Buffer) {
    let (lines, ranges) = lines(app, p, area.width as usize, area.height as usize);
    let (start, end) = ranges.get(app.selected()).copied().unwrap_or((0, 0));
    let scroll = follow(start, end, text_rows(lines.len(), area.height));
    draw_scrolled(&app.look.theme, area, &lines, scroll, buf);
}

/// An excluded alternative by its short name, which leaves its reason more room on one line.
pub(super) fn excluded_line(
    app: &App,
    p: &PackResult,
    a: &RankedAlternative,
    mark: &'static str,
    width: usize,
) -> Line<'static> {
    let t = &app.look.theme;
    let why = a.exclusions.first().map_or(String::new(), |e| {
        if e.because.is_empty() {
            e.reason.to_string()
        } else {
            format!("{} (you answered {})", e.reason, because_text(&e.because))
        }
    });
    let name = format!("{}  ", short_name(app, p, &a.id));
    let room = width.saturating_sub(6 + text::width(&name));
    Line::from(vec![
        Span::raw(mark),
        Span::styled(" ✗  ", t.excluded),
        Span::styled(name, t.excluded),
        Span::styled(text::truncate_words(&why, room), t.muted),
    ])
}

/// Why the winner wins against the runner-up: the runner-up's name, and the criteria where the
/// winner gains most (up to three, largest first) and the one where it loses most, in points.
pub(super) fn reasons(p: &PackResult) -> Option<(String, Vec<(f64, String)>)> {
    let winner = p.winner.as_deref().and_then(|w| find(p, w))?;
    let r = p.runner_up.as_deref().and_then(|r| find(p, r))?;
    let mut deltas: Vec<(f64, &str)> = winner
        .contributions
        .iter()
        .zip(&r.contributions)
        .map(|(a, b)| (crate::engine::round1(a.points - b.points), &*a.name))
        .filter(|(d, _)| *d != 0.0)
        .collect();
    deltas.sort_by(|a, b| b.0.total_cmp(&a.0));
    let gains: Vec<_> = deltas.iter().filter(|d| d.0 > 0.0).take(3).collect();
    if gains.is_empty() {
        return None;
    }
    let loss = deltas.last().filter(|d| d.0 < 0.0);
    let list = gains
        .into_iter()
        .chain(loss)
        .map(|(d, n)| (*d, n.to_string()))
        .collect();
    Some((r.name.to_string(), list))
}

/// An alternative's short name from the data (the results carry only full names).
pub(super) fn short_name<'a>(app: &'a App, p: &'a PackResult, id: &'a str) -> &'a str {
    short_of(app, &p.id, id).unwrap_or(id)
}

/// The short name of alternative `id` of the pack `pack`, if the catalog has it.
pub(super) fn short_of<'a>(app: &'a App, pack: &str, id: &str) -> Option<&'a str> {
    let pack = app.catalog.pack(pack)?;
    pack.alternative_index(id)
        .map(|i| pack.alternatives[i].short.as_str())
}
