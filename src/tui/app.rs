//! The TUI's state and `update`, the only code that changes it. No terminal here: tests drive `update`
//! with messages and read the state back; `view` renders a borrowed `App`.

use crate::answers::Answers;
use crate::engine::{self, Recommendation, round1};
use crate::pack::Catalog;

use super::demo::DemoState;
use super::export::ExportDialog;
use super::glossary::TermsFrom;
use super::msg::{Effect, LaidOut, Msg, Outcome, Status};
use super::scroll::Scroll;
use super::theme::Theme;
use crate::session::Progress;

/// The smallest terminal the screens are designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// Content wider than this is centred: long lines are hard to read on a wide screen or a projector.
pub const MAX_WIDTH: u16 = 140;
/// Taller screens get the content centred at this height: panels stay close to what they show.
pub const MAX_HEIGHT: u16 = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Question,
    Results,
    WhatIf,
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
}

/// A popup over the current screen; Esc closes the top one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: Scroll,
    },
    /// An alternative of a pack of the shown recommendation, by its index in the ranking.
    Detail {
        pack: usize,
        alt: usize,
        scroll: Scroll,
    },
    /// A glossary entry (term index), with the related term chosen for Enter.
    Glossary {
        term: usize,
        scroll: Scroll,
        related: usize,
    },
    /// The glossary terms named in a question or an alternative (`g`).
    Terms {
        from: TermsFrom,
        cursor: usize,
    },
    /// The palette; its query lives in `App::palette`.
    Palette,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultsState {
    /// The pack tab.
    pub tab: usize,
    pub panel: Panel,
    /// Per pack: the selected alternative, as an index into its ranking.
    pub selected: Vec<usize>,
    /// The selected criterion of the comparison table.
    pub column: usize,
    /// Scroll offset of the Why and What-would-change panels.
    pub scroll: Scroll,
}

/// The what-if screen: a copy of the answers to play with, and its recommendation.
#[derive(Debug, Clone)]
pub struct WhatIf {
    pub answers: Answers,
    pub rec: Recommendation,
    /// The selected question.
    pub cursor: usize,
}

#[derive(Debug, Clone)]
pub struct App {
    pub catalog: Catalog,
    pub theme: Theme,
    pub screen: Screen,
    pub answers: Answers,
    /// The current question.
    pub question: usize,
    /// Per question: the highlighted choice.
    pub cursor: Vec<usize>,
    /// The recommendation for `answers`, shown by the results.
    pub rec: Recommendation,
    pub results: ResultsState,
    pub whatif: Option<WhatIf>,
    pub overlays: Vec<Overlay>,
    /// The terminal size in cells.
    pub size: (u16, u16),
    pub quit: bool,
    /// The export dialog, when open (it takes the keys).
    pub export: Option<ExportDialog>,
    /// Side effects asked for by `update`, performed by the terminal loop.
    pub effects: Vec<Effect>,
    /// A one-line message in the hint bar until the next key ("Wrote …", "Copied …").
    pub status: Option<Status>,
    /// Today's date for exports (`YYYY-MM-DD`); fixed in tests.
    pub today: String,
    /// An unfinished saved session, offered on the welcome screen.
    pub resume: Option<(Answers, Progress)>,
    /// The projector view: big text, more space, less detail (`--projector`, `p`).
    pub projector: bool,
    /// The theme to go back to when the projector view is turned off.
    pub theme_before_projector: Option<Theme>,
    /// The palette's query and highlighted item (shown while `Overlay::Palette` is open).
    pub palette: super::palette::PaletteState,
    /// The running demo script (`tradeoff demo`), if any.
    pub demo: Option<DemoState>,
    /// What the last frame laid out (scroll limits, where clicks land), fed back by the loop.
    pub layout: LaidOut,
}

/// One row of the live ranking beside a question.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveRow {
    pub name: String,
    /// The short name, for when the full one does not fit.
    pub short: String,
    /// Rounded like the JSON `score`.
    pub score: f64,
    /// Places gained (positive) or lost against the ranking without the previewed answer.
    pub moved: i32,
    /// Excluded before the preview, ranked with it.
    pub returned: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LivePack {
    pub name: String,
    /// Ranked alternatives, best first.
    pub rows: Vec<LiveRow>,
    /// Short names of the excluded alternatives (they share one line).
    pub excluded: Vec<String>,
    /// Short names of those excluded by the previewed answer only.
    pub newly_excluded: Vec<String>,
}

