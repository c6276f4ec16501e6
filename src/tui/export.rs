//! Leaving the terminal: the export dialog's state, the side effects `update` asks for (write a file,
//! copy to the clipboard) and OSC 52, the escape sequence that copies through the terminal itself,
//! over SSH too. `update` never touches files: it queues an [`Effect`], the terminal loop performs it
//! and reports back with [`App::effect_done`](super::App::effect_done).

use std::path::PathBuf;

use crate::engine::Recommendation;
use crate::report;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Json,
    Html,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Markdown,
        ExportFormat::Json,
        ExportFormat::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Json => "JSON",
            ExportFormat::Html => "HTML",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
            ExportFormat::Html => "html",
        }
    }

    pub fn render(self, rec: &Recommendation, today: &str) -> String {
        match self {
            ExportFormat::Markdown => report::markdown::render(rec, today),
            ExportFormat::Json => report::json::render(rec),
            ExportFormat::Html => report::html::render(rec, today),
        }
    }

    fn next(self) -> ExportFormat {
        let i = ExportFormat::ALL
            .iter()
            .position(|f| *f == self)
            .unwrap_or(0);
        ExportFormat::ALL[(i + 1) % ExportFormat::ALL.len()]
    }
}

/// The export dialog: a format, an editable path, and a question before overwriting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: ExportFormat,
    pub path: String,
    /// The file exists: waiting for y (overwrite) or n (edit the path).
    pub confirm_overwrite: bool,
    pub error: Option<String>,
    /// A write is in flight.
    pub writing: bool,
}

impl ExportDialog {
    pub fn new(today: &str) -> ExportDialog {
        ExportDialog {
            format: ExportFormat::Markdown,
            path: default_path(today, ExportFormat::Markdown),
            confirm_overwrite: false,
            error: None,
            writing: false,
        }
    }

    /// Cycles the format; a path that still has the previous default extension follows it.
    pub fn cycle_format(&mut self) {
        let old = self.format;
        self.format = old.next();
        if let Some(stem) = self.path.strip_suffix(&format!(".{}", old.extension())) {
            self.path = format!("{stem}.{}", self.format.extension());
        }
        self.confirm_overwrite = false;
        self.error = None;
    }
}

/// `tradeoff-summary-YYYY-MM-DD.md` (or .json, .html) in the working directory.
pub fn default_path(today: &str, format: ExportFormat) -> String {
    format!("tradeoff-summary-{today}.{}", format.extension())
}

/// Something `update` wants done outside the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `contents` to `path` atomically; refuse an existing file unless `overwrite`.
    Write {
        path: PathBuf,
        contents: String,
        overwrite: bool,
    },
    /// Put `text` on the clipboard with OSC 52.
    Clipboard(String),
}

/// How an effect went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EffectResult {
    Written(PathBuf),
    Exists(PathBuf),
    Failed(String),
    Copied(usize),
}

/// Performs an effect: files through `fsutil::write_atomic`, the clipboard through `out`.
pub fn perform(effect: Effect, out: &mut dyn std::io::Write) -> EffectResult {
    match effect {
        Effect::Write {
            path,
            contents,
            overwrite,
        } => match crate::fsutil::write_atomic(&path, contents.as_bytes(), overwrite) {
            Ok(()) => EffectResult::Written(std::path::absolute(&path).unwrap_or(path)),
            Err(crate::fsutil::WriteError::Exists) => EffectResult::Exists(path),
            Err(crate::fsutil::WriteError::Io(e)) => {
                EffectResult::Failed(format!("{}: {e}", path.display()))
            }
        },
        Effect::Clipboard(text) => {
            let seq = osc52(&text);
            match out.write_all(seq.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => EffectResult::Copied(text.len()),
                Err(e) => EffectResult::Failed(format!("clipboard: {e}")),
            }
        }
    }
}

/// The OSC 52 sequence that asks the terminal to put `text` on the system clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn the_extension_follows_the_format() {
        let mut d = ExportDialog::new("2026-11-26");
        assert_eq!(d.path, "tradeoff-summary-2026-11-26.md");
        d.cycle_format();
        assert_eq!(
            (d.format, d.path.as_str()),
            (ExportFormat::Json, "tradeoff-summary-2026-11-26.json")
        );
        d.path = "team.txt".into();
        d.cycle_format();
        assert_eq!(d.path, "team.txt", "a path the user typed is kept");
    }
}
