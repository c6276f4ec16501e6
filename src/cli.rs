//! The command line: subcommands and flags, nothing else.
//!
//! Each subcommand takes exactly the options that act on it, so `--help`, the completions and the
//! man page list only those, and an option where it cannot act is rejected (with a note from
//! [`flag_scope`] saying where it does act). Options given before the subcommand
//! (`tradeoff --data DIR recommend`) count as if given after it; `cmd::resolve` merges them and
//! rejects those the subcommand has no use for.

pub mod complete;
mod deferred;

pub use deferred::Deferred;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter};

#[derive(Debug, Parser)]
#[command(
    name = "tradeoff",
    version,
    about = "Choose how to run containers on AWS and which IaC tool to write them in, with every score explained.",
    after_help = root_help()
)]
pub struct Cli {
    #[command(flatten)]
    pub data: DataArg,

    #[command(flatten)]
    pub view: ViewArgs,

    /// Plain mode: numbered questions on standard input and output, no full-screen interface (for
    /// screen readers, dumb terminals and pipes). Also chosen when TERM=dumb or ACCESSIBLE is set.
    #[arg(long, conflicts_with_all = ["theme", "mouse", "projector", "resume"])]
    pub plain: bool,

    /// Start the interactive mode (or the plain mode) with the answers of this TOML answers file
    /// (as `recommend --answers` reads it): at the first question it leaves open, or at the
    /// results when it answers them all.
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub answers: Option<PathBuf>,

    /// Read the settings from FILE instead of $XDG_CONFIG_HOME/tradeoff/config.toml (or
    /// $TRADEOFF_CONFIG); it must exist.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// When to use colour in help, error messages and the interactive views: auto (unless
    /// NO_COLOR is set or the output is not a terminal), always (even with NO_COLOR) or never
    /// (the mono theme unless --theme chooses another).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,

    /// Continue the saved session (the answers, the weights changed and the room's poll are saved
    /// after every change, in the state directory: $XDG_STATE_HOME/tradeoff/session.toml, or
    /// $TRADEOFF_STATE_DIR).
    #[arg(long)]
    pub resume: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `tradeoff --help`'s closing text: what happens without a command, examples, and the settings'
/// precedence (from the settings table).
fn root_help() -> String {
    format!(
        "Without a command, on a terminal, tradeoff opens the interactive mode: one question per screen, a live ranking, results with explanations and what-if.\n\nExamples:\n  tradeoff --theme light\n  tradeoff recommend --answer team_size=small --answer k8s_experience=none\n  tradeoff recommend --answers team.toml --format json\n  tradeoff questions\n  tradeoff validate data/\n\nSettings: {}; `tradeoff config` shows them.",
        tradeoff::config::table::precedence()
    )
}

/// `--color WHEN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    pub fn choice(self) -> clap::ColorChoice {
        match self {
            Color::Auto => clap::ColorChoice::Auto,
            Color::Always => clap::ColorChoice::Always,
            Color::Never => clap::ColorChoice::Never,
        }
    }

    /// The `--color` given in `args`, read before clap parses them, so that clap's own help and
    /// errors follow it too (the last one given wins, as clap has it).
    pub fn from_args(args: &[std::ffi::OsString]) -> Option<clap::ColorChoice> {
        let mut found = None;
        let mut it = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            let value = match a.strip_prefix("--color") {
                Some("") => it.next().unwrap_or(""),
                Some(v) if v.starts_with('=') => &v[1..],
                _ => continue,
            };
            found = match value {
                "always" => Some(clap::ColorChoice::Always),
                "never" => Some(clap::ColorChoice::Never),
                "auto" => Some(clap::ColorChoice::Auto),
                _ => found,
            };
        }
        found
    }
}

/// `--data DIR`, for every command that reads decision data.
#[derive(Debug, Clone, Default, Args)]
pub struct DataArg {
    /// Read decision data from this folder instead of the built-in packs.
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub data: Option<PathBuf>,
}

/// The options of the interactive views (`tradeoff` and `tradeoff demo`).
#[derive(Debug, Clone, Default, Args)]
pub struct ViewArgs {
    /// Colours of the interactive mode: dark, light, mono (no colour), projector or a theme TOML
    /// file. Default: mono when NO_COLOR is set, else dark (light if COLORFGBG reports a light
    /// background). Also TRADEOFF_THEME or `theme` in the config file.
    #[arg(long, value_name = "NAME|FILE", add = ArgValueCompleter::new(complete::theme))]
    pub theme: Option<String>,

    /// Let the interactive mode use the mouse (click a choice, scroll). Off by default, so that
    /// selecting text with the mouse keeps working.
    #[arg(long, overrides_with = "no_mouse")]
    pub mouse: bool,

