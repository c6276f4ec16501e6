//! The interactive terminal UI: `tradeoff` with no arguments on a terminal.
//!
//! The Elm architecture: `App` is the state, `Msg` everything that can happen, `App::update` the only
//! place that changes state, and `view` draws a borrowed `App`. `term` owns the terminal: raw mode,
//! the alternate screen, restoring it on every way out, and the event loop.

pub mod app;
pub mod clipboard;
pub mod compare_screen;
pub mod demo;
pub mod effects;
pub mod keys;
pub mod look;
pub mod msg;
pub mod popup;
pub mod screens;
pub mod scroll;
pub mod session;
pub mod teams;
pub mod term;
pub mod text;
pub mod theme;
pub mod view;

pub use app::App;
pub use msg::Msg;
pub use popup::Popup;
pub use screens::{Panel, Screen};
pub use theme::Theme;

/// How the TUI was asked to start.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Capture the mouse (click a choice, scroll). Off by default so text selection keeps working.
    pub mouse: bool,
    /// Save the answers here after every change (atomically); `None` saves nothing (demos, tests).
    pub session: Option<std::path::PathBuf>,
}
