//! User settings, resolved in layers: command-line flags > `TRADEOFF_*` environment variables > the
//! config file (`$XDG_CONFIG_HOME/tradeoff/config.toml`) > built-in defaults, each value with where
//! it came from (`tradeoff config` shows them).
//!
//! A broken config file never stops a command: its problems are reported as `file:line:col:
//! message` and the whole file is ignored, so the defaults apply (a half-read file would be harder
//! to reason about than none). A bad environment variable is reported and ignored the same way.
//! This module only reads and resolves; what the settings do is up to the caller (`main.rs` hands
//! theme, projector and mouse to the TUI, the pack loader reads [`Config::data_dirs`]).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::folders::Folders;
use crate::fsutil::{self, ReadErrorKind};
use crate::pack::{Diagnostic, Diagnostics, SourceText};
use crate::suggest::did_you_mean;

/// The file inside `$XDG_CONFIG_HOME/tradeoff/`.
pub const FILE_NAME: &str = crate::folders::CONFIG_FILE;
/// The largest config file read (a real one is a few hundred bytes).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// The path of the config file, instead of `$XDG_CONFIG_HOME/tradeoff/config.toml`.
pub const ENV_CONFIG: &str = crate::folders::ENV_CONFIG;
pub const ENV_THEME: &str = "TRADEOFF_THEME";
pub const ENV_PROJECTOR: &str = "TRADEOFF_PROJECTOR";
pub const ENV_MOUSE: &str = "TRADEOFF_MOUSE";
/// Folders separated like `PATH` (`:` on Unix).
pub const ENV_DATA_DIRS: &str = "TRADEOFF_DATA_DIRS";
/// Pack ids separated by commas or spaces.
pub const ENV_PACKS: &str = "TRADEOFF_PACKS";

/// Every environment variable this module reads, with what it sets (for help texts and the man
/// page).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        ENV_CONFIG,
        "the config file to read instead of $XDG_CONFIG_HOME/tradeoff/config.toml",
    ),
    (
        ENV_THEME,
        "theme of the interactive views: dark, light, mono, projector or a theme file",
    ),
    (
        ENV_PROJECTOR,
        "start in the projector view: 1/true/yes/on or 0/false/no/off",
    ),
    (
        ENV_MOUSE,
        "let the interactive mode use the mouse: 1/true/yes/on or 0/false/no/off",
    ),
    (
        ENV_DATA_DIRS,
        "more folders of decision packs, separated by ':' (';' on Windows)",
    ),
    (
        ENV_PACKS,
        "the packs `recommend` shows by default, separated by commas",
    ),
];

/// The keys a config file may set, with what each takes.
pub const KEYS: &[(&str, &str)] = &[
    (
        "theme",
        "dark, light, mono, projector, or the path of a theme TOML file (relative to the config file's folder)",
    ),
    ("projector", "true or false"),
    ("mouse", "true or false"),
    (
        "data_dirs",
        "a list of folders with more decision packs (relative to the config file's folder; ~/ is your home)",
    ),
    (
        "packs",
        "a list of pack ids that `recommend` shows when no --pack is given",
    ),
];

/// The built-in theme names a `theme` setting may use (anything else must be a path).
const THEMES: [&str; 4] = crate::tui::theme::BUILTIN;

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    Default,
    File {
        path: String,
        line: usize,
        col: usize,
    },
    #[serde(rename = "environment")]
    Env {
        name: &'static str,
    },
    Flag {
        name: &'static str,
    },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File { path, line, col } => write!(f, "{path}:{line}:{col}"),
            Origin::Env { name } => write!(f, "environment {name}"),
            Origin::Flag { name } => write!(f, "flag {name}"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn default(value: T) -> Self {
        Setting {
            value,
            origin: Origin::Default,
        }
    }
}

/// A list and where it came from, with the place of each item (for messages about one item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListSetting<T> {
    pub value: Vec<T>,
    pub origin: Origin,
    #[serde(skip)]
    pub item_origins: Vec<Origin>,
}

impl<T> Default for ListSetting<T> {
    fn default() -> Self {
        ListSetting {
            value: Vec::new(),
            origin: Origin::Default,
            item_origins: Vec::new(),
        }
    }
}

/// What the command line said; `None` (or empty) where a flag was not given.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub theme: Option<String>,
    pub projector: Option<bool>,
    pub mouse: Option<bool>,
    /// `recommend --pack` (repeatable).
    pub packs: Vec<String>,
    /// `--data DIR`: shown by `tradeoff config`; it replaces the built-in packs and `data_dirs`.
    pub data: Option<PathBuf>,
}

