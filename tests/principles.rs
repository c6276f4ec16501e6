//! The principles the built-in data follows (data/README.md, "Principles"), each from AWS's current
//! guidance or the event report, checked over **every** combination of answers, skipped answers
//! included. A failure names the principle and the answers that break it.
//!
//! These are not the data's rules restated: a principle says what an expert expects from the
//! answers, and the test checks the winner the whole model (weights, scores, adjustments, vetoes)
//! produces, whatever rules the data uses to get there.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::sweep::{catalog, choice, combinations, describe, holds, is, q, skipped, sweep};

use tradeoff::answers::Answers;
use tradeoff::engine::{Advice, TIE_POINTS, analyze, analyze_pack, evaluate, winner_advice};
use tradeoff::pack::Pack;

/// Like `combinations(questions, false)`, but of the combinations that differ only in the
/// footprint, one per distinct winner. No rule reads the footprint (it only prices the
/// alternatives, checked here), so their caveats and next steps can differ only through the winner:
/// the checks of a winner's advice then analyse each case once instead of once per size. `preset`
/// fixes answers before the winner is found.
fn advice_combinations(
    pack: &Pack,
    questions: &[usize],
    preset: impl Fn(&mut Vec<Option<usize>>),
) -> Vec<Vec<Option<usize>>> {
    let fq = q("footprint");
    let rules_read_it = catalog()
        .packs
        .iter()
        .any(|p| p.rules.iter().any(|r| r.questions().any(|x| x == fq)));
    assert!(
        !rules_read_it,
        "a rule reads the footprint: analyse every size"
    );
    let others: Vec<usize> = questions.iter().copied().filter(|&x| x != fq).collect();
    let sizes = catalog().questions[fq].choices.len();
    let mut out = Vec::new();
    for mut base in combinations(&others, false) {
        preset(&mut base);
        if !questions.contains(&fq) {
            out.push(base);
            continue;
        }
        let mut winners = BTreeSet::new();
        for size in 0..sizes {
            let mut a = base.clone();
            a[fq] = Some(size);
            if winners.insert(evaluate(pack, &a).winner()) {
                out.push(a);
            }
        }
    }
    out
}

const EKS: [&str; 2] = ["eks", "eks-auto-mode"];

/// What the winner of `pack` is told under `a` (its caveats and next steps, the other packs' winners
/// found from the same answers), as the full analysis says it but without the robustness samples
/// and explanations the sweeps of advice do not read: `None` when everything is excluded.
fn told(pack: &Pack, a: &[Option<usize>]) -> Option<Advice> {
    winner_advice(catalog(), pack, a, &winners(a))
}

// --- Compute --------------------------------------------------------------------------------------

/// C1. Kubernetes only when the team asks for it. AWS: "Never recommend EKS unless they explicitly
/// ask for Kubernetes" (aws-containers-skill). Not wanting it, or skipping the question, never ends
/// in EKS, whatever the team's size or experience: skipping is not asking, and production experience
/// alone is not an ask (a team can know Kubernetes and still not want to run it).
#[test]
fn c1_kubernetes_only_when_asked() {
    holds("compute", "C1", |a, w| {
        is(a, "kubernetes_wanted", "yes") || !EKS.contains(&w)
    });
}

/// C2. A team that wants Kubernetes gets it: on AWS only EKS gives the Kubernetes API
/// (aws-containers-skill).
#[test]
fn c2_kubernetes_when_asked() {
    holds("compute", "C2", |a, w| {
        !is(a, "kubernetes_wanted", "yes") || EKS.contains(&w)
    });
}

/// C3. Kubernetes experience decides who runs the nodes. AWS runs them (Auto Mode manages nodes,
/// scaling and core add-ons, eks-auto-mode) unless the team needs host control (no SSH or custom AMIs
/// on Auto Mode nodes, eks-automode-vs-mng) or is a team of six or more that already runs Kubernetes
/// in production: it runs node groups or Karpenter today, and Auto Mode's "separate fee, in addition
/// to the standard EC2 instance charges" (eks-automode-vs-mng) buys work it already does. The fee is
/// named exactly where experience makes it a choice: to a production team on its own nodes (what Auto
/// Mode would cost) and to a small production team on Auto Mode (what its own nodes would save).
#[test]
fn c3_experience_decides_who_runs_the_nodes() {
    holds("compute", "C3", |a, w| {
        let platform_team = is(a, "k8s_experience", "production")
            && (is(a, "team_size", "medium") || is(a, "team_size", "large"));
        !EKS.contains(&w) || ((w == "eks") == (is(a, "hardware", "host_access") || platform_team))
    });
    let s = sweep("compute");
    for (a, w) in s
        .rows
        .iter()
        .filter(|(a, w)| !a.iter().any(Option::is_none) && EKS.contains(&w.as_str()))
    {
        // With host control only the team's own nodes are left: no fee to weigh.
        let production = is(a, "k8s_experience", "production") && !is(a, "hardware", "host_access");
        let small = is(a, "team_size", "solo") || is(a, "team_size", "small");
        let expected = production && ((Some(w.as_str()) == Some("eks")) != small);
        let told = told(s.pack, a)
            .unwrap()
            .caveats
            .iter()
            .any(|cv| cv.text.contains("fee on every node"));
        assert_eq!(
            told,
            expected,
            "C3: the per-node fee caveat {} for {} ({})",
            if told { "shown" } else { "missing" },
            w.as_str(),
            describe(a)
        );
    }
}

