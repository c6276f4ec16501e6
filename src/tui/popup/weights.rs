//! The live weights popup (`W` on the results and the what-if): one row per criterion of a pack;
//! ←→ (or − +, or a click on ◂ ▸) move the selected criterion's weight a step, `0` puts every
//! weight back to the data's, Tab goes to the next pack decided, PgDn / PgUp scroll the selected
//! criterion's description when the popup cannot show all of it. The popup only asks: `App::update`
//! sets the weight and every ranking behind it follows.

use super::reply::{Ctx, Reply};
use crate::tui::msg::Msg;
use crate::tui::scroll::Scroll;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weights {
    /// The pack, by its index in the catalog.
    pub pack: usize,
    /// The selected criterion.
    pub cursor: usize,
    /// How far the selected criterion's description is scrolled (a small screen shows a part).
    pub detail: Scroll,
}

impl Weights {
    pub fn new(pack: usize) -> Weights {
        Weights {
            pack,
            cursor: 0,
            detail: Scroll::default(),
        }
    }

    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Reply {
        let Some(p) = ctx.catalog.packs.get(self.pack) else {
            return Reply::close();
        };
        let last = p.criteria.len().saturating_sub(1);
        let (cursor, pack) = (self.cursor, self.pack);
        match msg {
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down => self.cursor = (self.cursor + 1).min(last),
            Msg::Home => self.cursor = 0,
            Msg::End => self.cursor = last,
            Msg::PageUp | Msg::PageDown => self.detail.apply(&msg, ctx.page),
            Msg::Click(i) if i <= last => self.cursor = i,
            Msg::Left | Msg::Right => {
                let Some(c) = p.criteria.get(self.cursor) else {
                    return Reply::stay();
                };
                let value = crate::weights::step(c.weight, msg == Msg::Right);
                return Reply::send(Msg::SetWeight {
                    pack: self.pack,
                    criterion: self.cursor,
                    centi: crate::weights::to_centi(value),
                });
            }
            Msg::NextTab | Msg::PrevTab => {
                // The packs decided, as the results' tabs list them.
                let packs = ctx.packs;
                if let Some(at) = packs.iter().position(|&q| q == self.pack)
                    && packs.len() > 1
                {
                    let step = if msg == Msg::NextTab {
                        1
                    } else {
                        packs.len() - 1
                    };
                    self.pack = packs[(at + step) % packs.len()];
                    let n = ctx.catalog.packs[self.pack].criteria.len();
                    self.cursor = self.cursor.min(n.saturating_sub(1));
                }
            }
            Msg::ResetWeights => return Reply::send(Msg::ResetWeights),
            Msg::Back | Msg::Enter | Msg::Weights => return Reply::close(),
            _ => {}
        }
        // Another criterion's description starts at its top, and its length is not known yet.
        if (self.cursor, self.pack) != (cursor, pack) {
            self.detail = Scroll::default();
        }
        Reply::stay()
    }
}
