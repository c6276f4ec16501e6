//! Monthly estimates for the delivery and observability packs (issues 17 and 18): a few recomputed
//! by hand from the price tables, estimates that stand beside the hand scores and never move them,
//! the alternative no price can estimate, the answers an estimate waits for, `validate`'s
//! diagnostics for the new tables, and every price's source.

mod common;

use common::prices::*;
use tradeoff::engine::{analyze, evaluate};

#[test]
fn codepipeline_for_a_small_team_is_action_and_build_minutes_per_person() {
    let c = catalog();
    let p = pack_result(
        &c,
        "delivery",
        &answers(&c, &[("team_size", "small"), ("footprint", "fraction")]),
    );
    let cp = alt(&p, "codepipeline");
    // Two to five people; 200 to 1,800 action minutes and 100 to 900 build minutes each.
    let actions = (
        2.0 * 200.0 * usd(&c, "codepipeline-v2-action"),
        5.0 * 1800.0 * usd(&c, "codepipeline-v2-action"),
    );
    let builds = (
        2.0 * 100.0 * usd(&c, "codebuild-small"),
        5.0 * 900.0 * usd(&c, "codebuild-small"),
    );
    assert!(close(line(cp, "actions").0, actions.0) && close(line(cp, "actions").1, actions.1));
    assert!(close(line(cp, "builds").0, builds.0) && close(line(cp, "builds").1, builds.1));
    let e = cp.cost.as_ref().unwrap();
    assert!(close(e.monthly_usd.low, cents(actions.0 + builds.0)));
    assert!(close(e.monthly_usd.high, cents(actions.1 + builds.1)));
    assert_eq!(e.fixed_usd, 0.0, "nothing is paid with no release");
    assert!(
        e.assumptions
            .iter()
            .any(|a| a == "Team size: Small (2–5) — 2 to 5 people"),
        "{:?}",
        e.assumptions
    );
    // GitOps pays for its controllers in the cluster whatever the team does: a fixed part.
    let gitops = alt(&p, "gitops").cost.as_ref().unwrap();
    let controller = (
        0.25 * 730.0 * usd(&c, "ec2-c6i-large"),
        0.5 * 730.0 * usd(&c, "ec2-c6i-large"),
    );
    assert!(
        close(gitops.fixed_usd, cents(controller.0)),
        "{}",
        gitops.fixed_usd
    );
    assert!(close(
        line(alt(&p, "gitops"), "controller").1,
        cents(controller.1)
    ));
}

#[test]
fn cloudwatch_for_one_busy_vcpu_counts_metrics_alarms_dashboards_and_traces() {
    let c = catalog();
    let a = answers(
        &c,
        &[
            ("team_size", "solo"),
            ("footprint", "one"),
            ("workload", "web"),
        ],
    );
    let p = pack_result(&c, "observability", &a);
    let cw = alt(&p, "cloudwatch-otel");
    // One or two busy vCPU (the footprint's average, no headroom): 10 to 40 metrics per vCPU.
    let metric = usd(&c, "cw-custom-metric");
    assert!(close(line(cw, "metrics").0, 1.0 * 10.0 * metric));
    assert!(close(line(cw, "metrics").1, 2.0 * 40.0 * metric));
    // Traces: busy vCPU-seconds of the month × traces per vCPU-second, per million.
    let seconds = 730.0 * 3600.0;
    let trace = usd(&c, "xray-traces");
    assert!(close(
        line(cw, "traces").0,
        1.0 * seconds * 0.1 / 1e6 * trace
    ));
    assert!(close(
        line(cw, "traces").1,
        2.0 * seconds * 0.5 / 1e6 * trace
    ));
    assert!(close(line(cw, "reservoir").0, 1.0 * trace));
    // Fixed: 5 alarms and one dashboard at the low end.
    let fixed = 5.0 * usd(&c, "cw-alarm") + usd(&c, "cw-dashboard");
    let e = cw.cost.as_ref().unwrap();
    assert!(close(e.fixed_usd, fixed), "{} vs {fixed}", e.fixed_usd);
    // Managed Prometheus: samples per busy vCPU, one editor, up to one viewer (a team of one).
    let amp = alt(&p, "managed-prometheus");
    let sample = usd(&c, "amp-samples");
    assert!(close(line(amp, "samples").0, 87.6 * sample));
    assert!(close(line(amp, "samples").1, 2.0 * 350.4 * sample));
    assert!(close(line(amp, "editor").0, usd(&c, "amg-editor")));
    assert_eq!(line(amp, "viewers"), (0.0, cents(usd(&c, "amg-viewer"))));
    // Jobs are traced less, and no reservoir line applies.
    let jobs = answers(
        &c,
        &[
            ("team_size", "solo"),
            ("footprint", "one"),
            ("workload", "background"),
        ],
    );
    let pj = pack_result(&c, "observability", &jobs);
    let ids: Vec<&str> = alt(&pj, "cloudwatch-otel")
        .cost
        .as_ref()
        .unwrap()
        .lines
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert!(
        ids.contains(&"traces-jobs") && !ids.contains(&"traces") && !ids.contains(&"reservoir"),
        "{ids:?}"
    );
}

