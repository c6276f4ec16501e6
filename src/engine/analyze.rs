//! The full analysis: scores and ranking, the explanations of every number (contributions, rules,
//! adjustments, exclusions), caveats and next steps that fit the whole stack, what would change the
//! winner, weight sensitivity and robustness. Each part of a [`PackResult`] has its own function.

use super::result::*;
use super::score::{Evaluation, evaluate, winner_of};
use super::{CLOSE_CALL_POINTS, ROBUST_SHARE, SCHEMA_VERSION, STALE_AFTER_DAYS, TIE_POINTS};
use super::{counterfactual, robustness, sensitivity};
use crate::answers::Answers;
use crate::dates;
use crate::pack::{Catalog, Pack, Rule};
use std::sync::Arc;

/// Everything about the answers, for the packs given (all packs when `packs` is empty).
/// An answer to a follow-up question that is not asked (its `when` does not hold) counts as none.
pub fn analyze(catalog: &Catalog, answers: &Answers, packs: &[usize]) -> Recommendation {
    let mut choices = answers.choices.clone();
    catalog.normalize(&mut choices);
    let winners = winners(catalog, &choices);
    let all: Vec<usize> = (0..catalog.packs.len()).collect();
    let packs = if packs.is_empty() { &all[..] } else { packs };
    Recommendation {
        schema_version: SCHEMA_VERSION,
        data_verified: catalog.verified.clone(),
        data: freshness(catalog),
        answers: answer_records(catalog, &choices, packs),
        method: super::method(),
        stack: stack(catalog, &choices, packs),
        packs: packs
            .iter()
            .map(|&p| pack_result(catalog, &catalog.packs[p], &choices, &winners))
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
    pack_result(catalog, pack, &choices, &winners(catalog, &choices))
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
            .map(|c| (Arc::from(c.id.as_str()), Arc::from(c.name.as_str())))
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
        as_of: dates::format_days(catalog.today),
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
fn stack(catalog: &Catalog, answers: &[Option<usize>], packs: &[usize]) -> Vec<StackPart> {
    packs
        .iter()
        .map(|&p| &catalog.packs[p])
        .map(|p| {
            let ev = evaluate(p, answers);
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

/// What the parts of one pack's analysis share.
struct Ctx<'a> {
    catalog: &'a Catalog,
    pack: &'a Pack,
    answers: &'a [Option<usize>],
    winners: &'a [Option<usize>],
    ev: Evaluation,
    /// Every rule that fires under these answers and this stack, in data order: the scoring rules
    /// of `ev.fired` and the rules that only add caveats and next steps.
    fired: Vec<usize>,
    /// Each criterion's id and name, shared by every contribution.
    criteria: Vec<(Arc<str>, Arc<str>)>,
    /// The monthly estimates, when the pack has prices and the footprint is answered.
    priced: Option<super::cost_report::Priced<'a>>,
}

impl Ctx<'_> {
    /// The criterion the estimates compute under these answers, if any.
    fn computed(&self) -> Option<usize> {
        self.priced
            .as_ref()
            .filter(|p| p.pc.computed)
            .map(|p| p.pc.criterion)
    }
}

fn pack_result(
    catalog: &Catalog,
    pack: &Pack,
    answers: &[Option<usize>],
    winners: &[Option<usize>],
) -> PackResult {
    let ev = evaluate(pack, answers);
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
            .map(|c| (Arc::from(c.id.as_str()), Arc::from(c.name.as_str())))
            .collect(),
        priced: super::cost_report::priced(pack, answers),
    };
    let ranking = cx.ev.ranking();
    let winner = ranking.first().copied();
    let runner_up = ranking.get(1).copied();
    let counts = robustness::win_counts(pack, &cx.ev);
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
            ),
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

impl Ctx<'_> {
    fn alt_id(&self, a: Option<usize>) -> Option<String> {
        a.map(|a| self.pack.alternatives[a].id.clone())
    }

    fn alt_name(&self, a: Option<usize>) -> Option<String> {
        a.map(|a| self.pack.alternatives[a].name.clone())
    }

    fn source(&self, s: Option<usize>) -> Option<SourceOut> {
        s.map(|s| source_out(self.catalog, s))
    }

    /// The answers that made rule `r` fire: those its `when` names, then those that kept its
    /// `unless` from holding (an answer outside the exception, or no answer at all).
    fn because(&self, r: usize) -> Vec<Because> {
        let rule = &self.pack.rules[r];
        let answer = |question: usize| self.answer(question);
        let mut out: Vec<Because> = rule
            .when
            .iter()
            .filter(|c| self.answers[c.question].is_some())
            .map(|c| answer(c.question))
            .collect();
        // An exception that did not apply is part of why the rule fired only when the rule has no
        // `when` of its own, or when the exception is "answered at all" (every choice): then the
        // skip is the cause. "Unless the team runs CDK" is no reason for TypeScript's credit.
        for c in rule.unless.iter().flatten() {
            let holds = self.answers[c.question].is_some_and(|a| c.choices.contains(&a));
            let every_choice = c.choices.len() == self.catalog.questions[c.question].choices.len();
            if !holds
                && (rule.when.is_empty() || every_choice)
                && !out
                    .iter()
                    .any(|b| b.question == self.catalog.questions[c.question].id)
            {
                out.push(answer(c.question));
            }
        }
        out
    }

    /// Question `question` and its answer, as a cause.
    fn answer(&self, question: usize) -> Because {
        let q = &self.catalog.questions[question];
        let choice = self.answers[question];
        Because {
            question: q.id.clone(),
            title: q.title.clone(),
            choice: choice.map(|ci| q.choices[ci].id.clone()),
            label: choice.map_or_else(
                || "not answered".to_string(),
                |ci| q.choices[ci].label.clone(),
            ),
        }
    }

    /// The exception of rule `r` that kept it from firing, as answers worth naming: those of an
    /// `unless` group that holds, when the rule has no `when` of its own or the group is "answered
    /// at all" (the same test as [`Ctx::because`]); `None` otherwise. A rule that reads another
    /// pack's winner counts only when that winner is there.
    fn kept_from_firing(&self, r: usize) -> Option<Vec<Because>> {
        let rule = &self.pack.rules[r];
        if self.fired.contains(&r) || !rule.stack_holds(self.winners) {
            return None;
        }
        let group = rule.excepted_by(self.answers)?;
        let every_choice = group
            .iter()
            .all(|c| c.choices.len() == self.catalog.questions[c.question].choices.len());
        (rule.when.is_empty() || every_choice)
            .then(|| group.iter().map(|c| self.answer(c.question)).collect())
    }

    /// The other packs' winners that rule `r` needed.
    fn with(&self, r: usize) -> Vec<WithWinner> {
        self.pack.rules[r]
            .stack
            .iter()
            .filter_map(|s| {
                let p = &self.catalog.packs[s.pack];
                self.winners[s.pack].map(|w| WithWinner {
                    pack: p.id.clone(),
                    pack_name: p.name.clone(),
                    alternative: p.alternatives[w].id.clone(),
                    name: p.alternatives[w].name.clone(),
                })
            })
            .collect()
    }

    fn fired_rules(&self) -> impl Iterator<Item = (usize, &Rule)> + '_ {
        self.fired.iter().map(|&r| (r, &self.pack.rules[r]))
    }
}

