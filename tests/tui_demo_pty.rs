//! `tradeoff demo` and `--projector` on the real binary: in a pseudo-terminal (start, step, quit
//! with the terminal restored), and the exits before any screen (a bad script, no terminal).

#![cfg(unix)]

mod common;

use common::pty::Pty;

#[test]
fn demo_starts_steps_with_space_and_quits_restoring_the_terminal() {
    let mut t = Pty::spawn(80, 24, &["demo"], &[]);
    // At 80×24 the caption is the step's number and its narration, on as few lines as it takes;
    // the first step is the title card.
    t.wait_for("▶ 1/");
    t.wait_for("tradeoff demo · ");
    t.key(" ", "▶ 2/");
    t.wait_for("Let's see what still holds in 2026.");
    t.key(" ", "▶ 3/");
    t.wait_for("Glossary · T-shaped skills");
    t.key(" ", "▶ 4/");
    t.wait_for("Team one");
    // Back shows step 3 again, popup included.
    t.key("\x1b[D", "▶ 3/");
    t.wait_for("Glossary · T-shaped skills");
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}

#[test]
fn demo_esc_hands_over_and_projector_toggles() {
    let mut t = Pty::spawn(100, 30, &["demo", "--projector"], &[]);
    t.wait_for("Step 1 of");
    for n in 2..=5 {
        t.key(" ", &format!("Step {n} of"));
    }
    t.wait_for("✓ Team size = Small (2–5)");
    // Step 5 answers three questions, one beat each.
    t.key(" ", "(answer 2 of 3)");
    t.wait_for("✓ Kubernetes experience = None");
    // Esc: the caption bar goes, the usual keys come back with the answers.
    t.writer.write_all(b"\x1b").unwrap();
    t.wait_gone("Step 5 of");
    t.wait_for("2 answered");
    t.key("p", "↑↓ highlight");
    t.key("/", "Search: commands");
    // In the search `q` is a letter; Esc closes it, then `q` quits.
    t.key("q", "/ q");
    t.writer.write_all(b"\x1b").unwrap();
    t.wait_gone("Search: commands");
    assert_eq!(t.quit(), 0);
    t.assert_restored();
}

#[test]
fn projector_flag_at_80x24_and_200x50() {
    for (cols, rows) in [(80, 24), (200, 50)] {
        let mut t = Pty::spawn(cols, rows, &["--projector"], &[]);
        t.wait_for("Welcome to tradeoff");
        let n = common::keys::asked_with_first_choices();
        t.key("\r", &format!("1/{n}"));
        // The projector theme paints its page: 256-colour white background.
        assert!(String::from_utf8_lossy(&t.raw).contains("48;5;231"));
        for k in 2..=n {
            t.key("1", &format!("{k}/{n}"));
        }
        t.key("1", "Why it wins against");
        // Big glyphs where the room is big (at 80×24 the terminal's font is the big text, and
        // the ranking, scores and reasons are ordinary lines).
        if cols >= 120 {
            assert!(t.screen().contains('▀'), "big text:\n{}", t.screen());
        } else {
            assert!(t.screen().contains("Ranking"), "{}", t.screen());
        }
        assert_eq!(t.quit(), 0);
        t.assert_restored();
    }
}

