//! Export, clipboard and sessions through `update`: the effects the app asks for and what it shows
//! when they are done, without a terminal.

mod common;

use common::keys::{event, typed};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tradeoff::answers::Answers;
use tradeoff::autosave::Progress;
use tradeoff::report::Format;
use tradeoff::tui::ScreenKind;
use tradeoff::tui::clipboard::Multiplexer;
use tradeoff::tui::msg::{Delivery, Effect, Outcome, StatusKind};
use tradeoff::tui::popup::export::ExportDialog;
use tradeoff::tui::{App, Msg, Popup, Theme};

fn app() -> App {
    let catalog = common::keys::catalog();
    let mut a = App::new(catalog, Theme::builtin("dark").unwrap(), (80, 24));
    a.today = "2026-11-26".into();
    a
}

/// The export dialog, when it is open.
fn dialog(app: &App) -> Option<&ExportDialog> {
    app.popups.iter().find_map(|p| match p {
        Popup::Export(d) => Some(d),
        _ => None,
    })
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for k in keys {
        event(app, &Event::Key(KeyEvent::new(*k, KeyModifiers::NONE)));
    }
}

#[test]
fn export_dialog_asks_then_writes_what_the_results_show() {
    let mut a = app();
    press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('e')]);
    let d = dialog(&a).cloned().expect("the dialog is open");
    assert_eq!(d.path, "tradeoff-summary-2026-11-26.md");
    assert_eq!(d.format, Format::Markdown);
    // Letters are text here, even `q`: the app does not quit.
    for _ in 0..d.path.len() {
        press(&mut a, &[KeyCode::Backspace]);
    }
    typed(&mut a, "q.md");
    assert!(!a.quit);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(dialog(&a).unwrap().path, "q.html");
    press(&mut a, &[KeyCode::Enter]);
    let Some(Effect::Write {
        path,
        contents,
        overwrite,
    }) = a.effects.pop()
    else {
        panic!("a write was asked for")
    };
    assert_eq!(path.to_str(), Some("q.html"));
    assert!(!overwrite, "never overwrite without asking");
    assert_eq!(
        contents,
        tradeoff::report::html::render(a.rec(), "2026-11-26")
    );
    // The file exists: the dialog asks; `y` asks for the overwrite.
    a.update(Msg::Done(Outcome::Exists(path.clone())));
    assert!(dialog(&a).unwrap().confirm_overwrite);
    press(&mut a, &[KeyCode::Char('y')]);
    assert!(matches!(
        a.effects.pop(),
        Some(Effect::Write {
            overwrite: true,
            ..
        })
    ));
    a.update(Msg::Done(Outcome::Written(path)));
    assert!(dialog(&a).is_none());
    let status = a.status.clone().expect("a status line");
    assert_eq!(
        (status.kind, status.text.as_str()),
        (StatusKind::Ok, "Wrote q.html")
    );
    // The next key clears the message.
    press(&mut a, &[KeyCode::Down]);
    assert!(a.status.is_none());
}

/// The dialog offers the decision record too: Tab reaches it, its default name says so, and the
/// file is what `tradeoff recommend --format adr` writes.
#[test]
fn the_export_dialog_writes_an_adr() {
    let mut a = app();
    press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('e')]);
    press(&mut a, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Tab]);
    let d = dialog(&a).unwrap();
    assert_eq!(
        (d.format, d.path.as_str()),
        (Format::Adr, "tradeoff-decision-2026-11-26.md")
    );
    let screen = {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| f.render_widget(&a, f.area())).unwrap();
        term.backend().to_string()
    };
    assert!(screen.contains("▶ ADR (MADR 4.0)"), "{screen}");
    press(&mut a, &[KeyCode::Enter]);
    let Some(Effect::Write { contents, .. }) = a.effects.pop() else {
        panic!("a write was asked for")
    };
    assert_eq!(
        contents,
        tradeoff::report::render(a.rec(), Format::Adr, "2026-11-26")
    );
    // Tab comes back round to Markdown, with its own default name.
    a.update(Msg::Done(Outcome::WriteFailed("x".into())));
    press(&mut a, &[KeyCode::Tab]);
    assert_eq!(dialog(&a).unwrap().path, "tradeoff-summary-2026-11-26.md");
}

