//! The TUI's `update` without a terminal: key presses in, state out.

mod common;

use common::keys::{SMALL_TEAM, answer_keys, event, press, question, times};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tradeoff::answers::Answers;
use tradeoff::engine;
use tradeoff::tui::popup::Detail;
use tradeoff::tui::term::handle_event;
use tradeoff::tui::{App, Msg, Theme};
use tradeoff::tui::{Panel, Popup, ScreenKind};

fn app() -> App {
    let catalog = common::keys::catalog();
    App::new(catalog, Theme::builtin("dark").unwrap(), (80, 24))
}

/// From the welcome screen, answers every question with its first choice.
fn to_results(app: &mut App) {
    press(app, "enter");
    // As many as the answers ask: a follow-up that does not apply is not on screen.
    for _ in 0..app.catalog.questions.len() {
        if app.screen == ScreenKind::Results {
            break;
        }
        press(app, "enter");
    }
    assert_eq!(app.screen.kind(), ScreenKind::Results);
}

#[test]
fn enter_on_the_welcome_screen_starts_the_questions() {
    let mut a = app();
    assert_eq!(a.screen.kind(), ScreenKind::Welcome);
    press(&mut a, "enter");
    assert_eq!(
        (a.screen.kind(), a.session.question),
        (ScreenKind::Question, 0)
    );
}

#[test]
fn going_back_keeps_earlier_answers() {
    let mut a = app();
    press(&mut a, "enter 2 down enter");
    assert_eq!(a.session.question, 2);
    assert_eq!(&a.session.answers().choices[..2], &[Some(1), Some(1)]);
    press(&mut a, "left backspace");
    assert_eq!(a.session.question, 0);
    assert_eq!(&a.session.answers().choices[..2], &[Some(1), Some(1)]);
    // The highlight returns to the answer given.
    assert_eq!(a.session.cursor[0], 1);
    // Esc on the first question goes back to the welcome screen; the answers stay.
    press(&mut a, "esc");
    assert_eq!(a.screen.kind(), ScreenKind::Welcome);
    assert_eq!(a.session.answers().choices[0], Some(1));
}

#[test]
fn skip_leaves_the_question_unanswered_and_next_keeps_the_answer() {
    let mut a = app();
    press(&mut a, "enter s");
    assert_eq!(
        (a.session.question, a.session.answers().choices[0]),
        (1, None)
    );
    press(&mut a, "3 left right");
    assert_eq!(
        (a.session.question, a.session.answers().choices[1]),
        (2, Some(2))
    );
    // Skipping an answered question clears its answer.
    press(&mut a, "left s");
    assert_eq!(
        (a.session.question, a.session.answers().choices[1]),
        (2, None)
    );
    // Moving the highlight does not answer.
    press(&mut a, "down down");
    assert_eq!(a.session.answers().choices[2], None);
}

#[test]
fn the_last_question_leads_to_results_for_exactly_these_answers() {
    let mut a = app();
    let flags = [
        "team_size=small",
        "k8s_experience=none",
        "kubernetes_wanted=no",
        "cloud_strategy=aws_only",
        "workload=web",
        "traffic=spiky",
        "hardware=gpu_or_large",
        "app_runner_customer=no",
        "iac_language=declarative",
        "existing_iac=terraform",
        "iac_migration=keep",
        "release_approval=manual",
        "code_host=github",
        "observability_today=none",
        "footprint=several",
    ];
    assert_eq!(
        flags.len(),
        a.catalog.questions.len(),
        "every question answered"
    );
    press(&mut a, &answer_keys(&flags, None));
    assert_eq!(a.screen.kind(), ScreenKind::Results);
    let mut expected = Answers::empty(&a.catalog);
    for flag in flags {
        expected.apply_flag(&a.catalog, flag).unwrap();
    }
    assert_eq!(*a.session.answers(), expected);
    let rec = engine::analyze(&a.catalog, &expected, &[]);
    assert_eq!(
        serde_json::to_value(a.rec()).unwrap(),
        serde_json::to_value(&rec).unwrap(),
        "the results show the same recommendation as `tradeoff recommend`"
    );
    // Esc goes back to the last question, answers kept; `r` jumps to the results again.
    press(&mut a, "esc");
    let last = a.catalog.questions.len() - 1;
    assert_eq!(
        (a.screen.kind(), a.session.question),
        (ScreenKind::Question, last)
    );
    press(&mut a, "r");
    assert_eq!(a.screen.kind(), ScreenKind::Results);
}

#[test]
fn finish_early_leaves_the_rest_skipped() {
    let mut a = app();
    press(&mut a, "enter 2 r");
    assert_eq!(a.screen.kind(), ScreenKind::Results);
    assert_eq!(a.session.answers().answered(), 1);
}

