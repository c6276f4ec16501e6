//! The popups over a screen, as one enum that owns each popup's state and its update. A popup knows
//! nothing of `App`: it gets a message and what it may need to know ([`Ctx`]) and answers with a
//! [`Reply`] — stay or close, and perhaps a message for `App::update` (open a glossary entry, run a
//! palette command, write the export file), as gitui's popups talk through its event queue.

pub mod detail;
pub mod export;
pub mod glossary;
pub mod help;
pub mod palette;
pub mod poll;
pub mod reply;
pub mod weights;

use super::msg::Msg;
use super::scroll::Scroll;

pub use detail::Detail;
pub use export::ExportDialog;
pub use glossary::{Entry, Terms, TermsFrom};
pub use help::Help;
pub use palette::Palette;
pub use poll::PollPopup;
pub use reply::{Ctx, Reply};
pub use weights::Weights;

/// A popup over the current screen; Esc closes the top one.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    /// The keys of what is under it (`?`).
    Help(Help),
    /// An alternative of the shown recommendation.
    Detail(Detail),
    /// A glossary entry.
    Glossary(Entry),
    /// The glossary terms named in a question or an alternative (`g`).
    Terms(Terms),
    /// The search over terms, questions, alternatives and commands (`/`).
    Palette(Palette),
    /// The export dialog (`e`).
    Export(ExportDialog),
    /// The live weights of a pack (`W`).
    Weights(Weights),
    /// The room's poll of a question (`H`).
    Poll(PollPopup),
}

impl Popup {
    pub fn update(&mut self, msg: Msg, ctx: &Ctx) -> Reply {
        match self {
            Popup::Help(p) => p.update(msg, ctx),
            Popup::Detail(p) => p.update(msg, ctx),
            Popup::Glossary(p) => p.update(msg, ctx),
            Popup::Terms(p) => p.update(msg, ctx),
            Popup::Palette(p) => p.update(msg, ctx),
            Popup::Export(p) => p.update(msg),
            Popup::Weights(p) => p.update(msg, ctx),
            Popup::Poll(p) => p.update(msg, ctx),
        }
    }

    /// Popups the presenter opens over a demo script (help, search, export): they take the keys
    /// from the script and stop its clock. A script's own popups (a glossary entry) leave the keys
    /// to the script.
    pub fn over_demo(&self) -> bool {
        matches!(
            self,
            Popup::Help(_) | Popup::Palette(_) | Popup::Export(_) | Popup::Detail(_)
        )
    }

    /// The scroll of a popup that shows a text longer than it may be.
    pub fn scroll_mut(&mut self) -> Option<&mut Scroll> {
        match self {
            Popup::Help(p) => Some(&mut p.scroll),
            Popup::Detail(p) => Some(&mut p.scroll),
            Popup::Glossary(p) => Some(&mut p.scroll),
            Popup::Weights(p) => Some(&mut p.detail),
            _ => None,
        }
    }
}
