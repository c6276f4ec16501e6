//! Diagnostics that point into a file: `file:line:col: message`.
//!
//! Every error a user can cause in a data, answers or script file becomes one of these, so the
//! message always names the place to fix and what would be right there.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line; 0 for a problem with the file as a whole (it cannot be read, or is missing).
    pub line: usize,
    /// 1-based column, in characters (0 with line 0).
    pub col: usize,
    pub message: String,
}

impl Diagnostic {
    /// A problem with a file as a whole, which has no line to point at.
    pub fn whole_file(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line: 0,
            col: 0,
            message: message.into(),
        }
    }
}

/// One line per problem: a value quoted in the message that holds a newline (or any control
/// character) is shown escaped, never split over lines.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = crate::safe::line(&self.message);
        let file = crate::safe::line(&self.file);
        if self.line == 0 {
            write!(f, "{file}: {message}")
        } else {
            write!(f, "{file}:{}:{}: {message}", self.line, self.col)
        }
    }
}

/// Line starts of a text, to turn many byte offsets into lines and columns without rescanning the
/// text for each (a file with a million problems is located in one pass).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.boundary(offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }

    /// [`LineIndex::line_col`] of many offsets, in their order. The columns are counted from the
    /// previous offset when it is on the same line, so a thousand problems on one long line (a
    /// TOML array written on one line) cost one pass over it, not a thousand.
    pub fn line_cols(&self, offsets: &[usize]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![(0, 0); offsets.len()];
        // (line, byte offset, its column) of the offset located last.
        let mut last: Option<(usize, usize, usize)> = None;
        for i in order {
            let offset = self.boundary(offsets[i]);
            let line = self.starts.partition_point(|&s| s <= offset);
            let col = match last {
                Some((l, at, col)) if l == line => col + self.text[at..offset].chars().count(),
                _ => self.text[self.starts[line - 1]..offset].chars().count() + 1,
            };
            last = Some((line, offset, col));
            out[i] = (line, col);
        }
        out
    }

    /// `offset` clamped to the text and moved back to a character boundary.
    fn boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

impl std::error::Error for Diagnostic {}

/// A file's name and text, which turns byte spans into line and column.
#[derive(Debug, Clone, Copy)]
pub struct SourceText<'a> {
    pub name: &'a str,
    pub text: &'a str,
    /// Where `text` starts in the file: 0 for a whole file, more for a part of it parsed on its
    /// own (a pack's `[[alternative]]` tables, see `load`). The checker adds it to every offset.
    pub base: usize,
}

impl<'a> SourceText<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        SourceText {
            name,
            text,
            base: 0,
        }
    }

    /// The part `range` of this text, parsed on its own; problems in it are still placed in the
    /// whole file.
    pub fn part(&self, range: Range<usize>) -> SourceText<'a> {
        SourceText {
            name: self.name,
            text: &self.text[range.clone()],
            base: self.base + range.start,
        }
    }

    /// 1-based line and character column of a byte offset (clamped to the text; for a whole file,
    /// `base` 0). Scans the text up to the offset: for many offsets into one text, use
    /// [`LineIndex`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    pub fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, col) = self.line_col(span.start);
        Diagnostic {
            file: self.name.to_string(),
            line,
            col,
            message: message.into(),
        }
    }

    /// A TOML syntax or type error, with the parser's message and its place.
    pub fn toml_error(&self, err: &toml::de::Error) -> Diagnostic {
        let span = err.span().unwrap_or(0..0);
        let message = crate::suggest::serde_message(&err.message().trim().replace('\n', " "));
        self.at(span, message)
    }
}

/// Several diagnostics, printed one per line, sorted by place.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn sorted(mut self) -> Self {
        self.0.sort();
        self.0.dedup();
        self
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// Read as a slice: `d.iter()`, `d[0]`, `d.first()`.
impl std::ops::Deref for Diagnostics {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.0
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, items: I) {
        self.0.extend(items);
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let src = SourceText::new("f.toml", "a = 1\nbé = 2\n");
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(6), (2, 1));
        // "é" is two bytes but one column.
        assert_eq!(src.line_col(9), (2, 3));
        assert_eq!(src.line_col(999), (3, 1));
    }

    #[test]
    fn many_offsets_agree_with_one_at_a_time() {
        let text = "a = 1\nbé = [\"x\", \"é\", \"y\"]\n\nz";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..text.len() + 3).rev().collect();
        let many = index.line_cols(&offsets);
        for (o, got) in offsets.iter().zip(many) {
            assert_eq!(got, index.line_col(*o), "offset {o}");
        }
    }
}
