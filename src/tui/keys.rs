//! Keys as data: for each screen, which keys send which message, and how the hint bar and the help
//! overlay describe them. `map_event` is the only place that reads crossterm events.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{App, Focus};
use super::msg::Msg;
use super::popup::Popup;
use super::screens::{Panel, Screen};

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
#[derive(Debug, Clone)]
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
    Export,
    /// The demo script: the presenter's keys, whatever the screen shows.
    Demo,
    Palette,
    Glossary,
    /// The list of glossary terms named on screen (`g`).
    Terms,
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
            Context::Export => "Export",
            Context::Demo => "Demo script",
            Context::Palette => "Search",
            Context::Glossary => "Glossary entry",
            Context::Terms => "Glossary terms on screen",
            Context::TooSmall => "Terminal too small",
        }
    }
}

const UP: &[Key] = &[code(KeyCode::Up), ch('k')];
const DOWN: &[Key] = &[code(KeyCode::Down), ch('j')];
const LEFT: &[Key] = &[code(KeyCode::Left), ch('h')];
const RIGHT: &[Key] = &[code(KeyCode::Right), ch('l')];
const PAGE_UP: Binding = b(
    &[code(KeyCode::PageUp)],
    "PgUp",
    "",
    "scroll a page up",
    Msg::PageUp,
);
const PAGE_DOWN: Binding = b(
    &[code(KeyCode::PageDown)],
    "PgDn",
    "",
    "scroll a page down",
    Msg::PageDown,
);
const TOP: Binding = b(
    &[code(KeyCode::Home), ch('g')],
    "Home  g",
    "",
    "go to the top",
    Msg::Home,
);
const BOTTOM: Binding = b(
    &[code(KeyCode::End), ch('G')],
    "End  G",
    "",
    "go to the bottom",
    Msg::End,
);

/// Keys read on every screen, after the screen's own.
pub const GLOBAL: &[Binding] = &[
    b(
        &[ch('/'), Key::Ctrl('k')],
        "/  Ctrl-K",
        "/",
        "search: glossary terms, questions, alternatives, commands",
        Msg::Palette,
    ),
    b(
        &[ch('p')],
        "p",
        "p",
        "projector view on/off: high contrast, big text, less detail",
        Msg::Projector,
    ),
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
    b(
        &[ch('c')],
        "c",
        "",
        "continue the saved, unfinished session (when one is offered)",
        Msg::Resume,
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
        &[ch('g')],
        "g",
        "g",
        "glossary terms named in this question",
        Msg::Terms,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        "",
        "previous question, or the welcome screen",
        Msg::Back,
    ),
];

/// Bindings shared by the results panels.
const NEXT_PACK: Binding = b(
    &[code(KeyCode::Tab)],
    "Tab",
    "Tab",
    "next pack",
    Msg::NextTab,
);
const PREV_PACK: Binding = b(
    &[code(KeyCode::BackTab)],
    "Shift-Tab",
    "",
    "previous pack",
    Msg::PrevTab,
);
const PANEL_DIGITS: Binding = b(
    &[Key::Digits],
    "1–4",
    "",
    "panel: 1 overview, 2 why, 3 what would change, 4 compare",
    Msg::Pick(0),
);
const DETAILS: Binding = b(
    &[code(KeyCode::Enter)],
    "Enter",
    "Enter",
    "details of the selected alternative",
    Msg::Enter,
);
const WHAT_IF: Binding = b(
    &[ch('w')],
    "w",
    "w",
    "what-if: change an answer and compare",
    Msg::WhatIf,
);
const BACK_TO_QUESTIONS: Binding = b(
    &[code(KeyCode::Esc)],
    "Esc",
    "Esc",
    "back to the questions",
    Msg::Back,
);

const RESULTS: &[Binding] = &[
    NEXT_PACK,
    PREV_PACK,
    b(LEFT, "←  h", "←→", "previous panel", Msg::Left),
    b(RIGHT, "→  l", "", "next panel", Msg::Right),
    PANEL_DIGITS,
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
    DETAILS,
    WHAT_IF,
    BACK_TO_QUESTIONS,
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    BOTTOM,
];

