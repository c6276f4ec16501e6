//! JSON: the whole [`Recommendation`] as documented in `docs/json-schema.md`, and the same safe
//! serialisation for any other value a command prints as JSON.

use serde::Serialize;

use crate::engine::Recommendation;
use crate::safe;

pub fn render(rec: &Recommendation) -> String {
    to_json(rec)
}

/// Pretty JSON ending in a newline, with every character [`safe::is_unsafe`] written as a `\uXXXX`
/// escape. serde_json escapes C0 controls itself but writes DEL, C1 controls and bidi overrides as
/// they are; outside string literals JSON is ASCII, so escaping them in the text is escaping them in
/// the strings, and the value read back is the same.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // The serialised types are plain data (strings, numbers, vectors, maps with string keys), so
    // serialising cannot fail.
    let mut raw =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    if !safe::has_unsafe(&raw, false) {
        raw.push('\n');
        return raw;
    }
    let mut out = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        if safe::is_unsafe(c) && c != '\n' {
            // Every unsafe character outside C0 is in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_json_escapes_and_read_back_the_same() {
        let value = vec!["a\u{1b}[2J b\u{9b} c\u{202e} d\u{7f}".to_string()];
        let json = to_json(&value);
        assert!(
            !json.chars().any(|c| safe::is_unsafe(c) && c != '\n'),
            "{json}"
        );
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }
}