/// What became of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileState {
    /// Neither `$XDG_CONFIG_HOME` nor `$HOME` is set (nor `TRADEOFF_CONFIG`).
    NoPath,
    /// There is no file at the path: the defaults apply.
    NotFound,
    Loaded,
    /// The file has problems (in `problems`) and none of it was used.
    Ignored,
}

/// The effective settings. Never fails to exist: problems are collected in `problems`.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub file: FileState,
    /// Problems with the config file (`file:line:col: message`) and with environment variables,
    /// one per entry; the caller prints them (on stderr) and goes on.
    pub problems: Vec<String>,
    /// A built-in theme name or a theme file's path; `None`: automatic (mono with NO_COLOR, light
    /// on a light background, else dark).
    pub theme: Setting<Option<String>>,
    pub projector: Setting<bool>,
    pub mouse: Setting<bool>,
    /// Folders of decision packs loaded next to the built-in ones.
    pub data_dirs: ListSetting<PathBuf>,
    /// Packs `recommend` shows when no `--pack` is given; empty: all.
    pub packs: ListSetting<String>,
    /// `--data DIR`, if given.
    pub data: Option<PathBuf>,
}

/// One layer's values (file or environment), before they are stacked.
#[derive(Debug, Default)]
struct Layer {
    theme: Option<Setting<String>>,
    projector: Option<Setting<bool>>,
    mouse: Option<Setting<bool>>,
    data_dirs: Option<ListSetting<PathBuf>>,
    packs: Option<ListSetting<String>>,
}

#[derive(Deserialize)]
struct FileDef {
    #[serde(default)]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    projector: Option<Spanned<bool>>,
    #[serde(default)]
    mouse: Option<Spanned<bool>>,
    #[serde(default)]
    data_dirs: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    packs: Option<Spanned<Vec<Spanned<String>>>>,
}

impl Config {
    /// The settings of this process: its flags, environment and the config file `folders` name.
    /// The binary calls this once (`cmd::resolve`); everything after reads the result.
    pub fn load(flags: &Flags, folders: &Folders) -> Config {
        Config::resolve(flags, folders, &|name| std::env::var_os(name))
    }

    /// The settings for the given flags and environment (a function from a variable's name to its
    /// value), reading the config file `folders` name.
    pub fn resolve(
        flags: &Flags,
        folders: &Folders,
        env: &dyn Fn(&str) -> Option<OsString>,
    ) -> Config {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let path = folders.config_file.clone();
        let mut problems = Vec::new();
        let (file, file_layer) = match &path {
            None => (FileState::NoPath, Layer::default()),
            Some(path) => match fsutil::read_text_limited(path, MAX_FILE_BYTES) {
                Ok(text) => match parse_file(path, &text, &env) {
                    Ok(layer) => (FileState::Loaded, layer),
                    Err(diags) => {
                        problems.extend(diags.iter().map(Diagnostic::to_string));
                        (FileState::Ignored, Layer::default())
                    }
                },
                // No file is the normal case, unless TRADEOFF_CONFIG named one.
                Err(e)
                    if matches!(&e.kind, ReadErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound)
                        && !folders.config_named =>
                {
                    (FileState::NotFound, Layer::default())
                }
                Err(e) => {
                    problems.push(e.to_string());
                    (FileState::Ignored, Layer::default())
                }
            },
        };
        let env_layer = env_layer(&env, &mut problems);
        let flag = |name| Origin::Flag { name };
        let theme = pick(
            flags.theme.clone().map(|v| Setting {
                value: v,
                origin: flag("--theme"),
            }),
            env_layer.theme,
            file_layer.theme,
        )
        .map_or(Setting::default(None), |s| Setting {
            value: Some(s.value),
            origin: s.origin,
        });
        let projector = pick(
            flags.projector.map(|v| Setting {
                value: v,
                origin: flag(if v { "--projector" } else { "--no-projector" }),
            }),
            env_layer.projector,
            file_layer.projector,
        )
        .unwrap_or(Setting::default(false));
        let mouse = pick(
            flags.mouse.map(|v| Setting {
                value: v,
                origin: flag(if v { "--mouse" } else { "--no-mouse" }),
            }),
            env_layer.mouse,
            file_layer.mouse,
        )
        .unwrap_or(Setting::default(false));
        let packs = if flags.packs.is_empty() {
            env_layer.packs.or(file_layer.packs).unwrap_or_default()
        } else {
            ListSetting {
                value: flags.packs.clone(),
                origin: flag("--pack"),
                item_origins: vec![flag("--pack"); flags.packs.len()],
            }
        };
        Config {
            path,
            file,
            problems,
            theme,
            projector,
            mouse,
            data_dirs: env_layer
                .data_dirs
                .or(file_layer.data_dirs)
                .unwrap_or_default(),
            packs,
            data: flags.data.clone(),
        }
    }

