//! Personas: teams an AWS architect meets, each with the recommendation that AWS's current guidance
//! or the event report gives them, and the source (an id from data/sources.toml) that says so. The
//! expected winners come from those sources, not from the data's own rules; the data must arrive at
//! them through its scores and rules.

mod common;

use common::persona::{pack, persona, winner};
use tradeoff::engine::{EffectKind, PackResult, Recommendation, Verdict};

fn excluded(p: &PackResult) -> Vec<&str> {
    p.ranking
        .iter()
        .filter(|a| a.excluded)
        .map(|a| a.id.as_str())
        .collect()
}

fn next_steps<'a>(rec: &'a Recommendation, id: &str) -> &'a [tradeoff::pack::SharedStr] {
    &pack(rec, id).ranking[0].next_steps
}

fn caveats(rec: &Recommendation, id: &str) -> String {
    pack(rec, id)
        .caveats
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Persona 1: The event report's beginner, in 2026: a small all-AWS team with a new web API. AWS: "Simplest
/// container deploy (HTTP app/API, new customers) → ECS Express Mode"; the report: "CDK for
/// AWS-centric".
#[test]
fn small_aws_team_new_web_api() {
    let rec = persona(
        &["aws-containers-skill", "seed", "apprunner-availability"],
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
        ],
    );
    let compute = pack(&rec, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-express"));
    assert_eq!(compute.verdict, Verdict::Robust);
    let mut ex = excluded(compute);
    ex.sort_unstable();
    assert_eq!(ex, ["app-runner", "eks", "eks-auto-mode"]);
    let why = &compute
        .ranking
        .iter()
        .find(|a| a.id == "app-runner")
        .unwrap()
        .exclusions[0];
    assert!(why.reason.contains("2026-04-30"));
    assert_eq!(why.because[0].question, "app_runner_customer");
    assert_eq!(winner(&rec, "iac"), "cdk");
    // The whole stack fits together: the CDK way to declare Express Mode, and CDK's L1 caveat.
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("CfnExpressGatewayService"))
    );
    assert!(caveats(&rec, "iac").contains("CfnExpressGatewayService"));
}

/// Persona 2: A pre-revenue solo founder with a spiky API. AWS's start-up guidance: "Serverless functions
/// (default for pre-revenue and seed)", "Zero cost at idle".
#[test]
fn pre_revenue_solo_founder_spiky_api() {
    let rec = persona(
        &["aws-startup-advisor", "aws-startup-lambda"],
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
        ],
    );
    assert_eq!(winner(&rec, "compute"), "lambda");
    assert!(caveats(&rec, "compute").contains("15 minutes"));
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("DockerImageFunction"))
    );
}

