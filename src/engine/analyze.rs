//! The full analysis: scores and ranking, the explanations of every number (contributions, rules,
//! adjustments, exclusions), caveats and next steps that fit the whole stack, what would change the
//! winner, weight sensitivity and robustness. Each part of a [`PackResult`] has its own function.

use super::because::{because_groups, fired_rule};
use super::changes::{weight_sensitivity, what_would_change};
use super::context::{Ctx, source_out};
use super::result::*;
use super::robustness;
use super::round::{round_parts, round1, round3};
use super::score::{Evaluation, evaluate, winner_of};
use super::{CLOSE_CALL_POINTS, ROBUST_SHARE, SCHEMA_VERSION, STALE_AFTER_DAYS, TIE_POINTS};
use crate::answers::Answers;
use crate::dates;
use crate::pack::SharedStr;
use crate::pack::{Catalog, Pack};

/// Everything about the answers, for the packs given (all packs when `packs` is empty).
/// An answer to a follow-up question that is not asked (its `when` does not hold) counts as none.
pub fn analyze(catalog: &Catalog, answers: &Answers, packs: &[usize]) -> Recommendation {
    let mut choices = answers.choices.clone();
    catalog.normalize(&mut choices);
    let all: Vec<usize> = (0..catalog.packs.len()).collect();
    let packs = if packs.is_empty() { &all[..] } else { packs };
    // Every pack is evaluated once: the stack rules read all the winners, and the packs decided
    // keep their evaluations.
    let mut every: Vec<Option<Evaluation>> = catalog
        .packs
        .iter()
        .map(|p| Some(evaluate(p, &choices)))
        .collect();
    let winners: Vec<Option<usize>> = every
        .iter()
        .map(|e| e.as_ref().and_then(Evaluation::winner))
        .collect();
    let evs: Vec<Evaluation> = packs
        .iter()
        .map(|&p| {
            every[p]
                .take()
                .unwrap_or_else(|| evaluate(&catalog.packs[p], &choices))
        })
        .collect();
    // Sampled together: packs with as many criteria share the random draws.
    let counts = robustness::win_counts_of(
        &packs
            .iter()
            .map(|&p| &catalog.packs[p])
            .zip(&evs)
            .collect::<Vec<_>>(),
    );
    Recommendation {
        schema_version: SCHEMA_VERSION,
        data_verified: catalog.verified.clone(),
        data: freshness(catalog),
        answers: answer_records(catalog, &choices, packs),
        method: super::method(),
        stack: stack(catalog, packs, &evs),
        packs: packs
            .iter()
            .zip(evs)
            .zip(counts)
            .map(|((&p, ev), counts)| {
                pack_result(catalog, &catalog.packs[p], &choices, &winners, ev, &counts)
            })
            .collect(),
        scenario: None,
        weights_changed: weights_changed(catalog, packs),
        poll: None,
    }
}

/// The weights of the packs decided that differ from the data's (see `crate::weights`).
pub fn weights_changed(catalog: &Catalog, packs: &[usize]) -> Vec<WeightChange> {
    packs
        .iter()
        .filter_map(|&p| catalog.packs.get(p))
        .flat_map(|p| {
            p.criteria
                .iter()
                .filter(|c| c.weight != c.data_weight)
                .map(|c| WeightChange {
                    pack: p.id.clone(),
                    pack_name: p.name.clone(),
                    criterion: c.id.clone(),
                    name: c.name.clone(),
                    from: c.data_weight,
                    to: c.weight,
                })
        })
        .collect()
}

/// What `scenario` changed from `base`: one line per differing answer, in question order.
pub fn scenario(catalog: &Catalog, base: &Answers, scenario: &Answers) -> Scenario {
    let label = |q: usize, c: Option<usize>| {
        c.and_then(|c| catalog.questions[q].choices.get(c))
            .map(|ch| ch.label.clone())
    };
    let changed = (0..catalog.questions.len())
        .filter(|&q| base.choices.get(q) != scenario.choices.get(q))
        .map(|q| ScenarioChange {
            kind: "answer".into(),
            id: catalog.questions[q].id.clone(),
            title: catalog.questions[q].title.clone(),
            from: label(q, base.choices.get(q).copied().flatten()),
            to: label(q, scenario.choices.get(q).copied().flatten()),
        })
        .collect();
    Scenario { changed }
}

