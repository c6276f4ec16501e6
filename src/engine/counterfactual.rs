//! Counterfactuals: which other answers would change the winner, and the smallest set of answer
//! changes (one, else two) that does.

use super::score::winner_of;
use crate::pack::{Pack, Question, normalize};

/// The winner if question `question` were answered `choice` instead.
#[derive(Debug, Clone, PartialEq)]
pub struct SingleChange {
    pub question: usize,
    pub from: Option<usize>,
    pub to: usize,
    pub winner: Option<usize>,
}

/// `answers` with question `q` answered `c`, and the follow-ups that no longer apply cleared.
fn with_change(
    questions: &[Question],
    answers: &[Option<usize>],
    q: usize,
    c: usize,
) -> Vec<Option<usize>> {
    let mut trial = answers.to_vec();
    trial[q] = Some(c);
    normalize(questions, &mut trial);
    trial
}

/// Every other choice of every question the pack's rules read (and answering a skipped one); a
/// follow-up question only where it is asked. `answers` are normalised.
pub fn single_changes(
    questions: &[Question],
    pack: &Pack,
    answers: &[Option<usize>],
) -> Vec<SingleChange> {
    let mut out = Vec::new();
    for &q in &pack.questions_used {
        if !questions[q].applies(answers) {
            continue;
        }
        let from = answers[q];
        for c in (0..questions[q].choices.len()).filter(|&c| Some(c) != from) {
            out.push(SingleChange {
                question: q,
                from,
                to: c,
                winner: winner_of(pack, &with_change(questions, answers, q, c)),
            });
        }
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
    questions: &[Question],
    pack: &Pack,
    answers: &[Option<usize>],
    winner: Option<usize>,
) -> (Vec<PairFlip>, bool) {
    let qs = &pack.questions_used;
    let cells = (pack.alternatives.len() * pack.criteria.len()).max(1);
    let mut budget = PAIR_CELL_BUDGET / cells;
    let mut out = Vec::new();
    for (i, &q1) in qs.iter().enumerate() {
        if !questions[q1].applies(answers) {
            continue;
        }
        for c1 in (0..questions[q1].choices.len()).filter(|&c| Some(c) != answers[q1]) {
            let first = with_change(questions, answers, q1, c1);
            for &q2 in &qs[i + 1..] {
                if !questions[q2].applies(&first) {
                    continue;
                }
                for c2 in (0..questions[q2].choices.len()).filter(|&c| Some(c) != first[q2]) {
                    if budget == 0 {
                        return (out, false);
                    }
                    budget -= 1;
                    let w = winner_of(pack, &with_change(questions, &first, q2, c2));
                    if w != winner {
                        out.push(((q1, c1), (q2, c2), w));
                        if out.len() >= MAX_PAIRS {
                            return (out, true);
                        }
                    }
                }
            }
        }
    }
    (out, true)
}