#[test]
fn what_if_changes_a_copy_and_one_key_restores_the_original() {
    let mut a = app();
    press(&mut a, &answer_keys(SMALL_TEAM, None));
    let original = a.session.answers().clone();
    let original_winner = a.rec().packs[0].winner.clone();
    press(&mut a, "w");
    assert_eq!(a.screen.kind(), ScreenKind::WhatIf);
    // Workload: web → background jobs.
    let workload = question("workload");
    press(&mut a, &format!("{} right", times("down", workload)));
    let w = a.whatif().unwrap();
    assert_eq!(w.answers().choices[workload], Some(1));
    assert_ne!(
        w.scored.rec(&a.catalog).packs[0].winner,
        original_winner,
        "background jobs change the compute winner"
    );
    assert_eq!(
        *a.session.answers(),
        original,
        "what-if never touches the answers"
    );
    // Left from the first choice wraps to "skipped".
    press(&mut a, "left left");
    assert_eq!(a.whatif().unwrap().answers().choices[workload], None);
    press(&mut a, "o");
    let w = a.whatif().unwrap();
    assert_eq!(*w.answers(), original);
    assert_eq!(w.scored.rec(&a.catalog).packs[0].winner, original_winner);
    press(&mut a, "right esc");
    assert_eq!(a.screen.kind(), ScreenKind::Results);
    assert!(a.whatif().is_none());
    assert_eq!(*a.session.answers(), original);
}

#[test]
fn esc_closes_the_top_popup_first() {
    let mut a = app();
    to_results(&mut a);
    press(&mut a, "?");
    assert!(matches!(a.popups.as_slice(), [Popup::Help(_)]));
    press(&mut a, "esc");
    assert!(a.popups.is_empty());
    assert_eq!(a.screen.kind(), ScreenKind::Results);
    press(&mut a, "down enter ?");
    assert!(matches!(
        a.popups.as_slice(),
        [Popup::Detail(Detail { alt: 1, .. }), Popup::Help(_)]
    ));
    press(&mut a, "?");
    assert!(matches!(a.popups.as_slice(), [Popup::Detail(_)]));
    press(&mut a, "esc");
    assert!(a.popups.is_empty());
    assert_eq!(a.screen.kind(), ScreenKind::Results);
}

#[test]
fn q_and_ctrl_c_quit_from_anywhere() {
    for keys in ["q", "ctrl-c", "enter q", "enter down ? q", "esc"] {
        let mut a = app();
        press(&mut a, keys);
        assert!(a.quit, "{keys} quits");
    }
    let mut a = app();
    to_results(&mut a);
    press(&mut a, "enter ctrl-c");
    assert!(a.quit);
    let mut a = app();
    a.update(Msg::Resize(20, 5));
    press(&mut a, "q");
    assert!(a.quit, "q quits the too-small screen");
}

#[test]
fn only_key_presses_count() {
    let mut a = app();
    let mut release = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert!(!handle_event(&mut a, &Event::Key(release)));
    assert_eq!(a.screen.kind(), ScreenKind::Welcome);
}

#[test]
fn a_too_small_terminal_ignores_everything_but_quit() {
    let mut a = app();
    event(&mut a, &Event::Resize(79, 24));
    press(&mut a, "enter");
    assert_eq!(a.screen.kind(), ScreenKind::Welcome);
    event(&mut a, &Event::Resize(80, 24));
    press(&mut a, "enter");
    assert_eq!(a.screen.kind(), ScreenKind::Question);
}

#[test]
fn results_tabs_panels_and_the_comparison_cursor() {
    let mut a = app();
    to_results(&mut a);
    assert_eq!((a.results.tab, a.results.panel), (0, Panel::Overview));
    press(&mut a, "tab");
    assert_eq!(a.results.tab, 1);
    let packs = a.catalog.packs.len();
    for _ in 1..packs {
        press(&mut a, "tab");
    }
    assert_eq!(a.results.tab, 0, "tabs wrap around");
    press(&mut a, "backtab");
    assert_eq!(a.results.tab, packs - 1);
    press(&mut a, "tab");
    press(&mut a, "tab");
    assert_eq!(a.results.tab, 1);
    press(&mut a, "right");
    assert_eq!(a.results.panel, Panel::Why);
    press(&mut a, "4");
    assert_eq!(a.results.panel, Panel::Compare);
    press(&mut a, "right right down");
    assert_eq!((a.results.column, a.selected()), (2, 1));
    press(&mut a, "left left left");
    assert_eq!(
        a.results.panel,
        Panel::Change,
        "left of the first criterion is the previous panel"
    );
    press(&mut a, "1 down down down down down down down down");
    assert_eq!(
        a.selected(),
        a.rec().packs[1].ranking.len() - 1,
        "the selection stops at the last row"
    );
}

