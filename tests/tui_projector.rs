//! The projector view scales to the room: every screen has a projector layout, snapshotted at a
//! projector's big font (80×24), a laptop's (160×45) and a large screen's (240×67); from 120×36 up
//! the winner, the ranking with its scores and the strongest reasons are in big glyphs and no more
//! than a quarter of the rows stay empty. `render_pngs` (ignored by default) photographs the screens
//! at 1280×720 for people to look at.

mod common;

use common::keys::{SMALL_TEAM, answer_keys, new_app, press, question, times};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use tradeoff::tui::{App, Msg, ScreenKind};

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (240, 67)];
/// The sizes of a room: from a small projector resolution up to a large screen.
const ROOM: [(u16, u16); 4] = [(120, 36), (160, 45), (200, 50), (240, 67)];

/// Every screen of the projector view, as the keys that reach it (after `p`).
fn screens() -> Vec<(&'static str, String)> {
    let a = answer_keys(SMALL_TEAM, None);
    vec![
        ("welcome", String::new()),
        ("question", "enter".into()),
        (
            "question_preview",
            format!("{} down", answer_keys(SMALL_TEAM, Some("workload"))),
        ),
        ("overview", a.clone()),
        ("overview_second_pack", format!("{a} tab")),
        ("why", format!("{a} 2")),
        ("change", format!("{a} 3")),
        ("compare", format!("{a} 4")),
        ("detail", format!("{a} enter")),
        (
            "whatif",
            format!("{a} w {} right", times("down", question("workload"))),
        ),
        ("help", format!("{a} ?")),
        ("glossary", "enter g enter".into()),
    ]
}

fn teams_app(size: (u16, u16)) -> App {
    let c = common::keys::catalog();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/teams");
    let teams = ["startup", "data-team", "platform"]
        .iter()
        .map(|f| {
            let mut a = tradeoff::answers::Answers::empty(&c);
            let text = std::fs::read_to_string(dir.join(format!("{f}.toml"))).unwrap();
            a.apply_file(&c, f, &text).unwrap();
            tradeoff::teams::Team::from_file(std::path::Path::new(&format!("{f}.toml")), a)
        })
        .collect();
    let mut app =
        App::new(c, tradeoff::tui::Theme::builtin("dark").unwrap(), size).with_teams(teams);
    app.update(Msg::Resize(size.0, size.1));
    app.update(Msg::Projector);
    app
}

/// The app on a screen, in the projector view.
fn at(name: &str, keys: &str, size: (u16, u16)) -> App {
    match name {
        "teams_answers" => teams_app(size),
        "teams_pack" => {
            let mut app = teams_app(size);
            press(&mut app, "tab");
            app
        }
        _ => {
            let mut app = new_app("dark", size);
            press(&mut app, "p");
            press(&mut app, keys);
            app
        }
    }
}

fn all() -> Vec<(&'static str, String)> {
    let mut s = screens();
    s.push(("teams_answers", String::new()));
    s.push(("teams_pack", String::new()));
    s
}

