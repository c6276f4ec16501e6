//! The autosave (the saved session that `--resume` continues; not to be confused with the live
//! answers on screen, `tui::session`): the TUI saves the answers after every change, atomically, to
//! the user's state directory ([`crate::folders`]), in the same TOML format `tradeoff recommend --answers` reads (plus a
//! `[session]` table that `recommend` ignores). A kill -9 at any moment loses nothing that was on
//! screen before the last key press.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::answers::Answers;
use crate::fsutil::{WriteError, write_atomic};
use crate::pack::{Catalog, Diagnostics};

/// This window's hold on the session. Two windows must never overwrite each other's answers: the
/// first window owns the session file (a lock file beside it holds its process id); a window opened
/// while that one is alive saves to a file of its own and says so, and the owner learns of it at
/// its next save and says so too. A lock left by a process that no longer runs is taken over.
#[derive(Debug)]
pub struct Claim {
    /// Where this window saves.
    pub path: PathBuf,
    /// The window that owns the session file, when this one does not.
    pub owner: Option<u32>,
    lock: PathBuf,
    guest_mark: Option<PathBuf>,
    /// Guests already reported, so each is said once.
    told: Vec<u32>,
}

impl Claim {
    /// Claims `session` (the session file's path) for this process.
    pub fn new(session: &Path) -> Claim {
        Claim::for_pid(session, std::process::id())
    }

    fn for_pid(session: &Path, pid: u32) -> Claim {
        let lock = with_suffix(session, ".lock");
        if let Some(dir) = session.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let held_by = std::fs::read_to_string(&lock)
            .ok()
            .and_then(|t| t.trim().parse::<u32>().ok())
            .filter(|&p| p != pid && alive(p));
        match held_by {
            None => {
                // Free, or left by a process that is gone: ours now. (Two windows starting in the
                // same millisecond may both get here; the later write wins the lock and the other
                // learns of it at its next save, so neither loses answers.)
                let _ = std::fs::write(&lock, pid.to_string());
                Claim {
                    path: session.to_path_buf(),
                    owner: None,
                    lock,
                    guest_mark: None,
                    told: Vec::new(),
                }
            }
            Some(owner) => {
                let mark = with_suffix(session, &format!(".guest-{pid}"));
                let _ = std::fs::write(&mark, pid.to_string());
                Claim {
                    path: guest_path(session, pid),
                    owner: Some(owner),
                    lock,
                    guest_mark: Some(mark),
                    told: Vec::new(),
                }
            }
        }
    }

    /// Other windows now open on this session that this one has not mentioned yet, with the file
    /// each saves to. Cheap enough to call before every save: one small folder listing.
    pub fn new_guests(&mut self) -> Vec<(u32, PathBuf)> {
        if self.owner.is_some() {
            return Vec::new();
        }
        let Some(dir) = self.path.parent() else {
            return Vec::new();
        };
        let prefix = format!(
            "{}.guest-",
            self.path.file_name().unwrap_or_default().to_string_lossy()
        );
        let mut found = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = name
                .strip_prefix(&prefix)
                .and_then(|p| p.parse::<u32>().ok())
            else {
                continue;
            };
            if !self.told.contains(&pid) && alive(pid) {
                self.told.push(pid);
                found.push((pid, guest_path(&self.path, pid)));
            }
        }
        found
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        match &self.guest_mark {
            Some(mark) => {
                let _ = std::fs::remove_file(mark);
            }
            // Only the owner's lock is removed, and only while it still names this process.
            None => {
                let ours = std::fs::read_to_string(&self.lock)
                    .is_ok_and(|t| t.trim() == std::process::id().to_string());
                if ours {
                    let _ = std::fs::remove_file(&self.lock);
                }
            }
        }
    }
}

/// `session.toml` → `session.toml<suffix>`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Where a second window saves: `session-<pid>.toml` beside the session file, an answers file too.
pub fn guest_path(session: &Path, pid: u32) -> PathBuf {
    let stem = session.file_stem().unwrap_or_default().to_string_lossy();
    session.with_file_name(format!("{stem}-{pid}.toml"))
}

/// Whether a process runs. Unix: `kill(pid, 0)`; elsewhere every claim is taken as live.
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists and may be signalled.
    unsafe {
        libc::kill(pid, 0) == 0
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
}

#[cfg(not(unix))]
fn alive(_: u32) -> bool {
    true
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
pub fn load(path: &Path, catalog: &Catalog) -> Result<(Answers, Progress), Diagnostics> {
    let name = path.display().to_string();
    // The same bounded reader as every answers file: a session replaced by a pipe cannot hang us.
    let text =
        crate::fsutil::read_text_limited(path, crate::answers::MAX_FILE_BYTES).map_err(|e| {
            let mut d = crate::pack::unreadable(name.clone(), &e);
            d.message = format!("the saved session: {}", d.message);
            d
        })?;
    let mut answers = Answers::empty(catalog);
    answers.apply_file(catalog, &name, &text)?;
    let part: SessionPart = toml::from_str(&text)
        .map_err(|e| crate::pack::SourceText::new(&name, &text).toml_error(&e))?;
    let progress = part.session.map_or(Progress::default(), |s| Progress {
        position: s.position.min(catalog.questions.len()),
        finished: s.finished,
    });
    Ok((answers, progress))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::folders::SESSION_FILE;

    /// Two windows on one session: the second saves elsewhere and knows who owns the file; the
    /// owner hears of the second once; the lock goes when the owner does.
    #[cfg(unix)]
    #[test]
    fn a_second_window_saves_to_its_own_file_and_both_are_told() {
        let dir = std::env::temp_dir().join(format!("tradeoff-claim-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let session = dir.join(SESSION_FILE);
        let me = std::process::id();
        let mut owner = Claim::new(&session);
        assert_eq!(owner.path, session);
        assert_eq!(owner.owner, None);
        // A second window of another live process (our parent stands in for it).
        let other = std::os::unix::process::parent_id();
        let lock = with_suffix(&session, ".lock");
        std::fs::write(&lock, other.to_string()).unwrap();
        let guest = Claim::for_pid(&session, me);
        assert_eq!(guest.owner, Some(other));
        assert_eq!(guest.path, guest_path(&session, me));
        std::fs::write(&lock, me.to_string()).unwrap();
        assert_eq!(owner.new_guests(), vec![(me, guest_path(&session, me))]);
        assert!(owner.new_guests().is_empty(), "each guest is told once");
        drop(guest);
        drop(owner);
        assert!(!lock.exists(), "the owner's lock goes with it");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A lock left by a process that is gone is taken over.
    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = std::env::temp_dir().join(format!("tradeoff-stale-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let session = dir.join(SESSION_FILE);
        // Process ids wrap long before this one.
        std::fs::write(with_suffix(&session, ".lock"), "2147483000").unwrap();
        let claim = Claim::new(&session);
        assert_eq!(claim.owner, None);
        assert_eq!(claim.path, session);
        drop(claim);
        let _ = std::fs::remove_dir_all(&dir);
    }

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