/// The ranking beside a question: with the highlighted choice applied when it is not the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    pub packs: Vec<LivePack>,
    /// The label of the previewed choice, when the ranking is a preview.
    pub preview: Option<String>,
}

impl App {
    pub fn new(catalog: Catalog, theme: Theme, size: (u16, u16)) -> App {
        let answers = Answers::empty(&catalog);
        let rec = engine::analyze(&catalog, &answers, &[]);
        let n_packs = catalog.packs.len();
        let cursor = vec![0; catalog.questions.len()];
        App {
            catalog,
            theme,
            screen: Screen::Welcome,
            answers,
            question: 0,
            cursor,
            rec,
            results: ResultsState {
                tab: 0,
                panel: Panel::Overview,
                selected: vec![0; n_packs],
                column: 0,
                scroll: Scroll::default(),
            },
            whatif: None,
            overlays: Vec::new(),
            size,
            quit: false,
            export: None,
            effects: Vec::new(),
            status: None,
            today: crate::dates::today(),
            resume: None,
            projector: false,
            theme_before_projector: None,
            palette: Default::default(),
            demo: None,
            layout: LaidOut::default(),
        }
    }

    /// Where the user is, for the saved session.
    pub fn progress(&self) -> Progress {
        match self.screen {
            Screen::Welcome => Progress {
                position: 0,
                finished: false,
            },
            Screen::Question => Progress {
                position: self.question,
                finished: false,
            },
            Screen::Results | Screen::WhatIf => Progress {
                position: self.catalog.questions.len(),
                finished: true,
            },
        }
    }

    /// Continues a saved session: its answers, at the question it was on (or the results).
    pub fn resumed(mut self, answers: Answers, progress: Progress) -> App {
        self.resume_session(answers, progress);
        self
    }

    fn resume_session(&mut self, answers: Answers, progress: Progress) {
        for (c, a) in self.cursor.iter_mut().zip(&answers.choices) {
            *c = a.unwrap_or(0);
        }
        self.answers = answers;
        self.resume = None;
        if progress.finished || self.catalog.questions.is_empty() {
            self.show_results();
        } else {
            self.rec = engine::analyze(&self.catalog, &self.answers, &[]);
            self.question = progress.position.min(self.catalog.questions.len() - 1);
            self.screen = Screen::Question;
        }
    }

    /// The recommendation an export or a copy writes: what the screen shows.
    pub fn export_rec(&self) -> Recommendation {
        match self.screen {
            Screen::Results | Screen::WhatIf => self.shown_rec().clone(),
            _ => engine::analyze(&self.catalog, &self.answers, &[]),
        }
    }

    /// What an effect came to: the export dialog takes the answers about its file; everything else
    /// (and a written file, which closes the dialog) is said in the status line.
    fn done(&mut self, outcome: Outcome) {
        match (&mut self.export, &outcome) {
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
            (_, Outcome::Written(_)) => self.export = None,
            _ => {}
        }
        self.status = outcome.status();
    }

