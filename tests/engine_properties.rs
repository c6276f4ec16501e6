//! Properties of the engine that must hold for any data and any answers: explanations add up,
//! vetoes never reorder the rest, counterfactuals and weight flips match a brute-force re-run, and
//! output is deterministic.

use proptest::prelude::*;
use tradeoff::answers::Answers;
use tradeoff::engine::{self, analyze, analyze_pack, evaluate};
use tradeoff::pack::{self, Catalog, synth};

fn builtin() -> Catalog {
    pack::load_builtin().expect("built-in data loads")
}

fn synthetic(seed: u64) -> Catalog {
    let size = synth::Size {
        alternatives: 6,
        criteria: 5,
        questions: 4,
        choices: 3,
        rules_per_choice: 1,
    };
    pack::load(&synth::generate(size, seed), i64::MAX).expect("synthetic data loads")
}

/// Answers from a list of raw numbers: `n % (choices + 1)`, where the extra value means skipped.
fn answers_from(catalog: &Catalog, raw: &[usize]) -> Answers {
    let mut a = Answers::empty(catalog);
    for (i, q) in catalog.questions.iter().enumerate() {
        let r = raw.get(i).copied().unwrap_or(0) % (q.choices.len() + 1);
        a.choices[i] = (r < q.choices.len()).then_some(r);
    }
    a
}

fn check_contributions(catalog: &Catalog, answers: &Answers) {
    let rec = analyze(catalog, answers, &[]);
    for p in &rec.packs {
        for alt in &p.ranking {
            let exact: f64 = alt.contributions.iter().map(|c| c.exact_points).sum();
            assert!(
                (exact - alt.exact_score).abs() < 1e-9,
                "{}: contributions {exact} != score {}",
                alt.id,
                alt.exact_score
            );
            let tenths: i64 = alt
                .contributions
                .iter()
                .map(|c| (c.points * 10.0).round() as i64)
                .sum();
            assert_eq!(
                tenths,
                (alt.score * 10.0).round() as i64,
                "{}: rounded points must sum to the shown score",
                alt.id
            );
        }
        let p_sum: f64 = p.ranking.iter().map(|a| a.win_probability).sum();
        if p.winner.is_some() {
            assert!(
                (p_sum - 1.0).abs() < 0.01,
                "win probabilities sum to 1, got {p_sum}"
            );
        }
    }
}

fn check_veto_never_reorders(catalog: &Catalog, answers: &Answers) {
    for pack in &catalog.packs {
        let with = evaluate(pack, &answers.choices);
        for (ri, rule) in pack.rules.iter().enumerate() {
            if rule.vetoes.is_empty() || !with.fired.contains(&ri) {
                continue;
            }
            let mut stripped = pack.clone();
            stripped.rules[ri].vetoes.clear();
            let without = evaluate(&stripped, &answers.choices);
            assert_eq!(
                with.scores, without.scores,
                "a veto must not change any score"
            );
            let kept: Vec<usize> = without
                .ranking()
                .into_iter()
                .filter(|a| !with.excluded[*a])
                .collect();
            assert_eq!(
                with.ranking(),
                kept,
                "a veto must not reorder the others ({})",
                rule.id
            );
        }
    }
}

fn check_counterfactuals(catalog: &Catalog, answers: &Answers) {
    for (pi, pack) in catalog.packs.iter().enumerate() {
        let result = analyze_pack(catalog, pack, &answers.choices);
        // Brute force: every other choice of every question, through the whole analysis.
        let mut expected = Vec::new();
        for (qi, q) in catalog.questions.iter().enumerate() {
            for ci in 0..q.choices.len() {
                if answers.choices[qi] == Some(ci) {
                    continue;
                }
                let mut trial = answers.clone();
                trial.choices[qi] = Some(ci);
                let rec = analyze(catalog, &trial, &[pi]);
                let w = rec.packs[0].winner.clone();
                if pack.questions_used.contains(&qi) {
                    expected.push((q.id.clone(), q.choices[ci].id.clone(), w));
                } else {
                    assert_eq!(
                        w, result.winner,
                        "a question no rule reads cannot change the winner"
                    );
                }
            }
        }
        let got: Vec<_> = result
            .counterfactuals
            .iter()
            .map(|c| (c.question.clone(), c.to.clone(), c.winner.clone()))
            .collect();
        assert_eq!(got, expected);
        for c in &result.counterfactuals {
            assert_eq!(c.changes_winner, c.winner != result.winner);
        }
        // Flip sets: singles are exactly the winner-changing counterfactuals; pairs only when none.
        let singles = result
            .counterfactuals
            .iter()
            .filter(|c| c.changes_winner)
            .count();
        match result.flips.size {
            Some(1) => assert_eq!(result.flips.sets.len(), singles),
            Some(2) => {
                assert_eq!(singles, 0);
                for set in &result.flips.sets {
                    let mut trial = answers.clone();
                    for ch in &set.changes {
                        trial.set_by_id(catalog, &ch.question, &ch.to).unwrap();
                    }
                    let w = analyze(catalog, &trial, &[pi]).packs[0].winner.clone();
                    assert_eq!(w, set.winner);
                    assert_ne!(w, result.winner);
                }
            }
            None => assert_eq!(singles, 0),
            Some(n) => panic!("flip size {n}"),
        }
    }
}

