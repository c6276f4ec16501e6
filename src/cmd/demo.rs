//! `tradeoff demo [SCRIPT]`: the script is checked first (every problem with file:line:col, exit
//! 2), then the TUI runs it; like the interactive mode it needs a terminal. A demo saves no
//! session: the presenter's answers are not the user's. It publishes its steps to the runtime
//! folder, which `tradeoff demo --notes` follows in a second terminal; `--print-script` prints the
//! built-in script to start one's own.

use std::path::Path;
use std::process::ExitCode;

use tradeoff::demo::Script;
use tradeoff::fsutil;
use tradeoff::pack::{self, Catalog, Use};
use tradeoff::tui::Show;

use super::job::{Data, DemoMode, View};
use super::out::{Failure, fail};
use super::tui::Ready;

/// The largest demo script read (the built-in one is a few KiB).
const DEMO_MAX_BYTES: u64 = 1 << 20;

pub fn run(
    view: &View,
    data: &Data,
    script: Option<&Path>,
    mode: DemoMode,
    cue: Option<std::path::PathBuf>,
) -> Result<ExitCode, Failure> {
    match mode {
        DemoMode::PrintScript => return print_script(),
        DemoMode::Notes => {
            let cue = cue.ok_or_else(|| {
                fail(
                    1,
                    "error: no folder for the demo's cue: set XDG_RUNTIME_DIR or HOME",
                )
            })?;
            return Ready::new(view)?.follow(cue);
        }
        DemoMode::Present => {}
    }
    let catalog = data.load(Use::Show)?;
    let parsed = match script {
        Some(path) => read_script(&catalog, path),
        None => tradeoff::demo::default_script(&catalog),
    };
    let script = parsed.map_err(|d| {
        let lines: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        fail(
            2,
            format!(
                "{}\nerror: the demo script has {} problem(s); nothing was shown",
                lines.join("\n"),
                d.len()
            ),
        )
    })?;
    let mut ready = Ready::new(view)?;
    ready.cue = cue;
    ready.open(catalog, Show::Demo(script), None)
}

/// The built-in script, standing alone: each team comparison's answers files are written into
/// the script as `[[step.teams]]` tables, so the printed file runs and validates wherever it is
/// saved.
fn print_script() -> Result<ExitCode, Failure> {
    let script = tradeoff::assets::builtin_asset(tradeoff::demo::DEFAULT_SCRIPT).unwrap_or("");
    let dir = Path::new(tradeoff::demo::DEFAULT_SCRIPT)
        .parent()
        .unwrap_or(Path::new(""));
    let read = |file: &str| {
        let key = dir.join(file).to_string_lossy().replace('\\', "/");
        tradeoff::assets::builtin_asset(&key)
    };
    super::out::print_out(&standalone(script, &read))
}

/// `script` with every `teams = ["file", …]` line replaced by the files' answers as
/// `[[step.teams]]` tables at the end of its step (after the step's keys, which TOML wants first).
pub fn standalone(script: &str, read: &dyn Fn(&str) -> Option<&'static str>) -> String {
    let mut out = String::from(
        "# Printed by `tradeoff demo --print-script`: the built-in script, to start your own. The teams\n\
         # it compares are written into it ([[step.teams]] tables); a step may name answers files\n\
         # instead: teams = [\"team-a.toml\", \"team-b.toml\"], next to the script.\n\n",
    );
    let mut step: Vec<&str> = Vec::new();
    let mut tables = String::new();
    let flush = |step: &mut Vec<&str>, tables: &mut String, out: &mut String| {
        // The tables go after the step's last key, before the comments that open the next part.
        let last_key = step
            .iter()
            .rposition(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map_or(step.len(), |i| i + 1);
        for l in &step[..last_key] {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(tables);
        for l in &step[last_key..] {
            out.push_str(l);
            out.push('\n');
        }
        step.clear();
        tables.clear();
    };
    for line in script.lines() {
        if line.trim() == "[[step]]" {
            flush(&mut step, &mut tables, &mut out);
        }
        let files = line
            .trim()
            .strip_prefix("teams")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix('='))
            .and_then(|r| format!("teams ={r}").parse::<toml::Table>().ok());
        let Some(files) = files else {
            step.push(line);
            continue;
        };
        let names = files.get("teams").and_then(toml::Value::as_array);
        for f in names.into_iter().flatten().filter_map(toml::Value::as_str) {
            let Some(text) = read(f) else { continue };
            let Ok(file) = text.parse::<toml::Table>() else {
                continue;
            };
            let name = file.get("team").and_then(toml::Value::as_str).unwrap_or(f);
            tables.push_str(&format!(
                "\n[[step.teams]]                  # from {f}\nteam = {}\n[step.teams.answers]\n",
                toml::Value::from(name)
            ));
            let answers = file.get("answers").and_then(toml::Value::as_table);
            for (q, c) in answers.into_iter().flatten() {
                tables.push_str(&format!("{q} = {c}\n"));
            }
        }
    }
    flush(&mut step, &mut tables, &mut out);
    out
}
/// A demo script file, read (a regular file of at most [`DEMO_MAX_BYTES`]) and checked against
/// `catalog`; a file that cannot be read is a problem of its own, named by its path.
pub fn read_script(catalog: &Catalog, path: &Path) -> Result<Script, pack::Diagnostics> {
    let name = path.display().to_string();
    match fsutil::read_text_limited(path, DEMO_MAX_BYTES) {
        Ok(text) => tradeoff::demo::parse(catalog, &name, &text),
        Err(e) => Err(pack::unreadable(name, &e).into()),
    }
}
