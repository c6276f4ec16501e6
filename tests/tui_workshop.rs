//! The TUI for workshops: the projector view (snapshots at 80×24 and 160×45, contrast of the
//! projector theme), the demo script stepped through `update`, the palette's matching and
//! highlighting, and the glossary popups.

mod common;

use common::contrast::{contrast, rgb};
use common::keys::{SMALL_TEAM, answer_keys, new_app, press, question, times, typed};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use tradeoff::demo::{self, Script};
use tradeoff::tui::popup::palette::{self, Kind, Palette};
use tradeoff::tui::popup::{Detail, Entry, Terms};
use tradeoff::tui::{App, Msg, Theme};
use tradeoff::tui::{Panel, Popup, ScreenKind};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// The keys that answer every question for the small team of `common::keys::SMALL_TEAM` (no
/// Kubernetes, AWS only, a steady web app): ECS Express Mode and AWS CDK win.
fn answers() -> String {
    answer_keys(SMALL_TEAM, None)
}

/// The small team's answers up to (not including) question `id`, which is on screen.
fn answers_until(id: &str) -> String {
    answer_keys(SMALL_TEAM, Some(id))
}

fn projector_at(size: (u16, u16), keys: &str) -> App {
    let mut app = new_app("dark", size);
    press(&mut app, "p");
    assert!(app.look.projector);
    press(&mut app, keys);
    app
}

fn demo_app(size: (u16, u16), script: Script) -> App {
    let catalog = common::keys::catalog();
    let mut app = App::new(catalog, Theme::builtin("dark").unwrap(), size);
    app.update(Msg::Resize(size.0, size.1));
    app.with_demo(script)
}

fn default_script() -> Script {
    demo::default_script(&tradeoff::pack::load_builtin().unwrap()).expect("the default script")
}

