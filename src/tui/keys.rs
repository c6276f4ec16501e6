//! Keys as data, written once: one line per binding — the keys as text (`"up | k"`), the message, its
//! place in the hint bar, the hint word and the help text — from which the key matching, the labels,
//! the hint bar and the help popup are all derived (helix writes `"h" | "left" => move_char_left`,
//! gitui derives its hints from its key list). [`context`] says which table is read;
//! [`map_event`] is the only place that reads crossterm events. The key names the tables are
//! written with are read in `key_names`.

use std::sync::OnceLock;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::app::{App, Focus};
pub use super::key_names::{Key, key_label, parse_keys};
use super::msg::Msg;
use super::popup::Popup;
use super::screens::{Panel, Screen};

/// Declares [`Context`] with, for each context, its title and its own bindings, once: the list of
/// every context ([`Context::ALL`], which the key map is built from) comes from the same lines, so
/// no context can be left out of it (one left out used to get the welcome screen's keys).
macro_rules! contexts {
    ($($(#[$doc:meta])* $name:ident => $title:literal, $own:expr;)*) => {
        /// Where the keys are read: a screen, a panel of the results, a popup on top, the demo
        /// script, or the team comparison (`compare --tui`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Context {
            $($(#[$doc])* $name,)*
        }

        impl Context {
            /// Every context, in the order of the declaration (a context's index is its place).
            pub const ALL: &'static [Context] = &[$(Context::$name),*];

            pub fn title(self) -> &'static str {
                match self {
                    $(Context::$name => $title,)*
                }
            }

            /// The context's own bindings, tried first.
            fn own(self) -> &'static [Binding] {
                match self {
                    $(Context::$name => $own,)*
                }
            }
        }
    };
}

contexts! {
    Welcome => "Welcome", WELCOME;
    Question => "Questions", QUESTION;
    Results => "Results", RESULTS;
    Compare => "Results: comparison table", COMPARE;
    WhatIf => "What-if", WHATIF;
    Detail => "Alternative details", DETAIL;
    Help => "Help", HELP;
    Export => "Export", EXPORT;
    /// The demo script: the presenter's keys, whatever the screen shows.
    Demo => "Demo script", DEMO;
    Palette => "Search", PALETTE;
    Glossary => "Glossary entry", GLOSSARY;
    /// The list of glossary terms named on screen (`g`).
    Terms => "Glossary terms on screen", TERMS;
    /// The live weights of a pack (`W`).
    Weights => "Weights", WEIGHTS;
    /// The room's poll of a question (`H`): digits are typed.
    Poll => "Poll the room", POLL;
    TooSmall => "Terminal too small", &[];
    /// The team comparison, a program of its own.
    Teams => "Team comparison", TEAMS;
}

impl Context {
    /// Contexts where letters are typed, not commands.
    pub fn is_text_field(self) -> bool {
        matches!(self, Context::Export | Context::Palette | Context::Poll)
    }

    /// Then export and copy, on the screens with a recommendation to show.
    fn leaves(self) -> &'static [Binding] {
        match self {
            Context::Question
            | Context::Results
            | Context::Compare
            | Context::WhatIf
            | Context::Demo => LEAVE,
            _ => &[],
        }
    }

    /// Then the keys of every screen (none in a text field, where they are letters).
    fn globals(self) -> &'static [Binding] {
        match self {
            Context::Export | Context::Palette | Context::Poll => &[],
            _ => GLOBAL,
        }
    }
}

/// A key binding, one line of a table.
#[derive(Debug, Clone)]
pub struct Binding {
    /// The keys, `|`-separated: `up`, `down`, `left`, `right`, `enter`, `space`, `esc`, `tab`,
    /// `shift-tab`, `backspace`, `pgup`, `pgdn`, `home`, `end`, `ctrl-x`, `1-9` (the digits up to
    /// the second, sending `Pick(digit - 1)`), or one character.
    pub keys: &'static str,
    pub msg: Msg,
    /// Its place in the hint bar; bindings with the same place share one hint (`↑↓ move`).
    pub bar: Bar,
    /// The word in the hint bar.
    pub hint: &'static str,
    /// What the help popup says it does.
    pub help: &'static str,
}

