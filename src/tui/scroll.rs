//! A scroll position and the most it may scroll, which only the view knows: it reports it after each
//! frame (`Msg::Laid`) and `update` keeps it here, with the text it belongs to. Until the first frame
//! of a new text the limit is unknown and nothing is clamped; the view clamps what it draws, and the
//! next report clamps the position.

use super::msg::Msg;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// The first line shown.
    pub offset: u16,
    /// The largest useful offset, as last laid out; `None` before the first frame.
    pub limit: Option<u16>,
}

impl Scroll {
    /// The offset moved by a movement message (a page is `page` lines), within the known limit.
    pub fn apply(&mut self, msg: &Msg, page: u16) {
        let limit = self.limit.unwrap_or(u16::MAX);
        let s = self.offset;
        self.offset = match msg {
            Msg::Up => s.saturating_sub(1),
            Msg::Down => s.saturating_add(1),
            Msg::PageUp => s.saturating_sub(page),
            Msg::PageDown => s.saturating_add(page),
            Msg::Home => 0,
            Msg::End => limit,
            _ => s,
        }
        .min(limit);
    }

    /// The limit the view laid out; the offset follows it down.
    pub fn set_limit(&mut self, limit: u16) {
        self.limit = Some(limit);
        self.offset = self.offset.min(limit);
    }

    /// The text was laid out afresh (another size, another layout): the limit is unknown again.
    pub fn forget_limit(&mut self) {
        self.limit = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_within_the_known_limit() {
        let mut s = Scroll::default();
        s.apply(&Msg::End, 10);
        assert_eq!(s.offset, u16::MAX, "unknown limit: the view clamps");
        s.set_limit(7);
        assert_eq!(s.offset, 7);
        s.apply(&Msg::PageDown, 10);
        assert_eq!(s.offset, 7);
        s.apply(&Msg::PageUp, 5);
        assert_eq!(s.offset, 2);
        s.apply(&Msg::Home, 5);
        assert_eq!(s.offset, 0);
    }
}
