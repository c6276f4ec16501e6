//! Every TUI screen rendered into a `TestBackend` at 80×24 and 120×40 and compared with a reviewed
//! snapshot (`cargo insta review` after a deliberate change, including a change of the built-in data);
//! plus no panic at any size, numbers equal to the JSON output, and a visible selection without colour.

mod common;

use common::keys::{SMALL_TEAM, answer_keys, event, key, question, times};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tradeoff::tui::{App, Msg, Theme};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The keys that answer every question for the small team of `common::keys::SMALL_TEAM`: App Runner
/// and both EKS options are excluded, ECS Express Mode and AWS CDK win.
fn answers() -> String {
    answer_keys(SMALL_TEAM, None)
}

/// The small team's answers up to (not including) question `id`, which is on screen.
fn answers_until(id: &str) -> String {
    answer_keys(SMALL_TEAM, Some(id))
}

fn app_at(theme: &str, size: (u16, u16), keys: &str) -> App {
    let catalog = common::keys::catalog();
    let mut app = App::new(catalog, Theme::builtin(theme).unwrap(), size);
    app.update(Msg::Resize(size.0, size.1));
    for k in keys.split_whitespace() {
        event(&mut app, &key(k));
    }
    app
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

/// The screens, each as the keys that reach it from the start.
fn screens() -> Vec<(&'static str, String)> {
    let results = answers();
    // The first excluded alternative of the compute pack, below the ranked ones.
    let first_excluded = {
        let app = app_at("dark", (120, 40), &results);
        app.rec().packs[0]
            .ranking
            .iter()
            .filter(|a| !a.excluded)
            .count()
    };
    vec![
        ("welcome", String::new()),
        ("question_first", "enter".into()),
        // Workload, with "Background jobs" highlighted: the ranking previews it.
        (
            "question_preview",
            format!("{} down", answers_until("workload")),
        ),
        (
            "question_answered_back",
            format!("{} left", answers_until("traffic")),
        ),
        ("results_overview", results.clone()),
        (
            "results_overview_selected_excluded",
            format!("{results} {}", times("down", first_excluded)),
        ),
        ("results_overview_second_pack", format!("{results} tab")),
        ("results_why", format!("{results} 2")),
        ("results_change", format!("{results} 3")),
        ("results_compare", format!("{results} 4")),
        (
            "results_compare_scrolled",
            format!("{results} 4 right right right right down"),
        ),
        ("detail", format!("{results} enter")),
        ("whatif_unchanged", format!("{results} w")),
        (
            "whatif_changed",
            format!("{results} w {} right", times("down", question("workload"))),
        ),
        ("help_question", "enter ?".into()),
        ("help_results", format!("{results} ?")),
    ]
}

#[test]
fn every_screen_at_80x24_and_120x40() {
    for (name, keys) in screens() {
        for size in SIZES {
            let app = app_at("dark", size, &keys);
            insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), screen(&app, size));
        }
    }
}

#[test]
fn too_small_screens() {
    for size in [(79, 24), (80, 23), (40, 10), (1, 1)] {
        let app = app_at("dark", size, "");
        insta::assert_snapshot!(
            format!("too_small_{}x{}", size.0, size.1),
            screen(&app, size)
        );
    }
}

#[test]
fn no_panic_at_any_size() {
    let widths = [
        0, 1, 2, 3, 5, 10, 20, 33, 40, 60, 79, 80, 81, 99, 100, 139, 140, 141, 200, 400,
    ];
    let heights = [0, 1, 2, 3, 5, 10, 20, 23, 24, 25, 39, 40, 41, 60, 120];
    for (_, keys) in screens() {
        let base = app_at("dark", (120, 40), &keys);
        for &w in &widths {
            for &h in &heights {
                let mut app = base.clone();
                app.update(Msg::Resize(w, h));
                buffer(&app, (w.max(1), h.max(1)));
                // The terminal may already have another size when the frame is drawn.
                buffer(&app, (w / 2 + 1, h / 2 + 1));
            }
        }
    }
}

