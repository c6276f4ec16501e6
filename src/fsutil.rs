//! Files in and out, safely.
//!
//! Writes are atomic: a temporary file in the same folder, fsync, then rename, so a killed write
//! leaves the old file intact or no file, never half a file; a failed write removes its temporary
//! file; writing through a symbolic link replaces the link's target and keeps the link.
//!
//! Reads of files a user names ([`read_text_limited`]) take only regular files (or standard input
//! for `-`) and stop at a size limit, so a FIFO, `/dev/zero` or a multi-gigabyte file gives an error
//! instead of a hang or an exhausted memory.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

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

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("out".into(), |n| n.to_string_lossy().into_owned());
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    path.with_file_name(format!(".{name}.{}.{nonce}.tmp", std::process::id()))
}

/// Writes `bytes` to `path` atomically, creating missing folders; refuses an existing file unless
/// `overwrite`. (Sessions and the TUI's export use this; the CLI's `--output` uses [`write_file`]
/// without `create_dirs`.)
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

/// Writes `bytes` to `path`.
///
/// - A regular file (new or replaced) is written atomically next to its final place.
/// - A symbolic link is followed to the end of its chain: the target is replaced (or created), the
///   link stays.
/// - A character device or a FIFO (`/dev/stdout`, `/dev/null`, a named pipe) is written directly:
///   there is nothing to replace, and a rename would swap the device for a file.
/// - A folder, a block device or a socket is refused.
///
/// Whatever fails, no temporary file is left behind.
pub fn write_file(path: &Path, bytes: &[u8], opts: WriteOptions) -> Result<(), WriteError> {
    let target = follow_links(path)?;
    let existing = match fs::symlink_metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
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
            fs::create_dir_all(parent)?;
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
    let tmp = temp_path(&target);
    let result = replace_with_temp(&target, &tmp, bytes, existing.as_ref(), opts.overwrite);
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
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

/// Writes `tmp`, then moves it to `target`. The caller removes `tmp` if this fails.
fn replace_with_temp(
    target: &Path,
    tmp: &Path,
    bytes: &[u8],
    existing: Option<&fs::Metadata>,
    overwrite: bool,
) -> io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    if let Some(meta) = existing {
        // The replaced file keeps its permission bits (a private 0600 file stays private).
        f.set_permissions(meta.permissions())?;
    }
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    if overwrite {
        return fs::rename(tmp, target);
    }
    // Without overwrite, a file that appeared meanwhile must not be replaced: link, then unlink.
    match fs::hard_link(tmp, target) {
        Ok(()) => fs::remove_file(tmp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // File systems without hard links: fall back to rename after the check above.
        Err(_) => fs::rename(tmp, target),
    }
}

fn write_stream(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut f = OpenOptions::new().write(true).open(target)?;
    f.write_all(bytes)?;
    f.flush()?;
    Ok(())
}

/// The end of `path`'s chain of symbolic links (which need not exist yet), or `path` itself.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    // The same bound as Linux's ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(other("too many levels of symbolic links"))
}

