//! The scripted demo (`tradeoff demo [SCRIPT]`): the presenter steps through a script with Space / →
//! and ←, each step's caption shown in a bar. A step is a list of messages to `App::update`
//! ([`messages`]); a step that answers several questions is played one answer at a time, each a
//! *beat* of its own. The beat shown is rebuilt by replaying the script from a fresh session up to
//! it (cheap: the recommendation is computed once, when drawn), so going back always shows exactly
//! what that beat showed the first time. Esc leaves the script and hands the live session over.

use std::time::Duration;

use super::msg::Msg;
use crate::demo::{Action, Script};
use crate::pack::Catalog;

#[derive(Debug, Clone)]
pub struct DemoState {
    pub script: Script,
    /// Every beat of the script: `(step, part)`, the part being the answer given (0 for a step
    /// that does one thing at once).
    pub beats: Vec<(usize, usize)>,
    /// The beat shown.
    pub beat: usize,
    /// The answers before this beat: the live ranking's arrows show what it moved.
    pub before: Vec<Option<usize>>,
    /// Auto-advance paused by the presenter (`a`).
    pub paused: bool,
}

impl DemoState {
    pub fn new(script: Script) -> DemoState {
        let beats = script
            .steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                let parts = match &s.action {
                    Action::Answer(pairs) => pairs.len().max(1),
                    _ => 1,
                };
                (0..parts).map(move |p| (i, p))
            })
            .collect();
        DemoState {
            script,
            beats,
            beat: 0,
            before: Vec::new(),
            paused: false,
        }
    }

    /// The script's step shown, and which of its answers.
    pub fn at(&self) -> (usize, usize) {
        self.beats.get(self.beat).copied().unwrap_or((0, 0))
    }

    /// The script's step shown.
    pub fn step(&self) -> usize {
        self.at().0
    }

    /// How many beats the step shown has (its answers, or 1).
    pub fn parts(&self) -> usize {
        let step = self.step();
        self.beats.iter().filter(|(s, _)| *s == step).count()
    }

    pub fn caption(&self) -> &str {
        self.script
            .steps
            .get(self.step())
            .map_or("", |s| s.caption.as_str())
    }

    /// Where the demo is, for the presenter's notes window (`tradeoff demo --notes`); the writer
    /// stamps the process and the times.
    pub fn cue(&self) -> crate::cue::Cue {
        let step = self.step();
        let steps = &self.script.steps;
        let notes = |i: usize| {
            steps
                .get(i)
                .and_then(|s| s.notes.clone())
                .unwrap_or_default()
        };
        crate::cue::Cue {
            title: self.script.title.clone(),
            step: step + 1,
            steps: steps.len(),
            caption: self.caption().to_string(),
            notes: notes(step),
            next: steps.get(step + 1).map(|s| crate::cue::Next {
                caption: s.caption.clone(),
                notes: notes(step + 1),
            }),
            running: true,
            pid: 0,
            started: 0,
            since: 0,
        }
    }

    pub fn action(&self) -> Option<&Action> {
        self.script.steps.get(self.step()).map(|s| &s.action)
    }

    /// The last beat.
    pub fn last(&self) -> usize {
        self.beats.len().saturating_sub(1)
    }

    pub fn is_last(&self) -> bool {
        self.beat + 1 >= self.beats.len()
    }

    /// The last beat of step `step` (the step with all its answers given).
    pub fn last_beat_of(&self, step: usize) -> usize {
        self.beats
            .iter()
            .rposition(|(s, _)| *s == step)
            .unwrap_or(self.last())
    }

    /// How long the beat stays before the next one comes by itself: only with a script that asks
    /// for it, not paused, and not on the last beat.
    pub fn auto_advance(&self) -> Option<Duration> {
        let secs = self.script.auto_advance?;
        // Checked when the script was read; clamped again so that a script built some other way
        // can never make the clock panic (NaN counts as the shortest pace).
        let range = crate::demo::AUTO_ADVANCE_SECONDS;
        let secs = secs.clamp(*range.start(), *range.end());
        let secs = if secs.is_nan() { *range.start() } else { secs };
        (!self.paused && !self.is_last()).then(|| Duration::from_secs_f64(secs))
    }

    /// The answers the step gives so far (all of a what-if's), as "question = choice" labels, for
    /// the caption bar.
    pub fn step_answers(&self, catalog: &Catalog) -> Vec<String> {
        let (_, part) = self.at();
        let pairs: &[(usize, usize)] = match self.action() {
            Some(Action::Answer(p)) => &p[..(part + 1).min(p.len())],
            Some(Action::WhatIf(p)) => p,
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

/// What beat `part` of a step does, as messages to `App::update` (applied to a session whose popups
/// are closed when a step begins: popups belong to the step that opened them).
pub fn messages(catalog: &Catalog, action: &Action, part: usize) -> Vec<Msg> {
    match action {
        Action::Pause | Action::Title(_) => Vec::new(),
        Action::Reset if catalog.questions.is_empty() => vec![Msg::Restart],
        Action::Reset => vec![Msg::Restart, Msg::GoToQuestion(0)],
        // One answer per beat, on its question's screen.
        Action::Answer(pairs) => pairs
            .get(part)
            .map(|&(question, choice)| {
                vec![
                    Msg::SetAnswer { question, choice },
                    Msg::GoToQuestion(question),
                ]
            })
            .unwrap_or_default(),
        Action::Results { pack, panel } => vec![
            Msg::ShowResults,
            Msg::Tab(pack.unwrap_or(0)),
            Msg::Pick(*panel),
        ],
        Action::WhatIf(pairs) => vec![Msg::OpenWhatIf(pairs.clone())],
        Action::Glossary(t) => vec![Msg::OpenTerm(*t)],
        Action::Poll(questions) => {
            let mut out: Vec<Msg> = questions
                .iter()
                .flat_map(|(question, hands)| {
                    hands
                        .iter()
                        .enumerate()
                        .map(|(choice, &hands)| Msg::SetHands {
                            question: *question,
                            choice,
                            hands,
                        })
                })
                .collect();
            out.extend(questions.first().map(|(q, _)| Msg::OpenPoll(*q)));
            out
        }
        Action::Teams { teams, pack } => vec![Msg::ShowTeams {
            teams: teams.clone(),
            pack: *pack,
        }],
    }
}

/// The weights a step sets, then the weights popup on the pack of the first (over the results or
/// the what-if the step shows), so the room sees what changed and what it moved.
pub fn weight_messages(weights: &[crate::weights::Change]) -> Vec<Msg> {
    let mut out: Vec<Msg> = weights
        .iter()
        .map(|c| Msg::SetWeight {
            pack: c.pack,
            criterion: c.criterion,
            centi: crate::weights::to_centi(c.value),
        })
        .collect();
    if let Some(first) = weights.first() {
        out.push(Msg::OpenWeights(first.pack));
    }
    out
}
