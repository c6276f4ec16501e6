//! Everything that can happen to the TUI, as one enum: `keys` turns terminal events into these, the
//! loop adds what the world answered (a file written, a copy sent), and `App::update` is the only
//! place that acts on them. Also what `update` asks of the world ([`Effect`]) and what comes back
//! ([`Outcome`], shown as a [`Status`] of some [`StatusKind`]).

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::clipboard::Multiplexer;

/// One team of a comparison as a message carries it: its name, the answers file it came from, the
/// answers.
pub type TeamAnswers = crate::teams::Team;

/// A message to `App::update`. Movement messages mean what the current screen makes of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    /// Horizontal movement inside a screen (previous/next panel, criterion or answer).
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// Confirm: choose the highlighted answer, open the selected alternative, close a popup.
    Enter,
    /// Esc: close the top popup, else go back one step.
    Back,
    /// The previous / next question, keeping the answers.
    PrevQuestion,
    NextQuestion,
    /// Leave the current question unanswered and go on.
    Skip,
    /// Go to the results now; unanswered questions stay skipped.
    Finish,
    /// The n-th item (0-based) of what the screen lists: a choice on a question, a panel on the results.
    Pick(usize),
    /// A click on the n-th choice of the current question: highlights it, or chooses it when it is
    /// highlighted already.
    Click(usize),
    NextTab,
    PrevTab,
    WhatIf,
    /// Back to the original answers in the what-if screen.
    ResetWhatIf,
    Help,
    /// A character typed into a text field (the export path, a search query).
    Char(char),
    /// Delete the character before the cursor of a text field.
    Backspace,
    /// Empty a text field (Ctrl-U).
    ClearField,
    /// Open the export dialog (format and path).
    Export,
    /// Copy the Markdown summary to the clipboard (OSC 52).
    Copy,
    /// Continue the unfinished session offered on the welcome screen.
    Resume,
    /// Open the palette: fuzzy search over terms, questions, alternatives and commands.
    Palette,
    /// Turn the projector view on or off.
    Projector,
    /// Turn the projector view on (`true`) or off; nothing when it already is.
    SetProjector(bool),
    /// Switch to a built-in theme (by name).
    Theme(&'static str),
    /// The next of the ordinary themes (dark, light, mono), said in the status line (`t`).
    NextTheme,
    /// The glossary terms named in the question or alternative on screen (`g`).
    Terms,
    /// Clear every answer and start again at the welcome screen.
    Restart,
    /// Back into the demo left with Esc, at the step it was on.
    ResumeDemo,
    /// Open the live weights over the results or the what-if, on the pack shown (`W`).
    Weights,
    /// Every weight back to the data's.
    ResetWeights,
    /// The demo script: next, previous, first and last step; the auto-advance timer; pause or resume
    /// auto-advance; leave the script and hand over the live session.
    DemoNext,
    DemoPrev,
    /// PgDn in a demo (a presenter's clicker): scroll down when there is more below, else the
    /// next step.
    DemoPageDown,
    /// PgUp in a demo: scroll up when scrolled, else the previous step.
    DemoPageUp,
    DemoFirst,
    DemoLast,
    DemoTick,
    DemoPause,
    DemoExit,
    Quit,
    Resize(u16, u16),
    // Follow-ups: sent by `update` itself, a popup or a demo step, never by a key.
    /// The results for the answers so far (every popup closes).
    ShowResults,
    /// The n-th pack's tab of the results.
    Tab(usize),
    /// The n-th question (catalog index), from anywhere; the welcome screen without questions.
    GoToQuestion(usize),
    /// Answer a question and highlight the answer.
    SetAnswer {
        question: usize,
        choice: usize,
    },
    /// The what-if screen, with these `(question, choice)` changes to the answers.
    OpenWhatIf(Vec<(usize, usize)>),
    /// The team comparison of these teams (name, answers file, answers), on the answers tab or a
    /// pack's tab.
    ShowTeams {
        teams: Vec<TeamAnswers>,
        pack: Option<usize>,
    },
    /// A glossary entry (term index), on top of whatever is shown.
    OpenTerm(usize),
    /// The detail popup of an alternative, by catalog indices.
    OpenAlternative {
        pack: usize,
        alt: usize,
    },
    /// Set criterion `criterion` of pack `pack` (catalog indices) to `centi` hundredths: every
    /// ranking on screen follows.
    SetWeight {
        pack: usize,
        criterion: usize,
        centi: u32,
    },
    /// The live weights popup on pack `pack` (catalog index), from anywhere (a demo step).
    OpenWeights(usize),
    /// Open the poll of the room (`H`): on the question shown, else the one polled last.
    Poll,
    /// The poll popup on question `q` (catalog index), from anywhere (a demo step).
    OpenPoll(usize),
    /// `hands` went up for `choice` of `question` (catalog indices).
    SetHands {
        question: usize,
        choice: usize,
        hands: u32,
    },
    /// Forget every hand of the poll.
    ClearPoll,
    /// Write the export dialog's file; `overwrite` once the user said yes.
    WriteExport {
        overwrite: bool,
    },
    // Reports from the loop.
    /// What an [`Effect`] came to, reported by the loop that performed it.
    Done(Outcome),
    /// What the last frame laid out, reported by the loop after drawing it.
    Laid(LaidOut),
}

impl Msg {
    /// Reports from the world leave the status line alone; everything the user does clears it.
    pub fn clears_status(&self) -> bool {
        !matches!(self, Msg::Resize(..) | Msg::Done(_) | Msg::Laid(_))
    }

