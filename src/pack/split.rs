//! Finding a pack file's `[[alternative]]` tables, so that each can be parsed, checked and dropped
//! on its own. A TOML parser builds a tree of the whole document before anything is read from it,
//! and for a pack of 10,000 alternatives that tree is about 60 times the file (900 MB for 14 MB);
//! table by table, memory stays near the size of the result.
//!
//! This is a scanner, not a parser: it follows strings, comments and brackets only far enough to
//! know which lines are table headers. Whenever the layout is anything but plain (a header it cannot
//! read, an `[alternative.…]` table away from its `[[alternative]]`, an unterminated string) it
//! gives up and the file is parsed whole, so the result never depends on it.
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::ops::Range;

/// The byte ranges of the file's `[[alternative]]` tables, each with its sub-tables (such as
/// `[alternative.scores]`), in file order; `None` when the file is better parsed whole.
pub fn alternative_tables(text: &str) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None; // start of the table being read
    let mut depth = 0usize; // [ and { inside a value
    let mut i = 0;
    while i < bytes.len() {
        let line_start = i;
        if depth == 0 {
            let mut j = i;
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                j += 1;
            }
            if bytes.get(j) == Some(&b'[') {
                let (header, end) = header(bytes, j)?;
                match (header.double, header.first.as_str(), header.segments) {
                    (true, "alternative", 1) => {
                        if let Some(start) = open.replace(line_start) {
                            out.push(start..line_start);
                        }
                    }
                    (_, "alternative", _) if header.segments > 1 && open.is_some() => {}
                    (_, "alternative", _) => return None,
                    _ => {
                        if let Some(start) = open.take() {
                            out.push(start..line_start);
                        }
                    }
                }
                i = end;
                continue;
            }
        }
        i = rest_of_line(bytes, i, &mut depth)?;
    }
    if let Some(start) = open {
        out.push(start..bytes.len());
    }
    Some(out)
}

/// A table header: `[a.b]` or `[[a.b]]`.
struct Header {
    double: bool,
    /// The first key, unquoted.
    first: String,
    segments: usize,
}

/// Reads the header that starts at `at` (a `[`) and the rest of its line; returns it and where
/// the next line starts.
fn header(bytes: &[u8], at: usize) -> Option<(Header, usize)> {
    let double = bytes.get(at + 1) == Some(&b'[');
    let mut i = at + if double { 2 } else { 1 };
    let mut first = None;
    let mut segments = 0;
    loop {
        i = skip_blank(bytes, i);
        let key = match bytes.get(i)? {
            b'"' | b'\'' => {
                let quote = bytes[i];
                let end = i + 1 + bytes[i + 1..].iter().position(|&b| b == quote)?;
                let key = &bytes[i + 1..end];
                if quote == b'"' && key.contains(&b'\\') {
                    return None; // escapes in a header key: leave it to the parser
                }
                i = end + 1;
                key
            }
            _ => {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'-')
                {
                    i += 1;
                }
                if i == start {
                    return None;
                }
                &bytes[start..i]
            }
        };
        segments += 1;
        if first.is_none() {
            first = Some(String::from_utf8(key.to_vec()).ok()?);
        }
        i = skip_blank(bytes, i);
        match bytes.get(i)? {
            b'.' => i += 1,
            b']' => break,
            _ => return None,
        }
    }
    i += 1;
    if double {
        if bytes.get(i) != Some(&b']') {
            return None;
        }
        i += 1;
    }
    // Only blanks and a comment may follow on the line.
    i = skip_blank(bytes, i);
    match bytes.get(i) {
        None => {}
        Some(b'\n') => i += 1,
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i += 2,
        Some(b'#') => i = next_line(bytes, i),
        Some(_) => return None,
    }
    Some((
        Header {
            double,
            first: first?,
            segments,
        },
        i,
    ))
}

fn skip_blank(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    i
}

fn next_line(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| i + p + 1)
}

/// Scans a line that is not a header (and any multi-line string or value that starts on it),
/// keeping track of brackets; returns where the next line starts, or `None` for a string that
/// never ends.
fn rest_of_line(bytes: &[u8], mut i: usize, depth: &mut usize) -> Option<usize> {
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return Some(i + 1),
            b'#' => return Some(next_line(bytes, i)),
            b'[' | b'{' => *depth += 1,
            b']' | b'}' => *depth = depth.saturating_sub(1),
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i = multi_line_end(bytes, i + 3, b"\"\"\"", true)?;
                continue;
            }
            b'\'' if bytes[i..].starts_with(b"'''") => {
                i = multi_line_end(bytes, i + 3, b"'''", false)?;
                continue;
            }
            b'"' => {
                i += 1;
                while *bytes.get(i)? != b'"' {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'\n' => return None,
                        _ => i += 1,
                    }
                }
            }
            b'\'' => {
                i += 1;
                while *bytes.get(i)? != b'\'' {
                    if bytes[i] == b'\n' {
                        return None;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Some(i)
}

/// Where a multi-line string that started before `i` ends (just past its closing quotes).
fn multi_line_end(bytes: &[u8], mut i: usize, close: &[u8], escapes: bool) -> Option<usize> {
    while i < bytes.len() {
        if escapes && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if bytes[i..].starts_with(close) {
            // Up to two more quotes belong to the string ("""a"""" is `a"`).
            let mut end = i + close.len();
            while end < bytes.len() && bytes[end] == close[0] && end < i + close.len() + 2 {
                end += 1;
            }
            return Some(end);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::alternative_tables;

    #[test]
    fn each_alternative_with_its_sub_tables() {
        let text = "id = \"p\"\n[[criterion]]\nid = \"k\"\n[[alternative]]\nid = \"a\"\n[alternative.scores]\nk = { score = 1, why = \"[[alternative]]\" }\n[[alternative]] # two\nid = \"b\"\n[[rule]]\nid = \"r\"\n";
        let tables = alternative_tables(text).unwrap();
        assert_eq!(tables.len(), 2);
        assert!(text[tables[0].clone()].starts_with("[[alternative]]\nid = \"a\""));
        assert!(text[tables[0].clone()].ends_with("}\n"));
        assert_eq!(
            &text[tables[1].clone()],
            "[[alternative]] # two\nid = \"b\"\n"
        );
    }

    #[test]
    fn headers_inside_strings_and_arrays_are_not_headers() {
        let text = "[[alternative]]\nid = \"a\"\nnext_steps = [\n  \"x\",\n]\nnote = '''\n[[rule]]\n'''\nmore = \"\"\"\n[[rule]]\"\"\"\n";
        assert_eq!(alternative_tables(text).unwrap(), vec![0..text.len()]);
    }

    #[test]
    fn an_unusual_layout_is_left_to_the_parser() {
        // A sub-table away from its [[alternative]], a lone [alternative], an unterminated string,
        // a header key with an escape.
        for text in [
            "[[alternative]]\nid = \"a\"\n[[rule]]\n[alternative.scores]\n",
            "[alternative]\nid = \"a\"\n",
            "[[alternative]]\nid = \"a\n",
            "[[\"alt\\u0065rnative\"]]\n",
            "[[alternative]] id = 1\n",
        ] {
            assert_eq!(alternative_tables(text), None, "{text}");
        }
    }

    #[test]
    fn no_alternatives_no_tables() {
        assert_eq!(alternative_tables("id = \"p\"\n[[rule]]\n"), Some(vec![]));
    }
}
