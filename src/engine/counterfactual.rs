//! Counterfactuals: which other answers would change the winner, and the smallest set of answer
//! changes (one, else two) that does.

use super::score::winner_of;
use crate::pack::Pack;

/// The winner if question `question` were answered `choice` instead.
#[derive(Debug, Clone, PartialEq)]
pub struct SingleChange {
    pub question: usize,
    pub from: Option<usize>,
    pub to: usize,
    pub winner: Option<usize>,
}

/// Every other choice of every question the pack's rules read (and answering a skipped one).
pub fn single_changes(
    pack: &Pack,
    n_choices: &[usize],
    answers: &[Option<usize>],
) -> Vec<SingleChange> {
    let mut trial = answers.to_vec();
    let mut out = Vec::new();
    for &q in &pack.questions_used {
        let from = answers[q];
        for c in 0..n_choices[q] {
            if Some(c) == from {
                continue;
            }
            trial[q] = Some(c);
            out.push(SingleChange {
                question: q,
                from,
                to: c,
                winner: winner_of(pack, &trial),
            });
        }
        trial[q] = from;
    }
    out
}

/// At most this many two-answer flips are listed.
pub const MAX_PAIRS: usize = 10;

/// Two answer changes `(question, choice)` and the winner they give together.
pub type PairFlip = ((usize, usize), (usize, usize), Option<usize>);

/// The pair search scores at most this many cells (alternatives × criteria per pair tried): about
/// 50 ms. The built-in packs search every pair; a pack of 10,000 alternatives searches the first
/// hundred or so and says it stopped.
pub const PAIR_CELL_BUDGET: usize = 50_000_000;

/// Pairs of answer changes `((q1, c1), (q2, c2), new winner)` that change the winner, searched only
/// when no single change does; and whether every pair was tried (false when the search stopped at
/// [`PAIR_CELL_BUDGET`] before finding [`MAX_PAIRS`]).
pub fn pair_flips(
    pack: &Pack,
    n_choices: &[usize],
    answers: &[Option<usize>],
    winner: Option<usize>,
) -> (Vec<PairFlip>, bool) {
    let qs = &pack.questions_used;
    let cells = (pack.alternatives.len() * pack.criteria.len()).max(1);
    let mut budget = PAIR_CELL_BUDGET / cells;
    let mut trial = answers.to_vec();
    let mut out = Vec::new();
    for (i, &q1) in qs.iter().enumerate() {
        for c1 in (0..n_choices[q1]).filter(|&c| Some(c) != answers[q1]) {
            trial[q1] = Some(c1);
            for &q2 in &qs[i + 1..] {
                for c2 in (0..n_choices[q2]).filter(|&c| Some(c) != answers[q2]) {
                    if budget == 0 {
                        return (out, false);
                    }
                    budget -= 1;
                    trial[q2] = Some(c2);
                    let w = winner_of(pack, &trial);
                    if w != winner {
                        out.push(((q1, c1), (q2, c2), w));
                        if out.len() >= MAX_PAIRS {
                            return (out, true);
                        }
                    }
                }
                trial[q2] = answers[q2];
            }
        }
        trial[q1] = answers[q1];
    }
    (out, true)
}
