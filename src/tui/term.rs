//! The event loop, shared by the TUI and the team comparison ([`Program`]), on a terminal that
//! `tty` keeps in raw mode on the alternate screen and always restores (on an error, a panic, a
//! signal; Ctrl-Z and `fg`). After a `fg` the loop redraws everything. The loop blocks on the next
//! event: nothing runs while idle.

use std::cell::RefCell;
use std::io;
use std::rc::Rc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crossterm::event;
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::Options;
use super::app::App;
use super::bounded::{self, Bounded};
use super::clipboard::Multiplexer;
use super::demo::DemoState;
use super::effects;
use super::keys;
use super::msg::{Effect, LaidOut, Msg, Outcome};
use super::record::{Output, Recorder, Shared, record_size};
pub(crate) use super::tty::TerminalGuard;
pub use super::tty::restore;
use super::tty::{CONTINUED, DRAWING, suspend, suspend_requested};
use super::view;
use crate::answers::Answers;
use crate::autosave::{Live, Progress};
use crate::pack::Catalog;

/// Shows a loading screen while `work` runs on another thread: for data that takes a while to
/// parse, the first frame comes at once rather than after it. Esc, `q` or Ctrl-C give up (`None`;
/// the work is abandoned with the process). The terminal is restored before this returns.
pub fn while_loading<T: Send + 'static>(
    message: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> io::Result<Option<T>> {
    let _guard = TerminalGuard::start(false)?;
    let mut terminal = Terminal::new(Bounded(CrosstermBackend::new(io::stdout())))?;
    let draw = |terminal: &mut Terminal<Bounded<CrosstermBackend<io::Stdout>>>| {
        let _frame = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
        terminal
            .draw(|f| view::loading(f.area(), f.buffer_mut(), message))
            .map(drop)
    };
    draw(&mut terminal)?;
    let handle = std::thread::spawn(work);
    let gave_up = wait_for(&handle, &mut terminal, draw);
    // Left blank: not every terminal clears the alternate screen when it is entered again, and the
    // TUI's first frame draws only what differs from a blank screen.
    crossterm::execute!(
        io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    if gave_up? {
        return Ok(None);
    }
    match handle.join() {
        Ok(value) => Ok(Some(value)),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Waits for the loading thread, redrawing on resizes: `true` when the user gave up.
fn wait_for<T>(
    handle: &std::thread::JoinHandle<T>,
    terminal: &mut Terminal<Bounded<CrosstermBackend<io::Stdout>>>,
    draw: impl Fn(&mut Terminal<Bounded<CrosstermBackend<io::Stdout>>>) -> io::Result<()>,
) -> io::Result<bool> {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
    while !handle.is_finished() {
        if !event::poll(Duration::from_millis(40))? {
            continue;
        }
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let ctrl_c =
                    k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                if ctrl_c || matches!(k.code, KeyCode::Esc | KeyCode::Char('q')) {
                    return Ok(true);
                }
            }
            Event::Resize(..) => {
                terminal.autoresize()?;
                draw(terminal)?;
            }
            _ => {}
        }
    }
    Ok(false)
}

/// What the loop runs: the TUI ([`App`]) or the team comparison (`compare_screen`). Each maps
/// terminal events to messages with the one key table, updates itself, and draws a frame that
/// reports what it laid out.
pub trait Program {
    /// The message a terminal event sends now (see `keys::map_event`).
    fn message(&self, ev: &event::Event) -> Option<Msg>;
    /// The program's `update`: applies one message, returns a follow-up.
    fn update(&mut self, msg: Msg) -> Option<Msg>;
    /// Draws a frame; returns what it laid out.
    fn view(&self, area: Rect, buf: &mut Buffer) -> LaidOut;
    /// The terminal size the program last heard of.
    fn size(&self) -> (u16, u16);
    fn quitting(&self) -> bool;
    /// What `update` asked to have done outside the state, taken from its queue.
    fn take_effects(&mut self) -> Vec<Effect> {
        Vec::new()
    }
    /// While something advances by itself (a demo step): which step, and how long it stays.
    fn due(&self) -> Option<(Option<usize>, Duration)> {
        None
    }
    /// What the autosave keeps: the data, the answers, where the user is, and the weights and the
    /// poll the room set.
    fn session(&self) -> Option<(&Catalog, &Answers, Progress, Live)> {
        None
    }
    /// The terminal takes OSC 8 hyperlinks (see [`hyperlinks_wanted`]).
    fn hyperlinks(&mut self, _on: bool) {}
    /// The title of a recording of it.
    fn title(&self) -> String {
        "tradeoff".to_string()
    }
    /// Where a running demo is, for its notes window; `None`: no demo runs.
    fn cue(&self) -> Option<crate::cue::Cue> {
        None
    }
}

/// Whether links should be OSC 8 hyperlinks on this terminal: not under `NO_COLOR` (which asks
/// for plain output), nor on the Linux console or a dumb terminal, which would print the sequence.
/// Terminals that do not know OSC 8 ignore it; those that do make the URL clickable.
pub fn hyperlinks_wanted() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let term = std::env::var("TERM").unwrap_or_default();
    !no_color && !matches!(term.as_str(), "" | "dumb" | "linux")
}