fn other(msg: impl Into<String>) -> io::Error {
    io::Error::other(msg.into())
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

/// Why [`read_text_limited`] read nothing.
#[derive(Debug)]
pub struct ReadError {
    /// The file as named to the user (`<stdin>` for `-`).
    pub name: String,
    pub kind: ReadErrorKind,
}

#[derive(Debug)]
pub enum ReadErrorKind {
    Io(io::Error),
    /// Not a regular file: what it is instead ("a FIFO", "a character device", "a folder", …).
    NotAFile(&'static str),
    /// More than `limit` bytes.
    TooBig {
        limit: u64,
    },
    /// Not UTF-8: the 1-based line and column (in characters) of the first invalid byte.
    NotUtf8 {
        line: usize,
        col: usize,
    },
}

impl ReadError {
    /// The place to point at: the first bad byte's line and column, or `(0, 0)` for the file as a
    /// whole (as [`crate::pack::Diagnostic`] has it).
    pub fn place(&self) -> (usize, usize) {
        match self.kind {
            ReadErrorKind::NotUtf8 { line, col } => (line, col),
            _ => (0, 0),
        }
    }

    /// What went wrong and what would be right, without the file's name (for a message that
    /// names the file on its own).
    pub fn reason(&self) -> String {
        match &self.kind {
            ReadErrorKind::Io(e) => format!("cannot read: {e}"),
            ReadErrorKind::NotAFile(what) => format!(
                "cannot read: it is {what}, not a regular file (give a file, or `-` for standard input)"
            ),
            ReadErrorKind::TooBig { limit } => format!(
                "cannot read: larger than {}, the most tradeoff reads from such a file; is it the right file?",
                human_size(*limit)
            ),
            ReadErrorKind::NotUtf8 { .. } => {
                "the file is not UTF-8 text; save it as UTF-8".to_string()
            }
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.place() {
            (0, _) => write!(f, "{}: {}", self.name, self.reason()),
            (line, col) => write!(f, "{}:{line}:{col}: {}", self.name, self.reason()),
        }
    }
}

impl std::error::Error for ReadError {}

/// `1 MiB`, `64 KiB`, or a number of bytes.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Reads the UTF-8 text of the file at `path`, or of standard input when `path` is `-`, refusing
/// anything larger than `max_bytes`.
///
/// Only a regular file (or a symbolic link to one) is opened: a FIFO, a device such as `/dev/zero`,
/// a socket or a folder is refused before any read, so a file that never ends cannot hang the
/// program. Standard input may be a pipe; it is read up to the limit and no further. A leading
/// UTF-8 byte-order mark is dropped. Every error names the file (see [`ReadError`]'s `Display`).
///
/// Limits in use: answers files and the config file 1 MiB (`answers::MAX_FILE_BYTES`,
/// `config::MAX_FILE_BYTES`).
pub fn read_text_limited(path: &Path, max_bytes: u64) -> Result<String, ReadError> {
    let stdin = path == Path::new("-");
    let name = if stdin {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    };
    let err = |kind| ReadError {
        name: name.clone(),
        kind,
    };
    let mut bytes = Vec::new();
    if stdin {
        io::stdin()
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| err(ReadErrorKind::Io(e)))?;
    } else {
        // Checked before opening: opening a FIFO for reading blocks until a writer comes.
        let meta = fs::metadata(path).map_err(|e| err(ReadErrorKind::Io(e)))?;
        check_regular(&meta, max_bytes).map_err(&err)?;
        let file = open_nonblocking(path).map_err(|e| err(ReadErrorKind::Io(e)))?;
        // And after: the name may have been swapped for something else in between.
        let meta = file.metadata().map_err(|e| err(ReadErrorKind::Io(e)))?;
        check_regular(&meta, max_bytes).map_err(&err)?;
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| err(ReadErrorKind::Io(e)))?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(err(ReadErrorKind::TooBig { limit: max_bytes }));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let (line, col) = crate::pack::SourceText::new("", valid).line_col(valid.len());
        err(ReadErrorKind::NotUtf8 { line, col })
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

fn check_regular(meta: &fs::Metadata, max_bytes: u64) -> Result<(), ReadErrorKind> {
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(ReadErrorKind::NotAFile("a folder"));
    }
    if !ft.is_file() {
        return Err(ReadErrorKind::NotAFile(stream_kind(&ft)));
    }
    if meta.len() > max_bytes {
        return Err(ReadErrorKind::TooBig { limit: max_bytes });
    }
    Ok(())
}

#[cfg(unix)]
fn stream_kind(ft: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a FIFO (named pipe)"
    } else if ft.is_char_device() {
        "a character device"
    } else if ft.is_block_device() {
        "a block device"
    } else if ft.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn stream_kind(_ft: &fs::FileType) -> &'static str {
    "a special file"
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK only matters if the file turned into a FIFO after the check: then the open
    // returns at once instead of waiting for a writer. Regular files ignore it.
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("tradeoff-fsutil-{name}-{}", std::process::id()));
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

    #[cfg(unix)]
    #[test]
    fn through_a_symlink_the_target_is_replaced_and_the_link_kept() {
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
        assert!(
            fs::symlink_metadata(dir.join("link.md"))
                .unwrap()
                .is_symlink()
        );
        assert!(
            fs::symlink_metadata(dir.join("link2.md"))
                .unwrap()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(dir.join("real/out.md")).unwrap(), "new");
        let mode = fs::metadata(dir.join("real/out.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "permission bits kept");
        assert_eq!(entries(&dir.join("real")), ["out.md"]);
        // A dangling link: the target is created.
        symlink("real/new.md", dir.join("dangling.md")).unwrap();
        write_file(&dir.join("dangling.md"), b"n", WriteOptions::default()).unwrap();
        assert_eq!(fs::read_to_string(dir.join("real/new.md")).unwrap(), "n");
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

    #[test]
    fn reads_within_the_limit_and_names_the_file_beyond_it() {
        let dir = tempdir("read");
        let path = dir.join("a.toml");
        fs::write(&path, "\u{feff}x = 1\n").unwrap();
        assert_eq!(read_text_limited(&path, 100).unwrap(), "x = 1\n");
        let e = read_text_limited(&path, 4).unwrap_err();
        assert!(matches!(e.kind, ReadErrorKind::TooBig { limit: 4 }));
        assert!(e.to_string().starts_with(&format!("{}: ", path.display())));
        let e = read_text_limited(&dir, 100).unwrap_err();
        assert!(matches!(e.kind, ReadErrorKind::NotAFile("a folder")), "{e}");
        fs::write(&path, b"a = 1\nb = \"\xc3\xa9\xff\"\n").unwrap();
        let e = read_text_limited(&path, 100).unwrap_err();
        assert!(
            matches!(e.kind, ReadErrorKind::NotUtf8 { line: 2, col: 7 }),
            "{e:?}"
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_before_reading() {
        let e = read_text_limited(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(
            matches!(e.kind, ReadErrorKind::NotAFile("a character device")),
            "{e}"
        );
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_size(1 << 20), "1 MiB");
        assert_eq!(human_size(64 << 10), "64 KiB");
        assert_eq!(human_size(1000), "1000 bytes");
    }
}