    /// The extra folders of decision packs (config `data_dirs` or `TRADEOFF_DATA_DIRS`), absolute
    /// or relative to the working directory, in order; empty when none are set. `--data` replaces
    /// these as it replaces the built-in packs.
    pub fn data_dirs(&self) -> &[PathBuf] {
        &self.data_dirs.value
    }

    /// The problems, then a line saying what was done about them; empty when there are none.
    pub fn warning(&self) -> Option<String> {
        if self.problems.is_empty() {
            return None;
        }
        let mut s = self.problems.join("\n");
        s.push_str(if self.file == FileState::Ignored {
            "\nwarning: the config file was ignored because of the problem(s) above; the defaults apply (`tradeoff config` shows the settings)"
        } else {
            "\nwarning: the environment variable(s) above were ignored (`tradeoff config` shows the settings)"
        });
        Some(s)
    }

    /// `tradeoff config` as text. `auto_theme` names the theme an automatic choice gives here.
    pub fn describe(&self, auto_theme: &str) -> String {
        let mut o = String::new();
        let path = self
            .path
            .as_ref()
            .map_or("(none: set XDG_CONFIG_HOME or HOME)".into(), |p| {
                p.display().to_string()
            });
        let state = match self.file {
            FileState::NoPath => "no config file can be found",
            FileState::NotFound => "not there: the defaults apply; create it to change them",
            FileState::Loaded => "loaded",
            FileState::Ignored => "ignored: it has problems (below); the defaults apply",
        };
        o.push_str(&format!("config file: {path}\n             ({state})\n\n"));
        let rows = self.rows(auto_theme);
        let w = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
        let v = rows
            .iter()
            .map(|r| r.1.chars().count())
            .max()
            .unwrap_or(0)
            .min(40);
        o.push_str(&format!("{:w$}  {:v$}  from\n", "setting", "value"));
        for (key, value, from) in rows {
            o.push_str(&format!("{key:w$}  {value:v$}  {from}\n"));
        }
        if !self.problems.is_empty() {
            o.push_str("\nproblems:\n");
            for p in &self.problems {
                o.push_str(&format!("  {p}\n"));
            }
        }
        o.push_str("\nPrecedence: flags > environment (");
        o.push_str(
            &ENVIRONMENT
                .iter()
                .filter(|(n, _)| *n != ENV_CONFIG)
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", "),
        );
        o.push_str(") > config file > defaults.\n");
        o
    }

    fn rows(&self, auto_theme: &str) -> Vec<(&'static str, String, String)> {
        let theme = match &self.theme.value {
            Some(t) => t.clone(),
            None => format!("{auto_theme} (automatic)"),
        };
        let list = |l: &[String], empty: &str| {
            if l.is_empty() {
                empty.to_string()
            } else {
                l.join(", ")
            }
        };
        let dirs: Vec<String> = self
            .data_dirs
            .value
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        let mut rows = vec![
            ("theme", theme, self.theme.origin.to_string()),
            (
                "projector",
                self.projector.value.to_string(),
                self.projector.origin.to_string(),
            ),
            (
                "mouse",
                self.mouse.value.to_string(),
                self.mouse.origin.to_string(),
            ),
            (
                "data_dirs",
                list(&dirs, "none"),
                self.data_dirs.origin.to_string(),
            ),
            (
                "packs",
                list(&self.packs.value, "all"),
                self.packs.origin.to_string(),
            ),
        ];
        if let Some(d) = &self.data {
            rows.push((
                "data",
                d.display().to_string(),
                "flag --data (replaces the built-in packs and data_dirs)".into(),
            ));
        }
        rows
    }

    /// `tradeoff config --format json`.
    pub fn to_json(&self, auto_theme: &str) -> String {
        #[derive(Serialize)]
        struct Out<'a> {
            schema_version: u32,
            config_file: FileOut<'a>,
            problems: &'a [String],
            settings: BTreeMap<&'static str, serde_json::Value>,
        }
        #[derive(Serialize)]
        struct FileOut<'a> {
            path: Option<String>,
            state: &'a FileState,
        }
        let entry = |value: serde_json::Value, origin: &Origin| serde_json::json!({ "value": value, "origin": origin });
        let mut settings = BTreeMap::new();
        let theme = self.theme.value.as_deref().unwrap_or(auto_theme);
        let mut t = entry(theme.into(), &self.theme.origin);
        t["automatic"] = self.theme.value.is_none().into();
        settings.insert("theme", t);
        settings.insert(
            "projector",
            entry(self.projector.value.into(), &self.projector.origin),
        );
        settings.insert("mouse", entry(self.mouse.value.into(), &self.mouse.origin));
        let dirs: Vec<String> = self
            .data_dirs
            .value
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        settings.insert("data_dirs", entry(dirs.into(), &self.data_dirs.origin));
        settings.insert(
            "packs",
            entry(self.packs.value.clone().into(), &self.packs.origin),
        );
        if let Some(d) = &self.data {
            settings.insert(
                "data",
                entry(
                    d.display().to_string().into(),
                    &Origin::Flag { name: "--data" },
                ),
            );
        }
        let out = Out {
            schema_version: 1,
            config_file: FileOut {
                path: self.path.as_ref().map(|p| p.display().to_string()),
                state: &self.file,
            },
            problems: &self.problems,
            settings,
        };
        crate::report::json::to_json(&out)
    }
}

