//! The projector view's layout: what a screen says, as a column of parts whose rows are drawn big
//! (tui-big-text) when the room allows, else as ordinary lines. Rows go big, and optional rows come
//! in, in the order of their priority for as long as the height lasts; blank rows between parts
//! come last. So a bigger screen gets bigger letters and more of the story, not empty rows; a
//! smaller one keeps every required row in ordinary text (and scrolls, following the selection,
//! only when even that does not fit).
//!
//! The parts and rows themselves, and the helpers that make them, are in `stage_parts`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use tui_big_text::PixelSize;

use super::big;
use super::draw::{draw_lines, follow, more_marks, text_rows};
use crate::tui::theme::Theme;

pub use super::stage_parts::{Label, Part, Row, big_line, paragraph, paragraph_in};

/// The heading line of `labels` over big letters `cells` wide.
fn label_line(labels: &[Label], cells: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut x = 0;
    for l in labels {
        let w = crate::tui::text::width(&l.text);
        let start = if l.right {
            ((l.at + l.glyphs) * cells).saturating_sub(w)
        } else {
            l.at * cells
        };
        if start < x {
            continue; // no room: a heading is left out rather than drawn over another
        }
        spans.push(Span::raw(" ".repeat(start - x)));
        spans.push(Span::styled(l.text.clone(), l.style));
        x = start + w;
    }
    Line::from(spans)
}

/// How each row is drawn, after [`plan`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Per part, per row: left out, ordinary lines, or big.
    pub rows: Vec<Vec<Shown>>,
    /// Per part: the blank row above is drawn.
    pub gaps: Vec<bool>,
    /// Per part: the big text's pixel size.
    pub pixel: Vec<PixelSize>,
    /// Rows the plan takes.
    pub height: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Out,
    Lines,
    Big,
}

/// The glyph columns of a big line.
fn glyphs(l: &Line) -> usize {
    l.spans.iter().map(|s| s.content.chars().count()).sum()
}

/// The pixel size of a part's big rows at `width`: half-height letters (8 cells) when every big row
/// fits so, else quadrant letters (4 cells).
fn pixel_of(part: &Part, width: u16) -> PixelSize {
    let widest = part
        .rows
        .iter()
        .filter_map(|r| r.big.as_ref())
        .map(glyphs)
        .max()
        .unwrap_or(0);
    if widest * 8 <= width as usize {
        PixelSize::HalfHeight
    } else {
        PixelSize::Quadrant
    }
}

fn cells(p: PixelSize) -> usize {
    match p {
        PixelSize::HalfHeight => 8,
        _ => 4,
    }
}

/// One step of the plan: rows going big (one, or a uniform part's all), or optional rows coming
/// in (those of a part with the same priority, together).
struct Step {
    priority: u16,
    part: usize,
    rows: Vec<usize>,
    grow: bool,
}

/// The steps of a plan, in the order they are tried.
fn steps(parts: &[Part], pixel: &[PixelSize], width: u16) -> Vec<Step> {
    let fits = |pi: usize, r: &Row| {
        r.big
            .as_ref()
            .is_some_and(|b| glyphs(b) * cells(pixel[pi]) <= width as usize)
    };
    let mut steps = Vec::new();
    for (pi, p) in parts.iter().enumerate() {
        let mut optional: Vec<(u16, Vec<usize>)> = Vec::new();
        // A uniform part's optional rows of one priority come in together (a heading and its
        // paragraph); a list's come in one by one, as far as the room goes.
        for (ri, r) in p.rows.iter().enumerate() {
            if let Some(o) = r.optional {
                match optional.iter_mut().find(|(q, _)| *q == o && p.uniform) {
                    Some((_, rows)) => rows.push(ri),
                    None => optional.push((o, vec![ri])),
                }
            }
        }
        for (priority, rows) in optional {
            steps.push(Step {
                priority,
                part: pi,
                rows,
                grow: false,
            });
        }
        let with_big: Vec<usize> = (0..p.rows.len())
            .filter(|&ri| p.rows[ri].big.is_some())
            .collect();
        if p.uniform {
            let all_fit = with_big.iter().all(|&ri| fits(pi, &p.rows[ri]));
            let first = with_big.iter().map(|&ri| p.rows[ri].grow).min();
            if let (true, Some(g)) = (all_fit, first)
                && g != u16::MAX
            {
                steps.push(Step {
                    priority: g,
                    part: pi,
                    rows: with_big,
                    grow: true,
                });
            }
            continue;
        }
        if p.alike {
            let group = with_big
                .iter()
                .map(|&ri| p.rows[ri].grow)
                .filter(|&g| g != u16::MAX)
                .max();
            let Some(group) = group else { continue };
            for &ri in &with_big {
                let r = &p.rows[ri];
                if r.grow < group && fits(pi, r) {
                    steps.push(Step {
                        priority: r.grow,
                        part: pi,
                        rows: vec![ri],
                        grow: true,
                    });
                }
            }
            if with_big.iter().all(|&ri| fits(pi, &p.rows[ri])) {
                steps.push(Step {
                    priority: group,
                    part: pi,
                    rows: with_big,
                    grow: true,
                });
            }
            continue;
        }
        for ri in with_big {
            let r = &p.rows[ri];
            if fits(pi, r) && r.grow != u16::MAX {
                steps.push(Step {
                    // An optional row grows only once it is in.
                    priority: r.grow.max(r.optional.unwrap_or(0)),
                    part: pi,
                    rows: vec![ri],
                    grow: true,
                });
            }
        }
    }
    // Within a priority: rows coming in before rows growing.
    steps.sort_by_key(|s| (s.priority, s.part, s.grow, s.rows.first().copied()));
    steps
}