/// The full analysis of one pack of `catalog`.
pub fn analyze_pack(catalog: &Catalog, pack: &Pack, answers: &[Option<usize>]) -> PackResult {
    let mut choices = answers.to_vec();
    catalog.normalize(&mut choices);
    let ev = evaluate(pack, &choices);
    let counts = robustness::win_counts(pack, &ev);
    pack_result(
        catalog,
        pack,
        &choices,
        &winners(catalog, &choices),
        ev,
        &counts,
    )
}

/// What the winner of `pack` is told when the other packs are won by `winners` (one entry per pack
/// of the catalog), whatever the answers would make them: its caveats and its next steps, without
/// the ranking's explanations, robustness or what would change it. Cheap enough to check a pack's
/// stack rules against every winner the other packs can have.
pub fn winner_advice(
    catalog: &Catalog,
    pack: &Pack,
    answers: &[Option<usize>],
    winners: &[Option<usize>],
) -> Option<Advice> {
    let ev = evaluate(pack, answers);
    let winner = *ev.ranking().first()?;
    let cx = Ctx {
        catalog,
        pack,
        answers,
        winners,
        fired: (0..pack.rules.len())
            .filter(|&r| pack.rules[r].fires_in_stack(answers, winners))
            .collect(),
        ev,
        criteria: pack
            .criteria
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        priced: super::cost_report::priced(pack, answers),
    };
    Some(Advice {
        winner: pack.alternatives[winner].id.clone(),
        caveats: caveats(&cx, winner),
        next_steps: ranked(&cx, winner, 0, 0.0).next_steps,
    })
}

/// The winner of every pack: what rules that read another pack's result need. Scores never depend
/// on another pack, so this is one plain evaluation per pack.
fn winners(catalog: &Catalog, answers: &[Option<usize>]) -> Vec<Option<usize>> {
    catalog
        .packs
        .iter()
        .map(|p| winner_of(p, answers))
        .collect()
}

/// How old the data is, as every recommendation says it (no analysis needed).
pub fn freshness(catalog: &Catalog) -> Freshness {
    let verified = dates::parse_ymd(&catalog.verified);
    let age_days = verified.map_or(0, |v| catalog.today.saturating_sub(v));
    let review = catalog.next_review.as_deref().and_then(dates::parse_ymd);
    Freshness {
        verified: catalog.verified.clone(),
        as_of: dates::format_days(catalog.today).into(),
        age_days,
        stale: age_days > STALE_AFTER_DAYS,
        stale_after_days: STALE_AFTER_DAYS,
        next_review: catalog.next_review.clone(),
        review_due: review.is_some_and(|r| r <= catalog.today),
    }
}

/// `answers` are normalised: a question that is not asked has no answer. Only the questions the
/// decided packs read (every question when every pack is decided).
fn answer_records(
    catalog: &Catalog,
    answers: &[Option<usize>],
    packs: &[usize],
) -> Vec<AnswerRecord> {
    let read = (packs.len() < catalog.packs.len()).then(|| catalog.questions_for(packs));
    catalog
        .questions
        .iter()
        .zip(answers)
        .enumerate()
        .filter(|(i, _)| read.as_ref().is_none_or(|r| r.contains(i)))
        .map(|(_, (q, c))| AnswerRecord {
            question: q.id.clone(),
            title: q.title.clone(),
            choice: c.map(|ci| q.choices[ci].id.clone()),
            label: c.map(|ci| q.choices[ci].label.clone()),
            asked: q.applies(answers),
        })
        .collect()
}

