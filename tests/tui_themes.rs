//! Readable themes: every text/background pair a built-in theme can draw reaches 4.5:1 (WCAG 2 AA),
//! under xterm's default palette and under GNOME Terminal's Tango, on the profile the theme is for
//! (dark, light); big text and drawing characters (borders, bars, big glyphs) reach 3:1, WCAG's
//! threshold for large text and graphics. Checked twice: the styles' pairs as the themes define them,
//! and every cell actually drawn on the screens that show selections, answers, changes, exclusions,
//! hints, popups, captions and status lines.

mod common;

use common::contrast::{PALETTES, Palette, contrast, rgb_in};
use common::keys::{SMALL_TEAM, answer_keys, new_app, press, question, times};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tradeoff::tui::msg::Outcome;
use tradeoff::tui::{App, Msg, Theme};

type Rgb = (u8, u8, u8);

/// The profile a theme is made for: the dark themes on a dark terminal, the light one on a light.
fn profile(theme: &str, p: &Palette) -> (Rgb, Rgb) {
    match theme {
        "light" => p.light,
        _ => p.dark,
    }
}

fn resolve(p: &Palette, c: Option<Color>, default: Rgb) -> Rgb {
    c.and_then(|c| rgb_in(p, c)).unwrap_or(default)
}

/// The text pairs a theme defines: every style's text on the surfaces it can be drawn on (the page,
/// a popup), and the styles that bring their own background (selection, tabs, the caption). A
/// selected row takes the selection's colours over every span (`draw::selected`), so no other text
/// style is drawn on the selection's background.
#[test]
fn every_style_pair_reaches_4_5_in_two_palettes() {
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for name in tradeoff::tui::theme::BUILTIN {
        let t = Theme::builtin(name).unwrap();
        for p in PALETTES {
            let (fg0, bg0) = profile(name, p);
            // The theme's own page (the projector paints one), else the terminal's.
            let page_fg = resolve(p, t.text.fg, fg0);
            let page_bg = resolve(p, t.text.bg, bg0);
            let popup_bg = resolve(p, t.popup.bg, page_bg);
            for (style_name, style) in t.styles() {
                let decorative = matches!(style_name, "border" | "bar" | "bar_other" | "bar_track");
                let need = if decorative { 3.0 } else { 4.5 };
                let fg = resolve(p, style.fg, page_fg);
                let surfaces: Vec<(&str, Rgb)> = match style.bg {
                    Some(bg) => vec![("its own", resolve(p, Some(bg), page_bg))],
                    None => vec![("the page", page_bg), ("a popup", popup_bg)],
                };
                for (on, bg) in surfaces {
                    let (fg, bg) = if style.add_modifier.contains(Modifier::REVERSED) {
                        (bg, fg)
                    } else {
                        (fg, bg)
                    };
                    let ratio = contrast(fg, bg);
                    let line = format!(
                        "{name:>9} {:>5} {style_name:>12} on {on:<8} {fg:02x?} / {bg:02x?}: {ratio:5.2}",
                        p.name
                    );
                    if ratio < need {
                        failures.push(line.clone());
                    }
                    report.push(line);
                    assert!(
                        !style.add_modifier.contains(Modifier::DIM),
                        "{name}: {style_name} is dim, which lowers its contrast"
                    );
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "below the threshold:\n{}\n\nall pairs:\n{}",
        failures.join("\n"),
        report.join("\n")
    );
}

/// Drawing characters (borders, bars, big text) are graphics or large text: 3:1 is enough.
fn is_graphic(s: &str) -> bool {
    s.chars()
        .all(|c| ('\u{2500}'..='\u{259f}').contains(&c) || c == '░')
}

fn buffer(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn screen_text(buf: &Buffer) -> String {
    let a = buf.area;
    (a.top()..a.bottom())
        .map(|y| {
            (a.left()..a.right())
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screens that draw every kind of pair: selections over answers and changes, exclusions, the
/// live preview, hints, popups (help, detail, palette, glossary, export), the demo's caption and
/// status lines of each kind.
fn screens(theme: &str, size: (u16, u16)) -> Vec<(String, App)> {
    let a = answer_keys(SMALL_TEAM, None);
    let keys = [
        String::new(),
        "enter".into(),
        format!("{} down", answer_keys(SMALL_TEAM, Some("workload"))),
        format!("{} left", answer_keys(SMALL_TEAM, Some("traffic"))),
        a.clone(),
        format!("{a} {}", times("down", 6)),
        format!("{a} 2"),
        format!("{a} 3"),
        format!("{a} 4 down right"),
        format!("{a} enter"),
        format!("{a} w {} right", times("down", question("workload"))),
        format!("{a} ?"),
        format!("{a} / e c s"),
        format!("{a} e"),
        "enter g".into(),
        "enter g enter".into(),
    ];
    let mut out: Vec<(String, App)> = keys
        .iter()
        .map(|k| {
            let mut app = new_app(theme, size);
            press(&mut app, k);
            (k.clone(), app)
        })
        .collect();
    for (what, outcome) in [
        ("status ok", Outcome::Written("/tmp/x.md".into())),
        (
            "status error",
            Outcome::WriteFailed("/x: permission denied".into()),
        ),
    ] {
        let mut app = new_app(theme, size);
        press(&mut app, &a);
        app.update(Msg::Done(outcome));
        out.push((what.into(), app));
    }
    let catalog = common::keys::catalog();
    let script = tradeoff::demo::default_script(&catalog).unwrap();
    let mut demo = App::new(catalog, Theme::builtin(theme).unwrap(), size).with_demo(script);
    demo.update(Msg::Resize(size.0, size.1));
    demo.demo_goto(3);
    out.push(("demo caption".into(), demo));
    out
}

/// Every cell drawn on those screens, in every built-in theme, under both palettes.
#[test]
fn every_cell_drawn_is_legible() {
    for name in tradeoff::tui::theme::BUILTIN {
        for size in [(80, 24), (120, 40)] {
            for (keys, mut app) in screens(name, size) {
                if name == "projector" {
                    app.update(Msg::Projector);
                    app.update(Msg::Theme("projector"));
                }
                let buf = buffer(&app);
                for p in PALETTES {
                    let (fg0, bg0) = profile(name, p);
                    for y in 0..size.1 {
                        for x in 0..size.0 {
                            let c = &buf[(x, y)];
                            if c.symbol().trim().is_empty() {
                                continue;
                            }
                            let mut fg = resolve(p, Some(c.fg), fg0);
                            let mut bg = resolve(p, Some(c.bg), bg0);
                            if c.modifier.contains(Modifier::REVERSED) {
                                std::mem::swap(&mut fg, &mut bg);
                            }
                            let need = if is_graphic(c.symbol()) { 3.0 } else { 4.5 };
                            let ratio = contrast(fg, bg);
                            assert!(
                                ratio >= need,
                                "{name} under {}, {keys:?} at {size:?}: {:?} at {x},{y} is {fg:02x?} on {bg:02x?}: {ratio:.2}\n{}",
                                p.name,
                                c.symbol(),
                                screen_text(&buf)
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The pairs the issue found unreadable, named: going back to an answered question, and a changed
/// what-if row under the cursor, now take the selection's colours.
#[test]
fn a_selected_answer_and_a_selected_change_take_the_selection_colours() {
    for name in ["dark", "light"] {
        let t = Theme::builtin(name).unwrap();
        let mut app = new_app(name, (80, 24));
        press(
            &mut app,
            &format!("{} left", answer_keys(SMALL_TEAM, Some("traffic"))),
        );
        let buf = buffer(&app);
        let (x, y) = find(&buf, "Web app or API");
        assert_eq!(
            (buf[(x, y)].fg, buf[(x, y)].bg),
            (sel_fg(&t), sel_bg(&t)),
            "{name}: the answered, highlighted choice"
        );
        let mut app = new_app(name, (80, 24));
        press(
            &mut app,
            &format!(
                "{} w {} right",
                answer_keys(SMALL_TEAM, None),
                times("down", question("workload"))
            ),
        );
        let buf = buffer(&app);
        let (x, y) = find(&buf, "Workload *");
        assert_eq!(
            (buf[(x, y)].fg, buf[(x, y)].bg),
            (sel_fg(&t), sel_bg(&t)),
            "{name}: the changed, selected what-if row"
        );
    }
}

fn sel_fg(t: &Theme) -> Color {
    t.selection.fg.unwrap_or(Color::Reset)
}

fn sel_bg(t: &Theme) -> Color {
    t.selection.bg.unwrap_or(Color::Reset)
}

fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    let a = buf.area;
    for y in a.top()..a.bottom() {
        let row: String = (a.left()..a.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        if let Some(i) = row.find(needle) {
            return (row[..i].chars().count() as u16, y);
        }
    }
    panic!("{needle:?} not on screen:\n{}", screen_text(buf))
}
