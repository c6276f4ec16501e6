//! The command line: subcommands and flags, nothing else.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "tradeoff",
    version,
    about = "Choose how to run containers on AWS and which IaC tool to write them in, with every score explained.",
    after_help = "Without a command, on a terminal, tradeoff opens the interactive mode: one question per screen, a live ranking, results with explanations and what-if.\n\nExamples:\n  tradeoff --theme light\n  tradeoff recommend --answer team_size=small --answer k8s_experience=none\n  tradeoff recommend --answers team.toml --format json\n  tradeoff questions\n  tradeoff validate data/"
)]
pub struct Cli {
    /// Read decision data from this folder instead of the built-in packs.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Colours of the interactive mode: dark, light, mono (no colour) or a theme TOML file.
    /// Default: mono when NO_COLOR is set, else dark (light if COLORFGBG reports a light background).
    #[arg(long, value_name = "NAME|FILE")]
    pub theme: Option<String>,

    /// Let the interactive mode use the mouse (click a choice, scroll). Off by default, so that
    /// selecting text with the mouse keeps working.
    #[arg(long)]
    pub mouse: bool,

    /// Plain mode: numbered questions on standard input and output, no full-screen interface (for
    /// screen readers, dumb terminals and pipes). Also chosen when TERM=dumb or ACCESSIBLE is set.
    #[arg(long)]
    pub plain: bool,

    /// Start in the projector view: high-contrast theme, big title and winner, less detail (`p`
    /// toggles it). With --theme, that theme's colours are kept.
    #[arg(long, global = true)]
    pub projector: bool,

    /// Continue the saved session (the answers are saved after every change, in the state
    /// directory: $XDG_STATE_HOME/tradeoff/session.toml, or $TRADEOFF_STATE_DIR).
    #[arg(long)]
    pub resume: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score the packs for a set of answers and print the recommendation.
    Recommend(RecommendArgs),
    /// List every question and its choices, with their ids.
    Questions,
    /// List the decision packs.
    Packs,
    /// Check decision data and print every problem as file:line:col: message.
    Validate {
        /// The data folder to check (default: the built-in data).
        dir: Option<PathBuf>,
    },
    /// Compare teams: answers side by side, each team's recommendation, and which differing answers
    /// explain different outcomes.
    Compare {
        /// Two or more answers files (TOML, as read by `recommend --answers`).
        #[arg(required = true, num_args = 2.., value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, short = 'f', value_enum, default_value_t = CompareFormat::Text)]
        format: CompareFormat,
        /// Show the comparison as a full-screen view (on a terminal).
        #[arg(long, conflicts_with = "format")]
        tui: bool,
    },
    /// Run a workshop demo script in the interactive mode: Space or → next step, ← back, Esc hands
    /// the live session over. Without SCRIPT, the built-in story of the seed report.
    Demo {
        /// A demo script (TOML, see assets/demo/seed-story.toml); checked before the demo starts.
        script: Option<PathBuf>,
    },
    /// Look up the glossary: every term, or the entries that match WORDS (fuzzy).
    Glossary {
        /// Words to look for, e.g. `drift` or `l2`.
        words: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Text,
    Json,
    Markdown,
    /// A one-page handout, with the recommendation's style sheet.
    Html,
}

#[derive(Debug, clap::Args)]
pub struct RecommendArgs {
    /// An answer, as QUESTION=CHOICE (repeatable); `tradeoff questions` lists the ids.
    #[arg(long = "answer", short = 'a', value_name = "QUESTION=CHOICE")]
    pub answer: Vec<String>,
    /// A TOML answers file (see README); --answer flags override it.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Only these packs (repeatable); default: all.
    #[arg(long = "pack", short = 'p', value_name = "ID")]
    pub pack: Vec<String>,
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The formats of `recommend`: one enum with the TUI's export (`tradeoff::report::Format`).
pub use tradeoff::report::Format;