fn buffer(app: &App, (w, h): (u16, u16)) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(app: &App, size: (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().to_string()
}

// --- Projector view ---------------------------------------------------------------------------

/// What the projector theme is measured against when a style leaves a colour to the terminal
/// (`Reset`): we assume the common dark default, light grey #e5e5e5 on black. A style that leaves a
/// colour unset (`None`) gets what is painted under it: the `text` style's colours, which the
/// projector view paints on every cell first.
const TERMINAL_FG: (u8, u8, u8) = (0xe5, 0xe5, 0xe5);
const TERMINAL_BG: (u8, u8, u8) = (0x00, 0x00, 0x00);

fn resolve(c: Option<Color>, under: (u8, u8, u8), terminal: (u8, u8, u8)) -> (u8, u8, u8) {
    match c {
        None => under,
        Some(c) => rgb(c).unwrap_or(terminal),
    }
}

/// Every text/background pair the projector theme can put on screen has a contrast of at least
/// 4.5:1 (WCAG 2 AA): each style's text on the surfaces it may be drawn on (the page, a popup, a
/// highlighted row), and the styles with their own background (tabs, caption bar) on it.
#[test]
fn projector_theme_contrast_is_at_least_4_5() {
    let t = Theme::builtin("projector").unwrap();
    let base_fg = resolve(t.text.fg, TERMINAL_FG, TERMINAL_FG);
    let base_bg = resolve(t.text.bg, TERMINAL_BG, TERMINAL_BG);
    assert_ne!(t.text.bg, None, "the projector theme paints its own page");
    let surfaces = [
        ("page", base_bg),
        ("popup", resolve(t.popup.bg, base_bg, TERMINAL_BG)),
        ("selection", resolve(t.selection.bg, base_bg, TERMINAL_BG)),
    ];
    let mut report = Vec::new();
    let mut worst = f64::INFINITY;
    for (name, style) in t.styles() {
        assert!(
            !style.add_modifier.contains(Modifier::DIM),
            "{name} is dim: that lowers the contrast"
        );
        let fg = resolve(style.fg, base_fg, TERMINAL_FG);
        let pairs: Vec<(&str, (u8, u8, u8))> = match style.bg {
            Some(bg) => vec![("own", resolve(Some(bg), base_bg, TERMINAL_BG))],
            None => surfaces.to_vec(),
        };
        for (on, bg) in pairs {
            // Reversed swaps the colours: the ratio of the pair is the same.
            let ratio = contrast(fg, bg);
            worst = worst.min(ratio);
            report.push(format!("{name:>12} on {on:<9} {fg:?} / {bg:?}: {ratio:.2}"));
            assert!(
                ratio >= 4.5,
                "{name} on {on}: {ratio:.2} < 4.5\n{}",
                report.join("\n")
            );
        }
    }
    assert!(worst >= 4.5);
}

#[test]
fn the_colour_table_follows_xterm() {
    assert_eq!(rgb(Color::Indexed(16)), Some((0, 0, 0)));
    assert_eq!(rgb(Color::Indexed(231)), Some((255, 255, 255)));
    assert_eq!(rgb(Color::Indexed(153)), Some((0xaf, 0xd7, 0xff)));
    assert_eq!(rgb(Color::Indexed(240)), Some((0x58, 0x58, 0x58)));
    assert_eq!(rgb(Color::Indexed(12)), rgb(Color::LightBlue));
    assert_eq!(rgb(Color::Reset), None);
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    // The WCAG threshold grey: #767676 on white is 4.54.
    assert!((contrast((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.01);
}

/// The pairs actually drawn: on every projector screen, every visible character's colours.
#[test]
fn every_projector_cell_is_legible() {
    let a = answers();
    let screens = [
        "enter".to_string(),
        format!("{} down", answers_until("workload")),
        a.clone(),
        format!("{a} 2"),
        format!("{a} 4"),
        format!("{a} enter"),
        format!("{a} w {} right", times("down", question("workload"))),
        format!("{a} /"),
    ];
    for keys in &screens {
        for size in SIZES {
            let app = projector_at(size, keys);
            let buf = buffer(&app, size);
            for y in 0..size.1 {
                for x in 0..size.0 {
                    let c = &buf[(x, y)];
                    if c.symbol().trim().is_empty() {
                        continue;
                    }
                    let mut fg = rgb(c.fg).unwrap_or(TERMINAL_FG);
                    let mut bg = rgb(c.bg).unwrap_or(TERMINAL_BG);
                    if c.modifier.contains(Modifier::REVERSED) {
                        std::mem::swap(&mut fg, &mut bg);
                    }
                    let ratio = contrast(fg, bg);
                    assert!(
                        ratio >= 4.5,
                        "{keys:?} at {size:?}: {:?} at {x},{y} has contrast {ratio:.2}\n{}",
                        c.symbol(),
                        screen(&app, size)
                    );
                }
            }
        }
    }
}

/// The winner, the ranking and the reasons are on the projector's overview at every size: in
/// ordinary text at a projector's big font (80×24), where the secondary detail (next steps) has no
/// room; in big glyphs from a laptop's (160×45) up (tests/tui_projector.rs covers every size).
#[test]
fn the_winner_is_in_big_text() {
    for size in SIZES {
        let app = projector_at(size, &answers());
        let s = screen(&app, size);
        assert!(
            !s.chars().any(|c| ('\u{1FB00}'..='\u{1FB3B}').contains(&c)
                || ('\u{1CD00}'..='\u{1CDE5}').contains(&c)),
            "no sextants or octants"
        );
        assert!(s.contains("▶ Amazon ECS Express Mode"), "{s}");
        assert!(
            s.contains("Why it wins against Amazon ECS on AWS Fargate"),
            "{s}"
        );
        if size.0 >= 120 {
            // Half-height or quadrant block glyphs.
            assert!(s.contains('▀') || s.contains('▟'), "{s}");
        } else {
            assert!(!s.contains("Next steps"), "{s}");
        }
    }
    // The same screen without the projector keeps its detail and no big text.
    let mut app = projector_at((160, 45), &answers());
    press(&mut app, "p");
    assert!(!app.look.projector);
    assert_eq!(app.look.theme.name, "dark", "back to the theme before");
    let s = screen(&app, (160, 45));
    assert!(!s.contains('▀') && s.contains("Next steps"), "{s}");
}

#[test]
fn projector_demo_caption() {
    let script = default_script();
    for size in SIZES {
        let mut app = demo_app(size, script.clone());
        app.update(Msg::Projector);
        // Step 5 answers three questions (its last beat); step 10 shows the compute results.
        app.demo_goto_step(4);
        insta::assert_snapshot!(
            format!("projector_demo_answer_{}x{}", size.0, size.1),
            screen(&app, size)
        );
        app.demo_goto_step(9);
        insta::assert_snapshot!(
            format!("projector_demo_results_{}x{}", size.0, size.1),
            screen(&app, size)
        );
    }
}

#[test]
fn no_panic_in_projector_and_demo_views_at_any_size() {
    let base = [
        projector_at((120, 40), &answers()),
        projector_at((120, 40), "enter"),
        demo_app((120, 40), default_script()),
    ];
    for app in base {
        for (w, h) in [
            (1, 1),
            (20, 5),
            (79, 24),
            (80, 24),
            (81, 25),
            (200, 50),
            (400, 120),
        ] {
            let mut a = app.clone();
            a.update(Msg::Resize(w, h));
            buffer(&a, (w, h));
            for k in 0..a.demo.as_ref().map_or(0, |d| d.beats.len()) {
                a.demo_goto(k);
                buffer(&a, (w, h));
            }
        }
    }
}

// --- Never by colour alone ----------------------------------------------------------------------

#[test]
fn meaning_is_not_carried_by_colour_alone() {
    // The best score of each criterion is marked ✓ in the comparison table.
    let app = projector_at((120, 40), &format!("{} 4", answers()));
    let s = screen(&app, (120, 40));
    assert!(
        s.contains("10.0 ✓") && s.contains("✓ best in its column"),
        "{s}"
    );
    // The current pack and panel are marked ▶.
    assert!(
        s.contains("▶ Compute platform") && s.contains("▶ 4 Compare"),
        "{s}"
    );
    // An alternative the previewed answer excludes is named as such.
    let mut app = new_app("dark", (120, 40));
    press(&mut app, &answers_until("app_runner_customer"));
    let s = screen(&app, (120, 40));
    assert!(s.contains("✗ now out: App Runner"), "{s}");
}

// --- Demo --------------------------------------------------------------------------------------

#[test]
fn the_demo_steps_forward_with_space_and_right() {
    let mut app = demo_app((120, 40), default_script());
    assert_eq!(app.demo_step(), Some(0));
    assert_eq!(app.screen.kind(), ScreenKind::Welcome);
    // Step 1 is the title card, step 2 the report's trade-offs.
    assert!(matches!(
        app.demo.as_ref().unwrap().action(),
        Some(demo::Action::Title(_))
    ));
    press(&mut app, "space space");
    assert_eq!(app.demo_step(), Some(2));
    // Step 3 opens the glossary entry of T-shaped skills.
    let t = app.catalog.term_index("t-shaped-skills").unwrap();
    assert!(matches!(app.popups.last(), Some(Popup::Glossary(Entry { term, .. })) if *term == t));
    press(&mut app, "right space");
    // Step 5, first beat: the reset, then the first of its three answers, on its question.
    assert_eq!(app.demo.as_ref().unwrap().at(), (4, 0));
    assert!(
        app.popups.is_empty(),
        "a step's popup closes with the next step"
    );
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    let catalog = app.catalog.clone();
    let q = |id: &str| catalog.question_index(id).unwrap();
    assert_eq!(app.session.question, q("team_size"));
    assert_eq!(app.session.answers().answered(), 1);
    assert!(screen(&app, (120, 40)).contains("(answer 1 of 3)"));
    // The live ranking's arrows show what the beat moved.
    let live = app.live();
    assert!(live.preview.is_none());
    assert!(
        live.packs
            .iter()
            .flat_map(|p| &p.rows)
            .any(|r| r.moved != 0),
        "{live:?}"
    );
    // The next beat gives the second answer, on its own question's screen.
    press(&mut app, "space");
    assert_eq!(app.demo.as_ref().unwrap().at(), (4, 1));
    assert_eq!(app.session.question, q("k8s_experience"));
    assert_eq!(app.session.answers().choices[q("team_size")], Some(1));
    assert_eq!(app.session.answers().choices[q("k8s_experience")], Some(0));
    assert_eq!(
        app.session.cursor[q("k8s_experience")],
        0,
        "the answer is highlighted"
    );
    assert_eq!(app.session.answers().answered(), 2);
    let s = screen(&app, (120, 40));
    assert!(
        s.contains("✓ Team size = Small (2–5)") && s.contains("✓ Kubernetes experience = None"),
        "the caption lists the step's answers so far\n{s}"
    );
}

#[test]
fn results_what_if_and_reset_steps() {
    let script = default_script();
    let mut app = demo_app((120, 40), script.clone());
    let find =
        |f: &dyn Fn(&demo::Action) -> bool| script.steps.iter().position(|s| f(&s.action)).unwrap();
    let results = find(&|a| matches!(a, demo::Action::Results { pack: Some(_), .. }));
    app.demo_goto_step(results);
    assert_eq!(app.screen.kind(), ScreenKind::Results);
    assert_eq!(app.results.panel, Panel::Overview);
    let why = find(&|a| matches!(a, demo::Action::Results { panel: 1, .. }));
    app.demo_goto_step(why);
    assert_eq!(app.results.panel, Panel::Why, "a step shows a panel");
    let whatif = find(&|a| matches!(a, demo::Action::WhatIf(_)));
    app.demo_goto_step(whatif);
    assert_eq!(app.screen.kind(), ScreenKind::WhatIf);
    let w = app.whatif().unwrap();
    assert_ne!(
        w.answers(),
        app.session.answers(),
        "the what-if changes a copy"
    );
    let reset = script
        .steps
        .iter()
        .enumerate()
        .skip(whatif)
        .find(|(_, s)| s.action == demo::Action::Reset)
        .unwrap()
        .0;
    app.demo_goto_step(reset);
    assert_eq!(app.session.answers().answered(), 0);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
}

/// Going back shows a step exactly as it was the first time: the same state as reaching it by
/// stepping forward.
#[test]
fn going_back_restores_the_previous_step() {
    let script = default_script();
    let mut forward = demo_app((120, 40), script.clone());
    let beats = forward.demo.as_ref().unwrap().beats.len();
    assert!(
        beats > script.steps.len(),
        "steps with several answers have a beat per answer"
    );
    let mut snapshots = Vec::new();
    for _ in 0..beats {
        snapshots.push((
            forward.screen.kind(),
            forward.session.answers().clone(),
            forward.popups.clone(),
            forward.whatif().map(|w| w.answers().clone()),
            forward.results.clone(),
            screen(&forward, (120, 40)),
        ));
        press(&mut forward, "space");
    }
    assert_eq!(forward.demo_step(), Some(beats - 1));
    // Space on the last step stays there.
    press(&mut forward, "space");
    assert_eq!(forward.demo_step(), Some(beats - 1));
    for k in (0..beats - 1).rev() {
        press(&mut forward, "left");
        assert_eq!(forward.demo_step(), Some(k));
        let s = &snapshots[k];
        assert_eq!(forward.screen.kind(), s.0, "step {k}");
        assert_eq!(*forward.session.answers(), s.1, "step {k}");
        assert_eq!(forward.popups, s.2, "step {k}");
        assert_eq!(forward.whatif().map(|w| w.answers().clone()), s.3);
        assert_eq!(forward.results, s.4, "step {k}");
        assert_eq!(screen(&forward, (120, 40)), s.5, "step {k}");
    }
    // Left on the first step stays there; End and Home jump.
    press(&mut forward, "left");
    assert_eq!(forward.demo_step(), Some(0));
    forward.update(Msg::DemoLast);
    assert_eq!(forward.demo_step(), Some(beats - 1));
    forward.update(Msg::DemoFirst);
    assert_eq!(forward.demo_step(), Some(0));
}

#[test]
fn esc_hands_over_the_live_session_with_the_answers() {
    let script = default_script();
    let mut app = demo_app((120, 40), script);
    // Step 6 answers the App Runner question (step 7 opens a glossary entry over it).
    app.demo_goto_step(5);
    let answers = app.session.answers().clone();
    assert!(answers.answered() >= 5);
    press(&mut app, "esc");
    assert!(app.demo.is_none());
    assert_eq!(*app.session.answers(), answers, "the answers are kept");
    // The keys are the usual ones again: Enter confirms the highlighted answer and goes on.
    let q = app.session.question;
    press(&mut app, "enter");
    assert_eq!(app.session.question, q + 1);
    press(&mut app, "r");
    assert_eq!(app.screen.kind(), ScreenKind::Results);
    assert_eq!(app.session.answers().answered(), answers.answered());
}

#[test]
fn auto_advance_waits_for_the_timer_message() {
    let catalog = tradeoff::pack::load_builtin().unwrap();
    let text = "title = \"t\"\nauto_advance_seconds = 2.5\n\
                [[step]]\ncaption = \"one\"\n\
                [[step]]\ncaption = \"two\"\nanswer = { team_size = \"small\" }\n\
                [[step]]\ncaption = \"three\"\nresults = true\n";
    let script = demo::parse(&catalog, "t.toml", text).unwrap();
    let mut app = demo_app((120, 40), script);
    assert_eq!(
        app.auto_advance(),
        Some(std::time::Duration::from_millis(2500))
    );
    app.update(Msg::DemoTick);
    assert_eq!(app.demo_step(), Some(1));
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    // Paused: no timer (the loop blocks on events), and a stray tick does nothing.
    press(&mut app, "a");
    assert_eq!(app.auto_advance(), None);
    press(&mut app, "a");
    assert!(app.auto_advance().is_some());
    app.update(Msg::DemoTick);
    assert_eq!(app.demo_step(), Some(2));
    assert_eq!(app.screen.kind(), ScreenKind::Results);
    // The last step has no timer; a tick there changes nothing.
    assert_eq!(app.auto_advance(), None);
    app.update(Msg::DemoTick);
    assert_eq!(app.demo_step(), Some(2));
    // The palette or the help, opened by the presenter, stop the clock.
    app.demo_goto(0);
    press(&mut app, "?");
    assert_eq!(app.auto_advance(), None);
    // Without auto_advance_seconds there is never a timer.
    let app = demo_app((120, 40), default_script());
    assert_eq!(app.auto_advance(), None);
}

/// Every pace a script can hold is either refused with its place or a duration the clock can
/// keep: `1e308` and `1e19` used to pass and then panic in `tradeoff demo`.
#[test]
fn every_auto_advance_is_refused_or_a_duration() {
    let catalog = tradeoff::pack::load_builtin().unwrap();
    for raw in [
        "1e308", "1e19", "86400", "86400.5", "0.1", "0.09", "1e-300", "-1", "nan", "inf", "-inf",
        "2.5",
    ] {
        let text = format!(
            "title = \"t\"\nauto_advance_seconds = {raw}\n[[step]]\ncaption = \"one\"\n[[step]]\ncaption = \"two\"\n"
        );
        let value: f64 = raw.parse().unwrap();
        match demo::parse(&catalog, "t.toml", &text) {
            Ok(script) => {
                assert!(
                    demo::AUTO_ADVANCE_SECONDS.contains(&value),
                    "{raw} accepted"
                );
                let app = demo_app((80, 24), script);
                let d = app.auto_advance().expect("a timer");
                assert!(std::time::Instant::now().checked_add(d).is_some(), "{raw}");
            }
            Err(e) => {
                assert!(
                    !demo::AUTO_ADVANCE_SECONDS.contains(&value),
                    "{raw} refused: {e}"
                );
                assert!(
                    e.to_string()
                        .contains("t.toml:2:24: auto_advance_seconds must be"),
                    "{e}"
                );
            }
        }
    }
    // A script made in code, past the check, still cannot make the clock panic.
    for secs in [1e308, f64::INFINITY, f64::NAN, -5.0, 0.0] {
        let mut script = default_script();
        script.auto_advance = Some(secs);
        let d = demo_app((80, 24), script).auto_advance().expect("a timer");
        assert!(std::time::Instant::now().checked_add(d).is_some(), "{secs}");
    }
}

#[test]
fn demo_keys_and_help() {
    let mut app = demo_app((120, 40), default_script());
    let s = screen(&app, (120, 40));
    assert!(s.contains("▶ Step 1 of"), "{s}");
    assert!(s.contains("Space next"), "{s}");
    // `q` quits, `?` shows the demo's keys, `p` toggles the projector in the middle of a demo.
    press(&mut app, "?");
    let s = screen(&app, (120, 40));
    assert!(s.contains("Keys · Demo script"), "{s}");
    // Its notes, below the keys, say how Esc hands the session over.
    press(&mut app, &times("down", 8));
    let s = screen(&app, (120, 40));
    assert!(s.contains("hands the session over"), "{s}");
    assert_eq!(app.demo_step(), Some(0), "scrolling the help is no step");
    press(&mut app, "esc");
    assert!(app.demo.is_some(), "Esc closes the help, not the demo");
    press(&mut app, "p space");
    assert!(app.look.projector);
    assert_eq!(app.demo_step(), Some(1));
    press(&mut app, "q");
    assert!(app.quit);
}

// --- Palette -----------------------------------------------------------------------------------

/// The open palette.
fn palette_of(app: &App) -> &Palette {
    match app.popups.last() {
        Some(Popup::Palette(p)) => p,
        other => panic!("the palette is not open: {other:?}"),
    }
}

#[test]
fn palette_ranks_and_highlights_matches() {
    let mut app = new_app("dark", (120, 40));
    press(&mut app, "enter /");
    assert!(matches!(app.popups.last(), Some(Popup::Palette(_))));
    typed(&mut app, "drift");
    let (items, hits) = (&palette_of(&app).items, &palette_of(&app).hits);
    let first = &items[hits[0].item];
    assert_eq!(
        (first.kind, first.label.as_str()),
        (Kind::Term, "Drift detection")
    );
    assert_eq!(hits[0].label, vec![0, 1, 2, 3, 4]);
    // Scores never increase down the list.
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    let s = screen(&app, (120, 40));
    assert!(s.contains("/ drift") && s.contains("glossary"), "{s}");
    // The matched characters are bold and underlined on screen, not only coloured.
    let buf = buffer(&app, (120, 40));
    let (x, y) = (0..40)
        .flat_map(|y| (0..120).map(move |x| (x, y)))
        .find(|&(x, y)| {
            buf[(x, y)].symbol() == "D"
                && buf[(x + 1, y)].symbol() == "r"
                && buf[(x + 5, y)].symbol() == " "
                && buf[(x + 6, y)].symbol() == "d"
        })
        .expect("Drift detection in the list");
    for dx in 0..5 {
        let m = buf[(x + dx, y)].modifier;
        assert!(m.contains(Modifier::UNDERLINED | Modifier::BOLD), "{dx}");
    }
    assert!(!buf[(x + 6, y)].modifier.contains(Modifier::UNDERLINED));
    // Backspace widens, every key press updates the list.
    press(&mut app, "backspace backspace backspace");
    assert_eq!(palette_of(&app).query, "dr");
    let n_dr = palette_of(&app).hits.len();
    assert!(n_dr > 0, "the list follows the shorter query");
    // Enter opens the glossary entry.
    typed(&mut app, "ift");
    press(&mut app, "enter");
    let t = app.catalog.term_index("drift-detection").unwrap();
    assert!(matches!(app.popups.last(), Some(Popup::Glossary(Entry { term, .. })) if *term == t));
}

#[test]
fn palette_search_is_pure_and_ordered() {
    let mut app = new_app("dark", (120, 40));
    press(&mut app, "/");
    let items = palette_of(&app).items.clone();
    let hits = palette::search(&items, "fargate");
    let labels: Vec<(Kind, &str)> = hits
        .iter()
        .map(|h| (items[h.item].kind, items[h.item].label.as_str()))
        .collect();
    // The word typed comes first: the glossary term and the alternative named after it.
    assert!(
        labels[..2].contains(&(Kind::Alternative, "Amazon ECS on AWS Fargate")),
        "{labels:?}"
    );
    assert!(
        labels[..2].contains(&(Kind::Term, "AWS Fargate")),
        "{labels:?}"
    );
    // The highlight covers exactly the letters of the query, in order.
    let h = &hits[0];
    let label: Vec<char> = items[h.item].label.chars().collect();
    let matched: String = h.label.iter().map(|&i| label[i]).collect();
    assert_eq!(matched.to_lowercase(), "fargate");
    // An empty query lists everything, grouped: commands, questions, alternatives, glossary.
    let all = palette::search(&items, "");
    assert_eq!(all.len(), items.len());
    let kinds: Vec<Kind> = all.iter().map(|h| items[h.item].kind).collect();
    assert!(kinds.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(kinds[0], Kind::Command);
    assert_eq!(*kinds.last().unwrap(), Kind::Term);
    // Nothing matches nonsense.
    assert!(palette::search(&items, "zzqqxx").is_empty());
}

#[test]
fn palette_commands_and_jumps() {
    let mut app = new_app("dark", (120, 40));
    // Ctrl-K opens it too; `q` is a letter in the search, not quit.
    press(&mut app, "ctrl-k");
    typed(&mut app, "q");
    assert!(!app.quit);
    assert_eq!(palette_of(&app).query, "q");
    press(&mut app, "esc");
    assert!(app.popups.is_empty());
    // Jump to a question.
    press(&mut app, "/");
    typed(&mut app, "hardware");
    press(&mut app, "enter");
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert_eq!(
        app.session.question,
        app.catalog.question_index("hardware").unwrap()
    );
    // Projector on and off, themes, results, restart.
    press(&mut app, "/");
    typed(&mut app, "projector on");
    press(&mut app, "enter");
    assert!(app.look.projector);
    assert_eq!(app.look.theme.name, "projector");
    press(&mut app, "/");
    typed(&mut app, "theme light");
    press(&mut app, "enter");
    assert_eq!(app.look.theme.name, "light");
    assert!(app.look.projector, "the layout stays");
    press(&mut app, "/");
    typed(&mut app, "projector off");
    press(&mut app, "enter");
    assert!(!app.look.projector);
    press(&mut app, "2 / r e s u l t s enter");
    assert_eq!(app.screen.kind(), ScreenKind::Results);
    // An alternative opens its details.
    press(&mut app, "/");
    typed(&mut app, "pulumi");
    press(&mut app, "enter");
    let Some(&Popup::Detail(Detail { pack, alt, .. })) = app.popups.last() else {
        panic!("{:?}", app.popups)
    };
    assert_eq!(app.rec().packs[pack].ranking[alt].name, "Pulumi");
    press(&mut app, "esc / r e s t a r t enter");
    assert_eq!(app.screen.kind(), ScreenKind::Welcome);
    assert_eq!(app.session.answers().answered(), 0);
    // The export command hands over to the export dialog.
    press(&mut app, "enter 1 /");
    typed(&mut app, "export");
    press(&mut app, "enter");
    assert!(
        matches!(app.popups.last(), Some(Popup::Export(_))),
        "the export dialog is open"
    );
}

// --- Glossary ----------------------------------------------------------------------------------

#[test]
fn g_lists_the_terms_of_a_question_and_opens_one() {
    let mut app = new_app("dark", (120, 40));
    // The hardware question's help names Fargate and ECS.
    press(&mut app, &format!("{} g", answers_until("hardware")));
    let Some(Popup::Terms(Terms { from, .. })) = app.popups.last() else {
        panic!("{:?}", app.popups)
    };
    let terms = app.terms_for(*from);
    assert!(!terms.is_empty());
    let s = screen(&app, (120, 40));
    assert!(s.contains("Glossary terms in “Hardware needs”"), "{s}");
    press(&mut app, "down enter");
    let shown = terms[1];
    assert!(
        matches!(app.popups.last(), Some(Popup::Glossary(Entry { term, .. })) if *term == shown)
    );
    let s = screen(&app, (120, 40));
    let g = app.catalog.glossary[shown].clone();
    assert!(s.contains(g.term.as_str()) && s.contains("Why it matters") && s.contains("verified"));
    // A related term opens on top; Esc comes back.
    if !g.related.is_empty() {
        press(&mut app, "enter");
        let depth = app.popups.len();
        assert!(
            matches!(app.popups.last(), Some(Popup::Glossary(Entry { term, .. })) if *term == g.related[0])
        );
        press(&mut app, "esc");
        assert_eq!(app.popups.len(), depth - 1);
    }
    press(&mut app, "esc esc");
    assert!(app.popups.is_empty());
    // The hint bar names the key.
    assert!(screen(&app, (120, 40)).contains("g terms"));
}

#[test]
fn g_in_the_detail_popup_lists_the_alternatives_terms() {
    let mut app = new_app("dark", (120, 40));
    press(&mut app, &format!("{} enter g", answers()));
    let Some(Popup::Terms(Terms { from, .. })) = app.popups.last() else {
        panic!("{:?}", app.popups)
    };
    let ids: Vec<&str> = app
        .terms_for(*from)
        .iter()
        .map(|&t| app.catalog.glossary[t].id.as_str())
        .collect();
    assert!(ids.contains(&"ecs-express-mode"), "{ids:?}");
    press(&mut app, "1");
    assert!(matches!(app.popups.last(), Some(Popup::Glossary(_))));
}

#[test]
fn glossary_entry_snapshot() {
    let mut app = new_app("dark", (80, 24));
    let t = app.catalog.term_index("drift-detection").unwrap();
    app.update(Msg::OpenTerm(t));
    insta::assert_snapshot!("glossary_entry_80x24", screen(&app, (80, 24)));
    press(&mut app, "esc /");
    typed(&mut app, "ecs");
    insta::assert_snapshot!("palette_ecs_80x24", screen(&app, (80, 24)));
}

#[test]
fn terms_popup_style_keeps_a_visible_selection_without_colour() {
    let mut app = new_app("mono", (80, 24));
    press(&mut app, "enter g");
    let buf = buffer(&app, (80, 24));
    let (x, y) = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].symbol() == "›" && buf[(x + 2, y)].symbol() == "1")
        .expect("the highlighted term");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    let _ = Style::default();
}

/// During a demo the presenter can look around what a step shows: panels (1–4), packs (Tab), the
/// what-if (w), the export (e), scrolling; the next step is rebuilt from the script, and Esc still
/// hands over.
#[test]
fn panel_and_pack_keys_work_during_a_demo() {
    let script = default_script();
    let results = script
        .steps
        .iter()
        .position(|s| matches!(s.action, demo::Action::Results { panel: 0, .. }))
        .unwrap();
    let mut app = demo_app((120, 40), script);
    app.demo_goto_step(results);
    assert_eq!(
        (app.screen.kind(), app.results.panel),
        (ScreenKind::Results, Panel::Overview)
    );
    press(&mut app, "2");
    assert_eq!(app.results.panel, Panel::Why);
    press(&mut app, "4");
    assert_eq!(app.results.panel, Panel::Compare);
    press(&mut app, "tab");
    assert_eq!(app.results.tab, 1);
    assert!(app.demo.is_some(), "still in the demo");
    press(&mut app, "e");
    assert!(matches!(app.popups.last(), Some(Popup::Export(_))));
    press(&mut app, "esc");
    assert!(
        app.popups.is_empty() && app.demo.is_some(),
        "Esc closed the export first"
    );
    press(&mut app, "w");
    assert_eq!(app.screen.kind(), ScreenKind::WhatIf);
    // The next step is the script's again.
    let at = app.demo_step().unwrap();
    press(&mut app, "space");
    assert_eq!(app.demo_step(), Some(at + 1));
    press(&mut app, "left");
    assert_eq!(
        (app.screen.kind(), app.results.panel, app.results.tab),
        (ScreenKind::Results, Panel::Overview, 0),
        "going back shows the step as the script made it"
    );
    press(&mut app, "esc");
    assert!(app.demo.is_none(), "Esc hands over");
    assert_eq!(app.screen.kind(), ScreenKind::Results);
}

/// A team comparison step shows the teams from the answers files next to the script; a team's
/// number opens its winner's details during the demo.
#[test]
fn a_demo_step_shows_a_team_comparison() {
    let script = default_script();
    let step = script
        .steps
        .iter()
        .position(|s| matches!(s.action, demo::Action::Teams { pack: Some(_), .. }))
        .unwrap();
    let mut app = demo_app((120, 40), script);
    app.demo_goto_step(step);
    assert_eq!(app.screen.kind(), ScreenKind::Teams);
    let teams = app.teams().unwrap();
    assert_eq!(teams.cmp.teams, ["Start-up", "Data team", "Platform"]);
    assert_eq!(teams.tab, 1, "the compute pack's tab");
    let s = screen(&app, (120, 40));
    assert!(
        s.contains("Comparing 3 teams") && s.contains("Why the outcomes differ"),
        "{s}"
    );
    press(&mut app, "3");
    let Some(Popup::Detail(d)) = app.popups.last().cloned() else {
        panic!("{:?}", app.popups)
    };
    assert_eq!(app.shown_rec().packs[d.pack].ranking[d.alt].id, "eks");
}

/// The story ends on "your turn, press Esc": its last step puts the first question on screen, so
/// one Esc hands the room a fresh session there, not the team comparison of an earlier step.
#[test]
fn the_default_story_ends_on_the_first_question() {
    let mut app = demo_app((120, 40), default_script());
    app.update(Msg::DemoLast);
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    let s = screen(&app, (120, 40));
    assert!(s.contains("Your turn: press Esc"), "{s}");
    press(&mut app, "esc");
    assert!(app.demo.is_none());
    assert_eq!(app.screen.kind(), ScreenKind::Question);
    assert_eq!(app.session.answers().answered(), 0);
    assert_eq!(app.session.question, 0);
    // The keys are the questions' own: Enter answers the first question.
    press(&mut app, "enter");
    assert_eq!(app.session.answers().answered(), 1);
}

#[test]
fn the_help_scrolls_with_pgdn_during_a_demo() {
    // The help's own hint says "↓ PgDn": with the help open, PgDn scrolls it, not the script.
    let mut app = demo_app((120, 40), default_script());
    press(&mut app, "?");
    press(&mut app, "pgdn");
    assert_eq!(app.demo_step(), Some(0), "the script stays where it was");
    let s = screen(&app, (120, 40));
    assert!(s.contains("hands the session over"), "{s}");
}

#[test]
fn after_a_handover_on_a_team_step_esc_goes_back_to_the_session() {
    // Esc on a team comparison step hands the session over on that comparison; the next Esc
    // leaves it for the session's own results (its answers are the script's), not the welcome
    // screen with the answers out of sight.
    let script = default_script();
    let step = script
        .steps
        .iter()
        .position(|s| matches!(s.action, demo::Action::Teams { .. }))
        .expect("the story compares teams");
    let mut app = demo_app((120, 40), script);
    app.demo_goto_step(step);
    assert_eq!(app.screen.kind(), ScreenKind::Teams);
    let answered = app.session.answers().answered();
    press(&mut app, "esc");
    assert!(app.demo.is_none(), "handed over");
    assert_eq!(
        app.screen.kind(),
        ScreenKind::Teams,
        "the comparison stays on screen"
    );
    press(&mut app, "esc");
    if answered > 0 {
        assert_eq!(app.screen.kind(), ScreenKind::Results);
        assert_eq!(app.session.answers().answered(), answered);
    } else {
        assert_eq!(app.screen.kind(), ScreenKind::Welcome);
    }
}

#[test]
fn a_demo_step_with_the_same_answers_keeps_its_analysis() {
    // Each step is rebuilt from the start of the script; a step that only changes the panel, the
    // pack or the caption reuses the analysis of the one before instead of running the engine again.
    let mut app = demo_app((120, 40), default_script());
    let last = app.demo.as_ref().unwrap().last();
    let mut kept = 0;
    for k in 0..last {
        app.demo_goto(k);
        let before = app.session.answers().clone();
        let weights = tradeoff::weights::changed(&app.catalog);
        let rec: *const _ = app.rec();
        app.demo_goto(k + 1);
        // A step that sets weights scores again; one that keeps the answers and the weights not.
        if *app.session.answers() == before && tradeoff::weights::changed(&app.catalog) == weights {
            assert!(
                std::ptr::eq(rec, app.rec()),
                "step {k} → {} re-ran the engine",
                k + 1
            );
            kept += 1;
        }
    }
    assert!(kept > 0, "the story has steps that keep the answers");
}
