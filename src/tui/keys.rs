//! Keys as data: for each screen, which keys send which message, and how the hint bar and the help
//! overlay describe them. `map_event` is the only place that reads crossterm events.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{App, Overlay, Panel, Screen};
use super::msg::Msg;

/// One key a binding listens to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    /// The digits 1–9, sending `Msg::Pick(digit - 1)`.
    Digits,
}

const fn ch(c: char) -> Key {
    Key::Code(KeyCode::Char(c))
}
const fn code(c: KeyCode) -> Key {
    Key::Code(c)
}

/// A key binding: what it listens to, what it sends, and how it is described.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    /// How the help overlay names the keys, e.g. "↑ ↓  k j".
    pub keys_label: &'static str,
    /// The short form in the hint bar, e.g. "↑↓"; empty keeps it out of the bar.
    pub bar_label: &'static str,
    pub action: &'static str,
    pub msg: Msg,
}

const fn b(
    keys: &'static [Key],
    keys_label: &'static str,
    bar_label: &'static str,
    action: &'static str,
    msg: Msg,
) -> Binding {
    Binding {
        keys,
        keys_label,
        bar_label,
        action,
        msg,
    }
}

/// Where the keys are read: a screen, a panel of the results, or a popup on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Welcome,
    Question,
    Results,
    Compare,
    WhatIf,
    Detail,
    Help,
    TooSmall,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Welcome => "Welcome",
            Context::Question => "Questions",
            Context::Results => "Results",
            Context::Compare => "Results: comparison table",
            Context::WhatIf => "What-if",
            Context::Detail => "Alternative details",
            Context::Help => "Help",
            Context::TooSmall => "Terminal too small",
        }
    }
}

const UP: &[Key] = &[code(KeyCode::Up), ch('k')];
const DOWN: &[Key] = &[code(KeyCode::Down), ch('j')];
const LEFT: &[Key] = &[code(KeyCode::Left), ch('h')];
const RIGHT: &[Key] = &[code(KeyCode::Right), ch('l')];
const PAGE: [Binding; 4] = [
    b(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "",
        "scroll a page up",
        Msg::PageUp,
    ),
    b(
        &[code(KeyCode::PageDown)],
        "PgDn",
        "",
        "scroll a page down",
        Msg::PageDown,
    ),
    b(
        &[code(KeyCode::Home), ch('g')],
        "Home  g",
        "",
        "go to the top",
        Msg::Home,
    ),
    b(
        &[code(KeyCode::End), ch('G')],
        "End  G",
        "",
        "go to the bottom",
        Msg::End,
    ),
];

/// Keys read on every screen, after the screen's own.
pub const GLOBAL: &[Binding] = &[
    b(&[ch('?')], "?", "?", "help", Msg::Help),
    b(
        &[ch('q'), Key::Ctrl('c')],
        "q  Ctrl-C",
        "q",
        "quit",
        Msg::Quit,
    ),
];

const WELCOME: &[Binding] = &[
    b(
        &[code(KeyCode::Enter), ch(' '), code(KeyCode::Right), ch('l')],
        "Enter  Space  →  l",
        "Enter",
        "start the questions",
        Msg::Enter,
    ),
    b(
        &[ch('r')],
        "r",
        "r",
        "results now, with no answers",
        Msg::Finish,
    ),
    b(&[code(KeyCode::Esc)], "Esc", "", "quit", Msg::Quit),
];

const QUESTION: &[Binding] = &[
    b(
        UP,
        "↑  k",
        "↑↓",
        "highlight the previous choice (the ranking previews it)",
        Msg::Up,
    ),
    b(
        DOWN,
        "↓  j",
        "",
        "highlight the next choice (the ranking previews it)",
        Msg::Down,
    ),
    b(
        &[code(KeyCode::Enter), ch(' ')],
        "Enter  Space",
        "Enter",
        "choose the highlighted answer and go on",
        Msg::Enter,
    ),
    b(
        &[Key::Digits],
        "1–9",
        "",
        "choose that answer and go on",
        Msg::Pick(0),
    ),
    b(
        &[code(KeyCode::Left), ch('h'), code(KeyCode::Backspace)],
        "←  h  Backspace",
        "←",
        "previous question (answers are kept)",
        Msg::PrevQuestion,
    ),
    b(
        RIGHT,
        "→  l",
        "→",
        "next question, keeping this answer as it is",
        Msg::NextQuestion,
    ),
    b(
        &[ch('s')],
        "s",
        "s",
        "skip: leave this question unanswered",
        Msg::Skip,
    ),
    b(
        &[ch('r')],
        "r",
        "r",
        "results now (unanswered questions stay skipped)",
        Msg::Finish,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        "",
        "previous question, or the welcome screen",
        Msg::Back,
    ),
];

