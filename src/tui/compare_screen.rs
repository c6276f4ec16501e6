//! `tradeoff compare --tui A.toml B.toml …`: the team comparison ([`CompareScreen`], drawn by
//! `view::teams`) run by the TUI's loop, with its keys from the one key table (`Context::Teams`).

use std::io;

use crossterm::event::Event;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Options;
use super::app::{MIN_HEIGHT, MIN_WIDTH};
use super::keys::{self, Context};
use super::msg::{LaidOut, Msg};
use super::term::{self, Program};
use super::view;

pub use super::teams::CompareScreen;

impl Program for CompareScreen {
    fn message(&self, ev: &Event) -> Option<Msg> {
        let (w, h) = self.size;
        let ctx = if w < MIN_WIDTH || h < MIN_HEIGHT {
            Context::TooSmall
        } else {
            Context::Teams
        };
        keys::map_event(ctx, ev, &LaidOut::default())
    }

    fn update(&mut self, msg: Msg) -> Option<Msg> {
        CompareScreen::update(self, msg)
    }

    fn view(&self, area: Rect, buf: &mut Buffer) -> LaidOut {
        view::teams::render(self, area, buf)
    }

    fn size(&self) -> (u16, u16) {
        self.size
    }

    fn quitting(&self) -> bool {
        self.quit
    }
}

/// Runs the comparison screen until the user quits; the terminal is restored however it ends.
pub fn run(screen: CompareScreen) -> io::Result<()> {
    term::run(screen, &Options::default())
}
