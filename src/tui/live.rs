//! The room's live controls, as `App` acts on them. The weights: open the popup on the pack shown,
//! set a weight or put them all back, then drop every analysis on screen so the rankings, margins
//! and verdicts follow (the weights themselves live in the catalog: see `crate::weights`). The
//! poll: open it on a question, forget the hands, and hand what they mean to the exports.

use std::borrow::Cow;

use super::app::App;
use super::msg::{Status, StatusKind};
use super::popup::{PollPopup, Popup, Weights};
use super::screens::Screen;
use crate::engine::{PollResult, Recommendation};

impl App {
    /// The weights popup on `pack` (a catalog index), else on the pack of the results' tab; only
    /// over the results and the what-if, which show what the weights move.
    pub(super) fn open_weights(&mut self, pack: Option<usize>) {
        if !matches!(self.screen, Screen::Results | Screen::WhatIf(_)) {
            return;
        }
        let packs = self.session.packs();
        let Some(pack) = pack.or_else(|| packs.get(self.results.tab).copied()) else {
            return;
        };
        if pack >= self.catalog.packs.len() {
            return;
        }
        self.popups.retain(|p| !matches!(p, Popup::Weights(_)));
        self.popups.push(Popup::Weights(Weights::new(pack)));
    }

    /// Sets one weight; the popup (if open on that pack) selects the criterion, and a refusal (the
    /// last weight above 0) is said in the status line.
    pub(super) fn set_weight(&mut self, pack: usize, criterion: usize, centi: u32) {
        if let Some(Popup::Weights(w)) = self.popups.last_mut()
            && w.pack == pack
        {
            w.cursor = criterion;
        }
        let change = crate::weights::Change {
            pack,
            criterion,
            value: crate::weights::from_centi(centi),
        };
        match crate::weights::set(&mut self.catalog, change) {
            Ok(true) => self.rescore(),
            Ok(false) => {}
            Err(e) => self.status = Some(Status::new(StatusKind::Warning, e)),
        }
    }

    /// The weights and the poll of a saved session, as they were when it was saved.
    pub(super) fn take_live(&mut self, live: crate::autosave::Live) {
        if live == crate::autosave::Live::default() {
            return;
        }
        for change in live.weights {
            // Checked when the file was read; a refusal (every weight 0) leaves the data's.
            let _ = crate::weights::set(&mut self.catalog, change);
        }
        self.room.poll = live.poll;
        self.rescore();
    }

    pub(super) fn reset_weights(&mut self) {
        if crate::weights::reset(&mut self.catalog) {
            self.rescore();
            self.status = Some(Status::new(
                StatusKind::Ok,
                "Every weight is the data's again",
            ));
        }
    }

    /// Every analysis on screen is computed again on first use, with the new weights.
    fn rescore(&mut self) {
        self.session.rescore();
        if let Screen::WhatIf(w) = &mut self.screen {
            w.scored.rescore();
        }
        if let Screen::Teams(t) = &mut self.screen {
            for s in &mut t.scored {
                s.rescore();
            }
        }
    }

    /// The poll popup on question `q`, else on the question shown, else on the question polled
    /// last, else on the first question asked. Not on the welcome screen or a team comparison.
    pub(super) fn open_poll(&mut self, q: Option<usize>) {
        let question = match &self.screen {
            Screen::Question(_) => Some(self.session.question),
            Screen::Results | Screen::WhatIf(_) => None,
            _ => return,
        };
        let last = self.room.poll.polled().last().map(|(q, _)| *q);
        let Some(q) = q
            .or(question)
            .or(last)
            .or_else(|| self.session.asked().first().copied())
            .filter(|&q| q < self.catalog.questions.len())
        else {
            return;
        };
        self.popups.retain(|p| !matches!(p, Popup::Poll(_)));
        self.popups.push(Popup::Poll(PollPopup::new(q)));
    }

    pub(super) fn clear_poll(&mut self) {
        if !self.room.poll.is_empty() {
            self.room.clear();
            self.status = Some(Status::new(StatusKind::Ok, "The poll is empty again"));
        }
    }

    /// The answers the poll holds fixed: the what-if's on the what-if, else the session's.
    fn poll_answers(&self) -> &[Option<usize>] {
        match self.whatif() {
            Some(w) => &w.answers().choices,
            None => &self.session.answers().choices,
        }
    }

    /// What the room's hands mean (an error says why there is nothing to show yet).
    pub fn poll_result(&self) -> std::rc::Rc<Result<PollResult, String>> {
        self.room
            .result(&self.catalog, self.poll_answers(), self.session.packs())
    }

    /// What an export or a copy writes: the recommendation on screen; from the what-if, marked as a
    /// scenario with the answers it changed; with the room's poll when it has hands.
    pub fn export_rec(&self) -> Cow<'_, Recommendation> {
        let rec = self.shown_rec();
        let scenario = self
            .whatif()
            .map(|w| crate::engine::scenario(&self.catalog, self.session.answers(), w.answers()));
        let poll = if self.room.poll.is_empty() {
            None
        } else {
            match &*self.poll_result() {
                Ok(p) => Some(p.clone()),
                Err(_) => None,
            }
        };
        if scenario.is_none() && poll.is_none() {
            return Cow::Borrowed(rec);
        }
        let mut rec = rec.clone();
        if scenario.is_some() {
            rec.scenario = scenario;
        }
        if poll.is_some() {
            rec.poll = poll;
        }
        Cow::Owned(rec)
    }
}
