//! A question screen: progress, the prompt and its choices, why the question matters, and beside it
//! the live ranking, which previews the highlighted choice before it is confirmed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::big;
use super::draw::{draw_lines, heading, panel, wrapped};
use crate::tui::app::App;
use crate::tui::msg::Msg;
use crate::tui::session::{Live, LivePack, LiveRow};
use crate::tui::text;
use crate::tui::theme::Theme;

/// Where things are on a question screen.
pub struct Areas {
    pub progress: Rect,
    pub left: Rect,
    pub right: Rect,
}

/// Rows the projector view gives the question's title in big text (with a blank row below), when the
/// body is tall enough to keep room for the choices and the ranking.
fn big_title_rows(app: &App, body: Rect) -> u16 {
    if !app.look.projector || body.height < 16 {
        return 0;
    }
    let Some(q) = app.catalog.questions.get(app.session.question) else {
        return 0;
    };
    big::fit(&q.title, body.width, big::ROWS, false).map_or(0, |f| f.height() + 1)
}

pub fn areas(app: &App, body: Rect) -> Areas {
    let [progress, rest] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    let skip = big_title_rows(app, body).min(rest.height);
    let rest = Rect {
        y: rest.y + skip,
        height: rest.height - skip,
        ..rest
    };
    // The ranking needs about 34 cells for "1 ▲ Amazon ECS on AWS Fargate"; it grows up to 64, and
    // takes half of a wide projector view (room for its rows in big text).
    let rw = if app.look.projector && body.width >= 150 {
        // Wide enough for both columns in big letters: half each.
        body.width / 2
    } else {
        (body.width * 2 / 5).clamp(34.min(body.width), 64)
    };
    let [left, right] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(rw)]).areas(rest);
    Areas {
        progress,
        left,
        right,
    }
}

/// The lines of the question panel, and for each line the choice it shows (for clicks).
pub fn lines(app: &App, width: usize, height: usize) -> (Vec<Line<'static>>, Vec<Option<usize>>) {
    let t = &app.look.theme;
    let Some(q) = app.catalog.questions.get(app.session.question) else {
        return (Vec::new(), Vec::new());
    };
    let cursor = app
        .session
        .cursor
        .get(app.session.question)
        .copied()
        .unwrap_or(0);
    let answer = app
        .session
        .answers()
        .choices
        .get(app.session.question)
        .copied()
        .flatten();
    let build = |all_details: bool| {
        let mut out: Vec<Line<'static>> = Vec::new();
        let mut map = Vec::new();
        for l in wrapped(&q.prompt, width, "", "", t.title) {
            out.push(l);
            map.push(None);
        }
        out.push(Line::default());
        map.push(None);
        for (i, c) in q.choices.iter().enumerate() {
            let marker = if answer == Some(i) { "●" } else { "○" };
            let selected = i == cursor;
            let number = if i < 9 {
                format!("{}", i + 1)
            } else {
                " ".into()
            };
            let mut line = Line::from(vec![
                Span::raw(if selected { "› " } else { "  " }),
                Span::styled(number, t.key),
                Span::raw(" "),
                Span::styled(marker, if answer == Some(i) { t.chosen } else { t.muted }),
                Span::raw(" "),
                Span::styled(
                    c.label.to_string(),
                    if answer == Some(i) { t.chosen } else { t.text },
                ),
            ]);
            if answer == Some(i) {
                line.spans.push(Span::styled("  (your answer)", t.muted));
            }
            if selected {
                line = super::draw::selected(line, t);
            }
            out.push(line);
            map.push(Some(i));
            if let Some(d) = &c.detail
                && all_details
            {
                for l in wrapped(d, width, "      ", "      ", t.muted) {
                    out.push(l);
                    map.push(Some(i));
                }
            }
        }
        // Without every detail, the highlighted choice's detail goes below the list: the choices
        // keep their rows when the highlight moves, so a second click lands on the same choice.
        if !all_details && let Some(d) = q.choices.get(cursor).and_then(|c| c.detail.as_ref()) {
            out.push(Line::default());
            map.push(None);
            for l in wrapped(d, width, "  ", "  ", t.muted) {
                out.push(l);
                map.push(None);
            }
        }
        (out, map)
    };
    let help_lines = |w: usize| wrapped(&q.help, w, "", "", t.text);
    let mut chosen = build(true);
    if chosen.0.len() + 2 + help_lines(width).len() > height {
        chosen = build(false);
    }
    let (mut out, mut map) = chosen;
    out.push(Line::default());
    map.push(None);
    out.push(heading(t, "Why it matters"));
    map.push(None);
    // Whole: what does not fit scrolls (PgDn), with its mark, rather than end in "…".
    let help = help_lines(width);
    map.extend(help.iter().map(|_| None));
    out.extend(help);
    (out, map)
}

