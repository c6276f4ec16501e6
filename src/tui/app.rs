//! The TUI's state and `update`, the only code that changes it. `App` is composed of its parts — the
//! session (answers, highlights, recommendation), the look (theme, projector view), the popups, the
//! screen with its own small state, the demo — and a message goes one way down to the part it
//! concerns. No terminal here: tests drive `update` with messages and read the state back; `view`
//! draws a borrowed `App`; the loop performs the [`Effect`]s it asks for and reports back.

use crate::answers::Answers;
use crate::autosave::Progress;
use crate::demo::Script;
use crate::engine::Recommendation;
use crate::pack::{Catalog, Pack};

use super::demo::{self, DemoState};
use super::look::Look;
use super::msg::{Effect, LaidOut, Msg, Outcome, Status, StatusKind};
use super::popup::palette::{self, Offer};
use super::popup::{
    Ctx, Detail, Entry, ExportDialog, Help, Palette, Popup, Reply, Terms, TermsFrom,
};
use super::screens::{ResultsState, Screen, ScreenKind, WhatIf};
use super::scroll::Scroll;
use super::session::{Live, Session};
use super::teams::TeamsState;
use super::theme::Theme;

/// The smallest terminal the screens are designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// Content wider than this is centred: long lines are hard to read on a wide screen or a projector.
pub const MAX_WIDTH: u16 = 140;
/// Taller screens get the content centred at this height: panels stay close to what they show.
pub const MAX_HEIGHT: u16 = 40;

/// Who reads the keys now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The popup on top.
    Popup,
    /// The demo script (the presenter's keys).
    Demo,
    /// The screen.
    Screen,
}

#[derive(Debug, Clone)]
pub struct App {
    pub catalog: Catalog,
    /// The answers, the question on screen, the highlights, the recommendation.
    pub session: Session,
    /// The theme and the projector view.
    pub look: Look,
    /// Popups over the screen, the top one last.
    pub popups: Vec<Popup>,
    /// The screen shown, with its own state (the what-if's answers, the team comparison).
    pub screen: Screen,
    /// The results' tabs, panels and selections (kept while the user goes back to the questions).
    pub results: ResultsState,
    /// The running demo script (`tradeoff demo`), if any.
    pub demo: Option<DemoState>,
    /// The demo the presenter left with Esc, where it stood: the palette takes them back to it.
    pub left_demo: Option<DemoState>,
    /// An unfinished saved session, offered on the welcome screen.
    pub resume: Option<(Answers, Progress)>,
    /// The weights and the poll saved with that session, set when it is taken up.
    pub resume_live: crate::autosave::Live,
    /// A one-line message in the hint bar until the next key ("Wrote …", "Copied …").
    pub status: Option<Status>,
    /// What the header keeps saying about the session until it changes: a failed autosave (until a
    /// save works) or another window on the same session.
    pub session_note: SessionNote,
    /// The terminal size in cells.
    pub size: (u16, u16),
    pub quit: bool,
    /// Today's date for exports (`YYYY-MM-DD`); fixed in tests.
    pub today: String,
    /// What the last frame laid out (where clicks land), fed back by the loop.
    pub layout: LaidOut,
    /// Side effects asked for by `update`, performed by the loop.
    pub effects: Vec<Effect>,
    /// The room's poll: the hands typed so far and what they mean.
    pub room: super::room::RoomPoll,
}

/// How the program opens the TUI, decided before [`App`] is built (the binary's one start-up path,
/// `cmd::tui`): the look and what is shown first.
#[derive(Debug, Clone)]
pub struct Start {
    pub theme: Theme,
    /// The projector view from the first frame.
    pub projector: bool,
    /// In the projector view, keep `theme`'s colours (a theme was chosen) instead of the projector's.
    pub keep_theme: bool,
    pub show: Show,
}

/// What the TUI shows first.
#[derive(Debug, Clone)]
pub enum Show {
    /// The welcome screen, offering an unfinished saved session if there is one.
    Welcome {
        offer: Option<crate::autosave::Saved>,
    },
    /// These answers, at this place: `--answers FILE`.
    Answers(Answers, Progress),
    /// The saved session (`--resume`): its answers, at its place, with the weights and the poll
    /// the room set.
    Saved(crate::autosave::Saved),
    /// A workshop demo from its first step (`tradeoff demo`).
    Demo(Script),
    /// The team comparison as the whole program (`compare --tui`): Esc quits.
    Teams(Vec<super::msg::TeamAnswers>),
}