/// Every score on the results equals the rounded number in `tradeoff recommend --format json`.
#[test]
fn results_show_the_json_numbers() {
    let app = app_at("dark", (120, 40), &answers());
    let json: serde_json::Value =
        serde_json::from_str(&tradeoff::report::json::render(app.rec())).unwrap();
    for (tab, pack) in json["packs"].as_array().unwrap().iter().enumerate() {
        let mut keys = answers();
        for _ in 0..tab {
            keys.push_str(" tab");
        }
        let overview = screen(&app_at("dark", (120, 40), &keys), (120, 40));
        for alt in pack["ranking"].as_array().unwrap() {
            if alt["excluded"].as_bool().unwrap() {
                continue;
            }
            let score = format!("{:.1}", alt["score"].as_f64().unwrap());
            let line = overview
                .lines()
                .find(|l| l.contains(alt["name"].as_str().unwrap()) && l.contains('█'))
                .expect("ranked alternative shown with a bar");
            assert!(
                line.trim_end_matches('"').trim_end().ends_with(&score),
                "{line} ends with {score}"
            );
        }
        let margin = format!("{:.1} points ahead", pack["margin"].as_f64().unwrap());
        assert!(overview.contains(&margin), "margin {margin}");
        // "(84% of weight samples)", or "it still wins 84% of weight samples" for a close call.
        let prob = format!(
            "{} of weight samples",
            tradeoff::report::share(pack["robustness"]["winner_probability"].as_f64().unwrap())
        );
        let joined = overview
            .replace('"', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(joined.contains(&prob), "{prob}");

        let why = screen(&app_at("dark", (120, 40), &format!("{keys} 2")), (120, 40));
        let winner = pack["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["rank"] == 1)
            .unwrap();
        for c in winner["contributions"].as_array().unwrap() {
            let line = why
                .lines()
                .find(|l| l.contains(c["name"].as_str().unwrap()) && l.contains('%'))
                .expect("criterion row");
            assert!(
                line.contains(&format!("{:.1}", c["points"].as_f64().unwrap())),
                "{line}: {}",
                c["points"]
            );
        }
    }
}

/// With the mono theme (NO_COLOR) the highlighted row is reversed, not coloured.
#[test]
fn mono_selection_is_visible_without_colour() {
    let app = app_at("mono", (80, 24), "enter down");
    let buf = buffer(&app, (80, 24));
    let row = (0..24)
        .find(|&y| (0..80).any(|x| buf[(x, y)].symbol() == "›"))
        .expect("a highlighted choice");
    let x = (0..80).find(|&x| buf[(x, row)].symbol() == "›").unwrap();
    assert!(buf[(x, row)].modifier.contains(Modifier::REVERSED));
    for y in 0..24 {
        for x in 0..80 {
            let c = &buf[(x, y)];
            assert!(
                c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
        }
    }
}

/// Data older than 180 days is said in the header of every screen, with its age; fresh data only
/// shows its date.
#[test]
fn the_header_warns_about_old_data() {
    let mut catalog = common::keys::catalog();
    let fresh = App::new(catalog.clone(), Theme::builtin("dark").unwrap(), (80, 24));
    let header = screen(&fresh, (80, 24)).lines().next().unwrap().to_string();
    assert!(
        header.contains(&format!("data verified {}", catalog.verified)),
        "{header}"
    );
    catalog.today += 200;
    let mut old = App::new(catalog.clone(), Theme::builtin("dark").unwrap(), (80, 24));
    old.update(Msg::Resize(80, 24));
    assert!(old.rec().data.stale);
    for keys in ["", "enter", answers().as_str()] {
        let mut app = old.clone();
        for k in keys.split_whitespace() {
            event(&mut app, &key(k));
        }
        let header = screen(&app, (80, 24)).lines().next().unwrap().to_string();
        assert!(
            header.contains(&format!(
                "⚠ data checked 200 days ago ({})",
                catalog.verified
            )),
            "{keys:?}: {header}"
        );
    }
}

/// The overview starts with the whole stack, this pack's part in the winner's style: the winners'
/// names, or their short names where the names do not fit (four packs at 80 columns).
#[test]
fn the_overview_shows_the_whole_stack() {
    let app = app_at("dark", (80, 24), &answers());
    let line = |f: fn(&tradeoff::engine::StackPart) -> Option<String>| {
        let names: Vec<String> = app.rec().stack.iter().map(|s| f(s).unwrap()).collect();
        format!("Stack  {}", names.join(" + "))
    };
    let s = screen(&app, (80, 24));
    assert!(
        s.contains(&line(|s| s.winner_name.as_deref().map(str::to_string)))
            || s.contains(&line(|s| s.winner_short.as_deref().map(str::to_string))),
        "{s}"
    );
}

/// Skipping is not neutral any more (an unanswered "Kubernetes wanted" keeps EKS out): no screen
/// says that a skipped question has no effect.
#[test]
fn no_screen_says_skipping_has_no_effect() {
    for keys in ["", "enter ?", "?"] {
        let app = app_at("dark", (120, 40), keys);
        let s = screen(&app, (120, 40));
        assert!(!s.contains("no effect"), "{keys:?}: {s}");
    }
    // The sentence may wrap anywhere: read the screen as one run of words.
    let s = screen(&app_at("dark", (120, 40), ""), (120, 40));
    let words = s
        .replace(['│', '"'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(words.contains("not taken as any particular answer"), "{s}");
}
