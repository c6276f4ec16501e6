//! Poll the room: the shares each alternative wins and the question that divides the room most,
//! against a hand computation from the pack's TOML; `recommend --poll` and `--poll-dir`; the TUI's
//! poll popup, its export and a demo step; snapshots at 80×24 and 160×45, ordinary and projector.

mod common;
mod sandbox;

use common::keys::{
    demo_app, demo_error, each_popup_view, new_app, press, screen, small_team_results, typed,
};

use tradeoff::answers::Answers;
use tradeoff::poll::Poll;
use tradeoff::tui::{App, Msg, Popup, ScreenKind};

/// The IaC pack with no other answers, by cloud strategy (`data/packs/iac.toml`; no other rule
/// changes a weight or a score without answers):
///
/// - AWS only: aws_coverage ×1.5 = 3, multi_cloud ×0.25 = 0.25 (Σw 11.75). CDK
///   3·9+0.25·1+2·10+1.5·6+1.5·9+0.5·9+1.5·7+1.5·5 = 92.25 → 78.5; CloudFormation 83.75 → 71.3;
///   **CDK** wins.
/// - Multi-cloud: multi_cloud ×3 = 3, aws_coverage ×0.75 = 1.5 (Σw 13). OpenTofu
///   1.5·8+3·10+2·6+1.5·6+1.5·7+0.5·10+1.5·8+1.5·5 = 98 → 75.4; Terraform 96 → 73.8; **OpenTofu**.
/// - Hybrid: multi_cloud ×2.75 (Σw 13.25). OpenTofu 99.5 → 75.1; Terraform 97.5 → 73.6; Pulumi
///   95.75 → 72.3; **OpenTofu**.
///
/// Hands 12 / 6 / 2 of 20: CDK wins 12/20 = 0.6 of the room, OpenTofu 8/20 = 0.4. Two people of
/// the room get different winners when one says AWS only and the other does not:
/// 2 · 0.6 · 0.4 = 0.48.
fn cloud_poll(catalog: &tradeoff::pack::Catalog) -> Poll {
    let mut p = Poll::default();
    for flag in [
        "cloud_strategy.aws_only=12",
        "cloud_strategy.multi_cloud=6",
        "cloud_strategy.hybrid=2",
    ] {
        p.add_flag(catalog, flag).unwrap();
    }
    p
}

#[test]
fn shares_and_division_are_the_hand_computed_ones() {
    let catalog = common::keys::catalog();
    let iac = catalog.pack_index("iac").unwrap();
    let answers = Answers::empty(&catalog);
    let r =
        tradeoff::poll::analyze(&catalog, &answers.choices, &[iac], &cloud_poll(&catalog)).unwrap();
    assert_eq!(r.combinations, 3);
    let wins: Vec<(Option<&str>, f64)> = r.packs[0]
        .wins
        .iter()
        .map(|w| (w.alternative.as_deref(), w.share))
        .collect();
    assert_eq!(wins, [(Some("cdk"), 0.6), (Some("opentofu"), 0.4)]);
    assert_eq!(r.questions[0].divides, 0.48);
    assert_eq!(r.questions[0].hands_total, 20);
    assert_eq!(r.questions[0].choices[0].share, 0.6);
    assert_eq!(r.divides_most.as_deref(), Some("cloud_strategy"));

    // A second question the IaC pack does not read: six combinations, the same shares (each
    // cloud answer's weight is split 1/4 : 3/4 by traffic and summed back), and it divides no one.
    let mut two = cloud_poll(&catalog);
    two.add_flag(&catalog, "traffic.steady=1").unwrap();
    two.add_flag(&catalog, "traffic.spiky=3").unwrap();
    let r = tradeoff::poll::analyze(&catalog, &answers.choices, &[iac], &two).unwrap();
    assert_eq!(r.combinations, 6);
    assert_eq!(r.packs[0].wins[0].share, 0.6);
    assert_eq!(r.packs[0].wins[1].share, 0.4);
    assert_eq!(r.questions[0].divides, 0.48);
    assert_eq!(r.questions[1].divides, 0.0);
    assert_eq!(r.divides_most.as_deref(), Some("cloud_strategy"));

    // A room that agrees: one answer, one winner, nothing divides it.
    let mut one = Poll::default();
    one.add_flag(&catalog, "cloud_strategy.multi_cloud=9")
        .unwrap();
    let r = tradeoff::poll::analyze(&catalog, &answers.choices, &[iac], &one).unwrap();
    assert_eq!(r.packs[0].wins.len(), 1);
    assert_eq!(r.packs[0].wins[0].share, 1.0);
    assert_eq!(r.divides_most, None);
}

