//! Robustness by sampling weights (SMAA-style): with every criterion weight multiplied by an
//! independent factor drawn uniformly from [1 − NOISE, 1 + NOISE], how often does each alternative win?
//!
//! The generator is a fixed-seed SplitMix64, so the same answers give the same probabilities on
//! every machine.

use super::score::Evaluation;
use crate::pack::Pack;

/// Number of weight samples.
pub const SAMPLES: usize = 2000;
/// Each weight is multiplied by U[1 − NOISE, 1 + NOISE].
pub const NOISE: f64 = 0.5;
pub const SEED: u64 = 0x7EAD_0FF5_EED5_2026;
/// Alternatives summed side by side in one sample (see [`win_counts`]).
const LANES: usize = 8;

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
    if live.len() == 1 {
        // Nothing else can win a sample: the leader wins them all (what the loop would find).
        counts[leader] = SAMPLES;
        return counts;
    }
    if n_crit == 0 {
        // Every sum is zero in every sample: the first live alternative wins them all.
        counts[live[0]] = SAMPLES;
        return counts;
    }
    // Most packs keep two to four contenders: fewer lanes then do a quarter or half the work.
    let wins = match live.len() {
        2 => sampled_wins::<2>(pack, ev, &live),
        3 | 4 => sampled_wins::<4>(pack, ev, &live),
        _ => sampled_wins::<LANES>(pack, ev, &live),
    };
    for (&a, n) in live.iter().zip(wins) {
        counts[a] = n;
    }
    counts
}

/// How many of the `SAMPLES` weightings each of the `live` alternatives wins, summed `N` at a time.
///
/// The effective cells of the live alternatives are laid out in groups of `N`, criterion by
/// criterion within a group (padded with zeros): each sample adds one criterion to a whole group's
/// sums at once, in fixed-size arrays the compiler turns into vector instructions. Per alternative
/// these are the same additions in the same order as a row-by-row sum, so the results are bit for
/// bit the same whatever `N` is.
fn sampled_wins<const N: usize>(pack: &Pack, ev: &Evaluation, live: &[usize]) -> Vec<usize> {
    let n_crit = pack.criteria.len();
    let n_live = live.len();
    let groups = n_live.div_ceil(N);
    let mut cells = vec![[0.0; N]; groups * n_crit];
    for (i, &a) in live.iter().enumerate() {
        for k in 0..n_crit {
            cells[(i / N) * n_crit + k][i % N] = ev.cell(pack, a, k);
        }
    }
    // The weights are drawn sample by sample: a table of every sample's factors would be faster
    // to reuse across packs, but its 128 KB of fresh memory cost a one-shot command more in page
    // faults than the drawing does.
    let mut rng = SplitMix64::new(SEED);
    let mut w = vec![0.0; n_crit];
    let mut wins = vec![0usize; n_live];
    for _ in 0..SAMPLES {
        for (wk, base) in w.iter_mut().zip(&ev.weights) {
            *wk = base * (1.0 - NOISE + 2.0 * NOISE * rng.next_f64());
        }
        // The common 1/Σw factor cannot change the winner, so raw sums are compared; the first
        // of equal sums wins, as in `score::best`.
        let mut best: Option<(usize, f64)> = None;
        for (g, group) in cells.chunks_exact(n_crit).enumerate() {
            let mut sums = [0.0; N];
            for (column, &wk) in group.iter().zip(&w) {
                for (s, c) in sums.iter_mut().zip(column) {
                    *s += c * wk;
                }
            }
            for (l, &s) in sums.iter().enumerate().take(n_live - g * N) {
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((g * N + l, s));
                }
            }
        }
        if let Some((i, _)) = best {
            wins[i] += 1;
        }
    }
    wins
}
