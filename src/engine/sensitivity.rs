//! Weight sensitivity, in closed form for a weighted sum (Triantaphyllou & Sánchez, 1997).
//!
//! Scale criterion k's weight by (1 + δ). The winner W and a challenger C tie where
//! N + δ·w_k·(W_k − C_k) = 0, with N = Σ_j w_j·(W_j − C_j) ≥ 0: δ* = N / (w_k·(C_k − W_k)). The
//! common denominator Σw is positive and cancels. δ* is feasible only if the new weight stays ≥ 0,
//! i.e. δ* > −1 (at −1 the weight is 0 and the two merely tie). Across challengers, the one with the smallest |δ*| in a direction overtakes first.

use super::score::Evaluation;
use crate::pack::Pack;

/// The smallest relative change of one criterion's weight that changes the winner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightFlip {
    /// Relative change of the weight: +0.5 means ×1.5, −0.4 means ×0.6. The winner changes just
    /// beyond this point; at it, the two tie.
    pub relative_change: f64,
    /// The alternative that wins beyond the flip.
    pub new_winner: usize,
}

/// For each criterion, the flip of smallest magnitude (either direction), or `None`.
pub fn weight_flips(pack: &Pack, ev: &Evaluation, winner: usize) -> Vec<Option<WeightFlip>> {
    let n_crit = pack.criteria.len();
    let challengers: Vec<usize> = (0..pack.alternatives.len())
        .filter(|&a| a != winner && !ev.excluded[a])
        .collect();
    (0..n_crit)
        .map(|k| {
            let wk = ev.weights[k];
            if wk <= 0.0 {
                return None;
            }
            // (challenger, δ*, C_k − W_k) for every feasible crossing.
            let mut crossings: Vec<(usize, f64, f64)> = Vec::new();
            for &c in &challengers {
                // N in un-normalised units: (score_W − score_C) · Σw / 10.
                let n = (ev.scores[winner] - ev.scores[c]) * ev.total_weight / 10.0;
                let diff = ev.cell(pack, c, k) - ev.cell(pack, winner, k);
                if diff == 0.0 {
                    continue;
                }
                // A challenger tied now (n = 0) flips at ±0, in the direction that favours it.
                let delta = n.max(0.0) / (wk * diff);
                // At δ = −1 the weight is 0: a tie there is not a win, and below it the weight is negative.
                if delta <= -1.0 {
                    continue;
                }
                crossings.push((c, delta, diff));
            }
            let first = crossings
                .iter()
                .map(|x| x.1.abs())
                .fold(f64::INFINITY, f64::min);
            if !first.is_finite() {
                return None;
            }
            // Several challengers may cross at (numerically) the same point: beyond it the one that
            // gains fastest in that direction leads. Prefer the positive direction on a tie of |δ|.
            let tol = 1e-9 * first.max(1.0);
            let positive = crossings
                .iter()
                .any(|x| (x.1.abs() - first).abs() <= tol && x.1.is_sign_positive());
            crossings
                .iter()
                .filter(|x| (x.1.abs() - first).abs() <= tol && x.1.is_sign_positive() == positive)
                .min_by(|x, y| {
                    let gain = |d: f64| if positive { -d } else { d };
                    gain(x.2).total_cmp(&gain(y.2)).then(x.0.cmp(&y.0))
                })
                .map(|&(c, delta, _)| WeightFlip {
                    relative_change: delta,
                    new_winner: c,
                })
        })
        .collect()
}