/// The winner of each pack decided (`packs`), in their order, and the runner-up with it when the
/// two are tied: the stack names both. Every pack is still won (stack rules read the others'
/// winners), but a stack names only what was decided.
fn stack(catalog: &Catalog, packs: &[usize], evs: &[Evaluation]) -> Vec<StackPart> {
    packs
        .iter()
        .map(|&p| &catalog.packs[p])
        .zip(evs)
        .map(|(p, ev)| {
            let ranking = ev.ranking();
            let alt = ranking.first().map(|&w| &p.alternatives[w]);
            let tied = match ranking[..] {
                [w, r, ..] if ev.scores[w] - ev.scores[r] < TIE_POINTS => Some(&p.alternatives[r]),
                _ => None,
            };
            StackPart {
                pack: p.id.clone(),
                pack_name: p.name.clone(),
                winner: alt.map(|a| a.id.clone()),
                winner_name: alt.map(|a| a.name.clone()),
                winner_short: alt.map(|a| a.short.clone()),
                tied_with: tied.map(|a| a.id.clone()),
                tied_with_name: tied.map(|a| a.name.clone()),
                tied_with_short: tied.map(|a| a.short.clone()),
            }
        })
        .collect()
}

fn pack_result(
    catalog: &Catalog,
    pack: &Pack,
    answers: &[Option<usize>],
    winners: &[Option<usize>],
    ev: Evaluation,
    counts: &[usize],
) -> PackResult {
    let fired = (0..pack.rules.len())
        .filter(|&r| pack.rules[r].fires_in_stack(answers, winners))
        .collect();
    let cx = Ctx {
        catalog,
        pack,
        answers,
        winners,
        ev,
        fired,
        criteria: pack
            .criteria
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        priced: super::cost_report::priced(pack, answers),
    };
    let ranking = cx.ev.ranking();
    let winner = ranking.first().copied();
    let runner_up = ranking.get(1).copied();
    let prob = |a: usize| round3(counts[a] as f64 / robustness::SAMPLES as f64);
    let listed: Vec<usize> = ranking
        .iter()
        .copied()
        .chain((0..pack.alternatives.len()).filter(|&a| cx.ev.excluded[a]))
        .collect();
    let margin_exact = winner
        .zip(runner_up)
        .map(|(w, r)| cx.ev.scores[w] - cx.ev.scores[r]);
    let winner_probability = winner.map_or(0.0, prob);
    let verdict = match (winner, margin_exact) {
        (None, _) => Verdict::None,
        (Some(_), None) => Verdict::Unopposed,
        (Some(_), Some(m)) if m < TIE_POINTS => Verdict::Tie,
        (Some(_), Some(_)) if winner_probability >= ROBUST_SHARE => Verdict::Robust,
        _ => Verdict::Fragile,
    };
    let (counterfactuals, flips) = what_would_change(&cx, winner);
    PackResult {
        id: pack.id.clone(),
        name: pack.name.clone(),
        short: pack.short.clone(),
        origin: pack.origin.clone(),
        winner: cx.alt_id(winner),
        runner_up: cx.alt_id(runner_up),
        margin: winner
            .zip(runner_up)
            .map(|(w, r)| round1(round1(cx.ev.scores[w]) - round1(cx.ev.scores[r]))),
        close_call: margin_exact.is_some_and(|m| m < CLOSE_CALL_POINTS),
        verdict,
        caveats: winner.map_or_else(Vec::new, |w| caveats(&cx, w)),
        ranking: listed
            .iter()
            .enumerate()
            .map(|(pos, &a)| ranked(&cx, a, pos, prob(a)))
            .collect(),
        weights: weights(&cx),
        rules_fired: cx.fired.iter().map(|&r| fired_rule(&cx, r)).collect(),
        because: because_groups(&cx, winner),
        counterfactuals,
        flips,
        sensitivity: weight_sensitivity(&cx, winner),
        robustness: Robustness {
            verdict,
            winner_probability,
            rule: format!(
                "tie if the margin is under {TIE_POINTS} points; robust if the winner wins at least {:.0}% of {} samples with every weight scaled by U[{}, {}]; fragile otherwise",
                ROBUST_SHARE * 100.0,
                robustness::SAMPLES,
                1.0 - robustness::NOISE,
                1.0 + robustness::NOISE
            ).into(),
            samples: robustness::SAMPLES,
            weight_noise: robustness::NOISE,
            seed: robustness::SEED,
        },
        cost_basis: cx
            .priced
            .as_ref()
            .and_then(|p| super::cost_report::basis(catalog, pack, p)),
    }
}