const RESULTS: &[Binding] = &[
    b(
        &[code(KeyCode::Tab)],
        "Tab",
        "Tab",
        "next pack",
        Msg::NextTab,
    ),
    b(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "",
        "previous pack",
        Msg::PrevTab,
    ),
    b(LEFT, "←  h", "←→", "previous panel", Msg::Left),
    b(RIGHT, "→  l", "", "next panel", Msg::Right),
    b(
        &[Key::Digits],
        "1–4",
        "",
        "panel: 1 overview, 2 why, 3 what would change, 4 compare",
        Msg::Pick(0),
    ),
    b(
        UP,
        "↑  k",
        "↑↓",
        "select the previous alternative, or scroll",
        Msg::Up,
    ),
    b(
        DOWN,
        "↓  j",
        "",
        "select the next alternative, or scroll",
        Msg::Down,
    ),
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        "Enter",
        "details of the selected alternative",
        Msg::Enter,
    ),
    b(
        &[ch('w')],
        "w",
        "w",
        "what-if: change an answer and compare",
        Msg::WhatIf,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        "Esc",
        "back to the questions",
        Msg::Back,
    ),
    PAGE[0],
    PAGE[1],
    PAGE[2],
    PAGE[3],
];

const COMPARE: &[Binding] = &[
    b(
        &[code(KeyCode::Tab)],
        "Tab",
        "Tab",
        "next pack",
        Msg::NextTab,
    ),
    b(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "",
        "previous pack",
        Msg::PrevTab,
    ),
    b(UP, "↑  k", "↑↓", "previous alternative", Msg::Up),
    b(DOWN, "↓  j", "", "next alternative", Msg::Down),
    b(
        LEFT,
        "←  h",
        "←→",
        "previous criterion (from the first: the previous panel)",
        Msg::Left,
    ),
    b(RIGHT, "→  l", "", "next criterion", Msg::Right),
    b(
        &[Key::Digits],
        "1–4",
        "",
        "panel: 1 overview, 2 why, 3 what would change, 4 compare",
        Msg::Pick(0),
    ),
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        "Enter",
        "details of the selected alternative",
        Msg::Enter,
    ),
    b(
        &[ch('w')],
        "w",
        "w",
        "what-if: change an answer and compare",
        Msg::WhatIf,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        "Esc",
        "back to the questions",
        Msg::Back,
    ),
];

const WHATIF: &[Binding] = &[
    b(UP, "↑  k", "↑↓", "previous question", Msg::Up),
    b(DOWN, "↓  j", "", "next question", Msg::Down),
    b(
        LEFT,
        "←  h",
        "←→",
        "previous answer of the selected question",
        Msg::Left,
    ),
    b(
        RIGHT,
        "→  l",
        "",
        "next answer of the selected question",
        Msg::Right,
    ),
    b(
        &[code(KeyCode::Tab)],
        "Tab",
        "Tab",
        "next pack",
        Msg::NextTab,
    ),
    b(
        &[code(KeyCode::BackTab)],
        "Shift-Tab",
        "",
        "previous pack",
        Msg::PrevTab,
    ),
    b(
        &[ch('o'), ch('r')],
        "o  r",
        "o",
        "back to the original answers",
        Msg::ResetWhatIf,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        "Esc",
        "back to the results (the original answers)",
        Msg::Back,
    ),
];

const DETAIL: &[Binding] = &[
    b(UP, "↑  k", "↑↓", "scroll", Msg::Up),
    b(DOWN, "↓  j", "", "scroll", Msg::Down),
    b(
        &[code(KeyCode::Esc), code(KeyCode::Enter)],
        "Esc  Enter",
        "Esc",
        "close",
        Msg::Back,
    ),
    PAGE[0],
    PAGE[1],
    PAGE[2],
    PAGE[3],
];

const HELP: &[Binding] = &[
    b(UP, "↑  k", "↑↓", "scroll", Msg::Up),
    b(DOWN, "↓  j", "", "scroll", Msg::Down),
    b(
        &[code(KeyCode::Esc), code(KeyCode::Enter), ch('?')],
        "Esc  Enter  ?",
        "Esc",
        "close the help",
        Msg::Back,
    ),
];

const TOO_SMALL: &[Binding] = &[];

pub fn bindings(ctx: Context) -> &'static [Binding] {
    match ctx {
        Context::Welcome => WELCOME,
        Context::Question => QUESTION,
        Context::Results => RESULTS,
        Context::Compare => COMPARE,
        Context::WhatIf => WHATIF,
        Context::Detail => DETAIL,
        Context::Help => HELP,
        Context::TooSmall => TOO_SMALL,
    }
}

/// The context of the screen itself, ignoring popups.
pub fn screen_context(app: &App) -> Context {
    match app.screen {
        Screen::Welcome => Context::Welcome,
        Screen::Question => Context::Question,
        Screen::Results if app.results.panel == Panel::Compare => Context::Compare,
        Screen::Results => Context::Results,
        Screen::WhatIf => Context::WhatIf,
    }
}

