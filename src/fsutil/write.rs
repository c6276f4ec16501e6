//! Writes that land where the user meant, whole or not at all.
//!
//! A regular file is written atomically: a temporary file in the same folder (created with
//! `O_EXCL`, locked while it is written), fsync, then rename; a killed write leaves the old file or
//! none, and its temporary file is removed by the next write to that folder once its writer is
//! gone (the kernel released the writer's lock).
//!
//! Symbolic links are followed only when that cannot be a trap, as Linux's `protected_symlinks`
//! promises for sticky folders but everywhere: every link on the way must belong to the user, the
//! user must have asked to replace a file (`overwrite`), and the file at the end must exist (no file
//! is ever created through a link). A link that someone else planted — in `/tmp`, in a shared
//! folder — is refused and its target left alone, whatever it points to.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::other;
use super::temp::{clean_stale_temps, replace_with_temp};

#[derive(Debug)]
pub enum WriteError {
    /// The file exists and overwriting was not allowed.
    Exists,
    Io(io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists => f.write_str("the file already exists"),
            WriteError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// How [`write_file`] treats what is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WriteOptions {
    /// Replace an existing file (else [`WriteError::Exists`]).
    pub overwrite: bool,
    /// Create missing parent folders (else a missing folder is an error that names it).
    pub create_dirs: bool,
}

/// Writes `bytes` to `path` atomically, creating missing folders; refuses an existing file unless
/// `overwrite`. (The CLI's `--output` and the TUI's export use [`write_file`] without
/// `create_dirs`; sessions use [`write_private`].)
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    write_file(
        path,
        bytes,
        WriteOptions {
            overwrite,
            create_dirs: true,
        },
    )
}

/// Writes a private file (the saved session): mode 0600 whatever the umask, missing folders
/// created 0700, an existing file replaced.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let opts = WriteOptions {
        overwrite: true,
        create_dirs: true,
    };
    write_with(path, bytes, opts, Some(0o600))
}

/// Writes `bytes` to `path`.
///
/// - A regular file (new or replaced) is written atomically next to its final place.
/// - A symbolic link is followed only when every link of its chain belongs to the user, the file at
///   its end exists, and `overwrite` is given: then that file is replaced and the link stays.
///   Anything else through a link is refused.
/// - A character device or a FIFO (`/dev/null`, a named pipe) is written directly: there is
///   nothing to replace, and a rename would swap the device for a file. `/dev/stdout`,
///   `/dev/stderr` and `/dev/fd/N` are the process's own open files, written in place whatever
///   they are (a pipe, a terminal, a file the shell opened).
/// - A folder, a block device or a socket is refused.
///
/// Whatever fails, no temporary file is left behind.
pub fn write_file(path: &Path, bytes: &[u8], opts: WriteOptions) -> Result<(), WriteError> {
    write_with(path, bytes, opts, None)
}

fn write_with(
    path: &Path,
    bytes: &[u8],
    opts: WriteOptions,
    mode: Option<u32>,
) -> Result<(), WriteError> {
    #[cfg(unix)]
    if let Some(fd) = own_descriptor(path) {
        return write_descriptor(fd, bytes);
    }
    let (target, existing) = resolve(path)?;
    if let Some(meta) = &existing {
        let ft = meta.file_type();
        if ft.is_dir() {
            return Err(other("it is a folder").into());
        }
        if !ft.is_file() {
            return match special_kind(&ft) {
                Some(what) => Err(other(format!("it is {what}, not a file")).into()),
                // A character device or a FIFO: a stream, written in place.
                None => write_stream(&target, bytes),
            };
        }
        if !opts.overwrite {
            return Err(WriteError::Exists);
        }
    }
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if parent.exists() && !parent.is_dir() {
        return Err(other(format!("{} is not a folder", parent.display())).into());
    }
    if !parent.is_dir() {
        if opts.create_dirs {
            create_dirs(parent, mode.map(|_| 0o700))?;
        } else {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "the folder {} does not exist (it is not created for you)",
                    parent.display()
                ),
            )
            .into());
        }
    }
    clean_stale_temps(&target);
    let (tmp, result) = replace_with_temp(&target, bytes, existing.as_ref(), opts.overwrite, mode);
    if let Err(e) = result {
        if let Some(tmp) = tmp {
            let _ = fs::remove_file(&tmp);
        }
        if e.kind() == io::ErrorKind::AlreadyExists {
            return Err(WriteError::Exists);
        }
        return Err(WriteError::Io(e));
    }
    if let Ok(dir) = File::open(parent) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Opens `path` to be written as a stream (a recording, written as it happens): created, or
