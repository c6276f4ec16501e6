//! The autosave (the saved session that `--resume` continues; not to be confused with the live
//! answers on screen, `tui::session`): the TUI saves the answers after every change, atomically, to
//! the user's state directory ([`crate::folders`]), in the same TOML format `tradeoff recommend --answers` reads (plus a
//! `[session]` table that `recommend` ignores). A kill -9 at any moment loses nothing that was on
//! screen before the last key press.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::answers::Answers;
use crate::fsutil::{self, Lock, WriteError, lock};
use crate::pack::{Catalog, Diagnostics};

/// This window's hold on the session. Two windows must never overwrite each other's answers: the
/// first window owns the session file (it holds an advisory lock on `session.toml.lock`, which the
/// kernel releases when the process ends, however it ends); a window opened while that one is
/// alive saves to a file of its own and says so, and the owner learns of it at its next save and
/// says so too. A lock file left behind by a killed window holds nothing: the next window takes it,
/// whatever process id it names.
#[derive(Debug)]
pub struct Claim {
    /// Where this window saves.
    pub path: PathBuf,
    /// The window that owns the session file, when this one does not (0: unknown).
    pub owner: Option<u32>,
    /// The owner's lock, or a guest's lock on its mark (which tells the owner it is alive).
    held: Option<Lock>,
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
        if let Some(dir) = session.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = fsutil::create_private_dir(dir, 0o700);
        }
        let mine = |held| Claim {
            path: session.to_path_buf(),
            owner: None,
            held,
            lock: lock.clone(),
            guest_mark: None,
            told: Vec::new(),
        };
        match Lock::try_take(&lock) {
            Ok(Some(held)) => {
                // Who holds it, for a second window to name; only informative.
                let mut f = held.file();
                let _ = f.set_len(0);
                let _ = f.write_all(pid.to_string().as_bytes());
                mine(Some(held))
            }
            Ok(None) => {
                let owner = read_pid(&lock).unwrap_or(0);
                let mark = with_suffix(session, &format!(".guest-{pid}"));
                let held = Lock::try_take(&mark).ok().flatten();
                if let Some(f) = &held {
                    let _ = f.file().set_len(0);
                    let _ = f.file().write_all(pid.to_string().as_bytes());
                }
                Claim {
                    path: guest_path(session, pid),
                    owner: Some(owner),
                    held,
                    lock,
                    guest_mark: Some(mark),
                    told: Vec::new(),
                }
            }
            // No lock to be had (a link or a foreign file in its place, a read-only folder): the
            // session file is still written safely (never through someone else's link), only
            // without the protection against a second window.
            Err(_) => mine(None),
        }
    }

    /// Other windows now open on this session that this one has not mentioned yet, with the file
    /// each saves to. Cheap enough to call before every save: one small folder listing. The mark of
    /// a window that is gone (it holds no lock any more) is removed.
    pub fn new_guests(&mut self) -> Vec<(u32, PathBuf)> {
        if self.owner.is_some() {
            return Vec::new();
        }
        let Some(dir) = self.path.parent() else {
            return Vec::new();
        };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
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
            if self.told.contains(&pid) {
                continue;
            }
            if lock::is_held(&entry.path()) {
                self.told.push(pid);
                found.push((pid, guest_path(&self.path, pid)));
            } else if entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        found
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        // Removed while still locked, so no other window can be holding it; the lock itself goes
        // with the file descriptor.
        match (&self.guest_mark, &self.held) {
            (Some(mark), Some(_)) => {
                let _ = std::fs::remove_file(mark);
            }
            (None, Some(_)) => {
                let _ = std::fs::remove_file(&self.lock);
            }
            _ => {}
        }
    }
}

/// The process id written in a lock or a mark, read without following a link.
fn read_pid(path: &Path) -> Option<u32> {
    let mut f = lock::open_nofollow(path, false, 0).ok()?;
    let mut s = String::new();
    (&mut f).take(32).read_to_string(&mut s).ok()?;
    s.trim().parse().ok()
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
    /// `"pack.criterion" = weight`, the weights the room changed (absent in older files).
    #[serde(default)]
    weights: std::collections::BTreeMap<String, f64>,
    /// The poll's hands, question by question in the order polled (absent in older files).
    #[serde(default)]
    poll: Vec<PolledTable>,
}

#[derive(Deserialize)]
struct PolledTable {
    question: String,
    #[serde(default)]
    hands: std::collections::BTreeMap<String, u32>,
}

/// What the room set live in the TUI, saved with the answers so that a restart keeps it: the
/// weights that differ from the data's and the poll's hands. The file names them by id, so a saved
/// session survives data whose order changed; an id the data no longer has is left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Live {
    pub weights: Vec<crate::weights::Change>,
    pub poll: crate::poll::Poll,
}

impl Live {
    /// The weights `catalog` has changed now, and `poll`.
    pub fn of(catalog: &Catalog, poll: &crate::poll::Poll) -> Live {
        Live {
            weights: crate::weights::changed(catalog),
            poll: poll.clone(),
        }
    }

