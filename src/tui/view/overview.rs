//! The overview panel of a pack: the winner with its score, margin, verdict and caveats; the full
//! ranking with score bars; the excluded alternatives with the reason and the answer behind it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{draw_scrolled, follow, heading, text_rows, wrapped};
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
    let t = &app.theme;
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
                out.extend(wrapped(&e.reason, width, "    ", "    ", t.text));
                if !e.because.is_empty() {
                    out.extend(wrapped(
                        &format!("because you answered {}", because_text(&e.because)),
                        width,
                        "    ",
                        "    ",
                        t.muted,
                    ));
                }
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
    let (lines, ranges) = lines(app, p, area.width as usize, area.height as usize);
    let (start, end) = ranges.get(app.selected()).copied().unwrap_or((0, 0));
    let scroll = follow(start, end, text_rows(lines.len(), area.height));
    draw_scrolled(app, area, &lines, scroll, buf);
}
