//! The help popup's state: how far it is scrolled. What it lists — the keys of the screen or popup
//! under it — the view reads from the key table.

use super::reply::{Ctx, Reply, scroll_or_close};
use crate::tui::msg::Msg;
use crate::tui::scroll::Scroll;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: Scroll,
}

impl Help {
    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Reply {
        scroll_or_close(&mut self.scroll, &msg, ctx.page)
    }
}
