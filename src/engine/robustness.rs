//! Robustness by sampling weights (SMAA-style): with every criterion weight multiplied by an
//! independent factor drawn uniformly from [1 − NOISE, 1 + NOISE], how often does each alternative win?
//!
//! The generator is a fixed-seed SplitMix64, so the same answers give the same probabilities on
//! every machine.

pub use crate::rng::SplitMix64;

use super::score::Evaluation;
use crate::pack::Pack;

/// Number of weight samples.
pub const SAMPLES: usize = 2000;
/// Each weight is multiplied by U[1 − NOISE, 1 + NOISE].
pub const NOISE: f64 = 0.5;
pub const SEED: u64 = 0x7EAD_0FF5_EED5_2026;
/// Alternatives summed side by side in one sample (see [`win_counts`]).
const LANES: usize = 8;
/// Weightings scored side by side (see `best_of`).
const BLOCK: usize = 4;

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
    win_counts_of(&[(pack, ev)]).pop().unwrap_or_default()
}

/// [`win_counts`] of several packs at once, the same counts as one by one.
///
/// Every pack draws its weights from the same seed, `n_crit` factors a sample, so packs with as many
/// criteria draw the very same factors: they are sampled side by side, the factors drawn once per
/// sample for all of them (the built-in packs all have eight criteria: a quarter of the drawing).
pub fn win_counts_of(packs: &[(&Pack, &Evaluation)]) -> Vec<Vec<usize>> {
    let mut counts: Vec<Vec<usize>> = packs
        .iter()
        .map(|(pack, _)| vec![0usize; pack.alternatives.len()])
        .collect();
    let mut samplers: Vec<(usize, Sampler)> = Vec::new();
    for (i, &(pack, ev)) in packs.iter().enumerate() {
        let Some(leader) = ev.winner() else {
            continue;
        };
        let live = contenders(pack, ev, leader);
        if live.len() == 1 {
            // Nothing else can win a sample: the leader wins them all (what the loop would find).
            counts[i][leader] = SAMPLES;
        } else if pack.criteria.is_empty() {
            // Every sum is zero in every sample: the first live alternative wins them all.
            counts[i][live[0]] = SAMPLES;
        } else {
            samplers.push((i, Sampler::new(pack, ev, live)));
        }
    }
    // Packs with as many criteria share their draws.
    samplers.sort_by_key(|(_, s)| s.weights.len());
    for group in samplers.chunk_by_mut(|(_, a), (_, b)| a.weights.len() == b.weights.len()) {
        let n_crit = group[0].1.weights.len();
        let mut rng = SplitMix64::new(SEED);
        // `BLOCK` samples at a time, factors drawn in the same order as one by one.
        let mut factors = vec![0.0; BLOCK * n_crit];
        let mut w = vec![0.0; BLOCK * n_crit];
        for start in (0..SAMPLES).step_by(BLOCK) {
            let n = BLOCK.min(SAMPLES - start);
            for f in factors[..n * n_crit].iter_mut() {
                *f = 1.0 - NOISE + 2.0 * NOISE * rng.next_f64();
            }
            for (_, sampler) in group.iter_mut() {
                for (wb, fb) in w.chunks_exact_mut(n_crit).zip(factors.chunks_exact(n_crit)) {
                    for ((wk, base), f) in wb.iter_mut().zip(&sampler.weights).zip(fb) {
                        *wk = base * f;
                    }
                }
                sampler.sample(&w, n);
            }
        }
        for (i, sampler) in group.iter() {
            for (&a, &n) in sampler.live.iter().zip(&sampler.wins) {
                counts[*i][a] = n;
            }
        }
    }
    counts
}

/// One pack's contenders, sampled: their effective cells and how many samples each has won.
struct Sampler {
    weights: Vec<f64>,
    live: Vec<usize>,
    cells: Cells,
    wins: Vec<usize>,
}

/// The effective cells of the live alternatives in groups of `N`, criterion by criterion within a
/// group (padded with zeros): each sample adds one criterion to a whole group's sums at once, in
/// fixed-size arrays the compiler turns into vector instructions. Per alternative these are the
/// same additions in the same order as a row-by-row sum, so the results are bit for bit the same
/// whatever `N` is; most packs keep two to four contenders, and fewer lanes do less work.
enum Cells {
    Two(Vec<[f64; 2]>),
    Four(Vec<[f64; 4]>),
    Eight(Vec<[f64; LANES]>),
}

impl Sampler {
    fn new(pack: &Pack, ev: &Evaluation, live: Vec<usize>) -> Sampler {
        fn lay_out<const N: usize>(pack: &Pack, ev: &Evaluation, live: &[usize]) -> Vec<[f64; N]> {
            let n_crit = pack.criteria.len();
            let mut cells = vec![[0.0; N]; live.len().div_ceil(N) * n_crit];
            for (i, &a) in live.iter().enumerate() {
                for k in 0..n_crit {
                    cells[(i / N) * n_crit + k][i % N] = ev.cell(pack, a, k);
                }
            }
            cells
        }
        let cells = match live.len() {
            2 => Cells::Two(lay_out(pack, ev, &live)),
            3 | 4 => Cells::Four(lay_out(pack, ev, &live)),
            _ => Cells::Eight(lay_out(pack, ev, &live)),
        };
        Sampler {
            weights: ev.weights.clone(),
            wins: vec![0; live.len()],
            live,
            cells,
        }
    }

    /// Scores the first `n` of the `BLOCK` weightings in `w` (one after another, `n_crit` weights
    /// each) and counts their winners.
    fn sample(&mut self, w: &[f64], n: usize) {
        let n_live = self.live.len();
        let best = match &self.cells {
            Cells::Two(c) => best_of(c, w, n_live),
            Cells::Four(c) => best_of(c, w, n_live),
            Cells::Eight(c) => best_of(c, w, n_live),
        };
        for i in best.iter().take(n).flatten() {
            self.wins[*i] += 1;
        }
    }
}

/// For each of the `BLOCK` weightings in `w`, the live alternative with the highest sum. The
/// common 1/Σw factor cannot change the winner, so raw sums are compared; the first of equal sums
/// wins, as in `score::best`. The weightings' sums are independent chains of additions, worked side
/// by side so the processor overlaps them (one at a time, each addition waited for the last); each
/// is still added in criterion order, so the sums are bit for bit those of one at a time.
#[inline]
fn best_of<const N: usize>(cells: &[[f64; N]], w: &[f64], n_live: usize) -> [Option<usize>; BLOCK] {
    let n_crit = w.len() / BLOCK;
    let mut best: [Option<(usize, f64)>; BLOCK] = [None; BLOCK];
    for (g, group) in cells.chunks_exact(n_crit).enumerate() {
        let mut sums = [[0.0; N]; BLOCK];
        for (k, column) in group.iter().enumerate() {
            for (b, sums) in sums.iter_mut().enumerate() {
                let wk = w[b * n_crit + k];
                for (s, c) in sums.iter_mut().zip(column) {
                    *s += c * wk;
                }
            }
        }
        for (best, sums) in best.iter_mut().zip(&sums) {
            for (l, &s) in sums.iter().enumerate().take(n_live - g * N) {
                if best.is_none_or(|(_, b)| s > b) {
                    *best = Some((g * N + l, s));
                }
            }
        }
    }
    best.map(|b| b.map(|(i, _)| i))
}
