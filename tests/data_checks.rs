//! The shipped data: it validates, every alternative is complete and sourced, the public ids are
//! all there, and the facts the issue names are stated.

use tradeoff::answers::Answers;
use tradeoff::engine::analyze;
use tradeoff::pack::{self, Catalog};

fn catalog() -> Catalog {
    pack::load_builtin().unwrap_or_else(|d| panic!("built-in data has problems:\n{d}"))
}

#[test]
fn builtin_data_validates_from_disk_too() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    pack::Source::Folder(dir.to_path_buf())
        .load(pack::Use::Show)
        .unwrap_or_else(|d| panic!("{d}"));
}

#[test]
fn every_alternative_is_scored_explained_and_sourced() {
    let c = catalog();
    for p in &c.packs {
        assert!(p.criteria.len() >= 3, "{}", p.id);
        for k in &p.criteria {
            for anchor in [0, 5, 10] {
                assert!(
                    k.scale.iter().any(|(n, _)| *n == anchor),
                    "{}.{} anchor {anchor}",
                    p.id,
                    k.id
                );
            }
        }
        for a in &p.alternatives {
            assert_eq!(a.scores.len(), p.criteria.len());
            for (k, s) in p.criteria.iter().zip(&a.scores) {
                assert!(
                    (0.0..=10.0).contains(&s.value),
                    "{}/{}/{}",
                    p.id,
                    a.id,
                    k.id
                );
                assert!(
                    s.why.len() > 10,
                    "{}/{}/{} needs a rationale",
                    p.id,
                    a.id,
                    k.id
                );
            }
            assert!(!a.sources.is_empty(), "{}/{} cites sources", p.id, a.id);
            assert!(!a.next_steps.is_empty(), "{}/{} has next steps", p.id, a.id);
            for &s in &a.sources {
                let src = &c.sources[s];
                assert!(src.url.is_some() || src.citation.is_some());
                assert!(!src.verified.is_empty());
            }
        }
    }
}

/// Every hand score of the built-in packs cites its own source, one that says something about that
/// criterion, or says in `unsourced` why none does (a judgement, or the neutral middle the rules
/// move): a score is never backed only by the sources of its alternative as a whole.
#[test]
fn every_hand_score_cites_its_own_source_or_says_why_not() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/packs");
    let mut missing = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "the built-in packs are found");
    let mut scores = 0;
    for path in &files {
        let doc: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        for alt in doc["alternative"].as_array().unwrap() {
            for (criterion, score) in alt["scores"].as_table().unwrap() {
                scores += 1;
                let said = |key: &str| {
                    score
                        .get(key)
                        .and_then(|v| v.as_str())
                        .is_some_and(|v| v.trim().len() > 10 || key == "source")
                };
                if !said("source") && !said("unsourced") {
                    missing.push(format!(
                        "{name}: {}/{criterion}",
                        alt["id"].as_str().unwrap()
                    ));
                }
            }
        }
    }
    assert!(scores > 150, "{scores} hand scores read");
    assert!(
        missing.is_empty(),
        "hand scores with neither a source nor an `unsourced` reason:\n{}",
        missing.join("\n")
    );
}

#[test]
fn public_ids_are_all_present() {
    let c = catalog();
    let contract: &[(&str, &[&str])] = &[
        ("team_size", &["solo", "small", "medium", "large"]),
        ("k8s_experience", &["none", "some", "production"]),
        ("kubernetes_wanted", &["no", "yes"]),
        ("cloud_strategy", &["aws_only", "multi_cloud", "hybrid"]),
        ("workload", &["web", "background", "microservices"]),
        ("traffic", &["steady", "spiky"]),
        ("hardware", &["standard", "gpu_or_large", "host_access"]),
        ("app_runner_customer", &["no", "yes"]),
        (
            "iac_language",
            &["typescript", "python", "java_csharp_go", "declarative"],
        ),
        (
            "existing_iac",
            &[
                "none",
                "cloudformation",
                "cdk",
                "terraform",
                "opentofu",
                "pulumi",
            ],
        ),
        ("iac_migration", &["keep", "open"]),
    ];
    for (q, choices) in contract {
        let qi = c
            .question_index(q)
            .unwrap_or_else(|| panic!("question {q}"));
        for ch in *choices {
            assert!(c.questions[qi].choice_index(ch).is_some(), "{q}={ch}");
        }
    }
    let packs: &[(&str, &[&str])] = &[
        (
            "compute",
            &[
                "ecs-express",
                "ecs-fargate",
                "ecs-managed-instances",
                "ecs-ec2",
                "lambda",
                "eks-auto-mode",
                "eks",
                "app-runner",
            ],
        ),
        (
            "iac",
            &["cdk", "cloudformation", "terraform", "opentofu", "pulumi"],
        ),
    ];
    for (p, alts) in packs {
        let pack = c.pack(p).unwrap_or_else(|| panic!("pack {p}"));
        for a in *alts {
            assert!(pack.alternative_index(a).is_some(), "{p}/{a}");
        }
    }
}

