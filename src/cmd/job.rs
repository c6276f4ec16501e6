//! What a command receives once [`super::resolve`] has decided everything: the [`Job`], with where
//! its data comes from ([`Data`]) and how an interactive view looks ([`View`], [`Term`]). Commands
//! read these values and never the environment or the config file again.

use std::path::PathBuf;

use tradeoff::config::{Config, ListSetting, Setting};
use tradeoff::pack::{Catalog, Source, Use};
use tradeoff::safe;

use super::out::{Failure, data_failure, warn};
use crate::cli::{self, Color, CompareFormat, ListFormat};

/// A command with everything it needs, decided.
pub enum Job {
    /// `tradeoff` on a terminal: the TUI.
    Interactive {
        view: View,
        data: Data,
        resume: bool,
        /// `--answers FILE`: start with these answers.
        answers: Option<PathBuf>,
        /// The autosave's file.
        session: Option<PathBuf>,
    },
    /// `tradeoff --plain` (or TERM=dumb, ACCESSIBLE).
    Plain {
        data: Data,
        answers: Option<PathBuf>,
    },
    Demo {
        view: View,
        data: Data,
        script: Option<PathBuf>,
        /// What to do: present (the default), follow as the notes window, print the script.
        mode: DemoMode,
        /// The cue a presenting demo writes and the notes window follows.
        cue: Option<PathBuf>,
    },
    Compare {
        data: Data,
        files: Vec<PathBuf>,
        format: CompareFormat,
        /// The width text is wrapped to.
        cols: usize,
        /// `--tui`: the comparison screen, in this look.
        tui: Option<View>,
    },
    Recommend {
        data: Data,
        /// Boxed: the largest of the commands' arguments by far.
        args: Box<cli::RecommendArgs>,
        /// `--pack`, else the settings' default packs, each with where it was given.
        packs: ListSetting<String>,
        /// `--format`, else the one `--output`'s extension names, else text.
        format: tradeoff::report::Format,
        /// The decision record's status and decision-makers.
        adr: tradeoff::report::adr::Meta,
        cols: usize,
    },
    Questions {
        data: Data,
        format: ListFormat,
    },
    Packs {
        data: Data,
        format: ListFormat,
    },
    Glossary {
        data: Data,
        words: Vec<String>,
        format: ListFormat,
        cols: usize,
    },
    Validate {
        data: Data,
        /// The built-in data is checked (so the built-in demo script goes with it).
        builtin: bool,
        scripts: Vec<PathBuf>,
        format: ListFormat,
    },
    Config {
        config: Box<Config>,
        /// The theme an automatic choice gives on this terminal.
        auto_theme: String,
        format: ListFormat,
    },
    /// `tradeoff config init`: write a starting config file here (`None`: the system has no
    /// config folder).
    ConfigInit {
        file: Option<PathBuf>,
        force: bool,
    },
    Completions(clap_complete::Shell),
    Man(Option<String>),
    PackNew {
        id: String,
        /// Where the pack goes: `--dir`, else the user's data folder.
        folder: Option<PathBuf>,
        force: bool,
        /// The user's data, which the new pack is checked with.
        data: Data,
        /// The folders tradeoff loads packs from (the default one and `data_dirs`).
        loaded: Vec<PathBuf>,
    },
}

/// What `tradeoff demo` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoMode {
    /// Run the script (and publish its steps for a notes window).
    Present,
    /// `--notes`: follow a presenter's demo.
    Notes,
    /// `--print-script`: print the built-in script.
    PrintScript,
}

/// Where a command's decision data comes from, with the configured folders that are missing (said
/// once, when the data is loaded).
pub struct Data {
    pub source: Source,
    pub missing: Vec<PathBuf>,
}

impl Data {
    /// The data for `what`; problems are exit 2 with every one listed.
    pub fn load(&self, what: Use) -> Result<Catalog, Failure> {
        self.warn_missing();
        let (catalog, skipped) = self
            .source
            .load_skipping(what)
            .map_err(|d| data_failure(&d))?;
        warn_skipped(&skipped);
        Ok(catalog)
    }

    /// A configured folder that does not exist is said on standard error and left out.
    pub fn warn_missing(&self) {
        for d in &self.missing {
            warn(&format!(
                "warning: the data folder {} (data_dirs) does not exist; its packs are left out",
                safe::line(&d.display().to_string())
            ));
        }
    }
}

/// The problems of the user's pack files that were left out (see `Source::load_skipping`), said on
/// standard error: the command goes on with the built-in packs and the user's other packs.
pub fn warn_skipped(skipped: &tradeoff::pack::Diagnostics) {
    if skipped.is_empty() {
        return;
    }
    let mut files: Vec<&str> = skipped.0.iter().map(|p| p.file.as_str()).collect();
    files.dedup();
    warn(&format!(
        "{skipped}\nwarning: {} of your pack files had problems (above) and {} left out; the other packs work as before\ntip: `tradeoff validate` lists the problems",
        files.len(),
        if files.len() == 1 { "was" } else { "were" }
    ));
}

/// How an interactive view looks and behaves, from its flags, the environment and the config file.
pub struct View {
    /// The chosen theme (a name or a file) and where it was chosen; `None`: automatic.
    pub theme: Setting<Option<String>>,
    pub projector: bool,
    pub mouse: bool,
    /// `--record FILE`.
    pub record: Option<PathBuf>,
    pub term: Term,
}

/// What the environment says about the terminal.
#[derive(Debug, Clone, Default)]
pub struct Term {
    /// No colour: `--color never`, or `NO_COLOR` set and not empty (unless `--color always`).
    pub no_color: bool,
    /// `COLORFGBG`, the terminal's colours (a light background picks the light theme).
    pub colorfgbg: Option<String>,
    /// `TERM=dumb`.
    pub dumb: bool,
    /// `ACCESSIBLE` is set and not empty.
    pub accessible: bool,
}

impl Term {
    /// The terminal as the environment and `--color` describe it.
    pub(super) fn from_env(color: Color) -> Term {
        let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Term {
            no_color: match color {
                Color::Auto => set("NO_COLOR"),
                Color::Always => false,
                Color::Never => true,
            },
            colorfgbg: std::env::var("COLORFGBG").ok(),
            dumb: std::env::var("TERM").is_ok_and(|t| t == "dumb"),
            accessible: set("ACCESSIBLE"),
        }
    }

    /// The theme an automatic choice gives here.
    pub fn auto_theme(&self) -> String {
        tradeoff::tui::Theme::resolve(None, self.no_color, self.colorfgbg.as_deref())
            .map_or_else(|_| "dark".to_string(), |t| t.name)
    }
}