#[test]
fn export_errors_stay_in_the_dialog_and_esc_cancels() {
    let mut a = app();
    press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('e')]);
    press(&mut a, &[KeyCode::Enter]);
    a.effects.clear();
    a.update(Msg::Done(Outcome::WriteFailed(
        "/nope: permission denied".into(),
    )));
    assert_eq!(
        dialog(&a).unwrap().error.as_deref(),
        Some("/nope: permission denied")
    );
    // Ctrl-U empties the path, as in a shell.
    event(
        &mut a,
        &Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    assert_eq!(dialog(&a).unwrap().path, "");
    press(&mut a, &[KeyCode::Esc]);
    assert!(dialog(&a).is_none());
    assert_eq!(
        a.screen,
        ScreenKind::Results,
        "Esc closed the dialog, not the results"
    );
}

#[test]
fn copy_puts_the_markdown_summary_on_the_clipboard() {
    let mut a = app();
    press(&mut a, &[KeyCode::Char('r'), KeyCode::Char('y')]);
    let Some(Effect::Clipboard(text)) = a.effects.pop() else {
        panic!()
    };
    assert_eq!(
        text,
        tradeoff::report::markdown::render(a.rec(), "2026-11-26")
    );
    let mut out = Vec::new();
    let result = tradeoff::tui::effects::perform(Effect::Clipboard(text.clone()), &mut out, None);
    assert_eq!(
        result,
        Outcome::Copied {
            bytes: text.len(),
            delivery: Delivery::Direct
        }
    );
    assert!(String::from_utf8(out).unwrap().starts_with("\x1b]52;c;"));
    a.update(Msg::Done(result));
    assert_eq!(a.status.as_ref().map(|s| s.kind), Some(StatusKind::Ok));
}

/// Inside tmux or GNU screen the sequence goes through their passthrough, and since nothing says
/// whether it arrived, the status line warns instead of claiming success.
#[test]
fn copy_inside_a_multiplexer_is_wrapped_and_not_claimed_as_done() {
    let text = "summary".to_string();
    let mut out = Vec::new();
    let tmux = Some(Multiplexer::Tmux);
    let result = tradeoff::tui::effects::perform(Effect::Clipboard(text.clone()), &mut out, tmux);
    let sent = String::from_utf8(out).unwrap();
    // Bare for tmux's `set-clipboard on`, then wrapped for `allow-passthrough on`.
    assert!(sent.starts_with("\x1b]52;c;"), "{sent:?}");
    assert!(sent.contains("\x07\x1bPtmux;\x1b\x1b]52;c;"), "{sent:?}");
    assert!(sent.ends_with("\x1b\\"), "{sent:?}");
    let mut out = Vec::new();
    let screen = Some(Multiplexer::Screen);
    tradeoff::tui::effects::perform(Effect::Clipboard(text), &mut out, screen);
    let sent = String::from_utf8(out).unwrap();
    assert!(sent.starts_with("\x1bP\x1b]52;c;"), "{sent:?}");
    let mut a = app();
    a.update(Msg::Done(result));
    let status = a.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Warning);
    assert!(
        status.text.contains("may not have reached the clipboard"),
        "{}",
        status.text
    );
}

/// A failure is never marked ✓: the status line carries the kind of what happened.
#[test]
fn failures_are_marked_as_errors_on_screen() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut a = app();
    a.update(Msg::Done(Outcome::SaveFailed {
        path: "/nope/session.toml".into(),
        error: "permission denied".into(),
    }));
    let status = a.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| f.render_widget(&a, f.area())).unwrap();
    let footer = (0..80)
        .map(|x| term.backend().buffer()[(x, 23)].symbol().to_string())
        .collect::<String>();
    assert!(
        footer.starts_with(" ✗ Could not save the session to /nope/session.toml"),
        "{footer}"
    );
    assert!(!footer.contains('✓'), "{footer}");
    // A copy that could not be written is an error too.
    a.update(Msg::Done(Outcome::CopyFailed("broken pipe".into())));
    assert_eq!(a.status.as_ref().map(|s| s.kind), Some(StatusKind::Error));
}

