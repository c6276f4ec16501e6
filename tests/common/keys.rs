//! Driving the TUI's `update` without a terminal: keys by name, typed text, a fresh app.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tradeoff::tui::term::handle_event;
use tradeoff::tui::{App, Msg, Theme};

/// A key press by name: `enter`, `esc`, arrows, `tab`, `backtab`, `space`, `backspace`, `home`,
/// `end`, `pgup`, `pgdn`, `ctrl-X`, or a single character.
pub fn key(name: &str) -> Event {
    let none = KeyModifiers::NONE;
    let (code, mods) = match name {
        "enter" => (KeyCode::Enter, none),
        "esc" => (KeyCode::Esc, none),
        "up" => (KeyCode::Up, none),
        "down" => (KeyCode::Down, none),
        "left" => (KeyCode::Left, none),
        "right" => (KeyCode::Right, none),
        "tab" => (KeyCode::Tab, none),
        "backtab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "space" => (KeyCode::Char(' '), none),
        "backspace" => (KeyCode::Backspace, none),
        "home" => (KeyCode::Home, none),
        "end" => (KeyCode::End, none),
        "pgup" => (KeyCode::PageUp, none),
        "pgdn" => (KeyCode::PageDown, none),
        c if c.starts_with("ctrl-") && c.chars().count() == 6 => (
            KeyCode::Char(c.chars().last().unwrap()),
            KeyModifiers::CONTROL,
        ),
        c if c.chars().count() == 1 => (KeyCode::Char(c.chars().next().unwrap()), none),
        other => panic!("unknown key {other}"),
    };
    Event::Key(KeyEvent::new(code, mods))
}

/// Presses space-separated keys, e.g. "enter 2 down enter".
pub fn press(app: &mut App, keys: &str) {
    for k in keys.split_whitespace() {
        handle_event(app, &key(k));
    }
}

/// Types text into whatever has the keys (a text field), one character at a time.
pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        handle_event(
            app,
            &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

/// The app on the built-in data, in a theme, at a size.
pub fn new_app(theme: &str, size: (u16, u16)) -> App {
    let catalog = tradeoff::pack::load_builtin().expect("built-in data loads");
    let mut app = App::new(catalog, Theme::builtin(theme).unwrap(), size);
    app.update(Msg::Resize(size.0, size.1));
    app
}
