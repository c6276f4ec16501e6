//! Files in and out, safely, on a machine other people share.
//!
//! - [`write`]: atomic writes (temporary file, fsync, rename) that cannot be redirected through
//!   someone else's symbolic link, and that leave nothing behind when they fail or are killed;
//!   `temp` holds the temporary file they go through.
//! - [`read`]: bounded reads of files a user names (regular files or `-` only, up to a limit).
//! - [`lock`]: advisory locks the kernel releases when a process ends, and the few raw opens
//!   (`O_NOFOLLOW`, private modes) the other two build on.

pub mod lock;
pub mod read;
mod temp;
pub mod write;

pub use lock::Lock;
pub use read::{ReadError, ReadErrorKind, human_size, read_text_limited};
pub use write::{
    WriteError, WriteOptions, create_private_dir, create_stream, write_atomic, write_file,
    write_private,
};

fn other(msg: impl Into<String>) -> std::io::Error {
    std::io::Error::other(msg.into())
}
