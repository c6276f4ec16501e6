//! The screens, and the small state of those that keep one, each with its own movement: the results
//! (a tab per pack, a row of panels, a selection per pack), the what-if screen (a copy of the
//! answers to play with) and the team comparison. A screen carries its own state, so leaving it
//! drops that state and no other field has to be cleared by hand. What moves between screens is
//! `App::update`'s.

use super::msg::Msg;
use super::scroll::Scroll;
use super::session::{Scored, Session};
use super::teams::TeamsState;
use crate::answers::Answers;
use crate::pack::{Catalog, Pack};

/// The screen shown, with the state only it needs. (The results' tabs and selections are kept
/// while the user goes back to the questions, so they live beside it in `App::results`.)
#[derive(Debug, Clone)]
pub enum Screen {
    Welcome,
    /// A question, and how far its panel is scrolled (PgUp / PgDn, when why the question matters
    /// does not fit under the choices).
    Question(Scroll),
    Results,
    /// The what-if screen and its copy of the answers.
    WhatIf(WhatIf),
    /// The team comparison (`compare --tui`, or a demo step).
    Teams(Box<TeamsState>),
}

/// Which screen, without its state: for comparisons and tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenKind {
    Welcome,
    Question,
    Results,
    WhatIf,
    Teams,
}

impl Screen {
    pub fn kind(&self) -> ScreenKind {
        match self {
            Screen::Welcome => ScreenKind::Welcome,
            Screen::Question(_) => ScreenKind::Question,
            Screen::Results => ScreenKind::Results,
            Screen::WhatIf(_) => ScreenKind::WhatIf,
            Screen::Teams(_) => ScreenKind::Teams,
        }
    }

    pub fn is(&self, kind: ScreenKind) -> bool {
        self.kind() == kind
    }
}

impl PartialEq<ScreenKind> for Screen {
    fn eq(&self, other: &ScreenKind) -> bool {
        self.kind() == *other
    }
}

/// The panels of a pack's results tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Overview,
    Why,
    Change,
    Compare,
}

impl Panel {
    pub const ALL: [Panel; 4] = [Panel::Overview, Panel::Why, Panel::Change, Panel::Compare];

    pub fn title(self) -> &'static str {
        match self {
            Panel::Overview => "Overview",
            Panel::Why => "Why",
            Panel::Change => "What would change this",
            Panel::Compare => "Compare",
        }
    }

    pub fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    /// The Overview and the comparison move a selection; the others scroll.
    pub fn selects(self) -> bool {
        matches!(self, Panel::Overview | Panel::Compare)
    }
}

/// The results: which pack and panel, the selected alternative of each pack (an index into its
/// ranking), the selected criterion of the comparison, the scroll of a text panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsState {
    /// The pack tab.
    pub tab: usize,
    pub panel: Panel,
    /// Per pack: the selected alternative, as an index into its ranking.
    pub selected: Vec<usize>,
    /// The selected criterion of the comparison table.
    pub column: usize,
    /// Scroll of the Why and What-would-change panels.
    pub scroll: Scroll,
}

impl ResultsState {
    pub fn new(catalog: &Catalog) -> ResultsState {
        ResultsState {
            tab: 0,
            panel: Panel::Overview,
            selected: vec![0; catalog.packs.len()],
            column: 0,
            scroll: Scroll::default(),
        }
    }

    /// Fresh results (new answers): the first alternative of each pack selected, the top of the
    /// panel; the tab and the panel stay.
    pub fn reset(&mut self, packs: &[&Pack]) {
        self.selected = vec![0; packs.len()];
        self.tab = self.tab.min(packs.len().saturating_sub(1));
        self.scroll = Scroll::default();
    }

    /// The selected alternative of the current tab.
    pub fn selected(&self) -> usize {
        self.selected.get(self.tab).copied().unwrap_or(0)
    }

    /// Shows the n-th pack's tab.
    pub fn show_tab(&mut self, tab: usize, packs: &[&Pack]) {
        self.tab = tab.min(packs.len().saturating_sub(1));
        self.scroll = Scroll::default();
        let criteria = packs.get(self.tab).map_or(0, |p| p.criteria.len());
        self.column = self.column.min(criteria.saturating_sub(1));
    }