impl Program for App {
    fn message(&self, ev: &event::Event) -> Option<Msg> {
        keys::map_event(keys::context(self), ev, &self.layout)
    }

    fn update(&mut self, msg: Msg) -> Option<Msg> {
        App::update(self, msg)
    }

    fn view(&self, area: Rect, buf: &mut Buffer) -> LaidOut {
        view::render(self, area, buf)
    }

    fn size(&self) -> (u16, u16) {
        self.size
    }

    fn quitting(&self) -> bool {
        self.quit
    }

    fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    fn due(&self) -> Option<(Option<usize>, Duration)> {
        self.auto_advance().map(|d| (self.demo_step(), d))
    }

    fn session(&self) -> Option<(&Catalog, &Answers, Progress, Live)> {
        let live = Live::of(&self.catalog, &self.room.poll);
        Some((&self.catalog, self.session.answers(), self.progress(), live))
    }

    fn hyperlinks(&mut self, on: bool) {
        self.look.hyperlinks = on;
    }

    fn cue(&self) -> Option<crate::cue::Cue> {
        self.demo.as_ref().map(DemoState::cue)
    }

    fn title(&self) -> String {
        match (&self.demo, self.teams()) {
            (Some(d), _) => format!("tradeoff demo: {}", d.script.title),
            (None, Some(t)) => format!("tradeoff: comparing {}", t.cmp.teams.join(", ")),
            (None, None) => "tradeoff".to_string(),
        }
    }
}

/// Draws a frame and feeds what it laid out back through `update` (television's render task sends
/// its `UiState` back the same way): the next key acts on what is on screen.
pub fn draw<B: Backend, P: Program>(terminal: &mut Terminal<B>, p: &mut P) -> Result<(), B::Error> {
    let mut laid = LaidOut::default();
    terminal.draw(|f| laid = p.view(f.area(), f.buffer_mut()))?;
    apply(p, Msg::Laid(laid));
    Ok(())
}

/// [`draw`] on the real terminal, holding the frame lock so that a signal never restores the
/// terminal in the middle of a frame.
fn draw_locked<P: Program>(
    terminal: &mut Terminal<Bounded<CrosstermBackend<Output>>>,
    p: &mut P,
) -> io::Result<()> {
    let _frame = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
    if CONTINUED.swap(false, Ordering::SeqCst) {
        // Back from a stop: the screen is not what ratatui last drew.
        terminal.clear()?;
    }
    draw(terminal, p)
}

