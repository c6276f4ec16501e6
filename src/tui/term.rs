//! The terminal session and the event loop.
//!
//! The terminal is restored (raw mode off, alternate screen left, cursor shown, mouse released) on a
//! normal exit, on an error (the session guard's `Drop`), on a panic (a hook that runs before the
//! default one prints) and, on Unix, on SIGTERM, SIGHUP, SIGINT and SIGQUIT (a thread that waits for
//! the signal, restores and exits). The loop blocks on the next event: nothing runs while idle.

use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};

use super::Options;
use super::app::App;
use super::clipboard::Multiplexer;
use super::effects;
use super::keys;
use super::msg::{Effect, LaidOut, Msg, Outcome};

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Held while a frame is written, so a signal never restores the terminal in the middle of one.
static DRAWING: Mutex<()> = Mutex::new(());

/// Puts the terminal back as it was. Safe to call more than once, from any thread, and from the
/// panic hook (it takes no lock).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    // Raw mode first: it matters most if writing to the terminal fails (a hung-up terminal).
    let _ = disable_raw_mode();
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
    let _ = out.flush();
}

/// Restores the terminal when dropped: on every return path of `run`, and while unwinding a panic.
pub(crate) struct Session;

impl Session {
    pub(crate) fn start(mouse: bool) -> io::Result<Session> {
        install_panic_hook();
        #[cfg(unix)]
        watch_signals()?;
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let session = Session;
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            execute!(out, EnableMouseCapture)?;
        }
        Ok(session)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Leave the alternate screen first, so the message lands on the normal screen.
            restore();
            previous(info);
        }));
    });
}

/// A thread that sleeps until a termination signal, then restores the terminal and exits with
/// 128 + the signal number, as a shell would report it.
#[cfg(unix)]
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    use signal_hook::iterator::Signals;
    static ONCE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        result = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).map(|mut signals| {
            std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    // Wait for a frame in progress; never released, since the process ends here.
                    let guard = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
                    restore();
                    std::mem::forget(guard);
                    std::process::exit(128 + sig);
                }
            });
        });
    });
    result
}

/// Draws a frame of `app` and feeds what it laid out back through `update` (television's render
/// task sends its `UiState` back the same way): the next key acts on what is on screen.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<(), B::Error> {
    let mut laid = LaidOut::default();
    terminal.draw(|f| f.render_stateful_widget(&*app, f.area(), &mut laid))?;
    apply(app, Msg::Laid(laid));
    Ok(())
}

/// [`draw`] on the real terminal, holding the frame lock so that a signal never restores the
/// terminal in the middle of a frame.
fn draw_locked(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
) -> io::Result<()> {
    let _frame = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
    draw(terminal, app)
}

