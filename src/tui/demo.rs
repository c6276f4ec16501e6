//! The scripted demo (`tradeoff demo [SCRIPT]`): the presenter steps through a script with Space / →
//! and ←, each step's caption shown in a bar. A step is a list of messages to `App::update`
//! ([`messages`]); the step shown is rebuilt by replaying the script from a fresh session up to it
//! (cheap: the recommendation is computed once, when drawn), so going back always shows exactly what
//! that step showed the first time. Esc leaves the script and hands the live session over.

use std::time::Duration;

use super::msg::Msg;
use crate::demo::{Action, Script};
use crate::pack::Catalog;

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
    pub fn new(script: Script) -> DemoState {
        DemoState {
            script,
            step: 0,
            before: Vec::new(),
            paused: false,
        }
    }

    pub fn caption(&self) -> &str {
        self.script
            .steps
            .get(self.step)
            .map_or("", |s| s.caption.as_str())
    }

    pub fn action(&self) -> Option<&Action> {
        self.script.steps.get(self.step).map(|s| &s.action)
    }

    pub fn last(&self) -> usize {
        self.script.steps.len().saturating_sub(1)
    }

    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.script.steps.len()
    }

    /// How long the step stays before the next one comes by itself: only with a script that asks
    /// for it, not paused, and not on the last step.
    pub fn auto_advance(&self) -> Option<Duration> {
        let secs = self.script.auto_advance?;
        (!self.paused && !self.is_last()).then(|| Duration::from_secs_f64(secs))
    }

    /// The answers the step gives, as "question = choice" labels, for the caption bar.
    pub fn step_answers(&self, catalog: &Catalog) -> Vec<String> {
        let pairs = match self.action() {
            Some(Action::Answer(p) | Action::WhatIf(p)) => p,
            _ => return Vec::new(),
        };
        pairs
            .iter()
            .filter_map(|&(q, c)| {
                let q = catalog.questions.get(q)?;
                Some(format!("{} = {}", q.title, q.choices.get(c)?.label))
            })
            .collect()
    }
}

/// What a step of the script does, as messages to `App::update` (applied to a session whose popups
/// are closed: popups belong to the step that opened them).
pub fn messages(catalog: &Catalog, action: &Action) -> Vec<Msg> {
    match action {
        Action::Pause => Vec::new(),
        Action::Reset if catalog.questions.is_empty() => vec![Msg::Restart],
        Action::Reset => vec![Msg::Restart, Msg::GoToQuestion(0)],
        Action::Answer(pairs) => {
            let mut out: Vec<Msg> = pairs
                .iter()
                .map(|&(question, choice)| Msg::SetAnswer { question, choice })
                .collect();
            out.extend(pairs.last().map(|&(q, _)| Msg::GoToQuestion(q)));
            out
        }
        // The first panel: the overview.
        Action::Results(pack) => vec![Msg::ShowResults, Msg::Tab(pack.unwrap_or(0)), Msg::Pick(0)],
        Action::WhatIf(pairs) => vec![Msg::OpenWhatIf(pairs.clone())],
        Action::Glossary(t) => vec![Msg::OpenTerm(*t)],
    }
}