/// C15. Services that call each other go to ECS with Service Connect: AWS puts "microservices" on
/// ECS on Fargate with Service Connect (aws-containers-skill), so neither Lambda nor Express Mode
/// wins them, whatever the traffic; only a team that asks for Kubernetes leaves ECS. (Event-driven
/// work that talks through queues is "Background jobs", where Lambda may win.)
#[test]
fn c15_services_that_call_each_other_go_to_ecs() {
    holds("compute", "C15", |a, w| {
        !is(a, "workload", "microservices")
            || is(a, "kubernetes_wanted", "yes")
            || ["ecs-fargate", "ecs-managed-instances", "ecs-ec2"].contains(&w)
    });
}

/// C16. App Runner = Yes gives every winner a migration note fitted to it: the team's services keep
/// running ("existing customers continue as normal", apprunner-availability), and what a move takes
/// depends on the target and on whether a service is built from source code.
#[test]
fn c16_app_runner_customers_get_a_fitted_migration_note() {
    let c = catalog();
    let compute = c.pack("compute").unwrap();
    let mut answered = compute.questions_used.clone();
    answered.retain(|&x| x != q("app_runner_customer"));
    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for mut a in combinations(&answered, false) {
        a[q("app_runner_customer")] = choice("app_runner_customer", "yes");
        let Some(w) = evaluate(compute, &a).winner() else {
            continue;
        };
        let advice = told(compute, &a).unwrap();
        let note: Vec<&tradeoff::pack::SharedStr> = advice
            .next_steps
            .iter()
            .filter(|s| s.starts_with("Coming from App Runner"))
            .collect();
        assert_eq!(
            note.len(),
            1,
            "C16: {} ({})",
            compute.alternatives[w].id,
            describe(&a)
        );
        assert!(note[0].contains("source code"), "C16: {}", note[0]);
        seen.entry(compute.alternatives[w].id.to_string())
            .or_default()
            .insert(note[0].to_string());
    }
    // Fitted: no two winners are given the same note, so each says what a move to that platform
    // takes.
    assert!(seen.len() >= 4, "C16: too few winners to compare: {seen:?}");
    for (x, xs) in &seen {
        for (y, ys) in &seen {
            assert!(
                x == y || xs.is_disjoint(ys),
                "C16: {x} and {y} share a note: {:?}",
                xs.intersection(ys).collect::<Vec<_>>()
            );
        }
    }
}

/// C4. Express Mode is for simple HTTP apps: workers, batch and services that call each other go
/// to ECS on Fargate (aws-containers-skill; Express has no Service Connect settings,
/// ecs-express-resources).
#[test]
fn c4_express_mode_only_for_simple_http_apps() {
    holds("compute", "C4", |a, w| {
        w != "ecs-express"
            || !(is(a, "workload", "background") || is(a, "workload", "microservices"))
    });
}

/// C5. EC2 capacity only when the hardware needs it: "GPU workloads or >16 vCPU → ECS on EC2",
/// Fargate for everything else (aws-containers-skill). On standard or unstated hardware, neither
/// ECS on EC2 nor Managed Instances wins.
#[test]
fn c5_ec2_capacity_only_for_hardware_that_needs_it() {
    holds("compute", "C5", |a, w| {
        let needs = is(a, "hardware", "gpu_or_large") || is(a, "hardware", "host_access");
        needs || !["ecs-ec2", "ecs-managed-instances"].contains(&w)
    });
}

/// C6. Host control means instances the team runs: Managed Instances and Auto Mode use AWS's AMIs
/// with no SSH (ecs-managed-instances, eks-automode-vs-mng), Fargate has no host (fargate-task-params).
#[test]
fn c6_host_control_means_instances_you_run() {
    holds("compute", "C6", |a, w| {
        !is(a, "hardware", "host_access") || ["ecs-ec2", "eks"].contains(&w)
    });
}

/// C7. GPUs without host control run on capacity AWS manages: ECS Managed Instances gives "GPU
/// acceleration … while AWS handles provisioning, scaling, patching" (ecs-managed-instances), so
/// ECS on EC2 wins only for host control.
#[test]
fn c7_ecs_on_ec2_only_for_host_control() {
    holds("compute", "C7", |a, w| {
        w != "ecs-ec2" || is(a, "hardware", "host_access")
    });
}

/// C8. Scale to zero pays only with idle time: Lambda's "zero cost at idle" against containers
/// that get cheaper with predictable, sustained traffic (aws-startup-lambda).
#[test]
fn c8_lambda_only_for_spiky_traffic() {
    holds("compute", "C8", |a, w| {
        w != "lambda" || is(a, "traffic", "spiky")
    });
}

