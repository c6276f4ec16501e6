//! The `tradeoff` binary: parse the command line, hand it to [`cmd::run`] (which resolves the
//! settings once and runs the command), map the outcome to an exit code (0 success, 1 a check
//! failed or a file could not be written, 2 bad input).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;
use cli::Cli;
use tradeoff::safe;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
