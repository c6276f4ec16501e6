//! The live weights, as `App` acts on them: open the popup on the pack shown, set a weight or put
//! them all back, then drop every analysis on screen so the rankings, margins and verdicts follow.
//! (The weights themselves live in the catalog: see `crate::weights`.)

use super::app::App;
use super::msg::{Status, StatusKind};
use super::popup::{Popup, Weights};
use super::screens::Screen;

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
}
