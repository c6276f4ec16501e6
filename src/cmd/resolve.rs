//! Resolve once, then run: the parsed command line, the environment and the config file become one
//! [`Job`] holding everything its command needs — where the data comes from, how a view looks, what
//! to write where. The config file is read here and nowhere else (at most once per process), the
//! folders are looked up once, and no command reads the environment again.
//!
//! Options given before the subcommand (`tradeoff --data DIR recommend`) count as if given after
//! it; one the subcommand has no use for is refused with a note saying where it acts.

use std::path::PathBuf;

use tradeoff::config::{Config, Flags, Key, Origin, Setting, Value};
use tradeoff::folders::Folders;
use tradeoff::pack::Source;

use super::job::{Data, DemoMode, Job, Term, View};
use super::out::{FILE_COLS, Failure, fail, warn};
use crate::cli::{
    self, Cli, Command, CompareArgs, CompletionsArgs, ConfigArgs, DataArg, Deferred, DemoArgs,
    GlossaryArgs, ManArgs, PackAction, PackArgs, PacksArgs, QuestionsArgs, ValidateArgs, ViewArgs,
};

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
        config,
        color,
        answers,
        command,
    } = cli;
    // `config init` writes the file `--config` names; every other command reads it, so it must exist.
    let writes_config = matches!(
        &command,
        Some(Command::Config(Deferred(ConfigArgs {
            action: Some(cli::ConfigAction::Init { .. }),
            ..
        })))
    );
    if let Some(path) = config.as_deref().filter(|_| !writes_config) {
        missing_config(path)?;
    }
    let folders = Folders::from_env().with_config(config);
    let term = Term::from_env(color);
    let outer = Outer {
        data: data.data,
        view,
    };
    let Some(command) = command else {
        return interactive(outer, plain, resume, answers, folders, term);
    };
    // `tradeoff --answers FILE recommend` is `recommend --answers FILE`; elsewhere it has no use.
    let command = match (command, answers) {
        (Command::Recommend(Deferred(mut args)), Some(file)) => {
            args.answers = args.answers.or(Some(file));
            Command::Recommend(Deferred(args))
        }
        (command, Some(_)) => return Err(misplaced("--answers", command_name(&command))),
        (command, None) => command,
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
    Ok(match command {
        Command::Completions(Deferred(CompletionsArgs { shell })) => {
            no_view()?;
            no_data()?;
            Job::Completions(shell)
        }
        Command::Man(Deferred(ManArgs { command })) => {
            no_view()?;
            no_data()?;
            Job::Man(command)
        }
        Command::Pack(Deferred(PackArgs {
            action: PackAction::New { id, dir, force },
        })) => {
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
        Command::Config(Deferred(ConfigArgs {
            action: Some(cli::ConfigAction::Init { force }),
            ..
        })) => {
            no_view()?;
            no_data()?;
            Job::ConfigInit {
                file: folders.config_file,
                force,
            }
        }
        Command::Config(Deferred(ConfigArgs {
            action: None,
            data: d,
            view,
            format,
        })) => {
            let view = view.or(&outer.view);
            if view.record.is_some() {
                return Err(misplaced("--record", name));
            }
            let mut flags = view_flags(&view);
            flags.data = dir(d);
            let config = Config::load(&flags, &folders);
            Job::Config {
                config: Box::new(config),
                auto_theme: term.clone().auto_theme(),
                format,
            }
        }
        Command::Recommend(Deferred(args)) => {
            no_view()?;
            let flags = Flags::default().with(Key::Packs, Some(Value::Ids(args.pack.clone())));
            let config = settings(&flags, &folders);
            let data = data_of(dir(args.data.clone()), &config, &folders);
            let adr = adr_meta(&args)?;
            let format = args.format.map(Into::into).unwrap_or_else(|| {
                if args.adr_dir.is_some() {
                    return tradeoff::report::Format::Adr;
                }
                args.output
                    .as_deref()
                    .and_then(tradeoff::report::Format::from_path)
                    .unwrap_or(tradeoff::report::Format::Text)
            });
            let to_file = args.output.as_ref().is_some_and(|o| o.as_os_str() != "-");
            if (args.status.is_some() || !args.deciders.is_empty())
                && format != tradeoff::report::Format::Adr
            {
                return Err(fail(
                    2,
                    "error: --status and --deciders describe the decision record\ntip: add --format adr, or --adr-dir DIR",
                ));
            }
            Job::Recommend {
                data,
                packs: config.packs(),
                format,
                adr,
                args: Box::new(args),
                cols: if to_file { FILE_COLS } else { text_cols() },
            }
        }
        Command::Questions(Deferred(QuestionsArgs { data: d, format })) => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            Job::Questions {
                data: data_of(dir(d), &config, &folders),
                format,
            }
        }
        Command::Packs(Deferred(PacksArgs { data: d, format })) => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            Job::Packs {
                data: data_of(dir(d), &config, &folders),
                format,
            }
        }
        Command::Glossary(Deferred(GlossaryArgs {
            words,
            data: d,
            format,
        })) => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            Job::Glossary {
                data: data_of(dir(d), &config, &folders),
                words,
                format,
                cols: text_cols(),
            }
        }
        Command::Validate(Deferred(ValidateArgs {
            dir: checked,
            data: d,
            format,
            scripts,
        })) => {
            no_view()?;
            let config = settings(&Flags::default(), &folders);
            let data = match checked {
                // A folder of the user's own packs (no questions.toml of its own, as `pack new`
                // makes it): its packs are checked beside the built-in data they extend.
                Some(c) if c.is_dir() && !c.join("questions.toml").is_file() => Data {
                    source: Source::Builtin { user: vec![c] },
                    missing: Vec::new(),
                },
                other => data_of(other.or_else(|| dir(d)), &config, &folders),
            };
            Job::Validate {
                builtin: matches!(data.source, Source::Builtin { .. }),
                data,
                scripts,
                format,
            }
        }
        Command::Demo(Deferred(DemoArgs {
            script,
            notes,
            print_script,
            data: d,
            view,
        })) => {
            let view = view.or(&outer.view);
            let config = settings(&view_flags(&view), &folders);
            let mode = match (notes, print_script) {
                (true, _) => DemoMode::Notes,
                (_, true) => DemoMode::PrintScript,
                _ => DemoMode::Present,
            };
            Job::Demo {
                data: data_of(dir(d), &config, &folders),
                view: view_of(&view, &config, term.clone()),
                script,
                mode,
                cue: folders.cue_file(),
            }
        }
        Command::Compare(Deferred(CompareArgs {
            files,
            format,
            tui,
            data: d,
            theme,
            projector,
            no_projector,
            record,
        })) => {
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
                    ..view_of(&view, &config, term.clone())
                }),
                files,
                format,
                cols: text_cols(),
            }
        }
    })
}

