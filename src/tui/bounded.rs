//! A terminal size the program can afford: whatever size a terminal reports (a PTY can claim
//! 30000×30000, which is 900 million cells per buffer and an abort that restores nothing), the
//! program lays out and allocates at most [`MAX_COLS`] × [`MAX_ROWS`]. [`Bounded`] wraps the real
//! backend so ratatui's buffers never exceed it; [`clamp`] is the same bound for sizes that reach
//! the program as events.
//!
//! It is also where the program never asks the terminal where its cursor is (see
//! [`Bounded::get_cursor_position`]).

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// Wider than any real screen at a readable font (an 8K display at 8-pixel cells is 960 columns).
pub const MAX_COLS: u16 = 1000;
/// Taller than any real screen at a readable font (an 8K portrait display at 16-pixel rows).
pub const MAX_ROWS: u16 = 500;

/// `(cols, rows)` within the bounds.
pub fn clamp(cols: u16, rows: u16) -> (u16, u16) {
    (cols.min(MAX_COLS), rows.min(MAX_ROWS))
}

/// A backend whose size never exceeds the bounds; everything else goes to the real one.
#[derive(Debug)]
pub struct Bounded<B>(pub B);

impl<B: Backend> Backend for Bounded<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    /// The origin, without asking the terminal: the program draws full screen with the cursor
    /// hidden, and ratatui asks only to put the cursor back after a clear (asking means waiting for
    /// the terminal's answer, which fails after a stop and costs a round trip anyway).
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let s = self.0.size()?;
        let (width, height) = clamp(s.width, s.height);
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut w = self.0.window_size()?;
        let (width, height) = clamp(w.columns_rows.width, w.columns_rows.height);
        w.columns_rows = Size { width, height };
        Ok(w)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_huge_size_is_laid_out_within_the_bounds() {
        assert_eq!(clamp(30000, 30000), (MAX_COLS, MAX_ROWS));
        assert_eq!(clamp(80, 24), (80, 24));
        let t = Terminal::new(Bounded(TestBackend::new(5000, 40))).unwrap();
        assert_eq!(t.size().unwrap(), Size::new(MAX_COLS, 40));
    }
}
