//! The terminal's modes, and getting them back. [`TerminalGuard`] enters raw mode and the alternate
//! screen (and captures the mouse when asked); the terminal is restored (raw mode off, alternate
//! screen left, cursor shown, mouse released) on a normal exit, on an error (the guard's `Drop`), on
//! a panic (a hook that runs before the default one prints) and, on Unix, on every signal whose
//! default ends the process (a thread that waits for the signal, restores and exits). Ctrl-Z (the
//! key, or SIGTSTP from outside) restores the terminal before the process stops, and SIGCONT (`fg`)
//! puts it back and asks the loop in `term` for a full redraw.

use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};

/// True while the terminal is in raw mode on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Held while a frame is written, so a signal never restores the terminal in the middle of one.
pub(super) static DRAWING: Mutex<()> = Mutex::new(());
/// The terminal was left for a stop (Ctrl-Z): 1 without the mouse, 2 with it; 0 otherwise.
static SUSPENDED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);
/// Set when the process continued after a stop: the loop clears the screen and draws it whole
/// (the shell wrote over it, or another program used the alternate screen meanwhile).
pub(super) static CONTINUED: AtomicBool = AtomicBool::new(false);

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
pub(crate) struct TerminalGuard;

impl TerminalGuard {
    pub(crate) fn start(mouse: bool) -> io::Result<TerminalGuard> {
        install_panic_hook();
        #[cfg(unix)]
        watch_signals()?;
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let guard = TerminalGuard;
        let mut out = io::stdout();
        execute!(out, EnterAlternateScreen, cursor::Hide)?;
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            execute!(out, EnableMouseCapture)?;
        }
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
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

/// The signals whose default action ends the process (those a program may catch): each restores
/// the terminal first, then exits with 128 + the signal number, as a shell would report it.
#[cfg(unix)]
const ENDING: [i32; 11] = {
    use signal_hook::consts::*;
    [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGXFSZ, SIGVTALRM,
        SIGPROF,
    ]
};

/// A thread that sleeps until a signal: one that ends the process restores the terminal and exits;
/// SIGTSTP leaves the terminal as it was and stops; SIGCONT takes it back.
#[cfg(unix)]
fn watch_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    use signal_hook::iterator::Signals;
    static ONCE: std::sync::Once = std::sync::Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        let all = ENDING.iter().copied().chain([SIGTSTP, SIGCONT]);
        result = Signals::new(all).map(|mut signals| {
            std::thread::spawn(move || {
                for sig in signals.forever() {
                    match sig {
                        SIGTSTP => stop(),
                        SIGCONT => resume(),
                        _ => {
                            // Wait for a frame in progress; never released: the process ends here.
                            let guard = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
                            restore();
                            std::mem::forget(guard);
                            std::process::exit(128 + sig);
                        }
                    }
                }
            });
        });
    });
    result
}

/// Restores the terminal, then stops the process as SIGTSTP would have; returns once continued.
#[cfg(unix)]
fn stop() {
    let frame = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
    let mouse = MOUSE.load(Ordering::SeqCst);
    if ACTIVE.load(Ordering::SeqCst) {
        restore();
        SUSPENDED.store(if mouse { 2 } else { 1 }, Ordering::SeqCst);
    }
    // Held while stopped, so that no frame is drawn between the continue and `resume`.
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
    drop(frame);
}

/// After a stop (ours, or a SIGSTOP from outside, after which the shell put the terminal back in
/// cooked mode): raw mode and the alternate screen again, and a full redraw at the next turn.
#[cfg(unix)]
fn resume() {
    let _frame = DRAWING.lock().unwrap_or_else(|e| e.into_inner());
    let suspended = SUSPENDED.swap(0, Ordering::SeqCst);
    let mouse = match (suspended, ACTIVE.load(Ordering::SeqCst)) {
        (0, false) => return,
        (0, true) => {
            // Stopped without us knowing: raw mode may be gone though crossterm thinks it is on.
            let _ = disable_raw_mode();
            MOUSE.load(Ordering::SeqCst)
        }
        (s, _) => s == 2,
    };
    if enable_raw_mode().is_err() {
        return;
    }
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    let _ = execute!(out, EnterAlternateScreen, cursor::Hide);
    if mouse {
        MOUSE.store(true, Ordering::SeqCst);
        let _ = execute!(out, EnableMouseCapture);
    }
    CONTINUED.store(true, Ordering::SeqCst);
    // The loop is waiting for an event: a SIGWINCH makes crossterm report one (a resize).
    // SAFETY: kill with our own pid and a signal number.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGWINCH);
    }
}

/// Ctrl-Z pressed: in raw mode the terminal sends it as a key, not as SIGTSTP; do what the signal
/// would.
pub(super) fn suspend_requested(ev: &event::Event) -> bool {
    use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
    matches!(ev, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.code == KeyCode::Char('z')
        && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// Stops the process as Ctrl-Z does in a shell (SIGTSTP to its process group).
pub(super) fn suspend() {
    #[cfg(unix)]
    // SAFETY: kill with process group 0 (ours) and a signal number.
    unsafe {
        libc::kill(0, libc::SIGTSTP);
    }
}