/// Runs a program until it quits. The terminal is restored however this returns.
///
/// One turn: block until an event (or, only while a demo advances by itself, until its step is
/// due); map it to a message; `update` with it and its follow-ups; take whatever else is queued;
/// perform the effects and the autosave, each outcome back through `update`; draw once; feed the
/// layout back. Nothing runs while idle.
pub fn run<P: Program>(mut p: P, options: &Options) -> io::Result<()> {
    let recorder: Shared = Rc::new(RefCell::new(match &options.record {
        Some(path) => Some(start_recording(path, p.title())?),
        None => None,
    }));
    let _terminal_guard = TerminalGuard::start(options.mouse)?;
    let output = Output::new(Rc::clone(&recorder));
    let mut terminal = Terminal::new(Bounded(CrosstermBackend::new(output)))?;
    let size = terminal.size()?;
    p.update(Msg::Resize(size.width, size.height));
    p.hyperlinks(hyperlinks_wanted());
    let mut saver = Saver::new(options.session.as_deref(), &p);
    if let Some(guest) = saver.guest() {
        apply(&mut p, Msg::Done(guest));
    }
    let mux = Multiplexer::from_env();
    let mut cue = options.cue.clone().map(crate::cue::Writer::new);
    publish_cue(&mut cue, &mut p, false);
    draw_locked(&mut terminal, &mut p)?;
    let mut timer = StepTimer::default();
    loop {
        let mut changed = match timer.timeout(p.due()) {
            Some(t) if !event::poll(t)? => apply(&mut p, Msg::DemoTick),
            _ => {
                let ev = event::read()?;
                sync_size(&mut p) | handle_event(&mut p, &ev)
            }
        };
        // Apply whatever else is already queued (a paste, a burst of resizes) before drawing once.
        while !p.quitting() && event::poll(Duration::ZERO)? {
            changed |= handle_event(&mut p, &event::read()?);
        }
        // Effects and the autosave come before the frame: whatever is on screen is already saved.
        perform_effects(&mut p, mux);
        for outcome in saver.save_if_changed(&p) {
            changed = true;
            apply(&mut p, Msg::Done(outcome));
        }
        let quitting = p.quitting();
        changed |= publish_cue(&mut cue, &mut p, quitting);
        if p.quitting() {
            return Ok(());
        }
        if changed || CONTINUED.load(Ordering::SeqCst) {
            record_size(&recorder, p.size());
            draw_locked(&mut terminal, &mut p)?;
        }
    }
}

/// A recording of the session, at the terminal's size now.
fn start_recording(path: &std::path::Path, title: String) -> io::Result<Recorder> {
    let size = crossterm::terminal::size()?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Recorder::create(path, size, now, &title).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot write the recording {}: {e}", path.display()),
        )
    })
}

/// The demo's auto-advance clock: when the step shown is due to move on. It restarts whenever the
/// step changes (the presenter stepped) or auto-advance is resumed.
#[derive(Debug, Default)]
struct StepTimer {
    step: Option<usize>,
    deadline: Option<Instant>,
}

impl StepTimer {
    /// How long to wait for an event before the next step is due; `None`: wait for an event.
    fn timeout(&mut self, due: Option<(Option<usize>, Duration)>) -> Option<Duration> {
        let Some((step, delay)) = due else {
            self.deadline = None;
            return None;
        };
        let now = Instant::now();
        let deadline = match self.deadline {
            Some(d) if self.step == step => d,
            _ => now + delay,
        };
        self.step = step;
        self.deadline = Some(deadline);
        Some(deadline.saturating_duration_since(now))
    }
}

/// Tells the notes window where the demo is (`quitting`: that it ended); a failure to write the
/// cue is said once in the status line, and the demo goes on.
fn publish_cue<P: Program>(
    writer: &mut Option<crate::cue::Writer>,
    p: &mut P,
    quitting: bool,
) -> bool {
    let Some(w) = writer else { return false };
    let cue = if quitting { None } else { p.cue() };
    match w.publish(cue) {
        Some(e) => apply(p, Msg::Done(Outcome::NotesFailed(e))),
        None => false,
    }
}

/// Performs what `update` asked for (files, clipboard); each outcome goes back through `update`.
fn perform_effects<P: Program>(p: &mut P, mux: Option<Multiplexer>) {
    for effect in p.take_effects() {
        // The clipboard sequence goes to the terminal: never in the middle of a frame.
        let _frame = matches!(effect, Effect::Clipboard(_))
            .then(|| DRAWING.lock().unwrap_or_else(|e| e.into_inner()));
        let outcome = effects::perform(effect, &mut io::stdout(), mux);
        drop(_frame);
        apply(p, Msg::Done(outcome));
    }
}

