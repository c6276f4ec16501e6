//! Weight sensitivity, in closed form for a weighted sum (Triantaphyllou & Sánchez, 1997).
//!
//! Scale criterion k's weight by (1 + δ). The winner W and a challenger C tie where
//! N + δ·w_k·(W_k − C_k) = 0, with N = Σ_j w_j·(W_j − C_j) ≥ 0: δ* = N / (w_k·(C_k − W_k)). The
//! common denominator Σw is positive and cancels. δ* is feasible only if the new weight stays ≥ 0,
//! i.e. δ* ≥ −1. Across challengers, the one with the smallest |δ*| in a direction overtakes first.

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
            let mut best: Option<WeightFlip> = None;
            for &c in &challengers {
                // N in un-normalised units: (score_W − score_C) · Σw / 10.
                let n = (ev.scores[winner] - ev.scores[c]) * ev.total_weight / 10.0;
                let diff = ev.cell(pack, c, k) - ev.cell(pack, winner, k);
                if diff == 0.0 {
                    continue;
                }
                let delta = n.max(0.0) / (wk * diff);
                if delta < -1.0 {
                    continue;
                }
                let better = best.is_none_or(|b| {
                    delta.abs() < b.relative_change.abs()
                        || (delta.abs() == b.relative_change.abs() && c < b.new_winner)
                });
                if better {
                    best = Some(WeightFlip {
                        relative_change: delta,
                        new_winner: c,
                    });
                }
            }
            best
        })
        .collect()
}