/// Decides how each row is drawn in `width` × `height`.
pub fn plan(parts: &[Part], width: u16, height: u16) -> Plan {
    let pixel: Vec<PixelSize> = parts.iter().map(|p| pixel_of(p, width)).collect();
    let mut rows: Vec<Vec<Shown>> = parts
        .iter()
        .map(|p| {
            p.rows
                .iter()
                .map(|r| match r.optional {
                    None => Shown::Lines,
                    Some(_) => Shown::Out,
                })
                .collect()
        })
        .collect();
    let row_h = |r: &Row, s: Shown| match s {
        Shown::Out => 0,
        Shown::Lines => r.lines.len(),
        Shown::Big => big::ROWS as usize,
    };
    let used = |rows: &Vec<Vec<Shown>>, gaps: &[bool]| -> usize {
        parts
            .iter()
            .zip(rows)
            .map(|(p, s)| {
                p.rows
                    .iter()
                    .zip(s)
                    .map(|(r, s)| row_h(r, *s))
                    .sum::<usize>()
            })
            .sum::<usize>()
            + gaps.iter().filter(|g| **g).count()
    };
    let h = height as usize;
    let mut gaps = vec![false; parts.len()];
    let mut gaps_done = false;
    for s in steps(parts, &pixel, width) {
        if !gaps_done && s.priority >= GAPS {
            let room = h.saturating_sub(used(&rows, &gaps));
            add_gaps(parts, &rows, &mut gaps, room);
            gaps_done = true;
        }
        let part = &parts[s.part];
        if part.in_order && !s.grow {
            let first = s.rows.first().copied().unwrap_or(0);
            let gap_above = (0..first)
                .any(|ri| part.rows[ri].optional.is_some() && rows[s.part][ri] == Shown::Out);
            if gap_above {
                continue;
            }
        }
        let (before, gaps_before) = (rows[s.part].clone(), gaps.clone());
        let big_already = part.uniform && rows[s.part].contains(&Shown::Big);
        for &ri in &s.rows {
            let shown = &mut rows[s.part][ri];
            *shown = match (s.grow, *shown) {
                (true, Shown::Lines) => Shown::Big,
                (false, Shown::Out) if big_already && part.rows[ri].big.is_some() => Shown::Big,
                (false, Shown::Out) => Shown::Lines,
                (_, other) => other,
            };
        }
        // A part that comes in after the blank rows were given out gets its own, with room.
        if gaps_done
            && !gaps[s.part]
            && wants_gap(parts, &rows, s.part)
            && !before.iter().any(|x| *x != Shown::Out)
        {
            gaps[s.part] = true;
            if used(&rows, &gaps) > h {
                gaps[s.part] = false;
            }
        }
        if used(&rows, &gaps) > h {
            rows[s.part] = before;
            gaps = gaps_before;
        }
    }
    if !gaps_done {
        let room = h.saturating_sub(used(&rows, &gaps));
        add_gaps(parts, &rows, &mut gaps, room);
    }
    // A list that came in part of the way comes in whole: what does not fit scrolls.
    for (p, shown) in parts.iter().zip(&mut rows) {
        if p.whole
            && shown
                .iter()
                .zip(&p.rows)
                .any(|(s, r)| r.optional.is_some() && *s != Shown::Out)
        {
            for s in shown.iter_mut().filter(|s| **s == Shown::Out) {
                *s = Shown::Lines;
            }
        }
    }
    let total = used(&rows, &gaps);
    Plan {
        rows,
        gaps,
        pixel,
        height: total.min(u16::MAX as usize) as u16,
    }
}