pub(super) fn progress_line(app: &App, width: usize) -> Line<'static> {
    let t = &app.look.theme;
    // Counted among the questions asked: those of the packs decided that these answers ask (a
    // follow-up that does not apply is no step).
    let a = &app.session.answers().choices;
    let decided = app.session.asked();
    let asked = |i: &usize| decided.contains(i) && app.catalog.asked(*i, a);
    let n = (0..app.catalog.questions.len())
        .filter(asked)
        .count()
        .max(1);
    let pos = (0..=app.session.question).filter(asked).count().clamp(1, n);
    let answered = app.session.answers().answered();
    let label = format!(" {pos}/{n} ");
    let tail = format!("  {answered} answered");
    let bar_w = width
        .saturating_sub(text::width(&label) + text::width(&tail) + 1)
        .min(40);
    let filled = (bar_w * pos).div_ceil(n).min(bar_w);
    Line::from(vec![
        Span::styled(label, t.heading),
        Span::styled("█".repeat(filled), t.bar),
        Span::styled("░".repeat(bar_w - filled), t.bar_track),
        Span::styled(tail, t.muted),
    ])
}

/// The progress row, the title in big text when there is room (the projector view), and the
/// question's panel; returns the areas and the panel's inside.
pub(super) fn frame(app: &App, body: Rect, buf: &mut Buffer) -> Option<(Areas, Rect)> {
    let t = &app.look.theme;
    let a = areas(app, body);
    let big_rows = big_title_rows(app, body);
    if big_rows > 0
        && let Some(q) = app.catalog.questions.get(app.session.question)
        && let Some(fit) = big::fit(&q.title, body.width, big::ROWS, false)
    {
        let area = Rect {
            y: a.progress.bottom(),
            height: big_rows - 1,
            ..body
        };
        big::render(&fit, t.title, false, area, buf);
    }
    super::draw::set_line(
        buf,
        a.progress.x,
        a.progress.y,
        &progress_line(app, a.progress.width as usize),
        a.progress.width,
    );
    let q = app.catalog.questions.get(app.session.question)?;
    let title = Line::from(vec![Span::styled(format!(" {} ", q.title), t.title)]);
    let inner = panel(t, title, a.left, buf);
    Some((a, inner))
}

/// Draws the question screen; returns where a click chooses (each choice's rows) and how far
/// the question's panel scrolls.
pub fn render(app: &App, body: Rect, buf: &mut Buffer) -> (Vec<(Rect, Msg)>, u16) {
    let Some((a, inner)) = frame(app, body, buf) else {
        return (Vec::new(), 0);
    };
    let (lines, choices) = lines(app, inner.width as usize, inner.height as usize);
    let offset = match &app.screen {
        crate::tui::Screen::Question(s) => s.offset as usize,
        _ => 0,
    };
    let rows = super::draw::text_rows(lines.len(), inner.height);
    let scroll = super::draw::draw_scrolled(&app.look.theme, inner, &lines, offset, buf);
    ranking(app, &app.live(), a.right, buf);
    let clicks = choices
        .iter()
        .enumerate()
        .skip(scroll)
        .take(rows)
        .filter_map(|(row, c)| {
            let row = Rect::new(inner.x, inner.y + (row - scroll) as u16, inner.width, 1);
            c.map(|c| (row, Msg::Click(c)))
        })
        .collect();
    let limit = lines.len().saturating_sub(rows);
    (clicks, limit.min(u16::MAX as usize) as u16)
}

