//! Live weights: a changed weight gives the ranking a hand computation from the pack's TOML gives;
//! `recommend --weight` says so in every format and rejects bad input with what would be right; the
//! TUI's weights popup moves the ranking under it, marks what changed, resets, follows clicks and
//! demo steps; snapshots of the popup at 80×24, 160×45 and 240×67, ordinary and projector; nothing
//! in it cut without a mark and a key.

mod common;
mod sandbox;

use common::keys::{
    SMALL_TEAM, answer_keys, demo_app, demo_error, each_popup_view, event, new_app, press, screen,
    small_team_results,
};

use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tradeoff::answers::Answers;
use tradeoff::tui::{App, Msg, Popup, ScreenKind};

/// The IaC pack with no answers: no rule changes a weight or a score (its rules only add next
/// steps), so each score is Σ w·s / Σ w × 10 over `data/packs/iac.toml`.
///
/// Data weights: aws_coverage 2, multi_cloud 1, productivity 2, learning_curve 1.5, state_drift 1.5,
/// openness 0.5, ecosystem 1.5, fit 1.5 (Σ 11.5). With `iac.multi_cloud = 6` the total is 16.5:
///
/// | alternative    | aws mc prod learn state open eco fit | Σ w·s                                         | score |
/// |----------------|--------------------------------------|-----------------------------------------------|-------|
/// | opentofu       |  8  10   6    6     7    10   8   5  | 16+60+12+9+10.5+5+12+7.5   = 132              | 80.0  |
/// | terraform      |  8  10   6    6     6     3  10   5  | 16+60+12+9+9+1.5+15+7.5    = 130              | 78.8  |
/// | pulumi         |  8   9   9    6     6     8   5   5  | 16+54+18+9+9+4+7.5+7.5     = 125              | 75.8  |
/// | cdk            |  9   1  10    6     9     9   7   5  | 18+6+20+9+13.5+4.5+10.5+7.5 = 89              | 53.9  |
/// | cloudformation | 10   1   4    7    10     4   7   5  | 20+6+8+10.5+15+2+10.5+7.5  = 79.5             | 48.2  |
///
/// With the data's weights CDK leads (84 / 11.5 × 10 = 73.0): the weight change turns it from first
/// to fourth.
#[test]
fn a_changed_weight_gives_the_hand_computed_ranking() {
    let mut catalog = common::keys::catalog();
    let iac = catalog.pack_index("iac").unwrap();
    let answers = Answers::empty(&catalog);
    let before = tradeoff::engine::analyze(&catalog, &answers, &[iac]);
    assert_eq!(before.packs[0].winner.as_deref(), Some("cdk"));
    assert_eq!(before.packs[0].ranking[0].score, 73.0);
    assert!(before.weights_changed.is_empty());

    let change = tradeoff::weights::parse(&catalog, "iac.multi_cloud=6").unwrap();
    assert_eq!(tradeoff::weights::set(&mut catalog, change), Ok(true));
    let rec = tradeoff::engine::analyze(&catalog, &answers, &[iac]);
    let ranking: Vec<(&str, f64)> = rec.packs[0]
        .ranking
        .iter()
        .map(|a| (a.id.as_str(), a.score))
        .collect();
    assert_eq!(
        ranking,
        [
            ("opentofu", 80.0),
            ("terraform", 78.8),
            ("pulumi", 75.8),
            ("cdk", 53.9),
            ("cloudformation", 48.2)
        ]
    );
    // 80.0 − 78.8: the margin moves with the weights.
    assert_eq!(rec.packs[0].margin, Some(1.2));
    let changed = &rec.weights_changed;
    assert_eq!(changed.len(), 1);
    assert_eq!(
        (
            changed[0].criterion.as_str(),
            changed[0].from,
            changed[0].to
        ),
        ("multi_cloud", 1.0, 6.0)
    );
    let w = &rec.packs[0].weights[1];
    assert_eq!((w.base, w.changed_from), (6.0, Some(1.0)));
    // Every format says which weight changed, from → to.
    for format in tradeoff::report::Format::ALL {
        let out = tradeoff::report::render(&rec, format, "2026-12-07");
        let said = match format {
            tradeoff::report::Format::Json => out.contains("\"weights_changed\""),
            _ => out.contains("Reach beyond AWS: 1 → 6"),
        };
        assert!(
            said,
            "{} does not say the changed weight:\n{out}",
            format.name()
        );
    }
    // Back to the data's: the data's ranking again.
    assert!(tradeoff::weights::reset(&mut catalog));
    let again = tradeoff::engine::analyze(&catalog, &answers, &[iac]);
    assert_eq!(again.packs[0].winner.as_deref(), Some("cdk"));
    assert!(again.weights_changed.is_empty());
}

