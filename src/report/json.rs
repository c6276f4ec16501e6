//! JSON: the whole [`Recommendation`] as documented in `docs/json-schema.md`.

use crate::engine::Recommendation;

pub fn render(rec: &Recommendation) -> String {
    // The result types are plain data (strings, numbers, vectors), so serialising cannot fail.
    let mut s =
        serde_json::to_string_pretty(rec).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