/// The live ranking panel's title: "Ranking now", or the previewed answer.
pub(super) fn ranking_title(app: &App, live: &Live, area: Rect) -> Line<'static> {
    let t = &app.look.theme;
    match &live.preview {
        Some(label) => Line::from(vec![
            Span::styled(" Preview: ", t.preview),
            Span::styled(
                format!(
                    "{} ",
                    text::truncate(label, area.width.saturating_sub(14) as usize)
                ),
                t.preview,
            ),
        ]),
        None => Line::from(vec![Span::styled(" Ranking now ", t.title)]),
    }
}

/// The live ranking panel.
pub fn ranking(app: &App, live: &Live, area: Rect, buf: &mut Buffer) {
    let t = &app.look.theme;
    let inner = panel(t, ranking_title(app, live, area), area, buf);
    let w = inner.width as usize;
    let n_packs = live.packs.len().max(1);
    // One line per alternative when the bar fits beside the name, else a name line and a bar line.
    let name_w = live
        .packs
        .iter()
        .flat_map(|p| p.rows.iter().map(|r| text::width(&r.name)))
        .max()
        .unwrap_or(0);
    let one_line = w >= 4 + name_w + 1 + 12 + 6;
    let row_h = if one_line { 1 } else { 2 };
    // Per pack: a title, the rows, its notes; a blank line between packs.
    let fixed: usize = live
        .packs
        .iter()
        .map(|p| 1 + now_out(t, p, w).len() + usize::from(summary_needed(p)))
        .sum::<usize>()
        + n_packs.saturating_sub(1);
    let per_pack = (inner.height as usize).saturating_sub(fixed) / n_packs / row_h;
    let mut out: Vec<Line<'static>> = Vec::new();
    for (i, p) in live.packs.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        pack_lines(t, p, w, per_pack.max(1), one_line, name_w, &mut out);
    }
    draw_lines(buf, inner, &out, 0);
}

/// How a live-ranking row moved with the previewed answer: ▲ (up, or back from excluded), ▼, or
/// nothing, with its style.
pub(super) fn move_mark(t: &Theme, r: &LiveRow) -> (&'static str, Style) {
    if r.moved > 0 || r.returned {
        ("▲", t.up)
    } else if r.moved < 0 {
        ("▼", t.down)
    } else {
        (" ", t.text)
    }
}

/// A live-ranking row on one line of `w` columns: rank, move, name (short when the full one does
/// not fit) and score.
pub(super) fn compact_row(t: &Theme, pos: usize, r: &LiveRow, w: usize) -> Line<'static> {
    let (arrow, style) = move_mark(t, r);
    let name_style = if pos == 0 { t.winner } else { t.text };
    let nw = w.saturating_sub(4 + 6);
    Line::from(vec![
        Span::styled(format!("{} ", pos + 1), t.text),
        Span::styled(arrow, style),
        Span::raw(" "),
        Span::styled(text::fit(fitting(r, nw), nw), name_style),
        Span::styled(format!(" {:>5.1}", r.score), t.text),
    ])
}

/// The full name when it fits in `w` cells, else the short one (which `fit` may still cut).
fn fitting(r: &LiveRow, w: usize) -> &str {
    if text::width(&r.name) <= w {
        &r.name
    } else {
        &r.short
    }
}