/// emptied if it exists, under the same rules for links as [`write_file`] with `overwrite` (only
/// the user's own links, never to a file that does not exist yet).
pub fn create_stream(path: &Path) -> io::Result<File> {
    let (target, existing) = resolve(path)?;
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
        return Err(other("it is a folder"));
    }
    let mut opts = OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NOCTTY | libc::O_CLOEXEC);
    }
    opts.open(target)
}

/// Follows `path`'s chain of symbolic links where that is safe (see the module's notes): the file
/// to write, and what is there now (`None`: nothing yet).
fn resolve(path: &Path) -> io::Result<(PathBuf, Option<fs::Metadata>)> {
    let mut p = path.to_path_buf();
    let mut via_link = false;
    // The same bound as Linux's ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                check_link(path, &p, &m)?;
                via_link = true;
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(m) => return Ok((p, Some(m))),
            Err(e) if e.kind() == io::ErrorKind::NotFound && via_link => {
                return Err(refused(
                    "it is a symbolic link to a file that does not exist, and tradeoff never creates a file through a link; name the file itself",
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((p, None)),
            Err(e) => return Err(e),
        }
    }
    Err(other("too many levels of symbolic links"))
}

/// A link may be followed only if the user owns it: one that someone else planted (in `/tmp`, in
/// a shared folder) could point anywhere the user can write.
#[cfg(unix)]
fn check_link(path: &Path, link: &Path, meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    if meta.uid() == super::lock::euid() {
        return Ok(());
    }
    let what = if link == path {
        "it is a symbolic link".to_string()
    } else {
        format!("it leads through the symbolic link {}", link.display())
    };
    Err(refused(&format!(
        "{what} that belongs to another user (uid {}), and tradeoff does not write through other users' links; name the file itself",
        meta.uid()
    )))
}

#[cfg(not(unix))]
fn check_link(_path: &Path, _link: &Path, _meta: &fs::Metadata) -> io::Result<()> {
    Ok(())
}

fn refused(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, why.to_string())
}

/// Creates `dir` and its missing parents; with `mode`, the ones created get exactly that mode.
fn create_dirs(dir: &Path, mode: Option<u32>) -> io::Result<()> {
    match mode {
        None => fs::create_dir_all(dir),
        Some(mode) => create_private_dir(dir, mode),
    }
}

/// Creates `dir` (and missing parents) with `mode` whatever the umask; an existing folder is left
/// as it is.
#[cfg(unix)]
pub fn create_private_dir(dir: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent, mode)?;
    }
    match fs::DirBuilder::new().mode(mode).create(dir) {
        Ok(()) => fs::set_permissions(dir, fs::Permissions::from_mode(mode)),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(not(unix))]
pub fn create_private_dir(dir: &Path, _mode: u32) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// A device or a FIFO, opened by the kernel without following a final link (the path was resolved
/// above) and without creating anything.
fn write_stream(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut opts = OpenOptions::new();
    opts.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NOFOLLOW | libc::O_NOCTTY);
    }
    let mut f = opts.open(target)?;
    f.write_all(bytes)?;
    f.flush()?;
    Ok(())
}

/// The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N` stands for.
#[cfg(unix)]
fn own_descriptor(path: &Path) -> Option<i32> {
    let s = path.to_str()?;
    match s {
        "/dev/stdout" => return Some(1),
        "/dev/stderr" => return Some(2),
        _ => {}
    }
    let n = s
        .strip_prefix("/dev/fd/")
        .or_else(|| s.strip_prefix("/proc/self/fd/"))?;
    n.parse::<i32>().ok().filter(|&fd| fd >= 0)
}

/// Writes to one of the process's open files, as the shell set it up (a pipe, a terminal, or a
/// file opened with `>` or `>>`).
#[cfg(unix)]
fn write_descriptor(fd: i32, bytes: &[u8]) -> Result<(), WriteError> {
    use std::os::fd::FromRawFd;
    // SAFETY: fcntl(F_GETFD) only asks whether the descriptor is open.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } == -1 {
        return Err(other(format!("file descriptor {fd} is not open")).into());
    }
    // SAFETY: the descriptor is open (above) and only borrowed: the File is never dropped
    // (ManuallyDrop), so the descriptor stays open for the rest of the process.
    let mut f = std::mem::ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    f.write_all(bytes)?;
    f.flush()?;
    Ok(())
}