/// Delivery and observability show their estimates beside the hand scores: the same scores,
/// contributions and ranking with the estimates as without.
#[test]
fn the_estimates_stand_beside_the_hand_scores() {
    let c = catalog();
    for pack in ["delivery", "observability"] {
        let pi = c.pack_index(pack).unwrap();
        let k = c.packs[pi].criterion_index("cost").unwrap();
        for team in ["solo", "small", "medium", "large"] {
            for size in ["fraction", "one", "several", "tens"] {
                let with = answers(&c, &[("team_size", team), ("footprint", size)]);
                let without = answers(&c, &[("team_size", team)]);
                let a = evaluate(&c.packs[pi], &with.choices);
                let b = evaluate(&c.packs[pi], &without.choices);
                assert!(a.computed.is_none(), "{pack}: never computed");
                assert_eq!(a.scores, b.scores, "{pack} {team} {size}");
                let p = pack_result(&c, pack, &with);
                let basis = p.cost_basis.as_ref().expect("a basis");
                assert!(!basis.computed && basis.curve.starts_with("scored by hand"));
                assert_eq!(basis.criterion, "cost");
                for r in &p.ranking {
                    let hand =
                        &c.packs[pi].alternatives[c.packs[pi].alternative_index(&r.id).unwrap()];
                    assert_eq!(&*r.contributions[k].why, &*hand.scores[k].why);
                }
            }
        }
    }
}

#[test]
fn an_estimate_waits_for_the_answers_it_reads() {
    let c = catalog();
    // Both packs count per person, and every estimate waits for the footprint: skipped, there is
    // no estimate anywhere, as the question says.
    for pack in ["delivery", "observability"] {
        for pairs in [&[("team_size", "small")][..], &[("footprint", "one")][..]] {
            let p = pack_result(&c, pack, &answers(&c, pairs));
            assert!(
                p.cost_basis.is_none() && p.ranking.iter().all(|r| r.cost.is_none()),
                "{pack} {pairs:?}"
            );
        }
        let both = pack_result(
            &c,
            pack,
            &answers(&c, &[("team_size", "large"), ("footprint", "one")]),
        );
        assert!(
            both.ranking
                .iter()
                .all(|r| r.cost.is_some() || r.id == "saas-vendor"),
            "{pack}"
        );
    }
    let d = c.pack("delivery").unwrap().cost.as_ref().unwrap();
    let needs: Vec<&str> = d
        .needs
        .iter()
        .map(|&q| c.questions[q].id.as_str())
        .collect();
    assert_eq!(needs, ["team_size", "footprint"], "in catalog order");
    // Asked when only observability is decided: the footprint its estimates read.
    let asked = c.questions_for(&[c.pack_index("observability").unwrap()]);
    assert!(asked.contains(&c.question_index("footprint").unwrap()));
    // …but not swept as if it could change the ranking.
    let obs = c.pack("observability").unwrap();
    assert!(
        !obs.questions_used
            .contains(&c.question_index("footprint").unwrap())
    );
}

