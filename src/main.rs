//! The `tradeoff` binary: parse the command line, hand it to [`cmd::run`] (which resolves the
//! settings once and runs the command), map the outcome to an exit code (0 success, 1 a check
//! failed or a file could not be written, 2 bad input).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use cli::Cli;

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
        Err(e) => return usage_error(e),
    };
    let color = cli.color.choice();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(f) => {
            eprint!(
                "{}",
                cmd::out::render_failure(&f.message, cmd::out::stderr_color(color))
            );
            ExitCode::from(f.code)
        }
    }
}

/// clap's message for a bad command line; for an option that exists elsewhere, a tip in it says
/// where it acts.
fn usage_error(mut e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg)
        && let Some(scope) = cli::flag_scope(arg.split('=').next().unwrap_or(arg))
    {
        let mut tips = match e.get(ContextKind::Suggested) {
            Some(ContextValue::StyledStrs(t)) => t.clone(),
            _ => Vec::new(),
        };
        tips.push(scope.into());
        e.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    }
    // Help and version go to stdout; a closed pipe there is nobody's problem.
    let _ = e.print();
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}