/// The width text output is wrapped to: the terminal's, or 100 columns when standard output is
/// not a terminal (a file, a pipe).
fn text_cols() -> usize {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return FILE_COLS;
    }
    crossterm::terminal::size().map_or(FILE_COLS, |(w, _)| usize::from(w))
}

/// `tradeoff` without a command: the TUI, or the plain mode.
fn interactive(
    outer: Outer,
    plain: bool,
    resume: bool,
    answers: Option<PathBuf>,
    folders: Folders,
    term: Term,
) -> Result<Job, Failure> {
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
            warn(&format!(
                "warning: plain mode ({why}) ignores {}",
                ignored.join(", ")
            ));
        }
        let config = settings(&Flags::default(), &folders);
        return Ok(Job::Plain {
            data: data_of(outer.data, &config, &folders),
            answers,
        });
    }
    let config = settings(&view_flags(&outer.view), &folders);
    Ok(Job::Interactive {
        data: data_of(outer.data, &config, &folders),
        view: view_of(&outer.view, &config, term),
        resume,
        answers,
        session: folders.session_file(),
    })
}

/// The settings (read once): the problems of a broken config file or environment variable are
/// shown, and the command goes on with the defaults.
fn settings(flags: &Flags, folders: &Folders) -> Config {
    let config = Config::load(flags, folders);
    if let Some(w) = config.warning() {
        warn(&w);
    }
    config
}

/// `--config FILE` names a file that must exist: one that does not is an error before anything
/// runs (a file that cannot be read for another reason is a problem `Config::load` reports).
fn missing_config(path: &std::path::Path) -> Result<(), Failure> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.as_os_str() != "-" => Err(fail(
            2,
            format!(
                "error: --config {0}: no such file (--config must name an existing config file)\n\
                 tip: check the path, or write a config file there with `tradeoff config init --config {0}`",
                path.display()
            ),
        )),
        _ => Ok(()),
    }
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
    Flags::default()
        .with(
            Key::Theme,
            view.theme.clone().map(|t| Value::Theme(Some(t))),
        )
        .with(Key::Projector, view.projector().map(Value::Bool))
        .with(Key::Mouse, view.mouse().map(Value::Bool))
}

fn view_of(view: &ViewArgs, config: &Config, term: Term) -> View {
    View {
        theme: config.theme(),
        projector: config.projector(),
        mouse: config.mouse(),
        record: view.record.clone(),
        term,
    }
}

/// Whether `--theme` (or no theme) chose the theme: a theme that fails to load is then an error,
/// not a warning.
pub fn theme_from_flag(theme: &Setting<Option<String>>) -> bool {
    matches!(theme.origin, Origin::Flag { .. } | Origin::Default)
}

/// `--status` (checked against MADR's, with a suggestion) and `--deciders`.
fn adr_meta(args: &cli::RecommendArgs) -> Result<tradeoff::report::adr::Meta, Failure> {
    use tradeoff::report::adr;
    let mut meta = adr::Meta::default();
    if let Some(s) = &args.status {
        meta.status = adr::check_status(s).map_err(|e| fail(2, format!("error: {e}")))?;
    }
    meta.deciders = args
        .deciders
        .iter()
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .collect();
    Ok(meta)
}

/// An option given before a subcommand that has no use for it.
pub fn misplaced(flag: &str, command: &str) -> Failure {
    let scope = cli::flag_scope(flag).map_or(String::new(), |s| format!("\ntip: {s}"));
    fail(
        2,
        format!("error: {flag} has no effect on `tradeoff {command}`{scope}"),
    )
}

fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Recommend(_) => "recommend",
        Command::Questions(..) => "questions",
        Command::Packs(..) => "packs",
        Command::Validate(..) => "validate",
        Command::Compare(Deferred(CompareArgs { tui: true, .. })) => "compare --tui",
        Command::Compare(..) => "compare",
        Command::Demo(..) => "demo",
        Command::Glossary(..) => "glossary",
        Command::Config(Deferred(ConfigArgs {
            action: Some(_), ..
        })) => "config init",
        Command::Config(..) => "config",
        Command::Completions(..) => "completions",
        Command::Man(..) => "man",
        Command::Pack(..) => "pack new",
    }
}
