//! Stage one and two of scoring: rules fire on the answers (vetoes, weight factors, score
//! adjustments), then a weighted sum over the fixed 0–10 scales, reported on 0–100.
//!
//! Scores are absolute: an alternative's score depends only on its own scores and the weights, never
//! on the other alternatives, so excluding one can never reorder the rest.

use crate::pack::Pack;

/// A pack scored under one set of answers.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// Effective weight per criterion (base × the factors of the rules that fired).
    pub weights: Vec<f64>,
    pub total_weight: f64,
    /// Vetoed alternatives.
    pub excluded: Vec<bool>,
    /// 0–100 per alternative (also computed for excluded ones, never ranked).
    pub scores: Vec<f64>,
    /// `(alternative, criterion, effective score)` for every adjusted cell, sorted.
    pub adjusted: Vec<(usize, usize, f64)>,
    /// Indices of the rules that fired, in data order.
    pub fired: Vec<usize>,
    /// With the footprint answered in a priced pack: the cost criterion and every alternative's
    /// score on it, computed from the estimates (`engine::cost`). The rules' adjustments of that
    /// criterion then do not apply (nor show), since the estimate already prices what they judged.
    pub computed: Option<(usize, Vec<f64>)>,
}

impl Evaluation {
    /// The effective 0–10 score of an alternative on a criterion.
    pub fn cell(&self, pack: &Pack, a: usize, k: usize) -> f64 {
        if let Some((ck, scores)) = &self.computed
            && *ck == k
        {
            return scores[a];
        }
        match self
            .adjusted
            .binary_search_by(|(aa, kk, _)| (*aa, *kk).cmp(&(a, k)))
        {
            Ok(i) => self.adjusted[i].2,
            Err(_) => pack.matrix[a * pack.criteria.len() + k],
        }
    }

    /// Non-excluded alternatives, best first; equal scores keep data order.
    pub fn ranking(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.scores.len())
            .filter(|&a| !self.excluded[a])
            .collect();
        order.sort_by(|&x, &y| self.scores[y].total_cmp(&self.scores[x]).then(x.cmp(&y)));
        order
    }

    pub fn winner(&self) -> Option<usize> {
        best(&self.scores, &self.excluded)
    }
}

/// The first highest-scoring alternative that is not excluded.
pub fn best(scores: &[f64], excluded: &[bool]) -> Option<usize> {
    let mut win: Option<usize> = None;
    for (a, &s) in scores.iter().enumerate() {
        if !excluded[a] && win.is_none_or(|w| s > scores[w]) {
            win = Some(a);
        }
    }
    win
}

/// Scores `pack` under `answers` (one choice index per catalog question).
pub fn evaluate(pack: &Pack, answers: &[Option<usize>]) -> Evaluation {
    let n_alt = pack.alternatives.len();
    let n_crit = pack.criteria.len();
    let mut weights: Vec<f64> = pack.criteria.iter().map(|c| c.weight).collect();
    let mut excluded = vec![false; n_alt];
    let mut deltas: Vec<(usize, usize, f64)> = Vec::new();
    let mut fired = Vec::new();
    for (ri, rule) in pack.rules.iter().enumerate() {
        if !rule.fires(answers) {
            continue;
        }
        fired.push(ri);
        for &(k, f) in &rule.weights {
            weights[k] *= f;
        }
        for v in &rule.vetoes {
            excluded[v.alternative] = true;
        }
        for adj in &rule.adjusts {
            deltas.push((adj.alternative, adj.criterion, adj.delta));
        }
    }
    let computed = pack
        .cost
        .as_ref()
        .and_then(|pc| super::cost::computed_scores(pc, answers).map(|s| (pc.criterion, s)));
    if let Some((ck, _)) = &computed {
        deltas.retain(|d| d.1 != *ck);
    }
    // Several rules may adjust one cell: their deltas add up, then the result is clamped once.
    deltas.sort_by_key(|x| (x.0, x.1));
    let mut adjusted: Vec<(usize, usize, f64)> = Vec::with_capacity(deltas.len());
    for (a, k, d) in deltas {
        match adjusted.last_mut() {
            Some(last) if last.0 == a && last.1 == k => last.2 += d,
            _ => adjusted.push((a, k, d)),
        }
    }
    for cell in &mut adjusted {
        cell.2 = (pack.matrix[cell.0 * n_crit + cell.1] + cell.2).clamp(0.0, 10.0);
    }

    let total_weight: f64 = weights.iter().sum();
    let mut scores = vec![0.0; n_alt];
    if total_weight > 0.0 {
        for (a, score) in scores.iter_mut().enumerate() {
            let row = &pack.matrix[a * n_crit..(a + 1) * n_crit];
            *score = row.iter().zip(&weights).map(|(s, w)| s * w).sum();
        }
        for &(a, k, eff) in &adjusted {
            scores[a] += weights[k] * (eff - pack.matrix[a * n_crit + k]);
        }
        if let Some((k, cost)) = &computed {
            for (a, c) in cost.iter().enumerate() {
                scores[a] += weights[*k] * (c - pack.matrix[a * n_crit + k]);
            }
        }
        // Divide first: Σ(w·s)/Σw is at most 10 whatever the weights, while 10/Σw alone
        // overflows for a total weight near the smallest positive number.
        for s in &mut scores {
            *s = *s / total_weight * 10.0;
        }
    }
    Evaluation {
        weights,
        total_weight,
        excluded,
        scores,
        adjusted,
        fired,
        computed,
    }
}

/// Only the winner: what counterfactuals need, without keeping the evaluation.
pub fn winner_of(pack: &Pack, answers: &[Option<usize>]) -> Option<usize> {
    evaluate(pack, answers).winner()
}
