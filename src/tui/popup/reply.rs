//! What a popup is told besides the message ([`Ctx`]) and what it answers ([`Reply`]): the whole
//! contract between a popup and `App::update`.

use crate::pack::Catalog;
use crate::tui::msg::Msg;
use crate::tui::scroll::Scroll;

/// What a popup may need to know besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    pub catalog: &'a Catalog,
    /// The packs decided (catalog indices), in the order the results show them.
    pub packs: &'a [usize],
    /// The room's hands so far.
    pub poll: &'a crate::poll::Poll,
    /// Lines a page scroll moves in a text popup.
    pub page: u16,
    /// Rows a page moves in a list popup.
    pub list_page: usize,
}

/// A popup's answer to a message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    /// Take this popup off the screen.
    pub close: bool,
    /// A message for `App::update`, after closing if `close`.
    pub then: Option<Msg>,
}

impl Reply {
    pub fn stay() -> Reply {
        Reply::default()
    }

    pub fn close() -> Reply {
        Reply {
            close: true,
            then: None,
        }
    }

    pub fn send(msg: Msg) -> Reply {
        Reply {
            close: false,
            then: Some(msg),
        }
    }

    pub fn close_then(msg: Msg) -> Reply {
        Reply {
            close: true,
            then: Some(msg),
        }
    }
}

/// The reply of a popup that shows a text: Esc or Enter closes it, the rest scrolls.
pub(super) fn scroll_or_close(scroll: &mut Scroll, msg: &Msg, page: u16) -> Reply {
    match msg {
        Msg::Back | Msg::Enter => Reply::close(),
        m => {
            scroll.apply(m, page);
            Reply::stay()
        }
    }
}
