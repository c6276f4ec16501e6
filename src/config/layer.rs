//! The two layers below the flags: the config file and the `TRADEOFF_*` environment, each read
//! setting by setting as [`SETTINGS`] describes it, every value with its place.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use super::table::{Key, Kind, SETTINGS};
use super::{Entry, Origin, Value};
use crate::pack::{Diagnostics, SourceText};
use crate::suggest::did_you_mean;

type Env<'a> = &'a dyn Fn(&str) -> Option<OsString>;

/// One layer's values, by [`Key`]; `None` where the layer does not set it.
#[derive(Debug, Default)]
pub struct Layer(BTreeMap<usize, Entry>);

impl Layer {
    pub fn take(&mut self, key: Key) -> Option<Entry> {
        self.0.remove(&(key as usize))
    }

    fn set(&mut self, key: Key, entry: Entry) {
        self.0.insert(key as usize, entry);
    }
}

/// The built-in theme names a theme setting may use (anything else must be a path).
const THEMES: [&str; 4] = crate::tui::theme::BUILTIN;

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

/// A path from a config file: `~/` is the home folder, a relative path is relative to `base`.
fn expand(raw: &str, base: &Path, env: Env) -> PathBuf {
    if let Some(rest) = raw.strip_prefix("~/")
        && let Some(home) = env("HOME")
    {
        return PathBuf::from(home).join(rest);
    }
    let p = PathBuf::from(raw);
    if p.is_absolute() { p } else { base.join(p) }
}

/// The config file's layer, or every problem in it (unknown keys with a suggestion, values of the
/// wrong kind), each at its place.
pub fn file(path: &Path, text: &str, env: Env) -> Result<Layer, Diagnostics> {
    let name = path.display().to_string();
    let src = SourceText::new(&name, text);
    let table = DeTable::parse(text).map_err(|e| src.toml_error(&e))?;
    let known: Vec<&str> = SETTINGS.iter().map(|d| d.name).collect();
    let at = |span: std::ops::Range<usize>| {
        let (line, col) = src.line_col(span.start);
        Origin::File {
            path: name.clone(),
            line,
            col,
        }
    };
    let base = path.parent().unwrap_or(Path::new(""));
    let mut diags = Diagnostics::default();
    let mut layer = Layer::default();
    for (key, value) in table.get_ref() {
        let Some(def) = SETTINGS.iter().find(|d| d.name == key.get_ref().as_ref()) else {
            diags.push(src.at(
                key.span(),
                format!(
                    "unknown key `{}`{}; valid keys: {}",
                    key.get_ref(),
                    did_you_mean(key.get_ref(), known.iter().copied()),
                    known.join(", ")
                ),
            ));
            continue;
        };
        let wrong = |what: &str| {
            src.at(
                value.span(),
                format!(
                    "`{}` is {} {}, expected {}",
                    def.name,
                    article(value.get_ref().type_str()),
                    value.get_ref().type_str(),
                    what
                ),
            )
        };
        let origin = at(value.span());
        let entry = |value: Value, item_origins: Vec<Origin>| Entry {
            value,
            origin: origin.clone(),
            item_origins,
        };
        match (def.kind, value.get_ref()) {
            (Kind::Bool, DeValue::Boolean(b)) => layer.set(def.key, entry(Value::Bool(*b), vec![])),
            (Kind::Bool, _) => diags.push(wrong("true or false")),
            (Kind::Theme, DeValue::String(t)) => match check_theme(t) {
                Ok(is_path) => {
                    let t = if is_path {
                        expand(t, base, env).display().to_string()
                    } else {
                        t.to_string()
                    };
                    layer.set(def.key, entry(Value::Theme(Some(t)), vec![]));
                }
                Err(msg) => diags.push(src.at(value.span(), msg)),
            },
            (Kind::Theme, _) => diags.push(wrong("a theme name or a file's path, in quotes")),
            (Kind::Folders | Kind::PackIds, DeValue::Array(items)) => {
                let what = if def.kind == Kind::Folders {
                    "folder name"
                } else {
                    "pack id"
                };
                let mut strings = Vec::new();
                let mut origins = Vec::new();
                for item in items {
                    match item.get_ref() {
                        DeValue::String(s) if s.trim().is_empty() => {
                            diags.push(src.at(item.span(), format!("an empty {what}")))
                        }
                        DeValue::String(s) => {
                            strings.push(s.to_string());
                            origins.push(at(item.span()));
                        }
                        other => diags.push(src.at(
                            item.span(),
                            format!(
                                "a {what} is a string in quotes, not {} {}",
                                article(other.type_str()),
                                other.type_str()
                            ),
                        )),
                    }
                }
                let value = if def.kind == Kind::Folders {
                    Value::Folders(strings.iter().map(|d| expand(d, base, env)).collect())
                } else {
                    Value::Ids(strings)
                };
                layer.set(def.key, entry(value, origins));
            }
            (Kind::Folders, _) => diags.push(wrong("a list of folders, e.g. [\"~/team-packs\"]")),
            (Kind::PackIds, _) => diags.push(wrong("a list of pack ids, e.g. [\"compute\"]")),
        }
    }
    if diags.is_empty() {
        Ok(layer)
    } else {
        diags.0.sort();
        Err(diags)
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn env_bool(name: &'static str, v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!(
            "{name}={v:?}: not a yes/no value; use 1, true, yes or on, or 0, false, no or off"
        )),
    }
}

/// The environment's layer; a variable with a bad value is a problem, and left out.
pub fn env(env: Env, problems: &mut Vec<String>) -> Layer {
    let mut layer = Layer::default();
    for def in SETTINGS {
        let name = def.env;
        let Some(raw) = env(name) else {
            continue;
        };
        let origin = Origin::Env { name };
        let entry = |value: Value, items: usize| Entry {
            value,
            item_origins: vec![origin.clone(); items],
            origin: origin.clone(),
        };
        if def.kind == Kind::Folders {
            // Folders need not be Unicode.
            let dirs: Vec<PathBuf> = std::env::split_paths(&raw)
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            layer.set(def.key, entry(Value::Folders(dirs.clone()), dirs.len()));
            continue;
        }
        let Ok(text) = raw.into_string() else {
            problems.push(format!("{name}: not valid Unicode"));
            continue;
        };
        match def.kind {
            Kind::Theme => match check_theme(&text) {
                Ok(_) => layer.set(def.key, entry(Value::Theme(Some(text)), 0)),
                Err(msg) => problems.push(format!("{name}: {msg}")),
            },
            Kind::Bool => match env_bool(name, &text) {
                Ok(b) => layer.set(def.key, entry(Value::Bool(b), 0)),
                Err(msg) => problems.push(msg),
            },
            Kind::PackIds => {
                let ids: Vec<String> = text
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                let n = ids.len();
                layer.set(def.key, entry(Value::Ids(ids), n));
            }
            Kind::Folders => {}
        }
    }
    layer
}
