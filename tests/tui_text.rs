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
        q.title = f(&q.title).into();
        q.prompt = f(&q.prompt).into();
        q.help = f(&q.help).into();
        for ch in &mut q.choices {
            ch.label = f(&ch.label).into();
            ch.detail = ch.detail.as_deref().map(|d| f(d).into());
        }
    }
    for p in &mut c.packs {
        p.name = f(&p.name).into();
        for a in &mut p.alternatives {
            a.name = f(&a.name).into();
            a.short = f(&a.short).into();
            a.summary = f(&a.summary).into();
            for s in &mut a.next_steps {
                *s = f(s).into();
            }
        }
        for k in &mut p.criteria {
            k.name = f(&k.name).into();
        }
    }
    for t in &mut c.glossary {
        t.term = f(&t.term).into();
        t.definition = f(&t.definition).into();
    }
    for s in &mut c.sources {
        s.title = f(&s.title).into();
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
        a.name = n.to_string().into();
        a.short = n.chars().take(6).collect::<String>().into();
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

/// Source URLs are never broken across lines: each is whole on a line of its own, or, wider than
/// the popup itself, its start and end around "…" on one line (and a link to the whole URL).
#[test]
fn source_urls_are_whole_on_one_line() {
    for size in [(80, 24), (120, 40)] {
        let mut app = common::keys::new_app("dark", size);
        press(
            &mut app,
            &format!("{} enter", answer_keys(SMALL_TEAM, None)),
        );
        let rec = app.rec().clone();
        let winner = &rec.packs[0].ranking[0];
        // Every row the popup shows, scrolled from top to bottom.
        let mut rows: Vec<String> = Vec::new();
        for _ in 0..80 {
            rows.extend(text(&buffer(&app, size)).lines().map(str::to_string));
            press(&mut app, "down");
        }
        let screen = rows.join("\n");
        let inner = if size.0 == 80 { 76 } else { 96 };
        let mut whole = 0;
        assert!(screen.contains("Sources"), "{screen}");
        for url in winner.sources.iter().filter_map(|s| s.url.as_deref()) {
            let rows: Vec<&str> = screen.lines().filter(|l| l.contains("https://")).collect();
            if url.chars().count() <= inner {
                assert!(screen.contains(url), "{url} whole at {size:?}:\n{screen}");
                whole += 1;
            } else {
                let host_end = url[8..].find('/').unwrap() + 9;
                let tail: String = url
                    .chars()
                    .rev()
                    .take(12)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                assert!(
                    rows.iter().any(|r| r.contains(&url[..host_end])
                        && r.contains('…')
                        && r.contains(&tail)),
                    "{url} at {size:?}:\n{screen}"
                );
            }
        }
        // No row holds the end of a URL without its start (a URL split over two lines).
        for l in screen.lines() {
            let t = l.trim_matches(|c: char| c == '│' || c == ' ');
            assert!(
                t.is_empty()
                    || t.starts_with("https://")
                    || !t.contains(".html")
                    || t.contains(' '),
                "a URL's continuation on its own row: {l}\n{screen}"
            );
        }
        assert!(whole > 0 || size.0 == 80, "{screen}");
    }
}

/// With a terminal that takes them, the URLs are OSC 8 hyperlinks to the whole URL, elided or not.
#[test]
fn urls_are_hyperlinks_when_the_terminal_takes_them() {
    let mut app = common::keys::new_app("dark", (80, 24));
    press(
        &mut app,
        &format!("{} enter end", answer_keys(SMALL_TEAM, None)),
    );
    let plain = buffer(&app, (80, 24));
    assert!(
        !plain
            .content()
            .iter()
            .any(|c| c.symbol().contains('\u{1b}')),
        "off by default"
    );
    app.look.hyperlinks = true;
    let buf = buffer(&app, (80, 24));
    let winner = app.rec().packs[0].ranking[0].clone();
    let linked: Vec<&str> = buf
        .content()
        .iter()
        .filter_map(|c| c.symbol().strip_prefix("\u{1b}]8;;"))
        .filter_map(|s| s.split_once("\u{1b}\\").map(|(url, _)| url))
        .filter(|url| !url.is_empty())
        .collect();
    assert!(!linked.is_empty());
    for url in &linked {
        assert!(
            winner
                .sources
                .iter()
                .any(|s| s.url.as_deref() == Some(*url)),
            "{url} is a whole source URL"
        );
    }
    // Every link is closed on its row.
    let opens = linked.len();
    let closes = buf
        .content()
        .iter()
        .filter(|c| c.symbol().ends_with("\u{1b}]8;;\u{1b}\\"))
        .count();
    assert_eq!(opens, closes);
}

/// The live ranking's "now out" note names every alternative the preview excludes, over as many
/// lines as it takes, never cut with "…" (two drop out here at 80 columns).
#[test]
fn the_now_out_note_is_never_cut() {
    let mut app = common::keys::new_app("dark", (80, 24));
    press(
        &mut app,
        &format!("{} down", answer_keys(SMALL_TEAM, Some("workload"))),
    );
    let live = app.live();
    let out: Vec<&String> = live.packs.iter().flat_map(|p| &p.newly_excluded).collect();
    assert!(out.len() >= 2, "{out:?}");
    let buf = buffer(&app, (80, 24));
    let screen = text(&buf);
    let panel: String = screen
        .lines()
        .map(|l| l.chars().skip(46).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    let panel = panel.split_whitespace().collect::<Vec<_>>().join(" ");
    let i = panel.find("now out:").unwrap_or_else(|| panic!("{screen}"));
    for name in out {
        assert!(panel[i..].contains(name.as_str()), "{name}:\n{screen}");
    }
    assert!(!screen.contains('…'), "{screen}");
}

#[test]
fn a_user_pack_is_marked_as_yours() {
    // As in `tradeoff packs` and the reports: the welcome list (also on the projector), the
    // results tab when there is room, and the search's detail.
    let mut c = common::keys::catalog();
    c.packs[1].origin = Some("/home/me/.local/share/tradeoff".into());
    let mine = c.packs[1].name.clone();
    let other = c.packs[0].name.clone();
    let (w, h) = (120, 40);
    let mut app = App::new(c, Theme::builtin("dark").unwrap(), (w, h));
    app.update(Msg::Resize(w, h));
    let welcome = text(&buffer(&app, (w, h)));
    assert!(
        welcome.contains(&format!("{mine} (your pack)")),
        "{welcome}"
    );
    assert!(
        !welcome.contains(&format!("{other} (your pack)")),
        "{welcome}"
    );
    press(&mut app, "p");
    let projector = text(&buffer(&app, (w, h)));
    assert!(projector.contains("(your pack)"), "{projector}");
    press(&mut app, "p");
    press(&mut app, &answer_keys(SMALL_TEAM, None));
    let results = text(&buffer(&app, (w, h)));
    assert!(results.contains(&format!("{mine} (yours)")), "{results}");
    assert!(!results.contains(&format!("{other} (yours)")), "{results}");
}

#[test]
fn the_why_panel_groups_rules_fired_by_the_same_answers() {
    // As the reports do: rules fired by the same answers share one line, not one each. The
    // built-in rule for a Terraform shop is split in two here, so that two rules read the same
    // answer.
    let mut c = common::keys::catalog();
    let iac = c.packs.iter().position(|p| p.id == "iac").unwrap();
    let rules = &mut c.packs[iac].rules;
    let at = rules
        .iter()
        .position(|r| r.id == "existing-terraform")
        .unwrap();
    let mut second = rules[at].clone();
    second.id = "existing-terraform-opentofu".into();
    let split = rules[at].adjusts.len() / 2;
    second.adjusts = rules[at].adjusts.split_off(split);
    rules.insert(at + 1, second);
    let (w, h) = (120, 80);
    let mut app = App::new(c, Theme::builtin("dark").unwrap(), (w, h));
    app.update(Msg::Resize(w, h));
    let answers = [
        "team_size=small",
        "k8s_experience=none",
        "cloud_strategy=aws_only",
        "workload=microservices",
        "existing_iac=terraform",
    ];
    press(&mut app, &answer_keys(&answers, None));
    press(&mut app, "tab 2");
    let screen = text(&buffer(&app, (w, h)));
    let lines = screen
        .lines()
        .filter(|l| l.trim() == "• Existing IaC = Terraform")
        .count();
    assert!(screen.contains("Because you answered"), "{screen}");
    assert_eq!(lines, 1, "{screen}");
    assert!(
        screen.contains("The team already writes Terraform"),
        "{screen}"
    );
    assert!(screen.contains("The same HCL"), "{screen}");
}
