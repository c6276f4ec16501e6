//! Plain text for a terminal or a pipe: writes an [`Outline`]. Every value goes through
//! [`crate::safe::line`], and columns are measured in display columns, so names in any script line
//! up and a name of any length is cut with an ellipsis instead of breaking the table.

use super::outline::{
    Block, Callout, CalloutKind, Cell, Column, ColumnKind, Outline, Section, Span, Table, Text,
};
use super::width::{Align, pad, truncate, width};
use super::{bar, recommendation};
use crate::engine::Recommendation;
use crate::safe;

/// Cells of bar columns.
const BAR: usize = 10;
/// Widest a label column may get before its cells are cut.
const LABEL_MAX: usize = 36;

/// How much decoration the text may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decor {
    /// Bars, rules and markers (▶ ✗ !) for a terminal.
    Rich,
    /// Words only, for screen readers, dumb terminals and pipes (`--plain`).
    Plain,
}

pub fn render(rec: &Recommendation) -> String {
    render_with(rec, Decor::Rich)
}

pub fn render_with(rec: &Recommendation, decor: Decor) -> String {
    write(&recommendation::outline(rec, None), decor)
}

/// Writes any outline as text.
/// `o` without wrapping: every paragraph on one line (for pipes into other tools and the tests'
/// snapshots); [`write_at`] wraps for a reader.
pub fn write(o: &Outline, decor: Decor) -> String {
    write_at(o, decor, usize::MAX)
}

/// `o` for a terminal `cols` columns wide.
pub fn write_at(o: &Outline, decor: Decor, cols: usize) -> String {
    let mut w = Writer {
        // A recommendation of four packs is about 30 KB: grown from nothing, the text would be
        // copied four times on its way there.
        out: String::with_capacity(32 * 1024),
        decor,
        cols: cols.max(MIN_COLS),
    };
    let mut head: Vec<String> = Vec::new();
    if !o.title.is_empty() {
        head.push(safe::line(&o.title).into_owned());
    }
    head.extend(o.meta.iter().map(|m| safe::line(m).into_owned()));
    if !head.is_empty() {
        w.line(&head.join(" · "));
    }
    for b in &o.summary {
        w.block(b);
    }
    for s in &o.sections {
        w.section(s);
    }
    if !o.footer.is_empty() {
        w.out.push('\n');
        for t in &o.footer {
            let line = w.inline(t);
            w.wrapped("", "", &line);
        }
    }
    // A document that starts with a heading does not start with a blank line.
    let start = w.out.len() - w.out.trim_start_matches('\n').len();
    w.out.drain(..start);
    w.out
}

/// The narrowest text is wrapped to; a narrower terminal gets lines of this width.
const MIN_COLS: usize = 40;
/// The narrowest a table's prose column may get; narrower, the prose goes under its row.
const MIN_PROSE: usize = 36;

struct Writer {
    out: String,
    decor: Decor,
    /// Lines are wrapped to this many columns (`usize::MAX`: not wrapped).
    cols: usize,
}

