//! The export dialog's state: a format, an editable path, and a question before overwriting. The
//! dialog never touches files: `update` queues an `Effect::Write`, the loop performs it and the
//! outcome comes back as `Msg::Done`.

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
            (ExportFormat::Json, "tradeoff-summary-2026-11-26.json")
        );
        d.path = "team.txt".into();
        d.cycle_format();
        assert_eq!(d.path, "team.txt", "a path the user typed is kept");
    }
}
