//! The principles of the delivery and observability packs (data/README.md, D1–D6 and O1–O7), checked
//! over every combination of the answers each pack reads, skipped answers included, and their stack
//! rules over every winner the compute and IaC packs can have. A failure names the principle, the
//! answers and the stack that break it.
//!
//! As in tests/principles.rs, these are what an expert expects from the answers, not the data's
//! rules restated: the tests check what the whole model tells the winner.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::sweep::{catalog, describe, holds, is, q, sweep};

use tradeoff::engine::{Advice, evaluate, winner_advice};
use tradeoff::pack::Pack;

/// Every alternative of `pack` that wins some combination of the answers its own pack reads: the
/// winners another pack's stack rules can meet.
fn reachable(pack: &str) -> Vec<&'static str> {
    let s = sweep(pack);
    let mut out: Vec<&str> = s.rows.iter().map(|(_, w)| w.as_str()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The winner's advice for answers `a` when `other` (a pack id) is won by `alt`, and every other
/// pack by whatever the answers make it.
fn advice_with(pack: &Pack, a: &[Option<usize>], other: &str, alt: &str) -> Advice {
    let c = catalog();
    let mut winners: Vec<Option<usize>> = c.packs.iter().map(|p| evaluate(p, a).winner()).collect();
    let pi = c.pack_index(other).unwrap();
    winners[pi] = c.packs[pi].alternative_index(alt);
    winner_advice(c, pack, a, &winners).expect("a winner")
}

/// Everything the winner is told, lower-cased: next steps and caveats.
fn told(advice: &Advice) -> String {
    advice
        .next_steps
        .iter()
        .map(|s| s.as_str())
        .chain(advice.caveats.iter().map(|c| c.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase()
}

const ECS_CAPACITY: [&str; 3] = ["ecs-fargate", "ecs-managed-instances", "ecs-ec2"];
const EKS: [&str; 2] = ["eks", "eks-auto-mode"];

// --- Delivery ---------------------------------------------------------------------------------------

/// D1. Continuous delivery or continuous deployment, as the event report draws the line: a team that
/// approves releases is told how its tool holds production for a person; a team that ships every
/// passing change is told that tests and alarm rollback are then its only gate, and gets no gate.
#[test]
fn d1_the_release_gate_is_the_one_the_team_chose() {
    let s = sweep("delivery");
    for (a, w) in &s.rows {
        let advice = winner_advice(catalog(), s.pack, a, &stack_of(a)).unwrap();
        let gate = rule_steps(s.pack, "continuous-delivery", w);
        let has_gate = advice.next_steps.iter().any(|x| gate.contains(x));
        let warned = advice
            .caveats
            .iter()
            .any(|c| c.rule.as_deref() == Some("continuous-deployment"));
        if is(a, "release_approval", "manual") {
            assert!(
                has_gate,
                "D1: {w} under {} has no approval step",
                describe(a)
            );
        } else {
            assert!(!has_gate, "D1: {w} under {} gets a gate", describe(a));
        }
        assert_eq!(
            warned,
            is(a, "release_approval", "automatic"),
            "D1: {w} under {}: the continuous-deployment caveat",
            describe(a)
        );
    }
}

/// The winners of every pack under answers `a`.
fn stack_of(a: &[Option<usize>]) -> Vec<Option<usize>> {
    catalog()
        .packs
        .iter()
        .map(|p| evaluate(p, a).winner())
        .collect()
}

/// The next steps rule `rule` of `pack` gives alternative `alt`.
fn rule_steps(pack: &Pack, rule: &str, alt: &str) -> Vec<tradeoff::pack::SharedStr> {
    let a = pack.alternative_index(alt).unwrap();
    pack.rules
        .iter()
        .filter(|r| r.id == rule)
        .flat_map(|r| &r.next_steps)
        .filter(|s| s.alternative == a)
        .map(|s| s.text.clone())
        .collect()
}

/// D2. CI where the code lives: GitHub Actions runs workflows only from GitHub repositories, and GitLab
/// CI/CD on code kept elsewhere needs a mirror and its Premium tier (github-actions-billing,
/// gitlab-external-repos), so neither wins for code kept somewhere else. And off Kubernetes (D3) the
/// host's own CI wins, with one exception: an all-AWS team on GitLab of six or more that approves
/// releases, or of 21 or more, gets CodePipeline, whose approvals are IAM-native where GitLab's need
/// Premium, and whose deploy actions are AWS's own (codepipeline-manual-approval,
/// gitlab-deployment-approvals).
#[test]
fn d2_ci_where_the_code_lives() {
    holds("delivery", "D2", |a, w| {
        let elsewhere = |host: &str| a[q("code_host")].is_some() && !is(a, "code_host", host);
        let own = if is(a, "code_host", "github") {
            Some("github-actions")
        } else if is(a, "code_host", "gitlab") {
            Some("gitlab-ci")
        } else {
            None
        };
        let gitlab_exception = is(a, "code_host", "gitlab")
            && is(a, "cloud_strategy", "aws_only")
            && (is(a, "team_size", "large")
                || (is(a, "team_size", "medium") && is(a, "release_approval", "manual")))
            && w == "codepipeline";
        let wrong_host = (w == "github-actions" && elsewhere("github"))
            || (w == "gitlab-ci" && elsewhere("gitlab"));
        !wrong_host
            && (own.is_none_or(|own| w == own)
                || is(a, "kubernetes_wanted", "yes")
                || gitlab_exception)
    });
}

/// D3. GitOps exactly when the team wants Kubernetes (then EKS wins, C2): Argo CD and Flux deploy to
/// Kubernetes only, and on Kubernetes the cluster pulls its state from Git, which EKS runs for you as
/// a capability (flux, eks-capabilities). One exception: a team of one, for whom a workflow next to
/// the code is less to run than a controller and a manifests repository.
#[test]
fn d3_gitops_exactly_when_kubernetes_is_wanted() {
    holds("delivery", "D3", |a, w| {
        let wanted = is(a, "kubernetes_wanted", "yes");
        if w == "gitops" {
            wanted
        } else {
            !wanted || is(a, "team_size", "solo")
        }
    });
}

/// D4. The deployment strategy fits the platform that won: ECS's own canary or linear with alarm
/// rollback for services behind a load balancer or Service Connect, rolling updates with the circuit
/// breaker for workers (ecs-canary, ecs-circuit-breaker), Express Mode's own canary, Lambda's weighted
/// alias, Argo Rollouts on EKS; and never another platform's strategy (no ECS strategy under Lambda
/// or EKS). Checked for every delivery winner against every compute winner the compute pack can
/// have, except GitOps off Kubernetes, which D3 and C2 rule out together.
#[test]
fn d4_the_deployment_strategy_fits_the_platform() {
    let s = sweep("delivery");
    let platforms = reachable("compute");
    assert!(platforms.len() >= 6, "compute winners: {platforms:?}");
    for (a, w) in &s.rows {
        for &platform in &platforms {
            if w == "gitops" && !EKS.contains(&platform) {
                continue;
            }
            let text = told(&advice_with(s.pack, a, "compute", platform));
            let canary = text.contains("ecs's own canary") || text.contains("ecs's canary");
            let breaker = text.contains("circuit breaker");
            let express = text.contains("express mode's own canary");
            let alias = text.contains("weighted alias");
            let rollouts = text.contains("argo rollouts");
            let web = is(a, "workload", "web") || is(a, "workload", "microservices");
            let jobs = is(a, "workload", "background");
            let expected = match platform {
                p if ECS_CAPACITY.contains(&p) => {
                    (canary || jobs) && (breaker || web) && !alias && !express && !rollouts
                }
                "ecs-express" => express && !canary && !breaker && !alias && !rollouts,
                "lambda" => alias && !canary && !breaker && !express && !rollouts,
                p if EKS.contains(&p) => rollouts && !canary && !breaker && !alias && !express,
                _ => true,
            };
            assert!(
                expected,
                "D4: {w} on {platform} under {}:\n{text}",
                describe(a)
            );
        }
    }
}

/// The words that give away an IaC tool in a step: a step for one tool never names another.
const TOOL_WORDS: [(&str, &[&str]); 5] = [
    ("cdk", &["cdk"]),
    (
        "cloudformation",
        &["change set", "cloudformation stacks", "aws::"],
    ),
    ("terraform", &["terraform"]),
    ("opentofu", &["tofu"]),
    ("pulumi", &["pulumi"]),
];

/// D5 and O7. The IaC tool's own path: whatever wins delivery is told how the IaC winner reaches
/// production (CDK Pipelines or cdk deploy, change sets, a saved plan, pulumi up), and observability's
/// alarms-as-code step names the IaC winner; no step of either pack names another IaC tool.
#[test]
fn d5_o7_the_iac_tools_own_path() {
    let tools = reachable("iac");
    assert_eq!(tools.len(), 5, "IaC winners: {tools:?}");
    for pack in ["delivery", "observability"] {
        let s = sweep(pack);
        for (a, w) in &s.rows {
            for &tool in &tools {
                let advice = advice_with(s.pack, a, "iac", tool);
                let text = told(&advice);
                for (other, words) in TOOL_WORDS.iter().filter(|(t, _)| *t != tool) {
                    // CDK synthesises CloudFormation, and OpenTofu reads Terraform's HCL.
                    let shared = (tool == "cdk" && *other == "cloudformation")
                        || (tool == "opentofu" && *other == "terraform");
                    for word in words.iter().filter(|_| !shared) {
                        assert!(
                            !text.contains(word),
                            "D5: {pack} {w} with {tool} names {other} (`{word}`) under {}:\n{text}",
                            describe(a)
                        );
                    }
                }
                let path = pack_path_steps(s.pack, tool, w);
                if pack == "delivery" || w == "cloudwatch-otel" {
                    assert!(
                        advice.next_steps.iter().any(|x| path.contains(x)),
                        "D5: {pack} {w} with {tool} is not told the tool's path under {}",
                        describe(a)
                    );
                }
            }
        }
    }
}

/// The steps the stack rules that read the IaC pack give `alt` when `tool` wins it.
fn pack_path_steps(pack: &Pack, tool: &str, alt: &str) -> Vec<tradeoff::pack::SharedStr> {
    let c = catalog();
    let iac = c.pack_index("iac").unwrap();
    let t = c.packs[iac].alternative_index(tool).unwrap();
    let a = pack.alternative_index(alt).unwrap();
    pack.rules
        .iter()
        .filter(|r| {
            r.stack
                .iter()
                .any(|s| s.pack == iac && s.alternatives.contains(&t))
        })
        .flat_map(|r| &r.next_steps)
        .filter(|s| s.alternative == a)
        .map(|s| s.text.clone())
        .collect()
}

/// D6. No long-lived keys: every delivery winner's own first steps say how it reaches AWS through a
/// role, with OpenID Connect where it runs outside AWS (iam-oidc-federation, github-oidc-aws).
#[test]
fn d6_no_long_lived_keys() {
    holds("delivery", "D6", |a, w| {
        let advice = winner_advice(catalog(), sweep("delivery").pack, a, &stack_of(a)).unwrap();
        let text = told(&advice);
        match w {
            "github-actions" | "gitlab-ci" => {
                text.contains("oidc") && text.contains("no aws access keys")
            }
            "codepipeline" => text.contains("service role"),
            _ => true,
        }
    });
}

// --- Observability ------------------------------------------------------------------------------------

/// O1. No new X-Ray SDK: in maintenance since 2026-02-25 and out of support from 2027-02-25, it never
/// wins, not even for a team that uses it (AWS recommends OpenTelemetry, sending traces to the same
/// X-Ray: xray-sdk-eos). For new instrumentation (any team not on it, the question skipped included)
/// it is excluded, as App Runner is for new customers, with the end of support as the reason and
/// AWS's notice as the source.
#[test]
fn o1_no_new_xray_sdk() {
    holds("observability", "O1", |_, w| w != "xray-sdk");
    let s = sweep("observability");
    let p = s.pack;
    let sdk = p.alternative_index("xray-sdk").unwrap();
    let eos = catalog()
        .sources
        .iter()
        .position(|x| x.id == "xray-sdk-eos");
    for (a, _) in &s.rows {
        let ev = evaluate(p, a);
        let vetoes: Vec<_> = ev
            .fired
            .iter()
            .flat_map(|&r| &p.rules[r].vetoes)
            .filter(|v| v.alternative == sdk)
            .collect();
        let new_work = !is(a, "observability_today", "xray_sdk");
        assert_eq!(ev.excluded[sdk], new_work, "O1: excluded ({})", describe(a));
        assert!(
            !new_work
                || vetoes
                    .iter()
                    .any(|v| v.reason.contains("2027-02-25") && v.source == eos),
            "O1: the exclusion gives the end of support with its source ({})",
            describe(a)
        );
    }
}

/// O2. A team on the X-Ray SDK keeps X-Ray and CloudWatch and is told to move its instrumentation
/// before 2027-02-25 (xray-sdk-migration).
#[test]
fn o2_xray_sdk_teams_are_told_to_move() {
    let s = sweep("observability");
    for (a, w) in s
        .rows
        .iter()
        .filter(|(a, _)| is(a, "observability_today", "xray_sdk"))
    {
        let text = told(&winner_advice(catalog(), s.pack, a, &stack_of(a)).unwrap());
        assert!(
            w == "cloudwatch-otel" && text.contains("2027-02-25"),
            "O2: {w} under {}",
            describe(a)
        );
    }
}

/// O3. Keep what you run: a Prometheus team stays on Prometheus (run by AWS or by itself), a team on a
/// SaaS vendor stays with it: dashboards, alerts and skills carry over (amp-collector, otel-vendors).
/// One exception: a Prometheus team whose services call each other may be sent to CloudWatch with
/// Application Signals, which holds the traces with the metrics, where Prometheus holds metrics only
/// and needs X-Ray beside it anyway (application-signals, adot).
#[test]
fn o3_keep_what_you_run() {
    holds("observability", "O3", |a, w| {
        if is(a, "observability_today", "prometheus") {
            w == "managed-prometheus"
                || w == "self-prometheus"
                || (w == "cloudwatch-otel" && is(a, "workload", "microservices"))
        } else if is(a, "observability_today", "vendor") {
            w == "saas-vendor"
        } else {
            true
        }
    });
}

/// O4. Traces where services call each other, the event report's reason for observability: the
/// winner traces across services itself, or is told what to add for it.
#[test]
fn o4_traces_for_services_that_call_each_other() {
    let s = sweep("observability");
    for (a, w) in s
        .rows
        .iter()
        .filter(|(a, _)| is(a, "workload", "microservices"))
    {
        let advice = winner_advice(catalog(), s.pack, a, &stack_of(a)).unwrap();
        let traces_itself = w == "cloudwatch-otel" || w == "saas-vendor";
        let told_to_add = advice
            .caveats
            .iter()
            .any(|c| c.rule.as_deref() == Some("services-call-each-other"));
        assert!(
            traces_itself || told_to_add,
            "O4: {w} under {}",
            describe(a)
        );
    }
}

/// O5. No monitoring system to run for a team of up to five: AWS's start-up guidance keeps small teams
/// to managed services (aws-startup-advisor); a self-run Prometheus wins only for a larger team or one
/// that runs it already.
#[test]
fn o5_small_teams_do_not_run_their_monitoring() {
    holds("observability", "O5", |a, w| {
        w != "self-prometheus"
            || (!is(a, "team_size", "solo")
                && !is(a, "team_size", "small")
                && is(a, "observability_today", "prometheus"))
    });
}

/// O6. The platform's own telemetry: on ECS, Container Insights and the alarms that roll deployments
/// back (ECS rolls back only on CloudWatch alarms); on Lambda, Lambda Insights; on EKS, the CloudWatch
/// Observability add-on or AMP's collector; and never another platform's (container-insights,
/// ecs-deployment-alarms, lambda-insights, cloudwatch-eks-addon-signals, amp-collector).
#[test]
fn o6_the_platforms_own_telemetry() {
    let s = sweep("observability");
    let platforms = reachable("compute");
    for (a, w) in &s.rows {
        for &platform in &platforms {
            let text = told(&advice_with(s.pack, a, "compute", platform));
            let ecs = text.contains("on ecs") || text.contains("ecs cluster");
            let insights = text.contains("container insights");
            let rollback = text.contains("deployment configuration");
            let lambda = text.contains("lambda");
            let eks = text.contains("eks");
            let ok = match platform {
                p if ECS_CAPACITY.contains(&p) => ecs && rollback && !lambda && !eks,
                "ecs-express" => ecs && !rollback && !lambda && !eks,
                "lambda" => lambda && !ecs && !eks && !insights,
                p if EKS.contains(&p) => eks && !ecs && !lambda,
                _ => true,
            };
            let cw_ok = w != "cloudwatch-otel"
                || match platform {
                    p if ECS_CAPACITY.contains(&p) || p == "ecs-express" => insights,
                    "lambda" => text.contains("lambda insights"),
                    p if EKS.contains(&p) => text.contains("observability eks add-on"),
                    _ => true,
                };
            assert!(
                ok && cw_ok,
                "O6: {w} on {platform} under {}:\n{text}",
                describe(a)
            );
        }
    }
}

// --- Both ----------------------------------------------------------------------------------------------

/// Winner counts of each new pack's sweep (printed with --nocapture), and no dead alternative: every
/// alternative wins some combination, except the X-Ray SDK, which O1 keeps from winning.
#[test]
fn sweep_winner_counts() {
    for pack in ["delivery", "observability"] {
        let s = sweep(pack);
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, w) in &s.rows {
            *counts.entry(w.as_str()).or_default() += 1;
        }
        eprintln!("{pack}: {} combinations: {counts:?}", s.rows.len());
        let never: BTreeSet<&str> = s
            .pack
            .alternatives
            .iter()
            .map(|x| x.id.as_str())
            .filter(|id| !counts.contains_key(id) && *id != "xray-sdk")
            .collect();
        assert!(never.is_empty(), "{pack}: {never:?} never win");
    }
}
