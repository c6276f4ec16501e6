//! Performs what `update` asks for outside the state — files through `fsutil::write_file`, the
//! clipboard through the terminal — and says how it went as an [`Outcome`], which the loop hands
//! back to `update` in `Msg::Done`.

use std::io::Write;

use super::clipboard::{self, Multiplexer};
use super::msg::{Delivery, Effect, Outcome};

/// Performs `effect`; the clipboard sequence goes to `out`, wrapped for `mux` when there is one.
pub fn perform(effect: Effect, out: &mut dyn Write, mux: Option<Multiplexer>) -> Outcome {
    match effect {
        Effect::Write {
            path,
            contents,
            overwrite,
        } => {
            // As the command line's `--output`: a missing folder is refused, named, never made
            // (a typo in a path must not leave folders behind).
            let opts = crate::fsutil::WriteOptions {
                overwrite,
                create_dirs: false,
            };
            match crate::fsutil::write_file(&path, contents.as_bytes(), opts) {
                Ok(()) => Outcome::Written(std::path::absolute(&path).unwrap_or(path)),
                Err(crate::fsutil::WriteError::Exists) => Outcome::Exists(path),
                Err(crate::fsutil::WriteError::Io(e)) => {
                    Outcome::WriteFailed(format!("{}: {e}", path.display()))
                }
            }
        }
        Effect::Clipboard(text) => {
            let seq = clipboard::sequence(&text, mux);
            match out.write_all(seq.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => Outcome::Copied {
                    bytes: text.len(),
                    delivery: mux.map_or(Delivery::Direct, Delivery::Passthrough),
                },
                Err(e) => Outcome::CopyFailed(format!("Could not copy to the clipboard: {e}")),
            }
        }
    }
}
