//! A demo script played in `App`: the demo's own keys (next, back, a page, pause, leave), going to
//! a beat by replaying the script from a fresh session, and the few keys the presenter may use on
//! the screen a step shows.

use super::app::{App, page};
use super::demo;
use super::msg::Msg;
use super::popup::Popup;
use super::screens::{Screen, ScreenKind};

impl App {
    /// The presenter's keys on the screen a demo step shows: panels, packs, the what-if,
    /// scrolling (the demo's own keys are Space, the arrows and Esc). The next step is rebuilt
    /// from the script, so none of this outlives the step.
    pub(super) fn update_demo_screen(&mut self, msg: Msg) -> Option<Msg> {
        let on_results = matches!(self.screen, Screen::Results | Screen::Teams(_));
        let scrolls = matches!(
            msg,
            Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End
        );
        // A popup the step opened (a glossary entry, an alternative's details) scrolls first.
        if scrolls && let Some(s) = self.popups.last_mut().and_then(Popup::scroll_mut) {
            s.apply(&msg, page(self.size));
            return None;
        }
        match msg {
            Msg::Pick(_) if on_results => self.update_screen(msg),
            Msg::NextTab | Msg::PrevTab | Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown => {
                self.update_screen(msg)
            }
            Msg::WhatIf if self.screen == ScreenKind::Results => self.update_screen(msg),
            _ => None,
        }
    }

    pub(super) fn update_demo(&mut self, msg: &Msg) {
        let Some(d) = &mut self.demo else { return };
        let (beat, last) = (d.beat, d.last());
        match msg {
            Msg::DemoNext | Msg::DemoTick if beat < last => self.demo_goto(beat + 1),
            Msg::DemoPrev => self.demo_goto(beat.saturating_sub(1)),
            Msg::DemoPageDown | Msg::DemoPageUp => {
                let up = *msg == Msg::DemoPageUp;
                let page = page(self.size);
                if self.can_scroll(up) {
                    let m = if up { Msg::PageUp } else { Msg::PageDown };
                    if let Some(s) = self.top_scroll() {
                        s.apply(&m, page);
                    }
                } else if up {
                    self.demo_goto(beat.saturating_sub(1));
                } else if beat < last {
                    self.demo_goto(beat + 1);
                }
            }
            Msg::DemoFirst => self.demo_goto(0),
            Msg::DemoLast => self.demo_goto(last),
            Msg::DemoPause => d.paused = !d.paused,
            // The live session goes on from here: same screen, same answers, no script (kept for
            // the palette's "Back to the demo").
            Msg::DemoExit => self.left_demo = self.demo.take(),
            _ => {}
        }
    }

    /// Shows beat `k`: a fresh session, then the messages of beats `0..=k` in order, each step
    /// starting with its popups closed.
    pub fn demo_goto(&mut self, k: usize) {
        let Some(mut d) = self.demo.take() else {
            return;
        };
        let k = k.min(d.last());
        // The step is rebuilt from a fresh session; the analyses of the one shown are kept for
        // it when the answers come out the same (a panel, a pack, a caption: no new analysis).
        let session = self.session.scored();
        let whatif = self.whatif().map(|w| w.scored.clone());
        let weights = crate::weights::changed(&self.catalog);
        self.restart();
        for (i, &(step, part)) in d.beats.iter().enumerate().take(k + 1) {
            if i == k {
                d.before = self.session.answers().choices.clone();
            }
            if part == 0 {
                self.popups.clear();
            }
            for msg in demo::messages(&self.catalog, &d.script.steps[step].action, part) {
                self.apply(msg);
            }
            if part == 0 {
                for msg in demo::weight_messages(&d.script.steps[step].weights) {
                    self.apply(msg);
                }
            }
        }
        // An analysis made with other weights (a step that sets them) is not this one.
        if weights == crate::weights::changed(&self.catalog) {
            self.session.reuse(session);
            if let (Screen::WhatIf(w), Some(earlier)) = (&mut self.screen, whatif) {
                w.scored.reuse(earlier);
            }
        }
        d.beat = k;
        self.demo = Some(d);
    }

    /// Shows step `step` of the script with all its answers given (its last beat).
    pub fn demo_goto_step(&mut self, step: usize) {
        if let Some(k) = self.demo.as_ref().map(|d| d.last_beat_of(step)) {
            self.demo_goto(k);
        }
    }
}