/// The winner's caveats: its own first, then those of the rules that fired for it.
fn caveats(cx: &Ctx, winner: usize) -> Vec<CaveatOut> {
    let own = cx.pack.alternatives[winner]
        .caveats
        .iter()
        .map(|n| CaveatOut {
            rule: None,
            text: n.text.clone(),
            because: Vec::new(),
            with: Vec::new(),
            source: cx.source(n.source),
        });
    let from_rules = cx.fired_rules().flat_map(|(r, rule)| {
        rule.caveats
            .iter()
            .filter(move |c| c.alternative == winner)
            .map(move |c| CaveatOut {
                rule: Some(rule.id.clone()),
                text: c.text.clone(),
                because: cx.because(r),
                with: cx.with(r),
                source: cx.source(c.source),
            })
    });
    own.chain(from_rules).collect()
}

/// One line of the ranking with everything that explains it.
fn ranked(cx: &Ctx, a: usize, pos: usize, win_probability: f64) -> RankedAlternative {
    let alt = &cx.pack.alternatives[a];
    let excluded = cx.ev.excluded[a];
    let mut exclusions = Vec::new();
    let mut adjustments = Vec::new();
    let mut placed: Vec<Placed> = Vec::new();
    let mut appended: Vec<&str> = Vec::new();
    for (r, rule) in cx.fired_rules() {
        for v in rule.vetoes.iter().filter(|v| v.alternative == a) {
            exclusions.push(Exclusion {
                rule: rule.id.clone(),
                reason: v.reason.clone(),
                because: cx.because(r),
                source: cx.source(v.source),
            });
        }
        // With the cost criterion computed, the rules' judgement of it does not apply.
        let shown =
            |x: &&crate::pack::Adjust| x.alternative == a && Some(x.criterion) != cx.computed();
        for adj in rule.adjusts.iter().filter(shown) {
            adjustments.push(Adjustment {
                rule: rule.id.clone(),
                criterion: cx.pack.criteria[adj.criterion].id.clone(),
                delta: adj.delta,
                reason: adj.reason.clone(),
                because: cx.because(r),
                source: cx.source(adj.source),
            });
        }
        for s in rule.next_steps.iter().filter(|s| s.alternative == a) {
            match s.at {
                Some(at) => placed.push(Placed {
                    at,
                    how_in_your_tool: !rule.stack.is_empty(),
                    text: &s.text,
                }),
                None => appended.push(&s.text),
            }
        }
    }
    let next_steps = order_steps(&alt.next_steps, placed, appended);
    RankedAlternative {
        id: alt.id.clone(),
        name: alt.name.clone(),
        summary: alt.summary.clone(),
        status: alt.status.clone(),
        rank: (!excluded).then_some(pos + 1),
        score: round1(cx.ev.scores[a]),
        exact_score: cx.ev.scores[a],
        excluded,
        exclusions,
        contributions: contributions(cx, a),
        adjustments,
        win_probability,
        sources: alt
            .sources
            .iter()
            .map(|&s| source_out(cx.catalog, s))
            .collect(),
        next_steps,
        cost: cx.priced.as_ref().and_then(|p| {
            super::cost_report::cost_out(cx.catalog, cx.pack, p, a, cx.answers, |s| cx.source(s))
        }),
    }
}

/// A rule's step with a place among an alternative's own next steps.
struct Placed<'a> {
    /// 0-based: the step goes right before the alternative's own step `at`.
    at: usize,
    /// From a stack rule: it says how to do the own step before it in the IaC tool that won.
    how_in_your_tool: bool,
    text: &'a str,
}

/// An alternative's next steps with the rules' steps in place. A placed step (`at = n` in the data)
/// goes right before the alternative's own step n, counted among its own steps only, so a step
/// another rule adds never shifts it off the step it refines. Among steps placed at the same step,
/// a stack rule's comes first (it refines the own step just before), then rule order; steps placed
/// past the end or not placed at all follow the own steps.
fn order_steps(own: &[SharedStr], mut placed: Vec<Placed>, appended: Vec<&str>) -> Vec<SharedStr> {
    placed.sort_by_key(|p| (p.at, !p.how_in_your_tool)); // stable: rule order otherwise
    let mut out = Vec::with_capacity(own.len() + placed.len() + appended.len());
    let mut placed = placed.into_iter().peekable();
    for (i, step) in own.iter().enumerate() {
        while let Some(p) = placed.next_if(|p| p.at <= i) {
            out.push(p.text.to_string().into());
        }
        out.push(step.clone());
    }
    out.extend(placed.map(|p| p.text.to_string().into()));
    out.extend(appended.into_iter().map(|s| s.to_string().into()));
    out
}