#[test]
fn scrolling_stops_at_the_end_of_a_panel() {
    let mut a = app();
    to_results(&mut a);
    press(&mut a, "2 end");
    let end = a.results.scroll.offset;
    assert!(end > 0, "the Why panel is longer than 80×24 shows");
    press(&mut a, "down pgdn");
    assert_eq!(a.results.scroll.offset, end);
    press(&mut a, "up");
    assert_eq!(a.results.scroll.offset, end - 1);
    // A bigger terminal needs less scrolling: the offset follows.
    event(&mut a, &Event::Resize(200, 60));
    assert!(a.results.scroll.offset < end);
}

#[test]
fn the_live_ranking_previews_the_highlighted_choice() {
    let mut a = app();
    let workload = question("workload");
    press(&mut a, &answer_keys(SMALL_TEAM, Some("workload")));
    assert_eq!(a.session.question, workload);
    // Workload: highlight "Background jobs" without confirming.
    press(&mut a, "down");
    let live = a.live();
    assert_eq!(live.preview.as_deref(), Some("Background jobs"));
    let mut preview = a.session.answers().clone();
    preview.choices[workload] = Some(1);
    let ev = engine::evaluate(&a.catalog.packs[0], &preview.choices);
    let top = ev.ranking()[0];
    assert_eq!(
        live.packs[0].rows[0].name,
        a.catalog.packs[0].alternatives[top].name
    );
    assert_eq!(live.packs[0].rows[0].score, engine::round1(ev.scores[top]));
    assert!(live.packs[0].rows[0].moved > 0, "the new leader moved up");
    // Confirming makes it the answer: no preview any more on that question.
    press(&mut a, "enter left");
    assert_eq!(a.live().preview, None);
}

#[test]
fn a_mouse_click_highlights_then_confirms_a_choice() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut a = app();
    press(&mut a, "enter");
    // Find the row of the second choice on screen; the frame tells the app where the choices are.
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut term = ratatui::Terminal::new(backend).unwrap();
    tradeoff::tui::term::draw(&mut term, &mut a).unwrap();
    let buf = term.backend().buffer().clone();
    let row = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .contains("Small (2–5)")
        })
        .expect("the choice is on screen");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row,
        modifiers: KeyModifiers::NONE,
    });
    event(&mut a, &click);
    assert_eq!((a.session.cursor[0], a.session.question), (1, 0));
    event(&mut a, &click);
    assert_eq!(
        (a.session.answers().choices[0], a.session.question),
        (Some(1), 1)
    );
}

#[test]
fn t_goes_through_the_themes_and_says_which() {
    // A light terminal makes the dark theme hard to read: one key, on every screen, fixes it.
    let mut a = app();
    for want in ["light", "mono", "dark", "light"] {
        press(&mut a, "t");
        assert_eq!(a.look.theme.name, want);
        let status = a.status.as_ref().expect("the status line says it");
        assert!(status.text.contains(want), "{}", status.text);
    }
    to_results(&mut a);
    press(&mut a, "t");
    assert_eq!(a.look.theme.name, "mono");
    // In the projector view the cycle starts from the projector's theme and comes back to it;
    // the projector view stays, and leaving it gives back the theme from before. (Mono stays
    // mono in the projector view: colour was not wanted.)
    press(&mut a, "t");
    assert_eq!(a.look.theme.name, "dark");
    press(&mut a, "p");
    assert_eq!(a.look.theme.name, "projector");
    for want in ["dark", "light", "mono", "projector"] {
        press(&mut a, "t");
        assert!(a.look.projector);
        assert_eq!(a.look.theme.name, want);
    }
    press(&mut a, "p");
    assert_eq!(a.look.theme.name, "dark");
}

#[test]
fn t_is_text_where_text_is_typed() {
    let mut a = app();
    to_results(&mut a);
    press(&mut a, "/");
    common::keys::typed(&mut a, "tofu");
    assert_eq!(
        a.look.theme.name, "dark",
        "typing in the search changes no theme"
    );
    match a.popups.last() {
        Some(Popup::Palette(p)) => assert_eq!(p.query, "tofu"),
        other => panic!("the search is open: {other:?}"),
    }
}

