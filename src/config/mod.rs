//! User settings, resolved in layers: command-line flags > `TRADEOFF_*` environment variables > the
//! config file (`$XDG_CONFIG_HOME/tradeoff/config.toml`) > built-in defaults, each value with where
//! it came from (`tradeoff config` shows them). Which settings there are, and how each is written,
//! is said once, in [`table::SETTINGS`]; this module reads the layers and stacks them.
//!
//! A broken config file never stops a command: its problems are reported as `file:line:col:
//! message` and the whole file is ignored, so the defaults apply (a half-read file would be harder
//! to reason about than none). A bad environment variable is reported and ignored the same way.
//! This module only reads and resolves; what the settings do is up to the caller (the binary's
//! `cmd::resolve` reads them once and hands them on).

mod layer;
mod show;
pub mod table;
#[cfg(test)]
mod tests;

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::folders::Folders;
use crate::fsutil::{self, ReadErrorKind};
use crate::pack::Diagnostic;
pub use table::{ENV_CONFIG, Key, Kind, SETTINGS};

/// The file inside `$XDG_CONFIG_HOME/tradeoff/`.
pub const FILE_NAME: &str = crate::folders::CONFIG_FILE;
/// The largest config file read (a real one is a few hundred bytes).
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    #[default]
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

/// A setting's value, of its [`Kind`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A theme name or file; `None`: automatic.
    Theme(Option<String>),
    Bool(bool),
    Folders(Vec<PathBuf>),
    Ids(Vec<String>),
}

impl Value {
    /// The value a setting has when nothing sets it.
    pub fn default_of(kind: Kind) -> Value {
        match kind {
            Kind::Theme => Value::Theme(None),
            Kind::Bool => Value::Bool(false),
            Kind::Folders => Value::Folders(Vec::new()),
            Kind::PackIds => Value::Ids(Vec::new()),
        }
    }
}

/// A value and where it came from; a list also has the place of each item (for messages about one
/// item).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub value: Value,
    pub origin: Origin,
    pub item_origins: Vec<Origin>,
}

impl Entry {
    fn default_of(kind: Kind) -> Entry {
        Entry {
            value: Value::default_of(kind),
            origin: Origin::Default,
            item_origins: Vec::new(),
        }
    }
}

/// A typed value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

/// A typed list, where it came from, and where each item did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListSetting<T> {
    pub value: Vec<T>,
    pub origin: Origin,
    pub item_origins: Vec<Origin>,
}

/// What the command line said, setting by setting; a setting not given is not here.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    given: Vec<(Key, Value)>,
    /// `--data DIR`: shown by `tradeoff config`; it replaces the built-in packs and `data_dirs`.
    pub data: Option<PathBuf>,
}

impl Flags {
    /// `key` given on the command line as `value` (`None`, or an empty list: not given).
    pub fn with(mut self, key: Key, value: Option<Value>) -> Flags {
        match value {
            Some(Value::Ids(v)) if v.is_empty() => {}
            Some(Value::Folders(v)) if v.is_empty() => {}
            Some(v) => self.given.push((key, v)),
            None => {}
        }
        self
    }

