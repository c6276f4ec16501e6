//! Text from data on the TUI's screens: everything someone else wrote (names, labels, prompts,
//! captions, team names) reaches the terminal through the one sanitiser (`tradeoff::safe`), escaped
//! and visible, never interpreted; and widths are display columns, so wide (CJK, emoji) names align
//! and long names are cut, never wrapped into the next column.

mod common;

use common::keys::{SMALL_TEAM, answer_keys, press};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tradeoff::pack::Catalog;
use tradeoff::tui::{App, Msg, Theme};

/// Every family of escape the sanitiser knows: OSC 52 (clipboard), a screen clear, a window title,
/// a spoofed OSC 8 link, BEL, a C1 introducer, a carriage return and a bidi override.
const PAYLOAD: &str = "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{1b}]0;title\u{7}\u{1b}]8;;https://evil\u{7}x\u{9b}31m\r\u{202e}";

/// The built-in data with `f` applied to every text a person reads on screen.
fn catalog_with(f: impl Fn(&str) -> String) -> Catalog {
    let mut c = common::keys::catalog();
    for q in &mut c.questions {
        q.title = f(&q.title);
        q.prompt = f(&q.prompt);
        q.help = f(&q.help);
        for ch in &mut q.choices {
            ch.label = f(&ch.label);
            ch.detail = ch.detail.as_deref().map(&f);
        }
    }
    for p in &mut c.packs {
        p.name = f(&p.name);
        for a in &mut p.alternatives {
            a.name = f(&a.name);
            a.short = f(&a.short);
            a.summary = f(&a.summary);
            for s in &mut a.next_steps {
                *s = f(s);
            }
        }
        for k in &mut p.criteria {
            k.name = f(&k.name);
        }
    }
    for t in &mut c.glossary {
        t.term = f(&t.term);
        t.definition = f(&t.definition);
    }
    for s in &mut c.sources {
        s.title = f(&s.title);
    }
    c
}

fn buffer(app: &App, (w, h): (u16, u16)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, as a terminal shows it: a wide character's second cell is not a character.
fn text(buf: &Buffer) -> String {
    let a = buf.area;
    (a.top()..a.bottom())
        .map(|y| row(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

fn row(buf: &Buffer, y: u16) -> String {
    let a = buf.area;
    let mut out = String::new();
    let mut x = a.left();
    while x < a.right() {
        let s = buf[(x, y)].symbol();
        out.push_str(s);
        x += (unicode_width::UnicodeWidthStr::width(s) as u16).max(1);
    }
    out
}

/// The screens to look at, as keys from the start.
fn screens() -> Vec<String> {
    let a = answer_keys(SMALL_TEAM, None);
    vec![
        String::new(),
        "enter".into(),
        "enter down".into(),
        a.clone(),
        format!("{a} 2"),
        format!("{a} 3"),
        format!("{a} 4"),
        format!("{a} enter"),
        format!("{a} w down right"),
        format!("{a} /"),
        format!("{a} p"),
        "enter g enter".into(),
    ]
}

#[test]
fn nothing_from_the_data_reaches_the_terminal_raw() {
    let catalog = catalog_with(|s| format!("{PAYLOAD}{s}"));
    for keys in screens() {
        for size in [(80, 24), (160, 45)] {
            let mut app = App::new(catalog.clone(), Theme::builtin("dark").unwrap(), size);
            app.update(Msg::Resize(size.0, size.1));
            press(&mut app, &keys);
            let buf = buffer(&app, size);
            for cell in buf.content() {
                assert!(
                    !cell.symbol().chars().any(tradeoff::safe::is_unsafe),
                    "{keys:?} at {size:?}: {:?} reached the buffer\n{}",
                    cell.symbol(),
                    text(&buf)
                );
            }
            // What was hostile is shown, escaped, not silently dropped.
            assert!(
                text(&buf).contains("\\x1b"),
                "{keys:?} at {size:?}: no visible escape\n{}",
                text(&buf)
            );
        }
    }
}

/// Wide names (Japanese, emoji) and a very long one: the ranking's scores stay in one column and
/// every row of the screen is exactly as wide as the terminal.
#[test]
fn wide_and_long_names_align_and_are_cut() {
    let names = [
        "日本語のコンテナ基盤",
        "🚀 Rocket platform",
        "Ünïcödé Platform",
        &"A very long alternative name that goes on ".repeat(8),
    ];
    let mut catalog = common::keys::catalog();
    let pack = &mut catalog.packs[0];
    for (a, n) in pack.alternatives.iter_mut().zip(names.iter().cycle()) {
        a.name = n.to_string();
        a.short = n.chars().take(6).collect();
    }
    for size in [(80, 24), (120, 40)] {
        let mut app = App::new(catalog.clone(), Theme::builtin("dark").unwrap(), size);
        app.update(Msg::Resize(size.0, size.1));
        press(&mut app, &answer_keys(SMALL_TEAM, None));
        let rec = app.rec().clone();
        let buf = buffer(&app, size);
        let screen = text(&buf);
        // The scores of the ranked alternatives end in the same column.
        let mut ends = Vec::new();
        for a in rec.packs[0].ranking.iter().filter(|a| !a.excluded) {
            let score = format!("{:.1}", a.score);
            let Some(y) = (0..size.1).find(|&y| {
                let row = row(&buf, y);
                row.contains('█') && row.trim_end().ends_with(&score)
            }) else {
                panic!("no ranking row ending in {score}:\n{screen}")
            };
            let last = (0..size.0)
                .rev()
                .find(|&x| !buf[(x, y)].symbol().trim().is_empty())
                .unwrap();
            ends.push(last);
        }
        assert!(
            ends.windows(2).all(|w| w[0] == w[1]),
            "{size:?}: scores end in columns {ends:?}\n{screen}"
        );
        // The long name is cut with an ellipsis, never wrapped over the score.
        assert!(screen.contains('…'), "{screen}");
        assert!(screen.contains("日本語のコンテナ基盤"), "{screen}");
    }
    // And no panic at any size with them.
    let mut app = App::new(catalog, Theme::builtin("dark").unwrap(), (120, 40));
    press(&mut app, &answer_keys(SMALL_TEAM, None));
    for (w, h) in [(80, 24), (81, 25), (100, 30), (200, 50)] {
        for keys in ["", "2", "3", "4", "enter", "p"] {
            let mut a = app.clone();
            a.update(Msg::Resize(w, h));
            press(&mut a, keys);
            buffer(&a, (w, h));
        }
    }
}