/// Choosing the decisions on the welcome screen: 1–9 toggle the packs, only the questions of the
/// packs chosen are asked (shared ones once), the results have a tab per pack chosen, and the last
/// pack chosen stays chosen.
#[test]
fn the_welcome_screen_chooses_the_decisions() {
    let mut a = app();
    let c = a.catalog.clone();
    let (delivery, observability) = (
        c.pack_index("delivery").unwrap(),
        c.pack_index("observability").unwrap(),
    );
    press(&mut a, &format!("{} {}", delivery + 1, observability + 1));
    let containers: Vec<usize> = ["compute", "iac"]
        .iter()
        .map(|p| c.pack_index(p).unwrap())
        .collect();
    assert_eq!(a.session.packs(), &containers[..]);
    assert_eq!(a.session.asked(), &c.questions_for(&containers)[..]);
    // A workshop on containers alone asks fewer questions than all four decisions.
    let n = a.session.asked().len();
    assert!(n < c.questions_for(&[]).len(), "{n}");
    let welcome = text(&a, (80, 24));
    assert!(
        welcome.contains("It will score 2 of 4 decisions"),
        "{welcome}"
    );
    // The welcome screen counts as the progress bar does: a follow-up that the answers do not ask
    // yet is named apart, so "N questions" meets "1/N" on the next screen.
    let choices = a.session.answers().choices.clone();
    let steps = a
        .session
        .asked()
        .iter()
        .filter(|&&q| c.asked(q, &choices))
        .count();
    assert!(welcome.contains(&format!("{steps} questions")), "{welcome}");
    if steps < n {
        assert!(welcome.contains("follow-up"), "{welcome}");
    }
    // Every question asked, skipped (a follow-up of a skipped question is not asked), then the
    // results: one tab per pack chosen.
    press(&mut a, "enter");
    let first = text(&a, (80, 24));
    assert!(first.contains(&format!(" 1/{steps} ")), "{first}");
    let mut shown = 0;
    while a.screen.kind() == ScreenKind::Question {
        assert!(a.session.asked().contains(&a.session.question));
        assert!(c.questions[a.session.question].pack.is_none());
        press(&mut a, "s");
        shown += 1;
        assert!(shown <= n);
    }
    assert_eq!(a.screen.kind(), ScreenKind::Results);
    assert_eq!(a.rec().packs.len(), 2);
    assert_eq!(a.rec().stack.len(), 2);
    press(&mut a, "tab tab");
    assert_eq!(a.results.tab, 0, "two tabs wrap around");
    // Back to the welcome screen: observability alone asks its own question and the shared ones
    // it reads, once each.
    a.update(Msg::Restart);
    for p in [0, 1, 2] {
        press(&mut a, &(p + 1).to_string());
    }
    assert_eq!(a.session.packs(), &[3][..]);
    press(&mut a, "4");
    assert_eq!(a.session.packs(), &[3][..], "the last decision stays");
    let asked = a.session.asked().to_vec();
    assert_eq!(asked, c.questions_for(&[observability]));
    assert!(asked.contains(&c.question_index("observability_today").unwrap()));
    assert!(asked.contains(&c.question_index("team_size").unwrap()));
}

fn text(a: &App, size: (u16, u16)) -> String {
    let backend = ratatui::backend::TestBackend::new(size.0, size.1);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| f.render_widget(a, f.area())).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..size.1)
        .map(|y| {
            (0..size.0)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Enter through every question's highlighted choice: no question starts on the choice that
/// commits the team the most, so a solo team with no Kubernetes experience is not handed a
/// Kubernetes cluster.
#[test]
fn enter_through_the_defaults_commits_to_nothing() {
    let mut a = app();
    to_results(&mut a);
    let k = question("kubernetes_wanted");
    let c = a.session.answers().choices[k].unwrap();
    assert_eq!(a.catalog.questions[k].choices[c].id, "no");
    let compute = a.rec().packs.iter().find(|p| p.id == "compute").unwrap();
    let winner = compute.winner.as_deref().unwrap();
    assert!(!winner.starts_with("eks"), "{winner}");
}

/// A score the data gives as a judgement says so where a cell of the comparison is explained, with
/// the data's reason (issue 16: every fact sourced, or said to be a judgement).
#[test]
fn a_judgement_score_says_so_in_the_comparison() {
    let catalog = common::keys::catalog();
    let mut a = App::new(catalog, Theme::builtin("dark").unwrap(), (160, 50));
    to_results(&mut a);
    press(&mut a, "4");
    assert_eq!(a.results.panel, Panel::Compare);
    let p = &a.rec().packs[a.results.tab];
    let (row, column, reason) = p
        .ranking
        .iter()
        .enumerate()
        .find_map(|(r, alt)| {
            (alt.contributions.iter().enumerate())
                .find_map(|(k, c)| c.unsourced.as_ref().map(|u| (r, k, u.to_string())))
        })
        .expect("the built-in compute pack has judgement scores");
    for _ in 0..column {
        press(&mut a, "right");
    }
    for _ in 0..row {
        press(&mut a, "down");
    }
    assert_eq!((a.results.column, a.selected()), (column, row));
    let shown: String = common::keys::screen(&a)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let start: String = reason
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        shown.contains(&format!("Why no source: {start}")),
        "{shown}"
    );
}