    /// Do not use the mouse, whatever TRADEOFF_MOUSE or the config file say.
    #[arg(long, overrides_with = "mouse")]
    pub no_mouse: bool,

    /// Start in the projector view: high-contrast theme, big title and winner, less detail (`p`
    /// toggles it). With --theme, that theme's colours are kept.
    #[arg(long, overrides_with = "no_projector")]
    pub projector: bool,

    /// Start in the normal view, whatever TRADEOFF_PROJECTOR or the config file say.
    #[arg(long, overrides_with = "projector")]
    pub no_projector: bool,

    /// Record the session to FILE as an asciicast v2 file, to share afterwards (asciinema's
    /// player, or `agg` for a GIF). The file is replaced.
    #[arg(long, value_name = "FILE.cast")]
    pub record: Option<PathBuf>,
}

impl ViewArgs {
    /// `Some(true)` for `--mouse`, `Some(false)` for `--no-mouse`, `None` for neither.
    pub fn mouse(&self) -> Option<bool> {
        yes_no(self.mouse, self.no_mouse)
    }

    pub fn projector(&self) -> Option<bool> {
        yes_no(self.projector, self.no_projector)
    }

    /// These options, with `outer` (given before the subcommand) filling in what these leave out.
    pub fn or(&self, outer: &ViewArgs) -> ViewArgs {
        let (mouse, no_mouse) = pair(self.mouse().or(outer.mouse()));
        let (projector, no_projector) = pair(self.projector().or(outer.projector()));
        ViewArgs {
            theme: self.theme.clone().or_else(|| outer.theme.clone()),
            mouse,
            no_mouse,
            projector,
            no_projector,
            record: self.record.clone().or_else(|| outer.record.clone()),
        }
    }

    /// The flags given, as typed (for messages).
    pub fn given(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        for (on, name) in [
            (self.theme.is_some(), "--theme"),
            (self.mouse, "--mouse"),
            (self.no_mouse, "--no-mouse"),
            (self.projector, "--projector"),
            (self.no_projector, "--no-projector"),
            (self.record.is_some(), "--record"),
        ] {
            if on {
                v.push(name);
            }
        }
        v
    }
}

