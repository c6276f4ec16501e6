//! The detail popup's state: which alternative of the shown recommendation, and how far it is
//! scrolled.

use super::reply::{Ctx, Reply, scroll_or_close};
use crate::tui::msg::Msg;
use crate::tui::scroll::Scroll;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// The pack, by its index in the shown recommendation.
    pub pack: usize,
    /// The alternative, by its index in that pack's ranking.
    pub alt: usize,
    pub scroll: Scroll,
}

impl Detail {
    pub fn new(pack: usize, alt: usize) -> Detail {
        Detail {
            pack,
            alt,
            scroll: Scroll::default(),
        }
    }

    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Reply {
        scroll_or_close(&mut self.scroll, &msg, ctx.page)
    }
}
