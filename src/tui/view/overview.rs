//! The overview panel of a pack: the winner with its score, margin, verdict and caveats; the full
//! ranking with score bars; the excluded alternatives with the reason and the answer behind it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{big, draw_scrolled, follow, heading, text_rows, wrapped};
use crate::engine::PackResult;
use crate::report::{because_text, find, standing};
use crate::tui::app::App;
use crate::tui::text;

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
    let selected = app.selected();
    let mut out: Vec<Line<'static>> = Vec::new();
    match p.winner.as_deref().and_then(|w| find(p, w)) {
        Some(w) => {
            out.push(Line::from(vec![
                Span::styled("▶ ", t.winner),
                Span::styled(w.name.clone(), t.winner),
            ]));
            out.extend(wrapped(&standing(p), width, "  ", "  ", t.text));
            if let Some(s) = &w.status {
                out.extend(wrapped(&format!("Status: {s}"), width, "  ", "  ", t.muted));
            }
            for c in &p.caveats {
                out.extend(wrapped(&c.text, width, "  ! ", "    ", t.warning));
            }
        }
        None => out.extend(wrapped(
            "✗ No recommendation: every alternative is excluded by your answers.",
            width,
            "",
            "",
            t.excluded,
        )),
    }
    out.push(Line::default());

    let ranked: Vec<_> = p.ranking.iter().filter(|a| !a.excluded).collect();
    let name_w = p
        .ranking
        .iter()
        .map(|a| text::width(&a.name))
        .max()
        .unwrap_or(0);
    let name_w = name_w.min(width.saturating_sub(20)).max(8);
    let bar_w = width.saturating_sub(2 + 4 + name_w + 2 + 6).min(40);
    let mut ranges = Vec::with_capacity(p.ranking.len());
    if !ranked.is_empty() {
        out.push(Line::from(vec![
            Span::styled(text::fit("Ranking", 6 + name_w + 2 + bar_w), t.heading),
            Span::styled(" score", t.muted),
        ]));
    }
    for (i, a) in p.ranking.iter().enumerate() {
        if a.excluded && (i == 0 || !p.ranking[i - 1].excluded) {
            if !ranked.is_empty() {
                out.push(Line::default());
            }
            out.push(heading(t, "Excluded by your answers"));
        }
        let start = out.len();
        let mark = if i == selected { "› " } else { "  " };
        if a.excluded {
            let mut line = Line::from(vec![
                Span::raw(mark),
                Span::styled("✗ ", t.excluded),
                Span::styled(text::truncate(&a.name, width.saturating_sub(4)), t.excluded),
            ]);
            if i == selected {
                line = line.style(t.selection);
            }
            out.push(line);
            for e in &a.exclusions {
                out.extend(super::exclusion_lines(t, e, width, "    "));
            }
        } else {
            let rank = a.rank.unwrap_or(0);
            let style = if rank == 1 { t.winner } else { t.text };
            let mut line = Line::from(vec![
                Span::raw(mark),
                Span::styled(format!("{rank:>2}. "), t.muted),
                Span::styled(text::fit(&a.name, name_w), style),
                Span::raw("  "),
                Span::styled(text::fit(&text::bar(a.score, 100.0, bar_w), bar_w), t.bar),
                Span::styled(format!(" {:>5.1}", a.score), t.text),
            ]);
            if i == selected {
                line = line.style(t.selection);
            }
            out.push(line);
            // A status such as "closed to new customers" is never left to the detail popup.
            if let Some(status) = &a.status {
                out.extend(wrapped(
                    &format!("⚠ {status}"),
                    width,
                    "      ",
                    "        ",
                    t.error,
                ));
            }
        }
        ranges.push((start, out.len()));
    }
    if let Some(w) = p.winner.as_deref().and_then(|w| find(p, w))
        && !w.next_steps.is_empty()
    {
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
        if out.len() + steps.len() <= height {
            out.extend(steps);
        }
    }
    (out, ranges)
}

