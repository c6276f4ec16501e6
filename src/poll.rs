//! Poll the room: how many hands went up for each choice of one or more questions (typed by the
//! host, `recommend --poll traffic.spiky=30`, or counted from a folder of answers files), and what
//! that means — the share of the room's answer combinations each alternative wins, and which
//! question divides the room most. No terminal, no files: [`analyze`] takes the catalog, the
//! session's other answers and the hands.
//!
//! A show of hands says how many chose each answer of each question, not who chose what together,
//! so the questions are taken as independent: a combination of answers weighs the product of each
//! answer's share of its question's hands. Every combination of the polled answers that got a hand
//! is scored, in-process, with the other answers fixed at the session's.

use crate::answers::Answers;
use crate::engine::score::winner_of;
use crate::engine::{PollPack, PollResult, PollWin, PolledChoice, PolledQuestion};
use crate::pack::Catalog;

/// The most combinations of polled answers [`analyze`] scores: beyond it, the host polls fewer
/// questions at once (a room rarely answers more than three or four by hand).
pub const MAX_COMBINATIONS: usize = 100_000;

/// The hands for each choice of each polled question (catalog indices), in the order polled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Poll {
    pub questions: Vec<(usize, Vec<u32>)>,
}

impl Poll {
    /// The hands for `choice` of `question`, in a poll that may not have the question yet.
    pub fn set(&mut self, catalog: &Catalog, question: usize, choice: usize, hands: u32) {
        let Some(q) = catalog.questions.get(question) else {
            return;
        };
        if choice >= q.choices.len() {
            return;
        }
        let at = match self.questions.iter().position(|(qi, _)| *qi == question) {
            Some(at) => at,
            None => {
                self.questions.push((question, vec![0; q.choices.len()]));
                self.questions.len() - 1
            }
        };
        self.questions[at].1[choice] = hands;
    }

    /// The hands for each choice of `question` (zeros when it is not polled).
    pub fn hands(&self, question: usize) -> Option<&[u32]> {
        self.questions
            .iter()
            .find(|(q, _)| *q == question)
            .map(|(_, h)| &h[..])
    }

    /// The questions with at least one hand.
    pub fn polled(&self) -> impl Iterator<Item = &(usize, Vec<u32>)> {
        self.questions
            .iter()
            .filter(|(_, h)| h.iter().any(|&n| n > 0))
    }

    pub fn is_empty(&self) -> bool {
        self.polled().next().is_none()
    }

    /// Reads `QUESTION.CHOICE=HANDS` (`traffic.spiky=30`) into the poll, as `--poll` gives it: an
    /// unknown question or choice is named with the ones there are, the closest as a `tip:` line.
    pub fn add_flag(&mut self, catalog: &Catalog, spec: &str) -> Result<(), String> {
        let shape = || {
            format!(
                "`--poll {spec}` is not QUESTION.CHOICE=HANDS\ntip: for example `--poll traffic.spiky=30`"
            )
        };
        let (key, n) = spec.split_once('=').ok_or_else(shape)?;
        let (q, c) = key.trim().split_once('.').ok_or_else(shape)?;
        let tip = |what: &str, typed: &str, ids: &[&str]| {
            crate::suggest::similar(what, typed, ids.iter().copied())
                .map_or(String::new(), |t| format!("\n{t}"))
        };
        let qi = catalog.question_index(q).ok_or_else(|| {
            let ids: Vec<&str> = catalog.questions.iter().map(|x| x.id.as_str()).collect();
            format!(
                "unknown question `{q}` in `--poll {spec}`{}\ntip: `tradeoff questions` lists every question and its choices",
                tip("question", q, &ids)
            )
        })?;
        let question = &catalog.questions[qi];
        let ci = question.choice_index(c).ok_or_else(|| {
            let ids: Vec<&str> = question.choices.iter().map(|x| x.id.as_str()).collect();
            format!(
                "unknown choice `{c}` for `{q}` in `--poll {spec}`; its choices: {}{}",
                ids.join(", "),
                tip("choice", c, &ids)
            )
        })?;
        let hands: u32 = n
            .trim()
            .parse()
            .ok()
            .filter(|&h| h <= MAX_HANDS)
            .ok_or_else(|| {
                format!(
                    "`{}` in `--poll {spec}`: hands are a whole number from 0 to {MAX_HANDS}",
                    n.trim()
                )
            })?;
        self.set(catalog, qi, ci, hands);
        Ok(())
    }