/// C18. Lambda stays the start-up default for bursts of small jobs: "Pre-seed to Series A: Lambda
/// should be your default compute… Zero cost at idle" (aws-startup-lambda), and for asynchronous
/// jobs under 15 minutes AWS suggests Lambda over Fargate tasks that take 30–45 s to start
/// (fargate-task-start). A solo team on AWS alone, not asking for Kubernetes, with spiky background
/// jobs on standard hardware under one vCPU (or the footprint skipped), gets Lambda as the winner
/// or in a tie, whatever the other answers.
#[test]
fn c18_lambda_for_a_solo_teams_bursts_of_small_jobs() {
    let s = sweep("compute");
    let lambda = s
        .pack
        .alternatives
        .iter()
        .position(|x| x.id == "lambda")
        .unwrap();
    let mut seen = 0;
    for (a, _) in &s.rows {
        let persona = is(a, "team_size", "solo")
            && is(a, "cloud_strategy", "aws_only")
            && is(a, "kubernetes_wanted", "no")
            && is(a, "workload", "background")
            && is(a, "traffic", "spiky")
            && is(a, "hardware", "standard")
            && (is(a, "footprint", "fraction") || skipped(a, "footprint"));
        if !persona {
            continue;
        }
        seen += 1;
        let ev = evaluate(s.pack, a);
        let top = ev.ranking()[0];
        let gap = ev.scores[top] - ev.scores[lambda];
        assert!(
            gap < TIE_POINTS,
            "C18: {} -> {} by {gap:.2} points over Lambda",
            describe(a),
            s.pack.alternatives[top].id
        );
    }
    assert!(seen > 0, "C18 reads no combination");
}

/// C9. App Runner is closed to new customers and AWS recommends ECS Express Mode for new services
/// (apprunner-availability): it never wins, even for an existing customer.
#[test]
fn c9_app_runner_never_wins() {
    holds("compute", "C9", |_, w| w != "app-runner");
}

/// C10 (and I7). Every alternative that can win carries the warnings an expert would raise when it
/// does: the winner of every combination is shown with at least one caveat.
#[test]
fn every_winner_comes_with_its_caveats() {
    let c = catalog();
    for p in &c.packs {
        let s = sweep(&p.id);
        let mut seen = BTreeSet::new();
        for (a, w) in &s.rows {
            if w == "-" {
                continue;
            }
            if !seen.insert(w.clone()) {
                continue;
            }
            let result = analyze_pack(c, s.pack, a);
            assert!(
                !result.caveats.is_empty(),
                "{}: {w} wins under {} with no caveat",
                p.id,
                describe(a)
            );
        }
        assert!(seen.len() >= 4, "{}: only {seen:?} ever win", p.id);
    }
}

/// C11. Next steps and caveats fit the whole stack: a platform's next steps never name another IaC
/// tool than the one recommended, and the IaC tool's caveats about a platform appear only when that
/// platform is recommended.
#[test]
fn c11_next_steps_fit_the_stack() {
    let c = catalog();
    // The questions of compute and IaC only: the other packs' stack rules are checked pack by pack
    // in tests/principles_stack.rs, and their questions would multiply this sweep for nothing.
    let mut asked: Vec<usize> = ["compute", "iac"]
        .iter()
        .flat_map(|id| c.pack(id).unwrap().questions_used.clone())
        .collect();
    asked.sort_unstable();
    asked.dedup();
    let compute = c.pack("compute").unwrap();
    let iac = c.pack("iac").unwrap();
    let workload = q("workload");
    let mut seen = BTreeSet::new();
    for a in combinations(&asked, false) {
        let cw = evaluate(compute, &a).winner();
        let iw = evaluate(iac, &a).winner();
        if !seen.insert((cw, iw, a[workload])) {
            continue;
        }
        let mut answers = Answers::empty(c);
        answers.choices = a.clone();
        let rec = analyze(c, &answers, &[]);
        let tool = rec.stack[1].winner.clone().unwrap();
        let platform = rec.stack[0].winner.clone().unwrap();
        let steps = &rec.packs[0].ranking[0].next_steps;
        for (mark, tools) in [
            ("In CDK", &["cdk"][..]),
            ("In CloudFormation", &["cloudformation"]),
            ("In HCL", &["terraform", "opentofu"]),
            ("In Pulumi", &["pulumi"]),
        ] {
            for s in steps.iter().filter(|s| s.starts_with(mark)) {
                assert!(
                    tools.contains(&tool.as_str()),
                    "{platform} with {tool}: next step `{s}` is for another tool ({})",
                    describe(&a)
                );
            }
        }
        // A step written for a tool names it; a step for no tool names none (an OpenTofu user
        // reads no "Terraform" in a Lambda step, for one).
        for s in steps.iter().filter(|s| !s.starts_with("In ")) {
            for other in ["CloudFormation ", "Terraform ", "Pulumi", "CDK "] {
                assert!(
                    !s.contains(other),
                    "{platform} with {tool}: next step `{s}` names {other}({})",
                    describe(&a)
                );
            }
        }
        // The step that says how to do it in the tool follows the step it refines.
        let alt = compute.alternative_index(&platform).unwrap();
        let own = &compute.alternatives[alt].next_steps;
        for (i, s) in steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.starts_with("In "))
        {
            let placed = compute
                .rules
                .iter()
                .filter(|r| !r.stack.is_empty())
                .flat_map(|r| &r.next_steps)
                .find(|st| st.alternative == alt && &st.text == s)
                .and_then(|st| st.at)
                .unwrap_or(0);
            let before: Vec<&tradeoff::pack::SharedStr> =
                steps[..i].iter().filter(|x| own.contains(x)).collect();
            assert_eq!(
                before.len(),
                placed.min(own.len()),
                "{platform} with {tool}: `{s}` is not right after own step {placed} ({})",
                describe(&a)
            );
        }
        for cv in &rec.packs[1].caveats {
            for w in &cv.with {
                assert_eq!(
                    w.alternative, platform,
                    "caveat `{}` needs {}",
                    cv.text, w.name
                );
            }
        }
    }
    assert!(seen.len() > 20, "the sweep reached {} stacks", seen.len());
}