fn all_text(c: &Catalog) -> String {
    let mut t = String::new();
    for p in &c.packs {
        for a in &p.alternatives {
            t.push_str(&format!(
                "{} {} {:?} ",
                a.summary,
                a.status.clone().unwrap_or_default(),
                a.next_steps
            ));
            for n in &a.caveats {
                t.push_str(&n.text);
                t.push(' ');
            }
            for s in &a.scores {
                t.push_str(&s.why);
                t.push(' ');
            }
        }
        for r in &p.rules {
            for v in &r.vetoes {
                t.push_str(&v.reason);
            }
            for x in &r.caveats {
                t.push_str(&x.text);
            }
            for x in &r.adjusts {
                t.push_str(&x.reason);
            }
            for x in &r.next_steps {
                t.push_str(&x.text);
            }
        }
    }
    for s in &c.sources {
        t.push_str(&format!(
            "{} {} ",
            s.title,
            s.checked.clone().unwrap_or_default()
        ));
    }
    t
}

#[test]
fn current_facts_are_stated() {
    let c = catalog();
    let text = all_text(&c);
    for fact in [
        "2026-04-30",
        "Express",
        "$0.10",
        "$0.60",
        "BSL",
        "MPL",
        "L1",
        "L2",
        "L3",
        "drift",
        "16 vCPU",
        "2025-12-10",
        // Facts newer than the event report (issue 8), each checked against its source.
        "Service Connect",
        "2026-09-30",
        "share one load balancer",
        "managed policy",
        "Managed Instances",
        "Auto Mode",
        "15 minutes",
        "10,240 MB",
        "use_lockfile",
        "REVERT_DRIFT",
        "cdk drift",
        "CNCF",
        "IBM",
        "four years",
        "Terraform 1.5",
        "aws_ecs_express_gateway_service",
        "CfnExpressGatewayService",
    ] {
        assert!(text.contains(fact), "the data should state `{fact}`");
    }
    let compute = c.pack("compute").unwrap();
    let ar = &compute.alternatives[compute.alternative_index("app-runner").unwrap()];
    assert!(ar.status.as_deref().unwrap().contains("2026-04-30"));
}

/// What the advice says, each piece with the sources it cites: its own, and for an alternative's
/// summary, status and own next steps (which carry none of their own) the alternative's.
fn cited_text(c: &Catalog) -> Vec<(tradeoff::pack::SharedStr, Vec<&str>)> {
    let id = |s: &Option<usize>| s.map(|s| c.sources[s].id.as_str());
    let mut out = Vec::new();
    for p in &c.packs {
        for a in &p.alternatives {
            let own: Vec<&str> = a
                .sources
                .iter()
                .map(|&s| c.sources[s].id.as_str())
                .collect();
            let mut said = vec![a.summary.clone(), a.status.clone().unwrap_or_default()];
            said.extend(a.next_steps.iter().cloned());
            out.extend(said.into_iter().map(|t| (t, own.clone())));
            out.extend(
                a.caveats
                    .iter()
                    .map(|n| (n.text.clone(), id(&n.source).into_iter().collect())),
            );
            out.extend(
                a.scores
                    .iter()
                    .map(|s| (s.why.clone(), id(&s.source).into_iter().collect())),
            );
        }
        for r in &p.rules {
            out.extend(
                r.caveats
                    .iter()
                    .map(|x| (x.text.clone(), id(&x.source).into_iter().collect())),
            );
            out.extend(
                r.next_steps
                    .iter()
                    .map(|x| (x.text.clone(), id(&x.source).into_iter().collect())),
            );
            out.extend(
                r.adjusts
                    .iter()
                    .map(|x| (x.reason.clone(), id(&x.source).into_iter().collect())),
            );
            out.extend(
                r.vetoes
                    .iter()
                    .map(|x| (x.reason.clone(), id(&x.source).into_iter().collect())),
            );
        }
    }
    for t in &c.glossary {
        let text = format!("{} {}", t.definition, t.why);
        out.push((text.into(), id(&t.source).into_iter().collect()));
    }
    out
}

