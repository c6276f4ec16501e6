//! Everything that can happen to the TUI, as one enum: `keys` turns terminal events into these, and
//! `App::update` is the only place that acts on them.

/// A message to `App::update`. Movement messages mean what the current screen makes of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Highlight the n-th choice of the current question without confirming (a mouse click).
    Highlight(usize),
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
    /// Switch to a built-in theme (by name).
    Theme(&'static str),
    /// The glossary terms named in the question or alternative on screen (`g`).
    Terms,
    /// Clear every answer and start again at the welcome screen.
    Restart,
    /// The demo script: next, previous, first and last step; the auto-advance timer; pause or resume
    /// auto-advance; leave the script and hand over the live session.
    DemoNext,
    DemoPrev,
    DemoFirst,
    DemoLast,
    DemoTick,
    DemoPause,
    DemoExit,
    Quit,
    Resize(u16, u16),
    /// Follow-up messages, produced by `update` itself.
    ShowResults,
}
