//! The commands: [`resolve`] turns the command line, the environment and the config file into a
//! [`Job`] once; [`run`] hands it to the command's own file. Every command ends in an exit code or
//! a [`Failure`] (see `out`).
//!
//! Layers, top to bottom: `main` → this dispatcher → one file per command → `tui` (the one TUI
//! start-up) → `resolve` (decides) → `job` (what was decided) → `out` and `crate::cli`; all of them
//! over the library.

mod compare;
mod completions;
mod config;
mod demo;
mod glossary;
mod interactive;
mod job;
mod list;
mod man;
pub mod out;
mod pack_new;
mod packs;
mod questions;
mod recommend;
mod resolve;
mod tui;
mod validate;

use std::process::ExitCode;

use crate::cli::Cli;
use job::Job;
pub use out::Failure;

/// Resolves the command line and runs its command.
pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    out::set_color(cli.color.choice());
    match resolve::resolve(cli)? {
        Job::Interactive {
            view,
            data,
            resume,
            answers,
            session,
        } => interactive::run(&view, &data, resume, answers.as_deref(), session),
        Job::Plain { data, answers } => interactive::plain(&data, answers.as_deref()),
        Job::Demo {
            view,
            data,
            script,
            mode,
            cue,
        } => demo::run(&view, &data, script.as_deref(), mode, cue),
        Job::Compare {
            data,
            files,
            format,
            cols,
            tui,
        } => compare::run(&data, &files, format, cols, tui.as_ref()),
        Job::Recommend {
            data,
            args,
            packs,
            format,
            adr,
            cols,
        } => recommend::run(&data, &args, &packs, format, &adr, cols),
        Job::Questions { data, format } => questions::run(&data, format),
        Job::Packs { data, format } => packs::run(&data, format),
        Job::Glossary {
            data,
            words,
            format,
            cols,
        } => glossary::run(&data, &words, format, cols),
        Job::Validate {
            data,
            builtin,
            scripts,
            format,
        } => validate::run(&data, builtin, &scripts, format),
        Job::Config {
            config,
            auto_theme,
            format,
        } => config::run(&config, &auto_theme, format),
        Job::ConfigInit { file, force } => config::init(file.as_deref(), force),
        Job::Completions(shell) => completions::run(shell),
        Job::Man(command) => man::run(command.as_deref()),
        Job::PackNew {
            id,
            folder,
            force,
            data,
            loaded,
        } => pack_new::run(&id, folder.as_deref(), force, &data, &loaded),
    }
}
