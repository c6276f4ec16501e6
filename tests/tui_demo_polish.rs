//! The demo's own screens and ways, without a terminal: the title card, the presenter's notes
//! window, team names on the comparison's stacks, going back into the demo from the palette, and
//! the printed script that stands alone. Snapshots at 80×24, 160×45 and 240×67.

mod common;

use common::keys::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tradeoff::cue::{Cue, Next};
use tradeoff::demo::{self, Action, Script};
use tradeoff::tui::notes::Follower;
use tradeoff::tui::{App, Msg, Theme};

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (240, 67)];

fn script() -> Script {
    demo::default_script(&common::keys::catalog()).expect("the default script")
}

fn demo_app(size: (u16, u16), projector: bool) -> App {
    let mut app = App::new(
        common::keys::catalog(),
        Theme::builtin("dark").unwrap(),
        size,
    );
    app.update(Msg::Resize(size.0, size.1));
    let mut app = app.with_demo(script());
    if projector {
        app.update(Msg::Projector);
    }
    app
}

fn screen(app: &App, size: (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_title_card_opens_the_demo() {
    assert!(matches!(&script().steps[0].action, Action::Title(t) if t.contains("DevOps stack")));
    for size in SIZES {
        let app = demo_app(size, size.0 >= 160);
        let s = screen(&app, size);
        assert!(s.contains("tradeoff demo · 45 steps"), "{s}");
        // In big letters: no ordinary line says the title outside the caption bar.
        let body: Vec<&str> = s
            .lines()
            .take(s.lines().count().saturating_sub(5))
            .collect();
        assert!(
            !body.iter().any(|l| l.contains("The DevOps stack")),
            "{size:?}: the title is big\n{s}"
        );
        insta::assert_snapshot!(format!("title_card_{}x{}", size.0, size.1), s);
    }
}

fn cue(notes: &str) -> Cue {
    Cue {
        title: "The DevOps stack on AWS: from the event report to 2026".into(),
        step: 32,
        steps: 43,
        caption: "EKS with their own nodes: the report's 'EKS for advanced features'. Mind the cluster fee and the upgrade cadence.".into(),
        notes: notes.into(),
        next: Some(Next {
            caption: "Kubernetes only when it is wanted: the same team without a Kubernetes policy gets ECS on Fargate.".into(),
            notes: "The key point of the night: experience is not a reason on its own.".into(),
        }),
        running: true,
        pid: 1,
        started: 1_000,
        since: 1_700,
    }
}

fn notes_screen(f: &Follower, size: (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal
        .draw(|fr| {
            f.render(fr.area(), fr.buffer_mut());
        })
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_notes_window_shows_notes_next_step_and_clock() {
    let notes = "EKS with their own nodes, not Auto Mode: they already run node groups in production.\nRead the caveat on screen: the cluster fee and the upgrade cadence are real costs.";
    for size in SIZES {
        let f = Follower::showing(
            Some(cue(notes)),
            1_742,
            "19:05",
            Theme::builtin("dark").unwrap(),
        );
        let s = notes_screen(&f, size);
        for want in [
            "Step 32 of 43",
            "19:05",
            "demo 12:22",
            "step 0:42",
            "Next: step 33",
            "The room reads",
            "they already run node groups",
        ] {
            assert!(s.contains(want), "{size:?}: {want}\n{s}");
        }
        assert!(!s.contains("more below"), "{size:?}: it all fits\n{s}");
        insta::assert_snapshot!(format!("notes_window_{}x{}", size.0, size.1), s);
    }
    // Notes longer than the window scroll, with their mark; none waits for a demo.
    let long = (1..=40)
        .map(|i| format!("line {i}"))
        .collect::<Vec<_>>()
        .join("\n");
    let f = Follower::showing(
        Some(cue(&long)),
        1_742,
        "19:05",
        Theme::builtin("dark").unwrap(),
    );
    assert!(notes_screen(&f, (80, 24)).contains("more below"));
    let f = Follower::showing(None, 0, "19:05", Theme::builtin("dark").unwrap());
    assert!(notes_screen(&f, (80, 24)).contains("Waiting for a demo"));
}

#[test]
fn team_stacks_in_big_letters_carry_the_team_names() {
    let s = script();
    let step = s
        .steps
        .iter()
        .position(|st| matches!(st.action, Action::Teams { pack: None, .. }))
        .unwrap();
    let size = (240, 67);
    let mut app = demo_app(size, true);
    app.demo_goto_step(step);
    let text = screen(&app, size);
    // Big letters are not text: the names are in the stacks' big rows when the ordinary table
    // does not say them; either way each team's name is on screen next to its stack.
    insta::assert_snapshot!("teams_stacks_240x67", text);
}

#[test]
fn the_palette_goes_back_into_the_demo_left_with_esc() {
    let size = (120, 40);
    let mut app = demo_app(size, false);
    press(&mut app, "space space space space");
    let beat = app.demo_step().unwrap();
    press(&mut app, "esc");
    assert!(app.demo.is_none());
    // The palette offers the way back, first among the commands.
    press(&mut app, "ctrl-k");
    let s = screen(&app, size);
    assert!(s.contains("Back to the demo"), "{s}");
    for c in "back to the demo".chars() {
        app.update(Msg::Char(c));
    }
    press(&mut app, "enter");
    assert_eq!(app.demo_step(), Some(beat), "the step the presenter left");
    assert!(app.popups.is_empty());
    // And on from there with the clicker.
    press(&mut app, "space");
    assert_eq!(app.demo_step(), Some(beat + 1));
}

#[test]
fn the_printed_script_stands_alone_and_validates() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["demo", "--print-script"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[[step.teams]]"));
    assert!(!text.lines().any(|l| l.starts_with("teams = [")), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-demo.toml");
    std::fs::write(&path, &text).unwrap();
    let printed = demo::parse(&common::keys::catalog(), path.to_str().unwrap(), &text)
        .unwrap_or_else(|d| panic!("{d}"));
    let builtin = script();
    assert_eq!(printed.steps.len(), builtin.steps.len());
    // The same teams, by name and answers, in every comparison step.
    for (a, b) in printed.steps.iter().zip(&builtin.steps) {
        if let (Action::Teams { teams: x, .. }, Action::Teams { teams: y, .. }) =
            (&a.action, &b.action)
        {
            let names = |t: &[tradeoff::teams::Team]| {
                t.iter()
                    .map(|t| (t.name.clone(), t.answers.choices.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(names(x), names(y));
        } else {
            assert_eq!(a, b);
        }
    }
}

/// A row with nothing on it: blanks and the lines of panel borders only.
fn empty(row: &str) -> bool {
    row.chars()
        .all(|c| c == ' ' || matches!(c, '│' | '─' | '╭' | '╮' | '╰' | '╯'))
}

/// Every beat of the built-in demo, in the projector view at 80×24 and 240×67: whatever the
/// screen cannot show has its mark (the text on top reports that it scrolls, so "more below"
/// must be on screen), and no more than a quarter of the rows stay empty.
#[test]
fn every_demo_beat_hides_nothing_and_fills_the_screen() {
    let mut problems = Vec::new();
    for size in [(80u16, 24u16), (240, 67)] {
        let mut app = demo_app(size, true);
        let beats = app.demo.as_ref().unwrap().beats.len();
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        for k in 0..beats {
            app.demo_goto(k);
            tradeoff::tui::term::draw(&mut terminal, &mut app).unwrap();
            // Drawn twice: the second frame knows what the first laid out.
            tradeoff::tui::term::draw(&mut terminal, &mut app).unwrap();
            let s = terminal.backend().to_string();
            let rows: Vec<String> = s.lines().map(|l| l.trim_matches('"').to_string()).collect();
            let step = app.demo.as_ref().unwrap().step() + 1;
            let what = format!("{size:?} step {step} (beat {})", k + 1);
            if app.layout.scroll_limit.is_some_and(|n| n > 0)
                && !rows
                    .iter()
                    .any(|r| r.contains("more below") || r.contains('▼'))
            {
                problems.push(format!("{what}: cut with no mark\n{}", rows.join("\n")));
            }
            let empty_rows = rows.iter().filter(|r| empty(r)).count();
            if empty_rows * 4 > size.1 as usize {
                problems.push(format!(
                    "{what}: {empty_rows} of {} rows empty\n{}",
                    size.1,
                    rows.join("\n")
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n\n")
    );
}
