//! The temporary file an atomic write goes through: its hidden name beside the target, writing it
//! (created with `O_EXCL`, locked, fsynced) and moving it into place, and removing the ones that
//! killed writes left behind. [`write`](super::write) decides where a write goes; this is how it
//! lands there.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `.NAME.PID.NONCE.tmp` beside `path`: hidden, and never the name of anything a user made.
fn temp_path(path: &Path) -> PathBuf {
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(
        "{}{}.{nonce}.tmp",
        temp_prefix(path),
        std::process::id()
    ))
}

fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

/// Removes the temporary files that writes of `path` left when they were killed: a hidden
/// `.NAME.*.tmp` beside it that belongs to the user, is no longer locked by its writer, and is
/// older than a few seconds (a writer locks its file just after creating it).
pub(super) fn clean_stale_temps(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Some(dir) = path.parent() else { return };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let prefix = temp_prefix(path);
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let now = std::time::SystemTime::now();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with(&prefix) && name.ends_with(".tmp")) {
                continue;
            }
            let candidate = entry.path();
            let Ok(meta) = fs::symlink_metadata(&candidate) else {
                continue;
            };
            let old = meta
                .modified()
                .ok()
                .and_then(|m| now.duration_since(m).ok())
                .is_some_and(|age| age.as_secs() >= 10);
            if meta.is_file()
                && meta.uid() == super::lock::euid()
                && old
                && !super::lock::is_held(&candidate)
            {
                let _ = fs::remove_file(&candidate);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Writes a temporary file beside `target`, then moves it into place. Returns the temporary file's
/// name once it exists (for the caller to remove if this fails).
pub(super) fn replace_with_temp(
    target: &Path,
    bytes: &[u8],
    existing: Option<&fs::Metadata>,
    overwrite: bool,
    mode: Option<u32>,
) -> (Option<PathBuf>, io::Result<()>) {
    let tmp = temp_path(target);
    let mut f = match create_new(&tmp, mode.unwrap_or(0o666)) {
        Ok(f) => f,
        Err(e) => return (None, Err(e)),
    };
    let result = (|| {
        // Locked while written: a write killed half-way leaves an unlocked file that the next
        // write cleans up, and a live one is never taken for such a file.
        super::lock::try_flock(&f)?;
        match (mode, existing) {
            (Some(mode), _) => set_mode(&f, mode)?,
            // The replaced file keeps its permission bits (a private 0600 file stays private).
            (None, Some(meta)) => f.set_permissions(meta.permissions())?,
            (None, None) => {}
        }
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        if overwrite {
            return fs::rename(&tmp, target);
        }
        // Without overwrite, a file that appeared meanwhile must not be replaced: link, then
        // unlink (a link fails on anything already there, a symbolic link included).
        match fs::hard_link(&tmp, target) {
            Ok(()) => fs::remove_file(&tmp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            // File systems without hard links: fall back to rename after the check above.
            Err(_) => fs::rename(&tmp, target),
        }
    })();
    (Some(tmp), result)
}

#[cfg(unix)]
fn create_new(path: &Path, mode: u32) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .custom_flags(libc::O_CLOEXEC)
        .open(path)
}

#[cfg(not(unix))]
fn create_new(path: &Path, _mode: u32) -> io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}

#[cfg(unix)]
fn set_mode(f: &File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_f: &File, _mode: u32) -> io::Result<()> {
    Ok(())
}