/// C17. Every EKS stack says how workloads get onto the cluster, for every IaC tool: a tool that
/// creates the cluster does not deploy what runs in it, and AWS offers Argo CD as a managed EKS
/// Capability for GitOps (eks-capabilities); the stack's next steps name Helm or GitOps.
#[test]
fn c17_every_eks_stack_says_how_workloads_get_on() {
    let c = catalog();
    let compute = c.pack("compute").unwrap();
    let iac = c.pack("iac").unwrap();
    // The questions of the two packs that make the stack (the delivery and observability packs'
    // questions change neither winner, and sweeping them too would multiply the combinations).
    let mut asked: Vec<usize> = [compute, iac]
        .iter()
        .flat_map(|p| p.questions_used.clone())
        .collect();
    asked.sort_unstable();
    asked.dedup();
    let mut seen = BTreeSet::new();
    for a in combinations(&asked, false) {
        let (Some(cw), Some(iw)) = (evaluate(compute, &a).winner(), evaluate(iac, &a).winner())
        else {
            continue;
        };
        if !EKS.contains(&compute.alternatives[cw].id.as_str()) || !seen.insert((cw, iw)) {
            continue;
        }
        let mut answers = Answers::empty(c);
        answers.choices = a.clone();
        let rec = analyze(c, &answers, &[]);
        let said = rec.packs[0].ranking[0]
            .next_steps
            .iter()
            .chain(rec.packs[1].caveats.iter().map(|cv| &cv.text))
            .any(|t| t.contains("Helm") || t.contains("GitOps"));
        assert!(
            said,
            "C17: {} with {} says nothing of how workloads reach the cluster ({})",
            compute.alternatives[cw].id,
            iac.alternatives[iw].id,
            describe(&a)
        );
    }
    assert_eq!(seen.len(), 2 * 5, "C17 reached {seen:?}");
}

