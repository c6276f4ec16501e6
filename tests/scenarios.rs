//! Personas drawn from the seed report and AWS's current guidance, and the ranking each should get.

use tradeoff::answers::Answers;
use tradeoff::engine::{PackResult, Verdict, analyze};
use tradeoff::pack::{self, Catalog};

fn catalog() -> Catalog {
    pack::load_builtin().expect("built-in data loads")
}

fn run(pairs: &[(&str, &str)]) -> Vec<PackResult> {
    let c = catalog();
    let mut a = Answers::empty(&c);
    for (q, ch) in pairs {
        a.set_by_id(&c, q, ch).unwrap();
    }
    analyze(&c, &a, &[]).packs
}

fn pack<'a>(packs: &'a [PackResult], id: &str) -> &'a PackResult {
    packs.iter().find(|p| p.id == id).unwrap()
}

fn order(p: &PackResult) -> Vec<&str> {
    p.ranking
        .iter()
        .filter(|a| !a.excluded)
        .map(|a| a.id.as_str())
        .collect()
}

fn excluded(p: &PackResult) -> Vec<&str> {
    p.ranking
        .iter()
        .filter(|a| a.excluded)
        .map(|a| a.id.as_str())
        .collect()
}

/// The seed's beginner: "as a beginner, ECS Fargate is the optimal choice" — updated for 2026, a
/// small AWS-only team with a new web API lands on ECS Express Mode, Fargate next, and CDK.
#[test]
fn small_aws_team_new_web_api() {
    let packs = run(&[
        ("team_size", "small"),
        ("k8s_experience", "none"),
        ("cloud_strategy", "aws_only"),
        ("workload", "web"),
        ("hardware", "standard"),
        ("app_runner_customer", "no"),
        ("iac_language", "typescript"),
        ("existing_iac", "none"),
    ]);
    let compute = pack(&packs, "compute");
    assert_eq!(&order(compute)[..2], ["ecs-express", "ecs-fargate"]);
    assert_eq!(
        order(compute).last(),
        Some(&"eks"),
        "EKS last for a team new to Kubernetes"
    );
    assert_eq!(
        excluded(compute),
        ["app-runner"],
        "App Runner is closed to new customers"
    );
    let why = &compute
        .ranking
        .iter()
        .find(|a| a.id == "app-runner")
        .unwrap()
        .exclusions[0];
    assert!(why.reason.contains("2026-04-30"));
    assert_eq!(why.because[0].question, "app_runner_customer");
    assert_eq!(compute.verdict, Verdict::Robust);
    let iac = pack(&packs, "iac");
    assert_eq!(
        iac.winner.as_deref(),
        Some("cdk"),
        "the seed: CDK for AWS-centric teams"
    );
}

/// The seed's "EKS for advanced features" and "Terraform for multi-cloud": a large platform team
/// running Kubernetes in production across clouds.
#[test]
fn platform_team_kubernetes_multi_cloud() {
    let packs = run(&[
        ("team_size", "large"),
        ("k8s_experience", "production"),
        ("cloud_strategy", "multi_cloud"),
        ("workload", "microservices"),
        ("hardware", "standard"),
        ("app_runner_customer", "no"),
        ("iac_language", "declarative"),
        ("existing_iac", "terraform"),
    ]);
    let compute = pack(&packs, "compute");
    assert_eq!(compute.winner.as_deref(), Some("eks"));
    assert!(
        compute.margin.unwrap() > 10.0,
        "EKS wins clearly: {:?}",
        compute.margin
    );
    let iac = pack(&packs, "iac");
    let top: Vec<&str> = order(iac)[..2].to_vec();
    assert!(
        top.contains(&"terraform") && top.contains(&"opentofu"),
        "{top:?}"
    );
    assert!(
        !order(iac)[..2].contains(&"cdk"),
        "CDK reaches AWS only since CDKTF's deprecation"
    );
}

/// Queue workers and scheduled jobs: Express Mode is for HTTP services, so plain ECS on Fargate.
#[test]
fn small_team_background_workers() {
    let packs = run(&[
        ("team_size", "small"),
        ("k8s_experience", "none"),
        ("cloud_strategy", "aws_only"),
        ("workload", "background"),
        ("hardware", "standard"),
        ("app_runner_customer", "no"),
        ("iac_language", "python"),
        ("existing_iac", "none"),
    ]);
    assert_eq!(
        pack(&packs, "compute").winner.as_deref(),
        Some("ecs-fargate")
    );
    assert_eq!(pack(&packs, "iac").winner.as_deref(), Some("cdk"));
}

