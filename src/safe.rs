//! Terminal-safe text: the one place that decides which characters of someone else's data may reach
//! a terminal (or a file a terminal may later `cat`) as they are.
//!
//! Data packs and answers files are written by other people, so every string they hold may carry
//! escape sequences (CSI screen clears, OSC 0 window titles, OSC 8 links, OSC 52 clipboard writes,
//! DCS), BEL, C1 controls (U+0080–U+009F, which some terminals read as escape introducers), a lone
//! carriage return that overwrites the start of a line, or bidirectional overrides that make text
//! read differently from its bytes. None of them is interpreted here: each is shown as a visible
//! escape (`\x1b`, `\r`, `\u{9b}`, `\u{202e}`). Neutralising the introducer is enough, because the
//! rest of a sequence is printable text.
//!
//! The escapes are plain ASCII, so applying a function twice gives the same text as once. A
//! backslash in the data is left alone: `\x1b` in the output is either an escaped ESC or those four
//! characters, never an ESC.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: C0 controls (newline included), DEL, C1
/// controls, the bidi embeddings, overrides, isolates and marks, and the Unicode line and paragraph
/// separators.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// How an unsafe character is shown: `\n`, `\r`, `\t`, `\x1b` for the other C0 controls and DEL,
/// `\u{9b}` for C1 controls and Unicode format characters.
pub fn escape(c: char, out: &mut String) {
    use std::fmt::Write;
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{0}'..='\u{1f}' | '\u{7f}' => {
            let _ = write!(out, "\\x{:02x}", c as u32);
        }
        _ => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// Whether `s` holds an unsafe character other than `\n` (and other than a `\r` before `\n` when
/// `crlf` is true). Every unsafe character is a C0 or DEL byte, or starts with one of the UTF-8
/// lead bytes C2, D8 or E2, so the scan looks at 32-byte blocks without branches first (a vector
/// at a time) and only looks closer at those bytes of a block: whole reports are checked at memory
/// speed, box drawing and bars (E2 too) included.
pub fn has_unsafe(s: &str, crlf: bool) -> bool {
    let b = s.as_bytes();
    let suspicious =
        |x: u8| (x < 0x20 && x != b'\n') | (x == 0x7f) | (x == 0xc2) | (x == 0xd8) | (x == 0xe2);
    b.chunks(32).enumerate().any(|(n, block)| {
        block.iter().fold(false, |seen, &x| seen | suspicious(x))
            && (block.iter().enumerate())
                .any(|(j, &x)| suspicious(x) && unsafe_at(b, n * 32 + j, crlf))
    })
}

/// Whether the character starting at byte `i` of `b` is unsafe (see [`has_unsafe`]).
fn unsafe_at(b: &[u8], i: usize, crlf: bool) -> bool {
    match b[i] {
        b'\n' => false,
        b'\r' => !(crlf && b.get(i + 1) == Some(&b'\n')),
        0..=0x1f | 0x7f => true,
        0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
        0xd8 => b.get(i + 1) == Some(&0x9c),
        0xe2 => matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0x80), Some(0x8e | 0x8f | 0xa8..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    }
}

/// One line of text (a name, a label, a table cell): every unsafe character escaped, newlines too,
/// so a value can never start a line of its own.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') && !has_unsafe(s, false) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text of several lines (a whole report, a list of diagnostics): like [`line`], but `\n` and
/// `\r\n` end lines and are kept. A lone `\r` is still escaped: it would move the cursor back over
/// the line.
pub fn lines(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s, true) {
        return Cow::Borrowed(s);
    }
    let mut chars = s.chars().peekable();
    let mut out = String::with_capacity(s.len() + 8);
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' if chars.peek() == Some(&'\n') => out.push('\r'),
            c if is_unsafe(c) => escape(c, &mut out),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_family() {
        assert_eq!(line("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(
            line("\x1b]0;title\x07"),
            "\\x1b]0;title\\x07",
            "OSC 0 and BEL"
        );
        assert_eq!(line("\x1b]52;c;aGk=\x1b\\"), "\\x1b]52;c;aGk=\\x1b\\");
        assert_eq!(
            line("\u{9b}31m\u{9d}8;;x\u{9c}"),
            "\\u{9b}31m\\u{9d}8;;x\\u{9c}"
        );
        assert_eq!(line("\x1bP1$r\x1b\\"), "\\x1bP1$r\\x1b\\", "DCS");
        assert_eq!(line("evil\rgood"), "evil\\rgood");
        assert_eq!(line("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(
            line("\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}\u{61c}"),
            "\\u{2066}\\u{2067}\\u{2068}\\u{2069}\\u{200e}\\u{200f}\\u{61c}"
        );
        assert_eq!(line("a\nb\tc\x7f"), "a\\nb\\tc\\x7f");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for s in [
            "Amazon ECS → Fargate",
            "日本語 😀 ×½ — “quoted”",
            "C:\\path",
        ] {
            assert!(matches!(line(s), Cow::Borrowed(_)), "{s}");
            assert!(matches!(lines(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn lines_keep_line_ends_but_not_a_lone_return() {
        assert_eq!(lines("a\nb\r\nc"), "a\nb\r\nc");
        assert_eq!(lines("\x07a\r\n"), "\\x07a\r\n");
        assert_eq!(lines("a\rb\n"), "a\\rb\n");
        assert_eq!(lines("a\r"), "a\\r");
        assert_eq!(lines("x\x1b[31my\n"), "x\\x1b[31my\n");
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_test() {
        // Every character up to U+3000 (all unsafe ones are below it), alone and between others.
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let s = format!("a{c}→");
            let expected = is_unsafe(c) && c != '\n';
            assert_eq!(has_unsafe(&s, false), expected, "U+{:04X}", c as u32);
        }
        // At every place in and across 32-byte blocks, after box drawing and before an em dash.
        for c in [
            '\u{1b}', '\u{85}', '\u{61c}', '\u{200e}', '\u{2028}', '\u{2066}', '\r',
        ] {
            for at in 0..70 {
                let s = format!("{}{c}— ━", "━".repeat(at / 3) + &"x".repeat(at % 3));
                assert!(has_unsafe(&s, false), "U+{:04X} at {at}", c as u32);
            }
        }
        assert!(!has_unsafe(&"━━ ▶ █░ → — … · é ".repeat(9), false));
        assert!(!has_unsafe("a\r\nb", true));
        assert!(has_unsafe("a\r\nb", false));
        assert!(has_unsafe("a\r", true));
    }

    #[test]
    fn escaping_twice_changes_nothing() {
        let s = "\x1b]8;;https://evil\x07click\x1b]8;;\x07 \u{202e} \r\n \u{85}";
        assert_eq!(line(&line(s)), line(s));
        assert_eq!(lines(&lines(s)), lines(s));
    }
}