pub fn render(app: &App, p: &PackResult, area: Rect, buf: &mut Buffer) {
    let area = if app.look.projector {
        projector_winner(app, p, area, buf)
    } else {
        area
    };
    let (lines, ranges) = if app.look.projector {
        projector_lines(app, p, area.width as usize, area.height as usize)
    } else {
        lines(app, p, area.width as usize, area.height as usize)
    };
    let (start, end) = ranges.get(app.selected()).copied().unwrap_or((0, 0));
    let scroll = follow(start, end, text_rows(lines.len(), area.height));
    draw_scrolled(app, area, &lines, scroll, buf);
}

/// The projector view's winner in big text, centred, with a blank row below; returns the area left.
/// Nothing big when it does not fit (the lines below name the winner anyway).
fn projector_winner(app: &App, p: &PackResult, area: Rect, buf: &mut Buffer) -> Rect {
    let Some(w) = p.winner.as_deref().and_then(|w| find(p, w)) else {
        return area;
    };
    // Room below for the standing, a blank, the ranking's heading and rows, a blank, the reasons'
    // heading and the strongest reason.
    let below = 3 + p.ranking.len() as u16 + 3;
    let room = area.height.saturating_sub(below + 1);
    let Some(fit) = big::fit(&w.name, area.width, room, true) else {
        return area;
    };
    let h = big::render(&fit, app.look.theme.winner, true, area, buf);
    Rect {
        y: area.y + h + 1,
        height: area.height.saturating_sub(h + 1),
        ..area
    }
}

