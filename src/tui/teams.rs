//! The team comparison as a screen of the TUI (`tradeoff compare --tui A.toml B.toml …`, or a demo
//! step): the comparison, each team's own answers and recommendation (for the detail popup), which
//! tab is shown (the answers, then one per pack) and how far it is scrolled.

use super::msg::{Msg, TeamAnswers};
use super::scroll::Scroll;
use super::session::Scored;
use crate::compare::Comparison;
use crate::pack::Catalog;

#[derive(Debug, Clone)]
pub struct TeamsState {
    pub cmp: Comparison,
    /// Each team's answers and recommendation, in the comparison's order.
    pub scored: Vec<Scored>,
    /// 0 = answers, then one per pack.
    pub tab: usize,
    pub scroll: Scroll,
    /// The team whose recommendation the detail popup shows.
    pub shown: usize,
    /// The comparison is the whole program (`compare --tui`): leaving it quits.
    pub whole_program: bool,
}

impl TeamsState {
    pub fn new(catalog: &Catalog, teams: &[TeamAnswers]) -> TeamsState {
        TeamsState {
            cmp: crate::compare::compare_teams(catalog, teams),
            scored: teams
                .iter()
                .map(|t| Scored::new(t.answers.clone()))
                .collect(),
            tab: 0,
            scroll: Scroll::default(),
            shown: 0,
            whole_program: false,
        }
    }

    fn tabs(&self) -> usize {
        1 + self.cmp.packs.len()
    }

    /// The pack of the current tab (`None` on the answers tab).
    pub fn pack(&self) -> Option<usize> {
        self.tab.checked_sub(1)
    }

    /// Tabs and scrolling; true when `msg` was one of them.
    pub fn update(&mut self, msg: &Msg, page: u16) -> bool {
        match msg {
            Msg::NextTab => self.show_tab((self.tab + 1) % self.tabs()),
            Msg::PrevTab => self.show_tab((self.tab + self.tabs() - 1) % self.tabs()),
            Msg::Tab(pack) => self.show_tab((pack + 1).min(self.tabs() - 1)),
            Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End => {
                self.scroll.apply(msg, page)
            }
            _ => return false,
        }
        true
    }

    fn show_tab(&mut self, tab: usize) {
        self.tab = tab;
        self.scroll = Scroll::default();
    }
}