/// Runs the TUI until the user quits. The terminal is restored however this returns.
pub fn run(mut app: App, options: &Options) -> io::Result<()> {
    let _session = Session::start(options.mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    app.update(super::Msg::Resize(size.width, size.height));
    let mut saver = Saver::new(options.session.clone(), &app);
    let mux = Multiplexer::from_env();
    draw_locked(&mut terminal, &mut app)?;
    let mut timer = StepTimer::default();
    loop {
        // Block until something happens: no redraw while idle. Only a demo script that advances by
        // itself waits with a timeout, until its next step is due.
        let mut changed = match timer.timeout(&app) {
            Some(t) if !event::poll(t)? => apply(&mut app, super::Msg::DemoTick),
            _ => {
                let ev = event::read()?;
                sync_size(&mut app) | handle_event(&mut app, &ev)
            }
        };
        // Apply whatever else is already queued (a paste, a burst of resizes) before drawing once.
        while !app.quit && event::poll(Duration::ZERO)? {
            changed |= handle_event(&mut app, &event::read()?);
        }
        // Effects and the autosave come before the frame: whatever is on screen is already saved.
        perform_effects(&mut app, mux);
        if let Some(failed) = saver.save_if_changed(&app) {
            apply(&mut app, Msg::Done(failed));
        }
        if app.quit {
            return Ok(());
        }
        if changed {
            draw_locked(&mut terminal, &mut app)?;
        }
    }
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
    fn timeout(&mut self, app: &App) -> Option<Duration> {
        let Some(delay) = app.auto_advance() else {
            self.deadline = None;
            return None;
        };
        let now = Instant::now();
        let deadline = match self.deadline {
            Some(d) if self.step == app.demo_step() => d,
            _ => now + delay,
        };
        self.step = app.demo_step();
        self.deadline = Some(deadline);
        Some(deadline.saturating_duration_since(now))
    }
}

/// Performs what `update` asked for (files, clipboard); each outcome goes back through `update`.
pub fn perform_effects(app: &mut App, mux: Option<Multiplexer>) {
    for effect in std::mem::take(&mut app.effects) {
        // The clipboard sequence goes to the terminal: never in the middle of a frame.
        let _frame = matches!(effect, Effect::Clipboard(_))
            .then(|| DRAWING.lock().unwrap_or_else(|e| e.into_inner()));
        let outcome = effects::perform(effect, &mut io::stdout(), mux);
        drop(_frame);
        apply(app, Msg::Done(outcome));
    }
}

/// Saves the session whenever the answers or the position change.
struct Saver {
    path: Option<std::path::PathBuf>,
    last: (crate::answers::Answers, crate::session::Progress),
    failed: bool,
}

impl Saver {
    fn new(path: Option<std::path::PathBuf>, app: &App) -> Saver {
        Saver {
            path,
            last: (app.session.answers().clone(), app.progress()),
            failed: false,
        }
    }

    /// Saves when something changed; a failure is reported once (until a save works again).
    fn save_if_changed(&mut self, app: &App) -> Option<Outcome> {
        let path = self.path.as_ref()?;
        let now = (app.session.answers().clone(), app.progress());
        if now == self.last {
            return None;
        }
        match crate::session::save(path, &app.catalog, &now.0, now.1) {
            Ok(()) => {
                self.last = now;
                self.failed = false;
                None
            }
            Err(e) if !self.failed => {
                self.failed = true;
                Some(Outcome::SaveFailed {
                    path: path.clone(),
                    error: e.to_string(),
                })
            }
            Err(_) => None,
        }
    }
}

/// Catches up with the terminal's size before an event is handled. crossterm's default event source
/// can drop a resize that arrives together with a key (see the PTY test
/// `keys_and_resizes_at_the_same_moment`); without this the app would go on deciding with the old size,
/// e.g. ignoring keys as if the terminal were still too small.
fn sync_size(app: &mut App) -> bool {
    match crossterm::terminal::size() {
        Ok((w, h)) if (w, h) != app.size => {
            app.update(super::Msg::Resize(w, h));
            true
        }
        _ => false,
    }
}

/// Applies one terminal event: maps it to a message and runs `update` until no follow-up is left.
/// True when it may have changed the screen.
pub fn handle_event(app: &mut App, ev: &event::Event) -> bool {
    let Some(msg) = keys::map_event(keys::context(app), ev, &app.layout) else {
        return false;
    };
    // A way for the PTY tests to prove that a panic restores the terminal (debug builds only).
    #[cfg(debug_assertions)]
    if msg == super::Msg::Help && std::env::var_os("TRADEOFF_TEST_PANIC_ON_HELP").is_some() {
        panic!("panic requested by TRADEOFF_TEST_PANIC_ON_HELP");
    }
    apply(app, msg)
}

/// Runs `update` with `msg` and its follow-ups until none is left. True: the screen may have changed.
pub fn apply(app: &mut App, msg: super::Msg) -> bool {
    let mut next = Some(msg);
    while let Some(m) = next {
        next = app.update(m);
    }
    true
}