/// Where a binding shows in the hint bar, by order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bar {
    /// Only in the help.
    No,
    /// At this place, when there is room.
    At(u8),
    /// At this place, always: room is kept for it.
    Pinned(u8),
}

use Bar::{At, No, Pinned};

const fn b(
    keys: &'static str,
    msg: Msg,
    bar: Bar,
    hint: &'static str,
    help: &'static str,
) -> Binding {
    Binding {
        keys,
        msg,
        bar,
        hint,
        help,
    }
}

#[rustfmt::skip]
const GLOBAL: &[Binding] = &[
    // keys                      message          bar          hint         help
    b("/ | ctrl-k",              Msg::Palette,    At(90),      "search",    "search: glossary terms, questions, alternatives, commands"),
    b("p",                       Msg::Projector,  At(91),      "projector", "projector view on/off: high contrast, big text, less detail"),
    b("t",                       Msg::NextTheme,  No,          "",          "next theme: dark, light, mono (in the projector view: projector, dark, light, mono)"),
    b("?",                       Msg::Help,       Pinned(92),  "help",      "help"),
    b("q | ctrl-c",              Msg::Quit,       Pinned(93),  "quit",      "quit"),
];

#[rustfmt::skip]
const LEAVE: &[Binding] = &[
    b("e",                       Msg::Export,     At(80),      "export",    "export: Markdown, JSON, HTML or an ADR (decision record) to a file"),
    b("y",                       Msg::Copy,       At(81),      "copy",      "copy the Markdown summary to the clipboard (OSC 52)"),
];

#[rustfmt::skip]
const WELCOME: &[Binding] = &[
    b("enter | space | right | l", Msg::Enter,    At(1),       "start",     "start the questions"),
    b("r",                       Msg::Finish,     At(2),       "results",   "results now, with no answers"),
    b("1-9",                     Msg::Pick(0),    At(3),       "decisions", "choose the decisions to make: toggles that pack, and only the questions of the packs chosen are asked"),
    b("c",                       Msg::Resume,     No,          "",          "continue the saved, unfinished session (when one is offered)"),
    b("esc",                     Msg::Quit,       No,          "",          "quit"),
];