    /// The `[session.weights]` table and a `[[session.poll]]` table per polled question.
    fn to_toml(&self, catalog: &Catalog) -> String {
        let mut s = String::new();
        if !self.weights.is_empty() {
            s.push_str("\n[session.weights]\n");
            for c in &self.weights {
                let (Some(p), Some(cr)) = (
                    catalog.packs.get(c.pack),
                    catalog
                        .packs
                        .get(c.pack)
                        .and_then(|p| p.criteria.get(c.criterion)),
                ) else {
                    continue;
                };
                s.push_str(&format!("\"{}.{}\" = {:?}\n", p.id, cr.id, c.value));
            }
        }
        for (q, hands) in self.poll.polled() {
            let Some(question) = catalog.questions.get(*q) else {
                continue;
            };
            let counts: Vec<String> = question
                .choices
                .iter()
                .zip(hands)
                .filter(|(_, n)| **n > 0)
                .map(|(c, n)| format!("{} = {n}", toml_key(&c.id)))
                .collect();
            s.push_str(&format!(
                "\n[[session.poll]]\nquestion = \"{}\"\nhands = {{ {} }}\n",
                question.id,
                counts.join(", ")
            ));
        }
        s
    }

    /// From the file's tables; what the data does not know is left out.
    fn read(catalog: &Catalog, t: &SessionTable) -> Live {
        let mut live = Live::default();
        for (key, &v) in &t.weights {
            if let (Ok((pack, criterion)), Ok(value)) = (
                crate::weights::find(catalog, key, false),
                crate::weights::value(v),
            ) {
                live.weights.push(crate::weights::Change {
                    pack,
                    criterion,
                    value,
                });
            }
        }
        for p in &t.poll {
            let Some(q) = catalog.questions.iter().position(|q| q.id == p.question) else {
                continue;
            };
            for (choice, &hands) in &p.hands {
                if let Some(c) = catalog.questions[q]
                    .choices
                    .iter()
                    .position(|c| &c.id == choice)
                {
                    live.poll.set(catalog, q, c, hands);
                }
            }
        }
        live
    }
}

/// An id as a TOML key: bare when it can be, else quoted.
fn toml_key(id: &str) -> String {
    if !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        id.to_string()
    } else {
        format!("{id:?}")
    }
}

/// A saved session: the answers, where the user was, and what the room set live.
#[derive(Debug, Clone)]
pub struct Saved {
    pub answers: Answers,
    pub progress: Progress,
    pub live: Live,
}

/// The session file's text: an answers file with a `[session]` table.
pub fn to_toml(catalog: &Catalog, answers: &Answers, progress: Progress, live: &Live) -> String {
    let mut s = answers.to_toml(catalog);
    s.push_str(&format!(
        "\n# Where the interactive session was, and the weights and the poll the room set;\n# `tradeoff recommend --answers` ignores this table.\n[session]\nposition = {}\nfinished = {}\n",
        progress.position, progress.finished
    ));
    s.push_str(&live.to_toml(catalog));
    s
}

/// Saves atomically to `path` (creating its folder, 0700), readable by the user alone (0600).
pub fn save(
    path: &Path,
    catalog: &Catalog,
    answers: &Answers,
    progress: Progress,
    live: &Live,
) -> Result<(), WriteError> {
    fsutil::write_private(path, to_toml(catalog, answers, progress, live).as_bytes())
}