    /// The hands a room's answers files give: for each question in `questions` (every question
    /// the files answer in more than one way when empty), how many files chose each choice.
    pub fn from_answers(catalog: &Catalog, room: &[Answers], questions: &[usize]) -> Poll {
        let mut poll = Poll::default();
        let chosen: Vec<usize> = if questions.is_empty() {
            (0..catalog.questions.len())
                .filter(|&q| {
                    let mut seen: Vec<usize> = room.iter().filter_map(|a| a.choices[q]).collect();
                    seen.sort_unstable();
                    seen.dedup();
                    seen.len() > 1
                })
                .collect()
        } else {
            questions.to_vec()
        };
        for q in chosen {
            for a in room {
                if let Some(c) = a.choices.get(q).copied().flatten() {
                    let now = poll.hands(q).map_or(0, |h| h[c]);
                    poll.set(catalog, q, c, now + 1);
                }
            }
        }
        poll
    }
}

/// The most hands one choice may get: a room, not a census.
pub const MAX_HANDS: u32 = 100_000;

/// What the poll means for `answers` (the session's: every question not polled keeps its answer)
/// and the packs decided (`packs`, catalog indices; every pack when empty). An error when nothing
/// got a hand or there are more than [`MAX_COMBINATIONS`] combinations.
pub fn analyze(
    catalog: &Catalog,
    answers: &[Option<usize>],
    packs: &[usize],
    poll: &Poll,
) -> Result<PollResult, String> {
    let all: Vec<usize> = (0..catalog.packs.len()).collect();
    let packs = if packs.is_empty() { &all[..] } else { packs };
    // Per polled question: the choices with hands, and their shares.
    let polled: Vec<(usize, Vec<(usize, f64)>)> = poll
        .polled()
        .map(|(q, hands)| {
            let total: u32 = hands.iter().sum();
            let shares = hands
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(c, n)| (c, f64::from(*n) / f64::from(total)))
                .collect();
            (*q, shares)
        })
        .collect();
    if polled.is_empty() {
        return Err(
            "no hands yet\ntip: give at least one answer a hand, e.g. `--poll traffic.spiky=30`"
                .into(),
        );
    }
    let sizes: Vec<usize> = polled.iter().map(|(_, s)| s.len()).collect();
    let combinations = sizes
        .iter()
        .try_fold(1usize, |n, &s| n.checked_mul(s))
        .filter(|&n| n <= MAX_COMBINATIONS)
        .ok_or_else(|| {
            format!(
                "more than {MAX_COMBINATIONS} combinations of polled answers\ntip: poll fewer questions at once"
            )
        })?;
    // Every combination, in mixed radix (the first question slowest): its weight and the winner
    // of each pack decided.
    let mut weights = Vec::with_capacity(combinations);
    let mut winners: Vec<Vec<Option<usize>>> = Vec::with_capacity(combinations);
    let mut digits = vec![0usize; polled.len()];
    for _ in 0..combinations {
        let mut choices = answers.to_vec();
        let mut w = 1.0;
        for (k, (q, shares)) in polled.iter().enumerate() {
            let (c, s) = shares[digits[k]];
            choices[*q] = Some(c);
            w *= s;
        }
        catalog.normalize(&mut choices);
        weights.push(w);
        winners.push(
            packs
                .iter()
                .map(|&p| winner_of(&catalog.packs[p], &choices))
                .collect(),
        );
        for k in (0..digits.len()).rev() {
            digits[k] += 1;
            if digits[k] < sizes[k] {
                break;
            }
            digits[k] = 0;
        }
    }
    let out_packs = packs
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let pack = &catalog.packs[p];
            // Shares by alternative; the last slot for "nothing left".
            let mut share = vec![0.0; pack.alternatives.len() + 1];
            for (w, win) in weights.iter().zip(&winners) {
                share[win[i].unwrap_or(pack.alternatives.len())] += w;
            }
            let mut wins: Vec<PollWin> = share
                .iter()
                .enumerate()
                .filter(|(_, s)| **s > 0.0)
                .map(|(a, s)| PollWin {
                    alternative: pack.alternatives.get(a).map(|x| x.id.clone()),
                    name: pack
                        .alternatives
                        .get(a)
                        .map_or("nothing (all excluded)".into(), |x| x.name.clone()),
                    share: crate::engine::round3(*s),
                })
                .collect();
            wins.sort_by(|a, b| b.share.total_cmp(&a.share));
            PollPack {
                pack: pack.id.clone(),
                pack_name: pack.name.clone(),
                wins,
            }
        })
        .collect();
    // Division: for each combination and each other answer of question k, the chance of that
    // pair times whether the stacks differ.
    let stride = |k: usize| sizes[k + 1..].iter().product::<usize>();
    let mut questions = Vec::new();
    for (k, (q, shares)) in polled.iter().enumerate() {
        let st = stride(k);
        let mut divides = 0.0;
        for (idx, w) in weights.iter().enumerate() {
            let d = (idx / st) % sizes[k];
            for (other, (_, s)) in shares.iter().enumerate() {
                if other == d {
                    continue;
                }
                let j = idx - d * st + other * st;
                if winners[idx] != winners[j] {
                    divides += w * s;
                }
            }
        }
        let question = &catalog.questions[*q];
        let hands = poll.hands(*q).unwrap_or(&[]);
        let total: u32 = hands.iter().sum();
        questions.push(PolledQuestion {
            question: question.id.clone(),
            title: question.title.clone(),
            hands_total: total,
            choices: question
                .choices
                .iter()
                .zip(hands)
                .map(|(c, &n)| PolledChoice {
                    choice: c.id.clone(),
                    label: c.label.clone(),
                    hands: n,
                    share: crate::engine::round3(f64::from(n) / f64::from(total.max(1))),
                })
                .collect(),
            divides: crate::engine::round3(divides),
        });
    }
    let divides_most = questions
        .iter()
        .filter(|q| q.divides > 0.0)
        .max_by(|a, b| a.divides.total_cmp(&b.divides))
        .map(|q| q.question.clone());
    Ok(PollResult {
        questions,
        combinations,
        packs: out_packs,
        divides_most,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_checked_with_what_would_be_right() {
        let c = crate::pack::load_builtin().unwrap();
        let mut p = Poll::default();
        p.add_flag(&c, "traffic.spiky=30").unwrap();
        p.add_flag(&c, "traffic.steady=12").unwrap();
        let q = c.question_index("traffic").unwrap();
        assert_eq!(p.hands(q).unwrap().iter().sum::<u32>(), 42);
        let e = p.add_flag(&c, "trafic.spiky=3").unwrap_err();
        assert!(
            e.contains("tip: a similar question exists: `traffic`"),
            "{e}"
        );
        let e = p.add_flag(&c, "traffic.spikey=3").unwrap_err();
        assert!(e.contains("tip: a similar choice exists: `spiky`"), "{e}");
        assert!(
            p.add_flag(&c, "traffic.spiky=-3")
                .unwrap_err()
                .contains("whole number")
        );
        assert!(p.add_flag(&c, "traffic.spiky").is_err());
        assert!(p.add_flag(&c, "traffic=3").is_err());
    }

    #[test]
    fn nothing_polled_is_an_error() {
        let c = crate::pack::load_builtin().unwrap();
        let answers = Answers::empty(&c);
        let e = analyze(&c, &answers.choices, &[], &Poll::default()).unwrap_err();
        assert!(e.contains("no hands"), "{e}");
    }
}
