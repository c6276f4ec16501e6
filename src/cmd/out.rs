//! What every command shares at its edge: the failure it ends with (an exit code and a message)
//! and the ways it writes to standard output or a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use tradeoff::{fsutil, pack, safe};

/// The width text is wrapped to where there is no terminal: a file, a pipe.
pub const FILE_COLS: usize = 100;

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

/// How serious a message is: the word its head line starts with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The command failed (clap's bold red `error:`).
    Error,
    /// The command goes on without something (bold yellow `warning:`, as cargo and rustc write it;
    /// clap's styles call that yellow "invalid").
    Warning,
}

impl Level {
    fn word(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// A failure's message as clap lays out its own errors, so that every error of the program has one
/// shape: `error: what is wrong`, then, after a blank line, each `tip:` (and `note:`) indented by
/// two spaces; `error:` in clap's bold red and `tip:` in its green when `color` (decided as clap
/// decides: `--color`, NO_COLOR, a terminal). A message that names no `error:` line (a single
/// `file:line:col: …` problem) becomes the error line. Diagnostic lines before the error line stay
/// as they are, one problem per line.
pub fn render_failure(message: &str, color: bool) -> String {
    render(message, Level::Error, color)
}

/// A warning (the command goes on) in the same shape as an error: the problems it is about, one per
/// line, then `warning: what was done about them`, then the tips after a blank line.
pub fn render_warning(message: &str, color: bool) -> String {
    render(message, Level::Warning, color)
}

fn render(message: &str, level: Level, color: bool) -> String {
    use clap::builder::styling::Styles;
    let styles = Styles::styled();
    let (head_style, tip) = if color {
        let head = match level {
            Level::Error => *styles.get_error(),
            Level::Warning => styles.get_invalid().bold(),
        };
        (head, *styles.get_valid())
    } else {
        Default::default()
    };
    let word = level.word();
    let head = format!("{word}: ");
    let message = safe::lines(message.trim_end());
    let needs_head = !message.lines().any(|l| l.starts_with(&head));
    let mut out = String::new();
    let mut in_tips = false;
    for (i, line) in message.lines().enumerate() {
        // A lone `file:line:col:` problem keeps its own "did you mean" on its line.
        let problem = i == 0 && needs_head;
        let line = if problem {
            format!("{head}{line}")
        } else {
            line.to_string()
        };
        if let Some(rest) = line.strip_prefix(&head) {
            // A library message with its suggestion inline (`…, did you mean `x`?; …`): the
            // suggestion becomes the tip, as everywhere else.
            let (rest, guess) = match rest.split_once(", did you mean `").filter(|_| !problem) {
                Some((before, after)) => match after.split_once("`?") {
                    Some((guess, tail)) => (format!("{before}{tail}"), Some(guess)),
                    None => (rest.to_string(), None),
                },
                None => (rest.to_string(), None),
            };
            out.push_str(&format!("{head_style}{word}:{head_style:#} {rest}\n"));
            in_tips = false;
            if let Some(guess) = guess {
                out.push_str(&format!("\n  {tip}tip:{tip:#} did you mean `{guess}`?\n"));
                in_tips = true;
            }
        } else if let Some((word, rest)) = ["tip", "note"]
            .iter()
            .find_map(|w| line.strip_prefix(&format!("{w}: ")).map(|r| (w, r)))
        {
            if !in_tips {
                out.push('\n');
                in_tips = true;
            }
            out.push_str(&format!("  {tip}{word}:{tip:#} {rest}\n"));
        } else {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Whether this process colours what it writes on standard error, decided once (see [`set_color`]).
static STDERR_COLOR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Decides, once, from `--color` (and the environment, as clap does) whether messages on standard
/// error are coloured; [`warn`] follows it.
pub fn set_color(choice: clap::ColorChoice) {
    let _ = STDERR_COLOR.set(stderr_color(choice));
}

/// Writes a warning on standard error in the one message style (see [`render_warning`]).
pub fn warn(message: &str) {
    let color = *STDERR_COLOR.get_or_init(|| stderr_color(clap::ColorChoice::Auto));
    eprint!("{}", render_warning(message, color));
}

/// Whether messages on standard error are coloured: as clap decides for its own (`--color`, then
/// NO_COLOR, CLICOLOR_FORCE, TERM=dumb and whether standard error is a terminal).
pub fn stderr_color(choice: clap::ColorChoice) -> bool {
    use std::io::IsTerminal;
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        clap::ColorChoice::Always => true,
        clap::ColorChoice::Never => false,
        clap::ColorChoice::Auto => {
            !set("NO_COLOR")
                && (set("CLICOLOR_FORCE")
                    || (std::io::stderr().is_terminal()
                        && std::env::var("TERM").is_ok_and(|t| t != "dumb")))
        }
    }
}

/// An answers file that could not be read or applied: its problems, one per line, and with more
/// than one, an `error:` line counting them.
pub fn answers_failure(problems: String) -> Failure {
    match problems.lines().count() {
        0 | 1 => fail(2, problems),
        n => fail(
            2,
            format!("{problems}\nerror: the answers file has {n} problems (above)"),
        ),
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
                "error: {} already exists\ntip: pass --force to overwrite it",
                path.display()
            ),
        ),
        fsutil::WriteError::Io(e) => {
            fail(1, format!("error: {}: cannot write: {e}", path.display()))
        }
    })?;
    eprintln!("wrote {}", safe::line(&path.display().to_string()));
    Ok(ExitCode::SUCCESS)
}