#[test]
fn a_resumed_session_continues_where_it_was() {
    let a = app();
    let mut answers = Answers::empty(&a.catalog);
    answers.set_by_id(&a.catalog, "team_size", "large").unwrap();
    answers
        .set_by_id(&a.catalog, "k8s_experience", "production")
        .unwrap();
    let resumed = app().resumed(
        answers.clone(),
        Progress {
            position: 2,
            finished: false,
        },
    );
    assert_eq!(
        (resumed.screen.kind(), resumed.session.question),
        (ScreenKind::Question, 2)
    );
    assert_eq!(*resumed.session.answers(), answers);
    assert_eq!(
        resumed.session.cursor[0], 3,
        "the highlight follows the saved answer"
    );
    let finished = app().resumed(
        answers.clone(),
        Progress {
            position: 8,
            finished: true,
        },
    );
    assert_eq!(finished.screen.kind(), ScreenKind::Results);
    assert_eq!(finished.rec().answers[0].choice.as_deref(), Some("large"));
}

#[test]
fn the_welcome_screen_offers_an_unfinished_session() {
    let mut a = app();
    let mut answers = Answers::empty(&a.catalog);
    answers
        .set_by_id(&a.catalog, "workload", "background")
        .unwrap();
    a.resume = Some((
        answers.clone(),
        Progress {
            position: 4,
            finished: false,
        },
    ));
    press(&mut a, &[KeyCode::Char('c')]);
    assert_eq!(
        (a.screen.kind(), a.session.question),
        (ScreenKind::Question, 4)
    );
    assert_eq!(*a.session.answers(), answers);
    // Enter instead starts again and drops the offer.
    let mut b = app();
    b.resume = Some((
        answers,
        Progress {
            position: 4,
            finished: false,
        },
    ));
    press(&mut b, &[KeyCode::Enter]);
    assert_eq!(
        (b.screen.kind(), b.session.question),
        (ScreenKind::Question, 0)
    );
    assert!(b.resume.is_none());
    assert_eq!(b.session.answers().answered(), 0);
}

#[test]
fn progress_follows_the_screen() {
    let mut a = app();
    assert_eq!(
        a.progress(),
        Progress {
            position: 0,
            finished: false
        }
    );
    press(&mut a, &[KeyCode::Enter, KeyCode::Enter, KeyCode::Enter]);
    assert_eq!(
        a.progress(),
        Progress {
            position: 2,
            finished: false
        }
    );
    press(&mut a, &[KeyCode::Char('r')]);
    assert!(a.progress().finished);
}

/// The three teams of the fixtures, as `compare --tui` reads them.
fn fixture_teams(c: &tradeoff::pack::Catalog) -> Vec<tradeoff::tui::msg::TeamAnswers> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teams");
    ["startup", "data-team", "platform"]
        .iter()
        .map(|f| {
            let mut a = Answers::empty(c);
            let text = std::fs::read_to_string(dir.join(format!("{f}.toml"))).unwrap();
            a.apply_file(c, f, &text).unwrap();
            tradeoff::teams::Team::from_file(std::path::Path::new(&format!("{f}.toml")), a)
        })
        .collect()
}

/// The team comparison as the TUI shows it (`compare --tui`).
fn teams_app(size: (u16, u16)) -> App {
    let c = common::keys::catalog();
    let teams = fixture_teams(&c);
    let mut app = App::new(c, Theme::builtin("dark").unwrap(), size).with_teams(teams);
    app.update(Msg::Resize(size.0, size.1));
    app
}

