//! The real binary: formats, exit codes and error messages.

mod common;

mod sandbox;

use assert_cmd::Command;
use predicates::prelude::*;

fn tradeoff() -> Command {
    let mut c = Command::cargo_bin("tradeoff").unwrap();
    // Never the developer's own settings: no TRADEOFF_* variables, an empty config folder.
    for v in sandbox::USER_VARS {
        c.env_remove(v);
    }
    c.env("XDG_CONFIG_HOME", no_config());
    c
}

fn no_config() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let d =
            common::scratch::root().join(format!("tradeoff-cli-noconfig-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    })
}

const PERSONA: &[&str] = &[
    "-a",
    "team_size=small",
    "-a",
    "k8s_experience=none",
    "-a",
    "cloud_strategy=aws_only",
    "-a",
    "workload=web",
    "-a",
    "hardware=standard",
    "-a",
    "app_runner_customer=no",
    "-a",
    "iac_language=typescript",
    "-a",
    "existing_iac=none",
];

fn json(args: &[&str]) -> serde_json::Value {
    let out = tradeoff()
        .arg("recommend")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_has_the_documented_shape() {
    let v = json(PERSONA);
    assert_eq!(v["schema_version"], 1);
    assert!(v["data_verified"].as_str().unwrap().starts_with("20"));
    let packs = v["packs"].as_array().unwrap();
    assert_eq!(packs[0]["id"], "compute");
    assert_eq!(packs[1]["id"], "iac");
    let ranking = packs[0]["ranking"].as_array().unwrap();
    assert_eq!(ranking[0]["id"], "ecs-express");
    assert_eq!(ranking[0]["excluded"], false);
    assert!(ranking[0]["score"].as_f64().unwrap() > 50.0);
    // Excluded alternatives come last, with their reasons and the answer that caused them.
    let last = ranking.last().unwrap();
    assert_eq!(last["id"], "app-runner");
    assert_eq!(last["excluded"], true);
    assert_eq!(
        last["exclusions"][0]["because"][0]["question"],
        "app_runner_customer"
    );
    // Every explanation field is there.
    for key in [
        "winner",
        "runner_up",
        "margin",
        "close_call",
        "verdict",
        "caveats",
        "weights",
        "rules_fired",
        "counterfactuals",
        "flips",
        "sensitivity",
        "robustness",
    ] {
        assert!(packs[0].get(key).is_some(), "missing {key}");
    }
    let points: f64 = ranking[0]["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["points"].as_f64().unwrap())
        .sum();
    assert!(
        (points - ranking[0]["score"].as_f64().unwrap()).abs() < 1e-6,
        "contributions add up in the JSON too"
    );
}

#[test]
fn json_is_byte_identical_across_runs() {
    let a = tradeoff()
        .arg("recommend")
        .args(PERSONA)
        .args(["-f", "json"])
        .output()
        .unwrap()
        .stdout;
    let b = tradeoff()
        .arg("recommend")
        .args(PERSONA)
        .args(["-f", "json"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, b);
}

#[test]
fn text_says_winner_why_and_what_would_change_it() {
    tradeoff()
        .arg("recommend")
        .args(PERSONA)
        .assert()
        .success()
        .stdout(predicate::str::contains("▶ Amazon ECS Express Mode"))
        .stdout(predicate::str::contains("Why Amazon ECS Express Mode"))
        .stdout(predicate::str::contains("What would change it"))
        .stdout(predicate::str::contains("excluded: "))
        .stdout(predicate::str::contains("because App Runner"));
}

#[test]
fn markdown_has_tables() {
    tradeoff()
        .arg("recommend")
        .args(PERSONA)
        .args(["--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# tradeoff recommendation"))
        .stdout(predicate::str::contains(
            "| # | Alternative | Score | Win share |",
        ))
        .stdout(predicate::str::contains("](<https://"));
}

#[test]
fn pack_filter() {
    let v = json(&["--pack", "iac"]);
    let packs = v["packs"].as_array().unwrap();
    assert_eq!(packs.len(), 1);
    assert_eq!(packs[0]["id"], "iac");
}

#[test]
fn unknown_question_exits_2_with_suggestion() {
    tradeoff()
        .args(["recommend", "--answer", "teamsize=small"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: unknown question `teamsize` in `--answer teamsize=small`",
        ))
        .stderr(predicate::str::contains(
            "tip: a similar question exists: `team_size`",
        ))
        .stderr(predicate::str::contains(
            "tip: `tradeoff questions` lists every question and its choices",
        ));
}

#[test]
fn unknown_choice_exits_2_with_suggestion() {
    tradeoff()
        .args(["recommend", "--answer", "team_size=smal"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: unknown choice `smal` for `team_size`; its choices: solo, small, medium, large",
        ))
        .stderr(predicate::str::contains(
            "tip: a similar choice exists: `small`",
        ));
}

/// A follow-up question answered where it is not asked (IaC migration with no tool to keep) is
/// refused, with when it is asked and what would be right; the same answer with a tool is taken.
#[test]
fn an_answer_to_a_follow_up_that_is_not_asked_exits_2() {
    tradeoff()
        .args(["recommend", "-a", "existing_iac=none", "-a", "iac_migration=keep"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`iac_migration = keep` does not apply: `iac_migration` is asked only when `existing_iac` is",
        ))
        .stderr(predicate::str::contains("leave it out"));
    tradeoff()
        .args([
            "recommend",
            "-a",
            "existing_iac=terraform",
            "-a",
            "iac_migration=keep",
        ])
        .assert()
        .success();
    tradeoff()
        .args(["questions"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(`iac_migration` is asked only when `existing_iac` is",
        ));
}

#[test]
fn malformed_flag_exits_2() {
    tradeoff()
        .args(["recommend", "--answer", "team_size"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not QUESTION=CHOICE"));
}

#[test]
fn unknown_pack_exits_2() {
    tradeoff()
        .args(["recommend", "--pack", "compte"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: unknown pack `compte`"))
        .stderr(predicate::str::contains(
            "tip: a similar pack exists: `compute`",
        ));
}

#[test]
fn answers_file_and_flags_combine() {
    let dir = tempdir();
    let file = dir.join("team.toml");
    std::fs::write(&file, "team = \"Blue\"\n[answers]\nteam_size = \"large\"\nk8s_experience = \"production\"\ncloud_strategy = \"multi_cloud\"\n").unwrap();
    let v = json(&[
        "--answers",
        file.to_str().unwrap(),
        "-a",
        "workload=microservices",
    ]);
    let answers = v["answers"].as_array().unwrap();
    let answer = |q: &str| answers.iter().find(|a| a["question"] == q).unwrap()["choice"].clone();
    assert_eq!(answer("team_size"), "large");
    assert_eq!(answer("workload"), "microservices");
    // A large team that runs Kubernetes in production but has not said it wants it: skipping is not
    // asking (aws-containers-skill), so services that call each other go to ECS on Fargate.
    assert_eq!(v["packs"][0]["winner"], "ecs-fargate");
}

#[test]
fn malformed_answers_file_names_line_and_column() {
    let dir = tempdir();
    let file = dir.join("bad.toml");
    std::fs::write(&file, "[answers]\nteam_size = \"smal\"\n").unwrap();
    tradeoff()
        .args(["recommend", "--answers", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.toml:2:13: unknown choice `smal`",
        ));
}

#[test]
fn missing_answers_file() {
    tradeoff()
        .args(["recommend", "--answers", "/nonexistent/answers.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "/nonexistent/answers.toml: cannot read",
        ));
}

#[test]
fn questions_and_packs_list_ids() {
    tradeoff()
        .arg("questions")
        .assert()
        .success()
        .stdout(predicate::str::contains("k8s_experience"))
        .stdout(predicate::str::contains("gpu_or_large"));
    tradeoff()
        .arg("packs")
        .assert()
        .success()
        .stdout(predicate::str::contains("compute"))
        .stdout(predicate::str::contains("ecs-express"))
        .stdout(predicate::str::contains("opentofu"));
}

#[test]
fn validate_builtin_and_broken_data() {
    tradeoff()
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: 4 pack(s)"));
    let dir = tempdir();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    std::fs::create_dir_all(dir.join("packs")).unwrap();
    for rel in ["sources.toml", "questions.toml", "packs/mini.toml"] {
        std::fs::copy(src.join(rel), dir.join(rel)).unwrap();
    }
    let pack = std::fs::read_to_string(dir.join("packs/mini.toml")).unwrap();
    std::fs::write(
        dir.join("packs/mini.toml"),
        pack.replacen("weight = 2", "wieght = 2", 1),
    )
    .unwrap();
    tradeoff()
        .args(["validate", dir.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "packs/mini.toml:10:1: unknown field `wieght`",
        ));
    // The same data for a recommendation: a clear error, exit 2.
    tradeoff()
        .args(["--data", dir.to_str().unwrap(), "recommend"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mini.toml:10:1"));
}

#[test]
fn output_file_is_refused_without_force() {
    let dir = tempdir();
    let out = dir.join("summary.md");
    tradeoff()
        .args(["recommend", "-f", "markdown", "-o", out.to_str().unwrap()])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# tradeoff")
    );
    tradeoff()
        .args(["recommend", "-f", "markdown", "-o", out.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already exists\n\n  tip: pass --force",
        ));
    tradeoff()
        .args([
            "recommend",
            "-f",
            "json",
            "-o",
            out.to_str().unwrap(),
            "--force",
        ])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('{'));
}

#[test]
fn bad_format_is_a_usage_error() {
    tradeoff()
        .args(["recommend", "--format", "yaml"])
        .assert()
        .code(2);
}

fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let d = common::scratch::root().join(format!(
        "tradeoff-cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixture(rel: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn compare_three_teams() {
    let out = tradeoff()
        .args([
            "compare",
            &fixture("teams/startup.toml"),
            &fixture("teams/data-team.toml"),
            &fixture("teams/platform.toml"),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for team in ["Startup", "Data team", "Platform"] {
        assert!(text.contains(team), "{text}");
    }
    // The startup and the data team differ on workload (and language): workload alone explains
    // Express Mode versus Fargate.
    assert!(text.contains("Startup → Data team's Amazon ECS on AWS Fargate: Workload Web app or API → Background jobs"), "{text}");
    let v: serde_json::Value = serde_json::from_slice(
        &tradeoff()
            .args([
                "compare",
                "-f",
                "json",
                &fixture("teams/startup.toml"),
                &fixture("teams/data-team.toml"),
                &fixture("teams/platform.toml"),
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v["teams"].as_array().unwrap().len(), 3);
    let compute = &v["packs"][0];
    assert_eq!(compute["results"][0]["winner"], "ecs-express");
    assert_eq!(compute["results"][1]["winner"], "ecs-fargate");
    // The platform team runs Kubernetes in production: it runs its own nodes (eks-automode-vs-mng).
    assert_eq!(compute["results"][2]["winner"], "eks");
    assert_eq!(compute["same_winner"], false);
    let rows = v["answers"].as_array().unwrap();
    let workload = rows.iter().find(|r| r["question"] == "workload").unwrap();
    assert_eq!(workload["differs"], true);
    let hardware = rows.iter().find(|r| r["question"] == "hardware").unwrap();
    assert_eq!(hardware["differs"], false);
}

#[test]
fn compare_needs_two_files_and_reports_bad_ones() {
    tradeoff()
        .args(["compare", &fixture("teams/startup.toml")])
        .assert()
        .code(2);
    let dir = tempdir();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[answers]\nworkload = \"webb\"\n").unwrap();
    tradeoff()
        .args([
            "compare",
            &fixture("teams/startup.toml"),
            bad.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad.toml:2:12: unknown choice `webb`",
        ));
}

/// How many questions the built-in data asks (the plain mode asks them all).
fn questions() -> usize {
    tradeoff::pack::load_builtin()
        .expect("built-in data")
        .questions
        .len()
}

#[test]
fn plain_mode_through_a_pipe() {
    tradeoff()
        .arg("--plain")
        // All the decisions, eleven answers, then the questions added since are skipped.
        .write_stdin(format!(
            "\n2\n1\n2\n1\n1\n1\n1\n1\n1\n1\n1\n{}",
            "\n".repeat(questions() - 11)
        ))
        .assert()
        .success()
        .stdout(predicate::str::contains("1. Solo"))
        .stdout(predicate::str::contains("Enter a number from 1 to 4"))
        .stdout(predicate::str::contains(
            "Recommended: Amazon ECS Express Mode",
        ))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn plain_mode_re_asks_on_bad_numbers() {
    tradeoff()
        .arg("--plain")
        .write_stdin(format!("\n7\nfour\n2\n{}", "\n".repeat(questions() - 1)))
        .assert()
        .success()
        .stdout(predicate::str::contains("“7” is not one of the choices."))
        .stdout(predicate::str::contains(
            "“four” is not one of the choices.",
        ))
        .stdout(predicate::str::contains("Team size: Small"))
        .stdout(predicate::str::contains("Skipped."));
}

#[test]
fn plain_mode_early_end_of_input() {
    tradeoff()
        .arg("--plain")
        .write_stdin("\n1\n2\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "Input ended before question 3 of {}",
            questions()
        )));
}

#[test]
fn dumb_terminal_and_accessible_choose_plain_mode() {
    tradeoff()
        .env("TERM", "dumb")
        .write_stdin("")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "Which decisions do you want to make?",
        ));
    tradeoff()
        .env("ACCESSIBLE", "1")
        .write_stdin("")
        .assert()
        .stdout(predicate::str::contains(
            "Which decisions do you want to make?",
        ));
}

#[test]
fn glossary_lookup() {
    tradeoff()
        .args(["glossary", "drift"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Drift detection"))
        .stdout(predicate::str::contains("verified 2026-"));
    tradeoff()
        .arg("glossary")
        .assert()
        .success()
        .stdout(predicate::str::contains("OpenTofu"));
}

#[test]
fn html_format_on_the_cli() {
    tradeoff()
        .args(["recommend", "-a", "workload=web", "--format", "html"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"));
}

#[test]
fn glossary_without_a_match_fails() {
    tradeoff()
        .args(["glossary", "zzzzqqq"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error: no glossary term matches"));
}

#[test]
fn validate_checks_demo_scripts_against_the_data() {
    // The built-in script is checked with the built-in data (issue 9: "keep it valid under
    // `tradeoff validate`"); a script of one's own with --script, each problem at its place.
    tradeoff()
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok: demo script assets/demo/seed-story.toml",
        ));
    let dir = tempdir();
    let good = dir.join("good.toml");
    std::fs::write(
        &good,
        "title = \"Ours\"\n\n[[step]]\ncaption = \"A small team\"\nanswer = { team_size = \"small\" }\n",
    )
    .unwrap();
    tradeoff()
        .args(["validate", "--script", good.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "ok: demo script {}",
            good.display()
        )));
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "title = \"Ours\"\n\n[[step]]\ncaption = \"A small team\"\nanswer = { team_size = \"smal\" }\n",
    )
    .unwrap();
    let missing = dir.join("missing.toml");
    let out = tradeoff()
        .args(["validate", "--script", bad.to_str().unwrap()])
        .args(["--script", missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("{}:5:", bad.display())) && stdout.contains("small"),
        "the line of the bad choice and the right one: {stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: cannot read", missing.display())),
        "{stdout}"
    );
    assert!(!stdout.contains("ok:"), "{stdout}");
    let json: serde_json::Value = serde_json::from_slice(
        &tradeoff()
            .args(["validate", "-f", "json", "--script", good.to_str().unwrap()])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        json["demo_scripts"],
        serde_json::json!(["assets/demo/seed-story.toml", good.display().to_string()])
    );
}
