//! The drawing helpers every view shares: the frame around a screen (`Chrome`), panels and popups,
//! wrapped and scrolled text with its "more below" marks, and the hint bar. No state here: they take
//! a theme and what to draw.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::tui::app::{MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH};
use crate::tui::keys;
use crate::tui::text;
use crate::tui::theme::Theme;

/// The frame around every screen: a title row, the body and the key-hint row.
#[derive(Debug, Clone, Copy)]
pub struct Chrome {
    pub header: Rect,
    pub body: Rect,
    /// The demo's caption bar, between the body and the footer (empty without a demo).
    pub caption: Rect,
    pub footer: Rect,
}

/// The content: the whole screen up to `MAX_WIDTH` × `MAX_HEIGHT`, centred beyond it.
pub fn chrome(area: Rect) -> Chrome {
    chrome_within(area, MAX_WIDTH, MAX_HEIGHT)
}

/// The projector view takes the whole screen up to this size (a 1920×1080 screen at a small font):
/// on a wall, bigger letters matter more than short lines.
pub const PROJECTOR_MAX: (u16, u16) = (240, 67);

pub(super) fn chrome_within(area: Rect, max_w: u16, max_h: u16) -> Chrome {
    let content = area
        .centered_horizontally(Constraint::Max(max_w))
        .centered_vertically(Constraint::Max(max_h));
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(content);
    Chrome {
        header,
        body,
        caption: Rect {
            height: 0,
            ..footer
        },
        footer,
    }
}

/// Shown instead of any screen below the minimum size, at any size down to 1×1.
pub fn too_small(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let w = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for l in text::wrap(
        &format!(
            "terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
            area.width, area.height
        ),
        w,
    ) {
        lines.push(Line::styled(l, theme.error));
    }
    for l in text::wrap("Enlarge the window, or press q to quit.", w) {
        lines.push(Line::styled(l, theme.muted));
    }
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate().take(area.height as usize) {
        let lw = line.width() as u16;
        let x = area.x + area.width.saturating_sub(lw) / 2;
        buf.set_line(x, area.y + top + i as u16, line, area.width);
    }
}

/// The hint bar: ` key word  key word …`; pinned hints (help, quit) always stay, the others fill
/// what room is left, in order.
pub fn hint_bar(hints: &[keys::Hint], t: &Theme, area: Rect, buf: &mut Buffer) {
    let width = |i: usize, h: &keys::Hint| {
        let gap = if i + 1 < hints.len() { 2 } else { 0 };
        text::width(&h.keys) + 1 + text::width(h.word) + gap
    };
    let reserved: usize = hints
        .iter()
        .enumerate()
        .filter(|(_, h)| h.pinned)
        .map(|(i, h)| width(i, h))
        .sum();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1usize;
    for (i, h) in hints.iter().enumerate() {
        let w = width(i, h);
        let budget = if h.pinned {
            area.width as usize
        } else {
            (area.width as usize).saturating_sub(reserved)
        };
        if used + w > budget {
            continue;
        }
        used += w;
        spans.push(Span::styled(h.keys.clone(), t.key));
        spans.push(Span::styled(format!(" {}", h.word), t.hint));
        if i + 1 < hints.len() {
            spans.push(Span::raw("  "));
        }
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// `line` with every span passed through the sanitiser (see `text::clean`): the last guard before
/// the buffer, for spans built straight from data. Borrows when nothing needs escaping.
pub fn safe_line<'a>(line: &'a Line<'a>) -> std::borrow::Cow<'a, Line<'a>> {
    use std::borrow::Cow;
    if line
        .spans
        .iter()
        .all(|s| matches!(text::clean(&s.content), Cow::Borrowed(_)))
    {
        return Cow::Borrowed(line);
    }
    let spans: Vec<Span> = line
        .spans
        .iter()
        .map(|s| Span::styled(text::clean(&s.content).into_owned(), s.style))
        .collect();
    Cow::Owned(Line {
        spans,
        style: line.style,
        alignment: line.alignment,
    })
}

/// Draws one line at `(x, y)`, at most `width` cells, through the sanitiser.
pub fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line, width: u16) {
    buf.set_line(x, y, &safe_line(line), width);
}