/// A pack's live ranking: each alternative's rank, move, name, bar and score on one line
/// (`one_line`), else its rank, move and name with the bar and score below.
fn pack_lines(
    t: &Theme,
    p: &LivePack,
    w: usize,
    rows: usize,
    one_line: bool,
    name_w: usize,
    out: &mut Vec<Line<'static>>,
) {
    out.push(Line::styled(text::truncate(&p.name, w), t.heading));
    for (pos, r) in p.rows.iter().take(rows).enumerate() {
        let (arrow, style) = move_mark(t, r);
        let name_style = if pos == 0 { t.winner } else { t.text };
        let score = format!("{:>5.1}", r.score);
        if one_line {
            let bar_w = w.saturating_sub(4 + name_w + 1 + 6);
            out.push(Line::from(vec![
                Span::styled(format!("{} ", pos + 1), t.muted),
                Span::styled(arrow, style),
                Span::raw(" "),
                Span::styled(text::fit(fitting(r, name_w), name_w), name_style),
                Span::raw(" "),
                Span::styled(text::fit(&text::bar(r.score, 100.0, bar_w), bar_w), t.bar),
                Span::styled(format!(" {score}"), t.text),
            ]));
        } else {
            out.push(Line::from(vec![
                Span::styled(format!("{} ", pos + 1), t.muted),
                Span::styled(arrow, style),
                Span::raw(" "),
                Span::styled(
                    text::truncate(fitting(r, w.saturating_sub(4)), w.saturating_sub(4)),
                    name_style,
                ),
            ]));
            let bar_w = w.saturating_sub(4 + 6);
            out.push(Line::from(vec![
                Span::raw("    "),
                Span::styled(text::fit(&text::bar(r.score, 100.0, bar_w), bar_w), t.bar),
                Span::styled(format!(" {score}"), t.text),
            ]));
        }
    }
    let more = p.rows.len().saturating_sub(rows);
    out.extend(notes(t, p, w, more));
}

/// The alternatives the previewed answer excludes, said in words (not only in the colour) and in
/// full, over as many lines as it takes: this is the news of the preview.
fn now_out(t: &Theme, p: &LivePack, w: usize) -> Vec<Line<'static>> {
    if p.newly_excluded.is_empty() {
        return Vec::new();
    }
    let s = format!("✗ now out: {}", p.newly_excluded.join(", "));
    text::wrap(&s, w)
        .into_iter()
        .map(|l| Line::styled(l, t.excluded))
        .collect()
}

/// Whether a pack's notes have a summary line: more rows than shown, or alternatives excluded
/// before the preview.
fn summary_needed(p: &LivePack) -> bool {
    p.rows.len() > 1 || p.excluded.len() > p.newly_excluded.len()
}

/// The notes under a pack's rows: what the preview excludes (in full), then on one line how many
/// more are ranked and those excluded before (cut to the line: they are old news).
pub(super) fn notes(t: &Theme, p: &LivePack, w: usize, more: usize) -> Vec<Line<'static>> {
    let mut out = now_out(t, p, w);
    let before: Vec<&str> = p
        .excluded
        .iter()
        .filter(|n| !p.newly_excluded.contains(n))
        .map(String::as_str)
        .collect();
    let more = (more > 0).then(|| format!("+{more} more"));
    // The names when they fit, else how many: a line that ends in "…" reads as cut off.
    let named = (!before.is_empty()).then(|| format!("✗ {}", before.join(", ")));
    let counted = (!before.is_empty()).then(|| format!("✗ {} excluded", before.len()));
    let join = |b: &Option<String>| {
        more.iter()
            .chain(b.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join("  ")
    };
    let summary = [join(&named), join(&counted)]
        .into_iter()
        .find(|s| text::width(s) <= w)
        .unwrap_or_else(|| text::truncate(&join(&counted), w));
    if !summary.is_empty() {
        out.push(Line::styled(summary, t.muted));
    }
    out
}
