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
    // An answer to a follow-up that is not asked counts as none.
    let mut answers = answers.clone();
    catalog.normalize(&mut answers.choices);
    let answers = &answers;
    for (pi, pack) in catalog.packs.iter().enumerate() {
        let result = analyze_pack(catalog, pack, &answers.choices);
        // Brute force: every other choice of every question that is asked, through the whole
        // analysis.
        let mut expected = Vec::new();
        for (qi, q) in catalog.questions.iter().enumerate() {
            if !q.applies(&answers.choices) {
                continue;
            }
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
) -> Option<tradeoff::pack::SharedStr> {
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

/// Rounding is total: parts or totals that are not finite, or that cannot add up, never make it
/// loop (a weight of 1e307 used to hang it), and no part moves by more than a tenth.
#[test]
fn rounding_is_total() {
    for (parts, total) in [
        (vec![f64::INFINITY, 1.0], f64::INFINITY),
        (vec![f64::NAN, 2.0], 3.0),
        (vec![1e300, 1e300], 1e307),
        (vec![0.0, 0.0], -5.0),
        (vec![], 4.0),
        (vec![0.1; 3], 1e9),
    ] {
        let r = engine::round_parts(&parts, total);
        assert_eq!(r.len(), parts.len());
        assert!(r.iter().all(|x| x.is_finite()), "{parts:?} {total}: {r:?}");
    }
}

/// One pack of `n_alt` alternatives over 3 criteria and one question of 2 choices, whose every
/// number is taken from `values` (each within the bounds `validate` accepts).
fn extreme_pack(
    weights: [f64; 3],
    factors: [f64; 2],
    scores: &[[f64; 3]],
    deltas: [f64; 2],
) -> String {
    let mut t =
        String::from("id = \"x\"\nname = \"X\"\ndescription = \"x\"\nverified = \"2026-01-01\"\n");
    for (k, w) in weights.iter().enumerate() {
        t.push_str(&format!(
            "[[criterion]]\nid = \"k{k}\"\nname = \"K\"\ndescription = \"k\"\nweight = {w:e}\nscale = {{ \"0\" = \"a\", \"5\" = \"b\", \"10\" = \"c\" }}\n"
        ));
    }
    for (a, row) in scores.iter().enumerate() {
        t.push_str(&format!(
            "[[alternative]]\nid = \"a{a}\"\nname = \"A\"\nsummary = \"a\"\nsources = [\"s\"]\n[alternative.scores]\n"
        ));
        for (k, s) in row.iter().enumerate() {
            t.push_str(&format!("k{k} = {{ score = {s:e}, why = \"w\" }}\n"));
        }
    }
    // Two rules on the same question never fire together; each moves a0's k0 by its delta.
    for (r, (f, d)) in factors.iter().zip(deltas).enumerate() {
        t.push_str(&format!(
            "[[rule]]\nid = \"r{r}\"\nwhen = {{ q = \"c{r}\" }}\nreason = \"r\"\nweights = {{ k{r} = {f:e} }}\nadjust = [{{ alternative = \"a0\", criterion = \"k0\", delta = {d:e}, reason = \"r\" }}]\n"
        ));
    }
    t
}

fn extreme_catalog(pack_text: String) -> Result<Catalog, pack::Diagnostics> {
    let files = vec![
        pack::DataFile::new(
            "x/sources.toml",
            "sources.toml",
            "[[source]]\nid = \"s\"\ntitle = \"S\"\nurl = \"https://example.org\"\nverified = \"2026-01-01\"\n",
        ),
        pack::DataFile::new(
            "x/questions.toml",
            "questions.toml",
            "verified = \"2026-01-01\"\n[[question]]\nid = \"q\"\ntitle = \"Q\"\nprompt = \"Q?\"\nhelp = \"h\"\n[[question.choice]]\nid = \"c0\"\nlabel = \"0\"\n[[question.choice]]\nid = \"c1\"\nlabel = \"1\"\n",
        ),
        pack::DataFile::new("x/packs/x.toml", "packs/x.toml", pack_text),
    ];
    pack::load(&files, 20_600)
}

/// A number from the accepted range, its extremes included.
fn bounded(max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(max),
        Just(f64::MIN_POSITIVE),
        Just(1e-300),
        0.0..=max,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The engine is total over everything the validator accepts: with weights, factors, scores and
    /// deltas anywhere in their documented ranges (extremes included), an analysis finishes with
    /// finite numbers whose points add up to the scores. Data the validator would reject is not
    /// analysed.
    #[test]
    fn the_engine_is_total_over_accepted_data(
        weights in [bounded(pack::MAX_WEIGHT), bounded(pack::MAX_WEIGHT), bounded(pack::MAX_WEIGHT)],
        factors in [bounded(pack::MAX_FACTOR), bounded(pack::MAX_FACTOR)],
        scores in proptest::collection::vec([bounded(10.0), bounded(10.0), bounded(10.0)], 1..4),
        deltas in [-10.0f64..=10.0, -10.0f64..=10.0],
        answer in 0usize..3,
    ) {
        let Ok(catalog) = extreme_catalog(extreme_pack(weights, factors, &scores, deltas)) else {
            return Ok(());
        };
        let mut answers = Answers::empty(&catalog);
        answers.choices[0] = (answer < 2).then_some(answer);
        let rec = analyze(&catalog, &answers, &[]);
        for p in &rec.packs {
            for alt in &p.ranking {
                prop_assert!(alt.exact_score.is_finite() && (0.0..=100.0 + 1e-9).contains(&alt.exact_score));
                prop_assert!(alt.contributions.iter().all(|c| c.points.is_finite()));
            }
            prop_assert!(p.weights.iter().all(|w| w.effective.is_finite()));
        }
        check_contributions(&catalog, &answers);
    }
}

/// The hang from issue 12: a weight or factor of 1e307 is rejected by the checks, with its place.
#[test]
fn huge_weights_and_factors_are_rejected() {
    let text = extreme_pack(
        [1e307, 1.0, 1.0],
        [1.0, 1e307],
        &[[5.0, 5.0, 5.0]],
        [0.0, 0.0],
    );
    let err = extreme_catalog(text).expect_err("out of bounds");
    let all = err.to_string();
    assert!(
        all.contains("weight 1e307 is out of bounds: use a number from 0 to 100"),
        "{all}"
    );
    assert!(
        all.contains("weight factor 1e307 is out of bounds: use a number from 0 to 100"),
        "{all}"
    );
}
