//! The scripted demo (`tradeoff demo [SCRIPT]`): the presenter steps through a script with Space / →
//! and ←, each step's caption shown in a bar. A step's state is rebuilt by replaying the script from
//! the start up to it (cheap: a few engine runs), so going back always shows exactly what that step
//! showed the first time. Esc leaves the script and hands the live session over, answers included.

use std::time::Duration;

use super::app::{App, Overlay, Panel, Screen, WhatIf};
use super::msg::Msg;
use super::scroll::Scroll;
use crate::answers::Answers;
use crate::demo::{Action, Script};
use crate::engine;

#[derive(Debug, Clone)]
pub struct DemoState {
    pub script: Script,
    /// The step shown.
    pub step: usize,
    /// The answers before this step: the live ranking's arrows show what the step moved.
    pub before: Vec<Option<usize>>,
    /// Auto-advance paused by the presenter (`a`).
    pub paused: bool,
}

impl DemoState {
    pub fn caption(&self) -> &str {
        self.script
            .steps
            .get(self.step)
            .map_or("", |s| s.caption.as_str())
    }

    pub fn action(&self) -> Option<&Action> {
        self.script.steps.get(self.step).map(|s| &s.action)
    }

    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.script.steps.len()
    }
}

impl App {
    /// Starts the demo at its first step.
    pub fn with_demo(mut self, script: Script) -> App {
        self.demo = Some(DemoState {
            script,
            step: 0,
            before: self.answers.choices.clone(),
            paused: false,
        });
        self.demo_goto(0);
        self
    }

    /// How long the current step stays before the next one comes by itself: only with a script that
    /// asks for it, not paused, and not on the last step. The event loop waits with a timeout only
    /// then; otherwise it blocks on the next event.
    pub fn auto_advance(&self) -> Option<Duration> {
        let d = self.demo.as_ref()?;
        let secs = d.script.auto_advance?;
        // The clock stops while the presenter has the help or the palette open.
        if presenter_popup(self.overlays.last()) {
            return None;
        }
        (!d.paused && !d.is_last()).then(|| Duration::from_secs_f64(secs))
    }

    /// The step shown, if a demo is running (the event loop restarts its timer when this changes).
    pub fn demo_step(&self) -> Option<usize> {
        self.demo.as_ref().map(|d| d.step)
    }

    /// Demo messages; `None` when `msg` is not one (the caller handles it as usual).
    pub(super) fn update_demo(&mut self, msg: &Msg) -> Option<Option<Msg>> {
        let d = self.demo.as_ref()?;
        let (step, last) = (d.step, d.script.steps.len().saturating_sub(1));
        match msg {
            Msg::DemoNext | Msg::DemoTick if step < last => self.demo_goto(step + 1),
            Msg::DemoNext | Msg::DemoTick => {}
            Msg::DemoPrev => self.demo_goto(step.saturating_sub(1)),
            Msg::DemoFirst => self.demo_goto(0),
            Msg::DemoLast => self.demo_goto(last),
            Msg::DemoPause => {
                if let Some(d) = &mut self.demo {
                    d.paused = !d.paused;
                }
            }
            Msg::DemoExit => {
                // The live session goes on from here: same screen, same answers, no script.
                self.demo = None;
            }
            _ => return None,
        }
        Some(None)
    }

    /// Shows step `k`: a fresh session with steps `0..=k` applied in order.
    pub fn demo_goto(&mut self, k: usize) {
        let Some(mut d) = self.demo.take() else {
            return;
        };
        let k = k.min(d.script.steps.len().saturating_sub(1));
        self.reset_state();
        for (i, step) in d.script.steps.iter().enumerate().take(k + 1) {
            if i == k {
                d.before = self.answers.choices.clone();
            }
            self.apply_step(&step.action);
        }
        // The steps only set answers and screens; the recommendations are computed once, at the end
        // (at most two engine runs per step shown, whatever the length of the script).
        self.rec = engine::analyze(&self.catalog, &self.answers, &[]);
        if let Some(w) = &mut self.whatif {
            w.rec = engine::analyze(&self.catalog, &w.answers, &[]);
        }
        d.step = k;
        self.demo = Some(d);
    }

    /// Back to the state of a new session, keeping the catalog, theme, projector view and size.
    pub(super) fn fresh_session(&mut self) {
        self.reset_state();
        self.rec = engine::analyze(&self.catalog, &self.answers, &[]);
    }

    /// `fresh_session` without the engine run: the caller computes the recommendation.
    fn reset_state(&mut self) {
        self.answers = Answers::empty(&self.catalog);
        self.cursor = vec![0; self.catalog.questions.len()];
        self.question = 0;
        self.screen = Screen::Welcome;
        self.whatif = None;
        self.overlays.clear();
        self.results.tab = 0;
        self.results.panel = Panel::Overview;
        self.results.selected = vec![0; self.catalog.packs.len()];
        self.results.column = 0;
        self.results.scroll = Scroll::default();
    }

    /// One step's action. Popups belong to the step that opened them.
    fn apply_step(&mut self, action: &Action) {
        self.overlays.clear();
        match action {
            Action::Pause => {}
            Action::Reset => {
                self.reset_state();
                if !self.catalog.questions.is_empty() {
                    self.screen = Screen::Question;
                }
            }
            Action::Answer(pairs) => {
                for &(q, c) in pairs {
                    if let (Some(slot), Some(cur)) =
                        (self.answers.choices.get_mut(q), self.cursor.get_mut(q))
                    {
                        *slot = Some(c);
                        *cur = c;
                    }
                }
                if let Some(&(q, _)) = pairs.last() {
                    self.question = q;
                    self.screen = Screen::Question;
                    self.whatif = None;
                }
            }
            Action::Results(pack) => {
                self.screen = Screen::Results;
                self.whatif = None;
                self.results.selected = vec![0; self.catalog.packs.len()];
                self.results.tab = pack
                    .unwrap_or(0)
                    .min(self.catalog.packs.len().saturating_sub(1));
                self.results.panel = Panel::Overview;
                self.results.scroll = Scroll::default();
            }
            Action::WhatIf(pairs) => {
                let mut answers = self.answers.clone();
                for &(q, c) in pairs {
                    if let Some(slot) = answers.choices.get_mut(q) {
                        *slot = Some(c);
                    }
                }
                // The recommendation is filled in by `demo_goto`.
                self.whatif = Some(WhatIf {
                    answers,
                    rec: self.rec.clone(),
                    cursor: pairs.first().map_or(0, |&(q, _)| q),
                });
                self.screen = Screen::WhatIf;
            }
            Action::Glossary(t) => self.open_term(*t),
        }
    }
}

/// The answers a step gives, as "question = choice" labels, for the caption bar.
pub fn step_answers(app: &App) -> Vec<String> {
    let Some(d) = &app.demo else {
        return Vec::new();
    };
    let pairs = match d.action() {
        Some(Action::Answer(p) | Action::WhatIf(p)) => p,
        _ => return Vec::new(),
    };
    pairs
        .iter()
        .filter_map(|&(q, c)| {
            let q = app.catalog.questions.get(q)?;
            Some(format!("{} = {}", q.title, q.choices.get(c)?.label))
        })
        .collect()
}

/// True when `o` is a popup the presenter opened over the script (help, palette), which takes
/// the keys; the script's own popups (a glossary entry) leave them to the script.
pub fn presenter_popup(o: Option<&Overlay>) -> bool {
    matches!(o, Some(Overlay::Help { .. } | Overlay::Palette))
}