/// What AWS (and the IaC tools) shipped in 2025–2026 that issue 16 lists: each is said in the advice
/// itself (not only in a source's notes), by a piece of advice that cites the first-hand source.
#[test]
fn what_aws_shipped_in_2025_and_2026_is_said_with_its_source() {
    let c = catalog();
    let said = cited_text(&c);
    let mut missing = Vec::new();
    for (fact, source) in [
        ("Lambda Managed Instances", "lambda-managed-instances"),
        (
            "GPU functions run on Lambda Managed Instances",
            "lambda-managed-instances-gpu",
        ),
        ("durable function", "lambda-durable-functions"),
        ("Lambda Web Functions", "lambda-web-functions"),
        (
            "Event Functions (formerly Lambda functions)",
            "lambda-event-functions",
        ),
        ("express mode", "cfn-express-mode"),
        ("sam deploy --express", "sam-express-mode"),
        ("terraform query", "terraform-1-14"),
        ("CDK Terrain", "cdk-terrain"),
        ("Copilot", "copilot-eos"),
        ("Provisioned Control Plane", "eks-provisioned-control-plane"),
        ("capacityOptionType SPOT", "ecs-mi-spot"),
        ("2027-02-25", "xray-sdk-eos"),
        ("VPC endpoints for ECR and S3", "fargate-private-endpoints"),
        ("0.125", "ecs-ec2-task-size"),
        ("Cloud Control API", "pulumi-aws-native"),
        ("the standard APIs reach", "ecs-express-standard-apis"),
    ] {
        if !said
            .iter()
            .any(|(text, cites)| text.contains(fact) && cites.contains(&source))
        {
            missing.push(format!("`{fact}` with `{source}`"));
        }
    }
    assert!(missing.is_empty(), "not said with its source: {missing:?}");
}

#[test]
fn data_is_fresh() {
    let c = catalog();
    let verified = tradeoff::dates::parse_ymd(&c.verified).unwrap();
    let release = tradeoff::dates::parse_ymd("2026-11-26").unwrap();
    assert!(
        verified >= release - 30,
        "data verified {} should be recent",
        c.verified
    );
}

/// The clock never stops the data from loading: a laptop whose clock is years behind loads it, and
/// nothing is stale yet.
#[test]
fn a_clock_behind_the_data_still_loads() {
    let verified = tradeoff::dates::parse_ymd(&catalog().verified).unwrap();
    let c = pack::load(&pack::builtin_files(), verified - 3 * 365).expect("loads");
    let rec = analyze(&c, &Answers::empty(&c), &[]);
    assert!(!rec.data.stale);
    assert_eq!(rec.data.age_days, -3 * 365);
}

/// 200 days after the data's verified date, every output is told the data is stale, and how old.
#[test]
fn data_verified_200_days_ago_is_stale() {
    let verified = tradeoff::dates::parse_ymd(&catalog().verified).unwrap();
    for (age, stale) in [(180, false), (181, true), (200, true)] {
        let c = pack::load(&pack::builtin_files(), verified + age).unwrap();
        let rec = analyze(&c, &Answers::empty(&c), &[]);
        assert_eq!(rec.data.stale, stale, "{age} days");
        assert_eq!(rec.data.age_days, age);
        assert_eq!(rec.data.verified, c.verified);
        let json = serde_json::to_value(&rec).unwrap();
        assert_eq!(json["data"]["stale"], stale);
    }
}

/// Start-up reads the catalog build.rs compiled from `data/`; it must be exactly what the loader
/// makes of the same TOML at run time.
#[test]
fn the_built_in_snapshot_is_the_loaded_toml() {
    let snapshot = pack::load_builtin().unwrap();
    let toml = pack::Source::builtin().load(pack::Use::Check).unwrap();
    assert_eq!(format!("{snapshot:?}"), format!("{toml:?}"));
}

/// Pack files are parsed [[alternative]] table by table (memory stays near the result, not 60
/// times the file); the result is exactly what parsing each file whole gives, for the built-in
/// data and for generated packs.
#[test]
fn table_by_table_is_the_same_as_whole() {
    use tradeoff::pack::synth::{Size, generate};
    let json = |c: &Catalog| serde_json::to_string(c).unwrap();
    let builtin = pack::builtin_files();
    assert_eq!(
        json(&pack::load(&builtin, 0).unwrap()),
        json(&pack::load_whole(&builtin, 0).unwrap())
    );
    for seed in 0..4 {
        let files = generate(
            Size {
                alternatives: 60,
                criteria: 12,
                questions: 6,
                choices: 3,
                rules_per_choice: 2,
            },
            seed,
        );
        assert_eq!(
            json(&pack::load(&files, 0).unwrap()),
            json(&pack::load_whole(&files, 0).unwrap()),
            "seed {seed}"
        );
    }
}

