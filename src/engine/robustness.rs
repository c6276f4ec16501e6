//! Robustness by sampling weights (SMAA-style): with every criterion weight multiplied by an
//! independent factor drawn uniformly from [1 − NOISE, 1 + NOISE], how often does each alternative win?
//!
//! The generator is a fixed-seed SplitMix64, so the same answers give the same probabilities on
//! every machine.

use super::score::{Evaluation, best};
use crate::pack::Pack;

/// Number of weight samples.
pub const SAMPLES: usize = 2000;
/// Each weight is multiplied by U[1 − NOISE, 1 + NOISE].
pub const NOISE: f64 = 0.5;
pub const SEED: u64 = 0x7EAD_0FF5_EED5_2026;

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and the same everywhere.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// The alternatives that can win at least one sample: every weight moves by at most `NOISE`, so an
/// alternative whose best case against the leader is still behind it never wins, and sampling it
/// would only cost time (a pack of 10,000 alternatives keeps a handful).
fn contenders(pack: &Pack, ev: &Evaluation, leader: usize) -> Vec<usize> {
    let n_crit = pack.criteria.len();
    (0..pack.alternatives.len())
        .filter(|&a| !ev.excluded[a])
        .filter(|&a| {
            if a == leader {
                return true;
            }
            // max over weights of Σ w'·(a − leader) = Σ w·d + NOISE · Σ w·|d|.
            let (sum, spread) = (0..n_crit).fold((0.0, 0.0), |(s, m), k| {
                let d = ev.cell(pack, a, k) - ev.cell(pack, leader, k);
                (s + ev.weights[k] * d, m + ev.weights[k] * d.abs())
            });
            // Keep ties: the first of equal scores wins, which may be `a`.
            sum + NOISE * spread >= -1e-9 * (1.0 + spread)
        })
        .collect()
}

/// Win counts per alternative over `SAMPLES` perturbed weightings (excluded ones never win).
pub fn win_counts(pack: &Pack, ev: &Evaluation) -> Vec<usize> {
    let n_alt = pack.alternatives.len();
    let n_crit = pack.criteria.len();
    let mut counts = vec![0usize; n_alt];
    let Some(leader) = ev.winner() else {
        return counts;
    };
    let live = contenders(pack, ev, leader);
    // Effective cells of the live alternatives, row-major, so the loop below is plain arithmetic.
    let cells: Vec<f64> = live
        .iter()
        .flat_map(|&a| (0..n_crit).map(move |k| (a, k)))
        .map(|(a, k)| ev.cell(pack, a, k))
        .collect();
    let mut rng = SplitMix64::new(SEED);
    let mut w = vec![0.0; n_crit];
    let mut sums = vec![0.0; live.len()];
    let no_exclusions = vec![false; live.len()];
    for _ in 0..SAMPLES {
        for (wk, base) in w.iter_mut().zip(&ev.weights) {
            *wk = base * (1.0 - NOISE + 2.0 * NOISE * rng.next_f64());
        }
        // The common 1/Σw factor cannot change the winner, so raw sums are compared.
        for (i, s) in sums.iter_mut().enumerate() {
            *s = cells[i * n_crit..(i + 1) * n_crit]
                .iter()
                .zip(&w)
                .map(|(c, wk)| c * wk)
                .sum();
        }
        if let Some(i) = best(&sums, &no_exclusions) {
            counts[live[i]] += 1;
        }
    }
    counts
}