#[test]
fn the_compare_screen_shows_answers_outcomes_and_reasons() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = teams_app((80, 24));
    assert_eq!(app.screen.kind(), ScreenKind::Teams);
    // Drawn as the loop draws: the frame's layout goes back to the app.
    let draw = |a: &mut App| {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        tradeoff::tui::term::draw(&mut term, a).unwrap();
        let buf = term.backend().buffer().clone();
        (0..24)
            .map(|y| {
                (0..80)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let answers = draw(&mut app);
    assert!(answers.contains("≠ Workload"), "{answers}");
    assert!(answers.contains("  Hardware needs"), "{answers}");
    insta::assert_snapshot!("compare_answers_80x24", answers);
    app.update(Msg::NextTab);
    let compute = draw(&mut app);
    assert!(compute.contains("▶ Amazon ECS Express Mode"));
    assert!(
        compute.contains("• Workload: Web app or API → Background jobs"),
        "{compute}"
    );
    insta::assert_snapshot!("compare_compute_80x24", compute);
    app.update(Msg::PrevTab);
    app.update(Msg::PrevTab);
    let last = app.teams().unwrap().cmp.packs.len();
    assert_eq!(app.teams().unwrap().tab, last, "tabs wrap around");
    app.update(Msg::Resize(20, 5));
    assert!(draw(&mut app).contains("terminal too small") || app.size == (20, 5));
    app.update(Msg::Quit);
    assert!(app.quit);
}

/// The team comparison reads its keys from the same table as every screen: Tab, → and l move on,
/// ← and h back, ↓ scrolls within what the frame laid out, a team's number opens the details of
/// its winner, `?` the help, `/` the search, `p` the projector view; q and Esc quit.
#[test]
fn the_compare_screen_keys_go_through_the_shared_machinery() {
    use common::keys::press;
    let mut s = teams_app((80, 24));
    let n_tabs = 1 + s.teams().unwrap().cmp.packs.len();
    let tab = |s: &App| s.teams().unwrap().tab;
    press(&mut s, "l");
    assert_eq!(tab(&s), 1);
    press(&mut s, "right tab");
    assert_eq!(tab(&s), 3 % n_tabs);
    press(&mut s, "h left");
    assert_eq!(tab(&s), (3 + 2 * (n_tabs - 1)) % n_tabs);
    // Scrolling stops where the frame said the text ends.
    press(&mut s, "tab");
    for _ in 0..50 {
        press(&mut s, "down");
    }
    let scroll = s.teams().unwrap().scroll;
    let limit = scroll.limit.expect("the frame reported a limit");
    assert_eq!(scroll.offset, limit);
    // The help, the search and the details of the second team's winner, each closed with Esc.
    press(&mut s, "?");
    assert!(matches!(s.popups.last(), Some(Popup::Help(_))));
    press(&mut s, "esc /");
    assert!(matches!(s.popups.last(), Some(Popup::Palette(_))));
    press(&mut s, "esc");
    press(&mut s, "1");
    press(&mut s, "esc 2");
    let Some(Popup::Detail(d)) = s.popups.last().cloned() else {
        panic!("{:?}", s.popups)
    };
    let team = &s.teams().unwrap();
    let pack = team.pack().unwrap();
    assert_eq!(
        s.shown_rec().packs[d.pack].ranking[d.alt].name,
        team.cmp.packs[pack].results[1].winner_name.clone().unwrap(),
        "the details of the second team's winner"
    );
    press(&mut s, "esc p");
    assert!(s.look.projector);
    press(&mut s, "q");
    assert!(s.quit);
    let mut s2 = teams_app((80, 24));
    press(&mut s2, "esc");
    assert!(s2.quit, "Esc quits too");
}

/// The team comparison on screen and the handout (`tradeoff compare --format json|html`) agree:
/// every team's winner and score of every pack, from the same comparison.
#[test]
fn the_comparison_screen_and_the_handout_agree() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teams");
    let files: Vec<String> = ["startup", "data-team", "platform"]
        .iter()
        .map(|f| dir.join(format!("{f}.toml")).display().to_string())
        .collect();
    let run = |format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
            .arg("compare")
            .args(&files)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let html = run("html");
    let mut app = teams_app((120, 40));
    for (k, pack) in json["packs"].as_array().unwrap().iter().enumerate() {
        app.update(Msg::NextTab);
        assert_eq!(app.teams().unwrap().tab, k + 1);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        tradeoff::tui::term::draw(&mut term, &mut app).unwrap();
        let screen = term.backend().to_string();
        for (i, r) in pack["results"].as_array().unwrap().iter().enumerate() {
            let team = json["teams"][i].as_str().unwrap();
            let winner = r["winner_name"].as_str().unwrap();
            let score = format!("{:.1}", r["score"].as_f64().unwrap());
            let row = screen
                .lines()
                .find(|l| l.contains(&format!("{} {team}", i + 1)))
                .unwrap_or_else(|| panic!("{team} on screen:\n{screen}"));
            assert!(row.contains(winner) && row.contains(&score), "{row}");
            assert!(
                html.contains(winner) && html.contains(&score),
                "{winner} {score} in the handout"
            );
        }
    }
}

/// An export from the what-if says it is a scenario and which answers it changed, in every
/// format (JSON as `scenario`); one from the results says nothing of the kind.
#[test]
fn an_export_from_the_what_if_is_labelled_a_scenario() {
    let mut a = app();
    press(&mut a, &[KeyCode::Char('r')]);
    let traffic = a.catalog.question_index("traffic").unwrap();
    let spiky = a.catalog.questions[traffic].choice_index("spiky").unwrap();
    a.update(Msg::OpenWhatIf(vec![(traffic, spiky)]));
    assert_eq!(a.screen, ScreenKind::WhatIf);
    for (format, wants) in [
        (Format::Markdown, "Scenario"),
        (Format::Html, "Scenario"),
        (Format::Adr, "Scenario"),
        (Format::Json, "\"scenario\""),
    ] {
        press(&mut a, &[KeyCode::Char('e')]);
        for _ in 0..tradeoff::tui::popup::export::FORMATS.len() {
            if dialog(&a).unwrap().format == format {
                break;
            }
            press(&mut a, &[KeyCode::Tab]);
        }
        assert_eq!(dialog(&a).unwrap().format, format);
        press(&mut a, &[KeyCode::Enter]);
        let Some(Effect::Write { contents, path, .. }) = a.effects.pop() else {
            panic!("nothing written");
        };
        assert!(contents.contains(wants), "{format:?}:\n{contents}");
        assert!(
            contents.contains("Traffic") && contents.contains("Spiky or mostly idle"),
            "{format:?} names the change:\n{contents}"
        );
        // Written: the dialog closes, the what-if stays.
        a.update(Msg::Done(Outcome::Written(path)));
        assert!(dialog(&a).is_none());
        assert_eq!(a.screen, ScreenKind::WhatIf);
    }
    // Back on the results, the export is the team's own.
    press(&mut a, &[KeyCode::Esc]);
    assert_eq!(a.screen, ScreenKind::Results);
    press(&mut a, &[KeyCode::Char('e'), KeyCode::Enter]);
    let Some(Effect::Write { contents, .. }) = a.effects.pop() else {
        panic!("nothing written");
    };
    assert!(!contents.contains("Scenario"), "{contents}");
}

/// The TUI's export and `--output` agree: a missing folder is refused, named, and not created.
#[test]
fn the_export_refuses_a_missing_folder_as_the_command_line_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder/summary.md");
    let outcome = tradeoff::tui::effects::perform(
        Effect::Write {
            path: path.clone(),
            contents: "x".into(),
            overwrite: false,
        },
        &mut Vec::new(),
        None,
    );
    match outcome {
        Outcome::WriteFailed(e) => {
            assert!(
                e.contains("no-such-folder") && e.contains("does not exist"),
                "{e}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(!dir.path().join("no-such-folder").exists());
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .args(["recommend", "--output"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&cli.stderr).contains("does not exist"));
}