impl Writer {
    fn rich(&self) -> bool {
        self.decor == Decor::Rich
    }

    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// `text` wrapped at spaces to the writer's width: the first line after `first`, the others
    /// after `rest` (a hanging indent). A word longer than a line stands alone on its line rather
    /// than being cut (it is most often a URL).
    fn wrapped(&mut self, first: &str, rest: &str, text: &str) {
        // Written straight into the output, line by line (no list of lines, no copies): this
        // is most of the text report's work.
        let room_rest = self.cols.saturating_sub(width(rest)).max(1);
        let mut room = self.cols.saturating_sub(width(first)).max(1);
        let mut start = self.out.len();
        self.out.push_str(first);
        let mut used = 0;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let w = width(word);
            if used > 0 && used + 1 + w > room {
                self.end_line(start);
                start = self.out.len();
                self.out.push_str(rest);
                (used, room) = (0, room_rest);
            }
            if used > 0 {
                self.out.push(' ');
                used += 1;
            }
            self.out.push_str(word);
            used += w;
        }
        self.end_line(start);
    }

    /// Ends the line that starts at byte `start` of the output, without trailing blanks.
    fn end_line(&mut self, start: usize) {
        let kept = self.out[start..].trim_end().len();
        self.out.truncate(start + kept);
        self.out.push('\n');
    }

    fn section(&mut self, s: &Section) {
        self.heading(2, &s.heading);
        for b in &s.blocks {
            self.block(b);
        }
    }

    fn heading(&mut self, level: u8, t: &Text) {
        self.out.push('\n');
        match (level, self.rich()) {
            (..=2, true) => {
                let text = self.inline(t);
                self.line(&format!("━━ {text} ━━"));
            }
            // Upper case before escaping, so an escape keeps its spelling (`\x1b`, not `\X1B`).
            (..=2, false) => {
                let upper = Text(t.0.iter().map(uppercase).collect());
                let text = self.inline(&upper);
                self.line(&text);
            }
            _ => {
                let text = self.inline(t);
                self.line(&format!("  {text}"));
            }
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(t) => {
                let text = self.inline(t);
                self.wrapped("  ", "  ", &text);
            }
            Block::Callout(c) => self.callout(c),
            Block::Table(t) => self.table(t),
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let text = self.inline(item);
                    let mark = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".into()
                    };
                    let first = format!("   {mark} ");
                    let rest = " ".repeat(width(&first));
                    self.wrapped(&first, &rest, &text);
                }
            }
            Block::Facts(facts) => {
                for (label, value) in facts {
                    let text = self.inline(value);
                    self.wrapped(&format!("  {}: ", safe::line(label)), "    ", &text);
                }
            }
        }
    }

    fn callout(&mut self, c: &Callout) {
        let title = c.title.as_ref().map(|t| self.inline(t)).unwrap_or_default();
        let body: Vec<String> = c.body.iter().map(|t| self.inline(t)).collect();
        let rich = self.rich();
        match c.kind {
            CalloutKind::Winner | CalloutKind::NoWinner => {
                let mark = match (c.kind, rich) {
                    (CalloutKind::Winner, true) => "▶ ",
                    (CalloutKind::Winner, false) => "Recommended: ",
                    (_, true) => "✗ ",
                    (_, false) => "",
                };
                self.wrapped(mark, "  ", &title);
                for b in body {
                    self.wrapped("  ", "  ", &b);
                }
            }
            CalloutKind::Caveat | CalloutKind::Warning => {
                let mark = match (c.kind, rich) {
                    (CalloutKind::Caveat, true) => "! ".to_string(),
                    (CalloutKind::Warning, true) => "⚠ ".to_string(),
                    (kind, _) => format!("{}: ", kind.label()),
                };
                let lead = if title.is_empty() {
                    String::new()
                } else {
                    format!("{title}: ")
                };
                let first = format!("  {mark}");
                let rest = " ".repeat(width(&first));
                self.wrapped(&first, &rest, &format!("{lead}{}", body.join(" ")));
            }
        }
    }

    fn table(&mut self, t: &Table) {
        // Bars are decoration: words-only text leaves them out.
        let shown: Vec<usize> = (0..t.columns.len())
            .filter(|&i| self.rich() || t.columns[i].kind != ColumnKind::Bar)
            .collect();
        let header: Vec<String> = shown
            .iter()
            .map(|&i| match t.columns[i].kind {
                ColumnKind::Bar => String::new(),
                _ => safe::line(&t.columns[i].header).into_owned(),
            })
            .collect();
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| {
                shown
                    .iter()
                    .map(|&i| match r.cells.get(i) {
                        Some(Cell::Text(x)) => self.inline(x),
                        Some(Cell::Bar(v)) => bar(*v, BAR).trim_end().to_string(),
                        None => String::new(),
                    })
                    .collect()
            })
            .collect();
        let columns: Vec<&Column> = shown.iter().map(|&i| &t.columns[i]).collect();
        let mut widths = column_widths(&columns, &header, &rows);
        // A number column may give up the width its header takes beyond its widest number (the
        // header is then cut with an ellipsis): a runner-up's long name never widens the page.
        let numbers: Vec<usize> = (0..columns.len())
            .map(|i| rows.iter().map(|r| width(&r[i])).max().unwrap_or(0).max(1))
            .collect();
        fit(&columns, &mut widths, &numbers, self.cols);
        let marked = t.rows.iter().any(|r| r.highlight);
        let mark = format!("{} ", super::outline::HIGHLIGHT);
        let head = format_row("  ", &columns, &widths, &header);
        self.table_line(&head, &columns, &widths);
        for (row, cells) in t.rows.iter().zip(&rows) {
            let gutter = if marked && row.highlight {
                mark.as_str()
            } else {
                "  "
            };
            let line = format_row(gutter, &columns, &widths, cells);
            self.table_line(&line, &columns, &widths);
        }
    }

    /// A table row; when it is wider than the page and ends in prose, the prose wraps under its
    /// own column, or, when that column would be narrower than [`MIN_PROSE`], on lines of its own
    /// under the row.
    fn table_line(&mut self, line: &str, columns: &[&Column], widths: &[usize]) {
        let last = columns.len().saturating_sub(1);
        let prose_at = 2 + widths[..last].iter().map(|w| w + 2).sum::<usize>();
        if width(line) <= self.cols
            || columns
                .get(last)
                .is_none_or(|c| c.kind != ColumnKind::Prose)
        {
            self.line(line);
            return;
        }
        // The prose starts after `prose_at` columns of the line.
        let mut head = String::with_capacity(prose_at + 8);
        let mut used = 0;
        let mut chars = line.chars();
        while used < prose_at {
            let Some(c) = chars.next() else { break };
            head.push(c);
            used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        if self.cols >= prose_at + MIN_PROSE {
            self.wrapped(&head, &" ".repeat(prose_at), chars.as_str());
        } else {
            self.line(head.trim_end());
            self.wrapped("      ", "      ", chars.as_str());
        }
    }

    /// One line of inline text, every value made safe for a terminal.
    fn inline(&self, t: &Text) -> String {
        // Sized once: grown push by push, a paragraph's text was copied five or six times.
        let mut out = String::with_capacity(inline_len(t));
        for span in &t.0 {
            match span {
                Span::Plain(s) | Span::Strong(s) | Span::Emphasis(s) => {
                    out.push_str(&safe::line(s));
                }
                Span::Status(s) => {
                    out.push_str("Status: ");
                    out.push_str(&safe::line(s));
                }
                Span::Source(s) => {
                    out.push_str(&safe::line(&s.title));
                    if let Some(at) = s.url.as_deref().or(s.citation.as_deref()) {
                        out.push_str(" — ");
                        out.push_str(&safe::line(at));
                    }
                    out.push_str(&format!(" (verified {})", safe::line(&s.verified)));
                }
            }
        }
        out
    }
}