/// Draws `lines` into `area` from line `scroll` on; a line's own style fills its whole row.
pub fn draw_lines(buf: &mut Buffer, area: Rect, lines: &[Line], scroll: usize) {
    let area = area.intersection(buf.area);
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + i as u16;
        if line.style != Style::default() {
            buf.set_style(Rect::new(area.x, y, area.width, 1), line.style);
        }
        set_line(buf, area.x, y, line, area.width);
    }
}

/// A bordered panel; returns the area inside the border, with one column of padding each side.
pub fn panel(theme: &Theme, title: Line, area: Rect, buf: &mut Buffer) -> Rect {
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(safe_line(&title).into_owned());
    let inner = block.inner(area);
    block.render(area, buf);
    Rect {
        x: inner.x.saturating_add(1).min(inner.right()),
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// A popup centred in `area`: cleared, bordered, with the popup background. Returns its inner area.
pub fn popup(theme: &Theme, title: Line, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    buf.set_style(area, theme.popup);
    panel(theme, title, area, buf)
}

/// The area of a popup `width` × `height` (at most the body less a margin), centred in the body. A
/// popup nearly as wide as the body takes all of it rather than leave slivers of the screen beside it.
pub fn popup_area(body: Rect, width: u16, height: u16) -> Rect {
    let mut w = width.min(body.width.saturating_sub(4));
    if body.width.saturating_sub(w) < 12 {
        w = body.width;
    }
    let h = height.min(body.height);
    Rect::new(
        body.x + (body.width.saturating_sub(w)) / 2,
        body.y + (body.height.saturating_sub(h)) / 2,
        w,
        h,
    )
}

/// An exclusion's reason and the answer that caused it, indented by `indent`.
pub fn exclusion_lines(
    theme: &Theme,
    e: &crate::engine::Exclusion,
    width: usize,
    indent: &str,
) -> Vec<Line<'static>> {
    let mut out = wrapped(&e.reason, width, indent, indent, theme.text);
    if !e.because.is_empty() {
        out.extend(wrapped(
            &format!(
                "because you answered {}",
                crate::report::because_text(&e.because)
            ),
            width,
            indent,
            indent,
            theme.muted,
        ));
    }
    out
}

/// A selected row: the selection's colours over every span (their bold, underline and marks stay),
/// across the whole row. A span keeps no colour of its own there: a green "your answer" or a yellow
/// "changed" on the selection's background would be unreadable, and the row says what it is in
/// words and marks (●, *, ✓), not in colour.
pub fn selected(line: Line<'static>, theme: &Theme) -> Line<'static> {
    let spans = line
        .spans
        .into_iter()
        .map(|s| {
            let style = s.style.patch(theme.selection);
            Span::styled(s.content, style)
        })
        .collect::<Vec<_>>();
    Line::from(spans).style(theme.selection)
}

/// A link drawn on screen: `width` cells of line `line` from column `col` open `url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub line: usize,
    pub col: u16,
    pub width: u16,
    pub url: String,
}

/// A source's URL on a line of its own, never broken across lines and never cut: whole after
/// `indent` when it fits there, else whole from the left edge; only a URL wider than the whole
/// line is shown as its start and end around "…", and that one is still a link to the whole URL
/// (OSC 8) when the terminal has links. The link is recorded in `links` as line `at`.
pub fn url_line(
    t: &Theme,
    url: &str,
    width: usize,
    indent: &str,
    at: usize,
    links: &mut Vec<Link>,
) -> Line<'static> {
    let url = text::clean(url).into_owned();
    let w = text::width(&url);
    let (pad, shown) = if text::width(indent) + w <= width {
        (indent.to_string(), url.clone())
    } else if w <= width {
        (String::new(), url.clone())
    } else {
        (String::new(), elide_url(&url, width))
    };
    links.push(Link {
        line: at,
        col: text::width(&pad) as u16,
        width: text::width(&shown) as u16,
        url,
    });
    Line::from(vec![Span::raw(pad), Span::styled(shown, t.accent)])
}