/// Persona 3: Queue workers and scheduled jobs, busy all day. AWS: "Web app, worker, batch, scheduled task →
/// ECS on Fargate".
#[test]
fn small_team_steady_background_workers() {
    let rec = persona(
        &["aws-containers-skill"],
        &[
            ("team_size", "small"),
            ("k8s_experience", "none"),
            ("cloud_strategy", "aws_only"),
            ("workload", "background"),
            ("traffic", "steady"),
            ("hardware", "standard"),
            ("iac_language", "python"),
            ("existing_iac", "none"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-fargate");
    assert!(excluded(pack(&rec, "compute")).contains(&"ecs-express"));
    assert_eq!(winner(&rec, "iac"), "cdk");
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("QueueProcessingFargateService"))
    );
}

/// Persona 4: Nightly jobs with long idle gaps for a small team: Lambda runs queue and scheduled jobs under
/// 15 minutes and costs nothing while idle (aws-startup-lambda, lambda-quotas), and so do ECS
/// scheduled tasks and queue workers scaled to zero, with no time limit (ecs-scheduled-tasks): a
/// close call between the two, shown as one, with the 15-minute limit spelled out.
#[test]
fn small_team_spiky_jobs() {
    let rec = persona(
        &["aws-startup-lambda", "lambda-quotas", "ecs-scheduled-tasks"],
        &[
            ("team_size", "small"),
            ("kubernetes_wanted", "no"),
            ("workload", "background"),
            ("traffic", "spiky"),
            ("hardware", "standard"),
        ],
    );
    let compute = pack(&rec, "compute");
    assert!(compute.close_call, "{:?}", compute.margin);
    let top: Vec<&str> = compute.ranking[..2].iter().map(|a| a.id.as_str()).collect();
    assert!(
        top.contains(&"lambda") && top.contains(&"ecs-fargate"),
        "{top:?}"
    );
    let lambda = compute.ranking.iter().find(|a| a.id == "lambda").unwrap();
    assert!(
        lambda
            .next_steps
            .iter()
            .any(|s| s.contains("EventBridge Scheduler"))
    );
    let fargate = compute
        .ranking
        .iter()
        .find(|a| a.id == "ecs-fargate")
        .unwrap();
    assert!(
        fargate
            .next_steps
            .iter()
            .any(|s| s.contains("scale on the SQS backlog"))
    );
}

/// Persona 5: Services that call each other. AWS: "Service mesh / service-to-service → ECS Service Connect"
/// on ECS; Express Mode is for simple HTTP apps, and App Mesh support ended on 2026-09-30.
#[test]
fn medium_team_microservices_without_kubernetes() {
    let rec = persona(
        &["aws-containers-skill", "app-mesh-eos"],
        &[
            ("team_size", "medium"),
            ("k8s_experience", "some"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "microservices"),
            ("traffic", "steady"),
            ("hardware", "standard"),
        ],
    );
    let compute = pack(&rec, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-fargate"));
    let express = compute
        .ranking
        .iter()
        .find(|a| a.id == "ecs-express")
        .unwrap();
    assert!(express.excluded && express.exclusions[0].reason.contains("Service Connect"));
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("Service Connect"))
    );
}

/// Persona 6: Issue 8's Terraform shop: a small all-AWS team that writes Terraform and keeps it. Moving
/// means rewriting the code and importing every resource; import blocks give Terraform's "best
/// guess" of the code (terraform-import).
#[test]
fn terraform_shop_keeps_terraform() {
    let rec = persona(
        &["terraform-import", "cdk-migrate"],
        &[
            ("team_size", "small"),
            ("cloud_strategy", "aws_only"),
            ("iac_language", "typescript"),
            ("existing_iac", "terraform"),
            ("iac_migration", "keep"),
        ],
    );
    let iac = pack(&rec, "iac");
    assert_eq!(iac.winner.as_deref(), Some("terraform"));
    assert!(
        iac.margin.unwrap() >= 5.0,
        "not a close call: {:?}",
        iac.margin
    );
    assert!(
        next_steps(&rec, "iac")
            .iter()
            .any(|s| s.contains("use_lockfile"))
    );
}

/// Persona 7: A multi-cloud Terraform shop open to a change, preferring configuration files: stay in HCL
/// (the report's "Terraform for multi-cloud"); OpenTofu is the open fork, with its migration guide.
#[test]
fn multi_cloud_terraform_shop_open_to_change() {
    let rec = persona(
        &["seed", "opentofu-migration"],
        &[
            ("team_size", "medium"),
            ("cloud_strategy", "multi_cloud"),
            ("iac_language", "declarative"),
            ("existing_iac", "terraform"),
            ("iac_migration", "open"),
        ],
    );
    let w = winner(&rec, "iac");
    assert!(["terraform", "opentofu"].contains(&w), "{w}");
    if w == "opentofu" {
        assert!(caveats(&rec, "iac").contains("Moving from Terraform to OpenTofu"));
    }
}

