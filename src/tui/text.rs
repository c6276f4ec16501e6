//! Text layout helpers in terminal cells: display width, word wrapping, fitting into columns.
//!
//! The views wrap text themselves (instead of `Paragraph::wrap`) so that they know how many lines a
//! panel has: a frame reports how far it scrolls, and keeps the selected row in view.
//!
//! Every helper takes text as it came from a data pack, an answers file or a demo script and first
//! passes it through the one sanitiser, [`crate::safe`]: control characters, escape sequences and
//! bidi overrides are shown escaped (`\x1b`), never interpreted, and widths are measured on what
//! will be drawn, in display columns (unicode-width: a CJK character or an emoji takes two).

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

/// `s` as it may reach the terminal: see [`crate::safe::line`]. Borrowed when nothing needs escaping.
pub fn clean(s: &str) -> Cow<'_, str> {
    crate::safe::line(s)
}

/// Display width in terminal cells of `s` as it is drawn (escaped where it must be).
pub fn width(s: &str) -> usize {
    clean(s).width()
}

/// The width of one character in cells (0 for combining marks).
fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Greedy word wrap to `max` cells. Words longer than a line are split; an empty text gives one empty
/// line so that callers can count on at least one. A newline in the text starts a new line; every
/// other unsafe character is escaped.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let para = clean(para);
        let mut line = String::new();
        let mut w = 0;
        for word in para.split_whitespace() {
            let ww = width(word);
            if w > 0 && w + 1 + ww <= max {
                line.push(' ');
                line.push_str(word);
                w += 1 + ww;
                continue;
            }
            if w > 0 {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            if ww <= max {
                line.push_str(word);
                w = ww;
            } else {
                // A word wider than the line: split it at cell boundaries.
                for ch in word.chars() {
                    let cw = char_width(ch);
                    if w + cw > max && w > 0 {
                        lines.push(std::mem::take(&mut line));
                        w = 0;
                    }
                    line.push(ch);
                    w += cw;
                }
            }
        }
        lines.push(line);
    }
    lines
}

/// Like [`truncate`], but cuts at the last word boundary that fits, so no word is left half-shown
/// (a single word longer than `max` is still cut).
pub fn truncate_words(s: &str, max: usize) -> String {
    let s = clean(s);
    if s.width() <= max {
        return s.into_owned();
    }
    let cut = truncate(&s, max);
    let body = cut.trim_end_matches('…');
    match body.rfind(' ') {
        Some(i) if i > 0 => format!("{}…", body[..i].trim_end_matches([',', ';', ':', ' '])),
        _ => cut,
    }
}

/// `s` cut to `max` cells, ending in `…` when cut; never wider than `max`. The reports' cut
/// ([`crate::report::width::truncate`]) on the sanitised text, without the spaces a cut may leave
/// before the ellipsis.
pub fn truncate(s: &str, max: usize) -> String {
    let s = clean(s);
    match crate::report::width::truncate(&s, max) {
        Cow::Borrowed(whole) => whole.to_string(),
        Cow::Owned(mut cut) => {
            cut.pop(); // the ellipsis
            cut.truncate(cut.trim_end().len());
            cut.push('…');
            cut
        }
    }
}

/// `s` truncated and padded with spaces to exactly `w` cells, left-aligned.
pub fn fit(s: &str, w: usize) -> String {
    let mut out = truncate(s, w);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(used)));
    out
}

/// `s` truncated and padded to exactly `w` cells, right-aligned.
pub fn fit_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let used = width(&t);
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(used)).collect();
    out.push_str(&t);
    out
}

/// A score bar of `cells` cells for `value` out of `full`, in eighths, without trailing padding.
pub fn bar(value: f64, full: f64, cells: usize) -> String {
    if full <= 0.0 || cells == 0 {
        return String::new();
    }
    let s = crate::report::bar((value / full * 100.0).clamp(0.0, 100.0), cells);
    s.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn truncate_words_keeps_whole_words() {
        let s = "Closed to new customers since 2026-04-30; AWS recommends ECS Express Mode";
        assert_eq!(
            super::truncate_words(s, 48),
            "Closed to new customers since 2026-04-30; AWS…"
        );
        assert_eq!(super::truncate_words("short", 10), "short");
    }

    use super::*;

    #[test]
    fn wraps_on_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("a b", 0), vec!["a", "b"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Amazon EKS", 20), "Amazon EKS");
        assert_eq!(truncate("Amazon ECS Express Mode", 12), "Amazon ECS…");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(width(&fit("Amazon ECS Express Mode", 12)), 12);
        assert_eq!(fit_right("7.0", 5), "  7.0");
    }

    #[test]
    fn text_from_data_is_escaped_and_measured_in_columns() {
        assert_eq!(clean("a\x1b]52;c;aGk=\x07b"), "a\\x1b]52;c;aGk=\\x07b");
        assert_eq!(truncate("evil\u{202e}txt", 40), "evil\\u{202e}txt");
        assert_eq!(wrap("one\ttwo\nthree", 40), ["one\\ttwo", "three"]);
        assert_eq!(width("\x1b[2J"), 7);
        // Wide characters take two columns; a cut never splits one.
        assert_eq!(width("日本語"), 6);
        assert_eq!(truncate("日本語のコンテナ", 7), "日本語…");
        assert_eq!(width(&fit("日本語のコンテナ", 7)), 7);
        assert_eq!(width(&fit("😀 emoji", 5)), 5);
        assert_eq!(wrap("日本語 のコンテナ", 6), ["日本語", "のコン", "テナ"]);
    }

    #[test]
    fn bars_scale_to_full() {
        assert_eq!(bar(50.0, 100.0, 4), "██");
        assert_eq!(bar(10.0, 0.0, 4), "");
        assert_eq!(bar(200.0, 100.0, 2), "██");
    }
}
