//! Resolve once, then run: the parsed command line, the environment and the config file become one
//! [`Job`] holding everything its command needs — where the data comes from, how a view looks, what
//! to write where. The config file is read here and nowhere else (at most once per process), the
//! folders are looked up once, and no command reads the environment again.
//!
//! Options given before the subcommand (`tradeoff --data DIR recommend`) count as if given after
//! it; one the subcommand has no use for is refused with a note saying where it acts.

use std::path::PathBuf;

use tradeoff::config::{Config, Flags, ListSetting, Origin, Setting};
use tradeoff::folders::Folders;
use tradeoff::pack::{Catalog, Source, Use};
use tradeoff::safe;

use super::out::{Failure, data_failure, fail};
use crate::cli::{self, Cli, Command, CompareFormat, DataArg, ListFormat, PackAction, ViewArgs};

/// A command with everything it needs, decided.
pub enum Job {
    /// `tradeoff` on a terminal: the TUI.
    Interactive {
        view: View,
        data: Data,
        resume: bool,
        /// The autosave's file.
        session: Option<PathBuf>,
    },
    /// `tradeoff --plain` (or TERM=dumb, ACCESSIBLE).
    Plain {
        data: Data,
    },
    Demo {
        view: View,
        data: Data,
        script: Option<PathBuf>,
    },
    Compare {
        data: Data,
        files: Vec<PathBuf>,
        format: CompareFormat,
        /// `--tui`: the comparison screen, in this look.
        tui: Option<View>,
    },
    Recommend {
        data: Data,
        args: cli::RecommendArgs,
        /// `--pack`, else the settings' default packs, each with where it was given.
        packs: ListSetting<String>,
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
        self.source.load(what).map_err(|d| data_failure(&d))
    }

    /// A configured folder that does not exist is said on standard error and left out.
    pub fn warn_missing(&self) {
        for d in &self.missing {
            eprintln!(
                "warning: the data folder {} (data_dirs) does not exist; its packs are left out",
                safe::line(&d.display().to_string())
            );
        }
    }
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
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `COLORFGBG`, the terminal's colours (a light background picks the light theme).
    pub colorfgbg: Option<String>,
    /// `TERM=dumb`.
    pub dumb: bool,
    /// `ACCESSIBLE` is set and not empty.
    pub accessible: bool,
}

impl Term {
    fn from_env() -> Term {
        let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Term {
            no_color: set("NO_COLOR"),
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

/// What the command line asked for, outside the subcommand (to merge into it).
struct Outer {
    data: Option<PathBuf>,
    view: ViewArgs,
}

/// The command line, resolved: the settings are read here once.
pub fn resolve(cli: Cli) -> Result<Job, Failure> {
    let Cli {
        data,
        view,
        plain,
        resume,
        command,
    } = cli;
    let outer = Outer {
        data: data.data,
        view,
    };
    let Some(command) = command else {
        return interactive(outer, plain, resume);
    };
    let name = command_name(&command);
    if plain || resume {
        return Err(misplaced(if plain { "--plain" } else { "--resume" }, name));
    }
    let no_view = || match outer.view.given().first() {
        Some(flag) => Err(misplaced(flag, name)),
        None => Ok(()),
    };
    let no_data = || match &outer.data {
        Some(_) => Err(misplaced("--data", name)),
        None => Ok(()),
    };
    let dir = |d: DataArg| d.data.or_else(|| outer.data.clone());
    let folders = Folders::from_env();
    Ok(match command {
        Command::Completions { shell } => {
            no_view()?;
            no_data()?;
            Job::Completions(shell)
        }
        Command::Man { command } => {
            no_view()?;
            no_data()?;
            Job::Man(command)
        }
        Command::Pack {
            action: PackAction::New { id, dir, force },
        } => {
            no_view()?;
            no_data()?;
            let config = settings(&Flags::default(), &folders);
            let mut loaded: Vec<PathBuf> = folders.data.iter().cloned().collect();
            loaded.extend(config.data_dirs().iter().cloned());
            Job::PackNew {
                data: data_of(None, &config, &folders),
                id,
                folder: dir.or(folders.data),
                force,
                loaded,
            }
        }
        Command::Config {
            data: d,
            view,
            format,
        } => {
            let view = view.or(&outer.view);
            if view.record.is_some() {
                return Err(misplaced("--record", name));
            }
            let config = Config::load(
                &Flags {
                    data: dir(d),
                    ..view_flags(&view)
                },
                &folders,
            );
            Job::Config {
                config: Box::new(config),
                auto_theme: Term::from_env().auto_theme(),
                format,
            }
        }
        Command::Recommend(args) => {
            no_view()?;
            let config = settings(
                &Flags {
                    packs: args.pack.clone(),
                    ..Flags::default()
                },
                &folders,
            );
            let data = data_of(dir(args.data.clone()), &config, &folders);
            Job::Recommend {
                data,
                packs: config.packs,
                args,
            }
        }
        Command::Questions { data: d, format } => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            Job::Questions {
                data: data_of(dir(d), &config, &folders),
                format,
            }
        }
        Command::Packs { data: d, format } => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            Job::Packs {
                data: data_of(dir(d), &config, &folders),
                format,
            }
        }
        Command::Glossary {
            words,
            data: d,
            format,
        } => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            Job::Glossary {
                data: data_of(dir(d), &config, &folders),
                words,
                format,
            }
        }
        Command::Validate {
            dir: checked,
            data: d,
            format,
            scripts,
        } => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            let data = data_of(checked.or_else(|| dir(d)), &config, &folders);
            Job::Validate {
                builtin: matches!(data.source, Source::Builtin { .. }),
                data,
                scripts,
                format,
            }
        }
        Command::Demo {
            script,
            data: d,
            view,
        } => {
            let view = view.or(&outer.view);
            let config = settings(&view_flags(&view), &folders);
            Job::Demo {
                data: data_of(dir(d), &config, &folders),
                view: view_of(&view, &config, Term::from_env()),
                script,
            }
        }
        Command::Compare {
            files,
            format,
            tui,
            data: d,
            theme,
            projector,
            no_projector,
            record,
        } => {
            let mine = ViewArgs {
                theme,
                projector,
                no_projector,
                record,
                ..ViewArgs::default()
            };
            if tui && outer.view.mouse().is_some() {
                // The comparison screen has nothing to click.
                let flag = if outer.view.mouse {
                    "--mouse"
                } else {
                    "--no-mouse"
                };
                return Err(misplaced(flag, "compare --tui"));
            }
            if !tui {
                no_view()?;
            }
            let view = mine.or(&outer.view);
            let config = settings(&view_flags(&view), &folders);
            Job::Compare {
                data: data_of(dir(d), &config, &folders),
                tui: tui.then(|| View {
                    mouse: false,
                    ..view_of(&view, &config, Term::from_env())
                }),
                files,
                format,
            }
        }
    })
}