/// Saves the session whenever the answers, the position, the weights or the poll change, to the
/// file this window holds:
/// the session file, or a file of its own when another window already has that one
/// ([`crate::autosave::Claim`]), so two windows never overwrite each other's answers.
struct Saver {
    claim: Option<crate::autosave::Claim>,
    last: Option<(Answers, Progress, Live)>,
    failed: bool,
}

impl Saver {
    fn new<P: Program>(session: Option<&std::path::Path>, p: &P) -> Saver {
        Saver {
            claim: session.map(crate::autosave::Claim::new),
            last: p.session().map(|(_, a, pr, live)| (a.clone(), pr, live)),
            failed: false,
        }
    }

    /// When another window had the session first: where this one saves instead.
    fn guest(&self) -> Option<Outcome> {
        let claim = self.claim.as_ref()?;
        claim.owner.map(|owner| Outcome::Guest {
            owner,
            path: claim.path.clone(),
        })
    }

    /// Saves when something changed. A failure is reported once, and so is the first save that
    /// works after it; another window that opened the session since is reported once too.
    fn save_if_changed<P: Program>(&mut self, p: &P) -> Vec<Outcome> {
        let mut out = Vec::new();
        let Some(claim) = self.claim.as_mut() else {
            return out;
        };
        let Some((catalog, answers, progress, live)) = p.session() else {
            return out;
        };
        if self
            .last
            .as_ref()
            .is_some_and(|(a, p, l)| a == answers && *p == progress && *l == live)
        {
            return out;
        }
        let guests = claim.new_guests();
        if !guests.is_empty() {
            out.push(Outcome::Guests {
                own: claim.path.clone(),
                guests,
            });
        }
        match crate::autosave::save(&claim.path, catalog, answers, progress, &live) {
            Ok(()) => {
                self.last = Some((answers.clone(), progress, live));
                if std::mem::take(&mut self.failed) {
                    out.push(Outcome::Saved(claim.path.clone()));
                }
            }
            Err(e) if !self.failed => {
                self.failed = true;
                out.push(Outcome::SaveFailed {
                    path: claim.path.clone(),
                    error: e.to_string(),
                });
            }
            Err(_) => {}
        }
        out
    }
}

/// Catches up with the terminal's size before an event is handled. crossterm's default event source
/// can drop a resize that arrives together with a key (see the PTY test
/// `keys_and_resizes_at_the_same_moment`); without this the program would go on deciding with the
/// old size, e.g. ignoring keys as if the terminal were still too small.
fn sync_size<P: Program>(p: &mut P) -> bool {
    match crossterm::terminal::size().map(|(w, h)| bounded::clamp(w, h)) {
        Ok((w, h)) if (w, h) != p.size() => {
            apply(p, Msg::Resize(w, h));
            true
        }
        _ => false,
    }
}

/// Applies one terminal event: maps it to a message and runs `update` until no follow-up is left.
/// True when it may have changed the screen.
pub fn handle_event<P: Program>(p: &mut P, ev: &event::Event) -> bool {
    if suspend_requested(ev) {
        suspend();
        return true;
    }
    // A size beyond what can be laid out is laid out at the bound (see `bounded`).
    let clamped;
    let ev = match ev {
        event::Event::Resize(w, h) => {
            let (w, h) = bounded::clamp(*w, *h);
            clamped = event::Event::Resize(w, h);
            &clamped
        }
        ev => ev,
    };
    let Some(msg) = p.message(ev) else {
        return false;
    };
    // A way for the PTY tests to prove that a panic restores the terminal (debug builds only).
    #[cfg(debug_assertions)]
    if msg == Msg::Help && std::env::var_os("TRADEOFF_TEST_PANIC_ON_HELP").is_some() {
        panic!("panic requested by TRADEOFF_TEST_PANIC_ON_HELP");
    }
    apply(p, msg)
}

/// Runs `update` with `msg` and its follow-ups until none is left. True: the screen may have changed.
pub fn apply<P: Program>(p: &mut P, msg: Msg) -> bool {
    let mut next = Some(msg);
    while let Some(m) = next {
        next = p.update(m);
    }
    true
}