/// The first layer that has a value: flag, environment, file.
fn pick<T>(flag: Option<T>, env: Option<T>, file: Option<T>) -> Option<T> {
    flag.or(env).or(file)
}

/// A path from a config file: `~/` is the home folder, a relative path is relative to `base`.
fn expand(raw: &str, base: &Path, env: &dyn Fn(&str) -> Option<OsString>) -> PathBuf {
    if let Some(rest) = raw.strip_prefix("~/")
        && let Some(home) = env("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    let p = PathBuf::from(raw);
    if p.is_absolute() { p } else { base.join(p) }
}

/// A built-in theme name is kept; something that looks like a path is a path; anything else is a
/// mistyped name.
fn check_theme(value: &str) -> Result<bool, String> {
    if THEMES.contains(&value) {
        return Ok(false);
    }
    let looks_like_path = value.contains('/')
        || value.contains(std::path::MAIN_SEPARATOR)
        || value.ends_with(".toml")
        || value.starts_with('~');
    if looks_like_path {
        return Ok(true);
    }
    Err(format!(
        "unknown theme `{value}`{}; a theme is {} or the path of a theme TOML file",
        did_you_mean(value, THEMES),
        THEMES.join(", ")
    ))
}

fn parse_file(
    path: &Path,
    text: &str,
    env: &dyn Fn(&str) -> Option<OsString>,
) -> Result<Layer, Diagnostics> {
    let name = path.display().to_string();
    let src = SourceText::new(&name, text);
    // First the keys, so that every unknown key is reported with a suggestion.
    let keys: BTreeMap<Spanned<String>, serde::de::IgnoredAny> =
        toml::from_str(text).map_err(|e| src.toml_error(&e))?;
    let known: Vec<&str> = KEYS.iter().map(|(k, _)| *k).collect();
    let mut diags: Diagnostics = keys
        .keys()
        .filter(|k| !known.contains(&k.get_ref().as_str()))
        .map(|k| {
            src.at(
                k.span(),
                format!(
                    "unknown key `{}`{}; valid keys: {}",
                    k.get_ref(),
                    did_you_mean(k.get_ref(), known.iter().copied()),
                    known.join(", ")
                ),
            )
        })
        .collect();
    let def: FileDef = match toml::from_str(text) {
        Ok(d) => d,
        Err(e) => {
            diags.push(src.toml_error(&e));
            diags.0.sort();
            return Err(diags);
        }
    };
    let at = |span: std::ops::Range<usize>| {
        let (line, col) = src.line_col(span.start);
        Origin::File {
            path: name.clone(),
            line,
            col,
        }
    };
    let base = path.parent().unwrap_or(Path::new(""));
    let mut layer = Layer::default();
    if let Some(t) = def.theme {
        match check_theme(t.get_ref()) {
            Ok(is_path) => {
                let value = if is_path {
                    expand(t.get_ref(), base, env).display().to_string()
                } else {
                    t.get_ref().clone()
                };
                layer.theme = Some(Setting {
                    value,
                    origin: at(t.span()),
                });
            }
            Err(msg) => diags.push(src.at(t.span(), msg)),
        }
    }
    layer.projector = def.projector.map(|b| Setting {
        value: *b.get_ref(),
        origin: at(b.span()),
    });
    layer.mouse = def.mouse.map(|b| Setting {
        value: *b.get_ref(),
        origin: at(b.span()),
    });
    let mut list = |l: Spanned<Vec<Spanned<String>>>, what: &str| {
        let origin = at(l.span());
        let mut value = Vec::new();
        let mut item_origins = Vec::new();
        for item in l.into_inner() {
            if item.get_ref().trim().is_empty() {
                diags.push(src.at(item.span(), format!("an empty {what}")));
                continue;
            }
            item_origins.push(at(item.span()));
            value.push(item.into_inner());
        }
        ListSetting {
            value,
            origin,
            item_origins,
        }
    };
    if let Some(l) = def.data_dirs {
        let l = list(l, "folder name");
        layer.data_dirs = Some(ListSetting {
            value: l.value.iter().map(|d| expand(d, base, env)).collect(),
            origin: l.origin,
            item_origins: l.item_origins,
        });
    }
    layer.packs = def.packs.map(|l| list(l, "pack id"));
    if diags.is_empty() {
        Ok(layer)
    } else {
        diags.0.sort();
        Err(diags)
    }
}

fn env_bool(name: &'static str, v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!(
            "environment variable {name}={v:?} is not a yes/no value; use 1, true, yes or on, or 0, false, no or off"
        )),
    }
}

