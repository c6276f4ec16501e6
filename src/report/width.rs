//! Display widths: how many terminal columns a string takes (CJK and most emoji take two, combining
//! marks none), padding to a column and cutting to one with an ellipsis. Padding is done by hand,
//! never with `format!("{:w$}")`, whose width is limited to 65,535.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Terminal columns taken by `s` (after [`crate::safe`], so no control characters).
pub fn width(s: &str) -> usize {
    // Printable ASCII is one column a byte: most of what is measured, and much cheaper than the
    // Unicode tables.
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.len();
    }
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `cols` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, cols: usize) -> Cow<'_, str> {
    if width(s) <= cols {
        return Cow::Borrowed(s);
    }
    if cols == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > cols - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

/// Where the spare columns go when a cell is padded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Appends `s` to `out`, padded with spaces to `cols` columns.
pub fn pad(out: &mut String, s: &str, cols: usize, align: Align) {
    let spare = cols.saturating_sub(width(s));
    if align == Align::Right {
        spaces(out, spare);
    }
    out.push_str(s);
    if align == Align::Left {
        spaces(out, spare);
    }
}

/// Appends `n` spaces, a run at a time rather than a character at a time (tables are mostly
/// padding).
pub fn spaces(out: &mut String, mut n: usize) {
    const RUN: &str = "                                                                ";
    out.reserve(n);
    while n > 0 {
        let k = n.min(RUN.len());
        out.push_str(&RUN[..k]);
        n -= k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("é"), 1);
        assert_eq!(width("e\u{301}"), 1, "a combining accent takes no column");
    }

    #[test]
    fn truncates_by_columns_with_an_ellipsis() {
        assert_eq!(truncate("abcdef", 6), "abcdef");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(
            width(&truncate("日本語テキスト", 6)),
            5,
            "a wide char never overflows"
        );
        assert_eq!(truncate("abc", 0), "");
        let long = "x".repeat(70_000);
        assert_eq!(width(&truncate(&long, 40)), 40);
    }

    #[test]
    fn pads_beyond_the_format_limit() {
        let mut s = String::new();
        pad(&mut s, "日本", 6, Align::Left);
        assert_eq!(s, "日本  ");
        s.clear();
        pad(&mut s, "1.0", 5, Align::Right);
        assert_eq!(s, "  1.0");
        s.clear();
        pad(&mut s, "a", 70_000, Align::Left);
        assert_eq!(s.len(), 70_000);
    }
}
