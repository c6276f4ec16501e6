//! The TUI's state and `update`, the only code that changes it. `App` is composed of its parts — the
//! session (answers, highlights, recommendation), the look (theme, projector view), the popups, the
//! screen with its own small state, the demo — and a message goes one way down to the part it
//! concerns. No terminal here: tests drive `update` with messages and read the state back; `view`
//! draws a borrowed `App`; the loop performs the [`Effect`]s it asks for and reports back.
//!
//! Here: the state, how it starts, what it answers, and `update` down to the focus. Each screen's
//! own update is in `screen_update`, a running demo's in `demo_play`, the room's weights and poll
//! in `live`: more `impl App`, beside this one.

use crate::answers::Answers;
use crate::autosave::Progress;
use crate::demo::Script;
use crate::engine::Recommendation;
use crate::pack::{Catalog, Pack};

use super::demo::DemoState;
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
    pub(super) fn apply(&mut self, msg: Msg) {
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
    pub(super) fn top_scroll(&mut self) -> Option<&mut Scroll> {
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
    pub(super) fn can_scroll(&mut self, up: bool) -> bool {
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
}

/// Rows a page scroll moves: the body height, less a line of context.
pub(super) fn page(size: (u16, u16)) -> u16 {
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
