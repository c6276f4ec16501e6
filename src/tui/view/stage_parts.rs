//! What a projector screen is made of, before `stage` plans and draws it: parts, their rows
//! (ordinary lines, and maybe the same content as one line of big text), the column headings over
//! big rows, and the helpers that make paragraphs and big lines.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::big;

/// One row of a part: ordinary lines, and maybe the same content as one line of big text.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// The row as ordinary text (it may take several lines once wrapped).
    pub lines: Vec<Line<'static>>,
    /// The row as one line of big text (only characters the big font has; see `big::glyphs`).
    pub big: Option<Line<'static>>,
    /// When it goes big: lower first.
    pub grow: u16,
    /// `Some(p)`: the row is left out unless there is room when priority `p` comes.
    pub optional: Option<u16>,
    /// The selected row: its whole band takes the selection style when big.
    pub selected: Option<Style>,
    /// A table's heading: drawn instead of `lines` (on its first line) when the row below it goes
    /// big (in a uniform part, when its rows do), with each label over its column of big letters,
    /// so that no heading names a column of the ordinary table the big rows do not have.
    pub over_big: Option<Vec<Label>>,
}

/// A column heading over big rows: the column's first glyph and its width in glyphs (letters of
/// the big font, 4 or 8 cells each); a number's heading ends where the number ends.
#[derive(Debug, Clone)]
pub struct Label {
    pub at: usize,
    pub glyphs: usize,
    pub text: String,
    pub style: Style,
    pub right: bool,
}

impl Label {
    /// A heading over the start of a column (names).
    pub fn left(at: usize, glyphs: usize, text: impl Into<String>, style: Style) -> Label {
        Label {
            at,
            glyphs,
            text: text.into(),
            style,
            right: false,
        }
    }

    /// A heading over the end of a column (numbers).
    pub fn right(at: usize, glyphs: usize, text: impl Into<String>, style: Style) -> Label {
        Label {
            right: true,
            ..Label::left(at, glyphs, text, style)
        }
    }
}

impl Row {
    /// A row that is ordinary text only, always shown.
    pub fn text(lines: Vec<Line<'static>>) -> Row {
        Row {
            lines,
            grow: u16::MAX,
            ..Row::default()
        }
    }

    /// A row with a big form, going big at priority `grow`.
    pub fn big(lines: Vec<Line<'static>>, big: Option<Line<'static>>, grow: u16) -> Row {
        Row {
            lines,
            big,
            grow,
            ..Row::default()
        }
    }

    /// The same row, left out unless there is room at priority `p`.
    pub fn optional(mut self, p: u16) -> Row {
        self.optional = Some(p);
        self
    }

    pub fn selected(mut self, style: Option<Style>) -> Row {
        self.selected = style;
        self
    }

    /// The same row, a table heading whose labels move over the big rows' columns when the row
    /// below it goes big.
    pub fn over_big(mut self, labels: Vec<Label>) -> Row {
        self.over_big = Some(labels);
        self
    }
}

/// A part of a screen: rows, with a blank row above when there is room for it.
#[derive(Debug, Clone, Default)]
pub struct Part {
    pub rows: Vec<Row>,
    pub gap: bool,
    /// All its rows go big together or none does (the choices of a question), and its optional
    /// rows of one priority come in together (a heading and its paragraph).
    pub uniform: bool,
    /// Its optional rows come in top first, each only after the one above it: a list shows its
    /// beginning, never a line from its middle alone.
    pub in_order: bool,
    /// Once one of its optional rows is in, all are: the text scrolls (with its "more below"
    /// mark) rather than stop mid-list with nothing to say so. For views that scroll.
    pub whole: bool,
    /// Its rows go big together, all the same size, at the priority of the last of them; a row
    /// that grows before that (the selected one) may go big first on its own: rows below the
    /// part's greatest `grow` alone, then all of them, never all but one.
    pub alike: bool,
}

impl Part {
    pub fn new(rows: Vec<Row>) -> Part {
        Part {
            rows,
            gap: true,
            uniform: false,
            in_order: false,
            whole: false,
            alike: false,
        }
    }

    /// The same part, whose rows go big all together, or only the one that grows first alone
    /// (see [`Part::alike`]).
    pub fn alike(mut self) -> Part {
        self.alike = true;
        self
    }

    /// The same part, all of whose optional rows come in once one does (see [`Part::whole`]).
    pub fn whole(mut self) -> Part {
        self.whole = true;
        self
    }

    /// A part that follows the one above without a blank row.
    pub fn tight(rows: Vec<Row>) -> Part {
        Part {
            gap: false,
            ..Part::new(rows)
        }
    }

    /// The same part, whose optional rows come in top first, none after one left out.
    pub fn in_order(mut self) -> Part {
        self.in_order = true;
        self
    }

    /// The same part, without a blank row above.
    pub fn no_gap(mut self) -> Part {
        self.gap = false;
        self
    }

    /// The same part, whose rows go big together or not at all.
    pub fn uniform(mut self) -> Part {
        self.uniform = true;
        self
    }

    /// The same part, every row of it left out unless there is room at priority `p`.
    pub fn optional(mut self, p: u16) -> Part {
        for r in &mut self.rows {
            r.optional = Some(p);
        }
        self
    }
}

/// A paragraph as a part: ordinary wrapped lines, or, all together, big lines of quadrant letters
/// wrapped to a quarter of the width (when the text is in the big font's characters).
pub fn paragraph(text: &str, style: Style, width: u16, grow: u16) -> Part {
    paragraph_in(text, style, width, grow, 4)
}

/// [`paragraph`] with letters `cells` wide: 8 wraps for half-height letters (square, twice as big
/// and twice as many lines), 4 for quadrant ones.
pub fn paragraph_in(text: &str, style: Style, width: u16, grow: u16, cells: u16) -> Part {
    let lines: Vec<Line<'static>> = crate::tui::text::wrap(text, width as usize)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    let big: Vec<String> = crate::tui::text::wrap(text, (width / cells.max(1)).max(1) as usize);
    let mut rows: Vec<Row> = big
        .into_iter()
        .map(|b| Row::big(Vec::new(), big_line(vec![(b, style)]), grow))
        .collect();
    match rows.first_mut() {
        Some(first) => first.lines = lines,
        None => rows.push(Row::text(lines)),
    }
    // A row the font cannot draw keeps the whole paragraph ordinary.
    if rows.iter().any(|r| r.big.is_none()) {
        for r in &mut rows {
            r.big = None;
        }
    }
    Part::tight(rows).uniform()
}

/// A big line's text from styled pieces, each mapped to characters the big font has; `None` when
/// one cannot be (a name in a script the font lacks): the row then stays ordinary text.
pub fn big_line(pieces: Vec<(String, Style)>) -> Option<Line<'static>> {
    let mut spans = Vec::new();
    for (s, style) in pieces {
        spans.push(Span::styled(big::glyphs(&s)?, style));
    }
    Some(Line::from(spans))
}