impl App {
    /// The app as the program starts it: its look and first screen chosen before the first frame.
    pub fn start(catalog: Catalog, start: Start) -> App {
        let mut app = App::new(catalog, start.theme, (0, 0));
        app.look = Look::starting(app.look.theme.clone(), start.projector, start.keep_theme);
        match start.show {
            Show::Welcome { offer } => {
                if let Some(saved) = offer {
                    app.resume = Some((saved.answers, saved.progress));
                    app.resume_live = saved.live;
                }
            }
            Show::Answers(answers, progress) => app = app.resumed(answers, progress),
            Show::Saved(saved) => {
                app.resume_live = saved.live;
                app = app.resumed(saved.answers, saved.progress);
            }
            Show::Demo(script) => app = app.with_demo(script),
            Show::Teams(teams) => app = app.with_teams(teams),
        }
        app
    }

    pub fn new(catalog: Catalog, theme: Theme, size: (u16, u16)) -> App {
        App {
            session: Session::new(&catalog),
            results: ResultsState::new(&catalog),
            catalog,
            look: Look::new(theme),
            popups: Vec::new(),
            screen: Screen::Welcome,
            demo: None,
            left_demo: None,
            resume: None,
            resume_live: Default::default(),
            status: None,
            session_note: SessionNote::default(),
            size,
            quit: false,
            today: crate::clock::today(),
            layout: LaidOut::default(),
            effects: Vec::new(),
            room: Default::default(),
        }
    }

    /// Continues a saved session: its answers, at the question it was on (or the results).
    pub fn resumed(mut self, answers: Answers, progress: Progress) -> App {
        self.resume_session(answers, progress);
        self
    }

    /// The team comparison of these teams as the whole program (`compare --tui`): Esc quits.
    pub fn with_teams(mut self, teams: Vec<super::msg::TeamAnswers>) -> App {
        self.apply(Msg::ShowTeams { teams, pack: None });
        if let Screen::Teams(t) = &mut self.screen {
            t.whole_program = true;
        }
        self
    }

    /// Starts the demo at its first step.
    pub fn with_demo(mut self, script: Script) -> App {
        self.demo = Some(DemoState::new(script));
        self.demo_goto(0);
        self
    }

    /// Turns the projector view on or off (see [`Look::set_projector`]).
    pub fn set_projector(&mut self, on: bool) {
        if self.look.set_projector(on) {
            self.forget_scroll_limits();
        }
    }