#[rustfmt::skip]
const QUESTION: &[Binding] = &[
    b("up | k",                  Msg::Up,         At(1),       "highlight", "highlight the previous choice (the ranking previews it)"),
    b("down | j",                Msg::Down,       At(1),       "highlight", "highlight the next choice (the ranking previews it)"),
    b("enter | space",           Msg::Enter,      At(2),       "choose",    "choose the highlighted answer and go on"),
    b("1-9",                     Msg::Pick(0),    No,          "",          "choose that answer and go on"),
    b("left | h | backspace",    Msg::PrevQuestion, At(3),     "back",      "previous question (answers are kept)"),
    b("right | l",               Msg::NextQuestion, At(4),     "next",      "next question, keeping this answer as it is"),
    b("s",                       Msg::Skip,       At(5),       "skip",      "skip: leave this question unanswered"),
    b("r",                       Msg::Finish,     At(6),       "results",   "results now (unanswered questions stay skipped)"),
    b("g",                       Msg::Terms,      At(7),       "terms",     "glossary terms named in this question"),
    b("H",                       Msg::Poll,       At(8),       "poll",      "poll the room on this question: type the hands for each answer"),
    b("esc",                     Msg::Back,       No,          "",          "previous question, or the welcome screen"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll the question's panel up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll the question's panel down (why it matters, when it does not fit)"),
];

#[rustfmt::skip]
const RESULTS: &[Binding] = &[
    b("tab",                     Msg::NextTab,    At(1),       "pack",      "next pack"),
    b("shift-tab",               Msg::PrevTab,    No,          "",          "previous pack"),
    b("left | h",                Msg::Left,       At(2),       "panel",     "previous panel"),
    b("right | l",               Msg::Right,      At(2),       "panel",     "next panel"),
    b("1-4",                     Msg::Pick(0),    No,          "",          "panel: 1 overview, 2 why, 3 what would change, 4 compare"),
    b("up | k",                  Msg::Up,         At(3),       "move",      "select the previous alternative, or scroll"),
    b("down | j",                Msg::Down,       At(3),       "move",      "select the next alternative, or scroll"),
    b("enter",                   Msg::Enter,      At(4),       "details",   "details of the selected alternative"),
    b("w",                       Msg::WhatIf,     At(5),       "what-if",   "what-if: change an answer and compare"),
    b("W",                       Msg::Weights,    At(6),       "weights",   "change the criteria's weights live: the ranking, margins and verdict follow"),
    b("H",                       Msg::Poll,       At(8),       "poll",      "poll the room: hands for each answer of a question, and what they mean"),
    b("esc",                     Msg::Back,       At(7),       "back",      "back to the questions"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll a page up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll a page down"),
    b("home | g",                Msg::Home,       No,          "",          "go to the top"),
    b("end | G",                 Msg::End,        No,          "",          "go to the bottom"),
];

#[rustfmt::skip]
const COMPARE: &[Binding] = &[
    b("tab",                     Msg::NextTab,    At(1),       "pack",      "next pack"),
    b("shift-tab",               Msg::PrevTab,    No,          "",          "previous pack"),
    b("up | k",                  Msg::Up,         At(2),       "row",       "previous alternative"),
    b("down | j",                Msg::Down,       At(2),       "row",       "next alternative"),
    b("left | h",                Msg::Left,       At(3),       "column",    "previous criterion (from the first: the previous panel)"),
    b("right | l",               Msg::Right,      At(3),       "column",    "next criterion"),
    b("1-4",                     Msg::Pick(0),    No,          "",          "panel: 1 overview, 2 why, 3 what would change, 4 compare"),
    b("enter",                   Msg::Enter,      At(4),       "details",   "details of the selected alternative"),
    b("w",                       Msg::WhatIf,     At(5),       "what-if",   "what-if: change an answer and compare"),
    b("W",                       Msg::Weights,    At(6),       "weights",   "change the criteria's weights live: the ranking, margins and verdict follow"),
    b("H",                       Msg::Poll,       At(8),       "poll",      "poll the room: hands for each answer of a question, and what they mean"),
    b("esc",                     Msg::Back,       At(7),       "back",      "back to the questions"),
];

#[rustfmt::skip]
const WHATIF: &[Binding] = &[
    b("up | k",                  Msg::Up,         At(1),       "question",  "previous question"),
    b("down | j",                Msg::Down,       At(1),       "question",  "next question"),
    b("left | h",                Msg::Left,       At(2),       "answer",    "previous answer of the selected question"),
    b("right | l",               Msg::Right,      At(2),       "answer",    "next answer of the selected question"),
    b("tab",                     Msg::NextTab,    At(3),       "pack",      "next pack"),
    b("shift-tab",               Msg::PrevTab,    No,          "",          "previous pack"),
    b("o | r",                   Msg::ResetWhatIf, At(4),      "original",  "back to the original answers"),
    b("W",                       Msg::Weights,    At(7),       "weights",   "change the criteria's weights live: both rankings follow"),
    b("H",                       Msg::Poll,       At(8),       "poll",      "poll the room: hands for each answer of a question, and what they mean"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll the rankings a page up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll the rankings a page down"),
    b("esc",                     Msg::Back,       At(6),       "results",   "back to the results (the original answers)"),
];

#[rustfmt::skip]
const DETAIL: &[Binding] = &[
    b("up | k",                  Msg::Up,         At(1),       "scroll",    "scroll"),
    b("down | j",                Msg::Down,       At(1),       "scroll",    "scroll"),
    b("esc | enter",             Msg::Back,       At(2),       "close",     "close"),
    b("g",                       Msg::Terms,      At(3),       "terms",     "glossary terms named in these details"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll a page up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll a page down"),
    // `g` opens the glossary terms here, so only Home goes to the top.
    b("home",                    Msg::Home,       No,          "",          "go to the top"),
    b("end | G",                 Msg::End,        No,          "",          "go to the bottom"),
];

#[rustfmt::skip]
const GLOSSARY: &[Binding] = &[
    b("up | k",                  Msg::Up,         At(1),       "scroll",    "scroll"),
    b("down | j",                Msg::Down,       At(1),       "scroll",    "scroll"),
    b("left | h | shift-tab",    Msg::Left,       At(2),       "related",   "choose the previous related term"),
    b("right | l | tab",         Msg::Right,      At(2),       "related",   "choose the next related term"),
    b("enter",                   Msg::Enter,      At(3),       "open",      "open the chosen related term (Esc comes back here)"),
    b("1-9",                     Msg::Pick(0),    No,          "",          "open that related term"),
    b("esc",                     Msg::Back,       At(4),       "close",     "close"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll a page up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll a page down"),
    b("home",                    Msg::Home,       No,          "",          "go to the top"),
    b("end",                     Msg::End,        No,          "",          "go to the bottom"),
];

#[rustfmt::skip]
const TERMS: &[Binding] = &[
    b("up | k",                  Msg::Up,         At(1),       "move",      "previous term"),
    b("down | j",                Msg::Down,       At(1),       "move",      "next term"),
    b("enter",                   Msg::Enter,      At(2),       "open",      "open the highlighted term"),
    b("1-9",                     Msg::Pick(0),    No,          "",          "open that term"),
    b("esc",                     Msg::Back,       At(3),       "close",     "close"),
];

/// The palette is a text field: letters, digits and `q` are typed (`map_key` sends `Msg::Char`).
#[rustfmt::skip]
const PALETTE: &[Binding] = &[
    b("up",                      Msg::Up,         At(1),       "move",      "previous item"),
    b("down",                    Msg::Down,       At(1),       "move",      "next item"),
    b("pgup",                    Msg::PageUp,     No,          "",          "a page up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "a page down"),
    b("enter",                   Msg::Enter,      At(2),       "open",      "open the highlighted item or run the command"),
    b("backspace",               Msg::Backspace,  No,          "",          "delete the last character of the search"),
    b("esc",                     Msg::Back,       At(3),       "close",     "close"),
    b("ctrl-c",                  Msg::Quit,       No,          "",          "quit"),
];

/// While a demo script runs, the presenter's keys; Esc hands the live session over.
#[rustfmt::skip]
const DEMO: &[Binding] = &[
    b("space | right | l | enter", Msg::DemoNext, At(1),      "next",      "next step"),
    b("left | h | backspace",    Msg::DemoPrev,   At(2),       "back",      "previous step (shown exactly as it was)"),
    b("pgdn",                    Msg::DemoPageDown, No,        "",          "scroll down when there is more below, else the next step (a clicker's key)"),
    b("pgup",                    Msg::DemoPageUp, No,          "",          "scroll up when scrolled, else the previous step (a clicker's key)"),
    b("home",                    Msg::DemoFirst,  No,          "",          "first step"),
    b("end",                     Msg::DemoLast,   No,          "",          "last step"),
    b("a",                       Msg::DemoPause,  No,          "",          "pause or resume auto-advance (scripts with auto_advance_seconds)"),
    b("esc",                     Msg::DemoExit,   At(3),       "take over", "leave the script: the live session goes on with these answers"),
    // The presenter may look around what a step shows; the next step is rebuilt from the script.
    b("1-9",                     Msg::Pick(0),    No,          "",          "on the results: panel (1 overview, 2 why, 3 what would change, 4 compare); on a team comparison: a team's details"),
    b("tab",                     Msg::NextTab,    No,          "",          "next pack (or tab)"),
    b("shift-tab",               Msg::PrevTab,    No,          "",          "previous pack (or tab)"),
    b("w",                       Msg::WhatIf,     No,          "",          "what-if on the results shown"),
    b("up | k",                  Msg::Up,         At(4),       "scroll",    "scroll up (a popup, a panel), or the previous alternative"),
    b("down | j",                Msg::Down,       At(4),       "scroll",    "scroll down (a popup, a panel), or the next alternative"),
];

#[rustfmt::skip]
const HELP: &[Binding] = &[
    b("up | k",                  Msg::Up,         At(1),       "scroll",    "scroll"),
    b("down | j",                Msg::Down,       At(1),       "scroll",    "scroll"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll a page up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll a page down"),
    b("esc | enter | ?",         Msg::Back,       At(2),       "close",     "close the help"),
];

/// The export dialog: typing goes into the path (`map_key` sends `Msg::Char`).
#[rustfmt::skip]
const EXPORT: &[Binding] = &[
    b("tab | shift-tab",         Msg::NextTab,    At(1),       "format",    "format: Markdown, JSON, HTML, ADR"),
    b("enter",                   Msg::Enter,      At(2),       "write",     "write the file"),
    b("backspace",               Msg::Backspace,  No,          "",          "delete a character of the path"),
    b("esc",                     Msg::Back,       At(3),       "cancel",    "cancel"),
    b("ctrl-u",                  Msg::ClearField, No,          "",          "clear the path"),
    b("ctrl-c",                  Msg::Quit,       No,          "",          "quit"),
];

/// The team comparison: a tab for the answers, then one per pack.
#[rustfmt::skip]
const TEAMS: &[Binding] = &[
    b("tab | right | l",         Msg::NextTab,    At(1),       "next tab",  "next tab"),
    b("shift-tab | left | h",    Msg::PrevTab,    No,          "",          "previous tab"),
    b("up | k",                  Msg::Up,         At(2),       "scroll",    "scroll up"),
    b("down | j",                Msg::Down,       At(2),       "scroll",    "scroll down"),
    b("1-9",                     Msg::Pick(0),    At(3),       "details",   "on a pack's tab: details of that team's recommendation"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll a page up"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll a page down"),
    b("esc",                     Msg::Back,       No,          "",          "leave the comparison (quits `compare --tui`)"),
];

/// The live weights: a row per criterion of one pack.
#[rustfmt::skip]
const WEIGHTS: &[Binding] = &[
    b("up | k",                  Msg::Up,         At(1),       "criterion", "previous criterion"),
    b("down | j",                Msg::Down,       At(1),       "criterion", "next criterion"),
    b("left | h | -",            Msg::Left,       At(2),       "weight",    "less weight for the selected criterion (steps of 0.5, 0.25 below 1)"),
    b("right | l | + | =",       Msg::Right,      At(2),       "weight",    "more weight for the selected criterion (up to 30)"),
    b("tab",                     Msg::NextTab,    At(3),       "pack",      "the next pack's weights"),
    b("shift-tab",               Msg::PrevTab,    No,          "",          "the previous pack's weights"),
    b("0 | r",                   Msg::ResetWeights, At(4),     "data's",    "every weight back to the data's"),
    b("home",                    Msg::Home,       No,          "",          "first criterion"),
    b("end",                     Msg::End,        No,          "",          "last criterion"),
    b("pgdn",                    Msg::PageDown,   No,          "",          "scroll the selected criterion's description down, when the popup shows a part of it"),
    b("pgup",                    Msg::PageUp,     No,          "",          "scroll the selected criterion's description up"),
    b("esc | enter | W",         Msg::Back,       At(5),       "close",     "close (the weights stay as set; changed ones are marked * and every export lists them)"),
];

/// The poll is a text field: digits type the hands of the highlighted answer (`map_key` sends
/// `Msg::Char`; the popup reads digits, + and − and ignores other letters).
#[rustfmt::skip]
const POLL: &[Binding] = &[
    b("up",                      Msg::Up,         At(1),       "answer",    "previous answer"),
    b("down | enter",            Msg::Down,       At(1),       "answer",    "next answer"),
    b("1-9",                     Msg::Pick(0),    At(2),       "hands",     "type the number of hands for the highlighted answer (0–9; Backspace deletes a digit)"),
    b("right",                   Msg::Right,      At(3),       "+1",        "one hand more (also +)"),
    b("left",                    Msg::Left,       No,          "",          "one hand less (also −)"),
    b("backspace",               Msg::Backspace,  No,          "",          "delete the last digit"),
    b("tab",                     Msg::NextTab,    At(4),       "question",  "the next question asked (hands already typed stay)"),
    b("shift-tab",               Msg::PrevTab,    No,          "",          "the previous question asked"),
    b("ctrl-u",                  Msg::ClearField, No,          "",          "forget every hand of the poll"),
    b("esc",                     Msg::Back,       At(5),       "close",     "close (the hands stay, and every export from here lists the poll)"),
    b("ctrl-c",                  Msg::Quit,       No,          "",          "quit"),
];

/// A binding with its keys read.
#[derive(Debug)]
pub struct Bound {
    pub keys: Vec<Key>,
    pub binding: &'static Binding,
}

impl Bound {
    /// The keys as the help lists them: `↑  k`.
    pub fn label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| key_label(*k)).collect();
        labels.join("  ")
    }

    /// The message a key press sends, if it is one of these keys.
    fn message(&self, ev: &KeyEvent) -> Option<Msg> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        self.keys.iter().find_map(|key| match (*key, ev.code) {
            (Key::Ctrl(c), KeyCode::Char(x)) if ctrl && x.eq_ignore_ascii_case(&c) => {
                Some(self.binding.msg.clone())
            }
            (Key::Digits(last), KeyCode::Char(d @ '1'..='9')) if !ctrl && d <= last => {
                Some(Msg::Pick(d as usize - '1' as usize))
            }
            (Key::Code(c), code) if !ctrl && c == code => Some(self.binding.msg.clone()),
            _ => None,
        })
    }
}

/// The tables read once: per context, its bindings in the order they are tried.
fn keymap() -> &'static [Vec<Bound>] {
    static KEYMAP: OnceLock<Vec<Vec<Bound>>> = OnceLock::new();
    KEYMAP.get_or_init(|| {
        Context::ALL
            .iter()
            .map(|ctx| {
                ctx.own()
                    .iter()
                    .chain(ctx.leaves())
                    .chain(ctx.globals())
                    .map(|binding| Bound {
                        // The built-in names are checked by a test; a bad one binds no key.
                        keys: parse_keys(binding.keys).unwrap_or_default(),
                        binding,
                    })
                    .collect()
            })
            .collect()
    })
}

/// Every binding read in a context, in the order they are tried: the context's own, export and
/// copy, then the keys of every screen. The help lists them in this order.
pub fn bindings(ctx: Context) -> &'static [Bound] {
    // `ALL` lists the variants in declaration order, so a context's index is its discriminant.
    &keymap()[ctx as usize]
}

/// The message a key press sends in `ctx`, if any.
pub fn map_key(ctx: Context, ev: &KeyEvent) -> Option<Msg> {
    if ctx.is_text_field()
        && let KeyCode::Char(c) = ev.code
        && !ev.modifiers.contains(KeyModifiers::CONTROL)
    {
        return Some(Msg::Char(c));
    }
    // The help popup reads `?` as "close": a context's own keys come before the global ones.
    bindings(ctx).iter().find_map(|b| b.message(ev))
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
    let top = depth.checked_sub(1).and_then(|i| app.popups.get(i));
    match (app.focus_at(depth), top) {
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
        Popup::Weights(_) => Context::Weights,
        Popup::Poll(_) => Context::Poll,
    }
}

/// The context of the screen itself, ignoring popups.
fn screen_context(app: &App) -> Context {
    match app.screen {
        Screen::Welcome => Context::Welcome,
        Screen::Question(_) => Context::Question,
        Screen::Results if app.results.panel == Panel::Compare => Context::Compare,
        Screen::Results => Context::Results,
        Screen::WhatIf(_) => Context::WhatIf,
        Screen::Teams(_) => Context::Teams,
    }
}

/// Turns a terminal event into a message in `ctx`. Only key presses count (not releases); mouse
/// events arrive only with `--mouse`, and a click lands where the last frame put things (`clicks`).
pub fn map_event(ctx: Context, ev: &Event, clicks: &super::msg::LaidOut) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press || k.kind == KeyEventKind::Repeat => {
            let msg = map_key(ctx, k)?;
            // When the terminal is too small nothing is visible, so only quitting works.
            (ctx != Context::TooSmall || msg == Msg::Quit).then_some(msg)
        }
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        Event::Mouse(m) if ctx != Context::TooSmall => match m.kind {
            MouseEventKind::ScrollUp => Some(Msg::Up),
            MouseEventKind::ScrollDown => Some(Msg::Down),
            MouseEventKind::Down(crossterm::event::MouseButton::Left) => {
                clicks.click(m.column, m.row)
            }
            _ => None,
        },
        _ => None,
    }
}

