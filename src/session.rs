//! Sessions that survive anything: the TUI saves the answers after every change, atomically, to the
//! user's state directory, in the same TOML format `tradeoff recommend --answers` reads (plus a
//! `[session]` table that `recommend` ignores). A kill -9 at any moment loses nothing that was on
//! screen before the last key press.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::answers::Answers;
use crate::fsutil::{WriteError, write_atomic};
use crate::pack::{Catalog, Diagnostic};

/// Overrides the state directory (tests, portable setups).
pub const STATE_DIR_ENV: &str = "TRADEOFF_STATE_DIR";
pub const SESSION_FILE: &str = "session.toml";

/// Where the session lives: `$TRADEOFF_STATE_DIR`, else the platform's state directory
/// (`$XDG_STATE_HOME/tradeoff` on Linux), else its local data directory.
pub fn state_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    let dirs = directories::ProjectDirs::from("", "", "tradeoff")?;
    Some(
        dirs.state_dir()
            .map_or_else(|| dirs.data_local_dir().to_path_buf(), Path::to_path_buf),
    )
}

pub fn session_path() -> Option<PathBuf> {
    state_dir().map(|d| d.join(SESSION_FILE))
}

/// Where the user was, saved with the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Index of the question on screen (or the number of questions once finished).
    pub position: usize,
    /// True once the user reached the results.
    pub finished: bool,
}

#[derive(Deserialize)]
struct SessionPart {
    #[serde(default)]
    session: Option<SessionTable>,
}

#[derive(Deserialize)]
struct SessionTable {
    #[serde(default)]
    position: usize,
    #[serde(default)]
    finished: bool,
}

/// The session file's text: an answers file with a `[session]` table.
pub fn to_toml(catalog: &Catalog, answers: &Answers, progress: Progress) -> String {
    let mut s = answers.to_toml(catalog);
    s.push_str(&format!(
        "\n# Where the interactive session was; `tradeoff recommend --answers` ignores this table.\n[session]\nposition = {}\nfinished = {}\n",
        progress.position, progress.finished
    ));
    s
}

/// Saves atomically to `path` (creating its folder).
pub fn save(
    path: &Path,
    catalog: &Catalog,
    answers: &Answers,
    progress: Progress,
) -> Result<(), WriteError> {
    write_atomic(path, to_toml(catalog, answers, progress).as_bytes(), true)
}

/// Reads a saved session; answers the data no longer knows are reported, not fatal to the rest.
pub fn load(path: &Path, catalog: &Catalog) -> Result<(Answers, Progress), Vec<Diagnostic>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic {
            file: name.clone(),
            line: 1,
            col: 1,
            message: format!("cannot read the saved session: {e}"),
        }]
    })?;
    let mut answers = Answers::empty(catalog);
    answers.apply_file(catalog, &name, &text)?;
    let part: SessionPart = toml::from_str(&text)
        .map_err(|e| vec![crate::pack::SourceText::new(&name, &text).toml_error(&e)])?;
    let progress = part.session.map_or(Progress::default(), |s| Progress {
        position: s.position.min(catalog.questions.len()),
        finished: s.finished,
    });
    Ok((answers, progress))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_readable_by_recommend() {
        let c = crate::pack::load_builtin().unwrap();
        let mut a = Answers::empty(&c);
        a.set_by_id(&c, "team_size", "small").unwrap();
        a.set_by_id(&c, "workload", "background").unwrap();
        let dir = std::env::temp_dir().join(format!("tradeoff-session-{}", std::process::id()));
        let path = dir.join("s").join(SESSION_FILE);
        let p = Progress {
            position: 4,
            finished: false,
        };
        save(&path, &c, &a, p).unwrap();
        let (b, q) = load(&path, &c).unwrap();
        assert_eq!(a, b);
        assert_eq!(p, q);
        // The same file is an answers file for `recommend --answers`.
        let mut r = Answers::empty(&c);
        r.apply_file(&c, "x", &std::fs::read_to_string(&path).unwrap())
            .unwrap();
        assert_eq!(r, a);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