/// About the length of `t` once written by [`Writer::inline`] (escapes may add a little).
fn inline_len(t: &Text) -> usize {
    t.0.iter()
        .map(|span| match span {
            Span::Plain(s) | Span::Strong(s) | Span::Emphasis(s) => s.len(),
            Span::Status(s) => s.len() + 8,
            Span::Source(s) => {
                s.title.len()
                    + s.url
                        .as_ref()
                        .or(s.citation.as_ref())
                        .map_or(0, String::len)
                    + 40
            }
        })
        .sum()
}

/// A span in upper case (a plain-mode section heading).
fn uppercase(span: &Span) -> Span {
    match span {
        Span::Plain(s) => Span::Plain(s.to_uppercase()),
        Span::Strong(s) => Span::Strong(s.to_uppercase()),
        Span::Emphasis(s) => Span::Emphasis(s.to_uppercase()),
        other => other.clone(),
    }
}

/// Each column as wide as its widest cell or header, label columns at most `LABEL_MAX`; the last
/// column, when it holds prose, is not padded at all.
fn column_widths(columns: &[&Column], header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    (0..columns.len())
        .map(|i| {
            let widest = rows
                .iter()
                .map(|r| width(&r[i]))
                .chain(std::iter::once(width(&header[i])))
                .max()
                .unwrap_or(0);
            match columns[i].kind {
                ColumnKind::Label | ColumnKind::Number => widest.min(LABEL_MAX),
                ColumnKind::Bar => widest.max(BAR),
                ColumnKind::Prose => widest,
            }
        })
        .collect()
}

