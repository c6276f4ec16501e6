//! The poll popup (`H` on a question, the results or the what-if): the host types how many hands
//! went up for each answer of a question — digits type the count of the highlighted answer,
//! Backspace deletes one, ← → take one off or add one, ↑↓ move, Tab goes to the next question
//! asked. The popup only asks: `App::update` keeps the hands, and the view shows what they mean.

use super::reply::{Ctx, Reply};
use crate::tui::msg::Msg;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollPopup {
    /// The question polled (catalog index).
    pub question: usize,
    /// The highlighted answer.
    pub cursor: usize,
}

impl PollPopup {
    pub fn new(question: usize) -> PollPopup {
        PollPopup {
            question,
            cursor: 0,
        }
    }

    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Reply {
        let Some(q) = ctx.catalog.questions.get(self.question) else {
            return Reply::close();
        };
        let last = q.choices.len().saturating_sub(1);
        let now = ctx
            .poll
            .hands(self.question)
            .and_then(|h| h.get(self.cursor).copied())
            .unwrap_or(0);
        let set = |hands: u32| {
            Reply::send(Msg::SetHands {
                question: self.question,
                choice: self.cursor,
                hands: hands.min(crate::poll::MAX_HANDS),
            })
        };
        match msg {
            Msg::Up => self.cursor = self.cursor.saturating_sub(1),
            Msg::Down | Msg::Enter => self.cursor = (self.cursor + 1).min(last),
            Msg::Home => self.cursor = 0,
            Msg::End => self.cursor = last,
            Msg::Click(i) if i <= last => self.cursor = i,
            Msg::Char(d @ '0'..='9') => {
                let digit = d.to_digit(10).unwrap_or(0);
                return set(now.saturating_mul(10).saturating_add(digit));
            }
            Msg::Char('+') | Msg::Right => return set(now.saturating_add(1)),
            Msg::Char('-') | Msg::Left => return set(now.saturating_sub(1)),
            Msg::Backspace => return set(now / 10),
            Msg::ClearField => {
                return Reply::send(Msg::ClearPoll);
            }
            Msg::NextTab | Msg::PrevTab => {
                // The questions asked, in order.
                let asked = ctx.catalog.questions_for(ctx.packs);
                if let Some(at) = asked.iter().position(|&x| x == self.question)
                    && asked.len() > 1
                {
                    let step = if msg == Msg::NextTab {
                        1
                    } else {
                        asked.len() - 1
                    };
                    self.question = asked[(at + step) % asked.len()];
                    self.cursor = 0;
                }
            }
            Msg::Back => return Reply::close(),
            _ => {}
        }
        Reply::stay()
    }
}