/// C12. Advice never points to an option the same answers ruled out: no caveat or next step of a
/// winner recommends an alternative that is excluded (the caveats used to suggest EKS Auto Mode and
/// ECS Managed Instances exactly when host access had excluded them, eks-automode-vs-mng,
/// ecs-managed-instances).
#[test]
fn c12_advice_never_points_to_an_excluded_option() {
    let c = catalog();
    let compute = c.pack("compute").unwrap();
    // What a text says when it recommends each alternative.
    let mentions: [(&str, &[&str]); 8] = [
        ("ecs-express", &["Express Mode"]),
        ("ecs-fargate", &["ECS on Fargate", "Fargate service"]),
        ("ecs-managed-instances", &["ECS Managed Instances"]),
        ("ecs-ec2", &["ECS on EC2"]),
        ("lambda", &["Lambda "]),
        ("eks-auto-mode", &["Auto Mode"]),
        (
            "eks",
            &[
                "own nodes",
                "managed node groups",
                "Karpenter",
                "Kubernetes on",
            ],
        ),
        ("app-runner", &["App Runner"]),
    ];
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for a in advice_combinations(compute, &compute.questions_used, |_| {}) {
        let Some(top) = told(compute, &a) else {
            continue;
        };
        let excluded: Vec<&str> = evaluate(compute, &a)
            .excluded
            .iter()
            .zip(&compute.alternatives)
            .filter(|(x, _)| **x)
            .map(|(_, alt)| alt.id.as_str())
            .collect();
        // A note about leaving App Runner names it without recommending it.
        let texts = top
            .caveats
            .iter()
            .map(|cv| cv.text.as_str())
            .chain(top.next_steps.iter().map(|s| s.as_str()))
            .filter(|t| !t.starts_with("Coming from App Runner"));
        for text in texts {
            for (id, words) in &mentions {
                if *id == top.winner || !excluded.contains(id) {
                    continue;
                }
                if words.iter().any(|w| text.contains(w)) && seen.insert((text.to_string(), *id)) {
                    problems.push(format!(
                        "{} wins and says `{text}`, but {id} is excluded ({})",
                        top.winner,
                        describe(&a)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "C12:\n{}", problems.join("\n"));
}

/// C13. On-premises servers are never forgotten: with a hybrid estate, whatever wins says how the
/// servers join, through ECS Anywhere (ecs-anywhere-guide) or EKS Hybrid Nodes
/// (eks-hybrid-overview), or that they need a runtime of their own.
#[test]
fn c13_a_hybrid_winner_says_how_the_servers_join() {
    let c = catalog();
    let compute = c.pack("compute").unwrap();
    let mut answered = compute.questions_used.clone();
    answered.retain(|&x| x != q("cloud_strategy"));
    let hybrid =
        |a: &mut Vec<Option<usize>>| a[q("cloud_strategy")] = choice("cloud_strategy", "hybrid");
    for a in advice_combinations(compute, &answered, hybrid) {
        let top = told(compute, &a).unwrap();
        let said = top
            .caveats
            .iter()
            .map(|cv| cv.text.as_str())
            .chain(top.next_steps.iter().map(|s| s.as_str()))
            .any(|t| t.contains("ECS Anywhere") || t.contains("Hybrid Nodes"));
        assert!(
            said,
            "C13: {} says nothing about the on-premises servers ({})",
            top.winner,
            describe(&a)
        );
    }
}

/// C14. Steps fit the workload: blue/green, canary and linear deployments shift traffic through a
/// load balancer, Service Connect or VPC Lattice; queue workers and scheduled jobs have none to
/// shift (ecs-bluegreen-resources), so they are told about rolling updates with the circuit
/// breaker instead (ecs-circuit-breaker), and how their jobs start (EventBridge Scheduler,
/// ecs-scheduled-tasks). This holds on every ECS capacity, not only Fargate: the same ECS services
/// and deployment strategies run on Managed Instances and on EC2 (ecs-deployments).
#[test]
fn c14_deployment_steps_fit_the_workload() {
    let c = catalog();
    let compute = c.pack("compute").unwrap();
    let mut seen = BTreeSet::new();
    for a in advice_combinations(compute, &compute.questions_used, |_| {}) {
        let top = told(compute, &a).unwrap();
        if !["ecs-fargate", "ecs-managed-instances", "ecs-ec2"].contains(&top.winner.as_str()) {
            continue;
        }
        seen.insert(top.winner.clone());
        let steps = top.next_steps.join("\n");
        let background = is(&a, "workload", "background");
        assert_eq!(
            steps.contains("EventBridge Scheduler"),
            background,
            "C14: {} {} how scheduled jobs start ({})",
            top.winner,
            if background { "does not say" } else { "says" },
            describe(&a)
        );
        assert_eq!(
            steps.contains("canary"),
            !background,
            "C14: {}: the blue/green step {} ({})",
            top.winner,
            if background {
                "shown to background work"
            } else {
                "missing"
            },
            describe(&a)
        );
        assert_eq!(
            steps.contains("circuit breaker"),
            background,
            "C14: {} ({})",
            top.winner,
            describe(&a)
        );
    }
    assert_eq!(seen.len(), 3, "C14 reached only {seen:?}");
}

// --- IaC ------------------------------------------------------------------------------------------

const TOOLS: [&str; 5] = ["cdk", "cloudformation", "terraform", "opentofu", "pulumi"];

/// I1. Keep what you run: a team that keeps its tool is never told to switch. Migrating rewrites
/// the code and moves every resource's state; the tools for it give "a starting point" (cdk migrate
/// is in preview, cdk-migrate) and configuration that is Terraform's "best guess" (terraform-import).
#[test]
fn i1_a_team_that_keeps_its_tool_keeps_it() {
    holds("iac", "I1", |a, w| {
        let existing = a[q("existing_iac")].map(|x| {
            catalog().questions[q("existing_iac")].choices[x]
                .id
                .as_str()
        });
        match existing {
            Some(tool) if TOOLS.contains(&tool) && is(a, "iac_migration", "keep") => w == tool,
            _ => true,
        }
    });
}

/// I2. A team on CDK is never sent back to raw CloudFormation: CDK already deploys CloudFormation,
/// and AWS recommends CDK when "team already uses CDK" (aws-cfn-skill).
#[test]
fn i2_a_cdk_team_is_never_sent_to_raw_templates() {
    holds("iac", "I2", |a, w| {
        !(is(a, "existing_iac", "cdk") && w == "cloudformation")
    });
}

/// I3. CDK for AWS-centric teams that write code (the event report's "CDK for AWS-centric"; CDK
/// "can reduce the time required to generate CloudFormation templates" for teams that know a
/// supported language, terraform-faq): all-AWS, no IaC to keep, a programming language -> CDK.
#[test]
fn i3_cdk_for_aws_centric_teams_that_write_code() {
    holds("iac", "I3", |a, w| {
        let code = ["typescript", "python", "java_csharp_go"]
            .iter()
            .any(|l| is(a, "iac_language", l));
        let fresh = is(a, "existing_iac", "none") || skipped(a, "existing_iac");
        !(is(a, "cloud_strategy", "aws_only") && fresh && code) || w == "cdk"
    });
}

/// I4. Configuration files on an all-AWS estate: CloudFormation, which AWS says gives "a level of
/// native support that Terraform can't match" (terraform-faq), for teams with nothing to keep.
#[test]
fn i4_cloudformation_for_declarative_aws_only_teams() {
    holds("iac", "I4", |a, w| {
        let fresh = is(a, "existing_iac", "none") || skipped(a, "existing_iac");
        !(is(a, "cloud_strategy", "aws_only") && fresh && is(a, "iac_language", "declarative"))
            || w == "cloudformation"
    });
}

/// I5. One tool across clouds: the event report's "Terraform for multi-cloud"; AWS points estates
/// "spread out among multiple cloud providers" to Terraform (terraform-faq). A multi-cloud team
/// with nothing to keep never gets an AWS-only tool.
#[test]
fn i5_no_aws_only_tool_for_a_fresh_multi_cloud_team() {
    holds("iac", "I5", |a, w| {
        let fresh = is(a, "existing_iac", "none") || skipped(a, "existing_iac");
        !(is(a, "cloud_strategy", "multi_cloud") && fresh && ["cdk", "cloudformation"].contains(&w))
    });
}

/// I10. A hybrid team's IaC reaches both sides, or says plainly that it does not: a hybrid team with
/// nothing to keep gets a tool that also configures the on-premises servers (CDK and CloudFormation
/// define "the AWS side of a hybrid estate" only, eks-hybrid-overview); and whenever an AWS-only tool
/// wins for a hybrid team (one it keeps), the result says this stack needs a second tool.
#[test]
fn i10_a_hybrid_teams_iac_reaches_both_sides_or_says_so() {
    holds("iac", "I10", |a, w| {
        let fresh = is(a, "existing_iac", "none") || skipped(a, "existing_iac");
        !(is(a, "cloud_strategy", "hybrid") && fresh && ["cdk", "cloudformation"].contains(&w))
    });
    let c = catalog();
    let s = sweep("iac");
    for (a, w) in s
        .rows
        .iter()
        .filter(|(a, _)| is(a, "cloud_strategy", "hybrid"))
    {
        let w = w.as_str();
        if !["cdk", "cloudformation"].contains(&w) {
            continue;
        }
        let result = analyze_pack(c, s.pack, a);
        assert!(
            result
                .caveats
                .iter()
                .any(|cv| cv.text.starts_with("This stack needs a second tool")),
            "I10: {w} wins a hybrid team without saying it needs a second tool ({})",
            describe(a)
        );
    }
}

/// I11. OpenTofu is judged on the same evidence for new and existing teams: no rule moves its scores
/// on the shared criteria (ecosystem, coverage, …) by what the team runs, only its fit and learning
/// curve, which measure the team, not the tool (opentofu-migration: Terraform's providers and modules
/// work, and its HCL is the same). So a team that does not run it can get it where it is best.
#[test]
fn i11_opentofu_is_judged_on_the_same_evidence_for_every_team() {
    let iac = catalog().pack("iac").unwrap();
    let tofu = iac.alternative_index("opentofu").unwrap();
    let personal = ["fit", "learning_curve"].map(|k| iac.criterion_index(k).unwrap());
    for rule in &iac.rules {
        if !rule.questions().any(|x| x == q("existing_iac")) {
            continue;
        }
        for adj in rule.adjusts.iter().filter(|x| x.alternative == tofu) {
            assert!(
                personal.contains(&adj.criterion),
                "I11: rule {} moves OpenTofu's {} by what the team runs",
                rule.id,
                iac.criteria[adj.criterion].id
            );
        }
    }
    let fresh_wins = sweep("iac")
        .rows
        .iter()
        .filter(|(a, w)| {
            Some(w.as_str()) == Some("opentofu") && existing_tool(a) != Some("opentofu")
        })
        .count();
    assert!(
        fresh_wins > 0,
        "I11: OpenTofu never wins for a team that does not run it"
    );
}

/// I6. A recommended switch says what it costs: when a team that runs one tool is recommended
/// another, a caveat names the migration (terraform-import, cdk-migrate).
#[test]
fn i6_a_recommended_switch_names_its_cost() {
    let c = catalog();
    let s = sweep("iac");
    let existing_q = q("existing_iac");
    for (a, w) in &s.rows {
        let Some(x) = a[existing_q] else { continue };
        let existing = &c.questions[existing_q].choices[x].id;
        if w == "-" || !TOOLS.contains(&existing.as_str()) || existing == w {
            continue;
        }
        let result = analyze_pack(c, s.pack, a);
        assert!(
            result.caveats.iter().any(|cv| cv.text.contains("Moving ")
                && cv.because.iter().any(|b| b.question == "existing_iac")),
            "{existing} -> {w} without a word on the migration ({})",
            describe(a)
        );
    }
}

/// The tool a team runs, when it answered one.
fn existing_tool(a: &[Option<usize>]) -> Option<&'static str> {
    let qi = q("existing_iac");
    a[qi]
        .map(|x| catalog().questions[qi].choices[x].id.as_str())
        .filter(|t| TOOLS.contains(t))
}

/// I7. Open to migrating still counts what the team runs: its own tool is the winner or the
/// runner-up. The criterion is how quickly a team *new to a tool* gets productive, and a team is not
/// new to the tool it runs; the question's own advice is "keep what you run unless the gain is
/// large". Two documented exceptions: a multi-cloud or hybrid team on an AWS-only tool, for which
/// reach beyond AWS is the gain a move brings (seed: "Terraform for multi-cloud"; on-premises
/// servers are configured outside AWS, eks-hybrid-overview); and CDK for a CloudFormation team,
/// which keeps its stacks in CloudFormation (cdk-migrate).
#[test]
fn i7_open_to_migrating_still_counts_what_you_run() {
    let c = catalog();
    let s = sweep("iac");
    for (a, w) in s
        .rows
        .iter()
        .filter(|(a, _)| is(a, "iac_migration", "open"))
    {
        let Some(tool) = existing_tool(a) else {
            continue;
        };
        let w = w.as_str();
        let aws_only = ["cdk", "cloudformation"].contains(&tool);
        let beyond_aws =
            is(a, "cloud_strategy", "multi_cloud") || is(a, "cloud_strategy", "hybrid");
        if (aws_only && beyond_aws) || (tool == "cloudformation" && w == "cdk") || w == tool {
            continue;
        }
        let result = analyze_pack(c, s.pack, a);
        assert_eq!(
            result.runner_up.as_deref(),
            Some(tool),
            "I7: a {tool} team open to migrating gets {w}, with {tool} below the runner-up ({})",
            describe(a)
        );
    }
}

/// I8. The two forks never displace each other: Terraform and OpenTofu share the HCL, the providers
/// and the people ("most Terraform code will work without modification", opentofu-migration), so
/// moving between them buys nothing and costs a migration (OpenTofu's state encryption to undo one
/// way, the BSL licence the other, terraform-license-text).
#[test]
fn i8_terraform_and_opentofu_never_displace_each_other() {
    holds("iac", "I8", |a, w| match existing_tool(a) {
        Some("terraform") => w != "opentofu",
        Some("opentofu") => w != "terraform",
        _ => true,
    });
}

/// I9. A tie never moves a team: when the tool a team runs scores within the tie margin of the
/// winner, the winner is that tool. The question's own advice is "keep what you run unless the gain
/// is large", and a migration costs a rewrite and a move of every resource's state whether or not
/// the team is open to one (cdk migrate gives "a starting point", cdk-migrate; generated code is
/// Terraform's "best guess", terraform-import). One documented exception: a team that does not say
/// its size, for the size is what weighs the learning curve and hiring, where the tool a team runs
/// leads (an all-AWS Terraform team of TypeScript or Python developers, open to a move, then ties
/// CDK with Terraform, and the result says it is a tie).
#[test]
fn i9_a_tie_never_moves_a_team() {
    let s = sweep("iac");
    let p = s.pack;
    let mut problems = Vec::new();
    for (a, w) in &s.rows {
        let (Some(tool), Some(w)) = (existing_tool(a), Some(w.as_str())) else {
            continue;
        };
        if skipped(a, "team_size") {
            continue;
        }
        if w == tool {
            continue;
        }
        let ev = evaluate(p, a);
        let t = p.alternative_index(tool).unwrap();
        let wi = p.alternative_index(w).unwrap();
        if !ev.excluded[t] && ev.scores[wi] - ev.scores[t] < TIE_POINTS {
            problems.push(format!(
                "{tool} -> {w} by {:.2} ({})",
                ev.scores[wi] - ev.scores[t],
                describe(a)
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "I9: a tie moved {} teams, e.g.\n{}",
        problems.len(),
        problems[..problems.len().min(8)].join("\n")
    );
}

// --- Every question ---------------------------------------------------------------------------------

/// What a reader sees of one pack under `a`, the other packs' winners fixed (`winners`): the score of
/// every alternative in the running, which are excluded and by which rules (their reasons), and the
/// winner's caveats and next steps.
type Visible = (
    Vec<Option<u64>>,
    Vec<(usize, usize)>,
    Vec<String>,
    Vec<String>,
);

fn visible(p: &Pack, a: &[Option<usize>], winners: &[Option<usize>]) -> Visible {
    let ev = evaluate(p, a);
    let scores = ev
        .scores
        .iter()
        .zip(&ev.excluded)
        .map(|(s, &x)| (!x).then_some(s.to_bits()))
        .collect();
    let mut vetoes: Vec<(usize, usize)> = ev
        .fired
        .iter()
        .flat_map(|&r| p.rules[r].vetoes.iter().map(move |v| (v.alternative, r)))
        .collect();
    vetoes.sort_unstable();
    let Some(w) = ev.winner() else {
        return (scores, vetoes, Vec::new(), Vec::new());
    };
    let fired: Vec<_> = p
        .rules
        .iter()
        .filter(|r| r.fires_in_stack(a, winners))
        .collect();
    let mut caveats: Vec<String> = fired
        .iter()
        .flat_map(|r| &r.caveats)
        .filter(|c| c.alternative == w)
        .map(|c| c.text.to_string())
        .collect();
    let mut steps: Vec<String> = fired
        .iter()
        .flat_map(|r| &r.next_steps)
        .filter(|st| st.alternative == w)
        .map(|st| st.text.to_string())
        .collect();
    caveats.sort();
    steps.sort();
    (scores, vetoes, caveats, steps)
}

fn winners(a: &[Option<usize>]) -> Vec<Option<usize>> {
    catalog()
        .packs
        .iter()
        .map(|p| evaluate(p, a).winner())
        .collect()
}

/// Pairs of values of question `qi` (choices, and skipped as `None`) that no combination of the
/// other answers tells apart in what a reader sees of any pack (scores in the running, exclusions,
/// the winner's caveats and next steps). A follow-up is compared only where it is asked.
fn indistinguishable(qi: usize) -> Vec<(Option<usize>, Option<usize>)> {
    let c = catalog();
    let values: Vec<Option<usize>> = (0..c.questions[qi].choices.len())
        .map(Some)
        .chain([None])
        .collect();
    let mut same: BTreeSet<(usize, usize)> = (0..values.len())
        .flat_map(|i| (i + 1..values.len()).map(move |j| (i, j)))
        .collect();
    for p in c.packs.iter().filter(|p| p.questions_used.contains(&qi)) {
        let others: Vec<usize> = p
            .questions_used
            .iter()
            .copied()
            .filter(|&o| o != qi)
            .collect();
        for a in combinations(&others, false) {
            if !c.asked(qi, &a) {
                continue;
            }
            let sigs: Vec<_> = values
                .iter()
                .map(|&v| {
                    let mut b = a.clone();
                    b[qi] = v;
                    c.normalize(&mut b);
                    visible(p, &b, &winners(&b))
                })
                .collect();
            same.retain(|&(i, j)| sigs[i] == sigs[j]);
            if same.is_empty() {
                return Vec::new();
            }
        }
    }
    same.into_iter()
        .map(|(i, j)| (values[i], values[j]))
        .collect()
}

/// G1 and G2. Every answer counts, visibly, and no two answers of a question are interchangeable:
/// each choice changes something a reader sees (a score in the running, an exclusion, the winner's
/// caveats or next steps) compared with skipping the question and with every other choice, under
/// some combination of the other answers; a follow-up question is compared only where it is asked.
/// No exceptions: TypeScript and Python, which CDK and Pulumi both support first-class
/// (cdk-languages, pulumi-languages), start the project in different languages; and a skipped
/// "IaC migration" is kept by default and says so.
#[test]
fn g1_g2_every_answer_matters_and_none_are_interchangeable() {
    let c = catalog();
    let mut problems = Vec::new();
    for (qi, question) in c.questions.iter().enumerate() {
        for (x, y) in indistinguishable(qi) {
            let name =
                |v: Option<usize>| v.map_or("(skipped)", |v| question.choices[v].id.as_str());
            problems.push(format!(
                "{}: {} and {} show the same result under every other answer",
                question.id,
                name(x),
                name(y)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// G4. "Because you answered" names every answer that counted: under every answered combination of
/// a pack's questions, an answer whose skipping would change what a reader sees of the pack (the
/// other packs' winners held) is listed, with what it changed.
#[test]
fn g4_because_you_answered_names_every_answer_that_counted() {
    let c = catalog();
    let mut problems = Vec::new();
    for p in &c.packs {
        for a in combinations(&p.questions_used, false) {
            let won = winners(&a);
            let here = visible(p, &a, &won);
            let result = analyze_pack(c, p, &a);
            let listed: BTreeSet<&str> = result
                .because
                .iter()
                .flat_map(|g| g.answers.iter().map(|b| b.question.as_str()))
                .collect();
            for &qi in &p.questions_used {
                if a[qi].is_none() || listed.contains(c.questions[qi].id.as_str()) {
                    continue;
                }
                let mut b = a.clone();
                b[qi] = None;
                c.normalize(&mut b);
                if visible(p, &b, &won) != here && problems.len() < 8 {
                    problems.push(format!(
                        "{}: {} counted but is not listed ({})",
                        p.id,
                        c.questions[qi].id,
                        describe(&a)
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "G4:\n{}", problems.join("\n"));
}

/// G3. What is shown is what counts: every adjustment a rule shows is applied in full, so an
/// adjusted score is always its base plus the deltas shown (the loader rejects data where the
/// 0–10 scale could cut an effect off).
#[test]
fn g3_shown_effects_apply_in_full() {
    let c = catalog();
    for p in &c.packs {
        for (a, _) in &sweep(&p.id).rows {
            let ev = evaluate(p, a);
            for &(alt, k, eff) in &ev.adjusted {
                let shown: f64 = ev
                    .fired
                    .iter()
                    .flat_map(|&r| &p.rules[r].adjusts)
                    .filter(|x| x.alternative == alt && x.criterion == k)
                    .map(|x| x.delta)
                    .sum();
                let base = p.alternatives[alt].scores[k].value;
                assert!(
                    (eff - (base + shown)).abs() < 1e-12,
                    "{}/{}/{}: {base} {shown:+} shown, {eff} used ({})",
                    p.id,
                    p.alternatives[alt].id,
                    p.criteria[k].id,
                    describe(a)
                );
            }
        }
    }
}
