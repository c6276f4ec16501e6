//! The team comparison's state (`tradeoff compare --tui A.toml B.toml …`): the comparison, which tab
//! (the answers, then one per pack) and how far it is scrolled. A small program of its own on the
//! TUI's machinery: the same messages, key table, loop and layout feedback (see `compare_screen`).

use super::msg::Msg;
use super::scroll::Scroll;
use super::theme::Theme;
use crate::compare::Comparison;

#[derive(Debug, Clone)]
pub struct CompareScreen {
    pub cmp: Comparison,
    pub theme: Theme,
    /// 0 = answers, then one per pack.
    pub tab: usize,
    pub scroll: Scroll,
    pub size: (u16, u16),
    pub quit: bool,
}

impl CompareScreen {
    pub fn new(cmp: Comparison, theme: Theme, size: (u16, u16)) -> Self {
        CompareScreen {
            cmp,
            theme,
            tab: 0,
            scroll: Scroll::default(),
            size,
            quit: false,
        }
    }

    fn tabs(&self) -> usize {
        1 + self.cmp.packs.len()
    }

    pub fn update(&mut self, msg: Msg) -> Option<Msg> {
        let page = self.size.1.saturating_sub(6);
        match msg {
            Msg::NextTab => self.show_tab((self.tab + 1) % self.tabs()),
            Msg::PrevTab => self.show_tab((self.tab + self.tabs() - 1) % self.tabs()),
            Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown => self.scroll.apply(&msg, page),
            Msg::Quit => self.quit = true,
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.scroll.forget_limit();
            }
            Msg::Laid(laid) => {
                if let Some(limit) = laid.scroll_limit {
                    self.scroll.set_limit(limit);
                }
            }
            _ => {}
        }
        None
    }

    fn show_tab(&mut self, tab: usize) {
        self.tab = tab;
        self.scroll = Scroll::default();
    }
}