/// Where keys go now: the top popup, else the screen.
pub fn context(app: &App) -> Context {
    if app.too_small() {
        return Context::TooSmall;
    }
    match app.overlays.last() {
        Some(Overlay::Help { .. }) => Context::Help,
        Some(Overlay::Detail { .. }) => Context::Detail,
        None => screen_context(app),
    }
}

fn matches(key: &Key, ev: &KeyEvent) -> Option<Option<usize>> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match (key, ev.code) {
        (Key::Ctrl(c), KeyCode::Char(x)) if ctrl && x.eq_ignore_ascii_case(c) => Some(None),
        (Key::Digits, KeyCode::Char(d @ '1'..='9')) if !ctrl => {
            Some(Some(d as usize - '1' as usize))
        }
        (Key::Code(c), code) if !ctrl && *c == code => Some(None),
        _ => None,
    }
}

/// The message a key press sends in `ctx`, if any.
pub fn map_key(ctx: Context, ev: &KeyEvent) -> Option<Msg> {
    // The help overlay reads `?` as "close", so its own keys come first; everywhere else too.
    for binding in bindings(ctx).iter().chain(GLOBAL) {
        for key in binding.keys {
            if let Some(digit) = matches(key, ev) {
                return Some(match (binding.msg, digit) {
                    (Msg::Pick(_), Some(d)) => Msg::Pick(d),
                    (m, _) => m,
                });
            }
        }
    }
    None
}

/// Turns a terminal event into a message. Only key presses count (not releases or repeats of a
/// release); mouse events arrive only with `--mouse`.
pub fn map_event(app: &App, ev: &Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => {
            let ctx = context(app);
            let msg = map_key(ctx, k)?;
            // When the terminal is too small nothing is visible, so only quitting works.
            if ctx == Context::TooSmall && msg != Msg::Quit {
                return None;
            }
            Some(msg)
        }
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Mouse(m) if !app.too_small() => match m.kind {
            MouseEventKind::ScrollUp => Some(Msg::Up),
            MouseEventKind::ScrollDown => Some(Msg::Down),
            MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
                super::view::hit_test(app, m.column, m.row)
            }
            _ => None,
        },
        _ => None,
    }
}

/// The hint bar of a context: `(key, action)` pairs, the screen's first, then help and quit.
pub fn hints(ctx: Context) -> Vec<(&'static str, &'static str)> {
    let short = |b: &Binding| match b.msg {
        Msg::Up | Msg::Down if b.bar_label == "↑↓" => match ctx {
            Context::Question => "highlight",
            Context::Results => "move",
            Context::Compare => "row",
            Context::WhatIf => "question",
            _ => "scroll",
        },
        Msg::Left | Msg::Right if b.bar_label == "←→" => match ctx {
            Context::Compare => "column",
            Context::WhatIf => "answer",
            _ => "panel",
        },
        Msg::Enter => match ctx {
            Context::Welcome => "start",
            Context::Question => "choose",
            _ => "details",
        },
        Msg::PrevQuestion => "back",
        Msg::NextQuestion => "next",
        Msg::Skip => "skip",
        Msg::Finish => "results",
        Msg::NextTab => "pack",
        Msg::WhatIf => "what-if",
        Msg::ResetWhatIf => "original",
        Msg::Back => match ctx {
            Context::Results | Context::Compare => "back",
            Context::WhatIf => "results",
            _ => "close",
        },
        Msg::Pick(_) => "panel",
        Msg::Help => "help",
        Msg::Quit => "quit",
        _ => b.action,
    };
    bindings(ctx)
        .iter()
        .chain(GLOBAL)
        .filter(|b| !b.bar_label.is_empty())
        .map(|b| (b.bar_label, short(b)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn keys_map_per_context() {
        assert_eq!(
            map_key(Context::Question, &press(KeyCode::Char('j'))),
            Some(Msg::Down)
        );
        assert_eq!(
            map_key(Context::Question, &press(KeyCode::Char('3'))),
            Some(Msg::Pick(2))
        );
        assert_eq!(
            map_key(Context::Results, &press(KeyCode::Char('2'))),
            Some(Msg::Pick(1))
        );
        assert_eq!(
            map_key(Context::Help, &press(KeyCode::Char('?'))),
            Some(Msg::Back)
        );
        assert_eq!(
            map_key(Context::Results, &press(KeyCode::Char('?'))),
            Some(Msg::Help)
        );
        assert_eq!(
            map_key(
                Context::WhatIf,
                &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Msg::Quit)
        );
        assert_eq!(map_key(Context::Question, &press(KeyCode::Char('x'))), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for ctx in [
            Context::Welcome,
            Context::Question,
            Context::Results,
            Context::Compare,
            Context::WhatIf,
            Context::Detail,
            Context::Help,
        ] {
            let mut seen = Vec::new();
            for binding in bindings(ctx) {
                for k in binding.keys {
                    assert!(!seen.contains(k), "{ctx:?}: {k:?} bound twice");
                    seen.push(*k);
                }
            }
        }
    }
}
