//! Each screen's own update (welcome, question, results, what-if, teams), as `App` acts on it, and
//! the moves from one screen to another: the results, a question, the what-if, the team
//! comparison, a new session, the saved one taken up. `App::update` hands a message here when the
//! screen has the focus.

use crate::answers::Answers;
use crate::autosave::Progress;

use super::app::{App, decided, page};
use super::msg::Msg;
use super::popup::{Detail, Popup};
use super::screens::{ResultsState, Screen, WhatIf};
use super::scroll::Scroll;
use super::session::Session;
use super::teams::TeamsState;

impl App {
    pub(super) fn update_screen(&mut self, msg: Msg) -> Option<Msg> {
        match self.screen {
            Screen::Welcome => self.update_welcome(msg),
            Screen::Question(_) => self.update_question(msg),
            Screen::Results => self.update_results(msg),
            Screen::WhatIf(_) => {
                self.update_whatif(msg);
                None
            }
            Screen::Teams(_) => self.update_teams(msg),
        }
    }

    pub(super) fn show_results(&mut self) {
        self.popups.clear();
        self.screen = Screen::Results;
        self.results
            .reset(&decided(&self.catalog, self.session.packs()));
    }

    pub(super) fn go_to_question(&mut self, q: usize) {
        self.popups.clear();
        // The question asked at `q` or the next one asked after it (else the last one asked); a
        // follow-up that the answers do not ask: the question it follows up instead.
        let asked = self.session.asked();
        match asked.iter().find(|&&a| a >= q).or(asked.last()).copied() {
            None => self.screen = Screen::Welcome,
            Some(q) => {
                let a = &self.session.answers().choices;
                self.session.question = match self.catalog.questions[q].asked_when.first() {
                    Some(c) if !self.catalog.asked(q, a) => c.question,
                    _ => q,
                };
                self.screen = Screen::Question(Scroll::default());
            }
        }
    }

    pub(super) fn show_teams(&mut self, teams: &[super::msg::TeamAnswers], pack: Option<usize>) {
        self.popups.clear();
        let mut state = TeamsState::new(&self.catalog, teams);
        if let Some(p) = pack {
            state.update(&Msg::Tab(p), 0);
        }
        self.screen = Screen::Teams(Box::new(state));
    }

    /// The team comparison: tabs and scrolling; a team's number opens the details of its winner in
    /// the pack shown; Esc leaves it (the program, when it is the whole program; else the session's
    /// results, or the welcome screen without answers).
    fn update_teams(&mut self, msg: Msg) -> Option<Msg> {
        let page = page(self.size);
        let has_answers = self.session.answers().answered() > 0;
        let Screen::Teams(t) = &mut self.screen else {
            return None;
        };
        if t.update(&msg, page) {
            return None;
        }
        match msg {
            Msg::Pick(team) if team < t.scored.len() => {
                let pack = t.pack()?;
                t.shown = team;
                let p = self.shown_rec().packs.get(pack)?;
                let alt = p.ranking.iter().position(|a| a.rank == Some(1))?;
                self.popups.push(Popup::Detail(Detail::new(pack, alt)));
                None
            }
            Msg::Back if t.whole_program => Some(Msg::Quit),
            // Opened by a demo step and handed over with it: back to where the session stands,
            // its results when it has answers (the welcome screen when it has none).
            Msg::Back if has_answers => {
                self.show_results();
                None
            }
            Msg::Back => {
                self.screen = Screen::Welcome;
                None
            }
            _ => None,
        }
    }

    pub(super) fn open_whatif(&mut self, changes: &[(usize, usize)]) {
        // Before any change the what-if shares the session's recommendation.
        let mut scored = self.session.scored();
        for &(q, c) in changes {
            scored.set(q, Some(c));
        }
        let cursor = changes.first().map_or(0, |&(q, _)| q);
        self.screen = Screen::WhatIf(WhatIf::new(scored, cursor));
    }

    /// Back to a new session: no answers, the welcome screen; the catalog, the look, the size and a
    /// running demo stay.
    pub(super) fn restart(&mut self) {
        // A new session starts from the data's weights (a demo replays its steps from here).
        crate::weights::reset(&mut self.catalog);
        self.room.clear();
        self.session = Session::new(&self.catalog);
        self.results = ResultsState::new(&self.catalog);
        self.screen = Screen::Welcome;
        self.popups.clear();
    }

    pub(super) fn resume_session(&mut self, answers: Answers, progress: Progress) {
        self.session.set_answers(answers);
        self.resume = None;
        // The weights and the poll the room had set come back with the answers.
        let live = std::mem::take(&mut self.resume_live);
        self.take_live(live);
        if progress.finished || self.catalog.questions.is_empty() {
            self.apply(Msg::ShowResults);
        } else {
            self.apply(Msg::GoToQuestion(progress.position));
        }
    }