#[test]
fn recommend_polls_by_flags_and_by_a_folder_of_answers_files() {
    let sb = sandbox::Sandbox::new("poll");
    let out = sb
        .cmd()
        .args(["recommend", "-p", "iac", "-f", "json"])
        .args(["--poll", "cloud_strategy.aws_only=12"])
        .args(["--poll", "cloud_strategy.multi_cloud=6"])
        .args(["--poll", "cloud_strategy.hybrid=2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["poll"]["packs"][0]["wins"][0]["alternative"], "cdk");
    assert_eq!(v["poll"]["packs"][0]["wins"][0]["share"], 0.6);
    assert_eq!(v["poll"]["questions"][0]["divides"], 0.48);

    // Three people: two AWS only, one multi-cloud (and one file that does not say): CDK 2/3.
    let room = sb.work().join("room");
    std::fs::create_dir_all(&room).unwrap();
    for (name, text) in [
        ("ana.toml", "[answers]\ncloud_strategy = \"aws_only\"\n"),
        (
            "ben.toml",
            "[answers]\ncloud_strategy = \"aws_only\"\nteam_size = \"small\"\n",
        ),
        (
            "cy.toml",
            "[answers]\ncloud_strategy = \"multi_cloud\"\nteam_size = \"small\"\n",
        ),
        ("notes.txt", "not an answers file"),
    ] {
        std::fs::write(room.join(name), text).unwrap();
    }
    let md = sb
        .cmd()
        .args([
            "recommend",
            "-p",
            "iac",
            "--poll-dir",
            "room",
            "-f",
            "markdown",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&md.stdout);
    assert!(md.contains("## The room's poll"), "{md}");
    assert!(md.contains("**Cloud strategy** — 3 hands"), "{md}");
    assert!(
        md.contains("Infrastructure as Code tool: AWS CDK 67%, OpenTofu 33%"),
        "{md}"
    );
    assert!(md.contains("Divides the room most: Cloud strategy"), "{md}");
    // Team size is answered one way only: not polled unless asked for.
    assert!(!md.contains("**Team size**"), "{md}");
    let html = sb
        .cmd()
        .args(["recommend", "-p", "iac", "--poll-dir", "room"])
        .args(["--poll-question", "team_size", "-f", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(
        html.contains("The room&#39;s poll") || html.contains("The room's poll"),
        "{html}"
    );

    let err = |args: &[&str]| {
        let out = sb.cmd().arg("recommend").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(
        err(&["--poll", "cloud_stratgy.aws_only=3"])
            .contains("tip: a similar question exists: `cloud_strategy`")
    );
    assert!(err(&["--poll", "cloud_strategy.aws=3"]).contains("its choices: aws_only"));
    assert!(err(&["--poll", "cloud_strategy.aws_only=lots"]).contains("whole number"));
    assert!(err(&["--poll", "cloud_strategy.aws_only=0"]).contains("no hands yet"));
    assert!(err(&["--poll-dir", "nowhere"]).contains("cannot read the poll folder"));
    std::fs::create_dir_all(sb.work().join("empty")).unwrap();
    assert!(err(&["--poll-dir", "empty"]).contains("no answers files (*.toml)"));
    std::fs::write(
        room.join("bad.toml"),
        "[answers]\ncloud_strategy = \"aws\"\n",
    )
    .unwrap();
    let e = err(&["--poll-dir", "room"]);
    assert!(
        e.contains("bad.toml:2:") && e.contains("valid choices"),
        "{e}"
    );
}

/// The small team's results, the poll open on cloud strategy with 12 / 6 / 2 hands typed.
fn polled(size: (u16, u16), projector: bool) -> App {
    let mut a = small_team_results(size, projector);
    let q = a.catalog.question_index("cloud_strategy").unwrap();
    a.update(Msg::OpenPoll(q));
    typed(&mut a, "12");
    press(&mut a, "enter");
    typed(&mut a, "6");
    press(&mut a, "enter");
    typed(&mut a, "2");
    a
}

#[test]
fn the_popup_takes_hands_shows_what_they_mean_and_exports_them() {
    let mut a = polled((80, 24), false);
    let q = a.catalog.question_index("cloud_strategy").unwrap();
    assert_eq!(a.room.poll.hands(q), Some(&[12, 6, 2][..]));
    // Backspace deletes a digit; → adds a hand, ← takes one.
    press(&mut a, "up backspace right right left");
    assert_eq!(a.room.poll.hands(q), Some(&[12, 1, 2][..]));
    press(&mut a, "backspace");
    typed(&mut a, "6");
    let r = a.poll_result();
    let r = r.as_ref().as_ref().unwrap();
    let iac = r.packs.iter().find(|p| p.pack == "iac").unwrap();
    // The small team's other answers hold (TypeScript, no IaC yet): still one tool per cloud
    // strategy, so the shares follow the hands.
    assert_eq!(iac.wins[0].share, 0.6);
    // Esc keeps the hands; an export from the results carries them.
    press(&mut a, "esc");
    assert!(a.popups.is_empty());
    press(&mut a, "e");
    a.update(Msg::WriteExport { overwrite: false });
    let contents = a
        .effects
        .iter()
        .find_map(|e| match e {
            tradeoff::tui::msg::Effect::Write { contents, .. } => Some(contents.clone()),
            _ => None,
        })
        .unwrap();
    assert!(contents.contains("## The room's poll"), "{contents}");
    // `H` on a question polls that question.
    let mut b = new_app("dark", (80, 24));
    press(&mut b, "enter H");
    let Some(Popup::Poll(p)) = b.popups.last() else {
        panic!("the poll is open")
    };
    assert_eq!(p.question, b.session.question);
    // Tab: the next question asked; Ctrl-U forgets the poll.
    typed(&mut b, "5");
    press(&mut b, "tab");
    let Some(Popup::Poll(p)) = b.popups.last() else {
        panic!("the poll is open")
    };
    assert_ne!(p.question, b.session.question);
    assert!(!b.room.poll.is_empty());
    press(&mut b, "ctrl-u");
    assert!(b.room.poll.is_empty());
    // `q` is a letter here, not quit: the host is typing.
    typed(&mut b, "q");
    assert!(!b.quit);
}

#[test]
fn a_demo_step_polls_the_room() {
    let catalog = common::keys::catalog();
    let script = r#"
title = "Poll"

[[step]]
results = "iac"
caption = "The results."

[[step]]
poll = { cloud_strategy = { aws_only = 12, multi_cloud = 6, hybrid = 2 } }
caption = "Hands up: where does your company run?"
"#;
    let mut a = demo_app(&catalog, "p.toml", script, true);
    a.demo_goto_step(1);
    assert!(matches!(a.popups.last(), Some(Popup::Poll(_))));
    assert_eq!(a.screen.kind(), ScreenKind::Results);
    let r = a.poll_result();
    assert!(r.as_ref().as_ref().unwrap().divides_most.is_some());
    a.demo_goto_step(0);
    assert!(
        a.room.poll.is_empty(),
        "going back rebuilds the step without the poll"
    );

    let bad = script.replace("aws_only = 12", "aws = -1");
    let e = demo_error(&catalog, "p.toml", &bad);
    assert!(
        e.contains("p.toml:9:") && e.contains("valid choices"),
        "{e}"
    );
    let bad = script.replace("aws_only = 12", "aws_only = -1");
    let e = demo_error(&catalog, "p.toml", &bad);
    assert!(e.contains("whole number"), "{e}");
}

#[test]
fn snapshots_of_the_poll_popup() {
    each_popup_view(&[(80, 24), (160, 45)], |view, size, projector| {
        let a = polled(size, projector);
        insta::assert_snapshot!(format!("poll_{view}_{}x{}", size.0, size.1), screen(&a));
    });
}