/// The overview for a projector: the winner and its standing, the ranking with bars, one line per
/// excluded alternative, and the criteria where the winner gains or loses most against the runner-up.
/// Caveats, status and next steps are left to the detail popup. Blank lines between the ranking's
/// rows when there is room for them.
pub fn projector_lines(
    app: &App,
    p: &PackResult,
    width: usize,
    height: usize,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let t = &app.look.theme;
    let selected = app.selected();
    let mut head: Vec<Line<'static>> = Vec::new();
    let winner = p.winner.as_deref().and_then(|w| find(p, w));
    match winner {
        Some(w) => {
            // The short standing: the runner-up is in the ranking just below.
            let short = match (p.margin, p.runner_up.is_some()) {
                (Some(m), true) if p.verdict == crate::engine::Verdict::Tie => {
                    format!("{:.1}/100 · tied: {m:.1} points ahead", w.score)
                }
                (Some(m), true) => format!(
                    "{:.1}/100 · {m:.1} points ahead{} · {}",
                    w.score,
                    if p.close_call { " (a close call)" } else { "" },
                    p.verdict.as_str()
                ),
                _ => standing(p),
            };
            let first = format!("{}  {short}", w.name);
            if text::width(&first) + 2 <= width {
                head.push(Line::from(vec![
                    Span::styled("▶ ", t.winner),
                    Span::styled(format!("{}  ", w.name), t.winner),
                    Span::styled(short, t.text),
                ]));
            } else {
                head.push(Line::from(vec![
                    Span::styled("▶ ", t.winner),
                    Span::styled(text::truncate(&w.name, width.saturating_sub(2)), t.winner),
                ]));
                head.extend(wrapped(&short, width, "  ", "  ", t.text));
            }
        }
        None => head.extend(wrapped(
            "✗ No recommendation: every alternative is excluded by your answers.",
            width,
            "",
            "",
            t.excluded,
        )),
    }
    let name_w = p
        .ranking
        .iter()
        .map(|a| text::width(&a.name))
        .max()
        .unwrap_or(0)
        .min(width.saturating_sub(20))
        .max(8);
    let bar_w = width.saturating_sub(2 + 4 + name_w + 2 + 6).min(50);
    let mut rows: Vec<Vec<Line<'static>>> = Vec::new();
    for (i, a) in p.ranking.iter().enumerate() {
        let mark = if i == selected { "› " } else { "  " };
        let mut line = if a.excluded {
            let why = a.exclusions.first().map_or(String::new(), |e| {
                if e.because.is_empty() {
                    e.reason.clone()
                } else {
                    format!("{} (you answered {})", e.reason, because_text(&e.because))
                }
            });
            // The short name leaves the reason more room on one line.
            let name = format!("{}  ", short_name(app, p, &a.id));
            Line::from(vec![
                Span::raw(mark),
                Span::styled(" ✗  ", t.excluded),
                Span::styled(name.clone(), t.excluded),
                Span::styled(
                    text::truncate_words(&why, width.saturating_sub(6 + text::width(&name))),
                    t.muted,
                ),
            ])
        } else {
            let rank = a.rank.unwrap_or(0);
            let style = if rank == 1 { t.winner } else { t.text };
            Line::from(vec![
                Span::raw(mark),
                Span::styled(format!("{rank:>2}. "), t.text),
                Span::styled(text::fit(&a.name, name_w), style),
                Span::raw("  "),
                Span::styled(text::fit(&text::bar(a.score, 100.0, bar_w), bar_w), t.bar),
                Span::styled(format!(" {:>5.1}", a.score), t.text),
            ])
        };
        if i == selected {
            line = line.style(t.selection);
        }
        rows.push(vec![line]);
    }
    let mut reasons: Vec<Line<'static>> = Vec::new();
    if let (Some(w), Some(r)) = (winner, p.runner_up.as_deref().and_then(|r| find(p, r))) {
        let mut deltas: Vec<(f64, &str)> = w
            .contributions
            .iter()
            .zip(&r.contributions)
            .map(|(a, b)| (crate::engine::round1(a.points - b.points), a.name.as_str()))
            .filter(|(d, _)| *d != 0.0)
            .collect();
        deltas.sort_by(|a, b| b.0.total_cmp(&a.0));
        let gains: Vec<_> = deltas.iter().filter(|d| d.0 > 0.0).take(3).collect();
        let loss = deltas.last().filter(|d| d.0 < 0.0);
        if !gains.is_empty() {
            reasons.push(heading(
                t,
                text::truncate(&format!("Why it wins against {}", r.name), width),
            ));
            for (d, name) in gains.into_iter().chain(loss) {
                let (mark, style) = if *d > 0.0 {
                    ("▲", t.up)
                } else {
                    ("▼", t.down)
                };
                reasons.push(Line::from(vec![
                    Span::styled(format!("  {mark} {:>5} ", super::why::signed(*d)), style),
                    Span::styled(
                        text::truncate(&format!("points on {name}"), width.saturating_sub(10)),
                        t.text,
                    ),
                ]));
            }
        }
    }
    // Generous spacing when it fits: a blank line between sections and between ranking rows.
    let plain = head.len()
        + 1
        + 1
        + rows.len()
        + if reasons.is_empty() {
            0
        } else {
            1 + reasons.len()
        };
    let spaced_rows = plain + rows.len().saturating_sub(1) <= height;
    let mut out = head;
    out.push(Line::default());
    out.push(Line::from(vec![
        Span::styled(text::fit("Ranking", 6 + name_w + 2 + bar_w), t.heading),
        Span::styled(" score", t.muted),
    ]));
    let mut ranges = Vec::with_capacity(rows.len());
    for (i, r) in rows.into_iter().enumerate() {
        if spaced_rows && i > 0 {
            out.push(Line::default());
        }
        let start = out.len();
        out.extend(r);
        ranges.push((start, out.len()));
    }
    // The reasons take what room is left: at least the heading and the strongest one.
    let room = height.saturating_sub(out.len() + 1);
    if reasons.len() >= 2 && room >= 2 {
        out.push(Line::default());
        reasons.truncate(room);
        out.extend(reasons);
    }
    (out, ranges)
}

/// An alternative's short name from the data (the results carry only full names).
fn short_name<'a>(app: &'a App, p: &'a PackResult, id: &'a str) -> &'a str {
    app.catalog
        .pack(&p.id)
        .and_then(|pack| {
            pack.alternative_index(id)
                .map(|i| pack.alternatives[i].short.as_str())
        })
        .unwrap_or(id)
}