const COMPARE: &[Binding] = &[
    NEXT_PACK,
    PREV_PACK,
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
    PANEL_DIGITS,
    DETAILS,
    WHAT_IF,
    BACK_TO_QUESTIONS,
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
    NEXT_PACK,
    PREV_PACK,
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
    b(
        &[ch('g')],
        "g",
        "g",
        "glossary terms named in these details",
        Msg::Terms,
    ),
    PAGE_UP,
    PAGE_DOWN,
    // `g` opens the glossary terms here, so only Home goes to the top.
    b(
        &[code(KeyCode::Home)],
        "Home",
        "",
        "go to the top",
        Msg::Home,
    ),
    BOTTOM,
];

const GLOSSARY: &[Binding] = &[
    b(UP, "↑  k", "↑↓", "scroll", Msg::Up),
    b(DOWN, "↓  j", "", "scroll", Msg::Down),
    b(
        &[code(KeyCode::Left), ch('h'), code(KeyCode::BackTab)],
        "←  h  Shift-Tab",
        "←→",
        "choose the previous related term",
        Msg::Left,
    ),
    b(
        &[code(KeyCode::Right), ch('l'), code(KeyCode::Tab)],
        "→  l  Tab",
        "",
        "choose the next related term",
        Msg::Right,
    ),
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        "Enter",
        "open the chosen related term (Esc comes back here)",
        Msg::Enter,
    ),
    b(
        &[Key::Digits],
        "1–9",
        "",
        "open that related term",
        Msg::Pick(0),
    ),
    b(&[code(KeyCode::Esc)], "Esc", "Esc", "close", Msg::Back),
    PAGE_UP,
    PAGE_DOWN,
    b(
        &[code(KeyCode::Home)],
        "Home",
        "",
        "go to the top",
        Msg::Home,
    ),
    b(
        &[code(KeyCode::End)],
        "End",
        "",
        "go to the bottom",
        Msg::End,
    ),
];

const TERMS: &[Binding] = &[
    b(UP, "↑  k", "↑↓", "previous term", Msg::Up),
    b(DOWN, "↓  j", "", "next term", Msg::Down),
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        "Enter",
        "open the highlighted term",
        Msg::Enter,
    ),
    b(&[Key::Digits], "1–9", "", "open that term", Msg::Pick(0)),
    b(&[code(KeyCode::Esc)], "Esc", "Esc", "close", Msg::Back),
];

/// The palette is a text field: letters, digits and `q` are typed (`map_key` sends `Msg::Char`).
const PALETTE: &[Binding] = &[
    b(&[code(KeyCode::Up)], "↑", "↑↓", "previous item", Msg::Up),
    b(&[code(KeyCode::Down)], "↓", "", "next item", Msg::Down),
    b(
        &[code(KeyCode::PageUp)],
        "PgUp",
        "",
        "a page up",
        Msg::PageUp,
    ),
    b(
        &[code(KeyCode::PageDown)],
        "PgDn",
        "",
        "a page down",
        Msg::PageDown,
    ),
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        "Enter",
        "open the highlighted item or run the command",
        Msg::Enter,
    ),
    b(
        &[code(KeyCode::Backspace)],
        "Backspace",
        "",
        "delete the last character of the search",
        Msg::Backspace,
    ),
    b(&[code(KeyCode::Esc)], "Esc", "Esc", "close", Msg::Back),
    b(&[Key::Ctrl('c')], "Ctrl-C", "", "quit", Msg::Quit),
];

