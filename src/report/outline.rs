//! The outline of a document: what a recommendation, a team comparison, a glossary lookup or an
//! ADR says, decided once as plain data (headings, paragraphs, callouts, tables, lists, facts,
//! sources), before any format is chosen. The writers (`text`, `markdown`, `html`) only write
//! blocks; they never go back to the engine's value, so the formats cannot drift apart.
//!
//! Values here are the data as it is, unescaped: each writer applies [`crate::safe`] and its own
//! escaping. Nothing in this module knows a format, so other views (the TUI's panels) can read it.

use crate::pack::SharedStr;

/// A whole document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// "tradeoff recommendation"; empty for a document without a title (a glossary lookup).
    pub title: String,
    /// The outcome in a few words ("Amazon ECS Express Mode + AWS CDK"), for a page title.
    pub subject: String,
    /// Facts shown under the title: "Generated 2026-11-26", "data verified 2026-11-26".
    pub meta: Vec<String>,
    /// Document properties, written as front matter where the format has it (an ADR's status and
    /// date). Keys and values are the program's own words, never data from a file.
    pub properties: Vec<(String, String)>,
    /// What the document says before its sections, about all of them: the answers, and the place
    /// for a summary of the whole stack and for warnings about the data.
    pub summary: Vec<Block>,
    pub sections: Vec<Section>,
    /// How the numbers were computed, in a line or two after everything else.
    pub footer: Vec<Text>,
}

/// A part of the document under its own (level 2) heading: one pack, one glossary term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    pub heading: Text,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 2 at the top of the document (beside sections), 3 inside a section, 4 below that.
    Heading {
        level: u8,
        text: Text,
    },
    Paragraph(Text),
    Callout(Callout),
    Table(Table),
    List {
        ordered: bool,
        items: Vec<Text>,
    },
    /// Labelled lines: "Why it matters: …", "See also: …".
    Facts(Vec<(String, Text)>),
}

/// A boxed statement: the recommendation itself, or a caveat or warning next to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Callout {
    pub kind: CalloutKind,
    /// The alternative recommended (for `Winner`), or what the box is about.
    pub title: Option<Text>,
    /// A one-word verdict shown beside the first body line where a format can ("robust").
    pub badge: Option<String>,
    pub body: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalloutKind {
    /// The recommended alternative: its name, then its standing and summary.
    Winner,
    /// No alternative is left to recommend.
    NoWinner,
    Caveat,
    Warning,
}

impl CalloutKind {
    /// The word a format may put before the body ("Caveat: …").
    pub fn label(self) -> &'static str {
        match self {
            CalloutKind::Winner => "Recommendation",
            CalloutKind::NoWinner => "No recommendation",
            CalloutKind::Caveat => "Caveat",
            CalloutKind::Warning => "Warning",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub kind: ColumnKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// A short name: left-aligned; a terminal may cut it with an ellipsis.
    Label,
    /// A figure: right-aligned.
    Number,
    /// A 0–100 bar ([`Cell::Bar`]); a format that cannot draw one leaves the column out.
    Bar,
    /// A sentence: left-aligned, never cut; best as the last column.
    Prose,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A row to notice (the teams answered this question differently): every format marks it with
    /// [`HIGHLIGHT`], so a legend can name the mark.
    pub highlight: bool,
}

/// The mark of a highlighted row, in every format.
pub const HIGHLIGHT: &str = "≠";

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(Text),
    /// A score from 0 to 100, drawn as a bar.
    Bar(f64),
}

/// A run of inline text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text(pub Vec<Span>);

#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Plain(String),
    Strong(String),
    Emphasis(String),
    /// An alternative's status ("Closed to new customers …"), shown as "Status: …".
    Status(String),
    /// A reference with the date someone last checked it.
    Source(SourceRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub title: String,
    /// An https address; `None` for a source found by its citation only.
    pub url: Option<String>,
    pub citation: Option<String>,
    pub verified: String,
}

impl Text {
    pub fn plain(s: impl Into<String>) -> Text {
        Text(vec![Span::Plain(s.into())])
    }

    pub fn strong(s: impl Into<String>) -> Text {
        Text(vec![Span::Strong(s.into())])
    }

    /// Appends plain text (builder style).
    pub fn and(mut self, s: impl Into<String>) -> Text {
        self.0.push(Span::Plain(s.into()));
        self
    }

    /// Appends strong text (builder style).
    pub fn and_strong(mut self, s: impl Into<String>) -> Text {
        self.0.push(Span::Strong(s.into()));
        self
    }

    /// Appends any span (builder style).
    pub fn with(mut self, span: Span) -> Text {
        self.0.push(span);
        self
    }

    /// The words without any formatting, as one line; for a view that draws text its own way.
    pub fn to_plain(&self) -> String {
        let mut out = String::new();
        for span in &self.0 {
            match span {
                Span::Plain(s) | Span::Strong(s) | Span::Emphasis(s) => out.push_str(s),
                Span::Status(s) => {
                    out.push_str("Status: ");
                    out.push_str(s);
                }
                Span::Source(s) => {
                    out.push_str(&s.title);
                    if let Some(at) = s.url.as_deref().or(s.citation.as_deref()) {
                        out.push_str(" — ");
                        out.push_str(at);
                    }
                    out.push_str(" (verified ");
                    out.push_str(&s.verified);
                    out.push(')');
                }
            }
        }
        out
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::plain(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::plain(s)
    }
}

impl From<SharedStr> for Text {
    fn from(s: SharedStr) -> Text {
        Text::plain(s)
    }
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(Text::plain(s))
    }
}

impl Column {
    pub fn new(header: impl Into<String>, kind: ColumnKind) -> Column {
        Column {
            header: header.into(),
            kind,
        }
    }
}

impl Block {
    pub fn heading(level: u8, text: impl Into<Text>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    pub fn paragraph(text: impl Into<Text>) -> Block {
        Block::Paragraph(text.into())
    }

    pub fn list(items: Vec<Text>) -> Block {
        Block::List {
            ordered: false,
            items,
        }
    }

    pub fn numbered(items: Vec<Text>) -> Block {
        Block::List {
            ordered: true,
            items,
        }
    }
}

/// The data's own code spans: text between a pair of backticks (`` `cdk drift` ``) is code, written
/// as code in Markdown and HTML (the terminal shows the backticks, which read as code in plain
/// text). Yields `(is_code, text)` in order; a backtick without a partner, or an empty pair, is
/// plain text.
pub fn code_spans(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        match after.find('`') {
            Some(len) if len > 0 => {
                if open > 0 {
                    out.push((false, &rest[..open]));
                }
                out.push((true, &after[..len]));
                rest = &after[len + 1..];
            }
            // An empty pair or a lone backtick: plain up to and including it.
            _ => {
                let upto = open + 1 + usize::from(after.starts_with('`'));
                out.push((false, &rest[..upto]));
                rest = &rest[upto..];
            }
        }
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

#[cfg(test)]
mod code_span_tests {
    use super::code_spans;

    #[test]
    fn pairs_are_code_and_the_rest_is_text() {
        assert_eq!(
            code_spans("run `cdk drift` or `x`"),
            [
                (false, "run "),
                (true, "cdk drift"),
                (false, " or "),
                (true, "x")
            ]
        );
        assert_eq!(code_spans("a ` b"), [(false, "a `"), (false, " b")]);
        assert_eq!(code_spans("``x"), [(false, "``"), (false, "x")]);
        assert_eq!(code_spans("plain"), [(false, "plain")]);
        assert!(code_spans("").is_empty());
    }
}