    /// Where the user is, for the saved session.
    pub fn progress(&self) -> Progress {
        match self.screen {
            Screen::Welcome => Progress {
                position: 0,
                finished: false,
            },
            Screen::Question(_) => Progress {
                position: self.session.question,
                finished: false,
            },
            Screen::Results | Screen::WhatIf(_) | Screen::Teams(_) => Progress {
                position: self.catalog.questions.len(),
                finished: true,
            },
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The recommendation for the answers.
    pub fn rec(&self) -> &Recommendation {
        self.session.rec(&self.catalog)
    }

    /// The recommendation on screen: the what-if screen's, else the answers'. Exports, copies and
    /// the detail popup use it too.
    pub fn shown_rec(&self) -> &Recommendation {
        match &self.screen {
            Screen::WhatIf(w) => w.scored.rec(&self.catalog),
            Screen::Teams(t) => match t.scored.get(t.shown) {
                Some(s) => s.rec(&self.catalog),
                None => self.rec(),
            },
            _ => self.rec(),
        }
    }

    /// The what-if screen's state, when it is shown.
    pub fn whatif(&self) -> Option<&WhatIf> {
        match &self.screen {
            Screen::WhatIf(w) => Some(w),
            _ => None,
        }
    }

    /// The team comparison, when it is shown.
    pub fn teams(&self) -> Option<&TeamsState> {
        match &self.screen {
            Screen::Teams(t) => Some(t),
            _ => None,
        }
    }

    /// The selected alternative of the results' current tab.
    pub fn selected(&self) -> usize {
        self.results.selected()
    }

    /// The live ranking beside the current question.
    pub fn live(&self) -> Live {
        let before = self.demo.as_ref().map(|d| &d.before[..]);
        self.session
            .live(&self.catalog, self.screen == ScreenKind::Question, before)
    }

    /// The glossary terms named in a question or an alternative of the shown recommendation.
    pub fn terms_for(&self, from: TermsFrom) -> Vec<usize> {
        super::popup::glossary::terms_in(from, &self.catalog, self.shown_rec())
    }

    /// Who reads the keys with only the first `depth` popups open: the top popup when it is the
    /// presenter's (or no demo runs), else the demo, else the top popup, else the screen. The one
    /// place the precedence is decided: `update` dispatches by it, `keys` maps keys and shows hints
    /// by it, and the help describes what is under it with it.
    pub fn focus_at(&self, depth: usize) -> Focus {
        match self.popups[..depth.min(self.popups.len())].last() {
            Some(p) if self.demo.is_none() || p.over_demo() => Focus::Popup,
            _ if self.demo.is_some() => Focus::Demo,
            Some(_) => Focus::Popup,
            None => Focus::Screen,
        }
    }

    pub fn focus(&self) -> Focus {
        self.focus_at(self.popups.len())
    }

    /// How long the demo step shown stays before the next comes by itself; `None`: wait for a key.
    /// The clock stops while the presenter has a popup of theirs open (help, search, export).
    pub fn auto_advance(&self) -> Option<std::time::Duration> {
        let d = self.demo.as_ref()?;
        if self.popups.last().is_some_and(Popup::over_demo) {
            return None;
        }
        d.auto_advance()
    }

    /// The beat shown, if a demo is running (the loop restarts its timer when this changes). A
    /// step that answers several questions has a beat per answer; the others have one.
    pub fn demo_step(&self) -> Option<usize> {
        self.demo.as_ref().map(|d| d.beat)
    }

    /// Applies one message; returns a follow-up message for the caller to apply next.
    pub fn update(&mut self, msg: Msg) -> Option<Msg> {
        if msg.clears_status() {
            self.status = None;
        }
        match msg {
            Msg::Done(outcome) => self.done(outcome),
            Msg::Laid(layout) => self.laid(layout),
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.forget_scroll_limits();
            }
            Msg::Quit => self.quit = true,
            m if m.is_demo() => self.update_demo(&m),
            m => return self.command(m),
        }
        None
    }

    /// Runs `msg` and its follow-ups.
    fn apply(&mut self, msg: Msg) {
        let mut next = Some(msg);
        while let Some(m) = next {
            next = self.update(m);
        }
    }

    /// Messages that mean the same wherever the keys are; the rest goes to whoever has the focus.
    fn command(&mut self, msg: Msg) -> Option<Msg> {
        // Export and copy what is on screen: a recommendation, with no popup over it.
        let exportable = self.popups.is_empty() && self.screen != ScreenKind::Welcome;
        match msg {
            Msg::Export if exportable => self
                .popups
                .push(Popup::Export(ExportDialog::new(&self.today))),
            Msg::Copy if exportable => {
                let md = crate::report::markdown::render(&self.export_rec(), &self.today);
                self.effects.push(Effect::Clipboard(md));
            }
            Msg::Export | Msg::Copy => {}
            Msg::Palette => self.open_palette(),
            Msg::Projector => self.set_projector(!self.look.projector),
            Msg::SetProjector(on) => self.set_projector(on),
            Msg::Theme(name) => self.look.set_theme(name),
            Msg::NextTheme => {
                let name = self.look.next_theme();
                self.status = Some(Status::new(
                    StatusKind::Ok,
                    format!("Theme {name} (t for the next)"),
                ));
            }
            Msg::Restart => self.restart(),
            Msg::ResumeDemo => {
                // Back to the step the presenter left, rebuilt from the script as every step is.
                if let Some(d) = self.left_demo.take() {
                    let beat = d.beat;
                    self.popups.clear();
                    self.demo = Some(d);
                    self.demo_goto(beat);
                }
            }
            Msg::Terms => self.open_terms(),
            Msg::Help if matches!(self.popups.last(), Some(Popup::Help(_))) => {
                self.popups.pop();
            }
            Msg::Help => self.popups.push(Popup::Help(Help::default())),
            Msg::ShowResults => self.show_results(),
            Msg::Tab(i) => self
                .results
                .show_tab(i, &decided(&self.catalog, self.session.packs())),
            Msg::GoToQuestion(q) => self.go_to_question(q),
            Msg::SetAnswer { question, choice } => {
                self.session.answer(question, Some(choice));
                self.session.settle(&self.catalog);
            }
            Msg::OpenWhatIf(changes) => self.open_whatif(&changes),
            Msg::ShowTeams { teams, pack } => self.show_teams(&teams, pack),
            Msg::OpenTerm(t) => {
                if t < self.catalog.glossary.len() {
                    self.popups.push(Popup::Glossary(Entry::new(t)));
                }
            }
            Msg::OpenAlternative { pack, alt } => self.open_alternative(pack, alt),
            Msg::WriteExport { overwrite } => self.write_export(overwrite),
            Msg::Weights => self.open_weights(None),
            Msg::OpenWeights(pack) => self.open_weights(Some(pack)),
            Msg::SetWeight {
                pack,
                criterion,
                centi,
            } => self.set_weight(pack, criterion, centi),
            Msg::ResetWeights => self.reset_weights(),
            Msg::Poll => self.open_poll(None),
            Msg::OpenPoll(q) => self.open_poll(Some(q)),
            Msg::SetHands {
                question,
                choice,
                hands,
            } => self.room.poll.set(&self.catalog, question, choice, hands),
            Msg::ClearPoll => self.clear_poll(),
            m => {
                return match self.focus() {
                    Focus::Popup => self.update_popup(m),
                    Focus::Demo => self.update_demo_screen(m),
                    Focus::Screen => self.update_screen(m),
                };
            }
        }
        None
    }

    /// The presenter's keys on the screen a demo step shows: panels, packs, the what-if,
    /// scrolling (the demo's own keys are Space, the arrows and Esc). The next step is rebuilt
    /// from the script, so none of this outlives the step.
    fn update_demo_screen(&mut self, msg: Msg) -> Option<Msg> {
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

    fn update_popup(&mut self, msg: Msg) -> Option<Msg> {
        let ctx = Ctx {
            catalog: &self.catalog,
            packs: self.session.packs(),
            poll: &self.room.poll,
            page: page(self.size),
            list_page: self.size.1.saturating_sub(10).max(1) as usize,
        };
        let top = self.popups.last_mut()?;
        let Reply { close, then } = top.update(msg, &ctx);
        if close {
            self.popups.pop();
        }
        then
    }

    fn update_screen(&mut self, msg: Msg) -> Option<Msg> {
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

    /// What an effect came to: the export dialog takes the answers about its file; everything else
    /// (and a written file, which closes the dialog) is said in the status line.
    fn done(&mut self, outcome: Outcome) {
        let dialog = self.popups.iter_mut().rev().find_map(|p| match p {
            Popup::Export(d) => Some(d),
            _ => None,
        });
        match (dialog, &outcome) {
            (Some(d), Outcome::Exists(_)) => {
                d.writing = false;
                d.confirm_overwrite = true;
                return;
            }
            (Some(d), Outcome::WriteFailed(e)) => {
                d.writing = false;
                d.error = Some(e.clone());
                return;
            }
            (Some(_), Outcome::Written(_)) => {
                self.popups.retain(|p| !matches!(p, Popup::Export(_)));
            }
            _ => {}
        }
        match &outcome {
            Outcome::SaveFailed { .. } => self.session_note.not_saved = true,
            Outcome::Saved(_) => self.session_note.not_saved = false,
            Outcome::Guest { .. } | Outcome::Guests { .. } => self.session_note.shared = true,
            _ => {}
        }
        self.status = outcome.status();
    }

    /// The frame just drawn: its scroll limit belongs to the text on top, which is what was drawn
    /// (nothing changes between the frame and this report); clicks land where it put things.
    fn laid(&mut self, layout: LaidOut) {
        if let (Some(limit), Some(scroll)) = (layout.scroll_limit, self.top_scroll()) {
            scroll.set_limit(limit);
        }
        self.layout = layout;
    }

    /// The scroll of the text on top: the top popup's, else the screen's (the results' text
    /// panels, the team comparison, the what-if's rankings).
    fn top_scroll(&mut self) -> Option<&mut Scroll> {
        match (self.popups.last_mut(), &mut self.screen) {
            (Some(p), _) => p.scroll_mut(),
            (None, Screen::Results) if !self.results.panel.selects() => {
                Some(&mut self.results.scroll)
            }
            (None, Screen::Teams(t)) => Some(&mut t.scroll),
            (None, Screen::WhatIf(w)) => Some(&mut w.scroll),
            (None, Screen::Question(s)) => Some(s),
            (None, _) => None,
        }
    }

    /// True when the text on top has more below (or, `up`, above) what is shown: the clicker's
    /// PgDn / PgUp scroll it before they change the step.
    fn can_scroll(&mut self, up: bool) -> bool {
        self.top_scroll().is_some_and(|s| match up {
            true => s.offset > 0,
            false => s.limit.is_some_and(|l| s.offset < l),
        })
    }

    /// The layout changes (a resize, the projector view): every limit waits for the next frame.
    fn forget_scroll_limits(&mut self) {
        self.results.scroll.forget_limit();
        match &mut self.screen {
            Screen::Teams(t) => t.scroll.forget_limit(),
            Screen::WhatIf(w) => w.scroll.forget_limit(),
            Screen::Question(s) => s.forget_limit(),
            _ => {}
        }
        for scroll in self.popups.iter_mut().filter_map(Popup::scroll_mut) {
            scroll.forget_limit();
        }
    }

    fn write_export(&mut self, overwrite: bool) {
        let Some(Popup::Export(d)) = self.popups.last() else {
            return;
        };
        let contents = crate::report::render(&self.export_rec(), d.format, &self.today);
        self.effects.push(Effect::Write {
            path: d.target(),
            contents,
            overwrite,
        });
    }

    fn open_palette(&mut self) {
        let offer = Offer {
            export: self.screen != ScreenKind::Welcome,
            projector: self.look.projector,
            theme: &self.look.theme.name,
            demo: self.left_demo.as_ref().map(|d| d.script.title.as_str()),
        };
        let fresh = Popup::Palette(Palette::new(palette::items(&self.catalog, offer)));
        match self.popups.last_mut() {
            Some(top @ Popup::Palette(_)) => *top = fresh,
            _ => self.popups.push(fresh),
        }
    }

    /// `g`: the terms of the question on screen, or of the alternative in the detail popup.
    fn open_terms(&mut self) {
        let from = match self.popups.last() {
            Some(Popup::Detail(d)) => TermsFrom::Alternative {
                pack: d.pack,
                alt: d.alt,
            },
            None if self.screen == ScreenKind::Question => {
                TermsFrom::Question(self.session.question)
            }
            _ => return,
        };
        let terms = Terms::new(from, &self.catalog, self.shown_rec());
        self.popups.push(Popup::Terms(terms));
    }

    /// The detail popup of an alternative (catalog indices), from any screen: it shows the
    /// alternative in the recommendation on screen.
    fn open_alternative(&mut self, pack: usize, alt: usize) {
        let Some(p) = self.catalog.packs.get(pack) else {
            return;
        };
        let Some(a) = p.alternatives.get(alt) else {
            return;
        };
        let rec = self.shown_rec();
        let Some(pi) = rec.packs.iter().position(|r| r.id == p.id) else {
            return;
        };
        let Some(ai) = rec.packs[pi].ranking.iter().position(|r| r.id == a.id) else {
            return;
        };
        self.popups.push(Popup::Detail(Detail::new(pi, ai)));
    }

    fn show_results(&mut self) {
        self.popups.clear();
        self.screen = Screen::Results;
        self.results
            .reset(&decided(&self.catalog, self.session.packs()));
    }

    fn go_to_question(&mut self, q: usize) {
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

    fn show_teams(&mut self, teams: &[super::msg::TeamAnswers], pack: Option<usize>) {
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

    fn open_whatif(&mut self, changes: &[(usize, usize)]) {
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
    fn restart(&mut self) {
        // A new session starts from the data's weights (a demo replays its steps from here).
        crate::weights::reset(&mut self.catalog);
        self.room.clear();
        self.session = Session::new(&self.catalog);
        self.results = ResultsState::new(&self.catalog);
        self.screen = Screen::Welcome;
        self.popups.clear();
    }

    fn resume_session(&mut self, answers: Answers, progress: Progress) {
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

    fn update_demo(&mut self, msg: &Msg) {
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

/// Rows a page scroll moves: the body height, less a line of context.
fn page(size: (u16, u16)) -> u16 {
    size.1.saturating_sub(6).max(1)
}

/// The session's standing, said in the header on every screen (the status line says it once).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SessionNote {
    /// The last autosave failed: the answers are only in this window.
    pub not_saved: bool,
    /// Another window has this session open; each saves to its own file.
    pub shared: bool,
}

/// The packs decided, in the order the results show them (`packs`: catalog indexes).
pub fn decided<'a>(catalog: &'a Catalog, packs: &[usize]) -> Vec<&'a Pack> {
    packs.iter().filter_map(|&p| catalog.packs.get(p)).collect()
}