    fn queue_write(&mut self, overwrite: bool) {
        let rec = self.export_rec();
        let Some(d) = &mut self.export else { return };
        let raw = d.path.trim();
        let path = match (raw.strip_prefix("~/"), std::env::var_os("HOME")) {
            (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
            _ => std::path::PathBuf::from(raw),
        };
        d.writing = true;
        d.confirm_overwrite = false;
        d.error = None;
        let contents = d.format.render(&rec, &self.today);
        self.effects.push(Effect::Write {
            path,
            contents,
            overwrite,
        });
    }

    fn update_export(&mut self, msg: Msg) {
        let Some(d) = &mut self.export else { return };
        if d.writing {
            return;
        }
        if d.confirm_overwrite {
            match msg {
                Msg::Char('y' | 'Y') => self.queue_write(true),
                Msg::Char('n' | 'N') | Msg::Back => d.confirm_overwrite = false,
                _ => {}
            }
            return;
        }
        match msg {
            Msg::Back => self.export = None,
            Msg::NextTab | Msg::PrevTab => d.cycle_format(),
            Msg::Char(c) => {
                d.path.push(c);
                d.error = None;
            }
            Msg::Backspace => {
                d.path.pop();
                d.error = None;
            }
            Msg::ClearField => {
                d.path.clear();
                d.error = None;
            }
            Msg::Enter if d.path.trim().is_empty() => {
                d.error = Some("Type a file name, e.g. summary.md".into());
            }
            Msg::Enter => self.queue_write(false),
            _ => {}
        }
    }

    /// Starts from existing answers (the highlight follows them).
    pub fn with_answers(mut self, answers: Answers) -> App {
        for (c, a) in self.cursor.iter_mut().zip(&answers.choices) {
            *c = a.unwrap_or(0);
        }
        self.answers = answers;
        self.rec = engine::analyze(&self.catalog, &self.answers, &[]);
        self
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The recommendation the results and what-if screens show for the current tab.
    pub fn shown_rec(&self) -> &Recommendation {
        match (&self.whatif, self.screen) {
            (Some(w), Screen::WhatIf) => &w.rec,
            _ => &self.rec,
        }
    }

    pub fn selected(&self) -> usize {
        self.results
            .selected
            .get(self.results.tab)
            .copied()
            .unwrap_or(0)
    }

    /// Applies one message; returns a follow-up message for the caller to apply next.
    pub fn update(&mut self, msg: Msg) -> Option<Msg> {
        if msg.clears_status() {
            self.status = None;
        }
        match msg {
            Msg::Done(outcome) => {
                self.done(outcome);
                return None;
            }
            Msg::Laid(layout) => {
                self.laid(layout);
                return None;
            }
            _ => {}
        }
        if self.export.is_some() && !matches!(msg, Msg::Quit | Msg::Resize(..)) {
            self.update_export(msg);
            return None;
        }
        if let Some(done) = self.update_demo(&msg) {
            return done;
        }
        if matches!(self.overlays.last(), Some(Overlay::Palette))
            && !matches!(msg, Msg::Quit | Msg::Resize(..))
        {
            return self.update_palette(msg);
        }
        match msg {
            Msg::Export if self.overlays.is_empty() && self.screen != Screen::Welcome => {
                self.export = Some(ExportDialog::new(&self.today));
                return None;
            }
            Msg::Copy if self.overlays.is_empty() && self.screen != Screen::Welcome => {
                let md = crate::report::markdown::render(&self.export_rec(), &self.today);
                self.effects.push(Effect::Clipboard(md));
                return None;
            }
            Msg::Quit => {
                self.quit = true;
                return None;
            }
            Msg::Palette => {
                self.open_palette();
                return None;
            }
            Msg::Projector => {
                self.set_projector(!self.projector);
                return None;
            }
            Msg::Theme(name) => {
                self.set_theme(name);
                return None;
            }
            Msg::Restart => {
                self.fresh_session();
                return None;
            }
            Msg::Terms => {
                self.open_terms();
                return None;
            }
            Msg::Resize(w, h) => {
                self.size = (w, h);
                self.forget_scroll_limits();
                return None;
            }
            Msg::Help => {
                if matches!(self.overlays.last(), Some(Overlay::Help { .. })) {
                    self.overlays.pop();
                } else {
                    self.overlays.push(Overlay::Help {
                        scroll: Scroll::default(),
                    });
                }
                return None;
            }
            Msg::ShowResults => {
                self.show_results();
                return None;
            }
            _ => {}
        }
        if !self.overlays.is_empty() {
            self.update_overlay(msg);
            return None;
        }
        match self.screen {
            Screen::Welcome => self.update_welcome(msg),
            Screen::Question => self.update_question(msg),
            Screen::Results => self.update_results(msg),
            Screen::WhatIf => self.update_whatif(msg),
        }
    }

    fn update_overlay(&mut self, msg: Msg) {
        let page = self.page();
        match self.overlays.last() {
            Some(Overlay::Glossary { .. }) => return self.update_glossary(msg, page),
            Some(Overlay::Terms { .. }) => return self.update_terms(msg),
            _ => {}
        }
        let Some(top) = self.overlays.last_mut() else {
            return;
        };
        let scroll = match top {
            Overlay::Help { scroll } | Overlay::Detail { scroll, .. } => scroll,
            _ => return,
        };
        match msg {
            Msg::Back | Msg::Enter => {
                self.overlays.pop();
            }
            m => scroll.apply(&m, page),
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
            Msg::Enter | Msg::NextQuestion | Msg::Right => {
                // Starting again: the offered session is replaced by the first answer.
                self.resume = None;
                if self.catalog.questions.is_empty() {
                    return Some(Msg::ShowResults);
                }
                self.question = 0;
                self.screen = Screen::Question;
                None
            }
            Msg::Finish => Some(Msg::ShowResults),
            _ => None,
        }
    }

    fn n_choices(&self) -> usize {
        self.catalog
            .questions
            .get(self.question)
            .map_or(0, |q| q.choices.len())
    }

    /// On to the next question, or to the results after the last one.
    fn advance(&mut self) -> Option<Msg> {
        if self.question + 1 < self.catalog.questions.len() {
            self.question += 1;
            None
        } else {
            Some(Msg::ShowResults)
        }
    }

    fn update_question(&mut self, msg: Msg) -> Option<Msg> {
        let q = self.question;
        let n = self.n_choices();
        if q >= self.catalog.questions.len() {
            return Some(Msg::ShowResults);
        }
        match msg {
            Msg::Up => self.cursor[q] = self.cursor[q].saturating_sub(1),
            Msg::Down => self.cursor[q] = (self.cursor[q] + 1).min(n.saturating_sub(1)),
            Msg::Home => self.cursor[q] = 0,
            Msg::End => self.cursor[q] = n.saturating_sub(1),
            Msg::Click(i) if i < n && self.cursor[q] != i => self.cursor[q] = i,
            Msg::Click(i) if i < n => {
                self.answers.choices[q] = Some(i);
                return self.advance();
            }
            Msg::Enter if n > 0 => {
                self.answers.choices[q] = Some(self.cursor[q]);
                return self.advance();
            }
            Msg::Pick(i) if i < n => {
                self.cursor[q] = i;
                self.answers.choices[q] = Some(i);
                return self.advance();
            }
            Msg::NextQuestion | Msg::Right => return self.advance(),
            Msg::Skip => {
                self.answers.choices[q] = None;
                return self.advance();
            }
            Msg::PrevQuestion | Msg::Back | Msg::Left => {
                if q == 0 {
                    self.screen = Screen::Welcome;
                } else {
                    self.question -= 1;
                }
            }
            Msg::Finish => return Some(Msg::ShowResults),
            _ => {}
        }
        None
    }

    fn show_results(&mut self) {
        self.rec = engine::analyze(&self.catalog, &self.answers, &[]);
        self.screen = Screen::Results;
        self.whatif = None;
        self.results.selected = vec![0; self.rec.packs.len()];
        self.results.tab = self.results.tab.min(self.rec.packs.len().saturating_sub(1));
        self.results.scroll = Scroll::default();
    }

    fn n_alternatives(&self) -> usize {
        self.rec
            .packs
            .get(self.results.tab)
            .map_or(0, |p| p.ranking.len())
    }

    fn n_criteria(&self) -> usize {
        self.rec
            .packs
            .get(self.results.tab)
            .and_then(|p| p.ranking.first())
            .map_or(0, |a| a.contributions.len())
    }

    /// Rows a page scroll moves: the body height, less a line of context.
    fn page(&self) -> u16 {
        self.size.1.saturating_sub(6).max(1)
    }

    fn switch_tab(&mut self, forward: bool) {
        let n = self.rec.packs.len();
        if n == 0 {
            return;
        }
        self.results.tab = if forward {
            (self.results.tab + 1) % n
        } else {
            (self.results.tab + n - 1) % n
        };
        self.results.scroll = Scroll::default();
        self.results.column = self.results.column.min(self.n_criteria().saturating_sub(1));
    }

    fn set_panel(&mut self, panel: Panel) {
        if self.results.panel != panel {
            self.results.panel = panel;
            self.results.scroll = Scroll::default();
        }
    }

    fn update_results(&mut self, msg: Msg) -> Option<Msg> {
        let panel = self.results.panel;
        let selects = matches!(panel, Panel::Overview | Panel::Compare);
        let n_alts = self.n_alternatives();
        let tab = self.results.tab;
        match msg {
            Msg::NextTab => self.switch_tab(true),
            Msg::PrevTab => self.switch_tab(false),
            Msg::Pick(i) if i < Panel::ALL.len() => self.set_panel(Panel::ALL[i]),
            Msg::Left if panel == Panel::Compare && self.results.column > 0 => {
                self.results.column -= 1
            }
            Msg::Right if panel == Panel::Compare => {
                self.results.column =
                    (self.results.column + 1).min(self.n_criteria().saturating_sub(1))
            }
            Msg::Left if panel.index() > 0 => self.set_panel(Panel::ALL[panel.index() - 1]),
            Msg::Right if panel.index() + 1 < Panel::ALL.len() => {
                self.set_panel(Panel::ALL[panel.index() + 1])
            }
            Msg::Up | Msg::Down | Msg::Home | Msg::End | Msg::PageUp | Msg::PageDown if selects => {
                if let Some(sel) = self.results.selected.get_mut(tab) {
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
                let page = self.page();
                self.results.scroll.apply(&msg, page);
            }
            Msg::Enter if n_alts > 0 => self.overlays.push(Overlay::Detail {
                pack: tab,
                alt: self.selected().min(n_alts - 1),
                scroll: Scroll::default(),
            }),
            Msg::WhatIf => {
                self.whatif = Some(WhatIf {
                    answers: self.answers.clone(),
                    rec: self.rec.clone(),
                    cursor: 0,
                });
                self.screen = Screen::WhatIf;
            }
            Msg::Back => {
                if self.catalog.questions.is_empty() {
                    self.screen = Screen::Welcome;
                } else {
                    self.question = self.question.min(self.catalog.questions.len() - 1);
                    self.screen = Screen::Question;
                }
            }
            _ => {}
        }
        None
    }

    fn update_whatif(&mut self, msg: Msg) -> Option<Msg> {
        let n_q = self.catalog.questions.len();
        match msg {
            Msg::Back => {
                self.whatif = None;
                self.screen = Screen::Results;
                return None;
            }
            Msg::NextTab => self.switch_tab(true),
            Msg::PrevTab => self.switch_tab(false),
            _ => {}
        }
        let Some(w) = self.whatif.as_mut() else {
            self.screen = Screen::Results;
            return None;
        };
        match msg {
            Msg::Up => w.cursor = w.cursor.saturating_sub(1),
            Msg::Down => w.cursor = (w.cursor + 1).min(n_q.saturating_sub(1)),
            Msg::Home => w.cursor = 0,
            Msg::End => w.cursor = n_q.saturating_sub(1),
            Msg::Left | Msg::Right if w.cursor < n_q => {
                // Cycle through "skipped" and every choice.
                let n = self.catalog.questions[w.cursor].choices.len();
                let pos = w.answers.choices[w.cursor].map_or(0, |c| c + 1);
                let next = if msg == Msg::Right {
                    (pos + 1) % (n + 1)
                } else {
                    (pos + n) % (n + 1)
                };
                w.answers.choices[w.cursor] = next.checked_sub(1);
                w.rec = engine::analyze(&self.catalog, &w.answers, &[]);
            }
            Msg::ResetWhatIf => {
                w.answers = self.answers.clone();
                w.rec = self.rec.clone();
            }
            _ => {}
        }
        None
    }

    /// The scroll positions the view will clamp: the top popup's, else the results panel's.
    fn top_scroll(&mut self) -> Option<&mut Scroll> {
        match self.overlays.last_mut() {
            Some(
                Overlay::Help { scroll }
                | Overlay::Detail { scroll, .. }
                | Overlay::Glossary { scroll, .. },
            ) => Some(scroll),
            Some(_) => None,
            None if self.screen == Screen::Results => Some(&mut self.results.scroll),
            None => None,
        }
    }

    /// The frame just drawn: its scroll limit belongs to the text on top, which is what was drawn
    /// (nothing changes between the frame and this report); clicks land where it put things.
    fn laid(&mut self, layout: LaidOut) {
        if let (Some(limit), Some(scroll)) = (layout.scroll_limit, self.top_scroll()) {
            scroll.set_limit(limit);
        }
        self.layout = layout;
    }

    /// The layout changes (a resize, the projector view): every limit waits for the next frame.
    fn forget_scroll_limits(&mut self) {
        self.results.scroll.forget_limit();
        for o in &mut self.overlays {
            if let Overlay::Help { scroll }
            | Overlay::Detail { scroll, .. }
            | Overlay::Glossary { scroll, .. } = o
            {
                scroll.forget_limit();
            }
        }
    }

    /// The live ranking beside the current question.
    pub fn live(&self) -> Live {
        let q = self.question;
        let mut preview_choices = self.answers.choices.clone();
        let mut preview = None;
        if self.screen == Screen::Question
            && let (Some(question), Some(&c)) = (self.catalog.questions.get(q), self.cursor.get(q))
            && self.answers.choices[q] != Some(c)
            && c < question.choices.len()
        {
            preview_choices[q] = Some(c);
            preview = Some(question.choices[c].label.clone());
        }
        let packs = self
            .catalog
            .packs
            .iter()
            .map(|pack| {
                // In a demo, the arrows show what the step moved; else what the preview would.
                let base = match &self.demo {
                    Some(d) if preview.is_none() => engine::evaluate(pack, &d.before),
                    _ => engine::evaluate(pack, &self.answers.choices),
                };
                let now = if preview.is_some() || self.demo.is_some() {
                    engine::evaluate(pack, &preview_choices)
                } else {
                    base.clone()
                };
                let base_rank = base.ranking();
                let rows = now
                    .ranking()
                    .iter()
                    .enumerate()
                    .map(|(pos, &a)| {
                        let was = base_rank.iter().position(|&b| b == a);
                        let alt = &pack.alternatives[a];
                        LiveRow {
                            // ⚠: a status such as "closed to new customers" (the detail says which).
                            name: match alt.status {
                                Some(_) => format!("{} ⚠", alt.name),
                                None => alt.name.clone(),
                            },
                            short: match alt.status {
                                Some(_) => format!("{} ⚠", alt.short),
                                None => alt.short.clone(),
                            },
                            score: round1(now.scores[a]),
                            moved: was.map_or(0, |w| w as i32 - pos as i32),
                            returned: was.is_none(),
                        }
                    })
                    .collect();
                let names = |ev: &engine::Evaluation, only_new: bool| {
                    (0..pack.alternatives.len())
                        .filter(|&a| ev.excluded[a] && !(only_new && base.excluded[a]))
                        .map(|a| pack.alternatives[a].short.clone())
                        .collect::<Vec<_>>()
                };
                LivePack {
                    name: pack.name.clone(),
                    rows,
                    excluded: names(&now, false),
                    newly_excluded: names(&now, true),
                }
            })
            .collect();
        Live { packs, preview }
    }
}

impl App {
    /// Turns the projector view on (with the projector theme, unless the theme has no colour) or off
    /// (back to the theme before).
    pub fn set_projector(&mut self, on: bool) {
        if on == self.projector {
            return;
        }
        self.projector = on;
        // A theme without colour (mono, or NO_COLOR) stays: it already has the terminal's own
        // contrast, and colour was not wanted.
        if on && !self.theme.is_monochrome() {
            if let Some(t) = Theme::builtin("projector") {
                self.theme_before_projector = Some(std::mem::replace(&mut self.theme, t));
            }
        } else if let Some(t) = self.theme_before_projector.take() {
            self.theme = t;
        }
        self.forget_scroll_limits();
    }

    /// Switches to a built-in theme; the projector view keeps its layout with it.
    pub fn set_theme(&mut self, name: &str) {
        if let Some(t) = Theme::builtin(name) {
            self.theme = t;
            self.theme_before_projector = None;
        }
    }
}