/// A URL too long for `width`: its scheme and host, "…", and as much of its end as fits. The host
/// is never cut (the path is): a host cut short could read as another site
/// (`https://docs.aws.amazon.com.evil.example/` is not AWS). A host wider than the whole line is
/// shown by its end, where the domain that owns it is, after "…".
fn elide_url(url: &str, width: usize) -> String {
    let host_start = url.find("://").map_or(0, |i| i + 3);
    let host_end = url[host_start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |j| host_start + j);
    // The host with the slash after it: `https://docs.aws.amazon.com/…`.
    let head_end = host_end + usize::from(url[host_end..].starts_with('/'));
    let head = &url[..head_end];
    let head_w = text::width(head);
    let room = width.saturating_sub(head_w + 1);
    if room >= 8 {
        return format!("{head}…{}", end_within(&url[head_end..], room));
    }
    if head_w < width {
        return format!("{head}…");
    }
    format!(
        "…{}",
        end_within(&url[host_start..host_end], width.saturating_sub(1))
    )
}

/// The longest end of `s` at most `cols` columns wide.
fn end_within(s: &str, cols: usize) -> &str {
    let mut used = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        used += text::width(c.encode_utf8(&mut [0; 4]));
        if used > cols {
            break;
        }
        start = i;
    }
    &s[start..]
}

/// Turns the cells of `row` (one line) into a hyperlink to `url` with OSC 8: the opening sequence
/// rides on the first cell's symbol and the closing one on the last cell's, each forced to one
/// column so the buffer's diff still counts cells right (ratatui's `CellDiffOption::ForcedWidth`).
/// Only URLs of printable ASCII are linked: nothing in one can end the sequence early.
pub fn hyperlink(buf: &mut Buffer, row: Rect, url: &str) {
    use ratatui::buffer::CellDiffOption;
    let row = row.intersection(buf.area);
    if row.is_empty() || !url.bytes().all(|b| (0x21..0x7f).contains(&b)) {
        return;
    }
    let one = CellDiffOption::ForcedWidth(std::num::NonZeroU16::MIN);
    let (first, last) = (row.x, row.right() - 1);
    let open = format!("\x1b]8;;{url}\x1b\\{}", buf[(first, row.y)].symbol());
    buf[(first, row.y)].set_symbol(&open).set_diff_option(one);
    let close = format!("{}\x1b]8;;\x1b\\", buf[(last, row.y)].symbol());
    buf[(last, row.y)].set_symbol(&close).set_diff_option(one);
}

/// Draws the links of text drawn in `area` from line `scroll` on.
pub fn draw_links(buf: &mut Buffer, area: Rect, links: &[Link], scroll: usize) {
    for l in links {
        let Some(row) = l.line.checked_sub(scroll) else {
            continue;
        };
        if row >= area.height as usize || l.width == 0 {
            continue;
        }
        let r = Rect::new(area.x + l.col, area.y + row as u16, l.width, 1);
        hyperlink(buf, r.intersection(area), &l.url);
    }
}

/// A heading line.
pub fn heading(theme: &Theme, s: impl Into<String>) -> Line<'static> {
    Line::styled(s.into(), theme.heading)
}

/// `s` wrapped to `width`, each line prefixed by `indent` (the first by `first`), in `style`.
pub fn wrapped(
    s: &str,
    width: usize,
    first: &str,
    indent: &str,
    style: Style,
) -> Vec<Line<'static>> {
    let w = width.saturating_sub(text::width(first).max(text::width(indent)));
    text::wrap(s, w)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let p = if i == 0 { first } else { indent };
            Line::from(vec![Span::raw(p.to_string()), Span::styled(l, style)])
        })
        .collect()
}

/// An offset that keeps lines `start..end` visible in `height` rows, preferring the top.
pub fn follow(start: usize, end: usize, height: usize) -> usize {
    if end <= height {
        0
    } else {
        end.saturating_sub(height).min(start)
    }
}

/// Rows for text in a borderless scrolled area: all of them when the text fits, else all but the
/// last, which then says how much more there is.
pub fn text_rows(total: usize, height: u16) -> usize {
    let h = height as usize;
    if total > h { h.saturating_sub(1) } else { h }
}

/// The keys that scroll most texts, for the "more below" note.
pub const SCROLL_KEYS: (&str, &str) = ("↓ PgDn", "↑ PgUp");

fn more_text(above: usize, below: usize) -> String {
    more_text_keys(above, below, SCROLL_KEYS)
}