    fn update_welcome(&mut self, msg: Msg) -> Option<Msg> {
        match msg {
            Msg::Resume => {
                if let Some((answers, progress)) = self.resume.take() {
                    self.resume_session(answers, progress);
                }
                None
            }
            // Starting again: the offered session is replaced by the first answer.
            Msg::Enter | Msg::NextQuestion | Msg::Right => {
                self.resume = None;
                self.resume_live = Default::default();
                Some(match self.session.asked().is_empty() {
                    true => Msg::ShowResults,
                    false => Msg::GoToQuestion(0),
                })
            }
            // Which decisions to make: 1–9 toggle the packs listed on the welcome screen.
            Msg::Pick(p) => {
                self.session.toggle_pack(&self.catalog, p);
                None
            }
            Msg::Finish => Some(Msg::ShowResults),
            _ => None,
        }
    }

    /// On to the next question the answers ask (a follow-up only when it applies), or to the
    /// results after the last one.
    fn advance(&mut self) -> Option<Msg> {
        match self
            .session
            .next_asked(&self.catalog, self.session.question)
        {
            Some(next) => {
                self.session.question = next;
                self.screen = Screen::Question(Scroll::default());
                None
            }
            None => Some(Msg::ShowResults),
        }
    }

    fn update_question(&mut self, msg: Msg) -> Option<Msg> {
        let q = self.session.question;
        let Some(question) = self.catalog.questions.get(q) else {
            return Some(Msg::ShowResults);
        };
        let n = question.choices.len();
        let last = n.saturating_sub(1);
        let cur = self.session.highlighted();
        match msg {
            Msg::Up => self.session.highlight(cur.saturating_sub(1)),
            Msg::Down => self.session.highlight((cur + 1).min(last)),
            Msg::Home => self.session.highlight(0),
            Msg::End => self.session.highlight(last),
            Msg::Click(i) if i < n && i != cur => self.session.highlight(i),
            Msg::Enter if n > 0 => return self.choose(cur),
            Msg::Pick(i) | Msg::Click(i) if i < n => return self.choose(i),
            Msg::NextQuestion | Msg::Right => return self.advance(),
            Msg::Skip => {
                self.session.answer(q, None);
                self.session.settle(&self.catalog);
                return self.advance();
            }
            Msg::PrevQuestion | Msg::Back | Msg::Left => {
                match self.session.prev_asked(&self.catalog, q) {
                    Some(prev) => {
                        self.session.question = prev;
                        self.screen = Screen::Question(Scroll::default());
                    }
                    None => self.screen = Screen::Welcome,
                }
            }
            Msg::Finish => return Some(Msg::ShowResults),
            Msg::PageUp | Msg::PageDown => {
                let page = page(self.size);
                if let Screen::Question(s) = &mut self.screen {
                    s.apply(&msg, page);
                }
            }
            _ => {}
        }
        None
    }

    /// Answers the question on screen with choice `c` and goes on.
    fn choose(&mut self, c: usize) -> Option<Msg> {
        self.session.answer(self.session.question, Some(c));
        self.session.settle(&self.catalog);
        self.advance()
    }

    fn update_results(&mut self, msg: Msg) -> Option<Msg> {
        let packs = decided(&self.catalog, self.session.packs());
        if self.results.update(&msg, &packs, page(self.size)) {
            return None;
        }
        let tab = self.results.tab;
        let n_alts = self.rec().packs.get(tab).map_or(0, |p| p.ranking.len());
        match msg {
            Msg::Enter if n_alts > 0 => {
                let alt = self.selected().min(n_alts - 1);
                self.popups.push(Popup::Detail(Detail::new(tab, alt)));
                None
            }
            Msg::WhatIf => Some(Msg::OpenWhatIf(Vec::new())),
            Msg::Back => Some(Msg::GoToQuestion(self.session.question)),
            _ => None,
        }
    }

    fn update_whatif(&mut self, msg: Msg) {
        match msg {
            Msg::Back => self.screen = Screen::Results,
            Msg::NextTab | Msg::PrevTab => {
                self.results.switch_tab(
                    msg == Msg::NextTab,
                    &decided(&self.catalog, self.session.packs()),
                );
                if let Screen::WhatIf(w) = &mut self.screen {
                    w.scroll = Default::default();
                }
            }
            m => {
                let page = page(self.size);
                if let Screen::WhatIf(w) = &mut self.screen {
                    w.update(&m, &self.catalog, &self.session, page);
                }
            }
        }
    }
}