/// What a non-regular file is, for messages; `None` for the kinds that are written or read as a
/// stream (character devices and FIFOs).
#[cfg(unix)]
fn special_kind(ft: &fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_block_device() {
        Some("a block device")
    } else if ft.is_socket() {
        Some("a socket")
    } else if ft.is_char_device() || ft.is_fifo() {
        None
    } else {
        Some("not a regular file")
    }
}

#[cfg(not(unix))]
fn special_kind(_ft: &fs::FileType) -> Option<&'static str> {
    Some("not a regular file")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("tradeoff-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn refuses_then_overwrites() {
        let dir = tempdir("overwrite");
        let path = dir.join("out.md");
        write_atomic(&path, b"one", false).unwrap();
        assert!(matches!(
            write_atomic(&path, b"two", false),
            Err(WriteError::Exists)
        ));
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(entries(&dir), ["out.md"], "no temporary files left");
        fs::remove_dir_all(&dir).unwrap();
    }

    /// The user's own links: with overwrite the file at the end is replaced (the links and its
    /// permission bits stay); nothing is ever created through a link.
    #[cfg(unix)]
    #[test]
    fn through_own_links_only_to_replace_an_existing_file() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempdir("symlink");
        fs::create_dir(dir.join("real")).unwrap();
        fs::write(dir.join("real/out.md"), "old").unwrap();
        fs::set_permissions(dir.join("real/out.md"), fs::Permissions::from_mode(0o600)).unwrap();
        symlink("real/out.md", dir.join("link.md")).unwrap();
        // A chain: link2 -> link.md -> real/out.md.
        symlink(dir.join("link.md"), dir.join("link2.md")).unwrap();
        assert!(matches!(
            write_file(&dir.join("link2.md"), b"x", WriteOptions::default()),
            Err(WriteError::Exists)
        ));
        write_atomic(&dir.join("link2.md"), b"new", true).unwrap();
        for link in ["link.md", "link2.md"] {
            assert!(fs::symlink_metadata(dir.join(link)).unwrap().is_symlink());
        }
        assert_eq!(fs::read_to_string(dir.join("real/out.md")).unwrap(), "new");
        let mode = fs::metadata(dir.join("real/out.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "permission bits kept");
        assert_eq!(entries(&dir.join("real")), ["out.md"]);
        // A dangling link: refused, with or without overwrite, and nothing is created.
        symlink("real/new.md", dir.join("dangling.md")).unwrap();
        for overwrite in [false, true] {
            let e = write_atomic(&dir.join("dangling.md"), b"n", overwrite).unwrap_err();
            assert!(
                e.to_string()
                    .contains("never creates a file through a link"),
                "{e}"
            );
        }
        assert!(!dir.join("real/new.md").exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_folder_is_named_unless_created() {
        let dir = tempdir("missing");
        let path = dir.join("no/such/out.md");
        let e = write_file(&path, b"x", WriteOptions::default()).unwrap_err();
        assert!(e.to_string().contains("no/such does not exist"), "{e}");
        write_atomic(&path, b"x", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"x");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempdir("folder");
        let e = write_atomic(&dir, b"x", true).unwrap_err();
        assert!(e.to_string().contains("folder"), "{e}");
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A killed write's temporary file (old, unlocked, the user's) goes at the next write of the
    /// same file; a live writer's (locked) and a fresh one stay.
    #[cfg(unix)]
    #[test]
    fn stale_temporary_files_are_cleaned_up() {
        let dir = tempdir("stale");
        let path = dir.join("out.md");
        let stale = dir.join(".out.md.999999.1.tmp");
        let locked = dir.join(".out.md.999998.2.tmp");
        let fresh = dir.join(".out.md.999997.3.tmp");
        let other = dir.join(".other.md.999996.4.tmp");
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        for p in [&stale, &locked, &other] {
            File::create(p).unwrap().set_modified(old).unwrap();
        }
        File::create(&fresh).unwrap();
        let held = super::super::Lock::try_take(&locked).unwrap().unwrap();
        write_atomic(&path, b"x", false).unwrap();
        assert!(!stale.exists(), "the killed write's file goes");
        assert!(locked.exists() && fresh.exists() && other.exists());
        drop(held);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Private files are 0600 and their new folders 0700, whatever the umask.
    #[cfg(unix)]
    #[test]
    fn private_files_ignore_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempdir("private");
        let path = dir.join("state/deeper/session.toml");
        write_private(&path, b"x").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.join("state")), 0o700);
        assert_eq!(mode(&dir.join("state/deeper")), 0o700);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).unwrap();
        write_private(&path, b"y").unwrap();
        assert_eq!(mode(&path), 0o600, "a replaced file is private again");
        fs::remove_dir_all(&dir).unwrap();
    }
}