/// GPUs or more than 16 vCPU per task: Fargate-based options are vetoed, ECS on EC2 wins.
#[test]
fn gpu_workload_needs_ec2_capacity() {
    let packs = run(&[
        ("team_size", "medium"),
        ("k8s_experience", "some"),
        ("cloud_strategy", "aws_only"),
        ("workload", "web"),
        ("hardware", "gpu_or_large"),
        ("app_runner_customer", "no"),
        ("iac_language", "declarative"),
        ("existing_iac", "cloudformation"),
    ]);
    let compute = pack(&packs, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-ec2"));
    let mut ex = excluded(compute);
    ex.sort();
    assert_eq!(ex, ["app-runner", "ecs-express", "ecs-fargate"]);
    for alt in compute.ranking.iter().filter(|a| a.excluded) {
        assert!(
            !alt.exclusions.is_empty(),
            "{} is excluded with a reason",
            alt.id
        );
        assert!(alt.rank.is_none());
    }
    let iac = pack(&packs, "iac");
    assert!(matches!(
        iac.winner.as_deref(),
        Some("cloudformation" | "cdk")
    ));
}

/// An existing App Runner customer may stay: App Runner is not vetoed, but it is not the answer for
/// new work either.
#[test]
fn existing_app_runner_customer() {
    let packs = run(&[
        ("team_size", "small"),
        ("k8s_experience", "none"),
        ("cloud_strategy", "aws_only"),
        ("workload", "web"),
        ("hardware", "standard"),
        ("app_runner_customer", "yes"),
        ("iac_language", "typescript"),
        ("existing_iac", "none"),
    ]);
    let compute = pack(&packs, "compute");
    assert!(excluded(compute).is_empty());
    assert_eq!(compute.winner.as_deref(), Some("ecs-express"));
    let ar = compute
        .ranking
        .iter()
        .find(|a| a.id == "app-runner")
        .unwrap();
    assert!(ar.status.as_deref().unwrap().contains("2026-04-30"));
    assert!(ar.rank.unwrap() > 1);
}

/// Kubernetes in production and on-premises too: EKS (hybrid nodes, portability).
#[test]
fn hybrid_team_with_kubernetes() {
    let packs = run(&[
        ("team_size", "medium"),
        ("k8s_experience", "production"),
        ("cloud_strategy", "hybrid"),
        ("workload", "microservices"),
        ("hardware", "standard"),
        ("app_runner_customer", "no"),
        ("iac_language", "java_csharp_go"),
        ("existing_iac", "none"),
    ]);
    assert_eq!(pack(&packs, "compute").winner.as_deref(), Some("eks"));
    let iac = pack(&packs, "iac");
    assert!(matches!(
        iac.winner.as_deref(),
        Some("pulumi" | "cdk" | "terraform" | "opentofu")
    ));
    assert!(
        !iac.rules_fired.is_empty(),
        "the choice is explained by the answers"
    );
}

/// EKS for a team with no Kubernetes experience carries the cost and learning-curve caveat when it wins.
#[test]
fn eks_caveat_when_it_wins_without_experience() {
    let packs = run(&[
        ("k8s_experience", "none"),
        ("cloud_strategy", "hybrid"),
        ("team_size", "large"),
        ("workload", "microservices"),
        ("hardware", "gpu_or_large"),
    ]);
    let compute = pack(&packs, "compute");
    if compute.winner.as_deref() == Some("eks") {
        assert!(
            compute.caveats.iter().any(|c| c.text.contains("$73")),
            "{:?}",
            compute.caveats
        );
    } else {
        // Not the winner: the caveat must not show under someone else.
        assert!(compute.caveats.iter().all(|c| !c.text.contains("$73")));
    }
}

/// Nothing answered: base weights only, and still a full, explained ranking.
#[test]
fn no_answers_still_ranks_everything() {
    let packs = run(&[]);
    for p in &packs {
        assert!(p.winner.is_some());
        assert!(excluded(p).is_empty(), "no veto without an answer");
        assert!(p.rules_fired.is_empty());
        assert!(
            !p.counterfactuals.is_empty(),
            "answering a skipped question is a counterfactual"
        );
    }
}
