//! The TUI's styles: one struct of `Style`s, read from the TOML themes in `assets/themes/` (embedded in
//! the binary) or from a user's file, which may extend a built-in theme and change only some styles.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use crate::assets::builtin_asset;
use crate::pack::{Diagnostics, SourceText};

/// The built-in themes, by the name `--theme` accepts.
pub const BUILTIN: [&str; 4] = ["dark", "light", "mono", "projector"];

macro_rules! theme_struct {
    ($($(#[$doc:meta])* $field:ident),* $(,)?) => {
        /// Every style the views use, by role (never by colour).
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            pub name: String,
            $($(#[$doc])* pub $field: Style,)*
        }

        impl Theme {
            /// The style names a theme file may set.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn slot(&mut self, key: &str) -> Option<&mut Style> {
                match key {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }

            /// Every style with its name, for checks.
            pub fn styles(&self) -> Vec<(&'static str, Style)> {
                vec![$((stringify!($field), self.$field)),*]
            }

            fn blank(name: &str) -> Self {
                Theme { name: name.to_string(), $($field: Style::new(),)* }
            }
        }
    };
}

theme_struct! {
    /// Body text.
    text,
    /// Secondary text: details, units, explanations.
    muted,
    /// The app's name and screen titles.
    title,
    /// Section headings inside a screen.
    heading,
    /// Emphasis that is not a selection.
    accent,
    /// The highlighted row or cell: must stay visible without colour.
    selection,
    /// The confirmed answer of a question.
    chosen,
    /// A key in the hint bar and the help overlay.
    key,
    /// A key's description.
    hint,
    border,
    tab_active,
    tab_inactive,
    /// Score bars.
    bar,
    /// The second bar of a comparison (runner-up).
    bar_other,
    /// The empty part of a bar.
    bar_track,
    winner,
    excluded,
    /// Moved up in a ranking.
    up,
    /// Moved down in a ranking.
    down,
    /// Caveats.
    warning,
    error,
    /// The background of popups.
    popup,
    /// Marks a ranking that previews a highlighted, unconfirmed answer.
    preview,
    /// The demo's caption bar: the presenter's narration.
    caption,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    extends: Option<Spanned<String>>,
    #[serde(default)]
    styles: BTreeMap<Spanned<String>, StyleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleDef {
    #[serde(default)]
    fg: Option<Spanned<String>>,
    #[serde(default)]
    bg: Option<Spanned<String>>,
    #[serde(default)]
    modifiers: Vec<Spanned<String>>,
}

/// Why a theme could not be loaded: a message, or places in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError(pub String);

impl std::fmt::Display for ThemeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ThemeError {}

fn diags_error(d: Diagnostics) -> ThemeError {
    ThemeError(d.to_string())
}

fn parse_modifier(s: &str) -> Option<Modifier> {
    Some(
        match s.to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" | "underline" => Modifier::UNDERLINED,
            "reversed" | "reverse" => Modifier::REVERSED,
            "crossedout" | "strikethrough" => Modifier::CROSSED_OUT,
            "slowblink" => Modifier::SLOW_BLINK,
            "rapidblink" => Modifier::RAPID_BLINK,
            "hidden" => Modifier::HIDDEN,
            _ => return None,
        },
    )
}

/// The largest theme file read: the built-in ones are about 2 KB.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

impl Theme {
    /// A built-in theme by name (`dark`, `light`, `mono`, `projector`).
    pub fn builtin(name: &str) -> Option<Theme> {
        if !BUILTIN.contains(&name) {
            return None;
        }
        let rel = format!("themes/{name}.toml");
        let text = builtin_asset(&rel)?;
        // The built-in files are checked by the tests; a broken one is a bug, not a user error.
        Theme::parse(&format!("assets/{rel}"), text, 0).ok()
    }

    /// The theme for `--theme NAME|PATH`, or the default: `mono` when `no_color`, else the background
    /// the terminal reports (`COLORFGBG`), else dark.
    pub fn resolve(
        arg: Option<&str>,
        no_color: bool,
        colorfgbg: Option<&str>,
    ) -> Result<Theme, ThemeError> {
        match arg {
            Some(a) if BUILTIN.contains(&a) => {
                Ok(Theme::builtin(a).unwrap_or_else(Theme::fallback))
            }
            Some(path) => {
                let p = Path::new(path);
                // The bounded reader of every input file: a FIFO or `/dev/zero` named as a theme
                // is an error at once, not a hang or gigabytes read.
                let text = crate::fsutil::read_text_limited(p, MAX_FILE_BYTES).map_err(|e| {
                    // A word that names no file and does not look like a path was meant as a
                    // theme name: say so, with the closest one.
                    if !p.exists() && !path.contains(['/', '\\']) && !path.ends_with(".toml") {
                        let tip = crate::suggest::similar("theme", path, BUILTIN)
                            .map_or(String::new(), |t| format!("\n{t}"));
                        return ThemeError(format!(
                            "unknown theme `{path}`; the themes: {}, or the path of a theme TOML file{tip}",
                            BUILTIN.join(", ")
                        ));
                    }
                    let reason = e.reason();
                    ThemeError(format!(
                        "{path}: cannot read the theme file: {}; --theme takes {} or the path of a theme TOML file",
                        reason.strip_prefix("cannot read: ").unwrap_or(&reason),
                        BUILTIN.join(", ")
                    ))
                })?;
                Theme::parse(path, &text, 0)
            }
            None if no_color => Ok(Theme::builtin("mono").unwrap_or_else(Theme::fallback)),
            None => {
                let light = colorfgbg
                    .and_then(|v| v.rsplit(';').next())
                    .and_then(|bg| bg.trim().parse::<u8>().ok())
                    .is_some_and(|bg| bg == 7 || bg == 15);
                let name = if light { "light" } else { "dark" };
                Ok(Theme::builtin(name).unwrap_or_else(Theme::fallback))
            }
        }
    }

    /// Used only if an embedded theme were missing: plain text with reversed selection.
    pub fn fallback() -> Theme {
        let mut t = Theme::blank("fallback");
        t.selection = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        t.tab_active = t.selection;
        t.title = Style::new().add_modifier(Modifier::BOLD);
        t.heading = t.title;
        t
    }

    /// Parses a theme file; `depth` guards against a theme extending itself.
    pub fn parse(name: &str, text: &str, depth: usize) -> Result<Theme, ThemeError> {
        let src = SourceText::new(name, text);
        let def: ThemeFile =
            toml::from_str(text).map_err(|e| diags_error(src.toml_error(&e).into()))?;
        let mut diags = Diagnostics::default();
        let mut theme = match &def.extends {
            None => Theme::blank("custom"),
            Some(base) if BUILTIN.contains(&base.get_ref().as_str()) && depth == 0 => {
                let rel = format!("themes/{}.toml", base.get_ref());
                match builtin_asset(&rel) {
                    Some(t) => Theme::parse(&format!("assets/{rel}"), t, depth + 1)?,
                    None => Theme::fallback(),
                }
            }
            Some(base) => {
                diags.push(src.at(
                    base.span(),
                    format!(
                        "cannot extend `{}`: a theme extends one of the built-in themes: {}",
                        base.get_ref(),
                        BUILTIN.join(", ")
                    ),
                ));
                Theme::blank("custom")
            }
        };
        if let Some(n) = def.name {
            theme.name = n;
        }
        for (key, style) in &def.styles {
            if !Theme::KEYS.contains(&key.get_ref().as_str()) {
                diags.push(src.at(
                    key.span(),
                    format!(
                        "unknown style `{}`{}; valid styles: {}",
                        key.get_ref(),
                        crate::suggest::did_you_mean(key.get_ref(), Theme::KEYS.iter().copied()),
                        Theme::KEYS.join(", ")
                    ),
                ));
                continue;
            }
            let mut out = Style::new();
            for (which, colour) in [("fg", &style.fg), ("bg", &style.bg)] {
                let Some(c) = colour else { continue };
                match Color::from_str(c.get_ref()) {
                    Ok(color) if which == "fg" => out = out.fg(color),
                    Ok(color) => out = out.bg(color),
                    Err(_) => diags.push(src.at(
                        c.span(),
                        format!(
                            "unknown colour `{}`: use a name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, …, white, reset), #rrggbb or an index 0–255",
                            c.get_ref()
                        ),
                    )),
                }
            }
            for m in &style.modifiers {
                match parse_modifier(m.get_ref()) {
                    Some(m) => out = out.add_modifier(m),
                    None => diags.push(src.at(
                        m.span(),
                        format!(
                            "unknown modifier `{}`: use bold, dim, italic, underlined, reversed or crossed-out",
                            m.get_ref()
                        ),
                    )),
                }
            }
            if let Some(slot) = theme.slot(key.get_ref()) {
                *slot = out;
            }
        }
        if diags.is_empty() {
            Ok(theme)
        } else {
            Err(diags_error(diags))
        }
    }

    /// True when the theme uses no colour at all (only the terminal's own, plus modifiers).
    pub fn is_monochrome(&self) -> bool {
        self.styles().iter().all(|(_, s)| {
            s.fg.is_none_or(|c| c == Color::Reset) && s.bg.is_none_or(|c| c == Color::Reset)
        })
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::builtin("dark").unwrap_or_else(Theme::fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_themes_parse() {
        for name in BUILTIN {
            let text = builtin_asset(&format!("themes/{name}.toml")).expect("embedded");
            let t = Theme::parse(name, text, 0).expect("valid");
            assert_eq!(t.name, name);
            for key in Theme::KEYS {
                assert!(text.contains(&format!("\n{key} =")), "{name} sets {key}");
            }
        }
    }

    #[test]
    fn mono_has_no_colour_but_a_visible_selection() {
        let t = Theme::builtin("mono").unwrap();
        assert!(t.is_monochrome());
        assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
        assert!(!Theme::builtin("dark").unwrap().is_monochrome());
    }

    #[test]
    fn errors_point_into_the_file() {
        let e = Theme::parse("t.toml", "[styles]\ntext = { fg = \"reddish\" }\n", 0).unwrap_err();
        assert!(
            e.0.starts_with("t.toml:2:15: unknown colour `reddish`"),
            "{e}"
        );
        let e = Theme::parse("t.toml", "[styles]\ntxet = {}\n", 0).unwrap_err();
        assert!(e.0.starts_with("t.toml:2:1: unknown style `txet`"), "{e}");
        let e = Theme::parse("t.toml", "[styles\n", 0).unwrap_err();
        assert!(e.0.starts_with("t.toml:1:"), "{e}");
        let e = Theme::parse("t.toml", "extends = \"neon\"\n", 0).unwrap_err();
        assert!(e.0.starts_with("t.toml:1:11: cannot extend `neon`"), "{e}");
    }

    #[test]
    fn a_user_theme_extends_a_builtin_one() {
        let t = Theme::parse(
            "t.toml",
            "extends = \"light\"\n[styles]\ntext = { fg = \"#102030\" }\n",
            0,
        )
        .unwrap();
        assert_eq!(t.text.fg, Some(Color::Rgb(0x10, 0x20, 0x30)));
        assert_eq!(t.selection, Theme::builtin("light").unwrap().selection);
    }

    #[test]
    fn default_follows_no_color_and_colorfgbg() {
        assert_eq!(Theme::resolve(None, true, None).unwrap().name, "mono");
        assert_eq!(
            Theme::resolve(None, false, Some("0;15")).unwrap().name,
            "light"
        );
        assert_eq!(
            Theme::resolve(None, false, Some("15;0")).unwrap().name,
            "dark"
        );
        assert_eq!(
            Theme::resolve(Some("light"), true, None).unwrap().name,
            "light"
        );
    }
}
