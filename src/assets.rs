//! The assets built into the binary: themes and demo scripts, by path relative to `assets/`.
//! Decision data is not an asset: `pack::files` reads it.

/// The text of an embedded asset, e.g. `themes/dark.toml`.
pub fn builtin_asset(rel: &str) -> Option<&'static str> {
    crate::embedded::EMBEDDED_ASSETS
        .iter()
        .find(|(r, _)| *r == rel)
        .map(|(_, t)| *t)
}