/// Persona 8: Issue 8's CDK team that prefers configuration files: never back to raw CloudFormation, which
/// CDK already is underneath; AWS recommends CDK when "team already uses CDK" (aws-cfn-skill).
#[test]
fn cdk_team_that_prefers_configuration_files() {
    for migration in ["keep", "open"] {
        let rec = persona(
            &["aws-cfn-skill"],
            &[
                ("team_size", "small"),
                ("cloud_strategy", "aws_only"),
                ("iac_language", "declarative"),
                ("existing_iac", "cdk"),
                ("iac_migration", migration),
            ],
        );
        let iac = pack(&rec, "iac");
        assert_ne!(iac.winner.as_deref(), Some("cloudformation"), "{migration}");
        if migration == "keep" {
            assert_eq!(iac.winner.as_deref(), Some("cdk"));
        }
        assert!(excluded(iac).contains(&"cloudformation"));
    }
}

/// Persona 9: A CloudFormation shop that keeps its templates: AWS recommends CloudFormation when "existing
/// templates are YAML/JSON" (aws-cfn-skill).
#[test]
fn cloudformation_shop_keeps_its_templates() {
    let rec = persona(
        &["aws-cfn-skill"],
        &[
            ("team_size", "medium"),
            ("cloud_strategy", "aws_only"),
            ("iac_language", "typescript"),
            ("existing_iac", "cloudformation"),
            ("iac_migration", "keep"),
        ],
    );
    assert_eq!(winner(&rec, "iac"), "cloudformation");
}

/// Persona 10: The report's platform team, in 2026: Kubernetes in production across clouds, wanted by
/// policy, Terraform kept. AWS gives Kubernetes to teams that ask for it (aws-containers-skill); a
/// platform team that already runs nodes in production keeps running them: Auto Mode charges "a
/// separate fee, in addition to the standard EC2 instance charges" for node management it already
/// does (eks-automode-vs-mng), and is told so. The report: "Terraform for multi-cloud"; the community
/// EKS module is the usual Terraform start (tf-aws-eks-module), and the workloads reach the cluster
/// through Helm or GitOps (eks-capabilities).
#[test]
fn platform_team_kubernetes_multi_cloud() {
    let rec = persona(
        &[
            "aws-containers-skill",
            "eks-automode-vs-mng",
            "seed",
            "tf-aws-eks-module",
            "eks-capabilities",
        ],
        &[
            ("team_size", "large"),
            ("k8s_experience", "production"),
            ("kubernetes_wanted", "yes"),
            ("cloud_strategy", "multi_cloud"),
            ("workload", "microservices"),
            ("hardware", "standard"),
            ("iac_language", "declarative"),
            ("existing_iac", "terraform"),
            ("iac_migration", "keep"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "eks");
    assert_eq!(winner(&rec, "iac"), "terraform");
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("terraform-aws-modules/eks"))
    );
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.starts_with("In HCL") && s.contains("GitOps"))
    );
    assert!(caveats(&rec, "compute").contains("fee on every node"));
    assert!(
        !next_steps(&rec, "compute")
            .iter()
            .any(|s| s.starts_with("In CDK"))
    );
    assert!(
        caveats(&rec, "compute").contains("$0.60"),
        "upgrade cadence and fees"
    );
}