/// `tradeoff` without a command: the TUI, or the plain mode.
fn interactive(outer: Outer, plain: bool, resume: bool) -> Result<Job, Failure> {
    let term = Term::from_env();
    let folders = Folders::from_env();
    if plain || term.dumb || term.accessible {
        let mut ignored = outer.view.given();
        if resume {
            ignored.push("--resume");
        }
        if !ignored.is_empty() {
            let why = match (plain, term.dumb) {
                (true, _) => "--plain",
                (false, true) => "TERM=dumb",
                (false, false) => "ACCESSIBLE is set",
            };
            eprintln!("note: plain mode ({why}) ignores {}", ignored.join(", "));
        }
        let config = settings(&Flags::default(), &folders);
        return Ok(Job::Plain {
            data: data_of(outer.data, &config, &folders),
        });
    }
    let config = settings(&view_flags(&outer.view), &folders);
    Ok(Job::Interactive {
        data: data_of(outer.data, &config, &folders),
        view: view_of(&outer.view, &config, term),
        resume,
        session: folders.session_file(),
    })
}

/// The settings (read once): the problems of a broken config file or environment variable are
/// shown, and the command goes on with the defaults.
fn settings(flags: &Flags, folders: &Folders) -> Config {
    let config = Config::load(flags, folders);
    if let Some(w) = config.warning() {
        eprintln!("{w}");
    }
    config
}

/// The decision data: a `--data` folder alone, or the built-in packs with the user's own beside
/// them (the default packs folder and the config's `data_dirs`).
fn data_of(dir: Option<PathBuf>, config: &Config, folders: &Folders) -> Data {
    match dir {
        Some(d) => Data {
            source: Source::Folder(d),
            missing: Vec::new(),
        },
        None => {
            let (source, missing) = Source::with_user(folders.data.as_deref(), config.data_dirs());
            Data { source, missing }
        }
    }
}

fn view_flags(view: &ViewArgs) -> Flags {
    Flags {
        theme: view.theme.clone(),
        projector: view.projector(),
        mouse: view.mouse(),
        ..Flags::default()
    }
}

fn view_of(view: &ViewArgs, config: &Config, term: Term) -> View {
    View {
        theme: config.theme.clone(),
        projector: config.projector.value,
        mouse: config.mouse.value,
        record: view.record.clone(),
        term,
    }
}

/// Whether `--theme` (or no theme) chose the theme: a theme that fails to load is then an error,
/// not a warning.
pub fn theme_from_flag(theme: &Setting<Option<String>>) -> bool {
    matches!(theme.origin, Origin::Flag { .. } | Origin::Default)
}

/// An option given before a subcommand that has no use for it.
pub fn misplaced(flag: &str, command: &str) -> Failure {
    let scope = cli::flag_scope(flag).map_or(String::new(), |s| format!("\nnote: {s}"));
    fail(
        2,
        format!("error: {flag} has no effect on `tradeoff {command}`{scope}"),
    )
}

fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Recommend(_) => "recommend",
        Command::Questions { .. } => "questions",
        Command::Packs { .. } => "packs",
        Command::Validate { .. } => "validate",
        Command::Compare { tui: true, .. } => "compare --tui",
        Command::Compare { .. } => "compare",
        Command::Demo { .. } => "demo",
        Command::Glossary { .. } => "glossary",
        Command::Config { .. } => "config",
        Command::Completions { .. } => "completions",
        Command::Man { .. } => "man",
        Command::Pack { .. } => "pack new",
    }
}