/// Points per criterion, rounded so that they add up exactly to the shown score.
fn contributions(cx: &Ctx, a: usize) -> Vec<Contribution> {
    let ev = &cx.ev;
    let alt = &cx.pack.alternatives[a];
    let share = |k: usize| {
        if ev.total_weight > 0.0 {
            ev.weights[k] / ev.total_weight
        } else {
            0.0
        }
    };
    let exact: Vec<f64> = (0..cx.pack.criteria.len())
        .map(|k| 10.0 * share(k) * ev.cell(cx.pack, a, k))
        .collect();
    let rounded = round_parts(&exact, ev.scores[a]);
    let computed = |k: usize| {
        cx.priced
            .as_ref()
            .filter(|p| p.pc.computed && p.pc.criterion == k)
    };
    cx.criteria
        .iter()
        .enumerate()
        .map(|(k, (id, name))| Contribution {
            criterion: id.clone(),
            name: name.clone(),
            weight_share: round3(share(k)),
            score: round1(ev.cell(cx.pack, a, k)),
            base_score: alt.scores[k].value,
            points: rounded[k],
            exact_points: exact[k],
            // A score computed from the estimates says how, and is not the data's judgement.
            why: match computed(k) {
                Some(p) => SharedStr::from(super::cost_report::why(cx.pack, p, a)),
                None => alt.scores[k].why.clone(),
            },
            unsourced: match computed(k) {
                Some(_) => None,
                None => alt.scores[k].unsourced.clone(),
            },
        })
        .collect()
}

/// The effective weights, each with the rule factors that made it.
fn weights(cx: &Ctx) -> Vec<WeightOut> {
    let ev = &cx.ev;
    cx.pack
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| WeightOut {
            criterion: c.id.clone(),
            name: c.name.clone(),
            base: c.weight,
            changed_from: (c.weight != c.data_weight).then_some(c.data_weight),
            effective: round3(ev.weights[k]),
            share: if ev.total_weight > 0.0 {
                round3(ev.weights[k] / ev.total_weight)
            } else {
                0.0
            },
            factors: cx
                .fired_rules()
                .flat_map(|(r, rule)| {
                    rule.weights
                        .iter()
                        .filter(move |(kk, _)| *kk == k)
                        .map(move |&(_, factor)| WeightFactor {
                            rule: rule.id.clone(),
                            factor,
                            reason: rule.reason.clone(),
                            because: cx.because(r),
                        })
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Placed, order_steps};
    use crate::pack::SharedStr;

    fn at(at: usize, text: &str) -> Placed<'_> {
        Placed {
            at,
            how_in_your_tool: false,
            text,
        }
    }

    fn own() -> Vec<SharedStr> {
        ["push", "roles", "create", "alarms"]
            .map(SharedStr::from)
            .to_vec()
    }

    #[test]
    fn a_placed_step_stays_before_the_own_step_it_names() {
        // `at = 4` in the data (before own step 4) and `at = 1` (first), from two rules.
        let steps = order_steps(
            &own(),
            vec![at(3, "in CDK"), at(0, "from App Runner")],
            vec![],
        );
        assert_eq!(
            steps,
            [
                "from App Runner",
                "push",
                "roles",
                "create",
                "in CDK",
                "alarms"
            ]
        );
    }

    #[test]
    fn a_stack_step_leads_its_place_then_rule_order_and_the_rest_follow() {
        let steps = order_steps(
            &own(),
            vec![
                at(2, "first rule"),
                at(9, "past the end"),
                at(2, "second rule"),
                Placed {
                    how_in_your_tool: true,
                    ..at(2, "in your tool")
                },
            ],
            vec!["appended"],
        );
        assert_eq!(
            steps,
            [
                "push",
                "roles",
                "in your tool",
                "first rule",
                "second rule",
                "create",
                "alarms",
                "past the end",
                "appended"
            ]
        );
    }
}
