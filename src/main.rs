//! The `tradeoff` binary: parse the command line, hand it to [`cmd::run`] (which resolves the
//! settings once and runs the command), map the outcome to an exit code (0 success, 1 a check
//! failed or a file could not be written, 2 bad input).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use cli::Cli;
use tradeoff::safe;

fn main() -> ExitCode {
    // `COMPLETE=bash tradeoff -- WORDS`: a shell asking for candidates (nothing else runs).
    cli::complete::complete_if_asked(Cli::command);
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = Cli::command();
    if let Some(color) = cli::Color::from_args(&args) {
        command = command.color(color);
    }
    let cli = match command
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match cmd::run(cli) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("{}", safe::lines(f.message.trim_end()));
            ExitCode::from(f.code)
        }
    }
}

/// clap's message for a bad command line, and for an option that exists elsewhere, where it acts.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    // Help and version go to stdout; a closed pipe there is nobody's problem.
    let _ = e.print();
    if e.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg)
        && let Some(scope) = cli::flag_scope(arg.split('=').next().unwrap_or(arg))
    {
        eprintln!("note: {scope}");
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}
