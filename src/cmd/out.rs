//! What every command shares at its edge: the failure it ends with (an exit code and a message)
//! and the ways it writes to standard output or a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use tradeoff::{fsutil, pack, safe};

/// A failure with the exit code it maps to (1: a check failed or a file could not be written;
/// 2: bad input).
pub struct Failure {
    pub code: u8,
    pub message: String,
}

pub fn fail(code: u8, message: impl Into<String>) -> Failure {
    Failure {
        code,
        message: message.into(),
    }
}

/// Decision data with problems: every problem as `file:line:col: message`, then what to do.
pub fn data_failure(d: &pack::Diagnostics) -> Failure {
    fail(
        2,
        format!(
            "{d}\nerror: the decision data has {} problem(s); `tradeoff validate` lists them",
            d.len()
        ),
    )
}

/// Prints text to standard output; every report already escapes its values, and this last pass
/// makes sure nothing else reaches the terminal raw either.
pub fn print_out(s: &str) -> Result<ExitCode, Failure> {
    print_bytes(safe::lines(s).as_bytes())
}

/// Prints a value as pretty JSON with a final newline, escaped by the JSON writer alone
/// (`report::json::to_json` writes every character a terminal must not see as a `\u` escape):
/// the terminal sanitiser's `\x7f` is not JSON.
pub fn print_json<T: Serialize>(value: &T) -> Result<ExitCode, Failure> {
    print_bytes(tradeoff::report::json::to_json(value).as_bytes())
}

/// Writes to standard output. A closed pipe (`tradeoff … | head -1`) ends the output quietly with
/// the command's own status, as the reader chose to stop; any other failure (a full disk) is an
/// error.
pub fn print_bytes(bytes: &[u8]) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(stdout_failed(&e)),
    }
}

fn stdout_failed(e: &std::io::Error) -> Failure {
    fail(1, format!("error: cannot write to standard output: {e}"))
}

/// Writes every problem on its own line through a buffer (each line is already terminal-safe:
/// [`pack::Diagnostic`]'s `Display` escapes what the data put in it). A closed pipe ends it quietly.
pub fn stream_problems(d: &pack::Diagnostics) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written =
        d.0.iter()
            .try_for_each(|p| writeln!(out, "{p}"))
            .and_then(|_| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(stdout_failed(&e)),
    }
}

/// `--output FILE`: writes `body` to `path` (`-`: standard output; atomically, refusing an
/// existing file unless `force`), then says so on standard error.
pub fn write_output(path: Option<&Path>, body: &str, force: bool) -> Result<ExitCode, Failure> {
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        return print_out(body);
    };
    let opts = fsutil::WriteOptions {
        overwrite: force,
        create_dirs: false,
    };
    fsutil::write_file(path, body.as_bytes(), opts).map_err(|e| match e {
        fsutil::WriteError::Exists => fail(
            1,
            format!(
                "{}: already exists; pass --force to overwrite it",
                path.display()
            ),
        ),
        fsutil::WriteError::Io(e) => fail(1, format!("{}: cannot write: {e}", path.display())),
    })?;
    eprintln!("wrote {}", safe::line(&path.display().to_string()));
    Ok(ExitCode::SUCCESS)
}
