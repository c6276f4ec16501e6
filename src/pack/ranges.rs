//! What rules can do together, checked before anything is scored: the adjustments that can fire
//! together never take a score off the 0–10 scale (so an effect shown to the user is never cut
//! off), and the weight factors that can fire together stay within [`MAX_COMBINED_FACTOR`] (so
//! every sum stays finite).
//!
//! Rules that name no question in common fire independently, so the extremes of their sum add up;
//! rules that share a question are enumerated together over that question's choices (and "skipped").
//!
//! Build-script boundary: build.rs compiles this file into a crate of its own (to snapshot the
//! built-in data), so it may use only `pack`'s build files, `dates`, `safe` and `suggest` (and serde,
//! toml, fuzzy-matcher, strsim, postcard, libm); tests/boundary.rs checks it.

use std::collections::HashMap;

use super::checks::{Checker, MAX_COMBINED_FACTOR, MAX_SCORE, fmt_num};
use super::diag::SourceText;
use super::model::*;
use super::schema::PackFile;

/// Enumerating more joint answers than this for one group of rules falls back to adding the
/// extremes of each rule (which can only over-estimate, never miss a problem).
const MAX_ASSIGNMENTS: usize = 65_536;

/// One rule's contribution to a cell or a weight: its index and its effect.
#[derive(Clone, Copy)]
struct Effect {
    rule: usize,
    value: f64,
}

/// The largest and the smallest total of a set of effects over every way the rules can fire
/// together, with the rules that reach each.
struct Extremes {
    max: (f64, Vec<usize>),
    min: (f64, Vec<usize>),
}

pub fn check(
    cx: &mut Checker,
    src: SourceText,
    p: &PackFile,
    criteria: &[Criterion],
    alternatives: &[Alternative],
    rules: &[Rule],
) {
    let mut cells: HashMap<(usize, usize), Vec<(Effect, usize)>> = HashMap::new();
    let mut factors: HashMap<usize, Vec<Effect>> = HashMap::new();
    for (ri, r) in rules.iter().enumerate() {
        for (j, a) in r.adjusts.iter().enumerate() {
            cells
                .entry((a.alternative, a.criterion))
                .or_default()
                .push((
                    Effect {
                        rule: ri,
                        value: a.delta,
                    },
                    j,
                ));
        }
        for &(k, f) in &r.weights {
            // Products become sums of logarithms; a factor of 0 only ever lowers a weight.
            if f > 0.0 {
                factors.entry(k).or_default().push(Effect {
                    rule: ri,
                    value: libm::log(f),
                });
            }
        }
    }
    let mut cells: Vec<_> = cells.into_iter().collect();
    cells.sort_by_key(|(cell, _)| *cell);
    for ((a, k), effects) in cells {
        let base = alternatives[a].scores[k].value;
        let plain: Vec<Effect> = effects.iter().map(|(e, _)| *e).collect();
        let ext = extremes(&plain, rules);
        for ((total, fired), (bound, past)) in [
            (ext.max, (MAX_SCORE, "past 10")),
            (ext.min, (0.0, "below 0")),
        ] {
            let reached = base + total;
            let off = if bound > 0.0 {
                reached > bound + 1e-9
            } else {
                reached < -1e-9
            };
            if off {
                // Point at the last adjustment in the combination: the one to lower.
                let Some((last, j)) = effects.iter().rfind(|(e, _)| fired.contains(&e.rule)) else {
                    continue;
                };
                let span = p.rules[last.rule].adjust[*j].span();
                let parts: Vec<String> = effects
                    .iter()
                    .filter(|(e, _)| fired.contains(&e.rule))
                    .map(|(e, _)| format!("{:+} from rule `{}`", e.value, rules[e.rule].id))
                    .collect();
                cx.at(
                    src,
                    span.start,
                    format!(
                        "the adjustments of `{}` on `{}` can fire together and take its score {past} (base {}, {}: {}): the score would be cut off and the effect shown would not all count; change the deltas or the base score so that the total stays within 0–10",
                        alternatives[a].id,
                        criteria[k].id,
                        fmt_num(base),
                        parts.join(", "),
                        fmt_num(reached)
                    ),
                );
            }
        }
    }
    let mut factors: Vec<_> = factors.into_iter().collect();
    factors.sort_by_key(|(k, _)| *k);
    for (k, effects) in factors {
        let (log, fired) = extremes(&effects, rules).max;
        if log > libm::log(MAX_COMBINED_FACTOR) + 1e-9 {
            let rule = fired.iter().max().copied().unwrap_or(0);
            let at = p.rules[rule]
                .weights
                .as_ref()
                .map_or(p.rules[rule].id.span(), |w| w.span());
            let ids: Vec<String> = fired
                .iter()
                .map(|&r| format!("`{}`", rules[r].id))
                .collect();
            cx.at(
                src,
                at.start,
                format!(
                    "the weight factors of rules {} on `{}` can fire together and multiply its weight by {}, more than the {} allowed: use smaller factors",
                    ids.join(", "),
                    criteria[k].id,
                    fmt_num(libm::exp(log).round()),
                    fmt_num(MAX_COMBINED_FACTOR)
                ),
            );
        }
    }
}