fn source_out(catalog: &Catalog, s: usize) -> SourceOut {
    let s = &catalog.sources[s];
    SourceOut {
        id: s.id.clone(),
        title: s.title.clone(),
        url: s.url.clone(),
        citation: s.citation.clone(),
        verified: s.verified.clone(),
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
fn order_steps(own: &[String], mut placed: Vec<Placed>, appended: Vec<&str>) -> Vec<String> {
    placed.sort_by_key(|p| (p.at, !p.how_in_your_tool)); // stable: rule order otherwise
    let mut out = Vec::with_capacity(own.len() + placed.len() + appended.len());
    let mut placed = placed.into_iter().peekable();
    for (i, step) in own.iter().enumerate() {
        while let Some(p) = placed.next_if(|p| p.at <= i) {
            out.push(p.text.to_string());
        }
        out.push(step.clone());
    }
    out.extend(placed.map(|p| p.text.to_string()));
    out.extend(appended.into_iter().map(str::to_string));
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
    cx.criteria
        .iter()
        .enumerate()
        .map(|(k, (id, name))| Contribution {
            criterion: Arc::clone(id),
            name: Arc::clone(name),
            weight_share: round3(share(k)),
            score: round1(ev.cell(cx.pack, a, k)),
            base_score: alt.scores[k].value,
            points: rounded[k],
            exact_points: exact[k],
            why: match &cx.priced {
                Some(p) if p.pc.computed && p.pc.criterion == k => {
                    Arc::from(super::cost_report::why(cx.pack, p, a).as_str())
                }
                _ => Arc::clone(&alt.scores[k].why),
            },
        })
        .collect()
}

fn fmt_factor(f: f64) -> String {
    let s = format!("{f:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A fired rule with each of its effects in words.
fn fired_rule(cx: &Ctx, r: usize) -> FiredRule {
    let rule = &cx.pack.rules[r];
    FiredRule {
        id: rule.id.clone(),
        reason: rule.reason.clone(),
        because: cx.because(r),
        with: cx.with(r),
        effects: effects_of(cx, r).into_iter().map(|(_, e)| e).collect(),
    }
}

/// Every effect of rule `r` in words, with the alternative it concerns (by index).
fn effects_of(cx: &Ctx, r: usize) -> Vec<(Option<usize>, RuleEffect)> {
    let rule = &cx.pack.rules[r];
    let name = |a: usize| &cx.pack.alternatives[a].name;
    let effect = |kind, a: Option<usize>, text| {
        let alternative = a.map(|a| cx.pack.alternatives[a].id.clone());
        (
            a,
            RuleEffect {
                kind,
                alternative,
                text,
            },
        )
    };
    let mut effects = Vec::new();
    for &(k, f) in &rule.weights {
        let text = format!("weight of {} ×{}", cx.pack.criteria[k].name, fmt_factor(f));
        effects.push(effect(EffectKind::Weight, None, text));
    }
    for adj in &rule.adjusts {
        let mut text = format!(
            "{} {:+} on {}: {}",
            name(adj.alternative),
            adj.delta,
            cx.pack.criteria[adj.criterion].name,
            adj.reason
        );
        if Some(adj.criterion) == cx.computed() {
            text.push_str(" (not applied: the monthly estimates compute this criterion)");
        }
        effects.push(effect(EffectKind::Adjust, Some(adj.alternative), text));
    }
    for v in &rule.vetoes {
        let text = format!("excludes {}: {}", name(v.alternative), v.reason);
        effects.push(effect(EffectKind::Veto, Some(v.alternative), text));
    }
    for c in &rule.caveats {
        let text = format!("caveat for {}: {}", name(c.alternative), c.text);
        effects.push(effect(EffectKind::Caveat, Some(c.alternative), text));
    }
    for s in &rule.next_steps {
        let text = format!("next step for {}: {}", name(s.alternative), s.text);
        effects.push(effect(EffectKind::NextStep, Some(s.alternative), text));
    }
    effects
}

/// What rule `r` would have done that a reader would see, said as kept from happening by the
/// answers that kept the rule from firing: an exclusion as the alternative kept eligible (unless it
/// is excluded anyway), a weight, a score of an alternative in the running, a caveat or next step of
/// the winner.
fn kept_off(cx: &Ctx, r: usize, winner: Option<usize>) -> Vec<RuleEffect> {
    let rule = &cx.pack.rules[r];
    let alt = |a: usize| &cx.pack.alternatives[a];
    let in_running = |a: usize| !cx.ev.excluded[a];
    let effect = |kind, a: Option<usize>, text| RuleEffect {
        kind,
        alternative: a.map(|a| alt(a).id.clone()),
        text,
    };
    let mut out = Vec::new();
    for &(k, f) in &rule.weights {
        let text = format!(
            "keeps the weight of {} from ×{}: {}",
            cx.pack.criteria[k].name,
            fmt_factor(f),
            rule.reason.as_deref().unwrap_or("")
        );
        out.push(effect(
            EffectKind::Prevented,
            None,
            text.trim_end_matches([':', ' ']).to_string(),
        ));
    }
    // With the cost criterion computed, no rule's adjustment of it would have counted either.
    let counts =
        |x: &&crate::pack::Adjust| in_running(x.alternative) && Some(x.criterion) != cx.computed();
    for adj in rule.adjusts.iter().filter(counts) {
        let text = format!(
            "spares {} {:+} on {}: {}",
            alt(adj.alternative).name,
            adj.delta,
            cx.pack.criteria[adj.criterion].name,
            adj.reason
        );
        out.push(effect(EffectKind::Prevented, Some(adj.alternative), text));
    }
    for v in rule.vetoes.iter().filter(|v| in_running(v.alternative)) {
        let text = format!(
            "keeps {} eligible, which would otherwise be excluded: {}",
            alt(v.alternative).name,
            v.reason
        );
        out.push(effect(EffectKind::Eligible, Some(v.alternative), text));
    }
    for c in rule
        .caveats
        .iter()
        .filter(|c| Some(c.alternative) == winner)
    {
        let text = format!("spares {} the caveat: {}", alt(c.alternative).name, c.text);
        out.push(effect(EffectKind::Prevented, Some(c.alternative), text));
    }
    for s in rule
        .next_steps
        .iter()
        .filter(|s| Some(s.alternative) == winner)
    {
        let text = format!(
            "leaves out of {}'s next steps: {}",
            alt(s.alternative).name,
            s.text
        );
        out.push(effect(EffectKind::Prevented, Some(s.alternative), text));
    }
    out
}

/// "Because you answered": every answer that changed something a reader sees, grouped by the
/// answers (in the order of the rules), each with what it changed. Of a rule that fired: every
/// weight and exclusion, the scores of alternatives still in the running, and the winner's caveats
/// and next steps. Of a rule an answer kept from firing (its `unless` held): the same effects,
/// said as kept from happening, an exclusion as the alternative kept eligible. A rule that fired on
/// another pack's winner alone is no answer's doing, and is left out.
fn because_groups(cx: &Ctx, winner: Option<usize>) -> Vec<BecauseGroup> {
    let seen = |kind: EffectKind, a: Option<usize>| match kind {
        EffectKind::Weight | EffectKind::Veto => true,
        EffectKind::Adjust => a.is_some_and(|a| !cx.ev.excluded[a]),
        EffectKind::Caveat | EffectKind::NextStep => a.is_some() && a == winner,
        EffectKind::Eligible | EffectKind::Prevented => false,
    };
    let mut groups: Vec<BecauseGroup> = Vec::new();
    for r in 0..cx.pack.rules.len() {
        let (answers, effects): (Vec<Because>, Vec<RuleEffect>) = if cx.fired.contains(&r) {
            let effects = effects_of(cx, r)
                .into_iter()
                .filter(|(a, e)| seen(e.kind, *a))
                .map(|(_, e)| e)
                .collect();
            (cx.because(r), effects)
        } else if let Some(answers) = cx.kept_from_firing(r) {
            (answers, kept_off(cx, r, winner))
        } else {
            continue;
        };
        if answers.is_empty() || effects.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|g| g.answers == answers) {
            Some(g) => g.effects.extend(effects),
            None => groups.push(BecauseGroup { answers, effects }),
        }
    }
    if let Some(group) = priced_because(cx) {
        groups.push(group);
    }
    groups
}

/// With the cost criterion computed from the monthly estimates, the answers the estimates read
/// (the footprint, and every question a priced line or the capacity depends on) changed its
/// scores: they are listed with that effect, so "did my answer matter?" has its answer there too.
fn priced_because(cx: &Ctx) -> Option<BecauseGroup> {
    // Estimates shown beside hand scores change no score.
    let p = cx.priced.as_ref().filter(|p| p.pc.computed)?;
    let pc = p.pc;
    let mut questions: Vec<usize> = vec![pc.footprint];
    let conditions =
        pc.capacity
            .iter()
            .flat_map(|c| c.when.iter())
            .chain(pc.alternatives.iter().flat_map(|a| {
                a.lines
                    .iter()
                    .flat_map(|l| l.when.iter().chain(l.unless.iter().flatten()))
            }));
    for c in conditions {
        if !questions.contains(&c.question) {
            questions.push(c.question);
        }
    }
    questions.sort_unstable();
    let answers: Vec<Because> = questions
        .into_iter()
        .filter(|&q| cx.answers.get(q).copied().flatten().is_some())
        .map(|q| cx.answer(q))
        .collect();
    if answers.is_empty() {
        return None;
    }
    let criterion = &cx.pack.criteria[pc.criterion].name;
    Some(BecauseGroup {
        answers,
        effects: vec![RuleEffect {
            kind: EffectKind::Adjust,
            alternative: None,
            text: format!("{criterion}: every score computed from the monthly estimates"),
        }],
    })
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

/// Every other single answer with the winner it gives, and the smallest sets of answer changes
/// (one, else two) that change the winner.
fn what_would_change(cx: &Ctx, winner: Option<usize>) -> (Vec<Counterfactual>, Flips) {
    let catalog = cx.catalog;
    let change = |q: usize, c: usize| {
        let question = &catalog.questions[q];
        AnswerChange {
            question: question.id.clone(),
            title: question.title.clone(),
            from: cx.answers[q].map(|ci| question.choices[ci].id.clone()),
            to: question.choices[c].id.clone(),
            to_label: question.choices[c].label.clone(),
        }
    };
    let singles = counterfactual::single_changes(&catalog.questions, cx.pack, cx.answers);
    let counterfactuals = singles
        .iter()
        .map(|s| {
            let ch = change(s.question, s.to);
            Counterfactual {
                question: ch.question,
                title: ch.title,
                from: ch.from,
                to: ch.to,
                to_label: ch.to_label,
                winner: cx.alt_id(s.winner),
                winner_name: cx.alt_name(s.winner),
                changes_winner: s.winner != winner,
            }
        })
        .collect();
    let flip_set = |changes, w| FlipSet {
        changes,
        winner: cx.alt_id(w),
        winner_name: cx.alt_name(w),
    };
    let single_flips: Vec<FlipSet> = singles
        .iter()
        .filter(|s| s.winner != winner)
        .map(|s| flip_set(vec![change(s.question, s.to)], s.winner))
        .collect();
    let flips = if !single_flips.is_empty() {
        Flips {
            size: Some(1),
            sets: single_flips,
            complete: true,
        }
    } else {
        let (pairs, complete) =
            counterfactual::pair_flips(&catalog.questions, cx.pack, cx.answers, winner);
        Flips {
            complete,
            size: (!pairs.is_empty()).then_some(2),
            sets: pairs
                .into_iter()
                .map(|((q1, c1), (q2, c2), w)| flip_set(vec![change(q1, c1), change(q2, c2)], w))
                .collect(),
        }
    };
    (counterfactuals, flips)
}

fn weight_sensitivity(cx: &Ctx, winner: Option<usize>) -> Vec<Sensitivity> {
    let flips = winner.map(|w| sensitivity::weight_flips(cx.pack, &cx.ev, w));
    cx.pack
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let f = flips.as_ref().and_then(|v| v[k]);
            Sensitivity {
                criterion: c.id.clone(),
                name: c.name.clone(),
                flip_at: f.map(|f| round3(f.relative_change)),
                new_winner: f.map(|f| cx.pack.alternatives[f.new_winner].id.clone()),
            }
        })
        .collect()
}

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

pub fn round3(x: f64) -> f64 {
    // `+ 0.0` turns −0.0 into 0.0, so JSON never says `-0.0`.
    (x * 1000.0).round() / 1000.0 + 0.0
}

/// Rounds `parts` to one decimal so that they sum exactly to `round1(total)` (largest remainder).
///
/// Total over every input: a part or a total that is not finite, or parts that cannot add up to the
/// total, never make it loop; each part moves by at most one tenth.
pub fn round_parts(parts: &[f64], total: f64) -> Vec<f64> {
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    let tenth = |x: f64| (finite(x) * 10.0).clamp(i64::MIN as f64 / 4.0, i64::MAX as f64 / 4.0);
    let mut tenths: Vec<i64> = parts.iter().map(|&p| tenth(p).floor() as i64).collect();
    let remainder = |i: usize| tenth(parts[i]) - tenths[i] as f64;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| remainder(b).total_cmp(&remainder(a)).then(a.cmp(&b)));
    let target = tenth(total).round() as i64;
    let missing = target.saturating_sub(tenths.iter().fold(0i64, |s, &t| s.saturating_add(t)));
    // Largest remainders first when adding a tenth, smallest first when taking one away; each part
    // moves once at most, so a total the parts cannot reach is approached, never looped on.
    if missing > 0 {
        for &i in order.iter().take(missing as usize) {
            tenths[i] += 1;
        }
    } else {
        let positive: Vec<usize> = order
            .iter()
            .rev()
            .copied()
            .filter(|&i| tenths[i] > 0)
            .collect();
        for i in positive.into_iter().take(missing.unsigned_abs() as usize) {
            tenths[i] -= 1;
        }
    }
    tenths.into_iter().map(|t| t as f64 / 10.0).collect()
}

#[cfg(test)]
mod tests {
    use super::{Placed, order_steps};

    fn at(at: usize, text: &str) -> Placed<'_> {
        Placed {
            at,
            how_in_your_tool: false,
            text,
        }
    }

    fn own() -> Vec<String> {
        ["push", "roles", "create", "alarms"]
            .map(String::from)
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
