//! `tradeoff demo [SCRIPT]`: the script is checked first (every problem with file:line:col, exit
//! 2), then the TUI runs it; like the interactive mode it needs a terminal. A demo saves no
//! session: the presenter's answers are not the user's.

use std::path::Path;
use std::process::ExitCode;

use tradeoff::demo::Script;
use tradeoff::fsutil;
use tradeoff::pack::{self, Catalog, Use};
use tradeoff::tui::Show;

use super::out::{Failure, fail};
use super::resolve::{Data, View};
use super::tui::Ready;

/// The largest demo script read (the built-in one is a few KiB).
const DEMO_MAX_BYTES: u64 = 1 << 20;

pub fn run(view: &View, data: &Data, script: Option<&Path>) -> Result<ExitCode, Failure> {
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
    Ready::new(view)?.open(catalog, Show::Demo(script), None)
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