fn env_layer(env: &dyn Fn(&str) -> Option<OsString>, problems: &mut Vec<String>) -> Layer {
    let origin = |name| Origin::Env { name };
    let text = |name: &'static str, problems: &mut Vec<String>| {
        let v = env(name)?;
        match v.into_string() {
            Ok(s) => Some(s),
            Err(_) => {
                problems.push(format!("environment variable {name} is not valid Unicode"));
                None
            }
        }
    };
    let mut layer = Layer::default();
    if let Some(v) = text(ENV_THEME, problems) {
        match check_theme(&v) {
            Ok(_) => {
                layer.theme = Some(Setting {
                    value: v,
                    origin: origin(ENV_THEME),
                })
            }
            Err(msg) => problems.push(format!("environment variable {ENV_THEME}: {msg}")),
        }
    }
    for (name, slot) in [
        (ENV_PROJECTOR, &mut layer.projector),
        (ENV_MOUSE, &mut layer.mouse),
    ] {
        if let Some(v) = text(name, problems) {
            match env_bool(name, &v) {
                Ok(b) => {
                    *slot = Some(Setting {
                        value: b,
                        origin: origin(name),
                    })
                }
                Err(msg) => problems.push(msg),
            }
        }
    }
    if let Some(v) = env(ENV_DATA_DIRS) {
        let value: Vec<PathBuf> = std::env::split_paths(&v)
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        layer.data_dirs = Some(ListSetting {
            item_origins: vec![origin(ENV_DATA_DIRS); value.len()],
            value,
            origin: origin(ENV_DATA_DIRS),
        });
    }
    if let Some(v) = text(ENV_PACKS, problems) {
        let value: Vec<String> = v
            .split([',', ' '])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        layer.packs = Some(ListSetting {
            item_origins: vec![origin(ENV_PACKS); value.len()],
            value,
            origin: origin(ENV_PACKS),
        });
    }
    layer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            vars.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    /// The settings for these flags and this environment, the folders found from it too.
    fn resolve(flags: &Flags, env: &dyn Fn(&str) -> Option<OsString>) -> Config {
        Config::resolve(flags, &Folders::resolve(env), env)
    }

    fn layer(text: &str) -> Result<Layer, Diagnostics> {
        parse_file(
            Path::new("/cfg/config.toml"),
            text,
            &env_of(&[("HOME", "/home/u")]),
        )
    }

    #[test]
    fn a_file_sets_values_with_their_places() {
        let l = layer(
            "theme = \"light\"\nmouse = true\ndata_dirs = [\"packs\", \"~/more\", \"/abs\"]\npacks = [\"compute\"]\n",
        )
        .unwrap();
        let theme = l.theme.unwrap();
        assert_eq!(theme.value, "light");
        assert_eq!(theme.origin.to_string(), "/cfg/config.toml:1:9");
        assert!(l.mouse.unwrap().value);
        let dirs = l.data_dirs.unwrap();
        assert_eq!(
            dirs.value,
            [
                PathBuf::from("/cfg/packs"),
                PathBuf::from("/home/u/more"),
                PathBuf::from("/abs")
            ]
        );
        assert_eq!(dirs.item_origins[1].to_string(), "/cfg/config.toml:3:23");
        assert_eq!(l.packs.unwrap().value, ["compute"]);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_placed_with_suggestions() {
        let e = layer("them = \"light\"\nprojecter = true\n").unwrap_err();
        let msgs: Vec<String> = e.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(
            msgs[0].starts_with("/cfg/config.toml:1:1: unknown key `them`, did you mean `theme`?"),
            "{msgs:?}"
        );
        assert!(msgs[1].contains("2:1: unknown key `projecter`, did you mean `projector`?"));
        let e = layer("theme = \"lihgt\"\n").unwrap_err();
        assert!(
            e[0].to_string()
                .contains("1:9: unknown theme `lihgt`, did you mean `light`?"),
            "{e:?}"
        );
        let e = layer("mouse = \"yes\"\n").unwrap_err();
        assert_eq!((e[0].line, e[0].col), (1, 9), "{e:?}");
        let e = layer("theme = \n").unwrap_err();
        assert_eq!(e[0].line, 1, "{e:?}");
        // A theme path is relative to the config file's folder.
        let l = layer("theme = \"themes/my.toml\"\n").unwrap();
        assert_eq!(l.theme.unwrap().value, "/cfg/themes/my.toml");
    }

    #[test]
    fn flags_beat_environment_beats_file_beats_defaults() {
        let dir = std::env::temp_dir().join(format!("tradeoff-config-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("tradeoff")).unwrap();
        std::fs::write(
            dir.join("tradeoff/config.toml"),
            "theme = \"light\"\nprojector = true\nmouse = true\npacks = [\"iac\"]\n",
        )
        .unwrap();
        let xdg = dir.to_str().unwrap();
        let c = resolve(
            &Flags::default(),
            &env_of(&[("XDG_CONFIG_HOME", xdg), (ENV_MOUSE, "off")]),
        );
        assert_eq!(c.file, FileState::Loaded);
        assert_eq!(c.theme.value.as_deref(), Some("light"));
        assert!(matches!(c.theme.origin, Origin::File { line: 1, .. }));
        assert!(!c.mouse.value);
        assert_eq!(c.mouse.origin, Origin::Env { name: ENV_MOUSE });
        assert_eq!(c.packs.value, ["iac"]);
        let flags = Flags {
            projector: Some(false),
            packs: vec!["compute".into()],
            ..Flags::default()
        };
        let c = resolve(&flags, &env_of(&[("XDG_CONFIG_HOME", xdg)]));
        assert!(!c.projector.value);
        assert_eq!(
            c.projector.origin,
            Origin::Flag {
                name: "--no-projector"
            }
        );
        assert_eq!(c.packs.value, ["compute"]);
        // No file: defaults.
        let c = resolve(
            &Flags::default(),
            &env_of(&[("XDG_CONFIG_HOME", "/nonexistent-tradeoff")]),
        );
        assert_eq!(c.file, FileState::NotFound);
        assert!(c.problems.is_empty());
        assert_eq!(c.theme, Setting::default(None));
        // A broken file: reported, ignored, the environment still applies.
        std::fs::write(dir.join("tradeoff/config.toml"), "mouse = tru\n").unwrap();
        let c = resolve(
            &Flags::default(),
            &env_of(&[("XDG_CONFIG_HOME", xdg), (ENV_THEME, "mono")]),
        );
        assert_eq!(c.file, FileState::Ignored);
        assert!(
            c.problems[0].contains("config.toml:1:9"),
            "{:?}",
            c.problems
        );
        assert!(!c.mouse.value);
        assert_eq!(c.theme.value.as_deref(), Some("mono"));
        assert!(c.warning().unwrap().contains("the defaults apply"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn environment_values_are_checked() {
        let mut problems = Vec::new();
        let l = env_layer(
            &env_of(&[
                (ENV_PROJECTOR, "Yes"),
                (ENV_MOUSE, "maybe"),
                (ENV_PACKS, "compute, iac"),
                (ENV_THEME, "drak"),
            ]),
            &mut problems,
        );
        assert!(l.projector.unwrap().value);
        assert!(l.mouse.is_none());
        assert!(l.theme.is_none());
        assert_eq!(l.packs.unwrap().value, ["compute", "iac"]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("TRADEOFF_MOUSE=\"maybe\""))
        );
        assert!(problems.iter().any(|p| p.contains("did you mean `dark`?")));
    }
}
