//! Reading files a user names: only regular files (or standard input for `-`), up to a size
//! limit, so a FIFO, `/dev/zero` or a multi-gigabyte file gives an error instead of a hang or an
//! exhausted memory.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

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
    /// whole (as the data's diagnostics have it).
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
        // 1-based, the column in characters (as the data's diagnostics count them).
        let line = valid.matches('\n').count() + 1;
        let col = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
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
    use std::path::PathBuf;

    fn tempdir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("tradeoff-fsutil-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
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