/// Persona 11: Issue 8's large multi-cloud team with no Kubernetes experience and GPU services, which did
/// not say it wants Kubernetes: not EKS (aws-containers-skill), but GPUs on capacity AWS manages
/// (ecs-managed-instances).
#[test]
fn large_multi_cloud_gpu_team_without_kubernetes() {
    let rec = persona(
        &["aws-containers-skill", "ecs-managed-instances"],
        &[
            ("team_size", "large"),
            ("k8s_experience", "none"),
            ("cloud_strategy", "multi_cloud"),
            ("workload", "microservices"),
            ("hardware", "gpu_or_large"),
        ],
    );
    let compute = pack(&rec, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-managed-instances"));
    assert!(excluded(compute).contains(&"eks"));
    assert!(caveats(&rec, "compute").contains("management fee"));
}

/// Persona 12: Issue 8's solo developer who runs Kubernetes at work and wants it for three small services:
/// EKS with AWS running the nodes, and the warnings an expert gives a team of one (cluster fee,
/// upgrades; aws-startup-advisor, eks-pricing, eks-versions).
#[test]
fn solo_developer_who_wants_kubernetes() {
    let rec = persona(
        &["aws-startup-advisor", "eks-pricing", "eks-versions"],
        &[
            ("team_size", "solo"),
            ("k8s_experience", "production"),
            ("kubernetes_wanted", "yes"),
            ("workload", "web"),
            ("hardware", "standard"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "eks-auto-mode");
    let cv = caveats(&rec, "compute");
    assert!(cv.contains("$73") && cv.contains("upgrade"), "{cv}");
    assert!(cv.contains("One person"), "{cv}");
}

/// Persona 13: The same developer when Kubernetes is not the goal: Express Mode for a simple HTTP app
/// (aws-containers-skill: "Never recommend EKS unless they explicitly ask for Kubernetes").
#[test]
fn solo_developer_who_knows_kubernetes_but_does_not_want_it() {
    let rec = persona(
        &["aws-containers-skill"],
        &[
            ("team_size", "solo"),
            ("k8s_experience", "production"),
            ("kubernetes_wanted", "no"),
            ("workload", "web"),
            ("traffic", "steady"),
            ("hardware", "standard"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-express");
}

/// Persona 14: GPU inference for a medium team without Kubernetes: ECS Managed Instances gives "GPU
/// acceleration … while AWS handles provisioning, scaling, patching" (ecs-managed-instances).
#[test]
fn gpu_inference_without_kubernetes() {
    let rec = persona(
        &["ecs-managed-instances", "fargate-task-params"],
        &[
            ("team_size", "medium"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "web"),
            ("hardware", "gpu_or_large"),
            ("iac_language", "typescript"),
            ("existing_iac", "none"),
        ],
    );
    let compute = pack(&rec, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-managed-instances"));
    let mut ex = excluded(compute);
    ex.sort_unstable();
    assert_eq!(
        ex,
        [
            "app-runner",
            "ecs-express",
            "ecs-fargate",
            "eks",
            "eks-auto-mode",
            "lambda"
        ]
    );
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("ManagedInstancesCapacityProvider"))
    );
}

/// Persona 15: Custom AMIs and host access: instances the team runs. Managed Instances use AWS's AMI with
/// no SSH (ecs-managed-instances); Fargate has no host (fargate-task-params).
#[test]
fn custom_amis_and_host_access() {
    let rec = persona(
        &[
            "ecs-managed-instances",
            "fargate-task-params",
            "aws-containers-skill",
        ],
        &[
            ("team_size", "medium"),
            ("kubernetes_wanted", "no"),
            ("workload", "background"),
            ("hardware", "host_access"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-ec2");
    assert!(caveats(&rec, "compute").contains("patching"));
}

/// Persona 16: On-premises servers too, no Kubernetes, a new web service. AWS's path for a new HTTP
/// app is Express Mode (aws-containers-skill), and Express services can share a cluster with the
/// plain ECS services the on-premises servers run through ECS Anywhere (ecs-express-resources,
/// ecs-anywhere-guide); writing those EXTERNAL task definitions is what ECS on Fargate would make
/// familiar, so it is a close call, and either way the advice says how the servers join (ECS
/// Anywhere, with bridge or host networking: cdk-external-task-definition).
#[test]
fn hybrid_team_without_kubernetes() {
    let rec = persona(
        &[
            "aws-containers-skill",
            "ecs-express-resources",
            "ecs-anywhere-guide",
            "cdk-external-task-definition",
        ],
        &[
            ("team_size", "medium"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "hybrid"),
            ("workload", "web"),
            ("traffic", "steady"),
            ("hardware", "standard"),
        ],
    );
    let compute = pack(&rec, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-express"));
    assert_eq!(compute.runner_up.as_deref(), Some("ecs-fargate"));
    assert!(compute.close_call, "margin {:?}", compute.margin);
    assert!(caveats(&rec, "compute").contains("ECS Anywhere"));
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("ECS Anywhere install script"))
    );
    // The reason Fargate gets for it no longer claims one task definition serves both.
    let fargate = compute
        .ranking
        .iter()
        .find(|r| r.id == "ecs-fargate")
        .unwrap();
    assert!(
        fargate
            .adjustments
            .iter()
            .any(|a| a.reason.contains("EXTERNAL variants"))
    );
}

/// Persona 17: An existing App Runner customer: App Runner is not excluded, but AWS recommends ECS Express
/// Mode for new services (apprunner-availability).
#[test]
fn existing_app_runner_customer() {
    let rec = persona(
        &["apprunner-availability"],
        &[
            ("team_size", "small"),
            ("k8s_experience", "none"),
            ("kubernetes_wanted", "no"),
            ("workload", "web"),
            ("hardware", "standard"),
            ("app_runner_customer", "yes"),
        ],
    );
    let compute = pack(&rec, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-express"));
    let ar = compute
        .ranking
        .iter()
        .find(|a| a.id == "app-runner")
        .unwrap();
    assert!(!ar.excluded && ar.rank.unwrap() > 1);
    assert!(ar.status.as_deref().unwrap().contains("2026-04-30"));
}

/// Persona 18: Leaving ClickOps on an all-AWS estate, preferring configuration files: the report's advice is
/// to "start writing CloudFormation or CDK", and the IaC generator brings console-made resources
/// into templates (cfn-iac-generator).
#[test]
fn clickops_team_that_prefers_templates() {
    let rec = persona(
        &["seed", "cfn-iac-generator", "terraform-faq"],
        &[
            ("team_size", "small"),
            ("cloud_strategy", "aws_only"),
            ("iac_language", "declarative"),
            ("existing_iac", "none"),
        ],
    );
    assert_eq!(winner(&rec, "iac"), "cloudformation");
    assert!(
        next_steps(&rec, "iac")
            .iter()
            .any(|s| s.contains("IaC generator"))
    );
}

/// Persona 19: A small multi-cloud TypeScript team with nothing to keep: one tool across clouds (report:
/// Terraform for multi-cloud; Pulumi reaches "more than fifty cloud and SaaS providers" in their own
/// language, iac-guide-pulumi), never an AWS-only tool.
#[test]
fn small_multi_cloud_typescript_team() {
    let rec = persona(
        &["seed", "iac-guide-pulumi", "pulumi-languages"],
        &[
            ("team_size", "small"),
            ("cloud_strategy", "multi_cloud"),
            ("iac_language", "typescript"),
            ("existing_iac", "none"),
        ],
    );
    let w = winner(&rec, "iac");
    assert!(["pulumi", "terraform", "opentofu"].contains(&w), "{w}");
    if w == "pulumi" {
        assert!(caveats(&rec, "iac").contains("smaller community"));
    }
}

/// Persona 20: Issue 8's mismatch, fixed: Fargate recommended with Terraform gets HCL next steps, never a
/// CDK pattern (the stack as a whole).
#[test]
fn fargate_with_terraform_gets_hcl_steps() {
    let rec = persona(
        &["aws-containers-skill", "terraform-import"],
        &[
            ("team_size", "small"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "background"),
            ("traffic", "steady"),
            ("hardware", "standard"),
            ("existing_iac", "terraform"),
            ("iac_migration", "keep"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-fargate");
    assert_eq!(winner(&rec, "iac"), "terraform");
    let steps = next_steps(&rec, "compute");
    assert!(steps.iter().any(|s| s.starts_with("In HCL")), "{steps:?}");
    assert!(!steps.iter().any(|s| s.contains("CDK")), "{steps:?}");
    assert!(!caveats(&rec, "iac").contains("CfnExpressGatewayService"));
    assert_eq!(rec.stack[0].winner.as_deref(), Some("ecs-fargate"));
    assert_eq!(rec.stack[1].winner.as_deref(), Some("terraform"));
}

/// Persona 22: Issue 8's solo developer who runs Kubernetes at work, again, but who skips "Kubernetes
/// wanted": three small services that call each other. Experience is not an ask: AWS's start-up
/// guidance gates on "How many engineers will touch infrastructure? (0-1 = managed services only)"
/// (aws-startup-advisor), and AWS never recommends EKS "unless they explicitly ask for Kubernetes";
/// services that call each other go to ECS on Fargate with Service Connect (aws-containers-skill).
#[test]
fn solo_developer_who_knows_kubernetes_and_skips_the_question() {
    let rec = persona(
        &["aws-startup-advisor", "aws-containers-skill"],
        &[
            ("team_size", "solo"),
            ("k8s_experience", "production"),
            ("cloud_strategy", "aws_only"),
            ("workload", "microservices"),
            ("traffic", "steady"),
            ("hardware", "standard"),
        ],
    );
    let compute = pack(&rec, "compute");
    assert_eq!(compute.winner.as_deref(), Some("ecs-fargate"));
    let mut ex = excluded(compute);
    ex.sort_unstable();
    // Lambda too: functions have no service discovery between them (aws-containers-skill).
    assert_eq!(ex, ["ecs-express", "eks", "eks-auto-mode", "lambda"]);
    let why = &compute
        .ranking
        .iter()
        .find(|a| a.id == "eks-auto-mode")
        .unwrap()
        .exclusions[0];
    assert!(why.reason.contains("Kubernetes wanted"), "{}", why.reason);
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("Service Connect"))
    );
}

/// Persona 23: A large all-AWS Pulumi shop that writes Pulumi YAML (it prefers configuration files)
/// and is open to migrating. AWS recommends CloudFormation when "existing templates are YAML/JSON"
/// (aws-cfn-skill), which a Pulumi shop has none of; Pulumi itself takes YAML (pulumi-languages);
/// and a move rewrites every program and imports every resource, the import tools giving only a
/// starting point (cdk-migrate, terraform-import). Open to a move is not a reason to make one: keep
/// Pulumi, and say why.
#[test]
fn pulumi_yaml_shop_open_to_migrating() {
    let rec = persona(
        &[
            "aws-cfn-skill",
            "pulumi-languages",
            "cdk-migrate",
            "terraform-import",
        ],
        &[
            ("team_size", "large"),
            ("cloud_strategy", "aws_only"),
            ("iac_language", "declarative"),
            ("existing_iac", "pulumi"),
            ("iac_migration", "open"),
        ],
    );
    let iac = pack(&rec, "iac");
    assert_eq!(iac.winner.as_deref(), Some("pulumi"));
    assert_ne!(iac.verdict, Verdict::Tie);
    assert!(
        caveats(&rec, "iac").contains("open to migrating"),
        "{}",
        caveats(&rec, "iac")
    );
}

/// Persona 24 (issue 16): a small team that runs Kubernetes in production at work skips "Kubernetes
/// wanted" for a simple web API. Skipping is not asking: AWS recommends EKS only to teams that ask for
/// it and points a new HTTP app or API to ECS Express Mode (aws-containers-skill).
#[test]
fn small_kubernetes_team_that_skips_the_question_gets_express() {
    let rec = persona(
        &["aws-containers-skill"],
        &[
            ("team_size", "small"),
            ("k8s_experience", "production"),
            ("cloud_strategy", "aws_only"),
            ("workload", "web"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-express");
}

/// Persona 25 (issue 16): a small team with spiky traffic and services that call each other. AWS
/// routes service-to-service traffic to ECS on Fargate with Service Connect (aws-containers-skill),
/// not to functions calling functions; the answer that excluded Lambda is listed with why.
#[test]
fn small_team_spiky_microservices_gets_ecs_with_service_connect() {
    let rec = persona(
        &["aws-containers-skill", "app-mesh-eos"],
        &[
            ("team_size", "small"),
            ("k8s_experience", "none"),
            ("kubernetes_wanted", "no"),
            ("cloud_strategy", "aws_only"),
            ("workload", "microservices"),
            ("traffic", "spiky"),
            ("hardware", "standard"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-fargate");
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.contains("Service Connect"))
    );
    let because = tradeoff::report::because_groups(pack(&rec, "compute"));
    assert!(
        because
            .iter()
            .any(|(a, e)| a.contains("Workload")
                && e.iter().any(|t| t.contains("excludes AWS Lambda"))),
        "{because:?}"
    );
}

/// Persona 26 (issue 16): a hybrid team with no IaC that writes TypeScript. CDK "defines the AWS side
/// of a hybrid estate" only (eks-hybrid-overview), so a tool that also reaches the on-premises
/// servers wins: Pulumi, in the team's own language (pulumi-languages; "any cloud", iac-guide-pulumi).
#[test]
fn hybrid_typescript_team_gets_a_tool_that_reaches_both_sides() {
    let rec = persona(
        &[
            "eks-hybrid-overview",
            "pulumi-languages",
            "iac-guide-pulumi",
        ],
        &[
            ("team_size", "small"),
            ("cloud_strategy", "hybrid"),
            ("iac_language", "typescript"),
            ("existing_iac", "none"),
        ],
    );
    assert_eq!(winner(&rec, "iac"), "pulumi");
}

/// Persona 27 (issue 16): an App Runner customer whose new work is queue workers. App Runner serves
/// web apps only and AWS recommends other services for new work (apprunner-availability); workers go
/// to ECS on Fargate (aws-containers-skill), with a note on moving App Runner services there, and the
/// answer "App Runner customer = Yes" is listed with the note it added.
#[test]
fn app_runner_customer_with_workers_gets_a_fitted_note() {
    let rec = persona(
        &["apprunner-availability", "aws-containers-skill"],
        &[
            ("team_size", "small"),
            ("kubernetes_wanted", "no"),
            ("workload", "background"),
            ("traffic", "steady"),
            ("hardware", "standard"),
            ("app_runner_customer", "yes"),
        ],
    );
    assert_eq!(winner(&rec, "compute"), "ecs-fargate");
    assert!(
        next_steps(&rec, "compute")
            .iter()
            .any(|s| s.starts_with("Coming from App Runner") && s.contains("workers"))
    );
    let because = tradeoff::report::because_groups(pack(&rec, "compute"));
    assert!(
        because
            .iter()
            .any(|(a, e)| a.contains("App Runner customer = Yes")
                && e.iter().any(|t| t.contains("Coming from App Runner"))),
        "{because:?}"
    );
}

/// Nothing answered: base weights only, and still a full, explained ranking.
#[test]
fn no_answers_still_ranks_everything() {
    let rec = persona(&[], &[]);
    for p in &rec.packs {
        assert!(p.winner.is_some());
        // What excludes without an answer: Kubernetes, and GitOps for it, that nobody asked for,
        // and the X-Ray SDK for new instrumentation (tests/scenarios_stack.rs).
        for a in p.ranking.iter().filter(|a| a.excluded) {
            let reason = &a.exclusions[0].reason;
            match a.id.as_str() {
                "eks" | "eks-auto-mode" => assert!(reason.contains("has not asked for Kubernetes")),
                "gitops" => assert!(reason.contains("has not said it wants Kubernetes")),
                "xray-sdk" => assert!(reason.contains("2027-02-25")),
                other => panic!("{other} is excluded with nothing answered"),
            }
        }
        // Besides that veto, only rules that add words fire (the stack's next steps, first steps
        // for a new tool): nothing weighs or scores without an answer.
        for r in &p.rules_fired {
            assert!(
                r.because.iter().all(|b| b.choice.is_none()),
                "{}: {:?}",
                r.id,
                r.because
            );
            assert!(
                r.effects
                    .iter()
                    .all(|e| !matches!(e.kind, EffectKind::Weight | EffectKind::Adjust)),
                "{}",
                r.id
            );
        }
        assert!(
            !p.counterfactuals.is_empty(),
            "answering a skipped question is a counterfactual"
        );
    }
}
