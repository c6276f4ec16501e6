//! Key names, as the key tables write them (`"up | k"`, `ctrl-k`, `1-9`, one character), read into
//! [`Key`]s, and each key's label on screen (`↑`, `Ctrl-K`, `1–9`, `k`). `keys` builds its
//! matching, its hints and the help from these.

use crossterm::event::KeyCode;

/// One key a binding listens to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Ctrl(char),
    /// The digits from 1 to this one, sending `Msg::Pick(digit - 1)`.
    Digits(char),
}

/// Reads one key name of a binding (see [`Binding::keys`]).
pub fn parse_key(name: &str) -> Result<Key, String> {
    let code = match name {
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "enter" => KeyCode::Enter,
        "space" => KeyCode::Char(' '),
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "pgup" => KeyCode::PageUp,
        "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        _ => {
            let chars: Vec<char> = name.chars().collect();
            return match chars[..] {
                [c] => Ok(Key::Code(KeyCode::Char(c))),
                ['1', '-', last @ '1'..='9'] => Ok(Key::Digits(last)),
                ['c', 't', 'r', 'l', '-', c] if c.is_ascii_alphabetic() => {
                    Ok(Key::Ctrl(c.to_ascii_lowercase()))
                }
                _ => Err(format!(
                    "unknown key `{name}`: use up, down, left, right, enter, space, esc, tab, \
                     shift-tab, backspace, pgup, pgdn, home, end, ctrl-x, 1-9 or one character"
                )),
            };
        }
    };
    Ok(Key::Code(code))
}

/// Every key of a `|`-separated list; an unknown name is an error naming it.
pub fn parse_keys(spec: &str) -> Result<Vec<Key>, String> {
    spec.split('|').map(|k| parse_key(k.trim())).collect()
}

/// How a key is written on screen: `↑`, `Enter`, `Ctrl-K`, `1–9`, `k`.
pub fn key_label(key: Key) -> String {
    match key {
        Key::Code(code) => match code {
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        },
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Digits(last) => format!("1–{last}"),
    }
}