#[test]
fn a_saas_vendor_is_not_priced_and_says_why() {
    let c = catalog();
    let a = answers(
        &c,
        &[
            ("team_size", "small"),
            ("footprint", "several"),
            ("observability_today", "vendor"),
        ],
    );
    let p = pack_result(&c, "observability", &a);
    let vendor = alt(&p, "saas-vendor");
    assert!(vendor.cost.is_none());
    let basis = p.cost_basis.as_ref().unwrap();
    let np = basis
        .not_priced
        .iter()
        .find(|n| n.alternative == "saas-vendor")
        .unwrap();
    assert!(np.reason.contains("per host"), "{}", np.reason);
    assert_ne!(basis.cheapest, "saas-vendor");
    let md = tradeoff::report::markdown::render(
        &analyze(&c, &a, &[c.pack_index("observability").unwrap()]),
        "2026-12-07",
    );
    assert!(md.contains("Not priced:"), "{md}");
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["cost_basis"]["computed"], false);
    assert_eq!(
        json["cost_basis"]["not_priced"][0]["alternative"],
        "saas-vendor"
    );
}

/// Every price names a source that resolves, was checked today, and says what was checked.
#[test]
fn every_price_line_cites_a_checked_source() {
    let c = catalog();
    let prices = c.prices.as_ref().unwrap();
    for p in &prices.prices {
        let s = p
            .source
            .unwrap_or_else(|| panic!("price {} has no source", p.id));
        let src = &c.sources[s];
        assert_eq!(p.verified, "2026-12-07", "{}", p.id);
        assert_eq!(src.verified, "2026-12-07", "{} → {}", p.id, src.id);
        assert!(
            src.checked.as_deref().is_some_and(|t| t.len() > 40),
            "{} → {}: say what was checked",
            p.id,
            src.id
        );
    }
    // And every priced line of every pack uses one of them.
    for pack in &c.packs {
        for alt in pack.cost.iter().flat_map(|pc| &pc.alternatives) {
            for l in &alt.lines {
                assert!(
                    prices.prices[l.price].source.is_some(),
                    "{}: {}",
                    pack.id,
                    l.id
                );
            }
        }
    }
}

#[test]
fn validate_points_at_every_new_price_table_problem() {
    let cases: [(&str, &str, &str); 7] = [
        (
            "{ choice = \"large\", people",
            "{ choice = \"huge\", people",
            "unknown choice `huge` of question `team_size`",
        ),
        (
            "people = [2.0, 5.0]",
            "people = [5.0, 2.0]",
            "people [5, 2] is not a range",
        ),
        (
            "beside = \"cost\"",
            "beside = \"costs\"",
            "unknown criterion `costs`",
        ),
        (
            "[[unpriced]]\npack = \"observability\"\nalternative = \"saas-vendor\"",
            "[[unpriced]]\npack = \"compute\"\nalternative = \"lambda\"",
            "pack `compute` is computed from its estimates, so every alternative needs one",
        ),
        (
            "qty = \"per-member\", count = [100, 900], text = \"100 to 900 hosted",
            "qty = \"per-member\", text = \"100 to 900 hosted",
            "qty `per-member` needs count = [low, high]",
        ),
        (
            "price = \"xray-traces\", qty = \"per-vcpu-second\", factor = [0.1, 0.5], unless",
            "price = \"xray-traces\", qty = \"per-vcpu-second\", unless",
            "qty `per-vcpu-second` needs factor = [low, high] per busy vCPU-second",
        ),
        (
            "price = \"amp-samples\", qty = \"per-vcpu\"",
            "price = \"amp-samples\", qty = \"per-vcpus\"",
            "unknown qty `per-vcpus`: use one of",
        ),
    ];
    assert_price_problems(&cases);
}

#[test]
fn per_member_lines_need_the_team_table() {
    let files = with_prices(|t| {
        let start = t.find("[team]").unwrap();
        let end = t[start..].find("\n]\n").unwrap() + start + 3;
        format!("{}{}", &t[..start], &t[end..])
    });
    let found = problems(&files);
    assert!(
        found
            .iter()
            .any(|p| p.contains("has `per-member` lines but the file has no [team]")),
        "{found:?}"
    );
}

#[test]
fn a_shown_pack_needs_an_estimate_or_a_reason_for_every_alternative() {
    let files = with_prices(|t| {
        let start = t.find("[[unpriced]]\npack").unwrap();
        let end = t[start..].find("[[estimate]]").unwrap() + start;
        format!("{}{}", &t[..start], &t[end..])
    });
    let found = problems(&files);
    assert!(
        found
            .iter()
            .any(|p| p.contains("has no [[estimate]] for saas-vendor")
                && p.contains("or an [[unpriced]] entry saying why not")),
        "{found:?}"
    );
}
