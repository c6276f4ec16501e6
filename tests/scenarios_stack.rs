//! Personas for the delivery and observability packs: teams a platform engineer meets, each with the
//! pipeline and the monitoring that the tools' own documentation, AWS's guidance or the event report
//! gives them, and the sources (ids in data/sources.toml) that say so. The whole stack is analysed, so
//! each persona also checks that the advice fits the compute and IaC winners.

mod common;

use common::persona::{pack, persona, winner};
use tradeoff::engine::Recommendation;

/// The winner's next steps and caveats, one per line.
fn told(rec: &Recommendation, id: &str) -> String {
    let p = pack(rec, id);
    p.ranking[0]
        .next_steps
        .iter()
        .chain(p.caveats.iter().map(|c| &c.text))
        .cloned()
        .collect::<Vec<_>>()
        .join("\n")
}

/// The event report's beginner, a year on: a small all-AWS team with a web API, its code on GitHub,
/// approving each release (the report's continuous delivery). GitHub's OIDC guide and AWS's
/// configure-aws-credentials action: deploy from GitHub Actions without stored keys; GitHub's
/// environments hold production for a reviewer; Express Mode deploys with its own canary.
#[test]
fn beginner_team_on_github_with_release_approval() {
    let rec = persona(
        &[
            "seed",
            "github-oidc-aws",
            "configure-aws-credentials",
            "github-environments",
            "ecs-express-resources",
            "application-signals",
        ],
        &[
            ("team_size", "small"),
            ("k8s_experience", "none"),
            ("cloud_strategy", "aws_only"),
            ("workload", "web"),
            ("traffic", "steady"),
            ("hardware", "standard"),
            ("app_runner_customer", "no"),
            ("iac_language", "typescript"),
            ("existing_iac", "none"),
            ("code_host", "github"),
            ("release_approval", "manual"),
            ("observability_today", "none"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-express");
    assert_eq!(winner(&rec, "iac"), "cdk");
    assert_eq!(winner(&rec, "delivery"), "github-actions");
    let delivery = told(&rec, "delivery");
    for expected in [
        "id-token: write",
        "required reviewers",
        "cdk diff",
        "Express Mode's own canary",
    ] {
        assert!(delivery.contains(expected), "{expected}:\n{delivery}");
    }
    // The private-repository catch of required reviewers is said where it applies.
    assert!(delivery.contains("GitHub Enterprise"));
    assert_eq!(winner(&rec, "observability"), "cloudwatch-otel");
    let seeing = told(&rec, "observability");
    assert!(seeing.contains("Container Insights"), "{seeing}");
    assert!(seeing.contains("in CDK"), "{seeing}");
}

/// A platform team that runs Kubernetes and wants it, on Prometheus today. AWS: EKS Capabilities run
/// Argo CD for declarative continuous deployment; AMP scrapes EKS with an agentless collector and keeps
/// PromQL.
#[test]
fn kubernetes_platform_team_on_prometheus() {
    let rec = persona(
        &[
            "eks-capabilities",
            "argocd-eks-capability",
            "argo-rollouts",
            "amp-collector",
        ],
        &[
            ("team_size", "large"),
            ("k8s_experience", "production"),
            ("kubernetes_wanted", "yes"),
            ("cloud_strategy", "aws_only"),
            ("workload", "microservices"),
            ("existing_iac", "terraform"),
            ("code_host", "github"),
            ("release_approval", "automatic"),
            ("observability_today", "prometheus"),
        ],
    );
    assert!(winner(&rec, "compute").starts_with("eks"));
    assert_eq!(winner(&rec, "delivery"), "gitops");
    let delivery = told(&rec, "delivery");
    assert!(delivery.contains("Argo Rollouts"), "{delivery}");
    assert!(delivery.contains("in HCL"), "{delivery}");
    assert!(!delivery.contains("ECS"), "{delivery}");
    assert_eq!(winner(&rec, "observability"), "managed-prometheus");
    let seeing = told(&rec, "observability");
    assert!(seeing.contains("agentless"), "{seeing}");
    assert!(
        seeing.contains("X-Ray"),
        "services that call each other are told about traces:\n{seeing}"
    );
}

/// An all-AWS team of templates with its code outside GitHub and GitLab, approving releases.
/// CodePipeline connects to Bitbucket and CodeCommit, deploys CloudFormation through change sets with an
/// approval between creating and executing them.
#[test]
fn cloudformation_team_with_code_outside_github_and_gitlab() {
    let rec = persona(
        &[
            "codepipeline-providers",
            "codepipeline-cfn-change-sets",
            "codepipeline-manual-approval",
        ],
        &[
            ("team_size", "medium"),
            ("k8s_experience", "none"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "web"),
            ("iac_language", "declarative"),
            ("existing_iac", "cloudformation"),
            ("code_host", "other"),
            ("release_approval", "manual"),
        ],
    );
    assert_eq!(winner(&rec, "iac"), "cloudformation");
    assert_eq!(winner(&rec, "delivery"), "codepipeline");
    let delivery = told(&rec, "delivery");
    assert!(delivery.contains("change set"), "{delivery}");
    assert!(delivery.contains("manual approval action"), "{delivery}");
    let excluded: Vec<&str> = pack(&rec, "delivery")
        .ranking
        .iter()
        .filter(|a| a.excluded)
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(excluded, ["gitops"]);
}

/// A GitLab shop on Terraform that ships every passing change to ECS on Fargate workers. GitLab's ID
/// tokens reach AWS without keys; Terraform applies the saved plan that was reviewed; workers without a
/// load balancer deploy with the circuit breaker; continuous deployment leans on tests and alarms.
#[test]
fn gitlab_terraform_team_with_continuous_deployment() {
    let rec = persona(
        &[
            "gitlab-oidc",
            "terraform-apply",
            "ecs-circuit-breaker",
            "aws-devops-cd",
        ],
        &[
            ("team_size", "medium"),
            ("k8s_experience", "none"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "background"),
            ("traffic", "steady"),
            ("hardware", "standard"),
            ("existing_iac", "terraform"),
            ("iac_migration", "keep"),
            ("code_host", "gitlab"),
            ("release_approval", "automatic"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-fargate");
    assert_eq!(winner(&rec, "iac"), "terraform");
    assert_eq!(winner(&rec, "delivery"), "gitlab-ci");
    let delivery = told(&rec, "delivery");
    for expected in [
        "id_tokens",
        "terraform plan -out=tfplan",
        "circuit breaker",
        "only gate",
    ] {
        assert!(delivery.contains(expected), "{expected}:\n{delivery}");
    }
    assert!(
        !delivery.contains("canary"),
        "workers have no traffic to shift:\n{delivery}"
    );
}

/// A team whose microservices are instrumented with the X-Ray SDK. AWS: the SDKs and daemon are in
/// maintenance since 2026-02-25 and out of support from 2027-02-25; migrate to OpenTelemetry, and X-Ray
/// keeps showing the traces.
#[test]
fn xray_sdk_team_moves_to_opentelemetry() {
    let rec = persona(
        &[
            "xray-sdk-eos",
            "xray-sdk-migration",
            "ecs-deployment-alarms",
        ],
        &[
            ("team_size", "medium"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "microservices"),
            ("observability_today", "xray_sdk"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-fargate");
    let seeing = pack(&rec, "observability");
    assert_eq!(seeing.winner.as_deref(), Some("cloudwatch-otel"));
    assert!(seeing.ranking[0].next_steps[0].contains("2027-02-25"));
    assert!(told(&rec, "observability").contains("deployment configuration"));
    // Not excluded for a team that runs it, but ranked below what replaces it.
    let xray = seeing.ranking.iter().find(|a| a.id == "xray-sdk").unwrap();
    assert!(!xray.excluded);
    assert!(xray.rank > Some(1));
}

/// A pre-revenue solo founder on Lambda, code on GitHub, shipping every change. Lambda's canary is a
/// weighted alias; Lambda Insights shows memory and cold starts; a team of one runs nothing extra.
#[test]
fn solo_founder_on_lambda() {
    let rec = persona(
        &[
            "aws-startup-advisor",
            "lambda-weighted-alias",
            "lambda-insights",
        ],
        &[
            ("team_size", "solo"),
            ("k8s_experience", "none"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "web"),
            ("traffic", "spiky"),
            ("hardware", "standard"),
            ("iac_language", "typescript"),
            ("existing_iac", "none"),
            ("code_host", "github"),
            ("release_approval", "automatic"),
            ("observability_today", "none"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "lambda");
    assert_eq!(winner(&rec, "delivery"), "github-actions");
    let delivery = told(&rec, "delivery");
    assert!(delivery.contains("weighted alias"), "{delivery}");
    assert!(!delivery.contains("ECS"), "{delivery}");
    assert_eq!(winner(&rec, "observability"), "cloudwatch-otel");
    let seeing = told(&rec, "observability");
    assert!(seeing.contains("Lambda Insights"), "{seeing}");
    assert!(!seeing.contains("Container Insights"), "{seeing}");
}

/// A multi-cloud team that already pays a SaaS vendor. OpenTelemetry's aim: switch vendors without
/// re-instrumenting; keep the vendor and instrument with OpenTelemetry.
#[test]
fn multi_cloud_team_keeps_its_vendor() {
    let rec = persona(
        &["otel-vendors"],
        &[
            ("team_size", "medium"),
            ("cloud_strategy", "multi_cloud"),
            ("workload", "microservices"),
            ("observability_today", "vendor"),
        ],
    );
    assert_eq!(winner(&rec, "observability"), "saas-vendor");
    assert!(told(&rec, "observability").contains("OpenTelemetry"));
}

/// Nothing answered: every pack still decides, and the only exclusions are the ones nobody asked
/// for: GitOps without Kubernetes, and the X-Ray SDK for new instrumentation.
#[test]
fn no_answers_delivery_and_observability() {
    let rec = persona(&[], &[]);
    assert_eq!(rec.packs.len(), 4);
    assert_eq!(winner(&rec, "delivery"), "codepipeline");
    assert_eq!(winner(&rec, "observability"), "cloudwatch-otel");
    for (id, vetoed) in [("delivery", "gitops"), ("observability", "xray-sdk")] {
        let out: Vec<&str> = pack(&rec, id)
            .ranking
            .iter()
            .filter(|a| a.excluded)
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(out, [vetoed]);
    }
}