/// The note with the keys that scroll this text: (down, up).
fn more_text_keys(above: usize, below: usize, (down, up): (&str, &str)) -> String {
    match (above, below) {
        (0, b) => format!(" ▼ {b} more below: {down} "),
        (a, 0) => format!(" ▲ {a} more above: {up} "),
        (a, b) => format!(" ▲ {a} above · ▼ {b} below "),
    }
}

/// Draws `lines` from `scroll` in a borderless area; when they do not fit, the last row tells how
/// many lines are above and below. Returns the scroll offset used (clamped).
pub fn draw_scrolled(
    t: &Theme,
    area: Rect,
    lines: &[Line],
    scroll: usize,
    buf: &mut Buffer,
) -> usize {
    let rows = text_rows(lines.len(), area.height);
    let limit = lines.len().saturating_sub(rows);
    let scroll = scroll.min(limit);
    draw_lines(
        buf,
        Rect {
            height: rows as u16,
            ..area
        },
        lines,
        scroll,
    );
    if limit > 0 && (rows as u16) < area.height {
        more_marks(t, area, scroll, limit - scroll, buf);
    }
    scroll
}

/// On the last row of `area`: how many lines are above and below what is shown.
pub fn more_marks(t: &Theme, area: Rect, above: usize, below: usize, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let s = more_text(above, below);
    let w = (text::width(&s) as u16).min(area.width);
    buf.set_stringn(area.right() - w, area.bottom() - 1, s, w as usize, t.key);
}

/// A popup's scrolling text: `lines` in `inner` from `scroll` (clamped), their source links as
/// hyperlinks when the terminal takes them, and the "more below" note on the bottom border of
/// `outer`. Returns the scroll limit, which the loop feeds back to `update`.
pub fn popup_text(
    t: &Theme,
    hyperlinks: bool,
    (outer, inner): (Rect, Rect),
    (lines, links): (&[Line], &[Link]),
    scroll: u16,
    buf: &mut Buffer,
) -> u16 {
    let limit = lines.len().saturating_sub(inner.height as usize);
    let scroll = (scroll as usize).min(limit);
    draw_lines(buf, inner, lines, scroll);
    if hyperlinks {
        draw_links(buf, inner, links, scroll);
    }
    border_marks(
        t,
        outer,
        (lines.len(), inner.height as usize, scroll),
        SCROLL_KEYS,
        buf,
    );
    limit as u16
}

/// The same note on the bottom border of a popup (`outer`), for a text of `total` lines shown
/// `rows` at a time from `scroll`, naming the keys that scroll it.
pub fn border_marks(
    t: &Theme,
    outer: Rect,
    (total, rows, scroll): (usize, usize, usize),
    keys: (&str, &str),
    buf: &mut Buffer,
) {
    let limit = total.saturating_sub(rows);
    if limit == 0 || outer.height < 2 || outer.width < 6 {
        return;
    }
    let scroll = scroll.min(limit);
    let s = more_text_keys(scroll, limit - scroll, keys);
    let w = (text::width(&s) as u16).min(outer.width - 4);
    buf.set_stringn(
        outer.right() - 2 - w,
        outer.bottom() - 1,
        s,
        w as usize,
        t.key,
    );
}

#[cfg(test)]
mod tests {
    use super::elide_url;

    /// The path gives way, never the host: a host cut short could be read as another site.
    #[test]
    fn a_long_url_keeps_its_whole_host() {
        let url = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-mode.html";
        let shown = elide_url(url, 50);
        assert!(
            shown.starts_with("https://docs.aws.amazon.com/…"),
            "{shown}"
        );
        assert!(shown.ends_with("express-mode.html"), "{shown}");
        let spoof = format!(
            "https://docs.aws.amazon.com.{}.evil.example/x",
            "a".repeat(40)
        );
        let shown = elide_url(&spoof, 60);
        assert!(shown.contains(".evil.example"), "{shown}");
        assert!(
            !shown.starts_with("https://docs.aws.amazon.com…"),
            "{shown}"
        );
        let shown = elide_url(&spoof, 30);
        assert!(
            shown.starts_with('…') && shown.ends_with("a.evil.example"),
            "{shown}"
        );
        assert!(super::text::width(&shown) <= 30, "{shown}");
    }
}