fn winner_with_weight(
    pack: &pack::Pack,
    answers: &Answers,
    k: usize,
    factor: f64,
) -> Option<String> {
    let mut p = pack.clone();
    p.criteria[k].weight *= factor;
    evaluate(&p, &answers.choices)
        .winner()
        .map(|w| p.alternatives[w].id.clone())
}

fn check_weight_flips(catalog: &Catalog, answers: &Answers) {
    for pack in &catalog.packs {
        let result = analyze_pack(catalog, pack, &answers.choices);
        let Some(winner) = result.winner.clone() else {
            continue;
        };
        let ev = evaluate(pack, &answers.choices);
        for (k, s) in result.sensitivity.iter().enumerate() {
            if ev.weights[k] == 0.0 {
                assert!(s.flip_at.is_none());
                continue;
            }
            // Recompute exactly (the reported value is rounded to 3 decimals).
            let exact = engine::sensitivity::weight_flips(
                pack,
                &ev,
                pack.alternative_index(&winner).unwrap(),
            )[k];
            match exact {
                Some(f) => {
                    let d = f.relative_change;
                    let eps = 1e-6 * d.abs().max(1.0);
                    // −0.0 means "any decrease"; +0.0 "any increase".
                    let dir = if d.is_sign_negative() { -1.0 } else { 1.0 };
                    let beyond = d + dir * eps;
                    let before = d - dir * eps;
                    let new = pack.alternatives[f.new_winner].id.clone();
                    assert_eq!(s.new_winner.as_deref(), Some(new.as_str()));
                    if d != 0.0 {
                        assert_eq!(
                            winner_with_weight(pack, answers, k, 1.0 + before),
                            Some(winner.clone()),
                            "before the flip of {}",
                            s.criterion
                        );
                    }
                    if beyond > -1.0 {
                        assert_eq!(
                            winner_with_weight(pack, answers, k, 1.0 + beyond),
                            Some(new),
                            "beyond the flip of {} at {d}",
                            s.criterion
                        );
                    }
                }
                None => {
                    for factor in [0.001, 0.25, 0.5, 2.0, 10.0, 1000.0] {
                        assert_eq!(
                            winner_with_weight(pack, answers, k, factor),
                            Some(winner.clone()),
                            "no flip on {} but ×{factor} changes the winner",
                            s.criterion
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn builtin_properties_hold_for_a_spread_of_answers() {
    let catalog = builtin();
    let n = catalog.questions.len();
    // A deterministic spread of answer sets, including skipped questions.
    let mut rng = engine::robustness::SplitMix64::new(7);
    for _ in 0..40 {
        let raw: Vec<usize> = (0..n).map(|_| rng.next_u64() as usize).collect();
        let answers = answers_from(&catalog, &raw);
        check_contributions(&catalog, &answers);
        check_veto_never_reorders(&catalog, &answers);
        check_counterfactuals(&catalog, &answers);
        check_weight_flips(&catalog, &answers);
    }
    check_counterfactuals(&catalog, &Answers::empty(&catalog));
}

#[test]
fn output_is_deterministic() {
    let catalog = builtin();
    let answers = answers_from(&catalog, &[1, 0, 0, 0, 0, 0, 0, 0]);
    let a = tradeoff::report::json::render(&analyze(&catalog, &answers, &[]));
    let b = tradeoff::report::json::render(&analyze(&catalog, &answers, &[]));
    assert_eq!(a, b);
    let t1 = tradeoff::report::text::render(&analyze(&catalog, &answers, &[]));
    let t2 = tradeoff::report::text::render(&analyze(&catalog, &answers, &[]));
    assert_eq!(t1, t2);
}

#[test]
fn rounding_keeps_parts_summing_to_the_total() {
    let parts = [3.33333, 3.33333, 3.33334];
    let r = engine::round_parts(&parts, 10.0);
    assert_eq!(
        r.iter().map(|x| (x * 10.0).round() as i64).sum::<i64>(),
        100
    );
    let parts = [0.04, 0.04, 0.04];
    let r = engine::round_parts(&parts, 0.12);
    assert_eq!(r.iter().map(|x| (x * 10.0).round() as i64).sum::<i64>(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn synthetic_properties(seed in any::<u64>(), raw in proptest::collection::vec(any::<usize>(), 4)) {
        let catalog = synthetic(seed);
        let answers = answers_from(&catalog, &raw);
        check_contributions(&catalog, &answers);
        check_veto_never_reorders(&catalog, &answers);
        check_counterfactuals(&catalog, &answers);
        check_weight_flips(&catalog, &answers);
    }
}