fn buffer(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
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

/// A row with nothing on it: blanks and the lines of panel borders only.
fn empty(row: &str) -> bool {
    row.chars()
        .all(|c| c == ' ' || matches!(c, '│' | '─' | '╭' | '╮' | '╰' | '╯'))
}

/// Rows drawn with big glyphs (half-height or quadrant block elements).
fn big_rows(s: &str) -> usize {
    s.lines()
        .filter(|l| {
            l.chars()
                .any(|c| matches!(c, '▀' | '▄' | '▟' | '▙' | '▛' | '▜' | '▚' | '▞'))
        })
        .count()
}

#[test]
fn every_projector_screen_at_three_sizes() {
    for (name, keys) in all() {
        for size in SIZES {
            let app = at(name, &keys, size);
            assert!(app.look.projector);
            insta::assert_snapshot!(
                format!("projector_{name}_{}x{}", size.0, size.1),
                text(&buffer(&app))
            );
        }
    }
}

/// From 120×36 up no more than a quarter of the rows stay empty on any projector screen.
#[test]
fn the_room_is_filled() {
    for (name, keys) in all() {
        for size in ROOM {
            let s = text(&buffer(&at(name, &keys, size)));
            let empty_rows = s.lines().filter(|l| empty(l)).count();
            assert!(
                empty_rows * 4 <= size.1 as usize,
                "{name} at {size:?}: {empty_rows} of {} rows empty\n{s}",
                size.1
            );
        }
    }
}

/// From 120×36 up the overview draws the winner, the ranking with its scores and the strongest
/// reason in big glyphs; at 160×45 and up, more of the ranking and of the reasons.
#[test]
fn the_overview_is_big_from_120x36_up() {
    let keys = answer_keys(SMALL_TEAM, None);
    for size in ROOM {
        let app = at("overview", &keys, size);
        let s = text(&buffer(&app));
        // Ranking: at least three rows of four, the winner's first; the strongest reason: four more.
        assert!(
            big_rows(&s) >= 16,
            "{size:?}: {} big rows\n{s}",
            big_rows(&s)
        );
        let rec = app.rec();
        let p = &rec.packs[0];
        let runner_up = tradeoff::report::name_of(p, p.runner_up.as_deref().unwrap());
        assert!(
            s.contains(&format!("Why it wins against {runner_up}")),
            "{s}"
        );
    }
    // Below that, at a projector's 80×24, everything is there in ordinary text.
    let app = at("overview", &keys, (80, 24));
    let s = text(&buffer(&app));
    let rec = app.rec();
    for a in rec.packs[0].ranking.iter().filter(|a| !a.excluded) {
        assert!(s.contains(&format!("{:.1}", a.score)), "{s}");
    }
    assert!(s.contains("Why it wins against"), "{s}");
}

/// Every screen at every size from 80×24 to 240×67, in steps, with no panic; the app's chrome
/// (header, hint bar) is always there.
#[test]
fn every_size_from_80x24_to_240x67() {
    for (name, keys) in all() {
        let base = at(name, &keys, (120, 40));
        for w in (80..=240).step_by(20) {
            for h in (24..=67).step_by(7) {
                let mut app = base.clone();
                app.update(Msg::Resize(w, h));
                let s = text(&buffer(&app));
                assert!(
                    s.lines().next().unwrap().contains("tradeoff"),
                    "{name} {w}×{h}"
                );
                assert!(
                    s.lines().last().unwrap().contains("help"),
                    "{name} {w}×{h}\n{s}"
                );
            }
        }
        assert!(base.screen != ScreenKind::Welcome || name == "welcome");
    }
}

/// Photographs every projector screen at 1280×720 (headless Chromium): run with
/// `SCREENS=/some/dir cargo test --test tui_projector render_pngs -- --ignored`.
#[test]
#[ignore = "writes PNG files; needs Chromium"]
fn render_pngs() {
    let dir = std::path::PathBuf::from(std::env::var("SCREENS").unwrap_or("target/screens".into()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, keys) in all() {
        for size in [(80, 24), (120, 36), (160, 45), (240, 67)] {
            let buf = buffer(&at(name, &keys, size));
            let png = dir.join(format!("projector_{name}_{}x{}.png", size.0, size.1));
            assert!(
                common::screenshot::save(&buf, &png, &common::contrast::XTERM, true),
                "Chromium could not photograph {}",
                png.display()
            );
        }
    }
}

fn is_big(line: &str) -> bool {
    big_rows(line) > 0
}

/// Why, with its rows in big letters: the table's heading names the big columns (no "weight",
/// which the big rows do not have) and its Δ ends where the differences end; the alternative the
/// winner is compared with is named, in big letters with the winner or in the ordinary intro.
#[test]
fn why_headings_sit_over_the_big_columns() {
    let keys = format!("{} 2", answer_keys(SMALL_TEAM, None));
    let mut big_tables = 0;
    for size in ROOM {
        let s = text(&buffer(&at("why", &keys, size)));
        let lines: Vec<&str> = s.lines().collect();
        let h = lines
            .iter()
            .position(|l| l.trim_start().starts_with("Criterion"))
            .unwrap_or_else(|| panic!("{size:?}: no heading\n{s}"));
        let heading = lines[h];
        let big: Vec<&str> = lines[h + 1..]
            .iter()
            .copied()
            .take_while(|l| is_big(l))
            .collect();
        if !big.is_empty() {
            big_tables += 1;
            assert!(!heading.contains("weight"), "{size:?}: {heading}");
            let delta = heading.chars().position(|c| c == 'Δ').unwrap();
            let ink_end = big
                .iter()
                .map(|l| l.chars().collect::<Vec<_>>())
                .filter_map(|c| c.iter().rposition(|c| *c != ' '))
                .max()
                .unwrap();
            assert!(
                ink_end <= delta && delta <= ink_end + 4,
                "{size:?}: Δ at {delta}, the differences end at {ink_end}\n{s}"
            );
        }
        let names_big = lines[..h].iter().filter(|l| is_big(l)).count();
        assert!(
            s.contains("(runner-up)") || names_big >= 8,
            "{size:?}: the runner-up is named nowhere\n{s}"
        );
    }
    assert!(big_tables >= 2, "the table goes big at 200×50 and 240×67");
}

/// A ranked alternative's status ("closed to new customers") is on the projector's overview at
/// every size, as on the ordinary one: in big rows its name is marked "!" and the status is said
/// below it.
#[test]
fn the_projector_overview_says_an_alternatives_status() {
    // App Runner unanswered: ranked, with its status.
    let keys = "enter 2 1 1 r";
    for size in SIZES.into_iter().chain(ROOM) {
        let app = at("overview", keys, size);
        assert_eq!(app.screen.kind(), ScreenKind::Results);
        let rec = app.rec();
        let status = rec.packs[0]
            .ranking
            .iter()
            .find(|a| !a.excluded && a.status.is_some())
            .and_then(|a| a.status.clone())
            .expect("an alternative with a status is ranked");
        let s = text(&buffer(&app));
        assert!(
            s.contains(&format!("⚠ {status}")),
            "{size:?}: {status}\n{s}"
        );
    }
}

/// A character in quadrant big letters (4 × 4 cells), as the projector draws it.
fn quadrant_glyph(c: &str) -> Vec<String> {
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 4));
    tui_big_text::BigText::builder()
        .pixel_size(tui_big_text::PixelSize::Quadrant)
        .lines(vec![c.to_string().into()])
        .build()
        .render(buf.area, &mut buf);
    (0..4)
        .map(|y| (0..4).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The team comparison's pack tab, big: each team's row starts with its number, the number the
/// reasons below use ("1 -> 2: Hardware needs") and the key that opens its details.
#[test]
fn big_team_rows_carry_the_teams_numbers() {
    for size in [(160, 45), (200, 50), (240, 67)] {
        let s = text(&buffer(&at("teams_pack", "", size)));
        let lines: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
        let first = lines
            .iter()
            .position(|l| is_big(&l.iter().collect::<String>()))
            .unwrap_or_else(|| panic!("{size:?}: no big rows\n{s}"));
        for team in 0..3 {
            let want = quadrant_glyph(&(team + 1).to_string());
            let band = &lines[first + 4 * team..first + 4 * team + 4];
            let starts = (0..2).any(|x0| {
                band.iter()
                    .zip(&want)
                    .all(|(l, w)| l[x0..x0 + 4].iter().collect::<String>() == *w)
            });
            assert!(starts, "{size:?}: team {} has no number\n{s}", team + 1);
        }
    }
}

/// The projector's welcome shows its keys from the top: never the "Keys" heading without a key
/// under it, never a line of keys without the heading and the lines above it, at any size.
#[test]
fn the_welcome_keys_heading_comes_with_keys() {
    for w in (80..=240).step_by(20) {
        for h in (24..=67).step_by(1) {
            let s = text(&buffer(&at("welcome", "", (w, h))));
            let lines: Vec<&str> = s.lines().collect();
            let heading = lines.iter().position(|l| l.trim() == "Keys");
            if let Some(k) = heading {
                assert!(
                    lines.get(k + 1).is_some_and(|l| l.contains("Enter")),
                    "{w}×{h}: the Keys heading alone\n{s}"
                );
            }
            // What each pack decides: every pack's description or none.
            let described = ["Compute platform: ", "Infrastructure as Code tool: "]
                .iter()
                .filter(|p| s.contains(*p))
                .count();
            assert!(
                described == 0 || described == 2,
                "{w}×{h}: one pack described\n{s}"
            );
            // The next lines of keys (in the keys' style: "← →", "?  ") only under the heading.
            if let Some(k) = lines
                .iter()
                .position(|l| l.contains("previous / next question"))
            {
                assert!(
                    heading.is_some_and(|h| h < k) && lines[k - 1].contains("Enter"),
                    "{w}×{h}: a line of keys without the ones above it\n{s}"
                );
            }
        }
    }
}

/// The live ranking beside a question, big: what moved is marked ^ or v after the rank, not by
/// the rank's colour alone.
#[test]
fn big_live_rows_mark_what_moved() {
    for size in [(200, 50), (240, 67)] {
        // The first question, "Solo" highlighted: the preview moves the ranking.
        let app = at("question", "enter", size);
        let live = app.live();
        let rows = &live.packs[0].rows;
        assert!(rows.iter().any(|r| r.moved != 0), "{rows:?}");
        let s = text(&buffer(&app));
        let lines: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
        let (y, x) = lines
            .iter()
            .enumerate()
            .find_map(|(y, l)| {
                let t: String = l.iter().collect();
                let x = t.find(&live.packs[0].name)?;
                Some((y, t[..x].chars().count()))
            })
            .unwrap();
        let mut checked = 0;
        let at = y + 1;
        for (k, r) in rows.iter().enumerate() {
            let band = &lines[at + 4 * k..at + 4 * k + 4];
            // The big rows are the top of the ranking, none left ordinary between them (a status
            // mark included: "App Runner ⚠" is "App Runner !" in big letters).
            if !is_big(&band[0][x..].iter().collect::<String>()) {
                assert!(
                    rows[k..].iter().enumerate().all(|(j, _)| {
                        lines.get(at + 4 * k + j).is_none_or(|l| {
                            !is_big(&l[x.min(l.len())..].iter().collect::<String>())
                        })
                    }),
                    "{size:?}: row {} is ordinary between big rows
{s}",
                    k + 1
                );
                break;
            }
            let mark = if r.moved > 0 || r.returned {
                "^"
            } else if r.moved < 0 {
                "v"
            } else {
                " "
            };
            let want = quadrant_glyph(mark);
            let got: Vec<String> = band
                .iter()
                .map(|l| l[x + 4..x + 8].iter().collect())
                .collect();
            assert_eq!(got, want, "{size:?}: row {} moved {}\n{s}", k + 1, r.moved);
            // A space between the mark and the name: "1^ ECS", not "1^ECS".
            assert!(
                band.iter()
                    .all(|l| l[x + 8..x + 12].iter().all(|c| *c == ' ')),
                "{size:?}: row {} glues its mark to its name\n{s}",
                k + 1
            );
            checked += 1;
        }
        assert!(checked >= 3, "{size:?}: {checked} big rows\n{s}");
    }
}

/// The team comparison's pack tab: each team's recommendation with its score, the scores in one
/// column, in the ordinary view and the projector's ordinary rows.
#[test]
fn team_scores_make_a_column() {
    for projector in [true, false] {
        let mut app = teams_app((100, 30));
        if !projector {
            app.update(Msg::Projector);
        }
        press(&mut app, "tab");
        let s = text(&buffer(&app));
        let ends: Vec<usize> = s
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                ["1 ", "2 ", "3 "].iter().any(|n| t.starts_with(n)) && l.contains('▶')
            })
            .map(|l| l.trim_end().chars().count())
            .collect();
        assert_eq!(ends.len(), 3, "{s}");
        assert!(
            ends.iter().all(|e| *e == ends[0]),
            "projector {projector}: the scores end at {ends:?}\n{s}"
        );
    }
}
