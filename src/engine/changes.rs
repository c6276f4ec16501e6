//! What would change the winner, in the result's words: every other single answer with the winner
//! it gives, the smallest sets of answer changes that change it, and how far each weight may move
//! before it does (the algorithms are in `counterfactual` and `sensitivity`).

use super::context::Ctx;
use super::result::*;
use super::round::round3;
use super::{counterfactual, sensitivity};

/// Every other single answer with the winner it gives, and the smallest sets of answer changes
/// (one, else two) that change the winner.
pub(super) fn what_would_change(cx: &Ctx, winner: Option<usize>) -> (Vec<Counterfactual>, Flips) {
    let catalog = cx.catalog;
    let change = |q: usize, c: usize| {
        let question = &catalog.questions[q];
        AnswerChange {
            question: question.id.clone(),
            title: question.title.clone(),
            from: cx.answers[q].map(|ci| question.choices[ci].id.clone()),
            to: question.choices[c].id.clone(),
            to_label: question.choices[c].label.clone(),
        }
    };
    let singles = counterfactual::single_changes(&catalog.questions, cx.pack, cx.answers);
    let counterfactuals = singles
        .iter()
        .map(|s| {
            let ch = change(s.question, s.to);
            Counterfactual {
                question: ch.question,
                title: ch.title,
                from: ch.from,
                to: ch.to,
                to_label: ch.to_label,
                winner: cx.alt_id(s.winner),
                winner_name: cx.alt_name(s.winner),
                changes_winner: s.winner != winner,
            }
        })
        .collect();
    let flip_set = |changes, w| FlipSet {
        changes,
        winner: cx.alt_id(w),
        winner_name: cx.alt_name(w),
    };
    let single_flips: Vec<FlipSet> = singles
        .iter()
        .filter(|s| s.winner != winner)
        .map(|s| flip_set(vec![change(s.question, s.to)], s.winner))
        .collect();
    let flips = if !single_flips.is_empty() {
        Flips {
            size: Some(1),
            sets: single_flips,
            complete: true,
        }
    } else {
        let (pairs, complete) =
            counterfactual::pair_flips(&catalog.questions, cx.pack, cx.answers, winner);
        Flips {
            complete,
            size: (!pairs.is_empty()).then_some(2),
            sets: pairs
                .into_iter()
                .map(|((q1, c1), (q2, c2), w)| flip_set(vec![change(q1, c1), change(q2, c2)], w))
                .collect(),
        }
    };
    (counterfactuals, flips)
}

pub(super) fn weight_sensitivity(cx: &Ctx, winner: Option<usize>) -> Vec<Sensitivity> {
    let flips = winner.map(|w| sensitivity::weight_flips(cx.pack, &cx.ev, w));
    cx.pack
        .criteria
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let f = flips.as_ref().and_then(|v| v[k]);
            Sensitivity {
                criterion: c.id.clone(),
                name: c.name.clone(),
                flip_at: f.map(|f| round3(f.relative_change)),
                new_winner: f.map(|f| cx.pack.alternatives[f.new_winner].id.clone()),
            }
        })
        .collect()
}
