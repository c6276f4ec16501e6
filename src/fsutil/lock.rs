//! Advisory locks the kernel releases (`flock`): a process that dies, however it dies, holds
//! nothing, so no lock is ever stale and no process id has to be trusted. And the raw opens the
//! writers build on: never through a final symbolic link, with a mode that does not depend on the
//! umask.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// An exclusive lock on a file, held until dropped (or until the process ends).
#[derive(Debug)]
pub struct Lock {
    file: File,
}

impl Lock {
    /// Takes the exclusive lock on `path` without waiting, creating the file (mode 0600) if need
    /// be: `Ok(None)` when another process (or another open of the file) holds it. A symbolic link
    /// at `path` is refused rather than followed, so a link planted in a shared folder cannot make
    /// the lock truncate or create someone else's file.
    ///
    /// The lock is on the file that `path` names once taken: if another process removed or
    /// replaced the file between the open and the lock, the lock is taken again on the new one.
    pub fn try_take(path: &Path) -> io::Result<Option<Lock>> {
        for _ in 0..8 {
            let file = open_nofollow(path, true, 0o600)?;
            if !try_flock(&file)? {
                return Ok(None);
            }
            if same_file(&file, path) {
                return Ok(Some(Lock { file }));
            }
        }
        Err(super::other(format!(
            "{}: the lock file keeps being replaced",
            path.display()
        )))
    }

    /// The locked file (to write who holds it, for the others to read).
    pub fn file(&self) -> &File {
        &self.file
    }
}

/// Whether some process holds a lock on the file at `path`. A file that does not exist, or that
/// cannot be opened without following a link, is not held.
pub fn is_held(path: &Path) -> bool {
    match open_nofollow(path, false, 0) {
        Ok(file) => !try_flock(&file).unwrap_or(false),
        Err(_) => false,
    }
}

/// Opens `path` for reading and writing without following a final symbolic link (`ELOOP`
/// instead), without blocking on a FIFO, and, with `create`, creates it with exactly `mode`.
#[cfg(unix)]
pub fn open_nofollow(path: &Path, create: bool, mode: u32) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(create)
        .mode(mode)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(super::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    Ok(file)
}

#[cfg(not(unix))]
pub fn open_nofollow(path: &Path, create: bool, _mode: u32) -> io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(create)
        .open(path)
}

/// `flock(LOCK_EX | LOCK_NB)`: true when taken.
#[cfg(unix)]
pub(super) fn try_flock(file: &File) -> io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a file descriptor this `File` owns for the whole call.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(not(unix))]
pub(super) fn try_flock(_file: &File) -> io::Result<bool> {
    Ok(true)
}

/// Whether `file` is still the file that `path` names (same device and inode).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> bool {
    true
}

/// The effective user id (the one files are created as).
#[cfg(unix)]
pub fn euid() -> u32 {
    // SAFETY: geteuid cannot fail and touches no memory.
    unsafe { libc::geteuid() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("tradeoff-lock-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempdir("hold");
        let path = dir.join("x.lock");
        assert!(!is_held(&path));
        let a = Lock::try_take(&path).unwrap().expect("free");
        assert!(is_held(&path));
        assert!(Lock::try_take(&path).unwrap().is_none(), "held");
        drop(a);
        assert!(!is_held(&path));
        assert!(Lock::try_take(&path).unwrap().is_some());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_and_its_target_untouched() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempdir("link");
        fs::write(dir.join("victim"), "keep").unwrap();
        symlink(dir.join("victim"), dir.join("x.lock")).unwrap();
        assert!(Lock::try_take(&dir.join("x.lock")).is_err());
        symlink(dir.join("absent"), dir.join("y.lock")).unwrap();
        assert!(Lock::try_take(&dir.join("y.lock")).is_err());
        assert_eq!(fs::read_to_string(dir.join("victim")).unwrap(), "keep");
        assert!(
            !dir.join("absent").exists(),
            "nothing created through a link"
        );
        // Created 0600 whatever the umask.
        let lock = Lock::try_take(&dir.join("z.lock")).unwrap().unwrap();
        let mode = lock.file().metadata().unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        fs::remove_dir_all(&dir).unwrap();
    }
}
