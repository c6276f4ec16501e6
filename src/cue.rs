//! The presenter's cue: where a running demo is (the step, its caption and notes, the next step),
//! written by `tradeoff demo` to a private file in the runtime folder at every step and followed by
//! `tradeoff demo --notes` in a second terminal. A file, not a socket: no listener to run, nothing
//! on the network, and a notes window started late (or restarted) reads where the demo is at once.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::fsutil;

/// The largest cue read: a step's notes are at most `demo::NOTES_MAX_BYTES`, twice, and a caption.
pub const MAX_BYTES: u64 = 64 << 10;

/// Where the demo is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The script's title.
    pub title: String,
    /// The step shown, from 1, and how many there are.
    pub step: usize,
    pub steps: usize,
    /// What the room reads in the caption bar.
    pub caption: String,
    /// What only the presenter sees (empty: the step has none).
    #[serde(default)]
    pub notes: String,
    /// The step after this one; `None` on the last.
    #[serde(default)]
    pub next: Option<Next>,
    /// False once the presenter left the script (Esc) or quit.
    pub running: bool,
    /// Set by the writer: the presenter's process, when the demo started and when this step came
    /// (seconds since 1970).
    #[serde(default)]
    pub pid: u32,
    #[serde(default)]
    pub started: u64,
    #[serde(default)]
    pub since: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Next {
    pub caption: String,
    #[serde(default)]
    pub notes: String,
}

impl Cue {
    /// The same step, told the same way (the times and the process aside).
    pub fn same_step(&self, other: &Cue) -> bool {
        (self.step, self.steps, &self.title, self.running)
            == (other.step, other.steps, &other.title, other.running)
    }
}

/// Seconds since 1970 now.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes the cue: mode 0600 in a folder created 0700, atomically (a follower never reads half a
/// cue), never through another user's link.
pub fn write(path: &Path, cue: &Cue) -> Result<(), String> {
    let text = toml::to_string(cue).map_err(|e| e.to_string())?;
    fsutil::write_private(path, text.as_bytes()).map_err(|e| format!("{}: {e}", path.display()))
}

/// The cue at `path`: `Ok(None)` while there is none (no demo has run yet). A file that is not
/// this user's own is refused: in a shared fallback folder someone else could have put it there.
pub fn read(path: &Path) -> Result<Option<Cue>, String> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
        #[cfg(unix)]
        Ok(meta) => {
            use std::os::unix::fs::MetadataExt;
            if !meta.file_type().is_file() || meta.uid() != fsutil::lock::euid() {
                return Err(format!(
                    "{}: not a file of yours; remove it and start the demo again",
                    path.display()
                ));
            }
        }
        #[cfg(not(unix))]
        Ok(_) => {}
    }
    let text = fsutil::read_text_limited(path, MAX_BYTES).map_err(|e| e.to_string())?;
    toml::from_str(&text)
        .map(Some)
        .map_err(|e| format!("{}: not a demo cue: {}", path.display(), e.message()))
}

/// Whether the process that wrote a cue still runs (a demo killed without a goodbye leaves its
/// last cue behind).
pub fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 sends nothing; it only asks whether the process exists. EPERM means
        // it exists under another user.
        pid > 0
            && (unsafe { libc::kill(pid, 0) } == 0
                || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM))
    }
    #[cfg(not(unix))]
    {
        pid != 0
    }
}

/// Publishes the cue whenever the step changes, stamping the process and the times.
#[derive(Debug)]
pub struct Writer {
    path: std::path::PathBuf,
    last: Option<Cue>,
    started: u64,
    /// The first failure, said once.
    pub failed: Option<String>,
}

impl Writer {
    pub fn new(path: std::path::PathBuf) -> Writer {
        Writer {
            path,
            last: None,
            started: now(),
            failed: None,
        }
    }

    /// Writes `cue` (stamped) when it differs from the last one written; `None` writes a cue that
    /// says the script is no longer running, once. Returns a failure the first time one happens.
    pub fn publish(&mut self, cue: Option<Cue>) -> Option<String> {
        let cue = match (cue, &self.last) {
            (Some(c), _) => c,
            (None, Some(last)) if last.running => Cue {
                running: false,
                ..last.clone()
            },
            (None, _) => return None,
        };
        let mut cue = cue;
        if let Some(last) = &self.last
            && last.same_step(&cue)
            && last.notes == cue.notes
            && last.caption == cue.caption
        {
            return None;
        }
        cue.pid = std::process::id();
        cue.started = self.started;
        cue.since = now();
        let result = write(&self.path, &cue);
        self.last = Some(cue);
        match result {
            Ok(()) => None,
            Err(e) if self.failed.is_none() => {
                self.failed = Some(e.clone());
                Some(e)
            }
            Err(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(step: usize) -> Cue {
        Cue {
            title: "T".into(),
            step,
            steps: 3,
            caption: "c".into(),
            notes: "n".into(),
            next: None,
            running: true,
            pid: 0,
            started: 0,
            since: 0,
        }
    }

    #[test]
    fn a_cue_goes_out_when_the_step_changes_and_once_when_the_demo_ends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run/tradeoff/demo-cue.toml");
        let mut w = Writer::new(path.clone());
        assert_eq!(read(&path), Ok(None));
        assert_eq!(w.publish(Some(cue(1))), None);
        let first = read(&path).unwrap().unwrap();
        assert_eq!((first.step, first.pid), (1, std::process::id()));
        // The same step again writes nothing (the loop asks after every key).
        std::fs::remove_file(&path).unwrap();
        w.publish(Some(cue(1)));
        assert_eq!(read(&path), Ok(None));
        w.publish(Some(cue(2)));
        assert_eq!(read(&path).unwrap().unwrap().step, 2);
        w.publish(None);
        let ended = read(&path).unwrap().unwrap();
        assert!(!ended.running && ended.step == 2);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
    }

    #[test]
    fn what_is_not_a_cue_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo-cue.toml");
        std::fs::write(&path, "title = 3").unwrap();
        assert!(read(&path).unwrap_err().contains("not a demo cue"));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.toml");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            assert!(read(&link).unwrap_err().contains("not a file of yours"));
        }
        assert!(alive(std::process::id()));
    }
}