/// The extremes of the sum of `effects` over every joint answer.
fn extremes(effects: &[Effect], rules: &[Rule]) -> Extremes {
    let mut max = (0.0, Vec::new());
    let mut min = (0.0, Vec::new());
    for group in groups(effects, rules) {
        let e = group_extremes(&group, rules);
        max.0 += e.max.0;
        max.1.extend(e.max.1);
        min.0 += e.min.0;
        min.1.extend(e.min.1);
    }
    max.1.sort_unstable();
    min.1.sort_unstable();
    Extremes { max, min }
}

/// Splits effects into groups whose rules share no question with another group's rules: groups
/// fire independently of each other.
fn groups(effects: &[Effect], rules: &[Rule]) -> Vec<Vec<Effect>> {
    let mut out: Vec<(Vec<usize>, Vec<Effect>)> = Vec::new();
    for &e in effects {
        let qs: Vec<usize> = rules[e.rule].questions().collect();
        let mut merged = (qs.clone(), vec![e]);
        out.retain_mut(|(gq, ge)| {
            if gq.iter().any(|q| qs.contains(q)) {
                merged.0.append(gq);
                merged.1.append(ge);
                false
            } else {
                true
            }
        });
        merged.0.sort_unstable();
        merged.0.dedup();
        out.push(merged);
    }
    out.into_iter().map(|(_, e)| e).collect()
}

/// Exact extremes of one group by enumerating its questions' answers (each choice or skipped);
/// past [`MAX_ASSIGNMENTS`], the sum of each effect's own extreme.
fn group_extremes(group: &[Effect], rules: &[Rule]) -> Extremes {
    let mut questions: Vec<(usize, usize)> = Vec::new(); // (question, number of choices seen)
    for e in group {
        for c in rules[e.rule]
            .when
            .iter()
            .chain(rules[e.rule].unless.iter().flatten())
        {
            let n = c.choices.iter().max().map_or(0, |m| m + 1);
            match questions.iter_mut().find(|(q, _)| *q == c.question) {
                Some((_, seen)) => *seen = (*seen).max(n),
                None => questions.push((c.question, n)),
            }
        }
    }
    // Choices no rule names all behave alike: one stands for them all, plus "skipped".
    let radix: Vec<usize> = questions.iter().map(|(_, n)| n + 2).collect();
    let total = radix
        .iter()
        .try_fold(1usize, |acc, &r| acc.checked_mul(r))
        .filter(|&t| t <= MAX_ASSIGNMENTS);
    let Some(total) = total else {
        return bounds_one_by_one(group);
    };
    let max_q = questions.iter().map(|(q, _)| *q).max().unwrap_or(0);
    let mut answers: Vec<Option<usize>> = vec![None; max_q + 1];
    let mut best = Extremes {
        max: (f64::NEG_INFINITY, Vec::new()),
        min: (f64::INFINITY, Vec::new()),
    };
    for mut code in 0..total {
        for (&(q, _), &r) in questions.iter().zip(&radix) {
            let digit = code % r;
            code /= r;
            answers[q] = digit.checked_sub(1); // 0 = skipped
        }
        let fired: Vec<&Effect> = group
            .iter()
            .filter(|e| rules[e.rule].fires(&answers))
            .collect();
        let sum: f64 = fired.iter().map(|e| e.value).sum();
        if sum > best.max.0 {
            best.max = (sum, fired.iter().map(|e| e.rule).collect());
        }
        if sum < best.min.0 {
            best.min = (sum, fired.iter().map(|e| e.rule).collect());
        }
    }
    best
}

fn bounds_one_by_one(group: &[Effect]) -> Extremes {
    let pick = |keep: fn(f64) -> bool| {
        let chosen: Vec<&Effect> = group.iter().filter(|e| keep(e.value)).collect();
        (
            chosen.iter().map(|e| e.value).sum(),
            chosen.iter().map(|e| e.rule).collect(),
        )
    };
    Extremes {
        max: pick(|v| v > 0.0),
        min: pick(|v| v < 0.0),
    }
}
