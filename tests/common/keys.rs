//! Driving the TUI without a terminal, as its loop does: keys by name and typed text go through
//! `update`, and after each a frame is drawn into a `TestBackend` and what it laid out goes back to
//! `update` (scroll limits, where clicks land). Also a fresh app.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tradeoff::tui::term::{draw, handle_event};
use tradeoff::tui::{App, Msg, Theme};

/// One terminal event as the loop handles it: the message and its follow-ups, then a frame whose
/// layout goes back to `update`. True when the event meant something.
pub fn event(app: &mut App, ev: &Event) -> bool {
    let changed = handle_event(app, ev);
    frame(app);
    changed
}

/// Draws a frame at the app's size and feeds what it laid out back to `update`.
pub fn frame(app: &mut App) {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w.max(1), h.max(1))).unwrap();
    draw(&mut terminal, app).unwrap();
}

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
        event(app, &key(k));
    }
}

/// Types text into whatever has the keys (a text field), one character at a time.
pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        event(
            app,
            &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

/// The built-in data, as of the day it was verified: screens that show the data's age stay the
/// same whatever day the tests run (a test that wants old data moves `today` itself).
pub fn catalog() -> tradeoff::pack::Catalog {
    let mut catalog = tradeoff::pack::load_builtin().expect("built-in data loads");
    catalog.today = tradeoff::dates::parse_ymd(&catalog.verified).expect("a verified date");
    catalog
}

/// The app on the built-in data (as of its verified date), in a theme, at a size.
pub fn new_app(theme: &str, size: (u16, u16)) -> App {
    let catalog = catalog();
    let mut app = App::new(catalog, Theme::builtin(theme).unwrap(), size);
    app.update(Msg::Resize(size.0, size.1));
    app
}

/// The keys that answer the built-in questions in the catalog's order from the welcome screen:
/// `enter`, then for each question the digit of its choice in `answers` (`question=choice`, as
/// `--answer` takes them) or `s` (skip) for a question not listed. With `until`, stops on that
/// question (unanswered, on screen). Counts and positions come from the catalog, never hard-coded.
pub fn answer_keys(answers: &[&str], until: Option<&str>) -> String {
    let catalog = tradeoff::pack::load_builtin().expect("built-in data loads");
    let mut keys = vec!["enter".to_string()];
    // A follow-up question that the answers so far do not ask is not on screen: no key for it.
    let mut so_far = vec![None; catalog.questions.len()];
    for (qi, q) in catalog.questions.iter().enumerate() {
        if !q.applies(&so_far) {
            continue;
        }
        if until == Some(q.id.as_str()) {
            return keys.join(" ");
        }
        let given = answers.iter().find_map(|a| {
            let (id, choice) = a.split_once('=')?;
            (id == q.id).then_some(choice)
        });
        keys.push(match given {
            Some(choice) => {
                let c = q
                    .choice_index(choice)
                    .unwrap_or_else(|| panic!("{}: no choice {choice}", q.id));
                assert!(c < 9, "{}: choice {choice} has no digit key", q.id);
                so_far[qi] = Some(c);
                (c + 1).to_string()
            }
            None => "s".to_string(),
        });
    }
    assert!(until.is_none(), "no question {until:?}");
    for a in answers {
        let id = a.split_once('=').map_or(*a, |(id, _)| id);
        assert!(catalog.question_index(id).is_some(), "no question {id}");
    }
    keys.join(" ")
}

/// How many questions the built-in data asks a team that takes the first choice of each (or skips
/// them): a follow-up question that those answers do not ask is not counted. The progress reads
/// "k/N" with this N.
pub fn asked_with_first_choices() -> usize {
    let catalog = tradeoff::pack::load_builtin().expect("built-in data loads");
    let first: Vec<Option<usize>> = vec![Some(0); catalog.questions.len()];
    let mut answers = first.clone();
    catalog.normalize(&mut answers);
    (0..catalog.questions.len())
        .filter(|&q| catalog.asked(q, &answers))
        .count()
}

/// `key` pressed `n` times, e.g. to move down to the n-th question.
pub fn times(key: &str, n: usize) -> String {
    vec![key; n].join(" ")
}

/// The catalog index of a built-in question.
pub fn question(id: &str) -> usize {
    tradeoff::pack::load_builtin()
        .expect("built-in data loads")
        .question_index(id)
        .unwrap_or_else(|| panic!("no question {id}"))
}

/// The small team of the snapshots: no Kubernetes and not wanted, AWS only, a steady web app on
/// standard hardware, not an App Runner customer, TypeScript, no IaC yet (kept as it is). App Runner
/// and both EKS options are excluded; ECS Express Mode and AWS CDK win.
pub const SMALL_TEAM: &[&str] = &[
    "team_size=small",
    "k8s_experience=none",
    "kubernetes_wanted=no",
    "cloud_strategy=aws_only",
    "workload=web",
    "traffic=steady",
    "hardware=standard",
    "app_runner_customer=no",
    "iac_language=typescript",
    "existing_iac=none",
    "iac_migration=keep",
];

/// The screen as text, drawn at the app's size.
pub fn screen(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

/// The small team's results at `size`, in the projector's look or the ordinary one: where the
/// popups over the results start.
pub fn small_team_results(size: (u16, u16), projector: bool) -> App {
    let mut a = new_app("dark", size);
    if projector {
        a.update(Msg::SetProjector(true));
    }
    press(&mut a, &answer_keys(SMALL_TEAM, None));
    a
}

/// `f(view, size, projector)` for each look (`ordinary`, `projector`) at each of `sizes`.
pub fn each_popup_view(sizes: &[(u16, u16)], mut f: impl FnMut(&str, (u16, u16), bool)) {
    for projector in [false, true] {
        for &size in sizes {
            f(
                if projector { "projector" } else { "ordinary" },
                size,
                projector,
            );
        }
    }
}

/// A demo `script` (named `name`) started at 80×24, in the projector's look or not.
pub fn demo_app(
    catalog: &tradeoff::pack::Catalog,
    name: &str,
    script: &str,
    projector: bool,
) -> App {
    let parsed = tradeoff::demo::parse(catalog, name, script).unwrap();
    let mut a = App::start(
        catalog.clone(),
        tradeoff::tui::Start {
            theme: Theme::builtin("dark").unwrap(),
            projector,
            keep_theme: false,
            show: tradeoff::tui::Show::Demo(parsed),
        },
    );
    a.update(Msg::Resize(80, 24));
    a
}

/// The problem a demo `script` (named `name`) is refused with.
pub fn demo_error(catalog: &tradeoff::pack::Catalog, name: &str, script: &str) -> String {
    tradeoff::demo::parse(catalog, name, script)
        .unwrap_err()
        .to_string()
}