/// Narrows the label columns, widest first, until the columns before a last prose column (which
/// wraps) fit in `cols`; then the number columns down to their widest cell (`numbers`), cutting
/// their headers. When none can give more, the table is left wide: a pipe or a pager handles it.
fn fit(columns: &[&Column], widths: &mut [usize], numbers: &[usize], cols: usize) {
    const MIN_LABEL: usize = 12;
    let n = widths.len();
    let upto = if columns.last().is_some_and(|c| c.kind == ColumnKind::Prose) {
        n - 1
    } else {
        n
    };
    while 2 + widths[..upto].iter().sum::<usize>() + 2 * upto.saturating_sub(1) > cols {
        let label = (0..upto)
            .filter(|&i| columns[i].kind == ColumnKind::Label && widths[i] > MIN_LABEL)
            .max_by_key(|&i| widths[i]);
        let number = || {
            (0..upto)
                .filter(|&i| columns[i].kind == ColumnKind::Number && widths[i] > numbers[i])
                .max_by_key(|&i| widths[i] - numbers[i])
        };
        let Some(i) = label.or_else(number) else {
            return;
        };
        widths[i] -= 1;
    }
}

/// A table row after `gutter`, its cells padded or cut to `widths`, without trailing blanks.
fn format_row(gutter: &str, columns: &[&Column], widths: &[usize], cells: &[String]) -> String {
    let room = gutter.len() + widths.iter().map(|w| w + 2).sum::<usize>();
    let prose = cells.last().map_or(0, String::len);
    let mut line = String::with_capacity(room + prose);
    line.push_str(gutter);
    let last = columns.len().saturating_sub(1);
    for (i, (col, cell)) in columns.iter().zip(cells).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        let (cut, align) = match col.kind {
            ColumnKind::Number => (truncate(cell, widths[i]), Align::Right),
            ColumnKind::Label => (truncate(cell, widths[i]), Align::Left),
            ColumnKind::Bar | ColumnKind::Prose => (cell.as_str().into(), Align::Left),
        };
        if i == last && align == Align::Left {
            line.push_str(&cut);
        } else {
            pad(&mut line, &cut, widths[i], align);
        }
    }
    // Trailing blanks go, the gutter's stay (an empty row is still a row).
    line.truncate(gutter.len() + line[gutter.len()..].trim_end().len());
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::outline::Section;

    #[test]
    fn plain_headings_are_upper_case_and_their_escapes_are_not() {
        let o = Outline {
            sections: vec![Section {
                heading: Text::plain("Pack \x1b]0;t\x07"),
                blocks: Vec::new(),
            }],
            ..Outline::default()
        };
        assert_eq!(write(&o, Decor::Plain), "PACK \\x1b]0;T\\x07\n");
        assert_eq!(write(&o, Decor::Rich), "━━ Pack \\x1b]0;t\\x07 ━━\n");
    }

    /// `text` wrapped by a writer `cols` wide after `first` and `rest`.
    fn wrap(cols: usize, first: &str, rest: &str, text: &str) -> String {
        let mut w = Writer {
            out: "above\n".into(),
            decor: Decor::Rich,
            cols,
        };
        w.wrapped(first, rest, text);
        w.out
    }

    #[test]
    fn prose_wraps_at_spaces_with_hanging_indents() {
        assert_eq!(
            wrap(8, "> ", "    ", "a bb ccc dddd"),
            "above\n> a bb\n    ccc\n    dddd\n"
        );
        // A word longer than a line stands alone on its line, uncut (a URL).
        assert_eq!(
            wrap(4, "", "", "averylongword x"),
            "above\naverylongword\nx\n"
        );
        // Nothing to say leaves an empty line, without the indent's blanks and without eating
        // the line above.
        assert_eq!(wrap(10, "  ", "  ", ""), "above\n\n");
        assert_eq!(wrap(10, "  - ", "    ", "  "), "above\n  -\n");
        // Columns are display columns: a CJK character takes two.
        assert_eq!(wrap(5, "", "", "日本 語"), "above\n日本\n語\n");
    }
}