    /// The next or previous pack, wrapping around.
    pub fn switch_tab(&mut self, forward: bool, packs: &[&Pack]) {
        let n = packs.len();
        if n > 0 {
            let step = if forward { 1 } else { n - 1 };
            self.show_tab((self.tab + step) % n, packs);
        }
    }

    pub fn set_panel(&mut self, panel: Panel) {
        if self.panel != panel {
            self.panel = panel;
            self.scroll = Scroll::default();
        }
    }

    /// Movement inside the results: tabs, panels, the comparison's criterion, the selection or the
    /// scroll. True when `msg` was one of them.
    pub fn update(&mut self, msg: &Msg, packs: &[&Pack], page: u16) -> bool {
        let Some(pack) = packs.get(self.tab) else {
            return false;
        };
        let (n_alts, n_criteria) = (pack.alternatives.len(), pack.criteria.len());
        let panel = self.panel;
        let i = panel.index();
        match msg {
            Msg::NextTab => self.switch_tab(true, packs),
            Msg::PrevTab => self.switch_tab(false, packs),
            Msg::Pick(p) if *p < Panel::ALL.len() => self.set_panel(Panel::ALL[*p]),
            Msg::Left if panel == Panel::Compare && self.column > 0 => self.column -= 1,
            Msg::Right if panel == Panel::Compare => {
                self.column = (self.column + 1).min(n_criteria.saturating_sub(1))
            }
            Msg::Left if i > 0 => self.set_panel(Panel::ALL[i - 1]),
            Msg::Right if i + 1 < Panel::ALL.len() => self.set_panel(Panel::ALL[i + 1]),
            Msg::Up | Msg::Down | Msg::Home | Msg::End | Msg::PageUp | Msg::PageDown
                if panel.selects() =>
            {
                if let Some(sel) = self.selected.get_mut(self.tab) {
                    let last = n_alts.saturating_sub(1);
                    *sel = match msg {
                        Msg::Up => sel.saturating_sub(1),
                        Msg::Down => (*sel + 1).min(last),
                        Msg::Home | Msg::PageUp => 0,
                        _ => last,
                    };
                }
            }
            Msg::Up | Msg::Down | Msg::Home | Msg::End | Msg::PageUp | Msg::PageDown => {
                self.scroll.apply(msg, page)
            }
            _ => return false,
        }
        true
    }
}

/// The what-if screen: a copy of the answers to play with (and its recommendation), the selected
/// question, and how far the rankings are scrolled (PgUp / PgDn: ↑↓ move between questions).
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub scored: Scored,
    /// The selected question.
    pub cursor: usize,
    /// The rankings' scroll.
    pub scroll: Scroll,
}

impl WhatIf {
    pub fn new(scored: Scored, cursor: usize) -> WhatIf {
        WhatIf {
            scored,
            cursor,
            scroll: Scroll::default(),
        }
    }

    pub fn answers(&self) -> &Answers {
        self.scored.answers()
    }

    /// Moves between questions, cycles the selected question's answer through "skipped" and every
    /// choice, or goes back to `original`.
    /// Only the questions `session` asks (those of the packs decided) are offered.
    pub fn update(&mut self, msg: &Msg, catalog: &Catalog, session: &Session, page: u16) {
        let asked = session.asked();
        let at = asked.iter().position(|&q| q == self.cursor).unwrap_or(0);
        let n_q = catalog.questions.len();
        match msg {
            Msg::Up => self.cursor = asked[at.saturating_sub(1)],
            Msg::Down => self.cursor = asked[(at + 1).min(asked.len().saturating_sub(1))],
            Msg::Home => self.cursor = asked.first().copied().unwrap_or(0),
            Msg::End => self.cursor = asked.last().copied().unwrap_or(0),
            Msg::PageUp | Msg::PageDown => self.scroll.apply(msg, page),
            Msg::Left | Msg::Right if self.cursor < n_q => {
                let n = catalog.questions[self.cursor].choices.len();
                let pos = self.answers().choices[self.cursor].map_or(0, |c| c + 1);
                let next = if *msg == Msg::Right {
                    (pos + 1) % (n + 1)
                } else {
                    (pos + n) % (n + 1)
                };
                self.scored.set(self.cursor, next.checked_sub(1));
            }
            Msg::ResetWhatIf => self.scored.replace(session.answers().clone()),
            _ => {}
        }
    }
}