    /// The demo script's own messages.
    pub fn is_demo(&self) -> bool {
        matches!(
            self,
            Msg::DemoNext
                | Msg::DemoPrev
                | Msg::DemoPageDown
                | Msg::DemoPageUp
                | Msg::DemoFirst
                | Msg::DemoLast
                | Msg::DemoTick
                | Msg::DemoPause
                | Msg::DemoExit
        )
    }
}

/// What the view laid out, for `update` to act on what is on screen (as television's render task
/// sends its layout back): how far the text that has the keys scrolls, and where a click lands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaidOut {
    /// The most the scrolled text on top (the top popup's, else the screen's) can scroll; `None` when
    /// it does not scroll.
    pub scroll_limit: Option<u16>,
    /// Areas a click acts on, with the message it sends.
    pub clicks: Vec<(Rect, Msg)>,
}

impl LaidOut {
    /// The message of a click at a cell, if it lands on something clickable.
    pub fn click(&self, col: u16, row: u16) -> Option<Msg> {
        let at = ratatui::layout::Position::new(col, row);
        self.clicks
            .iter()
            .find(|(area, _)| area.contains(at))
            .map(|(_, msg)| msg.clone())
    }
}

/// Something `update` wants done outside the state; the loop performs it and sends back an
/// [`Outcome`] in [`Msg::Done`].
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

/// How an [`Effect`] (or the autosave) went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The file is written (its absolute path).
    Written(PathBuf),
    /// The file exists and overwriting was not asked for.
    Exists(PathBuf),
    /// Writing failed: what and why.
    WriteFailed(String),
    /// The OSC 52 sequence went to the terminal; `delivery` says how sure that is.
    Copied { bytes: usize, delivery: Delivery },
    /// The sequence could not even be written to the terminal.
    CopyFailed(String),
    /// The autosave could not write the session file.
    SaveFailed { path: PathBuf, error: String },
    /// The autosave works again after a failure.
    Saved(PathBuf),
    /// Another window (process `owner`) has the session open: this one saves to `path`.
    Guest { owner: u32, path: PathBuf },
    /// Other windows opened this session since this one did: each saves to its own file (process
    /// id, path), this one goes on with `own`.
    Guests {
        own: PathBuf,
        guests: Vec<(u32, PathBuf)>,
    },
    /// The demo's cue for its notes window could not be written (said once; the demo goes on).
    NotesFailed(String),
}

/// How a clipboard copy reached the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Straight to the terminal, which applies OSC 52 if it allows it.
    Direct,
    /// Wrapped for a terminal multiplexer's passthrough, which may be switched off: nothing tells
    /// whether the copy arrived.
    Passthrough(Multiplexer),
}

/// What the status line says about an outcome, and how it is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    /// Done: marked ✓.
    Ok,
    /// Done, but maybe not as hoped: marked !.
    Warning,
    /// Failed: marked ✗.
    Error,
}

impl StatusKind {
    pub fn mark(self) -> &'static str {
        match self {
            StatusKind::Ok => "✓",
            StatusKind::Warning => "!",
            StatusKind::Error => "✗",
        }
    }
}

/// A one-line message in the hint bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

impl Status {
    pub fn new(kind: StatusKind, text: impl Into<String>) -> Status {
        Status {
            kind,
            text: text.into(),
        }
    }
}

impl Outcome {
    /// The status line for an outcome that is reported there (not an overwrite question or an
    /// error the export dialog shows itself).
    pub fn status(&self) -> Option<Status> {
        Some(match self {
            Outcome::Written(path) => {
                Status::new(StatusKind::Ok, format!("Wrote {}", path.display()))
            }
            Outcome::Exists(_) => return None,
            Outcome::WriteFailed(e) | Outcome::CopyFailed(e) => {
                Status::new(StatusKind::Error, e.clone())
            }
            Outcome::Copied {
                bytes,
                delivery: Delivery::Direct,
            } => Status::new(
                StatusKind::Ok,
                format!(
                    "Copied the Markdown summary ({bytes} bytes) to the clipboard with OSC 52 (if your terminal allows it)"
                ),
            ),
            Outcome::Copied {
                bytes,
                delivery: Delivery::Passthrough(mux),
            } => Status::new(
                StatusKind::Warning,
                format!(
                    "Sent the Markdown summary ({bytes} bytes) through {}: it may not have reached the clipboard{}",
                    mux.name(),
                    mux.advice()
                ),
            ),
            Outcome::SaveFailed { path, error } => Status::new(
                StatusKind::Error,
                format!(
                    "Could not save the session to {}: {error} (your answers stay in this window; every change tries again)",
                    path.display()
                ),
            ),
            Outcome::NotesFailed(e) => Status::new(
                StatusKind::Warning,
                format!("The notes window cannot follow this demo: {e}"),
            ),
            Outcome::Saved(path) => Status::new(
                StatusKind::Ok,
                format!("Saved the session to {} again", path.display()),
            ),
            Outcome::Guest { owner, path } => Status::new(
                StatusKind::Warning,
                format!(
                    "Another tradeoff window (process {owner}) has this session open: this one saves to {}, so neither overwrites the other",
                    path.display()
                ),
            ),
            Outcome::Guests { own, guests } => {
                let others: Vec<String> = guests
                    .iter()
                    .map(|(pid, path)| format!("process {pid} saves to {}", path.display()))
                    .collect();
                Status::new(
                    StatusKind::Warning,
                    format!(
                        "Another tradeoff window opened this session ({}); this one keeps {}",
                        others.join(", "),
                        own.display()
                    ),
                )
            }
        })
    }
}