/// While a demo script runs, the presenter's keys; Esc hands the live session over.
const DEMO: &[Binding] = &[
    b(
        &[
            ch(' '),
            code(KeyCode::Right),
            ch('l'),
            code(KeyCode::Enter),
            code(KeyCode::PageDown),
        ],
        "Space  →  l  Enter  PgDn",
        "Space",
        "next step",
        Msg::DemoNext,
    ),
    b(
        &[
            code(KeyCode::Left),
            ch('h'),
            code(KeyCode::Backspace),
            code(KeyCode::PageUp),
        ],
        "←  h  Backspace  PgUp",
        "←",
        "previous step (shown exactly as it was)",
        Msg::DemoPrev,
    ),
    b(
        &[code(KeyCode::Home)],
        "Home",
        "",
        "first step",
        Msg::DemoFirst,
    ),
    b(&[code(KeyCode::End)], "End", "", "last step", Msg::DemoLast),
    b(
        &[ch('a')],
        "a",
        "",
        "pause or resume auto-advance (scripts with auto_advance_seconds)",
        Msg::DemoPause,
    ),
    b(
        &[code(KeyCode::Esc)],
        "Esc",
        "Esc",
        "leave the script: the live session goes on with these answers",
        Msg::DemoExit,
    ),
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

/// Keys that leave the terminal: on every screen with a recommendation to show.
const EXPORT_E: Binding = b(
    &[ch('e')],
    "e",
    "e",
    "export: Markdown, JSON or HTML to a file",
    Msg::Export,
);
const COPY_Y: Binding = b(
    &[ch('y')],
    "y",
    "y",
    "copy the Markdown summary to the clipboard (OSC 52)",
    Msg::Copy,
);

/// The export dialog: typing goes into the path (`map_event` sends `Msg::Char`).
const EXPORT: &[Binding] = &[
    b(
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        "Tab",
        "Tab",
        "format: Markdown, JSON, HTML",
        Msg::NextTab,
    ),
    b(
        &[code(KeyCode::Enter)],
        "Enter",
        "Enter",
        "write the file",
        Msg::Enter,
    ),
    b(
        &[code(KeyCode::Backspace)],
        "Backspace",
        "",
        "delete a character of the path",
        Msg::Backspace,
    ),
    b(&[code(KeyCode::Esc)], "Esc", "Esc", "cancel", Msg::Back),
    b(
        &[Key::Ctrl('u')],
        "Ctrl-U",
        "",
        "clear the path",
        Msg::ClearField,
    ),
    b(&[Key::Ctrl('c')], "Ctrl-C", "", "quit", Msg::Quit),
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
        Context::Export => EXPORT,
        Context::Demo => DEMO,
        Context::Palette => PALETTE,
        Context::Glossary => GLOSSARY,
        Context::Terms => TERMS,
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

/// Where keys go now: nowhere but quit when the terminal is too small, else [`context_at`] with
/// every popup.
pub fn context(app: &App) -> Context {
    if app.too_small() {
        return Context::TooSmall;
    }
    context_at(app, app.popups.len())
}

/// Where keys go with only the first `depth` popups open, after [`App::focus_at`]: the help uses
/// it for what is under it.
pub fn context_at(app: &App, depth: usize) -> Context {
    match (
        app.focus_at(depth),
        depth.checked_sub(1).and_then(|i| app.popups.get(i)),
    ) {
        (Focus::Popup, Some(p)) => popup_context(p),
        (Focus::Demo, _) => Context::Demo,
        _ => screen_context(app),
    }
}

fn popup_context(p: &Popup) -> Context {
    match p {
        Popup::Help(_) => Context::Help,
        Popup::Detail(_) => Context::Detail,
        Popup::Glossary(_) => Context::Glossary,
        Popup::Terms(_) => Context::Terms,
        Popup::Palette(_) => Context::Palette,
        Popup::Export(_) => Context::Export,
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
/// Every binding read in a context, in the order they are tried: the screen's own, export and copy,
/// then the global ones (none of those in a text field).
pub fn all_bindings(ctx: Context) -> Vec<&'static Binding> {
    let global: &'static [Binding] = if is_text_field(ctx) { &[] } else { GLOBAL };
    bindings(ctx)
        .iter()
        .chain(leaves_terminal(ctx))
        .chain(global)
        .collect()
}

/// Screens that can export and copy: they also read `e` and `y`.
fn leaves_terminal(ctx: Context) -> &'static [Binding] {
    const BOTH: &[Binding] = &[EXPORT_E, COPY_Y];
    match ctx {
        Context::Question | Context::Results | Context::Compare | Context::WhatIf => BOTH,
        _ => &[],
    }
}

/// Contexts where letters are typed, not commands.
fn is_text_field(ctx: Context) -> bool {
    matches!(ctx, Context::Export | Context::Palette)
}

pub fn map_key(ctx: Context, ev: &KeyEvent) -> Option<Msg> {
    if is_text_field(ctx) {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        if let KeyCode::Char(c) = ev.code
            && !ctrl
        {
            return Some(Msg::Char(c));
        }
    }
    // The help overlay reads `?` as "close", so its own keys come first; everywhere else too. In a
    // text field, global keys such as `q` and `?` are letters (`all_bindings` leaves them out).
    for binding in all_bindings(ctx) {
        for key in binding.keys {
            if let Some(digit) = matches(key, ev) {
                return Some(match (binding.msg.clone(), digit) {
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
                app.layout.click(m.column, m.row)
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
            Context::Palette | Context::Terms => "move",
            Context::Results => "move",
            Context::Compare => "row",
            Context::WhatIf => "question",
            _ => "scroll",
        },
        Msg::Left | Msg::Right if b.bar_label == "←→" => match ctx {
            Context::Glossary => "related",
            Context::Compare => "column",
            Context::WhatIf => "answer",
            _ => "panel",
        },
        Msg::Enter => match ctx {
            Context::Welcome => "start",
            Context::Question => "choose",
            Context::Palette | Context::Terms | Context::Glossary => "open",
            Context::Export => "write",
            _ => "details",
        },
        Msg::Export => "export",
        Msg::Palette => "search",
        Msg::Projector => "projector",
        Msg::Terms => "terms",
        Msg::DemoNext => "next",
        Msg::DemoPrev => "back",
        Msg::DemoExit => "take over",
        Msg::Copy => "copy",
        Msg::PrevQuestion => "back",
        Msg::NextQuestion => "next",
        Msg::Skip => "skip",
        Msg::Finish => "results",
        Msg::NextTab if ctx == Context::Export => "format",
        Msg::NextTab => "pack",
        Msg::WhatIf => "what-if",
        Msg::ResetWhatIf => "original",
        Msg::Back => match ctx {
            Context::Results | Context::Compare => "back",
            Context::WhatIf => "results",
            Context::Export => "cancel",
            _ => "close",
        },
        Msg::Pick(_) => "panel",
        Msg::Help => "help",
        Msg::Quit => "quit",
        _ => b.action,
    };
    all_bindings(ctx)
        .into_iter()
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
        assert_eq!(
            map_key(Context::Results, &press(KeyCode::Char('e'))),
            Some(Msg::Export)
        );
        assert_eq!(
            map_key(Context::WhatIf, &press(KeyCode::Char('y'))),
            Some(Msg::Copy)
        );
        // In the export dialog letters are text, even `q`.
        assert_eq!(
            map_key(Context::Export, &press(KeyCode::Char('q'))),
            Some(Msg::Char('q'))
        );
        assert_eq!(
            map_key(Context::Export, &press(KeyCode::Backspace)),
            Some(Msg::Backspace)
        );
        assert_eq!(
            map_key(Context::Export, &press(KeyCode::Esc)),
            Some(Msg::Back)
        );
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
            Context::Export,
        ] {
            let mut seen = Vec::new();
            // Global keys may be overridden on purpose (`?` closes the help), so only a screen's own.
            for binding in bindings(ctx).iter().chain(leaves_terminal(ctx)) {
                for k in binding.keys {
                    assert!(!seen.contains(k), "{ctx:?}: {k:?} bound twice");
                    seen.push(*k);
                }
            }
        }
    }
}