/// Reads a saved session; answers the data no longer knows are reported, not fatal to the rest.
pub fn load(path: &Path, catalog: &Catalog) -> Result<Saved, Diagnostics> {
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
    let progress = part
        .session
        .as_ref()
        .map_or(Progress::default(), |s| Progress {
            position: s.position.min(catalog.questions.len()),
            finished: s.finished,
        });
    let live = part
        .session
        .as_ref()
        .map_or(Live::default(), |s| Live::read(catalog, s));
    Ok(Saved {
        answers,
        progress,
        live,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::folders::SESSION_FILE;

    fn tempdir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tradeoff-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    /// Two windows on one session: the second saves elsewhere and knows who owns the file; the
    /// owner hears of the second once; the lock goes when the owner does. (A second open of the
    /// lock file stands for the second window: `flock` locks conflict between opens, not only
    /// between processes.)
    #[cfg(unix)]
    #[test]
    fn a_second_window_saves_to_its_own_file_and_both_are_told() {
        let dir = tempdir("claim");
        let session = dir.join(SESSION_FILE);
        let me = std::process::id();
        let mut owner = Claim::new(&session);
        assert_eq!(owner.path, session);
        assert_eq!(owner.owner, None);
        let guest = Claim::for_pid(&session, 7);
        assert_eq!(guest.owner, Some(me), "the guest names the owner");
        assert_eq!(guest.path, guest_path(&session, 7));
        assert_eq!(owner.new_guests(), vec![(7, guest_path(&session, 7))]);
        assert!(owner.new_guests().is_empty(), "each guest is told once");
        drop(guest);
        let lock = with_suffix(&session, ".lock");
        assert!(lock.exists());
        drop(owner);
        assert!(!lock.exists(), "the owner's lock goes with it");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A lock file left behind (a killed window) holds nothing, whichever process it names: even
    /// a live one (our parent stands in for a process that took the dead one's id).
    #[cfg(unix)]
    #[test]
    fn a_lock_left_behind_is_taken_over_even_when_its_pid_lives() {
        let dir = tempdir("stale");
        std::fs::create_dir_all(&dir).unwrap();
        let session = dir.join(SESSION_FILE);
        for pid in [
            "2147483000".to_string(),
            std::os::unix::process::parent_id().to_string(),
        ] {
            std::fs::write(with_suffix(&session, ".lock"), pid).unwrap();
            let claim = Claim::new(&session);
            assert_eq!(claim.owner, None);
            assert_eq!(claim.path, session);
        }
        // A guest's mark left behind is tidied by the owner, not reported.
        std::fs::write(with_suffix(&session, ".guest-99"), "99").unwrap();
        let mut claim = Claim::new(&session);
        assert!(claim.new_guests().is_empty());
        assert!(!with_suffix(&session, ".guest-99").exists());
        drop(claim);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The folder is 0700 and the file 0600 whatever the umask; a lock that is a link is not
    /// followed (its target is untouched) and the session is still saved.
    #[cfg(unix)]
    #[test]
    fn private_modes_and_no_write_through_a_planted_lock() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempdir("modes");
        let state = dir.join("state");
        let session = state.join(SESSION_FILE);
        let c = crate::pack::load_builtin().unwrap();
        // SAFETY: umask only changes this process's mask; restored below.
        let old = unsafe { libc::umask(0) };
        let claim = Claim::new(&session);
        save(
            &session,
            &c,
            &Answers::empty(&c),
            Progress::default(),
            &Live::default(),
        )
        .unwrap();
        unsafe { libc::umask(old) };
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&state), 0o700);
        assert_eq!(mode(&session), 0o600);
        drop(claim);
        std::fs::write(dir.join("victim"), "keep").unwrap();
        symlink(dir.join("victim"), with_suffix(&session, ".lock")).unwrap();
        let claim = Claim::new(&session);
        assert_eq!(claim.path, session);
        drop(claim);
        assert_eq!(std::fs::read_to_string(dir.join("victim")).unwrap(), "keep");
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
        save(&path, &c, &a, p, &Live::default()).unwrap();
        let saved = load(&path, &c).unwrap();
        assert_eq!(a, saved.answers);
        assert_eq!(p, saved.progress);
        assert_eq!(saved.live, Live::default());
        // The same file is an answers file for `recommend --answers`.
        let mut r = Answers::empty(&c);
        r.apply_file(&c, "x", &std::fs::read_to_string(&path).unwrap())
            .unwrap();
        assert_eq!(r, a);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The weights and the poll the room set come back after a restart; a file written before
    /// they were saved (no such tables) loads with neither; an id the data lost is left out.
    #[test]
    fn live_weights_and_poll_round_trip_and_old_files_still_load() {
        let mut c = crate::pack::load_builtin().unwrap();
        let (pack, criterion) = crate::weights::find(&c, "iac.multi_cloud", false).unwrap();
        let change = crate::weights::Change {
            pack,
            criterion,
            value: 6.0,
        };
        crate::weights::set(&mut c, change).unwrap();
        let traffic = c.questions.iter().position(|q| q.id == "traffic").unwrap();
        let team = c
            .questions
            .iter()
            .position(|q| q.id == "team_size")
            .unwrap();
        let mut poll = crate::poll::Poll::default();
        poll.set(&c, traffic, 1, 30);
        poll.set(&c, traffic, 0, 12);
        poll.set(&c, team, 0, 4);
        let live = Live::of(&c, &poll);
        let dir = std::env::temp_dir().join(format!("tradeoff-live-{}", std::process::id()));
        let path = dir.join(SESSION_FILE);
        let a = Answers::empty(&c);
        save(&path, &c, &a, Progress::default(), &live).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"iac.multi_cloud\" = 6.0"), "{text}");
        let data = crate::pack::load_builtin().unwrap();
        let back = load(&path, &data).unwrap().live;
        assert_eq!(back.weights, vec![change]);
        assert_eq!(back.poll.hands(traffic), poll.hands(traffic));
        let order: Vec<usize> = back.poll.polled().map(|(q, _)| *q).collect();
        assert_eq!(order, [traffic, team], "the order polled");
        // Still an answers file for `recommend`.
        let mut r = Answers::empty(&data);
        r.apply_file(&data, "x", &text).unwrap();
        // An older file: no weights, no poll; an unknown criterion is left out.
        let old = text
            .replace("\"iac.multi_cloud\"", "\"iac.gone\"")
            .split("\n[[session.poll]]")
            .next()
            .unwrap()
            .to_string();
        std::fs::write(&path, old).unwrap();
        assert_eq!(load(&path, &data).unwrap().live, Live::default());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