/// One hint of the bar: the keys (`↑↓`), the word, and whether room is always kept for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub word: &'static str,
    pub pinned: bool,
}

/// The hint bar of a context, in the order of the bindings' places; bindings that share a place
/// share a hint, their first keys side by side (`↑` and `↓`: `↑↓`).
pub fn hints(ctx: Context) -> Vec<Hint> {
    let mut shown: Vec<(u8, &Bound)> = bindings(ctx)
        .iter()
        .filter_map(|b| match b.binding.bar {
            No => None,
            At(n) | Pinned(n) => Some((n, b)),
        })
        .collect();
    shown.sort_by_key(|(n, _)| *n);
    let mut out: Vec<(u8, Hint)> = Vec::new();
    for (place, b) in shown {
        let first = b.keys.first().map_or(String::new(), |k| key_label(*k));
        match out.last_mut() {
            Some((p, hint)) if *p == place => hint.keys.push_str(&first),
            _ => out.push((
                place,
                Hint {
                    keys: first,
                    word: b.binding.hint,
                    pinned: matches!(b.binding.bar, Pinned(_)),
                },
            )),
        }
    }
    out.into_iter().map(|(_, h)| h).collect()
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
    fn every_built_in_key_name_is_known() {
        for &ctx in Context::ALL {
            for b in ctx.own().iter().chain(ctx.leaves()).chain(ctx.globals()) {
                let keys = parse_keys(b.keys).unwrap_or_else(|e| panic!("{ctx:?}: {e}"));
                assert!(!keys.is_empty(), "{ctx:?}: {:?} binds no key", b.keys);
                assert!(!b.help.is_empty(), "{ctx:?}: {:?} has no help text", b.keys);
                assert_eq!(
                    b.bar == No,
                    b.hint.is_empty(),
                    "{ctx:?}: {:?}: a hint word exactly when in the bar",
                    b.keys
                );
            }
        }
        assert!(
            parse_keys("up | sideways")
                .unwrap_err()
                .contains("unknown key `sideways`")
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for &ctx in Context::ALL {
            let mut seen = Vec::new();
            // Global keys may be overridden on purpose (`?` closes the help), so only a context's
            // own keys and export and copy.
            for binding in ctx.own().iter().chain(ctx.leaves()) {
                for k in parse_keys(binding.keys).unwrap() {
                    assert!(!seen.contains(&k), "{ctx:?}: {k:?} bound twice");
                    seen.push(k);
                }
            }
        }
    }

    #[test]
    fn labels_and_hints_come_from_the_keys() {
        let label = |ctx: Context, msg: Msg| {
            bindings(ctx)
                .iter()
                .find(|b| b.binding.msg == msg)
                .map(Bound::label)
                .unwrap()
        };
        assert_eq!(
            label(Context::Question, Msg::PrevQuestion),
            "←  h  Backspace"
        );
        assert_eq!(label(Context::Results, Msg::Pick(0)), "1–4");
        assert_eq!(label(Context::Welcome, Msg::Palette), "/  Ctrl-K");
        let bar: Vec<String> = hints(Context::Results)
            .iter()
            .map(|h| format!("{} {}", h.keys, h.word))
            .collect();
        assert_eq!(
            bar,
            [
                "Tab pack",
                "←→ panel",
                "↑↓ move",
                "Enter details",
                "w what-if",
                "W weights",
                "Esc back",
                "H poll",
                "e export",
                "y copy",
                "/ search",
                "p projector",
                "? help",
                "q quit"
            ]
        );
        assert!(
            hints(Context::Palette).iter().all(|h| h.word != "quit"),
            "no global keys in a text field"
        );
    }
}
