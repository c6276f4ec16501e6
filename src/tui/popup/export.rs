//! The export dialog's state and its keys: a format, an editable path, and a question before
//! overwriting. The dialog never touches files: it asks `App::update` for the write
//! (`Msg::WriteExport`), which queues an `Effect::Write`; the loop performs it and the outcome comes
//! back as `Msg::Done`.

use super::reply::Reply;
use crate::report::Format;
use crate::tui::msg::Msg;

/// The formats the dialog offers, in the order Tab cycles through them: the report formats a
/// person shares (`report::Format`, written by `report::render`), the decision record included.
pub const FORMATS: [Format; 4] = [Format::Markdown, Format::Json, Format::Html, Format::Adr];

fn next(f: Format) -> Format {
    let i = FORMATS.iter().position(|x| *x == f).unwrap_or(0);
    FORMATS[(i + 1) % FORMATS.len()]
}

/// The export dialog: a format, an editable path, and a question before overwriting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    pub path: String,
    /// The file exists: waiting for y (overwrite) or n (edit the path).
    pub confirm_overwrite: bool,
    pub error: Option<String>,
    /// A write is in flight.
    pub writing: bool,
    /// The date in the default file names.
    pub today: String,
}

impl ExportDialog {
    pub fn new(today: &str) -> ExportDialog {
        ExportDialog {
            format: Format::Markdown,
            path: default_path(today, Format::Markdown),
            today: today.to_string(),
            confirm_overwrite: false,
            error: None,
            writing: false,
        }
    }

    /// Cycles the format; the previous format's default name becomes the new one's, and a path
    /// that still has the previous extension follows it.
    pub fn cycle_format(&mut self) {
        let old = self.format;
        self.format = next(old);
        if self.path == default_path(&self.today, old) {
            self.path = default_path(&self.today, self.format);
        } else if let Some(stem) = self.path.strip_suffix(&format!(".{}", old.extension())) {
            self.path = format!("{stem}.{}", self.format.extension());
        }
        self.confirm_overwrite = false;
        self.error = None;
    }

    /// Typing edits the path, Tab cycles the format, Enter writes (after y when the file exists).
    pub fn update(&mut self, msg: Msg) -> Reply {
        if self.writing {
            return Reply::stay();
        }
        if self.confirm_overwrite {
            match msg {
                Msg::Char('y' | 'Y') => return self.write(true),
                Msg::Char('n' | 'N') | Msg::Back => self.confirm_overwrite = false,
                _ => {}
            }
            return Reply::stay();
        }
        match msg {
            Msg::Back => return Reply::close(),
            Msg::NextTab | Msg::PrevTab => self.cycle_format(),
            Msg::Char(c) => self.edit(|p| p.push(c)),
            Msg::Backspace => self.edit(|p| {
                p.pop();
            }),
            Msg::ClearField => self.edit(String::clear),
            Msg::Enter if self.path.trim().is_empty() => {
                self.error = Some("Type a file name, e.g. summary.md".into());
            }
            Msg::Enter => return self.write(false),
            _ => {}
        }
        Reply::stay()
    }

    fn edit(&mut self, f: impl FnOnce(&mut String)) {
        f(&mut self.path);
        self.error = None;
    }

    /// Asks for the file to be written; the dialog waits for the outcome.
    fn write(&mut self, overwrite: bool) -> Reply {
        self.writing = true;
        self.confirm_overwrite = false;
        self.error = None;
        Reply::send(Msg::WriteExport { overwrite })
    }

    /// The path typed, with `~/` for the home folder.
    pub fn target(&self) -> std::path::PathBuf {
        let raw = self.path.trim();
        match (raw.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
            _ => std::path::PathBuf::from(raw),
        }
    }
}

/// `tradeoff-summary-YYYY-MM-DD.md` (or .json, .html), or `tradeoff-decision-YYYY-MM-DD.md` for the
/// ADR, in the working directory.
pub fn default_path(today: &str, format: Format) -> String {
    let what = if format == Format::Adr {
        "decision"
    } else {
        "summary"
    };
    format!("tradeoff-{what}-{today}.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_follows_the_format() {
        let mut d = ExportDialog::new("2026-11-26");
        assert_eq!(d.path, "tradeoff-summary-2026-11-26.md");
        d.cycle_format();
        assert_eq!(
            (d.format, d.path.as_str()),
            (Format::Json, "tradeoff-summary-2026-11-26.json")
        );
        d.cycle_format();
        d.cycle_format();
        assert_eq!(
            (d.format, d.path.as_str()),
            (Format::Adr, "tradeoff-decision-2026-11-26.md")
        );
        d.cycle_format();
        assert_eq!(d.path, "tradeoff-summary-2026-11-26.md");
        d.path = "team.md".into();
        d.cycle_format();
        assert_eq!(d.path, "team.json", "the extension follows");
        d.path = "team.txt".into();
        d.cycle_format();
        assert_eq!(d.path, "team.txt", "a path the user typed is kept");
    }
}