/// Rows going big or coming in below this priority come before the blank rows between parts;
/// those at or above it (the optional extras) only get the room the blank rows leave.
pub const GAPS: u16 = 30;

fn wants_gap(parts: &[Part], rows: &[Vec<Shown>], i: usize) -> bool {
    i > 0 && parts[i].gap && rows[i].iter().any(|s| *s != Shown::Out)
}

/// Blank rows above the parts that want one, top first, as far as `room` goes.
fn add_gaps(parts: &[Part], rows: &[Vec<Shown>], gaps: &mut [bool], mut room: usize) {
    for (i, gap) in gaps.iter_mut().enumerate() {
        if room > 0 && wants_gap(parts, rows, i) {
            *gap = true;
            room -= 1;
        }
    }
}

/// An ordinary line or a band of big text, as laid out by the plan.
enum Drawn<'a> {
    Line(&'a Line<'static>),
    Owned(Line<'static>),
    Big(&'a Line<'static>, PixelSize, Option<Style>),
    Blank,
}

/// What [`render`] laid out: how far the text scrolls, and where each row shown is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Laid {
    /// How far the text can scroll (0 when it fits).
    pub limit: u16,
    /// `(part, row)` and the cells the row takes on screen.
    pub rows: Vec<((usize, usize), Rect)>,
}