#[test]
fn recommend_takes_weights_and_rejects_bad_ones_with_what_would_be_right() {
    let sb = sandbox::Sandbox::new("weights");
    let out = sb
        .cmd()
        .args(["recommend", "-p", "iac", "--weight", "iac.multi_cloud=6"])
        .args(["--weight", "iac.openness=0.5", "-f", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["packs"][0]["winner"], "opentofu");
    // Setting a weight to the data's own value changes nothing and is not listed.
    assert_eq!(v["weights_changed"].as_array().unwrap().len(), 1);
    assert_eq!(v["weights_changed"][0]["from"], 1.0);
    assert_eq!(v["packs"][0]["weights"][1]["changed_from"], 1.0);
    assert!(v["packs"][0]["weights"][0].get("changed_from").is_none());
    let md = sb
        .cmd()
        .args(["recommend", "-p", "iac", "--weight", "iac.multi_cloud=6"])
        .args(["-f", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(
        md.contains("## Weights changed") && md.contains("- Reach beyond AWS: 1 → 6"),
        "{md}"
    );

    let err = |arg: &str| {
        let out = sb
            .cmd()
            .args(["recommend", "--weight", arg])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{arg}");
        assert!(out.stdout.is_empty(), "{arg}: nothing written");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let e = err("iac.multi_clod=6");
    assert!(
        e.starts_with("error: ") && e.contains("tip: a similar criterion exists: `multi_cloud`"),
        "{e}"
    );
    assert!(e.contains("its criteria: aws_coverage, multi_cloud"), "{e}");
    let e = err("ica.multi_cloud=6");
    assert!(
        e.contains("tip: a similar pack exists: `iac`") && e.contains("the packs: compute"),
        "{e}"
    );
    assert!(err("iac.multi_cloud=99").contains("a weight is a number from 0 to 30"));
    assert!(err("iac.multi_cloud=-1").contains("from 0 to 30"));
    assert!(err("iac.multi_cloud").contains("is not PACK.CRITERION=VALUE"));
    assert!(err("multi_cloud=2").contains("is not PACK.CRITERION"));
}

/// The small team on its results, the weights popup open on the compute pack.
fn weights_open(size: (u16, u16), projector: bool) -> App {
    let mut a = small_team_results(size, projector);
    assert_eq!(a.screen.kind(), ScreenKind::Results);
    press(&mut a, "W");
    assert!(matches!(a.popups.last(), Some(Popup::Weights(_))));
    a
}

fn compute(a: &App) -> &tradeoff::engine::PackResult {
    a.shown_rec()
        .packs
        .iter()
        .find(|p| p.id == "compute")
        .unwrap()
}

#[test]
fn the_popup_moves_the_ranking_marks_changes_and_resets() {
    let mut a = weights_open((80, 24), false);
    let before = compute(&a).ranking[0].score;
    // Operational simplicity (the first criterion, 3 in the data) up six half steps to 6.
    press(&mut a, "right right right + = l");
    let c = &a.catalog.packs[0].criteria[0];
    assert_eq!((c.data_weight, c.weight), (3.0, 6.0));
    // The winner is the simplest platform: more weight on simplicity raises its score.
    assert!(compute(&a).ranking[0].score > before);
    assert_eq!(a.rec().weights_changed.len(), 1);
    // Down a criterion and less weight: a second change; the first stays.
    press(&mut a, "down left h -");
    // 2 → 1.5 → 1 → 0.75 (quarter steps below 1).
    assert_eq!(a.catalog.packs[0].criteria[1].weight, 0.75);
    assert_eq!(a.rec().weights_changed.len(), 2);
    // Closing keeps the weights, and the results show the same numbers.
    press(&mut a, "esc");
    assert!(a.popups.is_empty());
    assert_eq!(a.rec().weights_changed.len(), 2);
    // 0 puts every weight back to the data's, and the ranking with it.
    press(&mut a, "W 0");
    assert!(a.rec().weights_changed.is_empty());
    assert_eq!(compute(&a).ranking[0].score, before);
    // Tab goes to the next pack decided.
    press(&mut a, "tab");
    let Some(Popup::Weights(w)) = a.popups.last() else {
        panic!("the popup is open")
    };
    assert_eq!(a.catalog.packs[w.pack].id, "iac");
}

#[test]
fn the_what_if_follows_the_weights_too() {
    let mut a = new_app("dark", (80, 24));
    press(&mut a, &answer_keys(SMALL_TEAM, None));
    press(&mut a, "w");
    assert_eq!(a.screen.kind(), ScreenKind::WhatIf);
    let before = compute(&a).ranking[0].score;
    press(&mut a, "W right right right right esc");
    assert_eq!(a.screen.kind(), ScreenKind::WhatIf);
    // Both the what-if's ranking and the original beside it are scored with the new weights.
    assert_ne!(compute(&a).ranking[0].score, before);
    assert_eq!(
        a.rec().packs[0].ranking[0].score,
        compute(&a).ranking[0].score
    );
}

#[test]
fn clicks_on_the_arrows_step_the_weight() {
    let mut a = new_app("dark", (80, 24));
    press(&mut a, &answer_keys(SMALL_TEAM, None));
    press(&mut a, "W");
    let plus = a
        .layout
        .clicks
        .iter()
        .find(|(_, m)| matches!(m, Msg::SetWeight { criterion: 2, centi, .. } if *centi == 250))
        .map(|(r, _)| *r)
        .expect("▸ of the third criterion (2 in the data) is clickable");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: plus.x,
        row: plus.y,
        modifiers: KeyModifiers::NONE,
    });
    event(&mut a, &click);
    assert_eq!(a.catalog.packs[0].criteria[2].weight, 2.5);
    let Some(Popup::Weights(w)) = a.popups.last() else {
        panic!("the popup is open")
    };
    assert_eq!(w.cursor, 2, "the clicked criterion is selected");
}

#[test]
fn a_demo_step_sets_weights_and_a_reset_puts_them_back() {
    let catalog = common::keys::catalog();
    let script = r#"
title = "Weights"

[[step]]
answer = { team_size = "small" }
caption = "A small team."

[[step]]
results = "iac"
weights = { "iac.multi_cloud" = 6 }
caption = "The room wants to leave AWS some day."

[[step]]
reset = true
caption = "Next team."
"#;
    let parsed = tradeoff::demo::parse(&catalog, "w.toml", script).unwrap();
    assert_eq!(parsed.steps[1].weights.len(), 1);
    let mut a = demo_app(&catalog, "w.toml", script, false);
    a.demo_goto_step(1);
    assert_eq!(a.rec().weights_changed.len(), 1);
    assert!(matches!(a.popups.last(), Some(Popup::Weights(_))));
    let iac = a.rec().packs.iter().find(|p| p.id == "iac").unwrap();
    assert_eq!(iac.winner.as_deref(), Some("opentofu"));
    // Back a step: the data's weights again (the step is rebuilt from the start of the script).
    a.demo_goto_step(0);
    assert!(a.rec().weights_changed.is_empty());
    a.demo_goto_step(2);
    assert!(tradeoff::weights::changed(&a.catalog).is_empty());

    // A bad weight is reported at its place, with what would be right.
    let bad = script.replace("\"iac.multi_cloud\" = 6", "\"iac.multi_clod\" = 60");
    let e = demo_error(&catalog, "w.toml", &bad);
    assert!(
        e.contains("w.toml:10:") && e.contains("did you mean `multi_cloud`?"),
        "{e}"
    );
    let bad = script.replace("\"iac.multi_cloud\" = 6", "\"iac.multi_cloud\" = 60");
    let e = demo_error(&catalog, "w.toml", &bad);
    assert!(e.contains("from 0 to 30"), "{e}");
}

#[test]
fn snapshots_of_the_weights_popup() {
    each_popup_view(
        &[(80, 24), (160, 45), (240, 67)],
        |view, size, projector| {
            let mut a = weights_open(size, projector);
            // Simplicity to 6: the ranking moves (^1 v1) and the row is marked.
            press(&mut a, "right right right right right right");
            insta::assert_snapshot!(format!("weights_{view}_{}x{}", size.0, size.1), screen(&a));
        },
    );
}

/// The screen's text with its runs of blanks and borders as one space, to look for sentences that
/// wrap over lines.
fn prose(app: &App) -> String {
    let s = screen(app).replace(['│', '"'], " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At 80×24, on every pack and every criterion, the popup shows every name whole and the selected
/// criterion's description to its last word, or says "more below" and PgDn brings the rest.
#[test]
fn the_ordinary_popup_hides_nothing_at_80x24() {
    let mut a = weights_open((80, 24), false);
    let packs = a.catalog.packs.len();
    for _ in 0..packs {
        let Some(Popup::Weights(w)) = a.popups.last() else {
            panic!("the popup is open")
        };
        let pack = a.catalog.packs[w.pack].clone();
        press(&mut a, "home");
        for (k, c) in pack.criteria.iter().enumerate() {
            if k > 0 {
                press(&mut a, "down");
            }
            let shown = prose(&a);
            assert!(!shown.contains('…'), "nothing cut in {}: {shown}", pack.id);
            assert!(shown.contains(c.name.as_str()), "{} whole: {shown}", c.name);
            let last: String = c
                .description
                .split_whitespace()
                .rev()
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join(" ");
            let mut seen = shown.contains(&last);
            for _ in 0..5 {
                if seen {
                    break;
                }
                assert!(
                    prose(&a).contains("more below: PgDn"),
                    "a mark says there is more than {last:?}: {}",
                    screen(&a)
                );
                press(&mut a, "pgdn");
                seen = prose(&a).contains(&last);
            }
            assert!(seen, "{}'s description to its end: {}", c.id, prose(&a));
        }
        press(&mut a, "tab");
    }
}

/// In the projector view the criteria are all the same size: all big, or the selected one alone.
#[test]
fn projector_criteria_are_all_one_size() {
    for size in [(160, 45), (200, 50), (240, 67)] {
        let mut a = weights_open(size, true);
        for _ in 0..a.catalog.packs.len() {
            let n = match a.popups.last() {
                Some(Popup::Weights(w)) => a.catalog.packs[w.pack].criteria.len(),
                _ => panic!("the popup is open"),
            };
            let small = screen(&a).matches('◂').count();
            assert!(
                small == 0 || small == n - 1,
                "{size:?}: {small} of {n} criteria in ordinary letters\n{}",
                screen(&a)
            );
            press(&mut a, "tab");
        }
    }
}

/// A restart keeps what the room set: the saved session's weights and hands come back with its
/// answers, whether it is resumed at once (`--resume`) or taken up from the welcome screen.
#[test]
fn a_saved_session_brings_back_its_weights_and_poll() {
    use tradeoff::autosave::{Live, Progress};
    let catalog = common::keys::catalog();
    let dir = std::env::temp_dir().join(format!("tradeoff-saved-live-{}", std::process::id()));
    let path = dir.join("session.toml");
    let mut set = catalog.clone();
    let change = tradeoff::weights::parse(&set, "iac.multi_cloud=6").unwrap();
    tradeoff::weights::set(&mut set, change).unwrap();
    let mut poll = tradeoff::poll::Poll::default();
    poll.add_flag(&set, "traffic.spiky=3").unwrap();
    let mut answers = Answers::empty(&set);
    answers.set_by_id(&set, "team_size", "small").unwrap();
    let progress = Progress {
        position: 1,
        finished: false,
    };
    tradeoff::autosave::save(&path, &set, &answers, progress, &Live::of(&set, &poll)).unwrap();
    let start = |show| {
        App::start(
            catalog.clone(),
            tradeoff::tui::Start {
                theme: tradeoff::tui::Theme::builtin("dark").unwrap(),
                projector: false,
                keep_theme: false,
                show,
            },
        )
    };
    let load = || tradeoff::autosave::load(&path, &catalog).unwrap();
    let check = |a: &App| {
        assert_eq!(tradeoff::weights::changed(&a.catalog), vec![change]);
        assert_eq!(a.room.poll, poll);
        assert_eq!(a.session.answers(), &answers);
    };
    check(&start(tradeoff::tui::Show::Saved(load())));
    let mut offered = start(tradeoff::tui::Show::Welcome {
        offer: Some(load()),
    });
    assert!(
        tradeoff::weights::changed(&offered.catalog).is_empty(),
        "not before it is taken up"
    );
    offered.update(Msg::Resize(80, 24));
    offered.update(Msg::Resume);
    check(&offered);
    // Starting afresh instead leaves the data's weights and no hands.
    let mut fresh = start(tradeoff::tui::Show::Welcome {
        offer: Some(load()),
    });
    fresh.update(Msg::Resize(80, 24));
    fresh.update(Msg::Enter);
    assert!(tradeoff::weights::changed(&fresh.catalog).is_empty());
    assert!(fresh.room.poll.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