fn yes_no(yes: bool, no: bool) -> Option<bool> {
    match (yes, no) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

fn pair(v: Option<bool>) -> (bool, bool) {
    (v == Some(true), v == Some(false))
}

/// Where an option acts, to explain why it was rejected elsewhere.
pub fn flag_scope(flag: &str) -> Option<&'static str> {
    Some(match flag {
        "--theme" => {
            "--theme sets the colours of the interactive views: `tradeoff`, `tradeoff demo` and `tradeoff compare --tui` (or TRADEOFF_THEME / the config file for all of them)"
        }
        "--mouse" | "--no-mouse" => {
            "--mouse and --no-mouse act on the interactive mode: `tradeoff` and `tradeoff demo` (the comparison screen has no mouse support)"
        }
        "--projector" | "--no-projector" => {
            "--projector and --no-projector act on the interactive views: `tradeoff`, `tradeoff demo` and `tradeoff compare --tui`"
        }
        "--record" => {
            "--record records the interactive views: `tradeoff`, `tradeoff demo` and `tradeoff compare --tui`"
        }
        "--plain" => "--plain is a mode of `tradeoff` without a command",
        "--resume" => "--resume continues the saved session of `tradeoff` without a command",
        "--data" => "--data acts on the commands that read decision data",
        "--pack" | "-p" => "--pack chooses the packs of `tradeoff recommend`",
        "--answers" | "--answer" | "-a" => {
            "--answer and --answers give the answers of `tradeoff recommend`; --answers FILE also starts `tradeoff` (without a command) with that file's answers (`tradeoff compare` takes answers files as arguments)"
        }
        "--output" | "-o" | "--force" => "--output and --force act on `tradeoff recommend`",
        "--weight" => "--weight changes a criterion's weight for `tradeoff recommend`",
        "--poll" | "--poll-dir" | "--poll-question" => {
            "--poll, --poll-dir and --poll-question poll the room for `tradeoff recommend`"
        }
        _ => return None,
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score the packs for a set of answers and print the recommendation.
    Recommend(Deferred<RecommendArgs>),
    /// List every question and its choices, with their ids.
    Questions(Deferred<QuestionsArgs>),
    /// List the decision packs.
    Packs(Deferred<PacksArgs>),
    /// Check decision data and print every problem as file:line:col: message.
    Validate(Deferred<ValidateArgs>),
    /// Compare teams: answers side by side, each team's recommendation, and which differing answers
    /// explain different outcomes.
    Compare(Deferred<CompareArgs>),
    /// Run a workshop demo script in the interactive mode: Space or → next step, ← back, Esc hands
    /// the live session over. Without SCRIPT, the built-in story of the seed report.
    Demo(Deferred<DemoArgs>),
    /// Look up the glossary: every term, or the entries that match WORDS (fuzzy).
    Glossary(Deferred<GlossaryArgs>),
    /// Show the config file's path and the effective settings, with where each comes from
    /// (flag, environment, config file or default). Flags given here show their effect.
    Config(Deferred<ConfigArgs>),
    /// Print a shell completion script, e.g. `tradeoff completions bash > ~/.local/share/bash-completion/completions/tradeoff`.
    Completions(Deferred<CompletionsArgs>),
    /// Print the manual page (roff), e.g. `tradeoff man | man -l -`; with COMMAND, that command's page.
    Man(Deferred<ManArgs>),
    /// Your own decision packs, loaded beside the built-in ones.
    Pack(Deferred<PackArgs>),
}

/// The arguments of `tradeoff questions`.
#[derive(Debug, Args)]
pub struct QuestionsArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// The arguments of `tradeoff packs`.
#[derive(Debug, Args)]
pub struct PacksArgs {
    #[command(flatten)]
    pub data: DataArg,
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// The arguments of `tradeoff validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The data folder to check (default: --data, else the built-in data).
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
    #[command(flatten)]
    pub data: DataArg,
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
    /// A demo script to check against the data too (repeatable). The built-in script is always
    /// checked with the built-in data.
    #[arg(long = "script", value_name = "FILE")]
    pub scripts: Vec<PathBuf>,
}

/// The arguments of `tradeoff compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more answers files (TOML, as read by `recommend --answers`); `-` reads one from
    /// standard input.
    #[arg(required = true, num_args = 2.., value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[arg(long, short = 'f', value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,
    /// Show the comparison as a full-screen view (on a terminal).
    #[arg(long, conflicts_with = "format")]
    pub tui: bool,
    #[command(flatten)]
    pub data: DataArg,
    /// Colours of the full-screen view (see `tradeoff --help`).
    #[arg(long, value_name = "NAME|FILE", requires = "tui", add = ArgValueCompleter::new(complete::theme))]
    pub theme: Option<String>,
    /// The full-screen view in the projector's high-contrast theme.
    #[arg(long, requires = "tui", overrides_with = "no_projector")]
    pub projector: bool,
    /// Not in the projector theme, whatever TRADEOFF_PROJECTOR or the config file say.
    #[arg(long, requires = "tui", overrides_with = "projector")]
    pub no_projector: bool,
    /// Record the full-screen view to FILE as an asciicast v2 file.
    #[arg(long, value_name = "FILE.cast", requires = "tui")]
    pub record: Option<PathBuf>,
}

/// The arguments of `tradeoff demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// A demo script (TOML, see assets/demo/seed-story.toml); checked before the demo starts.
    pub script: Option<PathBuf>,
    /// Follow the presenter in this terminal instead: the notes of the step shown by
    /// `tradeoff demo` in another terminal of this user, the next step and a clock.
    #[arg(long, conflicts_with_all = ["script", "print_script"])]
    pub notes: bool,
    /// Print the built-in script, to start one of your own (the answers files its team
    /// comparison reads follow as comments at the end).
    #[arg(long, conflicts_with = "script")]
    pub print_script: bool,
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// The arguments of `tradeoff glossary`.
#[derive(Debug, Args)]
pub struct GlossaryArgs {
    /// Words to look for, e.g. `drift` or `l2`.
    pub words: Vec<String>,
    #[command(flatten)]
    pub data: DataArg,
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// The arguments of `tradeoff config`; its help ends with the settings table.
#[derive(Debug, Args)]
#[command(after_help = tradeoff::config::table::help())]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: Option<ConfigAction>,
    #[command(flatten)]
    pub data: DataArg,
    #[command(flatten)]
    pub view: ViewArgs,
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

/// The arguments of `tradeoff completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The arguments of `tradeoff man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand, e.g. `recommend`, for its own page (tradeoff-recommend(1)).
    #[arg(add = ArgValueCandidates::new(man_pages))]
    pub command: Option<String>,
}

/// The arguments of `tradeoff pack`.
#[derive(Debug, Args)]
pub struct PackArgs {
    #[command(subcommand)]
    pub action: PackAction,
}

/// The pages `tradeoff man COMMAND` prints: one per command.
fn man_pages() -> Vec<clap_complete::CompletionCandidate> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| clap_complete::CompletionCandidate::new(c.get_name()).help(c.get_about().cloned()))
        .collect()
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Write a config file with every setting, commented out, at the config path (or
    /// --config FILE), with the JSON Schema editors check it against beside it.
    Init {
        /// Overwrite an existing config file.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PackAction {
    /// Write a documented starting pack that validates, into your packs folder
    /// ($XDG_DATA_HOME/tradeoff/packs/ID.toml), ready to edit.
    New {
        /// The pack's id: lowercase letters, digits, `-` and `_`, e.g. `deployment`.
        id: String,
        /// Write into this data folder instead (its `packs/`), e.g. one named in the config's
        /// data_dirs.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Overwrite a pack file of that name.
        #[arg(long)]
        force: bool,
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

/// For the listing commands: for people, or for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct RecommendArgs {
    /// An answer, as QUESTION=CHOICE (repeatable); `tradeoff questions` lists the ids.
    #[arg(long = "answer", short = 'a', value_name = "QUESTION=CHOICE", add = ArgValueCompleter::new(complete::answer))]
    pub answer: Vec<String>,
    /// A TOML answers file (see README), or `-` for standard input; --answer flags override it.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Only these packs (repeatable); default: TRADEOFF_PACKS, else `packs` in the config file,
    /// else all.
    #[arg(long = "pack", short = 'p', value_name = "ID", add = ArgValueCompleter::new(complete::pack))]
    pub pack: Vec<String>,
    /// A criterion's weight instead of the data's, as PACK.CRITERION=VALUE with VALUE from 0 to
    /// 30 (repeatable; `tradeoff packs` lists the criteria); every format says which weights were
    /// changed.
    #[arg(long = "weight", value_name = "PACK.CRITERION=VALUE")]
    pub weight: Vec<String>,
    /// Poll the room: how many hands went up for a choice, as QUESTION.CHOICE=HANDS (repeatable:
    /// `--poll traffic.steady=12 --poll traffic.spiky=30`). Adds the room's spread and what it
    /// means to every format: the share of the room's answers each alternative wins, the other
    /// answers as given, and which question divides the room most.
    #[arg(long = "poll", value_name = "QUESTION.CHOICE=HANDS")]
    pub poll: Vec<String>,
    /// Poll the room from a folder of answers files (`*.toml`, one per person, as --answers
    /// reads them): each file raises a hand for each of its answers.
    #[arg(long, value_name = "DIR")]
    pub poll_dir: Option<PathBuf>,
    /// With --poll-dir, poll only this question (repeatable); default: every question the files
    /// answer in more than one way.
    #[arg(long, value_name = "QUESTION", requires = "poll_dir")]
    pub poll_question: Vec<String>,
    /// The format; default: from the --output file's extension (.json, .md, .html, .txt), else
    /// text.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Write to FILE (atomically; through a symbolic link, to its target) instead of standard
    /// output; `-` is standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Write the decision record into this ADR folder as its next `NNNN-slug.md` (implies
    /// --format adr).
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath, conflicts_with_all = ["output", "format"])]
    pub adr_dir: Option<PathBuf>,
    /// The decision record's status: proposed (the default), accepted, rejected, deprecated, or
    /// "superseded by ADR-NNNN".
    #[arg(long, value_name = "STATUS", add = ArgValueCandidates::new(complete::status))]
    pub status: Option<String>,
    /// The decision record's decision-makers (repeatable, or separated by commas).
    #[arg(long, value_name = "NAMES", value_delimiter = ',')]
    pub deciders: Vec<String>,
    #[command(flatten)]
    pub data: DataArg,
}

/// The formats of `recommend`, as the command line names them; the same as the TUI's export
/// ([`tradeoff::report::Format`], which knows nothing of clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Html,
    /// An Architecture Decision Record (MADR 4.0) for the whole stack, in Markdown.
    Adr,
}

impl From<Format> for tradeoff::report::Format {
    fn from(f: Format) -> Self {
        use tradeoff::report::Format as R;
        match f {
            Format::Text => R::Text,
            Format::Json => R::Json,
            Format::Markdown => R::Markdown,
            Format::Html => R::Html,
            Format::Adr => R::Adr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command line's formats are the library's, by the same names, in the same order.
    #[test]
    fn the_format_flag_names_every_report_format() {
        let cli: Vec<String> = Format::value_variants()
            .iter()
            .map(|f| f.to_possible_value().unwrap().get_name().to_string())
            .collect();
        let lib: Vec<String> = Format::value_variants()
            .iter()
            .map(|&f| tradeoff::report::Format::from(f).name().to_string())
            .collect();
        assert_eq!(cli, lib);
        let all: Vec<&str> = tradeoff::report::Format::ALL
            .iter()
            .map(|f| f.name())
            .collect();
        assert_eq!(cli, all);
    }
}