    fn get(&self, key: Key) -> Option<Entry> {
        let (_, value) = self.given.iter().rev().find(|(k, _)| *k == key)?;
        let flags = key.def().flags;
        let name = match value {
            Value::Bool(false) => flags.get(1),
            _ => flags.first(),
        }
        .copied()
        .unwrap_or("");
        let origin = Origin::Flag { name };
        let items = match value {
            Value::Ids(v) => v.len(),
            Value::Folders(v) => v.len(),
            _ => 0,
        };
        Some(Entry {
            value: value.clone(),
            item_origins: vec![origin.clone(); items],
            origin,
        })
    }
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
#[derive(Debug, Clone)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub file: FileState,
    /// Problems with the config file (`file:line:col: message`) and with environment variables,
    /// one per entry; the caller prints them (on stderr) and goes on.
    pub problems: Vec<String>,
    /// Every setting, in [`SETTINGS`] order.
    pub entries: Vec<Entry>,
    /// `--data DIR`, if given.
    pub data: Option<PathBuf>,
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
        let (file, mut file_layer) = match &path {
            None => (FileState::NoPath, layer::Layer::default()),
            Some(path) => match fsutil::read_text_limited(path, MAX_FILE_BYTES) {
                Ok(text) => match layer::file(path, &text, &env) {
                    Ok(layer) => (FileState::Loaded, layer),
                    Err(diags) => {
                        problems.extend(diags.iter().map(Diagnostic::to_string));
                        (FileState::Ignored, layer::Layer::default())
                    }
                },
                // No file is the normal case, unless it was named (TRADEOFF_CONFIG, --config).
                Err(e)
                    if matches!(&e.kind, ReadErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound)
                        && !folders.config_named =>
                {
                    (FileState::NotFound, layer::Layer::default())
                }
                Err(e) => {
                    problems.push(e.to_string());
                    (FileState::Ignored, layer::Layer::default())
                }
            },
        };
        let mut env_layer = layer::env(&env, &mut problems);
        let entries = SETTINGS
            .iter()
            .map(|d| {
                flags
                    .get(d.key)
                    .or_else(|| env_layer.take(d.key))
                    .or_else(|| file_layer.take(d.key))
                    .unwrap_or_else(|| Entry::default_of(d.kind))
            })
            .collect();
        Config {
            path,
            file,
            problems,
            entries,
            data: flags.data.clone(),
        }
    }

    pub fn entry(&self, key: Key) -> &Entry {
        &self.entries[key as usize]
    }

    /// The theme: a built-in name or a theme file's path; `None`: automatic (mono with NO_COLOR,
    /// light on a light background, else dark).
    pub fn theme(&self) -> Setting<Option<String>> {
        let e = self.entry(Key::Theme);
        let value = match &e.value {
            Value::Theme(t) => t.clone(),
            _ => None,
        };
        Setting {
            value,
            origin: e.origin.clone(),
        }
    }

    pub fn projector(&self) -> bool {
        self.switch(Key::Projector)
    }

    pub fn mouse(&self) -> bool {
        self.switch(Key::Mouse)
    }

    fn switch(&self, key: Key) -> bool {
        matches!(self.entry(key).value, Value::Bool(true))
    }

    /// The extra folders of decision packs (config `data_dirs` or `TRADEOFF_DATA_DIRS`), absolute
    /// or relative to the working directory, in order; empty when none are set. `--data` replaces
    /// these as it replaces the built-in packs.
    pub fn data_dirs(&self) -> &[PathBuf] {
        match &self.entry(Key::DataDirs).value {
            Value::Folders(v) => v,
            _ => &[],
        }
    }

    /// The packs `recommend` shows when no `--pack` is given (empty: all), with their places.
    pub fn packs(&self) -> ListSetting<String> {
        let e = self.entry(Key::Packs);
        ListSetting {
            value: match &e.value {
                Value::Ids(v) => v.clone(),
                _ => Vec::new(),
            },
            origin: e.origin.clone(),
            item_origins: e.item_origins.clone(),
        }
    }

    /// The problems, then a line saying what was done about them; empty when there are none.
    pub fn warning(&self) -> Option<String> {
        if self.problems.is_empty() {
            return None;
        }
        // Each problem on one line, whatever the file or the environment put in it.
        let lines: Vec<_> = self.problems.iter().map(|p| crate::safe::line(p)).collect();
        let mut s = lines.join("\n");
        s.push_str(if self.file == FileState::Ignored {
            "\nwarning: the config file was ignored because of the problem(s) above; the defaults apply\ntip: `tradeoff config` shows the settings and where each comes from"
        } else {
            "\nwarning: the environment variable(s) above were ignored\ntip: `tradeoff config` shows the settings and where each comes from"
        });
        Some(s)
    }
}