/// Unknown references cost a bounded amount each ("did you mean" has a budget over the whole
/// check, see `pack::checks::HINT_BUDGET`): 100,000 of them among 2,000 alternatives are all
/// reported, the first with a suggestion. (It took minutes when every one looked at every id.)
#[test]
fn a_hundred_thousand_unknown_references_are_all_reported() {
    let mut files = pack::builtin_files();
    let mut pack = String::from(
        "id = \"big\"\nname = \"Big\"\ndescription = \"d\"\nverified = \"2026-01-01\"\n\n\
         [[criterion]]\nid = \"k1\"\nname = \"K1\"\ndescription = \"d\"\nweight = 3\n\
         scale = { \"0\" = \"a\", \"5\" = \"b\", \"10\" = \"c\" }\n\n\
         [[rule]]\nid = \"r1\"\nwhen = { team_size = \"small\" }\nreason = \"r\"\nveto = [",
    );
    for i in 0..100_000 {
        pack.push_str(&format!(
            "{{ alternative = \"alt-{i}x\", reason = \"r\" }}, "
        ));
    }
    pack.push_str("]\n\n");
    for i in 0..2_000 {
        pack.push_str(&format!(
            "[[alternative]]\nid = \"alt-{i}\"\nname = \"Alt {i}\"\nsummary = \"s\"\nsources = [\"seed\"]\n\
             next_steps = [\"x\"]\n[alternative.scores]\nk1 = {{ score = 5, why = \"w\" }}\n\n"
        ));
    }
    files.push(pack::DataFile::new(
        "packs/big.toml",
        "packs/big.toml",
        pack,
    ));
    let d = pack::load(&files, 0).expect_err("unknown references");
    assert_eq!(d.len(), 100_000);
    assert!(
        d.0.iter().any(|p| p.message.contains("did you mean `alt-")),
        "{}",
        d.0[0]
    );
}

/// A short name is the name as AWS writes it, less words ("Amazon", "AWS", "with your"): every
/// word of it is a word of the full name, so the big letters never name a product that does not
/// exist ("ECS Managed EC2" for ECS Managed Instances).
#[test]
fn short_names_only_drop_words() {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for p in &catalog().packs {
        for a in &p.alternatives {
            let full = words(&a.name);
            for w in words(&a.short) {
                assert!(
                    full.contains(&w),
                    "{}.{}: short name {:?} has {w:?}, which {:?} does not",
                    p.id,
                    a.id,
                    a.short,
                    a.name
                );
            }
        }
    }
}

/// The rule behind every question's order of choices: the highlight starts on the first choice,
/// so Enter through the defaults must never commit the team to the most. Each question names the
/// choices that commit a team (to a cluster, to instances it runs, to a migration, to shipping
/// without a person's approval), or none when its choices are facts about the team that commit
/// it to nothing; the first choice must not be one of them, and a yes/no question starts on No.
/// A new question fails here until its author decides which of its choices commit.
#[test]
fn no_question_starts_on_the_choice_that_commits_the_team_most() {
    let committing: &[(&str, &[&str], &str)] = &[
        (
            "team_size",
            &["large"],
            "a large team is offered the platforms a platform team runs",
        ),
        (
            "k8s_experience",
            &["production"],
            "production experience opens EKS",
        ),
        (
            "kubernetes_wanted",
            &["yes"],
            "asking for Kubernetes is asking for a cluster",
        ),
        (
            "cloud_strategy",
            &["multi_cloud", "hybrid"],
            "portability costs tools and people",
        ),
        (
            "workload",
            &["microservices"],
            "many services to deploy, connect and trace",
        ),
        ("traffic", &[], "a fact about the load"),
        (
            "hardware",
            &["gpu_or_large", "host_access"],
            "instances the team patches and sizes",
        ),
        (
            "app_runner_customer",
            &["yes"],
            "App Runner takes no new customers",
        ),
        ("iac_language", &[], "a fact about the team"),
        ("existing_iac", &[], "a fact about the team"),
        (
            "iac_migration",
            &["open"],
            "a migration of existing infrastructure",
        ),
        ("footprint", &[], "a fact about the load"),
        (
            "release_approval",
            &["automatic"],
            "shipping every change needs trusted tests",
        ),
        ("code_host", &[], "a fact about the team"),
        ("observability_today", &[], "a fact about the team"),
    ];
    let c = catalog();
    for q in &c.questions {
        let Some((_, commits, why)) = committing.iter().find(|(id, ..)| *id == q.id) else {
            panic!(
                "question {}: add it to this table with the choices that commit the team",
                q.id
            );
        };
        for ch in *commits {
            assert!(q.choice_index(ch).is_some(), "{}={ch} ({why})", q.id);
        }
        let first = &q.choices[0].id;
        assert!(
            !commits.contains(&first.as_str()),
            "{} highlights {first} first, which {why}: put a choice that commits less first",
            q.id
        );
        let mut ids: Vec<&str> = q.choices.iter().map(|ch| ch.id.as_str()).collect();
        ids.sort_unstable();
        if ids == ["no", "yes"] {
            assert_eq!(first, "no", "{}: a yes/no question starts on No", q.id);
        }
    }
    for (id, ..) in committing {
        assert!(c.question_index(id).is_some(), "{id} is no longer asked");
    }
}
