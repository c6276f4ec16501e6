//! The interactive terminal UI: `tradeoff` with no arguments on a terminal, `tradeoff demo` and
//! `tradeoff compare --tui` (the team comparison is one of its screens).
//!
//! The Elm architecture, in layers that import only those below them:
//!
//! - `msg`: everything that can happen (keys, outcomes of effects, what a frame laid out), the
//!   effects `update` asks for, and status lines;
//! - the parts of the state, each with its own small update: `session` (answers, highlights, the
//!   recommendation), `look` (theme, projector view), `screens`, `popup`, `demo`, `scroll`;
//! - `app`: `App`, composed of those parts, and `App::update`, the only place state changes (with
//!   the rest of `impl App` beside it: `screen_update` for each screen and the moves between them,
//!   `demo_play` for a running demo, `live` for the weights and the poll);
//! - `keys` (one table of bindings, the context that picks it) and `view` (pure rendering that
//!   returns what it laid out);
//! - `term`: the loop, on the terminal that `tty` sets up and always restores. A key press goes one
//!   way down and back: event → `keys` → `update` (and its follow-ups) → effects, each outcome back
//!   through `update` → `view` draws → the layout goes back to `update` as `Msg::Laid`.

pub mod app;
pub(crate) mod bounded;
pub mod clipboard;
pub(crate) mod demo;
mod demo_play;
pub mod effects;
mod key_names;
pub(crate) mod keys;
mod live;
pub(crate) mod look;
pub mod msg;
pub mod notes;
pub mod popup;
pub mod record;
pub(crate) mod room;
mod screen_update;
pub(crate) mod screens;
pub(crate) mod scroll;
pub(crate) mod session;
pub(crate) mod teams;
pub mod term;
pub(crate) mod text;
pub mod theme;
mod tty;
pub(crate) mod view;

pub use app::{App, Show, Start};
pub use msg::Msg;
pub use popup::Popup;
pub use screens::{Panel, Screen, ScreenKind};
pub use theme::Theme;

/// How the TUI was asked to start.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Capture the mouse (click a choice, scroll). Off by default so text selection keeps working.
    pub mouse: bool,
    /// Save the answers here after every change (atomically); `None` saves nothing (demos, tests).
    pub session: Option<std::path::PathBuf>,
    /// Record what is drawn to this asciicast v2 file (`--record`).
    pub record: Option<std::path::PathBuf>,
    /// Publish a demo's steps here for `tradeoff demo --notes` (the runtime folder's cue file).
    pub cue: Option<std::path::PathBuf>,
}