/// Draws the parts in `area`, scrolled to keep the selected row in view or else from line
/// `scroll`. Text that does not fit keeps its last row for a note of how much more there is, as
/// the other views do.
pub fn render(parts: &[Part], area: Rect, scroll: u16, theme: &Theme, buf: &mut Buffer) -> Laid {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return Laid::default();
    }
    let plan = plan(parts, area.width, area.height);
    let mut items: Vec<(Drawn, u16)> = Vec::new();
    let mut focus = None;
    // Per row shown: its (part, row) and its first and last item.
    let mut spans: Vec<((usize, usize), u16, u16)> = Vec::new();
    for (pi, part) in parts.iter().enumerate() {
        if plan.gaps[pi] {
            items.push((Drawn::Blank, 1));
        }
        for (ri, row) in part.rows.iter().enumerate() {
            let start: u16 = items.iter().map(|(_, h)| *h).sum();
            match (plan.rows[pi][ri], &row.big) {
                (Shown::Out, _) => continue,
                (Shown::Big, Some(b)) => {
                    items.push((Drawn::Big(b, plan.pixel[pi], row.selected), big::ROWS));
                }
                _ => match &row.over_big {
                    Some(labels)
                        if plan.rows[pi].get(ri + 1) == Some(&Shown::Big)
                            || (part.uniform && plan.rows[pi].contains(&Shown::Big)) =>
                    {
                        let line = label_line(labels, cells(plan.pixel[pi]));
                        items.push((Drawn::Owned(line), 1));
                        items.extend(row.lines.iter().skip(1).map(|_| (Drawn::Blank, 1)));
                    }
                    _ => items.extend(row.lines.iter().map(|l| (Drawn::Line(l), 1))),
                },
            }
            let end: u16 = items.iter().map(|(_, h)| *h).sum();
            spans.push(((pi, ri), start, end));
            if row.selected.is_some() {
                focus = Some((start, end));
            }
        }
    }
    let total: u16 = items.iter().map(|(_, h)| *h).sum();
    let rows = text_rows(total as usize, area.height) as u16;
    let limit = total.saturating_sub(rows);
    let scroll = match focus {
        Some((s, e)) => follow(s as usize, e as usize, rows as usize) as u16,
        None => scroll.min(limit),
    };
    let mut y: i32 = -(scroll as i32);
    for (item, h) in items {
        let top = y;
        y += h as i32;
        if top < 0 || top + h as i32 > rows as i32 {
            continue;
        }
        let band = Rect::new(area.x, area.y + top as u16, area.width, h);
        match item {
            Drawn::Blank => {}
            Drawn::Line(l) => draw_lines(buf, band, std::slice::from_ref(l), 0),
            Drawn::Owned(l) => draw_lines(buf, band, std::slice::from_ref(&l), 0),
            Drawn::Big(l, pixel, None) => big::render_line(l, pixel, band, buf),
            Drawn::Big(l, pixel, Some(s)) => {
                // The selection's colours over the whole band and every glyph, as for a selected
                // line of text (`draw::selected`).
                buf.set_style(band, s);
                let spans: Vec<Span> = l
                    .spans
                    .iter()
                    .map(|sp| Span::styled(sp.content.clone(), sp.style.patch(s)))
                    .collect();
                big::render_line(&Line::from(spans), pixel, band, buf);
            }
        }
    }
    if limit > 0 {
        more_marks(theme, area, scroll as usize, (limit - scroll) as usize, buf);
    }
    let rows_shown = spans
        .into_iter()
        .filter_map(|(at, s, e)| {
            let (s, e) = (s.checked_sub(scroll)?, e.checked_sub(scroll)?);
            (e <= rows && e > s).then(|| (at, Rect::new(area.x, area.y + s, area.width, e - s)))
        })
        .collect();
    Laid {
        limit,
        rows: rows_shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: &str, grow: u16) -> Row {
        Row::big(
            vec![Line::raw(s.to_string())],
            Some(Line::raw(s.to_string())),
            grow,
        )
    }

    #[test]
    fn rows_grow_in_priority_order_while_they_fit() {
        let parts = vec![
            Part::new(vec![row("one", 2), row("two", 3)]),
            Part::new(vec![row("three", 1)]),
        ];
        // Ordinary: 3 rows. 10 rows: "three" big (6 in all), then "one" big (9), then the gap.
        let p = plan(&parts, 80, 10);
        assert_eq!(p.rows[1], [Shown::Big]);
        assert_eq!(p.rows[0], [Shown::Big, Shown::Lines]);
        assert_eq!(p.height, 10);
        assert_eq!(p.gaps, [false, true]);
        // Too narrow for big text: ordinary lines only.
        let p = plan(&parts, 10, 40);
        assert!(p.rows.iter().flatten().all(|s| *s == Shown::Lines));
    }

    #[test]
    fn a_heading_moves_over_the_big_columns_when_the_row_below_goes_big() {
        let labels = vec![
            Label::left(0, 4, "Name", Style::default()),
            Label::right(5, 3, "pts", Style::default()),
        ];
        let heading = Row::text(vec![Line::raw("Name  pts")]).over_big(labels);
        let parts = vec![Part::tight(vec![heading, row("abcd 1.5", 1)])];
        let draw = |w: u16, h: u16| {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            render(&parts, buf.area, 0, &Theme::default(), &mut buf);
            let first: String = (0..w).map(|x| buf[(x, 0)].symbol().to_string()).collect();
            first.trim_end().to_string()
        };
        // Room for the big row (8 glyphs: half-height letters, 8 cells each): "pts" ends where
        // the 3-glyph number ends, at cell (5 + 3) × 8.
        assert_eq!(draw(80, 5), format!("Name{}pts", " ".repeat(64 - 4 - 3)));
        // No room: the ordinary heading over the ordinary row.
        assert_eq!(draw(80, 2), "Name  pts");
    }

    #[test]
    fn in_order_rows_never_skip_one() {
        let parts = vec![
            Part::new(vec![
                Row::text(vec![Line::raw("heading"), Line::raw("first")]).optional(1),
                Row::text(vec![Line::raw("second")]).optional(1),
            ])
            .in_order(),
        ];
        // One row of room: "second" alone would fit, but not without "first" above it.
        assert_eq!(plan(&parts, 80, 1).rows[0], [Shown::Out, Shown::Out]);
        assert_eq!(plan(&parts, 80, 2).rows[0], [Shown::Lines, Shown::Out]);
        assert_eq!(plan(&parts, 80, 3).rows[0], [Shown::Lines, Shown::Lines]);
    }

    /// The selected row may go big alone; the others only all together, never all but one.
    #[test]
    fn alike_rows_go_big_all_together_or_only_the_first_alone() {
        let parts = vec![Part::new(vec![row("sel", 5), row("b", 40), row("c", 40)]).alike()];
        let shown = |h| plan(&parts, 80, h).rows[0].clone();
        use Shown::{Big, Lines};
        assert_eq!(shown(3), [Lines, Lines, Lines]);
        assert_eq!(shown(6), [Big, Lines, Lines]);
        // Room for two big rows but not three: still only the selected one.
        assert_eq!(shown(10), [Big, Lines, Lines]);
        assert_eq!(shown(12), [Big, Big, Big]);
    }

    #[test]
    fn optional_rows_come_in_only_with_room() {
        let parts = vec![Part::new(vec![
            Row::text(vec![Line::raw("a")]),
            Row::text(vec![Line::raw("b")]).optional(1),
        ])];
        assert_eq!(plan(&parts, 80, 1).rows[0], [Shown::Lines, Shown::Out]);
        assert_eq!(plan(&parts, 80, 2).rows[0], [Shown::Lines, Shown::Lines]);
    }
}