#[test]
fn a_bad_demo_script_is_rejected_with_its_place() {
    let dir = common::scratch::root().join(format!("tradeoff-demo-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("bad.toml"),
        "title = \"t\"\n\n[[step]]\ncaption = \"x\"\nanswer = { team_size = \"huge\" }\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .current_dir(&dir)
        .args(["demo", "bad.toml"])
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("bad.toml:5:24: "), "{err}");
    assert!(err.contains("huge"), "{err}");
    assert!(out.stdout.is_empty());
    // A missing file, too, is bad input.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .current_dir(&dir)
        .args(["demo", "missing.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("missing.toml: cannot read"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn demo_without_a_terminal_exits_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradeoff"))
        .arg("demo")
        .env("TERM", "xterm-256color")
        .env_remove("ACCESSIBLE")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
}

/// The whole default demo in the projector view at 80×24 and 200×50, beat by beat: each beat's main
/// content is on screen above the caption (the layout makes room for the caption; nothing the step
/// is about is pushed off), and the caption itself is whole.
#[test]
fn the_whole_demo_in_the_projector_view_keeps_its_content_above_the_caption() {
    use tradeoff::demo::Action;
    let catalog = tradeoff::pack::load_builtin().unwrap();
    let script = tradeoff::demo::default_script(&catalog).unwrap();
    // 80×24 (a laptop's default terminal), 200×50 and 240×67 (a 1080p screen in a room).
    for (cols, rows) in [(80u16, 24u16), (200, 50), (240, 67)] {
        let mut t = Pty::spawn(cols, rows, &["demo", "--projector"], &[]);
        let mut answers = tradeoff::answers::Answers::empty(&catalog);
        let n = script.steps.len();
        for (i, step) in script.steps.iter().enumerate() {
            let beats = match &step.action {
                Action::Answer(p) => p.len().max(1),
                _ => 1,
            };
            for b in 0..beats {
                // On a small screen the caption is one block: "▶ 3/30 · narration".
                let head = match rows < 30 {
                    true => format!("▶ {}/{n} ·", i + 1),
                    false => format!("▶ Step {} of {n}", i + 1),
                };
                // The frame is whole once the caption's first words are drawn with its head
                // (a frame is written top to bottom: the body is there before the caption).
                let first_words: String = step
                    .caption
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ");
                t.wait_until(&format!("{head}: {first_words}"), |s| {
                    s.lines()
                        .skip_while(|l| !l.contains(&head))
                        .any(|l| l.contains(&first_words))
                });
                if let Action::Answer(p) = &step.action {
                    let (q, c) = p[b];
                    answers.choices[q] = Some(c);
                    // The beat's own answer is on the caption (on a screen with room for it),
                    // and on screen.
                    match rows >= 30 {
                        true => t.wait_for(&format!("✓ {}", catalog.questions[q].title)),
                        false => t.wait_for(&format!("╭ {} ", catalog.questions[q].title)),
                    };
                }
                let screen = t.screen();
                let lines: Vec<&str> = screen.lines().collect();
                let cap = lines
                    .iter()
                    .position(|l| l.contains(&head))
                    .unwrap_or_else(|| panic!("{head}:\n{screen}"));
                let body = lines[..cap].join("\n");
                let what = format!("{cols}×{rows}, step {} beat {}", i + 1, b + 1);
                if step.weights.is_empty() {
                    check_step(&catalog, &answers, &step.action, b, &body, &what);
                } else {
                    // A step that sets weights shows them: the weights popup over its screen.
                    assert!(
                        body.contains("╭ Weights · "),
                        "{what}: the weights:
{body}"
                    );
                }
                // The room gets a full screen: at most a quarter of the rows stay empty.
                let empty = lines
                    .iter()
                    .filter(|l| l.chars().all(|c| c == ' ' || "│─╭╮╰╯".contains(c)))
                    .count()
                    + (rows as usize).saturating_sub(lines.len());
                assert!(
                    empty * 4 <= rows as usize,
                    "{what}: {empty} of {rows} rows empty\n{screen}"
                );
                if let Action::Reset = step.action {
                    answers = tradeoff::answers::Answers::empty(&catalog);
                }
                t.send(" ");
            }
        }
        assert_eq!(t.quit(), 0);
        t.assert_restored();
    }
}

/// What a beat is about is on screen above the caption.
fn check_step(
    catalog: &tradeoff::pack::Catalog,
    answers: &tradeoff::answers::Answers,
    action: &tradeoff::demo::Action,
    beat: usize,
    body: &str,
    what: &str,
) {
    use tradeoff::demo::Action;
    let has = |s: &str| {
        assert!(
            body.contains(s),
            "{what}: {s:?} not above the caption:\n{body}"
        )
    };
    let whole = |s: &str| {
        assert!(
            !body.contains("more below"),
            "{what}: {s} does not fit above the caption:\n{body}"
        )
    };
    match action {
        Action::Answer(p) => has(&format!(" {} ", catalog.questions[p[beat].0].title)),
        Action::Results { pack, panel } => {
            let rec = tradeoff::engine::analyze(catalog, answers, &[]);
            let p = &rec.packs[pack.unwrap_or(0)];
            has(&format!("▶ {}", p.name));
            match panel {
                0 => {
                    has(&format!(
                        "▶ {}",
                        tradeoff::report::name_of(p, p.winner.as_deref().unwrap())
                    ));
                    has("Why it wins against");
                    whole("the overview");
                }
                1 => {
                    // The points per criterion under their heading; the answers behind them may
                    // scroll, with their mark.
                    has("▶ 2 Why");
                    has("Criterion");
                }
                _ => has("One different answer changes the winner"),
            }
        }
        Action::WhatIf(p) => {
            has("What-if  vs  original");
            has(&format!("{} *", catalog.questions[p[0].0].title));
        }
        Action::Glossary(g) => has(&format!("Glossary · {}", catalog.glossary[*g].term)),
        Action::Poll(q) => has(&format!(
            "Poll the room · {}",
            catalog.questions[q[0].0].title
        )),
        Action::Teams { teams, pack } => {
            has(&format!("Comparing {} teams", teams.len()));
            match pack {
                Some(k) => has(&format!("▶ {}", catalog.packs[*k].name)),
                None => has("▶ Answers"),
            }
        }
        // The title card: the script's title in big letters (not text to find), its size line.
        Action::Title(_) => has("tradeoff demo ·"),
        Action::Pause | Action::Reset => {}
    }
}
